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
 *   voice_tool expect CONTENT_DIR
 *       reads QUESTION<TAB>...<TAB>PHRASE lines, prints each with the answer id the
 *       interpreter makes of the phrase typed
 *   voice_tool recognize CONTENT_DIR MODELS_DIR - < LIST
 *       decodes the files of LIST (SESSION<TAB>QUESTION<TAB>answer|confirm<TAB>FILE per
 *       line) in order with one model, a new session whenever SESSION changes; prints
 *       the answer ids, confidence, runner-up and scores (see recognize_list())
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
        print_phrases("*", content_command_name((Command)cmd), lx->commands[cmd][LANG_EN],
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
            tts_speak(lang_text(&c->questions[qi].text, (Lang)lang), (Lang)lang, 140, 80,
                      first_block, &l, NULL);
            printf("%s\t%s\t%.1f\n", c->questions[qi].id, lang_code((Lang)lang), l.first_ms);
        }
    tts_term();
    return 0;
}

/* Lines QUESTION<TAB>...<TAB>PHRASE from stdin, printed back with the answer id the
 * interpreter makes of PHRASE typed ("-": none) appended. */
static int expect(const Content *c)
{
    char line[1024];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t'), *last = strrchr(line, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        int qi = content_question_index(c, line);
        const Question *q = qi >= 0 ? &c->questions[qi] : NULL;
        RecogResult r;
        memset(&r, 0, sizeof r);
        interp_parse(c, q, LANG_EN, last + 1, &r.interp);
        r.outcome = r.interp.kind == INTERP_NOT_UNDERSTOOD ? RECOG_REJECTED : RECOG_HEARD;
        char id[256];
        recog_answer_id(c, q, &r, id, sizeof id);
        *tab = '\t';
        printf("%s\t%s\n", line, id);
    }
    return 0;
}

/* Decodes one file as the kiosk hears it; fills *res (outcome NO_SPEECH when unreadable). */
static void decode_file(Recognizer *r, const Question *q, const char *path, unsigned flags,
                        RecogResult *res)
{
    int16_t *pcm = NULL;
    size_t n = 0;
    memset(res, 0, sizeof *res);
    res->outcome = RECOG_NO_SPEECH;
    if (wav_read_16k(path, &pcm, &n, NULL) == 0)
        recog_decode(r, q, pcm, n, RECOG_FIND_SPEECH | flags, res);
    free(pcm);
}

static int heard(const Content *c, Recognizer *r, const Question *q, char **files, int n)
{
    (void)c;
    for (int i = 0; i < n; i++) {
        RecogResult res;
        decode_file(r, q, files[i], 0, &res);
        printf("%s\t%s\t%d\t%s\t%.2f\n", files[i], res.outcome == RECOG_HEARD ? res.text : "-",
               res.outcome == RECOG_HEARD ? res.confidence : 0, res.asr.text, res.llr);
    }
    return 0;
}

/* Lines SESSION<TAB>QUESTION<TAB>answer|confirm<TAB>FILE from fp, decoded in order with
 * one model; a new SESSION starts a new patient. Prints per line
 * SESSION QUESTION MODE FILE ANSWER CONFIDENCE RUNNER_UP LLR MARGIN RANGE_DB AUDIO_MS
 * CPU_MS PASSES GATED SPEECH_LLR SPEECH_FRAMES FRAMES UNEXPLAINED WORDS (CPU_MS: processor time
 * of the decoding, all passes; SPEECH_FRAMES: 10 ms frames inside the words heard; WORDS: how many
 * words were heard) (ANSWER and RUNNER_UP as answer ids, "-" for none). */
static int recognize_list(const Content *c, Recognizer *r, FILE *fp)
{
    char line[1024], last[128] = "";
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *f[4], *save = NULL;
        int nf = 0;
        for (char *t = strtok_r(line, "\t", &save); t && nf < 4; t = strtok_r(NULL, "\t", &save))
            f[nf++] = t;
        if (nf < 4)
            continue;
        if (strcmp(f[0], last) != 0) {
            recog_new_session(r);
            snprintf(last, sizeof last, "%s", f[0]);
        }
        int qi = content_question_index(c, f[1]);
        const Question *q = qi >= 0 ? &c->questions[qi] : NULL;
        RecogResult res;
        decode_file(r, q, f[3], strcmp(f[2], "confirm") == 0 ? RECOG_CONFIRM : 0, &res);
        char id[256], alt[256] = "-";
        recog_answer_id(c, q, &res, id, sizeof id);
        if (res.runner_up[0]) {
            RecogResult other = res;
            interp_parse(c, q, LANG_EN, res.runner_up, &other.interp);
            recog_answer_id(c, q, &other, alt, sizeof alt);
        }
        int words = 0;
        for (const char *w = res.text; *w; w++)
            words += *w != ' ' && (w == res.text || w[-1] == ' ');
        printf("%s\t%s\t%s\t%s\t%s\t%d\t%s\t%.2f\t%.2f\t%.1f\t%.0f\t%.1f\t%d\t%d\t%.2f\t%d\t%d\t%."
               "3f\t%d\n",
               f[0], f[1], f[2], f[3], id, res.outcome == RECOG_HEARD ? res.confidence : 0, alt,
               res.llr, res.margin, res.range_db, res.audio_ms, res.cpu_ms, res.passes, res.gated,
               res.speech_llr, res.asr.speech_frames, res.asr.frames, res.unexplained, words);
    }
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
    if (strcmp(argv[1], "expect") == 0) {
        rc = expect(c);
        goto done;
    }
    if (argc < 5)
        goto done;
    VoiceSettings s;
    char where[256];
    PkWhy load_why = {""};
    if (voice_settings_load(argv[3], &s, &load_why) != 0) {
        fprintf(stderr, "voice_tool: %s\n", load_why.text);
        goto done;
    }
    int qi = content_question_index(c, argv[4]);
    const Question *q = qi >= 0 ? &c->questions[qi] : NULL;
    if (strcmp(argv[1], "heard") == 0 || strcmp(argv[1], "recognize") == 0) {
        Recognizer *r = NULL;
        PkWhy open_why = {""};
        if (recog_open(&r, c, &s, &open_why) != 0) {
            fprintf(stderr, "voice_tool: %s\n", open_why.text);
            goto done;
        }
        rc = strcmp(argv[1], "heard") == 0 ? heard(c, r, q, argv + 5, argc - 5)
                                           : recognize_list(c, r, stdin);
        recog_close(r);
        goto done;
    }
    AsrConfig cfg = {s.hmm,       s.dict, s.extra_dict[0] ? s.extra_dict : NULL, NULL, s.mdef,
                     s.noisedict, 0};
    if (asr_new(&asr, &cfg) != 0) {
        fprintf(stderr, "voice_tool: the speech model does not load\n");
        goto done;
    }
    const char *fillers = strcmp(s.fillers, "*") == 0 ? NULL : s.fillers;
    GrammarPart part = argc > 5 && strcmp(argv[5], "commands") == 0 ? GRAMMAR_COMMANDS
                       : argc > 5 && strcmp(argv[5], "yesno") == 0  ? GRAMMAR_YESNO
                                                                    : GRAMMAR_ANSWERS;
    if (grammar_build(c, q, part, GRAMMAR_NONE, fillers, knows, asr, &sp, &jsgf, where,
                      sizeof where) != 0) {
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
