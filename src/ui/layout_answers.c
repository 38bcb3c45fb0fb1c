/* Answer layouts: the grid of answer buttons and the 0-10 scale row with its anchor
 * words (the areas screen is layout_areas.c). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_int.h"

typedef struct {
    int cols, rows, bw, bh, px;
    int rgap; /* the gap between rows */
} Grid;

/* Finds the grid that fits n buttons into area: in portrait first with a third taller
 * buttons (the height is there, and a thumb holding a baby needs it), then with
 * full-height buttons, then with rows squeezed to 1.5 minimum targets, then to the
 * minimum itself (with half gaps); within each, the largest text first, then the
 * fewest columns. Returns false when none does (g then holds the densest one). */
static bool grid_fit(Ui *ui, const Button *btns, size_t n, SDL_Rect area, int cols_min,
                     int cols_max, bool checkbox, Grid *g)
{
    const UiMetrics *m = &ui->m;
    for (int stage = ui->h > ui->w ? -1 : 0; stage < 3; stage++) {
        int rgap = stage == 2 ? m->gap / 3 : m->gap;
        int floor_h = stage == -1  ? m->btn_h * 4 / 3
                      : stage == 0 ? m->btn_h
                      : stage == 1 ? m->target_min * 3 / 2
                                   : m->target_min;
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
                int bh = stage <= 0 ? (int)fmax(need + m->pad / 2, floor_h) : room;
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
        if (pad && i + 1 == n && n % (size_t)g->cols == 1)
            col = g->cols / 2; /* a phone pad: the 0 alone under the middle column */
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
    /* portrait keys are narrow: taller than wide, for a thumb */
    int bh = (int)fmin(fmax(m->btn_h * 1.2, bw * (rows == 2 ? 1.3 : 0.9)), m->btn_h * 1.8);
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
    int cols_min = flow_kind_is_staff(s->kind) && s->nanswers == 10 ? 3 : 1;
    if (cols_min > cols_max)
        cols_max = cols_min;
    grid_fit(ui, s->answers, s->nanswers, area, cols_min, cols_max, multi, &g);
    grid_place(ui, s->answers, s->nanswers, area, &g, multi, true, cols_min == 3);
}
