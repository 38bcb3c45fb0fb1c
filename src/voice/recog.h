/* The recognition pipeline shared by the microphone, scripted WAV files and
 * --recognize: voice-activity check, decoding with the question's grammar, rejection
 * and a calibrated confidence, and the answer the content's interpreter reads in it. */
#ifndef PK_RECOG_H
#define PK_RECOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

typedef struct {
    RecogOutcome outcome;
    char text[256];      /* RECOG_HEARD: the words in the content's spelling */
    int confidence;      /* RECOG_HEARD: 1..100 */
    InterpResult interp; /* RECOG_HEARD: what the words mean for the question */
    AsrResult asr;       /* the decoder's view, for calibration and benchmarks */
    double unexplained;  /* share of the loud frames the heard words do not cover */
    double score;        /* asr.llr plus the multi-question bonus: what is thresholded */
    double decode_ms;    /* time spent decoding */
} RecogResult;

/* Loads the recogniser with settings s and builds one grammar per question of c (plus
 * the global one) for English. Returns 0 and a new Recognizer in *out, or PK_ENODEV
 * (model missing), PK_EIO, PK_ENOMEM, or PK_ECONTENT with the question and word in why. */
int recog_open(Recognizer **out, const Content *c, const VoiceSettings *s, char *why,
               size_t whysize);

/* Frees the recogniser and its grammars. NULL is allowed. */
void recog_close(Recognizer *r);

/* Decodes one utterance for q (NULL: commands and yes/no). With find_speech, the
 * voice-activity detector first looks for the speech in pcm (files); without, pcm is
 * already one utterance (the microphone). Fills *res; returns 0 or a negative code. */
int recog_decode(Recognizer *r, const Question *q, const int16_t *pcm, size_t n, bool find_speech,
                 RecogResult *res);

/* The answer id --recognize prints for a heard result: an option id (comma-joined for
 * a multi question), the number on a scale, or the command word. */
void recog_answer_id(const Content *c, const Question *q, const RecogResult *res, char *out,
                     size_t size);

#endif
