#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* Shows each control character of msg (C0, DEL, and C1 as UTF-8 U+0080..U+009F) as '?':
 * a message quotes the file's words, and is one line a terminal must not act on. */
static void plain(char *msg)
{
    char *out = msg;
    for (const unsigned char *p = (const unsigned char *)msg; *p; p++) {
        if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
            *out++ = '?';
            p++;
        } else {
            *out++ = *p < 0x20 || *p == 0x7f ? '?' : (char)*p;
        }
    }
    *out = '\0';
}

void diags_add(Diags *d, const char *file, int line, int col, const char *path, const char *fmt,
               ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    plain(msg);

    if (d->count > DIAGS_MAX)
        return; /* a hostile file could otherwise make millions */
    if (d->count == DIAGS_MAX) {
        snprintf(msg, sizeof msg, "more problems follow; fix these %d first", DIAGS_MAX);
        line = col = 0;
        path = NULL;
    }
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        Diag *items = realloc(d->items, cap * sizeof *items);
        if (!items)
            return;
        d->items = items;
        d->cap = cap;
    }
    Diag *it = &d->items[d->count];
    it->file = dup_or_null(file ? file : "");
    it->path = dup_or_null(path);
    it->msg = dup_or_null(msg);
    it->line = line;
    it->col = col;
    if (!it->file || !it->msg || (path && !it->path)) {
        free(it->file);
        free(it->path);
        free(it->msg);
        return;
    }
    d->count++;
}

void diags_print(const Diags *d, FILE *out)
{
    for (size_t i = 0; i < d->count; i++) {
        const Diag *it = &d->items[i];
        if (it->line > 0)
            fprintf(out, "%s:%d:%d: %s\n", it->file, it->line, it->col > 0 ? it->col : 1, it->msg);
        else if (it->path)
            fprintf(out, "%s: %s: %s\n", it->file, it->path, it->msg);
        else
            fprintf(out, "%s: %s\n", it->file, it->msg);
    }
}

void diags_free(Diags *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].file);
        free(d->items[i].path);
        free(d->items[i].msg);
    }
    free(d->items);
    d->items = NULL;
    d->count = d->cap = 0;
}
