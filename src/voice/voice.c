/* The voice facade: a speaking thread that owns eSpeak NG, a listening thread that owns
 * the microphone, and an event queue the UI drains with voice_poll(). */
#include "voice.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/clock.h"
#include "../core/error.h"
#include "../core/wipe.h"
#include "audio.h"
#include "recog.h"
#include "settings.h"
#include "tts.h"
#include "vad.h"
#include "voice_backend.h"
#include "wav.h"

#define EVENT_QUEUE 32

struct Voice {
    PkWhy note; /* voice_note(), or "" */
    const Content *content;
    VoiceSettings settings;
    Recognizer *rec;
    AudioSink *sink;
    AudioSource *src;

    pthread_mutex_t mu; /* everything below */
    pthread_cond_t cv;
    pthread_mutex_t decode_mu; /* the recogniser */
    pthread_t speak_thread, listen_thread;
    bool speak_up, listen_up, quit;

    char *speak_text; /* the request the speaking thread has not taken yet */
    Lang speak_lang;
    char *then_text; /* spoken right after speak_text, in then_lang (or NULL) */
    Lang then_lang;
    unsigned speak_serial; /* one per voice_speak() and voice_stop() */
    atomic_int cancel;
    atomic_bool speaking;
    double speech_end_ms;
    int volume;

    const Question *listen_q;
    bool listen_confirm; /* a yes/no confirmation: the tight grammar */
    bool listening;
    unsigned listen_serial;
    atomic_int level_permille;

    atomic_bool can_speak, can_listen;
    VoiceEvent events[EVENT_QUEUE];
    size_t ev_head, ev_count;
};

/* Queues an event; the oldest is dropped when the UI has not drained the queue. Call
 * with mu held. */
static void post_locked(Voice *v, VoiceEventKind kind, const char *text, int confidence)
{
    if (v->ev_count == EVENT_QUEUE) {
        wipe(&v->events[v->ev_head], sizeof v->events[0]);
        v->ev_head = (v->ev_head + 1) % EVENT_QUEUE;
        v->ev_count--;
    }
    VoiceEvent *e = &v->events[(v->ev_head + v->ev_count) % EVENT_QUEUE];
    wipe(e, sizeof *e);
    e->kind = kind;
    if (text)
        snprintf(e->text, sizeof e->text, "%s", text);
    e->confidence = confidence;
    v->ev_count++;
}

/* Drops the queued results of listening (heard, rejected, no speech), wiped, keeping the
 * other events in order: they were for the screen listened to before, and the next one
 * must never take them (a "yes" heard just before a tap on "No" once answered the next
 * safety question, which nobody had read). Call with mu held. */
static void drop_results_locked(Voice *v)
{
    size_t kept = 0;
    for (size_t i = 0; i < v->ev_count; i++) {
        VoiceEvent *e = &v->events[(v->ev_head + i) % EVENT_QUEUE];
        bool result = e->kind == VOICE_EV_HEARD || e->kind == VOICE_EV_REJECTED ||
                      e->kind == VOICE_EV_NO_SPEECH;
        if (!result) {
            VoiceEvent *to = &v->events[(v->ev_head + kept) % EVENT_QUEUE];
            if (to != e)
                *to = *e;
            kept++;
        }
    }
    for (size_t i = kept; i < v->ev_count; i++)
        wipe(&v->events[(v->ev_head + i) % EVENT_QUEUE], sizeof v->events[0]);
    v->ev_count = kept;
}

static void post(Voice *v, VoiceEventKind kind, const char *text, int confidence)
{
    pthread_mutex_lock(&v->mu);
    post_locked(v, kind, text, confidence);
    pthread_mutex_unlock(&v->mu);
}

/* Queues the result of a decode. Call with mu held. */
static void post_result_locked(Voice *v, const RecogResult *r)
{
    if (r->outcome == RECOG_HEARD) {
        post_locked(v, VOICE_EV_HEARD, r->text, r->confidence);
        VoiceEvent *e = &v->events[(v->ev_head + v->ev_count - 1) % EVENT_QUEUE];
        snprintf(e->runner_up, sizeof e->runner_up, "%s", r->runner_up);
    } else {
        post_locked(v, r->outcome == RECOG_NO_SPEECH ? VOICE_EV_NO_SPEECH : VOICE_EV_REJECTED, NULL,
                    0);
    }
}

static void post_result(Voice *v, const RecogResult *r)
{
    pthread_mutex_lock(&v->mu);
    post_result_locked(v, r);
    pthread_mutex_unlock(&v->mu);
}

static int speak_sink(void *ctx, const int16_t *pcm, size_t n)
{
    Voice *v = ctx;
    if (atomic_load(&v->cancel))
        return 1;
    if (v->sink->write(v->sink, pcm, n) != 0) {
        if (atomic_exchange(&v->can_speak, false))
            post(v, VOICE_EV_STATUS, NULL, 0);
        return 1;
    }
    return 0;
}

static void free_text(char *text)
{
    if (text)
        wipe(text, strlen(text));
    free(text);
}

/* Wipes and drops the request the speaking thread has not taken yet. Call locked. */
static void drop_request(Voice *v)
{
    free_text(v->speak_text);
    free_text(v->then_text);
    v->speak_text = v->then_text = NULL;
}

static void *speak_main(void *arg)
{
    Voice *v = arg;
    pthread_mutex_lock(&v->mu);
    while (!v->quit) {
        if (!v->speak_text) {
            pthread_cond_wait(&v->cv, &v->mu);
            continue;
        }
        char *text = v->speak_text, *then = v->then_text;
        Lang lang = v->speak_lang, then_lang = v->then_lang;
        unsigned serial = v->speak_serial;
        int volume = v->volume;
        v->speak_text = v->then_text = NULL;
        atomic_store(&v->cancel, 0);
        pthread_mutex_unlock(&v->mu);

        if (atomic_load(&v->can_speak))
            tts_speak(text, lang, v->settings.rate_wpm, volume, speak_sink, v, &v->cancel);
        if (then && atomic_load(&v->can_speak) && !atomic_load(&v->cancel))
            tts_speak(then, then_lang, v->settings.rate_wpm, volume, speak_sink, v, &v->cancel);
        free_text(text);
        free_text(then);
        /* Wait for the device to play what is queued, unless stopped. */
        while (atomic_load(&v->can_speak) && !atomic_load(&v->cancel) &&
               v->sink->pending_ms(v->sink) > 0) {
            if (!v->sink->alive(v->sink) && atomic_exchange(&v->can_speak, false))
                post(v, VOICE_EV_STATUS, NULL, 0);
            pk_sleep_ms(10);
        }

        pthread_mutex_lock(&v->mu);
        if (serial == v->speak_serial) { /* nothing newer asked for meanwhile */
            atomic_store(&v->speaking, false);
            v->speech_end_ms = pk_now_ms();
            post_locked(v, VOICE_EV_SPEECH_DONE, NULL, 0);
            pthread_cond_broadcast(&v->cv);
        }
    }
    pthread_mutex_unlock(&v->mu);
    return NULL;
}

/* True while v still wants the utterance of listen serial: not stopped, not replaced,
 * not speaking. */
static bool still_listening(Voice *v, unsigned serial)
{
    pthread_mutex_lock(&v->mu);
    bool go = !v->quit && v->listening && v->listen_serial == serial && !atomic_load(&v->speaking);
    pthread_mutex_unlock(&v->mu);
    return go;
}

/* Decodes a captured utterance and posts what was heard, unless listening was stopped
 * or replaced meanwhile. */
static void decode_and_post(Voice *v, const Question *q, bool confirm, unsigned serial,
                            const VadCapture *c)
{
    v->src->run(v->src, false);
    atomic_store(&v->level_permille, 0);
    RecogResult r = {.outcome = RECOG_REJECTED};
    int err = 0;
    /* Speech that went on past max_utterance_ms is not understood: its first part alone
     * could read as a different answer (the rest of the list dropped). */
    if (!c->too_long) {
        pthread_mutex_lock(&v->decode_mu);
        err = recog_decode(v->rec, q, c->utt, c->used, confirm ? RECOG_CONFIRM : 0, &r);
        pthread_mutex_unlock(&v->decode_mu);
    }
    /* checked and posted under one lock: a new screen's voice_listen() in between would
       find nothing to drop, and then meet this result */
    pthread_mutex_lock(&v->mu);
    bool current = v->listen_serial == serial && v->listening;
    if (current) {
        v->listening = false;
        if (!err)
            post_result_locked(v, &r);
        else
            post_locked(v, VOICE_EV_REJECTED, NULL, 0);
    }
    pthread_mutex_unlock(&v->mu);
    wipe(&r, sizeof r);
}

static void post_no_speech(Voice *v, unsigned serial)
{
    pthread_mutex_lock(&v->mu);
    if (v->listen_serial == serial) {
        v->listening = false;
        post_locked(v, VOICE_EV_NO_SPEECH, NULL, 0);
    }
    pthread_mutex_unlock(&v->mu);
}

/* Collects one utterance from the microphone and decodes it, or gives up after
 * no_speech_ms. Returns when done, when listening is stopped, or on quit. */
static void listen_once(Voice *v, const Question *q, bool confirm, unsigned serial)
{
    const VoiceSettings *s = &v->settings;
    VadCapture c;
    VadConfig vc = s->vad;
    if (vc.calibrate_frames < 10)
        vc.calibrate_frames = 10; /* learn the room before listening */
    if (vad_capture_init(&c, &vc, (size_t)s->pad_ms * 16, (size_t)s->max_utterance_ms * 16)) {
        vad_capture_free(&c);
        return;
    }
    double start = pk_now_ms();
    v->src->run(v->src, true);
    while (still_listening(v, serial)) {
        if (!v->src->alive(v->src)) {
            if (atomic_exchange(&v->can_listen, false))
                post(v, VOICE_EV_STATUS, NULL, 0);
            break;
        }
        size_t got = v->src->read(v->src, vad_capture_space(&c), VAD_CAPTURE_CHUNK);
        if (!c.in_speech && pk_now_ms() - start > s->no_speech_ms) {
            post_no_speech(v, serial);
            break;
        }
        if (got == 0) {
            pk_sleep_ms(10);
            continue;
        }
        bool done = vad_capture_push(&c, got);
        atomic_store(&v->level_permille, (int)(vad_meter(&c.vad) * 1000.0f));
        if (done) {
            decode_and_post(v, q, confirm, serial, &c);
            break;
        }
    }
    v->src->run(v->src, false);
    atomic_store(&v->level_permille, 0);
    vad_capture_free(&c); /* the patient's voice */
}

static void *listen_main(void *arg)
{
    Voice *v = arg;
    pthread_mutex_lock(&v->mu);
    while (!v->quit) {
        bool ready = v->listening && atomic_load(&v->can_listen) && !atomic_load(&v->speaking);
        if (!ready) {
            pthread_cond_wait(&v->cv, &v->mu);
            continue;
        }
        double wait = v->speech_end_ms + v->settings.tail_ms - pk_now_ms();
        if (wait > 0) { /* half duplex: let the room go quiet after speaking */
            pthread_mutex_unlock(&v->mu);
            pk_sleep_ms((int)wait + 1);
            pthread_mutex_lock(&v->mu);
            continue;
        }
        const Question *q = v->listen_q;
        bool confirm = v->listen_confirm;
        unsigned serial = v->listen_serial;
        pthread_mutex_unlock(&v->mu);
        listen_once(v, q, confirm, serial);
        pthread_mutex_lock(&v->mu);
    }
    pthread_mutex_unlock(&v->mu);
    return NULL;
}

int voice_open_with(Voice **out, const Content *c, const VoiceOptions *o, AudioSink *sink,
                    AudioSource *src, PkWhy *why)
{
    int err = PK_ENOMEM;
    Voice *v = calloc(1, sizeof *v);
    *out = NULL;
    if (!v)
        goto fail_devices;
    v->content = c;
    v->sink = sink;
    v->src = src;
    sink = NULL;
    src = NULL;
    pthread_mutex_init(&v->mu, NULL);
    pthread_mutex_init(&v->decode_mu, NULL);
    pthread_cond_init(&v->cv, NULL);
    err = voice_settings_load(o->models_dir, &v->settings, why);
    if (err)
        goto fail;
    if (o->rate_wpm > 0)
        v->settings.rate_wpm = o->rate_wpm;
    v->volume = o->volume > 0 && o->volume <= 100 ? o->volume : v->settings.volume;
    if (o->speak && v->sink && tts_init() > 0)
        atomic_store(&v->can_speak, true);
    if (o->listen) {
        PkWhy reason = {""};
        err = recog_open(&v->rec, c, &v->settings, &reason);
        if (err == PK_ECONTENT) {
            pk_fail(why, err, "%s", pk_why_text(&reason, err));
            goto fail;
        }
        if (err)
            pk_fail(&v->note, 0, "not listening: %s", pk_why_text(&reason, err));
        else if (recog_note(v->rec))
            pk_fail(&v->note, 0, "%s", recog_note(v->rec));
        err = 0;
        if (v->rec && v->src)
            atomic_store(&v->can_listen, true);
    }
    if (pthread_create(&v->speak_thread, NULL, speak_main, v) != 0)
        goto fail;
    v->speak_up = true;
    if (pthread_create(&v->listen_thread, NULL, listen_main, v) != 0)
        goto fail;
    v->listen_up = true;
    *out = v;
    return 0;
fail:
    voice_close(v);
    return err ? err : pk_fail(why, PK_ENOMEM, "the voice threads cannot be started");
fail_devices:
    if (sink)
        sink->close(sink);
    if (src)
        src->close(src);
    return pk_fail(why, err, "%s", pk_strerror(err));
}

int voice_open(Voice **out, const Content *c, const VoiceOptions *o, PkWhy *why)
{
    AudioSink *sink = NULL;
    AudioSource *src = NULL;
    if (o->speak) {
        int rate = tts_init();
        if (rate > 0)
            audio_sdl_sink_open(&sink, rate);
    }
    if (o->listen)
        audio_sdl_source_open(&src);
    return voice_open_with(out, c, o, sink, src, why);
}

const char *voice_note(const Voice *v)
{
    return v && v->note.text[0] ? v->note.text : NULL;
}

void voice_close(Voice *v)
{
    if (!v)
        return;
    pthread_mutex_lock(&v->mu);
    v->quit = true;
    v->listening = false;
    atomic_store(&v->cancel, 1);
    pthread_cond_broadcast(&v->cv);
    pthread_mutex_unlock(&v->mu);
    if (v->speak_up)
        pthread_join(v->speak_thread, NULL);
    if (v->listen_up)
        pthread_join(v->listen_thread, NULL);
    drop_request(v);
    wipe(v->events, sizeof v->events);
    recog_close(v->rec);
    if (v->sink)
        v->sink->close(v->sink);
    if (v->src)
        v->src->close(v->src);
    tts_term();
    pthread_cond_destroy(&v->cv);
    pthread_mutex_destroy(&v->decode_mu);
    pthread_mutex_destroy(&v->mu);
    free(v);
}

VoiceStatus voice_status(const Voice *v)
{
    VoiceStatus s = {false, false};
    if (v) {
        s.can_speak = atomic_load(&((Voice *)v)->can_speak);
        s.can_listen = atomic_load(&((Voice *)v)->can_listen);
    }
    return s;
}

void voice_speak(Voice *v, const char *text, Lang lang)
{
    voice_speak_then(v, text, lang, NULL, lang);
}

void voice_speak_then(Voice *v, const char *text, Lang lang, const char *then, Lang then_lang)
{
    if (!v || !text)
        return;
    pthread_mutex_lock(&v->mu);
    v->speak_serial++;
    if (!atomic_load(&v->can_speak)) {
        post_locked(v, VOICE_EV_SPEECH_DONE, NULL, 0);
        pthread_mutex_unlock(&v->mu);
        return;
    }
    drop_request(v);
    size_t len = strlen(text);
    v->speak_text = malloc(len + 1);
    if (v->speak_text) {
        memcpy(v->speak_text, text, len + 1);
        v->speak_lang = lang;
        if (then && then[0] && (v->then_text = malloc(strlen(then) + 1)) != NULL) {
            memcpy(v->then_text, then, strlen(then) + 1);
            v->then_lang = then_lang;
        }
        atomic_store(&v->speaking, true);
        atomic_store(&v->cancel, 1); /* interrupt what is being spoken */
        v->sink->clear(v->sink);
    } else {
        post_locked(v, VOICE_EV_SPEECH_DONE, NULL, 0);
    }
    pthread_cond_broadcast(&v->cv);
    pthread_mutex_unlock(&v->mu);
}

void voice_stop(Voice *v)
{
    if (!v)
        return;
    pthread_mutex_lock(&v->mu);
    drop_request(v);
    atomic_store(&v->cancel, 1);
    if (v->sink)
        v->sink->clear(v->sink);
    if (atomic_load(&v->speaking)) {
        /* The speaking thread sees the cancel within one block; the UI is told now. */
        v->speak_serial++;
        atomic_store(&v->speaking, false);
        v->speech_end_ms = pk_now_ms();
        post_locked(v, VOICE_EV_SPEECH_DONE, NULL, 0);
    }
    pthread_cond_broadcast(&v->cv);
    pthread_mutex_unlock(&v->mu);
}

bool voice_speaking(const Voice *v)
{
    return v && atomic_load(&((Voice *)v)->speaking);
}

/* Starts listening for q, with the tight yes/no grammar when confirm is set, in one step:
 * the listening thread never sees the question of one call with the grammar of another. */
static void listen_for(Voice *v, const Question *q, Lang lang, bool confirm)
{
    if (!v)
        return;
    pthread_mutex_lock(&v->mu);
    v->listen_q = q;
    v->listen_confirm = confirm;
    v->listen_serial++;
    drop_results_locked(v);
    v->listening = lang == LANG_EN && v->rec != NULL;
    pthread_cond_broadcast(&v->cv);
    pthread_mutex_unlock(&v->mu);
}

void voice_listen(Voice *v, const Question *q, Lang lang)
{
    listen_for(v, q, lang, false);
}

void voice_listen_confirm(Voice *v, const Question *q, Lang lang)
{
    listen_for(v, q, lang, true);
}

void voice_new_session(Voice *v)
{
    if (!v)
        return;
    pthread_mutex_lock(&v->mu);
    wipe(v->events, sizeof v->events);
    v->ev_head = v->ev_count = 0;
    pthread_mutex_unlock(&v->mu);
    pthread_mutex_lock(&v->decode_mu);
    recog_new_session(v->rec);
    pthread_mutex_unlock(&v->decode_mu);
}

void voice_stop_listening(Voice *v)
{
    if (!v)
        return;
    pthread_mutex_lock(&v->mu);
    v->listening = false;
    v->listen_serial++;
    drop_results_locked(v);
    pthread_cond_broadcast(&v->cv);
    pthread_mutex_unlock(&v->mu);
}

float voice_level(const Voice *v)
{
    return v ? atomic_load(&((Voice *)v)->level_permille) / 1000.0f : 0.0f;
}

void voice_set_volume(Voice *v, int volume)
{
    if (!v)
        return;
    pthread_mutex_lock(&v->mu);
    v->volume = volume < 0 ? 0 : volume > 100 ? 100 : volume;
    pthread_mutex_unlock(&v->mu);
}

bool voice_poll(Voice *v, VoiceEvent *ev)
{
    if (!v)
        return false;
    pthread_mutex_lock(&v->mu);
    bool got = v->ev_count > 0;
    if (got) {
        *ev = v->events[v->ev_head];
        wipe(&v->events[v->ev_head], sizeof v->events[0]); /* what was heard goes */
        v->ev_head = (v->ev_head + 1) % EVENT_QUEUE;
        v->ev_count--;
    }
    pthread_mutex_unlock(&v->mu);
    return got;
}

static bool mem_has(const void *hay, size_t n, const char *needle)
{
    size_t len = strlen(needle);
    const char *h = hay;
    for (size_t i = 0; len && i + len <= n; i++)
        if (memcmp(h + i, needle, len) == 0)
            return true;
    return false;
}

bool voice_holds_text(Voice *v, const char *needle)
{
    pthread_mutex_lock(&v->mu);
    bool found = mem_has(v->events, sizeof v->events, needle) ||
                 (v->speak_text && mem_has(v->speak_text, strlen(v->speak_text), needle)) ||
                 (v->then_text && mem_has(v->then_text, strlen(v->then_text), needle));
    pthread_mutex_unlock(&v->mu);
    return found;
}

int voice_feed_wav(Voice *v, const char *path, PkWhy *why)
{
    if (!v || !path)
        return PK_EINVAL;
    if (!v->rec)
        return PK_ENODEV;
    int16_t *pcm = NULL;
    size_t n = 0;
    int err = wav_read_16k(path, &pcm, &n, why);
    if (err)
        return err;
    pthread_mutex_lock(&v->mu);
    const Question *q = v->listen_q;
    unsigned flags = RECOG_FIND_SPEECH | (v->listen_confirm ? RECOG_CONFIRM : 0);
    pthread_mutex_unlock(&v->mu);
    RecogResult r;
    pthread_mutex_lock(&v->decode_mu);
    err = recog_decode(v->rec, q, pcm, n, flags, &r);
    pthread_mutex_unlock(&v->decode_mu);
    wipe(pcm, n * sizeof *pcm);
    free(pcm);
    if (!err)
        post_result(v, &r);
    wipe(&r, sizeof r);
    return err;
}
