/* Recognition: speech check, grammar decoding, rejection, confidence, interpretation. */
#include "recog.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/error.h"
#include "../core/file.h"
#include "../core/wipe.h"
#include "grammar.h"
#include "voice.h"
#include "wav.h"

#define GLOBAL_GRAMMAR "_global"
#define YESNO_GRAMMAR "_yesno"
#define NO_MARGIN 99.0 /* margin when nothing else could be heard */
_Static_assert(RECOG_UNCHECKED_MAX < VOICE_CONFIRM_BELOW, "an unchecked answer is asked about");

struct Recognizer {
    const Content *content;
    VoiceSettings settings;
    Asr *asr;
    GrammarSpellings spellings;
    char *garbage; /* the words that are not answers (settings garbage_words), or NULL */
    PkWhy note;    /* how loading went when it did not go as set, or "" */
};

static bool knows_word(void *ctx, const char *word)
{
    return asr_knows_word(ctx, word);
}

/* The search names: the answers of a question (its id), the answers without key k
 * ("id#k"), the commands that apply to it ("_cmd" + multi + may-skip flags). */
static void answers_name(const Question *q, int exclude, char *out, size_t size)
{
    if (exclude == GRAMMAR_NONE)
        snprintf(out, size, "%s", q ? q->id : GLOBAL_GRAMMAR);
    else
        snprintf(out, size, "%s#%d", q ? q->id : GLOBAL_GRAMMAR, exclude);
}

static void commands_name(const Question *q, char *out, size_t size)
{
    if (!q)
        snprintf(out, size, "_cmd_all");
    else
        snprintf(out, size, "_cmd_%d%d", q->kind == QK_MULTI, q->can_skip ? 1 : 0);
}

/* Builds and adds one grammar unless it is there already. */
static int add_grammar(Recognizer *r, const Question *q, GrammarPart part, int exclude,
                       const char *name, PkWhy *why)
{
    if (asr_has_search(r->asr, name))
        return 0;
    char *jsgf = NULL, where[256];
    const char *fillers = strcmp(r->settings.fillers, "*") == 0 ? NULL : r->settings.fillers;
    int err = grammar_build(r->content, q, part, exclude, fillers, knows_word, r->asr,
                            &r->spellings, &jsgf, where, sizeof where);
    /* Leave one out on a question whose answers are not yes and no: the other answers
     * and the words that are not answers. Yes and no have each other (measured: the
     * common words cost yes/no more right answers than they turn away other words). */
    if (!err && exclude != GRAMMAR_NONE && r->garbage && part == GRAMMAR_ANSWERS && q &&
        q->kind != QK_YESNO) {
        char *full = NULL;
        err = grammar_build(r->content, q, part, GRAMMAR_NONE, fillers, knows_word, r->asr,
                            &r->spellings, &full, NULL, 0);
        if (!err)
            err = grammar_add_garbage(&jsgf, full, r->garbage, knows_word, r->asr);
        free(full);
    }
    if (err == PK_ECONTENT) {
        return pk_fail(why, err,
                       "question %s: %s has no pronunciation (add it to the extra "
                       "dictionary in models/)",
                       q ? q->id : "(global commands)", where);
    }
    if (err)
        return pk_fail(why, err, "%s", pk_strerror(err));
    err = asr_add_grammar(r->asr, name, jsgf);
    if (err)
        pk_fail(why, err, "question %s: the speech grammar could not be built",
                q ? q->id : "(global commands)");
    free(jsgf);
    return err;
}

static int add_question(Recognizer *r, const Question *q, PkWhy *why)
{
    char name[128];
    answers_name(q, GRAMMAR_NONE, name, sizeof name);
    int err = add_grammar(r, q, GRAMMAR_ANSWERS, GRAMMAR_NONE, name, why);
    commands_name(q, name, sizeof name);
    if (!err)
        err = add_grammar(r, q, GRAMMAR_COMMANDS, GRAMMAR_NONE, name, why);
    return err;
}

/* Loads the model of hmm into r->asr; why says what is wrong with the model (PK_ENODEV)
 * or with the extra dictionary (PK_EIO), when that is known. */
static int load_model(Recognizer *r, const char *hmm, PkWhy *why)
{
    const VoiceSettings *s = &r->settings;
    AsrConfig cfg = {
        hmm,          s->dict, s->extra_dict[0] ? s->extra_dict : NULL, s->competitor, s->mdef,
        s->noisedict, 0};
    pk_why_clear(why);
    return asr_open(&r->asr, &cfg, why);
}

/* Reads the small text file path into a malloc'd string. Returns 0, or PK_EIO /
 * PK_ENOMEM with the reason in why ("file is too large (at most 1048576 bytes)"). */
static int read_text(const char *path, char **out, PkWhy *why)
{
    size_t len = 0;
    int err = file_read_regular(path, 1 << 20, out, &len, why);
    return err == 0 || err == PK_ENOMEM ? err : PK_EIO;
}

int recog_open(Recognizer **out, const Content *c, const VoiceSettings *s, PkWhy *why)
{
    int err = PK_ENOMEM;
    Recognizer *r = calloc(1, sizeof *r);
    *out = NULL;
    if (!r)
        goto fail;
    r->content = c;
    r->settings = *s;
    PkWhy model = {""};
    err = load_model(r, s->hmm, &model);
    if (err == PK_ENODEV && s->fallback_hmm[0]) {
        pk_fail(&r->note, 0, "speech model %s cannot be loaded%s%s; using %s", s->hmm,
                model.text[0] ? ": " : "", model.text, s->fallback_hmm);
        err = load_model(r, s->fallback_hmm, &model);
    }
    if (err) {
        pk_fail(why, err, "%s%s%s",
                err == PK_EIO ? "the extra pronunciation dictionary cannot be used"
                              : "the speech recognition model cannot be loaded",
                model.text[0] ? ": " : "", model.text);
        goto fail;
    }
    PkWhy reason = {""};
    if (s->garbage[0] && (err = read_text(s->garbage, &r->garbage, &reason)) != 0) {
        pk_fail(why, err, "the list of words that are not answers (%s) cannot be read: %s",
                s->garbage, pk_why_text(&reason, err));
        goto fail;
    }
    if ((err = add_question(r, NULL, why)) != 0)
        goto fail;
    if ((err = add_grammar(r, NULL, GRAMMAR_YESNO, GRAMMAR_NONE, YESNO_GRAMMAR, why)) != 0)
        goto fail;
    for (size_t i = 0; i < c->nquestions; i++)
        if ((err = add_question(r, &c->questions[i], why)) != 0)
            goto fail;
    *out = r;
    return 0;
fail:
    recog_close(r);
    return err;
}

const char *recog_note(const Recognizer *r)
{
    return r && r->note.text[0] ? r->note.text : NULL;
}

void recog_close(Recognizer *r)
{
    if (!r)
        return;
    asr_free(r->asr);
    grammar_spelling_free(&r->spellings);
    free(r->garbage);
    free(r);
}

void recog_new_session(Recognizer *r)
{
    if (r)
        asr_session_reset(r->asr);
}

static double clock_ms(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Level of each 10 ms frame in dB full scale, and the 10th percentile as the floor. */
static size_t frame_levels(const int16_t *pcm, size_t n, float *db, float *floor_db)
{
    size_t frames = n / VAD_FRAME;
    if (frames > ASR_MAX_FRAMES)
        frames = ASR_MAX_FRAMES;
    float sorted[ASR_MAX_FRAMES];
    for (size_t f = 0; f < frames; f++) {
        double sum = 0.0;
        for (size_t i = 0; i < VAD_FRAME; i++) {
            double x = pcm[f * VAD_FRAME + i] / 32768.0;
            sum += x * x;
        }
        db[f] = (float)(10.0 * log10(sum / VAD_FRAME + 1e-10));
        sorted[f] = db[f];
    }
    /* A partial selection sort is enough for the 10th percentile. */
    size_t k = frames / 10;
    for (size_t i = 0; i <= k && i < frames; i++)
        for (size_t j = i + 1; j < frames; j++)
            if (sorted[j] < sorted[i]) {
                float t = sorted[i];
                sorted[i] = sorted[j];
                sorted[j] = t;
            }
    *floor_db = frames ? sorted[k] : 0.0f;
    return frames;
}

bool recog_gate(const int16_t *pcm, size_t n, double range_db, int min_frames, double *range)
{
    float db[ASR_MAX_FRAMES], floor_db;
    size_t frames = frame_levels(pcm, n, db, &floor_db);
    float peak = -100.0f;
    int above = 0;
    for (size_t f = 0; f < frames; f++) {
        if (db[f] > peak)
            peak = db[f];
        above += db[f] >= floor_db + 12.0f;
    }
    *range = frames ? peak - floor_db : 0.0;
    return frames && *range >= range_db && above >= min_frames;
}

/* Samples at full scale, per thousand: speech too loud for the microphone, whose
 * words the model misreads with confidence (a "yes" 30 dB too loud was a sure "no"). */
static int clipped_permille(const int16_t *pcm, size_t n)
{
    size_t at = 0;
    for (size_t i = 0; i < n; i++)
        at += pcm[i] >= 32000 || pcm[i] <= -32000;
    return n ? (int)(at * 1000 / n) : 0;
}

/* The share of loud 10 ms frames of pcm (well above its quietest tenth) that fall
 * outside the words the decoder heard: speech the grammar filed under silence. */
static double unexplained_share(const VoiceSettings *s, const int16_t *pcm, size_t n,
                                const unsigned char *in_word)
{
    float db[ASR_MAX_FRAMES], floor_db;
    size_t frames = frame_levels(pcm, n, db, &floor_db);
    float loud_at = floor_db + s->vad.start_db;
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

/* A copy of pcm with a faint steady noise added (floor_db dBFS RMS, the same for
 * every utterance): a real microphone never gives exact digital silence, and the
 * model, trained on real rooms, scores the quiet around synthetic or gated speech
 * far off without it. NULL when out of memory. */
static int16_t *with_noise_floor(const int16_t *pcm, size_t n, double floor_db)
{
    int16_t *out = malloc((n ? n : 1) * sizeof *out);
    if (!out)
        return NULL;
    /* The sum of two uniform values in [-1, 1) has an RMS of sqrt(2/3). */
    double amp = 32768.0 * pow(10.0, floor_db / 20.0) / sqrt(2.0 / 3.0);
    unsigned seed = 2463534242u;
    for (size_t i = 0; i < n; i++) {
        double u = 0.0;
        for (int k = 0; k < 2; k++) {
            seed = seed * 1664525u + 1013904223u;
            u += (seed >> 8) / 8388608.0 - 1.0;
        }
        double x = pcm[i] + amp * u;
        out[i] = (int16_t)(x > 32767.0 ? 32767 : x < -32768.0 ? -32768 : lrint(x));
    }
    return out;
}

/* One pass; counts it. */
static int pass(Recognizer *r, const char *name, const int16_t *pcm, size_t n, AsrResult *out,
                RecogResult *res)
{
    res->passes++;
    return asr_decode(r->asr, name, pcm, n, out);
}

/* Maps v linearly from lo (1) to hi (100); 0 below lo. */
static int linear_confidence(double v, double lo, double hi)
{
    if (v < lo)
        return 0;
    if (v >= hi || hi <= lo)
        return 100;
    int c = (int)(1.0 + (v - lo) / (hi - lo) * 99.0 + 0.5);
    return c < 1 ? 1 : c > 100 ? 100 : c;
}

/* 0 when text is one of the lexicon's yes forms, 1 for a no form, else GRAMMAR_NONE. */
static int yes_no_key(const Lexicon *lx, const char *text)
{
    for (size_t i = 0; i < lx->nyes[LANG_EN]; i++)
        if (strcmp(text, lx->yes[LANG_EN][i]) == 0)
            return 0;
    for (size_t i = 0; i < lx->nno[LANG_EN]; i++)
        if (strcmp(text, lx->no[LANG_EN][i]) == 0)
            return 1;
    return GRAMMAR_NONE;
}

/* Leave one out: the same audio without the winning answer (key); how much worse the
 * best other answer explains it goes into res->margin, and which one it is into
 * res->runner_up. */
static int leave_one_out(Recognizer *r, const Question *q, bool confirm, int key,
                         const int16_t *utt, size_t n, RecogResult *res)
{
    char name[128];
    if (confirm || !q)
        snprintf(name, sizeof name, "%s#%d", YESNO_GRAMMAR, key);
    else
        answers_name(q, key, name, sizeof name);
    int err = add_grammar(r, confirm ? NULL : q, confirm || !q ? GRAMMAR_YESNO : GRAMMAR_ANSWERS,
                          key, name, NULL);
    if (err == PK_ECONTENT)
        return 0; /* nothing else to say: no margin to measure */
    AsrResult other;
    if (!err)
        err = pass(r, name, utt, n, &other, res);
    /* a search that ends without a hypothesis measured nothing: it is no certainty
       ("no" was heard as 9, "left" as the left wrist, at confidence 100) */
    if (!err && !other.text[0])
        res->unchecked = true;
    if (!err && other.text[0]) {
        res->margin = res->asr.score - other.score;
        InterpResult alt;
        char words[256];
        grammar_rewrite(&r->spellings, other.text, words, sizeof words);
        interp_parse(r->content, q, LANG_EN, words, &alt);
        if (alt.kind == INTERP_ANSWER && !confirm)
            snprintf(res->runner_up, sizeof res->runner_up, "%s", words);
        wipe(words, sizeof words);
        wipe(&other, sizeof other);
    }
    return err;
}

/* The answer pass found words: interpret them, run the leave-one-out pass, and set
 * the confidence. Returns 0 or a negative code; leaves res->confidence 0 to reject. */
static int judge_answer(Recognizer *r, const Question *q, const char *search, const int16_t *utt,
                        size_t n, RecogResult *res)
{
    const VoiceSettings *s = &r->settings;
    grammar_rewrite(&r->spellings, res->asr.text, res->text, sizeof res->text);
    bool confirm = strcmp(search, YESNO_GRAMMAR) == 0;
    /* A confirmation, and yes, no or a language name on the screens without a
     * question, are read by the flow itself. */
    interp_parse(r->content, confirm ? NULL : q, LANG_EN, res->text, &res->interp);
    if (res->interp.kind == INTERP_NOT_UNDERSTOOD && !confirm && q)
        return 0;
    /* Yes/no questions have their own thresholds: out-of-vocabulary words rhyme
     * with "no" ("go", "on") far more than with a number. Rejected already: no need
     * for the leave-one-out pass. */
    bool yesno = !confirm && q && q->kind == QK_YESNO;
    if (res->score <= (confirm ? s->confirm_reject_llr
                       : yesno ? s->yesno_reject_llr
                               : s->reject_llr))
        return 0;
    res->margin = NO_MARGIN;
    res->unchecked = false;
    int key = confirm || !q                       ? yes_no_key(&r->content->lexicon, res->text)
              : res->interp.kind == INTERP_ANSWER ? grammar_answer_key(q, &res->interp.answer)
                                                  : GRAMMAR_NONE;
    if (key != GRAMMAR_NONE) {
        int err = leave_one_out(r, q, confirm, key, utt, n, res);
        if (err)
            return err;
    }
    if (key == GRAMMAR_NONE) /* several answers: the llr alone */
        res->confidence = voice_settings_confidence(s, res->score);
    else if (confirm)
        res->confidence =
            linear_confidence(res->margin, s->confirm_min_margin, s->confirm_sure_margin);
    else if (yesno)
        res->confidence = linear_confidence(res->margin, s->yesno_min_margin, s->yesno_sure_margin);
    else
        res->confidence = linear_confidence(res->margin, s->min_margin, s->sure_margin);
    if (res->unchecked && res->confidence > RECOG_UNCHECKED_MAX)
        res->confidence = RECOG_UNCHECKED_MAX;
    return 0;
}

/* The answer pass and the phone loop over utt; judges what the answers heard. */
static int answer_pass(Recognizer *r, const Question *q, const char *search, const int16_t *utt,
                       size_t len, unsigned flags, AsrResult *phone, RecogResult *res)
{
    const VoiceSettings *s = &r->settings;
    int err = pass(r, search, utt, len, &res->asr, res);
    if (!err)
        err = pass(r, ASR_PHONE_SEARCH, utt, len, phone, res);
    if (err || !res->asr.text[0])
        return err;
    res->llr = res->asr.score - phone->score;
    res->speech_llr =
        res->llr * res->asr.frames / (res->asr.speech_frames > 0 ? res->asr.speech_frames : 1);
    /* Per frame of the words heard: how much of a clip is speech does not move it. */
    res->score = res->speech_llr +
                 (q && q->kind == QK_MULTI && !(flags & RECOG_CONFIRM) ? s->multi_llr_bonus : 0.0);
    res->unexplained = unexplained_share(s, utt, len, res->asr.in_word);
    if (res->asr.speech_frames * 10 < s->min_speech_ms || res->unexplained > s->max_unexplained)
        return 0;
    return judge_answer(r, q, search, utt, len, res);
}

/* No answer was accepted: perhaps a command ("go back", "repeat"). A command is a
 * short phrase: long speech with one in it is something else, and is not decoded. */
static int command_pass(Recognizer *r, const Question *q, const int16_t *utt, size_t len,
                        const AsrResult *phone, RecogResult *res)
{
    const VoiceSettings *s = &r->settings;
    wipe(res->text, sizeof res->text);
    wipe(res->runner_up, sizeof res->runner_up);
    memset(&res->interp, 0, sizeof res->interp);
    res->llr = res->score = 0.0;
    if (res->audio_ms > s->command_max_ms + s->pad_ms + s->vad.end_frames * 10)
        return 0;
    char name[128];
    commands_name(q, name, sizeof name);
    int err = pass(r, name, utt, len, &res->asr, res);
    res->command = true;
    if (err || !res->asr.text[0])
        return err;
    res->llr = res->score = res->asr.score - phone->score;
    res->unexplained = unexplained_share(s, utt, len, res->asr.in_word);
    if (res->asr.speech_frames * 10 < s->min_speech_ms || res->llr <= s->command_reject_llr ||
        res->unexplained > s->max_unexplained)
        return 0;
    grammar_rewrite(&r->spellings, res->asr.text, res->text, sizeof res->text);
    interp_parse(r->content, q, LANG_EN, res->text, &res->interp);
    if (res->interp.kind == INTERP_COMMAND)
        res->confidence = linear_confidence(res->llr, s->command_reject_llr, s->sure_llr);
    return 0;
}

int recog_decode(Recognizer *r, const Question *q, const int16_t *pcm, size_t n, unsigned flags,
                 RecogResult *res)
{
    const VoiceSettings *s = &r->settings;
    memset(res, 0, sizeof *res);
    res->outcome = RECOG_NO_SPEECH;
    size_t start = 0, end = n;
    size_t pad = (size_t)s->pad_ms * (WAV_ASR_RATE / 1000);
    size_t max = (size_t)s->max_utterance_ms * (WAV_ASR_RATE / 1000);
    /* Files: the speech found with the file's own audio around it (never added
     * zeros: they would pull the cepstral mean). */
    int found = (flags & RECOG_FIND_SPEECH) ? vad_find(&s->vad, pcm, n, pad, max, &start, &end) : 1;
    if (!found)
        return 0;
    if (found == VAD_TOO_LONG) {
        /* longer than any answer: not understood, never decoded from its first part */
        res->outcome = RECOG_REJECTED;
        return 0;
    }
    if (end - start > max + pad)
        end = start + max + pad;
    if (end - start < VAD_FRAME)
        return 0;
    const int16_t *utt = pcm + start;
    size_t len = end - start;
    res->audio_ms = (double)len / (WAV_ASR_RATE / 1000);
    res->outcome = RECOG_REJECTED;
    /* Hum, fans, hiss: steady sound without the ups and downs of speech. */
    if (!recog_gate(utt, len, s->gate_range_db, s->gate_frames, &res->range_db) ||
        clipped_permille(utt, len) > s->max_clipped) {
        res->gated = true;
        return 0;
    }
    double t0 = clock_ms(CLOCK_MONOTONIC), c0 = clock_ms(CLOCK_THREAD_CPUTIME_ID);
    char search[128];
    if (flags & RECOG_CONFIRM)
        snprintf(search, sizeof search, "%s", YESNO_GRAMMAR);
    else
        answers_name(q, GRAMMAR_NONE, search, sizeof search);
    int16_t *heard = s->noise_floor_db < 0.0 ? with_noise_floor(utt, len, s->noise_floor_db) : NULL;
    if (s->noise_floor_db < 0.0 && !heard)
        return PK_ENOMEM;
    AsrResult phone;
    int err = answer_pass(r, q, search, heard ? heard : utt, len, flags, &phone, res);
    if (!err && res->confidence == 0)
        err = command_pass(r, q, heard ? heard : utt, len, &phone, res);
    asr_commit(r->asr);
    wipe(&phone, sizeof phone);
    if (heard)
        wipe(heard, len * sizeof *heard);
    free(heard);
    res->decode_ms = clock_ms(CLOCK_MONOTONIC) - t0;
    res->cpu_ms = clock_ms(CLOCK_THREAD_CPUTIME_ID) - c0;
    if (err)
        return err;
    if (res->confidence > 0)
        res->outcome = RECOG_HEARD;
    else {
        wipe(res->text, sizeof res->text);
        wipe(res->runner_up, sizeof res->runner_up);
    }
    return 0;
}

void recog_answer_id(const Content *c, const Question *q, const RecogResult *res, char *out,
                     size_t size)
{
    snprintf(out, size, "-");
    if (res->outcome != RECOG_HEARD)
        return;
    const InterpResult *ir = &res->interp;
    if (ir->kind == INTERP_NOT_UNDERSTOOD) { /* a confirmation: yes or no */
        int key = yes_no_key(&c->lexicon, res->text);
        if (key != GRAMMAR_NONE)
            snprintf(out, size, "%s", key == 0 ? "yes" : "no");
        return;
    }
    if (ir->kind == INTERP_COMMAND) {
        snprintf(out, size, "%s", content_command_name(ir->command));
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

void recog_debug_line(FILE *fp, const char *what, const RecogResult *res)
{
    fprintf(fp,
            "voice-debug\t%s\toutcome=%d\thyp=%s\trunner_up=%s\tconfidence=%d\tgated=%d\t"
            "command=%d\trange_db=%.1f\tllr=%.2f\tmargin=%.2f\tscore=%.2f\tunexplained=%.2f\t"
            "speech_frames=%d\tframes=%d\taudio_ms=%.0f\tdecode_ms=%.1f\tcpu_ms=%.1f\tpasses=%d\n",
            what, (int)res->outcome, res->asr.text, res->runner_up, res->confidence, res->gated,
            res->command, res->range_db, res->llr, res->margin, res->score, res->unexplained,
            res->asr.speech_frames, res->asr.frames, res->audio_ms, res->decode_ms, res->cpu_ms,
            res->passes);
}
