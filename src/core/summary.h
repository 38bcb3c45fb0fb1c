/* The summary model: one description of a finished (or stopped) interview that the
 * terminal, the screen, the printout and the FHIR export all render. Flags by tier
 * first, with the red-flag questions that were not answered inside the same box, then
 * scores, areas, context answers, at most SUMMARY_MAX_CAUSES likely causes with the
 * answers behind them, the self-care plan (with what is held back and why), and the
 * safety net ("call 911 if...").
 *
 * Rendering contract (terminal, screen, PDF):
 *  - the flag box always shows: urgent flags, today flags, then not_answered (each as
 *    "Not answered" / "Not sure"); when there are no flags and nothing is missing it
 *    says safety_all_no ("Safety questions: all answered no"), never a bare "None";
 *  - urgent_raised is true whenever an urgent flag was raised, even if the answer was later
 *    changed; urgent_ack says who acknowledged the urgent screen;
 *  - causes[] is already capped and ordered; folded[] is one short line after them;
 *  - top[] are the 3 actions to print first; advice[] is the rest of the plan, grouped;
 *    held[] are not to be printed as advice: print one line (summary.held_back) naming
 *    them, with the reasons in holds[];
 *  - the safety net is printed on the results screen and the printout: its lines come
 *    from summary_safety_line() with the numbers filled in.
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

/* One answer shown in the summary: the question's short label and the answer. An urgent
 * flag raised by an answer she changed after keeps what she said then in answer, and
 * changed is set with the answer now in now ("Yes, then changed to No"). */
typedef struct {
    const Question *question;
    Answer answer;
    bool changed;
    Answer now;
} SummaryFact;

typedef struct {
    const Flag *flag;
    SummaryFact because[EVIDENCE_MAX];
    size_t nbecause;
} SummaryFlag;

typedef struct {
    const Cause *cause;
    SummaryFact because[EVIDENCE_MAX]; /* only the options that raised it */
    size_t nbecause;
} SummaryCause;

/* Why a red-flag question has no usable answer. */
typedef enum {
    MISSING_NOT_ASKED, /* the interview stopped before it */
    MISSING_SKIPPED,   /* skipped */
    MISSING_UNSURE,    /* "I don't know" or the "not sure" option */
} MissingWhy;

typedef struct {
    const Question *question;
    MissingWhy why;
} SummaryMissing;

/* Who let the patient go on past the urgent screen. */
typedef enum {
    URGENT_ACK_NONE = 0, /* nobody yet (or no urgent flag) */
    URGENT_ACK_STAFF,    /* staff typed the PIN */
    URGENT_ACK_PATIENT,  /* no PIN set: she pressed "I have told the front desk" */
} UrgentAck;

/* The phone numbers of the safety net: settings of the kiosk (kiosk.conf). */
typedef struct {
    char emergency[24]; /* "911" */
    char crisis[24];    /* "988": thoughts of self-harm */
    char clinic[40];    /* the clinic's phone, or "" when not set */
} SafetyNet;

#define SUMMARY_MAX_CAUSES 5
#define SUMMARY_TOP_ACTIONS 3

typedef struct {
    Lang lang;
    SummaryFlag *urgent; /* tier 1, in content order */
    size_t nurgent;
    SummaryFlag *clinician; /* tier 2 */
    size_t nclinician;
    int pain_now;         /* 0..10, or -1 when not answered */
    int peg[3];           /* pain, enjoyment, activity: 0..10, or -1 */
    double peg_score;     /* mean of the three items, or -1 unless all three were answered */
    int phq2;             /* PHQ-2 total 0..6, or -1 unless both items were answered */
    bool phq2_positive;   /* phq2 >= 3, or phq2_at_least >= 3 */
    int phq2_at_least;    /* one item not answered: the other's points when they are 3 (a
                             positive screen alone, flags.json), else -1 */
    bool phq2_asked;      /* the content has the PHQ-2: its score is shown, or "Not answered" */
    const Option **areas; /* where it hurts, in content order */
    size_t nareas;
    SummaryFact *context; /* time since birth, delivery, feeding... */
    size_t ncontext;
    SummaryMissing *not_answered; /* red-flag questions without a yes/no and other questions
                                     a flag looks at without an answer, content order */
    size_t nnot_answered;
    bool safety_all_no; /* every red-flag question asked was answered no */
    bool urgent_raised; /* an urgent flag was raised in this session */
    UrgentAck urgent_ack;
    SummaryCause *causes; /* at most SUMMARY_MAX_CAUSES, specific first */
    size_t ncauses;
    const Cause **folded; /* named in one short "other common reasons" line */
    size_t nfolded;
    const Advice *top[SUMMARY_TOP_ACTIONS]; /* the actions that matter most, best first */
    size_t ntop;
    const Advice **advice; /* the rest of the self-care plan, grouped by Advice.group */
    size_t nadvice;
    const Advice **held; /* held back: "wait on these until your clinician has checked you" */
    size_t nheld;
    const AdviceHold **holds; /* the holds in force (why), content order */
    size_t nholds;
    SafetyNet safety;
    Answer *answers; /* a copy of every answer, indexed like content->questions; questions
                        not asked are ANS_NONE (for exports) */
    size_t nanswers;
    time_t created; /* when the summary was built */
    bool finished;  /* complete: the end was reached and every question asked has an answer
                       or a skip */
    const Content *content;
} Summary;

/* Builds the summary of a session into *out (which the caller then owns and frees with
 * summary_free). The safety net gets the default numbers (911, 988, no clinic phone)
 * unless summary_set_safety() is called after. Returns 0 or PK_ENOMEM. */
int summary_build(const Session *s, Summary *out);

/* Replaces the safety-net numbers (empty fields keep the defaults; clinic may be ""). */
void summary_set_safety(Summary *sum, const SafetyNet *net);

/* The default safety net: 911, 988, no clinic phone. */
SafetyNet summary_default_safety(void);

/* The number of safety-net lines, and line i with its number filled in (in the
 * summary's language) into buf; always NUL-terminates. Returns buf. */
size_t summary_safety_count(const Summary *sum);
const char *summary_safety_line(const Summary *sum, size_t i, char *buf, size_t size);

/* What an empty flag list says: "None", or "None from the answers given" while a
 * red-flag question has no answer or the interview stopped before its end (an empty
 * list is then no all-clear). */
const char *summary_no_flags_text(const Summary *sum);

/* "Not answered", "Skipped" or "Not sure" for a missing red-flag answer. */
const char *summary_missing_text(const Summary *sum, const SummaryMissing *m);

/* True when the advice item is part of what the summary shows (top or plan), false
 * when held back or not chosen. */
bool summary_advice_shown(const Summary *sum, const Advice *a);

/* True when the advice item's caution applies to these answers (no C-section caution
 * after a vaginal birth). Renderers print a caution only when this holds. */
bool summary_caution_shown(const Summary *sum, const Advice *a);

/* "urgent" or "today": the tier's name in --summary-json. */
const char *summary_tier_name(FlagTier tier);

/* Writes the summary model as JSON (the --summary-json contract: complete, flags with
 * id/tier/because, not_answered, scores, causes, advice with held, safety_net).
 * Returns 0 or PK_EIO. */
int summary_write_json(const Summary *sum, FILE *out);

/* Wipes and frees everything summary_build allocated; leaves *sum zeroed. */
void summary_free(Summary *sum);

/* Writes the answer as words in the summary's language ("Lower back, Left knee", "7",
 * "Skipped") into buf; always NUL-terminates. Returns buf. */
const char *summary_answer_text(const Summary *sum, const SummaryFact *f, char *buf, size_t size);

/* Writes the whole summary as plain text, the way the terminal mode prints it.
 * Returns 0 or PK_EIO. */
int summary_write_text(const Summary *sum, FILE *out);

#endif
