#include "body.h"

#include <string.h>

/* The figure: a standing person, arms a little away from the body so that the hands
 * and the hips are separate targets. Symmetric, so both views share it. */
static const BodyShape outline[] = {
    {BODY_ELLIPSE, 0.4167, 0.005, 0.1667, 0.095}, /* head */
    {BODY_RECT, 0.4625, 0.095, 0.075, 0.035},     /* neck */
    {BODY_RECT, 0.3333, 0.125, 0.3333, 0.32},     /* torso */
    {BODY_RECT, 0.3417, 0.42, 0.3167, 0.10},      /* pelvis */
    {BODY_RECT, 0.225, 0.135, 0.09, 0.20},        /* upper arm, viewer's left */
    {BODY_RECT, 0.685, 0.135, 0.09, 0.20},        /* upper arm, viewer's right */
    {BODY_RECT, 0.16, 0.315, 0.08, 0.15},         /* forearm, viewer's left */
    {BODY_RECT, 0.76, 0.315, 0.08, 0.15},         /* forearm, viewer's right */
    {BODY_ELLIPSE, 0.10, 0.455, 0.10, 0.075},     /* hand, viewer's left */
    {BODY_ELLIPSE, 0.80, 0.455, 0.10, 0.075},     /* hand, viewer's right */
    {BODY_RECT, 0.35, 0.50, 0.1417, 0.20},        /* thigh, viewer's left */
    {BODY_RECT, 0.5083, 0.50, 0.1417, 0.20},      /* thigh, viewer's right */
    {BODY_RECT, 0.3667, 0.69, 0.1167, 0.20},      /* shin, viewer's left */
    {BODY_RECT, 0.5167, 0.69, 0.1167, 0.20},      /* shin, viewer's right */
    {BODY_ELLIPSE, 0.3417, 0.88, 0.15, 0.06},     /* foot, viewer's left */
    {BODY_ELLIPSE, 0.5083, 0.88, 0.15, 0.06},     /* foot, viewer's right */
};

/* Hit areas. Viewer's-left boxes hold the patient's right in the front view and the
 * patient's left in the back view. Boxes of one view never overlap. Every box is at
 * least 0.2 of the view wide (0.12 of its height) and 0.12 of it tall, so a figure
 * drawn 1 / BODY_MIN_REGION touch targets tall has targets of at least that size. */
#define VL_WRIST 0.00, 0.41, 0.20, 0.15
#define VR_WRIST 0.80, 0.41, 0.20, 0.15
#define VL_HIP 0.20, 0.43, 0.20, 0.13
#define VR_HIP 0.60, 0.43, 0.20, 0.13
#define VL_KNEE 0.28, 0.635, 0.22, 0.125
#define VR_KNEE 0.50, 0.635, 0.22, 0.125
#define VL_ANKLE 0.27, 0.85, 0.23, 0.14
#define VR_ANKLE 0.50, 0.85, 0.23, 0.14
#define MID_PELVIS 0.40, 0.43, 0.20, 0.13

static const BodyRegion regions[] = {
    /* front: the patient faces the viewer */
    {"pelvis_tailbone", BODY_FRONT, BODY_SIDE_NONE, {BODY_RECT, MID_PELVIS}},
    {"hip_right", BODY_FRONT, BODY_SIDE_RIGHT, {BODY_RECT, VL_HIP}},
    {"hip_left", BODY_FRONT, BODY_SIDE_LEFT, {BODY_RECT, VR_HIP}},
    {"wrist_right", BODY_FRONT, BODY_SIDE_RIGHT, {BODY_RECT, VL_WRIST}},
    {"wrist_left", BODY_FRONT, BODY_SIDE_LEFT, {BODY_RECT, VR_WRIST}},
    {"knee_right", BODY_FRONT, BODY_SIDE_RIGHT, {BODY_RECT, VL_KNEE}},
    {"knee_left", BODY_FRONT, BODY_SIDE_LEFT, {BODY_RECT, VR_KNEE}},
    {"ankle_right", BODY_FRONT, BODY_SIDE_RIGHT, {BODY_RECT, VL_ANKLE}},
    {"ankle_left", BODY_FRONT, BODY_SIDE_LEFT, {BODY_RECT, VR_ANKLE}},
    /* back: the patient faces away */
    {"upper_back_neck", BODY_BACK, BODY_SIDE_NONE, {BODY_RECT, 0.28, 0.09, 0.44, 0.19}},
    {"lower_back", BODY_BACK, BODY_SIDE_NONE, {BODY_RECT, 0.28, 0.28, 0.44, 0.15}},
    {"pelvis_tailbone", BODY_BACK, BODY_SIDE_NONE, {BODY_RECT, MID_PELVIS}},
    {"hip_left", BODY_BACK, BODY_SIDE_LEFT, {BODY_RECT, VL_HIP}},
    {"hip_right", BODY_BACK, BODY_SIDE_RIGHT, {BODY_RECT, VR_HIP}},
    {"wrist_left", BODY_BACK, BODY_SIDE_LEFT, {BODY_RECT, VL_WRIST}},
    {"wrist_right", BODY_BACK, BODY_SIDE_RIGHT, {BODY_RECT, VR_WRIST}},
    {"knee_left", BODY_BACK, BODY_SIDE_LEFT, {BODY_RECT, VL_KNEE}},
    {"knee_right", BODY_BACK, BODY_SIDE_RIGHT, {BODY_RECT, VR_KNEE}},
    {"ankle_left", BODY_BACK, BODY_SIDE_LEFT, {BODY_RECT, VL_ANKLE}},
    {"ankle_right", BODY_BACK, BODY_SIDE_RIGHT, {BODY_RECT, VR_ANKLE}},
};

const BodyShape *body_outline(size_t *n)
{
    *n = sizeof outline / sizeof outline[0];
    return outline;
}

const BodyRegion *body_regions(size_t *n)
{
    *n = sizeof regions / sizeof regions[0];
    return regions;
}

bool body_shape_contains(const BodyShape *s, double x, double y)
{
    if (s->w <= 0 || s->h <= 0)
        return false;
    if (s->kind == BODY_ELLIPSE) {
        double rx = s->w / 2, ry = s->h / 2;
        double dx = (x - (s->x + rx)) / rx, dy = (y - (s->y + ry)) / ry;
        return dx * dx + dy * dy <= 1.0;
    }
    return x >= s->x && x < s->x + s->w && y >= s->y && y < s->y + s->h;
}

const char *body_hit(BodyView view, double x, double y)
{
    for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++)
        if (regions[i].view == view && body_shape_contains(&regions[i].shape, x, y))
            return regions[i].region;
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

bool body_region_known(const char *region)
{
    return body_region_find(BODY_FRONT, region) || body_region_find(BODY_BACK, region);
}

bool body_side_on_viewer_right(BodyView view, BodySide side)
{
    if (side == BODY_SIDE_NONE)
        return false;
    return (view == BODY_FRONT) == (side == BODY_SIDE_LEFT);
}
