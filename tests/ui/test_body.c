/* The body diagram's geometry: every region the content names exists, regions of a
 * view never overlap, sides are where a viewer expects them, and every region is big
 * enough to be a touch target when the figure is drawn 1 / BODY_MIN_REGION targets
 * tall. The screen's body picture (the same table, core/body.h): each region once, on
 * its view, apart from the others of its view. */
#include <check.h>

#include "check_run.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/body.h"
#include "core/content.h"
#include "ui/ui_int.h"

static const struct {
    const char *region;
    BodySide side;
} expected[] = {
    {"lower_back", BODY_SIDE_NONE},      {"upper_back_neck", BODY_SIDE_NONE},
    {"pelvis_tailbone", BODY_SIDE_NONE}, {"hip_left", BODY_SIDE_LEFT},
    {"hip_right", BODY_SIDE_RIGHT},      {"knee_left", BODY_SIDE_LEFT},
    {"knee_right", BODY_SIDE_RIGHT},     {"wrist_left", BODY_SIDE_LEFT},
    {"wrist_right", BODY_SIDE_RIGHT},    {"ankle_left", BODY_SIDE_LEFT},
    {"ankle_right", BODY_SIDE_RIGHT},
};

START_TEST(every_region_is_drawn)
{
    const char *id = expected[_i].region;
    ck_assert_msg(body_region_known(id), "%s is not on the diagram", id);
    for (int v = 0; v < BODY_VIEW_COUNT; v++) {
        const BodyRegion *r = body_region_find((BodyView)v, id);
        if (r)
            ck_assert_int_eq(r->side, expected[_i].side);
    }
}
END_TEST

static bool overlap(const BodyRegion *a, const BodyRegion *b)
{
    const double eps = 1e-9;
    return a->x + eps < b->x + b->w && b->x + eps < a->x + a->w && a->y + eps < b->y + b->h &&
           b->y + eps < a->y + a->h;
}

START_TEST(regions_do_not_overlap_and_are_big_enough)
{
    size_t n;
    const BodyRegion *r = body_regions(&n);
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(r[i].x >= 0 && r[i].y >= 0 && r[i].x + r[i].w <= BODY_VIEW_ASPECT + 1e-9 &&
                          r[i].y + r[i].h <= 1.0 + 1e-9,
                      "%s leaves its view", r[i].region);
        ck_assert_msg(r[i].w >= BODY_MIN_REGION - 1e-9 && r[i].h >= BODY_MIN_REGION - 1e-9,
                      "%s is smaller than BODY_MIN_REGION", r[i].region);
        for (size_t j = i + 1; j < n; j++)
            if (r[i].view == r[j].view)
                ck_assert_msg(!overlap(&r[i], &r[j]), "%s overlaps %s", r[i].region, r[j].region);
    }
}
END_TEST

START_TEST(sides_are_mirrored_between_views)
{
    /* front: the patient's left is on the viewer's right; back: on the viewer's left */
    ck_assert(body_side_on_viewer_right(BODY_FRONT, BODY_SIDE_LEFT));
    ck_assert(!body_side_on_viewer_right(BODY_FRONT, BODY_SIDE_RIGHT));
    ck_assert(!body_side_on_viewer_right(BODY_BACK, BODY_SIDE_LEFT));
    ck_assert(body_side_on_viewer_right(BODY_BACK, BODY_SIDE_RIGHT));
    size_t n;
    const BodyRegion *r = body_regions(&n);
    for (size_t i = 0; i < n; i++) {
        if (r[i].side == BODY_SIDE_NONE)
            continue;
        double cx = r[i].x + r[i].w / 2, mid = BODY_VIEW_ASPECT / 2;
        bool right = body_side_on_viewer_right(r[i].view, r[i].side);
        ck_assert_msg(right ? cx > mid : cx < mid, "%s is on the wrong side", r[i].region);
    }
}
END_TEST

START_TEST(hit_test_finds_each_region_at_its_centre)
{
    size_t n;
    const BodyRegion *r = body_regions(&n);
    for (size_t i = 0; i < n; i++) {
        double cx = r[i].x + r[i].w / 2, cy = r[i].y + r[i].h / 2;
        const char *hit = body_hit(r[i].view, cx, cy);
        ck_assert_ptr_nonnull(hit);
        ck_assert_str_eq(hit, r[i].region);
    }
    ck_assert_ptr_null(body_hit(BODY_FRONT, 0.02, 0.02)); /* beside the head */
    ck_assert_ptr_null(body_hit(BODY_BACK, 0.40, 0.90));  /* between the feet */
    size_t nl, nb, nm;
    ck_assert_uint_gt(body_limbs(&nl) ? nl : 0, 3);
    ck_assert_uint_gt(body_blocks(&nb) ? nb : 0, 3);
    ck_assert_uint_gt(body_marks(&nm) ? nm : 0, 0);
    ck_assert_double_eq_tol(body_mirror_x(body_mirror_x(0.1)), 0.1, 1e-12);
}
END_TEST

START_TEST(content_regions_are_on_the_diagram)
{
    Content *c = NULL;
    Diags d = {0};
    int rc = content_load(PPKIOSK_SOURCE_DIR "/assets/content", &c, &d);
    diags_free(&d);
    ck_assert_int_eq(rc, 0);
    size_t areas = 0;
    for (size_t q = 0; q < c->nquestions; q++)
        for (size_t o = 0; o < c->questions[q].noptions; o++) {
            const char *reg = c->questions[q].options[o].body_region;
            if (!reg)
                continue;
            areas++;
            ck_assert_msg(body_region_known(reg), "option region %s is not drawn", reg);
        }
    ck_assert_uint_ge(areas, sizeof expected / sizeof expected[0]);
    content_free(c);
}
END_TEST

/* The screen's picture: the joints on the front (her left on the viewer's right), the
 * back, pelvis and tailbone on the back view; every region at least
 * UI_PICTURE_MIN_REGION on each side and 0.03 of the view's height from the others. */
START_TEST(picture_regions_are_apart_and_big_enough)
{
    size_t n;
    const UiPictureRegion *r = ui_picture_regions(&n);
    ck_assert_uint_eq(n, sizeof expected / sizeof expected[0]);
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < n && strcmp(expected[k].region, r[i].region) != 0)
            k++;
        ck_assert_msg(k < n, "%s is not an area", r[i].region);
        for (size_t j = 0; j < i; j++)
            ck_assert_msg(strcmp(r[i].region, r[j].region) != 0, "%s twice", r[i].region);
        ck_assert_msg(r[i].view == (expected[k].side == BODY_SIDE_NONE ? BODY_BACK : BODY_FRONT),
                      "%s on the wrong view", r[i].region);
        ck_assert_msg(r[i].x >= 0 && r[i].y >= 0 && r[i].x + r[i].w <= UI_PICTURE_ASPECT &&
                          r[i].y + r[i].h <= 1.0,
                      "%s leaves its view", r[i].region);
        ck_assert_msg(r[i].w >= UI_PICTURE_MIN_REGION - 1e-9 &&
                          r[i].h >= UI_PICTURE_MIN_REGION - 1e-9,
                      "%s is too small", r[i].region);
        double cx = r[i].x + r[i].w / 2;
        if (expected[k].side != BODY_SIDE_NONE)
            ck_assert_msg((cx > UI_PICTURE_ASPECT / 2) == (expected[k].side == BODY_SIDE_LEFT),
                          "%s is on the wrong side", r[i].region);
        for (size_t j = 0; j < i; j++) {
            if (r[j].view != r[i].view)
                continue;
            double dx = fmax(r[j].x - (r[i].x + r[i].w), r[i].x - (r[j].x + r[j].w));
            double dy = fmax(r[j].y - (r[i].y + r[i].h), r[i].y - (r[j].y + r[j].h));
            ck_assert_msg(fmax(dx, dy) >= 0.03 - 1e-9, "%s is too close to %s", r[i].region,
                          r[j].region);
        }
    }
}
END_TEST

static Suite *body_suite(void)
{
    Suite *s = suite_create("body");
    TCase *t = tcase_create("geometry");
    tcase_add_loop_test(t, every_region_is_drawn, 0, (int)(sizeof expected / sizeof expected[0]));
    tcase_add_test(t, regions_do_not_overlap_and_are_big_enough);
    tcase_add_test(t, sides_are_mirrored_between_views);
    tcase_add_test(t, hit_test_finds_each_region_at_its_centre);
    tcase_add_test(t, content_regions_are_on_the_diagram);
    tcase_add_test(t, picture_regions_are_apart_and_big_enough);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return check_run(body_suite());
}
