/* Voice-activity detection on 16 kHz mono PCM in 10 ms frames: the energy of each frame
 * against a noise floor that follows the room. Speech starts after a few loud frames
 * and ends after a stretch of quiet ones (the end of speech the kiosk waits for). */
#ifndef PK_VAD_H
#define PK_VAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VAD_FRAME 160 /* samples per frame: 10 ms at 16 kHz */

typedef struct {
    float start_db;       /* a frame this far above the noise floor is loud */
    float end_db;         /* frames below floor + end_db count as quiet */
    float min_db;         /* never loud below this level (dB full scale) */
    int start_frames;     /* loud frames in a row that start speech */
    int end_frames;       /* quiet frames in a row that end it */
    int calibrate_frames; /* frames at the start used only to learn the floor */
} VadConfig;

typedef enum { VAD_NONE = 0, VAD_START, VAD_END } VadEvent;

typedef struct {
    VadConfig cfg;
    float floor_db;
    float level_db; /* the last frame's level */
    int frames, loud_run, quiet_run;
    int in_speech;
} Vad;

/* The defaults (see models/voice.conf for the values the kiosk uses). */
VadConfig vad_defaults(void);

/* Starts v afresh with cfg: no speech, the noise floor at -70 dB. */
void vad_init(Vad *v, const VadConfig *cfg);

/* Feeds one frame of VAD_FRAME samples. VAD_START comes start_frames after the first loud
 * frame, VAD_END end_frames after the last loud one. */
VadEvent vad_push(Vad *v, const int16_t *frame);

/* The last frame's level for a meter, 0 (silence) .. 1 (full scale). */
float vad_meter(const Vad *v);

/* Finds the first stretch of speech in pcm[0..n): stores its start and end sample
 * (start_frames and end_frames included, widened by pad samples on both sides, cut to
 * max samples long) and returns 1, or returns 0 when there is no speech, or VAD_TOO_LONG
 * when the speech was still going on at max samples (its start and a cut end stored: an
 * answer longer than that is not understood, never taken from its first part). */
#define VAD_TOO_LONG 2
int vad_find(const VadConfig *cfg, const int16_t *pcm, size_t n, size_t pad, size_t max,
             size_t *start, size_t *end);

/* One utterance captured from a live stream, a chunk of at most VAD_CAPTURE_CHUNK
 * samples at a time: before speech only the last keep samples are held (the pre-roll),
 * then the speech up to max samples. */
#define VAD_CAPTURE_CHUNK 1600 /* samples: 100 ms */
typedef struct {
    int16_t *utt; /* utt[0..used): the pre-roll before speech, then speech */
    size_t used, keep, max, cap;
    int16_t chunk[VAD_CAPTURE_CHUNK + VAD_FRAME]; /* read, not yet a whole frame */
    size_t have;                                  /* samples in chunk */
    bool in_speech;
    bool too_long; /* complete because max samples were reached while still in speech */
    Vad vad;
} VadCapture;

/* Starts c with cfg, a pre-roll of pad samples and utterances of at most max samples.
 * Returns 0, or PK_ENOMEM. */
int vad_capture_init(VadCapture *c, const VadConfig *cfg, size_t pad, size_t max);

/* Where the next chunk (at most VAD_CAPTURE_CHUNK samples) is read into. */
int16_t *vad_capture_space(VadCapture *c);

/* Takes the got samples read into vad_capture_space(); true when the utterance is
 * complete (speech ended, or max samples reached: then c->too_long):
 * c->utt[0..c->used) holds it. */
bool vad_capture_push(VadCapture *c, size_t got);

/* Wipes (it held the patient's voice) and frees c's buffers. */
void vad_capture_free(VadCapture *c);

#endif
