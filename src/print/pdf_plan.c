/* Likely contributors and the self-care plan: lists of short blocks that flow down
 * two balanced columns on Letter and A4 (one on the receipt), breaking between
 * blocks, never inside one, and never leaving a group title at a column's foot. */
#include <string.h>

#include "../core/error.h"
#include "print_internal.h"

/* The advice group whose items keep their how-to when the plan must be compacted to
 * keep a long session on two pages (the brief: "each exercise's one-line how-to"). */
#define EXERCISE_GROUP "exercise"

#define COLUMN_GAP(d) ((d)->fs * 1.6)
#define INDENT(d) ((d)->fs * 1.1)

typedef double (*BlockDraw)(Doc *d, const void *item, double x, double y, double w, bool draw);

typedef struct {
    BlockDraw draw;
    const void *item;
    double h;            /* height at the column width, spacing after it included */
    bool keep_with_next; /* a group title */
} Block;

/* Takes blocks from *i for one column of height avail aiming at target; returns the
 * index after the last block taken. */
static size_t take_column(const Block *b, size_t i, size_t n, double avail, double target,
                          bool last, double *used)
{
    size_t j = i;
    double h = 0;
    while (j < n && h + b[j].h <= avail && (last || j == i || h + b[j].h * 0.5 <= target)) {
        h += b[j].h;
        j++;
    }
    /* A group title stays with its first item. */
    while (j > i + 1 && b[j - 1].keep_with_next && j < n) {
        j--;
        h -= b[j].h;
    }
    *used = h;
    return j;
}

static void flow_columns(Doc *d, const Block *b, size_t n)
{
    int cols = d->receipt ? 1 : 2;
    double colw = (d->w - (cols - 1) * COLUMN_GAP(d)) / cols;
    size_t i = 0;

    while (i < n) {
        double limit = d->ph - d->bottom - d->footer_h;
        double avail = limit - d->y, remaining = 0;
        for (size_t k = i; k < n; k++)
            remaining += b[k].h;
        double target = remaining <= cols * avail ? remaining / cols : avail;
        double y0 = d->y, tallest = 0;
        size_t start = i;
        for (int c = 0; c < cols && i < n; c++) {
            double used;
            size_t j = take_column(b, i, n, avail, target, c == cols - 1, &used);
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
            doc_new_page(d);
    }
}

/* ---- likely contributors: the title and the answers behind it ---- */

static double cause_block(Doc *d, const void *item, double x, double y, double w, bool draw)
{
    const SummaryCause *c = item;
    GString *m = titled_because_markup(d, text_get(&c->cause->title, d->lang), c->cause->when,
                                       c->because, c->nbecause);
    double h = bullet_item(d, x, y, w, d->fs, TX_MARKUP, m->str, draw);
    gstring_wipe_free(m);
    return h;
}

static double column_width(const Doc *d)
{
    return d->receipt ? d->w : (d->w - COLUMN_GAP(d)) / 2;
}

void sec_causes(Doc *d)
{
    const Summary *s = d->sum;
    if (s->ncauses == 0) {
        doc_heading(d, doc_ui(d, "summary.causes"), d->fs * 1.3);
        d->y += doc_text(d, d->x, d->y, d->w, d->fs, TX_ITALIC, doc_ui(d, "summary.none"), true);
        d->y += d->gap;
        return;
    }
    Block *b = g_new0(Block, s->ncauses);
    double w = column_width(d);
    for (size_t i = 0; i < s->ncauses; i++) {
        b[i].draw = cause_block;
        b[i].item = &s->causes[i];
        b[i].h = cause_block(d, b[i].item, 0, 0, w, false) + d->fs * 0.25;
    }
    doc_heading(d, doc_ui(d, "summary.causes"), b[0].h);
    flow_columns(d, b, s->ncauses);
    g_free(b);
    d->y += d->gap * 0.6;
}

/* ---- the self-care plan: group titles, then "title — how" and any caution ---- */

static void append_label(GString *s, const char *label)
{
    size_t n = strlen(label);
    append_escaped(s, label);
    if (n && label[n - 1] != ':')
        g_string_append_c(s, ':');
}

static double advice_block(Doc *d, const void *item, double x, double y, double w, bool draw)
{
    const Advice *a = item;
    /* One paragraph: the title in the body size, the how-to and any caution in the
     * small size after it. */
    GString *m = g_string_new("<b>");
    append_escaped(m, text_get(&a->title, d->lang));
    g_string_append_printf(m, "</b><span size=\"%d\">", (int)(d->small * PANGO_SCALE));
    const char *how = text_get(&a->how, d->lang);
    if (*how) {
        g_string_append(m, " — ");
        append_escaped(m, how);
    }
    const char *caution = text_get(&a->caution, d->lang);
    if (*caution) {
        g_string_append(m, " <b><i>");
        append_label(m, doc_ui(d, "summary.caution"));
        g_string_append(m, "</i></b> <i>");
        append_escaped(m, caution);
        g_string_append(m, "</i>");
    }
    g_string_append(m, "</span>");
    double h = bullet_item(d, x, y, w, d->fs, TX_MARKUP, m->str, draw);
    g_string_free(m, TRUE);
    return h;
}

static double group_block(Doc *d, const void *item, double x, double y, double w, bool draw)
{
    return doc_text(d, x, y, w, d->fs, TX_BOLD | TX_GRAY, item, draw);
}

/* A compacted group: "Group: title · title · title" (markup held in the block). */
static double titles_block(Doc *d, const void *item, double x, double y, double w, bool draw)
{
    return doc_text(d, x, y, w, d->fs, TX_MARKUP, item, draw);
}

static bool compacted(const Doc *d, const Advice *a)
{
    return d->compact >= 2 ||
           (d->compact == 1 && (!a->group || strcmp(a->group, EXERCISE_GROUP) != 0));
}

/* Builds the compacted group starting at advice i; returns the index after it. */
static size_t compact_group(const Doc *d, size_t i, GString *m)
{
    const Summary *s = d->sum;
    const char *group = s->advice[i]->group ? s->advice[i]->group : "";
    g_string_append(m, "<b>");
    append_label(m, content_group_title(s->content, group, d->lang));
    g_string_append(m, "</b> ");
    size_t k;
    for (k = i; k < s->nadvice; k++) {
        const Advice *a = s->advice[k];
        if (strcmp(a->group ? a->group : "", group) != 0)
            break;
        if (k > i)
            g_string_append(m, " · ");
        append_escaped(m, text_get(&a->title, d->lang));
    }
    return k;
}

void sec_selfcare(Doc *d)
{
    const Summary *s = d->sum;
    const char *group = NULL;
    size_t n = 0;

    if (s->nadvice == 0)
        return;
    Block *b = g_new0(Block, 2 * s->nadvice);
    GString **texts = g_new0(GString *, s->nadvice);
    size_t ntexts = 0;
    double w = column_width(d);
    for (size_t i = 0; i < s->nadvice; i++) {
        const Advice *a = s->advice[i];
        if (compacted(d, a)) {
            GString *m = g_string_new(NULL);
            size_t next = compact_group(d, i, m);
            texts[ntexts++] = m;
            b[n].draw = titles_block;
            b[n].item = m->str;
            b[n].h = titles_block(d, m->str, 0, 0, w, false) + d->fs * 0.3;
            n++;
            i = next - 1;
            group = NULL;
            continue;
        }
        if (!group || !a->group || strcmp(group, a->group) != 0) {
            group = a->group ? a->group : "";
            b[n].draw = group_block;
            b[n].item = content_group_title(s->content, group, d->lang);
            b[n].h = group_block(d, b[n].item, 0, 0, w, false) + d->fs * 0.15;
            b[n].keep_with_next = true;
            n++;
        }
        b[n].draw = advice_block;
        b[n].item = a;
        b[n].h = advice_block(d, a, 0, 0, w, false) + d->fs * 0.22;
        n++;
    }
    doc_heading(d, doc_ui(d, "summary.selfcare"), b[0].h + (n > 1 ? b[1].h : 0));
    flow_columns(d, b, n);
    for (size_t i = 0; i < ntexts; i++)
        g_string_free(texts[i], TRUE);
    g_free(texts);
    g_free(b);
    d->y += d->gap * 0.6;
}
