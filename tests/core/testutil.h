/* Helpers shared by the core test suites. */
#ifndef PK_TESTUTIL_H
#define PK_TESTUTIL_H

#include "core/content.h"

/* The project's real content (assets/content), loaded once per process; aborts the
 * test on any problem. */
const Content *test_content(void);

/* The small fixture content under tests/data/content-min. */
const char *test_fixture_dir(void);

#include "core/session.h"

/* Answers the session to the end: each question named in spec ("q=opt,opt;q2=7;...")
 * gets that answer, every other question is skipped. Returns how many answers raised a
 * new urgent flag. */
int test_answer_all(Session *s, const char *spec);

/* Moves past the current question: a skip where Skip is offered, else leaves it
 * unanswered (the urgent safety questions). */
int test_move_on(Session *s);

/* Parses the answer to q written as option ids joined by ',' or a number. */
Answer test_parse_answer(const Question *q, const char *text);

#endif
