/* libFuzzer: the JSON reader on any bytes. Every tree it accepts is walked, looking up
 * each key again, so positions and members are all touched. The text is also checked
 * here, by code point, for what the reader must refuse: a NUL byte or bytes that are not
 * UTF-8 (overlong forms, surrogates, past U+10FFFF, cut sequences) fail the parse, with
 * the line and column of the first of them. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t walk(const JsonValue *v, int depth)
{
    size_t n = 1;
    if (v->type == JSON_ARRAY)
        for (size_t i = 0; i < v->count; i++)
            n += walk(v->items[i], depth + 1);
    if (v->type == JSON_OBJECT)
        for (size_t i = 0; i < v->count; i++) {
            if (json_get(v, v->members[i].key) == NULL)
                __builtin_trap(); /* a key it has must be found */
            n += walk(v->members[i].value, depth + 1);
        }
    return n + (size_t)v->type + (size_t)depth;
}

/* The bytes of the character at p: decoded to its code point, which must need that many
 * bytes and be a scalar value; 0 for a NUL byte or bytes that are not UTF-8. */
static size_t char_bytes(const uint8_t *p, const uint8_t *end)
{
    size_t n = p[0] < 0x80         ? 1
               : (p[0] >> 5) == 6  ? 2
               : (p[0] >> 4) == 14 ? 3
               : (p[0] >> 3) == 30 ? 4
                                   : 0;
    if (n == 0 || p[0] == 0 || (size_t)(end - p) < n)
        return 0;
    uint32_t cp = n == 1 ? p[0] : p[0] & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3Fu);
    }
    static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Whether data holds a NUL byte or bytes that are not UTF-8, and the line and column (in
 * characters, after a byte order mark) of the first. */
static bool bad_bytes(const uint8_t *data, size_t size, int *line, int *col)
{
    const uint8_t *p = data, *end = data + size;
    if (size >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    *line = *col = 1;
    for (size_t n; p < end; p += n) {
        if (!(n = char_bytes(p, end)))
            return true;
        if (*p == '\n') {
            ++*line;
            *col = 1;
        } else {
            ++*col;
        }
    }
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Arena a = {0};
    JsonValue *root;
    JsonError err;
    int line, col;
    bool bad = bad_bytes(data, size, &line, &col);
    if (json_parse((const char *)data, size, &a, &root, &err) == 0) {
        if (bad)
            __builtin_trap(); /* a NUL byte or bytes that are not UTF-8 were taken */
        walk(root, 0);
    } else if (err.line < 1 || err.col < 1) {
        __builtin_trap(); /* every error has a place */
    } else if (bad && (err.line != line || err.col != col ||
                       (!strstr(err.msg, "NUL byte") && !strstr(err.msg, "invalid UTF-8")))) {
        __builtin_trap(); /* the bytes are checked first, and the first bad one is named */
    }
    arena_free(&a);
    return 0;
}
