/* Reads questions.json: each question's class (kind, role, section), texts and answers
 * (options, a 0-10 scale, or yes and no), then the show_if conditions. */
#include <stdio.h>
#include <string.h>

#include "content_load.h"

static const char *const role_names[] = {
    [ROLE_CONTEXT] = "context",
    [ROLE_AREAS] = "areas",
    [ROLE_PAIN_NOW] = "pain_now",
    [ROLE_PEG_PAIN] = "peg_pain",
    [ROLE_PEG_ENJOYMENT] = "peg_enjoyment",
    [ROLE_PEG_ACTIVITY] = "peg_activity",
    [ROLE_RED_FLAG] = "red_flag",
    [ROLE_PHQ2] = "phq2",
};

static const char *const section_names[SECTION_COUNT] = {
    [SECTION_SAFETY_URGENT] = "safety-urgent",
    [SECTION_BIRTH] = "birth",
    [SECTION_SAFETY_TODAY] = "safety-today",
    [SECTION_PAIN] = "pain",
    [SECTION_CONTEXT] = "context",
    [SECTION_MOOD] = "mood",
};

static const char *const kind_names[] = {"choice", "multi", "scale", "yesno"};

enum { NROLES = sizeof role_names / sizeof role_names[0], NKINDS = 4 };

/* The index of the string v among names[0..n) (NULLs are no name), or n when v is none of
 * them or not a string at all. */
static size_t name_index(const JsonValue *v, const char *const *names, size_t n)
{
    size_t k = 0;
    while (v && v->type == JSON_STRING && k < n && (!names[k] || strcmp(names[k], v->string)))
        k++;
    return v && v->type == JSON_STRING ? k : n;
}

static void load_options(Loader *L, const JsonValue *qv, Question *q, const char *what)
{
    const JsonValue *ov = json_get(qv, "options");
    if (q->kind == QK_SCALE || q->kind == QK_YESNO) {
        if (ov)
            cload_error(L, ov, "%s: a %s question takes no \"options\"", what, kind_names[q->kind]);
        return;
    }
    if (!ov || ov->type != JSON_ARRAY || ov->count < 2) {
        cload_error(L, ov ? ov : qv, "%s: needs \"options\": a list of at least two answers", what);
        return;
    }
    if (ov->count > CONTENT_MAX_OPTIONS) {
        cload_error(L, ov, "%s: at most %d options", what, CONTENT_MAX_OPTIONS);
        return;
    }
    Option *opts = cload_alloc(L, ov->count * sizeof *opts);
    if (!opts)
        return;
    static const char *const fields[] = {"id", "label", "say", "region", NULL};
    for (size_t i = 0; i < ov->count; i++) {
        const JsonValue *o = ov->items[i];
        char ow[160];
        snprintf(ow, sizeof ow, "%s option %zu", what, i + 1);
        if (!cload_object(L, o, ow, fields))
            continue;
        opts[i].id = cload_id(L, o, ow);
        if (opts[i].id)
            snprintf(ow, sizeof ow, "%s option \"%s\"", what, opts[i].id);
        if (opts[i].id && content_id_reserved(opts[i].id))
            cload_error(L, json_get(o, "id"), "%s: \"%s\" is the id of a screen's own button", ow,
                        opts[i].id);
        for (size_t j = 0; j < i && opts[i].id; j++)
            if (opts[j].id && strcmp(opts[j].id, opts[i].id) == 0)
                cload_error(L, json_get(o, "id"), "%s: duplicate option id", ow);
        cload_text(L, o, "label", ow, true, &opts[i].label);
        const JsonValue *say = json_get(o, "say");
        if (!say)
            cload_error(L, o, "%s has no voice phrases (\"say\")", ow);
        else
            cload_phrases(L, say, ow, true, opts[i].say, opts[i].nsay);
        const JsonValue *reg = json_get(o, "region");
        if (reg && (reg->type != JSON_STRING || !cload_valid_id(reg->string)))
            cload_error(L, reg, "%s: \"region\" must be an id", ow);
        else if (reg)
            opts[i].body_region = cload_strdup(L, reg->string);
    }
    q->options = opts;
    q->noptions = ov->count;
}

/* yes/no questions get the two options of content_yesno_options; with "unsure" (phrases
 * per language) a third, "not_sure". */
static Option *yesno_options(Loader *L, const JsonValue *unsure, const char *what)
{
    Option *o = cload_alloc(L, 3 * sizeof *o);
    if (!o)
        return NULL;
    if (unsure) {
        o[2].id = "not_sure";
        for (int l = 0; l < LANG_COUNT; l++)
            o[2].label.s[l] = content_ui(L->c, "button.not_sure", l);
        cload_phrases(L, unsure, what, true, o[2].say, o[2].nsay);
    }
    content_yesno_options(L->c, o);
    return o;
}

static void load_scale(Loader *L, const JsonValue *qv, Question *q, const char *what)
{
    q->min = 0;
    q->max = 10;
    const JsonValue *mn = json_get(qv, "min"), *mx = json_get(qv, "max");
    if (mn && (mn->type != JSON_NUMBER || mn->number != 0))
        cload_error(L, mn, "%s: \"min\" must be 0", what);
    if (mx && (mx->type != JSON_NUMBER || mx->number != 10))
        cload_error(L, mx, "%s: \"max\" must be 10 (scales run from 0 to 10)", what);
    cload_text(L, qv, "low", what, true, &q->low);
    cload_text(L, qv, "high", what, true, &q->high);
}

/* The kind, role and section of a question. */
static void load_class(Loader *L, const JsonValue *qv, Question *q, const char *what)
{
    const JsonValue *kv = json_get(qv, "kind"), *rv = json_get(qv, "role");
    size_t k = name_index(kv, kind_names, NKINDS);
    if (k == NKINDS) {
        cload_error(L, kv ? kv : qv, "%s: \"kind\" must be choice, multi, scale or yesno", what);
        k = QK_CHOICE;
    }
    q->kind = (QuestionKind)k;
    size_t r = name_index(rv, role_names, NROLES);
    if (rv && r == NROLES)
        cload_error(L, rv, "%s: unknown role", what);
    else if (rv)
        q->role = (QuestionRole)r;
    const JsonValue *sv = json_get(qv, "section");
    size_t sec = name_index(sv, section_names, SECTION_COUNT);
    q->section = SECTION_CONTEXT;
    if (sv && sec == SECTION_COUNT)
        cload_error(L, sv,
                    "%s: \"section\" must be safety-urgent, birth, safety-today, pain, "
                    "context or mood",
                    what);
    else if (sv)
        q->section = (QuestionSection)sec;
}

/* What a question is answered with: a scale, its options, or yes and no (and "not
 * sure"). */
static void load_answers(Loader *L, const JsonValue *qv, Question *q, const char *what)
{
    if (q->kind == QK_SCALE)
        load_scale(L, qv, q, what);
    else if (json_get(qv, "low") || json_get(qv, "high") || json_get(qv, "min") ||
             json_get(qv, "max"))
        cload_error(L, qv, "%s: min, max, low and high are only for scale questions", what);
    load_options(L, qv, q, what);
    const JsonValue *unsure = json_get(qv, "unsure");
    if (unsure && q->kind != QK_YESNO)
        cload_error(L, unsure, "%s: \"unsure\" is only for yesno questions", what);
    if (q->kind == QK_YESNO) {
        q->options = yesno_options(L, unsure, what);
        q->noptions = unsure ? 3 : 2;
    }
}

/* True for a code as LOINC and the exports write them: 1 to CONTENT_MAX_CODE_BYTES
 * letters, digits and - . : _ (it goes into every FHIR export as it is; a 1 MB code
 * loaded, and so did one with quotes and spaces). */
static bool valid_code(const char *s)
{
    size_t n = strlen(s);
    return n > 0 && n <= CONTENT_MAX_CODE_BYTES &&
           strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.:_") == n;
}

/* Question i, all but its condition. */
static void load_question(Loader *L, const JsonValue *qv, Question *q, size_t i)
{
    static const char *const fields[] = {"id",   "kind", "role",    "code",    "text", "short",
                                         "help", "skip", "show_if", "options", "min",  "max",
                                         "low",  "high", "section", "unsure",  NULL};
    char what[96];
    cload_entry_name(qv, "question", i, what, sizeof what);
    q->id = ""; /* also for an entry that is not an object at all */
    if (!cload_object(L, qv, what, fields))
        return;
    const char *id = cload_id(L, qv, what);
    if (id) {
        q->id = id;
        snprintf(what, sizeof what, "question \"%s\"", id);
        cload_note_id(L, &L->question_ids, qv, id, (int)i, "question");
    }
    load_class(L, qv, q, what);
    const JsonValue *cv = json_get(qv, "code");
    if (cv && (cv->type != JSON_STRING || !valid_code(cv->string)))
        cload_error(L, cv,
                    "%s: \"code\" must be a code as LOINC writes them (\"72514-3\"): "
                    "letters, digits, '-' '.' ':' '_', at most %d",
                    what, CONTENT_MAX_CODE_BYTES);
    else if (cv)
        q->code = cload_strdup(L, cv->string);
    cload_text(L, qv, "text", what, true, &q->text);
    cload_text(L, qv, "short", what, true, &q->short_label);
    cload_text(L, qv, "help", what, false, &q->help);
    const JsonValue *sv = json_get(qv, "skip");
    q->can_skip = true;
    if (sv && sv->type != JSON_BOOL)
        cload_error(L, sv, "%s: \"skip\" must be true or false", what);
    else if (sv)
        q->can_skip = sv->boolean;
    load_answers(L, qv, q, what);
}

void cload_questions(Loader *L, const JsonValue *root)
{
    static const char *const top[] = {"questions", NULL};
    if (!cload_object(L, root, "questions.json", top))
        return;
    const JsonValue *list = cload_list(L, root, "questions");
    if (!list)
        return;
    Question *qs = cload_alloc(L, (list->count + 1) * sizeof *qs);
    if (!qs)
        return;
    L->c->questions = qs;
    for (size_t i = 0; i < list->count; i++) {
        L->c->nquestions = i + 1;
        load_question(L, list->items[i], &qs[i], i);
    }
    /* Conditions last: they may name any earlier question. */
    for (size_t i = 0; i < L->c->nquestions; i++) {
        const JsonValue *cond = json_get(list->items[i], "show_if");
        char what[96];
        if (*qs[i].id)
            snprintf(what, sizeof what, "question \"%s\" show_if", qs[i].id);
        else
            snprintf(what, sizeof what, "question %zu show_if", i + 1);
        if (cond) {
            L->no_unknown = true; /* decided while she answers */
            qs[i].show_if = cload_cond(L, cond, i, what);
            L->no_unknown = false;
        }
    }
}

void content_yesno_options(const Content *c, Option out[2])
{
    memset(out, 0, 2 * sizeof *out);
    out[0].id = "yes";
    out[1].id = "no";
    for (int l = 0; l < LANG_COUNT; l++) {
        out[0].label.s[l] = content_ui(c, "button.yes", l);
        out[1].label.s[l] = content_ui(c, "button.no", l);
        out[0].say[l] = c->lexicon.yes[l];
        out[0].nsay[l] = c->lexicon.nyes[l];
        out[1].say[l] = c->lexicon.no[l];
        out[1].nsay[l] = c->lexicon.nno[l];
    }
}

const char *content_kind_name(QuestionKind k)
{
    return (unsigned)k < NKINDS ? kind_names[k] : "?";
}

const char *content_section_name(QuestionSection s)
{
    return (unsigned)s < SECTION_COUNT ? section_names[s] : "?";
}
