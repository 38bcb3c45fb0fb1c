/* Checks across the content once every file has loaded: phrases that would make an
 * answer ambiguous or unreachable, and roles that the summary relies on. */
#include <stdio.h>
#include <string.h>

#include "content_load.h"

static const char *const lang_names[LANG_COUNT] = {"English", "Spanish"};

/* The JSON value of option oi of question qi, for positions in messages. */
static const JsonValue *option_value(const JsonValue *root, size_t qi, size_t oi)
{
    const JsonValue *qs = json_get(root, "questions");
    if (!qs || qi >= qs->count)
        return NULL;
    const JsonValue *opts = json_get(qs->items[qi], "options");
    if (!opts || opts->type != JSON_ARRAY || oi >= opts->count)
        return qs->items[qi];
    return opts->items[oi];
}

static const JsonValue *question_value(const JsonValue *root, size_t qi)
{
    const JsonValue *qs = json_get(root, "questions");
    return qs && qi < qs->count ? qs->items[qi] : NULL;
}

static bool in_list(const char *const *list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

static void check_phrases(Loader *L, const JsonValue *root)
{
    const Content *c = L->c;
    const Lexicon *lx = &c->lexicon;
    for (size_t qi = 0; qi < c->nquestions; qi++) {
        const Question *q = &c->questions[qi];
        if (q->kind == QK_YESNO || q->kind == QK_SCALE)
            continue;
        for (size_t oi = 0; oi < q->noptions; oi++) {
            const Option *o = &q->options[oi];
            for (int l = 0; l < LANG_COUNT; l++) {
                for (size_t p = 0; p < o->nsay[l]; p++) {
                    const char *ph = o->say[l][p];
                    for (int k = 0; k < CMD_COUNT; k++)
                        if (in_list(lx->commands[k][l], lx->ncommands[k][l], ph))
                            loader_error(L, option_value(root, qi, oi),
                                         "question \"%s\" option \"%s\": the %s phrase \"%s\" "
                                         "is also the command \"%s\"",
                                         q->id, o->id, lang_names[l], ph, command_name(k));
                    if (in_list(lx->filler[l], lx->nfiller[l], ph))
                        loader_error(L, option_value(root, qi, oi),
                                     "question \"%s\" option \"%s\": the %s phrase \"%s\" is "
                                     "a filler word, which answers ignore",
                                     q->id, o->id, lang_names[l], ph);
                    if (q->kind != QK_CHOICE)
                        continue;
                    for (size_t oj = 0; oj < oi; oj++)
                        if (in_list(q->options[oj].say[l], q->options[oj].nsay[l], ph))
                            loader_error(L, option_value(root, qi, oi),
                                         "question \"%s\": the %s phrase \"%s\" is listed for "
                                         "both \"%s\" and \"%s\" (one answer only)",
                                         q->id, lang_names[l], ph, q->options[oj].id, o->id);
                }
            }
        }
    }
}

static void check_lexicon(Loader *L)
{
    const Lexicon *lx = &L->c->lexicon;
    for (int l = 0; l < LANG_COUNT; l++) {
        for (size_t i = 0; i < lx->nyes[l]; i++)
            if (in_list(lx->no[l], lx->nno[l], lx->yes[l][i]))
                loader_error(L, NULL, "the %s phrase \"%s\" is both yes and no", lang_names[l],
                             lx->yes[l][i]);
        for (int a = 0; a <= 10; a++)
            for (int b = 0; b < a; b++)
                for (size_t i = 0; i < lx->nnumbers[a][l]; i++)
                    if (in_list(lx->numbers[b][l], lx->nnumbers[b][l], lx->numbers[a][l][i]))
                        loader_error(L, NULL,
                                     "lexicon.json: the %s phrase \"%s\" is both %d and %d",
                                     lang_names[l], lx->numbers[a][l][i], b, a);
    }
}

static void check_roles(Loader *L, const JsonValue *root)
{
    const Content *c = L->c;
    static const struct {
        QuestionRole role;
        QuestionKind kind;
        const char *name;
    } single[] = {
        {ROLE_AREAS, QK_MULTI, "areas"},
        {ROLE_PAIN_NOW, QK_SCALE, "pain_now"},
        {ROLE_PEG_PAIN, QK_SCALE, "peg_pain"},
        {ROLE_PEG_ENJOYMENT, QK_SCALE, "peg_enjoyment"},
        {ROLE_PEG_ACTIVITY, QK_SCALE, "peg_activity"},
    };
    for (size_t r = 0; r < sizeof single / sizeof single[0]; r++) {
        size_t seen = 0;
        for (size_t qi = 0; qi < c->nquestions; qi++) {
            const Question *q = &c->questions[qi];
            if (q->role != single[r].role)
                continue;
            if (++seen > 1)
                loader_error(L, question_value(root, qi),
                             "question \"%s\": only one question may have role \"%s\"", q->id,
                             single[r].name);
            if (q->kind != single[r].kind)
                loader_error(L, question_value(root, qi),
                             "question \"%s\": role \"%s\" needs a %s question", q->id,
                             single[r].name, question_kind_name(single[r].kind));
        }
    }
    if (c->nquestions == 0)
        loader_error(L, NULL, "questions.json: there are no questions");
}

void content_check(Loader *L, const char *dir, const JsonValue *questions_root)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/questions.json", dir);
    L->file = path;
    check_phrases(L, questions_root);
    check_roles(L, questions_root);
    snprintf(path, sizeof path, "%s/lexicon.json", dir);
    check_lexicon(L);
    L->file = dir;
}
