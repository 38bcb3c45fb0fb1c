/* Diagnostics: a list of problems found in content, each with a place
 * (file:line:col, or file plus a JSON path when no line is known) and a message.
 * All problems of one run are collected, then printed together. */
#ifndef PK_DIAG_H
#define PK_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
    char *file; /* owned */
    int line;   /* 1-based; 0 when unknown */
    int col;    /* 1-based; 0 when unknown */
    char *path; /* owned; JSON path like questions[3].options[1], or NULL */
    char *msg;  /* owned */
} Diag;

typedef struct {
    Diag *items;
    size_t count, cap;
} Diags;

enum { DIAGS_MAX = 200 }; /* problems kept; one more line says that more follow */

/* Appends one problem. Copies every string; control characters in the message show as
 * '?'. Silently drops it when out of memory, and
 * past DIAGS_MAX problems. */
void diags_add(Diags *d, const char *file, int line, int col, const char *path, const char *fmt,
               ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Prints one line per problem: "file:line:col: message" or "file: path: message". */
void diags_print(const Diags *d, FILE *out);

/* Frees every problem; leaves an empty list that may be reused. */
void diags_free(Diags *d);

#endif
