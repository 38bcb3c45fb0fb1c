/* The staff menu (PIN pad, commands) and the kiosk configuration file. */
#include <check.h>

#include "check_run.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/config.h"
#include "core/error.h"
#include "ui/staff.h"
#include "ui/ui.h"

static const char *write_conf(const char *name, const char *text)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", TEST_TMP_DIR, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

START_TEST(config_reads_every_setting)
{
    KioskConfig cfg;
    const char *p = write_conf("ui-ok.conf", "# comment\nstaff_pin = 4821  # trailing\n"
                                             "default_language = es\ndefault_volume=35\n"
                                             "printer = Front_Desk\npaper = receipt\n"
                                             "idle_seconds = 90\ncountdown_seconds = 30\n");
    ck_assert_int_eq(config_load(&cfg, p, NULL), 0);
    ck_assert_str_eq(cfg.pin, "4821");
    ck_assert_int_eq(cfg.lang, LANG_ES);
    ck_assert_int_eq(cfg.volume, 35);
    ck_assert_str_eq(cfg.printer, "Front_Desk");
    ck_assert_str_eq(cfg.paper, "receipt");
    ck_assert_uint_eq(cfg.idle_ms, 90000);
    ck_assert_uint_eq(cfg.countdown_ms, 30000);
    ck_assert(config_pin_ok(&cfg, "4821"));
    ck_assert(!config_pin_ok(&cfg, "4822"));
    ck_assert(!config_pin_ok(&cfg, "482"));
    ck_assert(!config_pin_ok(&cfg, ""));
}
END_TEST

static const struct {
    const char *text;
} bad_configs[] = {
    {"staff_pin = 12\n"},        {"staff_pin = 12ab\n"},
    {"staff_pin = 123456789\n"}, {"default_language = fr\n"},
    {"default_volume = 101\n"},  {"default_volume = loud\n"},
    {"paper = legal\n"},         {"idle_seconds = 1\n"},
    {"colour = blue\n"},         {"just words\n"},
};

START_TEST(config_refuses_bad_lines)
{
    KioskConfig cfg;
    const char *p = write_conf("ui-bad.conf", bad_configs[_i].text);
    ck_assert_int_eq(config_load(&cfg, p, NULL), PK_EINVAL);
}
END_TEST

START_TEST(config_without_pin_disables_the_menu)
{
    KioskConfig cfg;
    const char *p = write_conf("ui-nopin.conf", "default_volume = 50\n");
    ck_assert_int_eq(config_load(&cfg, p, NULL), 0);
    ck_assert_str_eq(cfg.pin, "");
    ck_assert(!config_pin_ok(&cfg, ""));
    ck_assert(!config_pin_ok(&cfg, "0000"));
    ck_assert_int_eq(config_load(&cfg, TEST_TMP_DIR "/no-such-file.conf", NULL), PK_EIO);
}
END_TEST

static StaffCommand type_pin(Staff *st, const char *pin)
{
    for (const char *p = pin; *p; p++)
        ck_assert_int_eq(staff_press(st, (char[]){*p, '\0'}), STAFF_NONE);
    return staff_press(st, "staff_ok");
}

START_TEST(staff_pin_then_commands)
{
    Staff st;
    memset(&st, 0, sizeof st);
    staff_open(&st, 70, LANG_EN);
    ck_assert(st.open);
    ck_assert_uint_eq(st.screen.nanswers, 10);
    ck_assert_int_eq(st.screen.kind, SCR_COUNT);
    ck_assert_int_eq(type_pin(&st, "1357"), STAFF_CHECK_PIN);
    ck_assert_str_eq(st.typed, "1357");
    ck_assert_int_eq(staff_unlock(&st, true), STAFF_NONE);
    ck_assert(st.unlocked);
    ck_assert_str_eq(st.typed, "");
    ck_assert_uint_eq(st.screen.nanswers, 7);
    ck_assert_int_eq(staff_press(&st, "staff_vol_up"), STAFF_VOLUME);
    ck_assert_int_eq(st.volume, 80);
    for (int i = 0; i < 5; i++)
        staff_press(&st, "staff_vol_up");
    ck_assert_int_eq(st.volume, 100);
    ck_assert_int_eq(staff_digit(&st, 1), STAFF_VOLUME); /* keypad 1: volume down */
    ck_assert_int_eq(st.volume, 90);
    ck_assert_int_eq(staff_press(&st, "staff_lang"), STAFF_LANGUAGE);
    ck_assert_int_eq(st.lang, LANG_ES);
    ck_assert_int_eq(staff_press(&st, "staff_test"), STAFF_TEST_PAGE);
    ck_assert_int_eq(staff_press(&st, "staff_exit"), STAFF_EXIT);
    ck_assert(!st.open);
}
END_TEST

START_TEST(staff_wrong_pin_three_times_closes)
{
    Staff st;
    memset(&st, 0, sizeof st);
    staff_open(&st, 70, LANG_EN);
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(type_pin(&st, "0000"), STAFF_CHECK_PIN);
        ck_assert_int_eq(staff_unlock(&st, false), STAFF_NONE);
        ck_assert(st.open);
        ck_assert_str_eq(st.typed, "");
    }
    ck_assert_int_eq(type_pin(&st, "0000"), STAFF_CHECK_PIN);
    ck_assert_int_eq(staff_unlock(&st, false), STAFF_CLOSE);
    ck_assert(!st.open);
}
END_TEST

START_TEST(staff_delete_escape_and_idle)
{
    Staff st;
    memset(&st, 0, sizeof st);
    staff_open(&st, 70, LANG_EN);
    staff_digit(&st, 4);
    staff_digit(&st, 2);
    staff_press(&st, FLOW_BACK); /* Backspace deletes a digit */
    ck_assert_str_eq(st.typed, "4");
    ck_assert_int_eq(staff_press(&st, UI_ID_ESCAPE), STAFF_CLOSE);
    staff_open(&st, 70, LANG_EN);
    ck_assert_int_eq(staff_tick(&st, 60000), STAFF_NONE);
    ck_assert_int_eq(staff_tick(&st, 60000), STAFF_CLOSE);
}
END_TEST

static Suite *staff_suite(void)
{
    Suite *s = suite_create("staff");
    TCase *t = tcase_create("config");
    tcase_add_test(t, config_reads_every_setting);
    tcase_add_loop_test(t, config_refuses_bad_lines, 0,
                        (int)(sizeof bad_configs / sizeof bad_configs[0]));
    tcase_add_test(t, config_without_pin_disables_the_menu);
    suite_add_tcase(s, t);
    t = tcase_create("menu");
    tcase_add_test(t, staff_pin_then_commands);
    tcase_add_test(t, staff_wrong_pin_three_times_closes);
    tcase_add_test(t, staff_delete_escape_and_idle);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return check_run(staff_suite());
}
