/* The kiosk configuration file (kiosk.conf): the staff PIN and the defaults clinic IT
 * sets. Plain "key = value" lines; "#" starts a comment. Keys:
 *   staff_pin        4 to 8 digits; without it the staff menu is disabled
 *   default_language en | es
 *   default_volume   0..100
 *   printer          a CUPS destination name (default: the system default)
 *   paper            letter | a4 | receipt
 *   idle_seconds     quiet time before "Are you still there?" (default 60)
 *   countdown_seconds its countdown (default 20)
 *   results_idle_seconds the same on the results, which take longer to read (default 180)
 *   emergency_number  the safety net's emergency number (default 911)
 *   crisis_number     the number for thoughts of self-harm (default 988)
 *   clinic_phone      the clinic's phone for "call the clinic today" (default none)
 * The PIN lives only in this file, never in the program. */
#ifndef PK_APP_CONFIG_H
#define PK_APP_CONFIG_H

#include <stdbool.h>

#include "../core/lang.h"
#include "../core/summary.h"

typedef struct {
    char pin[16];      /* "" when the staff menu is disabled */
    Lang lang;         /* default language */
    int volume;        /* default volume 0..100 */
    char printer[128]; /* "" for the default destination */
    char paper[16];    /* "letter", "a4" or "receipt" */
    unsigned idle_ms, countdown_ms, results_idle_ms;
    SafetyNet safety; /* the numbers the safety net prints */
    char path[512];   /* the file read, or "" when none was found */
} KioskConfig;

/* Fills *cfg with the built-in settings: no staff PIN (menu off), English, letter paper,
 * the default timers and safety numbers. */
void config_defaults(KioskConfig *cfg);

/* Fills *cfg with the defaults, then reads the file: `path` when given (an unreadable
 * or invalid file is then an error), else /etc/ppkiosk/kiosk.conf, else
 * <assets_dir>/kiosk.conf.sample, else nothing. Only a regular file is read (a
 * directory, FIFO or device is refused, and never waited on), and a line longer than 511
 * characters is an error, never split. Returns 0, or PK_EIO / PK_EINVAL after a
 * one-line reason ("file:line: message") on stderr; *cfg then holds part of the file
 * (config_defaults starts over). */
int config_load(KioskConfig *cfg, const char *path, const char *assets_dir);

/* What is wrong with a CUPS queue name given as `printer` (in kiosk.conf or with
 * --printer), or NULL when it is one: ASCII letters, digits and signs without spaces or
 * / \ ? ' " @ #, shorter than KioskConfig's printer field (never cut). */
const char *config_printer_problem(const char *name);

/* Checks a PIN typed at the staff menu against the configured one, in time that does
 * not depend on where they differ. False when no PIN is configured. */
bool config_pin_ok(const KioskConfig *cfg, const char *typed);

#endif
