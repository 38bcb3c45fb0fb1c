/* Loads the content directory into a Content, reporting every problem with its place.
 * Each file is read by one function below; rules (conditions) are read by parse_cond. */
#include "content.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "content_load.h"
#include "error.h"
#include "interp.h"
#include "ui_keys.h"

static const char *const lang_names[LANG_COUNT] = {"English", "Spanish"};

void loader_error(Loader *L, const JsonValue *v, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diags_add(L->diags, L->file, v ? v->line : 0, v ? v->col : 0, NULL, "%s", msg);
}

static void *lalloc(Loader *L, size_t size)
{
    void *p = arena_alloc(L->arena, size);
    if (!p)
        L->nomem = true;
    return p;
}

static const char *lstrdup(Loader *L, const char *s)
{
    char *d = arena_strndup(L->arena, s, strlen(s));
    if (!d)
        L->nomem = true;
    return d;
}

/* Reads a whole file into a malloc'd buffer. */
static int read_file(const char *path, char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno == ENOENT ? PK_ENOENT : PK_EIO;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (cap - n < 4096) {
            cap = cap ? cap * 2 : 16384;
            char *b = realloc(buf, cap);
            if (!b) {
                free(buf);
                fclose(f);
                return PK_ENOMEM;
            }
            buf = b;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return PK_EIO;
    }
    *out = buf;
    *len = n;
    return 0;
}

/* Checks that obj is an object whose keys are all among allowed (NULL-terminated). */
static bool check_object(Loader *L, const JsonValue *obj, const char *what,
                         const char *const *allowed)
{
    if (!obj || obj->type != JSON_OBJECT) {
        loader_error(L, obj, "%s must be an object { ... }", what);
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

static bool valid_id(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_'))
            return false;
    return true;
}

/* Reads a required id string member. */
static const char *get_id(Loader *L, const JsonValue *obj, const char *what)
{
    const JsonValue *v = json_get(obj, "id");
    if (!v) {
        loader_error(L, obj, "%s has no \"id\"", what);
        return NULL;
    }
    if (v->type != JSON_STRING || !valid_id(v->string)) {
        loader_error(L, v, "%s: \"id\" must be lower-case letters, digits and _", what);
        return NULL;
    }
    return lstrdup(L, v->string);
}

/* Reads {"en": "...", "es": "..."}. A missing member is an error when required. */
static void get_text(Loader *L, const JsonValue *obj, const char *key, const char *what,
                     bool required, Text *out)
{
    memset(out, 0, sizeof *out);
    const JsonValue *v = json_get(obj, key);
    if (!v) {
        if (required)
            loader_error(L, obj, "%s has no \"%s\" text", what, key);
        return;
    }
    static const char *const langs[] = {"en", "es", NULL};
    char ctx[160];
    snprintf(ctx, sizeof ctx, "%s \"%s\"", what, key);
    if (!check_object(L, v, ctx, langs))
        return;
    for (int l = 0; l < LANG_COUNT; l++) {
        const JsonValue *s = json_get(v, lang_code(l));
        if (!s) {
            loader_error(L, v, "%s: the %s text (\"%s\") is missing", ctx, lang_names[l],
                         lang_code(l));
        } else if (s->type != JSON_STRING || !*s->string) {
            loader_error(L, s, "%s: the %s text must be a non-empty string", ctx, lang_names[l]);
        } else {
            out->s[l] = lstrdup(L, s->string);
        }
    }
}

/* Reads a list of phrases, normalised, into *out / *n. */
static void get_phrase_list(Loader *L, const JsonValue *arr, const char *what,
                            const char *const **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!arr || arr->type != JSON_ARRAY) {
        loader_error(L, arr, "%s must be a list of phrases [\"...\"]", what);
        return;
    }
    const char **list = lalloc(L, (arr->count + 1) * sizeof *list);
    if (!list)
        return;
    size_t k = 0;
    for (size_t i = 0; i < arr->count; i++) {
        const JsonValue *s = arr->items[i];
        char norm[256];
        if (s->type != JSON_STRING) {
            loader_error(L, s, "%s: every phrase must be a string", what);
            continue;
        }
        if (interp_normalize(s->string, norm, sizeof norm) == 0) {
            loader_error(L, s, "%s: phrase \"%s\" has no letters or digits", what, s->string);
            continue;
        }
        list[k++] = lstrdup(L, norm);
    }
    *out = list;
    *n = k;
}

/* Reads {"en": [...], "es": [...]} phrase lists. */
static void get_phrases(Loader *L, const JsonValue *v, const char *what, bool required,
                        const char *const **out, size_t *n)
{
    static const char *const langs[] = {"en", "es", NULL};
    if (!check_object(L, v, what, langs))
        return;
    for (int l = 0; l < LANG_COUNT; l++) {
        const JsonValue *arr = json_get(v, lang_code(l));
        char ctx[160];
        snprintf(ctx, sizeof ctx, "%s (%s)", what, lang_names[l]);
        if (!arr) {
            loader_error(L, v, "%s: the %s phrases (\"%s\") are missing", what, lang_names[l],
                         lang_code(l));
            continue;
        }
        get_phrase_list(L, arr, ctx, &out[l], &n[l]);
        if (required && arr->type == JSON_ARRAY && n[l] == 0)
            loader_error(L, arr, "%s: needs at least one phrase", ctx);
    }
}

static const JsonValue *get_list(Loader *L, const JsonValue *root, const char *key)
{
    const JsonValue *v = json_get(root, key);
    if (!v || v->type != JSON_ARRAY) {
        loader_error(L, v ? v : root, "expected \"%s\": [ ... ] at the top level", key);
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
};

static bool option_mask(Loader *L, const Question *q, const JsonValue *v, uint32_t *mask)
{
    if (v->type != JSON_STRING) {
        loader_error(L, v, "expected an option id of question \"%s\"", q->id);
        return false;
    }
    int i = question_option_index(q, v->string);
    if (i < 0) {
        loader_error(L, v, "question \"%s\" has no option \"%s\"", q->id, v->string);
        return false;
    }
    *mask |= 1u << i;
    return true;
}

static const Cond *parse_cond(Loader *L, const JsonValue *v, size_t limit, const char *what);

static const Cond *parse_cond_list(Loader *L, const JsonValue *v, CondOp op, size_t limit,
                                   const char *what)
{
    Cond *c = lalloc(L, sizeof *c);
    if (!c)
        return NULL;
    c->op = op;
    if (op == COND_NOT) {
        const Cond **kids = lalloc(L, sizeof *kids);
        if (!kids || !(kids[0] = parse_cond(L, v, limit, what)))
            return NULL;
        c->kids = kids;
        c->nkids = 1;
        return c;
    }
    if (v->type != JSON_ARRAY || v->count == 0) {
        loader_error(L, v, "%s: \"%s\" needs a non-empty list of conditions", what,
                     op == COND_ALL ? "all" : "any");
        return NULL;
    }
    const Cond **kids = lalloc(L, v->count * sizeof *kids);
    if (!kids)
        return NULL;
    for (size_t i = 0; i < v->count; i++)
        if (!(kids[i] = parse_cond(L, v->items[i], limit, what)))
            return NULL;
    c->kids = kids;
    c->nkids = v->count;
    return c;
}

/* Parses a condition; questions at index >= limit may not be named (show_if may only
 * look back). Returns NULL after reporting a problem. */
static const Cond *parse_cond(Loader *L, const JsonValue *v, size_t limit, const char *what)
{
    if (!v || v->type != JSON_OBJECT || v->count == 0) {
        loader_error(L, v,
                     "%s: a condition must be an object like {\"q\": \"id\", "
                     "\"equals\": \"option\"}",
                     what);
        return NULL;
    }
    if (v->count == 1 && !json_get(v, "q")) {
        const JsonMember *m = &v->members[0];
        if (strcmp(m->key, "all") == 0)
            return parse_cond_list(L, m->value, COND_ALL, limit, what);
        if (strcmp(m->key, "any") == 0)
            return parse_cond_list(L, m->value, COND_ANY, limit, what);
        if (strcmp(m->key, "not") == 0)
            return parse_cond_list(L, m->value, COND_NOT, limit, what);
        loader_error(L, v, "%s: unknown condition \"%s\" (use all, any, not, or \"q\")", what,
                     m->key);
        return NULL;
    }
    const JsonValue *qv = json_get(v, "q");
    if (!qv || qv->type != JSON_STRING || v->count != 2) {
        loader_error(L, v,
                     "%s: a test needs \"q\" and exactly one of equals, one_of, "
                     "includes, includes_any, at_least, at_most",
                     what);
        return NULL;
    }
    int qi = content_question_index(L->c, qv->string);
    if (qi < 0) {
        loader_error(L, qv, "%s: unknown question \"%s\"", what, qv->string);
        return NULL;
    }
    if ((size_t)qi >= limit) {
        loader_error(L, qv, "%s: may only depend on questions asked before it, not \"%s\"", what,
                     qv->string);
        return NULL;
    }
    const Question *q = &L->c->questions[qi];
    const JsonMember *m = v->members[0].value == qv ? &v->members[1] : &v->members[0];
    const JsonValue *arg = m->value;
    Cond *c = lalloc(L, sizeof *c);
    if (!c)
        return NULL;
    c->question = (size_t)qi;
    size_t k = 0;
    while (k < sizeof cond_ops / sizeof cond_ops[0] && strcmp(cond_ops[k].name, m->key) != 0)
        k++;
    if (k == sizeof cond_ops / sizeof cond_ops[0]) {
        loader_error(L, arg, "%s: unknown test \"%s\"", what, m->key);
        return NULL;
    }
    c->op = cond_ops[k].op;
    bool scale = q->kind == QK_SCALE, multi = q->kind == QK_MULTI;
    switch (c->op) {
    case COND_EQUALS:
        if (scale) {
            if (arg->type != JSON_NUMBER || arg->number != (int)arg->number ||
                arg->number < q->min || arg->number > q->max) {
                loader_error(L, arg, "%s: \"%s\" takes a whole number from %d to %d", what, q->id,
                             q->min, q->max);
                return NULL;
            }
            c->number = (int)arg->number;
            return c;
        }
        if (multi) {
            loader_error(L, arg, "%s: \"%s\" has several answers; use includes", what, q->id);
            return NULL;
        }
        return option_mask(L, q, arg, &c->options) ? c : NULL;
    case COND_INCLUDES:
        if (!multi) {
            loader_error(L, arg, "%s: includes is for several-answer questions; \"%s\" is %s", what,
                         q->id, question_kind_name(q->kind));
            return NULL;
        }
        return option_mask(L, q, arg, &c->options) ? c : NULL;
    case COND_ONE_OF:
    case COND_INCLUDES_ANY:
        if ((c->op == COND_ONE_OF) == multi || scale) {
            loader_error(L, arg, "%s: %s does not fit \"%s\" (%s)", what, m->key, q->id,
                         question_kind_name(q->kind));
            return NULL;
        }
        if (arg->type != JSON_ARRAY || arg->count == 0) {
            loader_error(L, arg, "%s: %s needs a list of option ids", what, m->key);
            return NULL;
        }
        for (size_t i = 0; i < arg->count; i++)
            if (!option_mask(L, q, arg->items[i], &c->options))
                return NULL;
        return c;
    default: /* at_least, at_most */
        if (!scale) {
            loader_error(L, arg, "%s: %s is for 0-10 questions; \"%s\" is %s", what, m->key, q->id,
                         question_kind_name(q->kind));
            return NULL;
        }
        if (arg->type != JSON_NUMBER || arg->number != (int)arg->number || arg->number < q->min ||
            arg->number > q->max) {
            loader_error(L, arg, "%s: %s takes a whole number from %d to %d", what, m->key, q->min,
                         q->max);
            return NULL;
        }
        c->number = (int)arg->number;
        return c;
    }
}

/* ---- questions.json ---- */

static const struct {
    const char *name;
    QuestionRole role;
} role_names[] = {
    {"context", ROLE_CONTEXT},
    {"areas", ROLE_AREAS},
    {"pain_now", ROLE_PAIN_NOW},
    {"peg_pain", ROLE_PEG_PAIN},
    {"peg_enjoyment", ROLE_PEG_ENJOYMENT},
    {"peg_activity", ROLE_PEG_ACTIVITY},
    {"red_flag", ROLE_RED_FLAG},
};

static const char *const kind_names[] = {"choice", "multi", "scale", "yesno"};

static void load_options(Loader *L, const JsonValue *qv, Question *q, const char *what)
{
    const JsonValue *ov = json_get(qv, "options");
    if (q->kind == QK_SCALE || q->kind == QK_YESNO) {
        if (ov)
            loader_error(L, ov, "%s: a %s question takes no \"options\"", what,
                         kind_names[q->kind]);
        return;
    }
    if (!ov || ov->type != JSON_ARRAY || ov->count < 2) {
        loader_error(L, ov ? ov : qv, "%s: needs \"options\": a list of at least two answers",
                     what);
        return;
    }
    if (ov->count > CONTENT_MAX_OPTIONS) {
        loader_error(L, ov, "%s: at most %d options", what, CONTENT_MAX_OPTIONS);
        return;
    }
    Option *opts = lalloc(L, ov->count * sizeof *opts);
    if (!opts)
        return;
    static const char *const fields[] = {"id", "label", "say", "region", NULL};
    for (size_t i = 0; i < ov->count; i++) {
        const JsonValue *o = ov->items[i];
        char ow[160];
        snprintf(ow, sizeof ow, "%s option %zu", what, i + 1);
        if (!check_object(L, o, ow, fields))
            continue;
        opts[i].id = get_id(L, o, ow);
        if (opts[i].id)
            snprintf(ow, sizeof ow, "%s option \"%s\"", what, opts[i].id);
        for (size_t j = 0; j < i && opts[i].id; j++)
            if (opts[j].id && strcmp(opts[j].id, opts[i].id) == 0)
                loader_error(L, json_get(o, "id"), "%s: duplicate option id", ow);
        get_text(L, o, "label", ow, true, &opts[i].label);
        const JsonValue *say = json_get(o, "say");
        if (!say)
            loader_error(L, o, "%s has no voice phrases (\"say\")", ow);
        else
            get_phrases(L, say, ow, true, opts[i].say, opts[i].nsay);
        const JsonValue *reg = json_get(o, "region");
        if (reg && (reg->type != JSON_STRING || !valid_id(reg->string)))
            loader_error(L, reg, "%s: \"region\" must be an id", ow);
        else if (reg)
            opts[i].body_region = lstrdup(L, reg->string);
    }
    q->options = opts;
    q->noptions = ov->count;
}

/* yes/no questions get two options made from the lexicon and the interface strings. */
static Option *yesno_options(Loader *L)
{
    Option *o = lalloc(L, 2 * sizeof *o);
    if (!o)
        return NULL;
    o[0].id = "yes";
    o[1].id = "no";
    for (int l = 0; l < LANG_COUNT; l++) {
        o[0].label.s[l] = content_ui(L->c, "button.yes", l);
        o[1].label.s[l] = content_ui(L->c, "button.no", l);
        o[0].say[l] = L->c->lexicon.yes[l];
        o[0].nsay[l] = L->c->lexicon.nyes[l];
        o[1].say[l] = L->c->lexicon.no[l];
        o[1].nsay[l] = L->c->lexicon.nno[l];
    }
    return o;
}

static void load_scale(Loader *L, const JsonValue *qv, Question *q, const char *what)
{
    q->min = 0;
    q->max = 10;
    const JsonValue *mn = json_get(qv, "min"), *mx = json_get(qv, "max");
    if (mn && (mn->type != JSON_NUMBER || mn->number != 0))
        loader_error(L, mn, "%s: \"min\" must be 0", what);
    if (mx && (mx->type != JSON_NUMBER || mx->number != 10))
        loader_error(L, mx, "%s: \"max\" must be 10 (scales run from 0 to 10)", what);
    get_text(L, qv, "low", what, true, &q->low);
    get_text(L, qv, "high", what, true, &q->high);
}

static void load_questions(Loader *L, const JsonValue *root)
{
    static const char *const top[] = {"questions", NULL};
    static const char *const fields[] = {"id",    "kind", "role", "code",    "text",
                                         "short", "help", "skip", "show_if", "options",
                                         "min",   "max",  "low",  "high",    NULL};
    if (!check_object(L, root, "questions.json", top))
        return;
    const JsonValue *list = get_list(L, root, "questions");
    if (!list)
        return;
    Question *qs = lalloc(L, (list->count + 1) * sizeof *qs);
    if (!qs)
        return;
    L->c->questions = qs;
    for (size_t i = 0; i < list->count; i++) {
        const JsonValue *qv = list->items[i];
        Question *q = &qs[i];
        char what[96];
        snprintf(what, sizeof what, "question %zu", i + 1);
        if (!check_object(L, qv, what, fields))
            continue;
        q->id = get_id(L, qv, what);
        if (!q->id)
            q->id = "";
        else
            snprintf(what, sizeof what, "question \"%s\"", q->id);
        for (size_t j = 0; j < i; j++)
            if (*q->id && strcmp(qs[j].id, q->id) == 0)
                loader_error(L, json_get(qv, "id"), "%s: duplicate question id", what);
        const JsonValue *kv = json_get(qv, "kind");
        size_t k = 0;
        while (kv && kv->type == JSON_STRING && k < 4 && strcmp(kind_names[k], kv->string))
            k++;
        if (!kv || kv->type != JSON_STRING || k == 4) {
            loader_error(L, kv ? kv : qv, "%s: \"kind\" must be choice, multi, scale or yesno",
                         what);
            k = QK_CHOICE;
        }
        q->kind = (QuestionKind)k;
        const JsonValue *rv = json_get(qv, "role");
        if (rv) {
            size_t r = 0, nr = sizeof role_names / sizeof role_names[0];
            while (rv->type == JSON_STRING && r < nr && strcmp(role_names[r].name, rv->string))
                r++;
            if (rv->type != JSON_STRING || r == nr)
                loader_error(L, rv, "%s: unknown role", what);
            else
                q->role = role_names[r].role;
        }
        const JsonValue *cv = json_get(qv, "code");
        if (cv && cv->type != JSON_STRING)
            loader_error(L, cv, "%s: \"code\" must be a string", what);
        else if (cv)
            q->code = lstrdup(L, cv->string);
        get_text(L, qv, "text", what, true, &q->text);
        get_text(L, qv, "short", what, true, &q->short_label);
        get_text(L, qv, "help", what, false, &q->help);
        const JsonValue *sv = json_get(qv, "skip");
        q->can_skip = true;
        if (sv && sv->type != JSON_BOOL)
            loader_error(L, sv, "%s: \"skip\" must be true or false", what);
        else if (sv)
            q->can_skip = sv->boolean;
        if (q->kind == QK_SCALE)
            load_scale(L, qv, q, what);
        else if (json_get(qv, "low") || json_get(qv, "high") || json_get(qv, "min") ||
                 json_get(qv, "max"))
            loader_error(L, qv, "%s: min, max, low and high are only for scale questions", what);
        load_options(L, qv, q, what);
        if (q->kind == QK_YESNO) {
            q->options = yesno_options(L);
            q->noptions = 2;
        }
        L->c->nquestions = i + 1;
    }
    /* Conditions last: they may name any earlier question. */
    for (size_t i = 0; i < L->c->nquestions; i++) {
        const JsonValue *cond = json_get(list->items[i], "show_if");
        char what[96];
        snprintf(what, sizeof what, "question \"%s\" show_if", qs[i].id);
        if (cond)
            qs[i].show_if = parse_cond(L, cond, i, what);
    }
}

/* ---- causes.json, advice.json, flags.json ---- */

static void check_unique(Loader *L, const JsonValue *v, const char *id, const char *const *ids,
                         size_t n, const char *what)
{
    for (size_t j = 0; j < n; j++)
        if (ids[j] && id && strcmp(ids[j], id) == 0)
            loader_error(L, json_get(v, "id"), "duplicate %s id \"%s\"", what, id);
}

static void load_causes(Loader *L, const JsonValue *root)
{
    static const char *const top[] = {"causes", NULL};
    static const char *const fields[] = {"id", "title", "text", "when", NULL};
    const JsonValue *list;
    if (!check_object(L, root, "causes.json", top) || !(list = get_list(L, root, "causes")))
        return;
    Cause *cs = lalloc(L, (list->count + 1) * sizeof *cs);
    const char **ids = lalloc(L, (list->count + 1) * sizeof *ids);
    if (!cs || !ids)
        return;
    for (size_t i = 0; i < list->count; i++) {
        const JsonValue *v = list->items[i];
        char what[96];
        snprintf(what, sizeof what, "cause %zu", i + 1);
        if (!check_object(L, v, what, fields))
            continue;
        cs[i].id = ids[i] = get_id(L, v, what);
        if (cs[i].id)
            snprintf(what, sizeof what, "cause \"%s\"", cs[i].id);
        check_unique(L, v, ids[i], ids, i, "cause");
        get_text(L, v, "title", what, true, &cs[i].title);
        get_text(L, v, "text", what, true, &cs[i].text);
        const JsonValue *w = json_get(v, "when");
        if (!w)
            loader_error(L, v, "%s has no rule (\"when\")", what);
        else
            cs[i].when = parse_cond(L, w, L->c->nquestions, what);
    }
    L->c->causes = cs;
    L->c->ncauses = list->count;
}

static void load_advice(Loader *L, const JsonValue *root)
{
    static const char *const top[] = {"groups", "advice", NULL};
    static const char *const gfields[] = {"id", "title", NULL};
    static const char *const fields[] = {"id", "group", "title", "how", "caution", "when", NULL};
    const JsonValue *groups, *list;
    if (!check_object(L, root, "advice.json", top) || !(groups = get_list(L, root, "groups")) ||
        !(list = get_list(L, root, "advice")))
        return;
    AdviceGroup *gs = lalloc(L, (groups->count + 1) * sizeof *gs);
    const char **gids = lalloc(L, (groups->count + 1) * sizeof *gids);
    Advice *tmp = lalloc(L, (list->count + 1) * sizeof *tmp);
    Advice *as = lalloc(L, (list->count + 1) * sizeof *as);
    const char **ids = lalloc(L, (list->count + 1) * sizeof *ids);
    if (!gs || !gids || !tmp || !as || !ids)
        return;
    for (size_t i = 0; i < groups->count; i++) {
        const JsonValue *v = groups->items[i];
        if (!check_object(L, v, "advice group", gfields))
            continue;
        gs[i].id = gids[i] = get_id(L, v, "advice group");
        check_unique(L, v, gids[i], gids, i, "advice group");
        get_text(L, v, "title", "advice group", true, &gs[i].title);
    }
    L->c->groups = gs;
    L->c->ngroups = groups->count;
    for (size_t i = 0; i < list->count; i++) {
        const JsonValue *v = list->items[i];
        char what[96];
        snprintf(what, sizeof what, "advice %zu", i + 1);
        if (!check_object(L, v, what, fields))
            continue;
        tmp[i].id = ids[i] = get_id(L, v, what);
        if (tmp[i].id)
            snprintf(what, sizeof what, "advice \"%s\"", tmp[i].id);
        check_unique(L, v, ids[i], ids, i, "advice");
        const JsonValue *g = json_get(v, "group");
        size_t gi = 0;
        while (g && g->type == JSON_STRING && gi < groups->count &&
               (!gids[gi] || strcmp(gids[gi], g->string)))
            gi++;
        if (!g || g->type != JSON_STRING || gi == groups->count)
            loader_error(L, g ? g : v, "%s: \"group\" must be one of the groups' ids", what);
        else
            tmp[i].group = gids[gi];
        get_text(L, v, "title", what, true, &tmp[i].title);
        get_text(L, v, "how", what, true, &tmp[i].how);
        get_text(L, v, "caution", what, false, &tmp[i].caution);
        const JsonValue *w = json_get(v, "when");
        if (w)
            tmp[i].when = parse_cond(L, w, L->c->nquestions, what);
    }
    /* Stored in group order, so the plan reads group by group. */
    size_t n = 0;
    for (size_t gi = 0; gi < groups->count; gi++)
        for (size_t i = 0; i < list->count; i++)
            if (tmp[i].group && gids[gi] && strcmp(tmp[i].group, gids[gi]) == 0)
                as[n++] = tmp[i];
    L->c->advice = as;
    L->c->nadvice = n;
}

static void load_flags(Loader *L, const JsonValue *root)
{
    static const char *const top[] = {"flags", NULL};
    static const char *const fields[] = {"id", "tier", "text", "when", NULL};
    const JsonValue *list;
    if (!check_object(L, root, "flags.json", top) || !(list = get_list(L, root, "flags")))
        return;
    Flag *fs = lalloc(L, (list->count + 1) * sizeof *fs);
    const char **ids = lalloc(L, (list->count + 1) * sizeof *ids);
    if (!fs || !ids)
        return;
    for (size_t i = 0; i < list->count; i++) {
        const JsonValue *v = list->items[i];
        char what[96];
        snprintf(what, sizeof what, "flag %zu", i + 1);
        if (!check_object(L, v, what, fields))
            continue;
        fs[i].id = ids[i] = get_id(L, v, what);
        if (fs[i].id)
            snprintf(what, sizeof what, "flag \"%s\"", fs[i].id);
        check_unique(L, v, ids[i], ids, i, "flag");
        const JsonValue *t = json_get(v, "tier");
        if (t && t->type == JSON_STRING && strcmp(t->string, "urgent") == 0)
            fs[i].tier = TIER_URGENT;
        else if (t && t->type == JSON_STRING && strcmp(t->string, "clinician") == 0)
            fs[i].tier = TIER_CLINICIAN;
        else
            loader_error(L, t ? t : v, "%s: \"tier\" must be \"urgent\" or \"clinician\"", what);
        get_text(L, v, "text", what, true, &fs[i].text);
        const JsonValue *w = json_get(v, "when");
        if (!w)
            loader_error(L, v, "%s has no rule (\"when\")", what);
        else
            fs[i].when = parse_cond(L, w, L->c->nquestions, what);
    }
    L->c->flags = fs;
    L->c->nflags = list->count;
}

/* ---- ui.json, lexicon.json ---- */

static void load_ui(Loader *L, const JsonValue *root)
{
    static const char *const top[] = {"ui", NULL};
    const JsonValue *ui = json_get(root, "ui");
    if (!check_object(L, root, "ui.json", top))
        return;
    if (!ui || ui->type != JSON_OBJECT) {
        loader_error(L, ui ? ui : root, "expected \"ui\": { \"key\": {\"en\": ..., \"es\": ...} }");
        return;
    }
    struct ContentPrivate *p = L->c->priv;
    p->ui_keys = lalloc(L, (ui->count + 1) * sizeof *p->ui_keys);
    p->ui_texts = lalloc(L, (ui->count + 1) * sizeof *p->ui_texts);
    if (!p->ui_keys || !p->ui_texts)
        return;
    for (size_t i = 0; i < ui->count; i++) {
        char what[96];
        snprintf(what, sizeof what, "ui string \"%s\"", ui->members[i].key);
        p->ui_keys[i] = lstrdup(L, ui->members[i].key);
        get_text(L, ui, ui->members[i].key, what, true, &p->ui_texts[i]);
    }
    p->nui = ui->count;
    for (size_t k = 0; k < ui_required_nkeys; k++)
        if (!json_get(ui, ui_required_keys[k]))
            loader_error(L, ui, "ui string \"%s\" is missing (the program uses it)",
                         ui_required_keys[k]);
}

static void load_lexicon(Loader *L, const JsonValue *root)
{
    static const char *const top[] = {"numbers", "yes",          "no", "commands",
                                      "filler",  "scale_suffix", NULL};
    if (!check_object(L, root, "lexicon.json", top))
        return;
    Lexicon *lx = &L->c->lexicon;
    const JsonValue *nums = json_get(root, "numbers");
    static const char *const langs[] = {"en", "es", NULL};
    if (!nums || !check_object(L, nums, "numbers", langs)) {
        if (!nums)
            loader_error(L, root, "lexicon.json has no \"numbers\"");
    } else {
        for (int l = 0; l < LANG_COUNT; l++) {
            const JsonValue *arr = json_get(nums, lang_code(l));
            if (!arr || arr->type != JSON_ARRAY || arr->count != 11) {
                loader_error(L, arr ? arr : nums,
                             "numbers (%s): needs eleven lists of words, for 0 to 10",
                             lang_names[l]);
                continue;
            }
            for (int n = 0; n <= 10; n++) {
                char what[64];
                snprintf(what, sizeof what, "numbers (%s) %d", lang_names[l], n);
                get_phrase_list(L, arr->items[n], what, &lx->numbers[n][l], &lx->nnumbers[n][l]);
            }
        }
    }
    struct {
        const char *key;
        const char *const **out;
        size_t *n;
    } lists[] = {
        {"yes", lx->yes, lx->nyes},
        {"no", lx->no, lx->nno},
        {"filler", lx->filler, lx->nfiller},
        {"scale_suffix", lx->scale_suffix, lx->nscale_suffix},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        const JsonValue *v = json_get(root, lists[i].key);
        if (!v)
            loader_error(L, root, "lexicon.json has no \"%s\"", lists[i].key);
        else
            get_phrases(L, v, lists[i].key, i < 2, lists[i].out, lists[i].n);
    }
    const JsonValue *cmds = json_get(root, "commands");
    static const char *const cmd_keys[] = {"repeat",     "go_back", "skip", "dont_know", "help",
                                           "start_over", "start",   "done", NULL};
    if (!cmds || !check_object(L, cmds, "commands", cmd_keys)) {
        if (!cmds)
            loader_error(L, root, "lexicon.json has no \"commands\"");
        return;
    }
    for (int k = 0; k < CMD_COUNT; k++) {
        const JsonValue *v = json_get(cmds, cmd_keys[k]);
        char what[64];
        snprintf(what, sizeof what, "command \"%s\"", cmd_keys[k]);
        if (!v)
            loader_error(L, cmds, "commands: \"%s\" is missing", cmd_keys[k]);
        else
            get_phrases(L, v, what, true, lx->commands[k], lx->ncommands[k]);
    }
}

/* ---- public ---- */

static const struct {
    const char *name;
    void (*load)(Loader *L, const JsonValue *root);
} content_files[] = {
    /* lexicon and ui first: yes/no questions are built from them */
    {"lexicon.json", load_lexicon},     {"ui.json", load_ui},
    {"questions.json", load_questions}, {"causes.json", load_causes},
    {"advice.json", load_advice},       {"flags.json", load_flags},
};

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
    for (size_t i = 0; i < sizeof content_files / sizeof content_files[0]; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, content_files[i].name);
        L.file = path;
        char *text = NULL;
        size_t len = 0;
        int rc = read_file(path, &text, &len);
        if (rc) {
            diags_add(diags, path, 0, 0, NULL, "%s",
                      rc == PK_ENOENT ? "file is missing" : pk_strerror(rc));
            all_read = false;
            continue;
        }
        JsonValue *root;
        JsonError jerr;
        rc = json_parse(text, len, &json_arena, &root, &jerr);
        free(text);
        if (rc == PK_EINVAL) {
            diags_add(diags, path, jerr.line, jerr.col, NULL, "%s", jerr.msg);
            all_read = false;
            continue;
        }
        if (rc) {
            L.nomem = true;
            break;
        }
        content_files[i].load(&L, root);
        if (content_files[i].load == load_questions)
            questions_root = root;
    }
    L.file = dir;
    if (all_read && !L.nomem && diags->count == before)
        content_check(&L, dir, questions_root);
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
    for (size_t i = 0; i < p->nui; i++)
        if (strcmp(p->ui_keys[i], key) == 0)
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

const char *command_name(Command cmd)
{
    static const char *const names[CMD_COUNT] = {"repeat", "go_back",    "skip",  "dont_know",
                                                 "help",   "start_over", "start", "done"};
    return (unsigned)cmd < CMD_COUNT ? names[cmd] : "none";
}

const char *question_kind_name(QuestionKind k)
{
    return (unsigned)k < 4 ? kind_names[k] : "?";
}
