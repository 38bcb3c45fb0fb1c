#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/error.h"
#include "../core/flow.h"
#include "../core/kv.h"
#include "../core/staff.h"
#include "../core/wipe.h"
#include "../voice/voice.h"

#define SYSTEM_CONFIG "/etc/ppkiosk/kiosk.conf"

static bool parse_uint(const char *v, long lo, long hi, long *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || *end || n < lo || n > hi)
        return false;
    *out = n;
    return true;
}

static bool all_digits(const char *s)
{
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

/* A phone number as the safety lines print it ("Call 911 now"): digits, spaces and
 * + ( ) - . only, with at least one digit; "" passes (clinic_phone may be empty). */
static bool phone_like(const char *v)
{
    bool digit = false;
    for (const char *p = v; *p; p++) {
        if (isdigit((unsigned char)*p))
            digit = true;
        else if (!strchr(" +()-.", *p))
            return false;
    }
    return digit || !*v;
}

const char *config_printer_problem(const char *name)
{
    if (strlen(name) >= sizeof((KioskConfig *)0)->printer)
        return "printer name is too long";
    /* cupsd names a queue without them; and ASCII only: a right-to-left mark or another
       invisible character (U+202E) made the name staff read differ from the one the
       kiosk used */
    for (const char *p = name; *p; p++)
        if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f || strchr("/\\?'\"@#", *p))
            return "printer must be a queue name of ASCII letters, digits and signs, "
                   "without spaces or / \\ ? ' \" @ #";
    return NULL;
}

static const char unknown_setting[] = "unknown setting"; /* apply_kv names the key */

/* Applies one "key = value"; returns NULL or what is wrong. */
static const char *apply(KioskConfig *cfg, const char *key, const char *v)
{
    long n;
    if (strcmp(key, "staff_pin") == 0) {
        size_t len = strlen(v);
        if (len < 4 || len > 8 || !all_digits(v))
            return "staff_pin must be 4 to 8 digits";
        snprintf(cfg->pin, sizeof cfg->pin, "%s", v);
    } else if (strcmp(key, "default_language") == 0) {
        if (lang_parse(v, &cfg->lang) != 0)
            return "default_language must be en or es";
    } else if (strcmp(key, "default_volume") == 0) {
        if (!parse_uint(v, 0, 100, &n))
            return "default_volume must be a number from 0 to 100";
        cfg->volume = (int)n;
    } else if (strcmp(key, "printer") == 0) {
        const char *problem = config_printer_problem(v);
        if (problem)
            return problem;
        snprintf(cfg->printer, sizeof cfg->printer, "%s", v);
    } else if (strcmp(key, "paper") == 0) {
        if (strcmp(v, "letter") && strcmp(v, "a4") && strcmp(v, "receipt"))
            return "paper must be letter, a4 or receipt";
        snprintf(cfg->paper, sizeof cfg->paper, "%s", v);
    } else if (strcmp(key, "idle_seconds") == 0) {
        if (!parse_uint(v, 5, 3600, &n))
            return "idle_seconds must be a number from 5 to 3600";
        cfg->idle_ms = (unsigned)n * 1000u;
    } else if (strcmp(key, "results_idle_seconds") == 0) {
        if (!parse_uint(v, 5, 3600, &n))
            return "results_idle_seconds must be a number from 5 to 3600";
        cfg->results_idle_ms = (unsigned)n * 1000u;
    } else if (strcmp(key, "countdown_seconds") == 0) {
        if (!parse_uint(v, 5, 600, &n))
            return "countdown_seconds must be a number from 5 to 600";
        cfg->countdown_ms = (unsigned)n * 1000u;
    } else if (strcmp(key, "emergency_number") == 0 || strcmp(key, "crisis_number") == 0 ||
               strcmp(key, "clinic_phone") == 0) {
        char *dst = key[0] == 'e'   ? cfg->safety.emergency
                    : key[1] == 'r' ? cfg->safety.crisis
                                    : cfg->safety.clinic;
        size_t size = key[0] == 'e'   ? sizeof cfg->safety.emergency
                      : key[1] == 'r' ? sizeof cfg->safety.crisis
                                      : sizeof cfg->safety.clinic;
        if (strlen(v) >= size || !phone_like(v))
            return "phone numbers must be short and plain, like 911 or (555) 010-0199";
        if (!*v && key[1] != 'l')
            return "emergency_number and crisis_number cannot be empty";
        snprintf(dst, size, "%s", v);
    } else {
        return unknown_setting;
    }
    return NULL;
}

static int apply_kv(void *ctx, const char *key, const char *value, PkWhy *why)
{
    const char *wrong = apply(ctx, key, value);
    if (wrong == unknown_setting)
        return pk_fail(why, PK_EINVAL, "unknown setting '%s'", key);
    return wrong ? pk_fail(why, PK_EINVAL, "%s", wrong) : 0;
}

void config_defaults(KioskConfig *cfg)
{
    wipe(cfg, sizeof *cfg); /* it may hold a PIN read before a bad line */
    cfg->lang = LANG_EN;
    cfg->volume = VOICE_DEFAULT_VOLUME;
    snprintf(cfg->paper, sizeof cfg->paper, "letter");
    cfg->idle_ms = FLOW_DEFAULT_IDLE_MS;
    cfg->countdown_ms = FLOW_DEFAULT_COUNTDOWN_MS;
    cfg->results_idle_ms = FLOW_DEFAULT_RESULTS_IDLE_MS;
    cfg->safety = summary_default_safety();
}

int config_load(KioskConfig *cfg, const char *path, const char *assets_dir)
{
    config_defaults(cfg);
    if (path && !*path) { /* "--config $UNSET" ran on the built-in settings without a word */
        fprintf(stderr, "ppkiosk: cannot read the configuration: the path given is empty\n");
        return PK_EINVAL; /* a usage error: exit 2 */
    }
    char sample[512] = "";
    if (assets_dir)
        snprintf(sample, sizeof sample, "%s/kiosk.conf.sample", assets_dir);
    const char *tries[2] = {path ? path : SYSTEM_CONFIG, path ? NULL : sample};
    for (int i = 0; i < 2; i++) {
        if (!tries[i] || !*tries[i])
            continue;
        PkWhy why = {""};
        int line = 0;
        int rc = kv_read(tries[i], tries[i], apply_kv, cfg, &line, &why);
        if (rc == PK_ENOENT && !line && !path)
            continue;
        if (rc && !line) {
            fprintf(stderr, "ppkiosk: cannot read the configuration %s: %s\n", tries[i], why.text);
            return rc == PK_ENOENT ? PK_EIO : rc;
        }
        if (rc) {
            fprintf(stderr, "%s\n", why.text);
            return rc;
        }
        snprintf(cfg->path, sizeof cfg->path, "%s", tries[i]);
        struct stat st;
        if (cfg->pin[0] && stat(tries[i], &st) == 0 && (st.st_mode & S_IROTH))
            fprintf(stderr,
                    "ppkiosk: warning: %s is readable by everyone (it holds the staff "
                    "PIN): chmod 640 it\n",
                    tries[i]);
        /* through the lock-outs (3 tries, then at most 5 minutes): 864 tries a day */
        size_t digits = strlen(cfg->pin);
        if (digits && digits < 6)
            fprintf(stderr,
                    "ppkiosk: warning: staff_pin has %zu digits: someone trying PINs at the "
                    "kiosk finds it in about %s despite the lock-outs; 6 to 8 digits take "
                    "years\n",
                    digits, digits == 4 ? "6 days" : "2 months");
        return 0;
    }
    return 0;
}

bool config_pin_ok(const KioskConfig *cfg, const char *typed)
{
    return staff_pin_ok(cfg->pin, typed);
}
