/* libFuzzer: the --script reader (ui/script.c) on any file, with a stand-in screen that
 * has the buttons "start", "yes" and "no". Whatever the file holds, a line runs only
 * whole: no command comes from the middle of a line, no argument holds a line break or
 * is longer than a line may be, a confidence is 0 to 100, and a refusal says
 * "script:LINE: ..." with a line the file has, without control characters. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- a stand-in for the screen ---- */

bool ui_tap(Ui *ui, const char *id, UiAction *act)
{
    (void)ui;
    if (strcmp(id, "start") && strcmp(id, "yes") && strcmp(id, "no"))
        return false;
    act->kind = UI_ACT_PRESS;
    snprintf(act->id, sizeof act->id, "%s", id);
    return true;
}

bool ui_handle_event(Ui *ui, const SDL_Event *ev, UiAction *act)
{
    (void)ui;
    act->kind = UI_ACT_DIGIT;
    act->digit = (int)(ev->key.keysym.sym & 7);
    return true;
}

int ui_save_png(Ui *ui, const char *path)
{
    (void)ui, (void)path;
    return 0;
}

int ui_save_json(Ui *ui, const char *path)
{
    (void)ui, (void)path;
    return 0;
}

/* ---- the hooks check what reaches them ---- */

static void check_arg(const char *s)
{
    size_t n = strlen(s);
    if (n > 1023 || strchr(s, '\n'))
        __builtin_trap();
}

static void on_action(void *ctx, const UiAction *a)
{
    (void)ctx;
    if (a->kind == UI_ACT_PRESS)
        check_arg(a->id);
}

static void on_heard(void *ctx, const char *text, int confidence)
{
    (void)ctx;
    check_arg(text);
    if (!*text || confidence < 0 || confidence > 100)
        __builtin_trap();
}

static int on_audio(void *ctx, const char *p, PkWhy *why)
{
    (void)ctx, (void)why;
    check_arg(p);
    return p[0] == 'x' ? PK_ENODEV : 0;
}

static unsigned long waited;

static void on_pass_time(void *ctx, unsigned ms)
{
    (void)ctx;
    if (ms > 100)
        __builtin_trap();
    waited += ms;
}

static void on_settle(void *ctx)
{
    (void)ctx;
}

static char path[256];

__attribute__((destructor)) static void remove_file(void)
{
    if (path[0])
        unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0])
        snprintf(path, sizeof path, "%s/ppkiosk-fuzz-script-%d",
                 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
    size_t lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    ScriptHooks h = {NULL, on_action, on_heard, on_audio, on_pass_time, on_settle};
    PkWhy why = {""};
    int rc = script_run(NULL, path, NULL, &h, &why);
    if (rc) {
        int line = -1;
        if (rc != 2 || sscanf(why.text, "script:%d:", &line) != 1 || line < 1 ||
            (size_t)line > lines)
            __builtin_trap();
        for (const char *p = why.text; *p; p++) /* one line, no terminal codes */
            if ((unsigned char)*p < 0x20 || *p == 0x7f)
                __builtin_trap();
    }
    return 0;
}
