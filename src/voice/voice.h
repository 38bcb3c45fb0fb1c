/* Speech for the kiosk: speaking (eSpeak NG on a thread of its own, PCM into an SDL2
 * playback device) and listening (PocketSphinx with one JSGF grammar per question,
 * 16 kHz mono capture through SDL2, half duplex). The UI never waits on it: it calls
 * these from its event loop and drains voice_poll() once per loop.
 *
 * Missing devices are not errors: voice_open() still succeeds and voice_status() says
 * what is available, so the kiosk carries on by touch. */
#ifndef PK_VOICE_H
#define PK_VOICE_H

#include <stdbool.h>
#include <stdio.h>

#include "../core/content.h"
#include "../core/error.h"

#define VOICE_DEFAULT_RATE_WPM 140 /* speaking rate, words per minute */
#define VOICE_DEFAULT_VOLUME 80    /* speaking volume, 0..100 */
#define VOICE_CONFIRM_BELOW 50     /* an answer heard with less confidence is asked about */

typedef struct Voice Voice;

typedef struct {
    const char *models_dir; /* the project's models/ (extra pronunciations, settings) */
    bool speak;             /* false with --no-voice */
    bool listen;            /* false with --no-listen */
    int rate_wpm;           /* speaking rate; 0: voice.conf's (VOICE_DEFAULT_RATE_WPM) */
    int volume;             /* 1..100; 0: voice.conf's (VOICE_DEFAULT_VOLUME) */
} VoiceOptions;

typedef struct {
    bool can_speak;  /* a speaker and eSpeak NG are working */
    bool can_listen; /* a microphone and the recogniser are working */
} VoiceStatus;

typedef enum {
    VOICE_EV_NONE = 0,
    VOICE_EV_HEARD,       /* text/confidence: an in-grammar phrase was recognised */
    VOICE_EV_REJECTED,    /* speech or noise was heard but rejected */
    VOICE_EV_NO_SPEECH,   /* listening timed out with no speech */
    VOICE_EV_SPEECH_DONE, /* the last voice_speak() finished (or was stopped) */
    VOICE_EV_STATUS,      /* a device appeared or went away: read voice_status() */
} VoiceEventKind;

typedef struct {
    VoiceEventKind kind;
    char text[256];      /* VOICE_EV_HEARD: the words heard, lower case */
    int confidence;      /* VOICE_EV_HEARD: 0..100 */
    char runner_up[256]; /* VOICE_EV_HEARD answer: the best other answer, or "" */
} VoiceEvent;

/* Starts eSpeak NG and the recogniser and opens the audio devices that exist, building
 * one grammar per question of c (which must outlive the voice). Returns 0 and a new
 * Voice in *out, or a negative PK_E* code with the reason in why (PK_EINVAL: voice.conf
 * is invalid; PK_ECONTENT: a phrase has a word with no pronunciation, named in why). */
int voice_open(Voice **out, const Content *c, const VoiceOptions *o, PkWhy *why);

/* A line for the journal when voice started otherwise than set (the fallback speech
 * model, or not listening and why), or NULL. Owned by v. */
const char *voice_note(const Voice *v);

/* Stops speech and listening, closes devices, frees everything. NULL is allowed. */
void voice_close(Voice *v);

VoiceStatus voice_status(const Voice *v);

/* Speaks text in lang, interrupting anything being spoken. Returns at once. */
void voice_speak(Voice *v, const char *text, Lang lang);

/* The same, then speaks then (NULL or "" for nothing) in then_lang, unless stopped or
 * replaced first: the screens shown in both languages are spoken in both. */
void voice_speak_then(Voice *v, const char *text, Lang lang, const char *then, Lang then_lang);

/* Stops speech at once (a touch, a key). */
void voice_stop(Voice *v);

bool voice_speaking(const Voice *v);

/* Listens for an answer to q (NULL: global commands and yes/no only) once speech has
 * finished plus a short tail; English only (Spanish sessions are touch + speech out).
 * Results of the listening before that voice_poll() has not given out yet are dropped:
 * they were meant for the screen before. */
void voice_listen(Voice *v, const Question *q, Lang lang);

/* Listens for a yes or a no that confirms an answer to q (the confirm screen), with
 * the tight yes/no grammar. */
void voice_listen_confirm(Voice *v, const Question *q, Lang lang);

/* A new patient: drops queued events (wiped) and what the recogniser learnt of the
 * last patient's voice and room. Call at every session start and end. */
void voice_new_session(Voice *v);

/* Stops listening; results not given out yet are dropped, as by voice_listen(). */
void voice_stop_listening(Voice *v);

/* The live input level, 0..1, while listening; 0 otherwise. */
float voice_level(const Voice *v);

/* Speaking volume 0..100 (staff menu); reset by the kiosk after each session. */
void voice_set_volume(Voice *v, int volume);

/* Takes the next event, if any: returns true and fills *ev, else false; the queue's
 * copy is wiped. Never blocks. The caller wipes *ev when done with it. */
bool voice_poll(Voice *v, VoiceEvent *ev);

/* Decodes a WAV file (any rate or channel count) as if it had been heard by the
 * microphone for the question being listened to (scripted tests: "audio FILE"). The
 * result arrives through voice_poll(). Returns 0 or a negative PK_E* code, with the
 * reason the file was not read in why (may be NULL): "is a named pipe (FIFO), not a
 * file". */
int voice_feed_wav(Voice *v, const char *path, PkWhy *why);

/* ---- Offline: --say and --recognize (no Voice, no threads) ----------------------------- */

/* Speaks text in lang with the rate and volume of models_dir/voice.conf as a WAV into
 * the open file out_fd (which stays open), or through the default speaker when out_fd
 * is negative (returning once played).
 * Returns 0, or PK_EINVAL (voice.conf is invalid, text over 4000 characters) or another negative
 * PK_E* code (no eSpeak NG, no speaker, out cannot be written) with the reason in why. eSpeak NG is
 * started and stopped inside: one call per process. */
int voice_say(const char *models_dir, const char *text, Lang lang, int out_fd, PkWhy *why);

/* The recogniser alone, for recognising files. */
typedef struct VoiceRecognizer VoiceRecognizer;

typedef struct {
    char answer[512]; /* the answer id (option ids comma-joined, scale number, command
                         word, yes/no), or "-" when nothing was recognised */
    int confidence;   /* 0..100; 0 unless recognised */
} VoiceAnswer;

/* Loads models_dir/voice.conf and the recogniser with one grammar per question of c
 * (which must outlive it). Returns 0 and a new recogniser in *out, or PK_EINVAL
 * (voice.conf), PK_ECONTENT (a word without a pronunciation) or another negative PK_E*
 * code, with the reason in why. */
int voice_recognizer_open(VoiceRecognizer **out, const Content *c, const char *models_dir,
                          PkWhy *why);

/* Frees it. NULL is allowed. */
void voice_recognizer_close(VoiceRecognizer *r);

/* A new speaker: forgets what was learnt of the last one's voice and room. */
void voice_recognizer_new_session(VoiceRecognizer *r);

/* Reads the WAV file at path (any rate or channel count) and recognises the speech in
 * it as an answer to q. Fills *ans and returns 0, or returns a negative PK_E* code with
 * the reason in why ("cannot open the file", "not a WAV file"). When debug is not NULL,
 * writes one line of decoder scores to it (calibration). The audio is wiped. */
int voice_recognize_file(VoiceRecognizer *r, const Question *q, const char *path, VoiceAnswer *ans,
                         FILE *debug, PkWhy *why);

#endif
