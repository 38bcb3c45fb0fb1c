/* Internal to the flow and the staff menu: the transition table. One row per button a
 * screen kind offers (or per spoken command it takes), with what draws it and what it
 * triggers. The dispatchers (flow_press, flow_input, flow_digit; staff_press,
 * staff_digit) look inputs up here, and the Screen's buttons are built from the same
 * rows, so what is drawn and what an input does cannot drift apart. The answers of a
 * question come from the content, not from rows. */
#ifndef PK_FLOW_TABLE_H
#define PK_FLOW_TABLE_H

#include "flow.h"

/* The kinds a row belongs to, as a mask. */
#define FLOW_KIND(k) (1u << (k))

/* Where a row's button goes on the Screen. */
typedef enum {
    FLOW_PLACE_NAV = 0, /* the bottom row */
    FLOW_PLACE_ANSWER,  /* among the answers */
    FLOW_PLACE_HIDDEN,  /* not drawn: a key, a spoken command or a front end presses it */
} FlowPlace;

/* When a row's button is drawn (it can be pressed either way). */
typedef enum {
    FLOW_WHEN_ALWAYS = 0,
    FLOW_WHEN_SPEECH,   /* the front end can speak */
    FLOW_WHEN_SKIP,     /* the question can be skipped */
    FLOW_WHEN_MULTI,    /* the question takes several answers */
    FLOW_WHEN_PIN,      /* a staff PIN is set */
    FLOW_WHEN_NO_PIN,   /* no staff PIN is set */
    FLOW_WHEN_NOT_HELD, /* no summary is held for staff to print (after a failed print) */
    FLOW_WHEN_COUNT
} FlowWhen;

/* What a row of a patient screen does (flow.c carries it out). */
typedef enum {
    FLOW_ACT_NONE = 0,   /* nothing: the input is ignored */
    FLOW_ACT_REPEAT,     /* speak the screen again */
    FLOW_ACT_HELP,       /* speak the question's help */
    FLOW_ACT_TO_ATTRACT, /* go to a screen as it is */
    FLOW_ACT_TO_LANGUAGE,
    FLOW_ACT_LANG,           /* the row's language, then the privacy screen */
    FLOW_ACT_BEGIN,          /* the first question of a fresh interview */
    FLOW_ACT_BACK,           /* the question before, or the privacy screen */
    FLOW_ACT_SKIP,           /* skip the question (ignored when it cannot be) */
    FLOW_ACT_DONT_KNOW,      /* "I don't know" (ignored when it cannot be skipped) */
    FLOW_ACT_SAID_SKIP,      /* spoken skip: "not understood" when it cannot be */
    FLOW_ACT_SAID_DONT_KNOW, /* spoken: the "not sure" answer where there is one */
    FLOW_ACT_DONE,           /* the options ticked on a multi question */
    FLOW_ACT_START_OVER,     /* the interview from the first question */
    FLOW_ACT_PRESS_BACK,     /* spoken "go back": as the Back button of the screen */
    FLOW_ACT_CONFIRM_YES,    /* the answer being confirmed is recorded */
    FLOW_ACT_CONFIRM_NO,     /* the runner-up, once, else the question again */
    FLOW_ACT_CONFIRM_BACK,   /* the question again */
    FLOW_ACT_URGENT_GO_ON,   /* staff PIN, or her word that she told the front desk */
    FLOW_ACT_PRINT,          /* print (or print again) */
    FLOW_ACT_FINISH,         /* the goodbye without printing */
    FLOW_ACT_FINISH_HELD,    /* the goodbye after a failed print: the answers are held */
    FLOW_ACT_END,            /* the goodbye is over: attract */
    FLOW_ACT_COUNT
} FlowAction;

/* What a row of a staff screen does (staff.c carries it out). */
typedef enum {
    STAFF_ACT_NONE = 0,
    STAFF_ACT_CLOSE,    /* close the menu */
    STAFF_ACT_TYPE,     /* a digit of the PIN (the row's id) */
    STAFF_ACT_DELETE,   /* the last digit typed */
    STAFF_ACT_CHECK,    /* check the PIN typed */
    STAFF_ACT_VOL_DOWN, /* settings */
    STAFF_ACT_VOL_UP,
    STAFF_ACT_LANGUAGE,
    STAFF_ACT_TEST_PAGE, /* commands for the front end */
    STAFF_ACT_REPRINT,
    STAFF_ACT_RESTART,
    STAFF_ACT_EXIT_ASK, /* "Exit the kiosk?" */
    STAFF_ACT_EXIT_NO,
    STAFF_ACT_EXIT,
    STAFF_ACT_COUNT
} StaffAction;

typedef struct {
    unsigned kinds;    /* FLOW_KIND() mask of the screen kinds it belongs to */
    const char *id;    /* the Button id; NULL for a row only spoken commands reach */
    const char *label; /* ui key of its label; NULL: the id is the label */
    ButtonRole role;   /* how it is drawn */
    FlowPlace place;
    FlowWhen when;
    int digit;         /* the digit key that presses it, or -1 */
    int lang;          /* a language button (Lang): labelled in that language, selected
                          when it is the screen's, and pressed by saying its label in
                          any language; -1 for others */
    unsigned commands; /* mask of (1u << Command): spoken commands that press it */
    int yes_no;        /* 1: a spoken yes presses it, 0: a spoken no; -1 neither */
    int action;        /* FlowAction, or StaffAction on the staff screens */
} FlowRow;

/* How a screen kind passes time when nothing happens (flow_tick). */
typedef enum {
    FLOW_IDLE_NONE = 0, /* waits for ever (attract, printing) */
    FLOW_IDLE_NORMAL,   /* "Are you still there?" after FlowConfig.idle_ms, then the wipe */
    FLOW_IDLE_URGENT,   /* the same, but it waits longer for staff */
    FLOW_IDLE_RESULTS,  /* the same after FlowConfig.results_idle_ms */
    FLOW_IDLE_GOODBYE,  /* back to attract by itself (held answers: the normal timeout) */
} FlowIdle;

/* What each screen kind is, beside its buttons. */
typedef struct {
    const char *name;         /* flow_kind_name() */
    const char *title, *body; /* ui keys of its heading and paragraph, or NULL */
    FlowIdle idle;
    bool banner; /* shows the red line after an urgent answer */
} FlowKindInfo;

extern const FlowKindInfo flow_kinds[SCR_COUNT];

extern const FlowRow flow_rows[];
extern const size_t flow_nrows;

/* The first row of kind k whose FlowWhen bit is set in `when` (the conditions that hold
 * now: a row applies only as it is drawn) that matches: by Button id (id), by digit key
 * (n), by spoken command (n, a Command), by spoken yes/no (n: 1 or 0), or by a spoken
 * language label (id: the normalised words, c: the content). NULL when none does. */
typedef enum {
    FLOW_BY_ID,
    FLOW_BY_DIGIT,
    FLOW_BY_COMMAND,
    FLOW_BY_YES_NO,
    FLOW_BY_LABEL,
} FlowBy;
const FlowRow *flow_row_find(const Content *c, ScreenKind k, unsigned when, FlowBy by,
                             const char *id, int n);

/* Appends the drawn rows of kind k to s->answers and s->nav, in table order: those whose
 * FlowWhen bit is set in `when`, labelled in lang. */
void flow_rows_build(Screen *s, const Content *c, Lang lang, ScreenKind k, unsigned when);

/* The flow_rows[] index the last flow_press / flow_input / flow_digit went through
 * first, or -1 when it met no row (the tests check every row is reached). */
int flow_row_used(const Flow *f);

/* Appends one button to arr (of max) unless it is full. */
void flow_button_add(Button *arr, size_t *n, size_t max, const char *id, const char *label,
                     ButtonRole role, bool selected, int key, const char *region);

#endif
