/* The body figure on paper: the same figure and regions as the screen (core/body.h),
 * drawn with cairo. Every region is outlined lightly; the reported areas are filled
 * dark and named beside the figure, a thin line leading from the name to the area;
 * the patient's sides are named in plain words over each view. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/body.h"
#include "print_internal.h"

/* The columns for the names of the areas, as fractions of the figure's height: left of
 * the front view, between the views, right of the back view. */
#define LABEL_COL 0.45
#define LABEL_COLS 3
/* A name column narrower than this many type sizes is left out (the receipt): the
 * areas are named in words above the figure. */
#define LABEL_MIN_EM 5.0

double pdf_body_width(double h)
{
    return h * (2 * BODY_VIEW_ASPECT + LABEL_COLS * LABEL_COL);
}

static void round_rect(cairo_t *cr, double x, double y, double w, double h, double r)
{
    r = fmin(r, fmin(w, h) / 2);
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
    cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
    cairo_close_path(cr);
}

/* The outline of a view (ox, oy) h tall: the limbs and blocks of both halves, each
 * grown by grow points, in the current source colour. */
static void figure_pass(cairo_t *cr, double ox, double oy, double h, double grow)
{
    size_t nl, nb;
    const BodyLimb *limbs = body_limbs(&nl);
    const BodyBlock *blocks = body_blocks(&nb);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (int m = 0; m < 2; m++) {
        for (size_t i = 0; i < nl; i++) {
            const BodyLimb *l = &limbs[i];
            double x1 = m ? body_mirror_x(l->x1) : l->x1, x2 = m ? body_mirror_x(l->x2) : l->x2;
            cairo_set_line_width(cr, l->t * h + 2 * grow);
            cairo_move_to(cr, ox + x1 * h, oy + l->y1 * h);
            cairo_line_to(cr, ox + x2 * h, oy + l->y2 * h);
            cairo_stroke(cr);
        }
        for (size_t i = 0; i < nb; i++) {
            const BodyBlock *b = &blocks[i];
            double x = (m ? body_mirror_x(b->x) - b->w : b->x) * h - grow + ox;
            double y = oy + b->y * h - grow, w = b->w * h + 2 * grow, bh = b->h * h + 2 * grow;
            if (b->disc) {
                cairo_save(cr);
                cairo_translate(cr, x + w / 2, y + bh / 2);
                cairo_scale(cr, w / 2, bh / 2);
                cairo_new_sub_path(cr);
                cairo_arc(cr, 0, 0, 1, 0, 2 * G_PI);
                cairo_restore(cr);
            } else {
                round_rect(cr, x, y, w, bh, b->radius * h + grow);
            }
            cairo_fill(cr);
        }
    }
}

static bool area_marked(const Option *const *areas, size_t n, const char *region)
{
    for (size_t i = 0; i < n; i++)
        if (areas[i]->body_region && strcmp(areas[i]->body_region, region) == 0)
            return true;
    return false;
}

/* One view at (ox, oy), h tall: the figure, its marks, every region lightly and the
 * reported ones filled. Opaque colours only: print filters rasterise pages that use
 * transparency. */
static void draw_view(PdfDoc *d, BodyView view, double ox, double oy, double h,
                      const Option *const *areas, size_t nareas)
{
    cairo_t *cr = d->cr;
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
    figure_pass(cr, ox, oy, h, 0.6);
    cairo_set_source_rgb(cr, 0.92, 0.92, 0.92);
    figure_pass(cr, ox, oy, h, 0);

    size_t n;
    const BodyMark *k = body_marks(&n);
    cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
    cairo_set_line_width(cr, 0.8);
    for (size_t i = 0; i < n; i++) {
        if (k[i].view != view)
            continue;
        cairo_move_to(cr, ox + k[i].x1 * h, oy + k[i].y1 * h);
        cairo_line_to(cr, ox + k[i].x2 * h, oy + k[i].y2 * h);
        cairo_stroke(cr);
    }

    const BodyRegion *r = body_regions(&n);
    for (size_t i = 0; i < n; i++) {
        if (r[i].view != view)
            continue;
        bool marked = area_marked(areas, nareas, r[i].region);
        double in = marked ? 0.01 * h : 0.02 * h;
        round_rect(cr, ox + r[i].x * h + in, oy + r[i].y * h + in, r[i].w * h - 2 * in,
                   r[i].h * h - 2 * in, 0.03 * h);
        if (marked) {
            cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
            cairo_fill_preserve(cr);
            cairo_set_source_rgb(cr, 0, 0, 0);
            cairo_set_line_width(cr, 1.4);
        } else {
            cairo_set_source_rgb(cr, 0.72, 0.72, 0.72);
            cairo_set_line_width(cr, 0.5);
        }
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

/* The name of one reported area beside the figure. */
typedef struct {
    const char *text;
    double ax, ay; /* where its line meets the area */
    double y, h;   /* the name's top and height */
} Callout;

static int callout_cmp(const void *a, const void *b)
{
    double d = ((const Callout *)a)->ay - ((const Callout *)b)->ay;
    return (d > 0) - (d < 0);
}

enum { CALLOUT_MAX = 16 }; /* names in one column */

/* Gathers the names of the reported areas in column col (0: left of the front view, 1:
 * between the views, 2: right of the back view), w wide, for the views at vx[] and top,
 * h tall, into c[CALLOUT_MAX]. Returns how many there are, CALLOUT_MAX + 1 when more. */
static size_t gather_callouts(PdfDoc *d, int col, double w, const double vx[2], double top,
                              double h, const Option *const *areas, size_t nareas, Callout *c)
{
    size_t nc = 0;
    for (size_t i = 0; i < nareas; i++) {
        BodyView v = body_region_view(areas[i]->body_region);
        if (v == BODY_VIEW_NONE)
            continue;
        const BodyRegion *r = body_region_find(v, areas[i]->body_region);
        bool right = r->x + r->w / 2 >= BODY_VIEW_ASPECT / 2 - 1e-9;
        if ((int)v + (right ? 1 : 0) != col)
            continue;
        if (nc == CALLOUT_MAX)
            return CALLOUT_MAX + 1;
        const char *t = lang_text(&areas[i]->label, d->lang);
        c[nc++] =
            (Callout){t, vx[v] + (right ? r->x + r->w : r->x) * h, top + (r->y + r->h / 2) * h, 0,
                      pdf_doc_text(d, 0, 0, w, d->small, PDF_TX_BOLD, t, false)};
    }
    return nc;
}

/* True when every column's names, stacked, fit beside the figure drawn h tall in w. */
static bool callouts_fit(PdfDoc *d, double h, double w, const Option *const *areas, size_t nareas)
{
    double col = (w - 2 * h * BODY_VIEW_ASPECT) / LABEL_COLS, vx[2] = {0, 0};
    Callout c[CALLOUT_MAX];
    for (int k = 0; k < LABEL_COLS; k++) {
        size_t nc = gather_callouts(d, k, col, vx, 0, h, areas, nareas, c);
        if (nc > CALLOUT_MAX)
            return false;
        double stack = 0;
        for (size_t i = 0; i < nc; i++)
            stack += c[i].h + (i ? d->small * 0.25 : 0);
        if (stack > h)
            return false;
    }
    return true;
}

/* The names of the reported areas in column col at x, w wide (see gather_callouts): in
 * the order of the areas from the top, pushed down where they would overlap, each with
 * a line to its area. The caller has checked that they fit (callouts_fit). */
static void draw_callouts(PdfDoc *d, int col, double x, double w, const double vx[2], double top,
                          double h, const Option *const *areas, size_t nareas)
{
    Callout c[CALLOUT_MAX];
    size_t nc = gather_callouts(d, col, w, vx, top, h, areas, nareas, c);
    if (nc > CALLOUT_MAX)
        return;
    double ls = d->small;
    qsort(c, nc, sizeof c[0], callout_cmp);
    double next = top;
    for (size_t i = 0; i < nc; i++) {
        c[i].y = fmax(c[i].ay - ls * 0.7, next);
        next = c[i].y + c[i].h + ls * 0.25;
    }
    /* the last names back up when they would run under the figure */
    double over = next - (top + h);
    for (size_t i = nc; i-- > 0 && over > 0;) {
        double up = fmin(over, c[i].y - (i ? c[i - 1].y + c[i - 1].h + ls * 0.25 : top));
        if (up <= 0)
            break;
        for (size_t j = i; j < nc; j++)
            c[j].y -= up;
        over -= up;
    }
    bool text_right = col == 0; /* the left column's names end next to the figure */
    cairo_save(d->cr);
    for (size_t i = 0; i < nc; i++) {
        double tw = fmin(w, pdf_doc_text_width(d, ls, PDF_TX_BOLD, c[i].text) + 1);
        double lx = text_right ? x + w - tw : x, ly = c[i].y + ls * 0.7;
        pdf_doc_text(d, lx, c[i].y, w, ls, PDF_TX_BOLD, c[i].text, true);
        double ex = text_right ? lx - 0 + tw + ls * 0.2 : lx - ls * 0.2;
        cairo_set_source_rgb(d->cr, 0, 0, 0);
        cairo_set_line_width(d->cr, 0.7);
        cairo_move_to(d->cr, ex, ly);
        cairo_line_to(d->cr, c[i].ax, c[i].ay);
        cairo_stroke(d->cr);
        cairo_arc(d->cr, c[i].ax, c[i].ay, 1.3, 0, 2 * G_PI);
        cairo_fill(d->cr);
    }
    cairo_restore(d->cr);
}

static bool names_fit(const PdfDoc *d, double h, double w)
{
    return (w - 2 * h * BODY_VIEW_ASPECT) / LABEL_COLS >= d->small * LABEL_MIN_EM;
}

bool pdf_body_names_all(PdfDoc *d, double h, double w, const Option *const *areas, size_t nareas)
{
    if (!names_fit(d, h, w) || !callouts_fit(d, h, w, areas, nareas))
        return false;
    for (size_t i = 0; i < nareas; i++)
        if (body_region_view(areas[i]->body_region) == BODY_VIEW_NONE)
            return false;
    return true;
}

double pdf_body_height(PdfDoc *d, double h)
{
    double line = pdf_doc_text(d, 0, 0, h, d->small, PDF_TX_BOLD, "Ag", false);
    return line + 1 + h + 1 + line;
}

double pdf_body_draw(PdfDoc *d, double x, double y, double h, double w, const Option *const *areas,
                     size_t nareas)
{
    double vw = h * BODY_VIEW_ASPECT, col = (w - 2 * vw) / LABEL_COLS;
    double ls = d->small, top = pdf_doc_text(d, 0, 0, vw, ls, PDF_TX_BOLD, "Ag", false) + 1;
    double pad = vw * 0.06;
    bool names = names_fit(d, h, w) && callouts_fit(d, h, w, areas, nareas);
    col = fmax(col, 0);

    /* The patient's sides, as the viewer sees them, in plain words: each over its half
     * of a view, reaching outward from the middle as far as it needs. Without names
     * beside the figure (a narrow one: the receipt), the room between and beside the
     * views goes where the side labels need it, what is left shared evenly; where even
     * so the two labels between the views would run into each other, they are set
     * smaller, down to the smallest type on paper. */
    const char *side[BODY_VIEW_COUNT][2];
    double over[BODY_VIEW_COUNT][2];   /* how far each reaches past its view's edge */
    double outer_l = col, inner = col; /* the right of the back view: the rest */
    double sl = ls;                    /* the side labels' size */
    for (;; sl = fmax(sl - 0.5, PDF_SMALL_MIN)) {
        for (int v = 0; v < BODY_VIEW_COUNT; v++) {
            bool left_on_right = body_side_on_viewer_right((BodyView)v, BODY_SIDE_LEFT);
            side[v][0] = pdf_doc_ui(d, left_on_right ? "summary.right" : "summary.left");
            side[v][1] = pdf_doc_ui(d, left_on_right ? "summary.left" : "summary.right");
            for (int k = 0; k < 2; k++)
                over[v][k] = pdf_doc_text_width(d, sl, PDF_TX_BOLD, side[v][k]) + 1 + pad - vw / 2;
        }
        if (names)
            break;
        double need_l = fmax(over[0][0], 0), need_r = fmax(over[1][1], 0);
        double need_in = fmax(over[0][1], 0) + fmax(over[1][0], 0) + sl * 0.5;
        double spare = w - 2 * vw - need_l - need_in - need_r;
        if (spare >= 0) {
            outer_l = need_l + spare / 3;
            inner = need_in + spare / 3;
        }
        if (spare >= 0 || sl <= PDF_SMALL_MIN)
            break;
    }
    double vx[BODY_VIEW_COUNT] = {x + outer_l, x + outer_l + vw + inner};

    for (int v = 0; v < BODY_VIEW_COUNT; v++) {
        double ox = vx[v], mid = ox + vw * 0.5;
        double lw = over[v][0] - pad + vw / 2, rw = over[v][1] - pad + vw / 2;
        pdf_doc_text(d, mid - pad - lw, y, lw, sl, PDF_TX_BOLD | PDF_TX_RIGHT, side[v][0], true);
        pdf_doc_text(d, mid + pad, y, rw, sl, PDF_TX_BOLD, side[v][1], true);
        draw_view(d, (BodyView)v, ox, y + top, h, areas, nareas);
        pdf_doc_text(d, ox, y + top + h + 1, vw, ls, PDF_TX_CENTER | PDF_TX_GRAY,
                     pdf_doc_ui(d, v == BODY_FRONT ? "summary.front" : "summary.back"), true);
    }
    if (names)
        for (int c = 0; c < LABEL_COLS; c++)
            draw_callouts(d, c, x + c * (col + vw), col, vx, y + top, h, areas, nareas);
    /* a thin rule between the views, so each side label reads with its own figure */
    double mid = vx[0] + vw + inner / 2;
    cairo_save(d->cr);
    cairo_set_source_rgb(d->cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(d->cr, 0.5);
    cairo_move_to(d->cr, mid, y);
    cairo_line_to(d->cr, mid, y + top + (names ? 0.3 * h : h));
    cairo_stroke(d->cr);
    cairo_restore(d->cr);
    return pdf_body_height(d, h);
}
