/* WAV reading through SDL2 (SDL_LoadWAV_RW: the RIFF chunks, PCM, float, ADPCM and
 * A/mu-law) and libsamplerate (the rate), and writing. */
#include "wav.h"

#include <SDL.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <samplerate.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/file.h"

#define WAV_MAX_BYTES (64u * 1024u * 1024u) /* refuse anything larger: 30 min of CD audio */
#define WAV_MIN_RATE 4000                   /* sample rates read, in Hz */
#define WAV_MAX_RATE 384000

int wav_resample(const float *in, size_t n, int from, int to, float **out, size_t *nout)
{
    if (from <= 0 || to <= 0 || n > (size_t)LONG_MAX / 8)
        return PK_EINVAL;
    *out = NULL;
    *nout = 0;
    size_t m = (size_t)((double)n * to / from);
    float *dst = malloc((m ? m : 1) * sizeof *dst);
    if (!dst)
        return PK_ENOMEM;
    SRC_DATA d = {.data_in = in,
                  .data_out = dst,
                  .input_frames = (long)n,
                  .output_frames = (long)m,
                  .src_ratio = (double)to / from};
    if (from != to && n && m && src_simple(&d, SRC_SINC_MEDIUM_QUALITY, 1) != 0) {
        free(dst);
        return PK_ENOMEM;
    }
    if (from == to)
        memcpy(dst, in, n * sizeof *dst);
    else
        m = (size_t)d.output_frames_gen;
    *out = dst;
    *nout = m;
    return 0;
}

/* Sample i of channel 0..channels-1 as -1..1, for the formats SDL_LoadWAV_RW hands out
 * (24-bit PCM arrives as 32-bit, ADPCM and A/mu-law as 16-bit). */
static float sample_at(const Uint8 *p, SDL_AudioFormat format)
{
    switch (format) {
    case AUDIO_U8:
        return ((int)p[0] - 128) / 128.0f;
    case AUDIO_S16LSB:
        return (Sint16)SDL_SwapLE16(*(const Uint16 *)(const void *)p) / 32768.0f;
    case AUDIO_S32LSB:
        return (float)((Sint32)SDL_SwapLE32(*(const Uint32 *)(const void *)p) / 2147483648.0);
    default: { /* AUDIO_F32LSB */
        float v = SDL_SwapFloatLE(*(const float *)(const void *)p);
        return v == v && v >= -8.0f && v <= 8.0f ? v : 0.0f; /* NaN and inf: silence */
    }
    }
}

/* Averages the channels of the first WAV_MAX_SECONDS of buf into a malloc'd mono
 * buffer: the cost follows what is kept, not what the header claims. */
static float *mix_down(const Uint8 *buf, Uint32 len, const SDL_AudioSpec *spec, size_t *frames)
{
    size_t bytes = SDL_AUDIO_BITSIZE(spec->format) / 8, block = bytes * spec->channels;
    size_t nf = len / block;
    if (nf > (size_t)spec->freq * WAV_MAX_SECONDS)
        nf = (size_t)spec->freq * WAV_MAX_SECONDS;
    float *mono = malloc((nf ? nf : 1) * sizeof *mono);
    if (!mono)
        return NULL;
    for (size_t i = 0; i < nf; i++) {
        float acc = 0.0f;
        for (unsigned ch = 0; ch < spec->channels; ch++)
            acc += sample_at(buf + i * block + ch * bytes, spec->format);
        mono[i] = acc / (float)spec->channels;
    }
    *frames = nf;
    return mono;
}

static int known_format(SDL_AudioFormat f)
{
    return f == AUDIO_U8 || f == AUDIO_S16LSB || f == AUDIO_S32LSB || f == AUDIO_F32LSB;
}

static uint32_t get_le(const uint8_t *p, int bytes)
{
    uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* The bytes of the data chunk that hold the first WAV_MAX_SECONDS, by the fmt chunk at
 * fmt (n bytes); UINT32_MAX when that cannot be told (SDL then refuses or reads it all).
 * A-law, mu-law and ADPCM decode to two or four times their size, so the cut must come
 * before SDL decodes them. */
static uint32_t data_needed(const uint8_t *fmt, uint32_t n)
{
    if (n < 16)
        return UINT32_MAX;
    uint32_t tag = get_le(fmt, 2), channels = get_le(fmt + 2, 2), rate = get_le(fmt + 4, 4);
    uint32_t align = get_le(fmt + 12, 2);
    if (tag == 0xFFFE && n >= 26) /* extensible: the sub-format GUID starts with the tag */
        tag = get_le(fmt + 24, 2);
    if (!channels || !rate || !align)
        return UINT32_MAX;
    uint64_t frames = (uint64_t)rate * WAV_MAX_SECONDS + 1, per_block = 1;
    if (tag == 2 && align > 7 * channels) /* MS ADPCM: a 7-byte header per channel */
        per_block = (align - 7 * channels) * 2 / channels + 2;
    else if (tag == 0x11 && align > 4 * channels) /* IMA ADPCM: a 4-byte header */
        per_block = (align - 4 * channels) * 2 / channels + 1;
    else if (tag == 2 || tag == 0x11)
        return UINT32_MAX;
    uint64_t bytes = (frames + per_block - 1) / per_block * align;
    return bytes < UINT32_MAX ? (uint32_t)bytes : UINT32_MAX;
}

/* SDL_LoadWAV_RW allocates what a chunk header claims before it reads the chunk: a copy
 * of the image with every chunk length cut to the bytes that follow keeps the cost to
 * the file's size (a streamed WAV leaves the data length open, too), and the data chunk
 * after the fmt chunk is cut to what WAV_MAX_SECONDS take. Like SDL, only the first fmt
 * chunk counts: a later one must not lift the cut. */
static uint8_t *clamp_chunks(const uint8_t *data, size_t size)
{
    uint8_t *copy = malloc(size);
    if (!copy)
        return NULL;
    memcpy(copy, data, size);
    uint32_t needed = UINT32_MAX;
    bool fmt_seen = false;
    for (size_t off = 12; off + 8 <= size;) {
        uint8_t *p = copy + off + 4;
        uint32_t len = get_le(p, 4);
        if (len > size - off - 8)
            len = (uint32_t)(size - off - 8);
        uint32_t keep = len;
        if (!fmt_seen && memcmp(copy + off, "fmt ", 4) == 0) {
            needed = data_needed(p + 4, len);
            fmt_seen = true;
        } else if (memcmp(copy + off, "data", 4) == 0 && len > needed)
            keep = needed;
        for (int i = 0; i < 4; i++)
            p[i] = (uint8_t)(keep >> (8 * i));
        off += 8 + (size_t)len + (len & 1);
    }
    return copy;
}

int wav_parse_16k(const uint8_t *data, size_t size, int16_t **pcm, size_t *n, PkWhy *why)
{
    SDL_AudioSpec spec;
    Uint8 *buf = NULL;
    Uint32 len = 0;
    float *mono = NULL, *res = NULL;
    size_t frames = 0, m = 0;
    int err = PK_EAUDIO;

    *pcm = NULL;
    *n = 0;
    if (size < 12 || memcmp(data, "RIFF", 4) != 0 || memcmp(data + 8, "WAVE", 4) != 0)
        return pk_fail(why, PK_EAUDIO, "not a WAV file");
    if (size > WAV_MAX_BYTES)
        return pk_fail(why, PK_EAUDIO, "WAV file too large");
    uint8_t *image = clamp_chunks(data, size);
    if (!image)
        return pk_fail(why, PK_ENOMEM, "out of memory");
    SDL_RWops *rw = SDL_RWFromConstMem(image, (int)size);
    if (!rw || !SDL_LoadWAV_RW(rw, 1, &spec, &buf, &len)) {
        pk_fail(why, PK_EAUDIO, "not a WAV this reader understands: %s", SDL_GetError());
        goto done;
    }
    /* which one is wrong: "3999 Hz" read as a format, channels or a rate */
    if (!known_format(spec.format)) {
        pk_fail(why, PK_EAUDIO, "unsupported sample format");
        goto done;
    }
    if (spec.channels == 0) {
        pk_fail(why, PK_EAUDIO, "the file has no channels");
        goto done;
    }
    if (spec.freq < WAV_MIN_RATE || spec.freq > WAV_MAX_RATE) {
        pk_fail(why, PK_EAUDIO, "sample rate %d Hz is not supported (%d to %d Hz)", spec.freq,
                WAV_MIN_RATE, WAV_MAX_RATE);
        goto done;
    }
    if (len / ((SDL_AUDIO_BITSIZE(spec.format) / 8) * (Uint32)spec.channels) == 0) {
        /* an empty data chunk, or one shorter than a frame: nothing to hear, said so
           (it gave no answer and no reason) */
        pk_fail(why, PK_EAUDIO, "the file holds no sound (its data is empty)");
        goto done;
    }
    err = PK_ENOMEM;
    if (!(mono = mix_down(buf, len, &spec, &frames)) ||
        wav_resample(mono, frames, spec.freq, WAV_ASR_RATE, &res, &m) != 0 ||
        !(*pcm = malloc((m ? m : 1) * sizeof **pcm))) {
        pk_fail(why, PK_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < m; i++) {
        float v = res[i] * 32768.0f;
        (*pcm)[i] = (int16_t)(v > 32767.0f ? 32767 : v < -32768.0f ? -32768 : lrintf(v));
    }
    *n = m;
    err = 0;
done:
    free(res);
    free(mono);
    free(image);
    SDL_FreeWAV(buf);
    return err;
}

int wav_read_16k(const char *path, int16_t **pcm, size_t *n, PkWhy *why)
{
    /* The core's reader: a regular file only, told apart on the open descriptor (a FIFO
     * is never waited on, even one put in the file's place after a check), with the
     * reason for anything else ("is a named pipe (FIFO), not a file", "file is missing"). */
    char *data = NULL;
    size_t size = 0;
    PkWhy reason = {""};
    *pcm = NULL;
    *n = 0;
    int err = file_read_regular(path, WAV_MAX_BYTES, &data, &size, &reason);
    if (err)
        return pk_fail(why, err == PK_ENOMEM ? PK_ENOMEM : PK_EIO, "%s", reason.text);
    err = wav_parse_16k((const uint8_t *)data, size, pcm, n, why);
    free(data);
    return err;
}

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

int wav_write_fd(int fd, const int16_t *pcm, size_t n, int rate)
{
    uint8_t h[44];
    uint32_t bytes = (uint32_t)(n * 2);
    memcpy(h, "RIFF", 4);
    put32(h + 4, 36 + bytes);
    memcpy(h + 8, "WAVEfmt ", 8);
    put32(h + 16, 16);
    put16(h + 20, 1);
    put16(h + 22, 1);
    put32(h + 24, (uint32_t)rate);
    put32(h + 28, (uint32_t)rate * 2);
    put16(h + 32, 2);
    put16(h + 34, 16);
    memcpy(h + 36, "data", 4);
    put32(h + 40, bytes);

    int own = dup(fd);
    FILE *fp = own < 0 ? NULL : fdopen(own, "wb");
    if (!fp) {
        if (own >= 0)
            close(own);
        return PK_EIO;
    }
    int ok = fwrite(h, 1, sizeof h, fp) == sizeof h;
    for (size_t i = 0; ok && i < n; i++) {
        uint8_t s[2];
        put16(s, (uint16_t)pcm[i]);
        ok = fwrite(s, 1, 2, fp) == 2;
    }
    if (fclose(fp) != 0)
        ok = 0;
    return ok ? 0 : PK_EIO;
}

int wav_write(const char *path, const int16_t *pcm, size_t n, int rate)
{
    /* never through a symlink: the name may be one an operator did not mean to replace */
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return PK_EIO;
    int err = wav_write_fd(fd, pcm, n, rate);
    if (close(fd) != 0 && !err)
        err = PK_EIO;
    return err;
}
