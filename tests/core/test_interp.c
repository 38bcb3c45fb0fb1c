/* The answer interpreter, as a table: a phrase typed or heard for a question, and what
 * it must mean. Expected: option ids joined by ',', "=N" for a scale value, "!word" for
 * a global command, "-" for not understood. */
#include <check.h>

#include "check_run.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/interp.h"
#include "testutil.h"

typedef struct {
    const char *question;
    Lang lang;
    const char *text;
    const char *expect;
} Row;

#define EN LANG_EN
#define ES LANG_ES

static const Row rows[] = {
    /* choice: labels, phrases, numbered options */
    {"since_birth", EN, "less than two weeks", "lt2w"},
    {"since_birth", EN, "Under 2 weeks", "lt2w"},
    {"since_birth", EN, "just a few days", "lt2w"},
    {"since_birth", EN, "about four weeks", "w2to6"},
    {"since_birth", EN, "two months", "w6tom3"},
    {"since_birth", EN, "1", "lt2w"},
    {"since_birth", EN, "5", "gt6m"},
    {"since_birth", EN, "6", "-"},
    /* eighth audit (#13): a number word, or digits among words, picked the answer of
     * that number ("two" [months] answered "2 to 6 weeks") */
    {"since_birth", EN, "two", "-"},
    {"since_birth", EN, "about two", "-"},
    {"since_birth", EN, "2", "w2to6"},
    {"since_birth", ES, "más de tres meses", "-"}, /* it read "6 weeks to 3 months" */
    {"since_birth", ES, "menos de un mes", "-"},   /* "2 to 6 weeks" */
    {"since_birth", ES, "menos de dos semanas", "lt2w"},
    {"phq_interest", EN, "three", "-"}, /* "More than half the days" */
    {"delivery", EN, "I had 2", "-"},
    {"since_birth", EN, "yesterday or last year", "-"},
    {"delivery", EN, "c-section", "csection"},
    {"delivery", EN, "C section", "csection"},
    {"delivery", EN, "I had a caesarean", "csection"},
    {"delivery", EN, "I had twins", "-"},
    {"delivery", EN, "caesarean", "csection"},
    {"delivery", EN, "vaginal", "vaginal"},
    {"delivery", EN, "a natural birth", "vaginal"},
    {"delivery", EN, "vaginal and c section", "-"},
    {"delivery", ES, "cesárea", "csection"},
    {"delivery", ES, "cesarea", "csection"},
    {"delivery", ES, "parto vaginal", "vaginal"},
    {"delivery", ES, "2", "csection"},
    {"epidural", EN, "yes", "yes"},
    {"epidural", EN, "nope", "no"},
    {"epidural", EN, "not sure", "not_sure"},
    {"epidural", EN, "I'm not sure", "not_sure"},
    {"epidural", ES, "sí", "yes"},
    {"epidural", ES, "SI", "yes"},
    {"epidural", ES, "no estoy segura", "not_sure"},
    /* several areas in one phrase */
    {"areas", EN, "my knees and lower back", "lower_back,knee_left,knee_right"},
    {"areas", EN, "lower back", "lower_back"},
    {"areas", EN, "left knee", "knee_left"},
    {"areas", EN, "right knee and left wrist", "knee_right,wrist_left"},
    {"areas", EN, "both hips", "hip_left,hip_right"},
    {"areas", EN, "neck", "upper_back_neck"},
    {"areas", EN, "my tail bone", "pelvis_tailbone"},
    {"areas", EN, "back", "lower_back"},
    {"areas", EN, "1 4", "lower_back,hip_left"},
    {"areas", EN, "1, 3", "lower_back,pelvis_tailbone"},
    {"areas", EN, "my elbow", "-"},
    {"areas", EN, "not my knees", "-"},
    {"areas", ES, "rodillas y espalda baja", "lower_back,knee_left,knee_right"},
    {"areas", ES, "la cadera izquierda", "hip_left"},
    {"areas", ES, "muñeca derecha", "wrist_right"},
    {"areas", ES, "cuello", "upper_back_neck"},
    /* scales: digits, words, fillers, suffixes */
    {"pain_now", EN, "7", "=7"},
    {"pain_now", EN, "seven", "=7"},
    {"pain_now", EN, "about a seven", "=7"},
    {"pain_now", EN, "maybe a seven out of ten", "=7"},
    {"pain_now", EN, "7/10", "=7"},
    /* seventh audit (#13): the text was cut at "/10", and what followed was dropped */
    {"pain_now", EN, "7/10 8", "-"},
    {"pain_now", EN, "2/10 walking, 8/10 at night", "-"},
    {"pain_now", EN, "7/100", "-"},
    {"pain_now", EN, "1/10/2024", "-"},
    {"pain_now", EN, "10/10", "=10"},
    {"pain_now", EN, "seven/10", "=7"},
    {"pain_now", EN, "6\xc2\xbd", "-"},                 /* 6 and a half (it read 6) */
    {"pain_now", EN, "7/10 no wait, more like 9", "-"}, /* never cut at the "/10" */
    {"pain_now", EN, "3/10 at rest but 9 when I move", "-"},
    {"pain_now", EN, "2/10 or 10/10", "-"},
    /* eighth audit (#13): a sign or a decimal point was punctuation, and the number
     * next to it the answer ("7+" read 7, ">8" 8, "5,5" 5, "más de siete" 7) */
    {"pain_now", EN, "7+", "-"},
    {"pain_now", EN, ">8", "-"},
    {"pain_now", EN, "<3", "-"},
    {"pain_now", EN, "10+", "-"},
    {"pain_now", EN,
     "\xc2\xb1"
     "2",
     "-"},
    {"pain_now", EN, "5.5", "-"},
    {"pain_now", EN, "5,5", "-"},
    {"pain_now", EN, "5/5", "-"},
    {"pain_now", EN, "About 7.", "=7"},
    {"pain_now", EN, "7, I think", "=7"},
    {"pain_now", ES, "7,5", "-"},
    {"pain_now", ES, "más de siete", "-"},
    {"pain_now", ES, "menos de tres", "-"},
    {"pain_now", ES, "siete o más", "-"},
    {"pain_now", ES, "más o menos siete", "=7"},
    /* ninth audit (#13): other marks between two digits, a superscript plus or a per cent
     * sign were punctuation, and the number the answer ("5·5" read 5, "7⁺" 7) */
    {"pain_now", EN,
     "5\xc2\xb7"
     "5",
     "-"}, /* a middle dot */
    {"pain_now", EN,
     "5\xe2\x81\x84"
     "5",
     "-"}, /* the fraction slash */
    {"pain_now", EN,
     "5\xe2\x80\xa4"
     "5",
     "-"}, /* one dot leader */
    {"pain_now", EN,
     "5\xe2\x80\x9a"
     "5",
     "-"}, /* a low comma quote */
    {"pain_now", EN,
     "7\xc3\x97"
     "7",
     "-"}, /* 7×7 */
    {"pain_now", EN, "7-7", "-"},
    {"pain_now", EN, "7\xe2\x81\xba", "-"}, /* a superscript plus */
    {"pain_now", EN, "8\xe2\x81\xbb", "-"}, /* a superscript minus */
    {"pain_now", EN, "7%", "-"},
    /* eleventh audit (#13): the per mille and per ten thousand signs are punctuation
     * to the words, and "7‰" read 7 where "7%" was refused */
    {"pain_now", EN, "7\xe2\x80\xb0", "-"},
    {"pain_now", ES, "7 \xe2\x80\xb1", "-"},
    {"pain_now", EN, "7, 7", "-"},
    {"pain_now", EN, "5 . 5", "-"},
    {"pain_now", EN, "5/10,5", "-"},
    {"pain_now", EN, "7 7", "=7"},
    {"pain_now", EN, "7 - I think", "=7"},
    {"pain_now", EN, "repeat+", "!repeat"},
    {"pain_now", EN, "0", "=0"},
    {"pain_now", EN, "zero", "=0"},
    {"pain_now", EN, "no pain", "=0"},
    {"pain_now", EN, "10", "=10"},
    {"pain_now", EN, "ten", "=10"},
    {"pain_now", EN, "11", "-"},
    /* a negative number is no pain score (it read 3) */
    {"pain_now", EN, "-3", "-"},
    {"pain_now", EN,
     "\xe2\x88\x92"
     "3",
     "-"}, /* U+2212 MINUS SIGN */
    {"pain_now", ES, "dolor -2", "-"},
    /* twelfth audit (#13): the other dashes are minus signs too, and what is dropped
     * between the sign and the digit leaves it one ("–3" with an en dash read 3) */
    {"pain_now", EN,
     "\xe2\x80\x93"
     "3",
     "-"}, /* U+2013 EN DASH */
    {"pain_now", EN,
     "\xe2\x80\x90"
     "3",
     "-"}, /* U+2010 HYPHEN */
    {"pain_now", EN,
     "\xe2\x80\x91"
     "3",
     "-"}, /* U+2011 NON-BREAKING HYPHEN */
    {"pain_now", EN,
     "\xe2\x80\x92"
     "3",
     "-"}, /* U+2012 FIGURE DASH */
    {"pain_now", EN,
     "about \xe2\x80\x94"
     "3",
     "-"}, /* U+2014 EM DASH */
    {"pain_now", EN,
     "\xe2\x80\x95"
     "3",
     "-"}, /* U+2015 HORIZONTAL BAR */
    {"pain_now", EN,
     "\xe2\x81\x83"
     "3",
     "-"}, /* U+2043 HYPHEN BULLET */
    {"pain_now", EN,
     "\xe2\x81\x92"
     "3",
     "-"}, /* U+2052 COMMERCIAL MINUS SIGN */
    {"pain_now", ES,
     "\xe2\x80\x93"
     "3/10",
     "-"},
    {"pain_now", EN, "-'3", "-"},
    {"pain_now", EN,
     "-\xe2\x80\x99"
     "3",
     "-"}, /* a curly apostrophe */
    {"pain_now", EN,
     "-\xcc\x81"
     "3",
     "-"}, /* a combining accent */
    {"pain_now", EN,
     "-\xe2\x80\x8b"
     "3",
     "-"}, /* a zero-width space */
    {"pain_now", EN,
     "\xe2\x80\x93\xc2\xad"
     "3",
     "-"}, /* a soft hyphen */
    {"pain_now", EN,
     "\xe2\x88\x92\xef\xbb\xbf"
     "3",
     "-"},                                            /* U+FEFF */
    {"pain_now", EN, "7 \xe2\x80\x93 I think", "=7"}, /* a dash after it */
    {"pain_now", EN, "7\xe2\x80\x93", "=7"},
    /* the angle quotes look like < and > ("‹3" read 3 where "<3" did not) */
    {"pain_now", EN,
     "\xe2\x80\xb9"
     "3",
     "-"}, /* U+2039 single angle quote */
    {"pain_now", EN,
     "\xe2\x80\xba"
     "8",
     "-"}, /* U+203A */
    {"pain_now", ES,
     "\xc2\xab"
     "7"
     "\xc2\xbb",
     "-"}, /* the Spanish quotes: her 7 or ">7"? */
    {"pain_now", EN,
     "\xe2\x80\x9c"
     "7"
     "\xe2\x80\x9d",
     "=7"},                       /* curly quotes are quotes */
    {"pain_now", EN, "3-", "=3"}, /* a dash after it, as in "7 - I think" */
    {"pain_now", EN, "five or six", "-"},
    {"pain_now", EN, "eight", "=8"},
    {"pain_now", EN, "seven seven", "=7"},
    {"pain_now", EN, "a lot", "-"},
    {"pain_now", EN, "banana", "-"},
    {"pain_now", EN, "", "-"},
    {"peg_pain", EN, "three", "=3"},
    {"peg_enjoyment", EN, "5", "=5"},
    {"peg_activity", EN, "nine", "=9"},
    {"pain_now", ES, "siete", "=7"},
    {"pain_now", ES, "como un siete", "=7"},
    {"pain_now", ES, "ocho de diez", "=8"},
    {"pain_now", ES, "cero", "=0"},
    {"pain_now", ES, "diez", "=10"},
    {"pain_now", ES, "4", "=4"},
    /* yes / no */
    /* a No with words that say the symptom is there contradicts itself: asked again
     * (it was a No to chest pain); a No that says it is not stays a No */
    /* a sign on an answer's number is not its number (fifteenth audit: "-1" said Yes) */
    {"rf_chest", EN, "-1", "-"},
    {"rf_chest", EN, "+1", "-"},
    {"rf_chest", EN, "~1", "-"},
    {"rf_chest", EN, "1-", "-"},
    {"rf_chest", EN, "-2", "-"},
    {"rf_chest", EN, "(1)", "yes"},
    {"rf_chest", EN, "2.", "no"},
    {"rf_chest", EN, "no, it hurts", "-"},
    {"rf_chest", EN, "no I had pain", "-"},
    {"rf_chest", EN, "it hurts", "-"},
    {"rf_chest", EN, "yes it hurts", "yes"},
    {"rf_chest", ES, "no, dolor", "-"},
    /* thirteenth audit (#13): a no phrase says no to every yes/no question, so none names
     * a symptom: "it doesn't hurt" was a No to numbness between the legs, "no pain" half
     * an answer to "chest pain, or hard to breathe?" */
    {"rf_chest", EN, "no it doesn't hurt", "-"},
    {"rf_chest", EN, "It does not hurt.", "-"},
    {"rf_chest", EN, "no pain", "-"},
    {"rf_saddle", EN, "it doesn't hurt", "-"},
    {"rf_saddle", EN, "I have no pain", "-"},
    {"rf_saddle", ES, "no me duele", "-"},
    {"rf_chest", ES, "no siento dolor", "-"},
    {"rf_chest", ES, "no tengo dolor", "-"},
    {"rf_chest", ES, "no tuve", "no"},
    {"rf_chest", ES, "No, tuve.", "-"},
    {"rf_chest", EN, "I am, not sure", "-"},
    /* thirteenth audit (#13): the affirm rule holds for every question's "no" answer
     * ("no, I had it" to the epidural skipped its three safety questions) and for any
     * answer in the lexicon's no words ("no, I had it" read "Not at all" on the PHQ-2) */
    {"epidural", EN, "no, I had it", "-"},
    {"epidural", EN, "No. I had one.", "-"},
    {"epidural", ES, "no, la tuve", "-"},
    {"epidural", EN, "no", "no"},
    {"epidural", ES, "no tuve", "no"},
    {"epidural", EN, "I did not have one", "no"},
    {"phq_interest", EN, "no, I had it", "-"},
    {"phq_interest", EN, "I feel no", "-"},
    {"phq_down", EN, "never, I feel it", "-"},
    {"phq_interest", EN, "no", "not_at_all"},
    {"phq_down", EN, "never", "not_at_all"},
    {"phq_down", ES, "nunca", "not_at_all"},
    /* "think" says the thought is there: "no, I think about it" was a No to thoughts of
     * harm ("creo que no" stays a No: "creo" is not an affirm word) */
    {"rf_harm", EN, "no, I think about it", "-"},
    {"rf_harm", EN, "I don't think so", "no"},
    {"rf_harm", EN, "yes, I think about it", "yes"},
    {"rf_harm", ES, "creo que no", "no"},
    /* thirteenth audit (#13): "peor" is "worse", not the worst: "es peor" read 10 */
    {"pain_now", ES, "peor", "-"},
    {"pain_now", ES, "es peor", "-"},
    {"pain_now", ES, "el peor", "=10"},
    /* "a cut" is as often the episiotomy of a vaginal birth: not a C-section */
    {"delivery", EN, "I had a cut", "-"},
    {"delivery", EN, "c section", "csection"},
    /* a phrase never spans two clauses: typed, "no, me duele" is "no, it hurts" */
    {"rf_chest", ES, "no, me duele", "-"},
    {"rf_chest", ES, "No. Duele.", "-"},
    {"rf_chest", ES, "No\xe2\x80\xa6 me duele", "-"}, /* an ellipsis */
    {"rf_chest", EN, "no, it doesn't hurt", "-"},
    {"rf_chest", EN, "Yes, I do.", "yes"},
    {"pain_now", EN, "seven, out of ten", "=7"},
    {"areas", EN, "lower back, left knee", "lower_back,knee_left"},
    {"rf_chest", ES, "sí me duele", "yes"},
    {"rf_chest", EN, "yes", "yes"},
    {"rf_chest", EN, "Yes!", "yes"},
    {"rf_chest", EN, "yeah", "yes"},
    {"rf_chest", EN, "yep", "yes"},
    {"rf_chest", EN, "no", "no"},
    {"rf_chest", EN, "nope", "no"},
    {"rf_chest", EN, "not really", "not_sure"}, /* a hedge is not a no */
    {"rf_chest", EN, "I don't", "no"},
    {"rf_chest", EN, "1", "yes"},
    {"rf_chest", EN, "2", "no"},
    {"rf_chest", EN, "yes and no", "-"},
    /* eighth audit (#13): a count was the number of an answer, and the second is No:
     * "I had two" (seizures) answered No */
    {"rf_seizure", EN, "I had two", "-"},
    {"rf_seizure", EN, "two", "-"},
    {"rf_seizure", EN, "i had 2", "-"},
    {"rf_seizure", ES, "tuve dos", "-"},
    {"rf_fall", EN, "about two", "-"},
    {"rf_seizure", EN, "one", "-"},
    {"rf_seizure", EN, " 2 ", "no"},
    /* eighth audit (#13): a no phrase with filler words that change what it says:
     * "I don't feel well" to chest pain answered No, "I feel negative" to thoughts of
     * harm No */
    {"rf_chest", EN, "I don't feel well", "-"},
    {"rf_chest", EN, "I'm not well", "-"},
    {"rf_chest", EN, "I am not well", "-"},
    {"rf_chest", EN, "i dont feel so well", "-"},
    {"rf_harm", EN, "I don't feel like it", "-"},
    {"rf_chest", EN, "I don't like it", "-"},
    {"rf_chest", EN, "it feels wrong", "-"},
    {"rf_harm", EN, "I feel negative", "-"},
    {"rf_harm", ES, "me siento negativo", "-"},
    {"rf_chest", EN, "that's wrong", "no"},
    {"rf_chest", EN, "I don't think so", "no"},
    {"rf_chest", EN, "It hurts, no?", "-"}, /* a question back, not a No */
    {"rf_chest", ES, "me duele, \xc2\xbfno?", "-"},
    {"rf_chest", EN, "no?", "-"},
    {"rf_chest", EN, "what?", "!repeat"},
    /* ninth audit (#13): the other question marks were punctuation: "It hurts, no‽"
     * answered No to chest pain */
    {"rf_chest", EN, "It hurts, no\xe2\x80\xbd", "-"}, /* the interrobang */
    {"rf_chest", EN, "It hurts, no\xe2\x81\x87", "-"}, /* ⁇ */
    {"rf_chest", EN, "It hurts, no\xe2\x81\x88", "-"}, /* ⁈ */
    {"rf_chest", EN, "It hurts, no\xe2\x81\x89", "-"}, /* ⁉ */
    {"rf_chest", EN, "no\xef\xbc\x9f", "-"},           /* a full-width ？ */
    {"rf_chest", EN, "what\xe2\x80\xbd", "!repeat"},
    {"rf_chest", EN, "No.", "no"},
    {"rf_chest", EN, "no, maybe", "-"}, /* a hedge, not a No */
    {"rf_chest", EN, "probably no", "-"},
    {"rf_chest", ES, "como que no", "-"},
    {"rf_chest", EN, "maybe so", "not_sure"},
    {"pain_now", EN, "probably a six", "=6"},
    {"pain_now", EN, "like a seven", "=7"},
    {"pain_now", EN, "well, it feels like a seven", "=7"},
    /* seventh audit (#13): a word in another script was dropped as if it were
     * punctuation: "no да" (yes in Russian) answered "no", "yes 不" (no) "yes" */
    {"rf_chest", EN, "no \xd0\xb4\xd0\xb0", "-"},
    {"rf_chest", EN, "yes \xe4\xb8\x8d", "-"},
    {"rf_chest", EN, "yes \xf0\x9f\x91\x8e", "-"},            /* a thumbs down */
    {"rf_chest", EN, "\xc2\xabno\xc2\xbb\xe2\x80\xa6", "no"}, /* punctuation */
    {"rf_chest", ES, "si\xcc\x81", "yes"},                    /* a combining accent */
    {"delivery", ES, "cesa\xcc\x81rea", "csection"},
    {"rf_chest", EN, "maybe", "-"},
    {"rf_fever", EN, "yes I have", "yes"},
    {"rf_fever", ES, "sí", "yes"},
    {"rf_fever", ES, "Sí.", "yes"},
    {"rf_fever", ES, "no", "no"},
    {"rf_fever", ES, "claro", "yes"},
    {"rf_fever", ES, "nunca", "no"},
    {"belly_gap", EN, "no", "no"},
    /* other choice and multi questions */
    {"onset", EN, "suddenly", "sudden"},
    {"onset", EN, "gradually", "gradual"},
    {"onset", ES, "de repente", "sudden"},
    {"worse_when", EN, "at night", "night"},
    {"worse_when", EN, "in the morning and at night", "morning_stiff,night"},
    {"feeding", EN, "breastfeeding", "breast"},
    {"feeding", EN, "formula", "bottle"},
    {"feeding", ES, "pecho", "breast"},
    {"stress", EN, "a lot", "high"},
    {"sleep", EN, "very little", "very_little"},
    {"history", EN, "arthritis and thyroid", "arthritis,thyroid"},
    {"history", EN, "none", "none"},
    {"history", EN, "none and arthritis", "-"},
    {"baby_care", EN, "car seat and bath", "lift_crib_carseat,bath_tub"},
    {"stretch_effect", EN, "gets worse", "worse"},
    /* global commands, on any question */
    {"pain_now", EN, "repeat", "!repeat"},
    {"pain_now", EN, "say that again", "!repeat"},
    {"since_birth", EN, "go back", "!go_back"},
    {"since_birth", EN, "skip", "!skip"},
    {"since_birth", EN, "I don't know", "!dont_know"},
    {"since_birth", EN, "i do not know", "!dont_know"},
    {"rf_chest", EN, "help", "!help"},
    {"areas", EN, "start over", "!start_over"},
    {"areas", EN, "done", "!done"},
    {"since_birth", ES, "no sé", "!dont_know"},
    {"since_birth", ES, "No se", "!dont_know"},
    {"since_birth", ES, "repita", "!repeat"},
    {"since_birth", ES, "atrás", "!go_back"},
    {"since_birth", ES, "ayuda", "!help"},
    {"rf_chest", ES, "saltar", "!skip"},
};

static void expect(const Content *c, const Row *r)
{
    int qi = content_question_index(c, r->question);
    ck_assert_msg(qi >= 0, "no question %s", r->question);
    const Question *q = &c->questions[qi];
    InterpResult res;
    interp_parse(c, q, r->lang, r->text, &res);
    char got[256] = "-";
    if (res.kind == INTERP_COMMAND) {
        snprintf(got, sizeof got, "!%s", content_command_name(res.command));
    } else if (res.kind == INTERP_ANSWER && q->kind == QK_SCALE) {
        snprintf(got, sizeof got, "=%d", res.answer.value);
    } else if (res.kind == INTERP_ANSWER) {
        size_t n = 0;
        for (size_t o = 0; o < q->noptions; o++)
            if (res.answer.options & (1u << o))
                n += (size_t)snprintf(got + n, sizeof got - n, "%s%s", n ? "," : "",
                                      q->options[o].id);
    }
    ck_assert_msg(strcmp(got, r->expect) == 0, "%s [%s] \"%s\": got %s, want %s", r->question,
                  lang_code(r->lang), r->text, got, r->expect);
}

START_TEST(phrase)
{
    expect(test_content(), &rows[_i]);
}
END_TEST

START_TEST(normalize)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"  Sí, ¡CLARO!  ", "si claro"},
        {"don't", "dont"},
        {"c-section", "c section"},
        {"Muñeca", "muneca"},
        {"I’m", "im"},
        {"", ""},
        {"¿¿??", ""},
        {"7/10", "7 10"},
        {"ÁÉÍÓÚÜÑ", "aeiouun"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[64];
        interp_normalize(cases[i].in, buf, sizeof buf);
        ck_assert_str_eq(buf, cases[i].out);
    }
    char small[4];
    interp_normalize("abcdef", small, sizeof small);
    ck_assert_str_eq(small, "abc");
}
END_TEST

START_TEST(long_input_is_refused)
{
    const Content *c = test_content();
    char text[2000];
    memset(text, 'a', sizeof text - 1);
    text[sizeof text - 1] = '\0';
    InterpResult res;
    interp_parse(c, &c->questions[0], LANG_EN, text, &res);
    ck_assert_int_eq(res.kind, INTERP_NOT_UNDERSTOOD);
}
END_TEST

/* Words past the tokenizer's limit are never dropped: "yes" + 70 fillers + "no" is not a
 * yes (nor a no), whatever the limit is. */
START_TEST(many_words_are_refused)
{
    const Content *c = test_content();
    static const struct {
        const char *question, *first, *last;
    } cases[] = {
        {"rf_chest", "yes", "no"},
        {"rf_chest", "no", "yes"},
        {"since_birth", "1", "5"},
        {"pain_now", "7", "3"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[400];
        size_t n = (size_t)snprintf(text, sizeof text, "%s", cases[k].first);
        for (int i = 0; i < 70; i++)
            n += (size_t)snprintf(text + n, sizeof text - n, " um");
        snprintf(text + n, sizeof text - n, " %s", cases[k].last);
        const Question *q = &c->questions[content_question_index(c, cases[k].question)];
        InterpResult res;
        interp_parse(c, q, LANG_EN, text, &res);
        ck_assert_msg(res.kind == INTERP_NOT_UNDERSTOOD, "%s: %zu-byte input understood",
                      cases[k].question, n);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("interp");
    TCase *tc = tcase_create("interp");
    tcase_add_loop_test(tc, phrase, 0, (int)(sizeof rows / sizeof rows[0]));
    tcase_add_test(tc, normalize);
    tcase_add_test(tc, long_input_is_refused);
    tcase_add_test(tc, many_words_are_refused);
    suite_add_tcase(s, tc);
    return check_run(s);
}
