/* The summary's sections, in the order a busy clinician reads them: flags, scores,
 * where it hurts, about the patient, likely contributors, the self-care plan. */
#include <stdio.h>
#include <string.h>

#include "../core/error.h"
#include "print_internal.h"

void gstring_wipe_free(GString *s)
{
    memset(s->str, 0, s->allocated_len);
    g_string_free(s, TRUE);
}

void append_escaped(GString *s, const char *text)
{
    char *e = g_markup_escape_text(text, -1);
    g_string_append(s, e);
    memset(e, 0, strlen(e));
    g_free(e);
}

/* The options of question q that the rule tests positively (outside any "not"). */
static uint32_t rule_options(const Cond *c, size_t q)
{
    uint32_t mask = 0;
    if (!c)
        return 0;
    switch (c->op) {
    case COND_ALL:
    case COND_ANY:
        for (size_t i = 0; i < c->nkids; i++)
            mask |= rule_options(c->kids[i], q);
        return mask;
    case COND_INCLUDES:
    case COND_INCLUDES_ANY:
        return c->question == q ? c->options : 0;
    default:
        return 0;
    }
}

GString *because_markup(const Doc *d, const Cond *when, const SummaryFact *f, size_t n)
{
    GString *s = g_string_new("<i>");
    char buf[512];
    append_escaped(s, doc_ui(d, "summary.because"));
    g_string_append(s, "</i> ");
    for (size_t i = 0; i < n; i++) {
        /* Of a several-answer question, only the answers the rule looked at: "Where it
         * hurts: Left knee", not every area she named. */
        SummaryFact shown = f[i];
        if (shown.question->kind == QK_MULTI && shown.question >= d->sum->content->questions) {
            size_t q = (size_t)(shown.question - d->sum->content->questions);
            uint32_t mask = rule_options(when, q) & shown.answer.options;
            if (mask)
                shown.answer.options = mask;
        }
        if (i)
            g_string_append(s, "; ");
        append_escaped(s, text_get(&shown.question->short_label, d->lang));
        g_string_append(s, ": ");
        append_escaped(s, summary_answer_text(d->sum, &shown, buf, sizeof buf));
        memset(&shown, 0, sizeof shown);
    }
    memset(buf, 0, sizeof buf);
    return s;
}

static void draw_rule_box(Doc *d, double x, double y, double w, double h, double line)
{
    cairo_save(d->cr);
    cairo_set_line_width(d->cr, line);
    cairo_set_source_rgb(d->cr, 0, 0, 0);
    cairo_rectangle(d->cr, x, y, w, h);
    cairo_stroke(d->cr);
    cairo_restore(d->cr);
}

static void fill_box(Doc *d, double x, double y, double w, double h, double gray)
{
    cairo_save(d->cr);
    cairo_set_source_rgb(d->cr, gray, gray, gray);
    cairo_rectangle(d->cr, x, y, w, h);
    cairo_fill(d->cr);
    cairo_restore(d->cr);
}

GString *titled_because_markup(const Doc *d, const char *title, const Cond *when,
                               const SummaryFact *f, size_t n)
{
    GString *s = g_string_new("<b>");
    append_escaped(s, title);
    g_string_append(s, "</b>");
    if (n) {
        GString *b = because_markup(d, when, f, n);
        g_string_append_printf(s, "  <span size=\"%d\" foreground=\"#444444\">",
                               (int)(d->small * PANGO_SCALE));
        g_string_append(s, b->str);
        g_string_append(s, "</span>");
        gstring_wipe_free(b);
    }
    return s;
}

double bullet_item(Doc *d, double x, double y, double w, double size, int style, const char *s,
                   bool draw)
{
    double bw = size * 1.1;
    if (draw)
        doc_text(d, x, y, bw, size, style & ~TX_MARKUP, "•", true);
    return doc_text(d, x + bw, y, w - bw, size, style, s, draw);
}

/* ---- title ---- */

static void sec_title(Doc *d)
{
    double size = d->fs * (d->receipt ? 1.3 : 1.55);
    double dw = d->receipt ? 0 : d->w * 0.3;
    double h = doc_text(d, d->x, d->y, d->w - dw, size, TX_BOLD, doc_ui(d, "summary.title"), true);
    if (!d->receipt)
        doc_text(d, d->x + d->w - dw, d->y + (h - d->fs * 1.2), dw, d->fs, TX_RIGHT | TX_GRAY,
                 d->date, true);
    d->y += h;
    if (d->receipt) {
        d->y += doc_text(d, d->x, d->y, d->w, d->fs, TX_GRAY, d->date, true);
    }
    if (!d->sum->finished) {
        d->y += d->fs * 0.2;
        d->y += doc_text(d, d->x, d->y, d->w, d->fs, TX_BOLD, doc_ui(d, "summary.stopped"), true);
    }
    d->y += d->gap * 0.7;
}

/* ---- flags ---- */

/* The height of one flag (text and the answers behind it) in width w. */
static double flag_item(Doc *d, const SummaryFlag *f, double x, double y, double w, bool draw)
{
    GString *m = titled_because_markup(d, text_get(&f->flag->text, d->lang), f->flag->when,
                                       f->because, f->nbecause);
    double h = bullet_item(d, x, y, w, d->fs, TX_MARKUP, m->str, draw);
    gstring_wipe_free(m);
    return h;
}

static void flag_box(Doc *d, const char *title, const SummaryFlag *flags, size_t n, bool urgent)
{
    double pad = d->fs * 0.5, line = urgent ? 2.2 : 1.0;
    double iw = d->w - 2 * pad;
    double th = doc_text(d, 0, 0, iw, d->fs * 1.1, TX_BOLD, title, false);
    double bar = th + pad;
    double body = pad * 0.6;

    for (size_t i = 0; i < n; i++)
        body += flag_item(d, &flags[i], 0, 0, iw, false) + pad * 0.5;
    if (n == 0)
        body += doc_text(d, 0, 0, iw, d->fs, 0, doc_ui(d, "summary.none"), false) + pad * 0.5;
    body += pad * 0.2;
    doc_need(d, bar + body);

    double x = d->x, y = d->y;
    fill_box(d, x, y, d->w, bar, urgent ? 0.0 : 0.85);
    doc_text(d, x + pad, y + pad * 0.5, iw, d->fs * 1.1, TX_BOLD | (urgent ? TX_WHITE : 0), title,
             true);
    double cy = y + bar + pad * 0.6;
    for (size_t i = 0; i < n; i++)
        cy += flag_item(d, &flags[i], x + pad, cy, iw, true) + pad * 0.5;
    if (n == 0)
        doc_text(d, x + pad, cy, iw, d->fs, 0, doc_ui(d, "summary.none"), true);
    draw_rule_box(d, x, y, d->w, bar + body, line);
    d->y = y + bar + body + d->gap;
}

static void sec_flags(Doc *d)
{
    const Summary *s = d->sum;
    if (s->nurgent)
        flag_box(d, doc_ui(d, "summary.urgent"), s->urgent, s->nurgent, true);
    flag_box(d, doc_ui(d, "summary.clinician"), s->clinician, s->nclinician, false);
}

/* ---- scores ---- */

static void score_text(const Doc *d, int v, char *buf, size_t size)
{
    if (v < 0)
        snprintf(buf, size, "%s", doc_ui(d, "summary.not_answered"));
    else
        snprintf(buf, size, "%d / 10", v);
}

static void sec_scores(Doc *d)
{
    const Summary *s = d->sum;
    const char *labels[5] = {doc_ui(d, "summary.pain_now"), doc_ui(d, "summary.peg_pain"),
                             doc_ui(d, "summary.peg_enjoyment"), doc_ui(d, "summary.peg_activity"),
                             doc_ui(d, "summary.peg_score")};
    char values[5][64];
    score_text(d, s->pain_now, values[0], sizeof values[0]);
    for (int i = 0; i < 3; i++)
        score_text(d, s->peg[i], values[i + 1], sizeof values[i + 1]);
    if (s->peg_score < 0)
        snprintf(values[4], sizeof values[4], "%s", doc_ui(d, "summary.not_answered"));
    else
        snprintf(values[4], sizeof values[4], "%.1f / 10", s->peg_score);

    double ls = d->small, vs = d->fs * 1.45, pad = d->fs * 0.4;

    if (d->receipt) {
        doc_heading(d, doc_ui(d, "summary.scores"), d->fs * 3);
        for (int i = 0; i < 5; i++) {
            if (i == 1) {
                double h =
                    doc_text(d, d->x, d->y, d->w, ls, TX_GRAY, doc_ui(d, "summary.peg"), false);
                doc_need(d, h + vs * 1.3);
                d->y +=
                    doc_text(d, d->x, d->y, d->w, ls, TX_GRAY, doc_ui(d, "summary.peg"), true) + 1;
            }
            double vw = d->w * 0.34;
            int vstyle = TX_BOLD | TX_RIGHT;
            double lh = doc_text(d, d->x, d->y, d->w - vw, d->fs, 0, labels[i], false);
            double vh = doc_text(d, d->x, d->y, vw, d->fs * 1.15, vstyle, values[i], false);
            double h = lh > vh ? lh : vh;
            doc_need(d, h);
            doc_text(d, d->x + (i >= 1 && i <= 3 ? d->fs : 0), d->y,
                     d->w - vw - (i >= 1 && i <= 3 ? d->fs : 0), d->fs, i == 4 ? TX_BOLD : 0,
                     labels[i], true);
            doc_text(d, d->x + d->w - vw, d->y, vw, d->fs * 1.15, vstyle, values[i], true);
            d->y += h + pad * 0.5;
        }
        d->y += d->gap;
        return;
    }

    /* Letter and A4: one row of five cells, the PEG ones under a common label. */
    double cw = d->w / 5, gh, lh = 0, vh = 0;
    gh = doc_text(d, 0, 0, cw * 4, ls, TX_BOLD, doc_ui(d, "summary.peg"), false);
    for (int i = 0; i < 5; i++) {
        double h = doc_text(d, 0, 0, cw - 2 * pad, ls, 0, labels[i], false);
        double v =
            doc_text(d, 0, 0, cw - 2 * pad, values[i][0] >= '0' && values[i][0] <= '9' ? vs : d->fs,
                     TX_BOLD, values[i], false);
        lh = h > lh ? h : lh;
        vh = v > vh ? v : vh;
    }
    double rowh = pad + lh + pad * 0.4 + vh + pad;
    doc_heading(d, doc_ui(d, "summary.scores"), gh + rowh);
    double y0 = d->y;
    doc_text(d, d->x + cw + pad, y0, cw * 4 - 2 * pad, ls, TX_BOLD, doc_ui(d, "summary.peg"), true);
    double y = y0 + gh + 2;
    fill_box(d, d->x + 4 * cw, y, cw, rowh, 0.9);
    for (int i = 0; i < 5; i++) {
        double x = d->x + i * cw;
        bool number = values[i][0] >= '0' && values[i][0] <= '9';
        doc_text(d, x + pad, y + pad, cw - 2 * pad, ls, TX_GRAY, labels[i], true);
        doc_text(d, x + pad, y + pad + lh + pad * 0.4 + (number ? 0 : (vs - d->fs) * 0.5),
                 cw - 2 * pad, number ? vs : d->fs, number ? TX_BOLD : TX_ITALIC, values[i], true);
        draw_rule_box(d, x, y, cw, rowh, i == 0 || i == 4 ? 1.0 : 0.5);
    }
    /* bracket the PEG cells */
    cairo_save(d->cr);
    cairo_set_line_width(d->cr, 0.8);
    cairo_move_to(d->cr, d->x + cw + 1, y - 1);
    cairo_line_to(d->cr, d->x + cw + 1, y0 + gh * 0.5);
    cairo_move_to(d->cr, d->x + 5 * cw - 1, y - 1);
    cairo_line_to(d->cr, d->x + 5 * cw - 1, y0 + gh * 0.5);
    cairo_stroke(d->cr);
    cairo_restore(d->cr);
    d->y = y + rowh + d->gap;
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

static const char *areas_missing_text(const Doc *d)
{
    int q = role_question(d->sum, ROLE_AREAS);
    if (q >= 0 && (size_t)q < d->sum->nanswers && d->sum->answers[q].state == ANS_SKIPPED)
        return doc_ui(d, "summary.skipped");
    return doc_ui(d, "summary.none");
}

static double areas_words(Doc *d, double x, double y, double w, bool draw)
{
    const Summary *s = d->sum;
    double h = 0;
    if (s->nareas == 0)
        return doc_text(d, x, y, w, d->fs, TX_ITALIC, areas_missing_text(d), draw);
    size_t rows = s->nareas > 6 && !d->receipt ? (s->nareas + 1) / 2 : s->nareas;
    double col = rows < s->nareas ? w / 2 : w, h2 = 0;
    for (size_t i = 0; i < s->nareas; i++) {
        bool second = i >= rows;
        double *hh = second ? &h2 : &h;
        *hh += bullet_item(d, x + (second ? col : 0), y + *hh, col - d->fs * 0.5, d->fs, TX_BOLD,
                           text_get(&s->areas[i]->label, d->lang), draw) +
               d->fs * 0.15;
    }
    return h > h2 ? h : h2;
}

static void sec_areas(Doc *d)
{
    const Summary *s = d->sum;
    double dh = d->receipt ? d->w * 0.95 : d->fs * 11.5;
    double dw = body_diagram_width(dh);
    if (d->receipt && dw > d->w) {
        dh *= d->w / dw;
        dw = d->w;
    }
    double label_h = d->fs * 2.4; /* side and view labels around the figure */

    if (s->nareas == 0) {
        double h = areas_words(d, d->x, d->y, d->w, false);
        doc_heading(d, doc_ui(d, "summary.areas"), h);
        d->y += areas_words(d, d->x, d->y, d->w, true) + d->gap;
        return;
    }
    if (d->receipt) {
        double wh = areas_words(d, d->x, d->y, d->w, false);
        doc_heading(d, doc_ui(d, "summary.areas"), wh);
        d->y += areas_words(d, d->x, d->y, d->w, true) + d->fs * 0.4;
        doc_need(d, dh + label_h);
        d->y += body_diagram_draw(d, d->x + (d->w - dw) / 2, d->y, dh, s->areas, s->nareas);
        d->y += d->gap;
        return;
    }
    double tx = d->x + dw + d->fs * 1.5, tw = d->x + d->w - tx;
    double wh = areas_words(d, tx, d->y, tw, false);
    double h = wh > dh + label_h ? wh : dh + label_h;
    doc_heading(d, doc_ui(d, "summary.areas"), h);
    double y = d->y;
    double used = body_diagram_draw(d, d->x, y, dh, s->areas, s->nareas);
    areas_words(d, tx, y + d->fs * 1.2, tw, true);
    d->y = y + (used > wh ? used : wh) + d->gap;
}

/* ---- about her: context facts in two columns ---- */

static char *fact_markup(const Doc *d, const SummaryFact *f)
{
    char buf[512];
    GString *s = g_string_new("<b>");
    append_escaped(s, text_get(&f->question->short_label, d->lang));
    g_string_append(s, ":</b> ");
    append_escaped(s, summary_answer_text(d->sum, f, buf, sizeof buf));
    memset(buf, 0, sizeof buf);
    char *out = g_strdup(s->str);
    gstring_wipe_free(s);
    return out;
}

static void free_markup(char *m)
{
    memset(m, 0, strlen(m));
    g_free(m);
}

static void sec_context(Doc *d)
{
    const Summary *s = d->sum;
    int cols = d->receipt ? 1 : 2;
    double colgap = d->fs * 1.5;
    double cw = (d->w - (cols - 1) * colgap) / cols;
    bool heading = false;

    if (s->ncontext == 0)
        return;
    for (size_t i = 0; i < s->ncontext; i += (size_t)cols) {
        char *m[2] = {NULL, NULL};
        double h = 0;
        for (int c = 0; c < cols && i + (size_t)c < s->ncontext; c++) {
            m[c] = fact_markup(d, &s->context[i + (size_t)c]);
            double ch = doc_text(d, 0, 0, cw, d->fs, TX_MARKUP, m[c], false);
            h = ch > h ? ch : h;
        }
        if (!heading) {
            doc_heading(d, doc_ui(d, "summary.about"), h);
            heading = true;
        } else
            doc_need(d, h);
        for (int c = 0; c < cols && m[c]; c++) {
            doc_text(d, d->x + c * (cw + colgap), d->y, cw, d->fs, TX_MARKUP, m[c], true);
            free_markup(m[c]);
        }
        d->y += h + d->fs * 0.25;
    }
    d->y += d->gap;
}

void sections_draw(Doc *d)
{
    sec_title(d);
    sec_flags(d);
    sec_scores(d);
    sec_areas(d);
    sec_context(d);
    sec_causes(d);
    sec_selfcare(d);
}
