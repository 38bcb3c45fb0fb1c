/* The summary's outline as data: one row per section, in the order every renderer
 * walks them. */
#include "summary_outline.h"

static const SummarySection outline[SUM_SEC_COUNT] = {
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

const SummarySection *summary_outline(size_t *n)
{
    *n = SUM_SEC_COUNT;
    return outline;
}

static size_t answered(const int *v, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += v[i] >= 0;
    return k;
}

size_t summary_section_items(const Summary *sum, SummarySectionKind kind)
{
    int scores[] = {sum->pain_now, sum->peg[0], sum->peg[1], sum->peg[2], sum->phq2};
    switch (kind) {
    case SUM_SEC_URGENT:
        return sum->nurgent;
    case SUM_SEC_TODAY:
        return sum->nclinician;
    case SUM_SEC_UNANSWERED:
        return sum->nnot_answered;
    case SUM_SEC_SCORES:
        return answered(scores, sizeof scores / sizeof scores[0]);
    case SUM_SEC_AREAS:
        return sum->nareas;
    case SUM_SEC_STEPS:
        return sum->ntop + summary_safety_count(sum);
    case SUM_SEC_CONTEXT:
        return sum->ncontext;
    case SUM_SEC_CAUSES:
        return sum->ncauses;
    case SUM_SEC_PLAN:
        return sum->ntop + sum->nadvice + sum->nheld;
    case SUM_SEC_SAFETY:
        return summary_safety_count(sum);
    case SUM_SEC_COUNT:
        break;
    }
    return 0;
}

void summary_walk(const Summary *sum, const SummaryRender render[SUM_SEC_COUNT], void *ctx)
{
    for (size_t i = 0; i < SUM_SEC_COUNT; i++)
        if (render[outline[i].kind])
            render[outline[i].kind](ctx, sum, &outline[i]);
}
