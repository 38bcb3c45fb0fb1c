/* Answers files (ppkiosk --answers FILE): one "QUESTION_ID=VALUE" per line, where VALUE
 * is an option id, several option ids joined by "," (multi questions), a number
 * (scales), "skip" or "dontknow". Blank lines and lines starting with "#" are ignored;
 * spaces around the id and the value are allowed. Questions not listed are left
 * unanswered. Clinicians use it to test a rule change; the stories tests use it.
 *
 * answers_parse() takes any bytes (it is the entry point of the fuzz harness): it never
 * reads past len and reports the first problem with its line. */
#ifndef PK_ANSWERS_FILE_H
#define PK_ANSWERS_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "error.h"
#include "rules.h"
#include "session.h"

typedef struct {
    Answer *answers; /* one per question of the content; ANS_NONE when not listed */
    size_t count;
} AnswerFile;

/* Parses text (len bytes, need not be NUL-terminated) against the content into *out,
 * which the caller frees with answers_free(). name is what the text is called in reasons
 * (the file name); a UTF-8 byte-order mark at the start is passed over. Returns 0; PK_EINVAL with
 * "NAME:LINE: reason" in why for an unknown question or value, a repeated question, a skip where
 * none is allowed or a line that is not ID=VALUE; PK_ENOMEM. On error *out holds nothing. */
int answers_parse(const Content *c, const char *name, const char *text, size_t len, AnswerFile *out,
                  PkWhy *why);

/* Wipes and frees the answers. */
void answers_free(AnswerFile *af);

/* Plays the answers into a fresh session, question by question in the order the
 * interview asks them: listed answers are given, skip and dontknow are recorded as such,
 * unlisted questions are passed over unanswered. Urgent flags are raised as in the
 * kiosk (the interview goes on, unacknowledged). Returns 0, with a note in why (may be
 * NULL; "" otherwise) when a listed question was never asked (its show_if is false with
 * the other answers) and its answer not used; or a negative PK_E* code with the reason. */
int answers_play(const AnswerFile *af, Session *s, PkWhy *why);

#endif
