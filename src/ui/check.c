/* The layout check: what a test asserts about every screen at every size and language.
 * Messages name button ids and content text, never what the patient answered. */
#include <stdio.h>
#include <string.h>

#include "ui_int.h"

static int report(FILE *out, const char *where, const char *what, const UiBox *b, const char *why)
{
    fprintf(out, "layout: %s: %s at %d,%d %dx%d: %s\n", where, what, b->r.x, b->r.y, b->r.w, b->r.h,
            why);
    return 1;
}

static void describe(const Ui *ui, const UiBox *b, char *buf, size_t size)
{
    bool pooled = b->text >= ui->pool && b->text < ui->pool + sizeof ui->pool;
    /* these screens show the patient's answers: never copy their text into a log */
    ScreenKind k = ui->screen ? ui->screen->kind : SCR_COUNT;
    bool private = k == SCR_CONFIRM || k == SCR_RESULTS || k == SCR_PRINTING;
    if (b->id[0])
        snprintf(buf, size, "'%s'", b->id);
    else if (b->text && !pooled && !private)
        snprintf(buf, size, "text \"%.40s\"", b->text);
    else
        snprintf(buf, size, "text box %d", (int)(b - ui->boxes));
}

static bool inside(const Ui *ui, SDL_Rect r)
{
    return r.x >= 0 && r.y >= 0 && r.x + r.w <= ui->w && r.y + r.h <= ui->h;
}

static bool overlap(SDL_Rect a, SDL_Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static bool is_target(const UiBox *b)
{
    return (b->kind == BX_BUTTON || b->kind == BX_REGION) && b->id[0];
}

/* A target: big enough, and clear of the other targets of its layer. */
static int check_target(const Ui *ui, int i, FILE *out, const char *where, const char *what)
{
    const UiBox *b = &ui->boxes[i];
    char why[160];
    int bad = 0, min = ui->m.target_min;
    if (b->r.w < min || b->r.h < min) {
        snprintf(why, sizeof why, "target smaller than %d px", min);
        bad += report(out, where, what, b, why);
    }
    for (int j = i + 1; j < ui->nboxes; j++) {
        const UiBox *o = &ui->boxes[j];
        if (is_target(o) && o->modal == b->modal && overlap(b->r, o->r)) {
            snprintf(why, sizeof why, "overlaps target '%s'", o->id);
            bad += report(out, where, what, b, why);
        }
    }
    return bad;
}

/* A text: fits its box at no less than the minimum size, in high contrast, and (over
 * the screen) clear of the buttons. */
static int check_text(const Ui *ui, const UiBox *b, FILE *out, const char *where, const char *what)
{
    char why[160];
    int bad = 0;
    const UiMetrics *m = &ui->m;
    if (b->overflow || b->need_w > b->tr.w || b->need_h > b->tr.h + 1) {
        snprintf(why, sizeof why, "text needs %dx%d, has %dx%d", b->need_w, b->need_h, b->tr.w,
                 b->tr.h);
        bad += report(out, where, what, b, why);
    }
    if (b->px < m->f_min) {
        snprintf(why, sizeof why, "text %d px, minimum %d", b->px, m->f_min);
        bad += report(out, where, what, b, why);
    }
    double c = ui_color_contrast(b->fg, b->bg);
    if (c < 7.0) {
        snprintf(why, sizeof why, "contrast %.1f:1", c);
        bad += report(out, where, what, b, why);
    }
    if (b->kind != BX_TEXT || b->fill || b->modal)
        return bad;
    for (int j = 0; j < ui->nboxes; j++) {
        const UiBox *o = &ui->boxes[j];
        if ((o->kind == BX_BUTTON) && o->id[0] && !o->modal && overlap(b->tr, o->r)) {
            snprintf(why, sizeof why, "text runs under button '%s'", o->id);
            bad += report(out, where, what, b, why);
        }
    }
    return bad;
}

unsigned ui_layout_count(const Ui *ui)
{
    return ui->layouts;
}

int ui_layout_check(Ui *ui, FILE *out, const char *where)
{
    int bad = 0;
    char what[96];
    for (int i = 0; i < ui->nboxes; i++) {
        const UiBox *b = &ui->boxes[i];
        describe(ui, b, what, sizeof what);
        if (!inside(ui, b->r))
            bad += report(out, where, what, b, "outside the screen");
        if (is_target(b))
            bad += check_target(ui, i, out, where, what);
        if (b->text && *b->text)
            bad += check_text(ui, b, out, where, what);
    }
    if (ui->doc_box >= 0) {
        const UiBox *d = &ui->boxes[ui->doc_box];
        for (int i = 0; i < ui->ndoc; i++) {
            const DocPara *p = &ui->doc[i];
            if (p->x + p->w > d->tr.w) {
                snprintf(what, sizeof what, "results paragraph %d", i);
                bad += report(out, where, what, d, "wider than the page");
            }
        }
    }
    return bad;
}
