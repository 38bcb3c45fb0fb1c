/* Speech to a file and recognition of files, without the Voice threads: what
 * ppkiosk --say and --recognize run, with the same set-up and pipeline as the kiosk. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/clock.h"
#include "../core/wipe.h"
#include "audio.h"
#include "recog.h"
#include "settings.h"
#include "tts.h"
#include "voice.h"
#include "wav.h"

/* --say is for staff and tests; a screen's words are far shorter than this. */
#define VOICE_SAY_MAX 4000

struct VoiceRecognizer {
    const Content *content;
    VoiceSettings settings;
    Recognizer *rec;
};

/* Plays pcm through the default speaker and waits for it to finish. */
static int play(const int16_t *pcm, size_t n, int rate)
{
    AudioSink *sink = NULL;
    int err = audio_sdl_sink_open(&sink, rate);
    if (err)
        return err;
    err = sink->write(sink, pcm, n);
    while (!err && sink->alive(sink) && sink->pending_ms(sink) > 0)
        pk_sleep_ms(20);
    sink->close(sink);
    return err;
}

int voice_say(const char *models_dir, const char *text, Lang lang, int out_fd, PkWhy *why)
{
    VoiceSettings s;
    int16_t *pcm = NULL;
    size_t n = 0;
    if (!text[strspn(text, " \t\n")])
        return pk_fail(why, PK_EINVAL, "there is no text to speak");
    if (strlen(text) > VOICE_SAY_MAX)
        return pk_fail(why, PK_EINVAL, "the text is too long to speak (at most %d characters)",
                       VOICE_SAY_MAX);
    int err = voice_settings_load(models_dir, &s, why);
    if (err)
        return err;
    int rate = tts_init();
    if (rate <= 0)
        return pk_fail(why, PK_ENODEV,
                       "eSpeak NG cannot be started (is espeak-ng-data installed?)");
    size_t loud = 0;
    int ok = tts_to_pcm(text, lang, s.rate_wpm, s.volume, &pcm, &n);
    for (size_t i = 0; ok == 0 && i < n; i++)
        loud += pcm[i] > 64 || pcm[i] < -64;
    if (ok != 0)
        err = pk_fail(why, PK_EDEVICE, "eSpeak NG could not speak the text");
    else if (loud == 0) /* a zero-width space alone made a silent file and exit 0 */
        err = pk_fail(why, PK_EINVAL, "there is no text to speak (it makes no sound)");
    else if (out_fd >= 0 && wav_write_fd(out_fd, pcm, n, rate) != 0)
        err = pk_fail(why, PK_EIO, "cannot write the speech: %s", strerror(errno));
    else if (out_fd < 0 && play(pcm, n, rate) != 0)
        err = pk_fail(why, PK_ENODEV, "no speaker to play the speech on; use --out FILE.wav");
    free(pcm);
    tts_term();
    return err;
}

int voice_recognizer_open(VoiceRecognizer **out, const Content *c, const char *models_dir,
                          PkWhy *why)
{
    *out = NULL;
    VoiceRecognizer *r = calloc(1, sizeof *r);
    if (!r)
        return pk_fail(why, PK_ENOMEM, "%s", pk_strerror(PK_ENOMEM));
    r->content = c;
    int err = voice_settings_load(models_dir, &r->settings, why);
    if (!err) {
        err = recog_open(&r->rec, c, &r->settings, why);
    }
    if (err) {
        free(r);
        return err;
    }
    *out = r;
    return 0;
}

void voice_recognizer_close(VoiceRecognizer *r)
{
    if (!r)
        return;
    recog_close(r->rec);
    free(r);
}

void voice_recognizer_new_session(VoiceRecognizer *r)
{
    recog_new_session(r->rec);
}

int voice_recognize_file(VoiceRecognizer *r, const Question *q, const char *path, VoiceAnswer *ans,
                         FILE *debug, PkWhy *why)
{
    int16_t *pcm = NULL;
    size_t n = 0;
    snprintf(ans->answer, sizeof ans->answer, "-");
    ans->confidence = 0;
    int err = wav_read_16k(path, &pcm, &n, why);
    if (err)
        return err;
    RecogResult res;
    err = recog_decode(r->rec, q, pcm, n, RECOG_FIND_SPEECH, &res);
    wipe(pcm, n * sizeof *pcm);
    free(pcm);
    if (err)
        return pk_fail(why, err, "%s", pk_strerror(err));
    recog_answer_id(r->content, q, &res, ans->answer, sizeof ans->answer);
    ans->confidence = res.outcome == RECOG_HEARD ? res.confidence : 0;
    if (debug)
        recog_debug_line(debug, path, &res);
    wipe(&res, sizeof res);
    return 0;
}
