/* ppkiosk --say and --recognize: speech synthesis to a file and recognition of WAV
 * files, with the same eSpeak NG set-up and recognition pipeline as the kiosk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/error.h"
#include "../voice/audio.h"
#include "../voice/recog.h"
#include "../voice/settings.h"
#include "../voice/tts.h"
#include "../voice/wav.h"
#include "app.h"

/* Plays pcm through the default speaker and waits for it to finish. */
static int play(const int16_t *pcm, size_t n, int rate)
{
    AudioSink *sink = NULL;
    int err = audio_sdl_sink_open(&sink, rate);
    if (err)
        return err;
    err = sink->write(sink, pcm, n);
    while (!err && sink->alive(sink) && sink->pending_ms(sink) > 0) {
        struct timespec ts = {0, 20000000L};
        nanosleep(&ts, NULL);
    }
    sink->close(sink);
    return err;
}

int app_say(const AppOptions *o, const Content *c)
{
    (void)c;
    char why[256];
    VoiceSettings s;
    int16_t *pcm = NULL;
    size_t n = 0;
    int rc = 1;
    if (settings_load(o->models_dir, &s, why, sizeof why) != 0) {
        fprintf(stderr, "ppkiosk: %s\n", why);
        return 2;
    }
    int rate = tts_init();
    if (rate <= 0) {
        fprintf(stderr, "ppkiosk: eSpeak NG cannot be started (is espeak-ng-data installed?)\n");
        return 1;
    }
    if (tts_to_pcm(o->say_text, o->lang, s.rate_wpm, s.volume, &pcm, &n) != 0) {
        fprintf(stderr, "ppkiosk: eSpeak NG could not speak the text\n");
        goto done;
    }
    if (o->out) {
        if (wav_write(o->out, pcm, n, rate) != 0) {
            fprintf(stderr, "ppkiosk: cannot write %s\n", o->out);
            goto done;
        }
    } else if (play(pcm, n, rate) != 0) {
        fprintf(stderr, "ppkiosk: no speaker to play the speech on; use --out FILE.wav\n");
        goto done;
    }
    rc = 0;
done:
    free(pcm);
    tts_term();
    return rc;
}

/* One line per file; returns 0, or 1 when the file could not be read. */
static int recognize_file(Recognizer *rec, const Content *c, const Question *q, const char *path,
                          bool debug)
{
    int16_t *pcm = NULL;
    size_t n = 0;
    const char *why = NULL;
    int err = wav_read_16k(path, &pcm, &n, &why);
    if (err) {
        printf("%s\t-\t0\n", path);
        fprintf(stderr, "ppkiosk: %s: %s\n", path, why ? why : pk_strerror(err));
        return 1;
    }
    RecogResult r;
    err = recog_decode(rec, q, pcm, n, RECOG_FIND_SPEECH, &r);
    free(pcm);
    if (err) {
        printf("%s\t-\t0\n", path);
        fprintf(stderr, "ppkiosk: %s: %s\n", path, pk_strerror(err));
        return 1;
    }
    char answer[512];
    recog_answer_id(c, q, &r, answer, sizeof answer);
    printf("%s\t%s\t%d\n", path, answer, r.outcome == RECOG_HEARD ? r.confidence : 0);
    if (debug)
        recog_debug_line(stderr, path, &r);
    return 0;
}

int app_recognize(const AppOptions *o, const Content *c)
{
    char why[512];
    VoiceSettings s;
    Recognizer *rec = NULL;
    int qi = content_question_index(c, o->question_id);
    if (qi < 0) {
        fprintf(stderr, "ppkiosk: no question '%s' (see --list-questions)\n", o->question_id);
        return 2;
    }
    if (settings_load(o->models_dir, &s, why, sizeof why) != 0) {
        fprintf(stderr, "ppkiosk: %s\n", why);
        return 2;
    }
    int err = recog_open(&rec, c, &s, why, sizeof why);
    if (err) {
        fprintf(stderr, "ppkiosk: %s\n", why);
        return err == PK_ECONTENT ? 2 : 1;
    }
    /* PPKIOSK_VOICE_DEBUG=1: decoder scores on stderr, for calibration (scripts/). */
    const char *dbg = getenv("PPKIOSK_VOICE_DEBUG");
    bool debug = dbg && strcmp(dbg, "1") == 0;
    int bad = 0;
    for (int i = 0; i < o->nfiles; i++) {
        if (o->recognize_each)
            recog_new_session(rec);
        bad |= recognize_file(rec, c, &c->questions[qi], o->files[i], debug);
        fflush(stdout);
    }
    recog_close(rec);
    return bad ? 2 : 0;
}
