#include "script.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/wipe.h"

#define STEP_MS 100

static int fail(PkWhy *why, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* "script:LINE: what is wrong" into why; returns the script's exit code, 2. */
static int fail(PkWhy *why, int line, const char *fmt, ...)
{
    char what[PK_WHY_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
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
        int conf = cmd[3] == '@' ? atoi(cmd + 4) : 100;
        if (!*arg || conf < 0 || conf > 100)
            return fail(why, n, "say needs the words (say TEXT, or say@CONFIDENCE TEXT)");
        h->heard(h->ctx, arg, conf);
    } else if (strcmp(cmd, "audio") == 0) {
        int err = h->audio(h->ctx, arg);
        if (err)
            return fail(why, n, "cannot recognise '%s' (is the voice on?)", arg);
    } else if (strcmp(cmd, "wait") == 0) {
        char *end;
        long ms = strtol(arg, &end, 10);
        if (end == arg || *end || ms < 0)
            return fail(why, n, "wait needs milliseconds, not '%s'", arg);
        for (long left = ms; left > 0; left -= STEP_MS) {
            h->pass_time(h->ctx, left < STEP_MS ? (unsigned)left : STEP_MS);
            h->settle(h->ctx);
        }
    } else if (strcmp(cmd, "shot") == 0) {
        if (!*arg || strchr(arg, '/'))
            return fail(why, n, "shot needs a plain name");
        if (!shots)
            return 0;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s.png", shots, arg);
        if (ui_save_png(ui, path) != 0)
            return fail(why, n, "cannot write '%s'", path);
        snprintf(path, sizeof path, "%s/%s.json", shots, arg);
        if (ui_save_json(ui, path) != 0)
            return fail(why, n, "cannot write '%s'", path);
    } else {
        return fail(why, n, "unknown command '%s' (tap, key, say, audio, wait, shot)", cmd);
    }
    return 0;
}

int script_run(Ui *ui, const char *path, const char *shots_dir, const ScriptHooks *h, PkWhy *why)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return fail(why, 0, "cannot read %s: %s", path, strerror(errno));
    /* The script's typed answers stand for a patient's: its buffers are wiped. */
    static char iobuf[4096];
    setvbuf(f, iobuf, _IOFBF, sizeof iobuf);
    char line[1024];
    int n = 0, rc = 0;
    h->settle(h->ctx);
    while (rc == 0 && fgets(line, sizeof line, f)) {
        n++;
        line[strcspn(line, "\r\n")] = '\0';
        char *cmd = line;
        while (*cmd == ' ' || *cmd == '\t')
            cmd++;
        if (!*cmd || *cmd == '#')
            continue;
        char *arg = cmd + strcspn(cmd, " \t");
        if (*arg)
            *arg++ = '\0';
        while (*arg == ' ' || *arg == '\t')
            arg++;
        rc = run_line(ui, n, cmd, arg, shots_dir, h, why);
        wipe(line, sizeof line);
        h->settle(h->ctx);
    }
    fclose(f);
    wipe(iobuf, sizeof iobuf);
    return rc;
}
