/* Speech recognition with PocketSphinx (Debian's 5prealpha API): 16 kHz mono int16 PCM
 * of one utterance in, the best phrase of a named JSGF grammar out, with its acoustic
 * score. The recogniser (recog.c) runs several passes over one utterance (the answers,
 * a free phone loop, the answers without the winner, the commands) and compares their
 * scores.
 *
 * Sessions: the cepstral mean (the microphone's and the room's colour) is carried from
 * one utterance of a patient to the next, and put back to the model's -cmninit by
 * asr_session_reset() when a new patient starts. Every pass over one utterance starts
 * from the same mean; asr_commit() adopts what the first pass of the utterance learnt.
 * This needs a model whose feat.params says "-cmn live" (models/en-us-adapt); with
 * Debian's model (-cmn batch) each utterance is normalised on its own.
 * Not thread-safe: one thread at a time per Asr. */
#ifndef PK_ASR_H
#define PK_ASR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/error.h"

typedef struct Asr Asr;

typedef struct {
    const char *hmm;        /* acoustic model directory */
    const char *dict;       /* pronunciation dictionary */
    const char *extra_dict; /* more pronunciations in the same format, or NULL */
    const char *competitor; /* what the grammar competes with: NULL or "" a free phone
                             * loop, a phone LM (*phone*.lm.bin) or a word n-gram LM */
    const char *mdef;       /* model definition when hmm has none, or NULL */
    const char *noisedict;  /* noise dictionary when hmm has none, or NULL */
    unsigned load_limit_ms; /* how long the model may take to load before it counts as
                             * hung (0: ASR_LOAD_LIMIT_MS) */
} AsrConfig;

/* A model loads in about 30 ms from a disk, a few seconds from a slow card: one that
 * takes longer (a disk that hangs, a file PocketSphinx loops on) is not used. */
#define ASR_LOAD_LIMIT_MS 20000

/* Frames of one utterance the word map and the level checks cover: 32 s, the longest
 * utterance voice.conf allows (max_utterance_ms 30000 and pad_ms 2000); at 10.24 s a
 * word after that was past the speech gate's reach, and speech the decoder filed under
 * silence there was never counted against its answer. */
#define ASR_MAX_FRAMES 3200
#define ASR_PHONE_SEARCH "_phone_loop"

typedef struct {
    char text[256];    /* the words heard, lower case, fillers removed; "" for none */
    int frames;        /* frames decoded (100 per second) */
    int speech_frames; /* frames inside words (not silence or noise) */
    double score;      /* acoustic score per frame of the best path (<= 0) */
    unsigned char in_word[ASR_MAX_FRAMES]; /* 1 for frames inside a word of text */
} AsrResult;

/* Loads the acoustic model and dictionaries. Returns 0 and a new Asr in *out, or
 * PK_ENODEV (model missing or unreadable, asr_model_problem says why when it can) /
 * PK_EIO (extra dictionary unreadable). */
int asr_new(Asr **out, const AsrConfig *cfg);

/* asr_new, with the reason in why (may be NULL): for PK_EIO the extra dictionary cannot
 * be read, or a line of it has no phones or a phone the model does not have ("X:4:
 * \"kiosk\" has a phone the speech model does not have"); for PK_ENODEV what
 * asr_model_problem found, when it found something. */
int asr_open(Asr **out, const AsrConfig *cfg, PkWhy *why);

/* What is wrong with the model definition cfg names (cfg->mdef, or the hmm's own mdef),
 * or with its dictionary, noise dictionary or competitor (missing, not a file, or not
 * readable), or with the model folder (missing, or holding a pipe, a device or a socket,
 * or a folder or an unreadable file where a model file goes), as a short reason ("mdef /x
 * is missing", "dict /x cannot be read (permission denied)", "hmm file /m/means is a
 * directory, not a file"), or NULL when none is found.
 * PocketSphinx ends the whole process, printing nothing, on a missing, empty or foreign
 * mdef, and crashes or ends it on a cut or damaged model file: the acoustic model is
 * loaded once in a child process first (about 30 ms), and asr_new refuses a model that
 * ended the child ("/hmm (mdef /hmm/mdef) has a file cut short or damaged: PocketSphinx
 * crashes on it"). */
const char *asr_model_problem(const AsrConfig *cfg, char *buf, size_t size);

/* What is wrong with the extra dictionary at path, as a short reason ("X:7: line is
 * longer than 511 characters", "X: file is missing"), or NULL: why asr_new returned
 * PK_EIO. */
const char *asr_extra_dict_problem(const char *path, char *buf, size_t size);

/* Frees the decoder. NULL is allowed. */
void asr_free(Asr *a);

/* True when word (lower case) has a pronunciation. */
bool asr_knows_word(Asr *a, const char *word);

/* True when the model normalises across a session (-cmn live). */
bool asr_session_cmn(const Asr *a);

/* A new session: the cepstral mean goes back to the model's -cmninit, and every search
 * that decoded since the last reset forgets its last hypothesis (the patient's words). */
void asr_session_reset(Asr *a);

/* True when a grammar (or search) called name exists. */
bool asr_has_search(Asr *a, const char *name);

/* Adds (or replaces) the JSGF grammar named name. Returns 0, or PK_EINVAL when the
 * grammar does not parse or names a word without a pronunciation. */
int asr_add_grammar(Asr *a, const char *name, const char *jsgf);

/* Decodes n samples with the search name (a grammar, or ASR_PHONE_SEARCH) starting
 * from the session's cepstral mean, and fills *r (r->text stays "" for the phone loop).
 * Returns 0, PK_ENOENT for an unknown search or PK_EAUDIO when the decoder fails. */
int asr_decode(Asr *a, const char *name, const int16_t *pcm, size_t n, AsrResult *r);

/* Adopts the cepstral mean learnt by the first asr_decode() since the last commit. */
void asr_commit(Asr *a);

#endif
