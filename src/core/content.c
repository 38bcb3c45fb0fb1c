/* Loads the content directory into a Content, reporting every problem with its place.
 * Each file is read by one function below; rules (conditions) are read by cload_cond. */
#include "content.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_load.h"
#include "error.h"
#include "file.h"
#include "strmap.h"

enum { ADVICE_LINE_MAX = 120 }; /* characters in a how-to or caution */

/* ---- questions.json ---- */

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

/* Records id (of entry v, at index) in ids, reporting a duplicate. */
static void note_id(Loader *L, StrMap *ids, const JsonValue *v, const char *id, int index,
                    const char *what)
{
    int rc = id ? strmap_add(ids, id, index, NULL) : 1;
    if (rc < 0)
        L->nomem = true;
    else if (rc == 0)
        cload_error(L, json_get(v, "id"), "duplicate %s id \"%s\"", what, id);
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

/* Question i, all but its condition. */
static void load_question(Loader *L, const JsonValue *qv, Question *q, size_t i)
{
    static const char *const fields[] = {"id",   "kind", "role",    "code",    "text", "short",
                                         "help", "skip", "show_if", "options", "min",  "max",
                                         "low",  "high", "section", "unsure",  NULL};
    char what[96];
    snprintf(what, sizeof what, "question %zu", i + 1);
    q->id = ""; /* also for an entry that is not an object at all */
    if (!cload_object(L, qv, what, fields))
        return;
    const char *id = cload_id(L, qv, what);
    if (id) {
        q->id = id;
        snprintf(what, sizeof what, "question \"%s\"", id);
        note_id(L, &L->question_ids, qv, id, (int)i, "question");
    }
    load_class(L, qv, q, what);
    const JsonValue *cv = json_get(qv, "code");
    if (cv && cv->type != JSON_STRING)
        cload_error(L, cv, "%s: \"code\" must be a string", what);
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

static void load_questions(Loader *L, const JsonValue *root)
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
        if (cond)
            qs[i].show_if = cload_cond(L, cond, i, what);
    }
}

/* ---- causes.json, advice.json, flags.json ---- */

/* One kind of list entry (a cause, a flag, a hold, an advice item): its name in
 * messages, its fields, the size of its struct, whose first member is the id, and a
 * reader for the rest of one entry (entry number i; ctx is the caller's). */
typedef struct {
    const char *name;
    const char *const *fields;
    size_t size;
    void (*read)(Loader *L, const JsonValue *v, void *entry, size_t i, void *ctx, const char *what);
} EntryKind;

/* Reads every entry of list into a new array of kind->size structs (with a spare one at
 * the end): fields checked, ids checked and unique, then kind->read. NULL when out of
 * memory. */
static void *load_entries(Loader *L, const JsonValue *list, const EntryKind *kind, void *ctx)
{
    char *entries = cload_alloc(L, (list->count + 1) * kind->size);
    if (!entries)
        return NULL;
    StrMap ids = {0};
    for (size_t i = 0; i < list->count; i++) {
        const JsonValue *v = list->items[i];
        void *entry = entries + i * kind->size;
        const char **id = entry; /* the first member of every entry struct */
        char what[96];
        snprintf(what, sizeof what, "%s %zu", kind->name, i + 1);
        if (!cload_object(L, v, what, kind->fields))
            continue;
        *id = cload_id(L, v, what);
        if (*id)
            snprintf(what, sizeof what, "%s \"%s\"", kind->name, *id);
        note_id(L, &ids, v, *id, (int)i, kind->name);
        kind->read(L, v, entry, i, ctx, what);
    }
    strmap_free(&ids);
    return entries;
}

/* The rule v[key], NULL when absent; with required, its absence is a problem. */
static const Cond *load_rule(Loader *L, const JsonValue *v, const char *key, bool required,
                             const char *what)
{
    const JsonValue *w = json_get(v, key);
    if (!w && required)
        cload_error(L, v, "%s has no rule (\"%s\")", what, key);
    return w ? cload_cond(L, w, L->c->nquestions, what) : NULL;
}

static void read_cause(Loader *L, const JsonValue *v, void *entry, size_t i, void *ctx,
                       const char *what)
{
    Cause *c = entry;
    (void)i, (void)ctx;
    cload_text(L, v, "title", what, true, &c->title);
    cload_text(L, v, "text", what, true, &c->text);
    c->when = load_rule(L, v, "when", true, what);
    c->also = load_rule(L, v, "also", false, what);
}

static void load_causes(Loader *L, const JsonValue *root)
{
    static const char *const top[] = {"causes", NULL};
    static const char *const fields[] = {"id", "title", "text", "when", "also", NULL};
    static const EntryKind kind = {"cause", fields, sizeof(Cause), read_cause};
    const JsonValue *list;
    if (!cload_object(L, root, "causes.json", top) || !(list = cload_list(L, root, "causes")))
        return;
    if ((L->c->causes = load_entries(L, list, &kind, NULL)))
        L->c->ncauses = list->count;
}

/* A how-to or caution must fit one printed line, so the plan stays short enough for a
 * clinician to scan and a patient to follow. */
static void check_one_line(Loader *L, const JsonValue *v, const char *what, const char *key,
                           const Text *t)
{
    for (int l = 0; l < LANG_COUNT && v; l++) {
        size_t chars = 0;
        for (const char *p = t->s[l]; p && *p; p++)
            chars += ((unsigned char)*p & 0xC0) != 0x80;
        if (chars > ADVICE_LINE_MAX)
            cload_error(L, json_get(v, lang_code(l)),
                        "%s: the %s \"%s\" is %zu characters; keep it to one line (at most "
                        "%d)",
                        what, lang_code(l), key, chars, ADVICE_LINE_MAX);
    }
}

static void read_hold(Loader *L, const JsonValue *v, void *entry, size_t i, void *ctx,
                      const char *what)
{
    AdviceHold *h = entry;
    (void)i, (void)ctx;
    cload_text(L, v, "text", what, true, &h->text);
    h->when = load_rule(L, v, "when", true, what);
}

/* "holds": [{"id", "text", "when"}]: optional. */
static void load_holds(Loader *L, const JsonValue *list)
{
    static const char *const fields[] = {"id", "text", "when", NULL};
    static const EntryKind kind = {"hold", fields, sizeof(AdviceHold), read_hold};
    if (!list)
        return;
    if (list->type != JSON_ARRAY) {
        cload_error(L, list, "\"holds\" must be a list");
        return;
    }
    if (list->count > CONTENT_MAX_ENTRIES) {
        cload_error(L, list, "\"holds\" has %zu entries; at most %d are allowed", list->count,
                    CONTENT_MAX_ENTRIES);
        return;
    }
    if ((L->c->holds = load_entries(L, list, &kind, NULL)))
        L->c->nholds = list->count;
}

/* "held_by": ["hold_id", ...] of one advice item. */
static void load_held_by(Loader *L, const JsonValue *v, Advice *a, const char *what)
{
    if (!v)
        return;
    if (v->type != JSON_ARRAY || v->count > ADVICE_MAX_HOLDS) {
        cload_error(L, v, "%s: \"held_by\" must be a list of at most %d hold ids", what,
                    ADVICE_MAX_HOLDS);
        return;
    }
    for (size_t i = 0; i < v->count; i++) {
        const JsonValue *h = v->items[i];
        size_t k = 0;
        while (h->type == JSON_STRING && k < L->c->nholds &&
               (!L->c->holds[k].id || strcmp(L->c->holds[k].id, h->string)))
            k++;
        if (h->type != JSON_STRING || k == L->c->nholds)
            cload_error(L, h, "%s: \"held_by\" names no hold of \"holds\"", what);
        else
            a->held_by[a->nheld_by++] = &L->c->holds[k];
    }
}

/* "groups": [{"id", "title"}]; their ids go into gids. */
static void load_groups(Loader *L, const JsonValue *groups, StrMap *gids)
{
    static const char *const fields[] = {"id", "title", NULL};
    AdviceGroup *gs = cload_alloc(L, (groups->count + 1) * sizeof *gs);
    if (!gs)
        return;
    for (size_t i = 0; i < groups->count; i++) {
        const JsonValue *v = groups->items[i];
        if (!cload_object(L, v, "advice group", fields))
            continue;
        gs[i].id = cload_id(L, v, "advice group");
        note_id(L, gids, v, gs[i].id, (int)i, "advice group");
        cload_text(L, v, "title", "advice group", true, &gs[i].title);
    }
    L->c->groups = gs;
    L->c->ngroups = groups->count;
}

/* While reading advice items: the group ids, and which group each item is in. */
typedef struct {
    StrMap gids;   /* group id -> index in c->groups */
    int *in_group; /* per item: its group, or -1 */
    size_t *start; /* per group + 1: items before it, once summed */
} AdviceGroups;

static void read_advice(Loader *L, const JsonValue *v, void *entry, size_t i, void *ctx,
                        const char *what)
{
    Advice *a = entry;
    AdviceGroups *ag = ctx;
    const JsonValue *g = json_get(v, "group");
    int gi;
    if (!g || g->type != JSON_STRING || !strmap_get(&ag->gids, g->string, &gi)) {
        cload_error(L, g ? g : v, "%s: \"group\" must be one of the groups' ids", what);
    } else {
        a->group = L->c->groups[gi].id;
        ag->in_group[i] = gi;
        ag->start[gi + 1]++;
    }
    cload_text(L, v, "title", what, true, &a->title);
    cload_text(L, v, "how", what, true, &a->how);
    cload_text(L, v, "caution", what, false, &a->caution);
    check_one_line(L, json_get(v, "how"), what, "how", &a->how);
    check_one_line(L, json_get(v, "caution"), what, "caution", &a->caution);
    a->when = load_rule(L, v, "when", false, what);
    const JsonValue *cw = json_get(v, "caution_when");
    if (cw && !a->caution.s[LANG_EN])
        cload_error(L, cw, "%s: \"caution_when\" without a \"caution\"", what);
    else if (cw)
        a->caution_when = cload_cond(L, cw, L->c->nquestions, what);
    const JsonValue *rk = json_get(v, "rank");
    if (rk && (rk->type != JSON_NUMBER || rk->number < 1 || rk->number > 99 ||
               rk->number != (int)rk->number))
        cload_error(L, rk, "%s: \"rank\" must be a whole number from 1 to 99", what);
    else if (rk)
        a->rank = (int)rk->number;
    load_held_by(L, json_get(v, "held_by"), a, what);
}

static void load_advice(Loader *L, const JsonValue *root)
{
    static const char *const top[] = {"groups", "holds", "advice", NULL};
    static const char *const fields[] = {"id",           "group", "title", "how",     "caution",
                                         "caution_when", "when",  "rank",  "held_by", NULL};
    static const EntryKind kind = {"advice", fields, sizeof(Advice), read_advice};
    const JsonValue *groups, *list;
    if (!cload_object(L, root, "advice.json", top) || !(groups = cload_list(L, root, "groups")) ||
        !(list = cload_list(L, root, "advice")))
        return;
    load_holds(L, json_get(root, "holds"));
    AdviceGroups ag = {.in_group = cload_alloc(L, (list->count + 1) * sizeof *ag.in_group),
                       .start = cload_alloc(L, (groups->count + 1) * sizeof *ag.start)};
    Advice *as = cload_alloc(L, (list->count + 1) * sizeof *as);
    if (ag.in_group && ag.start && as) {
        for (size_t i = 0; i < list->count; i++)
            ag.in_group[i] = -1;
        load_groups(L, groups, &ag.gids);
    }
    const Advice *items = L->c->groups ? load_entries(L, list, &kind, &ag) : NULL;
    strmap_free(&ag.gids);
    if (!items)
        return;
    /* Stored in group order, so the plan reads group by group (a counting sort, so
     * file order is kept within a group). */
    for (size_t gi = 0; gi < groups->count; gi++)
        ag.start[gi + 1] += ag.start[gi];
    size_t n = 0;
    for (size_t i = 0; i < list->count; i++)
        if (ag.in_group[i] >= 0) {
            as[ag.start[ag.in_group[i]]++] = items[i];
            n++;
        }
    L->c->advice = as;
    L->c->nadvice = n;
}

static void read_flag(Loader *L, const JsonValue *v, void *entry, size_t i, void *ctx,
                      const char *what)
{
    Flag *f = entry;
    (void)i, (void)ctx;
    const JsonValue *t = json_get(v, "tier");
    if (t && t->type == JSON_STRING && strcmp(t->string, "urgent") == 0)
        f->tier = TIER_URGENT;
    else if (t && t->type == JSON_STRING && strcmp(t->string, "clinician") == 0)
        f->tier = TIER_CLINICIAN;
    else
        cload_error(L, t ? t : v, "%s: \"tier\" must be \"urgent\" or \"clinician\"", what);
    cload_text(L, v, "text", what, true, &f->text);
    f->when = load_rule(L, v, "when", true, what);
}

static void load_flags(Loader *L, const JsonValue *root)
{
    static const char *const top[] = {"flags", NULL};
    static const char *const fields[] = {"id", "tier", "text", "when", NULL};
    static const EntryKind kind = {"flag", fields, sizeof(Flag), read_flag};
    const JsonValue *list;
    if (!cload_object(L, root, "flags.json", top) || !(list = cload_list(L, root, "flags")))
        return;
    if ((L->c->flags = load_entries(L, list, &kind, NULL)))
        L->c->nflags = list->count;
}

/* ---- public ---- */

static const struct {
    const char *name;
    void (*load)(Loader *L, const JsonValue *root);
} content_files[] = {
    /* lexicon and ui first: yes/no questions are built from them */
    {"lexicon.json", cload_lexicon},    {"ui.json", cload_ui},
    {"questions.json", load_questions}, {"causes.json", load_causes},
    {"advice.json", load_advice},       {"flags.json", load_flags},
};

/* Reads and parses the content file at path (arena: the JSON tree's) into *root. Returns
 * 0; PK_ECONTENT after reporting why it could not be read or parsed; PK_ENOMEM. */
static int parse_file(Loader *L, const char *path, Arena *arena, JsonValue **root)
{
    char *text = NULL;
    size_t len = 0;
    const char *why = NULL;
    int rc = file_read_regular(path, CONTENT_MAX_FILE_BYTES, &text, &len, &why);
    if (rc == PK_ENOMEM)
        return rc;
    if (rc) {
        if (rc == PK_EINVAL && strcmp(why, "file is too large") == 0)
            diags_add(L->diags, path, 0, 0, NULL, "file is too large (at most %d bytes)",
                      CONTENT_MAX_FILE_BYTES);
        else
            diags_add(L->diags, path, 0, 0, NULL, "%s", why);
        return PK_ECONTENT;
    }
    JsonError jerr;
    rc = json_parse(text, len, arena, root, &jerr);
    free(text);
    if (rc == PK_EINVAL) {
        diags_add(L->diags, path, jerr.line, jerr.col, NULL, "%s", jerr.msg);
        return PK_ECONTENT;
    }
    return rc;
}

int content_load(const char *dir, Content **out, Diags *diags)
{
    *out = NULL;
    Content *c = calloc(1, sizeof *c);
    struct ContentPrivate *p = calloc(1, sizeof *p);
    if (!c || !p) {
        free(c);
        free(p);
        return PK_ENOMEM;
    }
    c->priv = p;
    size_t before = diags->count;
    Loader L = {.c = c, .arena = &p->arena, .diags = diags};
    Arena json_arena = {0};
    const JsonValue *questions_root = NULL;
    bool all_read = true;
    for (size_t i = 0; i < sizeof content_files / sizeof content_files[0] && !L.nomem; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, content_files[i].name);
        L.file = path;
        JsonValue *root;
        int rc = parse_file(&L, path, &json_arena, &root);
        if (rc == PK_ENOMEM)
            L.nomem = true;
        all_read = all_read && rc == 0;
        if (rc == 0)
            content_files[i].load(&L, root);
        if (rc == 0 && content_files[i].load == load_questions)
            questions_root = root;
    }
    L.file = dir;
    if (all_read && !L.nomem && diags->count == before)
        cload_check(&L, dir, questions_root);
    strmap_free(&L.question_ids);
    arena_free(&json_arena);
    if (L.nomem || diags->count != before) {
        content_free(c);
        return L.nomem ? PK_ENOMEM : PK_ECONTENT;
    }
    *out = c;
    return 0;
}

void content_free(Content *c)
{
    if (!c)
        return;
    if (c->priv) {
        strmap_free(&c->priv->ui_map);
        arena_free(&c->priv->arena);
        free(c->priv);
    }
    free(c);
}

int content_question_index(const Content *c, const char *id)
{
    for (size_t i = 0; i < c->nquestions; i++)
        if (c->questions[i].id && strcmp(c->questions[i].id, id) == 0)
            return (int)i;
    return -1;
}

int question_option_index(const Question *q, const char *option_id)
{
    for (size_t i = 0; i < q->noptions; i++)
        if (q->options[i].id && strcmp(q->options[i].id, option_id) == 0)
            return (int)i;
    return -1;
}

const char *content_ui(const Content *c, const char *key, Lang lang)
{
    const struct ContentPrivate *p = c->priv;
    int i;
    if (strmap_get(&p->ui_map, key, &i))
        return text_get(&p->ui_texts[i], lang);
    return key;
}

const char *content_group_title(const Content *c, const char *group, Lang lang)
{
    for (size_t i = 0; i < c->ngroups; i++)
        if (c->groups[i].id && strcmp(c->groups[i].id, group) == 0)
            return text_get(&c->groups[i].title, lang);
    return group;
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

const char *command_name(Command cmd)
{
    static const char *const names[CMD_COUNT] = {"repeat", "go_back",    "skip",  "dont_know",
                                                 "help",   "start_over", "start", "done"};
    return (unsigned)cmd < CMD_COUNT ? names[cmd] : "none";
}

const char *content_kind_name(QuestionKind k)
{
    return (unsigned)k < NKINDS ? kind_names[k] : "?";
}

const char *content_section_name(QuestionSection s)
{
    return (unsigned)s < SECTION_COUNT ? section_names[s] : "?";
}
