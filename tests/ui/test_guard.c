/* The input guard of a real window: a new screen takes no press for a moment after it
 * can be read, so a second press meant for the screen before never answers the new one;
 * and a press after that moment always counts. Drawn on an offscreen surface with the
 * guard turned on as a window has it (a window of SDL's offscreen driver loads Mesa,
 * whose allocations LeakSanitizer cannot name once SDL has unloaded it). */
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
    ui->input_guard = true;
    FlowConfig cfg = {.default_lang = LANG_EN, .no_speech = true};
    flow = flow_new(test_content(), &cfg);
    ck_assert_ptr_nonnull(flow);
    ui_show(ui, flow_screen(flow));
    ui_render_force(ui);
    SDL_Delay(500);
}

static void teardown(void)
{
    flow_free(flow);
    ui_close(ui);
}

/* Return pressed now: the action it gave, or UI_ACT_NONE. */
static UiActionKind press_return(UiAction *act)
{
    SDL_Event ev = {.type = SDL_KEYDOWN};
    ev.key.keysym.sym = SDLK_RETURN;
    ev.key.keysym.scancode = SDL_SCANCODE_RETURN;
    return ui_handle_event(ui, &ev, act) ? act->kind : UI_ACT_NONE;
}

/* The next screen is asked for, then takes longer than the guard to reach the display
 * (a loaded machine, a slow first frame): a press at once after it appears is held
 * back; it once counted from when the screen was asked for, so a press meant for the
 * screen before could land on one nobody had seen. */
START_TEST(guard_counts_from_the_screen_on_the_display)
{
    UiAction act;
    ck_assert_int_eq(press_return(&act), UI_ACT_PRESS); /* Start, on the attract screen */
    ck_assert_int_eq(flow_press(flow, act.id), FLOW_CHANGED);
    ui_show(ui, flow_screen(flow));
    ck_assert_int_eq(flow_screen(flow)->kind, SCR_LANGUAGE);
    SDL_Delay(500); /* the frame is slow */
    ui_render_force(ui);
    ck_assert_int_eq(press_return(&act), UI_ACT_NONE);
    SDL_Delay(500); /* she has seen it */
    ck_assert_int_eq(press_return(&act), UI_ACT_PRESS);
}
END_TEST

/* Two presses reach the kiosk together; the first leads to the next screen, and the
 * kiosk is held up (a loaded machine) before it takes the second: the second is still
 * held back, as the new screen has not been drawn yet. It was held back for the guard's
 * time only, and under load the second of two presses answered the next safety question,
 * unseen. */
START_TEST(guard_holds_until_the_screen_is_drawn)
{
    UiAction act;
    ck_assert_int_eq(press_return(&act), UI_ACT_PRESS);
    ck_assert_int_eq(flow_press(flow, act.id), FLOW_CHANGED);
    ui_show(ui, flow_screen(flow));
    SDL_Delay(500); /* held up between the two presses */
    ck_assert_int_eq(press_return(&act), UI_ACT_NONE);
    ui_render_force(ui);
    ck_assert_int_eq(press_return(&act), UI_ACT_NONE);
    SDL_Delay(500);
    ck_assert_int_eq(press_return(&act), UI_ACT_PRESS);
}
END_TEST

/* A screen shown and drawn at once: the guard is over in well under a second, so a
 * patient who reads and presses is never held back. */
START_TEST(guard_ends)
{
    UiAction act;
    ck_assert_int_eq(press_return(&act), UI_ACT_PRESS);
    ck_assert_int_eq(flow_press(flow, act.id), FLOW_CHANGED);
    ui_show(ui, flow_screen(flow));
    ui_render_force(ui);
    ck_assert_int_eq(press_return(&act), UI_ACT_NONE);
    SDL_Delay(500);
    ck_assert_int_eq(press_return(&act), UI_ACT_PRESS);
}
END_TEST

/* The pointer goes down and up at x, y: the action the press gave, else the release's,
 * or UI_ACT_NONE. */
static UiActionKind tap_at(int x, int y, UiAction *act)
{
    SDL_Event ev = {.type = SDL_MOUSEBUTTONDOWN};
    ev.button.button = SDL_BUTTON_LEFT;
    ev.button.x = x;
    ev.button.y = y;
    if (ui_handle_event(ui, &ev, act)) {
        UiAction up;
        ev.type = SDL_MOUSEBUTTONUP;
        ui_handle_event(ui, &ev, &up);
        return act->kind;
    }
    ev.type = SDL_MOUSEBUTTONUP;
    return ui_handle_event(ui, &ev, act) ? act->kind : UI_ACT_NONE;
}

/* The middle of the right edge: on the start screen no button is there. */
static void empty_point(int *x, int *y)
{
    *x = ui->w - 4;
    *y = ui->h / 2;
    for (int i = 0; i < ui->nboxes; i++) {
        const SDL_Rect *r = &ui->boxes[i].r;
        bool target = ui->boxes[i].kind == BX_BUTTON || ui->boxes[i].kind == BX_REGION;
        ck_assert_msg(!target || *x < r->x || *x >= r->x + r->w || *y < r->y || *y >= r->y + r->h,
                      "a target (%s) at the test's empty point", ui->boxes[i].id);
    }
}

/* The start screen says "Tap the screen to start": a tap where no button is starts, as
 * Start does (only Start did, and a tap beside it did nothing). */
START_TEST(tap_anywhere_on_the_start_screen_starts)
{
    ck_assert_int_eq(flow_screen(flow)->kind, SCR_ATTRACT);
    UiAction act;
    int x, y;
    empty_point(&x, &y);
    ck_assert_int_eq(tap_at(x, y, &act), UI_ACT_PRESS);
    ck_assert_str_eq(act.id, FLOW_START);
    ck_assert_int_eq(flow_press(flow, act.id), FLOW_CHANGED);
    ck_assert_int_eq(flow_screen(flow)->kind, SCR_LANGUAGE);
    /* on the next screen a tap where nothing is starts nothing: it only says she is there */
    ui_show(ui, flow_screen(flow));
    ui_render_force(ui);
    SDL_Delay(500);
    ck_assert_int_eq(tap_at(x, y, &act), UI_ACT_ACTIVITY);
}
END_TEST

/* ...but not a tap in the staff corner, where five taps open the staff menu, nor a tap
 * that came before the start screen could be seen. */
START_TEST(corner_and_early_taps_do_not_start)
{
    UiAction act;
    for (int i = 0; i < 4; i++)
        ck_assert_int_ne(tap_at(5, 5, &act), UI_ACT_PRESS);
    ck_assert_int_eq(tap_at(5, 5, &act), UI_ACT_STAFF_GESTURE);
    /* the start screen comes back (after a goodbye): for a moment a tap is held back */
    ck_assert_int_eq(press_return(&act), UI_ACT_PRESS);
    ck_assert_int_eq(flow_press(flow, act.id), FLOW_CHANGED);
    ui_show(ui, flow_screen(flow));
    ui_render_force(ui);
    flow_free(flow);
    FlowConfig cfg = {.default_lang = LANG_EN, .no_speech = true};
    flow = flow_new(test_content(), &cfg);
    ck_assert_ptr_nonnull(flow);
    ui_show(ui, flow_screen(flow));
    int x, y;
    empty_point(&x, &y);
    ck_assert_int_ne(tap_at(x, y, &act), UI_ACT_PRESS);
    ui_render_force(ui);
    SDL_Delay(500);
    ck_assert_int_eq(tap_at(x, y, &act), UI_ACT_PRESS);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("guard");
    TCase *t = tcase_create("guard");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, guard_counts_from_the_screen_on_the_display);
    tcase_add_test(t, guard_holds_until_the_screen_is_drawn);
    tcase_add_test(t, guard_ends);
    tcase_add_test(t, tap_anywhere_on_the_start_screen_starts);
    tcase_add_test(t, corner_and_early_taps_do_not_start);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return check_run(suite());
}
