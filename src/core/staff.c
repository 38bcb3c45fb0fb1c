/* The staff menu: its state, the actions of its rows in the transition table
 * (flow_table.c), its dispatchers and its screens. */
#include "staff.h"

#include <stdio.h>
#include <string.h>

#include "flow_table.h"
#include "wipe.h"

const char *staff_text(const Staff *st, const char *key)
{
    return content_ui(st->content, key, st->lang);
}

/* Whether the pad takes a PIN: not while locked, but for the urgent acknowledgement the
 * lock at start does not count. */
static bool pad_open(const Staff *st)
{
    return !st->guard.locked_ms || (st->ack && st->guard.startup);
}

/* Which of its screens the menu shows. */
static ScreenKind staff_kind(const Staff *st)
{
    if (!st->unlocked)
        return pad_open(st) ? SCR_STAFF_PIN : SCR_STAFF_LOCKED;
    return st->confirm_exit ? SCR_STAFF_EXIT : SCR_STAFF_MENU;
}

/* The line under the title: the count-down, the PIN typed as dots, or the settings. */
static const char *staff_body(Staff *st, ScreenKind k)
{
    if (k == SCR_STAFF_LOCKED) {
        unsigned secs = (st->guard.locked_ms + 999) / 1000;
        snprintf(st->body, sizeof st->body, "%s %u:%02u", staff_text(st, "staff.locked"), secs / 60,
                 secs % 60);
    } else if (k == SCR_STAFF_PIN) {
        char dots[3 * (STAFF_PIN_MAX + 1) + 1] = "";
        for (size_t i = 0; i < strlen(st->typed); i++)
            strcat(dots, "\xe2\x97\x8f"); /* one dot per digit typed */
        snprintf(st->body, sizeof st->body, "%s%s%s",
                 st->message[0] ? st->message : staff_text(st, "staff.enter_pin"),
                 dots[0] ? "  " : "", dots);
    } else if (k == SCR_STAFF_MENU) {
        snprintf(st->body, sizeof st->body, "%s %d. %s %s.%s%s", staff_text(st, "staff.volume"),
                 st->volume, staff_text(st, "staff.default_language"),
                 staff_text(st, st->lang == LANG_ES ? "button.lang_es" : "button.lang_en"),
                 st->message[0] ? " " : "", st->message);
    } else {
        return staff_text(st, flow_kinds[k].body);
    }
    return st->body;
}

static void rebuild(Staff *st)
{
    Screen *s = &st->screen;
    ScreenKind k = staff_kind(st);
    unsigned serial = s->serial + 1;
    memset(s, 0, sizeof *s);
    s->serial = serial;
    s->kind = k;
    s->lang = st->lang;
    s->title = staff_text(st, flow_kinds[k].title);
    s->body = staff_body(st, k);
    flow_rows_build(s, st->content, st->lang, k, 1u << FLOW_WHEN_ALWAYS);
}

/* Counts lock-outs in g until the next one is the longest: the growth starts at the
 * limit. */
static void grow_to_limit(StaffGuard *g)
{
    while (g->lockouts < 32 && (STAFF_LOCK_FIRST_MS << g->lockouts) < STAFF_LOCK_LIMIT_MS)
        g->lockouts++;
}

void staff_init(Staff *st, const Content *c)
{
    memset(st, 0, sizeof *st);
    st->content = c;
    st->guard.locked_ms = STAFF_LOCK_LIMIT_MS;
    st->guard.startup = true;
    /* a restart must not start the growth again at one minute: restarted after each
       few lock-outs, the kiosk took 12 guesses in 12 minutes against 3 in 5 */
    grow_to_limit(&st->guard);
    st->last_row = -1;
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
    st->last_row = -1;
    rebuild(st);
}

void staff_open_ack(Staff *st, Lang lang)
{
    staff_open(st, 0, lang);
    st->ack = true;
    rebuild(st);
}

static StaffCommand close_menu(Staff *st)
{
    st->open = false;
    st->unlocked = false;
    st->confirm_exit = false;
    st->ack = false;
    wipe(st->typed, sizeof st->typed);
    st->over = 0;
    return STAFF_CLOSE;
}

void staff_message(Staff *st, const char *msg)
{
    snprintf(st->message, sizeof st->message, "%s", msg);
    rebuild(st);
}

bool staff_pin_ok(const char *pin, const char *typed)
{
    size_t n = strlen(pin);
    if (n == 0 || strlen(typed) != n)
        return false;
    unsigned diff = 0;
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned)(pin[i] ^ typed[i]);
    return diff == 0;
}

/* A wrong PIN: the third since the last lock-out locks the pad, each time for longer;
 * while the lock at start runs (the urgent acknowledgement), the first one locks it for
 * the longest. */
static StaffCommand wrong_pin(Staff *st)
{
    StaffGuard *g = &st->guard;
    if (g->locked_ms && g->startup) {
        g->fails = STAFF_TRIES - 1;
        grow_to_limit(g);
    }
    g->startup = false;
    if (++g->fails < STAFF_TRIES) {
        snprintf(st->message, sizeof st->message, "%s", staff_text(st, "staff.wrong_pin"));
        rebuild(st);
        return STAFF_NONE;
    }
    g->fails = 0;
    unsigned ms = STAFF_LOCK_FIRST_MS;
    for (unsigned i = 0; i < g->lockouts && ms < STAFF_LOCK_LIMIT_MS; i++)
        ms *= 2;
    g->locked_ms = ms < STAFF_LOCK_LIMIT_MS ? ms : STAFF_LOCK_LIMIT_MS;
    g->lockouts++;
    close_menu(st);
    return STAFF_LOCKED;
}

StaffCommand staff_unlock(Staff *st, bool ok)
{
    bool nothing_typed = st->typed[0] == '\0';
    wipe(st->typed, sizeof st->typed);
    st->over = 0;
    if (!pad_open(st) || nothing_typed) {
        /* never checked while locked; and OK with no digit is no guess (a patient
           pressing Return on the urgent screen reached it, and locked staff out) */
        rebuild(st);
        return STAFF_NONE;
    }
    if (!ok)
        return wrong_pin(st);
    if (st->ack) {
        close_menu(st); /* staff saw the urgent screen; the guard stays as it is */
        return STAFF_ACKNOWLEDGED;
    }
    memset(&st->guard, 0, sizeof st->guard);
    st->unlocked = true;
    st->message[0] = '\0';
    rebuild(st);
    return STAFF_NONE;
}

/* ---- the actions of the staff rows ---- */

static StaffCommand act_none(Staff *st, const FlowRow *r)
{
    (void)st, (void)r;
    return STAFF_NONE;
}

static StaffCommand act_close(Staff *st, const FlowRow *r)
{
    (void)r;
    return close_menu(st);
}

static StaffCommand act_type(Staff *st, const FlowRow *r)
{
    size_t n = strlen(st->typed);
    if (n + 1 < sizeof st->typed) {
        st->typed[n] = r->id[0];
        st->typed[n + 1] = '\0';
    } else if (st->over < 1000) {
        st->over++;
    }
    rebuild(st);
    return STAFF_NONE;
}

static StaffCommand act_delete(Staff *st, const FlowRow *r)
{
    (void)r;
    size_t n = strlen(st->typed);
    if (st->over)
        st->over--;
    else if (n)
        st->typed[n - 1] = '\0';
    rebuild(st);
    return STAFF_NONE;
}

static StaffCommand act_check(Staff *st, const FlowRow *r)
{
    (void)st, (void)r;
    return STAFF_CHECK_PIN;
}

/* The settings and commands of the menu: each clears the last message. */
static StaffCommand act_setting(Staff *st, const FlowRow *r)
{
    static const StaffCommand commands[STAFF_ACT_COUNT] = {
        [STAFF_ACT_VOL_DOWN] = STAFF_VOLUME,   [STAFF_ACT_VOL_UP] = STAFF_VOLUME,
        [STAFF_ACT_LANGUAGE] = STAFF_LANGUAGE, [STAFF_ACT_TEST_PAGE] = STAFF_TEST_PAGE,
        [STAFF_ACT_REPRINT] = STAFF_REPRINT,
    };
    st->message[0] = '\0';
    if (r->action == STAFF_ACT_VOL_DOWN || r->action == STAFF_ACT_VOL_UP) {
        st->volume += r->action == STAFF_ACT_VOL_UP ? 10 : -10;
        st->volume = st->volume < 0 ? 0 : st->volume > 100 ? 100 : st->volume;
    } else if (r->action == STAFF_ACT_LANGUAGE) {
        st->lang = st->lang == LANG_EN ? LANG_ES : LANG_EN;
    } else if (r->action == STAFF_ACT_TEST_PAGE || r->action == STAFF_ACT_REPRINT) {
        snprintf(st->message, sizeof st->message, "%s",
                 staff_text(st, r->action == STAFF_ACT_TEST_PAGE ? "staff.test_printing"
                                                                 : "staff.reprinting"));
    }
    rebuild(st);
    return commands[r->action];
}

static StaffCommand act_restart(Staff *st, const FlowRow *r)
{
    (void)r;
    close_menu(st);
    return STAFF_RESTART;
}

static StaffCommand act_exit(Staff *st, const FlowRow *r)
{
    if (r->action == STAFF_ACT_EXIT) {
        close_menu(st);
        return STAFF_EXIT;
    }
    st->message[0] = '\0';
    st->confirm_exit = r->action == STAFF_ACT_EXIT_ASK;
    rebuild(st);
    return STAFF_NONE;
}

static StaffCommand (*const actions[STAFF_ACT_COUNT])(Staff *, const FlowRow *) = {
    [STAFF_ACT_NONE] = act_none,         [STAFF_ACT_CLOSE] = act_close,
    [STAFF_ACT_TYPE] = act_type,         [STAFF_ACT_DELETE] = act_delete,
    [STAFF_ACT_CHECK] = act_check,       [STAFF_ACT_VOL_DOWN] = act_setting,
    [STAFF_ACT_VOL_UP] = act_setting,    [STAFF_ACT_LANGUAGE] = act_setting,
    [STAFF_ACT_TEST_PAGE] = act_setting, [STAFF_ACT_REPRINT] = act_setting,
    [STAFF_ACT_RESTART] = act_restart,   [STAFF_ACT_EXIT_ASK] = act_exit,
    [STAFF_ACT_EXIT_NO] = act_exit,      [STAFF_ACT_EXIT] = act_exit,
};

/* ---- the dispatchers ---- */

static StaffCommand run(Staff *st, const FlowRow *r)
{
    if (!r)
        return STAFF_NONE;
    if (st->last_row < 0)
        st->last_row = (int)(r - flow_rows);
    return actions[r->action](st, r);
}

StaffCommand staff_press(Staff *st, const char *id)
{
    st->idle_ms = 0;
    st->last_row = -1;
    return run(
        st, flow_row_find(st->content, staff_kind(st), 1u << FLOW_WHEN_ALWAYS, FLOW_BY_ID, id, 0));
}

StaffCommand staff_digit(Staff *st, int digit)
{
    st->idle_ms = 0;
    st->last_row = -1;
    ScreenKind k = staff_kind(st);
    if (k == SCR_STAFF_PIN && digit >= 0 && digit <= 9)
        return staff_press(st, (const char[]){(char)('0' + digit), '\0'});
    return run(st,
               flow_row_find(st->content, k, 1u << FLOW_WHEN_ALWAYS, FLOW_BY_DIGIT, NULL, digit));
}

StaffCommand staff_tick(Staff *st, unsigned ms)
{
    StaffGuard *g = &st->guard;
    if (g->locked_ms) {
        unsigned before = (g->locked_ms + 999) / 1000;
        bool shown = st->open && staff_kind(st) == SCR_STAFF_LOCKED;
        g->locked_ms = ms >= g->locked_ms ? 0 : g->locked_ms - ms;
        g->startup = g->startup && g->locked_ms;
        if (shown && (g->locked_ms + 999) / 1000 != before)
            rebuild(st); /* the count-down, and the pad once it ends */
    }
    if (!st->open)
        return STAFF_NONE;
    st->idle_ms += ms;
    return st->idle_ms >= STAFF_IDLE_MS ? close_menu(st) : STAFF_NONE;
}
