/* The summary model: one description of a finished (or stopped) interview that the
 * terminal, the screen, the printout and the FHIR export all render. Flags by tier
 * first, then scores, areas, context answers, likely causes with the answers behind
 * them, and the self-care plan.
 *
 * A Summary refers to the Content's strings and copies the answers it shows; it holds
 * patient data, so summary_free() wipes it. */
#ifndef PK_SUMMARY_H
#define PK_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "content.h"
#include "rules.h"
#include "session.h"

/* One answer shown in the summary: the question's short label and the answer. */
typedef struct {
    const Question *question;
    Answer answer;
} SummaryFact;

typedef struct {
    const Flag *flag;
    SummaryFact because[EVIDENCE_MAX];
    size_t nbecause;
} SummaryFlag;

typedef struct {
    const Cause *cause;
    SummaryFact because[EVIDENCE_MAX];
    size_t nbecause;
} SummaryCause;

typedef struct {
    Lang lang;
    SummaryFlag *urgent; /* tier 1, in content order */
    size_t nurgent;
    SummaryFlag *clinician; /* tier 2 */
    size_t nclinician;
    int pain_now;         /* 0..10, or -1 when not answered */
    int peg[3];           /* pain, enjoyment, activity: 0..10, or -1 */
    double peg_score;     /* mean of the three items, or -1 unless all three were answered */
    const Option **areas; /* where it hurts, in content order */
    size_t nareas;
    SummaryFact *context; /* time since birth, delivery, feeding... */
    size_t ncontext;
    SummaryCause *causes;
    size_t ncauses;
    const Advice **advice; /* the self-care plan, grouped by Advice.group */
    size_t nadvice;
    Answer *answers; /* a copy of every answer, indexed like content->questions; questions
                        not asked are ANS_NONE (for exports) */
    size_t nanswers;
    time_t created; /* when the summary was built */
    bool finished;  /* false when the interview stopped before the end */
    const Content *content;
} Summary;

/* Builds the summary of a session into *out (which the caller then owns and frees with
 * summary_free). Returns 0 or PK_ENOMEM. */
int summary_build(const Session *s, Summary *out);

/* Wipes and frees everything summary_build allocated; leaves *sum zeroed. */
void summary_free(Summary *sum);

/* Writes the answer as words in the summary's language ("Lower back, Left knee", "7",
 * "Skipped") into buf; always NUL-terminates. Returns buf. */
const char *summary_answer_text(const Summary *sum, const SummaryFact *f, char *buf, size_t size);

/* Writes the whole summary as plain text, the way the terminal mode prints it.
 * Returns 0 or PK_EIO. */
int summary_write_text(const Summary *sum, FILE *out);

#endif
