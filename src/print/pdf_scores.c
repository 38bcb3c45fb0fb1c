/* The scores and where it hurts: a table of the five scores and the areas in words
 * over the body diagram, side by side on Letter and A4 so the clinician reads them at
 * a glance, one under the other on the receipt. */
#include <math.h>
#include <stdio.h>

#include "print_internal.h"

/* ---- scores ---- */

static bool is_number(const char *s)
{
    return *s >= '0' && *s <= '9';
}

static void score_text(const PdfDoc *d, int v, char *buf, size_t size)
{
    if (v < 0)
        snprintf(buf, size, "%s", pdf_doc_ui(d, "summary.not_answered"));
    else
        snprintf(buf, size, "%d / 10", v);
}

/* The five scores as a table in width w: each label with its value right-aligned in
 * bold, the three PEG items indented under the scale's name, the PEG score shaded.
 * Returns its height; draws it at (x, y) when draw is true. */
static double score_table(PdfDoc *d, double x, double y, double w, bool draw)
{
    const Summary *s = d->sum;
    const char *labels[5] = {pdf_doc_ui(d, "summary.pain_now"), pdf_doc_ui(d, "summary.peg_pain"),
                             pdf_doc_ui(d, "summary.peg_enjoyment"),
                             pdf_doc_ui(d, "summary.peg_activity"),
                             pdf_doc_ui(d, "summary.peg_score")};
    char values[5][64];
    score_text(d, s->pain_now, values[0], sizeof values[0]);
    for (int i = 0; i < 3; i++)
        score_text(d, s->peg[i], values[i + 1], sizeof values[i + 1]);
    if (s->peg_score < 0)
        snprintf(values[4], sizeof values[4], "%s", pdf_doc_ui(d, "summary.not_answered"));
    else
        snprintf(values[4], sizeof values[4], "%.1f / 10", s->peg_score);

    double pad = d->fs * 0.22, vw = fmin(d->fs * 6.5, w * 0.4), h = 0;
    for (int i = 0; i < 5; i++) {
        bool peg_item = i >= 1 && i <= 3, number = is_number(values[i]);
        if (i == 1)
            h += pdf_doc_text(d, x + pad, y + h + pad, w - 2 * pad, d->small,
                              PDF_TX_BOLD | PDF_TX_GRAY, pdf_doc_ui(d, "summary.peg"), draw) +
                 pad;
        double lx = x + pad + (peg_item ? d->fs : 0), lw = x + w - vw - lx;
        double vs = number ? d->fs * 1.3 : d->fs;
        int vstyle = PDF_TX_RIGHT | (number ? PDF_TX_BOLD : PDF_TX_ITALIC);
        double lh = pdf_doc_text(d, lx, 0, lw, d->fs, i == 4 ? PDF_TX_BOLD : 0, labels[i], false);
        double vh = pdf_doc_text(d, 0, 0, vw - pad, vs, vstyle, values[i], false);
        double rh = (lh > vh ? lh : vh) + 2 * pad;
        if (draw) {
            if (i == 4)
                pdf_fill_box(d, x, y + h, w, rh, 0.88);
            pdf_doc_text(d, lx, y + h + (rh - lh) / 2, lw, d->fs, i == 4 ? PDF_TX_BOLD : 0,
                         labels[i], true);
            pdf_doc_text(d, x + w - vw, y + h + (rh - vh) / 2, vw - pad, vs, vstyle, values[i],
                         true);
            if (i != 3) {
                cairo_save(d->cr);
                cairo_set_source_rgb(d->cr, 0.6, 0.6, 0.6);
                cairo_set_line_width(d->cr, 0.5);
                cairo_move_to(d->cr, x, y + h + rh);
                cairo_line_to(d->cr, x + w, y + h + rh);
                cairo_stroke(d->cr);
                cairo_restore(d->cr);
            }
        }
        h += rh;
    }
    return h;
}

/* ---- where it hurts ---- */

static int role_question(const Summary *s, QuestionRole role)
{
    if (!s->content)
        return -1;
    for (size_t i = 0; i < s->content->nquestions; i++)
        if (s->content->questions[i].role == role)
            return (int)i;
    return -1;
}

static const char *areas_missing_text(const PdfDoc *d)
{
    int q = role_question(d->sum, ROLE_AREAS);
    if (q >= 0 && (size_t)q < d->sum->nanswers && d->sum->answers[q].state == ANS_SKIPPED)
        return pdf_doc_ui(d, "summary.skipped");
    return pdf_doc_ui(d, "summary.none");
}

/* The areas in words, "Lower back · Right wrist", in bold; returns the height. */
static double areas_words(PdfDoc *d, double x, double y, double w, bool draw)
{
    const Summary *s = d->sum;
    if (s->nareas == 0)
        return pdf_doc_text(d, x, y, w, d->fs, PDF_TX_ITALIC, areas_missing_text(d), draw);
    GString *m = g_string_new("<b>");
    for (size_t i = 0; i < s->nareas; i++) {
        if (i)
            g_string_append(m, " · ");
        pdf_append_escaped(m, lang_text(&s->areas[i]->label, d->lang));
    }
    g_string_append(m, "</b>");
    double h = pdf_doc_text(d, x, y, w, d->fs, PDF_TX_MARKUP, m->str, draw);
    pdf_gstring_wipe_free(m);
    return h;
}

/* The areas in words above the body diagram, the figure centred in width w and no
 * more than dh tall. Returns the height. */
static double areas_block(PdfDoc *d, double x, double y, double w, double dh, bool draw)
{
    double h = areas_words(d, x, y, w, draw);
    if (d->sum->nareas == 0)
        return h;
    double dw = pdf_body_width(dh);
    if (dw > w)
        dh *= w / dw;
    h += d->fs * 0.4;
    if (draw)
        pdf_body_draw(d, x, y + h, dh, w, d->sum->areas, d->sum->nareas);
    return h + pdf_body_height(d, dh);
}

/* Letter and A4: the scores on the left, where it hurts on the right, side by side
 * under the flags so the three read at a glance. */
static void scores_areas_row(PdfDoc *d, const char *heading)
{
    double gap = d->fs * 1.6, lw = (d->w - gap) * 0.5, rw = d->w - gap - lw;
    double rx = d->x + lw + gap;
    const char *sh = pdf_doc_ui(d, heading), *ah = pdf_doc_ui(d, "summary.areas");
    double hh = fmax(pdf_doc_heading_at(d, d->x, 0, lw, sh, false),
                     pdf_doc_heading_at(d, rx, 0, rw, ah, false));
    double left = score_table(d, d->x, 0, lw, false);
    /* The figure as tall as the scores beside it allow, within readable bounds. */
    double dh = left - areas_block(d, rx, 0, rw, 0, false);
    dh = fmin(fmax(dh, d->fs * 7.5), d->fs * 10);
    double right = areas_block(d, rx, 0, rw, dh, false);
    double h = hh + (left > right ? left : right);
    pdf_doc_need(d, h);
    double y = d->y;
    pdf_doc_heading_at(d, d->x, y, lw, sh, true);
    pdf_doc_heading_at(d, rx, y, rw, ah, true);
    score_table(d, d->x, y + hh, lw, true);
    areas_block(d, rx, y + hh, rw, dh, true);
    d->y = y + h + d->gap;
}

/* Letter and A4: the scores with where it hurts beside them; the receipt: the scores,
 * then where it hurts, one under the other. */
void pdf_scores(PdfDoc *d, const char *heading)
{
    if (!d->receipt) {
        scores_areas_row(d, heading);
        return;
    }
    double h = score_table(d, d->x, 0, d->w, false);
    pdf_doc_heading(d, pdf_doc_ui(d, heading), h);
    d->y += score_table(d, d->x, d->y, d->w, true) + d->gap;
}

void pdf_areas(PdfDoc *d, const char *heading)
{
    const Summary *s = d->sum;
    if (!d->receipt)
        return; /* drawn beside the scores */
    double h, dh = d->w * 0.75 / pdf_body_width(1.0);
    h = areas_words(d, d->x, 0, d->w, false);
    pdf_doc_heading(d, pdf_doc_ui(d, heading), h);
    d->y += areas_words(d, d->x, d->y, d->w, true);
    if (s->nareas == 0) {
        d->y += d->gap;
        return;
    }
    d->y += d->fs * 0.4;
    pdf_doc_need(d, pdf_body_height(d, dh));
    pdf_body_draw(d, d->x, d->y, dh, d->w, s->areas, s->nareas);
    d->y += pdf_body_height(d, dh) + d->gap;
}
