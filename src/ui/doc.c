/* The results document: the Summary as headed paragraphs (the same headings, sentences
 * and answers as the printout), each rendered once into a texture when the results are
 * reached or the window changes, then scrolled by drag, wheel, keys or page buttons. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/summary.h"
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
        char *p = realloc(ui->doc_text, cap);
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

static void para(Ui *ui, DocStyle style, long off)
{
    if (off < 0 || ui->ndoc >= UI_DOC_MAX)
        return;
    offsets[ui->ndoc] = off;
    ui->doc[ui->ndoc].style = style;
    ui->doc[ui->ndoc].tex = NULL;
    ui->ndoc++;
}

static const char *ui_s(const Ui *ui, const char *key)
{
    return content_ui(ui->content, key, ui->doc_lang);
}

static void facts(Ui *ui, const Summary *sum, const SummaryFact *f, size_t n)
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
    para(ui, DOC_NOTE, doc_append(ui, "%s", line));
}

static void score(Ui *ui, const char *key, int v)
{
    if (v >= 0)
        para(ui, DOC_TEXT, doc_append(ui, "%s: %d / 10", ui_s(ui, key), v));
    else
        para(ui, DOC_TEXT,
             doc_append(ui, "%s: %s", ui_s(ui, key), ui_s(ui, "summary.not_answered")));
}

/* Builds the paragraphs of the document (no textures yet). */
void doc_build(Ui *ui, const Summary *sum, Lang lang)
{
    doc_free(ui);
    ui->doc_summary = sum;
    ui->doc_lang = lang;
    Lang L = lang;
    char buf[256];
    if (sum->nurgent) {
        para(ui, DOC_H2, doc_append(ui, "%s", ui_s(ui, "summary.urgent")));
        for (size_t i = 0; i < sum->nurgent; i++)
            para(ui, DOC_ITEM,
                 doc_append(ui, "\xe2\x80\xa2 %s", text_get(&sum->urgent[i].flag->text, L)));
    }
    if (sum->nnot_answered) {
        para(ui, DOC_H2, doc_append(ui, "%s", ui_s(ui, "summary.missing")));
        for (size_t i = 0; i < sum->nnot_answered; i++)
            para(ui, DOC_ITEM,
                 doc_append(ui, "\xe2\x80\xa2 %s: %s",
                            text_get(&sum->not_answered[i].question->short_label, L),
                            summary_missing_text(sum, &sum->not_answered[i])));
    } else if (sum->safety_all_no) {
        para(ui, DOC_TEXT, doc_append(ui, "%s", ui_s(ui, "summary.all_no")));
    }
    para(ui, DOC_H2, doc_append(ui, "%s", ui_s(ui, "summary.causes")));
    if (sum->ncauses == 0)
        para(ui, DOC_TEXT, doc_append(ui, "%s", ui_s(ui, "summary.none")));
    for (size_t i = 0; i < sum->ncauses; i++) {
        const SummaryCause *sc = &sum->causes[i];
        para(ui, DOC_ITEM, doc_append(ui, "%s", text_get(&sc->cause->title, L)));
        para(ui, DOC_TEXT, doc_append(ui, "%s", text_get(&sc->cause->text, L)));
        facts(ui, sum, sc->because, sc->nbecause);
    }
    para(ui, DOC_H2, doc_append(ui, "%s", ui_s(ui, "summary.selfcare")));
    if (sum->ntop)
        para(ui, DOC_H3, doc_append(ui, "%s", ui_s(ui, "summary.top")));
    const char *group = NULL;
    for (size_t i = 0; i < sum->ntop + sum->nadvice; i++) {
        bool top = i < sum->ntop;
        const Advice *a = top ? sum->top[i] : sum->advice[i - sum->ntop];
        if (!top && (!group || strcmp(group, a->group) != 0)) {
            group = a->group;
            para(ui, DOC_H3, doc_append(ui, "%s", content_group_title(sum->content, group, L)));
        }
        para(ui, DOC_ITEM, doc_append(ui, "%s", text_get(&a->title, L)));
        para(ui, DOC_TEXT, doc_append(ui, "%s", text_get(&a->how, L)));
        if (summary_caution_shown(sum, a))
            para(ui, DOC_NOTE,
                 doc_append(ui, "%s %s", ui_s(ui, "summary.caution"), text_get(&a->caution, L)));
    }
    if (sum->nheld) {
        para(ui, DOC_H3, doc_append(ui, "%s", ui_s(ui, "summary.held_title")));
        para(ui, DOC_TEXT, doc_append(ui, "%s", ui_s(ui, "summary.held_back")));
        for (size_t i = 0; i < sum->nheld; i++)
            para(ui, DOC_ITEM,
                 doc_append(ui, "\xe2\x80\xa2 %s", text_get(&sum->held[i]->title, L)));
    }
    para(ui, DOC_H2, doc_append(ui, "%s", ui_s(ui, "summary.clinician")));
    if (sum->nclinician == 0)
        para(ui, DOC_TEXT, doc_append(ui, "%s", ui_s(ui, "summary.none")));
    for (size_t i = 0; i < sum->nclinician; i++) {
        para(ui, DOC_ITEM,
             doc_append(ui, "\xe2\x80\xa2 %s", text_get(&sum->clinician[i].flag->text, L)));
        facts(ui, sum, sum->clinician[i].because, sum->clinician[i].nbecause);
    }
    para(ui, DOC_H2, doc_append(ui, "%s", ui_s(ui, "summary.scores")));
    score(ui, "summary.pain_now", sum->pain_now);
    score(ui, "summary.peg_pain", sum->peg[0]);
    score(ui, "summary.peg_enjoyment", sum->peg[1]);
    score(ui, "summary.peg_activity", sum->peg[2]);
    if (sum->peg_score >= 0)
        para(ui, DOC_TEXT,
             doc_append(ui, "%s: %.1f / 10", ui_s(ui, "summary.peg_score"), sum->peg_score));
    if (sum->nareas) {
        para(ui, DOC_H2, doc_append(ui, "%s", ui_s(ui, "summary.areas")));
        size_t used = 0;
        char areas[1024] = "";
        for (size_t i = 0; i < sum->nareas && used < sizeof areas; i++)
            used += (size_t)snprintf(areas + used, sizeof areas - used, "%s%s", i ? ", " : "",
                                     text_get(&sum->areas[i]->label, L));
        para(ui, DOC_TEXT, doc_append(ui, "%s", areas));
    }
    if (sum->ncontext) {
        para(ui, DOC_H2, doc_append(ui, "%s", ui_s(ui, "summary.about")));
        for (size_t i = 0; i < sum->ncontext; i++) {
            summary_answer_text(sum, &sum->context[i], buf, sizeof buf);
            para(
                ui, DOC_TEXT,
                doc_append(ui, "%s: %s", text_get(&sum->context[i].question->short_label, L), buf));
        }
    }
    para(ui, DOC_H2, doc_append(ui, "%s", ui_s(ui, "safety.title")));
    for (size_t i = 0; i < summary_safety_count(sum); i++) {
        char line[512];
        para(ui, DOC_ITEM,
             doc_append(ui, "\xe2\x80\xa2 %s", summary_safety_line(sum, i, line, sizeof line)));
    }
    if (!sum->finished)
        para(ui, DOC_NOTE, doc_append(ui, "%s", ui_s(ui, "summary.stopped")));
    para(ui, DOC_NOTE, doc_append(ui, "%s", ui_s(ui, "summary.disclaimer")));
    for (int i = 0; i < ui->ndoc; i++)
        ui->doc[i].text = ui->doc_text + offsets[i];
    ui->doc_width = 0;
    ui->scroll = 0;
}

static void para_style(const Ui *ui, DocStyle st, int *px, bool *bold, SDL_Color *fg, int *space)
{
    const Metrics *m = &ui->m;
    *bold = st == DOC_H2 || st == DOC_H3 || st == DOC_ITEM;
    *fg = st == DOC_H2 || st == DOC_H3 ? UI_BLUE : st == DOC_NOTE ? UI_GREY : UI_INK;
    *px = st == DOC_H2 ? (m->f_title + m->f_body) / 2 : st == DOC_NOTE ? m->f_min : m->f_body;
    *space = st == DOC_H2 ? m->gap * 2 : st == DOC_H3 || st == DOC_ITEM ? m->gap : m->gap / 3;
}

/* Renders every paragraph at width (once per width). */
void doc_layout(Ui *ui, int width)
{
    if (ui->doc_width == width && ui->ndoc && (ui->doc[0].tex || !ui->doc[0].text[0]))
        return;
    int y = 0;
    for (int i = 0; i < ui->ndoc; i++) {
        DocPara *p = &ui->doc[i];
        int px, space;
        bool bold;
        SDL_Color fg;
        para_style(ui, p->style, &px, &bold, &fg, &space);
        if (p->tex)
            SDL_DestroyTexture(p->tex);
        p->tex = text_render(ui, p->text, px, bold, fg, width, false, &p->tw, &p->th);
        y += i ? space : 0;
        p->y = y;
        p->h = p->th;
        y += p->th;
    }
    ui->doc_height = y + ui->m.gap;
    ui->doc_width = width;
}

void doc_free(Ui *ui)
{
    for (int i = 0; i < ui->ndoc; i++)
        if (ui->doc[i].tex)
            SDL_DestroyTexture(ui->doc[i].tex);
    ui->ndoc = 0;
    if (ui->doc_text)
        memset(ui->doc_text, 0, ui->doc_cap); /* patient data */
    free(ui->doc_text);
    ui->doc_text = NULL;
    ui->doc_len = ui->doc_cap = 0;
    ui->doc_summary = NULL;
    ui->doc_width = 0;
    ui->scroll = 0;
}

void doc_scroll_by(Ui *ui, int dy)
{
    if (ui->doc_box < 0)
        return;
    int view = ui->boxes[ui->doc_box].r.h;
    int max = ui->doc_height - view;
    int s = ui->scroll + dy;
    if (s > max)
        s = max;
    if (s < 0)
        s = 0;
    if (s != ui->scroll) {
        ui->scroll = s;
        ui->dirty = true;
    }
}

/* Pages by most of a view, snapping to a paragraph's start so no line is cut at the
 * top. dir is +1 (down) or -1 (up). */
void doc_page(Ui *ui, int dir)
{
    if (ui->doc_box < 0)
        return;
    int view = ui->boxes[ui->doc_box].r.h;
    int target = ui->scroll + dir * view * 9 / 10, best = target;
    for (int i = 0; i < ui->ndoc; i++) {
        int y = ui->doc[i].y;
        if (ui->doc[i].style == DOC_TEXT || ui->doc[i].style == DOC_NOTE)
            continue; /* pages start at a heading or an item */
        if (dir > 0 && y > ui->scroll && y <= target)
            best = y; /* the last start that keeps the page's top */
        if (dir < 0 && y >= target && y < ui->scroll) {
            best = y; /* the first start above */
            break;
        }
    }
    if (dir < 0 && best > ui->scroll)
        best = 0;
    doc_scroll_by(ui, best - ui->scroll);
}

void doc_draw(Ui *ui, const UiBox *b)
{
    SDL_RenderSetClipRect(ui->ren, &b->r);
    for (int i = 0; i < ui->ndoc; i++) {
        const DocPara *p = &ui->doc[i];
        int y = b->r.y + p->y - ui->scroll;
        if (!p->tex || y + p->th < b->r.y || y > b->r.y + b->r.h)
            continue;
        SDL_Rect dst = {b->tr.x, y, p->tw, p->th};
        SDL_RenderCopy(ui->ren, p->tex, NULL, &dst);
    }
    SDL_RenderSetClipRect(ui->ren, NULL);
    /* a scroll bar that shows where the view is */
    if (ui->doc_height > b->r.h) {
        int bar_w = ui->m.S / 120 + 3;
        SDL_Rect track = {b->r.x + b->r.w - bar_w, b->r.y, bar_w, b->r.h};
        int th = b->r.h * b->r.h / ui->doc_height;
        if (th < ui->m.target_min)
            th = ui->m.target_min;
        int ty = b->r.y + (b->r.h - th) * ui->scroll / (ui->doc_height - b->r.h);
        draw_round_rect(ui, track, bar_w / 2, UI_BLUE_LIGHT);
        draw_round_rect(ui, (SDL_Rect){track.x, ty, bar_w, th}, bar_w / 2, UI_BLUE);
    }
}

/* The results: the document at the left, page buttons in a column at the right. */
void layout_results(Ui *ui, SDL_Rect area)
{
    const Metrics *m = &ui->m;
    const Screen *s = ui->screen;
    if (ui->doc_summary != s->summary || ui->doc_lang != s->lang || ui->ndoc == 0)
        doc_build(ui, s->summary, s->lang);
    int colw = m->btn_h;
    /* rules above and below the scrolling text, so a cut line reads as scrolled */
    for (int i = 0; i < 2; i++) {
        UiBox *rule = layout_add(ui, BX_PANEL);
        rule->r = (SDL_Rect){area.x, i ? area.y + area.h - 2 : area.y, area.w - colw - m->gap, 2};
        rule->bg = UI_LINE;
        rule->fill = true;
    }
    area.y += m->gap / 2;
    area.h -= m->gap;
    UiBox *d = layout_add(ui, BX_DOC);
    ui->doc_box = (int)(d - ui->boxes);
    d->r = (SDL_Rect){area.x, area.y, area.w - colw - m->gap, area.h};
    d->tr = (SDL_Rect){area.x, area.y, d->r.w - m->gap - (m->S / 120 + 3), area.h};
    doc_layout(ui, d->tr.w);
    doc_scroll_by(ui, 0);
    int bh = area.h / 2 - m->gap > m->btn_h * 3 / 2 ? m->btn_h * 3 / 2 : area.h / 2 - m->gap;
    Button up = {.role = BTN_NAV, .key = -1, .label = "\xe2\x96\xb2"};
    Button down = {.role = BTN_NAV, .key = -1, .label = "\xe2\x96\xbc"};
    snprintf(up.id, sizeof up.id, "%s", UI_ID_PAGE_UP);
    snprintf(down.id, sizeof down.id, "%s", UI_ID_PAGE_DOWN);
    int x = area.x + area.w - colw;
    layout_button(ui, (SDL_Rect){x, area.y, colw, bh}, &up, m->f_title, false, false);
    layout_button(ui, (SDL_Rect){x, area.y + area.h - bh, colw, bh}, &down, m->f_title, false,
                  false);
}
