/* Audio devices behind two small interfaces, so that the voice facade runs the same
 * with SDL2 devices and with files (tests): a sink that plays 16-bit mono PCM and a
 * source that captures 16 kHz 16-bit mono PCM. All functions of one object may be
 * called from any one thread at a time; write/clear/pending_ms of a sink may be
 * called from two threads (SDL's queue is locked). */
#ifndef PK_AUDIO_H
#define PK_AUDIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct AudioSink AudioSink;
typedef struct AudioSource AudioSource;

struct AudioSink {
    /* Queues n samples for playing. Returns 0 or PK_EDEVICE when the device is gone. */
    int (*write)(AudioSink *s, const int16_t *pcm, size_t n);
    /* Drops everything queued (speech stopped). */
    void (*clear)(AudioSink *s);
    /* Milliseconds of audio still queued. */
    unsigned (*pending_ms)(AudioSink *s);
    /* False once the device has gone away (unplugged). */
    bool (*alive)(AudioSink *s);
    /* Closes the device and frees the sink. */
    void (*close)(AudioSink *s);
};

struct AudioSource {
    /* Starts (true) or stops (false) capturing; stopping drops what was captured. */
    void (*run)(AudioSource *s, bool on);
    /* Takes up to max captured samples into buf; returns how many (0: none yet). */
    size_t (*read)(AudioSource *s, int16_t *buf, size_t max);
    /* False once the device has gone away, or a file source is used up. */
    bool (*alive)(AudioSource *s);
    void (*close)(AudioSource *s);
};

/* Opens the default SDL2 playback device for mono 16-bit PCM at rate Hz (SDL converts
 * to what the device wants). Initialises SDL's audio subsystem as needed. Returns 0
 * and the sink in *out, or PK_ENODEV when there is no playback device. */
int audio_sdl_sink_open(AudioSink **out, int rate);

/* Opens the default SDL2 capture device at 16 kHz mono 16-bit, stopped. Returns 0 and
 * the source in *out, or PK_ENODEV when there is no microphone. */
int audio_sdl_source_open(AudioSource **out);

/* A sink that collects everything played and writes it to path as a WAV on close
 * (tests: "WAV out"). Returns 0 or PK_ENOMEM. */
int audio_wav_sink_open(AudioSink **out, const char *path, int rate);

/* A source that plays the 16 kHz samples of a WAV file, then silence, as if captured by
 * a microphone (tests: "WAV in"). Returns 0, or the wav_read_16k() error. */
int audio_wav_source_open(AudioSource **out, const char *path);

#endif
