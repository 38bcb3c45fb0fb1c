/* The areas question: where it hurts, as the body picture (a front view with the
 * joints, a back view with the back, the pelvis and the tailbone) or as a numbered list
 * of the same choices, with a "Picture | List" switch at the top right in both. Beside
 * the picture (landscape) or under it in a tray that keeps their room (portrait): the
 * name of the region last tapped and a chip for each chosen area; a tap on a chip
 * removes it. The list is layout_list.c's.
 *
 * The targets come first in the box order, the switch last, so that keyboard focus
 * moves from the navigation row straight into the choices. */
#include <stdio.h>
#include <string.h>

#include "../core/wipe.h"
#include "ui_int.h"

static const char *word(const Ui *ui, const char *key)
{
    return content_ui(ui->content, key, ui->screen->lang);
}

int ui_big_target(const Ui *ui)
{
    int big = 64 * ui->m.S / 1080;
    return big > ui->m.target_min ? big : ui->m.target_min;
}

static int answer_by_region(const Screen *s, const char *region)
{
    for (size_t i = 0; i < s->nanswers; i++)
        if (s->answers[i].region && strcmp(s->answers[i].region, region) == 0)
            return (int)i;
    return -1;
}

static int answer_by_id(const Screen *s, const char *id)
{
    for (size_t i = 0; i < s->nanswers; i++)
        if (strcmp(s->answers[i].id, id) == 0)
            return (int)i;
    return -1;
}

/* Where the parts of the picture go. */
typedef struct {
    SDL_Rect sw;   /* the switch */
    SDL_Rect pic;  /* the two views with their captions and side labels */
    SDL_Rect side; /* the name of the region last tapped, then the chips */
    int vgap;      /* half the space between the two views */
    int ch;        /* the height of a chip */
    int fh;        /* the height of one view */
    int cap_h;     /* the captions above the views */
    int lab_h;     /* the side labels under the front view */
} Plan;

/* The side labels under the front view: "your right" ends at the middle of the view
 * (and may reach into the margin at its left), "your left" starts there (and may reach
 * under the back view, which has nothing down there). Sets the rectangles of both for
 * a front view at x0 of width vw in p->pic, from y. */
static void side_labels(Ui *ui, const Plan *p, int x0, int vw, int y, SDL_Rect out[2])
{
    const UiMetrics *m = &ui->m;
    const char *labels[2] = {word(ui, "body.your_right"), word(ui, "body.your_left")};
    int mid = x0 + vw / 2, room[2] = {mid - m->gap / 2 - p->pic.x, vw + p->vgap};
    for (int i = 0; i < 2; i++) {
        int w, h;
        bool over;
        ui_text_measure(ui, labels[i], m->f_min, false, room[i], &w, &h, &over);
        w += 2;
        if (i == 0) /* at the view's left edge, or further left when it is longer */
            out[0] = (SDL_Rect){mid - m->gap / 2 - w < x0 ? mid - m->gap / 2 - w : x0, y, w, h};
        else /* at the view's right edge, or further right when it is longer */
            out[1] = (SDL_Rect){x0 + vw - w > mid + m->gap / 2 ? x0 + vw - w : mid + m->gap / 2, y,
                                w, h};
    }
}

/* The height of the side labels for views fh tall in p->pic. */
static int labels_height(Ui *ui, const Plan *p, int fh)
{
    int vw = (int)(fh * UI_PICTURE_ASPECT);
    SDL_Rect r[2];
    side_labels(ui, p, p->pic.x + (p->pic.w - 2 * vw - 2 * p->vgap) / 2, vw, 0, r);
    return r[0].h > r[1].h ? r[0].h : r[1].h;
}

/* The view height that fits pic, its labels and captions included. */
static int view_height(Ui *ui, Plan *p)
{
    const UiMetrics *m = &ui->m;
    int fh = (int)((p->pic.w - 2 * p->vgap) / (2 * UI_PICTURE_ASPECT));
    for (int pass = 0; pass < 3; pass++) {
        p->lab_h = labels_height(ui, p, fh);
        int by_h = p->pic.h - p->cap_h - p->lab_h - m->gap / 2;
        if (by_h < fh)
            fh = by_h;
    }
    return fh > 0 ? fh : 0;
}

/* The chips' tray: its padding, and the height of the name line at its top. */
static int tray_pad(const Ui *ui)
{
    return ui->m.pad * 3 / 4;
}

static int name_height(Ui *ui)
{
    return ui_text_line_height(ui, ui->m.f_body, true);
}

static void plan(Ui *ui, SDL_Rect area, Plan *p)
{
    const UiMetrics *m = &ui->m;
    int sh = m->target_min * 5 / 4;
    p->cap_h = ui_text_line_height(ui, m->f_small, true);
    p->vgap = m->gap;
    p->ch = sh;
    if (ui->w > ui->h) { /* landscape: a column at the right */
        int col = (int)(m->S * 0.42);
        p->sw = (SDL_Rect){area.x + area.w - col, area.y, col, sh};
        p->side = (SDL_Rect){p->sw.x, area.y + sh + m->gap, col, area.h - sh - m->gap};
        p->pic = (SDL_Rect){area.x, area.y, area.w - col - m->gap, area.h};
        p->fh = view_height(ui, p);
        return;
    }
    /* portrait: the width bounds the picture, so the views take the side margins too
     * and stand closer; the tray under them reaches down to the navigation row, with
     * taller chips when two rows of them fit */
    int sw = area.w < m->S * 0.6 ? area.w : (int)(m->S * 0.6);
    p->sw = (SDL_Rect){area.x + area.w - sw, area.y, sw, sh};
    p->vgap = m->gap / 2;
    int y = area.y + sh + m->gap;
    int below = 2 * name_height(ui) + 2 * (sh + m->gap / 2) + 2 * tray_pad(ui);
    p->pic = (SDL_Rect){area.x - m->margin / 2, y, area.w + m->margin,
                        area.y + area.h - y - below - m->gap};
    p->fh = view_height(ui, p);
    p->pic.h = p->cap_h + p->fh + p->lab_h + m->gap / 2;
    int sy = p->pic.y + p->pic.h + m->gap;
    p->side = (SDL_Rect){area.x, sy, area.w, area.y + area.h - sy};
    int big = m->target_min * 3 / 2;
    if (p->side.h - 2 * tray_pad(ui) - name_height(ui) >= 2 * (big + m->gap / 2))
        p->ch = big;
}

/* The picture's regions are full-size targets at this plan. */
static bool picture_fits(const Ui *ui, const Plan *p)
{
    return p->fh * UI_PICTURE_MIN_REGION >= ui_big_target(ui) + 1;
}

static UiBox *add_text(Ui *ui, SDL_Rect r, const char *text, int px, bool bold, bool center)
{
    UiBox *b = ui_layout_add(ui, BX_TEXT);
    b->r = b->tr = r;
    b->center = center;
    ui_layout_text_box(ui, b, text, px, bold);
    return b;
}

/* Grows regions first..nboxes-1 to a target's size around their joints, unless two would
 * then come closer than the regions' gap (the structure check's: 8 px at 1080p). The
 * picture chosen by hand on a short screen had 44 px regions at 1024x600; on a smaller
 * one still, the joints are too close together for that, and they stay as drawn. */
static void grow_regions(Ui *ui, int first)
{
    int tm = ui->m.target_min, gap = 8 * ui->m.S / 1080 > 1 ? 8 * ui->m.S / 1080 : 1;
    SDL_Rect grown[UI_MAX_BOXES];
    for (int i = first; i < ui->nboxes; i++) {
        SDL_Rect r = ui->boxes[i].r;
        if (r.w < tm) {
            r.x -= (tm - r.w) / 2;
            r.w = tm;
        }
        if (r.h < tm) {
            r.y -= (tm - r.h) / 2;
            r.h = tm;
        }
        grown[i] = r;
    }
    for (int i = first; i < ui->nboxes; i++)
        for (int j = i + 1; j < ui->nboxes; j++) {
            const SDL_Rect *a = &grown[i], *b = &grown[j];
            int dx = b->x - (a->x + a->w) > a->x - (b->x + b->w) ? b->x - (a->x + a->w)
                                                                 : a->x - (b->x + b->w);
            int dy = b->y - (a->y + a->h) > a->y - (b->y + b->h) ? b->y - (a->y + a->h)
                                                                 : a->y - (b->y + b->h);
            if ((dx > dy ? dx : dy) < gap)
                return;
        }
    for (int i = first; i < ui->nboxes; i++)
        ui->boxes[i].r = grown[i];
}

static void view_regions(Ui *ui, int fig_i, int v)
{
    const Screen *s = ui->screen;
    SDL_Rect fr = ui->boxes[fig_i].r;
    size_t n;
    const UiPictureRegion *regs = ui_picture_regions(&n);
    int first = ui->nboxes;
    for (size_t i = 0; i < n; i++) {
        int ai = regs[i].view == v ? answer_by_region(s, regs[i].region) : -1;
        if (ai < 0)
            continue;
        UiBox *b = ui_layout_add(ui, BX_REGION);
        snprintf(b->id, sizeof b->id, "%s", s->answers[ai].id);
        int x0 = (int)(regs[i].x * fr.h), x1 = (int)((regs[i].x + regs[i].w) * fr.h);
        int y0 = (int)(regs[i].y * fr.h), y1 = (int)((regs[i].y + regs[i].h) * fr.h);
        b->r = (SDL_Rect){fr.x + x0, fr.y + y0, x1 - x0, y1 - y0};
        b->view = v;
        b->selected = s->answers[ai].selected;
        b->answer = true;
        b->radius = 0; /* square tiles: their edge is drawn as a plain outline */
    }
    grow_regions(ui, first);
}

/* The two views centred in p->pic, each with its caption; "your right" and "your left"
 * under the front view, on the sides where they are. */
static void layout_picture(Ui *ui, const Plan *p)
{
    const UiMetrics *m = &ui->m;
    int vw = (int)(p->fh * UI_PICTURE_ASPECT);
    int x0 = p->pic.x + (p->pic.w - 2 * vw - 2 * p->vgap) / 2;
    int y = p->pic.y + (p->pic.h - p->cap_h - p->fh - p->lab_h - m->gap / 2) / 2;
    UiBox *div = ui_layout_add(ui, BX_PANEL);
    div->r = (SDL_Rect){x0 + vw + p->vgap - 1, y, 3, p->cap_h + p->fh};
    div->bg = UI_LINE;
    div->fill = true;
    for (int v = 0; v < BODY_VIEW_COUNT; v++) {
        int vx = x0 + v * (vw + 2 * p->vgap);
        const char *cap = word(ui, v == BODY_FRONT ? "summary.front" : "summary.back");
        add_text(ui, (SDL_Rect){vx, y, vw, p->cap_h}, cap, m->f_small, true, true)->role =
            "caption";
        UiBox *fig = ui_layout_add(ui, BX_FIGURE); /* the head leaves room under the caption */
        fig->r = (SDL_Rect){vx, y + p->cap_h, vw, p->fh};
        fig->view = v;
        view_regions(ui, (int)(fig - ui->boxes), v);
    }
    /* the front view shows her right on the viewer's left */
    SDL_Rect lr[2];
    side_labels(ui, p, x0, vw, y + p->cap_h + p->fh + m->gap / 2, lr);
    const char *keys[2] = {"body.your_right", "body.your_left"};
    for (int i = 0; i < 2; i++)
        add_text(ui, lr[i], word(ui, keys[i]), m->f_min, false, false)->role = "side";
}

/* The name of the region last tapped (with a check mark while it is chosen), or how to
 * choose. The text is pooled: the layout check never copies it into a log. Returns the
 * y under it. */
static int layout_tapped(Ui *ui, SDL_Rect r)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    int ai = ui->tapped[0] ? answer_by_id(s, ui->tapped) : -1;
    bool on = ai >= 0 && s->answers[ai].selected; /* bold with a check mark while chosen */
    const char *text;
    if (ai >= 0)
        text = ui_pool_printf(ui, "%s%s", on ? "\xe2\x9c\x93 " : "", s->answers[ai].label);
    else
        text = ui_pool_printf(ui, "%s", word(ui, "body.tap_hint"));
    int w, h;
    bool over;
    ui_text_measure(ui, text, m->f_body, on, r.w, &w, &h, &over);
    UiBox *b = add_text(ui, (SDL_Rect){r.x, r.y, r.w, h}, text, m->f_body, on, false);
    b->role = "region-name";
    b->bg = ui->w > ui->h ? UI_PAPER : UI_BLUE_LIGHT;
    return r.y + h + m->gap / 2;
}

/* Portrait: the tray the name and the chips sit in under the picture, so that the room
 * kept for chips reads as theirs even while it is empty (in landscape the column beside
 * the picture is theirs). Returns where they go. */
static SDL_Rect layout_tray(Ui *ui, SDL_Rect r)
{
    if (ui->w > ui->h)
        return r;
    UiBox *t = ui_layout_add(ui, BX_PANEL);
    t->r = r;
    t->bg = UI_BLUE_LIGHT;
    t->border = UI_LINE;
    t->border_w = 1;
    t->radius = ui->m.S / 60;
    t->fill = true;
    t->role = "tray";
    int pad = tray_pad(ui);
    return (SDL_Rect){r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad};
}

/* One chip ch tall per chosen area, in rows inside r from y; "+N" when the rest do not
 * fit (in the last chip's place when there is no room beside it: 7 areas chosen at
 * 1280x720 showed 5 chips and nothing for the other 2). Taller chips carry body-size
 * text. A name too long for one line in the widest chip takes a row of its own, as tall
 * as its lines ("Right ankle or foot" at 1280x720 wrapped in a chip one line tall).
 * Returns the bottom of the last row (y when there is none). */
static int layout_chips(Ui *ui, SDL_Rect r, int y, int ch)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    int x = r.x, left = 0, row_h = ch, last = -1, placed = 0;
    int px = ch > m->target_min * 5 / 4 ? m->f_body : m->f_small;
    for (size_t i = 0; i < s->nanswers; i++) {
        if (!s->answers[i].selected)
            continue;
        Button chip = {.role = BTN_PRIMARY, .key = -1, .selected = true};
        int n = snprintf(chip.id, sizeof chip.id, "%s%s", UI_ID_CHIP, s->answers[i].id);
        if (n < 0 || (size_t)n >= sizeof chip.id)
            continue; /* an id too long for a chip: the picture still takes it off */
        /* no-break spaces: a wrapped name keeps the cross with its last word */
        chip.label = ui_pool_printf(ui, "%s\xc2\xa0\xc2\xa0\xe2\x9c\x95", s->answers[i].label);
        int w, h;
        bool over;
        ui_text_measure(ui, chip.label, px, true, r.w - 2 * m->pad - 2, &w, &h, &over);
        int one = ui_text_line_height(ui, px, true), bh = ch;
        if (h > one) { /* more than a line: the whole width, as tall as its lines */
            w = r.w;
            if (h + m->pad > bh)
                bh = h + m->pad;
        } else {
            w += 2 * m->pad + 2;
        }
        int nx = x, ny = y;
        if (nx > r.x && (nx + w > r.x + r.w || bh > ch || row_h > ch)) {
            nx = r.x;
            ny += row_h + m->gap / 2;
            row_h = ch;
        }
        if (left || ny + bh > r.y + r.h) {
            left++;
            continue;
        }
        last = ui->nboxes;
        placed++;
        UiBox *b = ui_layout_button(ui, (SDL_Rect){nx, ny, w, bh}, &chip, px, true, false);
        b->role = "chip";
        b->primary = false;
        b->radius = ch / 2;
        if (bh > row_h)
            row_h = bh;
        x = nx + w + m->gap / 2;
        y = ny;
    }
    int end = placed ? y + row_h : y;
    while (left) {
        const char *more = ui_pool_printf(ui, "+%d", left);
        int mw, mh;
        bool over;
        ui_text_measure(ui, more, m->f_small, true, r.w, &mw, &mh, &over);
        if (x + mw <= r.x + r.w) {
            add_text(ui, (SDL_Rect){x, y + (ch - mh) / 2, mw, mh}, more, m->f_small, true, false)
                ->bg = ui->w > ui->h ? UI_PAPER : UI_BLUE_LIGHT;
            break;
        }
        if (last < 0 || last != ui->nboxes - 1)
            break; /* no chip to give its place (none fit at all) */
        x = ui->boxes[last].r.x;
        y = ui->boxes[last].r.y;
        ui->nboxes--;
        left++;
        last = -1;
    }
    return end;
}

/* A notice ("Nothing is chosen yet...") beside or under the picture, for its seconds:
 * under the name and the chips (which end at bottom) when it fits there, at body size or
 * the smallest; else over them from the top, where a tap on it presses nothing. Never
 * over the picture, and it moves nothing: at the screen's foot it hid the ankles
 * (1280x720) or turned the picture into the list (1280x800), and in the name's place it
 * moved the chips under her finger. The boxes from first on are the name and the chips.
 * Leaves ui->notice_box -1 when r cannot hold it. */
static void layout_side_notice(Ui *ui, SDL_Rect r, int first, int bottom)
{
    const UiMetrics *m = &ui->m;
    int px[2] = {m->f_body, m->f_min};
    for (int k = 0; k < 2; k++) {
        int nh = ui_layout_notice_height(ui, r.w, px[k]);
        if (bottom + m->gap / 2 + nh <= r.y + r.h) {
            ui_layout_notice_at(ui, r.x, r.w, bottom + m->gap / 2 + nh, px[k]);
            return;
        }
    }
    for (int k = 0; k < 2; k++) {
        int nh = ui_layout_notice_height(ui, r.w, px[k]);
        if (nh > r.h)
            continue;
        ui_layout_notice_at(ui, r.x, r.w, r.y + nh, px[k]);
        /* down over the whole of a chip it would cut, so that no sliver peeks out */
        UiBox *n = &ui->boxes[ui->notice_box];
        int end = n->r.y + n->r.h;
        for (int i = first; i < ui->notice_box; i++) {
            const SDL_Rect *b = &ui->boxes[i].r;
            if (b->x < r.x + r.w && b->x + b->w > r.x && b->y < end && b->y + b->h > end &&
                b->y + b->h <= r.y + r.h && b->y + b->h > n->r.y + n->r.h)
                n->r.h = b->y + b->h - n->r.y;
        }
        n->tr.y += (n->r.h - (end - n->r.y)) / 2;
        return;
    }
}

/* The switch at the top: "Picture | List", the one shown selected. */
static void layout_switch(Ui *ui, SDL_Rect r)
{
    const UiMetrics *m = &ui->m;
    int half = (r.w - m->gap / 3) / 2;
    const char *ids[2] = {UI_ID_SHOW_BODY, UI_ID_SHOW_LIST};
    const char *keys[2] = {"body.picture", "body.list"};
    for (int i = 0; i < 2; i++) {
        Button b = {.role = BTN_NAV, .key = -1, .selected = (i == 1) == ui->body_list};
        snprintf(b.id, sizeof b.id, "%s", ids[i]);
        b.label = word(ui, keys[i]);
        SDL_Rect hr = {r.x + i * (r.w - half), r.y, half, r.h};
        ui_layout_button(ui, hr, &b, m->f_answer, true, false)->role = "switch";
    }
}

/* The picture can be picked by hand at this plan: its regions, grown around their
 * joints, are all at least a target's size. Lays it out and takes it back. */
static bool picture_usable(Ui *ui, const Plan *p)
{
    int first = ui->nboxes;
    size_t pool = ui->pool_used;
    layout_picture(ui, p);
    bool ok = true;
    for (int i = first; i < ui->nboxes; i++)
        if (ui->boxes[i].kind == BX_REGION &&
            (ui->boxes[i].r.w < ui->m.target_min || ui->boxes[i].r.h < ui->m.target_min))
            ok = false;
    wipe(&ui->boxes[first], (size_t)(ui->nboxes - first) * sizeof ui->boxes[0]);
    ui->nboxes = first;
    ui->pool_used = pool;
    return ok;
}

void ui_layout_areas(Ui *ui, SDL_Rect area)
{
    const UiMetrics *m = &ui->m;
    Plan p;
    plan(ui, area, &p);
    ui->picture_fits = picture_fits(ui, &p);
    /* where even the picture picked by hand would have regions under a target's size
       (800x480), the list alone, without the switch, takes the switch's row too */
    if (ui->hand_probe)
        ui->picture_by_hand = ui->picture_fits || picture_usable(ui, &p);
    bool usable = ui->picture_fits || ui->picture_by_hand;
    if (!usable)
        ui->body_list = true;
    else if (ui->body_mode == BODY_MODE_AUTO)
        ui->body_list = !ui->picture_fits; /* the picture whenever it fits */
    else
        ui->body_list = ui->body_mode == BODY_MODE_LIST;
    if (ui->body_list) {
        int top = usable ? p.sw.y + p.sw.h + m->gap / 2 : area.y;
        ui_layout_areas_list(ui, (SDL_Rect){area.x, top, area.w, area.y + area.h - top});
    } else {
        layout_picture(ui, &p);
        SDL_Rect in = layout_tray(ui, p.side);
        int first = ui->nboxes;
        int bottom = layout_chips(ui, in, layout_tapped(ui, in), p.ch);
        if (ui->notice_side)
            layout_side_notice(ui, in, first, bottom);
    }
    if (usable)
        layout_switch(ui, p.sw);
}
