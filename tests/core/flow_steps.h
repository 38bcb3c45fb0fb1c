/* Steps through the kiosk flow shared by the flow tests: a flow, where it is, and the
 * ways on. */
#ifndef PK_TEST_FLOW_STEPS_H
#define PK_TEST_FLOW_STEPS_H

#include <check.h>
#include <string.h>

#include "core/flow.h"
#include "testutil.h"

static inline Flow *new_flow(void)
{
    FlowConfig cfg = {.default_lang = LANG_EN, .confirm_below = 60};
    Flow *f = flow_new(test_content(), &cfg);
    ck_assert_ptr_nonnull(f);
    return f;
}

static inline ScreenKind kind(Flow *f)
{
    return flow_screen(f)->kind;
}

static inline const char *qid(Flow *f)
{
    const Screen *s = flow_screen(f);
    ck_assert_int_eq(s->kind, SCR_QUESTION);
    return s->question->id;
}

static inline bool has_button(const Screen *s, const char *id)
{
    for (size_t i = 0; i < s->nanswers; i++)
        if (strcmp(s->answers[i].id, id) == 0)
            return true;
    for (size_t i = 0; i < s->nnav; i++)
        if (strcmp(s->nav[i].id, id) == 0)
            return true;
    return false;
}

/* Presses an id that must be on the screen. */
static inline FlowEvent press(Flow *f, const char *id)
{
    ck_assert_msg(has_button(flow_screen(f), id), "no button %s on screen %d", id, kind(f));
    return flow_press(f, id);
}

/* Moves past the current question: Skip where offered, else "no". */
static inline void move_on(Flow *f)
{
    const Question *q = session_question(flow_session(f));
    flow_press(f, q && q->can_skip ? FLOW_SKIP : FLOW_NO);
}

/* Answers "no", the last option, or the first of several, up to the results. */
static inline void to_results(Flow *f)
{
    flow_begin(f, LANG_EN);
    for (int guard = 0; kind(f) == SCR_QUESTION && guard < 200; guard++) {
        const Screen *s = flow_screen(f);
        if (s->question->kind == QK_MULTI) {
            press(f, s->answers[0].id);
            press(f, FLOW_DONE);
        } else if (s->question->kind == QK_YESNO) {
            press(f, "no");
        } else {
            press(f, s->answers[s->nanswers - 1].id);
        }
    }
    ck_assert_int_eq(kind(f), SCR_RESULTS);
}

#endif
