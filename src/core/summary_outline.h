/* The summary's outline: the one order in which the terminal, the results screen and
 * the printout walk a Summary, so the three can never drift apart. The clinician's
 * part comes first (tell the front desk now, tell your clinician today, the safety
 * questions not answered, the scores, where it hurts, and about her: time since
 * birth, type of birth...), then the next steps (the top actions and the safety net);
 * then the plan: the likely causes, the self-care plan with what is held back, and
 * the safety net once more at its end.
 *
 * A renderer fills a table of SummaryRender, one per section kind, and calls
 * summary_walk(); a NULL entry means the renderer does not show that section (the
 * screen's first page shows no plan and no "about her", her own answers; the terminal
 * has no "next steps", its plan and closing safety net carry them). Sections with
 * nothing in them are still visited: the flag sections say "None" or "all answered
 * no" rather than vanish. */
#ifndef PK_SUMMARY_OUTLINE_H
#define PK_SUMMARY_OUTLINE_H

#include <stddef.h>

#include "summary.h"

typedef enum {
    SUM_SEC_URGENT,     /* tell the front desk now: urgent flags */
    SUM_SEC_TODAY,      /* tell your clinician today: today flags */
    SUM_SEC_UNANSWERED, /* red-flag questions without a yes/no, or "all answered no" */
    SUM_SEC_SCORES,     /* pain now, PEG items and score, PHQ-2 */
    SUM_SEC_AREAS,      /* where it hurts */
    SUM_SEC_CONTEXT,    /* about her: time since birth, delivery, feeding... */
    SUM_SEC_STEPS,      /* next steps: the top actions and the safety net */
    SUM_SEC_CAUSES,     /* what may be adding to the pain, the folded ones after */
    SUM_SEC_PLAN,       /* the self-care plan: top actions, groups, what is held back */
    SUM_SEC_SAFETY,     /* when to get help, closing the plan */
    SUM_SEC_COUNT
} SummarySectionKind;

typedef enum {
    SUM_PART_CLINICIAN, /* what the clinician reads first (large type on paper) */
    SUM_PART_STEPS,     /* what she does next: still the first page */
    SUM_PART_PLAN,      /* the causes and the plan: the screen's second page */
} SummaryPart;

typedef struct {
    SummarySectionKind kind;
    SummaryPart part;
    const char *heading;      /* the ui key of its heading in the terminal and on paper */
    const char *card_heading; /* the ui key of its heading on the screen */
} SummarySection;

/* The outline, in order; *n receives its length (SUM_SEC_COUNT). Never NULL. */
const SummarySection *summary_outline(size_t *n);

/* The number of items section kind holds for sum: flags, questions not answered,
 * answered scores, areas, top actions, context answers, causes, plan items (top,
 * rest and held), safety-net lines. */
size_t summary_section_items(const Summary *sum, SummarySectionKind kind);

/* Calls render[sec.kind](ctx, sum, &sec) for every section of the outline in order,
 * skipping NULL entries. */
typedef void (*SummaryRender)(void *ctx, const Summary *sum, const SummarySection *sec);
void summary_walk(const Summary *sum, const SummaryRender render[SUM_SEC_COUNT], void *ctx);

#endif
