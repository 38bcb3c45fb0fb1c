/* Every red flag of the clinical reference: the answers that raise it, its tier, and
 * that nothing else is raised by them. Urgent flags must stop the interview the moment
 * the answer is given. */
#include <check.h>

#include "check_run.h"
#include <stdlib.h>
#include <string.h>

#include "core/summary.h"
#include "testutil.h"

typedef struct {
    const char *answers;
    const char *flag;
    FlagTier tier;
    size_t total; /* flags raised in all, when more than this one (0: just it) */
} Row;

static const Row rows[] = {
    /* tell the front desk now */
    {"rf_chest=yes", "urgent_chest", TIER_URGENT, 0},
    {"rf_seizure=yes", "urgent_seizure", TIER_URGENT, 0},
    {"rf_stroke=yes", "urgent_stroke", TIER_URGENT, 0},
    {"rf_harm=yes", "urgent_harm", TIER_URGENT, 0},
    {"rf_bleeding=yes", "urgent_bleeding", TIER_URGENT, 0},
    {"rf_leg=yes", "urgent_leg", TIER_URGENT, 0},
    {"rf_headache=yes", "urgent_headache", TIER_URGENT, 0},
    {"rf_swelling_headache=yes", "urgent_swelling_headache", TIER_URGENT, 0},
    {"rf_bladder=yes", "urgent_nerves", TIER_URGENT, 0},
    {"rf_urine=yes", "urgent_nerves", TIER_URGENT, 0},
    {"rf_saddle=yes", "urgent_nerves", TIER_URGENT, 0},
    {"rf_leg_weak=yes", "urgent_nerves", TIER_URGENT, 0},
    /* "not sure" to an urgent safety question sends her to staff too */
    {"rf_chest=not_sure", "urgent_unsure", TIER_URGENT, 0},
    {"rf_harm=not_sure", "urgent_unsure", TIER_URGENT, 0},
    {"rf_leg_weak=not_sure", "urgent_unsure", TIER_URGENT, 0},
    /* raise with the clinician today */
    {"rf_fever=yes", "clinician_fever", TIER_CLINICIAN, 0},
    {"epidural=yes;rf_epidural_site=yes", "clinician_epidural_site", TIER_CLINICIAN, 0},
    {"epidural=spinal;rf_epidural_pain=yes", "clinician_epidural_site", TIER_CLINICIAN, 0},
    {"epidural=not_sure;rf_epidural_site=yes", "clinician_epidural_site", TIER_CLINICIAN, 0},
    /* fever with a red, sore epidural site: a possible spinal infection, now */
    {"epidural=yes;rf_fever=yes;rf_epidural_site=yes", "urgent_fever_epidural", TIER_URGENT, 3},
    {"epidural=yes;rf_epidural_headache=yes", "clinician_epidural_headache", TIER_CLINICIAN, 0},
    {"delivery=csection;rf_wound=yes", "clinician_wound", TIER_CLINICIAN, 0},
    {"delivery=vaginal;rf_tear=yes", "clinician_tear", TIER_CLINICIAN, 0},
    {"rf_fall=yes", "clinician_fall", TIER_CLINICIAN, 0},
    {"rf_tingling=yes", "clinician_tingling", TIER_CLINICIAN, 0},
    {"rf_joint_swelling=yes", "clinician_joint_swelling", TIER_CLINICIAN, 0},
    {"rf_spine_sudden=yes", "clinician_spine_sudden", TIER_CLINICIAN, 0},
    {"rf_shorter=yes", "clinician_spine_sudden", TIER_CLINICIAN, 0},
    {"rf_gallbladder=yes", "clinician_gallbladder", TIER_CLINICIAN, 0},
    {"rf_weight_loss=yes", "clinician_general", TIER_CLINICIAN, 0},
    {"rf_cancer=yes", "clinician_general", TIER_CLINICIAN, 0},
    {"rf_steroids=yes", "clinician_general", TIER_CLINICIAN, 0},
    {"rf_immune=yes", "clinician_general", TIER_CLINICIAN, 0},
    {"onset=sudden", "clinician_sudden_severe", TIER_CLINICIAN, 0},
    {"pain_now=8", "clinician_sudden_severe", TIER_CLINICIAN, 0},
    {"pain_now=10", "clinician_sudden_severe", TIER_CLINICIAN, 0},
    {"limits_movement=yes", "clinician_sudden_severe", TIER_CLINICIAN, 0},
    {"worse_when=night", "clinician_night_pain", TIER_CLINICIAN, 0},
    {"worse_when=morning_stiff,night", "clinician_night_pain", TIER_CLINICIAN, 0},
    {"stretch_effect=no_change", "clinician_not_improving", TIER_CLINICIAN, 0},
    {"stretch_effect=worse", "clinician_not_improving", TIER_CLINICIAN, 0},
    {"pain_trend=worse", "clinician_not_improving", TIER_CLINICIAN, 0},
    /* PHQ-2: positive at 3 or more of 6 */
    {"phq_interest=several_days;phq_down=more_than_half", "clinician_mood", TIER_CLINICIAN, 0},
    {"phq_interest=nearly_every_day;phq_down=not_at_all", "clinician_mood", TIER_CLINICIAN, 0},
    {"phq_interest=more_than_half;phq_down=several_days", "clinician_mood", TIER_CLINICIAN, 0},
    {"since_birth=gt6m", "clinician_beyond_six_months", TIER_CLINICIAN, 0},
};

/* Answers that raise no flag at all. */
static const char *const quiet[] = {
    "",
    ("rf_chest=no;rf_seizure=no;rf_stroke=no;rf_harm=no;rf_bleeding=no;rf_leg=no;rf_headache=no;"
     "rf_swelling_headache=no;rf_bladder=no;rf_urine=no;rf_saddle=no;rf_leg_weak=no"),
    "pain_now=7;onset=gradual;limits_movement=no;stretch_effect=better;worse_when=morning_stiff",
    "since_birth=m3to6;rf_fever=no;rf_tingling=no;rf_cancer=no",
    /* PHQ-2 of 2: below the cut-off */
    "phq_interest=several_days;phq_down=several_days",
    "phq_interest=more_than_half;phq_down=not_at_all",
    "pain_trend=same;pain_kind=sharp",
    /* not asked without an epidural / a C-section: an answer cannot sneak in */
    "epidural=no;delivery=vaginal",
};

START_TEST(flag_raised)
{
    const Row *r = &rows[_i];
    const Content *c = test_content();
    Session *s = session_new(c, LANG_EN);
    int urgent = test_answer_all(s, r->answers);
    ck_assert_int_eq(urgent, r->tier == TIER_URGENT ? 1 : 0);
    if (r->tier == TIER_URGENT)
        ck_assert_str_eq(session_urgent_flag(s)->id, r->flag);
    Summary sum;
    ck_assert_int_eq(summary_build(s, &sum), 0);
    const SummaryFlag *list = r->tier == TIER_URGENT ? sum.urgent : sum.clinician;
    size_t n = r->tier == TIER_URGENT ? sum.nurgent : sum.nclinician;
    ck_assert_uint_eq(n, r->total ? n : 1);
    ck_assert_uint_eq(sum.nurgent + sum.nclinician, r->total ? r->total : 1);
    ck_assert_str_eq(list[0].flag->id, r->flag);
    ck_assert_int_eq(list[0].flag->tier, r->tier);
    /* the summary says which answer raised it */
    ck_assert_uint_ge(list[0].nbecause, 1);
    ck_assert_ptr_nonnull(strstr(r->answers, list[0].because[0].question->id));
    summary_free(&sum);
    session_free(s);
}
END_TEST

START_TEST(no_flag)
{
    const Content *c = test_content();
    Session *s = session_new(c, LANG_EN);
    ck_assert_int_eq(test_answer_all(s, quiet[_i]), 0);
    Summary sum;
    ck_assert_int_eq(summary_build(s, &sum), 0);
    ck_assert_uint_eq(sum.nurgent, 0);
    ck_assert_uint_eq(sum.nclinician, 0);
    summary_free(&sum);
    session_free(s);
}
END_TEST

/* The interview stops at the urgent answer: the very call that records it says so. */
START_TEST(urgent_stops_at_once)
{
    const Content *c = test_content();
    Session *s = session_new(c, LANG_EN);
    ck_assert_str_eq(session_question(s)->id, "rf_chest");
    Answer no = test_parse_answer(session_question(s), "no");
    ck_assert_int_eq(session_answer(s, &no), 0);
    Answer yes = test_parse_answer(session_question(s), "yes");
    ck_assert_int_eq(session_answer(s, &yes), SESSION_URGENT);
    ck_assert_str_eq(session_urgent_flag(s)->id, "urgent_seizure");
    ck_assert(session_any_urgent(s));
    /* the interview can go on after staff are told, and the flag stays */
    ck_assert_str_eq(session_question(s)->id, "rf_stroke");
    ck_assert_int_eq(session_back(s), 0);
    Answer changed = test_parse_answer(session_question(s), "no");
    ck_assert_int_eq(session_answer(s, &changed), 0);
    Summary sum;
    ck_assert_int_eq(summary_build(s, &sum), 0);
    ck_assert_uint_eq(sum.nurgent, 1);
    summary_free(&sum);
    session_free(s);
}
END_TEST

/* Every flag of the content is covered by a row above. */
START_TEST(every_flag_has_a_row)
{
    const Content *c = test_content();
    for (size_t i = 0; i < c->nflags; i++) {
        bool found = false;
        for (size_t r = 0; r < sizeof rows / sizeof rows[0] && !found; r++)
            found = strcmp(rows[r].flag, c->flags[i].id) == 0;
        ck_assert_msg(found, "flag %s has no test row", c->flags[i].id);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("flags");
    TCase *tc = tcase_create("flags");
    tcase_add_loop_test(tc, flag_raised, 0, (int)(sizeof rows / sizeof rows[0]));
    tcase_add_loop_test(tc, no_flag, 0, (int)(sizeof quiet / sizeof quiet[0]));
    tcase_add_test(tc, urgent_stops_at_once);
    tcase_add_test(tc, every_flag_has_a_row);
    suite_add_tcase(s, tc);
    return check_run(s);
}
