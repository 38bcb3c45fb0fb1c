/* A helper for the voice tests and scripts/bench-voice (not installed):
 *   voice_tool phrases CONTENT_DIR
 *       every spoken answer: QUESTION<TAB>ANSWER_ID<TAB>PHRASE per line (question "*"
 *       for the global commands)
 *   voice_tool grammar CONTENT_DIR MODELS_DIR QUESTION
 *       the JSGF grammar the kiosk uses for the question
 *   voice_tool interpret CONTENT_DIR MODELS_DIR QUESTION
 *       reads recognised phrases from stdin, prints the answer id of each ("-": none)
 *   voice_tool first-audio CONTENT_DIR
 *       eSpeak NG's time to first audio for every question's text (en and es):
 *       QUESTION<TAB>LANG<TAB>MILLISECONDS
 *   voice_tool heard CONTENT_DIR MODELS_DIR QUESTION|- FILE...
 *       FILE<TAB>WORDS<TAB>CONFIDENCE<TAB>DECODED<TAB>LLR per file, as the kiosk hears it ("-" for
 * the question: the screens without one, listening for commands, yes and no) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/content.h"
#include "core/interp.h"
#include "voice/asr.h"
#include "voice/grammar.h"
#include "voice/recog.h"
#include "voice/settings.h"
#include "voice/tts.h"
#include "voice/wav.h"

static void print_phrases(const char *qid, const char *id, const char *const *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int digit = 0;
        for (const char *s = p[i]; *s; s++)
            digit |= *s >= '0' && *s <= '9';
        if (!digit)
            printf("%s\t%s\t%s\n", qid, id, p[i]);
    }
}

static void phrases(const Content *c)
{
    const Lexicon *lx = &c->lexicon;
    for (size_t qi = 0; qi < c->nquestions; qi++) {
        const Question *q = &c->questions[qi];
        if (q->kind == QK_SCALE) {
            for (int v = q->min; v <= q->max; v++) {
                char id[8];
                snprintf(id, sizeof id, "%d", v);
                print_phrases(q->id, id, lx->numbers[v][LANG_EN], lx->nnumbers[v][LANG_EN]);
            }
            continue;
        }
        if (q->kind == QK_YESNO) {
            print_phrases(q->id, "yes", lx->yes[LANG_EN], lx->nyes[LANG_EN]);
            print_phrases(q->id, "no", lx->no[LANG_EN], lx->nno[LANG_EN]);
            continue;
        }
        for (size_t o = 0; o < q->noptions; o++) {
            const Option *opt = &q->options[o];
            char label[256];
            interp_normalize(opt->label.s[LANG_EN], label, sizeof label);
            const char *l = label;
            print_phrases(q->id, opt->id, &l, 1);
            print_phrases(q->id, opt->id, opt->say[LANG_EN], opt->nsay[LANG_EN]);
        }
    }
    for (int cmd = 0; cmd < CMD_COUNT; cmd++)
        print_phrases("*", command_name((Command)cmd), lx->commands[cmd][LANG_EN],
                      lx->ncommands[cmd][LANG_EN]);
}

static bool knows(void *ctx, const char *word)
{
    return asr_knows_word(ctx, word);
}

typedef struct {
    struct timespec start;
    double first_ms;
} Latency;

static int first_block(void *ctx, const int16_t *pcm, size_t n)
{
    (void)pcm;
    (void)n;
    Latency *l = ctx;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    l->first_ms = (double)(now.tv_sec - l->start.tv_sec) * 1000.0 +
                  (double)(now.tv_nsec - l->start.tv_nsec) / 1e6;
    return 1; /* the first block is all we wanted */
}

static int first_audio(const Content *c)
{
    if (tts_init() <= 0)
        return 1;
    for (size_t qi = 0; qi < c->nquestions; qi++)
        for (int lang = 0; lang < LANG_COUNT; lang++) {
            Latency l = {{0, 0}, -1.0};
            clock_gettime(CLOCK_MONOTONIC, &l.start);
            tts_speak(text_get(&c->questions[qi].text, (Lang)lang), (Lang)lang, 140, 80,
                      first_block, &l, NULL);
            printf("%s\t%s\t%.1f\n", c->questions[qi].id, lang_code((Lang)lang), l.first_ms);
        }
    tts_term();
    return 0;
}

int main(int argc, char **argv)
{
    int rc = 1;
    Content *c = NULL;
    Asr *asr = NULL;
    GrammarSpellings sp = {0};
    char *jsgf = NULL;
    if (argc < 3) {
        fprintf(stderr,
                "usage: voice_tool phrases|grammar|interpret CONTENT_DIR [MODELS_DIR QUESTION]\n");
        return 2;
    }
    Diags diags = {0};
    if (content_load(argv[2], &c, &diags) != 0) {
        fprintf(stderr, "voice_tool: the content at %s does not load\n", argv[2]);
        goto done;
    }
    if (strcmp(argv[1], "first-audio") == 0) {
        rc = first_audio(c);
        goto done;
    }
    if (strcmp(argv[1], "phrases") == 0) {
        phrases(c);
        rc = 0;
        goto done;
    }
    if (argc < 5)
        goto done;
    VoiceSettings s;
    char why[512], where[256];
    if (settings_load(argv[3], &s, why, sizeof why) != 0) {
        fprintf(stderr, "voice_tool: %s\n", why);
        goto done;
    }
    int qi = content_question_index(c, argv[4]);
    const Question *q = qi >= 0 ? &c->questions[qi] : NULL;
    if (strcmp(argv[1], "heard") == 0) {
        Recognizer *r = NULL;
        if (recog_open(&r, c, &s, why, sizeof why) != 0) {
            fprintf(stderr, "voice_tool: %s\n", why);
            goto done;
        }
        for (int i = 5; i < argc; i++) {
            int16_t *pcm = NULL;
            size_t n = 0;
            RecogResult res;
            memset(&res, 0, sizeof res);
            if (wav_read_16k(argv[i], &pcm, &n, NULL) == 0)
                recog_decode(r, q, pcm, n, true, &res);
            printf("%s\t%s\t%d\t%s\t%.2f\n", argv[i], res.outcome == RECOG_HEARD ? res.text : "-",
                   res.outcome == RECOG_HEARD ? res.confidence : 0, res.asr.text, res.asr.llr);
            free(pcm);
        }
        recog_close(r);
        rc = 0;
        goto done;
    }
    AsrConfig cfg = {s.hmm, s.dict, s.extra_dict[0] ? s.extra_dict : NULL, NULL};
    if (asr_new(&asr, &cfg) != 0) {
        fprintf(stderr, "voice_tool: the speech model does not load\n");
        goto done;
    }
    const char *fillers = strcmp(s.fillers, "*") == 0 ? NULL : s.fillers;
    if (grammar_build(c, q, fillers, knows, asr, &sp, &jsgf, where, sizeof where) != 0) {
        fprintf(stderr, "voice_tool: %s\n", where);
        goto done;
    }
    if (strcmp(argv[1], "grammar") == 0) {
        fputs(jsgf, stdout);
        rc = 0;
        goto done;
    }
    char line[512];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = '\0';
        RecogResult r;
        memset(&r, 0, sizeof r);
        grammar_rewrite(&sp, line, r.text, sizeof r.text);
        interp_parse(c, q, LANG_EN, r.text, &r.interp);
        r.outcome = r.interp.kind == INTERP_NOT_UNDERSTOOD ? RECOG_REJECTED : RECOG_HEARD;
        char id[256];
        recog_answer_id(c, q, &r, id, sizeof id);
        printf("%s\n", id);
    }
    rc = 0;
done:
    free(jsgf);
    grammar_spelling_free(&sp);
    asr_free(asr);
    content_free(c);
    diags_free(&diags);
    return rc;
}
