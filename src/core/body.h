/* The body diagram, platform-free: a front view and a back view of a standing figure
 * made of simple shapes, and the tappable regions keyed by the content's option
 * "region" ids (lower_back, knee_left...). The screen (SDL) and the printout (cairo)
 * draw the same figure from these tables.
 *
 * Coordinates are normalised to one view's box: x from 0 (the viewer's left) to 1,
 * y from 0 (top) to 1 (bottom). A view box is BODY_VIEW_ASPECT times as wide as it is
 * tall, so a renderer maps (x, y) to (left + x * h * BODY_VIEW_ASPECT, top + y * h).
 *
 * Sides: in the FRONT view the patient faces the viewer, so the patient's LEFT is on
 * the viewer's RIGHT; in the BACK view the patient's left is on the viewer's left.
 * Label the sides in plain words on every drawing. */
#ifndef PK_BODY_H
#define PK_BODY_H

#include <stdbool.h>
#include <stddef.h>

#define BODY_VIEW_ASPECT 0.6 /* width / height of one view box */

/* The smallest side of any region, as a fraction of the view's height: a figure drawn
 * h pixels tall has targets at least h * BODY_MIN_REGION pixels on each side. */
#define BODY_MIN_REGION 0.12

typedef enum { BODY_FRONT = 0, BODY_BACK = 1, BODY_VIEW_COUNT } BodyView;

typedef enum { BODY_SIDE_NONE = 0, BODY_SIDE_LEFT, BODY_SIDE_RIGHT } BodySide;

typedef enum {
    BODY_RECT,    /* a rectangle (draw it with rounded corners if you like) */
    BODY_ELLIPSE, /* the ellipse inscribed in the box */
} BodyShapeKind;

/* A shape by its bounding box, in normalised view coordinates. */
typedef struct {
    BodyShapeKind kind;
    double x, y, w, h;
} BodyShape;

/* One tappable region of one view. A region id appears in one or both views. */
typedef struct {
    const char *region; /* "lower_back", "knee_left"... */
    BodyView view;
    BodySide side;   /* the patient's side, or BODY_SIDE_NONE for the midline */
    BodyShape shape; /* the hit area (generous: larger than the part it covers) */
} BodyRegion;

/* The figure's outline shapes (head, torso, limbs), the same for both views; the
 * array is static and *n receives its length. */
const BodyShape *body_outline(size_t *n);

/* Every region of both views; the array is static and *n receives its length. */
const BodyRegion *body_regions(size_t *n);

/* The region id at the normalised point (x, y) of a view, or NULL when the point is
 * on no region. */
const char *body_hit(BodyView view, double x, double y);

/* True when the point (x, y) lies in the shape. */
bool body_shape_contains(const BodyShape *s, double x, double y);

/* The region of the given id in the given view, or NULL when that view does not show
 * it (or the id is unknown). */
const BodyRegion *body_region_find(BodyView view, const char *region);

/* True when the region id is one of the diagram's (in any view). */
bool body_region_known(const char *region);

/* The side of a view box (as the viewer sees it) on which the patient's given side
 * lies: returns true when it is the viewer's right. FRONT+LEFT and BACK+RIGHT are on
 * the viewer's right. */
bool body_side_on_viewer_right(BodyView view, BodySide side);

#endif
