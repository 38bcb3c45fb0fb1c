/* The recognition pipeline shared by the microphone, scripted WAV files and
 * --recognize: voice-activity check, decoding with the question's grammar, rejection
 * and a calibrated confidence, and the answer the content's interpreter reads in it. */
#ifndef PK_RECOG_H
#define PK_RECOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../core/content.h"
#include "../core/interp.h"
#include "asr.h"
#include "settings.h"

typedef struct Recognizer Recognizer;

typedef enum {
    RECOG_HEARD,     /* an answer or a command; text and interp say which */
    RECOG_REJECTED,  /* sound that is not an answer: noise, out-of-grammar speech */
    RECOG_NO_SPEECH, /* nothing but silence */
} RecogOutcome;

/* recog_decode() flags. */
#define RECOG_FIND_SPEECH 1u /* pcm is a file: look for the speech in it first */
#define RECOG_CONFIRM 2u     /* a yes/no confirmation: the tight yes/no grammar */

/* The most confidence an answer gets when the pass without it found nothing to compare
 * (so no margin was measured): below VOICE_CONFIRM_BELOW, it is asked about. */
#define RECOG_UNCHECKED_MAX 49

typedef struct {
    RecogOutcome outcome;
    char text[256];      /* RECOG_HEARD: the words in the content's spelling */
    int confidence;      /* RECOG_HEARD: 1..100 */
    InterpResult interp; /* RECOG_HEARD: what the words mean for the question */
    char runner_up[256]; /* RECOG_HEARD answer: the best other answer ("" none) */
    AsrResult asr;       /* the pass that won (answers or commands) */
    bool gated;          /* rejected by the level gate before any decoding */
    bool command;        /* the words came from the command pass */
    double range_db;     /* loudest 10 ms frame over the quiet floor */
    double llr;          /* (winning pass - phone loop) score per frame */
    double speech_llr;   /* the answer pass's llr per frame of its words */
    double margin;       /* (answers - the other answers and common words, without the
                          * winner) per frame; 99 nothing else; 0 when the llr rejected */
    bool unchecked;      /* the pass without the winner found nothing: the margin was
                          * not measured, and the confidence is kept below confirming */
    double unexplained;  /* share of the loud frames the heard words do not cover */
    double score;        /* speech_llr plus the multi-question bonus: what is thresholded */
    double audio_ms;     /* audio decoded */
    double decode_ms;    /* time spent decoding, every pass (wall clock) */
    double cpu_ms;       /* the same in processor time of the decoding thread */
    int passes;          /* decoder passes run */
} RecogResult;

/* Loads the recogniser with settings s and builds the grammars of every question of c
 * (answers, commands, yes/no) for English. When the model s->hmm cannot be loaded and
 * s->fallback_hmm is set, loads that one (recog_note says so). Returns 0 and a new
 * Recognizer in *out, or PK_ENODEV (model missing), PK_EIO, PK_ENOMEM, or PK_ECONTENT
 * with the question and word in why. */
int recog_open(Recognizer **out, const Content *c, const VoiceSettings *s, PkWhy *why);

/* A line for the journal when loading did not go as set (the fallback model is in use),
 * or NULL. Owned by r. */
const char *recog_note(const Recognizer *r);

/* Frees the recogniser and its grammars. NULL is allowed. */
void recog_close(Recognizer *r);

/* A new patient: forget what was learnt of the last one's voice and room. */
void recog_new_session(Recognizer *r);

/* Decodes one utterance for q (NULL: the screens without a question: commands, yes,
 * no, language names). The answers are decoded first, alone; the commands only when
 * they are rejected. Flags: RECOG_FIND_SPEECH (files), RECOG_CONFIRM. Fills *res;
 * returns 0 or a negative code. Carries the session on (see asr.h). */
int recog_decode(Recognizer *r, const Question *q, const int16_t *pcm, size_t n, unsigned flags,
                 RecogResult *res);

/* The answer id --recognize prints for a heard result: an option id (comma-joined for
 * a multi question), the number on a scale, or the command word. */
void recog_answer_id(const Content *c, const Question *q, const RecogResult *res, char *out,
                     size_t size);

/* One "voice-debug" line with every score of res, for calibration and benchmarks. */
void recog_debug_line(FILE *fp, const char *what, const RecogResult *res);

/* Level gate (exposed for tests): true when pcm[0..n) has the dynamic range of
 * speech: its loudest 10 ms frame at least range_db over the 10th-percentile floor and
 * at least min_frames frames over floor + 12 dB. Stores the range in *range. */
bool recog_gate(const int16_t *pcm, size_t n, double range_db, int min_frames, double *range);

#endif
