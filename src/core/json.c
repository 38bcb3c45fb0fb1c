#include "json.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "strmap.h"

enum {
    JSON_MAX_DEPTH = 64,
    JSON_LINEAR_KEYS = 8, /* objects with more members check duplicates with a hash map */
};

typedef struct {
    const char *p, *end;
    int line, col;
    Arena *arena;
    JsonError *err;
    int depth;
} Parser;

static int fail(Parser *ps, const char *msg)
{
    ps->err->line = ps->line;
    ps->err->col = ps->col;
    snprintf(ps->err->msg, sizeof ps->err->msg, "%s", msg);
    return PK_EINVAL;
}

static void advance(Parser *ps)
{
    if (*ps->p == '\n') {
        ps->line++;
        ps->col = 1;
    } else if (((unsigned char)*ps->p & 0xC0) != 0x80) {
        ps->col++; /* count characters, not UTF-8 continuation bytes */
    }
    ps->p++;
}

static void skip_space(Parser *ps)
{
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
        advance(ps);
}

static JsonValue *new_value(Parser *ps, JsonType type)
{
    JsonValue *v = arena_alloc(ps->arena, sizeof *v);
    if (v) {
        v->type = type;
        v->line = ps->line;
        v->col = ps->col;
    }
    return v;
}

static int hex4(Parser *ps, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        if (ps->p >= ps->end)
            return fail(ps, "unfinished \\u escape");
        char c = *ps->p;
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return fail(ps, "bad \\u escape");
        advance(ps);
    }
    *out = v;
    return 0;
}

static size_t put_utf8(char *d, uint32_t cp)
{
    if (cp < 0x80) {
        d[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        d[0] = (char)(0xC0 | (cp >> 6));
        d[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        d[0] = (char)(0xE0 | (cp >> 12));
        d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        d[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    d[0] = (char)(0xF0 | (cp >> 18));
    d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    d[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    d[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes the \u escape after "\u" into *out; a high surrogate takes the "\uDCxx" that
 * must follow it. */
static int unicode_escape(Parser *ps, uint32_t *out)
{
    uint32_t cp, lo;
    int rc = hex4(ps, &cp);
    if (rc)
        return rc;
    if (cp >= 0xD800 && cp < 0xDC00) {
        if (ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u')
            return fail(ps, "lone surrogate in \\u escape");
        advance(ps);
        advance(ps);
        if ((rc = hex4(ps, &lo)))
            return rc;
        if (lo < 0xDC00 || lo > 0xDFFF)
            return fail(ps, "bad surrogate pair in \\u escape");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    } else if (cp >= 0xDC00 && cp < 0xE000) {
        return fail(ps, "lone surrogate in \\u escape");
    }
    if (cp == 0)
        return fail(ps, "\\u0000 is not allowed");
    *out = cp;
    return 0;
}

/* Decodes the escape after a backslash, appending it to buf at *n. */
static int escape(Parser *ps, char *buf, size_t *n)
{
    static const struct {
        char letter, byte; /* the letter after the backslash, the byte it stands for */
    } simple[] = {{'"', '"'},  {'\\', '\\'}, {'/', '/'},  {'b', '\b'},
                  {'f', '\f'}, {'n', '\n'},  {'r', '\r'}, {'t', '\t'}};
    if (ps->p >= ps->end)
        return fail(ps, "unterminated string");
    char e = *ps->p;
    advance(ps);
    for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++)
        if (simple[i].letter == e) {
            buf[(*n)++] = simple[i].byte;
            return 0;
        }
    if (e != 'u')
        return fail(ps, "bad escape in string");
    uint32_t cp;
    int rc = unicode_escape(ps, &cp);
    if (rc)
        return rc;
    *n += put_utf8(buf + *n, cp);
    return 0;
}

/* Parses a string at ps->p (on the opening quote) into arena memory. */
static int parse_string(Parser *ps, const char **out)
{
    advance(ps); /* opening quote */
    const char *start = ps->p;
    /* The decoded string is never longer than the source. */
    size_t cap = 0;
    for (const char *q = start; q < ps->end && *q != '"'; q++)
        cap += (*q == '\\' && q + 1 < ps->end) ? (q++, 2) : 1;
    char *buf = arena_alloc(ps->arena, cap + 1);
    if (!buf)
        return PK_ENOMEM;
    size_t n = 0;
    for (;;) {
        if (ps->p >= ps->end)
            return fail(ps, "unterminated string");
        unsigned char c = (unsigned char)*ps->p;
        if (c == '"')
            break;
        if (c < 0x20)
            return fail(ps, "control character in string (use \\n)");
        advance(ps);
        if (c != '\\') {
            buf[n++] = (char)c;
            continue;
        }
        int rc = escape(ps, buf, &n);
        if (rc)
            return rc;
    }
    advance(ps); /* closing quote */
    buf[n] = '\0';
    *out = buf;
    return 0;
}

static int parse_value(Parser *ps, JsonValue **out);

/* Collects values into a temporary growing array, then copies them into the arena. */
typedef struct {
    void *items;
    size_t n, cap, size;
} Vec;

static int vec_push(Vec *v, const void *item)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        void *items = realloc(v->items, cap * v->size);
        if (!items)
            return PK_ENOMEM;
        v->items = items;
        v->cap = cap;
    }
    memcpy((char *)v->items + v->n * v->size, item, v->size);
    v->n++;
    return 0;
}

static void *vec_to_arena(Vec *v, Arena *a)
{
    void *dst = arena_alloc(a, v->n * v->size);
    if (dst && v->n)
        memcpy(dst, v->items, v->n * v->size);
    return dst;
}

/* Steps over the opening bracket; true, and over close too, when the list is empty. */
static bool opens_empty(Parser *ps, char close)
{
    advance(ps);
    skip_space(ps);
    if (ps->p < ps->end && *ps->p == close) {
        advance(ps);
        return true;
    }
    return false;
}

/* After an item of an array (close ']') or an object ('}'): a ',' not followed by close
 * means another item (*more), close ends the list. */
static int after_item(Parser *ps, char close, bool *more)
{
    bool array = close == ']';
    skip_space(ps);
    *more = ps->p < ps->end && *ps->p == ',';
    if (*more) {
        advance(ps);
        skip_space(ps);
        if (ps->p < ps->end && *ps->p == close)
            return fail(ps, array ? "trailing comma before ']'" : "trailing comma before '}'");
        return 0;
    }
    if (ps->p < ps->end && *ps->p == close) {
        advance(ps);
        return 0;
    }
    return fail(ps, array ? "expected ',' or ']' in array" : "expected ',' or '}' in object");
}

static int parse_array(Parser *ps, JsonValue *arr)
{
    Vec vec = {.size = sizeof(JsonValue *)};
    bool more = !opens_empty(ps, ']');
    int rc = 0;
    while (more && rc == 0) {
        JsonValue *item;
        skip_space(ps);
        if (!(rc = parse_value(ps, &item)) && !(rc = vec_push(&vec, &item)))
            rc = after_item(ps, ']', &more);
    }
    if (!rc) {
        arr->count = vec.n;
        arr->items = vec_to_arena(&vec, ps->arena);
        if (!arr->items)
            rc = PK_ENOMEM;
    }
    free(vec.items);
    return rc;
}

/* Records key k (member number i of the object's members in vec); PK_EINVAL when the
 * key is there already. */
static int note_key(Vec *vec, StrMap *seen, const char *k)
{
    const JsonMember *ms = vec->items;
    if (vec->n < JSON_LINEAR_KEYS) {
        for (size_t i = 0; i < vec->n; i++)
            if (strcmp(ms[i].key, k) == 0)
                return PK_EINVAL;
        return 0;
    }
    if (seen->count == 0)
        for (size_t i = 0; i < vec->n; i++)
            if (strmap_add(seen, ms[i].key, 0, NULL) < 0)
                return PK_ENOMEM;
    int rc = strmap_add(seen, k, 0, NULL);
    return rc < 0 ? rc : rc == 0 ? PK_EINVAL : 0;
}

/* Parses one "key": value member into vec, refusing a key the object has already. */
static int parse_member(Parser *ps, Vec *vec, StrMap *seen)
{
    JsonMember m = {0};
    skip_space(ps);
    if (ps->p >= ps->end || *ps->p != '"')
        return fail(ps, "expected a \"key\" in object");
    m.line = ps->line;
    m.col = ps->col;
    int rc = parse_string(ps, &m.key);
    if (rc)
        return rc;
    if ((rc = note_key(vec, seen, m.key))) {
        if (rc != PK_EINVAL)
            return rc;
        ps->line = m.line;
        ps->col = m.col;
        return fail(ps, "duplicate key in object");
    }
    skip_space(ps);
    if (ps->p >= ps->end || *ps->p != ':')
        return fail(ps, "expected ':' after key");
    advance(ps);
    skip_space(ps);
    if ((rc = parse_value(ps, &m.value)))
        return rc;
    return vec_push(vec, &m);
}

static int parse_object(Parser *ps, JsonValue *obj)
{
    Vec vec = {.size = sizeof(JsonMember)};
    StrMap seen = {0};
    bool more = !opens_empty(ps, '}');
    int rc = 0;
    while (more && rc == 0)
        if (!(rc = parse_member(ps, &vec, &seen)))
            rc = after_item(ps, '}', &more);
    if (!rc) {
        obj->count = vec.n;
        obj->members = vec_to_arena(&vec, ps->arena);
        if (!obj->members)
            rc = PK_ENOMEM;
    }
    strmap_free(&seen);
    free(vec.items);
    return rc;
}

static int parse_number(Parser *ps, JsonValue *v)
{
    const char *s = ps->p;
    const char *q = s;
    if (q < ps->end && *q == '-')
        q++;
    if (q >= ps->end || *q < '0' || *q > '9')
        return fail(ps, "bad number");
    if (*q == '0' && q + 1 < ps->end && q[1] >= '0' && q[1] <= '9')
        return fail(ps, "numbers may not start with 0");
    while (q < ps->end && ((*q >= '0' && *q <= '9') || *q == '.' || *q == 'e' || *q == 'E' ||
                           *q == '+' || *q == '-'))
        q++;
    char tmp[64];
    size_t n = (size_t)(q - s);
    if (n >= sizeof tmp)
        return fail(ps, "number too long");
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    char *endp;
    v->number = strtod(tmp, &endp);
    if (*endp != '\0')
        return fail(ps, "bad number");
    while (ps->p < q)
        advance(ps);
    return 0;
}

static int parse_literal(Parser *ps, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
        return fail(ps, "unexpected character (not a JSON value)");
    for (size_t i = 0; i < n; i++)
        advance(ps);
    return 0;
}

static int parse_value(Parser *ps, JsonValue **out)
{
    if (ps->p >= ps->end)
        return fail(ps, "unexpected end of file");
    if (++ps->depth > JSON_MAX_DEPTH)
        return fail(ps, "nested too deeply");
    int rc;
    JsonValue *v = NULL;
    switch (*ps->p) {
    case '{':
        if (!(v = new_value(ps, JSON_OBJECT)))
            return PK_ENOMEM;
        rc = parse_object(ps, v);
        break;
    case '[':
        if (!(v = new_value(ps, JSON_ARRAY)))
            return PK_ENOMEM;
        rc = parse_array(ps, v);
        break;
    case '"':
        if (!(v = new_value(ps, JSON_STRING)))
            return PK_ENOMEM;
        rc = parse_string(ps, &v->string);
        break;
    case 't':
    case 'f':
        if (!(v = new_value(ps, JSON_BOOL)))
            return PK_ENOMEM;
        v->boolean = *ps->p == 't';
        rc = parse_literal(ps, v->boolean ? "true" : "false");
        break;
    case 'n':
        if (!(v = new_value(ps, JSON_NULL)))
            return PK_ENOMEM;
        rc = parse_literal(ps, "null");
        break;
    default:
        if (!strchr("-+.", *ps->p) && (*ps->p < '0' || *ps->p > '9')) {
            /* urgent for "urgent": a word, not a number that went wrong */
            bool letter = (*ps->p >= 'a' && *ps->p <= 'z') || (*ps->p >= 'A' && *ps->p <= 'Z');
            rc = fail(ps, letter ? "unexpected word (not a JSON value; a text needs \"double "
                                   "quotes\")"
                                 : "unexpected character (not a JSON value)");
            break;
        }
        if (!(v = new_value(ps, JSON_NUMBER)))
            return PK_ENOMEM;
        rc = parse_number(ps, v);
        break;
    }
    ps->depth--;
    if (!rc)
        *out = v;
    return rc;
}

/* The length of the valid UTF-8 sequence at p (strict: no overlong forms, no
 * surrogates, nothing past U+10FFFF), or 0 when the bytes there are not one. */
static size_t utf8_sequence(const unsigned char *p, const unsigned char *end)
{
    size_t n = end - p >= 4 ? 4 : (size_t)(end - p);
    if (p[0] < 0x80)
        return 1;
    if (p[0] >= 0xC2 && p[0] <= 0xDF)
        return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        unsigned char lo = p[0] == 0xE0 ? 0xA0 : 0x80, hi = p[0] == 0xED ? 0x9F : 0xBF;
        return n >= 3 && p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 ? 3 : 0;
    }
    if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        unsigned char lo = p[0] == 0xF0 ? 0x90 : 0x80, hi = p[0] == 0xF4 ? 0x8F : 0xBF;
        return n >= 4 && p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80
                   ? 4
                   : 0;
    }
    return 0;
}

/* Moves the parser to at (counting lines and columns) and reports msg there. */
static int fail_at(Parser *ps, const char *at, const char *msg)
{
    while (ps->p < at)
        advance(ps);
    return fail(ps, msg);
}

/* Refuses a NUL byte or bytes that are not UTF-8, pointing at the first one. */
static int check_bytes(Parser *ps)
{
    const unsigned char *p = (const unsigned char *)ps->p, *end = (const unsigned char *)ps->end;
    while (p < end) {
        if (*p == 0)
            return fail_at(ps, (const char *)p, "file contains a NUL byte");
        size_t n = utf8_sequence(p, end);
        if (n == 0)
            return fail_at(ps, (const char *)p, "invalid UTF-8 (save the file as UTF-8)");
        p += n;
    }
    return 0;
}

int json_parse(const char *text, size_t len, Arena *arena, JsonValue **out, JsonError *err)
{
    Parser ps = {.p = text, .end = text + len, .line = 1, .col = 1, .arena = arena, .err = err};
    /* A UTF-8 byte order mark is tolerated: some editors write one. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        ps.p += 3;
    int rc = check_bytes(&ps);
    if (rc)
        return rc;
    ps.p = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? text + 3 : text;
    ps.line = ps.col = 1;
    skip_space(&ps);
    rc = parse_value(&ps, out);
    if (rc)
        return rc;
    skip_space(&ps);
    if (ps.p != ps.end)
        return fail(&ps, "extra text after the JSON value");
    return 0;
}

const JsonMember *json_member(const JsonValue *v, const char *key)
{
    if (!v || v->type != JSON_OBJECT)
        return NULL;
    for (size_t i = 0; i < v->count; i++)
        if (strcmp(v->members[i].key, key) == 0)
            return &v->members[i];
    return NULL;
}

const JsonValue *json_get(const JsonValue *v, const char *key)
{
    const JsonMember *m = json_member(v, key);
    return m ? m->value : NULL;
}
