/* The results document on screen: the paragraphs doc_build.c made from the Summary,
 * laid out at the view's width and each rendered once into a texture when first
 * drawn; the clinician's part in coloured cards with an icon each. Pages scroll by a
 * whole view, cut at a whole line, with a fade where it goes on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/summary.h"
#include "../core/wipe.h"
#include "ui_int.h"

static const SDL_Color AMBER = {0xa8, 0x4b, 0x00, 0xff};
static const SDL_Color AMBER_INK = {0x6e, 0x2e, 0x00, 0xff};
static const SDL_Color AMBER_LIGHT = {0xff, 0xf1, 0xd6, 0xff};
static const SDL_Color GREY_LIGHT = {0xee, 0xf0, 0xf4, 0xff};

static void card_colors(DocCard card, SDL_Color *bg, SDL_Color *bar, SDL_Color *ink,
                        SDL_Color *head)
{
    switch (card) {
    case CARD_URGENT:
        *bg = UI_RED, *bar = UI_RED, *ink = UI_WHITE, *head = UI_WHITE;
        return;
    case CARD_TODAY:
        *bg = AMBER_LIGHT, *bar = AMBER, *ink = UI_INK, *head = AMBER_INK;
        return;
    case CARD_UNANSWERED:
        *bg = GREY_LIGHT, *bar = UI_GREY, *ink = UI_INK, *head = UI_INK;
        return;
    case CARD_STEPS:
        *bg = UI_BLUE_LIGHT, *bar = UI_BLUE, *ink = UI_INK, *head = UI_BLUE;
        return;
    case CARD_NONE:
        break;
    }
    *bg = *bar = UI_PAPER;
    *ink = UI_INK;
    *head = UI_BLUE;
}

/* A flag card (urgent, today, not answered): made denser when the results are long. */
static bool flag_card(DocCard c)
{
    return c == CARD_URGENT || c == CARD_TODAY || c == CARD_UNANSWERED;
}

static void para_style(const Ui *ui, const DocPara *p, int *px, bool *bold, SDL_Color *fg,
                       int *space)
{
    const UiMetrics *m = &ui->m;
    DocStyle st = p->style;
    SDL_Color bg, bar, ink, head;
    card_colors(p->card, &bg, &bar, &ink, &head);
    *bold = st == DOC_H2 || st == DOC_H3 || st == DOC_ITEM;
    *fg = st == DOC_H2 || st == DOC_H3 ? head : st == DOC_NOTE && !p->card ? UI_GREY : ink;
    *px = st == DOC_H2 ? (m->f_title + m->f_body) / 2 : st == DOC_NOTE ? m->f_min : m->f_body;
    if (st == DOC_H3 && p->card)
        *px = m->f_answer; /* told apart by the card's colour and icon */
    *space = st == DOC_H2 ? m->gap * 2 : st == DOC_H3 || st == DOC_ITEM ? m->gap : m->gap / 3;
    if (p->card && st != DOC_H3)
        *space = m->gap / 4;                   /* the lines of a card: a list, close together */
    if (ui->doc_compact && flag_card(p->card)) /* many flags: all in the first view */
        *px = st == DOC_H3 && ui->doc_compact < 2 ? m->f_body : m->f_min;
}

/* The glyph in each card's icon: tell now, tell today, not answered, next steps. */
static const char *const icon_glyph[CARD_STEPS + 1] = {"", "!", "\xe2\x80\xa6", "?",
                                                       "\xe2\x9c\x93"};

/* The card icon: as tall as a heading line, smaller in the densest cards. */
static int icon_size(const Ui *ui)
{
    return (ui->doc_compact >= 2 ? ui->m.f_min : ui->m.f_body) * 6 / 5;
}

/* The lines of card c's list from paragraph i on (its heading excluded). */
static int card_items(const Ui *ui, int i)
{
    int n = 0;
    for (int k = i; k < ui->ndoc && ui->doc[k].card == ui->doc[i].card; k++)
        n += ui->doc[k].style != DOC_H3;
    return n;
}

/* Where the paragraphs of one card's list go: one column, or at the densest two side
 * by side, each item at the foot of the shorter column (the last of an odd number
 * across both, below them). */
typedef struct {
    int k, n;    /* the item being placed, and how many the list has */
    int foot[2]; /* the bottom of each column so far (0: empty) */
    int col;     /* the current item's column, or -1: one column */
} CardList;

static void place_item(Ui *ui, DocPara *p, CardList *cl, int *y, int inset, int width)
{
    const UiMetrics *m = &ui->m;
    bool dense = ui->doc_compact >= 2 && flag_card(p->card) && p->style != DOC_H3;
    if (dense)
        inset = 2 * m->pad; /* the list from under the icon, past the card's bar */
    int full = width - inset - 2 * m->pad;
    p->x = p->card ? inset : 0;
    p->w = p->card ? full : width;
    cl->col = -1;
    bool last_odd = cl->k == cl->n - 1 && cl->n % 2; /* spans both, below them */
    if (dense && cl->n >= 3 && last_odd) {
        *y = (cl->foot[0] > cl->foot[1] ? cl->foot[0] : cl->foot[1]) + m->gap / 4;
    } else if (dense && cl->n >= 3) {
        if (cl->k == 0)
            cl->foot[0] = cl->foot[1] = *y;
        cl->col = cl->k >= 2 && cl->foot[1] < cl->foot[0] ? 1 : cl->k % 2 && cl->k < 2 ? 1 : 0;
        p->w = (full - m->gap) / 2;
        p->x += cl->col * (p->w + m->gap);
        *y = cl->k < 2 ? cl->foot[cl->col] : cl->foot[cl->col] + m->gap / 4;
    }
    if (p->card && p->style != DOC_H3)
        cl->k++;
    p->y = *y;
}

/* After the item is measured: the list goes on below the taller column. */
static void item_placed(CardList *cl, const DocPara *p, int *y)
{
    *y = p->y + p->h;
    if (cl->col < 0)
        return;
    cl->foot[cl->col] = *y;
    *y = cl->foot[0] > cl->foot[1] ? cl->foot[0] : cl->foot[1];
}

/* Places every paragraph at width (once per width and density); card text is inset
 * past the card's icon. Textures are made when a paragraph is first drawn. */
void ui_doc_layout(Ui *ui, int width)
{
    if (ui->doc_width == width && ui->ndoc)
        return;
    const UiMetrics *m = &ui->m;
    int y = 0, inset = 2 * m->pad + icon_size(ui) + m->pad;
    CardList cl = {0};
    ui->ncards = 0;
    for (int i = 0; i < ui->ndoc; i++) {
        DocPara *p = &ui->doc[i];
        int px, space, w;
        bool bold, over;
        SDL_Color fg;
        para_style(ui, p, &px, &bold, &fg, &space);
        bool opens = p->card && (i == 0 || ui->doc[i - 1].card != p->card);
        bool closes = p->card && (i + 1 == ui->ndoc || ui->doc[i + 1].card != p->card);
        bool after_card = i > 0 && ui->doc[i - 1].card && ui->doc[i - 1].card != p->card;
        int pad = ui->doc_compact && flag_card(p->card) ? m->pad / (1 + ui->doc_compact) : m->pad;
        int gap = ui->doc_compact ? m->gap / (1 + ui->doc_compact) : m->gap;
        if (i)
            y += after_card ? gap : opens ? gap : space;
        if (opens && ui->ncards < UI_DOC_CARDS) {
            ui->doc_cards[ui->ncards].card = p->card;
            ui->doc_cards[ui->ncards].y = y;
            ui->ncards++;
            y += pad;
            cl = (CardList){.n = card_items(ui, i)};
        }
        place_item(ui, p, &cl, &y, inset, width);
        if (p->tex)
            SDL_DestroyTexture(p->tex);
        p->tex = NULL;
        ui_text_measure(ui, p->text, px, bold, p->w, &w, &p->h, &over);
        p->px = px;
        p->line_h = ui_text_line_height(ui, px, bold);
        item_placed(&cl, p, &y);
        if (closes && ui->ncards > 0) {
            y += pad;
            ui->doc_cards[ui->ncards - 1].h = y - ui->doc_cards[ui->ncards - 1].y;
        }
    }
    ui->doc_height = y + m->gap;
    ui->doc_width = width;
}

static void para_texture(Ui *ui, DocPara *p)
{
    int px, space;
    bool bold;
    SDL_Color fg;
    para_style(ui, p, &px, &bold, &fg, &space);
    p->tex = ui_text_render(ui, p->text, px, bold, fg, p->w, false, &p->tw, &p->th);
}

static SDL_Texture *icon_texture(Ui *ui, DocCard c)
{
    if (!ui->doc_icon[c])
        ui->doc_icon[c] = ui_text_render(ui, icon_glyph[c], icon_size(ui) * 2 / 3, true,
                                         c == CARD_URGENT ? UI_RED : UI_WHITE, icon_size(ui) * 2,
                                         false, &ui->icon_w[c], &ui->icon_h[c]);
    return ui->doc_icon[c];
}

void ui_doc_free(Ui *ui)
{
    for (int i = 0; i < ui->ndoc; i++)
        if (ui->doc[i].tex)
            SDL_DestroyTexture(ui->doc[i].tex);
    for (int c = 0; c <= CARD_STEPS; c++) {
        if (ui->doc_icon[c])
            SDL_DestroyTexture(ui->doc_icon[c]);
        ui->doc_icon[c] = NULL;
    }
    ui->ndoc = 0;
    ui->ncards = 0;
    wipe_free(ui->doc_text, ui->doc_cap); /* patient data */
    ui->doc_text = NULL;
    ui->doc_len = ui->doc_cap = 0;
    ui->doc_summary = NULL;
    ui->doc_width = 0;
    ui->doc_view_h = 0;
    ui->scroll = 0;
}

/* The bottom of the last whole line that fits a view of height h from scroll s: the
 * view is cut there, never through a line. */
static int doc_cut(const Ui *ui, int s, int h)
{
    if (ui->doc_height <= s + h)
        return s + h;
    int best = s;
    for (int i = 0; i < ui->ndoc; i++) {
        const DocPara *p = &ui->doc[i];
        int lh = p->line_h > 0 ? p->line_h : p->h;
        int n = lh > 0 ? (p->h + lh / 2) / lh : 1;
        for (int k = 1; k <= n; k++) {
            int bottom = k == n ? p->y + p->h : p->y + k * lh;
            if (bottom <= s + h && bottom > best)
                best = bottom;
        }
    }
    for (int c = 0; c < ui->ncards; c++) {
        int bottom = ui->doc_cards[c].y + ui->doc_cards[c].h;
        if (bottom <= s + h && bottom > best)
            best = bottom;
    }
    return best > s ? best : s + h;
}

/* The highest scroll position: the document's end in view, starting at a line. */
static int doc_max_scroll(const Ui *ui, int h)
{
    int want = ui->doc_height - h;
    if (want <= 0)
        return 0;
    int best = ui->doc_height;
    for (int i = 0; i < ui->ndoc; i++) {
        const DocPara *p = &ui->doc[i];
        int lh = p->line_h > 0 ? p->line_h : p->h;
        for (int top = p->y; top<p->y + p->h; top += lh> 0 ? lh : p->h + 1)
            if (top >= want && top < best)
                best = top;
    }
    return best < ui->doc_height ? best : want;
}

static void update_view(Ui *ui)
{
    int h = ui->boxes[ui->doc_box].r.h;
    ui->doc_view_h = doc_cut(ui, ui->scroll, h) - ui->scroll;
}

void ui_doc_scroll_by(Ui *ui, int dy)
{
    if (ui->doc_box < 0)
        return;
    int view = ui->boxes[ui->doc_box].r.h;
    int max = doc_max_scroll(ui, view);
    int s = ui->scroll + dy;
    if (s > max)
        s = max;
    if (s < 0)
        s = 0;
    if (s != ui->scroll) {
        ui->scroll = s;
        ui->dirty = true;
    }
    update_view(ui);
}

/* Pages by a whole view: down starts at the first line not wholly shown; up shows the
 * page that ends where this one starts. dir is +1 (down) or -1 (up). */
void ui_doc_page(Ui *ui, int dir)
{
    if (ui->doc_box < 0)
        return;
    int view = ui->boxes[ui->doc_box].r.h;
    if (dir > 0) {
        ui_doc_scroll_by(ui, doc_cut(ui, ui->scroll, view) - ui->scroll);
        return;
    }
    int want = ui->scroll - view, best = 0;
    if (want > 0) {
        best = ui->scroll;
        for (int i = 0; i < ui->ndoc; i++) {
            const DocPara *p = &ui->doc[i];
            int lh = p->line_h > 0 ? p->line_h : p->h + 1;
            for (int top = p->y; top < p->y + p->h; top += lh)
                if (top >= want && top < best)
                    best = top;
        }
    }
    ui_doc_scroll_by(ui, best - ui->scroll);
}

static void draw_icon(Ui *ui, DocCard card, int x, int y)
{
    int d = icon_size(ui);
    SDL_Rect r = {x, y, d, d};
    SDL_Color bg, bar, ink, head;
    card_colors(card, &bg, &bar, &ink, &head);
    if (card == CARD_URGENT) {
        ui_draw_ellipse(ui, r, UI_WHITE);
    } else if (card == CARD_TODAY) {
        /* a speech bubble: tell your clinician */
        SDL_Rect b = {x, y, d, d * 3 / 4};
        ui_draw_round_rect(ui, b, d / 4, bar);
        SDL_Vertex v[3];
        SDL_FPoint pt[3] = {{(float)(x + d / 5), (float)(y + d * 3 / 4 - 1)},
                            {(float)(x + d / 2), (float)(y + d * 3 / 4 - 1)},
                            {(float)(x + d / 6), (float)(y + d)}};
        for (int i = 0; i < 3; i++) {
            v[i].position = pt[i];
            v[i].color = bar;
            v[i].tex_coord.x = v[i].tex_coord.y = 0;
        }
        SDL_RenderGeometry(ui->ren, NULL, v, 3, NULL, 0);
        r = b;
    } else {
        ui_draw_ellipse(ui, r, bar);
    }
    SDL_Texture *t = icon_texture(ui, card);
    if (t) {
        SDL_Rect dst = {r.x + (r.w - ui->icon_w[card]) / 2, r.y + (r.h - ui->icon_h[card]) / 2,
                        ui->icon_w[card], ui->icon_h[card]};
        SDL_RenderCopy(ui->ren, t, NULL, &dst);
    }
}

void ui_doc_draw(Ui *ui, const UiBox *b)
{
    const UiMetrics *m = &ui->m;
    int view_h = ui->doc_view_h > 0 ? ui->doc_view_h : b->r.h;
    SDL_Rect clip = {b->r.x, b->r.y, b->r.w, view_h};
    SDL_RenderSetClipRect(ui->ren, &clip);
    for (int c = 0; c < ui->ncards; c++) {
        int y = b->r.y + ui->doc_cards[c].y - ui->scroll;
        if (y + ui->doc_cards[c].h < b->r.y || y > b->r.y + view_h)
            continue;
        SDL_Color bg, bar, ink, head;
        card_colors(ui->doc_cards[c].card, &bg, &bar, &ink, &head);
        SDL_Rect r = {b->tr.x, y, b->tr.w, ui->doc_cards[c].h};
        ui_draw_box_frame(ui, r, m->S / 60, m->S / 240 + 2, bar, bg);
        ui_draw_round_rect(ui, (SDL_Rect){r.x, r.y, m->pad, r.h}, m->pad / 2, bar);
        draw_icon(ui, ui->doc_cards[c].card, r.x + 2 * m->pad, y + m->pad);
    }
    for (int i = 0; i < ui->ndoc; i++) {
        DocPara *p = &ui->doc[i];
        int y = b->r.y + p->y - ui->scroll;
        if (y + p->h < b->r.y || y > b->r.y + view_h)
            continue;
        if (!p->tex)
            para_texture(ui, p);
        if (!p->tex)
            continue;
        SDL_Rect dst = {b->tr.x + p->x, y, p->tw, p->th};
        SDL_RenderCopy(ui->ren, p->tex, NULL, &dst);
    }
    if (ui->scroll + view_h < ui->doc_height) {
        /* more below: the last line fades towards the cut */
        int fh = ui_text_line_height(ui, m->f_body, false) * 2 / 3;
        SDL_SetRenderDrawBlendMode(ui->ren, SDL_BLENDMODE_BLEND);
        for (int k = 0; k < fh; k++) {
            SDL_SetRenderDrawColor(ui->ren, 0xff, 0xff, 0xff, (Uint8)(150 * (k + 1) / fh));
            SDL_RenderFillRect(ui->ren, &(SDL_Rect){b->r.x, b->r.y + view_h - fh + k, b->tr.w, 1});
        }
    }
    SDL_RenderSetClipRect(ui->ren, NULL);
    /* a scroll bar that shows where the view is */
    if (ui->doc_height > b->r.h) {
        int bar_w = m->S / 120 + 3;
        SDL_Rect track = {b->r.x + b->r.w - bar_w, b->r.y, bar_w, b->r.h};
        int th = b->r.h * b->r.h / ui->doc_height;
        if (th < m->target_min)
            th = m->target_min;
        int max = doc_max_scroll(ui, b->r.h);
        int ty = b->r.y + (max > 0 ? (b->r.h - th) * ui->scroll / max : 0);
        ui_draw_round_rect(ui, track, bar_w / 2, UI_BLUE_LIGHT);
        ui_draw_round_rect(ui, (SDL_Rect){track.x, ty, bar_w, th}, bar_w / 2, UI_BLUE);
    }
}

/* The button to the other page of the results, for the button row. */
void ui_doc_page_button(const Ui *ui, Button *b)
{
    memset(b, 0, sizeof *b);
    b->role = BTN_NAV;
    b->key = -1;
    snprintf(b->id, sizeof b->id, "%s", ui->doc_plan ? UI_ID_SHOW_SUMMARY : UI_ID_SHOW_PLAN);
    b->label = content_ui(ui->content, ui->doc_plan ? "results.back_summary" : "results.read_plan",
                          ui->screen->lang);
}

/* The bottom of the last flag card (urgent, today, not answered), or 0. */
static int flags_bottom(const Ui *ui)
{
    int bottom = 0;
    for (int c = 0; c < ui->ncards; c++)
        if (flag_card(ui->doc_cards[c].card))
            bottom = ui->doc_cards[c].y + ui->doc_cards[c].h;
    return bottom;
}

/* Every flag and unanswered question in the first view of height h: the flag cards in
 * smaller type and closer, then their lists in two columns, until they fit. */
static void fit_flags(Ui *ui, int width, int h)
{
    while (flags_bottom(ui) > h && ui->doc_compact < 2) {
        ui->doc_compact++;
        ui->doc_width = 0;
        ui_doc_layout(ui, width);
    }
}

/* The results: the document, with page buttons in a column at the right when it does
 * not fit one view. */
void ui_layout_results(Ui *ui, SDL_Rect area)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    if (ui->doc_summary != s->summary || ui->doc_lang != s->lang || ui->ndoc == 0 ||
        ui->doc_plan_built != ui->doc_plan)
        ui_doc_build(ui, s->summary, s->lang, ui->doc_plan);
    int colw = m->target_min * 3 / 2;
    UiBox *rule = ui_layout_add(ui, BX_PANEL); /* a rule above the scrolling text */
    rule->r = (SDL_Rect){area.x, area.y, area.w, 2};
    rule->bg = UI_LINE;
    rule->fill = true;
    area.y += m->gap / 2;
    area.h -= m->gap / 2;
    UiBox *d = ui_layout_add(ui, BX_DOC);
    ui->doc_box = (int)(d - ui->boxes);
    d->r = (SDL_Rect){area.x, area.y, area.w, area.h};
    d->tr = (SDL_Rect){area.x, area.y, d->r.w - m->gap - (m->S / 120 + 3), area.h};
    ui_doc_layout(ui, d->tr.w);
    if (ui->doc_height <= area.h) {
        ui_doc_scroll_by(ui, 0);
        return;
    }
    /* too long for one view: page buttons beside it */
    d->r.w -= colw + m->gap;
    d->tr.w -= colw + m->gap;
    ui_doc_layout(ui, d->tr.w);
    fit_flags(ui, d->tr.w, area.h);
    ui_doc_scroll_by(ui, 0);
    int bh = area.h / 2 - m->gap > m->btn_h * 3 / 2 ? m->btn_h * 3 / 2 : area.h / 2 - m->gap;
    Button up = {.role = BTN_NAV, .key = -1, .label = "\xe2\x96\xb2"};
    Button down = {.role = BTN_NAV, .key = -1, .label = "\xe2\x96\xbc"};
    snprintf(up.id, sizeof up.id, "%s", UI_ID_PAGE_UP);
    snprintf(down.id, sizeof down.id, "%s", UI_ID_PAGE_DOWN);
    int x = area.x + area.w - colw;
    ui_layout_button(ui, (SDL_Rect){x, area.y, colw, bh}, &up, m->f_title, false, false);
    ui_layout_button(ui, (SDL_Rect){x, area.y + area.h - bh, colw, bh}, &down, m->f_title, false,
                     false);
}
