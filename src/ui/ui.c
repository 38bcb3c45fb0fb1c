/* The Ui object: window or offscreen surface, the screen being shown, pointer and
 * keyboard handling with a visible focus, screenshots and the layout check. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_image.h>

#include "../core/error.h"
#include "../core/wipe.h"
#include "ui_int.h"

#define STAFF_TAPS 5
#define STAFF_WINDOW_MS 3000

/* Starts the SDL subsystem and the font and image libraries (noted in ui for
 * ui_close). */
static int start_libraries(Ui *ui, const UiOptions *o, PkWhy *why)
{
    Uint32 sub = o->offscreen ? SDL_INIT_EVENTS : SDL_INIT_VIDEO;
    if (SDL_InitSubSystem(sub) != 0)
        return pk_fail(why, PK_ENODEV, "no display: %s", SDL_GetError());
    ui->subsystem = sub;
    if (TTF_Init() != 0)
        return pk_fail(why, PK_ENODEV, "cannot start the font renderer: %s", TTF_GetError());
    ui->ttf = true;
    IMG_Init(IMG_INIT_PNG);
    return 0;
}

/* Creates the offscreen surface or the window, and the renderer. */
static int open_renderer(Ui *ui, const UiOptions *o, PkWhy *why)
{
    if (o->offscreen) {
        ui->surface =
            SDL_CreateRGBSurfaceWithFormat(0, o->width, o->height, 32, SDL_PIXELFORMAT_ARGB8888);
        if (ui->surface)
            ui->ren = SDL_CreateSoftwareRenderer(ui->surface);
    } else {
        ui->win = ui_window_create(ui, o);
        ui->input_guard = ui->win != NULL;
        if (ui->win) {
            ui->ren = SDL_CreateRenderer(ui->win, -1,
                                         SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
            if (!ui->ren)
                ui->ren = SDL_CreateRenderer(ui->win, -1, SDL_RENDERER_SOFTWARE);
        }
        ui_window_start(ui);
        if (o->fullscreen)
            SDL_ShowCursor(SDL_DISABLE);
        SDL_DisableScreenSaver();
    }
    if (!ui->ren)
        return pk_fail(why, PK_ENODEV, "cannot open the screen: %s", SDL_GetError());
    ui_window_output_size(ui);
    if (ui_draw_init(ui) != 0)
        return pk_fail(why, PK_ENODEV, "cannot draw: %s", SDL_GetError());
    return 0;
}

int ui_open(Ui **out, const UiOptions *o, const Content *c, PkWhy *why)
{
    *out = NULL;
    Ui *ui = calloc(1, sizeof *ui);
    if (!ui)
        return pk_fail(why, PK_ENOMEM, "out of memory");
    ui->content = c;
    ui->log = o->log;
    ui->log_ctx = o->log_ctx;
    ui->focus = ui->pressed = ui->doc_box = ui->notice_box = -1;
    ui->voice.can_speak = ui->voice.can_listen = true;
    int err = ui_font_find(ui, o->font_dir, why);
    if (err == 0) {
        ui_window_hints(o);
        err = start_libraries(ui, o, why);
    }
    if (err == 0)
        err = open_renderer(ui, o, why);
    if (err) {
        ui_close(ui); /* the one teardown: it frees whatever was made */
        return err;
    }
    ui->dirty = true;
    *out = ui;
    return 0;
}

void ui_close(Ui *ui)
{
    if (!ui)
        return;
    ui_layout_free_textures(ui);
    ui_doc_free(ui);
    for (int b = 0; b < 2; b++)
        for (int i = 0; i <= UI_FONT_MAX_PX; i++)
            if (ui->fonts[b][i])
                TTF_CloseFont(ui->fonts[b][i]);
    if (ui->circle)
        SDL_DestroyTexture(ui->circle);
    if (ui->ren)
        SDL_DestroyRenderer(ui->ren);
    if (ui->win)
        SDL_DestroyWindow(ui->win);
    if (ui->surface)
        SDL_FreeSurface(ui->surface);
    if (ui->ttf) {
        IMG_Quit();
        TTF_Quit();
    }
    if (ui->subsystem)
        SDL_QuitSubSystem(ui->subsystem);
    memset(ui, 0, sizeof *ui);
    free(ui);
}

void ui_logf(const Ui *ui, const char *fmt, ...)
{
    if (!ui->log)
        return;
    char line[PK_WHY_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    ui->log(ui->log_ctx, line);
}

static bool is_target(const UiBox *b)
{
    return (b->kind == BX_BUTTON || b->kind == BX_REGION) && b->id[0];
}

static bool has_modal(const Ui *ui)
{
    for (int i = 0; i < ui->nboxes; i++)
        if (ui->boxes[i].modal)
            return true;
    return false;
}

static bool usable(const Ui *ui, int i, bool modal)
{
    return is_target(&ui->boxes[i]) && ui->boxes[i].modal == modal;
}

/* The focus a new screen starts with: the earlier answer, else the first answer, else
 * the last (primary) button. On the PIN pad, OK: digits are typed with the digit keys,
 * and Return then checks the PIN (with the focus on the first digit it typed a "1"). */
static int default_focus(const Ui *ui)
{
    bool modal = has_modal(ui);
    int first = -1, last = -1, primary = -1;
    for (int i = 0; i < ui->nboxes; i++) {
        if (!usable(ui, i, modal))
            continue;
        if (ui->boxes[i].primary)
            primary = i;
        if (ui->boxes[i].selected && ui->boxes[i].answer)
            return i;
        if (first < 0 && ui->boxes[i].answer)
            first = i;
        last = i;
    }
    const Screen *s = ui->screen;
    if (s && (s->nanswers == 0 || s->kind == SCR_STAFF_PIN) && !modal)
        return primary >= 0 ? primary : last;
    return first >= 0 ? first : last;
}

static int find_target(const Ui *ui, const char *id)
{
    bool modal = has_modal(ui);
    for (int i = 0; i < ui->nboxes; i++)
        if (usable(ui, i, modal) && strcmp(ui->boxes[i].id, id) == 0)
            return i;
    return -1;
}

/* Lays the screen out again. new_screen: her choice of view (picture or list, plan or
 * summary, the region tapped) starts afresh; new_focus: the focus starts where a new
 * screen's does. "Are you still there?" coming or going takes a new focus but keeps the
 * view: she was put back at the top of her summary, out of the plan she was reading. */
static void relayout_as(Ui *ui, bool new_screen, bool new_focus)
{
    char keep[BUTTON_ID_MAX] = "";
    if (!new_focus && ui->focus >= 0 && ui->focus < ui->nboxes)
        snprintf(keep, sizeof keep, "%s", ui->boxes[ui->focus].id);
    if (new_screen) {
        ui->body_mode = BODY_MODE_AUTO;
        wipe(ui->tapped, sizeof ui->tapped); /* an area she chose: not its first byte only */
        ui->doc_plan = false;
    }
    if (ui->screen->kind != SCR_RESULTS && ui->ndoc)
        ui_doc_free(ui);
    ui_layout_build(ui);
    ui->layouts++;
    ui->pressed = -1;
    ui->focus = keep[0] ? find_target(ui, keep) : -1;
    if (ui->focus < 0)
        ui->focus = default_focus(ui);
    wipe(keep, sizeof keep); /* a chip's id: an area she chose */
    ui->have_layout = true;
    ui->dirty = true;
}

static void relayout(Ui *ui, bool new_screen)
{
    relayout_as(ui, new_screen, new_screen);
}

void ui_show(Ui *ui, const Screen *s)
{
    /* the previous screen may be gone (a new flow): compare what was remembered */
    bool new_screen = !ui->have_layout || ui->shown_kind != s->kind ||
                      ui->shown_question != s->question || ui->shown_lang != s->lang;
    bool was_modal = ui->have_layout && has_modal(ui);
    bool modal_change = was_modal != (s->still_there > 0);
    ui->screen = s;
    /* "Are you still there?" coming or going counts as a new screen: a double tap on its
       Continue once answered "Not sure" to the safety question under it */
    if (new_screen || modal_change) {
        ui->shown_at = SDL_GetTicks();
        ui->shown_unseen = true;
        ui->dirty = true; /* the guard holds until it is drawn */
    }
    ui->shown_kind = s->kind;
    ui->shown_question = s->question;
    ui->shown_lang = s->lang;
    if (!ui->have_layout || s->serial != ui->serial || new_screen) {
        if (new_screen)
            ui->notice = NULL;
        ui->serial = s->serial;
        relayout_as(ui, new_screen, new_screen || modal_change);
    }
}

void ui_set_voice(Ui *ui, const UiVoiceState *v)
{
    int old = (int)(ui->voice.level * 8), now = (int)(v->level * 8);
    if (v->can_speak != ui->voice.can_speak || v->can_listen != ui->voice.can_listen ||
        v->listening != ui->voice.listening || (v->listening && old != now))
        ui->dirty = true;
    ui->voice = *v;
}

void ui_set_notice(Ui *ui, const char *text)
{
    if (ui->notice == text)
        return;
    ui->notice = text;
    if (ui->screen)
        relayout(ui, false);
}

void ui_clear_notice(Ui *ui)
{
    ui_set_notice(ui, NULL);
}

static bool point_in(const UiBox *b, int x, int y)
{
    if (x < b->r.x || y < b->r.y || x >= b->r.x + b->r.w || y >= b->r.y + b->r.h)
        return false;
    return true;
}

static int target_at(const Ui *ui, int x, int y)
{
    bool modal = has_modal(ui);
    if (!modal && ui->notice_box >= 0 && ui->notice_box < ui->nboxes &&
        point_in(&ui->boxes[ui->notice_box], x, y))
        return -1; /* what she sees there is the notice, whatever lies under it */
    for (int i = ui->nboxes - 1; i >= 0; i--)
        if (usable(ui, i, modal) && point_in(&ui->boxes[i], x, y))
            return i;
    return -1;
}

/* An input the screen took itself: nothing to press, but the patient is there. */
static bool activity(UiAction *act)
{
    act->kind = UI_ACT_ACTIVITY;
    return true;
}

static bool press(UiAction *act, const char *id)
{
    act->kind = UI_ACT_PRESS;
    snprintf(act->id, sizeof act->id, "%s", id);
    return true;
}

/* Activates box i: internal targets act here; others become a press for the caller. */
static bool activate(Ui *ui, int i, UiAction *act)
{
    const UiBox *b = &ui->boxes[i];
    memset(act, 0, sizeof *act);
    if (strcmp(b->id, UI_ID_PAGE_UP) == 0 || strcmp(b->id, UI_ID_PAGE_DOWN) == 0) {
        ui_doc_page(ui, strcmp(b->id, UI_ID_PAGE_UP) == 0 ? -1 : 1);
        return activity(act);
    }
    if (strcmp(b->id, UI_ID_SHOW_PLAN) == 0 || strcmp(b->id, UI_ID_SHOW_SUMMARY) == 0) {
        ui->doc_plan = strcmp(b->id, UI_ID_SHOW_PLAN) == 0;
        relayout(ui, false);
        ui->focus = find_target(ui, ui->doc_plan ? UI_ID_SHOW_SUMMARY : UI_ID_SHOW_PLAN);
        if (ui->focus < 0)
            ui->focus = default_focus(ui);
        return activity(act);
    }
    if (strcmp(b->id, UI_ID_SHOW_LIST) == 0 || strcmp(b->id, UI_ID_SHOW_BODY) == 0) {
        char id[BUTTON_ID_MAX];
        snprintf(id, sizeof id, "%s", b->id);
        ui->body_mode = strcmp(id, UI_ID_SHOW_LIST) == 0 ? BODY_MODE_LIST : BODY_MODE_DIAGRAM;
        relayout(ui, false);
        ui->focus = find_target(ui, id);
        if (ui->focus < 0)
            ui->focus = default_focus(ui);
        return activity(act);
    }
    bool chip = strncmp(b->id, UI_ID_CHIP, strlen(UI_ID_CHIP)) == 0; /* removes its area */
    const char *id = chip ? b->id + strlen(UI_ID_CHIP) : b->id;
    if (chip || b->kind == BX_REGION) /* its name is shown once the flow has the answer */
        snprintf(ui->tapped, sizeof ui->tapped, "%s", id);
    return press(act, id);
}

bool ui_tap(Ui *ui, const char *id, UiAction *act)
{
    memset(act, 0, sizeof *act);
    int i = find_target(ui, id);
    if (i < 0)
        return false;
    ui->show_focus = false;
    activate(ui, i, act);
    return true;
}

/* Moves the focus: step +1/-1 in order (Tab), or to the nearest target in direction
 * (dx, dy) for the arrow keys, wrapping in order when there is none. */
static void move_focus(Ui *ui, int step, int dx, int dy)
{
    bool modal = has_modal(ui);
    int cur = ui->focus;
    if (cur < 0 || !usable(ui, cur, modal)) {
        ui->focus = default_focus(ui);
        ui->dirty = true;
        return;
    }
    int best = -1;
    if (dx || dy) {
        const SDL_Rect *c = &ui->boxes[cur].r;
        long cx = c->x + c->w / 2, cy = c->y + c->h / 2, best_score = 0;
        for (int i = 0; i < ui->nboxes; i++) {
            if (i == cur || !usable(ui, i, modal))
                continue;
            const SDL_Rect *r = &ui->boxes[i].r;
            long ox = r->x + r->w / 2 - cx, oy = r->y + r->h / 2 - cy;
            long along = ox * dx + oy * dy, across = labs(ox * dy) + labs(oy * dx);
            if (along <= 0 || across > along * 3)
                continue;
            long score = along + 2 * across;
            if (best < 0 || score < best_score) {
                best = i;
                best_score = score;
            }
        }
        step = dx + dy;
    }
    if (best < 0) {
        int n = ui->nboxes;
        for (int k = 1; k <= n; k++) {
            int i = ((cur + step * k) % n + n) % n;
            if (usable(ui, i, modal)) {
                best = i;
                break;
            }
        }
    }
    if (best >= 0)
        ui->focus = best;
    ui->dirty = true;
}

/* The digit of a digit key (top row or keypad), or -1. */
static int key_digit(SDL_Keycode key)
{
    if (key >= SDLK_0 && key <= SDLK_9)
        return key - SDLK_0;
    if (key >= SDLK_KP_1 && key <= SDLK_KP_9)
        return key - SDLK_KP_1 + 1;
    return key == SDLK_KP_0 ? 0 : -1;
}

/* The keys that move the focus or scroll the results. Returns false for any other. */
static bool navigation_key(Ui *ui, SDL_Keycode key, Uint16 mod)
{
    bool results = ui->doc_box >= 0;
    switch (key) {
    case SDLK_TAB:
        move_focus(ui, (mod & KMOD_SHIFT) ? -1 : 1, 0, 0);
        return true;
    case SDLK_RIGHT:
    case SDLK_LEFT:
        move_focus(ui, key == SDLK_RIGHT ? 1 : -1, key == SDLK_RIGHT ? 1 : -1, 0);
        return true;
    case SDLK_UP:
    case SDLK_DOWN:
        if (results && !has_modal(ui))
            ui_doc_page(ui, key == SDLK_UP ? -1 : 1); /* a whole view, as the page buttons */
        else
            move_focus(ui, key == SDLK_UP ? -1 : 1, 0, key == SDLK_UP ? -1 : 1);
        return true;
    case SDLK_PAGEUP:
    case SDLK_PAGEDOWN:
        if (results)
            ui_doc_page(ui, key == SDLK_PAGEUP ? -1 : 1);
        return true;
    case SDLK_HOME:
    case SDLK_END:
        if (results)
            ui_doc_scroll_by(ui, key == SDLK_HOME ? -ui->doc_height : ui->doc_height);
        return true;
    default:
        return false;
    }
}

/* How long a new screen takes no press or answer key: a second press that soon (a
 * double tap, a bouncing key) was meant for the screen before, not for one nobody has
 * read yet (it once answered the next safety question). Only with a real window: the
 * script front end presses at once on purpose. */
#define INPUT_GUARD_MS 350u

/* True while a new screen is not on the display yet, and for INPUT_GUARD_MS after it
 * is: a kiosk held up between two presses that came together (a loaded machine) took
 * the second once the guard's time had passed, before the screen it answered was
 * drawn. */
static bool too_soon(const Ui *ui)
{
    return ui->input_guard &&
           (ui->shown_unseen || !SDL_TICKS_PASSED(SDL_GetTicks(), ui->shown_at + INPUT_GUARD_MS));
}

/* A key held down repeats: the repeats move the focus on, but never answer, press or
 * type anything (a held key once answered a dozen safety questions in a second). */
static bool key_event(Ui *ui, SDL_Keycode key, Uint16 mod, bool repeat, UiAction *act)
{
    memset(act, 0, sizeof *act);
    bool was_shown = ui->show_focus;
    ui->show_focus = true;
    ui->dirty |= !was_shown;
    /* a digit typed on the PIN pad is never held back: it shows as a dot, Delete takes it
       back, and staff type fast (a PIN typed at once after Return opened the pad was lost
       whole, and a wrong PIN just after a start locks the pad for five minutes) */
    bool pin_digit = ui->screen && ui->screen->kind == SCR_STAFF_PIN && key_digit(key) >= 0 &&
                     !(mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI));
    if (repeat || (too_soon(ui) && !pin_digit)) {
        if (!(mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)))
            navigation_key(ui, key, mod);
        return false;
    }
    if ((mod & KMOD_CTRL) && (mod & KMOD_ALT) && key == SDLK_s) {
        act->kind = UI_ACT_STAFF_GESTURE;
        return true;
    }
    if (mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI))
        return false; /* no shortcut closes or changes anything */
    int digit = key_digit(key);
    if (digit >= 0) {
        act->kind = UI_ACT_DIGIT;
        act->digit = digit;
        return true;
    }
    if (navigation_key(ui, key, mod))
        return activity(act); /* reading or moving on the screen is being there */
    switch (key) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        if (ui->focus >= 0 && ui->focus < ui->nboxes && is_target(&ui->boxes[ui->focus]))
            return activate(ui, ui->focus, act);
        return false;
    case SDLK_BACKSPACE:
        return press(act, FLOW_BACK);
    case SDLK_ESCAPE:
        return press(act, UI_ID_ESCAPE);
    default:
        return false;
    }
}

static bool corner_tap(Ui *ui, int x, int y)
{
    int zone = ui->m.target_min * 2;
    if (x > zone || y > zone) {
        ui->ncorner = 0;
        return false;
    }
    Uint32 now = SDL_GetTicks();
    if (ui->ncorner == STAFF_TAPS)
        ui->ncorner = 0;
    ui->corner_taps[ui->ncorner++] = now;
    if (ui->ncorner == STAFF_TAPS && now - ui->corner_taps[0] <= STAFF_WINDOW_MS) {
        ui->ncorner = 0;
        return true;
    }
    if (ui->ncorner == STAFF_TAPS) { /* too slow: keep the last taps */
        memmove(ui->corner_taps, ui->corner_taps + 1, sizeof ui->corner_taps[0] * (STAFF_TAPS - 1));
        ui->ncorner--;
    }
    return false;
}

/* Pointer coordinates come in window points; the layout is in output pixels (they
 * differ on high-density displays). */
static int to_pixels(const Ui *ui, int v, bool horizontal)
{
    int ww = 0, wh = 0;
    if (ui->win)
        SDL_GetWindowSize(ui->win, &ww, &wh);
    int points = horizontal ? ww : wh, pixels = horizontal ? ui->w : ui->h;
    return points > 0 ? (int)((long)v * pixels / points) : v;
}

static bool pointer_down(Ui *ui, const SDL_MouseButtonEvent *e, UiAction *act)
{
    if (e->button != SDL_BUTTON_LEFT)
        return false;
    int x = to_pixels(ui, e->x, true), y = to_pixels(ui, e->y, false);
    if (ui->show_focus) {
        ui->show_focus = false;
        ui->dirty = true;
    }
    if (corner_tap(ui, x, y)) {
        act->kind = UI_ACT_STAFF_GESTURE;
        return true;
    }
    if (too_soon(ui))
        return false; /* nothing pressed: its release activates nothing */
    int t = target_at(ui, x, y);
    ui->pressed = t >= 0 ? t : UI_PRESS_EMPTY;
    if (ui->pressed >= 0)
        ui->focus = ui->pressed;
    if (ui->doc_box >= 0 && ui->pressed < 0 && point_in(&ui->boxes[ui->doc_box], x, y)) {
        ui->dragging = true;
        ui->drag_y = y;
        ui->drag_scroll = ui->scroll;
    }
    ui->dirty = true;
    return false;
}

/* A release over the target that was pressed activates it. */
static bool pointer_up(Ui *ui, const SDL_MouseButtonEvent *e, UiAction *act)
{
    if (e->button != SDL_BUTTON_LEFT)
        return false;
    int p = ui->pressed;
    ui->pressed = -1;
    ui->dragging = false;
    ui->dirty = true;
    if (p >= 0 && target_at(ui, to_pixels(ui, e->x, true), to_pixels(ui, e->y, false)) == p)
        return activate(ui, p, act);
    /* the start screen says "Tap the screen": a tap anywhere starts, as Start does (only
     * Start did); not a tap in the staff corner, where five open the staff menu */
    if (p == UI_PRESS_EMPTY && ui->screen->kind == SCR_ATTRACT)
        return ui->ncorner ? false : press(act, FLOW_START);
    /* a tap where nothing is, or the end of a drag through the results: she is there
       ("Are you still there?" asks her to tap the screen, not a button) */
    return p < 0 ? activity(act) : false;
}

bool ui_handle_event(Ui *ui, const SDL_Event *ev, UiAction *act)
{
    memset(act, 0, sizeof *act);
    bool resized = ui_window_event(ui, ev);
    if (!ui->screen)
        return false;
    switch (ev->type) {
    case SDL_WINDOWEVENT:
    case SDL_DISPLAYEVENT:
        if (resized ||
            (ev->type == SDL_WINDOWEVENT && ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED))
            relayout(ui, false);
        else
            ui->dirty = true; /* exposed, shown, moved: draw again */
        return false;
    case SDL_KEYDOWN:
        return key_event(ui, ev->key.keysym.sym, ev->key.keysym.mod, ev->key.repeat != 0, act);
    case SDL_MOUSEBUTTONDOWN:
        return pointer_down(ui, &ev->button, act);
    case SDL_MOUSEMOTION:
        if (ui->dragging && (ev->motion.state & SDL_BUTTON_LMASK)) {
            ui_doc_scroll_by(ui, ui->drag_scroll -
                                     (to_pixels(ui, ev->motion.y, false) - ui->drag_y) -
                                     ui->scroll);
        }
        return false;
    case SDL_MOUSEBUTTONUP:
        return pointer_up(ui, &ev->button, act);
    case SDL_MOUSEWHEEL:
        ui_doc_scroll_by(ui, -ev->wheel.y * 3 * ui_text_line_height(ui, ui->m.f_body, false));
        return activity(act);
    default:
        return false;
    }
}

bool ui_render(Ui *ui)
{
    /* the drawable can change size without an event reaching us first (Wayland applies
     * a new size with the next frame): the layout always follows the real one */
    ui_window_tick(ui);
    int w = ui->w, h = ui->h;
    ui_window_output_size(ui);
    if ((w != ui->w || h != ui->h) && ui->screen)
        relayout(ui, false);
    if (!ui->dirty || !ui->screen)
        return false;
    ui_render_force(ui);
    return true;
}

void ui_render_force(Ui *ui)
{
    SDL_SetRenderDrawColor(ui->ren, 0xff, 0xff, 0xff, 0xff);
    SDL_RenderClear(ui->ren);
    if (ui->screen)
        ui_render_all(ui);
    SDL_RenderPresent(ui->ren);
    ui->dirty = false;
    /* the guard counts from when the screen can be read, not from when it was asked
       for: a slow frame (a loaded machine) once ate most of it, and a press meant for
       the screen before answered the new one */
    if (ui->shown_unseen) {
        ui->shown_unseen = false;
        ui->shown_at = SDL_GetTicks();
    }
}

void ui_render_empty(Ui *ui)
{
    SDL_SetRenderDrawColor(ui->ren, 0xff, 0xff, 0xff, 0xff);
    SDL_RenderClear(ui->ren);
    SDL_RenderPresent(ui->ren);
    ui->dirty = true;
}

/* Writes s as a PNG through ui_open_private. */
static int save_surface(SDL_Surface *s, const char *path)
{
    FILE *f = ui_open_private(path);
    if (!f)
        return PK_EIO;
    SDL_RWops *rw = SDL_RWFromFP(f, SDL_TRUE); /* closes f */
    if (!rw) {
        fclose(f);
        return PK_EIO;
    }
    return IMG_SavePNG_RW(s, rw, 1) == 0 ? 0 : PK_EIO;
}

int ui_save_png(Ui *ui, const char *path)
{
    ui_render_force(ui);
    if (ui->surface)
        return save_surface(ui->surface, path);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, ui->w, ui->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return PK_ENOMEM;
    int rc = PK_EIO;
    if (SDL_RenderReadPixels(ui->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) == 0)
        rc = save_surface(s, path);
    SDL_FreeSurface(s);
    return rc;
}
