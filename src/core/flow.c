/* The kiosk flow. Every input goes through one of the handlers below, which change the
 * state; rebuild() then describes the new state as a Screen for the front ends. */
#include "flow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "flow_private.h"
#include "interp.h"
#include "wipe.h"

enum {
    URGENT_IDLE_FACTOR = 10, /* the urgent screen waits longer for staff before wiping */
    GOODBYE_MS = 15000,      /* goodbye returns to attract by itself */
};

#define rebuild flow_rebuild

static void drop_summary(Flow *f)
{
    if (f->have_summary)
        summary_free(&f->summary);
    f->have_summary = false;
}

static int make_summary(Flow *f)
{
    drop_summary(f);
    int rc = summary_build(f->session, &f->summary);
    f->have_summary = rc == 0;
    if (rc == 0)
        summary_set_safety(&f->summary, &f->cfg.safety);
    return rc;
}

Flow *flow_new(const Content *c, const FlowConfig *cfg)
{
    Flow *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->c = c;
    if (cfg)
        f->cfg = *cfg;
    if (!f->cfg.idle_ms)
        f->cfg.idle_ms = 60000;
    if (!f->cfg.countdown_ms)
        f->cfg.countdown_ms = 20000;
    if (!f->cfg.results_idle_ms)
        f->cfg.results_idle_ms = 180000;
    f->lang = f->cfg.default_lang;
    f->session = session_new(c, f->lang);
    if (!f->session) {
        free(f);
        return NULL;
    }
    content_yesno_options(c, f->yesno);
    f->confirm.id = "confirm";
    f->confirm.kind = QK_YESNO;
    f->confirm.options = f->yesno;
    f->confirm.noptions = 2;
    f->kind = SCR_ATTRACT;
    rebuild(f);
    return f;
}

void flow_free(Flow *f)
{
    if (!f)
        return;
    drop_summary(f);
    session_free(f->session);
    wipe(f, sizeof *f);
    free(f);
}

const Screen *flow_screen(const Flow *f)
{
    return &f->screen;
}

const Summary *flow_summary(const Flow *f)
{
    return f->have_summary ? &f->summary : NULL;
}

const Session *flow_session(const Flow *f)
{
    return f->session;
}

/* Wipes the session's answers and summary; the screen and its language stay. */
static void erase(Flow *f)
{
    Lang lang = f->lang;
    drop_summary(f);
    session_restart(f->session);
    session_set_lang(f->session, lang);
    f->multi = 0;
    wipe(&f->pending, sizeof f->pending);
    wipe(f->heard, sizeof f->heard);
    wipe(f->runner_up, sizeof f->runner_up);
    wipe(f->title, sizeof f->title);
    wipe(f->body, sizeof f->body);
    f->countdown_ms = 0;
    f->idle_ms = 0;
}

void flow_reset(Flow *f)
{
    erase(f);
    f->lang = f->cfg.default_lang;
    session_set_lang(f->session, f->lang);
    f->ending = END_NONE;
    f->kind = SCR_ATTRACT;
    rebuild(f);
}

/* The goodbye, erasing the answers unless they are held for staff to print. */
static FlowEvent goodbye(Flow *f, int ending)
{
    f->ending = ending;
    if (ending != END_HELD)
        erase(f);
    f->idle_ms = 0;
    f->kind = SCR_GOODBYE;
    rebuild(f);
    return FLOW_CHANGED;
}

FlowEvent flow_reprinted(Flow *f)
{
    if (f->ending != END_HELD && f->kind != SCR_PRINT_FAILED)
        return FLOW_IGNORED;
    return goodbye(f, END_PRINTED);
}

void flow_set_speech(Flow *f, bool can_speak)
{
    f->cfg.no_speech = !can_speak;
    rebuild(f);
}

/* Shows the current question, with the earlier answer ticked when going back. */
static void show_question(Flow *f)
{
    int qi = session_question_index(f->session);
    if (qi < 0) {
        f->kind = make_summary(f) == 0 ? SCR_RESULTS : SCR_ATTRACT;
        return;
    }
    const Answer *a = &session_answers(f->session)[qi];
    f->multi = a->state == ANS_GIVEN ? a->options : 0;
    f->kind = SCR_QUESTION;
}

void flow_begin(Flow *f, Lang lang)
{
    flow_reset(f);
    f->lang = lang;
    session_set_lang(f->session, lang);
    show_question(f);
    rebuild(f);
}

/* Records an answer to the current question and moves on. */
static FlowEvent give_answer(Flow *f, const Answer *a)
{
    int rc = session_answer(f->session, a);
    if (rc < 0)
        return FLOW_NOT_UNDERSTOOD;
    if (rc == SESSION_URGENT) {
        make_summary(f);
        f->kind = SCR_URGENT;
    } else {
        show_question(f);
    }
    rebuild(f);
    return FLOW_CHANGED;
}

static FlowEvent go_back(Flow *f)
{
    if (session_back(f->session) < 0) {
        f->kind = SCR_PRIVACY;
    } else {
        drop_summary(f);
        show_question(f);
    }
    rebuild(f);
    return FLOW_CHANGED;
}

static FlowEvent skip(Flow *f, bool dont_know)
{
    if ((dont_know ? session_dont_know(f->session) : session_skip(f->session)) < 0)
        return FLOW_IGNORED;
    show_question(f);
    rebuild(f);
    return FLOW_CHANGED;
}

static FlowEvent start_over(Flow *f)
{
    drop_summary(f);
    session_restart(f->session);
    show_question(f);
    rebuild(f);
    return FLOW_CHANGED;
}

static FlowEvent go(Flow *f, ScreenKind kind)
{
    f->kind = kind;
    rebuild(f);
    return FLOW_CHANGED;
}

static FlowEvent set_lang(Flow *f, Lang lang)
{
    f->lang = lang;
    session_set_lang(f->session, lang);
    return go(f, SCR_PRIVACY);
}

/* The current question's option pressed (or picked by number). */
static FlowEvent press_option(Flow *f, const Question *q, int o)
{
    if (q->kind == QK_MULTI) {
        int none = question_option_index(q, "none");
        f->multi ^= 1u << o;
        if (none >= 0 && (f->multi & (1u << none)))
            f->multi = o == none ? 1u << none : f->multi & ~(1u << none);
        rebuild(f);
        return FLOW_CHANGED;
    }
    Answer a = {.state = ANS_GIVEN, .options = 1u << o};
    return give_answer(f, &a);
}

static FlowEvent press_question(Flow *f, const char *id)
{
    const Question *q = session_question(f->session);
    if (!q)
        return FLOW_IGNORED;
    if (strcmp(id, FLOW_BACK) == 0)
        return go_back(f);
    if (strcmp(id, FLOW_SKIP) == 0 || strcmp(id, FLOW_DONT_KNOW) == 0)
        return skip(f, strcmp(id, FLOW_DONT_KNOW) == 0);
    if (strcmp(id, FLOW_DONE) == 0 && q->kind == QK_MULTI) {
        Answer a = {.state = ANS_GIVEN, .options = f->multi};
        return f->multi ? give_answer(f, &a) : FLOW_IGNORED;
    }
    if (q->kind == QK_SCALE) {
        char *end;
        long v = strtol(id, &end, 10);
        if (*id && *end == '\0' && v >= q->min && v <= q->max) {
            Answer a = {.state = ANS_GIVEN, .value = (int)v};
            return give_answer(f, &a);
        }
        return FLOW_IGNORED;
    }
    int o = question_option_index(q, id);
    return o < 0 ? FLOW_IGNORED : press_option(f, q, o);
}

/* After a "no" to a spoken answer: the recogniser's runner-up, once, if it is another
 * answer to the question. Returns true when it is now the one being confirmed. */
static bool offer_runner_up(Flow *f)
{
    const Question *q = session_question(f->session);
    InterpResult r;
    bool offer = false;
    if (q && f->runner_up[0] && !f->offered_runner_up) {
        interp_parse(f->c, q, f->lang, f->runner_up, &r);
        offer = r.kind == INTERP_ANSWER && memcmp(&r.answer, &f->pending, sizeof r.answer) != 0;
    }
    wipe(f->runner_up, sizeof f->runner_up);
    if (!offer)
        return false;
    f->pending = r.answer;
    f->offered_runner_up = true;
    rebuild(f);
    return true;
}

void flow_runner_up(Flow *f, const char *text)
{
    if (f->kind != SCR_QUESTION)
        return; /* the answer being confirmed keeps its own */
    snprintf(f->runner_up, sizeof f->runner_up, "%s", text ? text : "");
}

/* Resumes after the urgent screen, or after a declined confirmation. */
static FlowEvent resume(Flow *f)
{
    show_question(f);
    rebuild(f);
    return FLOW_CHANGED;
}

FlowEvent flow_press(Flow *f, const char *id)
{
    f->idle_ms = 0;
    if (f->countdown_ms) {
        f->countdown_ms = 0; /* any touch answers "Are you still there?" */
        rebuild(f);
        return FLOW_CHANGED;
    }
    if (strcmp(id, FLOW_REPEAT) == 0)
        return FLOW_REPEAT_REQUESTED;
    if (strcmp(id, FLOW_START_OVER) == 0 && f->kind != SCR_ATTRACT)
        return start_over(f);
    switch (f->kind) {
    case SCR_ATTRACT:
        if (strcmp(id, FLOW_LANG_EN) == 0 || strcmp(id, FLOW_LANG_ES) == 0)
            return set_lang(f, id[5] == 'e' && id[6] == 's' ? LANG_ES : LANG_EN);
        return strcmp(id, FLOW_START) == 0 ? go(f, SCR_LANGUAGE) : FLOW_IGNORED;
    case SCR_LANGUAGE:
        if (strcmp(id, FLOW_LANG_EN) == 0)
            return set_lang(f, LANG_EN);
        if (strcmp(id, FLOW_LANG_ES) == 0)
            return set_lang(f, LANG_ES);
        return strcmp(id, FLOW_BACK) == 0 ? go(f, SCR_ATTRACT) : FLOW_IGNORED;
    case SCR_PRIVACY:
        if (strcmp(id, FLOW_CONTINUE) == 0) {
            session_restart(f->session);
            return resume(f);
        }
        return strcmp(id, FLOW_BACK) == 0 ? go(f, SCR_LANGUAGE) : FLOW_IGNORED;
    case SCR_QUESTION:
        return press_question(f, id);
    case SCR_CONFIRM:
        if (strcmp(id, FLOW_YES) == 0) {
            Answer a = f->pending;
            wipe(&f->pending, sizeof f->pending);
            return give_answer(f, &a);
        }
        if (strcmp(id, FLOW_NO) == 0 && offer_runner_up(f))
            return FLOW_CHANGED;
        if (strcmp(id, FLOW_NO) == 0 || strcmp(id, FLOW_BACK) == 0) {
            wipe(&f->pending, sizeof f->pending);
            wipe(f->runner_up, sizeof f->runner_up);
            return resume(f);
        }
        return FLOW_IGNORED;
    case SCR_URGENT:
        if (strcmp(id, FLOW_CONTINUE) != 0)
            return FLOW_IGNORED;
        /* Going on needs staff: their PIN when one is set, else her word that she told
         * the front desk. */
        if (f->cfg.staff_pin)
            return FLOW_STAFF_PIN_REQUESTED;
        return flow_urgent_acknowledge(f, URGENT_ACK_PATIENT);
    case SCR_RESULTS:
        if (strcmp(id, FLOW_PRINT) == 0) {
            go(f, SCR_PRINTING);
            return FLOW_PRINT_REQUESTED;
        }
        if (strcmp(id, FLOW_FINISH) == 0)
            return goodbye(f, END_NOT_PRINTED);
        return strcmp(id, FLOW_BACK) == 0 ? go_back(f) : FLOW_IGNORED;
    case SCR_PRINT_FAILED:
        if (strcmp(id, FLOW_RETRY) == 0) {
            go(f, SCR_PRINTING);
            return FLOW_PRINT_REQUESTED;
        }
        return strcmp(id, FLOW_FINISH) == 0 ? goodbye(f, END_HELD) : FLOW_IGNORED;
    case SCR_GOODBYE:
        if (strcmp(id, FLOW_FINISH) == 0) {
            flow_reset(f);
            return FLOW_CHANGED;
        }
        return FLOW_IGNORED;
    case SCR_PRINTING:
    case SCR_COUNT:
        break;
    }
    return FLOW_IGNORED;
}

FlowEvent flow_urgent_acknowledge(Flow *f, int how)
{
    if (f->kind != SCR_URGENT)
        return FLOW_IGNORED;
    session_acknowledge_urgent(f->session, how);
    return resume(f);
}

FlowEvent flow_digit(Flow *f, int digit)
{
    if (digit < 0 || digit > 9)
        return FLOW_IGNORED;
    const Question *q = session_question(f->session);
    char id[4];
    switch (f->kind) {
    case SCR_LANGUAGE:
        return digit == 1   ? flow_press(f, FLOW_LANG_EN)
               : digit == 2 ? flow_press(f, FLOW_LANG_ES)
                            : FLOW_IGNORED;
    case SCR_CONFIRM:
        return digit == 1   ? flow_press(f, FLOW_YES)
               : digit == 2 ? flow_press(f, FLOW_NO)
                            : FLOW_IGNORED;
    case SCR_QUESTION:
        if (q->kind == QK_SCALE) {
            snprintf(id, sizeof id, "%d", digit);
            return flow_press(f, id);
        }
        if (digit < 1 || (size_t)digit > q->noptions)
            return FLOW_IGNORED;
        return flow_press(f, q->options[digit - 1].id);
    default:
        return FLOW_IGNORED;
    }
}

/* A yes or no said on a screen that asks one. 1 yes, 0 no, -1 neither. */
static int said_yes_no(const Flow *f, const char *text)
{
    InterpResult r;
    interp_parse(f->c, &f->confirm, f->lang, text, &r);
    if (r.kind != INTERP_ANSWER)
        return -1;
    return r.answer.options == 1u ? 1 : 0;
}

static FlowEvent input_question(Flow *f, const char *text, int confidence)
{
    const Question *q = session_question(f->session);
    InterpResult r;
    interp_parse(f->c, q, f->lang, text, &r);
    if (r.kind == INTERP_COMMAND) {
        switch (r.command) {
        case CMD_REPEAT:
            return FLOW_REPEAT_REQUESTED;
        case CMD_HELP:
            return FLOW_HELP_REQUESTED;
        case CMD_BACK:
            return go_back(f);
        case CMD_DONT_KNOW:
            /* Where "not sure" is an answer (the urgent safety questions), "I don't
             * know" is that answer. */
            if (question_option_index(q, "not_sure") >= 0)
                return press_question(f, "not_sure");
            return q->can_skip ? skip(f, true) : FLOW_NOT_UNDERSTOOD;
        case CMD_SKIP:
            return q->can_skip ? skip(f, false) : FLOW_NOT_UNDERSTOOD;
        case CMD_START_OVER:
            return start_over(f);
        case CMD_DONE:
            return press_question(f, FLOW_DONE);
        default:
            return FLOW_NOT_UNDERSTOOD;
        }
    }
    if (r.kind != INTERP_ANSWER)
        return FLOW_NOT_UNDERSTOOD;
    /* A spoken answer the recogniser is not sure of is confirmed (its confidence is
     * calibrated on real speakers so that below confirm_below wrong answers gather),
     * and so is every spoken yes to a red flag. */
    bool red_flag_yes = q->role == ROLE_RED_FLAG && q->kind == QK_YESNO && r.answer.options == 1u;
    /* A hedge ("not really", "not sure") to a safety question is confirmed, typed or
     * spoken: it must never slip through as a no, nor be taken for more than it is. */
    int unsure = question_option_index(q, "not_sure");
    if (q->role == ROLE_RED_FLAG && unsure >= 0 && r.answer.options == 1u << unsure) {
        f->pending = r.answer;
        f->offered_runner_up = false;
        return go(f, SCR_CONFIRM);
    }
    if (confidence != FLOW_TYPED && (confidence < f->cfg.confirm_below || red_flag_yes)) {
        f->pending = r.answer;
        f->offered_runner_up = false;
        return go(f, SCR_CONFIRM);
    }
    wipe(f->runner_up, sizeof f->runner_up);
    return give_answer(f, &r.answer);
}

FlowEvent flow_input(Flow *f, const char *text, int confidence)
{
    f->idle_ms = 0;
    if (f->countdown_ms) {
        f->countdown_ms = 0;
        rebuild(f);
        return FLOW_CHANGED;
    }
    if (confidence != FLOW_TYPED) {
        snprintf(f->heard, sizeof f->heard, "%s", text);
        f->heard_kind = f->kind;
        f->heard_q = session_question(f->session);
    }
    InterpResult r;
    interp_parse(f->c, NULL, f->lang, text, &r);
    Command cmd = r.kind == INTERP_COMMAND ? r.command : CMD_NONE;
    int yn;
    switch (f->kind) {
    case SCR_QUESTION:
        return input_question(f, text, confidence);
    case SCR_ATTRACT:
        return cmd == CMD_START ? flow_press(f, FLOW_START) : FLOW_NOT_UNDERSTOOD;
    case SCR_LANGUAGE: {
        char said[256], label[256];
        interp_normalize(text, said, sizeof said);
        for (int l = 0; l < LANG_COUNT; l++) {
            for (int k = 0; k < LANG_COUNT; k++) {
                interp_normalize(
                    content_ui(f->c, l == LANG_EN ? "button.lang_en" : "button.lang_es", k), label,
                    sizeof label);
                if (strcmp(said, label) == 0)
                    return set_lang(f, (Lang)l);
            }
        }
        return cmd == CMD_BACK ? flow_press(f, FLOW_BACK) : FLOW_NOT_UNDERSTOOD;
    }
    default:
        break;
    }
    if (cmd == CMD_REPEAT)
        return FLOW_REPEAT_REQUESTED;
    if (cmd == CMD_BACK)
        return flow_press(f, FLOW_BACK);
    yn = said_yes_no(f, text);
    switch (f->kind) {
    case SCR_PRIVACY:
    case SCR_URGENT:
        return (cmd == CMD_START || cmd == CMD_DONE || yn == 1) ? flow_press(f, FLOW_CONTINUE)
                                                                : FLOW_NOT_UNDERSTOOD;
    case SCR_CONFIRM:
        return yn < 0 ? FLOW_NOT_UNDERSTOOD : flow_press(f, yn ? FLOW_YES : FLOW_NO);
    case SCR_RESULTS:
        if (yn == 1)
            return flow_press(f, FLOW_PRINT);
        return (yn == 0 || cmd == CMD_DONE) ? flow_press(f, FLOW_FINISH) : FLOW_NOT_UNDERSTOOD;
    case SCR_PRINT_FAILED:
        if (yn == 1)
            return flow_press(f, FLOW_RETRY);
        return (yn == 0 || cmd == CMD_DONE) ? flow_press(f, FLOW_FINISH) : FLOW_NOT_UNDERSTOOD;
    case SCR_GOODBYE:
        return (cmd == CMD_DONE || cmd == CMD_START) ? flow_press(f, FLOW_FINISH)
                                                     : FLOW_NOT_UNDERSTOOD;
    default:
        return FLOW_NOT_UNDERSTOOD;
    }
}

FlowEvent flow_tick(Flow *f, unsigned elapsed_ms)
{
    if (f->kind == SCR_ATTRACT || f->kind == SCR_PRINTING)
        return FLOW_IGNORED;
    if (f->kind == SCR_GOODBYE) {
        f->idle_ms += elapsed_ms;
        /* held answers wait as long as any session would, then go */
        unsigned limit = f->ending == END_HELD ? f->cfg.idle_ms + f->cfg.countdown_ms : GOODBYE_MS;
        if (f->idle_ms < limit)
            return FLOW_IGNORED;
        flow_reset(f);
        return FLOW_CHANGED;
    }
    if (f->countdown_ms) {
        unsigned before = (f->countdown_ms + 999) / 1000;
        if (elapsed_ms >= f->countdown_ms) {
            flow_reset(f);
            return FLOW_CHANGED;
        }
        f->countdown_ms -= elapsed_ms;
        if ((f->countdown_ms + 999) / 1000 == before)
            return FLOW_IGNORED;
        rebuild(f);
        return FLOW_CHANGED;
    }
    unsigned limit = f->kind == SCR_URGENT    ? f->cfg.idle_ms * URGENT_IDLE_FACTOR
                     : f->kind == SCR_RESULTS ? f->cfg.results_idle_ms
                                              : f->cfg.idle_ms;
    f->idle_ms += elapsed_ms;
    if (f->idle_ms < limit)
        return FLOW_IGNORED;
    f->countdown_ms = f->cfg.countdown_ms;
    rebuild(f);
    return FLOW_CHANGED;
}

FlowEvent flow_print_done(Flow *f, int err)
{
    if (f->kind != SCR_PRINTING)
        return FLOW_IGNORED;
    f->idle_ms = 0;
    return err ? go(f, SCR_PRINT_FAILED) : goodbye(f, END_PRINTED);
}
