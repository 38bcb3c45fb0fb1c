/* The questions window.c asks the X server directly (kept apart: Xlib's names clash
 * with the core's). */
#ifndef PK_WINDOW_X11_H
#define PK_WINDOW_X11_H

#include <stdbool.h>

#include <SDL.h>

/* The window's real geometry in root-window coordinates, from the X server: true and
 * *r when the window is an X11 window, false otherwise (or when built without Xlib). */
bool ui_window_x11_geometry(SDL_Window *win, SDL_Rect *r);

/* True when the window is an X11 window and no window manager runs (nobody redirects
 * the root window's children): full-screen requests then go unanswered. */
bool ui_window_x11_unmanaged(SDL_Window *win);

/* When the window is an X11 window that is not mapped (another client unmapped it, or a
 * window manager iconified it), maps and raises it again and returns true; false
 * otherwise. Under a window manager SDL may never report the unmap: the manager gives
 * the withdrawn window back to the root, and SDL takes the unmap followed by that
 * reparent for the manager's own reparenting and drops it. */
bool ui_window_x11_remap(SDL_Window *win);

/* When the window is an X11 window: from now on an X error about a window or drawable
 * that is gone is passed over instead of ending the kiosk (Xlib's default). A window
 * manager's frame destroyed while SDL asked where it was ended the kiosk (BadWindow in
 * X_TranslateCoords) while another client unmapped it. Other errors go to the handler
 * there was before. */
void ui_window_x11_survive_errors(SDL_Window *win);

#endif
