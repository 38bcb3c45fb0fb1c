/* The kiosk window on a real display: full screen on every display stack (a bare X
 * server, X with a window manager, a Wayland compositor such as cage, XWayland).
 *
 * Asking for full screen is not enough. A bare X server has no window manager to carry
 * out the request, and SDL then believes it got the whole display while the window
 * keeps its first size. So once the window is up its real geometry (asked from the X
 * server itself when there is one) is compared with the display's bounds; when they
 * differ, the window becomes borderless at the bounds. The same check runs again
 * whenever the window or the displays change. */
#include <stdio.h>

#include "ui_int.h"
#include "window_x11.h"

/* How long full screen may take before the fallback: cage takes over a second to size
 * an XWayland window. */
#define SETTLE_MS 3000u

void ui_window_output_size(Ui *ui)
{
    if (ui->surface) {
        ui->w = ui->surface->w;
        ui->h = ui->surface->h;
    } else {
        SDL_GetRendererOutputSize(ui->ren, &ui->w, &ui->h);
    }
}

/* The bounds of the display the window is on (or display 0 before there is one). */
static SDL_Rect display_bounds(const Ui *ui)
{
    SDL_Rect b = {0, 0, 0, 0};
    int d = ui->win ? SDL_GetWindowDisplayIndex(ui->win) : 0;
    if (SDL_GetDisplayBounds(d < 0 ? 0 : d, &b) != 0)
        SDL_GetDisplayBounds(0, &b);
    return b;
}

/* Where the window really is, in display coordinates. Sets *exact when the position is
 * known too (X11: asked from the server; Wayland tells clients no position at all). */
static SDL_Rect real_geometry(Ui *ui, bool *exact)
{
    SDL_Rect r = {0, 0, 0, 0};
    *exact = ui_window_x11_geometry(ui->win, &r);
    if (*exact)
        return r;
    SDL_GetWindowPosition(ui->win, &r.x, &r.y);
    SDL_GetWindowSize(ui->win, &r.w, &r.h);
    return r;
}

static bool covers(SDL_Rect r, SDL_Rect b, bool exact)
{
    return r.w == b.w && r.h == b.h && (!exact || (r.x == b.x && r.y == b.y));
}

/* True when the window covers its display. */
static bool covers_display(Ui *ui)
{
    bool exact;
    SDL_Rect b = display_bounds(ui), r = real_geometry(ui, &exact);
    return covers(r, b, exact);
}

void ui_window_hints(const UiOptions *o)
{
    /* a kiosk has no title bar: libdecor (SDL's Wayland decorations) would only draw
     * one, and with no libdecor plugin installed the window is never shown at all. Read
     * when the video subsystem starts. */
    if (o->fullscreen && !o->offscreen)
        SDL_SetHint(SDL_HINT_VIDEO_WAYLAND_ALLOW_LIBDECOR, "0");
}

SDL_Window *ui_window_create(Ui *ui, const UiOptions *o)
{
    ui->kiosk = o->fullscreen;
    /* full screen is asked for; ui_window_start() and ui_window_tick() handle the display
     * stacks that do not carry it out */
    Uint32 flags = ui->kiosk ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_RESIZABLE;
    SDL_Window *win = SDL_CreateWindow("ppkiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                       o->width, o->height, flags | SDL_WINDOW_ALLOW_HIGHDPI);
    if (win && ui->kiosk)
        ui->fit_deadline = SDL_GetTicks() + SETTLE_MS;
    return win;
}

/* Drops full screen for a borderless window at the display's bounds. */
static void go_borderless(Ui *ui)
{
    bool exact;
    SDL_Rect b = display_bounds(ui), r = real_geometry(ui, &exact);
    ui_logf(ui,
            "the window is %dx%d at %d,%d, the display %dx%d at %d,%d%s: "
            "making it borderless at the display's bounds",
            r.w, r.h, r.x, r.y, b.w, b.h, b.x, b.y,
            ui_window_x11_unmanaged(ui->win) ? " (no window manager)" : "");
    SDL_SetWindowFullscreen(ui->win, 0);
    SDL_SetWindowBordered(ui->win, SDL_FALSE);
    SDL_SetWindowPosition(ui->win, b.x, b.y);
    SDL_SetWindowSize(ui->win, b.w, b.h);
    SDL_RaiseWindow(ui->win);
    ui->borderless = true;
}

void ui_window_start(Ui *ui)
{
    if (ui->win)
        ui_window_x11_survive_errors(ui->win);
    /* with no window manager nobody will answer: no need to wait */
    if (ui->win && ui->kiosk && ui_window_x11_unmanaged(ui->win))
        go_borderless(ui);
}

/* Starts a new fit: the window has SETTLE_MS to cover its display. */
static void refit(Ui *ui)
{
    if (!ui->fit_deadline)
        ui->fit_deadline = SDL_GetTicks() + SETTLE_MS;
}

/* How often a kiosk window is asked whether it is still mapped. */
#define MAP_CHECK_MS 250u

void ui_window_tick(Ui *ui)
{
    if (!ui->win || !ui->kiosk)
        return;
    if (SDL_TICKS_PASSED(SDL_GetTicks(), ui->map_checked + MAP_CHECK_MS)) {
        ui->map_checked = SDL_GetTicks();
        /* unmapped under a window manager, SDL told us nothing: the kiosk stayed off the
           screen one time in three (SDL_WINDOWEVENT_HIDDEN covers the other cases) */
        if (ui_window_x11_remap(ui->win)) {
            ui_logf(ui, "the window was unmapped by another client: showing it again");
            ui->fit_gave_up = false;
            refit(ui);
        }
    }
    if (!ui->fit_deadline)
        return;
    bool exact;
    SDL_Rect b = display_bounds(ui), r = real_geometry(ui, &exact);
    if (covers(r, b, exact)) {
        ui->fit_deadline = 0;
        ui_logf(ui, "screen %dx%d (%s, %s)", b.w, b.h, SDL_GetCurrentVideoDriver(),
                ui->borderless ? "borderless at the display's bounds" : "full screen");
    } else if (SDL_TICKS_PASSED(SDL_GetTicks(), ui->fit_deadline)) {
        if (!ui->borderless || ui->fit_again) {
            ui->fit_again = false;
            go_borderless(ui);
            ui->fit_deadline = SDL_GetTicks() + SETTLE_MS;
        } else {
            /* a window manager that insists on another size is left alone until the
             * displays change: the layout follows the size it gets */
            ui_logf(ui, "the window stays %dx%d on a %dx%d display", r.w, r.h, b.w, b.h);
            ui->fit_deadline = 0;
            ui->fit_gave_up = true;
        }
    }
}

bool ui_window_event(Ui *ui, const SDL_Event *ev)
{
    if (!ui->win)
        return false;
    if (ui->kiosk && ev->type == SDL_DISPLAYEVENT) {
        /* a display came, went or turned: fill the one we are on */
        ui->fit_gave_up = false;
        if (ui->borderless)
            go_borderless(ui);
        refit(ui);
    } else if (ui->kiosk && ev->type == SDL_WINDOWEVENT) {
        switch (ev->window.event) {
        case SDL_WINDOWEVENT_DISPLAY_CHANGED:
            ui->fit_gave_up = false;
            refit(ui);
            break;
        case SDL_WINDOWEVENT_HIDDEN:
        case SDL_WINDOWEVENT_MINIMIZED:
            /* another client unmapped or iconified the kiosk: on bare X it stayed off
               the screen, running, with the empty desktop in its place */
            SDL_ShowWindow(ui->win);
            SDL_RestoreWindow(ui->win);
            SDL_RaiseWindow(ui->win);
            break;
        case SDL_WINDOWEVENT_SIZE_CHANGED:
        case SDL_WINDOWEVENT_MOVED:
            if (!ui->fit_gave_up && !covers_display(ui)) {
                /* someone moved or resized the kiosk: once borderless, nobody but us
                 * puts it back (bare X has no window manager to), so once more */
                ui->fit_again = ui->borderless;
                refit(ui);
            }
            break;
        default:
            break;
        }
    }
    if (ev->type != SDL_WINDOWEVENT && ev->type != SDL_DISPLAYEVENT)
        return false;
    int w = ui->w, h = ui->h;
    ui_window_output_size(ui);
    return w != ui->w || h != ui->h;
}
