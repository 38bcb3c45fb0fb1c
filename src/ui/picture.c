/* The body picture of the areas screen: a front view with the joints and a back view
 * with the back, the pelvis and the tailbone, drawn as a standing figure with the arms
 * held away from the body so that no two targets touch. The figure is drawn once per
 * layout into a texture; a frame only copies it.
 *
 * Coordinates are fractions of the view's height, x from 0 to UI_PICTURE_ASPECT (the
 * viewer's left to right), y from 0 (top) to 1. The front view shows the patient facing
 * the viewer: her right is on the viewer's left. */
#include <stdio.h>

#include "ui_int.h"

static const SDL_Color FIG_FILL = {0xdc, 0xe4, 0xef, 0xff};
static const SDL_Color FIG_EDGE = {0x6b, 0x78, 0x8c, 0xff};
static const SDL_Color REGION_IDLE = {0x0b, 0x3d, 0x91, 0x26};
static const SDL_Color REGION_EDGE = {0x0b, 0x3d, 0x91, 0xff};

#define R UI_PICTURE_MIN_REGION /* the side of a joint's square */

/* Every region is at least R on each side, and regions of one view are at least 0.03
 * apart, so a view drawn h pixels tall has targets of h * R pixels with gaps of at
 * least h * 0.03 / R of a target between them. */
static const UiPictureRegion regions[] = {
    {"wrist_right", BODY_FRONT, 0.03, 0.45, R, R},
    {"hip_right", BODY_FRONT, 0.24, 0.40, R, R},
    {"hip_left", BODY_FRONT, 0.42, 0.40, R, R},
    {"wrist_left", BODY_FRONT, 0.63, 0.45, R, R},
    {"knee_right", BODY_FRONT, 0.24, 0.64, R, R},
    {"knee_left", BODY_FRONT, 0.42, 0.64, R, R},
    {"ankle_right", BODY_FRONT, 0.22, 0.845, R, R},
    {"ankle_left", BODY_FRONT, 0.44, 0.845, R, R},
    {"upper_back_neck", BODY_BACK, 0.27, 0.10, 0.26, 0.17},
    {"lower_back", BODY_BACK, 0.28, 0.30, 0.24, R},
    {"pelvis_tailbone", BODY_BACK, 0.28, 0.47, 0.24, R},
};

const UiPictureRegion *ui_picture_regions(size_t *n)
{
    *n = sizeof regions / sizeof regions[0];
    return regions;
}

/* The parts of the figure, the viewer's left half; the right half is its mirror. A
 * limb is a segment of a thickness with round ends; a block a rounded rectangle. */
typedef struct {
    double x1, y1, x2, y2, t;
} Limb;

static const Limb limbs[] = {
    {0.33, 0.18, 0.215, 0.33, 0.060},   /* upper arm, out from the shoulder */
    {0.215, 0.33, 0.115, 0.49, 0.050},  /* forearm */
    {0.355, 0.49, 0.315, 0.71, 0.080},  /* thigh, the legs a little apart */
    {0.315, 0.71, 0.295, 0.895, 0.065}, /* shin */
    {0.40, 0.10, 0.40, 0.17, 0.055},    /* neck (on the midline) */
};

typedef struct {
    double x, y, w, h, radius;
    bool disc;
} Block;

static const Block blocks[] = {
    {0.34, 0.015, 0.12, 0.115, 0, true},     /* head (on the midline) */
    {0.30, 0.15, 0.20, 0.30, 0.06, false},   /* torso (on the midline) */
    {0.295, 0.40, 0.21, 0.14, 0.06, false},  /* pelvis (on the midline) */
    {0.06, 0.475, 0.085, 0.085, 0, true},    /* hand */
    {0.245, 0.88, 0.10, 0.05, 0.025, false}, /* foot */
};

typedef struct {
    SDL_Rect r; /* the view's box */
    int h;      /* its height: the unit of the coordinates */
} View;

static int px(const View *v, double f)
{
    return (int)(f * v->h + 0.5);
}

static void limb(Ui *ui, const View *v, const Limb *l, bool mirror, int grow, SDL_Color c)
{
    double x1 = mirror ? UI_PICTURE_ASPECT - l->x1 : l->x1;
    double x2 = mirror ? UI_PICTURE_ASPECT - l->x2 : l->x2;
    int t = px(v, l->t) + 2 * grow;
    int ax = v->r.x + px(v, x1), ay = v->r.y + px(v, l->y1);
    int bx = v->r.x + px(v, x2), by = v->r.y + px(v, l->y2);
    ui_draw_thick_line(ui, ax, ay, bx, by, t, c);
    ui_draw_ellipse(ui, (SDL_Rect){ax - t / 2, ay - t / 2, t, t}, c);
    ui_draw_ellipse(ui, (SDL_Rect){bx - t / 2, by - t / 2, t, t}, c);
}

static void block(Ui *ui, const View *v, const Block *b, bool mirror, int grow, SDL_Color c)
{
    double x = mirror ? UI_PICTURE_ASPECT - b->x - b->w : b->x;
    SDL_Rect r = {v->r.x + px(v, x) - grow, v->r.y + px(v, b->y) - grow, px(v, b->w) + 2 * grow,
                  px(v, b->h) + 2 * grow};
    if (b->disc)
        ui_draw_ellipse(ui, r, c);
    else
        ui_draw_round_rect(ui, r, px(v, b->radius) + grow, c);
}

/* The figure in two passes, the outline grown by edge and then the fill. */
static void figure(Ui *ui, const View *v, int edge)
{
    for (int pass = 0; pass < 2; pass++) {
        SDL_Color c = pass == 0 ? FIG_EDGE : FIG_FILL;
        int grow = pass == 0 ? edge : 0;
        for (size_t i = 0; i < sizeof limbs / sizeof limbs[0]; i++)
            for (int m = 0; m < 2; m++)
                limb(ui, v, &limbs[i], m == 1, grow, c);
        for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
            for (int m = 0; m < 2; m++)
                block(ui, v, &blocks[i], m == 1, grow, c);
    }
}

/* The back view's marks: the spine, the shoulder blades and the tailbone. */
static void back_marks(Ui *ui, const View *v, int edge)
{
    int x = v->r.x + px(v, 0.40);
    ui_draw_thick_line(ui, x, v->r.y + px(v, 0.13), x, v->r.y + px(v, 0.50), edge, FIG_EDGE);
    for (int m = 0; m < 2; m++) {
        double bx = m ? 0.43 : 0.33;
        ui_draw_thick_line(ui, v->r.x + px(v, bx), v->r.y + px(v, 0.21), v->r.x + px(v, bx + 0.04),
                           v->r.y + px(v, 0.27), edge, FIG_EDGE);
    }
    int ty = v->r.y + px(v, 0.52);
    ui_draw_thick_line(ui, x - px(v, 0.03), ty - px(v, 0.02), x, ty, edge, FIG_EDGE);
    ui_draw_thick_line(ui, x + px(v, 0.03), ty - px(v, 0.02), x, ty, edge, FIG_EDGE);
}

/* The view of figure box b drawn at r (the box itself, or a texture's origin), with
 * its regions as light squares with a blue edge. */
static void draw_view(Ui *ui, const UiBox *b, SDL_Rect r)
{
    View v = {r, r.h};
    int edge = ui->m.S / 300 + 2;
    figure(ui, &v, edge);
    if (b->view == BODY_BACK)
        back_marks(ui, &v, edge);
    int t = ui->m.S / 400 + 2;
    for (int i = 0; i < ui->nboxes; i++) {
        const UiBox *g = &ui->boxes[i];
        if (g->kind != BX_REGION || g->view != b->view)
            continue;
        SDL_Rect q = {g->r.x - b->r.x + r.x, g->r.y - b->r.y + r.y, g->r.w, g->r.h};
        ui_draw_round_rect(ui, q, g->radius, REGION_IDLE);
        ui_draw_outline(ui, q, t, REGION_EDGE);
    }
}

/* Makes the texture of a figure box: the drawing on the paper colour. */
static SDL_Texture *make_texture(Ui *ui, const UiBox *b)
{
    SDL_Texture *t = SDL_CreateTexture(ui->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                       b->r.w, b->r.h);
    if (!t)
        return NULL;
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_NONE); /* opaque: a frame copies, not blends */
    SDL_Texture *old = SDL_GetRenderTarget(ui->ren);
    if (SDL_SetRenderTarget(ui->ren, t) != 0) {
        SDL_DestroyTexture(t);
        return NULL;
    }
    SDL_SetRenderDrawColor(ui->ren, UI_PAPER.r, UI_PAPER.g, UI_PAPER.b, 0xff);
    SDL_RenderClear(ui->ren);
    draw_view(ui, b, (SDL_Rect){0, 0, b->r.w, b->r.h});
    SDL_SetRenderTarget(ui->ren, old);
    return t;
}

void ui_picture_draw(Ui *ui, UiBox *b)
{
    if (!b->tex)
        b->tex = make_texture(ui, b);
    if (b->tex)
        SDL_RenderCopy(ui->ren, b->tex, NULL, &b->r);
    else
        draw_view(ui, b, b->r); /* no render targets: draw it every frame */
}
