/* Private to src/print: the PDF drawing engine shared by the file writer, the CUPS
 * sender and the test page. Nothing here is part of the printer.h contract. */
#ifndef PK_PRINT_INTERNAL_H
#define PK_PRINT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "printer.h"

#define PDF_SMALL_MIN 8.5      /* the smallest type on paper, in points */
#define PDF_CLINICIAN_MIN 10.0 /* the clinician's part (flags, scores, areas): never smaller */
#define PDF_CLINICIAN_BIG 11.0 /* ... and its size when the page has room: about half of it */

/* A growing in-memory PDF. It holds patient data: pdf_buf_wipe() zeroes it before
 * freeing. */
typedef struct {
    unsigned char *data;
    size_t len, cap;
} PdfBuffer;

/* A cairo write function appending to the PdfBuffer passed as closure. */
cairo_status_t pdf_buf_write(void *closure, const unsigned char *data, unsigned int length);

/* Zeroes and frees the buffer; leaves it empty and reusable. */
void pdf_buf_wipe(PdfBuffer *b);

/* The page size of a paper in points (1/72 in). A receipt's height is a maximum: the
 * summary's page is cut to the height it needs. */
void paper_size(Paper paper, double *width, double *height);

/* The name paper_parse() accepts for the paper ("letter", "a4", "receipt"). */
const char *paper_name(Paper paper);

/* Renders the summary PDF through write(closure, ...). Letter and A4 fit on one page
 * when they can and two at most (a shorter plan, smaller type, never below 8.5 pt); a
 * receipt is one page as long as it needs, with the short plan. *npages and *height
 * (the last page's height in points) may be NULL. Returns 0, PK_ENOMEM or PK_EIO
 * (write failed). */
int pdf_render_summary(const Summary *sum, Paper paper, cairo_write_func_t write, void *closure,
                       int *npages, double *height);

/* The receipt test page's length in points. */
#define PDF_TEST_RECEIPT_H (110 * 72 / 25.4)

/* Renders a one-page test page with no patient data, its words from content (NULL:
 * the page carries only its language-neutral lines). Returns 0 or PK_EIO. */
int pdf_render_test(const Content *content, Paper paper, cairo_write_func_t write, void *closure);

/* ---- the page engine (pdf_doc.c) ---- */

enum {
    PDF_TX_BOLD = 1 << 0,
    PDF_TX_ITALIC = 1 << 1,
    PDF_TX_MARKUP = 1 << 2, /* the text is Pango markup */
    PDF_TX_RIGHT = 1 << 3,
    PDF_TX_CENTER = 1 << 4,
    PDF_TX_WHITE = 1 << 5,
    PDF_TX_GRAY = 1 << 6,
    PDF_TX_NOWRAP = 1 << 7, /* one line, shortened with an ellipsis if too long */
};

/* How much of the self-care plan is printed, fullest first (see pdf_plan.c). */
typedef enum {
    PDF_PLAN_FULL,       /* every item: title, how-to, caution */
    PDF_PLAN_TIPS_SHORT, /* exercises in full; other tips by title, with their cautions */
    PDF_PLAN_SHORT,      /* exercises: title and how-to; other tips as above */
    PDF_PLAN_TITLES,     /* every group by title (a last resort) */
} PdfPlanDetail;

typedef struct {
    cairo_surface_t *surface;
    cairo_t *cr;
    PangoLayout *layout;
    PangoFontDescription *font;
    const Summary *sum;     /* NULL for the test page */
    const Content *content; /* the words on paper (content_ui); NULL: none */
    Lang lang;
    Paper paper;
    double pw, ph;                   /* page size */
    double left, right, top, bottom; /* margins */
    double x, w;                     /* the content column */
    double y;                        /* the next free line */
    double fs;                       /* type size of the section being drawn */
    double small;                    /* secondary text: never below PDF_SMALL_MIN */
    double base_fs, base_small;      /* the page's own sizes (fs and small outside the
                                        clinician's part) */
    double gap;                      /* space between sections */
    double leading; /* the distance between lines, a fraction of the font's own (0: the
                       page's, for lines across the page) */
    double footer_h;
    PdfPlanDetail plan;
    double clinician_fs; /* the clinician's part at this size or more (0: the page's) */
    bool context_small;  /* about her in the page's size, in one paragraph (a tight page) */
    double figure_share; /* Letter and A4: the body figure's height, a share of the
                            printable height (at most: the width may allow less) */
    int page;            /* current page, from 1 */
    int npages;          /* total pages when known (second pass), else 0 */
    bool receipt;
    char date[64];
} PdfDoc;

/* Opens a PDF surface writing through write and sets the page geometry; with write NULL
 * a measuring pass: laid out as the PDF would be, nothing written. Returns 0 or
 * PK_ENOMEM; on failure the PdfDoc needs no pdf_doc_close(). */
int pdf_doc_open(PdfDoc *d, Paper paper, double page_h, double fs, cairo_write_func_t write,
                 void *closure);

/* Draws the last footer, finishes the PDF and frees the PdfDoc. Returns 0 or PK_EIO
 * when the PDF could not be written. *used receives the height the last page used. */
int pdf_doc_close(PdfDoc *d, double *used);

/* Lays out s in width w with size pt and TX_* style; draws it at (x, y) when draw is
 * true. Returns its height. */
double pdf_doc_text(PdfDoc *d, double x, double y, double w, double size, int style, const char *s,
                    bool draw);

/* The width of s on one line at size pt and TX_* style. */
double pdf_doc_text_width(PdfDoc *d, double size, int style, const char *s);

/* Makes sure h points are left above the footer; starts a new page otherwise. */
void pdf_doc_need(PdfDoc *d, double h);

/* A section heading with a rule under it, kept with the next keep points. */
void pdf_doc_heading(PdfDoc *d, const char *s, double keep);

/* A heading with a rule under it at (x, y) in width w, drawn when draw is true;
 * returns its height, the space under the rule included. */
double pdf_doc_heading_at(PdfDoc *d, double x, double y, double w, const char *s, bool draw);

/* The content's string for key in the PdfDoc's language (content_ui); "" when the PdfDoc has
 * no content. */
const char *pdf_doc_ui(const PdfDoc *d, const char *key);

/* ---- the summary's sections (pdf_sections.c) ---- */

/* Draws the title, the write-in line and every section of the summary's outline. */
void pdf_sections_draw(PdfDoc *d);

/* A gray box (0 black, 1 white). */
void pdf_fill_box(PdfDoc *d, double x, double y, double w, double h, double gray);

/* ---- the scores and where it hurts (pdf_scores.c) ---- */

/* Letter and A4: the scores in a row, then where it hurts on the figure at full width;
 * the receipt: the scores. Under heading (a ui key). */
void pdf_scores(PdfDoc *d, const char *heading);

/* The receipt: where it hurts, in words and on the diagram (Letter and A4 draw it
 * after the scores). */
void pdf_areas(PdfDoc *d, const char *heading);

/* Zeroes a GString (it may hold answers) and frees it. */
void pdf_gstring_wipe_free(GString *s);

/* Appends text with Pango markup characters escaped. */
void pdf_append_escaped(GString *s, const char *text);

/* "<i>Because you said:</i> Label: answer; Label: answer" as markup, showing of each
 * several-answer question only the answers the rule when tests; the caller frees it
 * with pdf_gstring_wipe_free(). */
GString *pdf_because_markup(const PdfDoc *d, const Cond *when, const SummaryFact *f, size_t n);

/* "<b>title</b>  <span small gray>Because you said: ...</span>" as markup, for a flag
 * or a contributor; the caller frees it with pdf_gstring_wipe_free(). */
GString *pdf_titled_because_markup(const PdfDoc *d, const char *title, const Cond *when,
                                   const SummaryFact *f, size_t n);

/* One bulleted item with a hanging indent at (x, y) in width w; returns its height. */
double pdf_bullet_item(PdfDoc *d, double x, double y, double w, double size, int style,
                       const char *s, bool draw);

/* Ends the page (footer included) and starts the next one. */
void pdf_doc_new_page(PdfDoc *d);

/* ---- about her, likely contributors and the self-care plan, in columns (pdf_plan.c) ---- */

/* Appends " <b><i>Caution:</i></b> <i>caution</i>" to the markup m (without the
 * label when label is false). */
void pdf_append_caution(const PdfDoc *d, GString *m, const char *caution, bool label);

/* Each under its heading (a ui key); the plan ends with what is held back. */
void pdf_context(PdfDoc *d, const char *heading);
void pdf_causes(PdfDoc *d, const char *heading);
void pdf_selfcare(PdfDoc *d, const char *heading);

/* ---- the body diagram (pdf_body.c) ---- */

/* The width of the two-view diagram drawn h tall, with columns for the areas' names
 * beside it (left of the front view, between the views, right of the back view). */
double pdf_body_width(double h);

/* True when the diagram drawn h tall in width w names every one of the areas beside
 * it (there is room for the names, all of them fit beside the figure's height, and each
 * area is on the figure). When the names do not all fit, none is drawn: the areas go
 * in words. */
bool pdf_body_names_all(PdfDoc *d, double h, double w, const Option *const *areas, size_t nareas);
/* The height of the diagram drawn h tall, its labels included. */
double pdf_body_height(PdfDoc *d, double h);

/* Draws the front and back views side by side, h tall, at (x, y), spread over width w
 * (at least pdf_body_width(h)), with the regions of the given areas marked, each
 * named beside the figure when the name columns are wide enough (not on the
 * receipt), and the sides labelled in plain words. Returns the total height used,
 * labels included. */
double pdf_body_draw(PdfDoc *d, double x, double y, double h, double w, const Option *const *areas,
                     size_t nareas);

#endif
