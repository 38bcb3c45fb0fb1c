/* The kiosk flow. Every input goes through one of the handlers below, which change the
 * state; rebuild() then describes the new state as a Screen for the front ends. */
#include "flow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "flow_private.h"
#include "flow_table.h"
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
        f->cfg.idle_ms = FLOW_DEFAULT_IDLE_MS;
    if (!f->cfg.countdown_ms)
        f->cfg.countdown_ms = FLOW_DEFAULT_COUNTDOWN_MS;
    if (!f->cfg.results_idle_ms)
        f->cfg.results_idle_ms = FLOW_DEFAULT_RESULTS_IDLE_MS;
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
    f->last_row = -1;
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
    f->confirm_start_over = f->confirm_to_attract = false;
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

unsigned flow_starts_over(const Flow *f)
{
    return f->starts_over;
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

void flow_set_listen(Flow *f, bool can_listen)
{
    f->cfg.no_listen = !can_listen;
    rebuild(f);
}

void flow_set_default_lang(Flow *f, Lang lang)
{
    f->cfg.default_lang = lang;
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
FlowEvent flow_give_answer(Flow *f, const Answer *a)
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
    f->starts_over++;
    show_question(f);
    rebuild(f);
    return FLOW_CHANGED;
}

FlowEvent flow_go(Flow *f, ScreenKind kind)
{
    f->kind = kind;
    rebuild(f);
    return FLOW_CHANGED;
}

static FlowEvent set_lang(Flow *f, Lang lang)
{
    f->lang = lang;
    session_set_lang(f->session, lang);
    return flow_go(f, SCR_PRIVACY);
}

/* The current question's option pressed (or picked by number). */
static FlowEvent press_option(Flow *f, const Question *q, int o)
{
    if (q->kind == QK_MULTI) {
        int none = content_option_index(q, "none");
        f->multi ^= 1u << o;
        if (none >= 0 && (f->multi & (1u << none)))
            f->multi = o == none ? 1u << none : f->multi & ~(1u << none);
        rebuild(f);
        return FLOW_CHANGED;
    }
    Answer a = {.state = ANS_GIVEN, .options = 1u << o};
    return flow_give_answer(f, &a);
}

/* A button of the current question's own (an option id, or a scale value) pressed. */
FlowEvent flow_press_answer(Flow *f, const char *id)
{
    const Question *q = session_question(f->session);
    if (!q)
        return FLOW_IGNORED;
    if (q->kind == QK_SCALE) {
        char *end;
        long v = strtol(id, &end, 10);
        if (*id && *end == '\0' && v >= q->min && v <= q->max) {
            Answer a = {.state = ANS_GIVEN, .value = (int)v};
            return flow_give_answer(f, &a);
        }
        return FLOW_IGNORED;
    }
    int o = content_option_index(q, id);
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

/* ---- the actions of the table's rows ---- */

static FlowEvent act_none(Flow *f, const FlowRow *r)
{
    (void)f, (void)r;
    return FLOW_IGNORED;
}

static FlowEvent act_repeat(Flow *f, const FlowRow *r)
{
    (void)f, (void)r;
    return FLOW_REPEAT_REQUESTED;
}

static FlowEvent act_help(Flow *f, const FlowRow *r)
{
    (void)f, (void)r;
    return FLOW_HELP_REQUESTED;
}

/* Back from the language screen to the start screen ends the session: with answers given
 * (she went back from the first question) it asks first, as "start over" does; then the
 * start screen shows with nothing kept, as after a wipe (the next one to tap Start went
 * on with her answers once Continue no longer erased them). */
static FlowEvent act_to_attract(Flow *f, const FlowRow *r)
{
    (void)r;
    if (session_anything_said(f->session)) {
        f->confirm_start_over = f->confirm_to_attract = true;
        return flow_go(f, SCR_CONFIRM);
    }
    flow_reset(f);
    return FLOW_CHANGED;
}

static FlowEvent act_to_language(Flow *f, const FlowRow *r)
{
    (void)r;
    return flow_go(f, SCR_LANGUAGE);
}

static FlowEvent act_lang(Flow *f, const FlowRow *r)
{
    return set_lang(f, (Lang)r->lang);
}

/* Continue on the privacy screen: the interview, where she is. The session is new when
 * she comes from the start screen (each one ends with a wipe); when she went back to
 * this screen from the first question, her answers stay (Continue restarted the session
 * and erased an urgent answer without a word, where "start over" asks first). */
static FlowEvent act_begin(Flow *f, const FlowRow *r)
{
    (void)r;
    return resume(f);
}

static FlowEvent act_back(Flow *f, const FlowRow *r)
{
    (void)r;
    return go_back(f);
}

static FlowEvent act_skip(Flow *f, const FlowRow *r)
{
    return skip(f, r->action == FLOW_ACT_DONT_KNOW);
}

/* Spoken: "not understood" where the question cannot be skipped. Where "not sure" is an
 * answer (the urgent safety questions), "I don't know" is that answer. */
static FlowEvent act_said_skip(Flow *f, const FlowRow *r)
{
    const Question *q = session_question(f->session);
    bool dont_know = r->action == FLOW_ACT_SAID_DONT_KNOW;
    if (dont_know && content_option_index(q, "not_sure") >= 0)
        return flow_press_answer(f, "not_sure");
    return q->can_skip ? skip(f, dont_know) : FLOW_NOT_UNDERSTOOD;
}

static FlowEvent act_done(Flow *f, const FlowRow *r)
{
    (void)r;
    const Question *q = session_question(f->session);
    if (!q || q->kind != QK_MULTI) /* "done" said to another question */
        return flow_press_answer(f, FLOW_DONE);
    Answer a = {.state = ANS_GIVEN, .options = f->multi};
    /* Done with nothing ticked did nothing at all, and she could not tell why */
    return f->multi ? flow_give_answer(f, &a) : FLOW_NOTHING_CHOSEN;
}

static FlowEvent act_start_over(Flow *f, const FlowRow *r)
{
    (void)r;
    return start_over(f);
}

static FlowEvent act_press_back(Flow *f, const FlowRow *r)
{
    (void)r;
    return flow_press_id(f, FLOW_BACK);
}

static FlowEvent act_confirm_yes(Flow *f, const FlowRow *r)
{
    (void)r;
    if (f->confirm_to_attract) {
        f->confirm_start_over = f->confirm_to_attract = false;
        flow_reset(f);
        return FLOW_CHANGED;
    }
    if (f->confirm_start_over) {
        f->confirm_start_over = false;
        return start_over(f);
    }
    Answer a = f->pending;
    wipe(&f->pending, sizeof f->pending);
    return flow_give_answer(f, &a);
}

FlowEvent flow_end_of_input(Flow *f)
{
    if (f->kind != SCR_CONFIRM)
        return FLOW_IGNORED;
    const Question *q = session_question(f->session);
    int unsure = q && q->role == ROLE_RED_FLAG ? content_option_index(q, "not_sure") : -1;
    bool hedge = !f->confirm_start_over && unsure >= 0 && f->pending.options == 1u << unsure;
    f->confirm_start_over = f->confirm_to_attract = false;
    if (!hedge) {
        wipe(&f->pending, sizeof f->pending);
        wipe(f->runner_up, sizeof f->runner_up);
        resume(f);
        return FLOW_IGNORED;
    }
    Answer a = f->pending;
    wipe(&f->pending, sizeof f->pending);
    FlowEvent ev = flow_give_answer(f, &a);
    wipe(&a, sizeof a);
    return ev == FLOW_IGNORED ? FLOW_IGNORED : FLOW_CHANGED;
}

/* "No" offers the recogniser's runner-up once; "no" again, or Back, asks again. */
static FlowEvent act_confirm_no(Flow *f, const FlowRow *r)
{
    if (f->confirm_start_over) { /* her answers stay; where she was comes back */
        bool language = f->confirm_to_attract;
        f->confirm_start_over = f->confirm_to_attract = false;
        return language ? flow_go(f, SCR_LANGUAGE) : resume(f);
    }
    if (r->action == FLOW_ACT_CONFIRM_NO && offer_runner_up(f))
        return FLOW_CHANGED;
    wipe(&f->pending, sizeof f->pending);
    wipe(f->runner_up, sizeof f->runner_up);
    return resume(f);
}

/* Going on needs staff: their PIN when one is set, else her word that she told the
 * front desk. */
static FlowEvent act_urgent_go_on(Flow *f, const FlowRow *r)
{
    (void)r;
    if (f->cfg.staff_pin)
        return FLOW_STAFF_PIN_REQUESTED;
    return flow_urgent_acknowledge(f, URGENT_ACK_PATIENT);
}

static FlowEvent act_print(Flow *f, const FlowRow *r)
{
    (void)r;
    flow_go(f, SCR_PRINTING);
    return FLOW_PRINT_REQUESTED;
}

static FlowEvent act_finish(Flow *f, const FlowRow *r)
{
    return goodbye(f, r->action == FLOW_ACT_FINISH_HELD ? END_HELD : END_NOT_PRINTED);
}

static FlowEvent act_end(Flow *f, const FlowRow *r)
{
    (void)r;
    flow_reset(f);
    return FLOW_CHANGED;
}

static FlowEvent (*const actions[FLOW_ACT_COUNT])(Flow *, const FlowRow *) = {
    [FLOW_ACT_NONE] = act_none,
    [FLOW_ACT_REPEAT] = act_repeat,
    [FLOW_ACT_HELP] = act_help,
    [FLOW_ACT_TO_ATTRACT] = act_to_attract,
    [FLOW_ACT_TO_LANGUAGE] = act_to_language,
    [FLOW_ACT_LANG] = act_lang,
    [FLOW_ACT_BEGIN] = act_begin,
    [FLOW_ACT_BACK] = act_back,
    [FLOW_ACT_SKIP] = act_skip,
    [FLOW_ACT_DONT_KNOW] = act_skip,
    [FLOW_ACT_SAID_SKIP] = act_said_skip,
    [FLOW_ACT_SAID_DONT_KNOW] = act_said_skip,
    [FLOW_ACT_DONE] = act_done,
    [FLOW_ACT_START_OVER] = act_start_over,
    [FLOW_ACT_PRESS_BACK] = act_press_back,
    [FLOW_ACT_CONFIRM_YES] = act_confirm_yes,
    [FLOW_ACT_CONFIRM_NO] = act_confirm_no,
    [FLOW_ACT_CONFIRM_BACK] = act_confirm_no,
    [FLOW_ACT_URGENT_GO_ON] = act_urgent_go_on,
    [FLOW_ACT_PRINT] = act_print,
    [FLOW_ACT_FINISH] = act_finish,
    [FLOW_ACT_FINISH_HELD] = act_finish,
    [FLOW_ACT_END] = act_end,
};

/* Carries out a row of the table, remembering the first of an input's. */
FlowEvent flow_run_row(Flow *f, const FlowRow *r)
{
    if (f->last_row < 0)
        f->last_row = (int)(r - flow_rows);
    return actions[r->action](f, r);
}

int flow_row_used(const Flow *f)
{
    return f->last_row;
}

FlowEvent flow_urgent_acknowledge(Flow *f, int how)
{
    if (f->kind != SCR_URGENT)
        return FLOW_IGNORED;
    session_acknowledge_urgent(f->session, how);
    return resume(f);
}

/* The countdown of "Are you still there?" runs; the session is wiped when it ends. */
static FlowEvent count_down(Flow *f, unsigned elapsed_ms)
{
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

FlowEvent flow_tick(Flow *f, unsigned elapsed_ms)
{
    FlowIdle idle = flow_kinds[f->kind].idle;
    if (idle == FLOW_IDLE_NONE)
        return FLOW_IGNORED;
    if (idle == FLOW_IDLE_GOODBYE) {
        f->idle_ms += elapsed_ms;
        /* held answers wait as long as any session would, then go */
        unsigned limit = f->ending == END_HELD ? f->cfg.idle_ms + f->cfg.countdown_ms : GOODBYE_MS;
        if (f->idle_ms < limit)
            return FLOW_IGNORED;
        flow_reset(f);
        return FLOW_CHANGED;
    }
    if (f->countdown_ms)
        return count_down(f, elapsed_ms);
    /* a spoken yes or "not sure" to a safety question waiting for her "yes" waits as the
       urgent screen does (it was wiped at the ordinary time-out, never reaching it) */
    const Question *q = session_question(f->session);
    int no = q ? content_option_index(q, "no") : -1;
    if (f->kind == SCR_CONFIRM && !f->confirm_start_over && q && q->role == ROLE_RED_FLAG &&
        q->section == SECTION_SAFETY_URGENT && f->pending.options && no >= 0 &&
        f->pending.options != 1u << no)
        idle = FLOW_IDLE_URGENT;
    unsigned limit = idle == FLOW_IDLE_URGENT    ? f->cfg.idle_ms * URGENT_IDLE_FACTOR
                     : idle == FLOW_IDLE_RESULTS ? f->cfg.results_idle_ms
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
    return err ? flow_go(f, SCR_PRINT_FAILED) : goodbye(f, END_PRINTED);
}
