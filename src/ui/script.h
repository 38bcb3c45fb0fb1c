/* The script driver for headless runs (--script FILE): reads lines `tap ID`, `key NAME`
 * (an SDL key name, optionally with Ctrl+/Alt+/Shift+), `say TEXT` (or `say@NN TEXT`
 * with a recognition confidence NN), `audio FILE.wav`, `wait MS` and `shot NAME`, and
 * plays them through the real ui as if a person had done them. What they mean is left
 * to the caller's hooks; time passes only through the hooks, never for real. */
#ifndef PK_UI_SCRIPT_H
#define PK_UI_SCRIPT_H

#include "ui.h"

typedef struct {
    void *ctx;
    /* a tap or key activated something (the same as a touch or key press) */
    void (*action)(void *ctx, const UiAction *a);
    /* words heard by voice (or typed), with a confidence 0..100 */
    void (*heard)(void *ctx, const char *text, int confidence);
    /* a WAV file to recognise; returns 0 once its result was handled, or a PK_E* code
       with the reason in why when it has one ("is a device, not a file") */
    int (*audio)(void *ctx, const char *path, PkWhy *why);
    /* ms milliseconds passed (called in steps of at most 100 ms) */
    void (*pass_time)(void *ctx, unsigned ms);
    /* after every line and time step: finish pending work and show the screen */
    void (*settle)(void *ctx);
} ScriptHooks;

/* Runs the script at path, saving shots as DIR/NAME.png when shots_dir is not NULL.
 * Returns 0, or 2 with "script:LINE: what is wrong" in why (an unknown command or key,
 * a tap on a button the screen does not have, an unreadable file; control characters
 * shown as '?'): the caller prints it, the script's author reads it. A UTF-8 byte-order
 * mark at the start is passed over. Each line is wiped once it has been played (a `say`
 * line stands for a patient's words), and the whole text when the script ends. */
int script_run(Ui *ui, const char *path, const char *shots_dir, const ScriptHooks *h, PkWhy *why);

#endif
