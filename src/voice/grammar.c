/* JSGF grammars from the content, one per question. */
#include "grammar.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/interp.h"

#define PHRASE_MAX 256
#define WORD_MAX 64

struct GrammarSpelling {
    char spoken[WORD_MAX];  /* as in the dictionary: "don't" */
    char written[WORD_MAX]; /* as in the content: "don t" */
};

typedef struct {
    char *s;
    size_t n, cap;
    int failed;
} Buf;

/* The phrases of one rule, spelled for the dictionary, without duplicates. */
typedef struct {
    char **items;
    size_t n, cap;
} PhraseList;

typedef struct {
    GrammarKnows knows;
    void *ctx;
    GrammarSpellings *sp;
    char *where;
    size_t wheresize;
    int err;
} Speller;

static void buf_add(Buf *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int need = vsnprintf(b->s ? b->s + b->n : NULL, b->s ? b->cap - b->n : 0, fmt, ap);
        va_end(ap);
        if (need < 0) {
            b->failed = 1;
            return;
        }
        if (b->s && b->n + (size_t)need < b->cap) {
            b->n += (size_t)need;
            return;
        }
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap <= b->n + (size_t)need)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
}

static int list_add(PhraseList *l, const char *phrase)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i], phrase) == 0)
            return 0;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        char **p = realloc(l->items, cap * sizeof *p);
        if (!p)
            return PK_ENOMEM;
        l->items = p;
        l->cap = cap;
    }
    char *copy = malloc(strlen(phrase) + 1);
    if (!copy)
        return PK_ENOMEM;
    strcpy(copy, phrase);
    l->items[l->n++] = copy;
    return 0;
}

static void list_free(PhraseList *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

static int remember_spelling(GrammarSpellings *sp, const char *spoken, const char *written)
{
    for (size_t i = 0; i < sp->n; i++)
        if (strcmp(sp->items[i].spoken, spoken) == 0)
            return 0;
    if (sp->n == sp->cap) {
        size_t cap = sp->cap ? sp->cap * 2 : 16;
        GrammarSpelling *p = realloc(sp->items, cap * sizeof *p);
        if (!p)
            return PK_ENOMEM;
        sp->items = p;
        sp->cap = cap;
    }
    snprintf(sp->items[sp->n].spoken, WORD_MAX, "%s", spoken);
    snprintf(sp->items[sp->n].written, WORD_MAX, "%s", written);
    sp->n++;
    return 0;
}

static bool is_contraction_tail(const char *w)
{
    static const char *const tails[] = {"t", "s", "ll", "re", "ve", "d", "m"};
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++)
        if (strcmp(w, tails[i]) == 0)
            return true;
    return false;
}

/* Spells one normalised phrase for the dictionary into out. Returns 1 when the phrase
 * is for typing only (it has digits), 0 when spelled, or a negative code. */
static int spell_phrase(Speller *s, const char *phrase, char *out, size_t size)
{
    char norm[PHRASE_MAX];
    interp_normalize(phrase, norm, sizeof norm);
    char *words[64];
    size_t n = 0;
    char *save = NULL;
    for (char *w = strtok_r(norm, " ", &save); w && n < 64; w = strtok_r(NULL, " ", &save))
        words[n++] = w;
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        char spoken[WORD_MAX], written[WORD_MAX];
        for (const char *p = words[i]; *p; p++)
            if (isdigit((unsigned char)*p))
                return 1;
        snprintf(spoken, sizeof spoken, "%s", words[i]);
        snprintf(written, sizeof written, "%s", words[i]);
        if (i + 1 < n && is_contraction_tail(words[i + 1])) {
            char joined[WORD_MAX];
            snprintf(joined, sizeof joined, "%s'%s", words[i], words[i + 1]);
            if (s->knows(s->ctx, joined)) {
                snprintf(spoken, sizeof spoken, "%s", joined);
                snprintf(written, sizeof written, "%s %s", words[i], words[i + 1]);
                i++;
            }
        }
        if (strcmp(spoken, written) == 0 && !s->knows(s->ctx, spoken)) {
            /* "dont" is typed for "don't": try the apostrophe before a known ending. */
            size_t wl = strlen(spoken);
            bool found = false;
            for (size_t cut = wl > 3 ? wl - 2 : 1; cut < wl && !found; cut++) {
                char joined[WORD_MAX];
                snprintf(joined, sizeof joined, "%.*s'%s", (int)cut, spoken, spoken + cut);
                if (is_contraction_tail(spoken + cut) && s->knows(s->ctx, joined)) {
                    snprintf(spoken, sizeof spoken, "%s", joined);
                    found = true;
                }
            }
            if (!found) {
                if (s->where)
                    snprintf(s->where, s->wheresize, "word '%s' in '%s'", words[i], phrase);
                return PK_ECONTENT;
            }
        }
        if (strcmp(spoken, written) != 0) {
            int err = remember_spelling(s->sp, spoken, written);
            if (err)
                return err;
        }
        int wrote = snprintf(out + len, size - len, "%s%s", len ? " " : "", spoken);
        if (wrote < 0 || (size_t)wrote >= size - len)
            return PK_EINVAL;
        len += (size_t)wrote;
    }
    return len ? 0 : 1;
}

/* Adds the spoken forms of phrases[0..n) to l. */
static int add_phrases(Speller *s, PhraseList *l, const char *const *phrases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char spelled[PHRASE_MAX];
        int r = spell_phrase(s, phrases[i], spelled, sizeof spelled);
        if (r < 0)
            return r;
        if (r == 0 && (r = list_add(l, spelled)) != 0)
            return r;
    }
    return 0;
}

static void emit_rule(Buf *b, const char *name, const PhraseList *l)
{
    buf_add(b, "<%s> = ", name);
    for (size_t i = 0; i < l->n; i++)
        buf_add(b, "%s%s", i ? " | " : "", l->items[i]);
    buf_add(b, ";\n");
}

/* The answers of q, or yes and no when q is NULL. */
static int collect_answers(Speller *s, const Content *c, const Question *q, PhraseList *l)
{
    const Lexicon *lx = &c->lexicon;
    int err = 0;
    if (!q || q->kind == QK_YESNO) {
        err = add_phrases(s, l, lx->yes[LANG_EN], lx->nyes[LANG_EN]);
        if (!err)
            err = add_phrases(s, l, lx->no[LANG_EN], lx->nno[LANG_EN]);
    }
    /* The language screen listens with the global grammar: the button labels in every
     * language that can be said in English ("English"; "Español" cannot). */
    static const char *const lang_keys[] = {"button.lang_en", "button.lang_es"};
    for (size_t k = 0; !q && !err && k < 2; k++)
        for (int lang = 0; lang < LANG_COUNT && !err; lang++) {
            const char *label = content_ui(c, lang_keys[k], (Lang)lang);
            char spelled[PHRASE_MAX];
            GrammarSpellings scratch = {0};
            Speller quiet = {s->knows, s->ctx, &scratch, NULL, 0, 0};
            if (spell_phrase(&quiet, label, spelled, sizeof spelled) == 0)
                err = list_add(l, spelled);
            grammar_spelling_free(&scratch);
        }
    if (q && q->kind == QK_SCALE) {
        for (int v = q->min; v <= q->max && !err; v++)
            if (v >= 0 && v <= 10)
                err = add_phrases(s, l, lx->numbers[v][LANG_EN], lx->nnumbers[v][LANG_EN]);
    }
    for (size_t i = 0; q && i < q->noptions && !err; i++) {
        const Option *o = &q->options[i];
        err = add_phrases(s, l, o->say[LANG_EN], o->nsay[LANG_EN]);
        if (!err && o->label.s[LANG_EN])
            err = add_phrases(s, l, &o->label.s[LANG_EN], 1);
    }
    return err;
}

/* Whether the flow acts on cmd while q is asked (NULL: every other screen). A command
 * that does nothing there only competes with the answers, so it is left out: "done"
 * belongs to several-answer questions, "start" to the screens before the questions,
 * skip and "I don't know" to questions that may be skipped. */
static bool command_applies(const Question *q, Command cmd)
{
    if (!q)
        return true;
    switch (cmd) {
    case CMD_START:
        return false;
    case CMD_DONE:
        return q->kind == QK_MULTI;
    case CMD_SKIP:
    case CMD_DONT_KNOW:
        return q->can_skip;
    default:
        return true;
    }
}

/* True when word is in the list (separated by spaces or commas), or list is NULL. */
static bool in_list(const char *list, const char *word)
{
    if (!list)
        return true;
    size_t len = strlen(word);
    for (const char *p = list; *p;) {
        p += strspn(p, " ,\t");
        size_t n = strcspn(p, " ,\t");
        if (n == len && strncmp(p, word, n) == 0)
            return true;
        p += n;
    }
    return false;
}

int grammar_build(const Content *c, const Question *q, const char *fillers, GrammarKnows knows,
                  void *ctx, GrammarSpellings *sp, char **jsgf, char *where, size_t wheresize)
{
    const Lexicon *lx = &c->lexicon;
    Speller s = {knows, ctx, sp, where, wheresize, 0};
    PhraseList answers = {0}, commands = {0}, fill = {0}, tail = {0};
    Buf b = {0};
    int err;

    *jsgf = NULL;
    if (where && wheresize)
        where[0] = '\0';
    if ((err = collect_answers(&s, c, q, &answers)) != 0)
        goto done;
    for (int cmd = 0; cmd < CMD_COUNT && !err; cmd++)
        if (command_applies(q, (Command)cmd))
            err =
                add_phrases(&s, &commands, lx->commands[cmd][LANG_EN], lx->ncommands[cmd][LANG_EN]);
    for (size_t i = 0; !err && i < lx->nfiller[LANG_EN]; i++)
        if (in_list(fillers, lx->filler[LANG_EN][i]))
            err = add_phrases(&s, &fill, &lx->filler[LANG_EN][i], 1);
    if (!err && q && q->kind == QK_SCALE)
        err = add_phrases(&s, &tail, lx->scale_suffix[LANG_EN], lx->nscale_suffix[LANG_EN]);
    if (err)
        goto done;

    const char *pre = fill.n ? "[<fill>] " : "";
    const char *between = fill.n ? "[<fill>] " : "";
    buf_add(&b, "#JSGF V1.0;\ngrammar %s;\n", q ? q->id : "global");
    buf_add(&b, "public <utterance> = %s%s%s", commands.n ? "<command> | " : "", pre,
            answers.n ? "<answer>" : "<command>");
    if (tail.n)
        buf_add(&b, " [<tail>]");
    buf_add(&b, ";\n");

    if (answers.n && q && q->kind == QK_MULTI)
        buf_add(&b, "<answer> = <option> ( %s<option> )*;\n", between);
    else if (answers.n)
        buf_add(&b, "<answer> = <option>;\n");
    if (answers.n)
        emit_rule(&b, "option", &answers);
    if (commands.n)
        emit_rule(&b, "command", &commands);
    if (fill.n)
        emit_rule(&b, "fill", &fill);
    if (tail.n)
        emit_rule(&b, "tail", &tail);
    if (b.failed) {
        err = PK_ENOMEM;
        goto done;
    }
    if (!answers.n && !commands.n) {
        err = PK_ECONTENT;
        if (where)
            snprintf(where, wheresize, "no phrase that can be spoken");
        goto done;
    }
    *jsgf = b.s;
    b.s = NULL;
done:
    free(b.s);
    list_free(&answers);
    list_free(&commands);
    list_free(&fill);
    list_free(&tail);
    return err;
}

void grammar_rewrite(const GrammarSpellings *sp, const char *hyp, char *out, size_t size)
{
    size_t len = 0;
    char copy[PHRASE_MAX];
    snprintf(copy, sizeof copy, "%s", hyp);
    if (size)
        out[0] = '\0';
    char *save = NULL;
    for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        const char *word = w;
        for (size_t i = 0; sp && i < sp->n; i++)
            if (strcmp(sp->items[i].spoken, w) == 0)
                word = sp->items[i].written;
        int wrote = snprintf(out + len, size - len, "%s%s", len ? " " : "", word);
        if (wrote < 0 || (size_t)wrote >= size - len)
            break;
        len += (size_t)wrote;
    }
}

void grammar_spelling_free(GrammarSpellings *sp)
{
    free(sp->items);
    sp->items = NULL;
    sp->n = sp->cap = 0;
}
