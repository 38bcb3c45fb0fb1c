/* The voice facade with the audio devices chosen by the caller: voice_open() uses the
 * SDL2 devices; tests pass WAV-file stand-ins (audio.h) to run the same threads, queue
 * and half-duplex logic without a sound card. */
#ifndef PK_VOICE_BACKEND_H
#define PK_VOICE_BACKEND_H

#include "audio.h"
#include "voice.h"

/* Like voice_open(), with sink and src (either may be NULL: no such device) instead of
 * the SDL2 devices. The voice owns them from here on, also when this fails. */
int voice_open_with(Voice **out, const Content *c, const VoiceOptions *o, AudioSink *sink,
                    AudioSource *src, PkWhy *why);

/* For tests: true when the text needle is still anywhere in the voice's own buffers
 * (the event queue, consumed slots included, and the speech request). */
bool voice_holds_text(Voice *v, const char *needle);

#endif
