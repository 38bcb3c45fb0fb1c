/* The summary's sections on paper, in the outline's order (summary_outline.h): the
 * clinician's part in large type (flags, the scores in a row, where it hurts on the
 * figure at full width, about the patient), then the next steps with the safety net,
 * likely contributors and the self-care plan (the last three flow in columns:
 * pdf_plan.c). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/error.h"
#include "../core/summary_outline.h"
#include "print_internal.h"

void pdf_gstring_wipe_free(GString *s)
{
    memset(s->str, 0, s->allocated_len);
    g_string_free(s, TRUE);
}

void pdf_append_escaped(GString *s, const char *text)
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

GString *pdf_because_markup(const PdfDoc *d, const Cond *when, const SummaryFact *f, size_t n)
{
    GString *s = g_string_new("<i>");
    char buf[CONTENT_ANSWER_MAX];
    pdf_append_escaped(s, pdf_doc_ui(d, "summary.because"));
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
        pdf_append_escaped(s, lang_text(&shown.question->short_label, d->lang));
        g_string_append(s, ": ");
        pdf_append_escaped(s, summary_answer_text(d->sum, &shown, buf, sizeof buf));
        memset(&shown, 0, sizeof shown);
    }
    memset(buf, 0, sizeof buf);
    return s;
}

static void draw_rule_box(PdfDoc *d, double x, double y, double w, double h, double line)
{
    cairo_save(d->cr);
    cairo_set_line_width(d->cr, line);
    cairo_set_source_rgb(d->cr, 0, 0, 0);
    cairo_rectangle(d->cr, x, y, w, h);
    cairo_stroke(d->cr);
    cairo_restore(d->cr);
}

void pdf_fill_box(PdfDoc *d, double x, double y, double w, double h, double gray)
{
    cairo_save(d->cr);
    cairo_set_source_rgb(d->cr, gray, gray, gray);
    cairo_rectangle(d->cr, x, y, w, h);
    cairo_fill(d->cr);
    cairo_restore(d->cr);
}

GString *pdf_titled_because_markup(const PdfDoc *d, const char *title, const Cond *when,
                                   const SummaryFact *f, size_t n)
{
    GString *s = g_string_new("<b>");
    pdf_append_escaped(s, title);
    g_string_append(s, "</b>");
    if (n) {
        GString *b = pdf_because_markup(d, when, f, n);
        g_string_append_printf(s, "  <span size=\"%d\" foreground=\"#444444\">",
                               (int)(d->small * PANGO_SCALE));
        g_string_append(s, b->str);
        g_string_append(s, "</span>");
        pdf_gstring_wipe_free(b);
    }
    return s;
}

double pdf_bullet_item(PdfDoc *d, double x, double y, double w, double size, int style,
                       const char *s, bool draw)
{
    double bw = size * 1.1;
    if (draw)
        pdf_doc_text(d, x, y, bw, size, style & ~PDF_TX_MARKUP, "•", true);
    return pdf_doc_text(d, x + bw, y, w - bw, size, style, s, draw);
}

/* ---- title ---- */

static void sec_title(PdfDoc *d)
{
    double size = d->fs * (d->receipt ? 1.15 : 1.2);
    const char *title = pdf_doc_ui(d, "summary.title");
    char date[160];
    snprintf(date, sizeof date, "%s: %s", pdf_doc_ui(d, "summary.date"), d->date);
    if (d->receipt) {
        d->y += pdf_doc_text(d, d->x, d->y, d->w, size, PDF_TX_BOLD, title, true);
        d->y += pdf_doc_text(d, d->x, d->y, d->w, d->fs, PDF_TX_GRAY, date, true);
    } else {
        /* the date at the right, on the title's last line, in the small type */
        double ds = PDF_SMALL_MIN;
        double dw = pdf_doc_text_width(d, ds, PDF_TX_GRAY, date) + 1;
        double h = pdf_doc_text(d, d->x, d->y, d->w - dw - d->fs, size, PDF_TX_BOLD, title, true);
        pdf_doc_text(d, d->x + d->w - dw, d->y + h - ds * 1.3, dw, ds, PDF_TX_RIGHT | PDF_TX_GRAY,
                     date, true);
        d->y += h;
    }
    if (!d->sum->finished) {
        d->y += d->fs * 0.2;
        d->y += pdf_doc_text(d, d->x, d->y, d->w, d->fs, PDF_TX_BOLD,
                             pdf_doc_ui(d, "summary.stopped"), true);
    }
    d->y += d->gap * 0.7;
}

/* ---- flags ---- */

/* The height of one flag (text and the answers behind it) in width w. */
static double flag_item(PdfDoc *d, const SummaryFlag *f, double x, double y, double w, bool draw)
{
    GString *m = pdf_titled_because_markup(d, lang_text(&f->flag->text, d->lang), f->flag->when,
                                           f->because, f->nbecause);
    double h = pdf_bullet_item(d, x, y, w, d->fs, PDF_TX_MARKUP, m->str, draw);
    pdf_gstring_wipe_free(m);
    return h;
}

/* Appends "<b>title</b>  —  text" to m. */
static void append_titled(GString *m, const char *title, const char *text)
{
    g_string_append(m, "<b>");
    pdf_append_escaped(m, title);
    g_string_append(m, "</b>  —  ");
    pdf_append_escaped(m, text);
}

/* A shaded line of markup; frees m. */
static void shaded_markup(PdfDoc *d, GString *m)
{
    double pad = d->fs * 0.5, iw = d->w - 2 * pad;
    double h = pdf_doc_text(d, 0, 0, iw, d->fs, PDF_TX_MARKUP, m->str, false) + pad;
    pdf_doc_need(d, h);
    pdf_fill_box(d, d->x, d->y, d->w, h, 0.85);
    pdf_doc_text(d, d->x + pad, d->y + pad * 0.5, iw, d->fs, PDF_TX_MARKUP, m->str, true);
    draw_rule_box(d, d->x, d->y, d->w, h, 1.0);
    g_string_free(m, TRUE);
    d->y += h + d->gap;
}

/* One shaded line, "Title — text" ("Raise today — None"). */
static void flag_line(PdfDoc *d, const char *title, const char *text)
{
    GString *m = g_string_new("");
    append_titled(m, title, text);
    shaded_markup(d, m);
}

/* An empty flag list: "None", but not as an all-clear while a red-flag question is open. */
static const char *no_flags(const PdfDoc *d)
{
    return d->sum ? summary_no_flags_text(d->sum) : pdf_doc_ui(d, "summary.none");
}

/* Draws one box: the title bar and flags[i..j) (no flag: the "none" line). */
static void flag_box_part(PdfDoc *d, const char *title, const SummaryFlag *flags, size_t i,
                          size_t j, bool urgent, double bar, double body)
{
    double pad = d->fs * 0.5, line = urgent ? 2.2 : 1.0, iw = d->w - 2 * pad;
    double x = d->x, y = d->y;
    pdf_fill_box(d, x, y, d->w, bar, urgent ? 0.0 : 0.85);
    pdf_doc_text(d, x + pad, y + pad * 0.5, iw, d->fs * 1.1,
                 PDF_TX_BOLD | (urgent ? PDF_TX_WHITE : 0), title, true);
    double cy = y + bar + pad * 0.6;
    for (size_t k = i; k < j; k++)
        cy += flag_item(d, &flags[k], x + pad, cy, iw, true) + pad * 0.5;
    if (i == j)
        pdf_doc_text(d, x + pad, cy, iw, d->fs, 0, no_flags(d), true);
    draw_rule_box(d, x, y, d->w, bar + body, line);
    d->y = y + bar + body;
}

/* A titled box of flags. One that does not fit where the page has room for two of its
 * flags or more is split there, its title again over the rest on the next page: with
 * every answer yes, the clinician's box went whole to page 2 and left a quarter of page
 * 1 blank (a third page followed). */
static void flag_box(PdfDoc *d, const char *title, const SummaryFlag *flags, size_t n, bool urgent)
{
    double pad = d->fs * 0.5, iw = d->w - 2 * pad;
    if (n == 0 && !urgent) {
        flag_line(d, title, no_flags(d));
        return;
    }
    double th = pdf_doc_text(d, 0, 0, iw, d->fs * 1.1, PDF_TX_BOLD, title, false);
    double bar = th + pad, base = pad * 0.6 + pad * 0.2;
    if (n == 0) {
        double body = base + pdf_doc_text(d, 0, 0, iw, d->fs, 0, no_flags(d), false) + pad * 0.5;
        pdf_doc_need(d, bar + body);
        flag_box_part(d, title, flags, 0, 0, urgent, bar, body);
        d->y += d->gap;
        return;
    }
    double limit = d->ph - d->bottom - d->footer_h;
    for (size_t i = 0; i < n;) {
        double body = base, first = 0;
        size_t j = i;
        for (size_t k = i; k < n && j == k; k++) {
            double h = flag_item(d, &flags[k], 0, 0, iw, false) + pad * 0.5;
            first = k == i ? h : first;
            if (d->y + bar + body + h <= limit) {
                body += h;
                j++;
            }
        }
        bool fresh = d->y <= d->top + 0.5;
        if (j < n && !fresh && j - i < 2) {
            pdf_doc_new_page(d); /* too little room here for a part worth splitting */
            continue;
        }
        if (j == i) { /* one flag taller than a page: drawn whole, as before */
            j = i + 1;
            body = base + first;
        }
        flag_box_part(d, title, flags, i, j, urgent, bar, body);
        i = j;
        if (i < n)
            pdf_doc_new_page(d);
    }
    d->y += d->gap;
}

/* Nothing to raise: no flag of either tier and every safety question answered no. */
static bool nothing_to_raise(const Summary *s)
{
    return !s->nurgent && !s->urgent_raised && !s->nclinician && !s->nnot_answered &&
           s->safety_all_no;
}

/* The clinician's part at clinician_fs or more, the rest in the page's own size. */
static PdfDoc *section_doc(void *ctx, const SummarySection *sec)
{
    PdfDoc *d = ctx;
    bool big =
        sec->part == SUM_PART_CLINICIAN && !(sec->kind == SUM_SEC_CONTEXT && d->context_small);
    d->fs = fmax(d->base_fs, big ? d->clinician_fs : 0);
    d->small = fmax(d->base_small, big ? d->clinician_fs : 0);
    return d;
}

static void sec_urgent(void *ctx, const Summary *s, const SummarySection *sec)
{
    PdfDoc *d = section_doc(ctx, sec);
    if (nothing_to_raise(s)) {
        /* one line says so for all three */
        GString *m = g_string_new("");
        append_titled(m, pdf_doc_ui(d, sec->heading), pdf_doc_ui(d, "summary.none"));
        g_string_append(m, "     ");
        append_titled(m, pdf_doc_ui(d, "summary.clinician"), pdf_doc_ui(d, "summary.none"));
        g_string_append(m, "     ");
        append_titled(m, pdf_doc_ui(d, "summary.all_no"), "\xe2\x9c\x93");
        shaded_markup(d, m);
    } else if (s->nurgent || s->urgent_raised) {
        /* who saw the urgent screen, in its bar: the desk must know whether anyone did */
        const char *ack = s->urgent_ack == URGENT_ACK_STAFF     ? "summary.ack_staff"
                          : s->urgent_ack == URGENT_ACK_PATIENT ? "summary.ack_patient"
                                                                : NULL;
        GString *t = g_string_new(pdf_doc_ui(d, sec->heading));
        if (ack)
            g_string_append_printf(t, "  \xe2\x80\x94  %s", pdf_doc_ui(d, ack));
        flag_box(d, t->str, s->urgent, s->nurgent, true);
        g_string_free(t, TRUE);
    } else {
        flag_line(d, pdf_doc_ui(d, sec->heading), no_flags(d));
    }
}

static void sec_today(void *ctx, const Summary *s, const SummarySection *sec)
{
    PdfDoc *d = section_doc(ctx, sec);
    if (!nothing_to_raise(s))
        flag_box(d, pdf_doc_ui(d, sec->heading), s->clinician, s->nclinician, false);
}

/* The red-flag questions without a yes or no, in one line: an unanswered safety
 * question must never read as a negative screen. */
static void sec_unanswered(void *ctx, const Summary *s, const SummarySection *sec)
{
    PdfDoc *d = section_doc(ctx, sec);
    if (nothing_to_raise(s))
        return;
    if (s->nnot_answered == 0) {
        if (s->safety_all_no)
            flag_line(d, pdf_doc_ui(d, "summary.all_no"), "✓");
        return;
    }
    GString *m = g_string_new("");
    for (size_t i = 0; i < s->nnot_answered; i++) {
        g_string_append_printf(m, "%s%s: %s", i ? "; " : "",
                               lang_text(&s->not_answered[i].question->short_label, d->lang),
                               summary_missing_text(s, &s->not_answered[i]));
    }
    flag_line(d, pdf_doc_ui(d, sec->heading), m->str);
    pdf_gstring_wipe_free(m);
}

/* The plan's first actions and when to get help: bulleted lines, of markup when
 * markup is true (the plan's layout is pdf_plan.c). */
static void plain_list(PdfDoc *d, const char *heading, const char *const *lines, size_t n,
                       bool markup)
{
    if (n == 0)
        return;
    int style = markup ? PDF_TX_MARKUP : 0;
    double h = 0;
    for (size_t i = 0; i < n; i++)
        h += pdf_bullet_item(d, 0, 0, d->w, d->fs, style, lines[i], false);
    pdf_doc_heading(d, heading, h);
    for (size_t i = 0; i < n; i++) {
        double ih = pdf_bullet_item(d, 0, 0, d->w, d->fs, style, lines[i], false);
        pdf_doc_need(d, ih);
        d->y += pdf_bullet_item(d, d->x, d->y, d->w, d->fs, style, lines[i], true);
    }
    d->y += d->gap;
}

/* A first action as markup, "<b>title:</b> how", and its caution when it applies (as
 * the screen and the plan show it): the how-to is printed, so is what to watch for. */
static GString *top_markup(const PdfDoc *d, const Advice *a)
{
    GString *m = g_string_new("");
    pdf_append_escaped(m, lang_text(&a->title, d->lang));
    g_string_append(m, ": ");
    pdf_append_escaped(m, lang_text(&a->how, d->lang));
    if (summary_caution_shown(d->sum, a))
        pdf_append_caution(d, m, lang_text(&a->caution, d->lang), true);
    return m;
}

/* The next steps: the plan's first actions and when to get help. */
static void sec_steps(void *ctx, const Summary *s, const SummarySection *sec)
{
    PdfDoc *d = section_doc(ctx, sec);
    GString *top[SUMMARY_TOP_ACTIONS];
    char safety[4][CONTENT_SAFETY_MAX];
    const char *lines[SUMMARY_TOP_ACTIONS > 4 ? SUMMARY_TOP_ACTIONS : 4];
    for (size_t i = 0; i < s->ntop; i++) {
        top[i] = top_markup(d, s->top[i]);
        lines[i] = top[i]->str;
    }
    plain_list(d, pdf_doc_ui(d, sec->heading), lines, s->ntop, true);
    for (size_t i = 0; i < s->ntop; i++)
        g_string_free(top[i], TRUE);
    size_t n = summary_safety_count(s);
    n = n < 4 ? n : 4;
    for (size_t i = 0; i < n; i++)
        lines[i] = summary_safety_line(s, i, safety[i], sizeof safety[i]);
    plain_list(d, pdf_doc_ui(d, "safety.title"), lines, n, false);
}

static void sec_scores(void *ctx, const Summary *s, const SummarySection *sec)
{
    (void)s;
    pdf_scores(section_doc(ctx, sec), sec->heading);
}

static void sec_areas(void *ctx, const Summary *s, const SummarySection *sec)
{
    (void)s;
    pdf_areas(section_doc(ctx, sec), sec->heading);
}

/* "Name ________  Date of birth ________": the front desk writes who it is (the kiosk
 * never asks). */
static void sec_write_in(PdfDoc *d)
{
    const char *labels[2] = {pdf_doc_ui(d, "print.name"), pdf_doc_ui(d, "print.dob")};
    double lh = pdf_doc_text(d, 0, 0, d->w, d->fs, PDF_TX_BOLD, labels[0], false);
    int rows = d->receipt ? 2 : 1;
    double cw = d->w / (3 - rows);
    pdf_doc_need(d, rows * (lh * 1.35));
    double y = d->y;
    for (int i = 0; i < 2; i++) {
        double x = d->x + (rows == 1 ? i * cw : 0);
        double row_y = y + (rows == 1 ? 0 : i * lh * 1.35);
        double tw = pdf_doc_text_width(d, d->fs, PDF_TX_BOLD, labels[i]) + d->fs * 0.4;
        pdf_doc_text(d, x, row_y, cw, d->fs, PDF_TX_BOLD, labels[i], true);
        double end = x + cw - (rows == 1 && i == 0 ? d->fs * 1.5 : 0);
        cairo_set_source_rgb(d->cr, 0, 0, 0);
        cairo_set_line_width(d->cr, 0.8);
        cairo_move_to(d->cr, x + tw, row_y + lh * 0.95);
        cairo_line_to(d->cr, end, row_y + lh * 0.95);
        cairo_stroke(d->cr);
    }
    d->y = y + rows * lh * 1.35 + d->gap * 0.3;
}

static void sec_context(void *ctx, const Summary *s, const SummarySection *sec)
{
    (void)s;
    pdf_context(section_doc(ctx, sec), sec->heading);
}

static void sec_causes(void *ctx, const Summary *s, const SummarySection *sec)
{
    (void)s;
    pdf_causes(section_doc(ctx, sec), sec->heading);
}

static void sec_plan(void *ctx, const Summary *s, const SummarySection *sec)
{
    (void)s;
    pdf_selfcare(section_doc(ctx, sec), sec->heading);
}

/* Paper walks the whole outline; the safety net is printed once, with the next steps. */
static const SummaryRender paper_sections[SUM_SEC_COUNT] = {
    [SUM_SEC_URGENT] = sec_urgent,
    [SUM_SEC_TODAY] = sec_today,
    [SUM_SEC_UNANSWERED] = sec_unanswered,
    [SUM_SEC_SCORES] = sec_scores,
    [SUM_SEC_AREAS] = sec_areas,
    [SUM_SEC_STEPS] = sec_steps,
    [SUM_SEC_CONTEXT] = sec_context,
    [SUM_SEC_CAUSES] = sec_causes,
    [SUM_SEC_PLAN] = sec_plan,
};

void pdf_sections_draw(PdfDoc *d)
{
    d->base_fs = d->fs;
    d->base_small = d->small;
    /* the title and write-in line in the clinician's part's size */
    d->fs = fmax(d->base_fs, d->clinician_fs);
    d->small = fmax(d->base_small, d->clinician_fs);
    sec_title(d);
    sec_write_in(d);
    summary_walk(d->sum, paper_sections, d);
    d->fs = d->base_fs;
    d->small = d->base_small;
}
