/* Internal to the kiosk mode (kiosk.c, kiosk_script.c): its state, and the steps the
 * interactive loop and a script both drive. */
#ifndef PK_APP_KIOSK_H
#define PK_APP_KIOSK_H

#include <SDL.h>

#include "../core/flow.h"
#include "../core/staff.h"
#include "../print/printer.h"
#include "../ui/ui.h"
#include "../voice/voice.h"
#include "app.h"
#include "config.h"

typedef struct {
    const AppOptions *o;
    const Content *c;
    KioskConfig cfg;
    bool cfg_invalid; /* kiosk.conf was refused: the built-in settings, staff menu off */
    FlowConfig fcfg;
    Flow *flow;
    Ui *ui;
    Voice *voice;
    Staff staff;
    bool script;
    bool quit;

    /* what was last shown and spoken */
    unsigned shown_serial;
    const Screen *shown;
    ScreenKind spoken_kind;
    const Question *spoken_q;
    int spoken_still;
    Lang spoken_lang;
    bool spoken_valid;
    unsigned starts_over; /* flow_starts_over() when the voice last began a session */
    int quiet;            /* listening time-outs in a row on this screen */
    Uint32 notice_left;

    /* the print job, on a thread of its own */
    SDL_Thread *print_thread;
    SDL_atomic_t print_done;
    int print_err;
    bool print_test;    /* a staff test page rather than a summary */
    bool print_reprint; /* the summary again, from the staff menu */
    bool replace_flow;  /* a new flow once the job is done (the summary outlives it) */
    const Summary *print_sum;
    Paper paper;
    PkWhy print_why;

    /* script mode */
    bool layout_check;
    int violations;
    unsigned checked_serial;
    const Screen *checked;
    unsigned checked_layouts; /* ui_layout_count() at the last check */
    bool outputs_written;
    int rc;
    int bench; /* PPKIOSK_BENCH: frames to time at the end of a script */
    Uint64 t0; /* when the kiosk mode started */
} Kiosk;

/* The screen shown: the staff menu's when it is open, else the flow's. */
const Screen *kiosk_current(const Kiosk *k);

/* A touch, key or gesture the ui reported. */
void kiosk_act(Kiosk *k, const UiAction *a);

/* Words typed or recognised (confidence FLOW_TYPED or 0..100). */
void kiosk_heard(Kiosk *k, const char *text, int confidence);

/* Drains the voice events; returns true when one was a recognition result. */
bool kiosk_voice_drain(Kiosk *k);

/* Time passes for the flow, the notice and the staff menu. */
void kiosk_pass_time(Kiosk *k, unsigned ms);

/* Collects a finished print job (or waits for it when wait is set). */
void kiosk_print_poll(Kiosk *k, bool wait);

/* Shows the current screen; speaks and listens when it is a different screen. */
void kiosk_sync_screen(Kiosk *k);

/* Runs o->script headless (kiosk_script.c); returns the exit code. */
int kiosk_run_script(Kiosk *k);

#endif
