#include "staff.h"

#include <stdio.h>
#include <string.h>

#include "ui.h"

#define STAFF_IDLE_MS 120000u

static void add(Button *arr, size_t *n, size_t max, const char *id, const char *label,
                ButtonRole role, int key)
{
    if (*n >= max)
        return;
    Button *b = &arr[(*n)++];
    memset(b, 0, sizeof *b);
    snprintf(b->id, sizeof b->id, "%s", id);
    b->label = label;
    b->role = role;
    b->key = key;
}

static void rebuild(Staff *st)
{
    static const char *const digits[10] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    static const int pad_order[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 0}; /* a phone pad */
    Screen *s = &st->screen;
    unsigned serial = s->serial + 1;
    memset(s, 0, sizeof *s);
    s->serial = serial;
    s->kind = SCR_COUNT;
    s->lang = LANG_EN;
    s->title = "Staff menu";
    if (!st->unlocked) {
        char dots[3 * STAFF_PIN_MAX + 1] = "";
        for (size_t i = 0; i < strlen(st->typed); i++)
            strcat(dots, "\xe2\x97\x8f"); /* one dot per digit typed */
        snprintf(st->body, sizeof st->body, "%s%s%s",
                 st->message[0] ? st->message : "Enter the staff PIN.", dots[0] ? "  " : "", dots);
        s->body = st->body;
        for (int i = 0; i < 10; i++)
            add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, digits[pad_order[i]],
                digits[pad_order[i]], BTN_ANSWER, -1);
        add(s->nav, &s->nnav, SCREEN_MAX_NAV, "staff_cancel", "Cancel", BTN_NAV, -1);
        add(s->nav, &s->nnav, SCREEN_MAX_NAV, "staff_delete", "Delete", BTN_NAV, -1);
        add(s->nav, &s->nnav, SCREEN_MAX_NAV, "staff_ok", "OK", BTN_PRIMARY, -1);
        return;
    }
    snprintf(st->body, sizeof st->body, "Volume %d. Default language: %s.%s%s", st->volume,
             st->lang == LANG_ES ? "Espa\xc3\xb1ol" : "English", st->message[0] ? " " : "",
             st->message);
    s->body = st->body;
    add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, "staff_vol_down", "Volume down", BTN_ANSWER,
        1);
    add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, "staff_vol_up", "Volume up", BTN_ANSWER, 2);
    add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, "staff_lang", "Change the default language",
        BTN_ANSWER, 3);
    add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, "staff_test", "Print a test page", BTN_ANSWER,
        4);
    add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, "staff_restart", "End the session",
        BTN_ANSWER, 5);
    add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, "staff_exit", "Exit the kiosk", BTN_ANSWER,
        6);
    add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, "staff_reprint", "Print again", BTN_ANSWER,
        7);
    add(s->nav, &s->nnav, SCREEN_MAX_NAV, "staff_close", "Close", BTN_PRIMARY, -1);
}

void staff_open(Staff *st, int volume, Lang lang)
{
    unsigned serial = st->screen.serial;
    memset(st, 0, sizeof *st);
    st->screen.serial = serial;
    st->open = true;
    st->volume = volume;
    st->lang = lang;
    rebuild(st);
}

static StaffCommand close_menu(Staff *st)
{
    st->open = false;
    st->unlocked = false;
    memset(st->typed, 0, sizeof st->typed);
    return STAFF_CLOSE;
}

void staff_message(Staff *st, const char *msg)
{
    snprintf(st->message, sizeof st->message, "%s", msg);
    rebuild(st);
}

StaffCommand staff_digit(Staff *st, int digit)
{
    st->idle_ms = 0;
    if (!st->unlocked) {
        size_t n = strlen(st->typed);
        if (n < STAFF_PIN_MAX && digit >= 0 && digit <= 9) {
            st->typed[n] = (char)('0' + digit);
            st->typed[n + 1] = '\0';
        }
        rebuild(st);
        return STAFF_NONE;
    }
    static const char *const by_key[] = {NULL,         "staff_vol_down", "staff_vol_up",
                                         "staff_lang", "staff_test",     "staff_restart",
                                         "staff_exit", "staff_reprint"};
    if (digit >= 1 && digit <= 7)
        return staff_press(st, by_key[digit]);
    return STAFF_NONE;
}

StaffCommand staff_unlock(Staff *st, bool ok)
{
    memset(st->typed, 0, sizeof st->typed);
    if (ok) {
        st->unlocked = true;
        st->message[0] = '\0';
    } else if (++st->fails >= 3) {
        return close_menu(st);
    } else {
        snprintf(st->message, sizeof st->message, "Wrong PIN. Try again.");
    }
    rebuild(st);
    return STAFF_NONE;
}

StaffCommand staff_press(Staff *st, const char *id)
{
    st->idle_ms = 0;
    if (strcmp(id, "staff_cancel") == 0 || strcmp(id, "staff_close") == 0 ||
        strcmp(id, UI_ID_ESCAPE) == 0)
        return close_menu(st);
    if (!st->unlocked) {
        if (strlen(id) == 1 && id[0] >= '0' && id[0] <= '9')
            return staff_digit(st, id[0] - '0');
        if (strcmp(id, "staff_delete") == 0 || strcmp(id, FLOW_BACK) == 0) {
            size_t n = strlen(st->typed);
            if (n)
                st->typed[n - 1] = '\0';
            rebuild(st);
            return STAFF_NONE;
        }
        if (strcmp(id, "staff_ok") == 0)
            return STAFF_CHECK_PIN;
        return STAFF_NONE;
    }
    st->message[0] = '\0';
    StaffCommand cmd = STAFF_NONE;
    if (strcmp(id, "staff_vol_down") == 0 || strcmp(id, "staff_vol_up") == 0) {
        st->volume += strcmp(id, "staff_vol_up") == 0 ? 10 : -10;
        st->volume = st->volume < 0 ? 0 : st->volume > 100 ? 100 : st->volume;
        cmd = STAFF_VOLUME;
    } else if (strcmp(id, "staff_lang") == 0) {
        st->lang = st->lang == LANG_EN ? LANG_ES : LANG_EN;
        cmd = STAFF_LANGUAGE;
    } else if (strcmp(id, "staff_test") == 0) {
        snprintf(st->message, sizeof st->message, "Printing a test page...");
        cmd = STAFF_TEST_PAGE;
    } else if (strcmp(id, "staff_reprint") == 0) {
        snprintf(st->message, sizeof st->message, "Printing the summary again...");
        cmd = STAFF_REPRINT;
    } else if (strcmp(id, "staff_restart") == 0) {
        close_menu(st);
        return STAFF_RESTART;
    } else if (strcmp(id, "staff_exit") == 0) {
        close_menu(st);
        return STAFF_EXIT;
    }
    rebuild(st);
    return cmd;
}

StaffCommand staff_tick(Staff *st, unsigned ms)
{
    if (!st->open)
        return STAFF_NONE;
    st->idle_ms += ms;
    return st->idle_ms >= STAFF_IDLE_MS ? close_menu(st) : STAFF_NONE;
}
