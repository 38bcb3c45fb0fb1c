/* The kiosk flow: which screen is shown and what each input does, for every front end
 * (the SDL screen, voice, the terminal). Front ends turn touches, keys and recognised
 * phrases into flow_press() / flow_input() calls, pass time with flow_tick(), and draw
 * and speak the Screen that flow_screen() describes. The flow owns the Session. What
 * each screen kind offers and what each input does there is one transition table
 * (flow_table.h), shared with the staff menu (staff.h).
 *
 * Screens: attract -> language -> privacy -> one question per screen -> results ->
 * printing -> goodbye -> (wipe) attract. The goodbye says whether anything was printed;
 * after a failed print the answers stay in memory under the normal timeout, so staff
 * can print them from their menu (flow_reprinted), and are erased after it. An urgent answer jumps
 * to the urgent screen at once; "continue" there resumes the interview. A low-confidence spoken
 * answer, or a spoken "yes" to a red-flag question, goes through the confirm screen. */
#ifndef PK_FLOW_H
#define PK_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "session.h"
#include "summary.h"

typedef enum {
    SCR_ATTRACT,
    SCR_LANGUAGE,
    SCR_PRIVACY,
    SCR_QUESTION,
    SCR_CONFIRM, /* "I heard seven - is that right?" */
    SCR_URGENT,  /* "Please tell the front desk now" */
    SCR_RESULTS,
    SCR_PRINTING,
    SCR_PRINT_FAILED,
    SCR_GOODBYE,
    /* the staff menu (staff.h) */
    SCR_STAFF_PIN,    /* the PIN pad */
    SCR_STAFF_LOCKED, /* the pad after wrong PINs, or just after the start */
    SCR_STAFF_MENU,   /* its commands */
    SCR_STAFF_EXIT,   /* "Exit the kiosk?" */
    SCR_COUNT
} ScreenKind;

/* Whether a screen kind is one of the staff menu's. */
bool flow_kind_is_staff(ScreenKind k);

typedef enum {
    BTN_ANSWER,  /* an option or a scale value */
    BTN_NAV,     /* back, repeat, skip, I don't know */
    BTN_PRIMARY, /* start, continue, done, print... */
} ButtonRole;

#define BUTTON_ID_MAX 32

typedef struct {
    char id[BUTTON_ID_MAX]; /* option id, "0".."10", or a command id below */
    const char *label;      /* in the screen's language; owned by the content */
    ButtonRole role;
    bool selected;      /* chosen (multi, or the earlier answer after "back") */
    int key;            /* the digit that picks it (1..9, 0 for scale 0/10 see below), or -1 */
    const char *region; /* body-diagram region of an area option, or NULL */
} Button;

/* Command button ids, also accepted by flow_press(): */
#define FLOW_START "start"
#define FLOW_LANG_EN "lang_en"
#define FLOW_LANG_ES "lang_es"
#define FLOW_CONTINUE                                                                              \
    "continue" /* privacy, urgent ("I have told the front desk", or "Staff:                        \
                  enter the PIN" when one is set), still-there */
#define FLOW_BACK "back"
#define FLOW_REPEAT "repeat"
#define FLOW_SKIP "skip"
#define FLOW_DONT_KNOW "dont_know"
#define FLOW_DONE "done"     /* multi questions */
#define FLOW_YES "yes"       /* confirm screen */
#define FLOW_NO "no"         /* confirm screen */
#define FLOW_PRINT "print"   /* results */
#define FLOW_FINISH "finish" /* results without printing, goodbye, print failed */
#define FLOW_RETRY "retry"   /* print failed */
#define FLOW_START_OVER "start_over"

#define SCREEN_MAX_ANSWERS CONTENT_MAX_OPTIONS
#define SCREEN_MAX_NAV 6
#define SCREEN_MAX_RUNS 12

typedef struct {
    ScreenKind kind;
    Lang lang;
    const char *title; /* the big text: the question, or the screen's heading */
    const char *body;  /* a paragraph under it, or NULL */
    /* "4 of 18" on questions, else "": two content texts and two counts, never cut (a
       translation of 26 bytes for "Safety check" lost the count, "1 of 7" read "1 de") */
    char progress[2 * CONTENT_MAX_TEXT_BYTES + 48];
    /* the sectioned progress bar: the question's place among all of them (asked or not,
       so the total never jumps), where each run of one section starts, and its name */
    int prog_pos, prog_total;       /* 1..total, and total; 0 when not a question */
    int prog_runs[SCREEN_MAX_RUNS]; /* the index each run of one section starts at */
    int nprog_runs;
    const char *section;      /* "Safety check 3 of 7", "About the birth"... */
    const Question *question; /* SCR_QUESTION and SCR_CONFIRM */
    Button answers[SCREEN_MAX_ANSWERS];
    size_t nanswers;
    Button nav[SCREEN_MAX_NAV]; /* buttons along the bottom, primary last */
    size_t nnav;
    const char *low, *high; /* scale anchors, or NULL */
    const Summary *summary; /* SCR_RESULTS, SCR_PRINTING, SCR_PRINT_FAILED, SCR_URGENT */
    int still_there;        /* seconds left on "Are you still there?", 0 when not shown */
    const char *still_title, *still_body; /* its text, with the seconds filled in */
    const char *heard;                    /* what was last understood by voice, or NULL */
    const char *detail; /* SCR_URGENT: the specific concern, for small type only */
    const char *banner; /* after an urgent answer: the red line every later screen shows */
    unsigned serial;    /* changes whenever anything on the screen changes */
} Screen;

/* The timings a FlowConfig left at 0 gets. */
#define FLOW_DEFAULT_IDLE_MS 60000u          /* quiet time before "Are you still there?" */
#define FLOW_DEFAULT_COUNTDOWN_MS 20000u     /* its countdown */
#define FLOW_DEFAULT_RESULTS_IDLE_MS 180000u /* the same on the results */

typedef struct {
    Lang default_lang;
    unsigned idle_ms;         /* quiet time before "Are you still there?" (0: the default) */
    unsigned countdown_ms;    /* its countdown (0: the default) */
    int confirm_below;        /* voice confidence (0..100) below which answers are confirmed */
    unsigned results_idle_ms; /* the same on the results, which take time to read (0: the
                                 default) */
    bool no_speech;           /* the front end cannot speak: no Repeat button */
    bool no_listen;           /* nor listen: the start screen asks for a tap only */
    SafetyNet safety;         /* the safety-net numbers; all "" for the defaults */
    bool staff_pin;           /* a staff PIN is set: the urgent screen needs it to go on */
} FlowConfig;

/* What an input did, for the front end to react to (redraw, speak, print). */
typedef enum {
    FLOW_IGNORED = 0,         /* nothing changed */
    FLOW_CHANGED,             /* the screen changed: redraw and speak it */
    FLOW_NOT_UNDERSTOOD,      /* tell the patient it was not understood; screen unchanged */
    FLOW_NOTHING_CHOSEN,      /* Done with no answer chosen: tell her to choose, or skip */
    FLOW_REPEAT_REQUESTED,    /* speak the current screen again */
    FLOW_HELP_REQUESTED,      /* speak the question's help text */
    FLOW_PRINT_REQUESTED,     /* print flow_summary(), then call flow_print_done() */
    FLOW_STAFF_PIN_REQUESTED, /* the urgent screen needs staff: ask for the staff PIN, then
                                 call flow_urgent_acknowledge() */
} FlowEvent;

typedef struct Flow Flow;

/* A flow at the attract screen. The content must outlive the flow. NULL on no memory. */
Flow *flow_new(const Content *c, const FlowConfig *cfg);

/* Wipes the session and frees the flow. NULL is allowed. */
void flow_free(Flow *f);

const Screen *flow_screen(const Flow *f);

/* Skips attract, language and privacy: starts a session at the first question in the
 * given language (terminal mode, scripts). */
void flow_begin(Flow *f, Lang lang);

/* A button was pressed (touch, mouse, keyboard focus + Enter): id is a Button id. */
FlowEvent flow_press(Flow *f, const char *id);

/* Confidence of typed text: it is what the patient meant, so it is never confirmed. */
#define FLOW_TYPED (-1)

/* A phrase was typed (confidence FLOW_TYPED) or recognised (confidence 0..100). Goes
 * through the answer interpreter; numbers pick numbered options. A spoken answer below
 * FlowConfig.confirm_below (the recogniser's calibrated confidence, models/voice.conf)
 * and any spoken "yes" to a red-flag question go to the confirm screen first. */
FlowEvent flow_input(Flow *f, const char *text, int confidence);

/* The recogniser's best other answer (words, "" for none) to the phrase of the next
 * flow_input(): when the patient says "no" to the confirmation, it is offered once
 * ("I heard: six. Is that right?") before the question is asked again. Ignored
 * outside question screens. */
void flow_runner_up(Flow *f, const char *text);

/* A digit key (0-9) was pressed: picks the numbered option or scale value. */
FlowEvent flow_digit(Flow *f, int digit);

/* Time passed (ms since the last call). Drives "Are you still there?" and the wipe
 * that follows it. Any press/input resets the idle timer. */
FlowEvent flow_tick(Flow *f, unsigned elapsed_ms);

/* The front end finished the print job that FLOW_PRINT_REQUESTED asked for: err is 0
 * or a negative PK_E* code. Moves to goodbye, or to the print-failed screen. */
FlowEvent flow_print_done(Flow *f, int err);

/* Staff printed the summary again (from their menu) after the patient's print failed:
 * the session ends with the "printed" goodbye. Ignored when nothing is held. */
FlowEvent flow_reprinted(Flow *f);

/* The front end found it can (or cannot) speak: Repeat is offered only when it can. */
void flow_set_speech(Flow *f, bool can_speak);

/* Whether the front end can listen (a microphone and the recogniser): without, the
 * start screen says and shows "tap the screen" alone, never "or say start". */
void flow_set_listen(Flow *f, bool can_listen);

/* The patient did something only the screen saw (paged or scrolled the results,
 * switched between the plan and the summary or the picture and the list, moved the
 * focus, tapped where nothing is): the idle time starts again, and "Are you still
 * there?", which asks her to tap the screen, closes. FLOW_CHANGED when it closed, else
 * FLOW_IGNORED. (A patient reading her plan for three minutes, paging through it, was
 * asked whether she was there and lost her answers when she missed the box.) */
FlowEvent flow_active(Flow *f);

/* The language the next session starts in (staff changed it): the session under way,
 * if any, keeps its own. */
void flow_set_default_lang(Flow *f, Lang lang);

/* The current summary (built when the results are reached or an urgent flag is raised),
 * or NULL. */
const Summary *flow_summary(const Flow *f);

/* A count that changes each time "start over" wipes the session and asks the first
 * question again, without the attract screen between: the kiosk's cue that whatever was
 * heard before belongs to an interview that is gone. */
unsigned flow_starts_over(const Flow *f);

const Session *flow_session(const Flow *f);

/* Writes what should be spoken for the current screen into buf (title, options or
 * summary headings, in the screen's language). Returns the length of the whole text, as
 * snprintf does: when it is size or more, buf holds only the pieces that fit, and the
 * caller asks again with a buffer of the returned length + 1 (speech is never cut). */
size_t flow_speech(const Flow *f, char *buf, size_t size);

/* What follows flow_speech() on the screens shown in both languages (attract, language):
 * the same words in the other language, which it stores in *lang. Writes "" for every
 * other screen. Returns the length of the whole text, as flow_speech() does. */
size_t flow_speech_other(const Flow *f, Lang *lang, char *buf, size_t size);

/* A short name for a screen kind ("attract", "question", "staff"...), for logs and
 * structure dumps. */
const char *flow_kind_name(ScreenKind k);

/* The current question's help text (or a "no more help" line), for the Help command. */
const char *flow_help(const Flow *f);

/* Staff (how = URGENT_ACK_STAFF) or the patient (URGENT_ACK_PATIENT) acknowledged the
 * urgent screen: records it for the summary and resumes the interview. Ignored on any
 * other screen. */
FlowEvent flow_urgent_acknowledge(Flow *f, int how);

/* Her input has ended (the terminal's end of file) with an answer awaiting her "yes": a
 * red-flag "not sure" (a hedge such as "maybe") is recorded as said, since being unsure
 * of a safety question sends her to a person and a dropped one was lost from the
 * printout; any other answer, and a "start over", is dropped (her answers stay).
 * FLOW_CHANGED when an answer was recorded, else FLOW_IGNORED. */
FlowEvent flow_end_of_input(Flow *f);

/* Ends the session at once (staff menu, inactivity): wipes it and shows attract. */
void flow_reset(Flow *f);

#endif
