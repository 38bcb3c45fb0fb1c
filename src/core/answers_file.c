/* Answers files: parsing (any bytes, first problem reported with its line) and playing
 * them into a session. */
#include "answers_file.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "wipe.h"

enum { LINE_MAX_CHARS = 1024 };

static bool is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r';
}

/* Trims spaces from both ends of [*b, *e). */
static void trim(const char **b, const char **e)
{
    while (*b < *e && is_space(**b))
        (*b)++;
    while (*e > *b && is_space((*e)[-1]))
        (*e)--;
}

/* At most 60 bytes of s for a reason, a UTF-8 character never cut, with each control
 * character shown as '?': the reason is one line on a terminal, which would act on an
 * ESC or go back over the line at a CR. */
static const char *shown(const char *s, char out[64])
{
    size_t n = strlen(s);
    if (n > 60)
        for (n = 60; n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80; n--)
            ;
    for (size_t i = 0; i < n; i++)
        out[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
    out[n] = '\0';
    return out;
}

/* Where a problem is: the text's name and the line, and the reason's destination. */
typedef struct {
    const char *name;
    size_t line;
    PkWhy *why;
} Place;

static int fail(const Place *at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static int fail(const Place *at, const char *fmt, ...)
{
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return pk_fail(at->why, PK_EINVAL, "%s:%zu: %s", at->name, at->line, msg);
}

/* Parses one value for q into *a; PK_EINVAL with the reason when it does not fit. */
static int parse_value(const Question *q, char *value, Answer *a, const Place *at)
{
    memset(a, 0, sizeof *a);
    if (strcmp(value, "skip") == 0 || strcmp(value, "dontknow") == 0) {
        if (!q->can_skip)
            return fail(at, "question \"%s\" offers no skip; answer it with one of its options",
                        q->id);
        a->state = value[0] == 's' ? ANS_SKIPPED : ANS_DONT_KNOW;
        return 0;
    }
    a->state = ANS_GIVEN;
    if (q->kind == QK_SCALE) {
        char *end;
        long v = strtol(value, &end, 10);
        if (!*value || *end || v < q->min || v > q->max)
            return fail(at, "question \"%s\" wants a number from %d to %d", q->id, q->min, q->max);
        a->value = (int)v;
        return 0;
    }
    size_t n = 0;
    for (char *tok = value, *next; tok; tok = next) {
        next = strchr(tok, ',');
        if (next)
            *next++ = '\0';
        const char *b = tok, *e = tok + strlen(tok);
        trim(&b, &e);
        tok[e - tok] = '\0';
        int o = content_option_index(q, b);
        char buf[64];
        if (o < 0)
            return fail(at, "question \"%s\" has no option \"%s\"", q->id, shown(b, buf));
        if (a->options & (1u << o))
            return fail(at, "question \"%s\": option \"%s\" is listed twice", q->id, b);
        a->options |= 1u << o;
        n++;
    }
    if (n > 1 && q->kind != QK_MULTI)
        return fail(at, "question \"%s\" takes one answer, not several", q->id);
    /* as on the screen and in words: "none" with something else contradicts itself (the
     * summary read "Health history: Arthritis, None of these") */
    int none = content_option_index(q, "none");
    if (n > 1 && none >= 0 && (a->options & (1u << none)))
        return fail(at, "question \"%s\": \"none\" cannot be chosen with other options", q->id);
    return 0;
}

/* Parses the line [b, e) (trimmed, not blank, not a comment) as ID=VALUE into out, copying
 * it into buf (LINE_MAX_CHARS + 1 bytes); seen marks the questions answered so far. */
static int parse_line(const Content *c, const char *b, const char *e, char *buf, bool *seen,
                      AnswerFile *out, const Place *at)
{
    if (memchr(b, '\0', (size_t)(e - b)))
        return fail(at, "the line holds a NUL byte");
    if ((size_t)(e - b) > LINE_MAX_CHARS)
        return fail(at, "the line is longer than %d characters", LINE_MAX_CHARS);
    memcpy(buf, b, (size_t)(e - b));
    buf[e - b] = '\0';
    char *eq = strchr(buf, '=');
    char quoted[64];
    if (!eq)
        return fail(at, "expected QUESTION_ID=VALUE, not \"%s\"", shown(buf, quoted));
    *eq = '\0';
    const char *ib = buf, *ie = eq;
    trim(&ib, &ie);
    buf[ie - buf] = '\0';
    char *vb = eq + 1;
    while (is_space(*vb))
        vb++;
    int qi = content_question_index(c, ib);
    if (qi < 0)
        return fail(at, "unknown question \"%s\"", shown(ib, quoted));
    if (seen[qi])
        return fail(at, "question \"%s\" is answered twice", ib);
    seen[qi] = true;
    if (!*vb)
        return fail(at, "question \"%s\" has no value", ib);
    return parse_value(&c->questions[qi], vb, &out->answers[qi], at);
}

int answers_parse(const Content *c, const char *name, const char *text, size_t len, AnswerFile *out,
                  PkWhy *why)
{
    memset(out, 0, sizeof *out);
    pk_why_clear(why);
    out->answers = calloc(c->nquestions ? c->nquestions : 1, sizeof *out->answers);
    bool *seen = calloc(c->nquestions ? c->nquestions : 1, sizeof *seen);
    if (!out->answers || !seen) {
        free(out->answers);
        free(seen);
        out->answers = NULL;
        return PK_ENOMEM;
    }
    out->count = c->nquestions;
    Place at = {.name = name, .why = why};
    int rc = 0;
    char buf[LINE_MAX_CHARS + 1];
    size_t start = len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0; /* a BOM */
    for (size_t pos = start; pos < len && rc == 0;) {
        at.line++;
        const char *b = text + pos, *nl = memchr(b, '\n', len - pos);
        const char *e = nl ? nl : text + len;
        pos = (size_t)(e - text) + (nl ? 1 : 0);
        trim(&b, &e);
        if (b != e && *b != '#')
            rc = parse_line(c, b, e, buf, seen, out, &at);
    }
    wipe(buf, sizeof buf);
    free(seen);
    if (rc)
        answers_free(out);
    return rc;
}

void answers_free(AnswerFile *af)
{
    if (af->answers)
        wipe(af->answers, af->count * sizeof *af->answers);
    free(af->answers);
    memset(af, 0, sizeof *af);
}

int answers_play(const AnswerFile *af, Session *s, PkWhy *why)
{
    pk_why_clear(why);
    bool *asked = calloc(af->count ? af->count : 1, sizeof *asked);
    if (!asked)
        return pk_fail(why, PK_ENOMEM, "%s", pk_strerror(PK_ENOMEM));
    int qi, rc = 0;
    while (rc >= 0 && (qi = session_question_index(s)) >= 0) {
        if ((size_t)qi >= af->count) {
            rc = pk_fail(why, PK_EINVAL, "the answers are for other content");
            break;
        }
        asked[qi] = true;
        const Answer *a = &af->answers[qi];
        switch (a->state) {
        case ANS_GIVEN:
            rc = session_answer(s, a);
            break;
        case ANS_SKIPPED:
            rc = session_skip(s);
            break;
        case ANS_DONT_KNOW:
            rc = session_dont_know(s);
            break;
        default:
            rc = session_pass(s);
            break;
        }
        if (rc < 0)
            pk_fail(why, rc, "%s", pk_strerror(rc));
    }
    /* an answer the interview never asks for (its show_if is false with the other
     * answers) is not used: said, not dropped without a word (a red-flag "yes" too) */
    const Content *c = session_content(s);
    size_t unused = 0, first = 0;
    for (size_t i = 0; rc >= 0 && i < af->count; i++)
        if (af->answers[i].state != ANS_NONE && !asked[i] && unused++ == 0)
            first = i;
    if (rc >= 0 && unused)
        pk_fail(why, 0,
                "question \"%s\"%s is not asked with these answers (see show_if): %s not used",
                c->questions[first].id, unused > 1 ? " and others" : "",
                unused > 1 ? "their answers are" : "its answer is");
    free(asked);
    return rc < 0 ? rc : 0;
}
