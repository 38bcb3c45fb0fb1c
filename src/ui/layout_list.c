/* The areas question as a numbered list: the left and right of a joint side by side,
 * in two columns, or in three on a screen too short for two (left sides, the areas
 * without sides, right sides). */
#include <string.h>

#include "ui_int.h"

#define UI_LIST_MAX_COLS 3 /* two columns, three on a short screen */

/* Left and right of one joint: "hip_left" and "hip_right". */
static bool is_pair(const Button *a, const Button *b)
{
    if (!a->region || !b->region)
        return false;
    const char *sa = strrchr(a->region, '_'), *sb = strrchr(b->region, '_');
    if (!sa || !sb || sa - a->region != sb - b->region ||
        strncmp(a->region, b->region, (size_t)(sa - a->region)) != 0)
        return false;
    return (strcmp(sa, "_left") == 0 && strcmp(sb, "_right") == 0) ||
           (strcmp(sa, "_right") == 0 && strcmp(sb, "_left") == 0);
}

/* The list's rows: a joint's two sides, or two of the other areas. Returns the count. */
static int list_rows(const Screen *s, int rows[][2])
{
    int n = 0;
    size_t i = 0, na = s->nanswers;
    while (i < na) {
        bool pair = i + 1 < na && is_pair(&s->answers[i], &s->answers[i + 1]);
        /* another single: the next one when it does not start a pair */
        bool two = pair ||
                   (i + 1 < na && !(i + 2 < na && is_pair(&s->answers[i + 1], &s->answers[i + 2])));
        rows[n][0] = (int)i;
        rows[n][1] = two ? (int)i + 1 : -1;
        n++;
        i += two ? 2 : 1;
    }
    return n;
}

/* The list's cells in ncols columns: two, the rows of list_rows(); three, each joint's
 * left side, then an area without sides, then the joint's right side, so that a
 * joint's two sides stay in one row. Returns the count of rows. */
static int list_grid(const Screen *s, int ncols, int cells[][UI_LIST_MAX_COLS])
{
    int rows[SCREEN_MAX_ANSWERS][2];
    int n = list_rows(s, rows);
    for (int r = 0; r < SCREEN_MAX_ANSWERS; r++)
        for (int c = 0; c < UI_LIST_MAX_COLS; c++)
            cells[r][c] = -1;
    if (ncols == 2) {
        for (int r = 0; r < n; r++)
            cells[r][0] = rows[r][0], cells[r][1] = rows[r][1];
        return n;
    }
    int npairs = 0, nsingles = 0;
    for (int r = 0; r < n; r++) {
        const Button *a = &s->answers[rows[r][0]];
        if (rows[r][1] >= 0 && is_pair(a, &s->answers[rows[r][1]])) {
            cells[npairs][0] = rows[r][0];
            cells[npairs++][2] = rows[r][1];
            continue;
        }
        for (int c = 0; c < 2 && rows[r][c] >= 0; c++)
            cells[nsingles++][1] = rows[r][c];
    }
    return npairs > nsingles ? npairs : nsingles;
}

typedef struct {
    int row_h;       /* the rows' height, before it is raised to a big target */
    bool labels_fit; /* the labels fit in it */
    int bottom;      /* the y under the last row, as laid out */
} ListFit;

/* The numbered list in ncols columns: the largest text size whose labels fit in two
 * lines and the rows' height there, at least a big target and at most a button's height
 * (a third more in portrait, like the answer grids). Lays it out when lay is set. */
static ListFit layout_list_cols(Ui *ui, SDL_Rect area, int ncols, bool lay)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    bool multi = s->question && s->question->kind == QK_MULTI;
    int cells[SCREEN_MAX_ANSWERS][UI_LIST_MAX_COLS];
    int nrows = list_grid(s, ncols, cells);
    int colw = (area.w - (ncols - 1) * m->gap) / ncols, rgap = m->gap / 2;
    int px = m->f_answer, bh = ui_big_target(ui);
    ListFit f = {0};
    for (;; px -= px > 40 ? 3 : 2) {
        if (px < m->f_min)
            px = m->f_min;
        /* what ui_layout_button keeps beside the text: padding, badge, check box */
        int extra = 2 * m->pad + (int)(px * 1.5) + m->pad / 2, lines;
        if (multi)
            extra += (int)(px * 1.2) + m->pad / 2;
        bool fits;
        int got =
            ui_fit_labels(ui, s->answers, s->nanswers, colw - extra, px, 2, false, &lines, &fits);
        fits = fits && got == px; /* else a smaller size is tried */
        int need = lines * ui_text_line_height(ui, px, false) + m->pad;
        bh = (area.h - (nrows - 1) * rgap) / (nrows > 0 ? nrows : 1);
        int cap = ui->h > ui->w ? m->btn_h * 4 / 3 : m->btn_h; /* portrait has the height */
        if (bh > cap)
            bh = cap;
        f.labels_fit = fits && bh >= need;
        if (f.labels_fit || px == m->f_min)
            break;
    }
    f.row_h = bh;
    if (bh < ui_big_target(ui))
        bh = ui_big_target(ui);
    f.bottom = area.y + nrows * bh + (nrows - 1) * rgap;
    if (!lay)
        return f;
    /* in the content's order, wherever each stands: the order of the numbers is the
       keyboard's (in three columns "4 1 5" stand in a row) */
    ui->reserve_badge = true;
    for (int i = 0; i < (int)s->nanswers; i++)
        for (int r = 0; r < nrows; r++)
            for (int c = 0; c < ncols; c++) {
                if (cells[r][c] != i)
                    continue;
                Button b = s->answers[i];
                b.key = i + 1; /* every option numbered, in the content's order */
                SDL_Rect br = {area.x + c * (colw + m->gap), area.y + r * (bh + rgap), colw, bh};
                ui_layout_button(ui, br, &b, px, false, multi);
            }
    ui->reserve_badge = false;
    return f;
}

/* The numbered list: in two columns, a joint's sides side by side; in three when two
 * columns' rows are too short for a target even under the small title (at 800x480 the
 * last rows lay over Go back and Done, which took taps meant for the wrists and ankles).
 * The rows are placed as they are without a notice at the foot, so that its seconds
 * move nothing; list_under_notice says when they reach under it. */
void ui_layout_areas_list(Ui *ui, SDL_Rect area)
{
    SDL_Rect room = area;
    room.h += ui->notice_room;
    int ncols = 2, most = ui->title_small ? UI_LIST_MAX_COLS : 2;
    for (int c = 2; c <= most; c++) {
        ListFit f = layout_list_cols(ui, room, c, false);
        if (f.row_h >= ui_big_target(ui) && f.labels_fit) {
            ncols = c;
            break;
        }
    }
    ListFit f = layout_list_cols(ui, room, ncols, true);
    ui->list_fits = f.row_h >= ui_big_target(ui);
    ui->list_under_notice = f.bottom > area.y + area.h;
}
