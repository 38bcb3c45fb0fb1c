#include "script.h"

#include <stdbool.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/file.h"
#include "../core/wipe.h"

#define STEP_MS 100
/* a test's list of steps: scripts/soak's 10,000 sessions are 3 MB */
#define SCRIPT_MAX_BYTES (16u << 20)
#define SCRIPT_MAX_LINE 1023
/* the longest timer of the kiosk (idle_seconds = 3600): a longer wait shows nothing more,
 * and `wait 99999999999999` would step through it for years */
#define SCRIPT_MAX_WAIT_MS 3600000L

static int fail(PkWhy *why, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Why a screenshot could not be written, from ui_open_private's errno. */
static const char *shot_reason(int err)
{
    return err == EINVAL || err == ENXIO ? "not a plain file (a FIFO or a device)"
           : err == EMLINK ? "the file has a second name (a hard link), so it is not replaced"
           : err == ELOOP  ? "a symlink, never followed"
           : err           ? strerror(err)
                           : "the image could not be made";
}

/* "script:LINE: what is wrong" into why; returns the script's exit code, 2. */
static int fail(PkWhy *why, int line, const char *fmt, ...)
{
    char what[PK_WHY_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    for (char *p = what; *p; p++) /* quoted words of the file: no terminal codes */
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?';
    pk_fail(why, PK_EINVAL, "script:%d: %s", line, what);
    return 2;
}

static SDL_Keycode parse_key(const char *name, Uint16 *mod)
{
    static const struct {
        const char *prefix;
        Uint16 mod;
    } mods[] = {{"Ctrl+", KMOD_LCTRL}, {"Alt+", KMOD_LALT}, {"Shift+", KMOD_LSHIFT}};
    *mod = KMOD_NONE;
    for (size_t i = 0; i < sizeof mods / sizeof mods[0]; i++) {
        size_t n = strlen(mods[i].prefix);
        if (strncmp(name, mods[i].prefix, n) == 0) {
            *mod |= mods[i].mod;
            name += n;
            i = (size_t)-1; /* look for another prefix */
        }
    }
    return SDL_GetKeyFromName(name);
}

static int run_line(Ui *ui, int n, const char *cmd, const char *arg, const char *shots,
                    const ScriptHooks *h, PkWhy *why)
{
    UiAction a;
    if (strcmp(cmd, "tap") == 0) {
        if (!ui_tap(ui, arg, &a))
            return fail(why, n, "no button '%s' on this screen", arg);
        if (a.kind != UI_ACT_NONE)
            h->action(h->ctx, &a);
    } else if (strcmp(cmd, "key") == 0) {
        SDL_Event ev = {.type = SDL_KEYDOWN};
        ev.key.keysym.sym = parse_key(arg, &ev.key.keysym.mod);
        if (ev.key.keysym.sym == SDLK_UNKNOWN)
            return fail(why, n, "unknown key '%s'", arg);
        if (ui_handle_event(ui, &ev, &a))
            h->action(h->ctx, &a);
    } else if (strncmp(cmd, "say", 3) == 0 && (cmd[3] == '\0' || cmd[3] == '@')) {
        char *end = (char *)cmd + 3;
        long conf = cmd[3] == '@' ? strtol(cmd + 4, &end, 10) : 100; /* "say@7x": no */
        if (!*arg || *end || end == cmd + 4 || conf < 0 || conf > 100)
            return fail(why, n, "say needs the words (say TEXT, or say@CONFIDENCE TEXT)");
        h->heard(h->ctx, arg, (int)conf);
    } else if (strcmp(cmd, "audio") == 0) {
        PkWhy reason = {""}; /* a FIFO read "file could not be read or written" */
        int err = h->audio(h->ctx, arg, &reason);
        if (err)
            return fail(why, n, "cannot recognise '%s': %s", arg,
                        err == PK_ENODEV      ? "the voice is off"
                        : reason.text[0] != 0 ? reason.text
                                              : pk_strerror(err));
    } else if (strcmp(cmd, "wait") == 0) {
        char *end;
        long ms = strtol(arg, &end, 10);
        if (end == arg || *end || ms < 0)
            return fail(why, n, "wait needs milliseconds, not '%s'", arg);
        if (ms > SCRIPT_MAX_WAIT_MS)
            return fail(why, n, "wait takes at most %ld ms (an hour)", SCRIPT_MAX_WAIT_MS);
        for (long left = ms; left > 0; left -= STEP_MS) {
            h->pass_time(h->ctx, left < STEP_MS ? (unsigned)left : STEP_MS);
            h->settle(h->ctx);
        }
    } else if (strcmp(cmd, "shot") == 0) {
        bool plain = *arg && !strchr(arg, '/');
        for (const char *p = arg; plain && *p; p++) /* a name in a folder: no terminal codes */
            plain = (unsigned char)*p >= 0x20 && *p != 0x7f;
        if (!plain)
            return fail(why, n, "shot needs a plain name");
        if (!shots)
            return 0;
        char path[1024];
        /* a path cut to fit named the PNG and the JSON alike, and one wrote over the other */
        if ((size_t)snprintf(path, sizeof path, "%s/%s.json", shots, arg) >= sizeof path)
            return fail(why, n, "the shot's path is longer than %zu bytes", sizeof path - 1);
        snprintf(path, sizeof path, "%s/%s.png", shots, arg);
        errno = 0;
        if (ui_save_png(ui, path) != 0)
            return fail(why, n, "cannot write '%s': %s", path, shot_reason(errno));
        snprintf(path, sizeof path, "%s/%s.json", shots, arg);
        errno = 0;
        if (ui_save_json(ui, path) != 0)
            return fail(why, n, "cannot write '%s': %s", path, shot_reason(errno));
    } else {
        return fail(why, n, "unknown command '%s' (tap, key, say, audio, wait, shot)", cmd);
    }
    return 0;
}

/* Splits one line into its command and argument (in place); false for a blank line or
 * a comment. */
static bool split_line(char *line, char **cmd, char **arg)
{
    char *c = line;
    while (*c == ' ' || *c == '\t')
        c++;
    if (!*c || *c == '#')
        return false;
    char *a = c + strcspn(c, " \t");
    if (*a)
        *a++ = '\0';
    while (*a == ' ' || *a == '\t')
        a++;
    *cmd = c;
    *arg = a;
    return true;
}

int script_run(Ui *ui, const char *path, const char *shots_dir, const ScriptHooks *h, PkWhy *why)
{
    /* A regular file only, read whole (a FIFO or a device is refused, never waited on).
     * The script's typed answers stand for a patient's: each line is wiped once it has
     * been played, the rest of the text at the end. */
    char *text;
    size_t len;
    PkWhy read_why = {""};
    if (file_read_regular(path, SCRIPT_MAX_BYTES, &text, &len, &read_why) != 0) {
        /* no line to name ("script:0:" pointed at a line that is not there) */
        pk_fail(why, PK_EINVAL, "cannot read the script %s: %s", path, read_why.text);
        return 2;
    }
    int n = 0, rc = 0;
    h->settle(h->ctx);
    char *start = len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? text + 3 : text; /* BOM */
    for (char *line = start; rc == 0 && line < text + len;) {
        char *nl = memchr(line, '\n', (size_t)(text + len - line));
        size_t l = nl ? (size_t)(nl - line) : (size_t)(text + len - line);
        char *next = line + l + (nl != NULL);
        line[l] = '\0';
        n++;
        bool nul = strlen(line) < l;
        if (l && line[l - 1] == '\r')
            line[--l] = '\0'; /* a Windows line end: not one of the line's characters */
        char *cmd, *arg;
        if (l > SCRIPT_MAX_LINE)
            rc = fail(why, n, "line longer than %d characters", SCRIPT_MAX_LINE);
        else if (nul)
            rc = fail(why, n, "NUL byte in the line");
        else if (split_line(line, &cmd, &arg)) {
            rc = run_line(ui, n, cmd, arg, shots_dir, h, why);
            h->settle(h->ctx);
        }
        wipe(line, l); /* a line done with: its words are the session's, not the script's */
        line = next;
    }
    wipe_free(text, len);
    return rc;
}
