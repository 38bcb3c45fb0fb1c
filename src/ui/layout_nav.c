/* The bottom row of navigation buttons, laid out alike in both languages, and the
 * label fitting it shares with the answer grids. */
#include <stdio.h>
#include <string.h>

#include "ui_int.h"

/* The largest font (max_px down to the minimum) at which every label fits width on at
 * most max_lines lines; *lines gets the most lines used. */
int ui_fit_labels(Ui *ui, const Button *btns, size_t n, int width, int max_px, int max_lines,
                  bool bold, int *lines, bool *fits)
{
    int px = max_px;
    for (;;) {
        int most = 1;
        bool ok = true;
        for (size_t i = 0; i < n && ok; i++) {
            int w;
            bool over;
            int k = ui_text_wrap(ui, btns[i].label ? btns[i].label : btns[i].id, px, bold, width,
                                 &w, &over);
            if (over || k > max_lines)
                ok = false;
            if (k > most)
                most = k;
        }
        *lines = most;
        *fits = ok;
        if (ok || px <= ui->m.f_min)
            return ok ? px : ui->m.f_min;
        px -= px > 40 ? 3 : 2;
        if (px < ui->m.f_min)
            px = ui->m.f_min;
    }
}

/* The label a navigation button has in the other language, so the button row can be
 * laid out the same way in both. */
static const char *other_label(const Ui *ui, const Button *b)
{
    const Screen *s = ui->screen;
    if (s->kind == SCR_COUNT)
        return b->label; /* the staff menu */
    Lang other = s->lang == LANG_EN ? LANG_ES : LANG_EN;
    char key[64];
    if (strcmp(b->id, UI_ID_SHOW_PLAN) == 0)
        snprintf(key, sizeof key, "results.read_plan");
    else if (strcmp(b->id, UI_ID_SHOW_SUMMARY) == 0)
        snprintf(key, sizeof key, "results.back_summary");
    else
        snprintf(key, sizeof key, "button.%s", b->id);
    const char *t = content_ui(ui->content, key, other);
    return strcmp(t, key) == 0 ? b->label : t;
}

/* The bottom row of navigation buttons: Back at the left, the rest packed to the right
 * with the primary last. The arrangement is chosen for the labels of both languages,
 * so the row looks the same in each. Returns the row's top. */
int ui_layout_nav(Ui *ui, const Button *nav, size_t n, int bottom)
{
    const UiMetrics *m = &ui->m;
    if (n == 0)
        return bottom;
    Button both[2 * SCREEN_MAX_NAV + 2];
    size_t nb = n < SCREEN_MAX_NAV + 1 ? n : SCREEN_MAX_NAV + 1;
    for (size_t i = 0; i < nb; i++) {
        both[i] = nav[i];
        both[nb + i] = nav[i];
        both[nb + i].label = other_label(ui, &nav[i]);
    }
    int W = ui->w - 2 * m->margin;
    int cap = (int)(m->S * 0.42);
    /* one row of one-line labels if possible, then two rows, then two-line labels */
    static const struct {
        int rows, lines;
        bool comfortable; /* at least the body text size */
    } tries[] = {{1, 1, true},  {1, 1, false}, {1, 2, false}, {2, 1, true},
                 {2, 1, false}, {2, 2, false}, {3, 2, false}};
    const int ntries = (int)(sizeof tries / sizeof tries[0]);
    for (int attempt = 0; attempt < ntries; attempt++) {
        int rows = tries[attempt].rows, max_lines = tries[attempt].lines;
        int per = (int)((n + (size_t)rows - 1) / (size_t)rows);
        int bw = (W - (per - 1) * m->gap) / per;
        if (bw > cap && rows == 1)
            bw = cap; /* several rows tile the width so their columns line up */
        int lines;
        bool fits;
        int px = ui_fit_labels(ui, both, 2 * nb, bw - 2 * m->pad, m->f_answer, max_lines, true,
                               &lines, &fits);
        int bh = lines * ui_text_line_height(ui, px, true) + 2 * m->pad;
        if (bh < m->btn_h)
            bh = m->btn_h;
        if ((!fits || (tries[attempt].comfortable && px < m->f_body)) && attempt < ntries - 1)
            continue;
        int top = bottom - rows * bh - (rows - 1) * m->gap;
        for (size_t i = 0; i < n; i++) {
            int row = (int)i / per, col = (int)i % per;
            int in_row = (row == rows - 1) ? (int)n - row * per : per;
            int x;
            if (strcmp(nav[i].id, FLOW_BACK) == 0 && col == 0)
                x = m->margin;
            else
                x = m->margin + W - (in_row - col) * bw - (in_row - col - 1) * m->gap;
            SDL_Rect r = {x, top + row * (bh + m->gap), bw, bh};
            ui_layout_button(ui, r, &nav[i], px, true, false);
        }
        return top;
    }
    return bottom;
}
