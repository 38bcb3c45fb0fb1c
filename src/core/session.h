/* One patient's interview: the current question, the answers, the history for "go
 * back", branching, urgent flags. Answers live only here, in memory, and are wiped
 * (overwritten, not just freed) by session_restart() and session_free(). */
#ifndef PK_SESSION_H
#define PK_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "rules.h"

typedef struct Session Session;

/* Returned by session_answer() when the answer raised an urgent flag that had not
 * been raised before: the interview must stop and staff must be told. */
#define SESSION_URGENT 1

/* Starts an interview at the first visible question. The content must outlive the
 * session. Returns NULL when out of memory. */
Session *session_new(const Content *c, Lang lang);

/* Wipes every answer, then frees the session. NULL is allowed. */
void session_free(Session *s);

/* Wipes every answer and the history, and starts again at the first question. */
void session_restart(Session *s);

Lang session_lang(const Session *s);
void session_set_lang(Session *s, Lang lang);
const Content *session_content(const Session *s);

/* The question being asked, or NULL when the interview is finished. */
const Question *session_question(const Session *s);
/* Its index in the content, or -1 when finished. */
int session_question_index(const Session *s);

/* Progress among the questions that will be asked given the answers so far:
 * *pos is 1-based; both are 0 when finished. */
void session_progress(const Session *s, size_t *pos, size_t *total);

bool session_finished(const Session *s);

/* Records the answer to the current question and moves to the next visible one.
 * Returns 0, SESSION_URGENT when an urgent flag is newly raised (session_urgent_flag()
 * tells which), PK_EINVAL when the answer does not fit the question, or PK_ESTATE when
 * the interview is finished. */
int session_answer(Session *s, const Answer *a);

/* Skips the current question ("skip" or "I don't know"). PK_ESTATE when the question
 * cannot be skipped or the interview is finished. */
int session_skip(Session *s);

/* Like session_skip(), but records "I don't know" (ANS_DONT_KNOW). */
int session_dont_know(Session *s);

/* Moves past the current question leaving it unanswered (ANS_NONE), even where Skip is
 * not offered: for replaying answers files, never for a patient. PK_ESTATE when
 * finished. */
int session_pass(Session *s);

/* Goes back to the previous question asked; its earlier answer is kept so it can be
 * shown as selected. PK_ESTATE at the first question. */
int session_back(Session *s);

/* The most recent urgent flag raised, or NULL. */
const Flag *session_urgent_flag(const Session *s);

/* True when urgent flag number i (index into content->flags) was raised in this
 * session, even if the answer that raised it was changed afterwards. */
bool session_flag_raised(const Session *s, size_t i);

/* The answers that raised urgent flag i, as they were when it was raised (she may have
 * changed them since): their questions in ev, each answer then in said[k]. False (and
 * nothing written) when flag i was not raised. */
bool session_raised_by(const Session *s, size_t i, Evidence *ev, Answer said[EVIDENCE_MAX]);

/* Every answer (indexed like content->questions) as it was when urgent flag i was
 * raised, or NULL (not raised, or no memory to keep them). */
const Answer *session_raised_answers(const Session *s, size_t i);

/* True when she has said anything in this session: an answer (a skip too), or an
 * urgent flag raised. */
bool session_anything_said(const Session *s);

/* True when any urgent flag has been raised in this session. */
bool session_any_urgent(const Session *s);

/* Records who acknowledged the urgent screen (staff PIN, or the patient saying she
 * told the front desk); the summary reports it. */
void session_acknowledge_urgent(Session *s, int how);

/* What session_acknowledge_urgent() recorded last, 0 when nothing. */
int session_urgent_ack(const Session *s);

/* The answers, indexed like content->questions (valid until the next call that changes
 * the session). */
const Answer *session_answers(const Session *s);

#endif
