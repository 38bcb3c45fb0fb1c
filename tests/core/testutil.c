#include "testutil.h"

#include <check.h>
#include <stdio.h>

static Content *real;

const Content *test_content(void)
{
    if (!real) {
        Diags d = {0};
        int rc = content_load(PPKIOSK_SOURCE_DIR "/assets/content", &real, &d);
        if (rc)
            diags_print(&d, stderr);
        diags_free(&d);
        ck_assert_int_eq(rc, 0);
    }
    return real;
}

const char *test_fixture_dir(void)
{
    return TEST_DATA_DIR "/content-min";
}

#include <stdlib.h>
#include <string.h>

Answer test_parse_answer(const Question *q, const char *text)
{
    Answer a = {.state = ANS_GIVEN};
    if (q->kind == QK_SCALE) {
        a.value = atoi(text);
        return a;
    }
    char buf[256];
    snprintf(buf, sizeof buf, "%s", text);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        int o = content_option_index(q, tok);
        ck_assert_msg(o >= 0, "question %s has no option %s", q->id, tok);
        a.options |= 1u << o;
    }
    return a;
}

/* The answer written for question id in spec, copied into out; false when absent. */
static bool spec_lookup(const char *spec, const char *id, char *out, size_t size)
{
    size_t idlen = strlen(id);
    for (const char *p = spec; p && *p;) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > idlen && strncmp(p, id, idlen) == 0 && p[idlen] == '=') {
            snprintf(out, size, "%.*s", (int)(len - idlen - 1), p + idlen + 1);
            return true;
        }
        p = end ? end + 1 : NULL;
    }
    return false;
}

int test_answer_all(Session *s, const char *spec)
{
    int urgent = 0;
    const Question *q;
    while ((q = session_question(s))) {
        char ans[256];
        if (spec_lookup(spec, q->id, ans, sizeof ans)) {
            Answer a = test_parse_answer(q, ans);
            int rc = session_answer(s, &a);
            ck_assert_msg(rc >= 0, "answer %s=%s refused", q->id, ans);
            urgent += rc == SESSION_URGENT;
        } else if (q->can_skip) {
            ck_assert_int_eq(session_skip(s), 0);
        } else {
            ck_assert_int_eq(session_pass(s), 0); /* no Skip offered: left unanswered */
        }
    }
    return urgent;
}

int test_move_on(Session *s)
{
    const Question *q = session_question(s);
    return q && q->can_skip ? session_skip(s) : session_pass(s);
}
