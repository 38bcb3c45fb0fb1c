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

static int fail(AnswerFileError *err, size_t line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int fail(AnswerFileError *err, size_t line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err->line = line;
    vsnprintf(err->why, sizeof err->why, fmt, ap);
    va_end(ap);
    return PK_EINVAL;
}

/* Parses one value for q into *a; PK_EINVAL with err filled when it does not fit. */
static int parse_value(const Question *q, char *value, size_t line, Answer *a, AnswerFileError *err)
{
    memset(a, 0, sizeof *a);
    if (strcmp(value, "skip") == 0 || strcmp(value, "dontknow") == 0) {
        if (!q->can_skip)
            return fail(err, line,
                        "question \"%s\" offers no skip; answer it with one of its options", q->id);
        a->state = value[0] == 's' ? ANS_SKIPPED : ANS_DONT_KNOW;
        return 0;
    }
    a->state = ANS_GIVEN;
    if (q->kind == QK_SCALE) {
        char *end;
        long v = strtol(value, &end, 10);
        if (!*value || *end || v < q->min || v > q->max) {
            char range[32];
            snprintf(range, sizeof range, "%d to %d", q->min, q->max);
            return fail(err, line, "question \"%s\" wants a number from %s", q->id, range);
        }
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
        int o = question_option_index(q, b);
        if (o < 0)
            return fail(err, line, "question \"%s\" has no option \"%.60s\"", q->id, b);
        if (a->options & (1u << o))
            return fail(err, line, "question \"%s\": option \"%.60s\" is listed twice", q->id, b);
        a->options |= 1u << o;
        n++;
    }
    if (n > 1 && q->kind != QK_MULTI)
        return fail(err, line, "question \"%s\" takes one answer, not several", q->id);
    return 0;
}

int answers_parse(const Content *c, const char *text, size_t len, AnswerFile *out,
                  AnswerFileError *err)
{
    memset(out, 0, sizeof *out);
    memset(err, 0, sizeof *err);
    out->answers = calloc(c->nquestions ? c->nquestions : 1, sizeof *out->answers);
    bool *seen = calloc(c->nquestions ? c->nquestions : 1, sizeof *seen);
    if (!out->answers || !seen) {
        free(out->answers);
        free(seen);
        out->answers = NULL;
        return PK_ENOMEM;
    }
    out->count = c->nquestions;
    int rc = 0;
    size_t line = 0;
    char buf[LINE_MAX_CHARS + 1];
    for (size_t pos = 0; pos < len && rc == 0;) {
        line++;
        const char *b = text + pos, *nl = memchr(b, '\n', len - pos);
        const char *e = nl ? nl : text + len;
        pos = (size_t)(e - text) + (nl ? 1 : 0);
        trim(&b, &e);
        if (b == e || *b == '#')
            continue;
        if (memchr(b, '\0', (size_t)(e - b))) {
            rc = fail(err, line, "the line holds a NUL byte");
            break;
        }
        if ((size_t)(e - b) > LINE_MAX_CHARS) {
            rc = fail(err, line, "the line is longer than %d characters", LINE_MAX_CHARS);
            break;
        }
        memcpy(buf, b, (size_t)(e - b));
        buf[e - b] = '\0';
        char *eq = strchr(buf, '=');
        if (!eq) {
            rc = fail(err, line, "expected QUESTION_ID=VALUE, not \"%.60s\"", buf);
            break;
        }
        *eq = '\0';
        const char *ib = buf, *ie = eq;
        trim(&ib, &ie);
        buf[ie - buf] = '\0';
        char *vb = eq + 1;
        while (is_space(*vb))
            vb++;
        int qi = content_question_index(c, ib);
        if (qi < 0) {
            rc = fail(err, line, "unknown question \"%.60s\"", ib);
            break;
        }
        if (seen[qi]) {
            rc = fail(err, line, "question \"%s\" is answered twice", ib);
            break;
        }
        seen[qi] = true;
        if (!*vb) {
            rc = fail(err, line, "question \"%s\" has no value", ib);
            break;
        }
        rc = parse_value(&c->questions[qi], vb, line, &out->answers[qi], err);
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

int answers_play(const AnswerFile *af, Session *s)
{
    int qi;
    while ((qi = session_question_index(s)) >= 0) {
        if ((size_t)qi >= af->count)
            return PK_EINVAL;
        const Answer *a = &af->answers[qi];
        int rc;
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
            return rc;
    }
    return 0;
}
