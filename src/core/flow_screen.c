/* Describes the flow's state as a Screen, and as the words to speak for it. The buttons
 * come from the transition table (flow_table.c); what else a screen kind shows is filled
 * in by its describe function below. */
#include <stdio.h>
#include <string.h>

#include "flow_private.h"
#include "flow_table.h"
#include "wipe.h"

static const char *const scale_labels[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};

static const char *ui(const Flow *f, const char *key)
{
    return content_ui(f->c, key, f->lang);
}

/* Replaces "{n}" in src with n. */
static void fill_n(char *dst, size_t size, const char *src, int n)
{
    const char *at = strstr(src, "{n}");
    if (!at)
        snprintf(dst, size, "%s", src);
    else
        snprintf(dst, size, "%.*s%d%s", (int)(at - src), src, n, at + 3);
}

/* Replaces the first `name` in src with value (or with fallback when value is ""). */
static void fill_named(char *dst, size_t size, const char *src, const char *name, const char *value,
                       const char *fallback)
{
    const char *at = strstr(src, name);
    if (!at)
        snprintf(dst, size, "%s", src);
    else
        snprintf(dst, size, "%.*s%s%s", (int)(at - src), src, value[0] ? value : fallback,
                 at + strlen(name));
}

/* The sectioned progress bar of question qi, and its label. */
static void progress_bar(Flow *f, Screen *s, size_t qi)
{
    static const char *const keys[SECTION_COUNT] = {
        [SECTION_BIRTH] = "section.birth", [SECTION_SAFETY_TODAY] = "section.safety_today",
        [SECTION_PAIN] = "section.pain",   [SECTION_CONTEXT] = "section.context",
        [SECTION_MOOD] = "section.mood",
    };
    const Question *qs = f->c->questions;
    s->prog_pos = (int)qi + 1;
    s->prog_total = (int)f->c->nquestions;
    for (size_t i = 0; i < f->c->nquestions; i++)
        if ((i == 0 || qs[i].section != qs[i - 1].section) && s->nprog_runs < SCREEN_MAX_RUNS)
            s->prog_runs[s->nprog_runs++] = (int)i;
    QuestionSection sec = qs[qi].section;
    s->section = sec == SECTION_SAFETY_URGENT || !keys[sec] ? s->progress : ui(f, keys[sec]);
}

/* "4 of 18", or "Safety check 2 of 7" with the framing line on the first of them. */
static void question_progress(Flow *f, Screen *s, const Question *q)
{
    size_t pos, total;
    session_progress(f->session, &pos, &total);
    snprintf(s->progress, sizeof s->progress, "%zu %s %zu", pos, ui(f, "progress.of"), total);
    if (q->section == SECTION_SAFETY_URGENT) {
        size_t n = 0, m = 0, qi = (size_t)session_question_index(f->session);
        for (size_t i = 0; i < f->c->nquestions; i++) {
            if (f->c->questions[i].section != SECTION_SAFETY_URGENT)
                continue;
            m++;
            n += i <= qi;
        }
        snprintf(s->progress, sizeof s->progress, "%s %zu %s %zu", ui(f, "progress.safety"), n,
                 ui(f, "progress.of"), m);
        if (n == 1)
            s->body = ui(f, "safety.intro");
    }
    progress_bar(f, s, (size_t)session_question_index(f->session));
}

/* The question's own answers: its options, or the values of its scale. */
static void question_screen(Flow *f, Screen *s)
{
    const Question *q = session_question(f->session);
    const Answer *a = &session_answers(f->session)[session_question_index(f->session)];
    s->question = q;
    s->title = lang_text(&q->text, f->lang);
    question_progress(f, s, q);
    if (q->kind == QK_SCALE) {
        s->body = ui(f, "scale.hint");
        s->low = lang_text(&q->low, f->lang);
        s->high = lang_text(&q->high, f->lang);
        for (int v = q->min; v <= q->max && v <= 10; v++)
            flow_button_add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, scale_labels[v],
                            scale_labels[v], BTN_ANSWER, a->state == ANS_GIVEN && a->value == v,
                            v <= 9 ? v : -1, NULL);
        return;
    }
    if (q->kind == QK_MULTI)
        s->body = ui(f, "multi.hint");
    for (size_t o = 0; o < q->noptions; o++) {
        bool sel = q->kind == QK_MULTI ? (f->multi >> o) & 1u
                                       : a->state == ANS_GIVEN && ((a->options >> o) & 1u);
        flow_button_add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, q->options[o].id,
                        lang_text(&q->options[o].label, f->lang), BTN_ANSWER, sel,
                        o < 9 ? (int)o + 1 : -1, q->options[o].body_region);
    }
}

static void confirm_screen(Flow *f, Screen *s)
{
    const Question *q = session_question(f->session);
    if (f->confirm_start_over) { /* "start over", or Back to the start screen */
        s->question = q;
        s->title = ui(f, f->confirm_to_attract ? "confirm.leave" : "confirm.start_over");
        s->body = ui(f, f->confirm_to_attract ? "confirm.leave_body" : "confirm.start_over_body");
        return;
    }
    char ans[CONTENT_ANSWER_MAX] = "";
    if (q) {
        Summary tmp = {.lang = f->lang, .content = f->c};
        SummaryFact fact = {.question = q, .answer = f->pending};
        summary_answer_text(&tmp, &fact, ans, sizeof ans);
    }
    snprintf(f->title, sizeof f->title, "%s %s", ui(f, "confirm.heard"), ans);
    s->question = q;
    s->title = f->title;
    s->body = ui(f, "confirm.question");
}

/* How the start screen asks her to start: by voice too only when the kiosk can listen
 * (without a microphone "or say start" was shown and spoken, and saying it did nothing). */
static const char *prompt_key(const Flow *f)
{
    return f->cfg.no_listen ? "attract.prompt_touch" : "attract.prompt";
}

/* Both languages from the first touch: she cannot choose before she can read. */
static void attract_screen(Flow *f, Screen *s)
{
    Lang other = f->lang == LANG_EN ? LANG_ES : LANG_EN;
    snprintf(f->body, sizeof f->body, "%s\n\n%s\n%s", content_ui(f->c, "attract.title", other),
             ui(f, prompt_key(f)), content_ui(f->c, prompt_key(f), other));
    s->body = f->body;
}

static void language_screen(Flow *f, Screen *s)
{
    Lang other = f->lang == LANG_EN ? LANG_ES : LANG_EN;
    snprintf(f->title, sizeof f->title, "%s / %s", ui(f, "language.title"),
             content_ui(f->c, "language.title", other));
    s->title = f->title;
}

/* Calm and private: the concern itself only in small type, never in the big text the
 * waiting room can read; what to do when no one is at the desk. */
static void urgent_screen(Flow *f, Screen *s)
{
    const Flag *flag = session_urgent_flag(f->session);
    const SafetyNet *net = &f->cfg.safety;
    char tmp[CONTENT_SAFETY_MAX], line[CONTENT_SAFETY_MAX]; /* the content check's bounds */
    fill_named(tmp, sizeof tmp, ui(f, "urgent.no_one"), "{emergency}", net->emergency, "911");
    fill_named(line, sizeof line, tmp, "{crisis}", net->crisis, "988");
    snprintf(f->body, sizeof f->body, "%s\n\n%s", ui(f, "urgent.body"), line);
    s->body = f->body;
    s->detail = flag ? lang_text(&flag->text, f->lang) : NULL;
}

static void goodbye_screen(Flow *f, Screen *s)
{
    if (f->ending == END_NOT_PRINTED)
        s->body = ui(f, "goodbye.not_printed");
    else if (f->ending == END_HELD)
        s->body = ui(f, "goodbye.held");
}

/* What a screen kind shows beside its title, body and buttons; NULL for nothing. */
static void (*const describe[SCR_COUNT])(Flow *, Screen *) = {
    [SCR_ATTRACT] = attract_screen,   [SCR_LANGUAGE] = language_screen,
    [SCR_QUESTION] = question_screen, [SCR_CONFIRM] = confirm_screen,
    [SCR_URGENT] = urgent_screen,     [SCR_GOODBYE] = goodbye_screen,
};

unsigned flow_conditions(const Flow *f)
{
    const Question *q = f->kind == SCR_QUESTION ? session_question(f->session) : NULL;
    unsigned when = 1u << FLOW_WHEN_ALWAYS;
    when |= f->cfg.no_speech ? 0 : 1u << FLOW_WHEN_SPEECH;
    when |= q && q->can_skip ? 1u << FLOW_WHEN_SKIP : 0;
    when |= q && q->kind == QK_MULTI ? 1u << FLOW_WHEN_MULTI : 0;
    when |= 1u << (f->cfg.staff_pin ? FLOW_WHEN_PIN : FLOW_WHEN_NO_PIN);
    when |= f->ending == END_HELD ? 0 : 1u << FLOW_WHEN_NOT_HELD;
    return when;
}

void flow_rebuild(Flow *f)
{
    Screen *s = &f->screen;
    const FlowKindInfo *info = &flow_kinds[f->kind];
    unsigned serial = s->serial + 1;
    memset(s, 0, sizeof *s);
    s->serial = serial;
    s->kind = f->kind;
    s->lang = f->lang;
    /* what was heard belongs to the screen it was heard on */
    if (f->heard[0] && (f->heard_kind != f->kind || f->heard_q != session_question(f->session)))
        wipe(f->heard, sizeof f->heard);
    s->heard = f->heard[0] ? f->heard : NULL;
    s->summary = flow_summary(f);
    s->title = info->title ? ui(f, info->title) : NULL;
    s->body = info->body ? ui(f, info->body) : NULL;
    if (describe[f->kind])
        describe[f->kind](f, s);
    flow_rows_build(s, f->c, f->lang, f->kind, flow_conditions(f));
    if (info->banner && session_any_urgent(f->session))
        s->banner = ui(f, "urgent.banner");
    if (f->countdown_ms) {
        s->still_there = (int)((f->countdown_ms + 999) / 1000);
        s->still_title = ui(f, "still_there.title");
        fill_n(f->still, sizeof f->still, ui(f, "still_there.body"), s->still_there);
        s->still_body = f->still;
    }
}

/* The text being spoken: what fits in buf, and the length the whole text needs. Once a
 * piece does not fit nothing more is written, so buf never holds a text with a gap. */
typedef struct {
    char *buf;
    size_t size, len;
} Speech;

/* Appends ". text" (or text, at the start). */
static void say(Speech *sp, const char *text)
{
    if (!text || !*text)
        return;
    size_t add = (sp->len ? 2 : 0) + strlen(text);
    if (sp->len + add < sp->size && strlen(sp->buf) == sp->len)
        snprintf(sp->buf + sp->len, sp->size - sp->len, "%s%s", sp->len ? ". " : "", text);
    sp->len += add;
}

size_t flow_speech(const Flow *f, char *buf, size_t size)
{
    const Screen *s = &f->screen;
    Speech sp = {buf, size, 0};
    if (size == 0)
        return 0;
    buf[0] = '\0';
    if (s->still_there) {
        say(&sp, s->still_title);
        say(&sp, s->still_body);
        return sp.len;
    }
    if (s->kind == SCR_ATTRACT || s->kind == SCR_LANGUAGE) {
        /* shown in both languages; the other one is flow_speech_other()'s */
        say(&sp, ui(f, s->kind == SCR_ATTRACT ? "attract.title" : "language.title"));
        if (s->kind == SCR_ATTRACT)
            say(&sp, ui(f, prompt_key(f)));
        return sp.len;
    }
    say(&sp, s->title);
    if (s->kind == SCR_QUESTION && s->question->kind == QK_SCALE) {
        char anchor[CONTENT_MAX_TEXT_BYTES + 24]; /* a number and an anchor word, whole */
        snprintf(anchor, sizeof anchor, "%d, %s", s->question->min, s->low);
        say(&sp, anchor);
        snprintf(anchor, sizeof anchor, "%d, %s", s->question->max, s->high);
        say(&sp, anchor);
        return sp.len;
    }
    if (s->kind == SCR_QUESTION) {
        for (size_t i = 0; i < s->nanswers; i++)
            say(&sp, s->answers[i].label);
        if (s->question->kind == QK_MULTI)
            say(&sp, s->body);
        return sp.len;
    }
    say(&sp, s->body);
    if (s->kind == SCR_RESULTS && s->summary) {
        /* in the screen's order: the flags, then what to do next */
        const Summary *sum = s->summary;
        for (size_t i = 0; i < sum->nurgent; i++)
            say(&sp, lang_text(&sum->urgent[i].flag->text, f->lang));
        if (sum->nclinician)
            say(&sp, ui(f, "results.today"));
        for (size_t i = 0; i < sum->nclinician; i++)
            say(&sp, lang_text(&sum->clinician[i].flag->text, f->lang));
        say(&sp, ui(f, "results.step_print"));
    }
    return sp.len;
}

const char *flow_kind_name(ScreenKind k)
{
    return k >= 0 && k < SCR_COUNT ? flow_kinds[k].name : "none";
}

const char *flow_help(const Flow *f)
{
    const Question *q = f->kind == SCR_QUESTION ? session_question(f->session) : NULL;
    if (q && q->help.s[LANG_EN])
        return lang_text(&q->help, f->lang);
    return ui(f, "help.none");
}

size_t flow_speech_other(const Flow *f, Lang *lang, char *buf, size_t size)
{
    const Screen *s = &f->screen;
    Lang other = f->lang == LANG_EN ? LANG_ES : LANG_EN;
    *lang = other;
    Speech sp = {buf, size, 0};
    if (size == 0)
        return 0;
    buf[0] = '\0';
    if (s->still_there || (s->kind != SCR_ATTRACT && s->kind != SCR_LANGUAGE))
        return sp.len;
    say(&sp, content_ui(f->c, s->kind == SCR_ATTRACT ? "attract.title" : "language.title", other));
    if (s->kind == SCR_ATTRACT)
        say(&sp, content_ui(f->c, prompt_key(f), other));
    return sp.len;
}
