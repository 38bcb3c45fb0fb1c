/* Checks across the content once every file has loaded: phrases that would make an
 * answer ambiguous or unreachable, roles that the summary relies on, and red-flag questions that
 * raise a flag. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_load.h"
#include "error.h"
#include "strmap.h"
#include "wipe.h"

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

/* Adds each phrase of list with value; false when out of memory. */
static bool add_all(Loader *L, StrMap *m, const char *const *list, size_t n, int value)
{
    for (size_t i = 0; i < n; i++)
        if (strmap_add(m, list[i], value, NULL) < 0) {
            L->nomem = true;
            return false;
        }
    return true;
}

enum { FILLER = -1 }; /* value of a filler word in the map of command phrases */

/* The phrases of question qi's options in language l: none may be a command or a filler
 * word, and on a one-answer question none may be listed for two options. A yes/no
 * question's yes and no are the lexicon's (checked once, by check_yes_no_phrases): only
 * its "unsure" phrases are checked, against the commands, the fillers and yes and no
 * ("um" as unsure answered "Not sure" to a red flag, "yes" as unsure left a yes not
 * understood). */
static void check_option_phrases(Loader *L, const JsonValue *root, size_t qi, int l,
                                 const StrMap *reserved)
{
    const Question *q = &L->c->questions[qi];
    size_t own = q->kind == QK_YESNO ? 2 : 0; /* the first option whose phrases are its own */
    StrMap said = {0}; /* phrase -> first option that lists it (one-answer questions) */
    for (size_t oi = 0; oi < q->noptions; oi++) {
        const Option *o = &q->options[oi];
        for (size_t p = 0; p < o->nsay[l]; p++) {
            const char *ph = o->say[l][p];
            int k, first;
            bool reserved_word = oi >= own && strmap_get(reserved, ph, &k); /* own phrases */
            if (reserved_word && k != FILLER)
                cload_error(L, option_value(root, qi, oi),
                            "question \"%s\" option \"%s\": the %s phrase \"%s\" "
                            "is also the command \"%s\"",
                            q->id, o->id, lang_name(l), ph, content_command_name(k));
            else if (reserved_word)
                cload_error(L, option_value(root, qi, oi),
                            "question \"%s\" option \"%s\": the %s phrase \"%s\" is "
                            "a filler word, which answers ignore",
                            q->id, o->id, lang_name(l), ph);
            if (q->kind != QK_CHOICE && q->kind != QK_YESNO)
                continue;
            int rc = strmap_add(&said, ph, (int)oi, &first);
            if (rc < 0)
                L->nomem = true;
            else if (rc == 0 && (size_t)first != oi && oi >= own)
                cload_error(L, option_value(root, qi, oi),
                            "question \"%s\": the %s phrase \"%s\" is listed for "
                            "both \"%s\" and \"%s\" (one answer only)",
                            q->id, lang_name(l), ph, q->options[first].id, o->id);
        }
    }
    strmap_free(&said);
}

/* The yes and no phrases of the lexicon, which answer every yes/no question (the red
 * flags among them): one that is also a command runs the command instead ("prefer not to
 * say" as a yes skipped the question), one that is also a filler word answers a
 * hesitation ("um" as a no answered "No" to chest pain). */
static void check_yes_no_phrases(Loader *L)
{
    const Lexicon *lx = &L->c->lexicon;
    for (int l = 0; l < LANG_COUNT; l++) {
        StrMap reserved = {0};
        bool ok = true;
        for (int k = 0; k < CMD_COUNT && ok; k++)
            ok = add_all(L, &reserved, lx->commands[k][l], lx->ncommands[k][l], k);
        ok = ok && add_all(L, &reserved, lx->filler[l], lx->nfiller[l], FILLER);
        /* a number phrase, too: "um" as zero answered 0 to the pain now */
        for (int a = 0; ok && a <= 10; a++)
            for (size_t i = 0; i < lx->nnumbers[a][l]; i++) {
                int k;
                if (strmap_get(&reserved, lx->numbers[a][l][i], &k))
                    cload_error(L, NULL, "the %s phrase \"%s\" for %d is %s%s%s", lang_name(l),
                                lx->numbers[a][l][i], a,
                                k == FILLER ? "a filler word" : "also the command \"",
                                k == FILLER ? "" : content_command_name(k),
                                k == FILLER ? "" : "\"");
            }
        for (int yes = 1; ok && yes >= 0; yes--) {
            const char *const *list = yes ? lx->yes[l] : lx->no[l];
            size_t n = yes ? lx->nyes[l] : lx->nno[l];
            for (size_t i = 0; i < n; i++) {
                int k;
                if (!strmap_get(&reserved, list[i], &k))
                    continue;
                if (k != FILLER)
                    cload_error(L, NULL, "the %s %s phrase \"%s\" is also the command \"%s\"",
                                lang_name(l), yes ? "yes" : "no", list[i], content_command_name(k));
                else
                    cload_error(L, NULL, "the %s %s phrase \"%s\" is a filler word", lang_name(l),
                                yes ? "yes" : "no", list[i]);
            }
        }
        strmap_free(&reserved);
    }
}

static void check_phrases(Loader *L, const JsonValue *root)
{
    const Content *c = L->c;
    const Lexicon *lx = &c->lexicon;
    for (int l = 0; l < LANG_COUNT; l++) {
        /* Commands first: a phrase that is also filler is reported as the command, which
         * the interpreter tries first. */
        StrMap reserved = {0};
        bool ok = true;
        for (int k = 0; k < CMD_COUNT && ok; k++)
            ok = add_all(L, &reserved, lx->commands[k][l], lx->ncommands[k][l], k);
        ok = ok && add_all(L, &reserved, lx->filler[l], lx->nfiller[l], FILLER);
        for (size_t qi = 0; qi < c->nquestions && ok; qi++)
            if (c->questions[qi].kind != QK_SCALE)
                check_option_phrases(L, root, qi, l, &reserved);
        strmap_free(&reserved);
    }
}

static void check_lexicon(Loader *L)
{
    const Lexicon *lx = &L->c->lexicon;
    for (int l = 0; l < LANG_COUNT; l++) {
        StrMap no = {0}, numbers = {0}, commands = {0};
        if (!add_all(L, &no, lx->no[l], lx->nno[l], 0))
            goto next;
        for (size_t i = 0; i < lx->nyes[l]; i++)
            if (strmap_get(&no, lx->yes[l][i], NULL))
                cload_error(L, NULL, "the %s phrase \"%s\" is both yes and no", lang_name(l),
                            lx->yes[l][i]);
        /* an affirm word is a filler word that says a symptom is there: one that is not
           filler is never passed over, so it never stops a No */
        for (size_t i = 0; i < lx->naffirm[l]; i++) {
            bool filler = false;
            for (size_t k = 0; k < lx->nfiller[l] && !filler; k++)
                filler = strcmp(lx->filler[l][k], lx->affirm[l][i]) == 0;
            if (!filler)
                cload_error(L, NULL,
                            "lexicon.json: the %s affirm word \"%s\" is not a filler word: "
                            "add it to \"filler\" or take it out",
                            lang_name(l), lx->affirm[l][i]);
        }
        /* a phrase of two commands runs the first ("go back" listed for start_over too
         * went back) */
        for (int k = 0; k < CMD_COUNT; k++)
            for (size_t i = 0; i < lx->ncommands[k][l]; i++) {
                int first;
                int rc = strmap_add(&commands, lx->commands[k][l][i], k, &first);
                if (rc < 0) {
                    L->nomem = true;
                    goto next;
                }
                if (rc == 0 && first != k)
                    cload_error(L, NULL,
                                "lexicon.json: the %s phrase \"%s\" is both the command "
                                "\"%s\" and \"%s\"",
                                lang_name(l), lx->commands[k][l][i], content_command_name(first),
                                content_command_name(k));
            }
        for (int a = 0; a <= 10; a++) {
            for (size_t i = 0; i < lx->nnumbers[a][l]; i++) {
                int b;
                int rc = strmap_add(&numbers, lx->numbers[a][l][i], a, &b);
                if (rc < 0) {
                    L->nomem = true;
                    goto next;
                }
                if (rc == 0 && b != a)
                    cload_error(L, NULL, "lexicon.json: the %s phrase \"%s\" is both %d and %d",
                                lang_name(l), lx->numbers[a][l][i], b, a);
            }
        }
    next:
        strmap_free(&no);
        strmap_free(&numbers);
        strmap_free(&commands);
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
                cload_error(L, question_value(root, qi),
                            "question \"%s\": only one question may have role \"%s\"", q->id,
                            single[r].name);
            if (q->kind != single[r].kind)
                cload_error(L, question_value(root, qi),
                            "question \"%s\": role \"%s\" needs a %s question", q->id,
                            single[r].name, content_kind_name(single[r].kind));
        }
    }
    if (c->nquestions == 0)
        cload_error(L, NULL, "questions.json: there are no questions");
}

/* Whether cond asks for option o of question q (not under a "not"). */
static bool asks_for(const Cond *cond, size_t q, int o)
{
    if (cond->op == COND_NOT || cond->op == COND_UNKNOWN)
        return false;
    if (cond->op == COND_ALL || cond->op == COND_ANY) {
        for (size_t i = 0; i < cond->nkids; i++)
            if (asks_for(cond->kids[i], q, o))
                return true;
        return false;
    }
    return cond->question == q && (cond->op == COND_EQUALS || cond->op == COND_ONE_OF) &&
           (cond->options & 1u << o);
}

/* Whether a flag (an urgent one when urgent) asks for option o of question q. */
static bool raised_by(const Content *c, size_t q, int o, bool urgent)
{
    for (size_t f = 0; f < c->nflags; f++)
        if ((!urgent || c->flags[f].tier == TIER_URGENT) && c->flags[f].when &&
            asks_for(c->flags[f].when, q, o))
            return true;
    return false;
}

/* Whether option o of question q makes an urgent flag hold with the other answers as in a
 * (a[q] is put back as it was). */
static bool raises_with(const Content *c, Answer *a, size_t q, int o)
{
    Answer was = a[q];
    a[q] = (Answer){.state = ANS_GIVEN, .options = 1u << o};
    bool raised = false;
    for (size_t f = 0; f < c->nflags && !raised; f++)
        raised = c->flags[f].tier == TIER_URGENT && rules_eval(c, c->flags[f].when, a, NULL);
    a[q] = was;
    return raised;
}

/* The urgent safety questions are asked of everyone, one concern each, and cannot be
 * skipped: a yes/no question with "not sure", no show_if, no skip. A "yes" and a "not
 * sure" to one raise an urgent flag by themselves, with the other answers unanswered and
 * with the other urgent safety questions answered "no" (as they are when she reaches
 * it: a flag on "seizure yes and not chest no" passed with them unanswered, and a yes to
 * a seizure after a no to chest pain raised nothing). The "yes" of every other red-flag
 * question is asked for by a flag (those are shown after other answers, so one flag may
 * need two). */
static void check_red_flags_raise(Loader *L, const JsonValue *root)
{
    const Content *c = L->c;
    Answer *none = calloc(c->nquestions ? c->nquestions : 1, sizeof *none);
    Answer *all_no = calloc(c->nquestions ? c->nquestions : 1, sizeof *all_no);
    if (!none || !all_no) {
        free(none);
        free(all_no);
        cload_error(L, NULL, "%s", pk_strerror(PK_ENOMEM));
        return;
    }
    for (size_t qi = 0; qi < c->nquestions; qi++) {
        const Question *q = &c->questions[qi];
        int no = content_option_index(q, "no");
        if (q->section == SECTION_SAFETY_URGENT && q->kind == QK_YESNO && no >= 0)
            all_no[qi] = (Answer){.state = ANS_GIVEN, .options = 1u << no};
    }
    for (size_t qi = 0; qi < c->nquestions; qi++) {
        const Question *q = &c->questions[qi];
        int yes = content_option_index(q, "yes"), unsure = content_option_index(q, "not_sure");
        if (q->section == SECTION_SAFETY_URGENT) {
            if (q->role != ROLE_RED_FLAG || q->kind != QK_YESNO || unsure < 0 || q->show_if ||
                q->can_skip) {
                cload_error(L, question_value(root, qi),
                            "question \"%s\": an urgent safety question is a red-flag yes/no "
                            "question with \"unsure\" phrases, asked of everyone (no show_if) "
                            "and not skipped",
                            q->id);
                continue;
            }
            for (int k = 0; k < 2; k++) {
                int o = k ? unsure : yes;
                if (!raises_with(c, none, qi, o) || !raises_with(c, all_no, qi, o))
                    cload_error(L, question_value(root, qi),
                                "question \"%s\": a \"%s\" to it alone raises no urgent flag",
                                q->id, k ? "not sure" : "yes");
            }
            continue;
        }
        if (q->role == ROLE_RED_FLAG && q->kind == QK_YESNO && yes >= 0 &&
            !raised_by(c, qi, yes, false))
            cload_error(L, question_value(root, qi),
                        "question \"%s\": no flag in flags.json is raised by its \"yes\"", q->id);
    }
    wipe(none, c->nquestions * sizeof *none);
    wipe(all_no, c->nquestions * sizeof *all_no);
    free(none);
    free(all_no);
}

/* Every option of a question chosen at once, joined with ", ", fits CONTENT_ANSWER_MAX
 * in each language. */
static void check_answer_length(Loader *L, const JsonValue *root)
{
    const Content *c = L->c;
    for (size_t qi = 0; qi < c->nquestions; qi++) {
        const Question *q = &c->questions[qi];
        for (int l = 0; l < LANG_COUNT; l++) {
            size_t len = 1;
            for (size_t o = 0; o < q->noptions; o++)
                len += (o ? 2 : 0) + strlen(lang_text(&q->options[o].label, (Lang)l));
            if (len > CONTENT_ANSWER_MAX)
                cload_error(L, question_value(root, qi),
                            "question \"%s\": its %s option labels, all chosen, take %zu bytes "
                            "(at most %d): shorten them",
                            q->id, lang_code((Lang)l), len - 1, CONTENT_ANSWER_MAX - 1);
        }
    }
}

/* The ui strings that stand for an answer ("Not sure") fit CONTENT_ANSWER_MAX, the
 * safety net's lines (the urgent screen's too), their numbers filled in, fit
 * CONTENT_SAFETY_MAX, and the urgent screen's text CONTENT_URGENT_BODY_MAX, in each
 * language. */
static void check_ui_length(Loader *L)
{
    static const char *const answers[] = {"summary.not_sure", "summary.skipped",
                                          "summary.not_answered"};
    static const char *const safety[] = {"safety.emergency", "safety.crisis", "safety.clinic",
                                         "safety.clinic_no_phone", "urgent.no_one"};
    static const char *const numbers[] = {"{emergency}", "{crisis}", "{clinic}"};
    for (int l = 0; l < LANG_COUNT; l++) {
        for (size_t k = 0; k < sizeof answers / sizeof answers[0]; k++) {
            size_t len = strlen(content_ui(L->c, answers[k], (Lang)l));
            if (len >= CONTENT_ANSWER_MAX)
                cload_error(L, NULL, "\"%s\" (%s) takes %zu bytes (at most %d): shorten it",
                            answers[k], lang_code((Lang)l), len, CONTENT_ANSWER_MAX - 1);
        }
        size_t body = strlen(content_ui(L->c, "urgent.body", (Lang)l));
        if (body >= CONTENT_URGENT_BODY_MAX)
            cload_error(L, NULL, "\"urgent.body\" (%s) takes %zu bytes (at most %d): shorten it",
                        lang_code((Lang)l), body, CONTENT_URGENT_BODY_MAX - 1);
        for (size_t k = 0; k < sizeof safety / sizeof safety[0]; k++) {
            const char *t = content_ui(L->c, safety[k], (Lang)l);
            size_t len = strlen(t);
            for (size_t n = 0; n < sizeof numbers / sizeof numbers[0]; n++)
                for (const char *p = strstr(t, numbers[n]); p; p = strstr(p + 1, numbers[n]))
                    len += CONTENT_SAFETY_NUMBER - strlen(numbers[n]);
            if (len >= CONTENT_SAFETY_MAX)
                cload_error(L, NULL,
                            "\"%s\" (%s) takes up to %zu bytes with its numbers "
                            "(at most %d): shorten it",
                            safety[k], lang_code((Lang)l), len, CONTENT_SAFETY_MAX - 1);
        }
    }
}

/* Words in the normalised phrases of list. */
static size_t words_in(const char *const *list, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        for (const char *p = list[i]; *p; p++)
            words += p == list[i] || p[-1] == ' ';
    return words;
}

/* The speech grammars are built from the phrases, and cost memory and time by their
 * words, every question's grammars with the lexicon's commands: a 380 KB lexicon (1,600
 * command phrases) took the voice 930 MB and 4.6 s to start, a 400 KB question (32
 * options, 200 phrases each) 570 MB and 8 s. The shipped content has 377 lexicon words
 * and 143 in its largest question. */
static void check_spoken_words(Loader *L, const JsonValue *root, const char *lexicon_path)
{
    const Content *c = L->c;
    const Lexicon *lx = &c->lexicon;
    const char *questions_path = L->file;
    for (int l = 0; l < LANG_COUNT; l++) {
        size_t all = 0;
        for (size_t qi = 0; qi < c->nquestions; qi++) {
            const Question *q = &c->questions[qi];
            size_t words = 0;
            for (size_t oi = q->kind == QK_YESNO ? 2 : 0; oi < q->noptions; oi++)
                words += words_in(q->options[oi].say[l], q->options[oi].nsay[l]);
            if (words > CONTENT_QUESTION_WORDS_MAX)
                cload_error(L, question_value(root, qi),
                            "question \"%s\": its %s phrases have %zu words (at most %d)", q->id,
                            lang_name(l), words, CONTENT_QUESTION_WORDS_MAX);
            all += words;
        }
        if (all > CONTENT_QUESTIONS_WORDS_MAX)
            cload_error(L, NULL, "the %s phrases of the questions have %zu words (at most %d)",
                        lang_name(l), all, CONTENT_QUESTIONS_WORDS_MAX);
        size_t lex = words_in(lx->yes[l], lx->nyes[l]) + words_in(lx->no[l], lx->nno[l]) +
                     words_in(lx->filler[l], lx->nfiller[l]) +
                     words_in(lx->scale_suffix[l], lx->nscale_suffix[l]);
        for (int k = 0; k < CMD_COUNT; k++)
            lex += words_in(lx->commands[k][l], lx->ncommands[k][l]);
        for (int a = 0; a <= 10; a++)
            lex += words_in(lx->numbers[a][l], lx->nnumbers[a][l]);
        L->file = lexicon_path;
        if (lex > CONTENT_LEXICON_WORDS_MAX)
            cload_error(L, NULL, "the %s phrases have %zu words (at most %d)", lang_name(l), lex,
                        CONTENT_LEXICON_WORDS_MAX);
        L->file = questions_path;
    }
}

void cload_check(Loader *L, const char *dir, const JsonValue *questions_root)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/questions.json", dir);
    L->file = path;
    check_phrases(L, questions_root);
    check_roles(L, questions_root);
    check_red_flags_raise(L, questions_root);
    check_answer_length(L, questions_root);
    char lexicon_path[4096];
    snprintf(lexicon_path, sizeof lexicon_path, "%s/lexicon.json", dir);
    check_spoken_words(L, questions_root, lexicon_path);
    snprintf(path, sizeof path, "%s/lexicon.json", dir);
    check_lexicon(L);
    check_yes_no_phrases(L);
    snprintf(path, sizeof path, "%s/ui.json", dir);
    check_ui_length(L);
    L->file = dir;
}
