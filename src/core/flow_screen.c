/* Describes the flow's state as a Screen, and as the words to speak for it. */
#include <stdio.h>
#include <string.h>

#include "flow_private.h"
#include "wipe.h"

static const char *const scale_labels[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};

static void add(Button *arr, size_t *n, size_t max, const char *id, const char *label,
                ButtonRole role, bool selected, int key, const char *region)
{
    if (*n >= max)
        return;
    Button *b = &arr[(*n)++];
    snprintf(b->id, sizeof b->id, "%s", id);
    b->label = label;
    b->role = role;
    b->selected = selected;
    b->key = key;
    b->region = region;
}

#define NAV(id, key, role)                                                                         \
    add(s->nav, &s->nnav, SCREEN_MAX_NAV, id, ui(f, key), role, false, -1, NULL)

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

static void question_screen(Flow *f, Screen *s)
{
    const Question *q = session_question(f->session);
    const Answer *a = &session_answers(f->session)[session_question_index(f->session)];
    size_t pos, total;
    s->question = q;
    s->title = text_get(&q->text, f->lang);
    session_progress(f->session, &pos, &total);
    snprintf(s->progress, sizeof s->progress, "%zu %s %zu", pos, ui(f, "progress.of"), total);
    if (q->section == SECTION_SAFETY_URGENT) {
        /* "Safety check 2 of 7", and the framing line on the first of them */
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
    if (q->kind == QK_SCALE) {
        s->body = ui(f, "scale.hint");
        s->low = text_get(&q->low, f->lang);
        s->high = text_get(&q->high, f->lang);
        for (int v = q->min; v <= q->max && v <= 10; v++)
            add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, scale_labels[v], scale_labels[v],
                BTN_ANSWER, a->state == ANS_GIVEN && a->value == v, v <= 9 ? v : -1, NULL);
    } else {
        if (q->kind == QK_MULTI)
            s->body = ui(f, "multi.hint");
        for (size_t o = 0; o < q->noptions; o++) {
            bool sel = q->kind == QK_MULTI ? (f->multi >> o) & 1u
                                           : a->state == ANS_GIVEN && ((a->options >> o) & 1u);
            add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, q->options[o].id,
                text_get(&q->options[o].label, f->lang), BTN_ANSWER, sel, o < 9 ? (int)o + 1 : -1,
                q->options[o].body_region);
        }
    }
    NAV(FLOW_BACK, "button.back", BTN_NAV);
    if (!f->cfg.no_speech)
        NAV(FLOW_REPEAT, "button.repeat", BTN_NAV);
    if (q->can_skip) {
        NAV(FLOW_DONT_KNOW, "button.dont_know", BTN_NAV);
        NAV(FLOW_SKIP, "button.skip", BTN_NAV);
    }
    if (q->kind == QK_MULTI)
        NAV(FLOW_DONE, "button.done", BTN_PRIMARY);
}

static void confirm_screen(Flow *f, Screen *s)
{
    const Question *q = session_question(f->session);
    char ans[256] = "";
    if (q) {
        Summary tmp = {.lang = f->lang, .content = f->c};
        SummaryFact fact = {.question = q, .answer = f->pending};
        summary_answer_text(&tmp, &fact, ans, sizeof ans);
    }
    snprintf(f->title, sizeof f->title, "%s %s", ui(f, "confirm.heard"), ans);
    s->question = q;
    s->title = f->title;
    s->body = ui(f, "confirm.question");
    add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, FLOW_YES, ui(f, "button.yes"), BTN_ANSWER,
        false, 1, NULL);
    add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, FLOW_NO, ui(f, "button.no"), BTN_ANSWER,
        false, 2, NULL);
}

void flow_rebuild(Flow *f)
{
    Screen *s = &f->screen;
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
    static const char *const keys[SCR_COUNT][2] = {
        [SCR_ATTRACT] = {"attract.title", "attract.prompt"},
        [SCR_LANGUAGE] = {"language.title", NULL},
        [SCR_PRIVACY] = {"privacy.title", "privacy.body"},
        [SCR_URGENT] = {"urgent.title", "urgent.body"},
        [SCR_RESULTS] = {"results.title", "results.intro"},
        [SCR_PRINTING] = {"printing.title", "printing.body"},
        [SCR_PRINT_FAILED] = {"print_failed.title", "print_failed.body"},
        [SCR_GOODBYE] = {"goodbye.title", "goodbye.body"},
    };
    if (keys[f->kind][0])
        s->title = ui(f, keys[f->kind][0]);
    if (keys[f->kind][1])
        s->body = ui(f, keys[f->kind][1]);
    Lang other = f->lang == LANG_EN ? LANG_ES : LANG_EN;
    switch (f->kind) {
    case SCR_ATTRACT:
        /* both languages from the first touch: she cannot choose before she can read */
        snprintf(f->body, sizeof f->body, "%s\n\n%s\n%s", content_ui(f->c, "attract.title", other),
                 ui(f, "attract.prompt"), content_ui(f->c, "attract.prompt", other));
        s->body = f->body;
        NAV(FLOW_START, "button.start", BTN_PRIMARY);
        break;
    case SCR_LANGUAGE:
        snprintf(f->title, sizeof f->title, "%s / %s", ui(f, "language.title"),
                 content_ui(f->c, "language.title", other));
        s->title = f->title;
        add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, FLOW_LANG_EN,
            content_ui(f->c, "button.lang_en", LANG_EN), BTN_ANSWER, f->lang == LANG_EN, 1, NULL);
        add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, FLOW_LANG_ES,
            content_ui(f->c, "button.lang_es", LANG_ES), BTN_ANSWER, f->lang == LANG_ES, 2, NULL);
        NAV(FLOW_BACK, "button.back", BTN_NAV);
        break;
    case SCR_PRIVACY:
        NAV(FLOW_BACK, "button.back", BTN_NAV);
        NAV(FLOW_CONTINUE, "button.continue", BTN_PRIMARY);
        break;
    case SCR_QUESTION:
        question_screen(f, s);
        break;
    case SCR_CONFIRM:
        confirm_screen(f, s);
        break;
    case SCR_URGENT: {
        /* Calm and private: the concern itself only in small type, never in the big
         * text the waiting room can read; what to do when no one is at the desk. */
        const Flag *flag = session_urgent_flag(f->session);
        const char *no_one = ui(f, "urgent.no_one");
        const SafetyNet *net = &f->cfg.safety;
        char tmp[512];
        const char *at = strstr(no_one, "{emergency}");
        snprintf(tmp, sizeof tmp, "%s", no_one);
        if (at)
            snprintf(tmp, sizeof tmp, "%.*s%s%s", (int)(at - no_one), no_one,
                     net->emergency[0] ? net->emergency : "911", at + strlen("{emergency}"));
        at = strstr(tmp, "{crisis}");
        char line[512];
        snprintf(line, sizeof line, "%s", tmp);
        if (at)
            snprintf(line, sizeof line, "%.*s%s%s", (int)(at - tmp), tmp,
                     net->crisis[0] ? net->crisis : "988", at + strlen("{crisis}"));
        snprintf(f->body, sizeof f->body, "%s\n\n%s", ui(f, "urgent.body"), line);
        s->body = f->body;
        s->detail = flag ? text_get(&flag->text, f->lang) : NULL;
        NAV(FLOW_CONTINUE, f->cfg.staff_pin ? "button.staff_ack" : "button.told_desk", BTN_PRIMARY);
        break;
    }
    case SCR_RESULTS:
        NAV(FLOW_BACK, "button.back", BTN_NAV);
        if (!f->cfg.no_speech)
            NAV(FLOW_REPEAT, "button.repeat", BTN_NAV);
        NAV(FLOW_FINISH, "button.finish", BTN_NAV);
        NAV(FLOW_PRINT, "button.print", BTN_PRIMARY);
        break;
    case SCR_PRINT_FAILED:
        NAV(FLOW_FINISH, "button.finish", BTN_NAV);
        NAV(FLOW_RETRY, "button.retry", BTN_PRIMARY);
        break;
    case SCR_GOODBYE:
        if (f->ending == END_NOT_PRINTED)
            s->body = ui(f, "goodbye.not_printed");
        else if (f->ending == END_HELD)
            s->body = ui(f, "goodbye.held");
        NAV(FLOW_FINISH, "button.finish", BTN_PRIMARY);
        break;
    case SCR_PRINTING:
    case SCR_COUNT:
        break;
    }
    if (session_any_urgent(f->session) && f->kind != SCR_URGENT && f->kind != SCR_ATTRACT &&
        f->kind != SCR_GOODBYE)
        s->banner = ui(f, "urgent.banner");
    if (f->countdown_ms) {
        s->still_there = (int)((f->countdown_ms + 999) / 1000);
        s->still_title = ui(f, "still_there.title");
        fill_n(f->still, sizeof f->still, ui(f, "still_there.body"), s->still_there);
        s->still_body = f->still;
    }
}

/* Appends ". text" (or text, at the start) to buf. */
static void say(char *buf, size_t size, const char *text)
{
    size_t n = strlen(buf);
    if (!text || !*text || n + 1 >= size)
        return;
    snprintf(buf + n, size - n, "%s%s", n ? ". " : "", text);
}

const char *flow_speech(const Flow *f, char *buf, size_t size)
{
    const Screen *s = &f->screen;
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (s->still_there) {
        say(buf, size, s->still_title);
        say(buf, size, s->still_body);
        return buf;
    }
    if (s->kind == SCR_ATTRACT || s->kind == SCR_LANGUAGE) {
        /* shown in both languages; the other one is flow_speech_other()'s */
        say(buf, size, ui(f, s->kind == SCR_ATTRACT ? "attract.title" : "language.title"));
        if (s->kind == SCR_ATTRACT)
            say(buf, size, ui(f, "attract.prompt"));
        return buf;
    }
    say(buf, size, s->title);
    if (s->kind == SCR_QUESTION && s->question->kind == QK_SCALE) {
        char anchor[256];
        snprintf(anchor, sizeof anchor, "%d, %s", s->question->min, s->low);
        say(buf, size, anchor);
        snprintf(anchor, sizeof anchor, "%d, %s", s->question->max, s->high);
        say(buf, size, anchor);
        return buf;
    }
    if (s->kind == SCR_QUESTION) {
        for (size_t i = 0; i < s->nanswers; i++)
            say(buf, size, s->answers[i].label);
        if (s->question->kind == QK_MULTI)
            say(buf, size, s->body);
        return buf;
    }
    say(buf, size, s->body);
    if (s->kind == SCR_RESULTS && s->summary) {
        /* in the screen's order: the flags, then what to do next */
        const Summary *sum = s->summary;
        for (size_t i = 0; i < sum->nurgent; i++)
            say(buf, size, text_get(&sum->urgent[i].flag->text, f->lang));
        if (sum->nclinician)
            say(buf, size, ui(f, "results.today"));
        for (size_t i = 0; i < sum->nclinician; i++)
            say(buf, size, text_get(&sum->clinician[i].flag->text, f->lang));
        say(buf, size, ui(f, "results.step_print"));
    }
    return buf;
}

const char *flow_kind_name(ScreenKind k)
{
    static const char *const names[SCR_COUNT + 1] = {
        "attract", "language", "privacy",      "question", "confirm", "urgent",
        "results", "printing", "print_failed", "goodbye",  "staff"};
    return k >= 0 && k <= SCR_COUNT ? names[k] : "unknown";
}

const char *flow_help(const Flow *f)
{
    const Question *q = f->kind == SCR_QUESTION ? session_question(f->session) : NULL;
    if (q && q->help.s[LANG_EN])
        return text_get(&q->help, f->lang);
    return ui(f, "help.none");
}

const char *flow_speech_other(const Flow *f, Lang *lang, char *buf, size_t size)
{
    const Screen *s = &f->screen;
    Lang other = f->lang == LANG_EN ? LANG_ES : LANG_EN;
    *lang = other;
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (s->still_there || (s->kind != SCR_ATTRACT && s->kind != SCR_LANGUAGE))
        return buf;
    say(buf, size,
        content_ui(f->c, s->kind == SCR_ATTRACT ? "attract.title" : "language.title", other));
    if (s->kind == SCR_ATTRACT)
        say(buf, size, content_ui(f->c, "attract.prompt", other));
    return buf;
}
