/* The flow's dispatchers: a press, a digit key, typed or spoken words. Each looks the
 * input up in the transition table (flow_table.c) and carries out the row it finds;
 * what no row takes is an answer to the question shown, or nothing. */
#include <stdio.h>
#include <string.h>

#include "flow_private.h"
#include "flow_table.h"
#include "interp.h"
#include "wipe.h"

/* Any input answers "Are you still there?" and restarts the idle time. True when it
 * was that answer (the input does nothing else). */
static bool wake(Flow *f)
{
    f->idle_ms = 0;
    if (!f->countdown_ms)
        return false;
    f->countdown_ms = 0;
    flow_rebuild(f);
    return true;
}

/* A button id on the current screen: its row, else an answer of the question. */
FlowEvent flow_press_id(Flow *f, const char *id)
{
    const FlowRow *r = flow_row_find(f->c, f->kind, flow_conditions(f), FLOW_BY_ID, id, 0);
    if (r)
        return flow_run_row(f, r);
    return f->kind == SCR_QUESTION ? flow_press_answer(f, id) : FLOW_IGNORED;
}

FlowEvent flow_active(Flow *f)
{
    return wake(f) ? FLOW_CHANGED : FLOW_IGNORED;
}

FlowEvent flow_press(Flow *f, const char *id)
{
    f->last_row = -1;
    return wake(f) ? FLOW_CHANGED : flow_press_id(f, id);
}

/* The button id a digit key picks on the current screen (a row's, a scale value or the
 * numbered option), or NULL. */
static const char *digit_id(const Flow *f, int digit)
{
    static const char *const values[10] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    const FlowRow *r = flow_row_find(f->c, f->kind, flow_conditions(f), FLOW_BY_DIGIT, NULL, digit);
    if (r)
        return r->id;
    if (f->kind != SCR_QUESTION)
        return NULL;
    const Question *q = session_question(f->session);
    if (q->kind == QK_SCALE)
        return values[digit];
    return digit >= 1 && (size_t)digit <= q->noptions ? q->options[digit - 1].id : NULL;
}

FlowEvent flow_digit(Flow *f, int digit)
{
    const char *id = digit >= 0 && digit <= 9 ? digit_id(f, digit) : NULL;
    return id ? flow_press(f, id) : FLOW_IGNORED;
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

/* A spoken or typed answer to the current question. One the recogniser is not sure of is
 * confirmed (its confidence is calibrated on real speakers so that below confirm_below
 * wrong answers gather), and so is every spoken yes to a red flag. A hedge ("not
 * really", "not sure") to a safety question is confirmed, typed or spoken: it must never
 * slip through as a no, nor be taken for more than it is. */
static FlowEvent answer_said(Flow *f, const char *text, int confidence)
{
    const Question *q = session_question(f->session);
    InterpResult r;
    interp_parse(f->c, q, f->lang, text, &r);
    if (r.kind != INTERP_ANSWER)
        return FLOW_NOT_UNDERSTOOD;
    bool red_flag_yes = q->role == ROLE_RED_FLAG && q->kind == QK_YESNO && r.answer.options == 1u;
    int unsure = content_option_index(q, "not_sure");
    bool hedge = q->role == ROLE_RED_FLAG && unsure >= 0 && r.answer.options == 1u << unsure;
    if (hedge ||
        (confidence != FLOW_TYPED && (confidence < f->cfg.confirm_below || red_flag_yes))) {
        f->pending = r.answer;
        f->offered_runner_up = false;
        return flow_go(f, SCR_CONFIRM);
    }
    wipe(f->runner_up, sizeof f->runner_up);
    return flow_give_answer(f, &r.answer);
}

/* The row a phrase presses on the current screen: a language button's label, a spoken
 * command, or a yes or no where the screen asks one. */
static const FlowRow *said_row(Flow *f, const char *text, bool *command)
{
    char said[256];
    interp_normalize(text, said, sizeof said);
    const FlowRow *r = flow_row_find(f->c, f->kind, flow_conditions(f), FLOW_BY_LABEL, said, 0);
    wipe(said, sizeof said);
    InterpResult ir;
    interp_parse(f->c, NULL, f->lang, text, &ir);
    *command = ir.kind == INTERP_COMMAND;
    if (!r && *command)
        r = flow_row_find(f->c, f->kind, flow_conditions(f), FLOW_BY_COMMAND, NULL, ir.command);
    if (!r && !*command && f->kind != SCR_QUESTION)
        r = flow_row_find(f->c, f->kind, flow_conditions(f), FLOW_BY_YES_NO, NULL,
                          said_yes_no(f, text));
    return r;
}

FlowEvent flow_input(Flow *f, const char *text, int confidence)
{
    f->last_row = -1;
    if (wake(f))
        return FLOW_CHANGED;
    if (confidence != FLOW_TYPED) {
        snprintf(f->heard, sizeof f->heard, "%s", text);
        f->heard_kind = f->kind;
        f->heard_q = session_question(f->session);
    }
    bool command;
    const FlowRow *r = said_row(f, text, &command);
    /* a spoken "start over" is asked about first: it wipes her answers, and the
     * recogniser has heard it in other words ("stop", at full confidence); a typed one
     * too once an urgent answer was given, which one word must not erase */
    if (r && r->action == FLOW_ACT_START_OVER &&
        (confidence != FLOW_TYPED || session_any_urgent(f->session)) && f->kind == SCR_QUESTION) {
        f->confirm_start_over = true;
        return flow_go(f, SCR_CONFIRM);
    }
    if (r)
        return flow_run_row(f, r);
    if (f->kind == SCR_QUESTION && !command)
        return answer_said(f, text, confidence);
    return FLOW_NOT_UNDERSTOOD;
}
