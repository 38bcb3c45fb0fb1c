/* Drawing primitives on top of SDL_Renderer: rounded rectangles and ellipses made from
 * one soft-edged disc texture (built once), thick lines, and the colour palette. */
#include <math.h>

#include "../core/error.h"
#include "ui_int.h"

/* Near-black ink on white, white on dark blue, white on dark red: all above 7:1. */
const SDL_Color UI_INK = {0x10, 0x20, 0x38, 0xff};
const SDL_Color UI_PAPER = {0xff, 0xff, 0xff, 0xff};
const SDL_Color UI_BLUE = {0x0b, 0x3d, 0x91, 0xff};
const SDL_Color UI_BLUE_LIGHT = {0xe6, 0xee, 0xf8, 0xff};
const SDL_Color UI_FOCUS = {0xc2, 0x4e, 0x00, 0xff};
const SDL_Color UI_RED = {0x9e, 0x00, 0x1c, 0xff};
const SDL_Color UI_WHITE = {0xff, 0xff, 0xff, 0xff};
const SDL_Color UI_GREY = {0x4a, 0x55, 0x68, 0xff};
const SDL_Color UI_LINE = {0x8a, 0x96, 0xa8, 0xff};
const SDL_Color UI_SELECT = {0x0b, 0x3d, 0x91, 0xff};

#define DISC 128

/* Builds the disc texture. Returns 0 or PK_ENODEV. */
int ui_draw_init(Ui *ui)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, DISC, DISC, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return PK_ENODEV;
    Uint32 *px = s->pixels;
    double c = DISC / 2.0;
    for (int y = 0; y < DISC; y++)
        for (int x = 0; x < DISC; x++) {
            double d = sqrt((x + 0.5 - c) * (x + 0.5 - c) + (y + 0.5 - c) * (y + 0.5 - c));
            double a = c - d + 0.5;
            a = a < 0 ? 0 : a > 1 ? 1 : a;
            px[y * (s->pitch / 4) + x] = ((Uint32)(a * 255.0 + 0.5) << 24) | 0xffffffu;
        }
    ui->circle = SDL_CreateTextureFromSurface(ui->ren, s);
    SDL_FreeSurface(s);
    if (!ui->circle)
        return PK_ENODEV;
    SDL_SetTextureBlendMode(ui->circle, SDL_BLENDMODE_BLEND);
    return 0;
}

static void set_color(Ui *ui, SDL_Color c)
{
    SDL_SetRenderDrawColor(ui->ren, c.r, c.g, c.b, c.a);
}

static void tint(Ui *ui, SDL_Color c)
{
    SDL_SetTextureColorMod(ui->circle, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(ui->circle, c.a);
}

void ui_draw_ellipse(Ui *ui, SDL_Rect r, SDL_Color c)
{
    tint(ui, c);
    SDL_RenderCopy(ui->ren, ui->circle, NULL, &r);
}

void ui_draw_round_rect(Ui *ui, SDL_Rect r, int radius, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    if (radius * 2 > r.w)
        radius = r.w / 2;
    if (radius * 2 > r.h)
        radius = r.h / 2;
    set_color(ui, c);
    SDL_SetRenderDrawBlendMode(ui->ren, c.a == 0xff ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    if (radius <= 1) {
        SDL_RenderFillRect(ui->ren, &r);
        return;
    }
    SDL_Rect mid = {r.x + radius, r.y, r.w - 2 * radius, r.h};
    SDL_Rect left = {r.x, r.y + radius, radius, r.h - 2 * radius};
    SDL_Rect right = {r.x + r.w - radius, r.y + radius, radius, r.h - 2 * radius};
    SDL_RenderFillRect(ui->ren, &mid);
    SDL_RenderFillRect(ui->ren, &left);
    SDL_RenderFillRect(ui->ren, &right);
    tint(ui, c);
    const int h = DISC / 2;
    SDL_Rect src[4] = {{0, 0, h, h}, {h, 0, h, h}, {0, h, h, h}, {h, h, h, h}};
    SDL_Rect dst[4] = {{r.x, r.y, radius, radius},
                       {r.x + r.w - radius, r.y, radius, radius},
                       {r.x, r.y + r.h - radius, radius, radius},
                       {r.x + r.w - radius, r.y + r.h - radius, radius, radius}};
    for (int i = 0; i < 4; i++)
        SDL_RenderCopy(ui->ren, ui->circle, &src[i], &dst[i]);
}

void ui_draw_box_frame(Ui *ui, SDL_Rect r, int radius, int border, SDL_Color border_c,
                       SDL_Color fill)
{
    if (border > 0) {
        ui_draw_round_rect(ui, r, radius, border_c);
        r.x += border;
        r.y += border;
        r.w -= 2 * border;
        r.h -= 2 * border;
        radius = radius > border ? radius - border : 0;
    }
    ui_draw_round_rect(ui, r, radius, fill);
}

void ui_draw_thick_line(Ui *ui, int x1, int y1, int x2, int y2, int t, SDL_Color c)
{
    float dx = (float)(x2 - x1), dy = (float)(y2 - y1);
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 0.5f)
        return;
    float nx = -dy / len * (float)t / 2, ny = dx / len * (float)t / 2;
    SDL_Vertex v[4];
    SDL_FPoint p[4] = {{(float)x1 + nx, (float)y1 + ny},
                       {(float)x1 - nx, (float)y1 - ny},
                       {(float)x2 - nx, (float)y2 - ny},
                       {(float)x2 + nx, (float)y2 + ny}};
    for (int i = 0; i < 4; i++) {
        v[i].position = p[i];
        v[i].color = c;
        v[i].tex_coord.x = v[i].tex_coord.y = 0;
    }
    const int idx[6] = {0, 1, 2, 0, 2, 3};
    SDL_RenderGeometry(ui->ren, NULL, v, 4, idx, 6);
    SDL_Rect cap1 = {x1 - t / 2, y1 - t / 2, t, t}, cap2 = {x2 - t / 2, y2 - t / 2, t, t};
    ui_draw_ellipse(ui, cap1, c);
    ui_draw_ellipse(ui, cap2, c);
}

static double channel(Uint8 v)
{
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(SDL_Color c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/* The WCAG contrast ratio of two colours (1..21). */
double ui_color_contrast(SDL_Color a, SDL_Color b)
{
    double la = luminance(a), lb = luminance(b);
    if (la < lb) {
        double t = la;
        la = lb;
        lb = t;
    }
    return (la + 0.05) / (lb + 0.05);
}

/* A rectangular outline t pixels thick, inside r. */
void ui_draw_outline(Ui *ui, SDL_Rect r, int t, SDL_Color c)
{
    set_color(ui, c);
    SDL_SetRenderDrawBlendMode(ui->ren, c.a == 0xff ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_Rect e[4] = {{r.x, r.y, r.w, t},
                     {r.x, r.y + r.h - t, r.w, t},
                     {r.x, r.y + t, t, r.h - 2 * t},
                     {r.x + r.w - t, r.y + t, t, r.h - 2 * t}};
    SDL_RenderFillRects(ui->ren, e, 4);
}
