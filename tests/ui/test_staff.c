/* The staff menu (PIN pad, commands) and the kiosk configuration file. */
#include <check.h>

#include "check_run.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/config.h"
#include "core/error.h"
#include "ui/staff.h"
#include "ui/ui.h"
#include "core/testutil.h"

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

/* A long line is an error, never split: the tail of a long comment once set the PIN. */
START_TEST(config_refuses_long_lines)
{
    char text[1200] = "staff_pin = 4821\n# ";
    for (int i = 0; i < 520; i++)
        strcat(text, "x");
    strcat(text, " staff_pin = 9999\n");
    KioskConfig cfg;
    ck_assert_int_eq(config_load(&cfg, write_conf("ui-long.conf", text), NULL), PK_EINVAL);
    ck_assert(!config_pin_ok(&cfg, "9999"));
    /* 511 characters are still one line */
    char ok[600] = "staff_pin = 4821 #";
    while (strlen(ok) < 511)
        strcat(ok, "y");
    strcat(ok, "\n");
    ck_assert_int_eq(config_load(&cfg, write_conf("ui-511.conf", ok), NULL), 0);
    ck_assert(config_pin_ok(&cfg, "4821"));
}
END_TEST

/* Only a regular file is read: a device, a directory and a FIFO are refused at once. */
START_TEST(config_reads_regular_files_only)
{
    KioskConfig cfg;
    char fifo[1024];
    snprintf(fifo, sizeof fifo, "%s/ui-fifo.conf", TEST_TMP_DIR);
    unlink(fifo);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    const char *paths[] = {"/dev/zero", TEST_TMP_DIR, fifo};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
        ck_assert_int_eq(config_load(&cfg, paths[i], NULL), PK_EINVAL);
    unlink(fifo);
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

/* The fixture content, whose strings are "EN key" / "ES key". */
static const Content *fixture(void)
{
    static Content *c;
    if (!c) {
        Diags d = {0};
        ck_assert_int_eq(content_load(test_fixture_dir(), &c, &d), 0);
        diags_free(&d);
    }
    return c;
}

/* A menu as the kiosk has it once the start-up lock has run down. */
static void staff_ready(Staff *st)
{
    staff_init(st, fixture());
    ck_assert_uint_eq(st->guard.locked_ms, STAFF_LOCK_LIMIT_MS);
    staff_tick(st, STAFF_LOCK_LIMIT_MS);
    staff_open(st, 70, LANG_EN);
}

START_TEST(staff_pin_then_commands)
{
    Staff st;
    staff_ready(&st);
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
    /* exit asks first; no key confirms it */
    ck_assert_int_eq(staff_press(&st, "staff_exit"), STAFF_NONE);
    ck_assert(st.open && st.confirm_exit);
    for (int d = 0; d <= 9; d++)
        ck_assert_int_eq(staff_digit(&st, d), STAFF_NONE);
    ck_assert_int_eq(staff_press(&st, "staff_exit_no"), STAFF_NONE);
    ck_assert(st.open && !st.confirm_exit);
    ck_assert_int_eq(staff_digit(&st, 6), STAFF_NONE); /* keypad 6: exit, asks again */
    ck_assert(st.confirm_exit);
    ck_assert_int_eq(st.screen.nanswers, 0);
    ck_assert_int_eq(st.screen.nav[1].key, -1);
    ck_assert_int_eq(st.screen.nav[0].role, BTN_PRIMARY);
    ck_assert_str_eq(st.screen.nav[0].id, "staff_exit_no"); /* Enter on it cancels */
    ck_assert_int_eq(staff_press(&st, "staff_exit_yes"), STAFF_EXIT);
    ck_assert(!st.open);
}
END_TEST

/* Three wrong PINs lock the pad, for longer each time; closing and reopening the menu
 * does not reset anything; a right PIN typed while locked is not even checked. */
START_TEST(staff_wrong_pins_lock_the_pad)
{
    Staff st;
    staff_ready(&st);
    unsigned want = STAFF_LOCK_FIRST_MS;
    for (int round = 0; round < 5; round++) {
        for (int i = 0; i < STAFF_TRIES - 1; i++) {
            ck_assert_int_eq(type_pin(&st, "0000"), STAFF_CHECK_PIN);
            ck_assert_int_eq(staff_unlock(&st, false), STAFF_NONE);
            ck_assert(st.open);
            ck_assert_str_eq(st.typed, "");
            /* closing the menu keeps the count */
            staff_press(&st, "staff_cancel");
            staff_open(&st, 70, LANG_EN);
        }
        ck_assert_int_eq(type_pin(&st, "0000"), STAFF_CHECK_PIN);
        ck_assert_int_eq(staff_unlock(&st, false), STAFF_LOCKED);
        ck_assert(!st.open);
        ck_assert_uint_eq(st.guard.locked_ms, want);
        /* reopened at once: locked, no digit taken, OK does nothing */
        staff_open(&st, 70, LANG_EN);
        ck_assert_uint_eq(st.screen.nanswers, 0);
        ck_assert_ptr_nonnull(strstr(st.screen.body, "EN staff.locked"));
        staff_digit(&st, 1);
        ck_assert_str_eq(st.typed, "");
        ck_assert_int_eq(staff_press(&st, "staff_ok"), STAFF_NONE);
        ck_assert_int_eq(staff_unlock(&st, true), STAFF_NONE);
        ck_assert(!st.unlocked);
        /* the time runs down with the menu closed too */
        staff_press(&st, "staff_cancel");
        staff_tick(&st, want - 1);
        ck_assert_uint_eq(st.guard.locked_ms, 1);
        staff_tick(&st, 1);
        staff_open(&st, 70, LANG_EN);
        ck_assert_uint_eq(st.screen.nanswers, 10);
        want = want * 2 > STAFF_LOCK_LIMIT_MS ? STAFF_LOCK_LIMIT_MS : want * 2;
    }
    ck_assert_uint_eq(want, STAFF_LOCK_LIMIT_MS);
    /* a right PIN ends the growth */
    ck_assert_int_eq(type_pin(&st, "1357"), STAFF_CHECK_PIN);
    ck_assert_int_eq(staff_unlock(&st, true), STAFF_NONE);
    ck_assert_uint_eq(st.guard.lockouts, 0);
}
END_TEST

/* The pad starts locked: restarting the kiosk never waits less than a lock-out. */
START_TEST(staff_pad_starts_locked)
{
    Staff st;
    staff_init(&st, fixture());
    staff_open(&st, 70, LANG_EN);
    ck_assert_uint_eq(st.screen.nanswers, 0);
    ck_assert_int_eq(staff_press(&st, "staff_ok"), STAFF_NONE);
    ck_assert_uint_ge(STAFF_LOCK_LIMIT_MS, STAFF_LOCK_FIRST_MS * 4);
}
END_TEST

/* Every word of the menu comes from the content, in the menu's language. */
START_TEST(staff_words_come_from_content)
{
    Staff st;
    staff_ready(&st);
    ck_assert_str_eq(st.screen.title, "EN staff.title");
    ck_assert_ptr_nonnull(strstr(st.screen.body, "EN staff.enter_pin"));
    staff_press(&st, "staff_cancel");
    staff_open(&st, 70, LANG_ES);
    ck_assert_str_eq(st.screen.title, "ES staff.title");
    type_pin(&st, "1");
    staff_unlock(&st, true);
    for (size_t i = 0; i < st.screen.nanswers; i++)
        ck_assert_msg(strncmp(st.screen.answers[i].label, "ES staff.", 9) == 0, "%s",
                      st.screen.answers[i].label);
    ck_assert_str_eq(st.screen.nav[0].label, "ES staff.close");
    ck_assert_ptr_nonnull(strstr(st.screen.body, "ES staff.volume"));
}
END_TEST

START_TEST(staff_delete_escape_and_idle)
{
    Staff st;
    staff_ready(&st);
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
    tcase_add_test(t, config_refuses_long_lines);
    tcase_add_test(t, config_reads_regular_files_only);
    tcase_add_test(t, config_without_pin_disables_the_menu);
    suite_add_tcase(s, t);
    t = tcase_create("menu");
    tcase_add_test(t, staff_pin_then_commands);
    tcase_add_test(t, staff_wrong_pins_lock_the_pad);
    tcase_add_test(t, staff_pad_starts_locked);
    tcase_add_test(t, staff_words_come_from_content);
    tcase_add_test(t, staff_delete_escape_and_idle);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return check_run(staff_suite());
}
