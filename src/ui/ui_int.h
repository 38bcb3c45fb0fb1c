/* Internals shared by the files of the ui library: the Ui object, layout boxes, the
 * results document, fonts and drawing helpers. Not for use outside src/ui/. */
#ifndef PK_UI_INT_H
#define PK_UI_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "../core/body.h"
#include "../core/content.h"
#include "../core/flow.h"
#include "ui.h"

#define UI_MAX_BOXES 192
#define UI_POOL_SIZE 8192  /* composed labels of one layout ("4 of 18", countdowns) */
#define UI_FONT_MAX_PX 200 /* fonts are opened lazily, one per pixel size and weight */
#define UI_MAX_LINES 64    /* lines of one wrapped text */
#define UI_DOC_MAX 512     /* paragraphs of the results document */
#define UI_PRESS_EMPTY -2  /* ui.pressed: the pointer went down where no target is */

/* Internal target ids, handled by the ui itself and never passed to the flow. */
#define UI_ID_PAGE_UP "ui_page_up"
#define UI_ID_PAGE_DOWN "ui_page_down"
#define UI_ID_SHOW_LIST "ui_show_list"
#define UI_ID_SHOW_BODY "ui_show_body"
#define UI_ID_SHOW_PLAN "ui_show_plan"       /* results: the causes and the full plan */
#define UI_ID_SHOW_SUMMARY "ui_show_summary" /* results: back to the first page */
#define UI_DOC_CARDS 8
#define UI_ID_CHIP "ui_chip_" /* + an area's id: the chip that removes it */

typedef enum {
    BX_PANEL,  /* a filled rectangle (backgrounds, dialogs) */
    BX_TEXT,   /* text, not a target */
    BX_BUTTON, /* a target with a label */
    BX_REGION, /* a body-diagram region: a target without a label */
    BX_FIGURE, /* one view of the body figure (drawn from body.h) */
    BX_DOC,    /* the scrolling results document */
    BX_VOICE,  /* the listening indicator */
} UiBoxKind;

typedef struct {
    UiBoxKind kind;
    char id[BUTTON_ID_MAX]; /* targets only */
    SDL_Rect r;             /* the box */
    SDL_Rect tr;            /* where its text goes (inside the padding) */
    const char *text;       /* NULL: no text */
    int px;                 /* font size in pixels */
    bool bold;
    bool center;
    SDL_Color fg, bg, border;
    int border_w, radius;
    bool fill;
    bool selected;      /* chosen answer */
    bool answer;        /* an answer (or body region) rather than a navigation button */
    bool primary;       /* the screen's main button */
    bool checkbox;      /* draw a check box (several-answer questions) */
    int badge;          /* digit shown in a circle at the left, or -1 */
    int view;           /* BX_FIGURE / BX_REGION: the BodyView */
    int need_w, need_h; /* the text's wrapped size at px */
    bool overflow;      /* the text does not fit even at the minimum size */
    bool modal;         /* part of a dialog drawn over the screen */
    const char *role;   /* what the box is, for the structure dump (--shots): "title",
                           "body", "chip"...; NULL: derived from the kind */
    SDL_Texture *tex;
    int tw, th;
    SDL_Texture *badge_tex; /* the badge digit */
    int bw_, bh_;
} UiBox;

typedef enum { DOC_H2, DOC_H3, DOC_TEXT, DOC_ITEM, DOC_NOTE } DocStyle;

/* The coloured cards of the results, in the printout's order. */
typedef enum { CARD_NONE, CARD_URGENT, CARD_TODAY, CARD_UNANSWERED, CARD_STEPS } DocCard;

typedef struct {
    DocStyle style;
    DocCard card;     /* the card it is part of, or CARD_NONE */
    const char *role; /* for the structure dump: "flag-urgent", "flag-today"...; or NULL */
    const char *text; /* into Ui.doc_text */
    int x, y, w, h;   /* position inside the document */
    int px, line_h;   /* its text size and the height of one of its lines */
    SDL_Texture *tex;
    int tw, th;
} DocPara;

typedef struct {
    int S; /* min(width, height) */
    int margin, gap, pad;
    int f_min, f_body, f_title, f_answer, f_small;
    int target_min; /* the minimum touch target */
    int btn_h;      /* the usual button height */
} UiMetrics;

struct Ui {
    const Content *content;
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Surface *surface;                     /* offscreen only */
    Uint32 subsystem;                         /* the SDL subsystem ui_open started, or 0 */
    bool ttf;                                 /* SDL_ttf and SDL_image were started */
    void (*log)(void *ctx, const char *line); /* UiOptions.log */
    void *log_ctx;
    int w, h;            /* the drawable's size in pixels: what the layout fills */
    bool kiosk;          /* keep the window covering its display (window.c) */
    bool borderless;     /* full screen was not honoured: borderless at the bounds */
    bool fit_gave_up;    /* the window manager keeps another size: follow it */
    bool fit_again;      /* moved or resized by someone else: set the bounds once more */
    Uint32 fit_deadline; /* when the window must cover its display, or 0 */
    Uint32 map_checked;  /* when the kiosk window was last found mapped or mapped again */
    char font_path[2][512];
    TTF_Font *fonts[2][UI_FONT_MAX_PX + 1];
    SDL_Texture *circle; /* a white disc with soft edges, tinted for corners and dots */

    const Screen *screen;
    ScreenKind shown_kind;
    const Question *shown_question;
    Lang shown_lang;
    Uint32 shown_at;   /* SDL ticks when a new screen came (the input guard, ui.c) */
    bool shown_unseen; /* that screen is not on the display yet: shown_at starts again */
    bool input_guard;  /* new screens hold presses back a moment (a real window only) */
    unsigned serial;
    bool have_layout;
    unsigned layouts; /* one more each time the layout is built (ui_layout_count) */
    bool dirty;
    UiMetrics m;
    UiBox boxes[UI_MAX_BOXES];
    int nboxes;
    char pool[UI_POOL_SIZE];
    size_t pool_used;
    int focus;       /* index into boxes of the focused target, or -1 */
    bool show_focus; /* the keyboard is in use */
    int pressed;     /* the target under a pointer that is down; UI_PRESS_EMPTY: down on
                        this screen where no target is; -1: none (or held back) */
    enum { BODY_MODE_AUTO, BODY_MODE_LIST, BODY_MODE_DIAGRAM } body_mode; /* chosen */
    bool body_list;             /* the areas question shows the list instead of the diagram */
    bool picture_fits;          /* at the last layout of the areas question, its picture's
                                   regions were full-size targets (list or picture shown) */
    bool list_fits;             /* at the last layout of the areas list, its rows were
                                   full-size targets above the navigation row (the room of
                                   a notice at the foot counted in) */
    bool list_under_notice;     /* ... and they reached under that notice */
    bool picture_by_hand;       /* the picture picked by hand has regions of a target's size
                                   at the screen's size (else only the list is offered) */
    bool hand_probe;            /* this layout finds picture_by_hand: at the small title the
                                   picture is shown with, and without the notice */
    int notice_room;            /* the height a notice at the foot takes from the screen */
    bool title_small;           /* this layout sets the title at body size */
    bool notice_over;           /* this layout lays the notice over the screen's foot, as
                                   the rows need its room; a tap on it presses nothing */
    bool notice_side;           /* this layout offers the notice the body picture's place for
                                   the region's name; it lays it there when it fits */
    int notice_box;             /* the notice's box, or -1 */
    char tapped[BUTTON_ID_MAX]; /* the body region tapped last on this screen, or "" */
    bool reserve_badge;         /* while placing a grid: leave room for digits on every answer */

    /* the results document */
    const Summary *doc_summary;
    Lang doc_lang;
    char *doc_text;
    size_t doc_len, doc_cap;
    DocPara doc[UI_DOC_MAX];
    int ndoc;
    int doc_box;    /* index of the BX_DOC box, or -1 */
    int doc_height; /* total height of the laid-out document */
    int doc_width;
    int doc_view_h; /* the part of the document box in view: whole lines only */
    bool doc_plan;  /* showing the second page: causes and the full plan */
    bool doc_plan_built;
    int doc_compact; /* 0, or 1-2: the flag cards made denser to fit the first view */
    struct {
        DocCard card;
        int y, h; /* inside the document, padding included */
    } doc_cards[UI_DOC_CARDS];
    int ncards;
    SDL_Texture *doc_icon[CARD_STEPS + 1]; /* the glyph of each card's icon */
    int icon_w[CARD_STEPS + 1], icon_h[CARD_STEPS + 1];
    int scroll;
    bool dragging;
    int drag_y, drag_scroll, drag_moved;

    UiVoiceState voice;
    const char *notice;

    /* the hidden staff gesture: taps in the top-left corner */
    Uint32 corner_taps[5];
    int ncorner;

    char scratch[8192];
    struct {
        int start, len;
    } lines[UI_MAX_LINES];
};

/* ui.c: passes one diagnostic line to UiOptions.log, when there is one. */
void ui_logf(const Ui *ui, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* window.c: the window on a real display */
/* Sets the hints the window needs; before the video subsystem starts. */
void ui_window_hints(const UiOptions *o);
/* Creates the window: kiosk (o->fullscreen) full screen, else windowed. A kiosk window
 * is then checked by ui_window_tick(). */
SDL_Window *ui_window_create(Ui *ui, const UiOptions *o);
/* Once the renderer exists: with no window manager to make it full screen, makes a
 * kiosk window borderless at the display's bounds at once. */
void ui_window_start(Ui *ui);
/* Checks a kiosk window against its display (call it often): maps it again when someone
 * unmapped it; once it has had a moment to come up full screen and does not cover the
 * display, makes it borderless at the display's bounds. */
void ui_window_tick(Ui *ui);
/* Follows window and display changes; true when the drawable size changed. */
bool ui_window_event(Ui *ui, const SDL_Event *ev);
/* Sets ui->w/h from the renderer's output (the real drawable). */
void ui_window_output_size(Ui *ui);

/* font.c */
/* Finds the fonts: 0, or PK_ENOENT with the reason in why. */
int ui_font_find(Ui *ui, const char *font_dir, PkWhy *why);
TTF_Font *ui_font_get(Ui *ui, int px, bool bold);
/* Wraps text at width: fills ui->lines, returns the line count (at least 1 for non-empty
 * text); *w gets the widest line. Sets *overflow when a single word is wider. */
int ui_text_wrap(Ui *ui, const char *text, int px, bool bold, int width, int *w, bool *overflow);
int ui_text_line_height(Ui *ui, int px, bool bold);
/* The wrapped size of text at px in width. */
void ui_text_measure(Ui *ui, const char *text, int px, bool bold, int width, int *w, int *h,
                     bool *overflow);
/* The largest size from max_px down to min_px at which text fits w x h (or min_px). */
int ui_text_fit(Ui *ui, const char *text, bool bold, int max_px, int min_px, int w, int h);
/* Renders text wrapped at width into a new texture (caller destroys it). */
SDL_Texture *ui_text_render(Ui *ui, const char *text, int px, bool bold, SDL_Color fg, int width,
                            bool center, int *tw, int *th);

/* draw.c */
int ui_draw_init(Ui *ui);
void ui_draw_round_rect(Ui *ui, SDL_Rect r, int radius, SDL_Color c);
void ui_draw_ellipse(Ui *ui, SDL_Rect r, SDL_Color c);
void ui_draw_box_frame(Ui *ui, SDL_Rect r, int radius, int border, SDL_Color border_c,
                       SDL_Color fill);
void ui_draw_outline(Ui *ui, SDL_Rect r, int t, SDL_Color c);
void ui_draw_thick_line(Ui *ui, int x1, int y1, int x2, int y2, int t, SDL_Color c);
double ui_color_contrast(SDL_Color a, SDL_Color b);

/* layout.c */
void ui_layout_build(Ui *ui);
void ui_layout_free_textures(Ui *ui);
const char *ui_pool_printf(Ui *ui, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
UiBox *ui_layout_add(Ui *ui, UiBoxKind kind);
void ui_layout_text_box(Ui *ui, UiBox *b, const char *text, int max_px, bool bold);
/* The notice (ui->notice, set) as a box w wide at x ending at bottom, its text at px
 * (bold), and the height such a box takes. Sets ui->notice_box. */
int ui_layout_notice_height(Ui *ui, int w, int px);
void ui_layout_notice_at(Ui *ui, int x, int w, int bottom, int px);

UiBox *ui_layout_button(Ui *ui, SDL_Rect r, const Button *btn, int max_px, bool bold,
                        bool checkbox);

/* layout_nav.c */
/* The bottom row of navigation buttons, ending at bottom. Returns the row's top. */
int ui_layout_nav(Ui *ui, const Button *nav, size_t n, int bottom);
int ui_fit_labels(Ui *ui, const Button *btns, size_t n, int width, int max_px, int max_lines,
                  bool bold, int *lines, bool *fits);

/* layout_areas.c: the areas question (picture or list) */
void ui_layout_areas(Ui *ui, SDL_Rect area);
/* The side of a region or a list row: 64 px at 1080p, scaled, and at least a target. */
int ui_big_target(const Ui *ui);
/* The areas question's numbered list in area (layout_list.c); sets list_fits and
 * list_under_notice. */
void ui_layout_areas_list(Ui *ui, SDL_Rect area);

/* picture.c: the body picture of the areas screen. Region boxes in fractions of the
 * view's height (x from 0 to UI_PICTURE_ASPECT); each side at least
 * UI_PICTURE_MIN_REGION, and the regions of a view at least 0.03 apart. */
#define UI_PICTURE_ASPECT BODY_VIEW_ASPECT
#define UI_PICTURE_MIN_REGION BODY_MIN_REGION
typedef BodyRegion UiPictureRegion; /* core/body.h's regions, shared with the printout */
const UiPictureRegion *ui_picture_regions(size_t *n);
/* Draws a BX_FIGURE box: its view from a texture made on first use. */
void ui_picture_draw(Ui *ui, UiBox *fig);

/* layout_answers.c */
void ui_layout_answers(Ui *ui, SDL_Rect area, int cols_max);

/* render.c */
void ui_render_all(Ui *ui);

/* doc.c: the results document */
void ui_doc_build(Ui *ui, const Summary *sum, Lang lang, bool plan);
void ui_doc_layout(Ui *ui, int width);
void ui_doc_free(Ui *ui);
void ui_doc_scroll_by(Ui *ui, int dy);
void ui_doc_page(Ui *ui, int dir);
void ui_doc_draw(Ui *ui, const UiBox *b);
void ui_layout_results(Ui *ui, SDL_Rect area);
void ui_doc_page_button(const Ui *ui, Button *b);

/* Opens path for writing as a new or emptied file of mode 0600 (an old file's mode is
 * changed), never through a symlink, never a FIFO or a device (EINVAL), never a file
 * with a second name (EMLINK): screenshots and their structure may show answers.
 * NULL with errno on failure. */
FILE *ui_open_private(const char *path);

/* Colours. */
extern const SDL_Color UI_INK, UI_PAPER, UI_BLUE, UI_BLUE_LIGHT, UI_FOCUS, UI_RED, UI_WHITE,
    UI_GREY, UI_LINE, UI_SELECT;

#endif
