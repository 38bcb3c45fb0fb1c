/* Rule conditions: when a cause, an advice item or a flag applies, and when a question
 * is asked. A condition is a tree: all / any / not over leaves that test one answer
 * (equals, one_of, includes, includes_any, at_least, at_most, unknown). */
#ifndef PK_RULES_H
#define PK_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content.h"

typedef enum {
    COND_ALL,
    COND_ANY,
    COND_NOT,
    COND_EQUALS,       /* choice/yesno: the option; scale: the number */
    COND_ONE_OF,       /* choice: any of the options */
    COND_INCLUDES,     /* multi: the option is among the answers */
    COND_INCLUDES_ANY, /* multi: any of the options is among the answers */
    COND_AT_LEAST,     /* scale */
    COND_AT_MOST,      /* scale */
    COND_UNKNOWN,      /* no answer (skipped, "I don't know", or not reached) to a question
                          that is asked, or would be but for another answer not known */
} CondOp;

struct Cond {
    CondOp op;
    size_t question;         /* leaves: question index */
    uint32_t options;        /* leaves on options: mask of option indexes */
    int number;              /* leaves on numbers */
    const Cond *const *kids; /* all/any/not */
    size_t nkids;
};

/* ANS_DONT_KNOW: "I don't know" on a question that offers it; like a skip for rules. */
typedef enum { ANS_NONE = 0, ANS_SKIPPED, ANS_GIVEN, ANS_DONT_KNOW } AnswerState;

/* One answer. choice/yesno: one bit in options; multi: one bit per option chosen;
 * scale: value. */
typedef struct {
    AnswerState state;
    uint32_t options;
    int value;
} Answer;

/* The answers a rule can cite (the content check refuses a rule that could cite more):
 * every safety question "not sure" cites each. */
#define EVIDENCE_MAX 32

/* The questions whose answers made a condition true, and for choice/multi questions
 * the options that did (so "because you said" names only those). */
typedef struct {
    size_t question[EVIDENCE_MAX];
    uint32_t options[EVIDENCE_MAX]; /* matching options; 0 for scales */
    size_t count;
} Evidence;

/* Whether cond (NULL: no) has an "unknown" test. */
bool rules_cond_asks_unknown(const Cond *cond);

/* Whether cond (NULL: no) has a test on question q's answer, under "not" too. */
bool rules_cond_names(const Cond *cond, size_t q);

/* True when the question is asked given the answers so far (its show_if holds). */
bool rules_question_visible(const Content *c, const Answer *answers, size_t qindex);

/* True when the question is asked, or could be once the answers its show_if names
 * that are not known are known: skipped or "I don't know", and, when reached_unknown,
 * not reached. A known answer that rules it out whatever the others are says no. */
bool rules_question_could_be_asked(const Content *c, const Answer *answers, size_t qindex,
                                   bool reached_unknown);

/* The highest question index cond depends on, or -1 for NULL. */
int rules_last_question(const Cond *cond);

/* Evaluates cond against answers (indexed like c->questions; answers to questions that
 * are not visible count as not given). NULL is true. When ev is not NULL, the questions
 * of the leaves that made it true are added to it (no duplicates). */
bool rules_eval(const Content *c, const Cond *cond, const Answer *answers, Evidence *ev);

#endif
