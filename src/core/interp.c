/* The answer interpreter. Matching works on words: the longest content phrase that
 * starts at each word wins; filler words are passed over; any other word makes the
 * whole input "not understood", so an answer is never guessed. */
#include "interp.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wipe.h"

enum { MAX_TOKENS = 64, MAX_TEXT = 512 };

typedef struct {
    const char *w[MAX_TOKENS];
    bool clause[MAX_TOKENS]; /* the word begins a clause after the first (see tokenize) */
    size_t n;
    bool too_many; /* more words than MAX_TOKENS: the input is refused, never cut */
    char buf[MAX_TEXT];
} Tokens;

/* Folds a 2-byte UTF-8 Latin-1 letter (after 0xC3) to ASCII; 0 when it is not one. */
static char fold_latin1(unsigned char b)
{
    static const char map[64] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
    char c = map[b & 0x3F];
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : (c == 'x' || c == '/') ? 0 : c;
}

/* The length of the combining mark or variation selector at s (U+0300..U+036F,
 * U+FE00..U+FE0F), which is dropped; 0 when there is none. */
static size_t mark_length(const unsigned char *s)
{
    if ((s[0] == 0xCC && s[1] >= 0x80 && s[1] <= 0xBF) ||
        (s[0] == 0xCD && s[1] >= 0x80 && s[1] <= 0xAF))
        return 2;
    return s[0] == 0xEF && s[1] == 0xB8 && s[2] >= 0x80 && s[2] <= 0x8F ? 3 : 0;
}

/* The length of the punctuation or space character at s, which separates words: Latin-1's
 * U+0080..U+00BF (but the digits ¹ ² ³ and the fractions ¼ ½ ¾, which are kept), the
 * general punctuation U+2000..U+206F (dashes, quotes, ellipsis, invisible spaces), the
 * CJK space, comma and full stop and U+FEFF; 0 for any other character. (× and ÷ fold to
 * a space with the Latin-1 letters.) The superscripts after it (U+2070..U+207F: ⁴ to ⁹,
 * ⁺, ⁻) are kept, like ¹ ² ³: "7⁺" read 7. */
static size_t separator_length(const unsigned char *s)
{
    if (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0xBF)
        return s[1] == 0xB2 || s[1] == 0xB3 || s[1] == 0xB9 || (s[1] >= 0xBC && s[1] <= 0xBE) ? 0
                                                                                              : 2;
    if (s[0] == 0xE2 && (s[1] == 0x80 || (s[1] == 0x81 && s[2] <= 0xAF)) && (s[2] & 0xC0) == 0x80)
        return 3;
    if ((s[0] == 0xE3 && s[1] == 0x80 && s[2] >= 0x80 && s[2] <= 0x82) ||
        (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF))
        return 3;
    return 0;
}

size_t interp_normalize(const char *src, char *dst, size_t dstsize)
{
    size_t n = 0;
    bool space = true; /* no leading space */
    const unsigned char *s = (const unsigned char *)src;
    if (dstsize == 0)
        return 0;
    while (*s && n + 1 < dstsize) {
        char out = 0;
        if (*s < 0x80) {
            unsigned char c = *s++;
            if (c == '\'')
                continue; /* don't -> dont */
            if (c >= 'A' && c <= 'Z')
                out = (char)(c - 'A' + 'a');
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                out = (char)c;
        } else if (*s == 0xC3 && s[1] >= 0x80 && s[1] < 0xC0) {
            out = fold_latin1(s[1]);
            s += 2;
        } else if (*s == 0xE2 && s[1] == 0x80 && (s[2] == 0x98 || s[2] == 0x99)) {
            s += 3; /* curly apostrophes are dropped like straight ones */
            continue;
        } else if (mark_length(s)) {
            s += mark_length(s); /* a combining accent (si + U+0301): folded like sí */
            continue;
        } else if (separator_length(s)) {
            s += separator_length(s); /* punctuation (¿ ¡ « » dashes, quotes): a space */
        } else {
            /* any other character (a letter of another script, a fraction, an emoji) is
             * kept: the word matches no phrase, so "no да" is not understood, never "no" */
            size_t len = 1;
            while ((s[len] & 0xC0) == 0x80 && len < 4)
                len++;
            if (n + len >= dstsize)
                break;
            memcpy(dst + n, s, len);
            n += len;
            s += len;
            space = false;
            continue;
        }
        if (out) {
            dst[n++] = out;
            space = false;
        } else if (!space) {
            dst[n++] = ' ';
            space = true;
        }
    }
    while (n > 0 && dst[n - 1] == ' ')
        n--;
    dst[n] = '\0';
    return n;
}

/* The length of the mark at s that ends a clause of typed words (, . ; : ! ? … and the
 * Spanish ¡ ¿), 0 for any other character. */
static size_t clause_mark_length(const unsigned char *s)
{
    if (*s && strchr(",.;:!?", *s))
        return 1;
    if (s[0] == 0xC2 && (s[1] == 0xA1 || s[1] == 0xBF))
        return 2;
    return s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xA6 ? 3 : 0;
}

/* The words of text, normalised (see interp_normalize), each marked when it begins a
 * clause after the first: a phrase never spans two ("no, me duele" is a No and then "it
 * hurts", never the phrase "no me duele"; "No. Duele." read "no duele"). A clause mark
 * always separates words in the normalised text, so the clauses' words, counted one by
 * one, are the whole text's. */
static void tokenize(const char *text, Tokens *t)
{
    interp_normalize(text, t->buf, sizeof t->buf);
    t->n = 0;
    t->too_many = false;
    memset(t->clause, 0, sizeof t->clause);
    char *p = t->buf;
    while (*p) {
        if (t->n == MAX_TOKENS) {
            t->too_many = true;
            break;
        }
        t->w[t->n++] = p;
        char *sp = strchr(p, ' ');
        if (!sp)
            break;
        *sp = '\0';
        p = sp + 1;
    }
    char part[MAX_TEXT], norm[MAX_TEXT];
    size_t words = 0, start = 0, len = strlen(text);
    for (size_t i = 0; i <= len && words < t->n;) {
        size_t mark = i < len ? clause_mark_length((const unsigned char *)text + i) : 1;
        if (!mark) {
            i++;
            continue;
        }
        size_t n = i - start < sizeof part ? i - start : sizeof part - 1;
        memcpy(part, text + start, n);
        part[n] = '\0';
        interp_normalize(part, norm, sizeof norm);
        size_t before = words;
        for (const char *q = norm; *q; q++)
            words += q == norm || q[-1] == ' ';
        if (before > 0 && words > before && before < MAX_TOKENS)
            t->clause[before] = true;
        i += mark;
        start = i;
    }
    /* the copies held the patient's words */
    wipe(part, sizeof part);
    wipe(norm, sizeof norm);
}

/* How many words of t, from word i, the normalised phrase covers; 0 when it does not. */
static size_t match_at(const Tokens *t, size_t i, const char *phrase)
{
    size_t k = i;
    const char *p = phrase;
    while (*p) {
        if (k >= t->n || (k > i && t->clause[k]))
            return 0; /* past the words, or into the next clause */
        size_t len = strlen(t->w[k]);
        if (strncmp(p, t->w[k], len) != 0 || (p[len] != ' ' && p[len] != '\0'))
            return 0;
        p += len;
        if (*p == ' ')
            p++;
        k++;
    }
    return k - i;
}

static bool is_filler(const Lexicon *lx, Lang lang, const char *w)
{
    for (size_t i = 0; i < lx->nfiller[lang]; i++)
        if (strcmp(lx->filler[lang][i], w) == 0)
            return true;
    return false;
}

/* The words of t that are not filler, joined by single spaces. */
static void strip_filler(const Lexicon *lx, Lang lang, const Tokens *t, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < t->n; i++) {
        if (is_filler(lx, lang, t->w[i]))
            continue;
        size_t len = strlen(t->w[i]);
        if (n + len + 2 > size)
            break;
        if (n)
            out[n++] = ' ';
        memcpy(out + n, t->w[i], len + 1);
        n += len;
    }
}

/* A command when the whole input, filler aside, is one of its phrases. */
static Command match_command(const Lexicon *lx, Lang lang, const Tokens *t)
{
    char said[MAX_TEXT], whole[MAX_TEXT];
    strip_filler(lx, lang, t, said, sizeof said);
    size_t n = 0;
    whole[0] = '\0';
    for (size_t i = 0; i < t->n && n < sizeof whole; i++)
        n += (size_t)snprintf(whole + n, sizeof whole - n, "%s%s", i ? " " : "", t->w[i]);
    for (int k = 0; k < CMD_COUNT; k++) {
        for (size_t i = 0; i < lx->ncommands[k][lang]; i++) {
            Tokens pt;
            char phrase[MAX_TEXT];
            tokenize(lx->commands[k][lang][i], &pt);
            strip_filler(lx, lang, &pt, phrase, sizeof phrase);
            if (strcmp(lx->commands[k][lang][i], whole) == 0 ||
                (*phrase && strcmp(phrase, said) == 0))
                return (Command)k;
        }
    }
    return CMD_NONE;
}

/* A number at word i: digits 0..10 or a number phrase. Returns the words used (0: none). */
static size_t match_number(const Lexicon *lx, Lang lang, const Tokens *t, size_t i, int *value)
{
    const char *w = t->w[i];
    if (w[0] >= '0' && w[0] <= '9') {
        char *end;
        long v = strtol(w, &end, 10);
        if (*end == '\0' && strlen(w) <= 2) {
            *value = (int)v;
            return 1;
        }
        return 0;
    }
    size_t best = 0;
    for (int n = 0; n <= 10; n++) {
        for (size_t p = 0; p < lx->nnumbers[n][lang]; p++) {
            size_t len = match_at(t, i, lx->numbers[n][lang][p]);
            if (len > best) {
                best = len;
                *value = n;
            }
        }
    }
    return best;
}

static bool parse_scale(const Content *c, const Question *q, Lang lang, const Tokens *t, Answer *a)
{
    const Lexicon *lx = &c->lexicon;
    int value = -1;
    for (size_t i = 0; i < t->n;) {
        size_t used = 0;
        for (size_t s = 0; s < lx->nscale_suffix[lang] && !used; s++)
            used = match_at(t, i, lx->scale_suffix[lang][s]);
        if (used) {
            i += used;
            continue;
        }
        int v;
        if ((used = match_number(lx, lang, t, i, &v))) {
            if (value >= 0 && v != value)
                return false; /* "five or six": not one answer */
            value = v;
            i += used;
            continue;
        }
        if (!is_filler(lx, lang, t->w[i]))
            return false;
        i++;
    }
    if (value < q->min || value > q->max)
        return false;
    a->state = ANS_GIVEN;
    a->value = value;
    a->options = 0;
    return true;
}

/* True when every word of t is written in digits ("2", "1 3"): only then are the digits
 * the numbers of the answers listed. A number among words is what was said, not an
 * answer's number: "I had two" to "Have you had a seizure?" answered No (the second
 * answer), "three" (days) to how often she felt down "More than half the days". */
static bool only_digits(const Tokens *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->w[i][strspn(t->w[i], "0123456789")] != '\0')
            return false;
    return t->n > 0;
}

static bool is_affirm(const Lexicon *lx, Lang lang, const char *w)
{
    for (size_t i = 0; i < lx->naffirm[lang]; i++)
        if (strcmp(lx->affirm[lang][i], w) == 0)
            return true;
    return false;
}

/* True when the n words of t at i are one of the lexicon's no phrases in lang. */
static bool is_no_phrase(const Lexicon *lx, Lang lang, const Tokens *t, size_t i, size_t n)
{
    for (size_t p = 0; p < lx->nno[lang]; p++)
        if (match_at(t, i, lx->no[lang][p]) == n)
            return true;
    return false;
}

static bool parse_options(const Content *c, const Question *q, Lang lang, const Tokens *t,
                          Answer *a)
{
    const Lexicon *lx = &c->lexicon;
    uint32_t mask = 0;
    bool numbered = only_digits(t);
    bool affirmed = false; /* a filler word passed over says the symptom is there */
    bool said_no = false;  /* an answer's words are one of the lexicon's no phrases */
    for (size_t i = 0; i < t->n;) {
        size_t best = 0;
        uint32_t best_mask = 0;
        for (size_t o = 0; o < q->noptions; o++) {
            const Option *opt = &q->options[o];
            char label[MAX_TEXT];
            interp_normalize(lang_text(&opt->label, lang), label, sizeof label);
            size_t len = match_at(t, i, label);
            for (size_t p = 0; p < opt->nsay[lang]; p++) {
                size_t l2 = match_at(t, i, opt->say[lang][p]);
                len = l2 > len ? l2 : len;
            }
            if (len > best) {
                best = len;
                best_mask = 0;
            }
            if (len && len == best)
                best_mask |= 1u << o;
        }
        int v;
        size_t nlen;
        if (!best && numbered && (nlen = match_number(lx, lang, t, i, &v))) {
            /* a numbered option: "2" */
            if (v < 1 || (size_t)v > q->noptions)
                return false;
            best = nlen;
            best_mask = 1u << (v - 1);
        }
        if (best) {
            said_no |= is_no_phrase(lx, lang, t, i, best);
            mask |= best_mask;
            i += best;
        } else if (is_filler(lx, lang, t->w[i])) {
            affirmed |= is_affirm(lx, lang, t->w[i]);
            i++;
        } else {
            return false;
        }
    }
    if (!mask)
        return false;
    /* "no, it hurts", "no, tuve": a No with words that say the thing is there is not a
     * No (it was one, to chest pain). So for any question's "no" answer ("no, I had it"
     * to the epidural skipped its three safety questions) and any answer given in the
     * lexicon's no words ("no, I had it" to how often she felt down read "Not at all").
     * The words of a no phrase are not passed over: "no tuve" stays a No. */
    int no = content_option_index(q, "no");
    if (affirmed && ((no >= 0 && mask == (1u << no)) || said_no))
        return false;
    if (q->kind != QK_MULTI && (mask & (mask - 1)))
        return false; /* two different answers to a one-answer question */
    int none = content_option_index(q, "none");
    if (none >= 0 && (mask & (1u << none)) && mask != (1u << none))
        return false; /* "none" with something else contradicts itself */
    a->state = ANS_GIVEN;
    a->options = mask;
    a->value = 0;
    return true;
}

static bool is_digit(unsigned char ch)
{
    return ch >= '0' && ch <= '9';
}

static bool is_alnum(unsigned char ch)
{
    return is_digit(ch) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* The length of the minus sign at s: '-', the dashes U+2010..U+2015, the hyphen bullet
 * U+2043, the commercial minus U+2052 or U+2212 MINUS SIGN; 0 for any other character. Each is
 * punctuation to the words, and an en dash is what a phone's keyboard or a word processor makes of
 * '-'. */
static size_t minus_length(const unsigned char *s)
{
    if (s[0] == '-')
        return 1;
    if (s[0] == 0xE2 &&
        ((s[1] == 0x80 && s[2] >= 0x90 && s[2] <= 0x95) ||
         (s[1] == 0x81 && (s[2] == 0x83 || s[2] == 0x92)) || (s[1] == 0x88 && s[2] == 0x92)))
        return 3;
    return 0;
}

/* s past the characters that leave nothing between the letters around them: the
 * apostrophes (dropped), the combining marks and variation selectors (dropped), the soft
 * hyphen and the invisible formatting characters (U+200B..U+200F, U+2060..U+2064,
 * U+FEFF). "-'3" or "-" U+0301 "3" is "-3" as much as "-3" is. */
static const unsigned char *past_nothing(const unsigned char *s)
{
    for (;;) {
        if (*s == '\'')
            s++;
        else if (mark_length(s))
            s += mark_length(s);
        else if (s[0] == 0xC2 && s[1] == 0xAD)
            s += 2;
        else if (s[0] == 0xE2 && ((s[1] == 0x80 && ((s[2] >= 0x8B && s[2] <= 0x8F) ||
                                                    s[2] == 0x98 || s[2] == 0x99)) ||
                                  (s[1] == 0x81 && s[2] >= 0xA0 && s[2] <= 0xA4)))
            s += 3;
        else if (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
            s += 3;
        else
            return s;
    }
}

/* False when the text of a scale answer is more than one plain number: more or less than
 * one ("7+", ">8", "<3", "‹3", "«7»", "±2", "7%", "7‰", "7‱"), below zero ("-3", "–3"),
 * or a part of one: two digits with punctuation and nothing else between them ("5.5",
 * "7,5", "5/5", "5·5", "5⁄5" with the fraction slash, "7×7", "5 . 5", "5/10,5" once its
 * "/10" is taken out).
 * The signs are punctuation to the words, and "7+" read 7, ">8" 8, "5,5" 5, and "5·5" 5
 * once the ASCII marks were refused. */
static bool plain_number_text(const char *text)
{
    const unsigned char *start = (const unsigned char *)text;
    for (const unsigned char *p = start; *p; p++) {
        if (*p == '+' || *p == '<' || *p == '>' || *p == '%' || (p[0] == 0xC2 && p[1] == 0xB1))
            return false;
        /* the quotes that look like < and > (« » ‹ ›): "‹3" read 3 where "<3" did not */
        if ((p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB)) ||
            (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xB9 || p[2] == 0xBA)))
            return false;
        /* a minus sign on a number ("-3", "−3" with U+2212, "–3" with an en dash): no
           pain score is below zero, and "-3" read 3, "–3" 3 too */
        bool before_word = p == start || !is_alnum(p[-1]);
        if (before_word && minus_length(p) && is_digit(*past_nothing(p + minus_length(p))))
            return false;
        /* the per mille and per ten thousand signs (U+2030, U+2031) are punctuation to the
         * words, like % once was: "7‰" read 7 */
        if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xB0 || p[2] == 0xB1))
            return false;
        if (!is_digit(*p))
            continue;
        bool mark = false;
        const unsigned char *q = p + 1;
        for (; *q && !is_alnum(*q); q++)
            mark |= *q != ' ';
        if (mark && is_digit(*q))
            return false;
    }
    return true;
}

/* False when the answers are given by their numbers ("2", "1, 3") with a sign or a mark
 * on one: "-1", "+1", "~1", "1-" or "1%" answered Yes to chest pain as "1" did, where the
 * scale refuses "-5". Digits, spaces and , ; . ( ) & / between them are plain. */
static bool plain_numbers(const char *text, const Tokens *t)
{
    if (!only_digits(t))
        return true;
    for (const char *p = text; *p; p++)
        if (!is_digit((unsigned char)*p) && !strchr(" \t,;.()&/", *p))
            return false;
    return true;
}

/* True when text holds a question mark: ? ¿, the interrobang ‽, ⁇ ⁈ ⁉ or the full-width
 * ？ (the ones besides ? and ¿ are punctuation to the words, and "It hurts, no‽" answered
 * No to chest pain). */
static bool holds_question_mark(const char *text)
{
    static const char *const marks[] = {
        "?",           "\xc2\xbf", "\xe2\x80\xbd", "\xe2\x81\x87", "\xe2\x81\x88", "\xe2\x81\x89",
        "\xef\xbc\x9f"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strstr(text, marks[i]))
            return true;
    return false;
}

void interp_parse(const Content *c, const Question *q, Lang lang, const char *text,
                  InterpResult *out)
{
    memset(out, 0, sizeof *out);
    out->kind = INTERP_NOT_UNDERSTOOD;
    out->command = CMD_NONE;
    if ((unsigned)lang >= LANG_COUNT)
        lang = LANG_EN;

    char copy[MAX_TEXT];
    size_t len = strlen(text);
    if (len >= sizeof copy)
        return; /* nobody answers with a paragraph: refuse rather than truncate */
    memcpy(copy, text, len + 1);
    /* "7/10": the scale's "out of ten", not a second number (the text was cut there, and
     * "7/10 8" answered 7, "7/100" 7 too) */
    bool not_one_number = false;
    if (q && q->kind == QK_SCALE) {
        for (char *p = copy; (p = strstr(p, "/10")) != NULL; p += 3)
            if (p[3] < '0' || p[3] > '9')
                memset(p, ' ', 3);
        not_one_number = !plain_number_text(copy);
    }
    /* "It hurts, no?", "me duele, ¿no?": a question back, not an answer (the tag read as a
     * No to chest pain) */
    bool asked = q && q->kind == QK_YESNO && holds_question_mark(copy);
    Tokens t;
    tokenize(copy, &t);
    if (t.n == 0 || t.too_many)
        goto done;

    Command cmd = match_command(&c->lexicon, lang, &t);
    if (cmd != CMD_NONE) {
        out->kind = INTERP_COMMAND;
        out->command = cmd;
        goto done;
    }
    if (!q || not_one_number || asked || (q->kind != QK_SCALE && !plain_numbers(copy, &t)))
        goto done;
    bool ok = q->kind == QK_SCALE ? parse_scale(c, q, lang, &t, &out->answer)
                                  : parse_options(c, q, lang, &t, &out->answer);
    if (ok)
        out->kind = INTERP_ANSWER;
    else
        memset(&out->answer, 0, sizeof out->answer);
done:
    /* The copies held the patient's words. */
    wipe(copy, sizeof copy);
    wipe(&t, sizeof t);
}
