/* Internal to the content loader (content.c, content_check.c): the loading context and
 * helpers shared by its two halves. Not part of the public content interface. */
#ifndef PK_CONTENT_LOAD_H
#define PK_CONTENT_LOAD_H

#include "arena.h"
#include "content.h"
#include "json.h"
#include "rules.h"

struct ContentPrivate {
    Arena arena;
    const char **ui_keys;
    Text *ui_texts;
    size_t nui;
};

typedef struct {
    Content *c;
    Arena *arena; /* the content's own arena */
    Diags *diags;
    const char *file; /* the file being read, as shown in messages */
    bool nomem;
} Loader;

/* Reports a problem at the position of v (or of the file when v is NULL). */
void loader_error(Loader *L, const JsonValue *v, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Cross-file checks once everything is loaded: ambiguous phrases, phrases that are also
 * commands or filler words, duplicate ids across a file. Appends problems to diags. */
void content_check(Loader *L, const char *dir, const JsonValue *questions_root);

#endif
