/* The summary as plain text: what the terminal mode prints, in the outline's order
 * (summary_outline.h): flags first, then scores, areas, context, causes, the self-care
 * plan and the safety net. */
#include <stdbool.h>
#include <string.h>

#include "error.h"
#include "summary.h"
#include "summary_outline.h"
#include "wipe.h"

enum { TEXT_WIDTH = 78 };

static size_t columns(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Text wrapped at TEXT_WIDTH columns, written a piece at a time: no line is built in a
 * buffer of its own, so none is ever cut. */
typedef struct {
    FILE *out;
    const char *indent; /* before every line but the first */
    size_t col;
    bool fresh; /* no word on this line yet */
} Wrap;

/* Starts a paragraph with first; a space separates first from the text unless it ends
 * in one. */
static void wrap_start(Wrap *w, FILE *out, const char *first, const char *indent)
{
    size_t flen = strlen(first);
    *w = (Wrap){out, indent, columns(first), flen == 0 || first[flen - 1] == ' '};
    fputs(first, out);
}

/* Adds the words of text; glue (may be "") sticks to its last word, as "," in "A, B". */
static void wrap_words(Wrap *w, const char *text, const char *glue)
{
    for (const char *p = text; *p;) {
        while (*p == ' ' || *p == '\n')
            p++;
        const char *word = p;
        size_t chars = 0;
        while (*p && *p != ' ' && *p != '\n')
            chars += ((unsigned char)*p++ & 0xC0) != 0x80;
        if (p == word)
            break;
        bool last = *p == '\0' || !p[strspn(p, " \n")];
        if (last)
            chars += columns(glue);
        if (!w->fresh && w->col + 1 + chars > TEXT_WIDTH) {
            fprintf(w->out, "\n%s", w->indent);
            w->col = columns(w->indent);
            w->fresh = true;
        }
        if (!w->fresh) {
            fputc(' ', w->out);
            w->col++;
        }
        fwrite(word, 1, (size_t)(p - word), w->out);
        if (last)
            fputs(glue, w->out);
        w->col += chars;
        w->fresh = false;
    }
}

static void wrap_end(Wrap *w)
{
    fputc('\n', w->out);
}

/* Prints text wrapped: the first line after first, the others after indent. */
static void put_wrapped(FILE *out, const char *first, const char *indent, const char *text)
{
    Wrap w;
    wrap_start(&w, out, first, indent);
    wrap_words(&w, text, "");
    wrap_end(&w);
}

static void put_because(FILE *out, const Summary *sum, const SummaryFact *f, size_t n)
{
    if (n == 0)
        return;
    char ans[CONTENT_ANSWER_MAX];
    Wrap w;
    wrap_start(&w, out, "      ", "      ");
    wrap_words(&w, content_ui(sum->content, "summary.because", sum->lang), "");
    for (size_t i = 0; i < n; i++) {
        wrap_words(&w, lang_text(&f[i].question->short_label, sum->lang), ":");
        wrap_words(&w, summary_answer_text(sum, &f[i], ans, sizeof ans), i + 1 < n ? ";" : "");
    }
    wrap_end(&w);
    wipe(ans, sizeof ans);
}

static void put_flag_list(FILE *out, const Summary *sum, const SummaryFlag *f, size_t n)
{
    if (n == 0)
        fprintf(out, "  %s\n", summary_no_flags_text(sum));
    for (size_t i = 0; i < n; i++) {
        put_wrapped(out, "  * ", "    ", lang_text(&f[i].flag->text, sum->lang));
        put_because(out, sum, f[i].because, f[i].nbecause);
    }
}

static const char *heading(const Summary *sum, const SummarySection *sec)
{
    return content_ui(sum->content, sec->heading, sum->lang);
}

/* The flag box: urgent flags, today flags, then the red-flag questions without an
 * answer. It never says a bare "none": an unanswered safety question is not a "no". */
static void put_urgent(void *ctx, const Summary *sum, const SummarySection *sec)
{
    FILE *out = ctx;
    fprintf(out, "\n%s%s\n", sum->urgent_raised ? "!! " : "", heading(sum, sec));
    if (sum->urgent_raised && sum->urgent_ack != URGENT_ACK_NONE)
        put_wrapped(out, "  ", "  ",
                    content_ui(sum->content,
                               sum->urgent_ack == URGENT_ACK_STAFF ? "summary.ack_staff"
                                                                   : "summary.ack_patient",
                               sum->lang));
    put_flag_list(out, sum, sum->urgent, sum->nurgent);
}

static void put_today(void *ctx, const Summary *sum, const SummarySection *sec)
{
    fprintf(ctx, "\n%s\n", heading(sum, sec));
    put_flag_list(ctx, sum, sum->clinician, sum->nclinician);
}

static void put_unanswered(void *ctx, const Summary *sum, const SummarySection *sec)
{
    FILE *out = ctx;
    if (sum->nnot_answered == 0) {
        if (sum->safety_all_no)
            fprintf(out, "\n%s\n", content_ui(sum->content, "summary.all_no", sum->lang));
        return;
    }
    fprintf(out, "\n%s%s\n", "!! ", heading(sum, sec));
    for (size_t i = 0; i < sum->nnot_answered; i++) {
        Wrap w;
        wrap_start(&w, out, "  ? ", "    ");
        wrap_words(&w, lang_text(&sum->not_answered[i].question->short_label, sum->lang), ":");
        wrap_words(&w, summary_missing_text(sum, &sum->not_answered[i]), "");
        wrap_end(&w);
    }
}

static void put_advice(FILE *out, const Summary *sum, const Advice *a)
{
    Wrap w;
    wrap_start(&w, out, "  * ", "    ");
    wrap_words(&w, lang_text(&a->title, sum->lang), ":");
    wrap_words(&w, lang_text(&a->how, sum->lang), "");
    wrap_end(&w);
    if (summary_caution_shown(sum, a)) {
        wrap_start(&w, out, "    ", "    ");
        wrap_words(&w, content_ui(sum->content, "summary.caution", sum->lang), "");
        wrap_words(&w, lang_text(&a->caution, sum->lang), "");
        wrap_end(&w);
    }
}

static void put_score(FILE *out, const Summary *sum, const char *key, int v)
{
    const char *label = content_ui(sum->content, key, sum->lang);
    if (v < 0)
        fprintf(out, "  %s: %s\n", label,
                content_ui(sum->content, "summary.not_answered", sum->lang));
    else
        fprintf(out, "  %s: %d / 10\n", label, v);
}

static void put_scores(void *ctx, const Summary *sum, const SummarySection *sec)
{
    FILE *out = ctx;
    const Content *c = sum->content;
    Lang lang = sum->lang;
    fprintf(out, "\n%s\n", heading(sum, sec));
    put_score(out, sum, "summary.pain_now", sum->pain_now);
    put_score(out, sum, "summary.peg_pain", sum->peg[0]);
    put_score(out, sum, "summary.peg_enjoyment", sum->peg[1]);
    put_score(out, sum, "summary.peg_activity", sum->peg[2]);
    if (sum->peg_score >= 0)
        fprintf(out, "  %s: %.1f / 10\n", content_ui(c, "summary.peg_score", lang), sum->peg_score);
    else
        fprintf(out, "  %s: %s\n", content_ui(c, "summary.peg_score", lang),
                content_ui(c, "summary.not_answered", lang));
    if (sum->phq2 >= 0)
        fprintf(out, "  %s: %d / 6%s\n", content_ui(c, "summary.phq2", lang), sum->phq2,
                sum->phq2_positive ? content_ui(c, "summary.phq2_positive", lang) : "");
    else if (sum->phq2_at_least >= 0) /* one item not answered, the other positive alone */
        fprintf(out, "  %s: \xe2\x89\xa5 %d / 6%s\n", content_ui(c, "summary.phq2", lang),
                sum->phq2_at_least, content_ui(c, "summary.phq2_positive", lang));
    else if (sum->phq2_asked)
        fprintf(out, "  %s: %s\n", content_ui(c, "summary.phq2", lang),
                content_ui(c, "summary.not_answered", lang));
}

/* Prints the texts items[i]->field of n items ("A, B, C") wrapped after first and
 * indent. A macro: areas, causes and advice are different types. */
#define PUT_TITLES(out, first, indent, items, n, field, lang)                                      \
    do {                                                                                           \
        Wrap w_;                                                                                   \
        wrap_start(&w_, (out), (first), (indent));                                                 \
        for (size_t i_ = 0; i_ < (n); i_++)                                                        \
            wrap_words(&w_, lang_text(&(items)[i_]->field, (lang)), i_ + 1 < (n) ? "," : "");      \
        wrap_end(&w_);                                                                             \
    } while (0)

static void put_areas(void *ctx, const Summary *sum, const SummarySection *sec)
{
    fprintf(ctx, "\n%s\n", heading(sum, sec));
    if (sum->nareas)
        PUT_TITLES(ctx, "  ", "  ", sum->areas, sum->nareas, label, sum->lang);
    else
        put_wrapped(ctx, "  ", "  ", content_ui(sum->content, "summary.not_answered", sum->lang));
}

static void put_context(void *ctx, const Summary *sum, const SummarySection *sec)
{
    fprintf(ctx, "\n%s\n", heading(sum, sec));
    for (size_t i = 0; i < sum->ncontext; i++) {
        char ans[CONTENT_ANSWER_MAX];
        Wrap w;
        wrap_start(&w, ctx, "  ", "    ");
        wrap_words(&w, lang_text(&sum->context[i].question->short_label, sum->lang), ":");
        wrap_words(&w, summary_answer_text(sum, &sum->context[i], ans, sizeof ans), "");
        wrap_end(&w);
        wipe(ans, sizeof ans);
    }
}

static void put_causes(void *ctx, const Summary *sum, const SummarySection *sec)
{
    FILE *out = ctx;
    Lang lang = sum->lang;
    fprintf(out, "\n%s\n", heading(sum, sec));
    if (sum->ncauses == 0)
        fprintf(out, "  %s\n", content_ui(sum->content, "summary.none", lang));
    for (size_t i = 0; i < sum->ncauses; i++) {
        put_wrapped(out, "  * ", "    ", lang_text(&sum->causes[i].cause->title, lang));
        put_wrapped(out, "    ", "    ", lang_text(&sum->causes[i].cause->text, lang));
        put_because(out, sum, sum->causes[i].because, sum->causes[i].nbecause);
    }
    if (sum->nfolded) {
        Wrap w;
        wrap_start(&w, out, "  ", "    ");
        wrap_words(&w, content_ui(sum->content, "summary.folded", lang), "");
        for (size_t i = 0; i < sum->nfolded; i++)
            wrap_words(&w, lang_text(&sum->folded[i]->title, lang),
                       i + 1 < sum->nfolded ? "," : "");
        wrap_end(&w);
    }
}

/* One line naming every item held back, and why. */
static void put_held(FILE *out, const Summary *sum)
{
    if (sum->nheld == 0)
        return;
    fprintf(out, "  -- %s\n", content_ui(sum->content, "summary.held_title", sum->lang));
    put_wrapped(out, "  ", "  ", content_ui(sum->content, "summary.held_back", sum->lang));
    PUT_TITLES(out, "    ", "    ", sum->held, sum->nheld, title, sum->lang);
    for (size_t i = 0; i < sum->nholds; i++)
        put_wrapped(out, "    - ", "      ", lang_text(&sum->holds[i]->text, sum->lang));
}

static void put_plan(void *ctx, const Summary *sum, const SummarySection *sec)
{
    FILE *out = ctx;
    fprintf(out, "\n%s\n", heading(sum, sec));
    if (sum->ntop)
        fprintf(out, "  -- %s\n", content_ui(sum->content, "summary.top", sum->lang));
    for (size_t i = 0; i < sum->ntop; i++)
        put_advice(out, sum, sum->top[i]);
    const char *group = NULL;
    for (size_t i = 0; i < sum->nadvice; i++) {
        const Advice *a = sum->advice[i];
        if (!group || strcmp(group, a->group) != 0) {
            group = a->group;
            fprintf(out, "  -- %s\n", content_group_title(sum->content, group, sum->lang));
        }
        put_advice(out, sum, a);
    }
    put_held(out, sum);
}

static void put_safety(void *ctx, const Summary *sum, const SummarySection *sec)
{
    char buf[CONTENT_SAFETY_MAX];
    fprintf(ctx, "\n%s\n", heading(sum, sec));
    for (size_t i = 0; i < summary_safety_count(sum); i++)
        put_wrapped(ctx, "  * ", "    ", summary_safety_line(sum, i, buf, sizeof buf));
}

/* The terminal has no "next steps": its plan lists the top actions and the safety net
 * closes it. */
static const SummaryRender text_sections[SUM_SEC_COUNT] = {
    [SUM_SEC_URGENT] = put_urgent,         [SUM_SEC_TODAY] = put_today,
    [SUM_SEC_UNANSWERED] = put_unanswered, [SUM_SEC_SCORES] = put_scores,
    [SUM_SEC_AREAS] = put_areas,           [SUM_SEC_CONTEXT] = put_context,
    [SUM_SEC_CAUSES] = put_causes,         [SUM_SEC_PLAN] = put_plan,
    [SUM_SEC_SAFETY] = put_safety,
};

int summary_write_text(const Summary *sum, FILE *out)
{
    const Content *c = sum->content;
    Lang lang = sum->lang;
    char date[64];
    struct tm tm;
    localtime_r(&sum->created, &tm);
    strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm);

    fprintf(out, "\n==== %s ====\n", content_ui(c, "summary.title", lang));
    fprintf(out, "%s: %s\n", content_ui(c, "summary.date", lang), date);
    if (!sum->finished)
        fprintf(out, "%s\n", content_ui(c, "summary.stopped", lang));
    summary_walk(sum, text_sections, out);
    fprintf(out, "\n");
    put_wrapped(out, "", "", content_ui(c, "summary.disclaimer", lang));
    return ferror(out) ? PK_EIO : 0;
}
