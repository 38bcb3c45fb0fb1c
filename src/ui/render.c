/* Draws the boxes of the current layout. Text textures are made the first time a box is
 * drawn and kept until the layout changes, so an ordinary frame only copies textures. */
#include <stdio.h>

#include "ui_int.h"

static const SDL_Color REGION_ON = {0x0b, 0x3d, 0x91, 0xe0};
static const SDL_Color FOCUS_URGENT = {0xff, 0xd4, 0x00, 0xff};

static void draw_text(Ui *ui, UiBox *b)
{
    if (!b->text || !*b->text)
        return;
    if (!b->tex)
        b->tex =
            ui_text_render(ui, b->text, b->px, b->bold, b->fg, b->tr.w, b->center, &b->tw, &b->th);
    if (!b->tex)
        return;
    int x = b->center ? b->tr.x + (b->tr.w - b->tw) / 2 : b->tr.x;
    SDL_Rect dst = {x, b->tr.y, b->tw, b->th};
    SDL_RenderCopy(ui->ren, b->tex, NULL, &dst);
}

static void check_mark(Ui *ui, SDL_Rect r, SDL_Color c)
{
    int t = r.w / 7 + 2;
    ui_draw_thick_line(ui, r.x + r.w * 2 / 10, r.y + r.h * 11 / 20, r.x + r.w * 2 / 5,
                       r.y + r.h * 3 / 4, t, c);
    ui_draw_thick_line(ui, r.x + r.w * 2 / 5, r.y + r.h * 3 / 4, r.x + r.w * 8 / 10,
                       r.y + r.h * 5 / 20, t, c);
}

static void draw_badge(Ui *ui, UiBox *b)
{
    const UiMetrics *m = &ui->m;
    int d = (int)(b->px * 1.5);
    if (d > b->r.h - m->pad)
        d = b->r.h - m->pad;
    SDL_Rect c = {b->r.x + m->pad, b->r.y + (b->r.h - d) / 2, d, d};
    SDL_Color disc = b->selected ? UI_WHITE : UI_BLUE, ink = b->selected ? UI_BLUE : UI_WHITE;
    ui_draw_ellipse(ui, c, disc);
    if (!b->badge_tex) {
        char digit[4];
        snprintf(digit, sizeof digit, "%d", b->badge);
        int px = b->badge >= 10 ? b->px * 7 / 10 : b->px; /* two digits stay in the disc */
        b->badge_tex = ui_text_render(ui, digit, px, true, ink, d * 2, false, &b->bw_, &b->bh_);
    }
    if (b->badge_tex) {
        SDL_Rect dst = {c.x + (d - b->bw_) / 2, c.y + (d - b->bh_) / 2, b->bw_, b->bh_};
        SDL_RenderCopy(ui->ren, b->badge_tex, NULL, &dst);
    }
}

static void draw_checkbox(Ui *ui, const UiBox *b)
{
    const UiMetrics *m = &ui->m;
    int d = b->px;
    SDL_Rect r = {b->r.x + b->r.w - m->pad - d, b->r.y + (b->r.h - d) / 2, d, d};
    ui_draw_box_frame(ui, r, d / 6, d / 10 + 2, b->selected ? UI_WHITE : UI_BLUE, UI_WHITE);
    if (b->selected)
        check_mark(ui, r, UI_BLUE);
}

static void draw_button(Ui *ui, UiBox *b, bool pressed)
{
    ui_draw_box_frame(ui, b->r, b->radius, b->border_w, b->border, b->bg);
    if (b->badge >= 0)
        draw_badge(ui, b);
    if (b->checkbox)
        draw_checkbox(ui, b);
    draw_text(ui, b);
    if (pressed)
        ui_draw_round_rect(ui, b->r, b->radius, (SDL_Color){0x00, 0x10, 0x40, 0x50});
}

/* A chosen (or pressed) region: filled blue with a check mark. Idle regions are part of
 * the figure's texture (picture.c). */
static void draw_region(Ui *ui, const UiBox *b, bool pressed)
{
    if (!b->selected && !pressed)
        return;
    ui_draw_round_rect(ui, b->r, b->radius, REGION_ON);
    int d = (b->r.w < b->r.h ? b->r.w : b->r.h) * 3 / 5;
    SDL_Rect c = {b->r.x + (b->r.w - d) / 2, b->r.y + (b->r.h - d) / 2, d, d};
    check_mark(ui, c, UI_WHITE);
}

static void draw_mic(Ui *ui, SDL_Rect r, SDL_Color c)
{
    int t = r.w / 12 + 1;
    SDL_Rect body = {r.x + r.w * 32 / 100, r.y + r.h / 10, r.w * 36 / 100, r.h / 2};
    ui_draw_round_rect(ui, body, body.w / 2, c);
    int cx = r.x + r.w / 2, base = r.y + r.h * 17 / 20;
    ui_draw_thick_line(ui, body.x - t, body.y + body.h / 2, body.x - t, body.y + body.h, t, c);
    ui_draw_thick_line(ui, body.x + body.w + t, body.y + body.h / 2, body.x + body.w + t,
                       body.y + body.h, t, c);
    ui_draw_thick_line(ui, body.x - t, body.y + body.h + t, body.x + body.w + t,
                       body.y + body.h + t, t, c);
    ui_draw_thick_line(ui, cx, body.y + body.h + t, cx, base, t, c);
    ui_draw_thick_line(ui, cx - r.w / 5, base, cx + r.w / 5, base, t, c);
}

static void draw_speaker(Ui *ui, SDL_Rect r, SDL_Color c)
{
    SDL_Rect body = {r.x + r.w / 5, r.y + r.h * 2 / 5, r.w / 5, r.h / 5};
    ui_draw_round_rect(ui, body, 0, c);
    SDL_Vertex v[3];
    SDL_FPoint p[3] = {{(float)(body.x + body.w), (float)body.y},
                       {(float)(r.x + r.w * 3 / 5), (float)(r.y + r.h / 5)},
                       {(float)(r.x + r.w * 3 / 5), (float)(r.y + r.h * 4 / 5)}};
    SDL_FPoint q[3] = {{(float)(body.x + body.w), (float)(body.y + body.h)}, p[0], p[2]};
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < 3; i++) {
            v[i].position = pass ? q[i] : p[i];
            v[i].color = c;
            v[i].tex_coord.x = v[i].tex_coord.y = 0;
        }
        SDL_RenderGeometry(ui->ren, NULL, v, 3, NULL, 0);
    }
    int t = r.w / 14 + 1;
    ui_draw_thick_line(ui, r.x + r.w * 7 / 10, r.y + r.h * 2 / 5, r.x + r.w * 7 / 10,
                       r.y + r.h * 3 / 5, t, c);
}

/* The corner indicator: a speaker and a microphone, struck through when missing; the
 * microphone sits in a blue disc that grows with the input level while listening. */
static void draw_voice(Ui *ui, const UiBox *b)
{
    const UiVoiceState *v = &ui->voice;
    bool red = b->bg.r == UI_RED.r && b->bg.g == UI_RED.g;
    SDL_Color ink = red ? UI_WHITE : UI_GREY, strike = red ? UI_WHITE : UI_RED;
    int s = b->r.h;
    SDL_Rect spk = {b->r.x, b->r.y, s, s}, mic = {b->r.x + b->r.w - s, b->r.y, s, s};
    int t = s / 12 + 2;
    draw_speaker(ui, spk, ink);
    if (!v->can_speak)
        ui_draw_thick_line(ui, spk.x + s / 6, spk.y + s * 5 / 6, spk.x + s * 5 / 6, spk.y + s / 6,
                           t, strike);
    SDL_Rect in = {mic.x + s / 6, mic.y + s / 6, s * 2 / 3, s * 2 / 3};
    if (v->listening && v->can_listen) {
        int grow = (int)(v->level * s / 6);
        SDL_Rect halo = {in.x - grow, in.y - grow, in.w + 2 * grow, in.h + 2 * grow};
        ui_draw_ellipse(ui, halo, (SDL_Color){0x0b, 0x3d, 0x91, 0x50});
        ui_draw_ellipse(ui, in, UI_BLUE);
        draw_mic(ui, in, UI_WHITE);
    } else {
        draw_mic(ui, mic, ink);
        if (!v->can_listen)
            ui_draw_thick_line(ui, mic.x + s / 6, mic.y + s * 5 / 6, mic.x + s * 5 / 6,
                               mic.y + s / 6, t, strike);
    }
}

void ui_render_all(Ui *ui)
{
    bool modal = false;
    for (int i = 0; i < ui->nboxes; i++)
        modal |= ui->boxes[i].modal;
    for (int i = 0; i < ui->nboxes; i++) {
        UiBox *b = &ui->boxes[i];
        bool pressed = ui->pressed == i;
        switch (b->kind) {
        case BX_PANEL:
            if (b->fill)
                ui_draw_box_frame(ui, b->r, b->radius, b->border_w, b->border, b->bg);
            break;
        case BX_TEXT:
            if (b->fill)
                ui_draw_round_rect(ui, b->r, b->radius, b->bg);
            draw_text(ui, b);
            break;
        case BX_BUTTON:
            draw_button(ui, b, pressed);
            break;
        case BX_REGION:
            draw_region(ui, b, pressed);
            break;
        case BX_FIGURE:
            ui_picture_draw(ui, b);
            break;
        case BX_DOC:
            ui_doc_draw(ui, b);
            break;
        case BX_VOICE:
            draw_voice(ui, b);
            break;
        }
    }
    if (ui->show_focus && ui->focus >= 0 && ui->focus < ui->nboxes) {
        const UiBox *f = &ui->boxes[ui->focus];
        int t = ui->m.S / 180 + 3;
        SDL_Rect r = {f->r.x - t - 2, f->r.y - t - 2, f->r.w + 2 * t + 4, f->r.h + 2 * t + 4};
        SDL_Color c =
            ui->screen && ui->screen->kind == SCR_URGENT && !modal ? FOCUS_URGENT : UI_FOCUS;
        ui_draw_outline(ui, r, t, c);
    }
}
