/* The results document: the Summary as headed paragraphs in the printout's order (the
 * same headings, sentences and answers), each rendered once into a texture when the
 * results are reached or the window changes. The first page is what the clinician
 * needs, in coloured cards: tell the front desk now, tell your clinician today, the
 * safety questions not answered; then the scores, where it hurts and the next steps.
 * The second, optional page holds the likely causes and the whole self-care plan.
 * Pages scroll by a whole view, cut at a whole line, with a fade where it goes on. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/summary.h"
#include "../core/wipe.h"
#include "ui_int.h"

/* Appends formatted text to the document buffer; returns its offset or -1. */
static long doc_append(Ui *ui, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static long doc_append(Ui *ui, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if (ui->doc_len + (size_t)n + 1 > ui->doc_cap) {
        size_t cap = ui->doc_cap ? ui->doc_cap : 4096;
        while (ui->doc_len + (size_t)n + 1 > cap)
            cap *= 2;
        char *p = wipe_realloc(ui->doc_text, ui->doc_cap, cap); /* patient data */
        if (!p)
            return -1;
        ui->doc_text = p;
        ui->doc_cap = cap;
    }
    long off = (long)ui->doc_len;
    va_start(ap, fmt);
    vsnprintf(ui->doc_text + ui->doc_len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    ui->doc_len += (size_t)n + 1;
    return off;
}

static long offsets[UI_DOC_MAX];

static const SDL_Color AMBER = {0xa8, 0x4b, 0x00, 0xff};
static const SDL_Color AMBER_INK = {0x6e, 0x2e, 0x00, 0xff};
static const SDL_Color AMBER_LIGHT = {0xff, 0xf1, 0xd6, 0xff};
static const SDL_Color GREY_LIGHT = {0xee, 0xf0, 0xf4, 0xff};

static void para(Ui *ui, DocStyle style, DocCard card, const char *role, long off)
{
    if (off < 0 || ui->ndoc >= UI_DOC_MAX)
        return;
    offsets[ui->ndoc] = off;
    DocPara *p = &ui->doc[ui->ndoc++];
    memset(p, 0, sizeof *p);
    p->style = style;
    p->card = card;
    p->role = role;
}

static const char *ui_s(const Ui *ui, const char *key)
{
    return content_ui(ui->content, key, ui->doc_lang);
}

static void facts(Ui *ui, const Summary *sum, const SummaryFact *f, size_t n, DocCard card)
{
    if (n == 0)
        return;
    char line[1024], ans[256];
    size_t used = (size_t)snprintf(line, sizeof line, "%s ", ui_s(ui, "summary.because"));
    for (size_t i = 0; i < n && used < sizeof line; i++) {
        summary_answer_text(sum, &f[i], ans, sizeof ans);
        used += (size_t)snprintf(line + used, sizeof line - used, "%s%s: %s", i ? "; " : "",
                                 text_get(&f[i].question->short_label, sum->lang), ans);
    }
    para(ui, DOC_NOTE, card, NULL, doc_append(ui, "%s", line));
    wipe(line, sizeof line);
    wipe(ans, sizeof ans);
}

static void score(Ui *ui, const char *key, int v)
{
    if (v >= 0)
        para(ui, DOC_TEXT, CARD_NONE, "score", doc_append(ui, "%s: %d / 10", ui_s(ui, key), v));
    else
        para(ui, DOC_TEXT, CARD_NONE, "score",
             doc_append(ui, "%s: %s", ui_s(ui, key), ui_s(ui, "summary.not_answered")));
}

/* The first sentence of a flag's text ("Fever of 38 C or higher."): what it is; the
 * printout carries the rest and the answers behind it. */
static long first_sentence(Ui *ui, const char *text)
{
    const char *end = strstr(text, ". ");
    return doc_append(ui, "\xe2\x80\xa2 %.*s", end ? (int)(end - text) + 1 : (int)strlen(text),
                      text);
}

/* The first page: the clinician's part first, in the printout's order. */
static void build_summary(Ui *ui, const Summary *sum, Lang L)
{
    if (sum->nurgent) {
        para(ui, DOC_H3, CARD_URGENT, NULL, doc_append(ui, "%s", ui_s(ui, "summary.urgent")));
        for (size_t i = 0; i < sum->nurgent; i++)
            para(ui, DOC_TEXT, CARD_URGENT, "flag-urgent",
                 first_sentence(ui, text_get(&sum->urgent[i].flag->text, L)));
    }
    if (sum->nclinician) {
        para(ui, DOC_H3, CARD_TODAY, NULL, doc_append(ui, "%s", ui_s(ui, "results.today")));
        for (size_t i = 0; i < sum->nclinician; i++)
            para(ui, DOC_TEXT, CARD_TODAY, "flag-today",
                 first_sentence(ui, text_get(&sum->clinician[i].flag->text, L)));
    }
    if (sum->nnot_answered) {
        para(ui, DOC_H3, CARD_UNANSWERED, NULL,
             doc_append(ui, "%s", ui_s(ui, "results.unanswered")));
        for (size_t i = 0; i < sum->nnot_answered; i++)
            para(ui, DOC_TEXT, CARD_UNANSWERED, "unanswered",
                 doc_append(ui, "\xe2\x80\xa2 %s: %s",
                            text_get(&sum->not_answered[i].question->short_label, L),
                            summary_missing_text(sum, &sum->not_answered[i])));
    } else if (sum->safety_all_no) {
        para(ui, DOC_TEXT, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.all_no")));
    }
    para(ui, DOC_H2, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.scores")));
    score(ui, "summary.pain_now", sum->pain_now);
    score(ui, "summary.peg_pain", sum->peg[0]);
    score(ui, "summary.peg_enjoyment", sum->peg[1]);
    score(ui, "summary.peg_activity", sum->peg[2]);
    if (sum->peg_score >= 0)
        para(ui, DOC_TEXT, CARD_NONE, "score",
             doc_append(ui, "%s: %.1f / 10", ui_s(ui, "summary.peg_score"), sum->peg_score));
    para(ui, DOC_H2, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.areas")));
    size_t used = 0;
    char areas[1024] = "";
    for (size_t i = 0; i < sum->nareas && used < sizeof areas; i++)
        used += (size_t)snprintf(areas + used, sizeof areas - used, "%s%s", i ? ", " : "",
                                 text_get(&sum->areas[i]->label, L));
    para(ui, DOC_TEXT, CARD_NONE, "area",
         doc_append(ui, "%s", sum->nareas ? areas : ui_s(ui, "summary.not_answered")));
    para(ui, DOC_H3, CARD_STEPS, NULL, doc_append(ui, "%s", ui_s(ui, "results.next_steps")));
    para(ui, DOC_TEXT, CARD_STEPS, "step",
         doc_append(ui, "\xe2\x80\xa2 %s", ui_s(ui, "results.step_print")));
    for (size_t i = 0; i < sum->ntop; i++)
        para(ui, DOC_TEXT, CARD_STEPS, "step",
             doc_append(ui, "\xe2\x80\xa2 %s", text_get(&sum->top[i]->title, L)));
    /* the safety net: when to call for help */
    para(ui, DOC_H3, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "safety.title")));
    for (size_t i = 0; i < summary_safety_count(sum); i++) {
        char line[512];
        para(ui, DOC_TEXT, CARD_NONE, "safety",
             doc_append(ui, "\xe2\x80\xa2 %s", summary_safety_line(sum, i, line, sizeof line)));
    }
    if (!sum->finished)
        para(ui, DOC_NOTE, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.stopped")));
}

/* The second page: what may be adding to the pain, and the whole plan. */
static void build_plan(Ui *ui, const Summary *sum, Lang L)
{
    char buf[256];
    para(ui, DOC_H2, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.causes")));
    if (sum->ncauses == 0)
        para(ui, DOC_TEXT, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.none")));
    for (size_t i = 0; i < sum->ncauses; i++) {
        const SummaryCause *sc = &sum->causes[i];
        para(ui, DOC_ITEM, CARD_NONE, "cause",
             doc_append(ui, "%s", text_get(&sc->cause->title, L)));
        para(ui, DOC_TEXT, CARD_NONE, NULL, doc_append(ui, "%s", text_get(&sc->cause->text, L)));
        facts(ui, sum, sc->because, sc->nbecause, CARD_NONE);
    }
    para(ui, DOC_H2, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.selfcare")));
    if (sum->ntop)
        para(ui, DOC_H3, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.top")));
    const char *group = NULL;
    for (size_t i = 0; i < sum->ntop + sum->nadvice; i++) {
        bool top = i < sum->ntop;
        const Advice *a = top ? sum->top[i] : sum->advice[i - sum->ntop];
        if (!top && (!group || strcmp(group, a->group) != 0)) {
            group = a->group;
            para(ui, DOC_H3, CARD_NONE, NULL,
                 doc_append(ui, "%s", content_group_title(sum->content, group, L)));
        }
        para(ui, DOC_ITEM, CARD_NONE, "advice", doc_append(ui, "%s", text_get(&a->title, L)));
        para(ui, DOC_TEXT, CARD_NONE, NULL, doc_append(ui, "%s", text_get(&a->how, L)));
        if (summary_caution_shown(sum, a))
            para(ui, DOC_NOTE, CARD_NONE, NULL,
                 doc_append(ui, "%s %s", ui_s(ui, "summary.caution"), text_get(&a->caution, L)));
    }
    if (sum->nheld) {
        para(ui, DOC_H3, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.held_title")));
        para(ui, DOC_TEXT, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.held_back")));
        for (size_t i = 0; i < sum->nheld; i++)
            para(ui, DOC_ITEM, CARD_NONE, "held",
                 doc_append(ui, "\xe2\x80\xa2 %s", text_get(&sum->held[i]->title, L)));
    }
    if (sum->ncontext) {
        para(ui, DOC_H2, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.about")));
        for (size_t i = 0; i < sum->ncontext; i++) {
            summary_answer_text(sum, &sum->context[i], buf, sizeof buf);
            para(
                ui, DOC_TEXT, CARD_NONE, NULL,
                doc_append(ui, "%s: %s", text_get(&sum->context[i].question->short_label, L), buf));
        }
    }
    wipe(buf, sizeof buf);
}

/* Builds the paragraphs of one page of the document (no textures yet). */
void doc_build(Ui *ui, const Summary *sum, Lang lang, bool plan)
{
    doc_free(ui);
    ui->doc_summary = sum;
    ui->doc_lang = lang;
    ui->doc_plan_built = plan;
    if (plan)
        build_plan(ui, sum, lang);
    else
        build_summary(ui, sum, lang);
    para(ui, DOC_NOTE, CARD_NONE, NULL, doc_append(ui, "%s", ui_s(ui, "summary.disclaimer")));
    for (int i = 0; i < ui->ndoc; i++)
        ui->doc[i].text = ui->doc_text + offsets[i];
    ui->doc_width = 0;
    ui->scroll = 0;
}

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
        *space = m->gap / 4; /* the lines of a card: a list, close together */
}

/* The glyph in each card's icon: tell now, tell today, not answered, next steps. */
static const char *const icon_glyph[CARD_STEPS + 1] = {"", "!", "\xe2\x80\xa6", "?",
                                                       "\xe2\x9c\x93"};

static int icon_size(const Ui *ui)
{
    return ui->m.f_body * 6 / 5;
}

/* Places every paragraph at width (once per width); card text is inset past the
 * card's icon. Textures are made when a paragraph is first drawn. */
void doc_layout(Ui *ui, int width)
{
    if (ui->doc_width == width && ui->ndoc)
        return;
    const UiMetrics *m = &ui->m;
    int y = 0, inset = 2 * m->pad + icon_size(ui) + m->pad;
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
        if (i)
            y += after_card ? m->gap : opens ? m->gap : space;
        if (opens && ui->ncards < UI_DOC_CARDS) {
            ui->doc_cards[ui->ncards].card = p->card;
            ui->doc_cards[ui->ncards].y = y;
            ui->ncards++;
            y += m->pad;
        }
        p->x = p->card ? inset : 0;
        p->w = p->card ? width - inset - 2 * m->pad : width;
        if (p->tex)
            SDL_DestroyTexture(p->tex);
        p->tex = NULL;
        ui_text_measure(ui, p->text, px, bold, p->w, &w, &p->h, &over);
        p->y = y;
        p->px = px;
        p->line_h = ui_text_line_height(ui, px, bold);
        y += p->h;
        if (closes && ui->ncards > 0) {
            y += m->pad;
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

void doc_free(Ui *ui)
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

void doc_scroll_by(Ui *ui, int dy)
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
void doc_page(Ui *ui, int dir)
{
    if (ui->doc_box < 0)
        return;
    int view = ui->boxes[ui->doc_box].r.h;
    if (dir > 0) {
        doc_scroll_by(ui, doc_cut(ui, ui->scroll, view) - ui->scroll);
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
    doc_scroll_by(ui, best - ui->scroll);
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

void doc_draw(Ui *ui, const UiBox *b)
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
void doc_page_button(const Ui *ui, Button *b)
{
    memset(b, 0, sizeof *b);
    b->role = BTN_NAV;
    b->key = -1;
    snprintf(b->id, sizeof b->id, "%s", ui->doc_plan ? UI_ID_SHOW_SUMMARY : UI_ID_SHOW_PLAN);
    b->label = content_ui(ui->content, ui->doc_plan ? "results.back_summary" : "results.read_plan",
                          ui->screen->lang);
}

/* The results: the document, with page buttons in a column at the right when it does
 * not fit one view. */
void layout_results(Ui *ui, SDL_Rect area)
{
    const UiMetrics *m = &ui->m;
    const Screen *s = ui->screen;
    if (ui->doc_summary != s->summary || ui->doc_lang != s->lang || ui->ndoc == 0 ||
        ui->doc_plan_built != ui->doc_plan)
        doc_build(ui, s->summary, s->lang, ui->doc_plan);
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
    doc_layout(ui, d->tr.w);
    if (ui->doc_height <= area.h) {
        doc_scroll_by(ui, 0);
        return;
    }
    /* too long for one view: page buttons beside it */
    d->r.w -= colw + m->gap;
    d->tr.w -= colw + m->gap;
    doc_layout(ui, d->tr.w);
    doc_scroll_by(ui, 0);
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
