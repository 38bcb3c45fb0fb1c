/* The staff menu: a PIN pad, then exit / volume / default language / test page /
 * restart. It is described as a Screen (kind SCR_COUNT) so the ordinary renderer draws
 * it; the kiosk feeds it presses and digits and carries out the commands it returns.
 * Staff-facing words are English. */
#ifndef PK_UI_STAFF_H
#define PK_UI_STAFF_H

#include <stdbool.h>

#include "../core/flow.h"

typedef enum {
    STAFF_NONE = 0,
    STAFF_CHECK_PIN, /* check staff->typed, then call staff_unlock() */
    STAFF_CLOSE,     /* the menu closed: back to the patient screens */
    STAFF_EXIT,      /* quit the program */
    STAFF_VOLUME,    /* staff->volume changed */
    STAFF_LANGUAGE,  /* staff->lang changed */
    STAFF_TEST_PAGE, /* print a test page */
    STAFF_RESTART,   /* end the patient's session */
    STAFF_REPRINT,   /* print the patient's summary again (after a failed print) */
} StaffCommand;

#define STAFF_PIN_MAX 8

typedef struct {
    bool open, unlocked;
    char typed[STAFF_PIN_MAX + 1];
    int fails;
    int volume;
    Lang lang;
    char message[160]; /* the last result, e.g. of the test page */
    char body[320];
    Screen screen;
    unsigned idle_ms;
} Staff;

/* Opens the menu at the PIN pad, showing the given current settings. */
void staff_open(Staff *st, int volume, Lang lang);

/* A button or key of the menu (a Button id, or "back" / UI_ID_ESCAPE from the keys). */
StaffCommand staff_press(Staff *st, const char *id);

/* A digit key. */
StaffCommand staff_digit(Staff *st, int digit);

/* The result of STAFF_CHECK_PIN: opens the menu or counts a failure (three close it). */
StaffCommand staff_unlock(Staff *st, bool ok);

/* Sets the message line (e.g. the test page result) and redraws. */
void staff_message(Staff *st, const char *msg);

/* Time passes; closes the menu after two quiet minutes. */
StaffCommand staff_tick(Staff *st, unsigned ms);

#endif
