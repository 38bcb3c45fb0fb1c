/* About her, likely contributors and the self-care plan: lists of short blocks that
 * flow down balanced columns on Letter and A4 (one on the receipt), breaking between
 * blocks, never inside one, and never leaving a group title at a column's foot. On a
 * tight page about her is one paragraph across the page, and the shortest plan opens
 * with the contributors by title. */
#include <string.h>

#include "../core/error.h"
#include "print_internal.h"

/* The advice group whose items keep their one-line how-to in the shorter plans. */
#define EXERCISE_GROUP "exercise"

#define COLUMN_GAP(d) ((d)->fs * 1.6)
#define INDENT(d) ((d)->fs * 1.1)
/* Lines in the columns (on Letter and A4) are half as long as the page's: set solid,
 * 1.0 em apart (DejaVu's own distance is 1.16 em); the receipt's single column keeps
 * the page's. */
#define COLUMN_LEADING(d) ((d)->receipt ? 0 : 0.86)

typedef double (*BlockDraw)(PdfDoc *d, const void *item, double x, double y, double w, bool draw);

typedef struct {
    BlockDraw draw;
    const void *item;
    double h;            /* height at the column width, spacing after it included */
    bool keep_with_next; /* a group title */
} Block;

/* Takes blocks from i for one column no taller than limit; returns the index after
 * the last block taken (i when the first does not fit). */
static size_t take_column(const Block *b, size_t i, size_t n, double limit)
{
    size_t j = i;
    double h = 0;
    while (j < n && h + b[j].h <= limit) {
        h += b[j].h;
        j++;
    }
    /* A group title stays with its first item. */
    while (j > i + 1 && b[j - 1].keep_with_next && j < n)
        j--;
    return j;
}

/* Whether the blocks from i on fit in cols columns no taller than limit. */
static bool columns_fit(const Block *b, size_t i, size_t n, int cols, double limit)
{
    for (int c = 0; c < cols && i < n; c++) {
        size_t j = take_column(b, i, n, limit);
        if (j == i)
            return false;
        i = j;
    }
    return i == n;
}

/* Flows the blocks down cols balanced columns (one on the receipt), page after page;
 * each block's height was measured at column_width(d, cols). When the rest fits on
 * this page, the columns are as short as they can be: the tallest as low as it gets. */
static void flow_columns(PdfDoc *d, const Block *b, size_t n, int cols)
{
    cols = d->receipt ? 1 : cols;
    double colw = (d->w - (cols - 1) * COLUMN_GAP(d)) / cols;
    size_t i = 0;

    while (i < n) {
        double avail = d->ph - d->bottom - d->footer_h - d->y, limit = avail;
        if (columns_fit(b, i, n, cols, avail)) {
            double lo = 0;
            while (limit - lo > 0.25) {
                double mid = (lo + limit) / 2;
                if (columns_fit(b, i, n, cols, mid))
                    limit = mid;
                else
                    lo = mid;
            }
        }
        double y0 = d->y, tallest = 0;
        size_t start = i;
        for (int c = 0; c < cols && i < n; c++) {
            size_t j = take_column(b, i, n, limit);
            if (j == i && c == 0 && d->y > d->top + 0.5)
                break; /* not even one block fits here: next page */
            if (j == i)
                j = i + 1; /* taller than a page: draw it anyway */
            double x = d->x + c * (colw + COLUMN_GAP(d)), y = y0;
            for (size_t k = i; k < j; k++) {
                b[k].draw(d, b[k].item, x, y, colw, true);
                y += b[k].h;
            }
            tallest = y - y0 > tallest ? y - y0 : tallest;
            i = j;
        }
        d->y = y0 + tallest;
        if (i < n || i == start)
            pdf_doc_new_page(d);
    }
}

static double column_width(const PdfDoc *d, int cols)
{
    return d->receipt ? d->w : (d->w - (cols - 1) * COLUMN_GAP(d)) / cols;
}

/* Draws n items (an array of stride-byte entries, n >= 1) as blocks of draw in cols
 * balanced columns under the heading, each followed by space of `after` font sizes. */
static void item_columns(PdfDoc *d, const char *heading, const void *items, size_t stride, size_t n,
                         BlockDraw draw, int cols, double after)
{
    Block *b = g_new0(Block, n);
    double w = column_width(d, cols);
    d->leading = COLUMN_LEADING(d);
    for (size_t i = 0; i < n; i++) {
        b[i].draw = draw;
        b[i].item = (const char *)items + i * stride;
        b[i].h = draw(d, b[i].item, 0, 0, w, false) + d->fs * after;
    }
    d->leading = 0;
    pdf_doc_heading(d, pdf_doc_ui(d, heading), b[0].h);
    d->leading = COLUMN_LEADING(d);
    flow_columns(d, b, n, cols);
    d->leading = 0;
    g_free(b);
    d->y += d->gap * 0.6;
}

/* "label:" (the colon added unless it has one). */
static void append_label(GString *s, const char *label)
{
    size_t n = strlen(label);
    pdf_append_escaped(s, label);
    if (n && label[n - 1] != ':')
        g_string_append_c(s, ':');
}

/* ---- about her: "Question: answer" for each context answer ---- */

static double fact_block(PdfDoc *d, const void *item, double x, double y, double w, bool draw)
{
    const SummaryFact *f = item;
    char buf[CONTENT_ANSWER_MAX];
    GString *m = g_string_new("<b>");
    pdf_append_escaped(m, lang_text(&f->question->short_label, d->lang));
    g_string_append(m, ":</b> ");
    pdf_append_escaped(m, summary_answer_text(d->sum, f, buf, sizeof buf));
    memset(buf, 0, sizeof buf);
    double h = pdf_doc_text(d, x, y, w, d->fs, PDF_TX_MARKUP, m->str, draw);
    pdf_gstring_wipe_free(m);
    return h;
}

/* The receipt and a tight page: every answer in one paragraph across the page,
 * "Question: answer · Question: answer" (columns of short lines leave much of each
 * line empty). */
static void context_run_in(PdfDoc *d, const char *heading)
{
    const Summary *s = d->sum;
    char buf[CONTENT_ANSWER_MAX];
    GString *m = g_string_new(NULL);
    for (size_t i = 0; i < s->ncontext; i++) {
        const SummaryFact *f = &s->context[i];
        g_string_append(m, i ? "  ·  <b>" : "<b>");
        pdf_append_escaped(m, lang_text(&f->question->short_label, d->lang));
        g_string_append(m, ":</b> ");
        pdf_append_escaped(m, summary_answer_text(d->sum, f, buf, sizeof buf));
    }
    memset(buf, 0, sizeof buf);
    double h = pdf_doc_text(d, d->x, d->y, d->w, d->fs, PDF_TX_MARKUP, m->str, false);
    pdf_doc_heading(d, pdf_doc_ui(d, heading), h);
    d->y += pdf_doc_text(d, d->x, d->y, d->w, d->fs, PDF_TX_MARKUP, m->str, true) + d->gap;
    pdf_gstring_wipe_free(m);
}

void pdf_context(PdfDoc *d, const char *heading)
{
    const Summary *s = d->sum;
    if (s->ncontext == 0)
        return;
    if (d->receipt || d->context_small) {
        context_run_in(d, heading);
        return;
    }
    /* short "Question: answer" lines in the clinician's size: three columns */
    item_columns(d, heading, s->context, sizeof s->context[0], s->ncontext, fact_block, 3, 0.12);
}

/* ---- likely contributors: the title and the answers behind it ---- */

static double cause_block(PdfDoc *d, const void *item, double x, double y, double w, bool draw)
{
    const SummaryCause *c = item;
    GString *m = pdf_titled_because_markup(d, lang_text(&c->cause->title, d->lang), c->cause->when,
                                           c->because, c->nbecause);
    double h = pdf_bullet_item(d, x, y, w, d->fs, PDF_TX_MARKUP, m->str, draw);
    pdf_gstring_wipe_free(m);
    return h;
}

/* The shortest plan on Letter and A4 opens with the contributors by title, in one
 * paragraph under the plan's heading: "<b>heading:</b> A · B · C" (the screen and the
 * longer plans say why each applies). */
static bool causes_lead_plan(const PdfDoc *d)
{
    const Summary *s = d->sum;
    return d->plan >= PDF_PLAN_TITLES && !d->receipt && s->ncauses && (s->nadvice || s->nheld);
}

static GString *causes_lead_markup(const PdfDoc *d, const char *heading)
{
    const Summary *s = d->sum;
    GString *m = g_string_new("<b>");
    append_label(m, pdf_doc_ui(d, heading));
    g_string_append(m, "</b> ");
    for (size_t i = 0; i < s->ncauses; i++) {
        if (i)
            g_string_append(m, " · ");
        pdf_append_escaped(m, lang_text(&s->causes[i].cause->title, d->lang));
    }
    return m;
}

void pdf_causes(PdfDoc *d, const char *heading)
{
    const Summary *s = d->sum;
    if (s->ncauses == 0) {
        pdf_doc_heading(d, pdf_doc_ui(d, heading), d->fs * 1.3);
        d->y += pdf_doc_text(d, d->x, d->y, d->w, d->fs, PDF_TX_ITALIC,
                             pdf_doc_ui(d, "summary.none"), true);
        d->y += d->gap;
        return;
    }
    if (causes_lead_plan(d))
        return; /* pdf_selfcare() opens with them */
    item_columns(d, heading, s->causes, sizeof s->causes[0], s->ncauses, cause_block, 2, 0.18);
}

/* ---- the self-care plan ----
 *
 * PDF_PLAN_FULL prints every item as "title — how", any caution after it. The shorter
 * levels print the tips outside the exercise group a group to a paragraph, "Group:
 * title · title", followed by their cautions (the baby's safety, burns, medicine);
 * PDF_PLAN_SHORT also drops the exercises' own cautions, keeping only that of the
 * group's first item ("Before you start"), which holds what applies to every
 * exercise; PDF_PLAN_TITLES prints the exercises by title too. */

static bool is_exercise(const Advice *a)
{
    return a->group && strcmp(a->group, EXERCISE_GROUP) == 0;
}

/* The item is printed by its title only, in its group's paragraph. */
static bool by_title(const PdfDoc *d, const Advice *a)
{
    return d->plan >= PDF_PLAN_TITLES || (d->plan > PDF_PLAN_FULL && !is_exercise(a));
}

/* The item's caution is printed; first: it is its group's first item in the plan. */
static bool caution_shown(const PdfDoc *d, const Advice *a, bool first)
{
    if (!summary_caution_shown(d->sum, a))
        return false;
    return d->plan <= PDF_PLAN_TIPS_SHORT || !is_exercise(a) || first;
}

void pdf_append_caution(const PdfDoc *d, GString *m, const char *caution, bool label)
{
    if (label) {
        g_string_append(m, " <b><i>");
        append_label(m, pdf_doc_ui(d, "summary.caution"));
        g_string_append(m, "</i></b>");
    }
    g_string_append(m, " <i>");
    pdf_append_escaped(m, caution);
    g_string_append(m, "</i>");
}

typedef struct {
    const Advice *advice;
    bool caution;
} PlanItem;

static double advice_block(PdfDoc *d, const void *item, double x, double y, double w, bool draw)
{
    const PlanItem *it = item;
    const Advice *a = it->advice;
    /* One paragraph: the title in the body size, the how-to and any caution in the
     * small size after it. */
    GString *m = g_string_new("<b>");
    pdf_append_escaped(m, lang_text(&a->title, d->lang));
    g_string_append_printf(m, "</b><span size=\"%d\">", (int)(d->small * PANGO_SCALE));
    const char *how = lang_text(&a->how, d->lang);
    if (*how) {
        g_string_append(m, " — ");
        pdf_append_escaped(m, how);
    }
    const char *caution = lang_text(&a->caution, d->lang);
    if (*caution && it->caution)
        pdf_append_caution(d, m, caution, true);
    g_string_append(m, "</span>");
    double h = pdf_bullet_item(d, x, y, w, d->fs, PDF_TX_MARKUP, m->str, draw);
    g_string_free(m, TRUE);
    return h;
}

static double group_block(PdfDoc *d, const void *item, double x, double y, double w, bool draw)
{
    return pdf_doc_text(d, x, y, w, d->fs, PDF_TX_BOLD | PDF_TX_GRAY, item, draw);
}

/* A group by titles: "Group: title · title" (markup held in the block). */
static double titles_block(PdfDoc *d, const void *item, double x, double y, double w, bool draw)
{
    return pdf_doc_text(d, x, y, w, d->fs, PDF_TX_MARKUP, item, draw);
}

static const char *group_of(const Advice *a)
{
    return a->group ? a->group : "";
}

/* Builds the by-title paragraph of the group starting at advice i; returns the index
 * after it. */
static size_t titles_group(const PdfDoc *d, size_t i, GString *m)
{
    const Summary *s = d->sum;
    const char *group = group_of(s->advice[i]);
    size_t k;
    bool label = true;

    g_string_append(m, "<b>");
    append_label(m, content_group_title(s->content, group, d->lang));
    g_string_append(m, "</b> ");
    for (k = i; k < s->nadvice && strcmp(group_of(s->advice[k]), group) == 0; k++) {
        if (k > i)
            g_string_append(m, " · ");
        pdf_append_escaped(m, lang_text(&s->advice[k]->title, d->lang));
    }
    g_string_append_printf(m, "<span size=\"%d\">", (int)(d->small * PANGO_SCALE));
    for (size_t j = i; j < k; j++) {
        const char *caution = lang_text(&s->advice[j]->caution, d->lang);
        if (*caution && caution_shown(d, s->advice[j], j == i)) {
            if (label)
                g_string_append_c(m, '.');
            pdf_append_caution(d, m, caution, label);
            label = false;
        }
    }
    g_string_append(m, "</span>");
    return k;
}

/* Appends a block measured at width w with after points below it; returns the count. */
static size_t push_block(PdfDoc *d, Block *b, size_t n, BlockDraw draw, const void *item, double w,
                         double after, bool keep_with_next)
{
    b[n].draw = draw;
    b[n].item = item;
    b[n].h = draw(d, item, 0, 0, w, false) + d->fs * after;
    b[n].keep_with_next = keep_with_next;
    return n + 1;
}

/* What is held back, and why, as the plan's last paragraph: "<b>held_back</b> A, B, C"
 * (bold like a group's name: in the shortest plan no title stands over it). */
static GString *held_markup(const PdfDoc *d)
{
    const Summary *s = d->sum;
    GString *m = g_string_new("<b>");
    pdf_append_escaped(m, pdf_doc_ui(d, "summary.held_back"));
    g_string_append(m, "</b>");
    for (size_t i = 0; i < s->nheld; i++) {
        g_string_append(m, i ? ", " : " ");
        pdf_append_escaped(m, lang_text(&s->held[i]->title, d->lang));
    }
    return m;
}

void pdf_selfcare(PdfDoc *d, const char *heading)
{
    const Summary *s = d->sum;
    size_t n = 0, ntexts = 0;
    if (s->nadvice == 0 && s->nheld == 0)
        return;
    Block *b = g_new0(Block, 2 * s->nadvice + 2);
    PlanItem *items = g_new0(PlanItem, s->nadvice + 1);
    GString **texts = g_new0(GString *, s->nadvice + 1);
    double w = column_width(d, 2);
    d->leading = COLUMN_LEADING(d);
    for (size_t i = 0; i < s->nadvice; i++) {
        const Advice *a = s->advice[i];
        bool first = i == 0 || strcmp(group_of(s->advice[i - 1]), group_of(a)) != 0;
        if (by_title(d, a)) {
            GString *m = texts[ntexts++] = g_string_new(NULL);
            i = titles_group(d, i, m) - 1;
            n = push_block(d, b, n, titles_block, m->str, w, 0.16, false);
            continue;
        }
        if (first)
            n = push_block(d, b, n, group_block,
                           content_group_title(s->content, group_of(a), d->lang), w, 0.15, true);
        items[i].advice = a;
        items[i].caution = caution_shown(d, a, first);
        n = push_block(d, b, n, advice_block, &items[i], w, 0.16, false);
    }
    if (s->nheld) {
        GString *m = texts[ntexts++] = held_markup(d);
        if (d->plan < PDF_PLAN_TITLES) /* the shortest plan: the paragraph says it alone */
            n = push_block(d, b, n, group_block, pdf_doc_ui(d, "summary.held_title"), w, 0.15,
                           true);
        n = push_block(d, b, n, titles_block, m->str, w, 0.16, false);
    }
    d->leading = 0; /* the heading and the lead across the page */
    GString *lead = causes_lead_plan(d) ? causes_lead_markup(d, "summary.causes") : NULL;
    double lead_h =
        lead ? pdf_doc_text(d, d->x, 0, d->w, d->fs, PDF_TX_MARKUP, lead->str, false) + d->fs * 0.3
             : 0;
    pdf_doc_heading(d, pdf_doc_ui(d, heading), lead_h + b[0].h + (n > 1 ? b[1].h : 0));
    if (lead) {
        pdf_doc_text(d, d->x, d->y, d->w, d->fs, PDF_TX_MARKUP, lead->str, true);
        d->y += lead_h;
        g_string_free(lead, TRUE);
    }
    d->leading = COLUMN_LEADING(d);
    flow_columns(d, b, n, 2);
    d->leading = 0;
    for (size_t i = 0; i < ntexts; i++)
        g_string_free(texts[i], TRUE);
    g_free(texts);
    g_free(items);
    g_free(b);
    d->y += d->gap * 0.6;
}
