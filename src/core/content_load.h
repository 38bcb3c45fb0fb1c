/* Internal to the content loader (content.c, content_parse.c, content_lexicon.c,
 * content_check.c): the loading context and the helpers its parts share, all prefixed
 * cload_. Not part of the public content interface. */
#ifndef PK_CONTENT_LOAD_H
#define PK_CONTENT_LOAD_H

#include "arena.h"
#include "content.h"
#include "json.h"
#include "rules.h"
#include "strmap.h"

struct ContentPrivate {
    Arena arena;
    const char **ui_keys;
    Text *ui_texts;
    size_t nui;
    StrMap ui_map; /* key -> index in ui_keys */
};

typedef struct {
    Content *c;
    Arena *arena; /* the content's own arena */
    Diags *diags;
    const char *file;    /* the file being read, as shown in messages */
    StrMap question_ids; /* id -> index in c->questions */
    bool no_unknown;     /* the rule being read is decided during the interview (a flag,
                            a show_if): the "unknown" test is refused there */
    bool nomem;
} Loader;

/* Reports a problem at the position of v (or of the file when v is NULL). */
void cload_error(Loader *L, const JsonValue *v, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Allocation in the content's arena; on failure sets L->nomem and returns NULL. */
void *cload_alloc(Loader *L, size_t size);
const char *cload_strdup(Loader *L, const char *s);

/* Checks that obj is an object whose keys are all among allowed (NULL-terminated),
 * reporting unknown ones; false when obj is not an object at all. */
bool cload_object(Loader *L, const JsonValue *obj, const char *what, const char *const *allowed);

/* True for ids made of lower-case letters, digits and '_'. */
bool cload_valid_id(const char *s);

/* The name of entry i of a list in messages: 'question "rf_chest"' when it has a valid
 * id, else "question 3" (an unknown field once named the entry by its place only). */
void cload_entry_name(const JsonValue *v, const char *kind, size_t i, char *what, size_t size);

/* The "id" member of obj, checked and copied; NULL after reporting a problem. */
const char *cload_id(Loader *L, const JsonValue *obj, const char *what);

/* Records id (of entry v, at index) in ids, reporting a duplicate; what names the kind
 * of entry ("cause"). A NULL id is passed over. */
void cload_note_id(Loader *L, StrMap *ids, const JsonValue *v, const char *id, int index,
                   const char *what);

/* Reads v as {"en": "...", "es": "..."} into *out; ctx names it in messages. */
void cload_text_value(Loader *L, const JsonValue *v, const char *ctx, Text *out);

/* Reads obj[key] as {"en": "...", "es": "..."} into *out (NULLs when absent). */
void cload_text(Loader *L, const JsonValue *obj, const char *key, const char *what, bool required,
                Text *out);

/* Reads a JSON list of phrases, normalised, into *out / *n. */
void cload_phrase_list(Loader *L, const JsonValue *arr, const char *what, const char *const **out,
                       size_t *n);

/* Reads {"en": [...], "es": [...]}; with required, each language needs a phrase. */
void cload_phrases(Loader *L, const JsonValue *v, const char *what, bool required,
                   const char *const **out, size_t *n);

/* The top-level list root[key], or NULL after reporting a problem. */
const JsonValue *cload_list(Loader *L, const JsonValue *root, const char *key);

/* Parses a rule condition; questions at index >= limit may not be named (show_if may
 * only look back). NULL after reporting a problem. */
const Cond *cload_cond(Loader *L, const JsonValue *v, size_t limit, const char *what);

/* The two files read before the questions (yes/no options are built from them). */
void cload_ui(Loader *L, const JsonValue *root);
void cload_lexicon(Loader *L, const JsonValue *root);

/* questions.json (content_questions.c). */
void cload_questions(Loader *L, const JsonValue *root);

/* Cross-file checks once everything is loaded: ambiguous phrases, phrases that are also
 * commands or filler words, duplicate ids across a file. Appends problems to diags. */
void cload_check(Loader *L, const char *dir, const JsonValue *questions_root);

#endif
