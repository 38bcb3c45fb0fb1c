/* The JSON reader: valid documents, and every syntax error with the place it points at. */
#include <check.h>

#include "check_run.h"
#include <stdlib.h>
#include <string.h>

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
    {"{\"a\": 01}", 1, 7, "may not start with 0"},
    {"{\"a\": \"x}", 1, 10, "unterminated string"},
    {"{\"a\": \"\\q\"}", 1, 10, "bad escape"},
    {"{\"a\": \"\\ud800\"}", 1, 14, "surrogate"},
    {"{\"a\": 1} x", 1, 10, "extra text"},
    {"{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key"},
    {"{a: 1}", 1, 2, "expected a \"key\""},
    {"[\"caf\xC3\xA9\", ]", 1, 10, "trailing comma"}, /* é is one column */
};

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
    suite_add_tcase(s, tc);
    return check_run(s);
}
