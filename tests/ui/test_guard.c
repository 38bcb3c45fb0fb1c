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

static Suite *suite(void)
{
    Suite *s = suite_create("guard");
    TCase *t = tcase_create("guard");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, guard_counts_from_the_screen_on_the_display);
    tcase_add_test(t, guard_holds_until_the_screen_is_drawn);
    tcase_add_test(t, guard_ends);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return check_run(suite());
}
