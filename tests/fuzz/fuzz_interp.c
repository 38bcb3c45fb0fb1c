/* libFuzzer: the answer interpreter on any text, for every question of the real content
 * (so every kind: choice, multi, scale, yes/no) in both languages. The first byte picks
 * the question (or none), the second the language; the rest is the text. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/content.h"
#include "fuzz_real_content.h"
#include "core/interp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* True when text, normalised, holds one of the words that say no in lang as whole
 * words, or is nothing but digits (the number of an answer typed alone). */
static bool says_no(const Content *c, Lang lang, const char *text)
{
    char norm[1100], padded[1104], phrase[600];
    interp_normalize(text, norm, sizeof norm);
    if (norm[0] && norm[strspn(norm, "0123456789 ")] == '\0')
        return true;
    snprintf(padded, sizeof padded, " %s ", norm);
    const Lexicon *lx = &c->lexicon;
    for (size_t i = 0; i < lx->nno[lang]; i++) {
        char word[512];
        interp_normalize(lx->no[lang][i], word, sizeof word);
        snprintf(phrase, sizeof phrase, " %s ", word);
        if (strstr(padded, phrase))
            return true;
    }
    return false;
}

/* True when text, normalised, holds one of lang's affirm words ("hurts", "had") as a
 * whole word outside every one of its no phrases ("no tuve" is a No; "no, tuve" is
 * looked at as "no tuve" too, so this misses some: it never traps a right answer). */
static bool affirms(const Content *c, Lang lang, const char *text)
{
    char norm[1100], padded[1104], blanked[1104], phrase[600];
    interp_normalize(text, norm, sizeof norm);
    snprintf(padded, sizeof padded, " %s ", norm);
    memcpy(blanked, padded, sizeof blanked);
    const Lexicon *lx = &c->lexicon;
    /* phrases are found in padded and blanked in the copy, so "no" blanked first
     * never hides "no tuve" */
    for (size_t i = 0; i < lx->nno[lang]; i++) {
        char word[512];
        interp_normalize(lx->no[lang][i], word, sizeof word);
        snprintf(phrase, sizeof phrase, " %s ", word);
        size_t len = strlen(phrase);
        for (char *at = strstr(padded, phrase); at; at = strstr(at + 1, phrase))
            memset(blanked + (at - padded) + 1, '#', len - 2);
    }
    for (size_t i = 0; i < lx->naffirm[lang]; i++) {
        snprintf(phrase, sizeof phrase, " %s ", lx->affirm[lang][i]);
        if (strstr(blanked, phrase))
            return true;
    }
    return false;
}

/* True when text holds a question mark (a question back is never an answer to yes/no):
 * ? ¿ ‽ ⁇ ⁈ ⁉ and the full-width ？ ("It hurts, no‽" answered No to chest pain). */
static bool asks(const char *text)
{
    static const char *const marks[] = {
        "?",           "\xc2\xbf", "\xe2\x80\xbd", "\xe2\x81\x87", "\xe2\x81\x88", "\xe2\x81\x89",
        "\xef\xbc\x9f"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strstr(text, marks[i]))
            return true;
    return false;
}

static bool alnum(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* True when a minus sign begins a word of text and a digit follows it, past what leaves
 * nothing between two letters (apostrophes, combining marks, variation selectors, the
 * soft hyphen, the invisible formatting characters): "-3", "−3", "–3", "-'3". */
static bool minus_number(const char *text)
{
    static const char *const minus[] = {"-",
                                        "\xe2\x80\x90",
                                        "\xe2\x80\x91",
                                        "\xe2\x80\x92",
                                        "\xe2\x80\x93",
                                        "\xe2\x80\x94",
                                        "\xe2\x80\x95",
                                        "\xe2\x81\x83",
                                        "\xe2\x81\x92",
                                        "\xe2\x88\x92"};
    static const char *const nothing[] = {"'",
                                          "\xe2\x80\x98",
                                          "\xe2\x80\x99",
                                          "\xc2\xad",
                                          "\xe2\x80\x8b",
                                          "\xe2\x80\x8c",
                                          "\xe2\x80\x8d",
                                          "\xe2\x80\x8e",
                                          "\xe2\x80\x8f",
                                          "\xe2\x81\xa0",
                                          "\xe2\x81\xa1",
                                          "\xe2\x81\xa2",
                                          "\xe2\x81\xa3",
                                          "\xe2\x81\xa4",
                                          "\xef\xbb\xbf"};
    for (const char *p = text; *p; p++) {
        if (p > text && alnum(p[-1]))
            continue;
        const char *q = NULL;
        for (size_t i = 0; i < sizeof minus / sizeof minus[0] && !q; i++)
            if (strncmp(p, minus[i], strlen(minus[i])) == 0)
                q = p + strlen(minus[i]);
        for (bool more = q != NULL; more;) {
            const unsigned char *u = (const unsigned char *)q;
            size_t skip = 0;
            if ((u[0] == 0xCC && u[1] >= 0x80 && u[1] <= 0xBF) ||
                (u[0] == 0xCD && u[1] >= 0x80 && u[1] <= 0xAF))
                skip = 2; /* U+0300..U+036F */
            else if (u[0] == 0xEF && u[1] == 0xB8 && u[2] >= 0x80 && u[2] <= 0x8F)
                skip = 3; /* U+FE00..U+FE0F */
            for (size_t i = 0; i < sizeof nothing / sizeof nothing[0] && !skip; i++)
                if (strncmp(q, nothing[i], strlen(nothing[i])) == 0)
                    skip = strlen(nothing[i]);
            q += skip;
            more = skip > 0;
        }
        if (q && *q >= '0' && *q <= '9')
            return true;
    }
    return false;
}

/* True when text says more or less than one number, or a part of one: a sign (+ < > % ±
 * « » ‹ › ‰ ‱, the superscript plus and minus), a minus sign on a number, or two digits with
 * punctuation and nothing else between them ("5.5", "5,5", "5·5", "5 . 5", "5/10,5"), once each
 * "/10" that is "out of ten" (no digit after it) is taken out: "7/10 7" reads 7. */
static bool not_one_number(const char *text)
{
    static const char *const signs[] = {"+",
                                        "<",
                                        ">",
                                        "%",
                                        "\xc2\xb1",
                                        "\xe2\x80\xb0",
                                        "\xe2\x80\xb1",
                                        "\xe2\x81\xba",
                                        "\xe2\x81\xbb",
                                        "\xc2\xab",
                                        "\xc2\xbb",
                                        "\xe2\x80\xb9",
                                        "\xe2\x80\xba"};
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++)
        if (strstr(text, signs[i]))
            return true;
    if (minus_number(text))
        return true;
    char copy[1100];
    snprintf(copy, sizeof copy, "%s", text);
    for (char *p = copy; (p = strstr(p, "/10")) != NULL; p += 3)
        if (p[3] < '0' || p[3] > '9')
            memset(p, ' ', 3);
    for (const char *p = copy; *p; p++) {
        if (*p < '0' || *p > '9')
            continue;
        bool mark = false;
        const char *q = p + 1;
        for (; *q && !alnum(*q); q++)
            mark |= *q != ' ';
        if (mark && *q >= '0' && *q <= '9')
            return true;
    }
    return false;
}

/* The words of text once normalised: past the interpreter's 64, the input is refused,
 * never cut ("yes" + 70 x "um" + "no" answered Yes). */
static size_t words(const char *text)
{
    char norm[1100];
    size_t n = 0;
    interp_normalize(text, norm, sizeof norm);
    for (const char *p = norm; *p; p++)
        n += p == norm || p[-1] == ' ';
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Content *content = fuzz_real_content();
    if (size < 2)
        return 0;
    size_t qi = data[0];
    const Question *q = qi < content->nquestions ? &content->questions[qi] : NULL;
    Lang lang = (Lang)(data[1] % LANG_COUNT);
    char *text = malloc(size - 1);
    if (!text)
        return 0;
    memcpy(text, data + 2, size - 2);
    text[size - 2] = '\0';
    InterpResult r;
    interp_parse(content, q, lang, text, &r);
    if (r.kind == INTERP_ANSWER) {
        if (!q)
            __builtin_trap(); /* no question, no answer */
        if (q->kind == QK_SCALE && (r.answer.value < q->min || r.answer.value > q->max))
            __builtin_trap();
        if (q->kind != QK_SCALE &&
            (r.answer.options == 0 || (q->noptions < 32 && r.answer.options >> q->noptions)))
            __builtin_trap(); /* only options the question has */
        if (q->kind != QK_MULTI && q->kind != QK_SCALE &&
            (r.answer.options & (r.answer.options - 1)))
            __builtin_trap(); /* one answer to a one-answer question */
        /* a No to a red flag is said, never inferred: "I had two" (the second answer's
         * number) or filler words alone are not a No */
        if (q->kind == QK_YESNO && r.answer.options == 2u && !says_no(content, lang, text))
            __builtin_trap();
        /* "no, I had it": a No with words that say the thing is there is not a No, to
         * any question that has a "no" answer */
        int no = content_option_index(q, "no");
        if (no >= 0 && r.answer.options == (1u << no) && affirms(content, lang, text))
            __builtin_trap();
        if (words(text) > 64)
            __builtin_trap(); /* an answer read from the first 64 words */
        if (q->kind == QK_YESNO && asks(text))
            __builtin_trap(); /* "It hurts, no?" */
        if (q->kind == QK_SCALE && not_one_number(text))
            __builtin_trap(); /* "7+", "5.5" */
    }
    char norm[64];
    interp_normalize(text, norm, sizeof norm);
    free(text);
    return 0;
}
