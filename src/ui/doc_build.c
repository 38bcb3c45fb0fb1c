/* The results document's words: the Summary as headed paragraphs, one page at a time,
 * each page the outline's sections of its part (summary_outline.h): the first page the
 * clinician's part in coloured cards (tell the front desk now, tell your clinician
 * today, the safety questions not answered), the scores, where it hurts and the next
 * steps; the second, optional page the likely causes and the whole self-care plan.
 * doc.c lays them out and draws them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/summary.h"
#include "../core/summary_outline.h"
#include "../core/wipe.h"
#include "ui_int.h"

/* Appends formatted text to the document buffer; returns its offset or -1. */
static long doc_append(Ui *ui, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static long doc_append(Ui *ui, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if (ui->doc_len + (size_t)n + 1 > ui->doc_cap) {
        size_t cap = ui->doc_cap ? ui->doc_cap : 4096;
        while (ui->doc_len + (size_t)n + 1 > cap)
            cap *= 2;
        char *p = wipe_realloc(ui->doc_text, ui->doc_cap, cap); /* patient data */
        if (!p)
            return -1;
        ui->doc_text = p;
        ui->doc_cap = cap;
    }
    long off = (long)ui->doc_len;
    va_start(ap, fmt);
    vsnprintf(ui->doc_text + ui->doc_len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    ui->doc_len += (size_t)n + 1;
    return off;
}

/* Appends s to the string doc_append added last (it is still the last one). */
static void doc_more(Ui *ui, const char *s)
{
    if (ui->doc_len == 0)
        return;
    ui->doc_len--; /* onto its NUL */
    if (doc_append(ui, "%s", s) < 0)
        ui->doc_len++; /* the NUL is still there */
}

static long offsets[UI_DOC_MAX];

static void para(Ui *ui, DocStyle style, DocCard card, const char *role, long off)
{
    if (off < 0 || ui->ndoc >= UI_DOC_MAX)
        return;
    offsets[ui->ndoc] = off;
    DocPara *p = &ui->doc[ui->ndoc++];
    memset(p, 0, sizeof *p);
    p->style = style;
    p->card = card;
    p->role = role;
}

static const char *ui_s(const Ui *ui, const char *key)
{
    return content_ui(ui->content, key, ui->doc_lang);
}

static void facts(Ui *ui, const Summary *sum, const SummaryFact *f, size_t n, DocCard card)
{
    if (n == 0)
        return;
    char ans[CONTENT_ANSWER_MAX];
    long off = doc_append(ui, "%s ", ui_s(ui, "summary.because"));
    for (size_t i = 0; i < n && off >= 0; i++) {
        if (i)
            doc_more(ui, "; ");
        doc_more(ui, lang_text(&f[i].question->short_label, sum->lang));
        doc_more(ui, ": ");
        doc_more(ui, summary_answer_text(sum, &f[i], ans, sizeof ans));
    }
    para(ui, DOC_NOTE, card, NULL, off);
    wipe(ans, sizeof ans);
}

static void score(Ui *ui, const char *key, int v)
{
    if (v >= 0)
        para(ui, DOC_TEXT, CARD_NONE, "score", doc_append(ui, "%s: %d / 10", ui_s(ui, key), v));
    else
        para(ui, DOC_TEXT, CARD_NONE, "score",
             doc_append(ui, "%s: %s", ui_s(ui, key), ui_s(ui, "summary.not_answered")));
}

/* The first sentence of a flag's text ("Fever of 38 C or higher."): what it is; the
 * printout carries the rest and the answers behind it. */
static long first_sentence(Ui *ui, const char *text)
{
    const char *end = strstr(text, ". ");
    return doc_append(ui, "\xe2\x80\xa2 %.*s", end ? (int)(end - text) + 1 : (int)strlen(text),
                      text);
}

static const char *heading(const Ui *ui, const SummarySection *sec)
{
    return ui_s(ui, sec->card_heading);
}

/* A card of flags: its heading and the first sentence of each flag, or nothing when
 * there are none (the printout says "None"). */
static void flag_card(Ui *ui, const SummarySection *sec, const SummaryFlag *f, size_t n,
                      DocCard card, const char *role)
{
    if (n == 0)
        return;
    para(ui, DOC_H3, card, NULL, doc_append(ui, "%s", heading(ui, sec)));
    for (size_t i = 0; i < n; i++)
        para(ui, DOC_TEXT, card, role,
             first_sentence(ui, lang_text(&f[i].flag->text, ui->doc_lang)));
}

static void sec_urgent(void *ctx, const Summary *sum, const SummarySection *sec)
{
    flag_card(ctx, sec, sum->urgent, sum->nurgent, CARD_URGENT, "flag-urgent");
}

static void sec_today(void *ctx, const Summary *sum, const SummarySection *sec)
{
    flag_card(ctx, sec, sum->clinician, sum->nclinician, CARD_TODAY, "flag-today");
}

static void sec_unanswered(void *ctx, const Summary *sum, const SummarySection *sec)
{
    Ui *ui = ctx;
    if (sum->nnot_answered == 0) {
        if (sum->safety_all_no)
            para(ui, DOC_TEXT, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.all_no")));
        return;
    }
    para(ui, DOC_H3, CARD_UNANSWERED, NULL, doc_append(ui, "%s", heading(ui, sec)));
    for (size_t i = 0; i < sum->nnot_answered; i++)
        para(ui, DOC_TEXT, CARD_UNANSWERED, "unanswered",
             doc_append(ui, "\xe2\x80\xa2 %s: %s",
                        lang_text(&sum->not_answered[i].question->short_label, ui->doc_lang),
                        summary_missing_text(sum, &sum->not_answered[i])));
}

static void sec_scores(void *ctx, const Summary *sum, const SummarySection *sec)
{
    Ui *ui = ctx;
    para(ui, DOC_H2, CARD_NONE, NULL, doc_append(ui, "%s", heading(ui, sec)));
    score(ui, "summary.pain_now", sum->pain_now);
    score(ui, "summary.peg_pain", sum->peg[0]);
    score(ui, "summary.peg_enjoyment", sum->peg[1]);
    score(ui, "summary.peg_activity", sum->peg[2]);
    if (sum->peg_score >= 0)
        para(ui, DOC_TEXT, CARD_NONE, "score",
             doc_append(ui, "%s: %.1f / 10", ui_s(ui, "summary.peg_score"), sum->peg_score));
}

static void sec_areas(void *ctx, const Summary *sum, const SummarySection *sec)
{
    Ui *ui = ctx;
    para(ui, DOC_H2, CARD_NONE, NULL, doc_append(ui, "%s", heading(ui, sec)));
    size_t used = 0;
    char areas[1024] = "";
    for (size_t i = 0; i < sum->nareas && used < sizeof areas; i++)
        used += (size_t)snprintf(areas + used, sizeof areas - used, "%s%s", i ? ", " : "",
                                 lang_text(&sum->areas[i]->label, ui->doc_lang));
    para(ui, DOC_TEXT, CARD_NONE, "area",
         doc_append(ui, "%s", sum->nareas ? areas : ui_s(ui, "summary.not_answered")));
}

/* The next steps: print, the top actions by title; then when to call for help. */
static void sec_steps(void *ctx, const Summary *sum, const SummarySection *sec)
{
    Ui *ui = ctx;
    para(ui, DOC_H3, CARD_STEPS, NULL, doc_append(ui, "%s", heading(ui, sec)));
    para(ui, DOC_TEXT, CARD_STEPS, "step",
         doc_append(ui, "\xe2\x80\xa2 %s", ui_s(ui, "results.step_print")));
    for (size_t i = 0; i < sum->ntop; i++)
        para(ui, DOC_TEXT, CARD_STEPS, "step",
             doc_append(ui, "\xe2\x80\xa2 %s", lang_text(&sum->top[i]->title, ui->doc_lang)));
    para(ui, DOC_H3, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "safety.title")));
    for (size_t i = 0; i < summary_safety_count(sum); i++) {
        char line[CONTENT_SAFETY_MAX];
        para(ui, DOC_TEXT, CARD_NONE, "safety",
             doc_append(ui, "\xe2\x80\xa2 %s", summary_safety_line(sum, i, line, sizeof line)));
    }
    if (!sum->finished)
        para(ui, DOC_NOTE, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.stopped")));
}

static void sec_causes(void *ctx, const Summary *sum, const SummarySection *sec)
{
    Ui *ui = ctx;
    Lang L = ui->doc_lang;
    para(ui, DOC_H2, CARD_NONE, NULL, doc_append(ui, "%s", heading(ui, sec)));
    if (sum->ncauses == 0)
        para(ui, DOC_TEXT, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.none")));
    for (size_t i = 0; i < sum->ncauses; i++) {
        const SummaryCause *sc = &sum->causes[i];
        para(ui, DOC_ITEM, CARD_NONE, "cause",
             doc_append(ui, "%s", lang_text(&sc->cause->title, L)));
        para(ui, DOC_TEXT, CARD_NONE, NULL, doc_append(ui, "%s", lang_text(&sc->cause->text, L)));
        facts(ui, sum, sc->because, sc->nbecause, CARD_NONE);
    }
}

/* The whole plan: the top actions, the rest by group, then what is held back. */
static void sec_plan(void *ctx, const Summary *sum, const SummarySection *sec)
{
    Ui *ui = ctx;
    Lang L = ui->doc_lang;
    para(ui, DOC_H2, CARD_NONE, NULL, doc_append(ui, "%s", heading(ui, sec)));
    if (sum->ntop)
        para(ui, DOC_H3, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.top")));
    const char *group = NULL;
    for (size_t i = 0; i < sum->ntop + sum->nadvice; i++) {
        bool top = i < sum->ntop;
        const Advice *a = top ? sum->top[i] : sum->advice[i - sum->ntop];
        if (!top && (!group || strcmp(group, a->group) != 0)) {
            group = a->group;
            para(ui, DOC_H3, CARD_NONE, NULL,
                 doc_append(ui, "%s", content_group_title(sum->content, group, L)));
        }
        para(ui, DOC_ITEM, CARD_NONE, "advice", doc_append(ui, "%s", lang_text(&a->title, L)));
        para(ui, DOC_TEXT, CARD_NONE, NULL, doc_append(ui, "%s", lang_text(&a->how, L)));
        if (summary_caution_shown(sum, a))
            para(ui, DOC_NOTE, CARD_NONE, NULL,
                 doc_append(ui, "%s %s", ui_s(ui, "summary.caution"), lang_text(&a->caution, L)));
    }
    if (sum->nheld) {
        para(ui, DOC_H3, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.held_title")));
        /* why first, as the text interview says it (the screen said only to wait) */
        for (size_t i = 0; i < sum->nholds; i++)
            para(ui, DOC_TEXT, CARD_NONE, "held-why",
                 doc_append(ui, "%s", lang_text(&sum->holds[i]->text, L)));
        para(ui, DOC_TEXT, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.held_back")));
        for (size_t i = 0; i < sum->nheld; i++)
            para(ui, DOC_ITEM, CARD_NONE, "held",
                 doc_append(ui, "\xe2\x80\xa2 %s", lang_text(&sum->held[i]->title, L)));
    }
}

/* The two pages of the results, each the outline's sections of its part: the first
 * page the clinician's part and the next steps (the safety net with them), the second
 * the causes and the plan (its closing safety net is already on the first page; her
 * own answers, "about you", are on paper for the clinician, not in her way here). */
static const SummaryRender first_page[SUM_SEC_COUNT] = {
    [SUM_SEC_URGENT] = sec_urgent,         [SUM_SEC_TODAY] = sec_today,
    [SUM_SEC_UNANSWERED] = sec_unanswered, [SUM_SEC_SCORES] = sec_scores,
    [SUM_SEC_AREAS] = sec_areas,           [SUM_SEC_STEPS] = sec_steps,
};
static const SummaryRender plan_page[SUM_SEC_COUNT] = {
    [SUM_SEC_CAUSES] = sec_causes,
    [SUM_SEC_PLAN] = sec_plan,
};

/* Builds the paragraphs of one page of the document (no textures yet). */
void ui_doc_build(Ui *ui, const Summary *sum, Lang lang, bool plan)
{
    ui_doc_free(ui);
    ui->doc_summary = sum;
    ui->doc_lang = lang;
    ui->doc_plan_built = plan;
    summary_walk(sum, plan ? plan_page : first_page, ui);
    para(ui, DOC_NOTE, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.disclaimer")));
    for (int i = 0; i < ui->ndoc; i++)
        ui->doc[i].text = ui->doc_text + offsets[i];
    ui->doc_width = 0;
    ui->doc_compact = 0;
    ui->scroll = 0;
}
