/* The kiosk flow that every front end drives. First the transition table, row by row:
 * from a screen, an input (a press, typed or spoken words, a digit) gives an event and
 * the next screen, and every row of the table has a row here. Then walks through whole
 * sessions: screens in order, the urgent stop, voice confirmation, "Are you still
 * there?" and its wipe, printing and its failure. */
#include <check.h>

#include "check_run.h"
#include <stdlib.h>
#include <string.h>

#include "core/flow.h"
#include "core/flow_table.h"
#include "testutil.h"

static Flow *new_flow(void)
{
    FlowConfig cfg = {.default_lang = LANG_EN, .confirm_below = 60};
    Flow *f = flow_new(test_content(), &cfg);
    ck_assert_ptr_nonnull(f);
    return f;
}

static ScreenKind kind(Flow *f)
{
    return flow_screen(f)->kind;
}

static const char *qid(Flow *f)
{
    const Screen *s = flow_screen(f);
    ck_assert_int_eq(s->kind, SCR_QUESTION);
    return s->question->id;
}

static bool has_button(const Screen *s, const char *id)
{
    for (size_t i = 0; i < s->nanswers; i++)
        if (strcmp(s->answers[i].id, id) == 0)
            return true;
    for (size_t i = 0; i < s->nnav; i++)
        if (strcmp(s->nav[i].id, id) == 0)
            return true;
    return false;
}

/* Presses an id that must be on the screen. */
static FlowEvent press(Flow *f, const char *id)
{
    ck_assert_msg(has_button(flow_screen(f), id), "no button %s on screen %d", id, kind(f));
    return flow_press(f, id);
}

/* Moves past the current question: Skip where offered, else "no". */
static void move_on(Flow *f)
{
    const Question *q = session_question(flow_session(f));
    flow_press(f, q && q->can_skip ? FLOW_SKIP : FLOW_NO);
}

/* ---- the transition table, row by row ---- */

/* Answers "no", the last option, or the first of several, up to the results. */
static void to_results(Flow *f);

/* A flow at a named place: a screen kind, or a question by its id ("baby_care+" is
 * that multi question with its first option ticked). */
static Flow *at(const char *where)
{
    FlowConfig cfg = {.default_lang = LANG_EN,
                      .confirm_below = 60,
                      .staff_pin = strcmp(where, "urgent_pin") == 0};
    Flow *f = flow_new(test_content(), &cfg);
    ck_assert_ptr_nonnull(f);
    if (strcmp(where, "attract") == 0)
        return f;
    flow_press(f, FLOW_START);
    if (strcmp(where, "language") == 0)
        return f;
    flow_press(f, FLOW_LANG_EN);
    if (strcmp(where, "privacy") == 0)
        return f;
    flow_press(f, FLOW_CONTINUE);
    if (strcmp(where, "confirm") == 0)
        flow_input(f, "yes", 100);
    else if (strncmp(where, "urgent", 6) == 0)
        flow_input(f, "yes", FLOW_TYPED);
    else if (strcmp(where, "results") == 0 || strncmp(where, "print", 5) == 0 ||
             strcmp(where, "goodbye") == 0)
        to_results(f);
    else if (strcmp(where, "rf_chest") != 0) {
        char id[64];
        snprintf(id, sizeof id, "%.*s", (int)strcspn(where, "+"), where);
        while (kind(f) == SCR_QUESTION && strcmp(qid(f), id) != 0)
            move_on(f);
        if (where[strlen(id)] == '+')
            flow_press(f, flow_screen(f)->answers[0].id);
    }
    if (strncmp(where, "print", 5) == 0)
        flow_press(f, FLOW_PRINT);
    if (strcmp(where, "print_failed") == 0)
        flow_print_done(f, -8);
    if (strcmp(where, "goodbye") == 0)
        flow_press(f, FLOW_FINISH);
    return f;
}

static const struct {
    const char *from; /* at() */
    char how;         /* 'p' press, 't' typed, 'v' spoken (confidence 100), 'd' digit */
    const char *input;
    FlowEvent event;
    ScreenKind to;
    const char *then; /* the question now asked, or the language now shown, or NULL */
} walk[] = {
    {"attract", 'p', FLOW_START, FLOW_CHANGED, SCR_LANGUAGE, NULL},
    {"attract", 'p', FLOW_LANG_ES, FLOW_CHANGED, SCR_PRIVACY, "es"},
    {"attract", 'p', FLOW_LANG_EN, FLOW_CHANGED, SCR_PRIVACY, "en"},
    {"attract", 'p', FLOW_START_OVER, FLOW_IGNORED, SCR_ATTRACT, NULL},
    {"attract", 'p', FLOW_REPEAT, FLOW_REPEAT_REQUESTED, SCR_ATTRACT, NULL},
    {"attract", 'p', FLOW_BACK, FLOW_IGNORED, SCR_ATTRACT, NULL},
    {"attract", 't', "start", FLOW_CHANGED, SCR_LANGUAGE, NULL},
    {"attract", 't', "yes", FLOW_NOT_UNDERSTOOD, SCR_ATTRACT, NULL},
    {"attract", 't', "repeat", FLOW_NOT_UNDERSTOOD, SCR_ATTRACT, NULL},
    {"attract", 't', "english", FLOW_NOT_UNDERSTOOD, SCR_ATTRACT, NULL},
    {"attract", 'd', "1", FLOW_IGNORED, SCR_ATTRACT, NULL},
    {"language", 'p', FLOW_LANG_EN, FLOW_CHANGED, SCR_PRIVACY, "en"},
    {"language", 'p', FLOW_LANG_ES, FLOW_CHANGED, SCR_PRIVACY, "es"},
    {"language", 'd', "1", FLOW_CHANGED, SCR_PRIVACY, "en"},
    {"language", 'd', "2", FLOW_CHANGED, SCR_PRIVACY, "es"},
    {"language", 'd', "3", FLOW_IGNORED, SCR_LANGUAGE, NULL},
    {"language", 't', "espa\xc3\xb1ol", FLOW_CHANGED, SCR_PRIVACY, "es"},
    {"language", 'v', "Espa\xc3\xb1ol", FLOW_CHANGED, SCR_PRIVACY, "es"},
    {"language", 't', "english", FLOW_CHANGED, SCR_PRIVACY, "en"},
    {"language", 'p', FLOW_BACK, FLOW_CHANGED, SCR_ATTRACT, NULL},
    {"language", 't', "go back", FLOW_CHANGED, SCR_ATTRACT, NULL},
    {"language", 't', "repeat", FLOW_NOT_UNDERSTOOD, SCR_LANGUAGE, NULL},
    {"language", 'p', FLOW_START_OVER, FLOW_CHANGED, SCR_QUESTION, "rf_chest"},
    {"privacy", 'p', FLOW_BACK, FLOW_CHANGED, SCR_LANGUAGE, NULL},
    {"privacy", 't', "go back", FLOW_CHANGED, SCR_LANGUAGE, NULL},
    {"privacy", 'p', FLOW_CONTINUE, FLOW_CHANGED, SCR_QUESTION, "rf_chest"},
    {"privacy", 't', "yes", FLOW_CHANGED, SCR_QUESTION, "rf_chest"},
    {"privacy", 't', "start", FLOW_CHANGED, SCR_QUESTION, "rf_chest"},
    {"privacy", 't', "no", FLOW_NOT_UNDERSTOOD, SCR_PRIVACY, NULL},
    {"privacy", 't', "help", FLOW_NOT_UNDERSTOOD, SCR_PRIVACY, NULL},
    {"privacy", 't', "repeat", FLOW_REPEAT_REQUESTED, SCR_PRIVACY, NULL},
    {"privacy", 'p', FLOW_REPEAT, FLOW_REPEAT_REQUESTED, SCR_PRIVACY, NULL},
    {"rf_chest", 'p', FLOW_BACK, FLOW_CHANGED, SCR_PRIVACY, NULL},
    {"rf_chest", 't', "go back", FLOW_CHANGED, SCR_PRIVACY, NULL},
    {"rf_chest", 'p', FLOW_REPEAT, FLOW_REPEAT_REQUESTED, SCR_QUESTION, "rf_chest"},
    {"rf_chest", 'v', "repeat", FLOW_REPEAT_REQUESTED, SCR_QUESTION, "rf_chest"},
    {"rf_chest", 't', "help", FLOW_HELP_REQUESTED, SCR_QUESTION, "rf_chest"},
    {"rf_chest", 't', "start over", FLOW_CHANGED, SCR_QUESTION, "rf_chest"},
    {"rf_chest", 'p', FLOW_START_OVER, FLOW_CHANGED, SCR_QUESTION, "rf_chest"},
    {"rf_chest", 'p', FLOW_SKIP, FLOW_IGNORED, SCR_QUESTION, "rf_chest"},
    {"rf_chest", 'p', FLOW_DONT_KNOW, FLOW_IGNORED, SCR_QUESTION, "rf_chest"},
    {"rf_chest", 't', "skip", FLOW_NOT_UNDERSTOOD, SCR_QUESTION, "rf_chest"},
    {"rf_chest", 't', "i dont know", FLOW_CHANGED, SCR_URGENT, NULL}, /* "not sure" */
    {"rf_chest", 'p', FLOW_DONE, FLOW_IGNORED, SCR_QUESTION, "rf_chest"},
    {"rf_chest", 't', "done", FLOW_IGNORED, SCR_QUESTION, "rf_chest"},
    {"rf_chest", 't', "start", FLOW_NOT_UNDERSTOOD, SCR_QUESTION, "rf_chest"},
    {"rf_chest", 'p', "no", FLOW_CHANGED, SCR_QUESTION, "rf_seizure"},
    {"rf_chest", 'd', "2", FLOW_CHANGED, SCR_QUESTION, "rf_seizure"},
    {"rf_chest", 'd', "4", FLOW_IGNORED, SCR_QUESTION, "rf_chest"},
    {"rf_chest", 't', "no", FLOW_CHANGED, SCR_QUESTION, "rf_seizure"},
    {"rf_chest", 'v', "no", FLOW_CHANGED, SCR_QUESTION, "rf_seizure"},
    {"rf_chest", 't', "yes", FLOW_CHANGED, SCR_URGENT, NULL},
    {"rf_chest", 'v', "yes", FLOW_CHANGED, SCR_CONFIRM, NULL},
    {"rf_chest", 't', "banana", FLOW_NOT_UNDERSTOOD, SCR_QUESTION, "rf_chest"},
    {"rf_chest", 'p', "banana", FLOW_IGNORED, SCR_QUESTION, "rf_chest"},
    {"since_birth", 'p', FLOW_SKIP, FLOW_CHANGED, SCR_QUESTION, "delivery"},
    {"since_birth", 'p', FLOW_DONT_KNOW, FLOW_CHANGED, SCR_QUESTION, "delivery"},
    {"since_birth", 't', "skip", FLOW_CHANGED, SCR_QUESTION, "delivery"},
    {"since_birth", 't', "i dont know", FLOW_CHANGED, SCR_QUESTION, "delivery"},
    {"since_birth", 'd', "9", FLOW_IGNORED, SCR_QUESTION, "since_birth"},
    {"baby_care", 'p', FLOW_DONE, FLOW_IGNORED, SCR_QUESTION, "baby_care"},
    {"baby_care", 't', "done", FLOW_IGNORED, SCR_QUESTION, "baby_care"},
    {"baby_care", 'd', "1", FLOW_CHANGED, SCR_QUESTION, "baby_care"},
    {"baby_care+", 'p', FLOW_DONE, FLOW_CHANGED, SCR_QUESTION, "sleep"},
    {"baby_care+", 't', "done", FLOW_CHANGED, SCR_QUESTION, "sleep"},
    {"pain_now", 'd', "7", FLOW_CHANGED, SCR_QUESTION, "peg_pain"},
    {"pain_now", 'p', "10", FLOW_CHANGED, SCR_QUESTION, "peg_pain"},
    {"pain_now", 'p', "11", FLOW_IGNORED, SCR_QUESTION, "pain_now"},
    {"pain_now", 't', "seven", FLOW_CHANGED, SCR_QUESTION, "peg_pain"},
    {"pain_now", 'v', "seven", FLOW_CHANGED, SCR_QUESTION, "peg_pain"},
    {"confirm", 'p', FLOW_YES, FLOW_CHANGED, SCR_URGENT, NULL},
    {"confirm", 'd', "1", FLOW_CHANGED, SCR_URGENT, NULL},
    {"confirm", 't', "yes", FLOW_CHANGED, SCR_URGENT, NULL},
    {"confirm", 'p', FLOW_NO, FLOW_CHANGED, SCR_QUESTION, "rf_chest"},
    {"confirm", 'd', "2", FLOW_CHANGED, SCR_QUESTION, "rf_chest"},
    {"confirm", 'v', "no", FLOW_CHANGED, SCR_QUESTION, "rf_chest"},
    {"confirm", 'p', FLOW_BACK, FLOW_CHANGED, SCR_QUESTION, "rf_chest"},
    {"confirm", 't', "go back", FLOW_CHANGED, SCR_QUESTION, "rf_chest"},
    {"confirm", 't', "repeat", FLOW_REPEAT_REQUESTED, SCR_CONFIRM, NULL},
    {"confirm", 't', "banana", FLOW_NOT_UNDERSTOOD, SCR_CONFIRM, NULL},
    {"confirm", 'd', "3", FLOW_IGNORED, SCR_CONFIRM, NULL},
    {"urgent", 'p', FLOW_CONTINUE, FLOW_CHANGED, SCR_QUESTION, "rf_seizure"},
    {"urgent", 't', "yes", FLOW_CHANGED, SCR_QUESTION, "rf_seizure"},
    {"urgent", 't', "done", FLOW_CHANGED, SCR_QUESTION, "rf_seizure"},
    {"urgent", 'p', FLOW_BACK, FLOW_IGNORED, SCR_URGENT, NULL},
    {"urgent", 't', "go back", FLOW_IGNORED, SCR_URGENT, NULL},
    {"urgent", 't', "no", FLOW_NOT_UNDERSTOOD, SCR_URGENT, NULL},
    {"urgent_pin", 'p', FLOW_CONTINUE, FLOW_STAFF_PIN_REQUESTED, SCR_URGENT, NULL},
    {"urgent_pin", 't', "yes", FLOW_STAFF_PIN_REQUESTED, SCR_URGENT, NULL},
    {"results", 'p', FLOW_PRINT, FLOW_PRINT_REQUESTED, SCR_PRINTING, NULL},
    {"results", 't', "yes", FLOW_PRINT_REQUESTED, SCR_PRINTING, NULL},
    {"results", 'p', FLOW_FINISH, FLOW_CHANGED, SCR_GOODBYE, NULL},
    {"results", 't', "no", FLOW_CHANGED, SCR_GOODBYE, NULL},
    {"results", 't', "done", FLOW_CHANGED, SCR_GOODBYE, NULL},
    {"results", 'p', FLOW_BACK, FLOW_CHANGED, SCR_QUESTION, NULL},
    {"results", 't', "go back", FLOW_CHANGED, SCR_QUESTION, NULL},
    {"results", 'p', FLOW_REPEAT, FLOW_REPEAT_REQUESTED, SCR_RESULTS, NULL},
    {"results", 't', "repeat", FLOW_REPEAT_REQUESTED, SCR_RESULTS, NULL},
    {"results", 'p', FLOW_START_OVER, FLOW_CHANGED, SCR_QUESTION, "rf_chest"},
    {"printing", 'p', FLOW_FINISH, FLOW_IGNORED, SCR_PRINTING, NULL},
    {"printing", 't', "go back", FLOW_IGNORED, SCR_PRINTING, NULL},
    {"printing", 't', "repeat", FLOW_REPEAT_REQUESTED, SCR_PRINTING, NULL},
    {"printing", 't', "yes", FLOW_NOT_UNDERSTOOD, SCR_PRINTING, NULL},
    {"print_failed", 'p', FLOW_RETRY, FLOW_PRINT_REQUESTED, SCR_PRINTING, NULL},
    {"print_failed", 't', "yes", FLOW_PRINT_REQUESTED, SCR_PRINTING, NULL},
    {"print_failed", 'p', FLOW_FINISH, FLOW_CHANGED, SCR_GOODBYE, NULL},
    {"print_failed", 't', "no", FLOW_CHANGED, SCR_GOODBYE, NULL},
    {"print_failed", 't', "done", FLOW_CHANGED, SCR_GOODBYE, NULL},
    {"goodbye", 'p', FLOW_FINISH, FLOW_CHANGED, SCR_ATTRACT, NULL},
    {"goodbye", 't', "done", FLOW_CHANGED, SCR_ATTRACT, NULL},
    {"goodbye", 't', "start", FLOW_CHANGED, SCR_ATTRACT, NULL},
    {"goodbye", 't', "yes", FLOW_NOT_UNDERSTOOD, SCR_GOODBYE, NULL},
    {"goodbye", 't', "go back", FLOW_IGNORED, SCR_GOODBYE, NULL},
};

/* Runs row i of walk[] on a fresh flow and checks it; returns the table row it went
 * through first, or -1. */
static int walk_row(size_t i)
{
    Flow *f = at(walk[i].from);
    const char *in = walk[i].input;
    FlowEvent ev = walk[i].how == 'p'   ? flow_press(f, in)
                   : walk[i].how == 'd' ? flow_digit(f, in[0] - '0')
                                        : flow_input(f, in, walk[i].how == 't' ? FLOW_TYPED : 100);
    ck_assert_msg(ev == walk[i].event && kind(f) == walk[i].to,
                  "%s, %c \"%s\": event %d on %s, want %d on %s", walk[i].from, walk[i].how, in, ev,
                  flow_kind_name(kind(f)), walk[i].event, flow_kind_name(walk[i].to));
    const char *then = walk[i].then;
    if (then && walk[i].to == SCR_QUESTION)
        ck_assert_str_eq(qid(f), then);
    else if (then)
        ck_assert_str_eq(lang_code(flow_screen(f)->lang), then);
    int used = flow_row_used(f);
    flow_free(f);
    return used;
}

START_TEST(table_row)
{
    walk_row((size_t)_i);
}
END_TEST

/* Every row of the table, on every patient screen it belongs to, has a row in walk[]. */
START_TEST(table_rows_all_walked)
{
    static bool used[256];
    ck_assert_uint_le(flow_nrows, sizeof used / sizeof used[0]);
    for (size_t i = 0; i < sizeof walk / sizeof walk[0]; i++) {
        int r = walk_row(i);
        if (r >= 0)
            used[r] = true;
    }
    unsigned patient = (1u << (SCR_GOODBYE + 1)) - 1;
    for (size_t r = 0; r < flow_nrows; r++)
        ck_assert_msg(used[r] || !(flow_rows[r].kinds & patient),
                      "table row %zu (%s on %s) has no row in walk[]", r,
                      flow_rows[r].id ? flow_rows[r].id : "spoken",
                      flow_kind_name((ScreenKind)__builtin_ctz(flow_rows[r].kinds)));
}
END_TEST

/* The buttons drawn are the table's, in its order, as each screen's conditions say. */
START_TEST(table_draws_the_buttons)
{
    static const struct {
        const char *from;
        const char *nav; /* the ids along the bottom */
    } drawn[] = {
        {"attract", "start"},
        {"language", "back"},
        {"privacy", "back continue"},
        {"rf_chest", "back repeat"},
        {"since_birth", "back repeat dont_know skip"},
        {"baby_care", "back repeat dont_know skip done"},
        {"confirm", ""},
        {"urgent", "continue"},
        {"results", "back repeat finish print"},
        {"printing", ""},
        {"print_failed", "finish retry"},
        {"goodbye", "finish"},
    };
    for (size_t i = 0; i < sizeof drawn / sizeof drawn[0]; i++) {
        Flow *f = at(drawn[i].from);
        const Screen *s = flow_screen(f);
        char ids[128] = "";
        for (size_t b = 0; b < s->nnav; b++)
            snprintf(ids + strlen(ids), sizeof ids - strlen(ids), "%s%s", b ? " " : "",
                     s->nav[b].id);
        ck_assert_msg(strcmp(ids, drawn[i].nav) == 0, "%s: \"%s\"", drawn[i].from, ids);
        flow_free(f);
    }
    /* the urgent screen's one button: staff when a PIN is set, else her word */
    Flow *f = at("urgent_pin");
    ck_assert_str_eq(flow_screen(f)->nav[0].label,
                     content_ui(test_content(), "button.staff_ack", LANG_EN));
    flow_free(f);
    f = at("language");
    ck_assert_str_eq(flow_screen(f)->answers[1].label,
                     content_ui(test_content(), "button.lang_es", LANG_ES));
    ck_assert(flow_screen(f)->answers[0].selected);
    ck_assert_int_eq(flow_screen(f)->answers[1].key, 2);
    flow_free(f);
}
END_TEST

START_TEST(screens_in_order_spanish)
{
    Flow *f = new_flow();
    ck_assert_int_eq(kind(f), SCR_ATTRACT);
    ck_assert_int_eq(press(f, FLOW_START), FLOW_CHANGED);
    ck_assert_int_eq(kind(f), SCR_LANGUAGE);
    press(f, FLOW_LANG_ES);
    ck_assert_int_eq(kind(f), SCR_PRIVACY);
    ck_assert_int_eq(flow_screen(f)->lang, LANG_ES);
    press(f, FLOW_CONTINUE);
    ck_assert_str_eq(qid(f), "rf_chest");
    /* the urgent safety questions count among themselves, with a framing line */
    ck_assert_str_eq(flow_screen(f)->progress, "Seguridad 1 de 12");
    ck_assert_ptr_nonnull(flow_screen(f)->body);
    /* every question: back, repeat, and skip where allowed; an urgent safety question
     * has no Skip but a "not sure" answer */
    ck_assert(has_button(flow_screen(f), FLOW_BACK));
    ck_assert(has_button(flow_screen(f), FLOW_REPEAT));
    ck_assert(!has_button(flow_screen(f), FLOW_SKIP));
    ck_assert_str_eq(flow_screen(f)->answers[2].id, "not_sure");
    unsigned serial = flow_screen(f)->serial;
    ck_assert_int_eq(press(f, FLOW_REPEAT), FLOW_REPEAT_REQUESTED);
    ck_assert_uint_eq(flow_screen(f)->serial, serial);
    while (kind(f) == SCR_QUESTION) {
        const Screen *s = flow_screen(f);
        if (s->question->kind == QK_MULTI) {
            press(f, s->answers[0].id);
            ck_assert(flow_screen(f)->answers[0].selected);
            press(f, FLOW_DONE);
        } else if (s->question->kind == QK_YESNO) {
            press(f, "no");
        } else {
            press(f, s->answers[s->nanswers - 1].id);
        }
    }
    ck_assert_int_eq(kind(f), SCR_RESULTS);
    ck_assert_ptr_nonnull(flow_screen(f)->summary);
    ck_assert(flow_summary(f)->finished);
    ck_assert_int_eq(press(f, FLOW_PRINT), FLOW_PRINT_REQUESTED);
    ck_assert_int_eq(kind(f), SCR_PRINTING);
    ck_assert_int_eq(flow_print_done(f, -8), FLOW_CHANGED);
    ck_assert_int_eq(kind(f), SCR_PRINT_FAILED);
    ck_assert_int_eq(press(f, FLOW_RETRY), FLOW_PRINT_REQUESTED);
    flow_print_done(f, 0);
    ck_assert_int_eq(kind(f), SCR_GOODBYE);
    press(f, FLOW_FINISH);
    ck_assert_int_eq(kind(f), SCR_ATTRACT);
    ck_assert_ptr_null(flow_summary(f));
    ck_assert_int_eq(flow_screen(f)->lang, LANG_EN); /* language back to the default */
    flow_free(f);
}
END_TEST

START_TEST(urgent_stops_then_continues)
{
    Flow *f = new_flow();
    flow_begin(f, LANG_EN);
    ck_assert_int_eq(flow_input(f, "no", FLOW_TYPED), FLOW_CHANGED);
    ck_assert_int_eq(flow_input(f, "yes", FLOW_TYPED), FLOW_CHANGED);
    ck_assert_int_eq(kind(f), SCR_URGENT);
    const Screen *s = flow_screen(f);
    ck_assert_ptr_nonnull(strstr(s->body, content_ui(test_content(), "urgent.body", LANG_EN)));
    ck_assert_uint_eq(flow_summary(f)->nurgent, 1);
    press(f, FLOW_CONTINUE);
    ck_assert_str_eq(qid(f), "rf_stroke");
    flow_free(f);
}
END_TEST

/* With a staff PIN set, only staff let her go on past the urgent screen; without one,
 * she says she told the front desk. Either way the summary says who, and a red banner
 * stays on the screens after. */
START_TEST(urgent_needs_acknowledgement)
{
    for (int pin = 0; pin < 2; pin++) {
        FlowConfig cfg = {.default_lang = LANG_EN, .staff_pin = pin == 1};
        Flow *f = flow_new(test_content(), &cfg);
        flow_begin(f, LANG_EN);
        ck_assert_int_eq(flow_input(f, "yes", FLOW_TYPED), FLOW_CHANGED);
        ck_assert_int_eq(kind(f), SCR_URGENT);
        /* private: the concern is in the small print only, not in the big text */
        const Screen *s = flow_screen(f);
        ck_assert_ptr_nonnull(s->detail);
        ck_assert_ptr_null(strstr(s->title, "chest"));
        ck_assert_ptr_null(strstr(s->body, "chest"));
        ck_assert_ptr_nonnull(strstr(s->body, "911"));
        ck_assert_ptr_nonnull(strstr(s->body, "988"));
        if (pin) {
            ck_assert_int_eq(press(f, FLOW_CONTINUE), FLOW_STAFF_PIN_REQUESTED);
            ck_assert_int_eq(kind(f), SCR_URGENT); /* she cannot dismiss it alone */
            ck_assert_int_eq(flow_urgent_acknowledge(f, URGENT_ACK_STAFF), FLOW_CHANGED);
        } else {
            ck_assert_int_eq(press(f, FLOW_CONTINUE), FLOW_CHANGED);
        }
        ck_assert_int_eq(kind(f), SCR_QUESTION);
        ck_assert_ptr_nonnull(flow_screen(f)->banner);
        while (kind(f) == SCR_QUESTION)
            move_on(f);
        ck_assert_int_eq(kind(f), SCR_RESULTS);
        ck_assert_ptr_nonnull(flow_screen(f)->banner);
        ck_assert(flow_summary(f)->urgent_raised);
        ck_assert_int_eq(flow_summary(f)->urgent_ack, pin ? URGENT_ACK_STAFF : URGENT_ACK_PATIENT);
        flow_free(f);
    }
}
END_TEST

/* "Not really" to the self-harm question is confirmed, never taken as a no. */
START_TEST(hedge_is_confirmed)
{
    Flow *f = new_flow();
    flow_begin(f, LANG_EN);
    while (strcmp(qid(f), "rf_harm") != 0)
        flow_input(f, "no", FLOW_TYPED);
    ck_assert_int_eq(flow_input(f, "not really", FLOW_TYPED), FLOW_CHANGED);
    ck_assert_int_eq(kind(f), SCR_CONFIRM);
    ck_assert_ptr_nonnull(strstr(flow_screen(f)->title, "Not sure"));
    flow_input(f, "no", FLOW_TYPED); /* that is not what I meant: asked again */
    ck_assert_str_eq(qid(f), "rf_harm");
    flow_input(f, "not really", FLOW_TYPED);
    flow_input(f, "yes", FLOW_TYPED); /* yes, not sure: staff now */
    ck_assert_int_eq(kind(f), SCR_URGENT);
    ck_assert_str_eq(session_urgent_flag(flow_session(f))->id, "urgent_unsure");
    flow_free(f);
}
END_TEST

START_TEST(voice_confirmation)
{
    Flow *f = new_flow();
    flow_begin(f, LANG_EN);
    /* a spoken yes to a red-flag question is always confirmed, even when sure */
    ck_assert_int_eq(flow_input(f, "yes", 100), FLOW_CHANGED);
    ck_assert_int_eq(kind(f), SCR_CONFIRM);
    ck_assert_ptr_nonnull(strstr(flow_screen(f)->title, "Yes"));
    ck_assert_int_eq(flow_input(f, "no", 95), FLOW_CHANGED);
    ck_assert_str_eq(qid(f), "rf_chest"); /* declined: asked again */
    ck_assert_int_eq(flow_input(f, "no", 95), FLOW_CHANGED);
    ck_assert_str_eq(qid(f), "rf_seizure"); /* a sure "no" goes straight on */
    /* a low-confidence answer is confirmed */
    while (strcmp(qid(f), "pain_now") != 0)
        move_on(f);
    ck_assert_int_eq(flow_input(f, "seven", 40), FLOW_CHANGED);
    ck_assert_int_eq(kind(f), SCR_CONFIRM);
    ck_assert_ptr_nonnull(strstr(flow_screen(f)->title, "7"));
    ck_assert_ptr_null(flow_screen(f)->heard); /* what was heard stays on its own screen */
    ck_assert_int_eq(flow_input(f, "yes", 90), FLOW_CHANGED);
    ck_assert_str_eq(qid(f), "peg_pain");
    /* an unsure number: after a "no" the recogniser's runner-up is offered once, then
     * the question is asked again */
    flow_runner_up(f, "eight");
    ck_assert_int_eq(flow_input(f, "three", 40), FLOW_CHANGED);
    ck_assert_int_eq(kind(f), SCR_CONFIRM);
    flow_runner_up(f, ""); /* the confirmation's own result changes nothing */
    ck_assert_int_eq(flow_input(f, "no", 100), FLOW_CHANGED);
    ck_assert_int_eq(kind(f), SCR_CONFIRM);
    ck_assert_ptr_nonnull(strstr(flow_screen(f)->title, "8"));
    ck_assert_int_eq(flow_input(f, "no", 100), FLOW_CHANGED);
    ck_assert_str_eq(qid(f), "peg_pain");
    ck_assert_int_eq(flow_input(f, "banana", 90), FLOW_NOT_UNDERSTOOD);
    ck_assert_int_eq(flow_input(f, "help", 90), FLOW_HELP_REQUESTED);
    ck_assert_str_ne(flow_help(f), "");
    ck_assert_int_eq(flow_input(f, "go back", 90), FLOW_CHANGED);
    ck_assert_str_eq(qid(f), "pain_now");
    ck_assert(flow_screen(f)->answers[7].selected);
    /* a sure spoken number goes straight on */
    ck_assert_int_eq(flow_input(f, "six", 100), FLOW_CHANGED);
    ck_assert_str_eq(qid(f), "peg_pain");
    flow_free(f);
}
END_TEST

START_TEST(still_there_then_wipe)
{
    Flow *f = new_flow();
    flow_begin(f, LANG_EN);
    flow_input(f, "no", FLOW_TYPED);
    ck_assert_int_eq(flow_tick(f, 59000), FLOW_IGNORED);
    ck_assert_int_eq(flow_tick(f, 1000), FLOW_CHANGED);
    const Screen *s = flow_screen(f);
    ck_assert_int_eq(s->still_there, 20);
    ck_assert_ptr_nonnull(strstr(s->still_body, "20"));
    /* one touch gives more time, and the answers stay */
    ck_assert_int_eq(flow_press(f, FLOW_CONTINUE), FLOW_CHANGED);
    ck_assert_int_eq(flow_screen(f)->still_there, 0);
    ck_assert_str_eq(qid(f), "rf_seizure");
    /* no touch: the countdown runs out and the session is wiped */
    flow_tick(f, 60000);
    ck_assert_int_eq(flow_tick(f, 1000), FLOW_CHANGED);
    ck_assert_int_eq(flow_screen(f)->still_there, 19);
    flow_tick(f, 19000);
    ck_assert_int_eq(kind(f), SCR_ATTRACT);
    ck_assert_int_eq(session_answers(flow_session(f))[0].state, ANS_NONE);
    /* attract never times out */
    ck_assert_int_eq(flow_tick(f, 600000), FLOW_IGNORED);
    flow_free(f);
}
END_TEST

START_TEST(digits_and_multi)
{
    Flow *f = new_flow();
    flow_begin(f, LANG_EN);
    while (strcmp(qid(f), "since_birth") != 0)
        flow_digit(f, 2);
    ck_assert_int_eq(flow_digit(f, 9), FLOW_IGNORED);
    flow_digit(f, 3);
    ck_assert_str_eq(qid(f), "delivery");
    while (strcmp(qid(f), "baby_care") != 0)
        move_on(f);
    ck_assert_int_eq(flow_press(f, FLOW_DONE), FLOW_IGNORED); /* nothing ticked yet */
    flow_digit(f, 1);
    flow_digit(f, 2);
    ck_assert(flow_screen(f)->answers[1].selected);
    flow_press(f, "none"); /* "none of these" clears the others */
    ck_assert(!flow_screen(f)->answers[0].selected);
    ck_assert(flow_screen(f)->answers[4].selected);
    flow_digit(f, 1); /* and another clears "none" */
    ck_assert(!flow_screen(f)->answers[4].selected);
    flow_press(f, FLOW_DONE);
    ck_assert_str_eq(qid(f), "sleep");
    flow_free(f);
}
END_TEST

START_TEST(every_screen_speaks)
{
    Flow *f = new_flow();
    char buf[4096];
    ck_assert_str_ne(flow_speech(f, buf, sizeof buf), "");
    flow_press(f, FLOW_START);
    ck_assert_str_ne(flow_speech(f, buf, sizeof buf), "");
    flow_press(f, FLOW_LANG_EN);
    flow_press(f, FLOW_CONTINUE);
    flow_speech(f, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "chest pain"));
    ck_assert_ptr_nonnull(strstr(buf, "Yes. No"));
    while (strcmp(qid(f), "pain_now") != 0)
        move_on(f);
    flow_speech(f, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "0, No pain"));
    while (kind(f) == SCR_QUESTION)
        move_on(f);
    ck_assert_int_eq(kind(f), SCR_RESULTS);
    ck_assert_str_ne(flow_speech(f, buf, sizeof buf), "");
    flow_free(f);
}
END_TEST

/* The screens shown in both languages are spoken in both: each part in its own voice. */
START_TEST(bilingual_screens_speak_both)
{
    const Content *c = test_content();
    Flow *f = new_flow();
    char buf[4096], other[1024];
    Lang lang;
    static const ScreenKind shown[] = {SCR_ATTRACT, SCR_LANGUAGE};
    static const char *const title[] = {"attract.title", "language.title"};
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(kind(f), shown[i]);
        flow_speech(f, buf, sizeof buf);
        flow_speech_other(f, &lang, other, sizeof other);
        ck_assert_int_eq(lang, LANG_ES);
        ck_assert_ptr_nonnull(strstr(buf, content_ui(c, title[i], LANG_EN)));
        ck_assert_ptr_null(strstr(buf, content_ui(c, title[i], LANG_ES)));
        ck_assert_ptr_nonnull(strstr(other, content_ui(c, title[i], LANG_ES)));
        flow_press(f, FLOW_START);
    }
    flow_press(f, FLOW_LANG_EN);
    flow_speech_other(f, &lang, other, sizeof other);
    ck_assert_str_eq(other, ""); /* one language from here on */
    flow_free(f);
}
END_TEST

static void to_results(Flow *f)
{
    flow_begin(f, LANG_EN);
    for (int guard = 0; kind(f) == SCR_QUESTION && guard < 200; guard++) {
        const Screen *s = flow_screen(f);
        if (s->question->kind == QK_MULTI) {
            press(f, s->answers[0].id);
            press(f, FLOW_DONE);
        } else if (s->question->kind == QK_YESNO) {
            press(f, "no");
        } else {
            press(f, s->answers[s->nanswers - 1].id);
        }
    }
    ck_assert_int_eq(kind(f), SCR_RESULTS);
}

/* Every ending says what happened: printed, not printed, or held for staff after a
 * failed print (and erased once the normal timeout has passed). */
START_TEST(truthful_endings)
{
    static const struct {
        const char *how; /* "print", "finish", "failed", "reprinted" */
        const char *body_key;
        bool kept; /* the summary stays in memory on the goodbye */
    } rows[] = {
        {"print", "goodbye.body", false},
        {"finish", "goodbye.not_printed", false},
        {"failed", "goodbye.held", true},
        {"reprinted", "goodbye.body", false},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        Flow *f = new_flow();
        to_results(f);
        if (strcmp(rows[i].how, "finish") == 0) {
            press(f, FLOW_FINISH);
        } else {
            press(f, FLOW_PRINT);
            flow_print_done(f, strcmp(rows[i].how, "print") == 0 ? 0 : -8);
            if (strcmp(rows[i].how, "print") != 0)
                press(f, FLOW_FINISH);
            if (strcmp(rows[i].how, "reprinted") == 0)
                ck_assert_int_eq(flow_reprinted(f), FLOW_CHANGED);
        }
        ck_assert_int_eq(kind(f), SCR_GOODBYE);
        ck_assert_str_eq(flow_screen(f)->body,
                         content_ui(test_content(), rows[i].body_key, LANG_EN));
        ck_assert_int_eq(flow_summary(f) != NULL, rows[i].kept);
        /* held answers wait the normal timeout (idle + countdown), others 15 s */
        ck_assert_int_eq(flow_tick(f, 15000), rows[i].kept ? FLOW_IGNORED : FLOW_CHANGED);
        if (rows[i].kept) {
            ck_assert_int_eq(flow_tick(f, 65000), FLOW_CHANGED);
            ck_assert_ptr_null(flow_summary(f));
        }
        ck_assert_int_eq(kind(f), SCR_ATTRACT);
        flow_free(f);
    }
}
END_TEST

/* The results wait three minutes before "Are you still there?"; Repeat only when the
 * front end can speak. */
START_TEST(results_wait_longer_and_repeat_needs_speech)
{
    Flow *f = new_flow();
    to_results(f);
    ck_assert_int_eq(flow_tick(f, 179000), FLOW_IGNORED);
    ck_assert_int_eq(flow_tick(f, 1000), FLOW_CHANGED);
    ck_assert_int_gt(flow_screen(f)->still_there, 0);
    ck_assert(has_button(flow_screen(f), FLOW_REPEAT));
    flow_set_speech(f, false);
    ck_assert(!has_button(flow_screen(f), FLOW_REPEAT));
    flow_free(f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("flow");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, table_row, 0, (int)(sizeof walk / sizeof walk[0]));
    tcase_add_test(tc, table_rows_all_walked);
    tcase_add_test(tc, table_draws_the_buttons);
    suite_add_tcase(s, tc);
    tc = tcase_create("walks");
    tcase_add_test(tc, screens_in_order_spanish);
    tcase_add_test(tc, urgent_stops_then_continues);
    tcase_add_test(tc, urgent_needs_acknowledgement);
    tcase_add_test(tc, hedge_is_confirmed);
    tcase_add_test(tc, voice_confirmation);
    tcase_add_test(tc, still_there_then_wipe);
    tcase_add_test(tc, digits_and_multi);
    tcase_add_test(tc, every_screen_speaks);
    tcase_add_test(tc, bilingual_screens_speak_both);
    tcase_add_test(tc, truthful_endings);
    tcase_add_test(tc, results_wait_longer_and_repeat_needs_speech);
    suite_add_tcase(s, tc);
    return check_run(s);
}
