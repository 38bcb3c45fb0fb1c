/* Helpers that read pieces of content JSON (ids, texts, phrase lists, objects with known
 * fields) and rule conditions, each reporting problems with their place. */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "content_load.h"
#include "interp.h"

void cload_error(Loader *L, const JsonValue *v, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diags_add(L->diags, L->file, v ? v->line : 0, v ? v->col : 0, NULL, "%s", msg);
}

void *cload_alloc(Loader *L, size_t size)
{
    void *p = arena_alloc(L->arena, size);
    if (!p)
        L->nomem = true;
    return p;
}

const char *cload_strdup(Loader *L, const char *s)
{
    char *d = arena_strndup(L->arena, s, strlen(s));
    if (!d)
        L->nomem = true;
    return d;
}

/* Checks that obj is an object whose keys are all among allowed (NULL-terminated). */
bool cload_object(Loader *L, const JsonValue *obj, const char *what, const char *const *allowed)
{
    if (!obj || obj->type != JSON_OBJECT) {
        cload_error(L, obj, "%s must be an object { ... }", what);
        return false;
    }
    for (size_t i = 0; i < obj->count; i++) {
        const char *k = obj->members[i].key;
        bool ok = false;
        for (const char *const *a = allowed; *a && !ok; a++)
            ok = strcmp(*a, k) == 0;
        if (!ok) {
            diags_add(L->diags, L->file, obj->members[i].line, obj->members[i].col, NULL,
                      "%s: unknown field \"%s\"", what, k);
        }
    }
    return true;
}

bool cload_valid_id(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_'))
            return false;
    return true;
}

/* Records id (of entry v, at index) in ids, reporting a duplicate. */
void cload_note_id(Loader *L, StrMap *ids, const JsonValue *v, const char *id, int index,
                   const char *what)
{
    int rc = id ? strmap_add(ids, id, index, NULL) : 1;
    if (rc < 0)
        L->nomem = true;
    else if (rc == 0)
        cload_error(L, json_get(v, "id"), "duplicate %s id \"%s\"", what, id);
}

/* Reads a required id string member. */
const char *cload_id(Loader *L, const JsonValue *obj, const char *what)
{
    const JsonValue *v = json_get(obj, "id");
    if (!v) {
        cload_error(L, obj, "%s has no \"id\"", what);
        return NULL;
    }
    if (v->type != JSON_STRING || !cload_valid_id(v->string)) {
        cload_error(L, v, "%s: \"id\" must be lower-case letters, digits and _", what);
        return NULL;
    }
    return cload_strdup(L, v->string);
}

/* Reads {"en": "...", "es": "..."}. A missing member is an error when required. */
void cload_text(Loader *L, const JsonValue *obj, const char *key, const char *what, bool required,
                Text *out)
{
    memset(out, 0, sizeof *out);
    const JsonValue *v = json_get(obj, key);
    if (!v) {
        if (required)
            cload_error(L, obj, "%s has no \"%s\" text", what, key);
        return;
    }
    char ctx[160];
    snprintf(ctx, sizeof ctx, "%s \"%s\"", what, key);
    cload_text_value(L, v, ctx, out);
}

/* True when s shows nothing: only spaces, the Unicode spaces and the invisible
 * joiners (U+00A0, U+2000-U+200D, U+2028-U+202F, U+205F-U+2060, U+3000, U+FEFF). The
 * text is valid UTF-8 (json.c checked it). */
static bool blank(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
        else if (p[0] == 0xC2 && p[1] == 0xA0)
            p += 2;
        else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] <= 0x8D || (p[2] >= 0xA8 && p[2] <= 0xAF)))
            p += 3;
        else if (p[0] == 0xE2 && p[1] == 0x81 && (p[2] == 0x9F || p[2] == 0xA0))
            p += 3;
        else if ((p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) ||
                 (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF))
            p += 3;
        else
            return false;
    }
    return true;
}

/* True when s puts more than two combining marks on one letter (U+0300-U+036F,
 * U+1AB0-U+1AFF, U+1DC0-U+1DFF, U+20D0-U+20FF, U+FE20-U+FE2F). No language of the kiosk
 * needs more; a stack of them draws over the line above. Valid UTF-8, as above. */
static bool stacked_marks(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    int run = 0;
    while (*p) {
        size_t n = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        unsigned cp = n == 1   ? p[0]
                      : n == 2 ? (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu)
                      : n == 3 ? (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu)
                               : 0x10000; /* beyond every range below */
        bool mark = (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
                    (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
                    (cp >= 0xFE20 && cp <= 0xFE2F);
        run = mark ? run + 1 : 0;
        if (run > 2)
            return true;
        p += n;
    }
    return false;
}

/* The first control character of s (U+0000-U+001F but the line feed, U+007F, and the C1
 * controls U+0080-U+009F), or -1 when it has none. A \u001b escape is valid JSON and
 * valid UTF-8, and went to the terminal as it was: "\u001b[2J" in a question cleared the
 * screen of the text interview, and a carriage return wrote over the line. Valid UTF-8. */
static long control_char(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p < 0x20 && *p != '\n') || *p == 0x7F)
            return *p;
        if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
            return p[1];
    }
    return -1;
}

/* Invisible formatting characters: zero-width
 * spaces and joiners, direction marks, embeddings, overrides and isolates, word joiners
 * and U+FEFF, and the rest of what Unicode says a renderer shows as nothing (its
 * Default_Ignorable_Code_Point list: the soft hyphen, the Mongolian vowel separator,
 * U+2065-U+206F, the Hangul fillers, variation selectors, the tag characters
 * U+E0000-U+E0FFF), the interlinear annotation marks U+FFF9-U+FFFB, and the line and
 * paragraph separators U+2028-U+2029 (a line break on one screen, nothing on another).
 * None belongs in English or Spanish, and they hide or reorder what a text says: U+202E
 * showed "Do you have chest pain?" back to front, and tag characters hold a hidden ASCII
 * text. Valid UTF-8. */
static bool is_format(long c)
{
    static const struct {
        long lo, hi;
    } ranges[] = {{0x00AD, 0x00AD},  {0x034F, 0x034F}, {0x061C, 0x061C},   {0x115F, 0x1160},
                  {0x17B4, 0x17B5},  {0x180B, 0x180F}, {0x200B, 0x200F},   {0x2028, 0x202E},
                  {0x2060, 0x206F},  {0x3164, 0x3164}, {0xFE00, 0xFE0F},   {0xFEFF, 0xFEFF},
                  {0xFFA0, 0xFFA0},  {0xFFF0, 0xFFFB}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
                  {0xE0000, 0xE0FFF}};
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (c >= ranges[i].lo && c <= ranges[i].hi)
            return true;
    return false;
}

/* The noncharacters (U+FDD0-U+FDEF and the last two of every plane) and the private use
 * areas (U+E000-U+F8FF, planes 15 and 16): no font of the kiosk has a glyph for them,
 * and they showed as boxes on the screen, the paper and in the FHIR file. */
static bool no_glyph(long c)
{
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE || (c >= 0xE000 && c <= 0xF8FF) ||
           c >= 0xF0000;
}

/* The first character of s that is, or -1 when none is. Valid UTF-8. */
static long first_char(const char *s, bool (*is)(long))
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        long c = n == 1   ? p[0]
                 : n == 2 ? (long)(p[0] & 0x1F) << 6 | (p[1] & 0x3F)
                 : n == 3 ? (long)(p[0] & 0x0F) << 12 | (long)(p[1] & 0x3F) << 6 | (p[2] & 0x3F)
                          : (long)(p[0] & 0x07) << 18 | (long)(p[1] & 0x3F) << 12 |
                                (long)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
        if (is(c))
            return c;
        p += n;
    }
    return -1;
}

static long format_char(const char *s)
{
    return first_char(s, is_format);
}

void cload_text_value(Loader *L, const JsonValue *v, const char *ctx, Text *out)
{
    static const char *const langs[] = {"en", "es", NULL};
    memset(out, 0, sizeof *out);
    if (!cload_object(L, v, ctx, langs))
        return;
    for (int l = 0; l < LANG_COUNT; l++) {
        const JsonValue *s = json_get(v, lang_code(l));
        if (!s) {
            cload_error(L, v, "%s: the %s text (\"%s\") is missing", ctx, lang_name(l),
                        lang_code(l));
        } else if (s->type != JSON_STRING || blank(s->string)) {
            /* only spaces would print as nothing: "Because you said: Time since birth:" */
            cload_error(L, s, "%s: the %s text must be a non-empty string", ctx, lang_name(l));
        } else if (strlen(s->string) > CONTENT_MAX_TEXT_BYTES) {
            /* a 500 KB question loaded, and no screen or page could show it */
            cload_error(L, s, "%s: the %s text takes %zu bytes (at most %d): shorten it", ctx,
                        lang_name(l), strlen(s->string), CONTENT_MAX_TEXT_BYTES);
        } else if (control_char(s->string) >= 0) {
            cload_error(L, s, "%s: the %s text holds a control character (U+%04lX)", ctx,
                        lang_name(l), (unsigned long)control_char(s->string));
        } else if (format_char(s->string) >= 0) {
            cload_error(L, s, "%s: the %s text holds an invisible formatting character (U+%04lX)",
                        ctx, lang_name(l), (unsigned long)format_char(s->string));
        } else if (first_char(s->string, no_glyph) >= 0) {
            cload_error(L, s, "%s: the %s text holds a character no font shows (U+%04lX)", ctx,
                        lang_name(l), (unsigned long)first_char(s->string, no_glyph));
        } else if (stacked_marks(s->string)) {
            cload_error(L, s, "%s: the %s text stacks more than two accents on one letter", ctx,
                        lang_name(l));
        } else {
            out->s[l] = cload_strdup(L, s->string);
        }
    }
}

/* Reads a list of phrases, normalised, into *out / *n. */
void cload_phrase_list(Loader *L, const JsonValue *arr, const char *what, const char *const **out,
                       size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!arr || arr->type != JSON_ARRAY) {
        cload_error(L, arr, "%s must be a list of phrases [\"...\"]", what);
        return;
    }
    if (arr->count > CONTENT_MAX_PHRASES) {
        cload_error(L, arr, "%s: at most %d phrases", what, CONTENT_MAX_PHRASES);
        return;
    }
    const char **list = cload_alloc(L, (arr->count + 1) * sizeof *list);
    if (!list)
        return;
    size_t k = 0;
    for (size_t i = 0; i < arr->count; i++) {
        const JsonValue *s = arr->items[i];
        char norm[256];
        if (s->type != JSON_STRING) {
            cload_error(L, s, "%s: every phrase must be a string", what);
            continue;
        }
        if (strlen(s->string) >= sizeof norm) { /* never cut: it would match its start */
            cload_error(L, s, "%s: a phrase is longer than %zu bytes", what, sizeof norm - 1);
            continue;
        }
        size_t len = interp_normalize(s->string, norm, sizeof norm);
        if (len == 0) {
            cload_error(L, s, "%s: phrase \"%s\" has no letters or digits", what, s->string);
            continue;
        }
        /* the interpreter keeps a letter of another script or a symbol in its word (so
         * that it is never read without it); a phrase is of English or Spanish letters */
        for (size_t b = 0; b < len; b++)
            if ((unsigned char)norm[b] >= 0x80) {
                cload_error(L, s,
                            "%s: phrase \"%s\" has a character that is not a letter of "
                            "English or Spanish",
                            what, s->string);
                len = 0;
                break;
            }
        if (len == 0)
            continue;
        /* typed alone, digits are the number of an answer on the screen ("1" is Yes):
         * "1" as a no phrase answered No to a red flag typed as its first answer */
        if (norm[strspn(norm, "0123456789 ")] == '\0') {
            cload_error(L, s,
                        "%s: phrase \"%s\" is digits alone (typed, digits are the number of "
                        "an answer on the screen); write it in words",
                        what, s->string);
            continue;
        }
        list[k++] = cload_strdup(L, norm);
    }
    *out = list;
    *n = k;
}

/* Reads {"en": [...], "es": [...]} phrase lists. */
void cload_phrases(Loader *L, const JsonValue *v, const char *what, bool required,
                   const char *const **out, size_t *n)
{
    static const char *const langs[] = {"en", "es", NULL};
    if (!cload_object(L, v, what, langs))
        return;
    for (int l = 0; l < LANG_COUNT; l++) {
        const JsonValue *arr = json_get(v, lang_code(l));
        char ctx[160];
        snprintf(ctx, sizeof ctx, "%s (%s)", what, lang_name(l));
        if (!arr) {
            cload_error(L, v, "%s: the %s phrases (\"%s\") are missing", what, lang_name(l),
                        lang_code(l));
            continue;
        }
        cload_phrase_list(L, arr, ctx, &out[l], &n[l]);
        if (required && arr->type == JSON_ARRAY && n[l] == 0)
            cload_error(L, arr, "%s: needs at least one phrase", ctx);
    }
}

const JsonValue *cload_list(Loader *L, const JsonValue *root, const char *key)
{
    const JsonValue *v = json_get(root, key);
    if (!v || v->type != JSON_ARRAY) {
        cload_error(L, v ? v : root, "expected \"%s\": [ ... ] at the top level", key);
        return NULL;
    }
    if (v->count > CONTENT_MAX_ENTRIES) {
        cload_error(L, v, "\"%s\" has %zu entries; at most %d are allowed", key, v->count,
                    CONTENT_MAX_ENTRIES);
        return NULL;
    }
    return v;
}

/* ---- rules ---- */

static const struct {
    const char *name;
    CondOp op;
} cond_ops[] = {
    {"equals", COND_EQUALS},     {"one_of", COND_ONE_OF},
    {"includes", COND_INCLUDES}, {"includes_any", COND_INCLUDES_ANY},
    {"at_least", COND_AT_LEAST}, {"at_most", COND_AT_MOST},
    {"unknown", COND_UNKNOWN},
};

static bool option_mask(Loader *L, const Question *q, const JsonValue *v, uint32_t *mask)
{
    if (v->type != JSON_STRING) {
        cload_error(L, v, "expected an option id of question \"%s\"", q->id);
        return false;
    }
    int i = content_option_index(q, v->string);
    if (i < 0) {
        cload_error(L, v, "question \"%s\" has no option \"%s\"", q->id, v->string);
        return false;
    }
    *mask |= 1u << i;
    return true;
}

static const Cond *cond_list(Loader *L, const JsonValue *v, CondOp op, size_t limit,
                             const char *what)
{
    Cond *c = cload_alloc(L, sizeof *c);
    if (!c)
        return NULL;
    c->op = op;
    if (op == COND_NOT) {
        const Cond **kids = cload_alloc(L, sizeof *kids);
        if (!kids || !(kids[0] = cload_cond(L, v, limit, what)))
            return NULL;
        c->kids = kids;
        c->nkids = 1;
        return c;
    }
    if (v->type != JSON_ARRAY || v->count == 0) {
        cload_error(L, v, "%s: \"%s\" needs a non-empty list of conditions", what,
                    op == COND_ALL ? "all" : "any");
        return NULL;
    }
    const Cond **kids = cload_alloc(L, v->count * sizeof *kids);
    if (!kids)
        return NULL;
    for (size_t i = 0; i < v->count; i++)
        if (!(kids[i] = cload_cond(L, v->items[i], limit, what)))
            return NULL;
    c->kids = kids;
    c->nkids = v->count;
    return c;
}

/* True when arg is a whole number within the scale of q. */
static bool in_scale(const JsonValue *arg, const Question *q)
{
    /* the range first: converting a number far outside int is undefined */
    return arg->type == JSON_NUMBER && arg->number >= q->min && arg->number <= q->max &&
           arg->number == (int)arg->number;
}

/* Reads the argument of test m (an option id, a list of them, or a number) of question
 * q into c; NULL after reporting a test or argument that does not fit the question. */
static const Cond *cond_arg(Loader *L, Cond *c, const Question *q, const JsonMember *m,
                            const char *what)
{
    const JsonValue *arg = m->value;
    bool scale = q->kind == QK_SCALE, multi = q->kind == QK_MULTI;
    switch (c->op) {
    case COND_EQUALS:
        if (scale && !in_scale(arg, q)) {
            cload_error(L, arg, "%s: \"%s\" takes a whole number from %d to %d", what, q->id,
                        q->min, q->max);
            return NULL;
        }
        if (scale) {
            c->number = (int)arg->number;
            return c;
        }
        if (multi) {
            cload_error(L, arg, "%s: \"%s\" has several answers; use includes", what, q->id);
            return NULL;
        }
        return option_mask(L, q, arg, &c->options) ? c : NULL;
    case COND_INCLUDES:
        if (!multi) {
            cload_error(L, arg, "%s: includes is for several-answer questions; \"%s\" is %s", what,
                        q->id, content_kind_name(q->kind));
            return NULL;
        }
        return option_mask(L, q, arg, &c->options) ? c : NULL;
    case COND_ONE_OF:
    case COND_INCLUDES_ANY:
        if ((c->op == COND_ONE_OF) == multi || scale) {
            cload_error(L, arg, "%s: %s does not fit \"%s\" (%s)", what, m->key, q->id,
                        content_kind_name(q->kind));
            return NULL;
        }
        if (arg->type != JSON_ARRAY || arg->count == 0) {
            cload_error(L, arg, "%s: %s needs a list of option ids", what, m->key);
            return NULL;
        }
        for (size_t i = 0; i < arg->count; i++)
            if (!option_mask(L, q, arg->items[i], &c->options))
                return NULL;
        return c;
    case COND_UNKNOWN:
        if (L->no_unknown) {
            /* while she answers, every later question is still not reached: an urgent
               flag on one would be raised at the first answer */
            cload_error(L, arg,
                        "%s: unknown is for holds, causes and advice (a flag or a show_if is "
                        "decided before the later questions are reached)",
                        what);
            return NULL;
        }
        if (arg->type != JSON_BOOL || !arg->boolean) {
            cload_error(L, arg, "%s: unknown takes true (use not for the opposite)", what);
            return NULL;
        }
        return c;
    default: /* at_least, at_most */
        if (!scale) {
            cload_error(L, arg, "%s: %s is for 0-10 questions; \"%s\" is %s", what, m->key, q->id,
                        content_kind_name(q->kind));
            return NULL;
        }
        if (!in_scale(arg, q)) {
            cload_error(L, arg, "%s: %s takes a whole number from %d to %d", what, m->key, q->min,
                        q->max);
            return NULL;
        }
        c->number = (int)arg->number;
        return c;
    }
}

/* The question a test {"q": "id", "<test>": arg} names, into *qi, and its test member,
 * into *test; false after reporting a problem. */
static bool cond_question(Loader *L, const JsonValue *v, size_t limit, const char *what, size_t *qi,
                          const JsonMember **test)
{
    const JsonValue *qv = json_get(v, "q");
    if (!qv || qv->type != JSON_STRING || v->count != 2) {
        cload_error(L, v,
                    "%s: a test needs \"q\" and exactly one of equals, one_of, "
                    "includes, includes_any, at_least, at_most, unknown",
                    what);
        return false;
    }
    int i = -1;
    if (!strmap_get(&L->question_ids, qv->string, &i)) {
        cload_error(L, qv, "%s: unknown question \"%s\"", what, qv->string);
        return false;
    }
    if ((size_t)i >= limit) {
        cload_error(L, qv, "%s: may only depend on questions asked before it, not \"%s\"", what,
                    qv->string);
        return false;
    }
    *qi = (size_t)i;
    *test = v->members[0].value == qv ? &v->members[1] : &v->members[0];
    return true;
}

/* Parses a condition; questions at index >= limit may not be named (show_if may only
 * look back). Returns NULL after reporting a problem. */
const Cond *cload_cond(Loader *L, const JsonValue *v, size_t limit, const char *what)
{
    if (!v || v->type != JSON_OBJECT || v->count == 0) {
        cload_error(L, v,
                    "%s: a condition must be an object like {\"q\": \"id\", "
                    "\"equals\": \"option\"}",
                    what);
        return NULL;
    }
    if (v->count == 1 && !json_get(v, "q")) {
        const JsonMember *m = &v->members[0];
        if (strcmp(m->key, "all") == 0)
            return cond_list(L, m->value, COND_ALL, limit, what);
        if (strcmp(m->key, "any") == 0)
            return cond_list(L, m->value, COND_ANY, limit, what);
        if (strcmp(m->key, "not") == 0)
            return cond_list(L, m->value, COND_NOT, limit, what);
        cload_error(L, v, "%s: unknown condition \"%s\" (use all, any, not, or \"q\")", what,
                    m->key);
        return NULL;
    }
    size_t qi, k = 0, nops = sizeof cond_ops / sizeof cond_ops[0];
    const JsonMember *m;
    if (!cond_question(L, v, limit, what, &qi, &m))
        return NULL;
    while (k < nops && strcmp(cond_ops[k].name, m->key) != 0)
        k++;
    if (k == nops) {
        cload_error(L, m->value, "%s: unknown test \"%s\"", what, m->key);
        return NULL;
    }
    Cond *c = cload_alloc(L, sizeof *c);
    if (!c)
        return NULL;
    c->question = qi;
    c->op = cond_ops[k].op;
    return cond_arg(L, c, &L->c->questions[qi], m, what);
}

void cload_entry_name(const JsonValue *v, const char *kind, size_t i, char *what, size_t size)
{
    const JsonValue *id = v && v->type == JSON_OBJECT ? json_get(v, "id") : NULL;
    if (id && id->type == JSON_STRING && cload_valid_id(id->string))
        snprintf(what, size, "%s \"%s\"", kind, id->string);
    else
        snprintf(what, size, "%s %zu", kind, i + 1);
}
