/* The staff menu: a PIN pad, then exit / volume / default language / test page /
 * restart / print again. Its screens (SCR_STAFF_*) are rows of the kiosk's transition
 * table like the patient's, so the ordinary renderer draws them; the front end feeds it
 * presses, digits and time and carries out the commands it returns. Its words come from
 * the content (ui.json "staff.*"), in the menu's language.
 *
 * Guessing the PIN: three wrong PINs lock the pad, for one minute, then two, four...
 * up to the lock-out limit; the lock-out survives closing the menu (it lives in
 * StaffGuard, which staff_open keeps) and the pad is locked for the limit when the
 * kiosk starts, its lock-outs then at the limit until a right PIN ends the growth, so
 * restarting the process never waits less than the guard would (only
 * the urgent acknowledgement may use the pad then, once: staff_open_ack). Exit asks to
 * confirm, on a screen whose confirm button has no key. */
#ifndef PK_STAFF_H
#define PK_STAFF_H

#include <stdbool.h>

#include "content.h"
#include "flow.h"

typedef enum {
    STAFF_NONE = 0,
    STAFF_CHECK_PIN,    /* check staff->typed (staff_pin_ok), then call staff_unlock() */
    STAFF_CLOSE,        /* the menu closed: back to the patient screens */
    STAFF_LOCKED,       /* wrong PINs locked the pad (log it); the menu closed */
    STAFF_EXIT,         /* quit the program */
    STAFF_VOLUME,       /* staff->volume changed */
    STAFF_LANGUAGE,     /* staff->lang changed */
    STAFF_TEST_PAGE,    /* print a test page */
    STAFF_RESTART,      /* end the patient's session */
    STAFF_REPRINT,      /* print the patient's summary again (after a failed print) */
    STAFF_ACKNOWLEDGED, /* the right PIN on a pad opened by staff_open_ack(): the patient
                           may go on (flow_urgent_acknowledge); the menu closed */
} StaffCommand;

#define STAFF_PIN_MAX 8
#define STAFF_TRIES 3                    /* wrong PINs before a lock-out */
#define STAFF_LOCK_FIRST_MS 60000u       /* the first lock-out; each next one doubles */
#define STAFF_LOCK_LIMIT_MS (5 * 60000u) /* the longest lock-out, also applied at start */
#define STAFF_IDLE_MS 120000u            /* quiet time that closes the menu */

/* The id a front end presses for its Escape key: closes the menu. */
#define STAFF_ESCAPE "staff_escape"

/* What must survive closing the menu. */
typedef struct {
    unsigned fails;     /* wrong PINs since the last lock-out or right PIN */
    unsigned lockouts;  /* lock-outs since the last right PIN */
    unsigned locked_ms; /* time left before the pad takes a PIN again */
    bool startup;       /* the lock is the one at start, which acknowledging the urgent
                           screen skips (see staff_open_ack) */
} StaffGuard;

typedef struct {
    bool open, unlocked, confirm_exit;
    bool ack; /* opened by staff_open_ack(): the PIN only acknowledges the urgent screen */
    /* one digit more than a PIN can have: a longer entry is a wrong PIN, never cut to a
       right one (the digits past the 8th were dropped, and 12345678999 opened the menu) */
    char typed[STAFF_PIN_MAX + 2];
    unsigned over; /* digits typed past typed's room: Delete takes these off first */
    StaffGuard guard;
    const Content *content;
    int volume;
    Lang lang;
    char message[160]; /* the last result, e.g. of the test page */
    char body[400];
    Screen screen;
    unsigned idle_ms;
    int last_row; /* the flow_rows[] index the last press or digit went through, or -1 */
} Staff;

/* Once, at start: the menu closed, its words from c, the pad locked for
 * STAFF_LOCK_LIMIT_MS, and each lock-out STAFF_LOCK_LIMIT_MS long until a right PIN. */
void staff_init(Staff *st, const Content *c);

/* Opens the menu at the PIN pad, showing the given current settings (the words in
 * lang). Keeps the guard. */
void staff_open(Staff *st, int volume, Lang lang);

/* Opens the PIN pad for staff to acknowledge the urgent screen (the words in lang): the
 * right PIN gives STAFF_ACKNOWLEDGED, never the menu. Keeps the guard, whose lock-outs
 * after wrong PINs hold here too; but the lock at start does not, so staff can let a
 * patient go on right after a restart. A wrong PIN while that lock runs locks the pad at
 * once for STAFF_LOCK_LIMIT_MS (a real lock-out), so each restart gives one try at most
 * and the menu stays locked. */
void staff_open_ack(Staff *st, Lang lang);

/* A button or key of the menu (a Button id, FLOW_BACK for Backspace, STAFF_ESCAPE). */
StaffCommand staff_press(Staff *st, const char *id);

/* A digit key. */
StaffCommand staff_digit(Staff *st, int digit);

/* The result of STAFF_CHECK_PIN: opens the menu (or acknowledges, see staff_open_ack)
 * or counts a failure (STAFF_TRIES lock the pad and close the menu: STAFF_LOCKED). An
 * empty PIN is no try: the pad stays as it is. */
StaffCommand staff_unlock(Staff *st, bool ok);

/* Whether typed is the configured PIN, in time that does not depend on where they
 * differ. False when no PIN is configured (pin is ""). */
bool staff_pin_ok(const char *pin, const char *typed);

/* Sets the message line (e.g. the test page result) and redraws. */
void staff_message(Staff *st, const char *msg);

/* A staff string of the content in the menu's language. */
const char *staff_text(const Staff *st, const char *key);

/* Time passes, whether the menu is open or not (the lock-out runs down); closes the
 * menu after STAFF_IDLE_MS quiet. */
StaffCommand staff_tick(Staff *st, unsigned ms);

#endif
