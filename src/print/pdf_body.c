/* The body diagram on paper: the same figure and regions as the screen (core/body.h),
 * drawn with cairo, the reported areas filled dark, the sides named in plain words. */
#include <math.h>
#include <string.h>

#include "../core/body.h"
#include "print_internal.h"

/* Room for the side labels ("Right", "Izquierda") beside each view, as fractions of
 * the height: between the views, and outside them. */
#define VIEW_GAP 0.7
#define VIEW_OUTER 0.25

double pdf_body_width(double h)
{
    return h * BODY_VIEW_ASPECT * 2 + h * VIEW_GAP + 2 * h * VIEW_OUTER;
}

static void shape_path(cairo_t *cr, const BodyShape *s, double ox, double oy, double h,
                       double shrink)
{
    double vw = h * BODY_VIEW_ASPECT;
    double x = ox + (s->x + s->w * shrink / 2) * vw, y = oy + (s->y + s->h * shrink / 2) * h;
    double w = s->w * (1 - shrink) * vw, hh = s->h * (1 - shrink) * h;
    if (s->kind == BODY_ELLIPSE) {
        cairo_save(cr);
        cairo_translate(cr, x + w / 2, y + hh / 2);
        cairo_scale(cr, w / 2, hh / 2);
        cairo_new_sub_path(cr);
        cairo_arc(cr, 0, 0, 1, 0, 2 * G_PI);
        cairo_restore(cr);
    } else {
        double r = fmin(w, hh) * 0.25;
        cairo_new_sub_path(cr);
        cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
        cairo_arc(cr, x + w - r, y + hh - r, r, 0, G_PI / 2);
        cairo_arc(cr, x + r, y + hh - r, r, G_PI / 2, G_PI);
        cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
        cairo_close_path(cr);
    }
}

static bool area_marked(const Option *const *areas, size_t n, const char *region)
{
    for (size_t i = 0; i < n; i++)
        if (areas[i]->body_region && strcmp(areas[i]->body_region, region) == 0)
            return true;
    return false;
}

static void draw_view(PdfDoc *d, BodyView view, double ox, double oy, double h,
                      const Option *const *areas, size_t nareas)
{
    cairo_t *cr = d->cr;
    size_t n;
    const BodyShape *outline = body_outline(&n);

    cairo_save(cr);
    cairo_new_path(cr);
    for (size_t i = 0; i < n; i++)
        shape_path(cr, &outline[i], ox, oy, h, 0);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_set_source_rgb(cr, 0.92, 0.92, 0.92);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);

    /* the spine on the back view, so front and back differ at a glance */
    if (view == BODY_BACK) {
        double vw = h * BODY_VIEW_ASPECT;
        cairo_set_dash(cr, (double[]){2, 1.5}, 2, 0);
        cairo_move_to(cr, ox + 0.5 * vw, oy + 0.13 * h);
        cairo_line_to(cr, ox + 0.5 * vw, oy + 0.50 * h);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }

    const BodyRegion *regions = body_regions(&n);
    for (size_t i = 0; i < n; i++) {
        if (regions[i].view != view || !area_marked(areas, nareas, regions[i].region))
            continue;
        BodyShape s = regions[i].shape;
        s.kind = BODY_ELLIPSE;
        cairo_new_path(cr);
        shape_path(cr, &s, ox, oy, h, 0.12);
        /* opaque: print filters rasterise pages that use transparency */
        cairo_set_source_rgb(cr, 0.42, 0.42, 0.42);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_set_line_width(cr, 1.2);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

double pdf_body_height(PdfDoc *d, double h)
{
    double line = pdf_doc_text(d, 0, 0, h, d->small, PDF_TX_BOLD, "Ag", false);
    return line + 1 + h + 1 + line;
}

double pdf_body_draw(PdfDoc *d, double x, double y, double h, double w, const Option *const *areas,
                     size_t nareas)
{
    double vw = h * BODY_VIEW_ASPECT, gap = h * VIEW_GAP, outer = h * VIEW_OUTER;
    double ls = d->small, top = pdf_doc_text(d, 0, 0, vw, ls, PDF_TX_BOLD, "Ag", false) + 1;
    /* Width to spare goes around and between the views: room for the side labels. */
    double spare = w - pdf_body_width(h);
    if (spare > 0) {
        outer += spare / 4;
        gap += spare / 2;
    }

    for (int v = 0; v < BODY_VIEW_COUNT; v++) {
        double ox = x + outer + v * (vw + gap), mid = ox + vw * 0.5, pad = vw * 0.1;
        /* The patient's sides, as the viewer sees them, in plain words: each over its
         * half of the figure, reaching outward from the middle as far as it needs. */
        bool left_on_right = body_side_on_viewer_right((BodyView)v, BODY_SIDE_LEFT);
        const char *vl = pdf_doc_ui(d, left_on_right ? "summary.right" : "summary.left");
        const char *vr = pdf_doc_ui(d, left_on_right ? "summary.left" : "summary.right");
        double lw = pdf_doc_text_width(d, ls, PDF_TX_BOLD, vl) + 1;
        double rw = pdf_doc_text_width(d, ls, PDF_TX_BOLD, vr) + 1;
        pdf_doc_text(d, mid - pad - lw, y, lw, ls, PDF_TX_BOLD | PDF_TX_RIGHT, vl, true);
        pdf_doc_text(d, mid + pad, y, rw, ls, PDF_TX_BOLD, vr, true);
        draw_view(d, (BodyView)v, ox, y + top, h, areas, nareas);
        pdf_doc_text(d, ox - outer, y + top + h + 1, vw + 2 * outer, ls,
                     PDF_TX_CENTER | PDF_TX_GRAY,
                     pdf_doc_ui(d, v == BODY_FRONT ? "summary.front" : "summary.back"), true);
    }
    /* a thin rule between the views, so each side label reads with its own figure */
    double mid = x + outer + vw + gap / 2;
    cairo_save(d->cr);
    cairo_set_source_rgb(d->cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(d->cr, 0.5);
    cairo_move_to(d->cr, mid, y);
    cairo_line_to(d->cr, mid, y + top + h);
    cairo_stroke(d->cr);
    cairo_restore(d->cr);
    return pdf_body_height(d, h);
}
