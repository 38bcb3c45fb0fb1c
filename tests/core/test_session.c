/* The session: order and branching, going back, skipping, scores, and the wipe that
 * leaves no answer bytes behind. */
#include <check.h>

#include "check_run.h"
#include <stdlib.h>
#include <string.h>

#include "core/summary.h"
#include "testutil.h"

static const Question *current(Session *s)
{
    const Question *q = session_question(s);
    ck_assert_ptr_nonnull(q);
    return q;
}

static void give(Session *s, const char *text)
{
    Answer a = test_parse_answer(current(s), text);
    ck_assert_int_ge(session_answer(s, &a), 0);
}

/* Skips until the question with this id is asked (it must come). */
static void skip_to(Session *s, const char *id)
{
    while (strcmp(current(s)->id, id) != 0)
        ck_assert_int_eq(test_move_on(s), 0);
}

START_TEST(branching)
{
    static const struct {
        const char *spec;
        const char *asked;     /* must be asked */
        const char *not_asked; /* must not be asked */
    } rows[] = {
        {"delivery=csection", "rf_wound", NULL},
        {"delivery=vaginal", NULL, "rf_wound"},
        {"", NULL, "rf_wound"},
        {"epidural=yes", "rf_epidural_site", NULL},
        {"epidural=yes", "rf_epidural_headache", NULL},
        {"epidural=no", NULL, "rf_epidural_site"},
        {"epidural=not_sure", "rf_epidural_headache", NULL},
        {"epidural=spinal", "rf_epidural_site", NULL},
        {"delivery=vaginal", "rf_tear", NULL},
        {"delivery=csection", NULL, "rf_tear"},
    };
    const Content *c = test_content();
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        Session *s = session_new(c, LANG_EN);
        bool saw_asked = false, saw_not = false;
        const Question *q;
        while ((q = session_question(s))) {
            saw_asked |= rows[r].asked && strcmp(q->id, rows[r].asked) == 0;
            saw_not |= rows[r].not_asked && strcmp(q->id, rows[r].not_asked) == 0;
            char key[64];
            snprintf(key, sizeof key, "%s=", q->id);
            const char *at = strstr(rows[r].spec, key);
            if (at) {
                char val[64];
                sscanf(at + strlen(key), "%63[^;]", val);
                give(s, val);
            } else {
                ck_assert_int_eq(test_move_on(s), 0);
            }
        }
        ck_assert_msg(!rows[r].asked || saw_asked, "row %zu: %s not asked", r, rows[r].asked);
        ck_assert_msg(!saw_not, "row %zu: %s asked", r, rows[r].not_asked);
        session_free(s);
    }
}
END_TEST

START_TEST(back_keeps_answer_and_rebranches)
{
    const Content *c = test_content();
    Session *s = session_new(c, LANG_EN);
    ck_assert_int_eq(session_back(s), -9); /* PK_ESTATE at the first question */
    skip_to(s, "delivery");
    give(s, "csection");
    ck_assert_str_eq(current(s)->id, "epidural");
    ck_assert_int_eq(session_back(s), 0);
    ck_assert_str_eq(current(s)->id, "delivery");
    /* the earlier answer is still there, to show as selected */
    int qi = session_question_index(s);
    ck_assert_int_eq(session_answers(s)[qi].state, ANS_GIVEN);
    give(s, "vaginal");
    skip_to(s, "rf_fever");
    while (session_question(s)) {
        ck_assert_str_ne(current(s)->id, "rf_wound");
        ck_assert_int_eq(test_move_on(s), 0);
    }
    ck_assert(session_finished(s));
    ck_assert_int_eq(session_skip(s), -9);
    session_free(s);
}
END_TEST

START_TEST(progress_counts_down)
{
    const Content *c = test_content();
    Session *s = session_new(c, LANG_EN);
    size_t pos, total, first_total;
    session_progress(s, &pos, &first_total);
    ck_assert_uint_eq(pos, 1);
    ck_assert_uint_eq(first_total, c->nquestions);
    size_t last_total = first_total;
    while (session_question(s)) {
        session_progress(s, &pos, &total);
        ck_assert_uint_le(total, last_total);
        ck_assert_uint_le(pos, total);
        last_total = total;
        ck_assert_int_eq(test_move_on(s), 0);
    }
    session_progress(s, &pos, &total);
    ck_assert_uint_eq(total, 0);
    session_free(s);
}
END_TEST

START_TEST(peg_score)
{
    static const struct {
        const char *spec;
        int pain_now;
        double peg;
    } rows[] = {
        {"pain_now=7;peg_pain=6;peg_enjoyment=5;peg_activity=7", 7, 6.0},
        {"pain_now=0;peg_pain=0;peg_enjoyment=0;peg_activity=0", 0, 0.0},
        {"pain_now=10;peg_pain=10;peg_enjoyment=10;peg_activity=10", 10, 10.0},
        {"peg_pain=4;peg_enjoyment=5;peg_activity=5", -1, 14.0 / 3.0},
        {"pain_now=3;peg_pain=4;peg_enjoyment=5", 3, -1},
        {"", -1, -1},
    };
    const Content *c = test_content();
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        Session *s = session_new(c, LANG_EN);
        test_answer_all(s, rows[r].spec);
        Summary sum;
        ck_assert_int_eq(summary_build(s, &sum), 0);
        ck_assert_int_eq(sum.pain_now, rows[r].pain_now);
        ck_assert_double_eq_tol(sum.peg_score, rows[r].peg, 1e-9);
        summary_free(&sum);
        session_free(s);
    }
}
END_TEST

START_TEST(answers_must_fit)
{
    const Content *c = test_content();
    Session *s = session_new(c, LANG_EN);
    skip_to(s, "since_birth");
    Answer two = {.state = ANS_GIVEN, .options = 3u};
    ck_assert_int_eq(session_answer(s, &two), -4);
    Answer none = {.state = ANS_GIVEN, .options = 0};
    ck_assert_int_eq(session_answer(s, &none), -4);
    Answer beyond = {.state = ANS_GIVEN, .options = 1u << 20};
    ck_assert_int_eq(session_answer(s, &beyond), -4);
    skip_to(s, "pain_now");
    Answer eleven = {.state = ANS_GIVEN, .value = 11};
    ck_assert_int_eq(session_answer(s, &eleven), -4);
    Answer neg = {.state = ANS_GIVEN, .value = -1};
    ck_assert_int_eq(session_answer(s, &neg), -4);
    session_free(s);
}
END_TEST

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

START_TEST(wipe_leaves_no_answer_bytes)
{
    const Content *c = test_content();
    Session *s = session_new(c, LANG_EN);
    test_answer_all(s, "rf_harm=yes;since_birth=w2to6;areas=lower_back,knee_left;pain_now=9;"
                       "peg_pain=8;feeding=breast;history=arthritis,thyroid");
    const Answer *answers = session_answers(s);
    ck_assert(!all_zero(answers, c->nquestions * sizeof *answers));
    Summary sum;
    ck_assert_int_eq(summary_build(s, &sum), 0);
    ck_assert_uint_eq(sum.nurgent, 1);

    session_restart(s);
    ck_assert(all_zero(answers, c->nquestions * sizeof *answers));
    ck_assert(!session_any_urgent(s));
    ck_assert_ptr_null(session_urgent_flag(s));
    ck_assert_int_eq(session_back(s), -9); /* no history either */

    summary_free(&sum);
    ck_assert(all_zero(&sum, sizeof sum));
    session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("session");
    TCase *tc = tcase_create("session");
    tcase_add_test(tc, branching);
    tcase_add_test(tc, back_keeps_answer_and_rebranches);
    tcase_add_test(tc, progress_counts_down);
    tcase_add_test(tc, peg_score);
    tcase_add_test(tc, answers_must_fit);
    tcase_add_test(tc, wipe_leaves_no_answer_bytes);
    suite_add_tcase(s, tc);
    return check_run(s);
}
