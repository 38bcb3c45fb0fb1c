/* Internal to the flow (flow.c, flow_input.c, flow_screen.c): its state. */
#ifndef PK_FLOW_PRIVATE_H
#define PK_FLOW_PRIVATE_H

#include "flow.h"
#include "flow_table.h"

struct Flow {
    const Content *c;
    FlowConfig cfg;
    Session *session;
    Summary summary;
    bool have_summary;
    ScreenKind kind;
    Lang lang;
    unsigned idle_ms;      /* since the last input */
    unsigned countdown_ms; /* left on "Are you still there?"; 0 when not shown */
    uint32_t multi;        /* options ticked on the current multi question */
    Answer pending;        /* the answer awaiting confirmation */
    char heard[256];       /* what voice last understood */
    ScreenKind heard_kind; /* ... on this screen: it is cleared on any other */
    const Question *heard_q;
    enum {
        END_NONE,        /* the session is not over */
        END_PRINTED,     /* the summary was printed; the answers are erased */
        END_NOT_PRINTED, /* finished without printing; the answers are erased */
        END_HELD,        /* the print failed: kept for staff under the normal timeout */
    } ending;
    /* Titles and bodies built from several content texts, each of at most
       CONTENT_MAX_TEXT_BYTES, sized so that none is ever cut: the title holds two texts
       (the language screen's, in both languages) or a text and an answer (the confirm
       screen's), the body three texts (the start screen's) or the urgent screen's body
       and safety line, still the "Are you still there?" body with its seconds. */
    char title[2 * CONTENT_MAX_TEXT_BYTES + CONTENT_ANSWER_MAX + 8];
    char body[3 * CONTENT_MAX_TEXT_BYTES + CONTENT_URGENT_BODY_MAX + CONTENT_SAFETY_MAX + 8];
    char still[CONTENT_MAX_TEXT_BYTES + 24];
    Option yesno[2];  /* yes/no from the lexicon, for the confirm screen */
    Question confirm; /* the confirm screen's yes/no question */
    Screen screen;

    /* Voice: the recogniser's best other answer to the pending one, offered once. */
    char runner_up[256];
    bool offered_runner_up;  /* the pending answer is the runner-up already */
    bool confirm_start_over; /* the confirm screen asks about a spoken "start over" */
    bool confirm_to_attract; /* ... asked by Back to the start screen: yes ends there */
    unsigned starts_over;    /* times "start over" wiped the session (flow_starts_over) */

    int last_row; /* the flow_rows[] index the last input went through, or -1 */
};

/* The FlowWhen conditions (flow_table.h) that hold now, as a mask. */
unsigned flow_conditions(const Flow *f);

/* Carries out a row of the transition table (flow.c); the first row an input goes
 * through is remembered for flow_row_used(). */
FlowEvent flow_run_row(Flow *f, const FlowRow *r);

/* A button id on the current screen, the idle time already restarted: its row, else an
 * answer of the question (flow_input.c). */
FlowEvent flow_press_id(Flow *f, const char *id);

/* An option id or scale value of the current question pressed. */
FlowEvent flow_press_answer(Flow *f, const char *id);

/* Records an answer to the current question and moves on. */
FlowEvent flow_give_answer(Flow *f, const Answer *a);

/* Shows a screen kind as the state is. */
FlowEvent flow_go(Flow *f, ScreenKind kind);

/* Describes the current state in f->screen and bumps its serial. */
void flow_rebuild(Flow *f);

#endif
