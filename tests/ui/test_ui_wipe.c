/* The screen's own copies of what she chose are gone once the screen is: the body
 * picture's chips carry the id of each area chosen ("ui_chip_knee_left") and the Ui
 * remembers the region tapped last, and both stayed in the Ui after the session (a
 * shorter screen reused only the first boxes; the tapped name lost its first byte only).
 * Drawn on an offscreen surface, the input guard off. */
#include <check.h>

#include "check_run.h"
#include <stdlib.h>
#include <string.h>

#include "core/flow.h"
#include "core/testutil.h"
#include "ui/ui.h"
#include "ui/ui_int.h"

static Ui *ui;
static Flow *flow;

static void setup(void)
{
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    UiOptions o = {.width = 1280, .height = 800, .offscreen = true};
    PkWhy why = {0};
    ck_assert_msg(ui_open(&ui, &o, test_content(), &why) == 0, "%s", why.text);
    FlowConfig cfg = {.default_lang = LANG_EN, .no_speech = true};
    flow = flow_new(test_content(), &cfg);
    ck_assert_ptr_nonnull(flow);
}

static void teardown(void)
{
    flow_free(flow);
    ui_close(ui);
}

static void show(void)
{
    ui_show(ui, flow_screen(flow));
    ui_render_force(ui);
}

/* True when the question on screen is the body picture's. */
static bool areas_question(void)
{
    const Screen *s = flow_screen(flow);
    if (s->kind != SCR_QUESTION || s->question->kind != QK_MULTI || !s->question->noptions)
        return false;
    return s->question->options[0].body_region != NULL;
}

/* "no", the last option, or the first of several and Done: on to the next screen. */
static void move_on(void)
{
    const Screen *s = flow_screen(flow);
    if (s->question->kind == QK_MULTI) {
        flow_press(flow, s->answers[0].id);
        flow_press(flow, FLOW_DONE);
    } else {
        flow_press(flow, s->question->kind == QK_YESNO ? "no" : s->answers[s->nanswers - 1].id);
    }
}

/* The box of a target on screen, or NULL. */
static const UiBox *box_of(const char *id)
{
    for (int i = 0; i < ui->nboxes; i++)
        if (strcmp(ui->boxes[i].id, id) == 0)
            return &ui->boxes[i];
    return NULL;
}

/* A tap in the middle of a box: its action. */
static UiAction tap(const UiBox *b)
{
    UiAction act = {0}, up;
    SDL_Event ev = {.type = SDL_MOUSEBUTTONDOWN};
    ev.button.button = SDL_BUTTON_LEFT;
    ev.button.x = b->r.x + b->r.w / 2;
    ev.button.y = b->r.y + b->r.h / 2;
    bool pressed = ui_handle_event(ui, &ev, &act);
    ev.type = SDL_MOUSEBUTTONUP;
    if (pressed)
        ui_handle_event(ui, &ev, &up);
    else
        ui_handle_event(ui, &ev, &act);
    return act;
}

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

/* How each way off the body picture is taken, after two areas chosen by touch. */
static const struct {
    const char *how;
    bool end_session; /* the next patient's attract screen, else the next question */
} ways[] = {
    {"Done: the next question", false},
    {"the session ends", true},
};

START_TEST(chosen_areas_leave_no_copy_in_the_ui)
{
    ui->input_guard = false;
    flow_begin(flow, LANG_EN);
    for (int guard = 0; !areas_question() && guard < 100; guard++)
        move_on();
    ck_assert_msg(areas_question(), "no body picture on the way");
    show();
    const char *chosen[] = {"lower_back", "knee_left"};
    for (size_t i = 0; i < sizeof chosen / sizeof chosen[0]; i++) {
        const UiBox *b = box_of(chosen[i]);
        ck_assert_msg(b, "no region %s on the picture", chosen[i]);
        UiAction act = tap(b);
        ck_assert_int_eq(act.kind, UI_ACT_PRESS);
        flow_press(flow, act.id);
        show();
    }
    ck_assert_ptr_nonnull(box_of(UI_ID_CHIP "knee_left")); /* the chips are there */
    ck_assert_str_eq(ui->tapped, "knee_left");
    if (ways[_i].end_session) {
        flow_free(flow);
        FlowConfig cfg = {.default_lang = LANG_EN, .no_speech = true};
        flow = flow_new(test_content(), &cfg);
        ck_assert_ptr_nonnull(flow);
    } else {
        flow_press(flow, FLOW_DONE);
        ck_assert(!areas_question());
    }
    show();
    ck_assert_msg(all_zero(ui->tapped, sizeof ui->tapped), "%s: the region tapped is left",
                  ways[_i].how);
    for (int i = 0; i < ui->nboxes; i++)
        ck_assert_msg(strncmp(ui->boxes[i].id, UI_ID_CHIP, strlen(UI_ID_CHIP)) != 0,
                      "%s: a chip on the next screen", ways[_i].how);
    for (int i = ui->nboxes; i < UI_MAX_BOXES; i++)
        ck_assert_msg(all_zero(&ui->boxes[i], sizeof ui->boxes[i]),
                      "%s: box %d of the picture is left after the %d of this screen (id '%s')",
                      ways[_i].how, i, ui->nboxes, ui->boxes[i].id);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ui_wipe");
    TCase *t = tcase_create("areas");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_loop_test(t, chosen_areas_leave_no_copy_in_the_ui, 0,
                        (int)(sizeof ways / sizeof ways[0]));
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return check_run(suite());
}
