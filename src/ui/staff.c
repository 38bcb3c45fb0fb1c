#include "staff.h"

#include <stdio.h>
#include <string.h>

#include "../core/wipe.h"
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

const char *staff_text(const Staff *st, const char *key)
{
    return content_ui(st->content, key, st->lang);
}

/* The menu's items: id, ui key of the label, keypad digit. */
static const struct {
    const char *id, *label;
} menu_items[] = {
    {"staff_vol_down", "staff.volume_down"}, {"staff_vol_up", "staff.volume_up"},
    {"staff_lang", "staff.language"},        {"staff_test", "staff.test_page"},
    {"staff_restart", "staff.restart"},      {"staff_exit", "staff.exit"},
    {"staff_reprint", "staff.reprint"},
};

static void build_pad(Staff *st, Screen *s)
{
    static const char *const digits[10] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    static const int pad_order[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 0}; /* a phone pad */
    if (st->guard.locked_ms) {
        unsigned secs = (st->guard.locked_ms + 999) / 1000;
        snprintf(st->body, sizeof st->body, "%s %u:%02u", staff_text(st, "staff.locked"), secs / 60,
                 secs % 60);
        s->body = st->body;
        add(s->nav, &s->nnav, SCREEN_MAX_NAV, "staff_cancel", staff_text(st, "staff.cancel"),
            BTN_PRIMARY, -1);
        return;
    }
    char dots[3 * STAFF_PIN_MAX + 1] = "";
    for (size_t i = 0; i < strlen(st->typed); i++)
        strcat(dots, "\xe2\x97\x8f"); /* one dot per digit typed */
    snprintf(st->body, sizeof st->body, "%s%s%s",
             st->message[0] ? st->message : staff_text(st, "staff.enter_pin"), dots[0] ? "  " : "",
             dots);
    s->body = st->body;
    for (int i = 0; i < 10; i++)
        add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, digits[pad_order[i]],
            digits[pad_order[i]], BTN_ANSWER, -1);
    add(s->nav, &s->nnav, SCREEN_MAX_NAV, "staff_cancel", staff_text(st, "staff.cancel"), BTN_NAV,
        -1);
    add(s->nav, &s->nnav, SCREEN_MAX_NAV, "staff_delete", staff_text(st, "staff.delete"), BTN_NAV,
        -1);
    add(s->nav, &s->nnav, SCREEN_MAX_NAV, "staff_ok", staff_text(st, "staff.ok"), BTN_PRIMARY, -1);
}

static void rebuild(Staff *st)
{
    Screen *s = &st->screen;
    unsigned serial = s->serial + 1;
    memset(s, 0, sizeof *s);
    s->serial = serial;
    s->kind = SCR_COUNT;
    s->lang = st->lang;
    s->title = staff_text(st, "staff.title");
    if (!st->unlocked) {
        build_pad(st, s);
        return;
    }
    if (st->confirm_exit) {
        /* Cancel is the primary button, where the keyboard focus starts; the exit
         * button has no key */
        s->body = staff_text(st, "staff.exit_confirm");
        add(s->nav, &s->nnav, SCREEN_MAX_NAV, "staff_exit_no", staff_text(st, "staff.cancel"),
            BTN_PRIMARY, -1);
        add(s->nav, &s->nnav, SCREEN_MAX_NAV, "staff_exit_yes", staff_text(st, "staff.exit_yes"),
            BTN_NAV, -1);
        return;
    }
    snprintf(st->body, sizeof st->body, "%s %d. %s %s.%s%s", staff_text(st, "staff.volume"),
             st->volume, staff_text(st, "staff.default_language"),
             staff_text(st, st->lang == LANG_ES ? "button.lang_es" : "button.lang_en"),
             st->message[0] ? " " : "", st->message);
    s->body = st->body;
    for (size_t i = 0; i < sizeof menu_items / sizeof menu_items[0]; i++)
        add(s->answers, &s->nanswers, SCREEN_MAX_ANSWERS, menu_items[i].id,
            staff_text(st, menu_items[i].label), BTN_ANSWER, (int)i + 1);
    add(s->nav, &s->nnav, SCREEN_MAX_NAV, "staff_close", staff_text(st, "staff.close"), BTN_PRIMARY,
        -1);
}

void staff_init(Staff *st, const Content *c)
{
    memset(st, 0, sizeof *st);
    st->content = c;
    st->guard.locked_ms = STAFF_LOCK_LIMIT_MS;
}

void staff_open(Staff *st, int volume, Lang lang)
{
    unsigned serial = st->screen.serial;
    StaffGuard guard = st->guard;
    const Content *c = st->content;
    wipe(st, sizeof *st);
    st->screen.serial = serial;
    st->guard = guard;
    st->content = c;
    st->open = true;
    st->volume = volume;
    st->lang = lang;
    rebuild(st);
}

static StaffCommand close_menu(Staff *st)
{
    st->open = false;
    st->unlocked = false;
    st->confirm_exit = false;
    wipe(st->typed, sizeof st->typed);
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
        if (!st->guard.locked_ms && n < STAFF_PIN_MAX && digit >= 0 && digit <= 9) {
            st->typed[n] = (char)('0' + digit);
            st->typed[n + 1] = '\0';
        }
        rebuild(st);
        return STAFF_NONE;
    }
    if (st->confirm_exit)
        return STAFF_NONE; /* no key confirms the exit */
    if (digit >= 1 && (size_t)digit <= sizeof menu_items / sizeof menu_items[0])
        return staff_press(st, menu_items[digit - 1].id);
    return STAFF_NONE;
}

StaffCommand staff_unlock(Staff *st, bool ok)
{
    wipe(st->typed, sizeof st->typed);
    StaffGuard *g = &st->guard;
    if (g->locked_ms) {
        ok = false; /* never checked while locked */
    } else if (ok) {
        memset(g, 0, sizeof *g);
        st->unlocked = true;
        st->message[0] = '\0';
    } else if (++g->fails >= STAFF_TRIES) {
        g->fails = 0;
        unsigned ms = STAFF_LOCK_FIRST_MS;
        for (unsigned i = 0; i < g->lockouts && ms < STAFF_LOCK_LIMIT_MS; i++)
            ms *= 2;
        g->locked_ms = ms < STAFF_LOCK_LIMIT_MS ? ms : STAFF_LOCK_LIMIT_MS;
        g->lockouts++;
        close_menu(st);
        return STAFF_LOCKED;
    } else {
        snprintf(st->message, sizeof st->message, "%s", staff_text(st, "staff.wrong_pin"));
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
        if (strcmp(id, "staff_ok") == 0 && !st->guard.locked_ms)
            return STAFF_CHECK_PIN;
        return STAFF_NONE;
    }
    if (st->confirm_exit) {
        if (strcmp(id, "staff_exit_yes") == 0) {
            close_menu(st);
            return STAFF_EXIT;
        }
        if (strcmp(id, "staff_exit_no") == 0 || strcmp(id, FLOW_BACK) == 0) {
            st->confirm_exit = false;
            rebuild(st);
        }
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
        snprintf(st->message, sizeof st->message, "%s", staff_text(st, "staff.test_printing"));
        cmd = STAFF_TEST_PAGE;
    } else if (strcmp(id, "staff_reprint") == 0) {
        snprintf(st->message, sizeof st->message, "%s", staff_text(st, "staff.reprinting"));
        cmd = STAFF_REPRINT;
    } else if (strcmp(id, "staff_restart") == 0) {
        close_menu(st);
        return STAFF_RESTART;
    } else if (strcmp(id, "staff_exit") == 0) {
        st->confirm_exit = true;
    }
    rebuild(st);
    return cmd;
}

StaffCommand staff_tick(Staff *st, unsigned ms)
{
    StaffGuard *g = &st->guard;
    if (g->locked_ms) {
        unsigned before = (g->locked_ms + 999) / 1000;
        g->locked_ms = ms >= g->locked_ms ? 0 : g->locked_ms - ms;
        if (st->open && !st->unlocked && (g->locked_ms + 999) / 1000 != before)
            rebuild(st); /* the count-down, and the pad once it ends */
    }
    if (!st->open)
        return STAFF_NONE;
    st->idle_ms += ms;
    return st->idle_ms >= STAFF_IDLE_MS ? close_menu(st) : STAFF_NONE;
}
