/* The kiosk flow that every front end drives, walked through whole sessions: screens
 * in order, the urgent stop, voice confirmation, "Are you still there?" and its wipe,
 * printing and its failure. */
#include <check.h>

#include "check_run.h"
#include <stdlib.h>
#include <string.h>

#include "core/flow.h"
#include "flow_steps.h"
#include "testutil.h"

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

/* A spoken "start over" wipes her answers only when she says yes to it (the recogniser
 * has heard it in "stop"); "no" keeps them and asks the question again. Typed, it is
 * what she meant. */
START_TEST(spoken_start_over_is_confirmed)
{
    Flow *f = new_flow();
    flow_begin(f, LANG_EN);
    ck_assert_int_eq(flow_input(f, "no", 100), FLOW_CHANGED);
    ck_assert_str_eq(qid(f), "rf_seizure");
    ck_assert_int_eq(flow_input(f, "start over", 100), FLOW_CHANGED);
    ck_assert_int_eq(kind(f), SCR_CONFIRM);
    ck_assert_str_eq(flow_screen(f)->title,
                     content_ui(test_content(), "confirm.start_over", LANG_EN));
    char said[512];
    flow_speech(f, said, sizeof said);
    ck_assert_ptr_nonnull(strstr(said, content_ui(test_content(), "confirm.start_over", LANG_EN)));
    unsigned starts = flow_starts_over(f);
    ck_assert_int_eq(flow_input(f, "no", 100), FLOW_CHANGED);
    ck_assert_str_eq(qid(f), "rf_seizure"); /* her answer to rf_chest is kept */
    ck_assert_uint_eq(flow_starts_over(f), starts);
    ck_assert_int_eq(flow_input(f, "go back", 100), FLOW_CHANGED);
    ck_assert_str_eq(qid(f), "rf_chest");
    ck_assert(flow_screen(f)->answers[1].selected);
    ck_assert_int_eq(flow_input(f, "no", 100), FLOW_CHANGED);
    /* yes: the first question, nothing kept */
    ck_assert_int_eq(flow_input(f, "start over", 100), FLOW_CHANGED);
    ck_assert_int_eq(flow_press(f, FLOW_YES), FLOW_CHANGED);
    ck_assert_str_eq(qid(f), "rf_chest");
    ck_assert_uint_eq(flow_starts_over(f), starts + 1);
    ck_assert(!flow_screen(f)->answers[0].selected && !flow_screen(f)->answers[1].selected);
    /* after it, a spoken answer is confirmed or taken as before */
    ck_assert_int_eq(flow_input(f, "yes", 100), FLOW_CHANGED);
    ck_assert_int_eq(kind(f), SCR_CONFIRM);
    ck_assert_ptr_nonnull(strstr(flow_screen(f)->title, "Yes"));
    flow_free(f);
    /* typed, at once */
    f = new_flow();
    flow_begin(f, LANG_EN);
    flow_input(f, "no", FLOW_TYPED);
    ck_assert_int_eq(flow_input(f, "start over", FLOW_TYPED), FLOW_CHANGED);
    ck_assert_str_eq(qid(f), "rf_chest");
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
    ck_assert_int_eq(flow_press(f, FLOW_DONE), FLOW_NOTHING_CHOSEN); /* nothing ticked yet */
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
    ck_assert_uint_gt(flow_speech(f, buf, sizeof buf), 0);
    flow_press(f, FLOW_START);
    ck_assert_uint_gt(flow_speech(f, buf, sizeof buf), 0);
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
    ck_assert_uint_gt(flow_speech(f, buf, sizeof buf), 0);
    /* never cut: a buffer too small holds only whole pieces and the length needed comes
     * back, and a buffer of that length + 1 holds all of it, ending as it should */
    size_t need = flow_speech(f, buf, sizeof buf);
    char small[40];
    ck_assert_uint_eq(flow_speech(f, small, sizeof small), need);
    ck_assert_ptr_nonnull(strstr(buf, small));
    ck_assert_uint_lt(strlen(small), sizeof small);
    char *whole = malloc(need + 1);
    ck_assert_uint_eq(flow_speech(f, whole, need + 1), need);
    ck_assert_uint_eq(strlen(whole), need);
    ck_assert_str_eq(whole, buf);
    flow_free(f);
    free(whole);
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
    Suite *s = suite_create("flow_walks");
    TCase *tc = tcase_create("walks");
    tcase_add_test(tc, screens_in_order_spanish);
    tcase_add_test(tc, urgent_stops_then_continues);
    tcase_add_test(tc, urgent_needs_acknowledgement);
    tcase_add_test(tc, hedge_is_confirmed);
    tcase_add_test(tc, voice_confirmation);
    tcase_add_test(tc, spoken_start_over_is_confirmed);
    tcase_add_test(tc, still_there_then_wipe);
    tcase_add_test(tc, digits_and_multi);
    tcase_add_test(tc, every_screen_speaks);
    tcase_add_test(tc, bilingual_screens_speak_both);
    tcase_add_test(tc, truthful_endings);
    tcase_add_test(tc, results_wait_longer_and_repeat_needs_speech);
    suite_add_tcase(s, tc);
    return check_run(s);
}
