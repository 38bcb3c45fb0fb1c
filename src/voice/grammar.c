/* JSGF grammars from the content, one per question. */
#include "grammar.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/interp.h"
#include "../core/wipe.h"

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
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

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

/* True for a phrase of one word. */
static bool one_word(const char *phrase)
{
    return strchr(phrase, ' ') == NULL;
}

/* Adds the phrases of answer key (skipped when key is the excluded one); with only
 * single words (tight) or only the multi-word synonyms (long). */
static int add_key(Speller *s, PhraseList *l, int key, int exclude, const char *const *p, size_t n,
                   size_t from)
{
    if (key == exclude)
        return 0;
    return add_phrases(s, l, p + from, n > from ? n - from : 0);
}

/* Whether phrase starts with a one-word yes or no form ("no idea"). */
static bool starts_yes_no(const Lexicon *lx, const char *phrase)
{
    size_t n = strcspn(phrase, " ");
    for (int k = 0; k < 2; k++) {
        const char *const *p = k ? lx->no[LANG_EN] : lx->yes[LANG_EN];
        size_t np = k ? lx->nno[LANG_EN] : lx->nyes[LANG_EN];
        for (size_t i = 0; i < np; i++)
            if (strlen(p[i]) == n && strncmp(p[i], phrase, n) == 0)
                return true;
    }
    return false;
}

/* The phrases of "not sure" on a yes/no question: its own and the don't-know command's,
 * but none that starts with a yes or no word. Without "no", the pass that measures how
 * sure a "no" is followed "no idea" to the end of the audio and found nothing at all:
 * 45 of 142 real yes and no clips were asked about for that. */
static int add_not_sure(Speller *s, const Lexicon *lx, PhraseList *l, int key, int exclude,
                        const Option *o)
{
    const char *const *lists[2] = {o->say[LANG_EN], lx->commands[CMD_DONT_KNOW][LANG_EN]};
    size_t ns[2] = {o->nsay[LANG_EN], lx->ncommands[CMD_DONT_KNOW][LANG_EN]};
    int err = 0;
    for (int k = 0; k < 2 && !err; k++)
        for (size_t i = 0; i < ns[k] && !err; i++)
            if (!starts_yes_no(lx, lists[k][i]))
                err = add_key(s, l, key, exclude, &lists[k][i], 1, 0);
    if (!err && o->label.s[LANG_EN] && !starts_yes_no(lx, o->label.s[LANG_EN]))
        err = add_key(s, l, key, exclude, &o->label.s[LANG_EN], 1, 0);
    return err;
}

/* The answers of q, or yes and no when q is NULL; leaving out answer key exclude
 * (GRAMMAR_NONE: none). On a scale, a number's first (plain) word and its phrases of
 * several words ("no pain"): the one-word synonyms ("none", "worst") collide with
 * the numbers ("one", "ten"). Tight: the one-word yes and no forms only. */
static int collect_answers(Speller *s, const Content *c, const Question *q, int exclude, bool tight,
                           PhraseList *l)
{
    const Lexicon *lx = &c->lexicon;
    int err = 0;
    if (!q || q->kind == QK_YESNO || tight) {
        for (int k = 0; k < 2 && !err; k++) {
            const char *const *p = k ? lx->no[LANG_EN] : lx->yes[LANG_EN];
            size_t n = k ? lx->nno[LANG_EN] : lx->nyes[LANG_EN];
            for (size_t i = 0; i < n && !err; i++)
                if (!tight || one_word(p[i]))
                    err = add_key(s, l, k, exclude, p + i, 1, 0);
        }
        if (tight)
            return err;
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
        for (int v = q->min; v <= q->max && !err; v++) {
            if (v < 0 || v > 10 || v == exclude)
                continue;
            const char *const *p = lx->numbers[v][LANG_EN];
            for (size_t i = 0; i < lx->nnumbers[v][LANG_EN] && !err; i++)
                if (i == 0 || !one_word(p[i]))
                    err = add_phrases(s, l, p + i, 1);
        }
    }
    /* a yes/no question's own options past yes and no: "not sure" on the urgent safety
       questions, which without its phrases here was heard as "no" */
    for (size_t i = 0; q && i < q->noptions && !err; i++) {
        if (q->kind == QK_YESNO && i < 2)
            continue;
        const Option *o = &q->options[i];
        /* with "I don't know", which the interpreter reads as "not sure" there: in the
           command pass only, "i don't" of it won the answer pass as a no */
        if (q->kind == QK_YESNO) {
            err = add_not_sure(s, lx, l, (int)i, exclude, o);
            continue;
        }
        err = add_key(s, l, (int)i, exclude, o->say[LANG_EN], o->nsay[LANG_EN], 0);
        if (!err && o->label.s[LANG_EN])
            err = add_key(s, l, (int)i, exclude, &o->label.s[LANG_EN], 1, 0);
    }
    return err;
}

/* Whether the flow acts on cmd while q is asked (NULL: every other screen). A command
 * that does nothing there only competes with the answers, so it is left out: "done"
 * belongs to several-answer questions, "start" to the screens before the questions,
 * skip and "I don't know" to questions that may be skipped, or that have "not sure". */
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
        return q->can_skip;
    case CMD_DONT_KNOW: /* where there is no skip, "I don't know" is "not sure" */
        return q->can_skip || content_option_index(q, "not_sure") >= 0;
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

int grammar_build(const Content *c, const Question *q, GrammarPart part, int exclude,
                  const char *fillers, GrammarKnows knows, void *ctx, GrammarSpellings *sp,
                  char **jsgf, char *where, size_t wheresize)
{
    const Lexicon *lx = &c->lexicon;
    Speller s = {knows, ctx, sp, where, wheresize, 0};
    PhraseList words = {0}, fill = {0};
    Buf b = {0};
    int err = 0;

    *jsgf = NULL;
    if (where && wheresize)
        where[0] = '\0';
    if (part == GRAMMAR_COMMANDS) {
        for (int cmd = 0; cmd < CMD_COUNT && !err; cmd++)
            if (command_applies(q, (Command)cmd))
                err = add_phrases(&s, &words, lx->commands[cmd][LANG_EN],
                                  lx->ncommands[cmd][LANG_EN]);
    } else {
        err = collect_answers(&s, c, q, exclude, part == GRAMMAR_YESNO, &words);
    }
    bool multi = part == GRAMMAR_ANSWERS && q && q->kind == QK_MULTI;
    for (size_t i = 0; multi && !err && i < lx->nfiller[LANG_EN]; i++)
        if (in_list(fillers, lx->filler[LANG_EN][i]))
            err = add_phrases(&s, &fill, &lx->filler[LANG_EN][i], 1);
    if (err)
        goto done;
    if (!words.n) {
        err = PK_ECONTENT;
        if (where)
            snprintf(where, wheresize, "no phrase that can be spoken");
        goto done;
    }
    /* Answers alone: no filler before them (it soaks up noise and turns it into an
     * answer); between the answers of a multi question only. */
    buf_add(&b, "#JSGF V1.0;\ngrammar %s;\n", q ? q->id : "global");
    if (multi)
        buf_add(&b, "public <utterance> = <option> ( %s<option> )*;\n", fill.n ? "[<fill>] " : "");
    else
        buf_add(&b, "public <utterance> = <option>;\n");
    emit_rule(&b, "option", &words);
    if (fill.n)
        emit_rule(&b, "fill", &fill);
    if (b.failed) {
        err = PK_ENOMEM;
        goto done;
    }
    *jsgf = b.s;
    b.s = NULL;
done:
    free(b.s);
    list_free(&words);
    list_free(&fill);
    return err;
}

/* True when word is one of the words of the JSGF rules of g (after its header). */
static bool jsgf_has_word(const char *g, const char *word, size_t len)
{
    const char *body = strstr(g, "<option> =");
    for (const char *p = body ? body : g; *p;) {
        p += strspn(p, " |;()[]*\n");
        size_t n = strcspn(p, " |;()[]*\n");
        if (n == len && strncmp(p, word, n) == 0)
            return true;
        p += n;
    }
    return false;
}

int grammar_add_garbage(char **jsgf, const char *full, const char *garbage, GrammarKnows knows,
                        void *ctx)
{
    static const char single[] = "public <utterance> = <option>;\n";
    char *at = strstr(*jsgf, single);
    if (!at || !garbage)
        return 0;
    Buf b = {0};
    buf_add(&b, "%.*spublic <utterance> = <option> | <garbage>;\n%s<garbage> = ", (int)(at - *jsgf),
            *jsgf, at + sizeof single - 1);
    int added = 0;
    for (const char *p = garbage; *p;) {
        size_t n = strcspn(p, "\n");
        char word[WORD_MAX];
        if (n && n < sizeof word && p[0] != '#') {
            memcpy(word, p, n);
            word[n] = '\0';
            if (knows(ctx, word) && !jsgf_has_word(full, word, n))
                buf_add(&b, "%s%s", added++ ? " | " : "", word);
        }
        p += n + (p[n] == '\n');
    }
    buf_add(&b, ";\n");
    if (b.failed) {
        free(b.s);
        return PK_ENOMEM;
    }
    if (!added) {
        free(b.s);
        return 0;
    }
    free(*jsgf);
    *jsgf = b.s;
    return 0;
}

int grammar_answer_key(const Question *q, const Answer *a)
{
    if (!q)
        return GRAMMAR_NONE;
    if (q->kind == QK_SCALE)
        return a->value;
    int key = GRAMMAR_NONE, count = 0;
    for (size_t i = 0; i < q->noptions && i < 32; i++)
        if (a->options & (UINT32_C(1) << i)) {
            key = (int)i;
            count++;
        }
    if (count != 1)
        return GRAMMAR_NONE;
    if (q->kind == QK_YESNO) /* the lexicon's yes (0) and no (1) */
        return strcmp(q->options[key].id, "yes") == 0 ? 0 : 1;
    return key;
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
        if (wrote < 0 || (size_t)wrote >= size - len) {
            wipe(out, size); /* too long: nothing, never its first words */
            break;
        }
        len += (size_t)wrote;
    }
    wipe(copy, sizeof copy);
}

void grammar_spelling_free(GrammarSpellings *sp)
{
    free(sp->items);
    sp->items = NULL;
    sp->n = sp->cap = 0;
}
