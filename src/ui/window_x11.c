#include "window_x11.h"

#ifdef PPKIOSK_HAVE_X11
#include <SDL_syswm.h>

/* The X display and window of win; false when win is not an X11 window. */
static bool x11_of(SDL_Window *win, Display **dpy, Window *xw)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(win, &info) || info.subsystem != SDL_SYSWM_X11)
        return false;
    *dpy = info.info.x11.display;
    *xw = info.info.x11.window;
    return true;
}

bool ui_window_x11_geometry(SDL_Window *win, SDL_Rect *r)
{
    Display *dpy;
    Window xw, child;
    if (!x11_of(win, &dpy, &xw))
        return false;
    XWindowAttributes a;
    int x, y;
    if (!XGetWindowAttributes(dpy, xw, &a) ||
        !XTranslateCoordinates(dpy, xw, a.root, 0, 0, &x, &y, &child))
        return false;
    *r = (SDL_Rect){x, y, a.width, a.height};
    return true;
}

bool ui_window_x11_unmanaged(SDL_Window *win)
{
    Display *dpy;
    Window xw;
    if (!x11_of(win, &dpy, &xw))
        return false;
    XWindowAttributes a;
    if (!XGetWindowAttributes(dpy, DefaultRootWindow(dpy), &a))
        return false;
    return !(a.all_event_masks & SubstructureRedirectMask);
}

bool ui_window_x11_remap(SDL_Window *win)
{
    Display *dpy;
    Window xw;
    if (!x11_of(win, &dpy, &xw))
        return false;
    XWindowAttributes a;
    if (!XGetWindowAttributes(dpy, xw, &a) || a.map_state != IsUnmapped)
        return false;
    XMapRaised(dpy, xw);
    XFlush(dpy);
    return true;
}

static XErrorHandler before;

static int on_x_error(Display *dpy, XErrorEvent *e)
{
    if (e->error_code == BadWindow || e->error_code == BadDrawable)
        return 0; /* gone between the request and its reply: nothing to do */
    return before ? before(dpy, e) : 0;
}

void ui_window_x11_survive_errors(SDL_Window *win)
{
    Display *dpy;
    Window xw;
    if (!x11_of(win, &dpy, &xw))
        return;
    XErrorHandler old = XSetErrorHandler(on_x_error);
    if (old != on_x_error)
        before = old;
}
#else
bool ui_window_x11_geometry(SDL_Window *win, SDL_Rect *r)
{
    (void)win;
    (void)r;
    return false;
}

bool ui_window_x11_unmanaged(SDL_Window *win)
{
    (void)win;
    return false;
}

bool ui_window_x11_remap(SDL_Window *win)
{
    (void)win;
    return false;
}

void ui_window_x11_survive_errors(SDL_Window *win)
{
    (void)win;
}
#endif
