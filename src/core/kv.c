#include "kv.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "strmap.h"
#include "wipe.h"

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

/* Checks and applies line number lineno, n bytes at line (line[n] may be overwritten);
 * seen holds the keys set so far (pointing into the file's text) with their lines. */
static int parse_line(char *line, size_t n, int lineno, StrMap *seen, KvApply apply, void *ctx,
                      PkWhy *why)
{
    if (n > 0 && line[n - 1] == '\r')
        n--; /* a Windows line end: not one of the line's characters */
    if (n > KV_LINE_MAX)
        return pk_fail(why, PK_EINVAL, "line is longer than %d characters", KV_LINE_MAX);
    if (memchr(line, '\0', n))
        return pk_fail(why, PK_EINVAL, "line holds a NUL byte");
    if (memchr(line, '\r', n)) /* an old Mac file is one line: its first value read wrong */
        return pk_fail(why, PK_EINVAL,
                       "line holds a carriage return (lines must end with a line feed)");
    line[n] = '\0';
    /* a comment starts a line or follows a space (as isspace() has them, the ones trimmed
       off a value): "1234#5678" is a value, not the PIN 1234 with a comment after it */
    for (char *hash = line; (hash = strchr(hash, '#')) != NULL; hash++)
        if (hash == line || isspace((unsigned char)hash[-1])) {
            *hash = '\0';
            break;
        }
    char *s = trim(line);
    if (!*s)
        return 0;
    char *eq = strchr(s, '=');
    if (!eq)
        return pk_fail(why, PK_EINVAL, "expected key = value");
    *eq = '\0';
    const char *key = trim(s);
    for (const char *k = key; *k; k++) /* the key is named in messages: no terminal codes */
        if ((unsigned char)*k < 0x20 || *k == 0x7f)
            return pk_fail(why, PK_EINVAL, "a setting's name holds a control character");
    int first = 0, added = strmap_add(seen, key, lineno, &first);
    if (added < 0)
        return pk_fail(why, added, "out of memory");
    if (added == 0)
        return pk_fail(why, PK_EINVAL, "%s is set twice (lines %d and %d)", key, first, lineno);
    return apply(ctx, key, trim(eq + 1), why);
}

int kv_read(const char *path, const char *name, KvApply apply, void *ctx, int *line, PkWhy *why)
{
    char *text;
    size_t len;
    int lineno = 0;
    if (line)
        *line = 0;
    int err = file_read_regular(path, KV_FILE_MAX, &text, &len, why);
    if (err)
        return err;
    char *end = text + len, *p = text;
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
        p += 3; /* a UTF-8 byte-order mark: not part of the first key */
    StrMap seen = {0};
    for (; p < end && !err;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        char *next = nl ? nl + 1 : end;
        lineno++;
        PkWhy detail = {""};
        err = parse_line(p, n, lineno, &seen, apply, ctx, &detail);
        if (err)
            pk_fail(why, err, "%s:%d: %s", name, lineno, pk_why_text(&detail, err));
        p = next;
    }
    strmap_free(&seen);
    wipe(text, len);
    free(text);
    if (err && line)
        *line = lineno;
    return err;
}
