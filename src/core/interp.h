/* The answer interpreter, shared by typed text and recognised speech: turns a phrase
 * into an answer to the current question or a global command. Unknown input is "not
 * understood", never a guess.
 *
 * Text is normalised before matching: lower case, accents folded (sí -> si, and a
 * combining accent dropped), punctuation and symbols of ASCII and Latin-1 and the
 * general punctuation become a space, spaces collapse. Any other character (a letter of
 * another script, a fraction, an emoji) is kept as it is: a word with one matches no
 * phrase, so the input is not understood rather than read without it. Content phrases
 * are normalised the same way when loaded. */
#ifndef PK_INTERP_H
#define PK_INTERP_H

#include <stddef.h>

#include "content.h"
#include "rules.h"

typedef enum {
    INTERP_NOT_UNDERSTOOD = 0,
    INTERP_ANSWER,
    INTERP_COMMAND,
} InterpKind;

typedef struct {
    InterpKind kind;
    Answer answer;   /* INTERP_ANSWER */
    Command command; /* INTERP_COMMAND */
} InterpResult;

/* Interprets text as an answer to q (or a command) in the given language. Accepts
 * option labels and phrases, numbered options when the text is nothing but digits ("2",
 * "1 3"), numbers as digits or words on a scale ("7", "seven", "about a seven out of
 * ten", but never "7+", ">8" or "5.5"), yes/no forms (never in a question: "it hurts,
 * no?"), several options of a multi question in one phrase ("my knees and lower back").
 * Always fills *out. */
void interp_parse(const Content *c, const Question *q, Lang lang, const char *text,
                  InterpResult *out);

/* Normalises src into dst (see above); always NUL-terminates. Returns strlen(dst). */
size_t interp_normalize(const char *src, char *dst, size_t dstsize);

#endif
