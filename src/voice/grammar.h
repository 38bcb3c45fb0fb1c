/* JSGF grammars made from the content: for one question, its options' English phrases
 * and labels (or the numbers of a scale, or yes and no) with filler words around them,
 * plus the global commands. Phrases with digits are for typing and are left out. Each
 * word is spelled the way the pronunciation dictionary has it ("don t" becomes "don't");
 * grammar_rewrite() turns recognised words back into the content's spelling so that
 * the answer interpreter (interp_parse) can read them. */
#ifndef PK_GRAMMAR_H
#define PK_GRAMMAR_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/content.h"
#include "../core/rules.h"

/* Answers whether the recogniser has a pronunciation for word. */
typedef bool (*GrammarKnows)(void *ctx, const char *word);

typedef struct GrammarSpelling GrammarSpelling;

/* The dictionary spellings that differ from the content's: filled by grammar_build(),
 * read by grammar_rewrite(). Zero-initialise; free with grammar_spelling_free(). */
typedef struct {
    GrammarSpelling *items;
    size_t n, cap;
} GrammarSpellings;

typedef enum {
    GRAMMAR_ANSWERS,  /* the answers of q alone (NULL: yes, no and the language names) */
    GRAMMAR_COMMANDS, /* the global commands that apply while q is asked */
    GRAMMAR_YESNO,    /* the one-word yes and no forms: confirmations */
} GrammarPart;

#define GRAMMAR_NONE (-1) /* exclude nothing */

/* Builds one grammar for q into a malloc'd string stored in *jsgf (caller frees):
 * part of it (above), without the phrases of answer key exclude (see
 * grammar_answer_key(); GRAMMAR_NONE keeps all) for the leave-one-out pass. Only the
 * lexicon's filler words listed in fillers (separated by spaces or commas; NULL: all)
 * may come between the answers of a multi question. Returns 0, PK_ENOMEM, or
 * PK_ECONTENT when a word has no pronunciation (then where, if not NULL, holds
 * "word 'x' in 'phrase'") or nothing is left to say. */
int grammar_build(const Content *c, const Question *q, GrammarPart part, int exclude,
                  const char *fillers, GrammarKnows knows, void *ctx, GrammarSpellings *sp,
                  char **jsgf, char *where, size_t wheresize);

/* Widens *jsgf, a single-answer grammar from grammar_build() (a multi one is left as
 * it is), with the words of garbage (one per line; '#' starts a comment) that have a
 * pronunciation and are not a word of full (the grammar of all the question's
 * answers): words that are not answers, to win over an answer that only sounds like
 * what was said. Replaces *jsgf (caller frees); returns 0 or PK_ENOMEM. */
int grammar_add_garbage(char **jsgf, const char *full, const char *garbage, GrammarKnows knows,
                        void *ctx);

/* The answer key of a, as grammar_build() excludes it: the value on a scale, the
 * option index, 0 yes / 1 no; GRAMMAR_NONE for several options or no question. */
int grammar_answer_key(const Question *q, const Answer *a);

/* Writes the recognised words hyp into out with the content's spellings restored. */
void grammar_rewrite(const GrammarSpellings *sp, const char *hyp, char *out, size_t size);

/* Frees the spellings and leaves sp empty, ready for reuse. */
void grammar_spelling_free(GrammarSpellings *sp);

#endif
