/* The kiosk flow's transition table, row by row: from a screen, an input (a press,
 * typed or spoken words, a digit) gives an event and the next screen, and every row of
 * the table has a row here; the buttons drawn are the table's. The walks through whole
 * sessions are in test_flow_walks.c. */
#include <check.h>

#include "check_run.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/flow.h"
#include "core/flow_table.h"
#include "core/staff.h"
#include "flow_steps.h"
#include "testutil.h"

/* A flow at a named place: a screen kind, or a question by its id ("baby_care+" is
 * that multi question with its first option ticked; "after_urgent" the question after
 * an urgent answer she said she told the desk about). */
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
    else if (strncmp(where, "urgent", 6) == 0 || strcmp(where, "after_urgent") == 0)
        flow_input(f, "yes", FLOW_TYPED);
    else if (strcmp(where, "results") == 0 || strncmp(where, "print", 5) == 0 ||
             strncmp(where, "goodbye", 7) == 0)
        to_results(f);
    else if (strcmp(where, "rf_chest") != 0) {
        char id[64];
        snprintf(id, sizeof id, "%.*s", (int)strcspn(where, "+"), where);
        while (kind(f) == SCR_QUESTION && strcmp(qid(f), id) != 0)
            move_on(f);
        if (where[strlen(id)] == '+')
            flow_press(f, flow_screen(f)->answers[0].id);
    }
    if (strcmp(where, "after_urgent") == 0) /* she told the desk: the next question */
        flow_press(f, FLOW_CONTINUE);
    if (strncmp(where, "print", 5) == 0)
        flow_press(f, FLOW_PRINT);
    if (strcmp(where, "print_failed") == 0)
        flow_print_done(f, -8);
    if (strcmp(where, "goodbye") == 0)
        flow_press(f, FLOW_FINISH);
    if (strcmp(where, "goodbye_held") == 0) { /* the print failed; held for staff */
        flow_press(f, FLOW_PRINT);
        flow_print_done(f, -8);
        flow_press(f, FLOW_FINISH);
        ck_assert_int_eq(flow_screen(f)->kind, SCR_GOODBYE);
    }
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
    /* spoken, it wipes her answers only once she says yes to it */
    {"rf_chest", 'v', "start over", FLOW_CHANGED, SCR_CONFIRM, NULL},
    {"sleep", 'v', "start over", FLOW_CHANGED, SCR_CONFIRM, NULL},
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
    /* Done with nothing ticked tells her so (it did nothing, and she could not tell why) */
    {"baby_care", 'p', FLOW_DONE, FLOW_NOTHING_CHOSEN, SCR_QUESTION, "baby_care"},
    {"baby_care", 't', "done", FLOW_NOTHING_CHOSEN, SCR_QUESTION, "baby_care"},
    {"baby_care", 'v', "done", FLOW_NOTHING_CHOSEN, SCR_QUESTION, "baby_care"},
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
    /* after an urgent answer, one typed word does not erase it either (fourteenth audit) */
    {"after_urgent", 't', "start over", FLOW_CHANGED, SCR_CONFIRM, NULL},
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
    /* the summary held for staff after a failed print is not erased by Finish: the screen
       promises it for the next few minutes (seventeenth audit) */
    {"goodbye_held", 'p', FLOW_FINISH, FLOW_IGNORED, SCR_GOODBYE, NULL},
    {"goodbye_held", 't', "done", FLOW_NOT_UNDERSTOOD, SCR_GOODBYE, NULL},
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

/* Every button id of the table is one an answer option may not take (an option "skip"
 * was pressed as Skip; fifteenth audit), but the confirm screen's yes and no. */
START_TEST(table_ids_reserved_from_options)
{
    for (size_t r = 0; r < flow_nrows; r++) {
        const char *id = flow_rows[r].id;
        if (!id || strcmp(id, FLOW_YES) == 0 || strcmp(id, FLOW_NO) == 0)
            continue;
        if (flow_kind_is_staff((ScreenKind)__builtin_ctz(flow_rows[r].kinds)) &&
            strncmp(id, "staff_", 6) != 0)
            continue; /* the PIN pad's digits: no question is on its screen */
        ck_assert_msg(content_id_reserved(id), "\"%s\" is free for an option", id);
    }
    ck_assert(content_id_reserved(STAFF_ESCAPE));
    ck_assert(!content_id_reserved("yes") && !content_id_reserved("lower_back"));
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
        {"goodbye_held", ""},
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

/* The start screen asks for a spoken "start" only when the kiosk can listen: without a
 * microphone it once showed and said "or say start", and saying it did nothing. */
START_TEST(attract_prompt_follows_listening)
{
    const Content *c = test_content();
    for (int listen = 0; listen < 2; listen++) {
        Flow *f = at("attract");
        flow_set_listen(f, listen);
        const char *want =
            content_ui(c, listen ? "attract.prompt" : "attract.prompt_touch", LANG_EN);
        const char *other =
            content_ui(c, listen ? "attract.prompt_touch" : "attract.prompt", LANG_EN);
        ck_assert_ptr_nonnull(strstr(flow_screen(f)->body, want));
        ck_assert_ptr_null(strstr(flow_screen(f)->body, other));
        char speech[1024];
        flow_speech(f, speech, sizeof speech);
        ck_assert_msg(strstr(speech, want) && !strstr(speech, other), "spoken: %s", speech);
        flow_free(f);
    }
}
END_TEST

/* What only the screen saw (a page, a scroll, a view switched) shows she is there: the
 * quiet time starts again, and a tap anywhere closes "Are you still there?". */
START_TEST(activity_on_the_screen_keeps_her_session)
{
    Flow *f = at("results");
    ck_assert_int_eq(flow_tick(f, FLOW_DEFAULT_RESULTS_IDLE_MS - 1000), FLOW_IGNORED);
    ck_assert_int_eq(flow_active(f), FLOW_IGNORED);
    ck_assert_int_eq(flow_tick(f, 2000), FLOW_IGNORED);
    ck_assert_int_eq(flow_screen(f)->still_there, 0);
    ck_assert_int_eq(flow_tick(f, FLOW_DEFAULT_RESULTS_IDLE_MS), FLOW_CHANGED);
    ck_assert_int_gt(flow_screen(f)->still_there, 0);
    ck_assert_int_eq(flow_active(f), FLOW_CHANGED);
    ck_assert_int_eq(flow_screen(f)->still_there, 0);
    ck_assert_int_eq(flow_screen(f)->kind, SCR_RESULTS);
    flow_free(f);
}
END_TEST

/* Back from the first question to the privacy screen and on: Continue goes on with her
 * answers (it restarted the session and erased an urgent answer); Back to the start
 * screen asks first, and only a yes erases them (sixteenth audit). */
START_TEST(back_past_the_first_question_keeps_her_answers)
{
    for (int how = 0; how < 3; how++) {
        Flow *f = at("urgent");
        ck_assert_int_eq(flow_press(f, FLOW_CONTINUE), FLOW_CHANGED); /* told the desk */
        ck_assert_int_eq(flow_press(f, FLOW_BACK), FLOW_CHANGED);
        ck_assert_str_eq(qid(f), "rf_chest");
        ck_assert_int_eq(flow_press(f, FLOW_BACK), FLOW_CHANGED);
        ck_assert_int_eq(kind(f), SCR_PRIVACY);
        if (how == 0) {
            ck_assert_int_eq(flow_press(f, FLOW_CONTINUE), FLOW_CHANGED);
            ck_assert_str_eq(qid(f), "rf_chest");
            ck_assert(session_any_urgent(flow_session(f)));
        } else {
            ck_assert_int_eq(flow_press(f, FLOW_BACK), FLOW_CHANGED);
            ck_assert_int_eq(kind(f), SCR_LANGUAGE);
            ck_assert_int_eq(flow_press(f, FLOW_BACK), FLOW_CHANGED);
            ck_assert_int_eq(kind(f), SCR_CONFIRM);
            ck_assert_str_eq(flow_screen(f)->title,
                             content_ui(test_content(), "confirm.leave", LANG_EN));
            ck_assert_int_eq(flow_press(f, how == 1 ? FLOW_NO : FLOW_YES), FLOW_CHANGED);
            ck_assert_int_eq(kind(f), how == 1 ? SCR_LANGUAGE : SCR_ATTRACT);
            ck_assert(session_any_urgent(flow_session(f)) == (how == 1));
            ck_assert(session_anything_said(flow_session(f)) == (how == 1));
        }
        flow_free(f);
    }
    /* nothing said yet: Back goes to the start screen at once */
    Flow *f = at("language");
    ck_assert_int_eq(flow_press(f, FLOW_BACK), FLOW_CHANGED);
    ck_assert_int_eq(kind(f), SCR_ATTRACT);
    flow_free(f);
}
END_TEST

/* A spoken yes to chest pain waiting for her "yes" waits as long as the urgent screen
 * (the ordinary time-out wiped it; seventeenth audit); a spoken "no" does not. */
START_TEST(confirm_of_an_urgent_yes_waits_long)
{
    FlowConfig cfg = {.default_lang = LANG_EN, .confirm_below = 60};
    Flow *f = flow_new(test_content(), &cfg);
    flow_begin(f, LANG_EN);
    flow_input(f, "yes", 100);
    ck_assert_int_eq(kind(f), SCR_CONFIRM);
    ck_assert_int_eq(flow_tick(f, FLOW_DEFAULT_IDLE_MS * 2), FLOW_IGNORED);
    ck_assert_int_eq(flow_screen(f)->still_there, 0);
    flow_free(f);
    f = flow_new(test_content(), &cfg);
    flow_begin(f, LANG_EN);
    flow_input(f, "no", 30);
    ck_assert_int_eq(kind(f), SCR_CONFIRM);
    ck_assert_int_eq(flow_tick(f, FLOW_DEFAULT_IDLE_MS * 2), FLOW_CHANGED);
    flow_free(f);
}
END_TEST

/* Her input ends while an answer waits for her "yes" (the terminal at end of file): a
 * hedge to a red flag is kept as "not sure" (it was lost, and the paper showed the
 * question unanswered with no urgent flag); a spoken yes and a "start over" are dropped
 * and her answers stay (fourteenth audit, M5). */
static const struct {
    const char *from, *said;
    int confidence;
    FlowEvent event;
    AnswerState chest; /* rf_chest's answer afterwards */
    const char *option;
} eof_row[] = {
    {"rf_chest", "not really", FLOW_TYPED, FLOW_CHANGED, ANS_GIVEN, "not_sure"},
    {"rf_chest", "not sure", FLOW_TYPED, FLOW_CHANGED, ANS_GIVEN, "not_sure"},
    {"rf_chest", "yes", 100, FLOW_IGNORED, ANS_NONE, NULL},
    {"rf_chest", "no", 30, FLOW_IGNORED, ANS_NONE, NULL},
    {"after_urgent", "start over", FLOW_TYPED, FLOW_IGNORED, ANS_GIVEN, "yes"},
    {"rf_chest", "no", FLOW_TYPED, FLOW_IGNORED, ANS_GIVEN, "no"},
};

START_TEST(end_of_input_keeps_a_hedge)
{
    Flow *f = at(eof_row[_i].from);
    flow_input(f, eof_row[_i].said, eof_row[_i].confidence);
    ck_assert_int_eq(flow_end_of_input(f), eof_row[_i].event);
    const Content *c = test_content();
    size_t chest = 0;
    while (strcmp(c->questions[chest].id, "rf_chest") != 0)
        chest++;
    const Answer *a = &session_answers(flow_session(f))[chest];
    ck_assert_int_eq(a->state, eof_row[_i].chest);
    if (eof_row[_i].option) {
        int i = content_option_index(&c->questions[chest], eof_row[_i].option);
        ck_assert_uint_eq(a->options, 1u << i);
    }
    if (eof_row[_i].event == FLOW_CHANGED)
        ck_assert(session_any_urgent(flow_session(f)));
    ck_assert_int_ne(flow_screen(f)->kind, SCR_CONFIRM);
    flow_free(f);
}
END_TEST

/* A copy of the real content in a scratch folder, with the first `find` of ui.json
 * replaced by `replace` for each pair of edits (NULL-terminated). */
static const char *const content_files[] = {"lexicon.json", "ui.json",     "questions.json",
                                            "causes.json",  "advice.json", "flags.json"};

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    ck_assert_ptr_nonnull(fp);
    char *b = malloc(1 << 20);
    ck_assert_ptr_nonnull(b);
    *len = fread(b, 1, (1 << 20) - 1, fp);
    b[*len] = '\0';
    fclose(fp);
    return b;
}

static char *replace_first(char *text, size_t *len, const char *find, const char *with)
{
    char *at = strstr(text, find);
    ck_assert_msg(at != NULL, "no %s in ui.json", find);
    size_t n = strlen(find), m = strlen(with), before = (size_t)(at - text);
    char *out = malloc(*len - n + m + 1);
    ck_assert_ptr_nonnull(out);
    memcpy(out, text, before);
    memcpy(out + before, with, m);
    memcpy(out + before + m, at + n, *len - before - n + 1);
    free(text);
    *len = *len - n + m;
    return out;
}

static Content *edited_copy(char *dir, size_t size, const char *const *edits)
{
    snprintf(dir, size, "%s/flow-content-%ld", TEST_TMP_DIR, (long)getpid());
    mkdir(dir, 0700);
    for (size_t i = 0; i < sizeof content_files / sizeof content_files[0]; i++) {
        char path[1024];
        size_t len;
        snprintf(path, sizeof path, "%s/assets/content/%s", PPKIOSK_SOURCE_DIR, content_files[i]);
        char *text = slurp(path, &len);
        for (const char *const *e = edits; strcmp(content_files[i], "ui.json") == 0 && *e; e += 2)
            text = replace_first(text, &len, e[0], e[1]);
        snprintf(path, sizeof path, "%s/%s", dir, content_files[i]);
        FILE *fp = fopen(path, "wb");
        ck_assert_ptr_nonnull(fp);
        ck_assert_uint_eq(fwrite(text, 1, len, fp), len);
        fclose(fp);
        free(text);
    }
    Content *c = NULL;
    Diags d = {0};
    int rc = content_load(dir, &c, &d);
    ck_assert_msg(rc == 0, "%s", d.count ? d.items[0].msg : "?");
    diags_free(&d);
    return c;
}

static void remove_copy(const char *dir)
{
    for (size_t i = 0; i < sizeof content_files / sizeof content_files[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, content_files[i]);
        remove(path);
    }
    rmdir(dir);
}

#define LONG50 "and a sentence that goes on, as some translations do. "
#define LONG500 LONG50 LONG50 LONG50 LONG50 LONG50 LONG50 LONG50 LONG50 LONG50 LONG50
#define LONG1500 LONG500 LONG500 LONG500

/* Eleventh audit (#13): every text may take CONTENT_MAX_TEXT_BYTES, but the screens
 * built from several of them cut them to their buffers: "Comprobación de seguridad" for
 * "Safety check" showed "Comprobación de seguridad 1 de" (32 bytes held the progress),
 * and a long "Are you still there?" body, language title or start screen lost its end. */
START_TEST(screens_never_cut_a_text)
{
    static const char *const edits[] = {
        "\"es\": \"Seguridad\"",
        "\"es\": \"Comprobaci\xc3\xb3n de seguridad\"",
        "\"en\": \"Choose your language\"",
        "\"en\": \"Choose your language " LONG1500 "end\"",
        "\"es\": \"Elija su idioma\"",
        "\"es\": \"Elija su idioma " LONG1500 "fin\"",
        "\"en\": \"Sore back or joints since your baby came?\"",
        "\"en\": \"Sore back " LONG1500 "end\"",
        "\"es\": \"Toque la pantalla para empezar\"",
        "\"es\": \"Toque la pantalla " LONG1500 "fin\"",
        "\"es\": \"Toque la pantalla para seguir.",
        "\"es\": \"Toque la pantalla " LONG1500 "para seguir.",
        NULL,
    };
    char dir[512];
    Content *c = edited_copy(dir, sizeof dir, edits);
    FlowConfig cfg = {.default_lang = LANG_ES, .confirm_below = 60};
    Flow *f = flow_new(c, &cfg);
    ck_assert_ptr_nonnull(f);
    flow_set_listen(f, false);
    /* the start screen, in Spanish: the English title and prompt under the Spanish one */
    const Screen *s = flow_screen(f);
    ck_assert_ptr_nonnull(s->body);
    ck_assert_msg(strstr(s->body, content_ui(c, "attract.title", LANG_EN)) &&
                      strstr(s->body, content_ui(c, "attract.prompt_touch", LANG_ES)),
                  "the start screen cut a text (%zu bytes)", strlen(s->body));
    flow_press(f, FLOW_START);
    char want[8192];
    snprintf(want, sizeof want, "%s / %s", content_ui(c, "language.title", LANG_ES),
             content_ui(c, "language.title", LANG_EN));
    ck_assert_msg(strcmp(flow_screen(f)->title, want) == 0,
                  "the language title was cut (%zu of %zu bytes)", strlen(flow_screen(f)->title),
                  strlen(want));
    flow_press(f, FLOW_LANG_ES);
    flow_press(f, FLOW_CONTINUE);
    const char *progress = flow_screen(f)->progress;
    const char *lead = "Comprobaci\xc3\xb3n de seguridad 1 de ";
    ck_assert_msg(strncmp(progress, lead, strlen(lead)) == 0 && progress[strlen(lead)] >= '1' &&
                      progress[strlen(lead)] <= '9',
                  "progress: \"%s\"", progress);
    flow_tick(f, FLOW_DEFAULT_IDLE_MS + 1000);
    s = flow_screen(f);
    ck_assert_ptr_nonnull(s->still_body);
    ck_assert_msg(strstr(s->still_body, "volver\xc3\xa1 al inicio."), "still there: %zu bytes, cut",
                  strlen(s->still_body));
    flow_free(f);
    content_free(c);
    remove_copy(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("flow");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, table_row, 0, (int)(sizeof walk / sizeof walk[0]));
    tcase_add_test(tc, table_rows_all_walked);
    tcase_add_test(tc, table_ids_reserved_from_options);
    tcase_add_test(tc, table_draws_the_buttons);
    tcase_add_test(tc, attract_prompt_follows_listening);
    tcase_add_test(tc, activity_on_the_screen_keeps_her_session);
    tcase_add_test(tc, back_past_the_first_question_keeps_her_answers);
    tcase_add_test(tc, confirm_of_an_urgent_yes_waits_long);
    tcase_add_loop_test(tc, end_of_input_keeps_a_hedge, 0,
                        (int)(sizeof eof_row / sizeof eof_row[0]));
    tcase_add_test(tc, screens_never_cut_a_text);
    suite_add_tcase(s, tc);
    return check_run(s);
}
