/* The kiosk configuration file: every setting, bad lines, long lines, only regular
 * files, and the staff PIN it holds. */
#include <check.h>

#include "check_run.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/config.h"
#include "core/error.h"
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
    {"staff_pin = 12\n"},
    {"staff_pin = 12ab\n"},
    {"staff_pin = 123456789\n"},
    /* a "#" inside a value is no comment: "1234#5678" set the PIN 1234 (fifteenth audit) */
    {"staff_pin = 1234#5678\n"},
    {"default_language = fr\n"},
    {"default_volume = 101\n"},
    {"default_volume = loud\n"},
    {"paper = legal\n"},
    {"idle_seconds = 1\n"},
    {"colour = blue\n"},
    {"just words\n"},
    /* the same setting twice: which one was meant is not known (second audit, #13) */
    {"staff_pin = 1234\nstaff_pin = 9999\n"},
    /* the safety lines print it as "Call ... now": a number, not words or markup */
    {"emergency_number = do not call\n"},
    {"crisis_number = <b>9&88\n"},
    {"emergency_number = ---\n"},
    /* CUPS has no queue with a space or a control character in its name: the error
     * showed only when a patient printed, and --check-config printed the codes (fourth
     * audit, #13) */
    {"printer = Front Desk\n"},
    {"printer = \x1b[2Jdesk\n"},
    /* nor with / \\ ? ' " or @ (cupsd refuses them): --check-config said "valid" and
     * every printout failed (sixth audit, #13) */
    {"printer = Front/Desk\n"},
    {"printer = front\\desk\n"},
    {"printer = desk?\n"},
    {"printer = 'desk'\n"},
    {"printer = \"desk\"\n"},
    {"printer = desk@clinic\n"},
    {"printer = desk\xe2\x80\xaeksed\n"}, /* U+202E: shown reversed to staff */
    {"printer = desk\xc2\x9b\n"},         /* a C1 control */
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
    /* also with a Windows line end: the CR is not one of its characters */
    ok[strlen(ok) - 1] = '\0';
    strcat(ok, "\r\n");
    ck_assert_int_eq(config_load(&cfg, write_conf("ui-511-crlf.conf", ok), NULL), 0);
    ck_assert(config_pin_ok(&cfg, "4821"));
    /* and 512 are too many (the limit moved by one went unseen), with or without the CR */
    ok[strlen(ok) - 2] = '\0';
    strcat(ok, "y\r\n");
    ck_assert_int_eq(config_load(&cfg, write_conf("ui-512-crlf.conf", ok), NULL), PK_EINVAL);
    ok[strlen(ok) - 2] = '\0';
    strcat(ok, "\n");
    ck_assert_int_eq(strlen(ok), 513);
    ck_assert_int_eq(config_load(&cfg, write_conf("ui-512.conf", ok), NULL), PK_EINVAL);
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

/* A file saved with a UTF-8 byte-order mark (some editors write one) reads like one
 * without: the mark once made the first key "unknown" (third audit, #13). */
START_TEST(config_skips_a_byte_order_mark)
{
    KioskConfig cfg;
    const char *p = write_conf("ui-bom.conf", "\xef\xbb\xbfstaff_pin = 4821\nidle_seconds = 90\n");
    ck_assert_int_eq(config_load(&cfg, p, NULL), 0);
    ck_assert(config_pin_ok(&cfg, "4821"));
    ck_assert_uint_eq(cfg.idle_ms, 90000);
    /* only at the start: elsewhere it is part of a key, which is unknown */
    p = write_conf("ui-bom2.conf", "idle_seconds = 90\n\xef\xbb\xbfstaff_pin = 4821\n");
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
    /* an empty path given ("--config $UNSET") ran on the built-in settings, the staff menu
       off, with no word of it (eleventh audit, #13); a usage error, exit 2 (fifteenth) */
    ck_assert_int_eq(config_load(&cfg, "", NULL), PK_EINVAL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("config");
    TCase *t = tcase_create("config");
    tcase_add_test(t, config_reads_every_setting);
    tcase_add_loop_test(t, config_refuses_bad_lines, 0,
                        (int)(sizeof bad_configs / sizeof bad_configs[0]));
    tcase_add_test(t, config_refuses_long_lines);
    tcase_add_test(t, config_reads_regular_files_only);
    tcase_add_test(t, config_skips_a_byte_order_mark);
    tcase_add_test(t, config_without_pin_disables_the_menu);
    suite_add_tcase(s, t);
    return check_run(s);
}
