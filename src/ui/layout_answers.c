/* Answer layouts: the grid of answer buttons, the 0-10 scale row with its anchor words,
 * and the body diagram (front and back views with tappable regions and plain side
 * labels) beside, or switchable with, the list of the same choices. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_int.h"

/* Words the diagram needs, from the content when it has them. */
static const char *word(const Ui *ui, const char *key)
{
    return content_ui(ui->content, key, ui->screen->lang);
}

typedef struct {
    int cols, rows, bw, bh, px;
    int rgap; /* the gap between rows */
} Grid;

/* Finds the grid that fits n buttons into area: first with full-height buttons, then
 * with rows squeezed to 1.5 minimum targets, then to the minimum itself (with half
 * gaps); within each, the largest text first, then the fewest columns. Returns false
 * when none does (g then holds the densest one). */
static bool grid_fit(Ui *ui, const Button *btns, size_t n, SDL_Rect area, int cols_min,
                     int cols_max, bool checkbox, Grid *g)
{
    const UiMetrics *m = &ui->m;
    for (int stage = 0; stage < 3; stage++) {
        int rgap = stage == 2 ? m->gap / 3 : m->gap;
        int floor_h = stage == 0 ? m->btn_h : stage == 1 ? m->target_min * 3 / 2 : m->target_min;
        for (int px = m->f_answer;; px -= px > 40 ? 3 : 2) {
            if (px < m->f_min)
                px = m->f_min;
            for (int cols = cols_min; cols <= cols_max && cols <= (int)n; cols++) {
                int rows = (int)((n + (size_t)cols - 1) / (size_t)cols);
                int bw = (area.w - (cols - 1) * m->gap) / cols;
                if (cols == 1 && bw > m->S * 1.3)
                    bw = (int)(m->S * 1.3);
                int extra = 2 * m->pad + (int)(px * 1.5) + m->pad / 2;
                if (checkbox)
                    extra += (int)(px * 1.2) + m->pad / 2;
                int lines;
                bool fits;
                int got = ui_fit_labels(ui, btns, n, bw - extra, px, 3, false, &lines, &fits);
                if (got != px || !fits)
                    continue;
                int need = lines * ui_text_line_height(ui, px, false) + m->pad / 2;
                int room = (area.h - (rows - 1) * rgap) / rows;
                int bh = stage == 0 ? (int)fmax(need + m->pad / 2, m->btn_h) : room;
                if (bh < need || bh < floor_h || rows * bh + (rows - 1) * rgap > area.h)
                    continue;
                *g = (Grid){cols, rows, bw, bh, px, rgap};
                return true;
            }
            if (px == m->f_min)
                break;
        }
    }
    int cols = cols_max < (int)n ? cols_max : (int)n;
    if (cols < 1)
        cols = 1;
    int rows = (int)((n + (size_t)cols - 1) / (size_t)cols);
    g->cols = cols;
    g->rows = rows;
    g->rgap = m->gap / 2;
    g->bw = (area.w - (cols - 1) * m->gap) / cols;
    g->bh = (area.h - (rows - 1) * g->rgap) / (rows > 0 ? rows : 1);
    if (g->bh < m->target_min)
        g->bh = m->target_min;
    g->px = m->f_min;
    return false;
}

static void grid_place(Ui *ui, const Button *btns, size_t n, SDL_Rect area, const Grid *g,
                       bool checkbox, bool top, bool pad)
{
    const UiMetrics *m = &ui->m;
    int tw = g->cols * g->bw + (g->cols - 1) * m->gap;
    int th = g->rows * g->bh + (g->rows - 1) * g->rgap;
    int x0 = area.x + (area.w - tw) / 2;
    int y0 = top ? area.y : area.y + (area.h > th ? (area.h - th) / 3 : 0);
    ui->reserve_badge = false;
    for (size_t i = 0; i < n; i++)
        ui->reserve_badge |= btns[i].key >= 0;
    for (size_t i = 0; i < n; i++) {
        /* lists run down the columns; a PIN pad runs along the rows */
        int col = pad ? (int)i % g->cols : (int)i / g->rows;
        int row = pad ? (int)i / g->cols : (int)i % g->rows;
        SDL_Rect r = {x0 + col * (g->bw + m->gap), y0 + row * (g->bh + g->rgap), g->bw, g->bh};
        UiBox *b = ui_layout_button(ui, r, &btns[i], pad ? m->f_title : g->px, pad, checkbox);
        b->center = pad;
    }
    ui->reserve_badge = false;
}

/* The anchor words under the ends of the scale, each with a short mark towards the end
 * it describes. */
static void scale_anchors(Ui *ui, SDL_Rect area, int y, const SDL_Rect ends[2], int bw, int bh)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    int aw = (area.w - m->gap) / 2;
    const char *anchors[2] = {s->low, s->high};
    for (int i = 0; i < 2; i++) {
        if (!anchors[i])
            continue;
        UiBox *b = ui_layout_add(ui, BX_TEXT);
        int h;
        int w;
        bool over;
        ui_text_measure(ui, anchors[i], m->f_body, true, aw, &w, &h, &over);
        int ax = area.x + (i == 0 ? 0 : area.w - aw);
        b->r = b->tr = (SDL_Rect){ax, y, aw, h};
        ui_layout_text_box(ui, b, anchors[i], m->f_body, true);
        if (i == 1 && b->need_w < aw) { /* right-aligned under the 10 */
            b->tr.x += aw - b->need_w;
            b->tr.w = b->need_w;
        }
        /* a short arrow mark towards the end it describes */
        UiBox *mark = ui_layout_add(ui, BX_PANEL);
        int mw = bw / 2 > m->gap ? bw / 2 : m->gap;
        mark->r =
            (SDL_Rect){ends[i].x + (bw - mw) / 2, ends[i].y + bh + m->gap / 4, mw, m->gap / 3 + 2};
        mark->bg = UI_BLUE;
        mark->fill = true;
    }
}

static void layout_scale(Ui *ui, SDL_Rect area)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    size_t n = s->nanswers;
    int g = m->gap / 2;
    /* portrait: two rows of taller keys use the height the screen has */
    int rows = (area.w - 10 * g) / 11 >= m->target_min * 6 / 5 && ui->w >= ui->h ? 1 : 2;
    int per = rows == 1 ? (int)n : (int)(n + 1) / 2;
    int bw = (area.w - (per - 1) * g) / per;
    int bh = (int)fmin(fmax(m->btn_h * 1.2, bw * 0.9), m->btn_h * 1.8);
    int low_h = s->low ? ui_text_line_height(ui, m->f_body, true) * 3 : 0;
    int total = rows * bh + (rows - 1) * g + m->gap + low_h;
    int y = area.y + (area.h > total ? (area.h - total) / 3 : 0);
    /* one size for every number: the largest at which "10" fits */
    int inner = bw - 2 * (m->S / 360 + 4);
    int px = ui_text_fit(ui, "10", true, m->f_title, m->f_min, inner, bh);
    SDL_Rect ends[2] = {{0, 0, 0, 0}, {0, 0, 0, 0}};
    for (size_t i = 0; i < n; i++) {
        int row = (int)i / per, col = (int)i % per;
        SDL_Rect r = {area.x + col * (bw + g), y + row * (bh + g), bw, bh};
        if (i == 0)
            ends[0] = r;
        ends[1] = r;
        Button b = s->answers[i];
        b.key = -1; /* the number is the label */
        UiBox *box = ui_layout_button(ui, r, &b, px, true, false);
        box->center = true;
        /* narrow number buttons: the number may use the whole inside of the frame */
        int inset = box->border_w + 2;
        box->tr = (SDL_Rect){r.x + inset, r.y + inset, r.w - 2 * inset, r.h - 2 * inset};
        ui_layout_text_box(ui, box, b.label, px, true);
        box->tr.y += (box->tr.h - box->need_h) / 2;
        box->tr.h = box->need_h;
    }
    y += rows * bh + (rows - 1) * g + m->gap;
    scale_anchors(ui, area, y, ends, bw, bh);
}

static bool answer_for_region(const Screen *s, const char *region, size_t *idx)
{
    for (size_t i = 0; i < s->nanswers; i++)
        if (s->answers[i].region && strcmp(s->answers[i].region, region) == 0) {
            *idx = i;
            return true;
        }
    return false;
}

/* How the two views are arranged: side labels beside the figure (at hip height) or
 * under its feet, whichever lets the figure be taller. */
typedef struct {
    bool beside;
    int vw, cap_h, lw, lab_h, fh, fw;
} Diagram;

/* The height of the taller of the two side labels, wrapped to width at the smallest
 * text size. */
static int labels_height(Ui *ui, const char *const labels[2], int width)
{
    int tallest = 0;
    for (int i = 0; i < 2; i++) {
        int w, h;
        bool over;
        ui_text_measure(ui, labels[i], ui->m.f_min, false, width, &w, &h, &over);
        if (h > tallest)
            tallest = h;
    }
    return tallest;
}

static void diagram_plan(Ui *ui, SDL_Rect area, bool beside, const char *labels[2], Diagram *d)
{
    const UiMetrics *m = &ui->m;
    d->beside = beside;
    d->vw = (area.w - m->gap) / 2;
    d->cap_h = ui_text_line_height(ui, m->f_body, true);
    d->lab_h = 0;
    if (beside) {
        /* as wide as the longest word, or the whole label when it is short */
        d->lw = 0;
        for (int i = 0; i < 2; i++) {
            int w;
            bool over;
            ui_text_wrap(ui, labels[i], m->f_min, false, 1, &w, &over);
            int full, h;
            ui_text_measure(ui, labels[i], m->f_min, false, 10000, &full, &h, &over);
            if (full <= d->vw / 4)
                w = full;
            if (w > d->lw)
                d->lw = w;
        }
        d->lw += 2;
        d->lab_h = labels_height(ui, labels, d->lw);
        /* the caption goes beside the head, so the figure takes the whole height */
        d->fh = (int)fmin(area.h, (d->vw - 2 * d->lw - 2 * m->gap) / BODY_VIEW_ASPECT);
    } else {
        d->lw = d->vw / 2 - m->gap / 2;
        d->lab_h = labels_height(ui, labels, d->lw);
        d->fh = (int)fmin(area.h - d->cap_h - d->lab_h - 2 * m->gap, d->vw / BODY_VIEW_ASPECT);
    }
    if (d->fh < 0)
        d->fh = 0;
    d->fw = (int)(d->fh * BODY_VIEW_ASPECT);
}

static UiBox *diagram_label(Ui *ui, SDL_Rect r, const char *text, bool right_align)
{
    UiBox *l = ui_layout_add(ui, BX_TEXT);
    l->r = l->tr = r;
    ui_layout_text_box(ui, l, text, ui->m.f_min, false);
    if (right_align && l->need_w < r.w) {
        l->tr.x += r.w - l->need_w;
        l->tr.w = l->need_w;
    }
    return l;
}

/* The better of the two arrangements for area. */
static void diagram_best(Ui *ui, SDL_Rect area, Diagram *d)
{
    const char *labels[2] = {word(ui, "body.your_right"), word(ui, "body.your_left")};
    Diagram under;
    diagram_plan(ui, area, true, labels, d);
    diagram_plan(ui, area, false, labels, &under);
    if (under.fh >= d->fh)
        *d = under;
}

/* The tappable regions of view v over its figure box. */
static void diagram_regions(Ui *ui, int fig_i, int v, const Diagram *d)
{
    const Screen *s = ui->screen;
    SDL_Rect fr = ui->boxes[fig_i].r;
    size_t nr;
    const BodyRegion *regs = body_regions(&nr);
    for (size_t i = 0; i < nr; i++) {
        size_t ai;
        if ((int)regs[i].view != v || !answer_for_region(s, regs[i].region, &ai))
            continue;
        const BodyShape *sh = &regs[i].shape;
        UiBox *b = ui_layout_add(ui, BX_REGION);
        snprintf(b->id, sizeof b->id, "%s", s->answers[ai].id);
        int x0 = (int)floor(sh->x * d->fw), x1 = (int)floor((sh->x + sh->w) * d->fw);
        int y0 = (int)floor(sh->y * d->fh), y1 = (int)floor((sh->y + sh->h) * d->fh);
        b->r = (SDL_Rect){fr.x + x0, fr.y + y0, x1 - x0, y1 - y0};
        b->shape = sh;
        b->fig = fig_i;
        b->view = v;
        b->selected = s->answers[ai].selected;
        b->answer = true;
    }
}

/* The plain "your right" / "your left" labels of view v, beside or under the figure. */
static void diagram_sides(Ui *ui, SDL_Rect fr, int vx, int v, const Diagram *d,
                          const char *const labels[2])
{
    const UiMetrics *m = &ui->m;
    for (int side = 0; side < 2; side++) {
        bool viewer_right = side == 1;
        bool patient_left = body_side_on_viewer_right(v, BODY_SIDE_LEFT) == viewer_right;
        const char *text = labels[patient_left ? 1 : 0];
        SDL_Rect r;
        if (d->beside) {
            int ly = fr.y + (int)(d->fh * 0.49) - d->lab_h / 2;
            r = (SDL_Rect){viewer_right ? fr.x + d->fw + m->gap : fr.x - m->gap - d->lw, ly, d->lw,
                           d->lab_h};
        } else {
            r = (SDL_Rect){vx + side * (d->vw - d->lw), fr.y + d->fh + m->gap, d->lw, d->lab_h};
        }
        diagram_label(ui, r, text, viewer_right);
    }
}

/* Front and back views side by side in area, with captions and side labels. */
static void layout_diagram(Ui *ui, SDL_Rect area)
{
    const UiMetrics *m = &ui->m;
    const char *labels[2] = {word(ui, "body.your_right"), word(ui, "body.your_left")};
    Diagram d;
    diagram_best(ui, area, &d);
    int head_y = d.beside ? 0 : d.cap_h + m->gap;
    int total_h = head_y + d.fh + (d.beside ? 0 : m->gap + d.lab_h);
    int y = area.y + (area.h - total_h) / 2;
    UiBox *div = ui_layout_add(ui, BX_PANEL);
    div->r = (SDL_Rect){area.x + d.vw + m->gap / 2 - 1, y, 3, total_h};
    div->bg = UI_LINE;
    div->fill = true;
    for (int v = 0; v < BODY_VIEW_COUNT; v++) {
        int vx = area.x + v * (d.vw + m->gap);
        const char *cap = v == BODY_FRONT ? word(ui, "summary.front") : word(ui, "summary.back");
        UiBox *fig = ui_layout_add(ui, BX_FIGURE);
        int fig_i = (int)(fig - ui->boxes);
        fig->r = (SDL_Rect){vx + (d.vw - d.fw) / 2, y + head_y, d.fw, d.fh};
        UiBox *c = ui_layout_add(ui, BX_TEXT);
        if (d.beside) /* in the empty corner beside the head */
            c->r = (SDL_Rect){vx, y, fig->r.x + (int)(d.fw * 0.40) - vx - m->gap / 2, d.cap_h};
        else
            c->r = (SDL_Rect){vx, y, d.vw, d.cap_h};
        c->tr = c->r;
        c->center = !d.beside;
        ui_layout_text_box(ui, c, cap, m->f_body, true);
        fig->view = v;
        diagram_regions(ui, fig_i, v, &d);
        diagram_sides(ui, fig->r, vx, v, &d, labels);
    }
}

/* Where the switch button goes: a column at the right (landscape diagram), else a row
 * at the bottom; *main gets the rest of area. */
static SDL_Rect toggle_place(const Ui *ui, SDL_Rect area, bool column, SDL_Rect *main)
{
    const UiMetrics *m = &ui->m;
    *main = area;
    if (column) {
        int col = (int)(m->S * 0.38);
        main->w -= col + m->gap;
        return (SDL_Rect){area.x + area.w - col, area.y + (area.h - m->btn_h) / 2, col, m->btn_h};
    }
    int th = m->btn_h * 4 / 5, tw = (int)fmin(m->S * 0.7, area.w);
    main->h -= th + m->gap;
    return (SDL_Rect){area.x + (area.w - tw) / 2, area.y + area.h - th, tw, th};
}

void ui_layout_areas(Ui *ui, SDL_Rect area)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    bool multi = s->question && s->question->kind == QK_MULTI;
    /* the diagram, or the list of the same choices, with a button to switch */
    ui->body_toggle = true;
    /* the switch beside or under the diagram, whichever leaves the taller figure */
    SDL_Rect main_area, under_area, tr = toggle_place(ui, area, true, &main_area);
    SDL_Rect tr_under = toggle_place(ui, area, false, &under_area);
    Diagram d, du;
    diagram_best(ui, main_area, &d);
    diagram_best(ui, under_area, &du);
    if (du.fh >= d.fh) {
        d = du;
        main_area = under_area;
        tr = tr_under;
    }
    if (ui->body_mode == BODY_MODE_AUTO) {
        /* the diagram when its regions can be full-size targets, else the list */
        ui->body_list = d.fh * BODY_MIN_REGION < m->target_min;
    } else {
        ui->body_list = ui->body_mode == BODY_MODE_LIST;
    }
    if (ui->body_list) {
        Grid g;
        /* the list needs the width: the switch goes in a short row at the top right */
        int th = m->target_min * 5 / 4, tw = (int)fmin(m->S * 0.7, area.w);
        tr = (SDL_Rect){area.x + area.w - tw, area.y, tw, th};
        main_area = (SDL_Rect){area.x, area.y + th + m->gap / 2, area.w, area.h - th - m->gap / 2};
        grid_fit(ui, s->answers, s->nanswers, main_area, 1, 3, multi, &g);
        grid_place(ui, s->answers, s->nanswers, main_area, &g, multi, true, false);
    } else {
        layout_diagram(ui, main_area);
    }
    Button t = {.role = BTN_NAV, .key = -1};
    snprintf(t.id, sizeof t.id, "%s", ui->body_list ? UI_ID_SHOW_BODY : UI_ID_SHOW_LIST);
    t.label = ui->body_list ? word(ui, "body.show_diagram") : word(ui, "body.show_list");
    ui_layout_button(ui, tr, &t, m->f_answer, true, false);
}

void ui_layout_answers(Ui *ui, SDL_Rect area, int cols_max)
{
    const Screen *s = ui->screen;
    if (s->question && s->question->kind == QK_SCALE && s->kind == SCR_QUESTION) {
        layout_scale(ui, area);
        return;
    }
    bool multi = s->question && s->question->kind == QK_MULTI && s->kind == SCR_QUESTION;
    Grid g;
    /* the staff PIN pad is a phone pad: always three columns */
    int cols_min = s->kind == SCR_COUNT && s->nanswers == 10 ? 3 : 1;
    if (cols_min > cols_max)
        cols_max = cols_min;
    grid_fit(ui, s->answers, s->nanswers, area, cols_min, cols_max, multi, &g);
    grid_place(ui, s->answers, s->nanswers, area, &g, multi, true, cols_min == 3);
}
