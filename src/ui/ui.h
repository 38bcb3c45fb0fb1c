/* The touch screen: one SDL2 window (or an offscreen surface for scripted tests) that
 * draws whatever Screen the flow describes and turns touches, clicks and keys into
 * button presses. It decides nothing: the caller feeds its UiAction results to the
 * flow (flow_press, flow_digit) and calls ui_show() with the new screen.
 *
 * Layout is data: each screen becomes a list of boxes (text, buttons, body-diagram
 * regions) sized from the window, which the renderer draws, the pointer and keyboard
 * hit-test, and ui_layout_check() verifies (every label fits, every target is big
 * enough, contrast is high enough). Text is rendered once per layout into textures. */
#ifndef PK_UI_H
#define PK_UI_H

#include <stdbool.h>
#include <stdio.h>

#include <SDL.h>

#include "../core/content.h"
#include "../core/error.h"
#include "../core/flow.h"

typedef struct Ui Ui;

typedef struct {
    int width, height;    /* window size when windowed or offscreen */
    bool fullscreen;      /* kiosk: full screen on the current display */
    bool offscreen;       /* draw into a memory surface with the software renderer */
    const char *font_dir; /* optional: a directory to look for DejaVu fonts first */
    /* optional: receives the window's diagnostic lines for the journal (one line, no
     * newline: "screen 1920x1080 (x11, full screen)"); the library itself never prints */
    void (*log)(void *ctx, const char *line);
    void *log_ctx;
} UiOptions;

/* The id a UI_ACT_PRESS carries for the Escape key (the kiosk decides what it means:
 * nothing on patient screens, "close" in the staff menu). */
#define UI_ID_ESCAPE "ui_escape"

typedef enum {
    UI_ACT_NONE = 0,
    UI_ACT_PRESS,         /* a button or region was activated: id */
    UI_ACT_DIGIT,         /* a digit key: digit */
    UI_ACT_STAFF_GESTURE, /* the hidden staff gesture was made */
    UI_ACT_ACTIVITY,      /* an input only the screen took (a page, a view switched, a
                             scroll, the focus moved, a tap where nothing is): she is there */
} UiActionKind;

typedef struct {
    UiActionKind kind;
    char id[BUTTON_ID_MAX];
    int digit;
} UiAction;

/* What the voice is doing, for the small indicator in the corner. */
typedef struct {
    bool can_speak, can_listen;
    bool listening;
    float level; /* 0..1 */
} UiVoiceState;

/* Opens the window (or offscreen surface), the renderer and the fonts. Returns 0 and a
 * new Ui in *out, or PK_ENOMEM, PK_ENOENT (no fonts) or PK_ENODEV (no display) with a
 * one-line reason in why (may be NULL). The content must outlive the Ui. */
int ui_open(Ui **out, const UiOptions *o, const Content *c, PkWhy *why);

/* Frees the textures, the fonts, the renderer and the window. NULL is allowed. */
void ui_close(Ui *ui);

/* Shows a screen (the flow's, or one the caller built, like the staff menu, with kind
 * SCR_STAFF_*). The layout is rebuilt only when the screen's serial, the window size or
 * the pointer changes. The screen must stay valid until the next ui_show(). */
void ui_show(Ui *ui, const Screen *s);

/* Sets the voice indicator; redraws only when it visibly changes. */
void ui_set_voice(Ui *ui, const UiVoiceState *v);

/* Shows a short notice above the buttons (e.g. "Sorry, I did not understand") until
 * ui_clear_notice() or the next screen change. The text must stay valid meanwhile. */
void ui_set_notice(Ui *ui, const char *text);
void ui_clear_notice(Ui *ui);

/* Handles one SDL event (pointer, wheel, key, window size). Returns true and fills
 * *act when it activates something, or when the screen took the input itself (a page,
 * a scroll, a view switched, the focus moved, a tap where nothing is: UI_ACT_ACTIVITY).
 * Quit requests are not handled here. */
bool ui_handle_event(Ui *ui, const SDL_Event *ev, UiAction *act);

/* The action a tap on the target with this id would make: true when the current screen
 * has such a target (a button, or a body region when the diagram shows it). */
bool ui_tap(Ui *ui, const char *id, UiAction *act);

/* Draws the screen if anything changed since the last call. Returns true if it drew. */
bool ui_render(Ui *ui);

/* Draws unconditionally (benchmarks). */
void ui_render_force(Ui *ui);

/* Draws an empty frame: clear and present only (the benchmark's baseline). */
void ui_render_empty(Ui *ui);

/* Times `frames` redraws of the current screen and as many empty frames, and prints
 * the medians, 99th percentiles and their ratios as one line to out. */
void ui_bench(Ui *ui, int frames, FILE *out, const char *label);

/* Saves the current picture as a PNG. A screenshot may show a patient's answers: the file
 * is created with mode 0600 and never written through a symlink. Returns 0 or PK_EIO. */
int ui_save_png(Ui *ui, const char *path);

/* Saves the structure of the current picture as JSON: the screen kind and every box
 * drawn (id, role, text, position, size, badge, selected, focused), for tests that assert on
 * what a screen shows. Created like ui_save_png's file. Returns 0 or PK_EIO. */
int ui_save_json(Ui *ui, const char *path);

/* Checks the current layout: every label fits its box at no less than the minimum
 * text size, every target is at least the minimum size, text contrast at least 7:1.
 * Prints one line per violation to out (prefixed with where) and returns how many. */
int ui_layout_check(Ui *ui, FILE *out, const char *where);

/* How many times the layout was built: it changes without a new screen too (the body
 * picture or list picked, the plan shown, a new window size), and a check of every
 * layout compares it. */
unsigned ui_layout_count(const Ui *ui);

#endif
