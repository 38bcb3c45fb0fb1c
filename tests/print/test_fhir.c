/* The FHIR export: the JSON parses (with the core's strict parser), and has the
 * structure and codes of an R4 Bundle: a QuestionnaireResponse with a contained
 * Questionnaire (its options coded), an Observation per raised flag with its tier and
 * the answers behind it, and the PHQ-2 / PEG score Observations. */
#include <check.h>

#include "check_run.h"
#include "core/testutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/json.h"
#include "core/session.h"
#include "core/summary.h"
#include "print/printer.h"

static const Content *content;

static void load_content(void)
{
    content = test_content(); /* the project's content, loaded once per process */
}

static void unload_content(void)
{
    content = NULL;
}

/* Answers every question: scales 5, yes/no "no" (or "yes" to rf_chest when urgent), the
 * first option otherwise. */
static void interview(Session *s, bool urgent)
{
    const Question *q;
    while ((q = session_question(s)) != NULL) {
        Answer a = {.state = ANS_GIVEN, .options = 1u, .value = 5};
        if (q->kind == QK_YESNO) {
            int i =
                content_option_index(q, urgent && strcmp(q->id, "rf_chest") == 0 ? "yes" : "no");
            a.options = 1u << (i < 0 ? 0 : i);
        }
        int rc = session_answer(s, &a);
        if (rc == SESSION_URGENT) {
            session_acknowledge_urgent(s, URGENT_ACK_STAFF); /* the PIN was typed */
            return;
        }
        ck_assert_int_ge(rc, 0);
    }
}

typedef struct {
    Arena arena;
    JsonValue *root;
    char *text;
    size_t len;
} Export;

/* The export of session s (freed here), parsed into e. */
static void export_session(Export *e, Session *s)
{
    Summary sum;
    ck_assert_int_eq(summary_build(s, &sum), 0);
    FILE *f = open_memstream(&e->text, &e->len);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fhir_write(&sum, f), 0);
    fclose(f);
    summary_free(&sum);
    session_free(s);
    JsonError err;
    memset(&e->arena, 0, sizeof e->arena);
    int rc = json_parse(e->text, e->len, &e->arena, &e->root, &err);
    if (rc)
        fprintf(stderr, "fhir json %d:%d: %s\n", err.line, err.col, err.msg);
    ck_assert_int_eq(rc, 0);
}

static void export_case(Export *e, Lang lang, bool urgent)
{
    Session *s = session_new(content, lang);
    ck_assert_ptr_nonnull(s);
    interview(s, urgent);
    export_session(e, s);
}

static void export_free(Export *e)
{
    arena_free(&e->arena);
    free(e->text);
}

static const char *str(const JsonValue *v, const char *key)
{
    const JsonValue *m = json_get(v, key);
    return m && m->type == JSON_STRING ? m->string : NULL;
}

/* The item with linkId id anywhere under v's "item" arrays, or NULL. */
static const JsonValue *find_item(const JsonValue *v, const char *id)
{
    const JsonValue *items = json_get(v, "item");
    for (size_t i = 0; items && i < items->count; i++) {
        const JsonValue *it = items->items[i];
        const char *l = str(it, "linkId");
        if (l && strcmp(l, id) == 0)
            return it;
        const JsonValue *deeper = find_item(it, id);
        if (deeper)
            return deeper;
    }
    return NULL;
}

static const char *loinc_of(const JsonValue *qitem)
{
    const JsonValue *code = json_get(qitem, "code");
    if (!code || code->type != JSON_ARRAY || code->count != 1)
        return NULL;
    ck_assert_str_eq(str(code->items[0], "system"), "http://loinc.org");
    return str(code->items[0], "code");
}

/* Every response item: a linkId the Questionnaire has, not both answer and item, each
 * answer exactly one value[x]. */
static void check_items(const JsonValue *v, const JsonValue *questionnaire, int *count)
{
    const JsonValue *items = json_get(v, "item");
    for (size_t i = 0; items && i < items->count; i++) {
        const JsonValue *it = items->items[i];
        const char *l = str(it, "linkId");
        ck_assert_ptr_nonnull(l);
        const JsonValue *def = find_item(questionnaire, l);
        ck_assert_msg(def != NULL, "linkId %s not in Questionnaire", l);
        const char *type = str(def, "type");
        const JsonValue *ans = json_get(it, "answer");
        ck_assert(!(ans && json_get(it, "item")));
        for (size_t a = 0; ans && a < ans->count; a++) {
            const JsonValue *av = ans->items[a];
            size_t values = 0;
            for (size_t m = 0; m < av->count; m++)
                values += strncmp(av->members[m].key, "value", 5) == 0;
            ck_assert_uint_eq(values, 1);
            /* the value is of the item's type: a boolean item never holds "not sure" */
            if (type && strcmp(type, "boolean") == 0)
                ck_assert_ptr_nonnull(json_get(av, "valueBoolean"));
            if (type && strcmp(type, "choice") == 0)
                ck_assert_ptr_nonnull(json_get(av, "valueCoding"));
            const JsonValue *coding = json_get(av, "valueCoding");
            if (coding) {
                ck_assert(strncmp(str(coding, "system"), "urn:ppkiosk:option:", 19) == 0);
                ck_assert_ptr_nonnull(str(coding, "code"));
                ck_assert_ptr_nonnull(str(coding, "display"));
            }
        }
        (*count)++;
        check_items(it, questionnaire, count);
    }
}

static const struct {
    const char *link;
    const char *loinc;
} codes[] = {
    {"pain_now", "72514-3"},      {"peg", "91148-7"},          {"peg_pain", "75893-8"},
    {"peg_enjoyment", "91145-3"}, {"peg_activity", "91146-1"}, {"peg_score", "91147-9"},
};

/* The resource of entry i of the Bundle. */
static const JsonValue *entry(const Export *e, size_t i)
{
    ck_assert_str_eq(str(e->root, "resourceType"), "Bundle");
    ck_assert_str_eq(str(e->root, "type"), "collection");
    const JsonValue *es = json_get(e->root, "entry");
    ck_assert(es && es->type == JSON_ARRAY && i < es->count);
    ck_assert(strncmp(str(es->items[i], "fullUrl"), "urn:uuid:", 9) == 0);
    return json_get(es->items[i], "resource");
}

/* The Observation whose code is (system, code), or NULL. */
static const JsonValue *observation(const Export *e, const char *system, const char *code)
{
    const JsonValue *es = json_get(e->root, "entry");
    for (size_t i = 1; i < es->count; i++) {
        const JsonValue *r = json_get(es->items[i], "resource");
        const JsonValue *c = json_get(json_get(r, "code"), "coding");
        ck_assert_str_eq(str(r, "resourceType"), "Observation");
        if (c && c->count && strcmp(str(c->items[0], "system"), system) == 0 &&
            strcmp(str(c->items[0], "code"), code) == 0)
            return r;
    }
    return NULL;
}

START_TEST(test_fhir_completed)
{
    Export e;
    ck_assert_ptr_nonnull(content);
    export_case(&e, (Lang)_i, false);
    const JsonValue *r = entry(&e, 0);
    ck_assert_str_eq(str(r, "resourceType"), "QuestionnaireResponse");
    ck_assert_str_eq(str(r, "status"), "completed");
    ck_assert_str_eq(str(r, "language"), _i == LANG_EN ? "en" : "es");
    const char *when = str(r, "authored");
    ck_assert_ptr_nonnull(when);
    ck_assert_uint_eq(strlen(when), 25); /* 2026-11-21T12:30:05+01:00 */
    ck_assert(when[10] == 'T' && (when[19] == '+' || when[19] == '-') && when[22] == ':');

    const JsonValue *contained = json_get(r, "contained");
    ck_assert(contained && contained->type == JSON_ARRAY && contained->count == 1);
    const JsonValue *q = contained->items[0];
    ck_assert_str_eq(str(q, "resourceType"), "Questionnaire");
    char ref[80];
    snprintf(ref, sizeof ref, "#%s", str(q, "id"));
    ck_assert_str_eq(str(r, "questionnaire"), ref);
    ck_assert(strncmp(str(q, "url"), "urn:ppkiosk:", 12) == 0);
    ck_assert_ptr_nonnull(str(q, "status"));
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        const JsonValue *qi = find_item(q, codes[i].link);
        ck_assert_msg(qi != NULL, "Questionnaire lacks %s", codes[i].link);
        ck_assert_str_eq(loinc_of(qi), codes[i].loinc);
        ck_assert_ptr_nonnull(str(qi, "type"));
        ck_assert_msg(find_item(r, codes[i].link) != NULL, "response lacks %s", codes[i].link);
    }
    const JsonValue *score = json_get(find_item(r, "peg_score"), "answer");
    ck_assert(score && score->count == 1);
    const JsonValue *dec = json_get(score->items[0], "valueDecimal");
    ck_assert(dec && dec->type == JSON_NUMBER && dec->number == 5.0);
    const JsonValue *pain = json_get(find_item(r, "pain_now"), "answer");
    ck_assert_int_eq((int)json_get(pain->items[0], "valueInteger")->number, 5);
    /* a yes/no question that also offers "not sure" answers with a coding, never false */
    const JsonValue *yn = json_get(find_item(r, "rf_chest"), "answer");
    ck_assert(yn && json_get(yn->items[0], "valueBoolean") == NULL);
    ck_assert_str_eq(str(json_get(yn->items[0], "valueCoding"), "code"), "no");
    const JsonValue *fever = json_get(find_item(r, "rf_fever"), "answer"); /* yes or no only */
    ck_assert(fever && json_get(fever->items[0], "valueBoolean")->type == JSON_BOOL);
    ck_assert(!json_get(fever->items[0], "valueBoolean")->boolean);

    int n = 0;
    check_items(r, q, &n);
    ck_assert_int_gt(n, 10);
    /* choice items list their options with the codes the answers use */
    const JsonValue *opts = json_get(find_item(q, "since_birth"), "answerOption");
    ck_assert(opts && opts->count >= 2);
    const JsonValue *c0 = json_get(opts->items[0], "valueCoding");
    ck_assert(strncmp(str(c0, "system"), "urn:ppkiosk:option:since_birth", 30) == 0);
    ck_assert_ptr_nonnull(str(c0, "code"));
    /* the PEG mean as an Observation derived from the response */
    const JsonValue *peg = observation(&e, "http://loinc.org", "91147-9");
    ck_assert_ptr_nonnull(peg);
    ck_assert(json_get(json_get(peg, "valueQuantity"), "value")->number == 5.0);
    const JsonValue *from = json_get(peg, "derivedFrom");
    ck_assert(from && from->count == 1);
    const JsonValue *es = json_get(e.root, "entry");
    ck_assert_str_eq(str(from->items[0], "reference"), str(es->items[0], "fullUrl"));
    export_free(&e);
}
END_TEST

/* A raised flag is an Observation: the flag as code, its tier as value, the answers
 * behind it as components. */
START_TEST(test_fhir_flags)
{
    Export e;
    ck_assert_ptr_nonnull(content);
    export_case(&e, LANG_EN, true);
    const JsonValue *o = observation(&e, "urn:ppkiosk:flag", "urgent_chest");
    ck_assert_ptr_nonnull(o);
    const JsonValue *tier = json_get(json_get(o, "valueCodeableConcept"), "coding");
    ck_assert_str_eq(str(tier->items[0], "code"), "urgent");
    const JsonValue *interp = json_get(o, "interpretation");
    ck_assert(interp && interp->count == 1);
    const JsonValue *comp = json_get(o, "component");
    ck_assert(comp && comp->count >= 1);
    const JsonValue *cc = json_get(json_get(comp->items[0], "code"), "coding");
    ck_assert_str_eq(str(cc->items[0], "code"), "rf_chest");
    ck_assert_ptr_nonnull(str(comp->items[0], "valueString"));
    ck_assert_str_eq(str(o, "status"), "preliminary"); /* the interview stopped there */
    /* who saw the urgent screen (only the text summary said it) */
    const JsonValue *note = json_get(o, "note");
    ck_assert(note && note->count == 1);
    ck_assert_str_eq(str(note->items[0], "text"),
                     content_ui(content, "summary.ack_staff", LANG_EN));
    export_free(&e);
}
END_TEST

START_TEST(test_fhir_stopped)
{
    Export e;
    ck_assert_ptr_nonnull(content);
    export_case(&e, LANG_EN, true);
    const JsonValue *r = entry(&e, 0);
    ck_assert_str_eq(str(r, "status"), "in-progress");
    const JsonValue *yn = json_get(find_item(r, "rf_chest"), "answer");
    ck_assert(yn && json_get(yn->items[0], "valueCoding") != NULL);
    ck_assert_str_eq(str(json_get(yn->items[0], "valueCoding"), "code"), "yes");
    /* Not asked: not in the response, and no score Observations. */
    ck_assert_ptr_null(find_item(r, "pain_now"));
    ck_assert_ptr_null(find_item(r, "peg"));
    ck_assert_ptr_null(observation(&e, "http://loinc.org", "91147-9"));
    export_free(&e);
}
END_TEST

/* A safety question skipped, and one answered "not sure": neither is in the response
 * (no value reads as no), and both are named, with why, in the not_answered
 * Observation (fourteenth audit: they were simply absent). */
START_TEST(test_fhir_not_answered)
{
    Session *s = session_new(content, LANG_EN);
    const Question *q;
    while ((q = session_question(s)) != NULL) {
        if (strcmp(q->id, "rf_fever") == 0) {
            ck_assert_int_eq(session_skip(s), 0);
            continue;
        }
        if (strcmp(q->id, "rf_tingling") == 0) {
            ck_assert_int_eq(session_dont_know(s), 0);
            continue;
        }
        Answer a = {.state = ANS_GIVEN, .options = 1u, .value = 5};
        if (q->kind == QK_YESNO) {
            int i = content_option_index(q, "no");
            a.options = 1u << (i < 0 ? 0 : i);
        }
        ck_assert_int_ge(session_answer(s, &a), 0);
    }
    Export e;
    export_session(&e, s);
    ck_assert_ptr_null(find_item(entry(&e, 0), "rf_fever"));
    const JsonValue *o = observation(&e, "urn:ppkiosk:flag", "not_answered");
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq((int)json_get(o, "valueInteger")->number, 2);
    const JsonValue *comp = json_get(o, "component");
    ck_assert(comp && comp->count == 2);
    const char *want[2][2] = {{"rf_fever", "Skipped"}, {"rf_tingling", "Not sure"}};
    for (size_t i = 0; i < 2; i++) {
        const JsonValue *cc = json_get(json_get(comp->items[i], "code"), "coding");
        ck_assert_str_eq(str(cc->items[0], "code"), want[i][0]);
        ck_assert_str_eq(str(comp->items[i], "valueString"), want[i][1]);
    }
    export_free(&e);
}
END_TEST

START_TEST(test_fhir_write_error)
{
    ck_assert_ptr_nonnull(content);
    Session *s = session_new(content, LANG_EN);
    Summary sum;
    interview(s, false);
    ck_assert_int_eq(summary_build(s, &sum), 0);
    FILE *f = fopen("/dev/full", "w");
    if (f) {
        ck_assert_int_eq(fhir_write(&sum, f), PK_EIO);
        fclose(f);
    }
    summary_free(&sum);
    session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fhir");
    TCase *t = tcase_create("export");
    tcase_add_unchecked_fixture(t, load_content, unload_content);
    tcase_add_loop_test(t, test_fhir_completed, 0, LANG_COUNT);
    tcase_add_test(t, test_fhir_stopped);
    tcase_add_test(t, test_fhir_flags);
    tcase_add_test(t, test_fhir_not_answered);
    tcase_add_test(t, test_fhir_write_error);
    suite_add_tcase(s, t);
    return check_run(s);
}
