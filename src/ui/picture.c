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

/* The regions and the figure are core/body.h's, shared with the printout. */
const UiPictureRegion *ui_picture_regions(size_t *n)
{
    return body_regions(n);
}

typedef struct {
    SDL_Rect r; /* the view's box */
    int h;      /* its height: the unit of the coordinates */
} View;

static int px(const View *v, double f)
{
    return (int)(f * v->h + 0.5);
}

static void limb(Ui *ui, const View *v, const BodyLimb *l, bool mirror, int grow, SDL_Color c)
{
    double x1 = mirror ? body_mirror_x(l->x1) : l->x1;
    double x2 = mirror ? body_mirror_x(l->x2) : l->x2;
    int t = px(v, l->t) + 2 * grow;
    int ax = v->r.x + px(v, x1), ay = v->r.y + px(v, l->y1);
    int bx = v->r.x + px(v, x2), by = v->r.y + px(v, l->y2);
    ui_draw_thick_line(ui, ax, ay, bx, by, t, c);
    ui_draw_ellipse(ui, (SDL_Rect){ax - t / 2, ay - t / 2, t, t}, c);
    ui_draw_ellipse(ui, (SDL_Rect){bx - t / 2, by - t / 2, t, t}, c);
}

static void block(Ui *ui, const View *v, const BodyBlock *b, bool mirror, int grow, SDL_Color c)
{
    double x = mirror ? body_mirror_x(b->x) - b->w : b->x;
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
        size_t nl, nb;
        const BodyLimb *limbs = body_limbs(&nl);
        const BodyBlock *blocks = body_blocks(&nb);
        for (size_t i = 0; i < nl; i++)
            for (int m = 0; m < 2; m++)
                limb(ui, v, &limbs[i], m == 1, grow, c);
        for (size_t i = 0; i < nb; i++)
            for (int m = 0; m < 2; m++)
                block(ui, v, &blocks[i], m == 1, grow, c);
    }
}

/* The view's marks (on the back: the spine, the shoulder blades and the tailbone). */
static void view_marks(Ui *ui, const View *v, BodyView view, int edge)
{
    size_t n;
    const BodyMark *k = body_marks(&n);
    for (size_t i = 0; i < n; i++)
        if (k[i].view == view)
            ui_draw_thick_line(ui, v->r.x + px(v, k[i].x1), v->r.y + px(v, k[i].y1),
                               v->r.x + px(v, k[i].x2), v->r.y + px(v, k[i].y2), edge, FIG_EDGE);
}

/* The view of figure box b drawn at r (the box itself, or a texture's origin), with
 * its regions as light squares with a blue edge. */
static void draw_view(Ui *ui, const UiBox *b, SDL_Rect r)
{
    View v = {r, r.h};
    int edge = ui->m.S / 300 + 2;
    figure(ui, &v, edge);
    view_marks(ui, &v, (BodyView)b->view, edge);
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
