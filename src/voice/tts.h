/* Speech synthesis with eSpeak NG in synchronous mode: text in, 16-bit mono PCM out
 * through a callback. eSpeak NG keeps global state, so one thread at a time may use
 * this module (the voice facade gives it a thread of its own). */
#ifndef PK_TTS_H
#define PK_TTS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/lang.h"

/* Receives each block of samples as eSpeak NG produces it; returns 0 to go on, or
 * non-zero to stop the synthesis at once. */
typedef int (*TtsSink)(void *ctx, const int16_t *pcm, size_t n);

/* Starts eSpeak NG. Returns its output sample rate (22050) or PK_ENODEV when eSpeak NG
 * or its data cannot be loaded. Calling it again after success does nothing. */
int tts_init(void);

/* Stops eSpeak NG. Safe to call when tts_init failed or was not called. */
void tts_term(void);

/* Speaks text (UTF-8) in lang (en-us, es-419) at rate_wpm and volume 0..100 into sink.
 * Returns when the text is done or when sink (or *cancel, when not NULL, becoming
 * non-zero) stops it: 0, or PK_ENODEV / PK_EINVAL. */
int tts_speak(const char *text, Lang lang, int rate_wpm, int volume, TtsSink sink, void *ctx,
              atomic_int *cancel);

/* Speaks text into a malloc'd buffer (caller frees) at tts_init()'s sample rate. */
int tts_to_pcm(const char *text, Lang lang, int rate_wpm, int volume, int16_t **pcm, size_t *n);

/* The eSpeak NG voice name for lang: "en-us" or "es-419". */
const char *tts_voice_name(Lang lang);

#endif
