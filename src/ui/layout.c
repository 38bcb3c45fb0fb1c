/* Screen layout: one generic builder turns any Screen into boxes sized from the window.
 * A few variations by kind: the scale row, the body diagram, the results document,
 * centred big buttons on screens without answers, the urgent colours and the
 * "are you still there?" dialog drawn over everything. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../core/wipe.h"
#include "ui_int.h"

static void metrics(Ui *ui)
{
    UiMetrics *m = &ui->m;
    int S = ui->w < ui->h ? ui->w : ui->h;
    m->S = S;
    m->margin = (int)(S * 0.035);
    m->gap = (int)(S * 0.018);
    m->pad = (int)(S * 0.018);
    /* 3/16" capital height: DejaVu capitals are 0.73 em; 4.8 mm at about 5.3 px/mm on a
     * 1080p kiosk panel is 26 px, so 36 px type; scaled with the screen. */
    m->f_min = (int)ceil(S * 0.0333);
    m->f_small = m->f_min;
    m->f_body = (int)(S * 0.040);
    m->f_answer = (int)(S * 0.044);
    m->f_title = (int)(S * 0.058);
    m->target_min = S * 48 / 1080 > 48 ? S * 48 / 1080 : 48;
    m->btn_h = (int)fmax(m->target_min * 2.0, m->f_answer * 2.1);
    if (m->f_body < m->f_min)
        m->f_body = m->f_min;
    if (m->f_answer < m->f_min)
        m->f_answer = m->f_min;
}

const char *ui_pool_printf(Ui *ui, const char *fmt, ...)
{
    size_t left = sizeof ui->pool - ui->pool_used;
    if (left < 2)
        return "";
    char *dst = ui->pool + ui->pool_used;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(dst, left, fmt, ap);
    va_end(ap);
    if (n < 0)
        return "";
    ui->pool_used += (size_t)n < left ? (size_t)n + 1 : left;
    return dst;
}

UiBox *ui_layout_add(Ui *ui, UiBoxKind kind)
{
    static UiBox spare; /* absorbs boxes beyond the limit (never drawn) */
    if (ui->nboxes >= UI_MAX_BOXES) {
        memset(&spare, 0, sizeof spare);
        return &spare;
    }
    UiBox *b = &ui->boxes[ui->nboxes++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->badge = -1;
    b->fg = UI_INK;
    b->bg = UI_PAPER;
    return b;
}

/* Fits text into the box's text rect (b->tr) from max_px down to the minimum size and
 * records what it needs. */
void ui_layout_text_box(Ui *ui, UiBox *b, const char *text, int max_px, bool bold)
{
    b->text = text;
    b->bold = bold;
    b->px = ui_text_fit(ui, text, bold, max_px, ui->m.f_min, b->tr.w, b->tr.h);
    ui_text_measure(ui, text, b->px, bold, b->tr.w, &b->need_w, &b->need_h, &b->overflow);
}

static bool urgent(const Ui *ui)
{
    return ui->screen->kind == SCR_URGENT;
}

/* The height text needs at px in width. */
static int text_h(Ui *ui, const char *text, int px, bool bold, int width)
{
    int w, h;
    bool over;
    ui_text_measure(ui, text, px, bold, width, &w, &h, &over);
    return h;
}

static UiBox *add_label(Ui *ui, SDL_Rect r, const char *text, int max_px, bool bold, bool center)
{
    UiBox *b = ui_layout_add(ui, BX_TEXT);
    b->r = r;
    b->tr = r;
    b->center = center;
    if (urgent(ui)) {
        b->fg = UI_WHITE;
        b->bg = UI_RED;
    }
    ui_layout_text_box(ui, b, text, max_px, bold);
    return b;
}

/* Styles a button box by role. */
static void style_button(Ui *ui, UiBox *b, ButtonRole role, bool selected)
{
    const UiMetrics *m = &ui->m;
    b->fill = true;
    b->radius = m->S / 60;
    b->border_w = m->S / 360 + 2;
    b->selected = selected;
    if (urgent(ui)) {
        b->bg = UI_WHITE;
        b->fg = UI_RED;
        b->border = UI_WHITE;
        b->bold = true;
    } else if (role == BTN_PRIMARY || selected) {
        b->bg = UI_BLUE;
        b->fg = UI_WHITE;
        b->border = UI_BLUE;
        b->bold = role == BTN_PRIMARY;
    } else if (role == BTN_NAV) {
        /* quiet: the answers, or the one primary button, are what to press */
        b->bg = UI_PAPER;
        b->fg = UI_INK;
        b->border = UI_LINE;
    } else {
        b->bg = UI_WHITE;
        b->fg = UI_INK;
        b->border = UI_BLUE;
    }
}

/* Adds a button with its label fitted into r (less padding and badge). */
UiBox *ui_layout_button(Ui *ui, SDL_Rect r, const Button *btn, int max_px, bool bold, bool checkbox)
{
    const UiMetrics *m = &ui->m;
    UiBox *b = ui_layout_add(ui, BX_BUTTON);
    snprintf(b->id, sizeof b->id, "%s", btn->id);
    b->r = r;
    style_button(ui, b, btn->role, btn->selected);
    b->checkbox = checkbox;
    b->answer = btn->role == BTN_ANSWER;
    b->primary = btn->role == BTN_PRIMARY;
    int left = m->pad, right = m->pad;
    if ((btn->key >= 0 || ui->reserve_badge) && btn->role == BTN_ANSWER) {
        b->badge = btn->key; /* -1: no digit, but the text lines up with the others */
        left += (int)(max_px * 1.5) + m->pad / 2;
    }
    if (checkbox)
        right += (int)(max_px * 1.2) + m->pad / 2;
    /* a quarter pad above and below: the text is centred on what it needs */
    b->tr = (SDL_Rect){r.x + left, r.y + m->pad / 4, r.w - left - right, r.h - m->pad / 2};
    b->center = b->badge < 0 && !checkbox;
    b->bold = bold;
    ui_layout_text_box(ui, b, btn->label ? btn->label : btn->id, max_px, bold);
    /* centre the text rect vertically on what it needs */
    if (b->need_h < b->tr.h) {
        b->tr.y += (b->tr.h - b->need_h) / 2;
        b->tr.h = b->need_h;
    }
    return b;
}

/* Screens without answers show their buttons big, centred under the text. */
static void layout_center_buttons(Ui *ui, const Button *btns, size_t n, SDL_Rect area)
{
    const UiMetrics *m = &ui->m;
    int bw = (int)(m->S * 0.6);
    if (n > 1 && (int)n * bw + ((int)n - 1) * m->gap > area.w)
        bw = (area.w - ((int)n - 1) * m->gap) / (int)n;
    int lines;
    bool fits;
    int px = ui_fit_labels(ui, btns, n, bw - 2 * m->pad, m->f_title, 2, true, &lines, &fits);
    int bh = lines * ui_text_line_height(ui, px, true) + 2 * m->pad;
    if (bh < (int)(m->btn_h * 1.3))
        bh = (int)(m->btn_h * 1.3);
    int total = (int)n * bw + ((int)n - 1) * m->gap;
    int x = area.x + (area.w - total) / 2;
    for (size_t i = 0; i < n; i++) {
        SDL_Rect r = {x + (int)i * (bw + m->gap), area.y, bw, bh};
        ui_layout_button(ui, r, &btns[i], px, true, false);
    }
}

static void layout_still_there(Ui *ui)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    const Content *c = ui->content;
    UiBox *dim = ui_layout_add(ui, BX_PANEL);
    dim->r = (SDL_Rect){0, 0, ui->w, ui->h};
    dim->bg = (SDL_Color){0x10, 0x20, 0x38, 0xc0};
    dim->fill = true;
    dim->modal = true;
    int dw = ui->w - 2 * m->margin;
    if (dw > m->S * 1.1)
        dw = (int)(m->S * 1.1);
    int inner = dw - 4 * m->pad;
    const char *title =
        s->still_title ? s->still_title : content_ui(c, "still_there.title", s->lang);
    const char *body = s->still_body ? s->still_body : content_ui(c, "still_there.body", s->lang);
    int th = text_h(ui, title, m->f_title, true, inner);
    int bh = text_h(ui, body, m->f_body, false, inner);
    int h = 4 * m->pad + th + bh + m->btn_h + 2 * m->gap;
    UiBox *dlg = ui_layout_add(ui, BX_PANEL);
    dlg->r = (SDL_Rect){(ui->w - dw) / 2, (ui->h - h) / 2, dw, h};
    dlg->bg = UI_WHITE;
    dlg->border = UI_BLUE;
    dlg->border_w = m->S / 200 + 2;
    dlg->radius = m->S / 40;
    dlg->fill = true;
    dlg->modal = true;
    int x = dlg->r.x + 2 * m->pad, y = dlg->r.y + 2 * m->pad;
    UiBox *t = add_label(ui, (SDL_Rect){x, y, inner, th}, title, m->f_title, true, true);
    t->modal = true;
    t->role = "title";
    y += th + m->gap;
    UiBox *bd = add_label(ui, (SDL_Rect){x, y, inner, bh}, body, m->f_body, false, true);
    bd->modal = true;
    bd->role = "body";
    y += bh + m->gap;
    Button cont = {.role = BTN_PRIMARY, .key = -1};
    snprintf(cont.id, sizeof cont.id, "%s", FLOW_CONTINUE);
    cont.label = content_ui(c, "button.continue", s->lang);
    int bw = inner < m->S * 0.6 ? inner : (int)(m->S * 0.6);
    UiBox *b = ui_layout_button(ui, (SDL_Rect){x + (inner - bw) / 2, y, bw, m->btn_h}, &cont,
                                m->f_answer, true, false);
    b->modal = true;
}

int ui_layout_notice_height(Ui *ui, int w, int px)
{
    const UiMetrics *m = &ui->m;
    return text_h(ui, ui->notice, px, true, w - 2 * m->pad) + 2 * m->pad;
}

void ui_layout_notice_at(Ui *ui, int x, int w, int bottom, int px)
{
    const UiMetrics *m = &ui->m;
    int h = ui_layout_notice_height(ui, w, px);
    ui->notice_box = ui->nboxes;
    UiBox *b = ui_layout_add(ui, BX_TEXT);
    b->role = "notice";
    b->r = (SDL_Rect){x, bottom - h, w, h};
    b->tr = (SDL_Rect){b->r.x + m->pad, b->r.y + m->pad, w - 2 * m->pad, h - 2 * m->pad};
    b->fill = true;
    b->bg = UI_INK;
    b->fg = UI_WHITE;
    b->radius = m->S / 60;
    b->center = true;
    ui_layout_text_box(ui, b, ui->notice, px, true);
}

static void layout_notice(Ui *ui, int bottom)
{
    ui_layout_notice_at(ui, ui->m.margin, ui->w - 2 * ui->m.margin, bottom, ui->m.f_body);
}

/* The sectioned progress bar under the top row: one segment per run of a section, as
 * long as its questions (asked or not, so it never jumps), filled up to this one; the
 * section's name above it at the left. Returns the bar's bottom. */
static int layout_progress(Ui *ui, int y, int row_h, int width, int lh)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    add_label(ui, (SDL_Rect){m->margin, y + (row_h - lh) / 2, width, lh}, s->section, m->f_small,
              true, false)
        ->role = "progress";
    int W = ui->w - 2 * m->margin, bar_h = m->gap / 2 + 4, top = y + row_h + m->gap / 3;
    int sep = m->gap / 3 + 2;
    int usable = W - (s->nprog_runs - 1) * sep;
    int x = m->margin;
    for (int r = 0; r < s->nprog_runs; r++) {
        int from = s->prog_runs[r];
        int to = r + 1 < s->nprog_runs ? s->prog_runs[r + 1] : s->prog_total;
        int w = usable * (to - from) / s->prog_total;
        if (r + 1 == s->nprog_runs)
            w = m->margin + W - x;
        int done = s->prog_pos <= from ? 0 : s->prog_pos >= to ? to - from : s->prog_pos - from;
        UiBox *track = ui_layout_add(ui, BX_PANEL);
        track->r = (SDL_Rect){x, top, w, bar_h};
        track->bg = UI_BLUE_LIGHT;
        track->border = UI_LINE;
        track->border_w = 1;
        track->radius = bar_h / 2;
        track->fill = true;
        track->role = "progress-track";
        if (done > 0) {
            UiBox *fill = ui_layout_add(ui, BX_PANEL);
            fill->r = (SDL_Rect){x, top, w * done / (to - from), bar_h};
            fill->bg = UI_BLUE;
            fill->radius = bar_h / 2;
            fill->fill = true;
            fill->role = "progress-done";
        }
        x += w + sep;
    }
    return top + bar_h;
}

/* The top bar: progress at the left, the voice indicator and what was heard at the
 * right. Returns its bottom. */
static int layout_top(Ui *ui)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    int lh = ui_text_line_height(ui, m->f_small, false);
    int y = m->margin / 2;
    int icon = lh + m->pad;
    int right = ui->w - m->margin;
    if (!flow_kind_is_staff(s->kind)) {
        UiBox *v = ui_layout_add(ui, BX_VOICE); /* speaker and microphone */
        v->r = (SDL_Rect){right - 2 * icon, y, 2 * icon, icon};
        v->bg = urgent(ui) ? UI_RED : UI_PAPER;
        right -= 2 * icon + m->gap;
    }
    int half = (ui->w - 2 * m->margin) / 2, bottom = y + icon;
    if (s->prog_total > 0 && s->section) {
        /* the whole row, but for what was heard when there is some */
        int width = s->heard && *s->heard ? half - m->gap : right - m->margin - m->gap;
        bottom = layout_progress(ui, y, icon, width, lh);
    } else if (s->progress[0]) {
        const char *p = ui_pool_printf(ui, "%s", s->progress);
        add_label(ui, (SDL_Rect){m->margin, y + (icon - lh) / 2, half - m->gap, lh}, p, m->f_small,
                  false, false)
            ->role = "progress";
    }
    if (s->heard && *s->heard) {
        const char *h = ui_pool_printf(ui, "\xe2\x80\x9c%s\xe2\x80\x9d", s->heard);
        int w = right - (m->margin + half);
        UiBox *b = add_label(ui, (SDL_Rect){m->margin + half, y + (icon - lh) / 2, w, lh}, h,
                             m->f_small, false, false);
        b->role = "chip";
        snprintf(b->id, sizeof b->id, "heard");
        /* right-align: shrink the box to the text */
        if (b->need_w < w) {
            b->r.x += w - b->need_w;
            b->tr = b->r;
            b->r.w = b->tr.w = b->need_w;
        }
    }
    y = bottom;
    if (s->banner && *s->banner && s->kind != SCR_RESULTS) { /* the results have its card */
        /* after an urgent answer: one red line on every later screen */
        int w = ui->w - 2 * m->margin;
        int bh = text_h(ui, s->banner, m->f_small, true, w - 2 * m->pad) + m->pad;
        UiBox *b = add_label(ui, (SDL_Rect){m->margin, y + m->gap / 2, w, bh}, s->banner,
                             m->f_small, true, true);
        b->fg = UI_WHITE;
        b->bg = UI_RED;
        b->fill = true;
        y += bh + m->gap / 2;
    }
    return y;
}

static bool centered_kind(ScreenKind k)
{
    return k == SCR_ATTRACT || k == SCR_LANGUAGE || k == SCR_PRIVACY || k == SCR_URGENT ||
           k == SCR_PRINTING || k == SCR_PRINT_FAILED || k == SCR_GOODBYE || k == SCR_CONFIRM ||
           flow_kind_is_staff(k);
}

static void shift_boxes(Ui *ui, int from, int dy)
{
    for (int i = from; i < ui->nboxes; i++) {
        ui->boxes[i].r.y += dy;
        ui->boxes[i].tr.y += dy;
    }
}

/* The bottom of the screen: the navigation row and the notice above it. Returns the
 * bottom of the room left for the rest. */
static int layout_bottom(Ui *ui, bool big_buttons, int *notice_bottom)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    int bottom = ui->h - m->margin;
    if (!big_buttons && s->kind == SCR_RESULTS && s->nnav >= 2 && s->nnav < SCREEN_MAX_NAV) {
        /* the results' second page: a button before Finish and Print */
        Button nav[SCREEN_MAX_NAV];
        memcpy(nav, s->nav, sizeof nav[0] * (s->nnav - 2));
        ui_doc_page_button(ui, &nav[s->nnav - 2]);
        memcpy(&nav[s->nnav - 1], &s->nav[s->nnav - 2], sizeof nav[0] * 2);
        bottom = ui_layout_nav(ui, nav, s->nnav + 1, bottom) - m->gap;
    } else if (!big_buttons) {
        bottom = ui_layout_nav(ui, s->nav, s->nnav, bottom) - m->gap;
    }
    *notice_bottom = bottom;
    ui->notice_room = 0;
    if (ui->notice && *ui->notice && !ui->notice_over && !ui->notice_side) {
        int before = ui->nboxes;
        layout_notice(ui, bottom);
        ui->notice_room = bottom - (ui->boxes[before].r.y - m->gap);
        bottom = ui->boxes[before].r.y - m->gap;
    }
    return bottom;
}

/* The title, capped to a third of the room. Returns the y below it. */
static int layout_title(Ui *ui, int tx, int y, int TW, int room)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    int title_px =
        s->kind == SCR_ATTRACT || s->kind == SCR_URGENT ? (int)(m->f_title * 1.4) : m->f_title;
    if (s->kind == SCR_RESULTS)
        title_px = (m->f_title + m->f_body) / 2; /* the room goes to the flags */
    if (ui->title_small)
        title_px = m->f_body;
    if (!s->title || !*s->title)
        return y;
    int th = text_h(ui, s->title, title_px, true, TW);
    int cap = room / 3;
    if (th > cap)
        th = text_h(ui, s->title, ui_text_fit(ui, s->title, true, title_px, m->f_body, TW, cap),
                    true, TW);
    UiBox *t =
        add_label(ui, (SDL_Rect){tx, y, TW, th}, s->title, title_px, true, centered_kind(s->kind));
    t->role = "title";
    if (t->px < m->f_body)
        t->px = m->f_body;
    return y + th + m->gap;
}

static bool areas_question(const Screen *s)
{
    return s->kind == SCR_QUESTION && s->question && s->question->role == ROLE_AREAS;
}

/* The title, the body text and the detail line. Returns the y below them. */
static int layout_texts(Ui *ui, int top, int bottom, bool big_buttons)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    int W = ui->w - 2 * m->margin;
    /* centred screens keep lines to a readable length */
    int TW = centered_kind(s->kind) && W > m->S * 3 / 2 ? m->S * 3 / 2 : W;
    int tx = m->margin + (W - TW) / 2;
    int y = top;
    if (s->kind == SCR_RESULTS && !s->progress[0] && !(s->heard && *s->heard)) {
        /* the title shares the top row with the voice indicator */
        y = m->margin / 2;
        TW = W - 3 * (ui_text_line_height(ui, m->f_small, false) + m->pad) - m->gap;
    }
    y = layout_title(ui, tx, y, TW, bottom - top);
    /* the results' intro is spoken and printed; on screen the room goes to the flags */
    /* the areas question says "choose all" itself: its room goes to the choices */
    bool areas = areas_question(s);
    if (s->body && *s->body && s->kind != SCR_RESULTS && !areas) {
        int room = bottom - y - (s->nanswers || big_buttons ? m->btn_h + m->gap : 0);
        int px = ui_text_fit(ui, s->body, false, m->f_body, m->f_min, TW, room);
        int bh = text_h(ui, s->body, px, false, TW);
        add_label(ui, (SDL_Rect){tx, y, TW, bh}, s->body, m->f_body, false, centered_kind(s->kind))
            ->role = "body";
        y += bh + m->gap;
    }
    if (s->detail && *s->detail) {
        /* the specific concern: small type, for her and the staff only */
        int dh = text_h(ui, s->detail, m->f_min, false, TW);
        add_label(ui, (SDL_Rect){tx, y, TW, dh}, s->detail, m->f_min, false,
                  centered_kind(s->kind));
        y += dh + m->gap;
    }
    if (s->kind == SCR_URGENT || s->kind == SCR_PRINT_FAILED)
        y += m->gap;
    return y;
}

/* What the screen asks: the results, the body areas, the answers or the big buttons. */
static void layout_main(Ui *ui, SDL_Rect area, bool big_buttons)
{
    const Screen *s = ui->screen;
    if (s->kind == SCR_RESULTS && s->summary) {
        ui_layout_results(ui, area);
    } else if (areas_question(s)) {
        ui_layout_areas(ui, area);
    } else if (s->nanswers > 0) {
        ui_layout_answers(ui, area, s->kind == SCR_QUESTION ? 3 : 2);
    } else if (big_buttons) {
        area.y += ui->m.gap;
        area.h -= ui->m.gap;
        layout_center_buttons(ui, s->nav, s->nnav, area);
    }
}

/* Centred screens: the boxes from first on move down by part of the slack. */
static void center_vertically(Ui *ui, int first, int bottom)
{
    if (!centered_kind(ui->screen->kind) || ui->nboxes <= first)
        return;
    int end = 0;
    for (int i = first; i < ui->nboxes; i++)
        if (ui->boxes[i].r.y + ui->boxes[i].r.h > end)
            end = ui->boxes[i].r.y + ui->boxes[i].r.h;
    int slack = bottom - end;
    if (slack > 0)
        shift_boxes(ui, first, slack * 2 / 5);
}

static void build(Ui *ui)
{
    const Screen *s = ui->screen;
    ui_layout_free_textures(ui);
    /* a shorter screen reuses only the first boxes: the rest kept the body picture's
       chips, an id each for an area she chose ("ui_chip_knee_left"), after the session */
    wipe(ui->boxes, (size_t)ui->nboxes * sizeof ui->boxes[0]);
    ui->nboxes = 0;
    wipe(ui->pool, ui->pool_used); /* the last screen's heard words */
    ui->pool_used = 0;
    ui->doc_box = -1;
    metrics(ui);
    const UiMetrics *m = &ui->m;

    UiBox *bg = ui_layout_add(ui, BX_PANEL);
    bg->r = (SDL_Rect){0, 0, ui->w, ui->h};
    bg->bg = urgent(ui) ? UI_RED : UI_PAPER;
    bg->fill = true;

    int top = layout_top(ui) + m->gap;
    bool big_buttons = s->kind != SCR_QUESTION && s->kind != SCR_RESULTS && s->nanswers == 0;
    int notice_bottom;
    ui->notice_box = -1;
    int bottom = layout_bottom(ui, big_buttons, &notice_bottom);
    int first = ui->nboxes;
    int y = layout_texts(ui, top, bottom, big_buttons);
    layout_main(ui, (SDL_Rect){m->margin, y, ui->w - 2 * m->margin, bottom - y}, big_buttons);
    center_vertically(ui, first, bottom);
    if (ui->notice_over && ui->notice && *ui->notice)
        layout_notice(ui, notice_bottom); /* last: drawn over the rows */
    if (s->still_there > 0)
        layout_still_there(ui);
}

static void build_all(Ui *ui)
{
    /* the areas question: whether the picture can be picked by hand at this size, found
       as it would be shown, at the small title, and as it is without a notice's seconds */
    if (areas_question(ui->screen)) {
        const char *notice = ui->notice;
        bool side = ui->notice_side;
        ui->notice = NULL;
        ui->notice_side = false;
        ui->title_small = ui->hand_probe = true;
        build(ui);
        ui->title_small = ui->hand_probe = false;
        ui->notice = notice;
        ui->notice_side = side;
    }
    build(ui);
    /* the areas question: a title at body size when that lets the picture fit (after an
     * urgent answer its banner takes a line); back to the usual one when it does not and
     * the list is shown instead. The picture picked by hand takes the smaller title too
     * (with the usual one its regions were 47 px at 1280x720 in Spanish, under the
     * minimum target), and keeps it: its regions are as big as they can be. */
    if (areas_question(ui->screen) && ui->body_mode != BODY_MODE_LIST && !ui->picture_fits) {
        ui->title_small = true;
        build(ui);
        ui->title_small = false;
        if (ui->body_mode == BODY_MODE_AUTO && ui->body_list)
            build(ui);
    }
    /* the list too, when its rows do not fit under the usual title (at 1024x600 its
       last row lay under Go back and Done, which took taps meant for the ankles) */
    if (areas_question(ui->screen) && ui->body_list) {
        if (!ui->list_fits) {
            ui->title_small = true;
            build(ui);
        }
        /* and a notice ("Nothing is chosen yet...") over the last rows for its seconds,
           when it takes their room: under them it could not be read (1024x600, es) */
        if (ui->list_under_notice && ui->notice && *ui->notice) {
            ui->notice_over = true;
            build(ui);
            ui->notice_over = false;
        }
        ui->title_small = false;
    }
}

void ui_layout_build(Ui *ui)
{
    /* the body picture: a notice goes where the region's name is (the column beside it,
       or the tray under it), so that the picture keeps its place and size (at the foot
       it hid the ankles for its seconds at 1280x720, or turned the picture into the
       list at 1280x800); when there is no room for it there, or the list is shown, it
       goes at the foot as on every screen */
    ui->notice_side =
        ui->notice && *ui->notice && areas_question(ui->screen) && ui->body_mode != BODY_MODE_LIST;
    build_all(ui);
    if (ui->notice_side && ui->notice_box < 0) {
        ui->notice_side = false;
        build_all(ui);
    }
    ui->notice_side = false;
}

void ui_layout_free_textures(Ui *ui)
{
    for (int i = 0; i < ui->nboxes; i++) {
        if (ui->boxes[i].tex)
            SDL_DestroyTexture(ui->boxes[i].tex);
        if (ui->boxes[i].badge_tex)
            SDL_DestroyTexture(ui->boxes[i].badge_tex);
        ui->boxes[i].tex = ui->boxes[i].badge_tex = NULL;
    }
}
