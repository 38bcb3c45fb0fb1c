/* The body figure, platform-free: one standing figure seen from the front and from
 * the back, its outline, the marks of the back view, and the tappable regions keyed by
 * the content's option "region" ids (lower_back, knee_left...). The screen (SDL) and
 * the printout (cairo) draw the same figure from these tables.
 *
 * Coordinates are fractions of one view's height: x from 0 (the viewer's left) to
 * BODY_VIEW_ASPECT, y from 0 (top) to 1 (bottom). A renderer maps (x, y) to
 * (left + x * h, top + y * h) for a view h tall.
 *
 * The front view carries the joints, the back view the back, the pelvis and the
 * tailbone: each region is on one view only. Sides: in the FRONT view the patient
 * faces the viewer, so her LEFT is on the viewer's RIGHT; in the BACK view her left is
 * on the viewer's left. Label the sides in plain words on every drawing. */
#ifndef PK_BODY_H
#define PK_BODY_H

#include <stdbool.h>
#include <stddef.h>

#define BODY_VIEW_ASPECT 0.8 /* width / height of one view box */

/* The smallest side of any region, and the least space between two regions of one
 * view, as fractions of the view's height: a view drawn h pixels tall has targets at
 * least h * BODY_MIN_REGION on each side and h * BODY_MIN_GAP apart. */
#define BODY_MIN_REGION 0.14
#define BODY_MIN_GAP 0.03

typedef enum {
    BODY_VIEW_NONE = -1, /* on no view: a region id the figure does not draw */
    BODY_FRONT = 0,
    BODY_BACK = 1,
    BODY_VIEW_COUNT
} BodyView;

typedef enum { BODY_SIDE_NONE = 0, BODY_SIDE_LEFT, BODY_SIDE_RIGHT } BodySide;

/* One tappable region: a rectangle of one view. */
typedef struct {
    const char *region; /* "lower_back", "knee_left"... */
    BodyView view;
    BodySide side; /* the patient's side, or BODY_SIDE_NONE for the midline */
    double x, y, w, h;
} BodyRegion;

/* A limb of the outline: the segment (x1, y1)-(x2, y2), t thick, with round ends. */
typedef struct {
    double x1, y1, x2, y2, t;
} BodyLimb;

/* A block of the outline: a rectangle with corners of the given radius, or the
 * ellipse inscribed in it (disc). */
typedef struct {
    double x, y, w, h, radius;
    bool disc;
} BodyBlock;

/* A thin line drawn on one view only: the spine, the shoulder blades, the tailbone. */
typedef struct {
    BodyView view;
    double x1, y1, x2, y2;
} BodyMark;

/* The outline's limbs and blocks of the viewer's left half, the same in both views;
 * draw each twice, the second time mirrored (body_mirror_x). The arrays are static and
 * *n receives their length. */
const BodyLimb *body_limbs(size_t *n);
const BodyBlock *body_blocks(size_t *n);

/* The mirror image of x about the view's vertical midline. */
double body_mirror_x(double x);

/* The marks of both views (drawn as they are, not mirrored); static, *n its length. */
const BodyMark *body_marks(size_t *n);

/* Every region of both views; the array is static and *n receives its length. */
const BodyRegion *body_regions(size_t *n);

/* The region id at the point (x, y) of a view, or NULL when the point is on no
 * region. */
const char *body_hit(BodyView view, double x, double y);

/* The region of the given id in the given view, or NULL when that view does not show
 * it (or the id is unknown). */
const BodyRegion *body_region_find(BodyView view, const char *region);

/* The view that shows the region, or BODY_VIEW_NONE for an unknown id (or NULL). */
BodyView body_region_view(const char *region);

/* True when the region id is one of the figure's (in any view). */
bool body_region_known(const char *region);

/* The side of a view box (as the viewer sees it) on which the patient's given side
 * lies: returns true when it is the viewer's right. FRONT+LEFT and BACK+RIGHT are on
 * the viewer's right. */
bool body_side_on_viewer_right(BodyView view, BodySide side);

#endif
