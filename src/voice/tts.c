/* eSpeak NG in synchronous mode, PCM handed to a sink through its callback. */
#include "tts.h"

#include <espeak-ng/speak_lib.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/wipe.h"
#include "voice_backend.h"

#define TTS_BUFFER_MS 100 /* eSpeak NG hands over audio in blocks of this length */

typedef struct {
    TtsSink sink;
    void *ctx;
    atomic_int *cancel;
    int stopped;
} TtsJob;

typedef struct {
    int16_t *pcm;
    size_t n, cap;
    int failed;
} PcmBuffer;

static int tts_rate; /* 0 until initialised */

static int synth_callback(short *wav, int numsamples, espeak_EVENT *events)
{
    TtsJob *job = events ? events->user_data : NULL;
    if (!job)
        return 0;
    if (job->stopped || (job->cancel && atomic_load(job->cancel))) {
        job->stopped = 1;
        return 1;
    }
    if (wav && numsamples > 0 && job->sink(job->ctx, wav, (size_t)numsamples) != 0) {
        job->stopped = 1;
        return 1;
    }
    return 0;
}

int tts_init(void)
{
    if (tts_rate > 0)
        return tts_rate;
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, TTS_BUFFER_MS, NULL,
                                 espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0)
        return PK_ENODEV;
    espeak_SetSynthCallback(synth_callback);
    if (espeak_SetVoiceByName("en-us") != EE_OK) {
        espeak_Terminate();
        return PK_ENODEV;
    }
    tts_rate = rate;
    return rate;
}

void tts_term(void)
{
    if (tts_rate > 0)
        espeak_Terminate();
    tts_rate = 0;
}

const char *tts_voice_name(Lang lang)
{
    return lang == LANG_ES ? "es-419" : "en-us";
}

int tts_speak(const char *text, Lang lang, int rate_wpm, int volume, TtsSink sink, void *ctx,
              atomic_int *cancel)
{
    if (tts_rate <= 0)
        return PK_ENODEV;
    if (!text || !sink)
        return PK_EINVAL;
    if (espeak_SetVoiceByName(tts_voice_name(lang)) != EE_OK)
        return PK_ENODEV;
    espeak_SetParameter(espeakRATE, rate_wpm < 80 ? 80 : rate_wpm > 450 ? 450 : rate_wpm, 0);
    /* eSpeak NG's volume is 0..200 with 100 as normal. */
    espeak_SetParameter(espeakVOLUME, (volume < 0 ? 0 : volume > 100 ? 100 : volume) * 3 / 2, 0);
    TtsJob job = {sink, ctx, cancel, 0};
    espeak_ERROR e =
        espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, &job);
    return e == EE_OK || job.stopped ? 0 : PK_ENODEV;
}

static int buffer_sink(void *ctx, const int16_t *pcm, size_t n)
{
    PcmBuffer *b = ctx;
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 65536;
        while (cap < b->n + n)
            cap *= 2;
        int16_t *p = wipe_realloc(b->pcm, b->cap * sizeof *p, cap * sizeof *p);
        if (!p) {
            b->failed = 1;
            return 1;
        }
        b->pcm = p;
        b->cap = cap;
    }
    memcpy(b->pcm + b->n, pcm, n * sizeof *pcm);
    b->n += n;
    return 0;
}

int tts_to_pcm(const char *text, Lang lang, int rate_wpm, int volume, int16_t **pcm, size_t *n)
{
    PcmBuffer b = {0};
    int err = tts_speak(text, lang, rate_wpm, volume, buffer_sink, &b, NULL);
    if (!err && b.failed)
        err = PK_ENOMEM;
    if (err) {
        if (b.pcm)
            wipe(b.pcm, b.cap * sizeof *b.pcm);
        free(b.pcm);
        *pcm = NULL;
        *n = 0;
        return err;
    }
    *pcm = b.pcm;
    *n = b.n;
    return 0;
}
