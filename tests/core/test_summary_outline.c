/* The summary's outline: the one order the terminal, the screen and the printout walk.
 * The table below is the order the product wants, first page first: tell the front
 * desk now, tell your clinician today, the safety questions not answered, the scores,
 * where it hurts (and about her, on paper), the next steps; then the causes and the
 * plan. The outline must be exactly it. */
#include <check.h>
#include <string.h>

#include "check_run.h"
#include "core/summary_outline.h"
#include "testutil.h"

static const struct {
    SummarySectionKind kind;
    SummaryPart part;
    const char *heading; /* on paper and in the terminal */
    const char *card;    /* on the screen */
} want[] = {
    {SUM_SEC_URGENT, SUM_PART_CLINICIAN, "summary.urgent", "summary.urgent"},
    {SUM_SEC_TODAY, SUM_PART_CLINICIAN, "summary.clinician", "results.today"},
    {SUM_SEC_UNANSWERED, SUM_PART_CLINICIAN, "summary.missing", "results.unanswered"},
    {SUM_SEC_SCORES, SUM_PART_CLINICIAN, "summary.scores", "summary.scores"},
    {SUM_SEC_AREAS, SUM_PART_CLINICIAN, "summary.areas", "summary.areas"},
    {SUM_SEC_CONTEXT, SUM_PART_CLINICIAN, "summary.about", "summary.about"},
    {SUM_SEC_STEPS, SUM_PART_STEPS, "summary.top", "results.next_steps"},
    {SUM_SEC_CAUSES, SUM_PART_PLAN, "summary.causes", "summary.causes"},
    {SUM_SEC_PLAN, SUM_PART_PLAN, "summary.selfcare", "summary.selfcare"},
    {SUM_SEC_SAFETY, SUM_PART_PLAN, "safety.title", "safety.title"},
};
enum { NWANT = sizeof want / sizeof want[0] };

START_TEST(outline_order)
{
    size_t n;
    const SummarySection *o = summary_outline(&n);
    ck_assert_uint_eq(n, NWANT);
    ck_assert_uint_eq(n, SUM_SEC_COUNT);
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_eq(o[i].kind, want[i].kind);
        ck_assert_int_eq(o[i].part, want[i].part);
        ck_assert_str_eq(o[i].heading, want[i].heading);
        ck_assert_str_eq(o[i].card_heading, want[i].card);
        /* the parts never go back: clinician, then steps, then plan */
        if (i)
            ck_assert_int_ge(o[i].part, o[i - 1].part);
    }
}
END_TEST

START_TEST(headings_in_content)
{
    const Content *c = test_content();
    size_t n;
    const SummarySection *o = summary_outline(&n);
    for (size_t i = 0; i < n; i++)
        for (int l = 0; l < LANG_COUNT; l++) {
            /* content_ui gives the key back when the content lacks it */
            ck_assert_str_ne(content_ui(c, o[i].heading, (Lang)l), o[i].heading);
            ck_assert_str_ne(content_ui(c, o[i].card_heading, (Lang)l), o[i].card_heading);
        }
}
END_TEST

typedef struct {
    SummarySectionKind seen[SUM_SEC_COUNT];
    size_t n;
} Trace;

static void record(void *ctx, const Summary *sum, const SummarySection *sec)
{
    Trace *t = ctx;
    (void)sum;
    t->seen[t->n++] = sec->kind;
}

/* Flags of both tiers and a skipped red-flag question: the walk visits the sections a
 * renderer has, in order, each once, and counts their items. */
START_TEST(walk_visits_in_order)
{
    const Content *c = test_content();
    Session *s = session_new(c, LANG_EN);
    test_answer_all(s, "rf_chest=yes;rf_fever=yes;areas=lower_back;pain_now=7");
    Summary sum;
    ck_assert_int_eq(summary_build(s, &sum), 0);

    SummaryRender all[SUM_SEC_COUNT], some[SUM_SEC_COUNT] = {0};
    for (int k = 0; k < SUM_SEC_COUNT; k++)
        all[k] = record;
    some[SUM_SEC_SAFETY] = some[SUM_SEC_URGENT] = some[SUM_SEC_SCORES] = record;
    Trace t = {0};
    summary_walk(&sum, all, &t);
    ck_assert_uint_eq(t.n, NWANT);
    for (size_t i = 0; i < t.n; i++)
        ck_assert_int_eq(t.seen[i], want[i].kind);
    Trace u = {0};
    summary_walk(&sum, some, &u);
    ck_assert_uint_eq(u.n, 3);
    ck_assert_int_eq(u.seen[0], SUM_SEC_URGENT);
    ck_assert_int_eq(u.seen[1], SUM_SEC_SCORES);
    ck_assert_int_eq(u.seen[2], SUM_SEC_SAFETY);

    ck_assert_uint_eq(summary_section_items(&sum, SUM_SEC_URGENT), sum.nurgent);
    ck_assert_uint_ge(summary_section_items(&sum, SUM_SEC_URGENT), 1);
    ck_assert_uint_eq(summary_section_items(&sum, SUM_SEC_TODAY), sum.nclinician);
    ck_assert_uint_eq(summary_section_items(&sum, SUM_SEC_UNANSWERED), sum.nnot_answered);
    ck_assert_uint_eq(summary_section_items(&sum, SUM_SEC_AREAS), 1);
    ck_assert_uint_eq(summary_section_items(&sum, SUM_SEC_SAFETY), summary_safety_count(&sum));
    ck_assert_uint_eq(summary_section_items(&sum, SUM_SEC_PLAN),
                      sum.ntop + sum.nadvice + sum.nheld);
    summary_free(&sum);
    session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("summary_outline");
    TCase *tc = tcase_create("outline");
    tcase_add_test(tc, outline_order);
    tcase_add_test(tc, headings_in_content);
    tcase_add_test(tc, walk_visits_in_order);
    suite_add_tcase(s, tc);
    return check_run(s);
}
