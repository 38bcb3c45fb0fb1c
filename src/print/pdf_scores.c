/* The scores and where it hurts. Letter and A4: the scores in one row of large
 * numbers, then the areas in words over the body figure at full width, each area named
 * beside it, so the clinician reads them at a glance. The receipt: a table of the
 * scores, then the areas in words over a small figure. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "print_internal.h"

/* ---- scores ---- */

/* A score, "7 / 10" or "≥ 3 / 6", shown big; else words ("Not answered"). */
static bool is_number(const char *s)
{
    if (strncmp(s, "\xe2\x89\xa5 ", 4) == 0)
        s += 4;
    return *s >= '0' && *s <= '9';
}

/* The size, from size down to floor, at which every word of s fits in w: a word is
 * never broken inside ("resultad-o positivo" in the Spanish mood cell). */
static double words_fit(PdfDoc *d, double size, double floor, int style, const char *s, double w)
{
    char word[64];
    for (const char *p = s; *p;) {
        size_t n = strcspn(p, " ");
        snprintf(word, sizeof word, "%.*s", (int)(n < sizeof word ? n : sizeof word - 1), p);
        while (size > floor && pdf_doc_text_width(d, size, style, word) > w)
            size = size - 0.5 > floor ? size - 0.5 : floor;
        p += n;
        p += strspn(p, " ");
    }
    return size;
}

static void score_text(const PdfDoc *d, int v, char *buf, size_t size)
{
    if (v < 0)
        snprintf(buf, size, "%s", pdf_doc_ui(d, "summary.not_answered"));
    else
        snprintf(buf, size, "%d / 10", v);
}

#define SCORES_MAX 6 /* pain now, the three PEG items, the PEG score, PHQ-2 */

/* One score: a row of the receipt's table, a cell of the row on Letter and A4. */
typedef struct {
    const char *label;
    char value[64];
    bool peg_item; /* under the PEG scale's name */
    bool shaded;   /* the PEG score */
} ScoreCell;

/* The scores to print into c; returns how many (the PHQ-2 "Not answered" unless both
 * items were answered, as in the terminal summary). */
static size_t score_cells(const PdfDoc *d, ScoreCell c[SCORES_MAX])
{
    const Summary *s = d->sum;
    static const char *const keys[5] = {"summary.pain_now", "summary.peg_pain",
                                        "summary.peg_enjoyment", "summary.peg_activity",
                                        "summary.peg_score"};
    const int values[4] = {s->pain_now, s->peg[0], s->peg[1], s->peg[2]};
    size_t n = 0;
    for (int i = 0; i < 5; i++, n++) {
        c[n] = (ScoreCell){
            .label = pdf_doc_ui(d, keys[i]), .peg_item = i >= 1 && i <= 3, .shaded = i == 4};
        if (i < 4)
            score_text(d, values[i], c[n].value, sizeof c[n].value);
        else if (s->peg_score < 0)
            snprintf(c[n].value, sizeof c[n].value, "%s", pdf_doc_ui(d, "summary.not_answered"));
        else
            snprintf(c[n].value, sizeof c[n].value, "%.1f / 10", s->peg_score);
    }
    if (s->phq2_asked) { /* a mood screen not done says so: a missing cell said nothing */
        c[n] = (ScoreCell){.label = pdf_doc_ui(d, "summary.phq2")};
        if (s->phq2 >= 0)
            snprintf(c[n].value, sizeof c[n].value, "%d / 6%s", s->phq2,
                     s->phq2_positive ? pdf_doc_ui(d, "summary.phq2_positive") : "");
        else if (s->phq2_at_least >= 0) /* one item not answered, the other positive alone */
            snprintf(c[n].value, sizeof c[n].value, "\xe2\x89\xa5 %d / 6%s", s->phq2_at_least,
                     pdf_doc_ui(d, "summary.phq2_positive"));
        else
            snprintf(c[n].value, sizeof c[n].value, "%s", pdf_doc_ui(d, "summary.not_answered"));
        n++;
    }
    return n;
}

/* The scores as a table in width w: each label with its value right-aligned in bold,
 * the three PEG items indented under the scale's name, the PEG score shaded. Returns
 * its height; draws it at (x, y) when draw is true. */
static double score_table(PdfDoc *d, double x, double y, double w, bool draw)
{
    ScoreCell c[SCORES_MAX];
    size_t n = score_cells(d, c);
    double pad = d->fs * 0.22, vw = fmin(d->fs * 6.5, w * 0.4), h = 0;
    for (size_t i = 0; i < n; i++) {
        bool number = is_number(c[i].value);
        if (c[i].peg_item && (i == 0 || !c[i - 1].peg_item))
            h += pdf_doc_text(d, x + pad, y + h + pad, w - 2 * pad, d->small,
                              PDF_TX_BOLD | PDF_TX_GRAY, pdf_doc_ui(d, "summary.peg"), draw) +
                 pad;
        double lx = x + pad + (c[i].peg_item ? d->fs : 0), lw = x + w - vw - lx;
        int vstyle = PDF_TX_RIGHT | (number ? PDF_TX_BOLD : PDF_TX_ITALIC);
        double vs =
            words_fit(d, number ? d->fs * 1.3 : d->fs, d->small, vstyle, c[i].value, vw - pad);
        int lstyle = c[i].shaded ? PDF_TX_BOLD : 0;
        double lh = pdf_doc_text(d, lx, 0, lw, d->fs, lstyle, c[i].label, false);
        double vh = pdf_doc_text(d, 0, 0, vw - pad, vs, vstyle, c[i].value, false);
        double rh = (lh > vh ? lh : vh) + 2 * pad;
        if (draw) {
            if (c[i].shaded)
                pdf_fill_box(d, x, y + h, w, rh, 0.88);
            pdf_doc_text(d, lx, y + h + (rh - lh) / 2, lw, d->fs, lstyle, c[i].label, true);
            pdf_doc_text(d, x + w - vw, y + h + (rh - vh) / 2, vw - pad, vs, vstyle, c[i].value,
                         true);
            /* a rule under each row but the PEG items' last (the shaded score follows) */
            bool last_item = c[i].peg_item && (i + 1 == n || !c[i + 1].peg_item);
            if (!last_item) {
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

/* No area: skipped, or not answered as on the screen and in the text summary (never
 * "None": a session that stopped at an urgent answer printed it, read as "no pain"). */
static const char *areas_missing_text(const PdfDoc *d)
{
    int q = role_question(d->sum, ROLE_AREAS);
    if (q >= 0 && (size_t)q < d->sum->nanswers && d->sum->answers[q].state == ANS_SKIPPED)
        return pdf_doc_ui(d, "summary.skipped");
    return pdf_doc_ui(d, "summary.not_answered");
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

/* The areas in words above the body diagram (unless the diagram names every one), the
 * figure centred in width w and no more than dh tall. Returns the height. */
static double areas_block(PdfDoc *d, double x, double y, double w, double dh, bool draw)
{
    const Summary *s = d->sum;
    if (s->nareas == 0)
        return areas_words(d, x, y, w, draw);
    double dw = pdf_body_width(dh), h = 0;
    if (dw > w)
        dh *= w / dw;
    if (!pdf_body_names_all(d, dh, w, s->areas, s->nareas))
        h = areas_words(d, x, y, w, draw) + d->fs * 0.4;
    if (draw)
        pdf_body_draw(d, x, y + h, dh, w, d->sum->areas, d->sum->nareas);
    return h + pdf_body_height(d, dh);
}

/* ---- Letter and A4: the scores in a row, where it hurts at full width ---- */

static void rule(PdfDoc *d, double x0, double y0, double x1, double y1, double width)
{
    cairo_save(d->cr);
    cairo_set_source_rgb(d->cr, 0.45, 0.45, 0.45);
    cairo_set_line_width(d->cr, width);
    cairo_move_to(d->cr, x0, y0);
    cairo_line_to(d->cr, x1, y1);
    cairo_stroke(d->cr);
    cairo_restore(d->cr);
}

/* The scores side by side in width w: each label over its value in large bold type,
 * the three PEG items under the scale's name, the PEG score shaded. Returns the
 * height; draws at (x, y) when draw is true. */
static double score_strip(PdfDoc *d, double x, double y, double w, bool draw)
{
    ScoreCell c[SCORES_MAX];
    size_t n = score_cells(d, c);
    double pad = d->fs * 0.35, cw = w / (double)n, big = d->fs * 1.6;
    const char *peg = pdf_doc_ui(d, "summary.peg");
    double gh =
        pdf_doc_text(d, 0, 0, 3 * cw - 2 * pad, d->small, PDF_TX_BOLD | PDF_TX_GRAY, peg, false) +
        pad;
    double label_h = 0, value_h = 0;
    for (size_t i = 0; i < n; i++) {
        double lh = pdf_doc_text(d, 0, 0, cw - 2 * pad, d->fs, c[i].shaded ? PDF_TX_BOLD : 0,
                                 c[i].label, false) +
                    (c[i].peg_item ? gh : 0);
        bool number = is_number(c[i].value);
        int vstyle = number ? PDF_TX_BOLD : PDF_TX_ITALIC;
        double vs = words_fit(d, number ? big : d->fs, d->small, vstyle, c[i].value, cw - 2 * pad);
        double vh = pdf_doc_text(d, 0, 0, cw - 2 * pad, vs, vstyle, c[i].value, false);
        label_h = fmax(label_h, lh);
        value_h = fmax(value_h, vh);
    }
    double h = pad + label_h + pad * 0.5 + value_h + pad;
    if (!draw)
        return h;
    for (size_t i = 0; i < n; i++) {
        double cx = x + cw * (double)i, ly = y + pad;
        if (c[i].shaded)
            pdf_fill_box(d, cx, y, cw, h, 0.88);
        if (c[i].peg_item && i == 1) {
            pdf_doc_text(d, cx + pad, ly, 3 * cw - 2 * pad, d->small, PDF_TX_BOLD | PDF_TX_GRAY,
                         peg, true);
            rule(d, cx + pad, ly + gh - pad * 0.5, cx + 3 * cw - pad, ly + gh - pad * 0.5, 0.5);
        }
        if (c[i].peg_item)
            ly += gh;
        pdf_doc_text(d, cx + pad, ly, cw - 2 * pad, d->fs, c[i].shaded ? PDF_TX_BOLD : 0,
                     c[i].label, true);
        bool number = is_number(c[i].value);
        int vstyle = number ? PDF_TX_BOLD : PDF_TX_ITALIC;
        double vs = words_fit(d, number ? big : d->fs, d->small, vstyle, c[i].value, cw - 2 * pad);
        double vh = pdf_doc_text(d, 0, 0, cw - 2 * pad, vs, vstyle, c[i].value, false);
        pdf_doc_text(d, cx + pad, y + h - pad - vh, cw - 2 * pad, vs, vstyle, c[i].value, true);
        if (i)
            rule(d, cx, y + (c[i].peg_item && i > 1 ? gh + pad : 0), cx, y + h, 0.5);
    }
    cairo_save(d->cr);
    cairo_set_source_rgb(d->cr, 0, 0, 0);
    cairo_set_line_width(d->cr, 0.8);
    cairo_rectangle(d->cr, x, y, w, h);
    cairo_stroke(d->cr);
    cairo_restore(d->cr);
    return h;
}

/* The smallest figure on Letter and A4, a share of the printable height. */
#define FIGURE_MIN_SHARE 0.10

/* Letter and A4: the scores in a row, then where it hurts at full width: the areas in
 * words over the figure, each area named beside it. The figure is d->figure_share of
 * the printable height tall, or less when the width is short. */
static void scores_areas_full(PdfDoc *d, const char *heading)
{
    double sh = score_strip(d, d->x, 0, d->w, false);
    pdf_doc_heading(d, pdf_doc_ui(d, heading), sh);
    d->y += score_strip(d, d->x, d->y, d->w, true) + d->gap;

    double printable = d->ph - d->top - d->bottom;
    double dh = fmin(d->w / pdf_body_width(1.0), d->figure_share * printable);
    /* Smaller rather than on the next page: the scores and the areas read together
     * (the shorter figure may add the areas in words: measure twice). */
    const char *heading_areas = pdf_doc_ui(d, "summary.areas");
    double avail = d->ph - d->bottom - d->footer_h - d->y;
    double hh = pdf_doc_heading_at(d, d->x, 0, d->w, heading_areas, false);
    double full = dh;
    for (int k = 0; k < 2; k++) {
        double over = hh + areas_block(d, d->x, 0, d->w, dh, false) - avail;
        if (over <= 0 || dh - over < FIGURE_MIN_SHARE * printable)
            break;
        dh -= over;
    }
    if (hh + areas_block(d, d->x, 0, d->w, dh, false) > avail)
        dh = full; /* too small to fit here: the next page, full size */
    double ah = areas_block(d, d->x, 0, d->w, dh, false);
    pdf_doc_heading(d, heading_areas, ah);
    d->y += areas_block(d, d->x, d->y, d->w, dh, true) + d->gap;
}

/* Letter and A4: the scores in a row, where it hurts under them; the receipt: the
 * scores, then where it hurts, one under the other. */
void pdf_scores(PdfDoc *d, const char *heading)
{
    if (!d->receipt) {
        scores_areas_full(d, heading);
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
