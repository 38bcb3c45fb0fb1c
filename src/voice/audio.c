/* SDL2 playback and capture devices, and WAV-file stand-ins for tests. */
#include "audio.h"

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/wipe.h"
#include "voice_backend.h"
#include "wav.h"

typedef struct {
    AudioSink base;
    SDL_AudioDeviceID dev;
    int rate;
} SdlSink;

typedef struct {
    AudioSource base;
    SDL_AudioDeviceID dev;
} SdlSource;

typedef struct {
    AudioSink base;
    char *path;
    int rate;
    int16_t *pcm;
    size_t n, cap;
} WavSink;

typedef struct {
    AudioSource base;
    int16_t *pcm;
    size_t n, pos;
    bool on;
} WavSource;

static int sdl_audio_up(void)
{
    return SDL_InitSubSystem(SDL_INIT_AUDIO) == 0 ? 0 : PK_ENODEV;
}

static int sdl_sink_write(AudioSink *s, const int16_t *pcm, size_t n)
{
    SdlSink *k = (SdlSink *)s;
    if (SDL_GetAudioDeviceStatus(k->dev) == SDL_AUDIO_STOPPED)
        return PK_EDEVICE;
    return SDL_QueueAudio(k->dev, pcm, (Uint32)(n * sizeof *pcm)) == 0 ? 0 : PK_EDEVICE;
}

static void sdl_sink_clear(AudioSink *s)
{
    SDL_ClearQueuedAudio(((SdlSink *)s)->dev);
}

static unsigned sdl_sink_pending_ms(AudioSink *s)
{
    SdlSink *k = (SdlSink *)s;
    Uint32 bytes = SDL_GetQueuedAudioSize(k->dev);
    return (unsigned)((unsigned long long)bytes / 2 * 1000 / (unsigned)k->rate);
}

static bool sdl_sink_alive(AudioSink *s)
{
    return SDL_GetAudioDeviceStatus(((SdlSink *)s)->dev) != SDL_AUDIO_STOPPED;
}

/* Opens an SDL mono 16-bit device for playback or capture; 0 when there is none. The
 * audio subsystem is held for as long as the device stays open. */
static SDL_AudioDeviceID open_device(int capture, int rate, int samples)
{
    if (sdl_audio_up() != 0)
        return 0;
    SDL_AudioSpec want = {0}, have;
    want.freq = rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = (Uint16)samples;
    SDL_AudioDeviceID dev = SDL_OpenAudioDevice(NULL, capture, &want, &have, 0);
    if (dev == 0)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return dev;
}

static void close_device(SDL_AudioDeviceID dev)
{
    SDL_CloseAudioDevice(dev);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

static void sdl_sink_close(AudioSink *s)
{
    SdlSink *k = (SdlSink *)s;
    close_device(k->dev);
    free(k);
}

int audio_sdl_sink_open(AudioSink **out, int rate)
{
    *out = NULL;
    SDL_AudioDeviceID dev = open_device(0, rate, 1024);
    if (dev == 0)
        return PK_ENODEV;
    SdlSink *k = calloc(1, sizeof *k);
    if (!k) {
        close_device(dev);
        return PK_ENOMEM;
    }
    k->dev = dev;
    k->rate = rate;
    k->base = (AudioSink){sdl_sink_write, sdl_sink_clear, sdl_sink_pending_ms, sdl_sink_alive,
                          sdl_sink_close};
    SDL_PauseAudioDevice(k->dev, 0);
    *out = &k->base;
    return 0;
}

static void sdl_source_run(AudioSource *s, bool on)
{
    SdlSource *k = (SdlSource *)s;
    SDL_PauseAudioDevice(k->dev, on ? 0 : 1);
    if (!on)
        SDL_ClearQueuedAudio(k->dev);
}

static size_t sdl_source_read(AudioSource *s, int16_t *buf, size_t max)
{
    SdlSource *k = (SdlSource *)s;
    return SDL_DequeueAudio(k->dev, buf, (Uint32)(max * sizeof *buf)) / sizeof *buf;
}

static bool sdl_source_alive(AudioSource *s)
{
    return SDL_GetAudioDeviceStatus(((SdlSource *)s)->dev) != SDL_AUDIO_STOPPED;
}

static void sdl_source_close(AudioSource *s)
{
    SdlSource *k = (SdlSource *)s;
    close_device(k->dev);
    free(k);
}

int audio_sdl_source_open(AudioSource **out)
{
    *out = NULL;
    SDL_AudioDeviceID dev = open_device(1, WAV_ASR_RATE, 512);
    if (dev == 0)
        return PK_ENODEV;
    SdlSource *k = calloc(1, sizeof *k);
    if (!k) {
        close_device(dev);
        return PK_ENOMEM;
    }
    k->dev = dev;
    k->base = (AudioSource){sdl_source_run, sdl_source_read, sdl_source_alive, sdl_source_close};
    *out = &k->base;
    return 0;
}

static int wav_sink_write(AudioSink *s, const int16_t *pcm, size_t n)
{
    WavSink *k = (WavSink *)s;
    if (k->n + n > k->cap) {
        size_t cap = k->cap ? k->cap * 2 : 65536;
        while (cap < k->n + n)
            cap *= 2;
        int16_t *p = wipe_realloc(k->pcm, k->cap * sizeof *p, cap * sizeof *p);
        if (!p)
            return PK_ENOMEM;
        k->pcm = p;
        k->cap = cap;
    }
    memcpy(k->pcm + k->n, pcm, n * sizeof *pcm);
    k->n += n;
    return 0;
}

static void wav_sink_clear(AudioSink *s)
{
    (void)s;
}
static unsigned wav_sink_pending_ms(AudioSink *s)
{
    (void)s;
    return 0;
}
static bool wav_sink_alive(AudioSink *s)
{
    (void)s;
    return true;
}

static void wav_sink_close(AudioSink *s)
{
    WavSink *k = (WavSink *)s;
    wav_write(k->path, k->pcm, k->n, k->rate);
    free(k->pcm);
    free(k->path);
    free(k);
}

int audio_wav_sink_open(AudioSink **out, const char *path, int rate)
{
    WavSink *k = calloc(1, sizeof *k);
    *out = NULL;
    if (!k || !(k->path = malloc(strlen(path) + 1))) {
        free(k);
        return PK_ENOMEM;
    }
    strcpy(k->path, path);
    k->rate = rate;
    k->base = (AudioSink){wav_sink_write, wav_sink_clear, wav_sink_pending_ms, wav_sink_alive,
                          wav_sink_close};
    *out = &k->base;
    return 0;
}

static void wav_source_run(AudioSource *s, bool on)
{
    ((WavSource *)s)->on = on;
}

static size_t wav_source_read(AudioSource *s, int16_t *buf, size_t max)
{
    WavSource *k = (WavSource *)s;
    if (!k->on)
        return 0;
    size_t take = k->pos < k->n ? k->n - k->pos : 0;
    if (take > max)
        take = max;
    memcpy(buf, k->pcm + k->pos, take * sizeof *buf);
    memset(buf + take, 0, (max - take) * sizeof *buf); /* then silence */
    k->pos += take;
    return max;
}

static bool wav_source_alive(AudioSource *s)
{
    (void)s;
    return true;
}

static void wav_source_close(AudioSource *s)
{
    WavSource *k = (WavSource *)s;
    free(k->pcm);
    free(k);
}

int audio_wav_source_open(AudioSource **out, const char *path)
{
    WavSource *k = calloc(1, sizeof *k);
    *out = NULL;
    if (!k)
        return PK_ENOMEM;
    int err = wav_read_16k(path, &k->pcm, &k->n, NULL);
    if (err) {
        free(k);
        return err;
    }
    k->base = (AudioSource){wav_source_run, wav_source_read, wav_source_alive, wav_source_close};
    *out = &k->base;
    return 0;
}
