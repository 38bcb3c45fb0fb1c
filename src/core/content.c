/* Loads the content directory into a Content, reporting every problem with its place.
 * Each file is read by one function (questions.json in content_questions.c, ui.json and
 * lexicon.json in content_lexicon.c, the rest below); rules are read by cload_cond. */
#include "content.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_load.h"
#include "error.h"
#include "file.h"
#include "strmap.h"

enum { ADVICE_LINE_MAX = 120 }; /* characters in a how-to or caution */

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
        cload_entry_name(v, kind->name, i, what, sizeof what);
        if (!cload_object(L, v, what, kind->fields))
            continue;
        *id = cload_id(L, v, what);
        if (*id)
            snprintf(what, sizeof what, "%s \"%s\"", kind->name, *id);
        cload_note_id(L, &ids, v, *id, (int)i, kind->name);
        kind->read(L, v, entry, i, ctx, what);
    }
    strmap_free(&ids);
    return entries;
}

/* Marks in seen the questions whose answers cond can cite as "because you said" (what
 * "not" and "unknown" test cites nothing); returns how many were new. */
static size_t cited(const Cond *cond, bool *seen)
{
    if (cond->op == COND_NOT || cond->op == COND_UNKNOWN)
        return 0;
    if (cond->op == COND_ALL || cond->op == COND_ANY) {
        size_t n = 0;
        for (size_t i = 0; i < cond->nkids; i++)
            n += cited(cond->kids[i], seen);
        return n;
    }
    if (seen[cond->question])
        return 0;
    seen[cond->question] = true;
    return 1;
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

/* load_rule() for a flag's or a cause's rule, whose answers the summary cites: one that
 * could cite more than a summary keeps (EVIDENCE_MAX) is refused (the answers past it
 * were dropped from "because you said" without a word). */
static const Cond *load_cited_rule(Loader *L, const JsonValue *v, const char *key, bool required,
                                   const char *what)
{
    const Cond *cond = load_rule(L, v, key, required, what);
    if (!cond)
        return NULL;
    bool *seen = calloc(L->c->nquestions ? L->c->nquestions : 1, sizeof *seen);
    if (!seen) {
        cload_error(L, v, "%s", pk_strerror(PK_ENOMEM));
        return NULL;
    }
    size_t n = cited(cond, seen);
    free(seen);
    if (n > EVIDENCE_MAX) {
        cload_error(L, json_get(v, key),
                    "%s: the rule looks at %zu questions; a summary names at most %d", what, n,
                    EVIDENCE_MAX);
        return NULL;
    }
    return cond;
}

static void read_cause(Loader *L, const JsonValue *v, void *entry, size_t i, void *ctx,
                       const char *what)
{
    Cause *c = entry;
    (void)i, (void)ctx;
    cload_text(L, v, "title", what, true, &c->title);
    cload_text(L, v, "text", what, true, &c->text);
    c->when = load_cited_rule(L, v, "when", true, what);
    c->also = load_cited_rule(L, v, "also", false, what);
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
        cload_note_id(L, gids, v, gs[i].id, (int)i, "advice group");
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
    L->no_unknown = true; /* flags are raised answer by answer */
    f->when = load_cited_rule(L, v, "when", true, what);
    L->no_unknown = false;
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
    {"lexicon.json", cload_lexicon},     {"ui.json", cload_ui},
    {"questions.json", cload_questions}, {"causes.json", load_causes},
    {"advice.json", load_advice},        {"flags.json", load_flags},
};

/* Reads and parses the content file at path (arena: the JSON tree's) into *root. Returns
 * 0; PK_ECONTENT after reporting why it could not be read or parsed; PK_ENOMEM. */
static int parse_file(Loader *L, const char *path, Arena *arena, JsonValue **root)
{
    char *text = NULL;
    size_t len = 0;
    PkWhy why;
    int rc = file_read_regular(path, CONTENT_MAX_FILE_BYTES, &text, &len, &why);
    if (rc == PK_ENOMEM)
        return rc;
    if (rc) {
        diags_add(L->diags, path, 0, 0, NULL, "%s", why.text);
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
    PkWhy why;
    if (file_check_dir(dir, &why) != 0) { /* one reason, not one "cannot open" per file */
        diags_add(diags, dir, 0, 0, NULL, "%s", why.text);
        content_free(c);
        return PK_ECONTENT;
    }
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
        /* after a file that could not be read, the later ones (which name its questions,
         * options and words) are checked for syntax only: its one problem is reported,
         * not every rule that names what it holds */
        if (rc == 0 && all_read)
            content_files[i].load(&L, root);
        all_read = all_read && rc == 0;
        if (rc == 0 && content_files[i].load == cload_questions)
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

bool content_id_reserved(const char *id)
{
    /* the flow table's buttons (test_flow checks each is here) and the screens' own */
    static const char *const ids[] = {"start",  "lang_en", "lang_es",   "continue", "back",
                                      "repeat", "skip",    "dont_know", "done",     "print",
                                      "finish", "retry",   "start_over"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (strcmp(id, ids[i]) == 0)
            return true;
    return strncmp(id, "staff_", 6) == 0 || strncmp(id, "ui_", 3) == 0;
}

int content_option_index(const Question *q, const char *option_id)
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
        return lang_text(&p->ui_texts[i], lang);
    return key;
}

const char *content_group_title(const Content *c, const char *group, Lang lang)
{
    for (size_t i = 0; i < c->ngroups; i++)
        if (c->groups[i].id && strcmp(c->groups[i].id, group) == 0)
            return lang_text(&c->groups[i].title, lang);
    return group;
}

const char *content_command_name(Command cmd)
{
    static const char *const names[CMD_COUNT] = {"repeat", "go_back",    "skip",  "dont_know",
                                                 "help",   "start_over", "start", "done"};
    return (unsigned)cmd < CMD_COUNT ? names[cmd] : "none";
}
