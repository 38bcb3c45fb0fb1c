/* The transition table of the kiosk's screens, and the two walks over it: finding the
 * row an input presses, and drawing the rows as buttons. */
#include "flow_table.h"

#include <stdio.h>
#include <string.h>

#include "interp.h"
#include "staff.h"

/* clang-format off */
const FlowKindInfo flow_kinds[SCR_COUNT] = {
    /*                    name            title                 body                 idle               banner */
    [SCR_ATTRACT]      = {"attract",      "attract.title",      "attract.prompt",    FLOW_IDLE_NONE,    false},
    [SCR_LANGUAGE]     = {"language",     "language.title",     NULL,                FLOW_IDLE_NORMAL,  true},
    [SCR_PRIVACY]      = {"privacy",      "privacy.title",      "privacy.body",      FLOW_IDLE_NORMAL,  true},
    [SCR_QUESTION]     = {"question",     NULL,                 NULL,                FLOW_IDLE_NORMAL,  true},
    [SCR_CONFIRM]      = {"confirm",      NULL,                 NULL,                FLOW_IDLE_NORMAL,  true},
    [SCR_URGENT]       = {"urgent",       "urgent.title",       "urgent.body",       FLOW_IDLE_URGENT,  false},
    [SCR_RESULTS]      = {"results",      "results.title",      "results.intro",     FLOW_IDLE_RESULTS, true},
    [SCR_PRINTING]     = {"printing",     "printing.title",     "printing.body",     FLOW_IDLE_NONE,    true},
    [SCR_PRINT_FAILED] = {"print_failed", "print_failed.title", "print_failed.body", FLOW_IDLE_NORMAL,  true},
    [SCR_GOODBYE]      = {"goodbye",      "goodbye.title",      "goodbye.body",      FLOW_IDLE_GOODBYE, false},
    [SCR_STAFF_PIN]    = {"staff",        "staff.title",        NULL,                FLOW_IDLE_NONE,    false},
    [SCR_STAFF_LOCKED] = {"staff_locked", "staff.title",        NULL,                FLOW_IDLE_NONE,    false},
    [SCR_STAFF_MENU]   = {"staff_menu",   "staff.title",        NULL,                FLOW_IDLE_NONE,    false},
    [SCR_STAFF_EXIT]   = {"staff_exit",   "staff.title",        "staff.exit_confirm", FLOW_IDLE_NONE,   false},
};

#define K FLOW_KIND
#define C(cmd) (1u << (cmd))
#define NAV FLOW_PLACE_NAV
#define ANSWER FLOW_PLACE_ANSWER
#define HIDDEN FLOW_PLACE_HIDDEN
#define ALWAYS FLOW_WHEN_ALWAYS
/* every patient screen */
#define PATIENT (K(SCR_ATTRACT) | K(SCR_LANGUAGE) | K(SCR_PRIVACY) | K(SCR_QUESTION) |         \
                 K(SCR_CONFIRM) | K(SCR_URGENT) | K(SCR_RESULTS) | K(SCR_PRINTING) |           \
                 K(SCR_PRINT_FAILED) | K(SCR_GOODBYE))
/* the screens where "repeat" and "go back" are understood as spoken (the question has
 * its own Back; attract and language take only their own words) */
/* every staff screen */
#define STAFF (K(SCR_STAFF_PIN) | K(SCR_STAFF_LOCKED) | K(SCR_STAFF_MENU) | K(SCR_STAFF_EXIT))
#define SPOKEN (K(SCR_PRIVACY) | K(SCR_CONFIRM) | K(SCR_URGENT) | K(SCR_RESULTS) |             \
                K(SCR_PRINTING) | K(SCR_PRINT_FAILED) | K(SCR_GOODBYE))

const FlowRow flow_rows[] = {
/*   kinds            id               label                role         place   when              digit lang     commands                    y/n action */
    {K(SCR_ATTRACT),  FLOW_START,      "button.start",      BTN_PRIMARY, NAV,    ALWAYS,           -1,   -1,      C(CMD_START),               -1, FLOW_ACT_TO_LANGUAGE},
    {K(SCR_ATTRACT),  FLOW_LANG_EN,    NULL,                BTN_ANSWER,  HIDDEN, ALWAYS,           -1,   LANG_EN, 0,                          -1, FLOW_ACT_LANG},
    {K(SCR_ATTRACT),  FLOW_LANG_ES,    NULL,                BTN_ANSWER,  HIDDEN, ALWAYS,           -1,   LANG_ES, 0,                          -1, FLOW_ACT_LANG},
    {K(SCR_ATTRACT),  FLOW_START_OVER, NULL,                BTN_NAV,     HIDDEN, ALWAYS,           -1,   -1,      0,                          -1, FLOW_ACT_NONE},

    {K(SCR_LANGUAGE), FLOW_LANG_EN,    "button.lang_en",    BTN_ANSWER,  ANSWER, ALWAYS,            1,   LANG_EN, 0,                          -1, FLOW_ACT_LANG},
    {K(SCR_LANGUAGE), FLOW_LANG_ES,    "button.lang_es",    BTN_ANSWER,  ANSWER, ALWAYS,            2,   LANG_ES, 0,                          -1, FLOW_ACT_LANG},
    {K(SCR_LANGUAGE), FLOW_BACK,       "button.back",       BTN_NAV,     NAV,    ALWAYS,           -1,   -1,      C(CMD_BACK),                -1, FLOW_ACT_TO_ATTRACT},

    {K(SCR_PRIVACY),  FLOW_BACK,       "button.back",       BTN_NAV,     NAV,    ALWAYS,           -1,   -1,      C(CMD_BACK),                -1, FLOW_ACT_TO_LANGUAGE},
    {K(SCR_PRIVACY),  FLOW_CONTINUE,   "button.continue",   BTN_PRIMARY, NAV,    ALWAYS,           -1,   -1,      C(CMD_START) | C(CMD_DONE),  1, FLOW_ACT_BEGIN},

    {K(SCR_QUESTION), FLOW_BACK,       "button.back",       BTN_NAV,     NAV,    ALWAYS,           -1,   -1,      C(CMD_BACK),                -1, FLOW_ACT_BACK},
    {K(SCR_QUESTION), FLOW_REPEAT,     "button.repeat",     BTN_NAV,     NAV,    FLOW_WHEN_SPEECH, -1,   -1,      0,                          -1, FLOW_ACT_REPEAT},
    {K(SCR_QUESTION), FLOW_DONT_KNOW,  "button.dont_know",  BTN_NAV,     NAV,    FLOW_WHEN_SKIP,   -1,   -1,      0,                          -1, FLOW_ACT_DONT_KNOW},
    {K(SCR_QUESTION), FLOW_SKIP,       "button.skip",       BTN_NAV,     NAV,    FLOW_WHEN_SKIP,   -1,   -1,      0,                          -1, FLOW_ACT_SKIP},
    {K(SCR_QUESTION), FLOW_DONE,       "button.done",       BTN_PRIMARY, NAV,    FLOW_WHEN_MULTI,  -1,   -1,      0,                          -1, FLOW_ACT_DONE},
    {K(SCR_QUESTION), NULL,            NULL,                BTN_NAV,     HIDDEN, ALWAYS,           -1,   -1,      C(CMD_DONE),                -1, FLOW_ACT_DONE},
    {K(SCR_QUESTION), NULL,            NULL,                BTN_NAV,     HIDDEN, ALWAYS,           -1,   -1,      C(CMD_DONT_KNOW),           -1, FLOW_ACT_SAID_DONT_KNOW},
    {K(SCR_QUESTION), NULL,            NULL,                BTN_NAV,     HIDDEN, ALWAYS,           -1,   -1,      C(CMD_SKIP),                -1, FLOW_ACT_SAID_SKIP},
    {K(SCR_QUESTION), NULL,            NULL,                BTN_NAV,     HIDDEN, ALWAYS,           -1,   -1,      C(CMD_HELP),                -1, FLOW_ACT_HELP},
    {K(SCR_QUESTION), NULL,            NULL,                BTN_NAV,     HIDDEN, ALWAYS,           -1,   -1,      C(CMD_START_OVER),          -1, FLOW_ACT_START_OVER},

    {K(SCR_CONFIRM),  FLOW_YES,        "button.yes",        BTN_ANSWER,  ANSWER, ALWAYS,            1,   -1,      0,                           1, FLOW_ACT_CONFIRM_YES},
    {K(SCR_CONFIRM),  FLOW_NO,         "button.no",         BTN_ANSWER,  ANSWER, ALWAYS,            2,   -1,      0,                           0, FLOW_ACT_CONFIRM_NO},
    {K(SCR_CONFIRM),  FLOW_BACK,       NULL,                BTN_NAV,     HIDDEN, ALWAYS,           -1,   -1,      0,                          -1, FLOW_ACT_CONFIRM_BACK},

    {K(SCR_URGENT),   FLOW_CONTINUE,   "button.staff_ack",  BTN_PRIMARY, NAV,    FLOW_WHEN_PIN,    -1,   -1,      C(CMD_START) | C(CMD_DONE),  1, FLOW_ACT_URGENT_GO_ON},
    {K(SCR_URGENT),   FLOW_CONTINUE,   "button.told_desk",  BTN_PRIMARY, NAV,    FLOW_WHEN_NO_PIN, -1,   -1,      C(CMD_START) | C(CMD_DONE),  1, FLOW_ACT_URGENT_GO_ON},

    {K(SCR_RESULTS),  FLOW_BACK,       "button.back",       BTN_NAV,     NAV,    ALWAYS,           -1,   -1,      C(CMD_BACK),                -1, FLOW_ACT_BACK},
    {K(SCR_RESULTS),  FLOW_REPEAT,     "button.repeat",     BTN_NAV,     NAV,    FLOW_WHEN_SPEECH, -1,   -1,      0,                          -1, FLOW_ACT_REPEAT},
    {K(SCR_RESULTS),  FLOW_FINISH,     "button.finish",     BTN_NAV,     NAV,    ALWAYS,           -1,   -1,      C(CMD_DONE),                 0, FLOW_ACT_FINISH},
    {K(SCR_RESULTS),  FLOW_PRINT,      "button.print",      BTN_PRIMARY, NAV,    ALWAYS,           -1,   -1,      0,                           1, FLOW_ACT_PRINT},

    {K(SCR_PRINT_FAILED), FLOW_FINISH, "button.finish",     BTN_NAV,     NAV,    ALWAYS,           -1,   -1,      C(CMD_DONE),                 0, FLOW_ACT_FINISH_HELD},
    {K(SCR_PRINT_FAILED), FLOW_RETRY,  "button.retry",      BTN_PRIMARY, NAV,    ALWAYS,           -1,   -1,      0,                           1, FLOW_ACT_PRINT},

    /* not while the summary is held for staff: Finish erased it at once, where the screen
       promised it for the next few minutes (seventeenth audit); the time-out ends it */
    {K(SCR_GOODBYE),  FLOW_FINISH,     "button.finish",     BTN_PRIMARY, NAV,    FLOW_WHEN_NOT_HELD, -1,  -1,      C(CMD_DONE) | C(CMD_START), -1, FLOW_ACT_END},

    /* on every patient screen: pressed by a front end (the Repeat key, a script) */
    {PATIENT,         FLOW_REPEAT,     NULL,                BTN_NAV,     HIDDEN, ALWAYS,           -1,   -1,      0,                          -1, FLOW_ACT_REPEAT},
    {PATIENT,         FLOW_START_OVER, NULL,                BTN_NAV,     HIDDEN, ALWAYS,           -1,   -1,      0,                          -1, FLOW_ACT_START_OVER},
    {SPOKEN | K(SCR_QUESTION), NULL,   NULL,                BTN_NAV,     HIDDEN, ALWAYS,           -1,   -1,      C(CMD_REPEAT),              -1, FLOW_ACT_REPEAT},
    {SPOKEN,          NULL,            NULL,                BTN_NAV,     HIDDEN, ALWAYS,           -1,   -1,      C(CMD_BACK),                -1, FLOW_ACT_PRESS_BACK},

    /* the staff menu: the PIN pad, a phone pad */
    {K(SCR_STAFF_PIN),    "1",            NULL,                 BTN_ANSWER,  ANSWER, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_TYPE},
    {K(SCR_STAFF_PIN),    "2",            NULL,                 BTN_ANSWER,  ANSWER, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_TYPE},
    {K(SCR_STAFF_PIN),    "3",            NULL,                 BTN_ANSWER,  ANSWER, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_TYPE},
    {K(SCR_STAFF_PIN),    "4",            NULL,                 BTN_ANSWER,  ANSWER, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_TYPE},
    {K(SCR_STAFF_PIN),    "5",            NULL,                 BTN_ANSWER,  ANSWER, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_TYPE},
    {K(SCR_STAFF_PIN),    "6",            NULL,                 BTN_ANSWER,  ANSWER, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_TYPE},
    {K(SCR_STAFF_PIN),    "7",            NULL,                 BTN_ANSWER,  ANSWER, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_TYPE},
    {K(SCR_STAFF_PIN),    "8",            NULL,                 BTN_ANSWER,  ANSWER, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_TYPE},
    {K(SCR_STAFF_PIN),    "9",            NULL,                 BTN_ANSWER,  ANSWER, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_TYPE},
    {K(SCR_STAFF_PIN),    "0",            NULL,                 BTN_ANSWER,  ANSWER, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_TYPE},
    {K(SCR_STAFF_PIN),    "staff_cancel", "staff.cancel",       BTN_NAV,     NAV,    ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_CLOSE},
    {K(SCR_STAFF_PIN),    "staff_delete", "staff.delete",       BTN_NAV,     NAV,    ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_DELETE},
    {K(SCR_STAFF_PIN),    "staff_ok",     "staff.ok",           BTN_PRIMARY, NAV,    ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_CHECK},
    {K(SCR_STAFF_PIN),    FLOW_BACK,      NULL,                 BTN_NAV,     HIDDEN, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_DELETE},
    /* locked: only Cancel */
    {K(SCR_STAFF_LOCKED), "staff_cancel", "staff.cancel",       BTN_PRIMARY, NAV,    ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_CLOSE},
    /* the commands, by keypad digit too */
    {K(SCR_STAFF_MENU),   "staff_vol_down", "staff.volume_down", BTN_ANSWER, ANSWER, ALWAYS,    1,   -1,      0,                          -1, STAFF_ACT_VOL_DOWN},
    {K(SCR_STAFF_MENU),   "staff_vol_up", "staff.volume_up",    BTN_ANSWER,  ANSWER, ALWAYS,    2,   -1,      0,                          -1, STAFF_ACT_VOL_UP},
    {K(SCR_STAFF_MENU),   "staff_lang",   "staff.language",     BTN_ANSWER,  ANSWER, ALWAYS,    3,   -1,      0,                          -1, STAFF_ACT_LANGUAGE},
    {K(SCR_STAFF_MENU),   "staff_test",   "staff.test_page",    BTN_ANSWER,  ANSWER, ALWAYS,    4,   -1,      0,                          -1, STAFF_ACT_TEST_PAGE},
    {K(SCR_STAFF_MENU),   "staff_restart", "staff.restart",     BTN_ANSWER,  ANSWER, ALWAYS,    5,   -1,      0,                          -1, STAFF_ACT_RESTART},
    {K(SCR_STAFF_MENU),   "staff_exit",   "staff.exit",         BTN_ANSWER,  ANSWER, ALWAYS,    6,   -1,      0,                          -1, STAFF_ACT_EXIT_ASK},
    {K(SCR_STAFF_MENU),   "staff_reprint", "staff.reprint",     BTN_ANSWER,  ANSWER, ALWAYS,    7,   -1,      0,                          -1, STAFF_ACT_REPRINT},
    {K(SCR_STAFF_MENU),   "staff_close",  "staff.close",        BTN_PRIMARY, NAV,    ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_CLOSE},
    /* "Exit the kiosk?": Cancel is the primary button, where the keyboard focus starts;
       no key confirms the exit */
    {K(SCR_STAFF_EXIT),   "staff_exit_no", "staff.cancel",      BTN_PRIMARY, NAV,    ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_EXIT_NO},
    {K(SCR_STAFF_EXIT),   "staff_exit_yes", "staff.exit_yes",   BTN_NAV,     NAV,    ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_EXIT},
    {K(SCR_STAFF_EXIT),   FLOW_BACK,      NULL,                 BTN_NAV,     HIDDEN, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_EXIT_NO},
    /* on every staff screen */
    {STAFF,               "staff_cancel", NULL,                 BTN_NAV,     HIDDEN, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_CLOSE},
    {STAFF,               "staff_close",  NULL,                 BTN_NAV,     HIDDEN, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_CLOSE},
    {STAFF,               STAFF_ESCAPE,   NULL,                 BTN_NAV,     HIDDEN, ALWAYS,   -1,   -1,      0,                          -1, STAFF_ACT_CLOSE},
};
/* clang-format on */

const size_t flow_nrows = sizeof flow_rows / sizeof flow_rows[0];

/* Whether a drawn language button's label, in any language, is what was said. */
static bool label_said(const Content *c, const FlowRow *r, const char *said)
{
    char label[256];
    if (r->lang < 0 || r->place == FLOW_PLACE_HIDDEN || !r->label)
        return false;
    for (int l = 0; l < LANG_COUNT; l++) {
        interp_normalize(content_ui(c, r->label, (Lang)l), label, sizeof label);
        if (strcmp(said, label) == 0)
            return true;
    }
    return false;
}

static bool row_matches(const Content *c, const FlowRow *r, FlowBy by, const char *id, int n)
{
    switch (by) {
    case FLOW_BY_ID:
        return r->id && strcmp(r->id, id) == 0;
    case FLOW_BY_DIGIT:
        return r->digit >= 0 && r->digit == n;
    case FLOW_BY_COMMAND:
        return n >= 0 && n < 32 && (r->commands & (1u << n));
    case FLOW_BY_YES_NO:
        return r->yes_no >= 0 && r->yes_no == n;
    case FLOW_BY_LABEL:
        return label_said(c, r, id);
    }
    return false;
}

bool flow_kind_is_staff(ScreenKind k)
{
    return k >= SCR_STAFF_PIN && k <= SCR_STAFF_EXIT;
}

const FlowRow *flow_row_find(const Content *c, ScreenKind k, unsigned when, FlowBy by,
                             const char *id, int n)
{
    for (size_t i = 0; i < flow_nrows; i++) {
        const FlowRow *r = &flow_rows[i];
        if ((r->kinds & FLOW_KIND(k)) && (when & (1u << r->when)) && row_matches(c, r, by, id, n))
            return r;
    }
    return NULL;
}

void flow_button_add(Button *arr, size_t *n, size_t max, const char *id, const char *label,
                     ButtonRole role, bool selected, int key, const char *region)
{
    if (*n >= max)
        return;
    Button *b = &arr[(*n)++];
    memset(b, 0, sizeof *b);
    snprintf(b->id, sizeof b->id, "%s", id);
    b->label = label;
    b->role = role;
    b->selected = selected;
    b->key = key;
    b->region = region;
}

void flow_rows_build(Screen *s, const Content *c, Lang lang, ScreenKind k, unsigned when)
{
    for (size_t i = 0; i < flow_nrows; i++) {
        const FlowRow *r = &flow_rows[i];
        if (!(r->kinds & FLOW_KIND(k)) || r->place == FLOW_PLACE_HIDDEN ||
            !(when & (1u << r->when)))
            continue;
        const char *label =
            r->label ? content_ui(c, r->label, r->lang >= 0 ? (Lang)r->lang : lang) : r->id;
        if (r->place == FLOW_PLACE_ANSWER)
            flow_button_add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, r->id, label, r->role,
                            r->lang >= 0 && r->lang == (int)lang, r->digit, NULL);
        else
            flow_button_add(s->nav, &s->nnav, SCREEN_MAX_NAV, r->id, label, r->role, false, -1,
                            NULL);
    }
}
