#include "body.h"

#include <string.h>

#define R BODY_MIN_REGION /* the side of a joint's square */

/* Every region is at least R on each side, and regions of one view are at least
 * BODY_MIN_GAP apart. The front view shows the patient facing the viewer: her right is
 * on the viewer's left. */
static const BodyRegion regions[] = {
    {"wrist_right", BODY_FRONT, BODY_SIDE_RIGHT, 0.03, 0.45, R, R},
    {"hip_right", BODY_FRONT, BODY_SIDE_RIGHT, 0.24, 0.40, R, R},
    {"hip_left", BODY_FRONT, BODY_SIDE_LEFT, 0.42, 0.40, R, R},
    {"wrist_left", BODY_FRONT, BODY_SIDE_LEFT, 0.63, 0.45, R, R},
    {"knee_right", BODY_FRONT, BODY_SIDE_RIGHT, 0.24, 0.64, R, R},
    {"knee_left", BODY_FRONT, BODY_SIDE_LEFT, 0.42, 0.64, R, R},
    {"ankle_right", BODY_FRONT, BODY_SIDE_RIGHT, 0.22, 0.845, R, R},
    {"ankle_left", BODY_FRONT, BODY_SIDE_LEFT, 0.44, 0.845, R, R},
    {"upper_back_neck", BODY_BACK, BODY_SIDE_NONE, 0.27, 0.10, 0.26, 0.17},
    {"lower_back", BODY_BACK, BODY_SIDE_NONE, 0.28, 0.30, 0.24, R},
    {"pelvis_tailbone", BODY_BACK, BODY_SIDE_NONE, 0.28, 0.47, 0.24, R},
};

/* The figure: arms held out and down, legs a little apart, so that no two targets
 * touch. The viewer's left half; the right half is its mirror. */
static const BodyLimb limbs[] = {
    {0.33, 0.18, 0.215, 0.33, 0.060},   /* upper arm, out from the shoulder */
    {0.215, 0.33, 0.115, 0.49, 0.050},  /* forearm */
    {0.355, 0.49, 0.315, 0.71, 0.080},  /* thigh, the legs a little apart */
    {0.315, 0.71, 0.295, 0.895, 0.065}, /* shin */
    {0.40, 0.10, 0.40, 0.17, 0.055},    /* neck (on the midline) */
};

static const BodyBlock blocks[] = {
    {0.34, 0.015, 0.12, 0.115, 0, true},     /* head (on the midline) */
    {0.30, 0.15, 0.20, 0.30, 0.06, false},   /* torso (on the midline) */
    {0.295, 0.40, 0.21, 0.14, 0.06, false},  /* pelvis (on the midline) */
    {0.06, 0.475, 0.085, 0.085, 0, true},    /* hand */
    {0.245, 0.88, 0.10, 0.05, 0.025, false}, /* foot */
};

/* The back view's marks, so that front and back differ at a glance. */
static const BodyMark marks[] = {
    {BODY_BACK, 0.40, 0.13, 0.40, 0.50}, /* the spine */
    {BODY_BACK, 0.33, 0.21, 0.37, 0.27}, /* the shoulder blades */
    {BODY_BACK, 0.43, 0.21, 0.47, 0.27},
    {BODY_BACK, 0.37, 0.50, 0.40, 0.52}, /* the tailbone, a small V */
    {BODY_BACK, 0.43, 0.50, 0.40, 0.52},
};

const BodyLimb *body_limbs(size_t *n)
{
    *n = sizeof limbs / sizeof limbs[0];
    return limbs;
}

const BodyBlock *body_blocks(size_t *n)
{
    *n = sizeof blocks / sizeof blocks[0];
    return blocks;
}

double body_mirror_x(double x)
{
    return BODY_VIEW_ASPECT - x;
}

const BodyMark *body_marks(size_t *n)
{
    *n = sizeof marks / sizeof marks[0];
    return marks;
}

const BodyRegion *body_regions(size_t *n)
{
    *n = sizeof regions / sizeof regions[0];
    return regions;
}

const char *body_hit(BodyView view, double x, double y)
{
    for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++) {
        const BodyRegion *r = &regions[i];
        if (r->view == view && x >= r->x && x < r->x + r->w && y >= r->y && y < r->y + r->h)
            return r->region;
    }
    return NULL;
}

const BodyRegion *body_region_find(BodyView view, const char *region)
{
    if (!region)
        return NULL;
    for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++)
        if (regions[i].view == view && strcmp(regions[i].region, region) == 0)
            return &regions[i];
    return NULL;
}

BodyView body_region_view(const char *region)
{
    for (int v = 0; v < BODY_VIEW_COUNT; v++)
        if (body_region_find((BodyView)v, region))
            return (BodyView)v;
    return BODY_VIEW_NONE;
}

bool body_region_known(const char *region)
{
    return body_region_view(region) != BODY_VIEW_NONE;
}

bool body_side_on_viewer_right(BodyView view, BodySide side)
{
    if (side == BODY_SIDE_NONE)
        return false;
    return (view == BODY_FRONT) == (side == BODY_SIDE_LEFT);
}
