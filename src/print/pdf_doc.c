/* The page engine: a PDF surface, one Pango layout reused for every piece of text, a
 * cursor that flows down the page and breaks to a new one above the footer. */
#include <math.h>
#include <string.h>
#include <time.h>

#include "../core/error.h"
#include "print_internal.h"

#define FONT_FAMILY "DejaVu Sans"
#define MM (72.0 / 25.4)

/* The distance between the lines of a paragraph, as a fraction of the font's own
 * (DejaVu's is a generous 1.16 em): about 1.05 em, dense but easy to read. */
#define LINE_SPACING 0.9

const char *pdf_doc_ui(const PdfDoc *d, const char *key)
{
    return d->content ? content_ui(d->content, key, d->lang) : "";
}

static double footer(PdfDoc *d, double y, bool draw);

static void page_geometry(PdfDoc *d)
{
    if (d->receipt) {
        /* 80 mm paper prints 72 mm at most, centred, and rolls wander by a millimetre
         * or two: 6 mm keeps every word on the printable part */
        d->left = d->right = 6 * MM;
        d->top = d->bottom = 4 * MM;
    } else {
        /* Letter's sides leave room for a Letter page printed on A4 (CUPS centres it:
         * 8.5 pt off each side); A4's sides, top and bottom only for what office
         * printers can reach. */
        d->left = d->right = d->paper == PAPER_A4 ? 0.3 * 72 : 0.42 * 72;
        d->top = d->bottom = 0.3 * 72;
    }
    d->x = d->left;
    d->w = d->pw - d->left - d->right;
    d->y = d->top;
    d->gap = d->fs * 0.55;
}

int pdf_doc_open(PdfDoc *d, Paper paper, double page_h, double fs, cairo_write_func_t write,
                 void *closure)
{
    double h;
    d->paper = paper;
    d->receipt = paper == PAPER_RECEIPT_80MM;
    paper_size(paper, &d->pw, &h);
    d->ph = page_h > 0 ? page_h : h;
    d->fs = fs;
    d->small = fmax(fs * 0.86, PDF_SMALL_MIN);
    d->page = 1;
    page_geometry(d);

    time_t t = d->sum ? d->sum->created : time(NULL);
    struct tm tm;
    if (localtime_r(&t, &tm) && strftime(d->date, sizeof d->date, "%Y-%m-%d %H:%M", &tm))
        ;
    else
        d->date[0] = '\0';

    if (write) {
        d->surface = cairo_pdf_surface_create_for_stream(write, closure, d->pw, d->ph);
    } else { /* a measuring pass: the same layout (the font options are set below), but no
              * PDF made of it, which took a third of the time of each pass */
        cairo_rectangle_t page = {0, 0, d->pw, d->ph};
        d->surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &page);
    }
    if (cairo_surface_status(d->surface) != CAIRO_STATUS_SUCCESS)
        goto fail_surface;
    /* Document metadata stays free of patient data. */
    if (write) {
        cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE,
                                       d->sum ? "Visit summary" : "Printer test page");
        cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, "ppkiosk");
    }
    d->cr = cairo_create(d->surface);
    if (cairo_status(d->cr) != CAIRO_STATUS_SUCCESS)
        goto fail_cr;
    d->layout = pango_cairo_create_layout(d->cr);
    if (!d->layout)
        goto fail_layout;
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(pango_layout_get_context(d->layout), fo);
    cairo_font_options_destroy(fo);
    /* 72 dpi: a point in markup is a point on paper */
    pango_cairo_context_set_resolution(pango_layout_get_context(d->layout), 72);
    pango_layout_context_changed(d->layout);
    d->font = pango_font_description_from_string(FONT_FAMILY);
    /* Room kept at the foot of every page (the receipt's footer ends its one page). */
    d->footer_h = d->receipt ? 0 : footer(d, 0, false) + d->fs * 0.4;
    return 0;

fail_layout:
    cairo_destroy(d->cr);
fail_cr:
fail_surface:
    cairo_surface_destroy(d->surface);
    memset(d, 0, sizeof *d);
    return PK_ENOMEM;
}

/* The footer of every page: the educational-only note and, on Letter and A4, the page
 * number (the date heads the first page); on the receipt, the note ends the roll. */
static double footer(PdfDoc *d, double y, bool draw)
{
    double size = d->small, pad = d->fs * 0.35, leading = d->leading;
    const char *note = d->sum ? pdf_doc_ui(d, "summary.disclaimer") : NULL;
    char page[64];

    if (d->npages > 1)
        snprintf(page, sizeof page, "%s %d / %d", pdf_doc_ui(d, "summary.page"), d->page,
                 d->npages);
    else
        page[0] = '\0';
    if (draw) {
        cairo_save(d->cr);
        cairo_set_source_rgb(d->cr, 0.45, 0.45, 0.45);
        cairo_set_line_width(d->cr, 0.5);
        cairo_move_to(d->cr, d->x, y);
        cairo_line_to(d->cr, d->x + d->w, y);
        cairo_stroke(d->cr);
        cairo_restore(d->cr);
    }
    y += pad;
    d->leading = 0; /* the footer may be drawn from inside columns: as measured */
    double h;
    if (d->receipt) {
        h = pdf_doc_text(d, d->x, y, d->w, size, PDF_TX_ITALIC, note, draw);
    } else {
        double side = d->w * 0.13;
        h = pdf_doc_text(d, d->x, y, d->w - side, size, PDF_TX_ITALIC, note, draw);
        pdf_doc_text(d, d->x + d->w - side, y, side, size, PDF_TX_GRAY | PDF_TX_RIGHT, page, draw);
    }
    d->leading = leading;
    return pad + h;
}

static void draw_footer(PdfDoc *d)
{
    if (d->receipt) {
        d->y += d->fs * 0.5;
        d->y += footer(d, d->y, true);
    } else
        footer(d, d->ph - d->bottom - d->footer_h, true);
}

void pdf_doc_new_page(PdfDoc *d)
{
    draw_footer(d);
    cairo_show_page(d->cr);
    d->page++;
    d->y = d->top;
}

void pdf_doc_need(PdfDoc *d, double h)
{
    double limit = d->ph - d->bottom - d->footer_h;
    if (d->y + h <= limit || d->y <= d->top + 0.5)
        return; /* fits, or would not fit on any page: draw it here */
    pdf_doc_new_page(d);
}

int pdf_doc_close(PdfDoc *d, double *used)
{
    int err = 0;
    draw_footer(d);
    if (used)
        *used = (d->receipt ? d->y : d->ph - d->bottom) + d->bottom;
    pango_font_description_free(d->font);
    g_object_unref(d->layout);
    cairo_destroy(d->cr);
    cairo_surface_finish(d->surface);
    if (cairo_surface_status(d->surface) != CAIRO_STATUS_SUCCESS)
        err = PK_EIO;
    cairo_surface_destroy(d->surface);
    d->cr = NULL;
    d->surface = NULL;
    d->layout = NULL;
    d->font = NULL;
    return err;
}

/* Lays out s in d's layout: width w (0: unlimited), size pt, TX_* style. */
static void layout_set(PdfDoc *d, double w, double size, int style, const char *s)
{
    PangoLayout *l = d->layout;
    pango_font_description_set_weight(d->font, (style & PDF_TX_BOLD) ? PANGO_WEIGHT_BOLD
                                                                     : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d->font, (style & PDF_TX_ITALIC) ? PANGO_STYLE_ITALIC
                                                                      : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(d->font, size * PANGO_SCALE);
    pango_layout_set_font_description(l, d->font);
    pango_layout_set_width(l, w > 0 ? (int)(w * PANGO_SCALE) : -1);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_line_spacing(l, d->leading > 0 ? d->leading : LINE_SPACING);
    pango_layout_set_ellipsize(l, (style & PDF_TX_NOWRAP) ? PANGO_ELLIPSIZE_END
                                                          : PANGO_ELLIPSIZE_NONE);
    pango_layout_set_alignment(l, (style & PDF_TX_RIGHT)    ? PANGO_ALIGN_RIGHT
                                  : (style & PDF_TX_CENTER) ? PANGO_ALIGN_CENTER
                                                            : PANGO_ALIGN_LEFT);
    if (style & PDF_TX_MARKUP)
        pango_layout_set_markup(l, s, -1);
    else {
        pango_layout_set_attributes(l, NULL);
        pango_layout_set_text(l, s, -1);
    }
}

/* Forgets the text: layouts hold patient answers. */
static void layout_clear(PdfDoc *d)
{
    pango_layout_set_text(d->layout, "", 0);
    pango_layout_set_attributes(d->layout, NULL);
}

double pdf_doc_text(PdfDoc *d, double x, double y, double w, double size, int style, const char *s,
                    bool draw)
{
    PangoRectangle logical;

    if (!s || !*s)
        return 0;
    layout_set(d, w, size, style, s);
    pango_layout_get_extents(d->layout, NULL, &logical);
    if (draw) {
        cairo_save(d->cr);
        if (style & PDF_TX_WHITE)
            cairo_set_source_rgb(d->cr, 1, 1, 1);
        else if (style & PDF_TX_GRAY)
            cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
        else
            cairo_set_source_rgb(d->cr, 0, 0, 0);
        cairo_move_to(d->cr, x, y);
        pango_cairo_show_layout(d->cr, d->layout);
        cairo_restore(d->cr);
    }
    layout_clear(d);
    return (double)logical.height / PANGO_SCALE;
}

double pdf_doc_text_width(PdfDoc *d, double size, int style, const char *s)
{
    PangoRectangle logical;

    if (!s || !*s)
        return 0;
    layout_set(d, 0, size, style, s);
    pango_layout_get_extents(d->layout, NULL, &logical);
    layout_clear(d);
    return (double)logical.width / PANGO_SCALE;
}

double pdf_doc_heading_at(PdfDoc *d, double x, double y, double w, const char *s, bool draw)
{
    double size = d->fs * 1.12;
    double h = pdf_doc_text(d, x, y, w, size, PDF_TX_BOLD, s, draw);
    if (draw) {
        cairo_save(d->cr);
        cairo_set_line_width(d->cr, 0.6);
        cairo_set_source_rgb(d->cr, 0, 0, 0);
        cairo_move_to(d->cr, x, y + h + 0.5);
        cairo_line_to(d->cr, x + w, y + h + 0.5);
        cairo_stroke(d->cr);
        cairo_restore(d->cr);
    }
    return h + 3;
}

void pdf_doc_heading(PdfDoc *d, const char *s, double keep)
{
    pdf_doc_need(d, pdf_doc_heading_at(d, d->x, d->y, d->w, s, false) + keep);
    d->y += pdf_doc_heading_at(d, d->x, d->y, d->w, s, true);
}
