/* WAV reading (any common PCM/float layout, resampled to 16 kHz mono) and writing. */
#include "wav.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/error.h"

#define WAV_MAX_BYTES (64u * 1024u * 1024u) /* refuse anything larger: 30 min of CD audio */
#define PK_PI 3.14159265358979323846
#define SINC_ZEROS 16  /* zero crossings of the kernel on each side */
#define SINC_STEPS 256 /* kernel table entries per input sample */

typedef struct {
    unsigned format; /* 1 PCM, 3 float */
    unsigned channels;
    unsigned rate;
    unsigned bits;
    unsigned block;
} WavFormat;

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static int parse_fmt(const uint8_t *p, uint32_t len, WavFormat *f, const char **why)
{
    if (len < 16) {
        *why = "fmt chunk too short";
        return PK_EAUDIO;
    }
    f->format = le16(p);
    f->channels = le16(p + 2);
    f->rate = le32(p + 4);
    f->block = le16(p + 12);
    f->bits = le16(p + 14);
    if (f->format == 0xFFFE && len >= 26)
        f->format = le16(p + 24); /* WAVE_FORMAT_EXTENSIBLE: the sub-format's tag */
    if (f->format != 1 && f->format != 3) {
        *why = "compressed WAV (only PCM and float are read)";
        return PK_EAUDIO;
    }
    if (f->channels == 0 || f->channels > 32 || f->rate < 4000 || f->rate > 384000) {
        *why = "unsupported channel count or sample rate";
        return PK_EAUDIO;
    }
    if (f->format == 1 && f->bits != 8 && f->bits != 16 && f->bits != 24 && f->bits != 32) {
        *why = "unsupported PCM sample size";
        return PK_EAUDIO;
    }
    if (f->format == 3 && f->bits != 32 && f->bits != 64) {
        *why = "unsupported float sample size";
        return PK_EAUDIO;
    }
    if (f->block < f->channels * (f->bits / 8))
        f->block = f->channels * (f->bits / 8);
    return 0;
}

static float sample_at(const uint8_t *p, const WavFormat *f)
{
    if (f->format == 3) {
        if (f->bits == 32) {
            float v;
            memcpy(&v, p, sizeof v);
            return isfinite(v) ? v : 0.0f;
        }
        double d;
        memcpy(&d, p, sizeof d);
        return isfinite(d) ? (float)d : 0.0f;
    }
    switch (f->bits) {
    case 8:
        return ((int)p[0] - 128) / 128.0f;
    case 16:
        return (int16_t)le16(p) / 32768.0f;
    case 24: {
        int32_t v = (int32_t)(le32((const uint8_t[]){0, p[0], p[1], p[2]}));
        return (float)(v / 2147483648.0);
    }
    default:
        return (float)((int32_t)le32(p) / 2147483648.0);
    }
}

/* The kernel value at distance x input samples, from the table (linear interpolation). */
static float kernel_at(const float *table, size_t ntable, double x)
{
    double pos = fabs(x) * SINC_STEPS;
    size_t i = (size_t)pos;
    if (i + 1 >= ntable)
        return 0.0f;
    double frac = pos - (double)i;
    return (float)(table[i] * (1.0 - frac) + table[i + 1] * frac);
}

int wav_resample(const float *in, size_t n, int from, int to, float **out, size_t *nout)
{
    if (from <= 0 || to <= 0)
        return PK_EINVAL;
    *out = NULL;
    *nout = 0;
    size_t m = (size_t)((double)n * to / from);
    float *dst = malloc((m ? m : 1) * sizeof *dst);
    if (!dst)
        return PK_ENOMEM;
    if (from == to) {
        memcpy(dst, in, n * sizeof *dst);
        *out = dst;
        *nout = n;
        return 0;
    }
    /* Cut-off as a fraction of the input Nyquist frequency. */
    double fc = (to < from ? (double)to / from : 1.0) * 0.94;
    double half = SINC_ZEROS / fc; /* half-width in input samples */
    size_t ntable = (size_t)(half * SINC_STEPS) + 2;
    float *table = malloc(ntable * sizeof *table);
    if (!table) {
        free(dst);
        return PK_ENOMEM;
    }
    for (size_t i = 0; i < ntable; i++) {
        double x = (double)i / SINC_STEPS;
        double u = fc * x;
        double sinc = u == 0.0 ? 1.0 : sin(PK_PI * u) / (PK_PI * u);
        double w =
            x >= half ? 0.0 : 0.42 + 0.5 * cos(PK_PI * x / half) + 0.08 * cos(2 * PK_PI * x / half);
        table[i] = (float)(fc * sinc * w);
    }
    double step = (double)from / to;
    for (size_t j = 0; j < m; j++) {
        double t = j * step;
        long lo = (long)ceil(t - half), hi = (long)floor(t + half);
        if (lo < 0)
            lo = 0;
        if (hi >= (long)n)
            hi = (long)n - 1;
        double acc = 0.0;
        for (long k = lo; k <= hi; k++)
            acc += in[k] * kernel_at(table, ntable, t - (double)k);
        dst[j] = (float)acc;
    }
    free(table);
    *out = dst;
    *nout = m;
    return 0;
}

static int parse(const uint8_t *data, size_t size, int16_t **pcm, size_t *n, const char **why)
{
    const char *reason = NULL;
    int err = PK_EAUDIO;
    float *mono = NULL, *res = NULL;
    WavFormat f = {0};
    const uint8_t *body = NULL;
    size_t body_len = 0;

    *pcm = NULL;
    *n = 0;
    if (size < 12 || memcmp(data, "RIFF", 4) != 0 || memcmp(data + 8, "WAVE", 4) != 0) {
        reason = "not a WAV file";
        goto fail;
    }
    for (size_t off = 12; off + 8 <= size;) {
        uint32_t len = le32(data + off + 4);
        const uint8_t *chunk = data + off + 8;
        size_t avail = size - off - 8;
        if (memcmp(data + off, "fmt ", 4) == 0) {
            err = parse_fmt(chunk, len <= avail ? len : (uint32_t)avail, &f, &reason);
            if (err)
                goto fail;
        } else if (memcmp(data + off, "data", 4) == 0) {
            body = chunk;
            body_len = len <= avail ? len : avail; /* streamed WAVs leave the size open */
            break;
        }
        if (len > avail)
            break;
        off += 8 + (size_t)len + (len & 1);
    }
    err = PK_EAUDIO;
    if (!f.rate) {
        reason = "WAV file without a format chunk";
        goto fail;
    }
    if (!body) {
        reason = "WAV file without audio data";
        goto fail;
    }
    /* The cost must follow what is kept, not what the header claims: only the first
     * WAV_MAX_SECONDS are decoded (a long file at a low rate would otherwise take
     * gigabytes and a minute to resample). */
    size_t frames = body_len / f.block;
    if (frames > (size_t)f.rate * WAV_MAX_SECONDS)
        frames = (size_t)f.rate * WAV_MAX_SECONDS;
    mono = malloc((frames ? frames : 1) * sizeof *mono);
    if (!mono) {
        err = PK_ENOMEM;
        reason = "out of memory";
        goto fail;
    }
    for (size_t i = 0; i < frames; i++) {
        const uint8_t *fr = body + i * f.block;
        float acc = 0.0f;
        for (unsigned ch = 0; ch < f.channels; ch++)
            acc += sample_at(fr + ch * (f.bits / 8), &f);
        mono[i] = acc / (float)f.channels;
    }
    size_t m = 0;
    err = wav_resample(mono, frames, (int)f.rate, WAV_ASR_RATE, &res, &m);
    if (err) {
        reason = "out of memory";
        goto fail;
    }
    *pcm = malloc((m ? m : 1) * sizeof **pcm);
    if (!*pcm) {
        err = PK_ENOMEM;
        reason = "out of memory";
        goto fail;
    }
    for (size_t i = 0; i < m; i++) {
        float v = res[i] * 32768.0f;
        (*pcm)[i] = (int16_t)(v > 32767.0f ? 32767 : v < -32768.0f ? -32768 : lrintf(v));
    }
    *n = m;
    err = 0;
fail:
    free(res);
    free(mono);
    if (why)
        *why = reason;
    return err;
}

int wav_read_16k(const char *path, int16_t **pcm, size_t *n, PkWhy *why)
{
    int err = PK_EIO;
    uint8_t *data = NULL;
    const char *reason = "cannot open the file";
    FILE *fp = NULL;
    struct stat st;

    *pcm = NULL;
    *n = 0;
    /* Before opening: opening a FIFO would wait for a writer. */
    if (stat(path, &st) != 0)
        goto done;
    if (!S_ISREG(st.st_mode)) {
        reason = S_ISDIR(st.st_mode) ? "is a directory, not a WAV file"
                                     : "not a regular file (a pipe or a device)";
        goto done;
    }
    fp = fopen(path, "rb");
    if (!fp)
        goto done;
    if (fseek(fp, 0, SEEK_END) != 0)
        goto done;
    long size = ftell(fp);
    if (size < 0 || fseek(fp, 0, SEEK_SET) != 0) {
        reason = "cannot read the file";
        goto done;
    }
    if ((unsigned long)size > WAV_MAX_BYTES) {
        err = PK_EAUDIO;
        reason = "WAV file too large";
        goto done;
    }
    data = malloc(size ? (size_t)size : 1);
    if (!data) {
        err = PK_ENOMEM;
        reason = "out of memory";
        goto done;
    }
    if (fread(data, 1, (size_t)size, fp) != (size_t)size) {
        reason = "cannot read the file";
        goto done;
    }
    err = parse(data, (size_t)size, pcm, n, &reason);
done:
    free(data);
    if (fp)
        fclose(fp);
    return err ? pk_fail(why, err, "%s", reason) : 0;
}

int wav_parse_16k(const uint8_t *data, size_t size, int16_t **pcm, size_t *n, PkWhy *why)
{
    const char *reason = NULL;
    int err = parse(data, size, pcm, n, &reason);
    return err ? pk_fail(why, err, "%s", reason ? reason : pk_strerror(err)) : 0;
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

int wav_write(const char *path, const int16_t *pcm, size_t n, int rate)
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

    FILE *fp = fopen(path, "wb");
    if (!fp)
        return PK_EIO;
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
