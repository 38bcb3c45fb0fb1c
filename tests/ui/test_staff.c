/* The staff menu: its rows of the transition table, the PIN pad and its lock-out, the
 * commands. */
#include <check.h>

#include "check_run.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"
#include "core/flow_table.h"
#include "core/staff.h"
#include "core/testutil.h"

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
    ck_assert_int_eq(st.screen.kind, SCR_STAFF_PIN);
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

/* Digits past the longest PIN are not dropped: "12345678" and one more is a wrong PIN
 * (with a PIN of 8 digits, 12345678999 opened the menu; fifteenth audit). */
START_TEST(staff_pin_longer_than_any_is_wrong)
{
    Staff st;
    staff_ready(&st);
    ck_assert_int_eq(type_pin(&st, "12345678999"), STAFF_CHECK_PIN);
    ck_assert(!staff_pin_ok("12345678", st.typed));
    ck_assert_uint_eq(strlen(st.typed), STAFF_PIN_MAX + 1);
    ck_assert(strstr(st.screen.body, "\xe2\x97\x8f") != NULL);
    /* each Delete takes one of the eleven off: the right PIN only once three are gone
       (one Delete after the eleven opened the menu; review of session 25) */
    for (int d = 0; d < 2; d++) {
        ck_assert_int_eq(staff_press(&st, "staff_delete"), STAFF_NONE);
        ck_assert(!staff_pin_ok("12345678", st.typed));
    }
    ck_assert_int_eq(staff_press(&st, "staff_delete"), STAFF_NONE);
    ck_assert(staff_pin_ok("12345678", st.typed));
}
END_TEST

/* Three wrong PINs lock the pad, for longer each time; closing and reopening the menu
 * does not reset anything; a right PIN typed while locked is not even checked. */
START_TEST(staff_wrong_pins_lock_the_pad)
{
    Staff st;
    staff_ready(&st);
    /* staff came in once since the start: the growth starts at one minute */
    ck_assert_int_eq(type_pin(&st, "1357"), STAFF_CHECK_PIN);
    ck_assert_int_eq(staff_unlock(&st, true), STAFF_NONE);
    ck_assert_int_eq(staff_press(&st, "staff_close"), STAFF_CLOSE);
    staff_open(&st, 70, LANG_EN);
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

/* After a restart the lock-outs do not start again at one minute: the first one is
 * the limit, as it would have been without the restart (a kiosk restarted after each
 * few lock-outs, by its plug, took 12 guesses in 12 minutes against 3 in 5). */
START_TEST(staff_restart_keeps_the_longest_lockout)
{
    Staff st;
    staff_ready(&st);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < STAFF_TRIES - 1; i++) {
            ck_assert_int_eq(type_pin(&st, "0000"), STAFF_CHECK_PIN);
            ck_assert_int_eq(staff_unlock(&st, false), STAFF_NONE);
        }
        ck_assert_int_eq(type_pin(&st, "0000"), STAFF_CHECK_PIN);
        ck_assert_int_eq(staff_unlock(&st, false), STAFF_LOCKED);
        ck_assert_uint_eq(st.guard.locked_ms, STAFF_LOCK_LIMIT_MS);
        staff_tick(&st, STAFF_LOCK_LIMIT_MS);
        staff_open(&st, 70, LANG_EN);
    }
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
    ck_assert_int_eq(staff_press(&st, STAFF_ESCAPE), STAFF_CLOSE);
    staff_open(&st, 70, LANG_EN);
    ck_assert_int_eq(staff_tick(&st, 60000), STAFF_NONE);
    ck_assert_int_eq(staff_tick(&st, 60000), STAFF_CLOSE);
}
END_TEST

/* Just after the start the pad is locked (restarting must not help anyone guess), but
 * staff must still let a patient go on past the urgent screen: acknowledging it skips
 * the start-up lock, never a lock-out after wrong PINs. One wrong PIN in that window
 * locks the pad at once for the longest lock-out, so a restart gives no more tries than
 * the guard at its strictest, and the menu itself stays locked. */
START_TEST(staff_ack_skips_the_startup_lock)
{
    Staff st;
    staff_init(&st, fixture());
    staff_open_ack(&st, LANG_EN);
    ck_assert_int_eq(st.screen.kind, SCR_STAFF_PIN);
    ck_assert_uint_eq(st.screen.nanswers, 10);
    ck_assert_int_eq(type_pin(&st, "1357"), STAFF_CHECK_PIN);
    ck_assert_int_eq(staff_unlock(&st, true), STAFF_ACKNOWLEDGED);
    ck_assert(!st.open && !st.unlocked);
    ck_assert_str_eq(st.typed, "");
    /* the menu is still locked, for as long as before */
    ck_assert_uint_eq(st.guard.locked_ms, STAFF_LOCK_LIMIT_MS);
    staff_open(&st, 70, LANG_EN);
    ck_assert_int_eq(st.screen.kind, SCR_STAFF_LOCKED);
    ck_assert_int_eq(staff_press(&st, "staff_ok"), STAFF_NONE);
    staff_press(&st, "staff_cancel");
    /* a wrong PIN in the window: the longest lock-out at once, the acknowledgement too */
    staff_tick(&st, 1000);
    staff_open_ack(&st, LANG_EN);
    ck_assert_int_eq(type_pin(&st, "0000"), STAFF_CHECK_PIN);
    ck_assert_int_eq(staff_unlock(&st, false), STAFF_LOCKED);
    ck_assert(!st.open);
    ck_assert_uint_eq(st.guard.locked_ms, STAFF_LOCK_LIMIT_MS);
    staff_open_ack(&st, LANG_EN);
    ck_assert_int_eq(st.screen.kind, SCR_STAFF_LOCKED);
    ck_assert_int_eq(staff_press(&st, "1"), STAFF_NONE);
    ck_assert_str_eq(st.typed, "");
    ck_assert_int_eq(staff_press(&st, "staff_ok"), STAFF_NONE);
    ck_assert_int_eq(staff_unlock(&st, true), STAFF_NONE); /* not even checked */
    ck_assert(st.open);
}
END_TEST

/* OK with nothing typed is no guess (a patient pressing Return on the urgent screen
 * opens the pad, then presses its OK): it never counts as a wrong PIN, so it never locks
 * staff out of letting her go on (three such presses locked the pad for a minute, one
 * just after a start for five). */
START_TEST(staff_ok_with_nothing_typed_is_no_guess)
{
    Staff st;
    staff_init(&st, fixture());
    staff_open_ack(&st, LANG_EN); /* during the start-up lock */
    for (int i = 0; i < 2 * STAFF_TRIES; i++) {
        ck_assert_int_eq(staff_press(&st, "staff_ok"), STAFF_CHECK_PIN);
        ck_assert_int_eq(staff_unlock(&st, false), STAFF_NONE);
        ck_assert_uint_eq(st.guard.fails, 0);
        ck_assert(st.open);
        ck_assert_int_eq(st.screen.kind, SCR_STAFF_PIN);
    }
    ck_assert_int_eq(type_pin(&st, "1357"), STAFF_CHECK_PIN);
    ck_assert_int_eq(staff_unlock(&st, true), STAFF_ACKNOWLEDGED);
    staff_ready(&st);
    for (int i = 0; i < 2 * STAFF_TRIES; i++) {
        ck_assert_int_eq(staff_press(&st, "staff_ok"), STAFF_CHECK_PIN);
        ck_assert_int_eq(staff_unlock(&st, false), STAFF_NONE);
    }
    ck_assert_uint_eq(st.guard.locked_ms, 0);
    /* a PIN typed wrong still counts */
    type_pin(&st, "0000");
    ck_assert_int_eq(staff_unlock(&st, false), STAFF_NONE);
    ck_assert_uint_eq(st.guard.fails, 1);
}
END_TEST

/* After the start-up lock, acknowledging takes the PIN like the menu and shares its
 * guard: wrong PINs count the same, and their lock-out holds the acknowledgement too. */
START_TEST(staff_ack_shares_the_guard)
{
    Staff st;
    staff_ready(&st);
    staff_press(&st, "staff_cancel");
    for (int i = 0; i < STAFF_TRIES - 1; i++) {
        staff_open_ack(&st, LANG_EN);
        type_pin(&st, "0000");
        ck_assert_int_eq(staff_unlock(&st, false), STAFF_NONE);
        staff_press(&st, "staff_cancel");
    }
    staff_open(&st, 70, LANG_EN);
    type_pin(&st, "0000");
    ck_assert_int_eq(staff_unlock(&st, false), STAFF_LOCKED);
    ck_assert_uint_eq(st.guard.locked_ms, STAFF_LOCK_LIMIT_MS); /* the first since the start */
    staff_open_ack(&st, LANG_EN);
    ck_assert_int_eq(st.screen.kind, SCR_STAFF_LOCKED);
    staff_tick(&st, STAFF_LOCK_LIMIT_MS); /* longer than the quiet time: closed */
    staff_open_ack(&st, LANG_EN);
    ck_assert_int_eq(st.screen.kind, SCR_STAFF_PIN);
    type_pin(&st, "1357");
    ck_assert_int_eq(staff_unlock(&st, true), STAFF_ACKNOWLEDGED);
}
END_TEST

/* ---- the staff rows of the transition table, row by row ---- */

/* A menu at a named place: "pin", "locked" (just after the start), "menu", "exit". */
static void staff_at(Staff *st, const char *where)
{
    if (strcmp(where, "locked") == 0) {
        staff_init(st, fixture());
        staff_open(st, 70, LANG_EN);
        return;
    }
    staff_ready(st);
    if (strcmp(where, "pin") == 0)
        return;
    type_pin(st, "1");
    staff_unlock(st, true);
    if (strcmp(where, "exit") == 0)
        staff_press(st, "staff_exit");
}

#define CLOSED SCR_COUNT /* the menu is closed */

static const struct {
    const char *from; /* staff_at() */
    char how;         /* 'p' press, 'd' digit */
    const char *input;
    StaffCommand command;
    ScreenKind to;
} staff_walk[] = {
    {"pin", 'p', "1", STAFF_NONE, SCR_STAFF_PIN},
    {"pin", 'p', "0", STAFF_NONE, SCR_STAFF_PIN},
    {"pin", 'd', "5", STAFF_NONE, SCR_STAFF_PIN},
    {"pin", 'p', "2", STAFF_NONE, SCR_STAFF_PIN},
    {"pin", 'p', "3", STAFF_NONE, SCR_STAFF_PIN},
    {"pin", 'p', "4", STAFF_NONE, SCR_STAFF_PIN},
    {"pin", 'p', "6", STAFF_NONE, SCR_STAFF_PIN},
    {"pin", 'p', "7", STAFF_NONE, SCR_STAFF_PIN},
    {"pin", 'p', "8", STAFF_NONE, SCR_STAFF_PIN},
    {"pin", 'p', "9", STAFF_NONE, SCR_STAFF_PIN},
    {"pin", 'p', "staff_delete", STAFF_NONE, SCR_STAFF_PIN},
    {"pin", 'p', FLOW_BACK, STAFF_NONE, SCR_STAFF_PIN},
    {"pin", 'p', "staff_ok", STAFF_CHECK_PIN, SCR_STAFF_PIN},
    {"pin", 'p', "staff_cancel", STAFF_CLOSE, CLOSED},
    {"pin", 'p', "staff_close", STAFF_CLOSE, CLOSED},
    {"pin", 'p', STAFF_ESCAPE, STAFF_CLOSE, CLOSED},
    {"pin", 'p', "staff_exit", STAFF_NONE, SCR_STAFF_PIN},
    {"locked", 'p', "staff_cancel", STAFF_CLOSE, CLOSED},
    {"locked", 'p', "staff_ok", STAFF_NONE, SCR_STAFF_LOCKED},
    {"locked", 'd', "1", STAFF_NONE, SCR_STAFF_LOCKED},
    {"locked", 'p', "1", STAFF_NONE, SCR_STAFF_LOCKED},
    {"locked", 'p', STAFF_ESCAPE, STAFF_CLOSE, CLOSED},
    {"menu", 'p', "staff_vol_down", STAFF_VOLUME, SCR_STAFF_MENU},
    {"menu", 'd', "1", STAFF_VOLUME, SCR_STAFF_MENU},
    {"menu", 'p', "staff_vol_up", STAFF_VOLUME, SCR_STAFF_MENU},
    {"menu", 'd', "2", STAFF_VOLUME, SCR_STAFF_MENU},
    {"menu", 'p', "staff_lang", STAFF_LANGUAGE, SCR_STAFF_MENU},
    {"menu", 'd', "3", STAFF_LANGUAGE, SCR_STAFF_MENU},
    {"menu", 'p', "staff_test", STAFF_TEST_PAGE, SCR_STAFF_MENU},
    {"menu", 'd', "4", STAFF_TEST_PAGE, SCR_STAFF_MENU},
    {"menu", 'p', "staff_restart", STAFF_RESTART, CLOSED},
    {"menu", 'd', "5", STAFF_RESTART, CLOSED},
    {"menu", 'p', "staff_exit", STAFF_NONE, SCR_STAFF_EXIT},
    {"menu", 'd', "6", STAFF_NONE, SCR_STAFF_EXIT},
    {"menu", 'p', "staff_reprint", STAFF_REPRINT, SCR_STAFF_MENU},
    {"menu", 'd', "7", STAFF_REPRINT, SCR_STAFF_MENU},
    {"menu", 'd', "8", STAFF_NONE, SCR_STAFF_MENU},
    {"menu", 'p', "1", STAFF_NONE, SCR_STAFF_MENU},
    {"menu", 'p', "staff_close", STAFF_CLOSE, CLOSED},
    {"menu", 'p', "staff_cancel", STAFF_CLOSE, CLOSED},
    {"menu", 'p', STAFF_ESCAPE, STAFF_CLOSE, CLOSED},
    {"exit", 'p', "staff_exit_no", STAFF_NONE, SCR_STAFF_MENU},
    {"exit", 'p', FLOW_BACK, STAFF_NONE, SCR_STAFF_MENU},
    {"exit", 'p', "staff_exit_yes", STAFF_EXIT, CLOSED},
    {"exit", 'd', "1", STAFF_NONE, SCR_STAFF_EXIT},
    {"exit", 'd', "6", STAFF_NONE, SCR_STAFF_EXIT},
    {"exit", 'p', "staff_cancel", STAFF_CLOSE, CLOSED},
};

/* Runs row i of staff_walk[] and checks it; returns the table row it went through. */
static int staff_walk_row(size_t i)
{
    Staff st;
    staff_at(&st, staff_walk[i].from);
    const char *in = staff_walk[i].input;
    StaffCommand cmd =
        staff_walk[i].how == 'd' ? staff_digit(&st, in[0] - '0') : staff_press(&st, in);
    ScreenKind now = st.open ? st.screen.kind : CLOSED;
    ck_assert_msg(cmd == staff_walk[i].command && now == staff_walk[i].to,
                  "%s, %c \"%s\": command %d on %s, want %d on %s", staff_walk[i].from,
                  staff_walk[i].how, in, cmd, flow_kind_name(now), staff_walk[i].command,
                  flow_kind_name(staff_walk[i].to));
    return st.last_row;
}

START_TEST(staff_table_row)
{
    staff_walk_row((size_t)_i);
}
END_TEST

/* Every staff row of the table has a row in staff_walk[]. */
START_TEST(staff_table_rows_all_walked)
{
    static bool used[256];
    ck_assert_uint_le(flow_nrows, sizeof used / sizeof used[0]);
    for (size_t i = 0; i < sizeof staff_walk / sizeof staff_walk[0]; i++) {
        int r = staff_walk_row(i);
        if (r >= 0)
            used[r] = true;
    }
    for (size_t r = 0; r < flow_nrows; r++) {
        bool staff = false;
        for (int k = 0; k < SCR_COUNT; k++)
            staff |= flow_kind_is_staff((ScreenKind)k) && (flow_rows[r].kinds & FLOW_KIND(k));
        ck_assert_msg(used[r] || !staff, "table row %zu (%s) has no row in staff_walk[]", r,
                      flow_rows[r].id ? flow_rows[r].id : "spoken");
    }
}
END_TEST

/* The pad, the menu and the exit question draw the table's buttons in its order. */
START_TEST(staff_screens_draw_the_rows)
{
    static const struct {
        const char *from, *answers, *nav;
    } drawn[] = {
        {"pin", "1 2 3 4 5 6 7 8 9 0", "staff_cancel staff_delete staff_ok"},
        {"locked", "", "staff_cancel"},
        {"menu",
         "staff_vol_down staff_vol_up staff_lang staff_test staff_restart staff_exit "
         "staff_reprint",
         "staff_close"},
        {"exit", "", "staff_exit_no staff_exit_yes"},
    };
    for (size_t i = 0; i < sizeof drawn / sizeof drawn[0]; i++) {
        Staff st;
        staff_at(&st, drawn[i].from);
        char answers[256] = "", nav[128] = "";
        for (size_t b = 0; b < st.screen.nanswers; b++)
            snprintf(answers + strlen(answers), sizeof answers - strlen(answers), "%s%s",
                     b ? " " : "", st.screen.answers[b].id);
        for (size_t b = 0; b < st.screen.nnav; b++)
            snprintf(nav + strlen(nav), sizeof nav - strlen(nav), "%s%s", b ? " " : "",
                     st.screen.nav[b].id);
        ck_assert_str_eq(answers, drawn[i].answers);
        ck_assert_str_eq(nav, drawn[i].nav);
        ck_assert(flow_kind_is_staff(st.screen.kind));
    }
}
END_TEST

static Suite *staff_suite(void)
{
    Suite *s = suite_create("staff");
    TCase *t = tcase_create("menu");
    tcase_add_test(t, staff_pin_then_commands);
    tcase_add_test(t, staff_pin_longer_than_any_is_wrong);
    tcase_add_test(t, staff_wrong_pins_lock_the_pad);
    tcase_add_test(t, staff_pad_starts_locked);
    tcase_add_test(t, staff_words_come_from_content);
    tcase_add_test(t, staff_delete_escape_and_idle);
    tcase_add_test(t, staff_ack_skips_the_startup_lock);
    tcase_add_test(t, staff_restart_keeps_the_longest_lockout);
    tcase_add_test(t, staff_ack_shares_the_guard);
    tcase_add_test(t, staff_ok_with_nothing_typed_is_no_guess);
    tcase_add_loop_test(t, staff_table_row, 0, (int)(sizeof staff_walk / sizeof staff_walk[0]));
    tcase_add_test(t, staff_table_rows_all_walked);
    tcase_add_test(t, staff_screens_draw_the_rows);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return check_run(staff_suite());
}
