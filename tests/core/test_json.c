/* The JSON reader: valid documents, and every syntax error with the place it points at. */
#include <check.h>

#include "check_run.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/error.h"
#include "core/json.h"

static const struct {
    const char *text;
    int line, col; /* 0: valid */
    const char *msg;
} rows[] = {
    {"{}", 0, 0, NULL},
    {"[1, -2.5e3, true, false, null, \"x\"]", 0, 0, NULL},
    {"\xEF\xBB\xBF{\"a\": 1}", 0, 0, NULL},
    {"{\"a\": \"\\u00e9\\ud83d\\ude00\\n\"}", 0, 0, NULL},
    {"", 1, 1, "unexpected end"},
    {"{\"a\": 1,}", 1, 9, "trailing comma"},
    {"[1, 2,]", 1, 7, "trailing comma"},
    {"{\"a\" 1}", 1, 6, "expected ':'"},
    {"{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}'"},
    {"{\n  \"a\": tru\n}", 2, 8, "not a JSON value"},
    /* a word without quotes is not a "bad number" (every other letter once read so) */
    {"{\"tier\": urgent}", 1, 10, "a text needs \"double quotes\""},
    {"{\"a\": 'x'}", 1, 7, "not a JSON value"},
    {"\xEF\xBB\xBF\xEF\xBB\xBF{}", 1, 1, "not a JSON value"}, /* a second BOM */
    {"{\"a\": -x}", 1, 7, "bad number"},
    {"{\"a\": .5}", 1, 7, "bad number"},
    {"{\"a\": 01}", 1, 7, "may not start with 0"},
    {"{\"a\": \"x}", 1, 10, "unterminated string"},
    {"{\"a\": \"\\q\"}", 1, 10, "bad escape"},
    {"{\"a\": \"\\ud800\"}", 1, 14, "surrogate"},
    {"{\"a\": 1} x", 1, 10, "extra text"},
    {"{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key"},
    {"{a: 1}", 1, 2, "expected a \"key\""},
    {"[\"caf\xC3\xA9\", ]", 1, 10, "trailing comma"}, /* é is one column */
    /* bytes that are not UTF-8, wherever they are */
    {"{\"a\":\n \"b\xFF\"}", 2, 4, "invalid UTF-8"},
    {"[\"\xC3\xA9\xC3\"]", 1, 4, "invalid UTF-8"},            /* cut sequence */
    {"[\"\xC0\xAF\"]", 1, 3, "invalid UTF-8"},                /* overlong '/' */
    {"[\"\xED\xA0\x80\"]", 1, 3, "invalid UTF-8"},            /* a surrogate */
    {"[\"\xF4\x90\x80\x80\"]", 1, 3, "invalid UTF-8"},        /* past U+10FFFF */
    {"[1]\n\n  \x80", 3, 3, "invalid UTF-8"},                 /* outside strings too */
    {"[\"\xF0\x9F\x98\x80\", \"\xE2\x80\x99\"]", 0, 0, NULL}, /* emoji, quote mark */
    /* the bounds of each length: overlong forms of three and four bytes, and C1 and F5 as
     * first bytes, were accepted with the checks of the first byte's range loosened */
    {"[\"\xE0\x80\xAF\"]", 1, 3, "invalid UTF-8"},     /* overlong '/', three bytes */
    {"[\"\xE0\x9F\xBF\"]", 1, 3, "invalid UTF-8"},     /* overlong U+07FF */
    {"[\"\xF0\x80\x80\xAF\"]", 1, 3, "invalid UTF-8"}, /* overlong '/', four bytes */
    {"[\"\xF0\x8F\xBF\xBF\"]", 1, 3, "invalid UTF-8"}, /* overlong U+FFFF */
    {"[\"\xC1\xBF\"]", 1, 3, "invalid UTF-8"},         /* overlong U+007F */
    {"[\"\xF5\x80\x80\x80\"]", 1, 3, "invalid UTF-8"}, /* past U+10FFFF */
    {"[\"\xF0\x9F\x98\x41\"]", 1, 3, "invalid UTF-8"}, /* a cut four-byte sequence */
    {"[\"\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF\xF0\x90\x80\x80"
     "\xF4\x8F\xBF\xBF\"]",
     0, 0, NULL}, /* the first and last of each length, around the surrogates */
    /* duplicate keys in a long object (checked with a hash map) */
    {"{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"b\":0}", 1, 56,
     "duplicate key"},
    {"{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":0}", 0, 0,
     NULL},
};

/* Rows holding a NUL byte, with their lengths. */
static const struct {
    const char *text;
    size_t len;
    int line, col;
} nul_rows[] = {
    {"\0{}", 3, 1, 1},
    {"{\"a\":\n  \"x\0y\"}", 14, 2, 5},
    {"[1,\n2,\n3]\0", 10, 3, 3},
};

START_TEST(nul_byte_is_placed)
{
    Arena a = {0};
    JsonValue *v = NULL;
    JsonError err = {0};
    int rc = json_parse(nul_rows[_i].text, nul_rows[_i].len, &a, &v, &err);
    ck_assert_int_eq(rc, PK_EINVAL);
    ck_assert_msg(strstr(err.msg, "NUL byte"), "row %d: got '%s'", _i, err.msg);
    ck_assert_int_eq(err.line, nul_rows[_i].line);
    ck_assert_int_eq(err.col, nul_rows[_i].col);
    arena_free(&a);
}
END_TEST

/* Many keys load in linear time: 200,000 distinct keys, then one duplicate at the end. */
START_TEST(many_keys_are_fast)
{
    enum { N = 200000 };
    size_t cap = (size_t)N * 16 + 64, n = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    text[n++] = '{';
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(text + n, cap - n, "\"k%d\":%d,", i, i);
    n += (size_t)snprintf(text + n, cap - n, "\"k7\":0}");
    Arena a = {0};
    JsonValue *v;
    JsonError err;
    ck_assert_int_eq(json_parse(text, n, &a, &v, &err), PK_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.msg, "duplicate key"));
    arena_free(&a);
    free(text);
}
END_TEST

/* Seconds json_parse takes on {"KEY":0,...} for the n keys of list (one a line). */
static double parse_seconds(const char *list, size_t n)
{
    size_t cap = strlen(list) + n * 8 + 8, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    text[len++] = '{';
    for (const char *k = list; *k;) {
        const char *nl = strchr(k, '\n');
        len += (size_t)snprintf(text + len, cap - len, "%s\"%.*s\":0", len > 1 ? "," : "",
                                (int)(nl - k), k);
        k = nl + 1;
    }
    text[len++] = '}';
    Arena a = {0};
    JsonValue *v;
    JsonError err;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ck_assert_int_eq(json_parse(text, len, &a, &v, &err), 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    ck_assert_uint_eq(v->count, n);
    arena_free(&a);
    free(text);
    return (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* Keys chosen to fall into one slot of the duplicate check's hash table (20,000 keys
 * whose FNV-1a hashes share their low 16 bits) cost no more than any keys: with a hash
 * that anyone can compute, a 235 KB ui.json took 2.2 s, a 1 MB one half a minute. */
START_TEST(colliding_keys_are_fast)
{
    enum { N = 20000 };
    char path[512];
    snprintf(path, sizeof path, "%s/json-colliding-keys.txt", TEST_DATA_DIR);
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    static char colliding[N * 16];
    size_t got = fread(colliding, 1, sizeof colliding - 1, f);
    fclose(f);
    colliding[got] = '\0';
    static char plain[N * 16];
    size_t len = 0;
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(plain + len, sizeof plain - len, "k%d\n", i);
    double t_plain = parse_seconds(plain, N), t_colliding = parse_seconds(colliding, N);
    ck_assert_msg(t_colliding < 5 * t_plain + 0.05, "colliding keys %.3f s, plain keys %.3f s",
                  t_colliding, t_plain);
}
END_TEST

START_TEST(row)
{
    Arena a = {0};
    JsonValue *v = NULL;
    JsonError err = {0};
    int rc = json_parse(rows[_i].text, strlen(rows[_i].text), &a, &v, &err);
    if (!rows[_i].line) {
        ck_assert_msg(rc == 0, "row %d: %s at %d:%d", _i, err.msg, err.line, err.col);
    } else {
        ck_assert_int_eq(rc, PK_EINVAL);
        ck_assert_msg(strstr(err.msg, rows[_i].msg), "row %d: got '%s'", _i, err.msg);
        ck_assert_int_eq(err.line, rows[_i].line);
        ck_assert_int_eq(err.col, rows[_i].col);
    }
    arena_free(&a);
}
END_TEST

START_TEST(positions_and_lookup)
{
    const char *text = "{\n  \"list\": [1, {\"k\": \"v\"}],\n  \"s\": \"\\u00f1\"\n}";
    Arena a = {0};
    JsonValue *v;
    JsonError err;
    ck_assert_int_eq(json_parse(text, strlen(text), &a, &v, &err), 0);
    const JsonValue *list = json_get(v, "list");
    ck_assert_int_eq(list->type, JSON_ARRAY);
    ck_assert_uint_eq(list->count, 2);
    ck_assert_int_eq(list->line, 2);
    ck_assert_int_eq(list->col, 11);
    ck_assert_str_eq(json_get(list->items[1], "k")->string, "v");
    ck_assert_str_eq(json_get(v, "s")->string, "\xC3\xB1");
    ck_assert_int_eq(json_member(v, "s")->line, 3);
    ck_assert_ptr_null(json_get(v, "missing"));
    ck_assert_ptr_null(json_get(list, "k"));
    arena_free(&a);
}
END_TEST

START_TEST(deep_nesting_is_refused)
{
    char text[400];
    memset(text, '[', 300);
    text[300] = '\0';
    Arena a = {0};
    JsonValue *v;
    JsonError err;
    ck_assert_int_eq(json_parse(text, strlen(text), &a, &v, &err), PK_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.msg, "nested too deeply"));
    arena_free(&a);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json");
    TCase *tc = tcase_create("json");
    tcase_add_loop_test(tc, row, 0, (int)(sizeof rows / sizeof rows[0]));
    tcase_add_test(tc, positions_and_lookup);
    tcase_add_test(tc, deep_nesting_is_refused);
    tcase_add_loop_test(tc, nul_byte_is_placed, 0, (int)(sizeof nul_rows / sizeof nul_rows[0]));
    tcase_add_test(tc, many_keys_are_fast);
    tcase_add_test(tc, colliding_keys_are_fast);
    tcase_set_timeout(tc, 20);
    suite_add_tcase(s, tc);
    return check_run(s);
}
