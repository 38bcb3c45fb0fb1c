/* Speech recognition with PocketSphinx (Debian's 5prealpha API): 16 kHz mono int16 PCM
 * of one utterance in, the best phrase of a named JSGF grammar out, with the scores the
 * rejection needs. Every utterance is decoded twice: with the grammar, and with a free
 * phone loop that can match any sound; the acoustic score difference per frame
 * (llr) is near zero when the grammar explains the audio and far below zero for noise
 * and out-of-grammar speech. Not thread-safe: one thread at a time per Asr. */
#ifndef PK_ASR_H
#define PK_ASR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Asr Asr;

typedef struct {
    const char *hmm;        /* acoustic model directory */
    const char *dict;       /* pronunciation dictionary */
    const char *extra_dict; /* more pronunciations in the same format, or NULL */
    const char *competitor; /* what the grammar competes with: NULL or "" a free phone
                             * loop, a phone LM (*phone*.lm.bin) or a word n-gram LM */
} AsrConfig;

#define ASR_MAX_FRAMES 1024 /* frames of one utterance the word map covers: 10.24 s */

typedef struct {
    char text[256];       /* the words heard, lower case, fillers removed; "" for none */
    int frames;           /* frames decoded (100 per second) */
    int speech_frames;    /* frames inside words (not silence or noise) */
    double llr;           /* (grammar - phone loop) acoustic score per frame, decoder units */
    double grammar_score; /* grammar path acoustic score per frame (<= 0) */
    double phone_score;   /* phone-loop acoustic score per frame (<= 0) */
    unsigned char in_word[ASR_MAX_FRAMES]; /* 1 for frames inside a word of text */
} AsrResult;

/* Loads the acoustic model and dictionaries. Returns 0 and a new Asr in *out, or
 * PK_ENODEV (model missing or unreadable) / PK_EIO (extra dictionary unreadable). */
int asr_new(Asr **out, const AsrConfig *cfg);

/* Frees the decoder. NULL is allowed. */
void asr_free(Asr *a);

/* True when word (lower case) has a pronunciation. */
bool asr_knows_word(Asr *a, const char *word);

/* Adds (or replaces) the JSGF grammar named name. Returns 0, or PK_EINVAL when the
 * grammar does not parse or names a word without a pronunciation. */
int asr_add_grammar(Asr *a, const char *name, const char *jsgf);

/* Decodes n samples with the grammar name and fills *r. Returns 0, PK_ENOENT for an
 * unknown grammar or PK_EAUDIO when the decoder fails. */
int asr_decode(Asr *a, const char *name, const int16_t *pcm, size_t n, AsrResult *r);

#endif
