/* Recognition: speech check, grammar decoding, rejection, confidence, interpretation. */
#include "recog.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/error.h"
#include "grammar.h"
#include "wav.h"

#define GLOBAL_GRAMMAR "_global"

struct Recognizer {
    const Content *content;
    VoiceSettings settings;
    Asr *asr;
    GrammarSpellings spellings;
};

static bool knows_word(void *ctx, const char *word)
{
    return asr_knows_word(ctx, word);
}

static int add_grammar(Recognizer *r, const Question *q, char *why, size_t whysize)
{
    char *jsgf = NULL, where[256];
    const char *fillers = strcmp(r->settings.fillers, "*") == 0 ? NULL : r->settings.fillers;
    int err = grammar_build(r->content, q, fillers, knows_word, r->asr, &r->spellings, &jsgf, where,
                            sizeof where);
    if (err == PK_ECONTENT) {
        snprintf(why, whysize,
                 "question %s: %s has no pronunciation (add it to the extra "
                 "dictionary in models/)",
                 q ? q->id : "(global commands)", where);
        return err;
    }
    if (err) {
        snprintf(why, whysize, "%s", pk_strerror(err));
        return err;
    }
    err = asr_add_grammar(r->asr, q ? q->id : GLOBAL_GRAMMAR, jsgf);
    if (err)
        snprintf(why, whysize, "question %s: the speech grammar could not be built",
                 q ? q->id : "(global commands)");
    free(jsgf);
    return err;
}

int recog_open(Recognizer **out, const Content *c, const VoiceSettings *s, char *why,
               size_t whysize)
{
    int err = PK_ENOMEM;
    Recognizer *r = calloc(1, sizeof *r);
    *out = NULL;
    if (!r)
        goto fail;
    r->content = c;
    r->settings = *s;
    AsrConfig cfg = {s->hmm, s->dict, s->extra_dict[0] ? s->extra_dict : NULL, s->competitor};
    err = asr_new(&r->asr, &cfg);
    if (err) {
        snprintf(why, whysize, "%s",
                 err == PK_EIO ? "the extra pronunciation dictionary cannot be read"
                               : "the speech recognition model cannot be loaded");
        goto fail;
    }
    if ((err = add_grammar(r, NULL, why, whysize)) != 0)
        goto fail;
    for (size_t i = 0; i < c->nquestions; i++)
        if ((err = add_grammar(r, &c->questions[i], why, whysize)) != 0)
            goto fail;
    *out = r;
    return 0;
fail:
    recog_close(r);
    return err;
}

void recog_close(Recognizer *r)
{
    if (!r)
        return;
    asr_free(r->asr);
    grammar_spelling_free(&r->spellings);
    free(r);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The share of loud 10 ms frames of pcm (well above its quietest tenth) that fall
 * outside the words the decoder heard: speech the grammar filed under silence. */
static double unexplained_share(const VoiceSettings *s, const int16_t *pcm, size_t n,
                                const unsigned char *in_word)
{
    size_t frames = n / VAD_FRAME;
    if (frames > ASR_MAX_FRAMES)
        frames = ASR_MAX_FRAMES;
    if (frames == 0)
        return 0.0;
    float db[ASR_MAX_FRAMES], sorted[ASR_MAX_FRAMES];
    for (size_t f = 0; f < frames; f++) {
        double sum = 0.0;
        for (size_t i = 0; i < VAD_FRAME; i++) {
            double x = pcm[f * VAD_FRAME + i] / 32768.0;
            sum += x * x;
        }
        db[f] = (float)(10.0 * log10(sum / VAD_FRAME + 1e-10));
        sorted[f] = db[f];
    }
    /* The 10th percentile as the noise floor (a partial selection sort is enough). */
    size_t k = frames / 10;
    for (size_t i = 0; i <= k; i++)
        for (size_t j = i + 1; j < frames; j++)
            if (sorted[j] < sorted[i]) {
                float t = sorted[i];
                sorted[i] = sorted[j];
                sorted[j] = t;
            }
    float loud_at = sorted[k] + s->vad.start_db;
    if (loud_at < s->vad.min_db)
        loud_at = s->vad.min_db;
    size_t loud = 0, outside = 0;
    for (size_t f = 0; f < frames; f++)
        if (db[f] >= loud_at) {
            loud++;
            outside += !in_word[f];
        }
    return loud ? (double)outside / (double)loud : 0.0;
}

int recog_decode(Recognizer *r, const Question *q, const int16_t *pcm, size_t n, bool find_speech,
                 RecogResult *res)
{
    const VoiceSettings *s = &r->settings;
    memset(res, 0, sizeof *res);
    res->outcome = RECOG_NO_SPEECH;
    size_t start = 0, end = n;
    size_t pad = (size_t)s->pad_ms * (WAV_ASR_RATE / 1000);
    size_t max = (size_t)s->max_utterance_ms * (WAV_ASR_RATE / 1000);
    if (find_speech && !vad_find(&s->vad, pcm, n, pad, max, &start, &end))
        return 0;
    if (end - start > max)
        end = start + max;
    if (end - start < VAD_FRAME)
        return 0;
    /* A file may start with speech or stop right after it; give the decoder the same
     * quiet lead-in and tail the microphone path has, so that scores compare. */
    size_t lead = find_speech && start == 0 ? pad : 0;
    size_t tail = find_speech && end == n ? pad + (size_t)s->vad.end_frames * VAD_FRAME : 0;
    const int16_t *utt = pcm + start;
    int16_t *padded = NULL;
    if (lead || tail) {
        padded = calloc(lead + (end - start) + tail, sizeof *padded);
        if (!padded)
            return PK_ENOMEM;
        memcpy(padded + lead, pcm + start, (end - start) * sizeof *padded);
        utt = padded;
    }
    double t0 = now_ms();
    int err =
        asr_decode(r->asr, q ? q->id : GLOBAL_GRAMMAR, utt, lead + (end - start) + tail, &res->asr);
    res->decode_ms = now_ms() - t0;
    if (!err)
        res->unexplained = unexplained_share(s, utt, lead + (end - start) + tail, res->asr.in_word);
    free(padded);
    if (err)
        return err;
    res->outcome = RECOG_REJECTED;
    if (!res->asr.text[0] || res->asr.speech_frames * 10 < s->min_speech_ms)
        return 0;
    /* Answers to a multi question are longer and wander through a looping grammar:
     * they score lower for the same certainty. */
    res->score = res->asr.llr + (q && q->kind == QK_MULTI ? s->multi_llr_bonus : 0.0);
    int conf = settings_confidence(s, res->score);
    if (conf <= 0 || res->unexplained > s->max_unexplained)
        return 0;
    grammar_rewrite(&r->spellings, res->asr.text, res->text, sizeof res->text);
    interp_parse(r->content, q, LANG_EN, res->text, &res->interp);
    /* Without a question the grammar holds only commands, yes and no: the flow reads
     * yes and no itself on the confirm screen. */
    if (res->interp.kind == INTERP_NOT_UNDERSTOOD && q) {
        res->text[0] = '\0';
        return 0;
    }
    res->outcome = RECOG_HEARD;
    res->confidence = conf;
    return 0;
}

void recog_answer_id(const Content *c, const Question *q, const RecogResult *res, char *out,
                     size_t size)
{
    snprintf(out, size, "-");
    if (res->outcome != RECOG_HEARD)
        return;
    const InterpResult *ir = &res->interp;
    if (ir->kind == INTERP_COMMAND) {
        snprintf(out, size, "%s", command_name(ir->command));
        return;
    }
    if (ir->kind != INTERP_ANSWER || !q)
        return;
    if (q->kind == QK_SCALE) {
        snprintf(out, size, "%d", ir->answer.value);
        return;
    }
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < q->noptions && i < 32; i++) {
        if (!(ir->answer.options & (UINT32_C(1) << i)))
            continue;
        int wrote = snprintf(out + len, size - len, "%s%s", len ? "," : "", q->options[i].id);
        if (wrote < 0 || (size_t)wrote >= size - len)
            break;
        len += (size_t)wrote;
    }
    if (!len)
        snprintf(out, size, "-");
    (void)c;
}
