/* The voice settings file, models/voice.conf: "key = value" lines, '#' comments. Every
 * key has a default, so a missing file or key is not an error; an unknown key or a bad
 * value is. Paths are taken relative to the models directory unless absolute. */
#ifndef PK_VOICE_SETTINGS_H
#define PK_VOICE_SETTINGS_H

#include <stddef.h>

#include "../core/error.h"
#include "vad.h"

#define SETTINGS_PATH_MAX 512

typedef struct {
    char hmm[SETTINGS_PATH_MAX];          /* acoustic model directory */
    char dict[SETTINGS_PATH_MAX];         /* main pronunciation dictionary */
    char extra_dict[SETTINGS_PATH_MAX];   /* extra pronunciations, "" for none */
    char competitor[SETTINGS_PATH_MAX];   /* rejection: "" phone loop, or an LM file */
    char fallback_hmm[SETTINGS_PATH_MAX]; /* model used when hmm cannot be loaded, or "" */
    char mdef[SETTINGS_PATH_MAX];         /* model definition when hmm has none, or "" */
    char noisedict[SETTINGS_PATH_MAX];    /* noise dictionary when hmm has none, or "" */
    char garbage[SETTINGS_PATH_MAX];      /* words that are not answers (leave-one-out), or "" */
    double noise_floor_db;                /* decoders hear at least this noise (dBFS); 0 none */
    VadConfig vad;
    int pad_ms;              /* audio kept before and after the speech found */
    int max_utterance_ms;    /* an utterance is cut at this length */
    int no_speech_ms;        /* listening gives up after this long without speech */
    int tail_ms;             /* the microphone stays closed this long after speaking */
    int min_speech_ms;       /* shorter words than this are taken for noise */
    double reject_llr;       /* at or below: rejected */
    double sure_llr;         /* at or above: confidence 100 */
    double max_unexplained;  /* above this share of loud frames outside words: rejected */
    int max_clipped;         /* above this many samples per 1000 at full scale: rejected */
    double multi_llr_bonus;  /* added to llr on multi-answer questions */
    double min_margin;       /* leave-one-out margin below which an answer is rejected */
    double sure_margin;      /* at or above: confidence 100 */
    double yesno_reject_llr; /* the same three for yes/no questions */
    double yesno_min_margin;
    double yesno_sure_margin;
    double confirm_reject_llr; /* the same three for the confirm screen */
    double confirm_min_margin;
    double confirm_sure_margin;
    double command_reject_llr;       /* commands at or below this llr are rejected */
    int command_max_ms;              /* commands: utterances at most this long */
    double gate_range_db;            /* level gate: loudest frame over the floor, at least */
    int gate_frames;                 /* level gate: frames 12 dB over the floor, at least */
    char fillers[SETTINGS_PATH_MAX]; /* lexicon fillers allowed in grammars; "*": all */
    int rate_wpm;                    /* speaking rate */
    int volume;                      /* 0..100 */
} VoiceSettings;

/* Fills s with the defaults, then reads models_dir/voice.conf if it exists. Returns 0,
 * or PK_EINVAL with "voice.conf:LINE: reason" in why (which may be NULL). */
int voice_settings_load(const char *models_dir, VoiceSettings *s, PkWhy *why);

/* Maps a score difference per frame to a confidence 0..100 (0: reject). */
int voice_settings_confidence(const VoiceSettings *s, double llr);

#endif
