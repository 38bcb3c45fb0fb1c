/* The voice module's signal side without a sound card: WAV reading in every layout,
 * the resampler, voice-activity detection and the settings file. */
#include <SDL.h>
#include <check.h>

#include "check_run.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/error.h"
#include "voice/asr.h"
#include "voice/audio.h"
#include "voice/grammar.h"
#include "voice/recog.h"
#include "voice/settings.h"
#include "voice/vad.h"
#include "voice/voice_backend.h"
#include "voice/wav.h"

#include "voice_test.h"

/* ---- WAV images built in memory ------------------------------------------------------ */

typedef struct {
    uint8_t *data;
    size_t n, cap;
} Bytes;

static void put(Bytes *b, const void *p, size_t n)
{
    if (b->n + n > b->cap) {
        b->cap = (b->n + n) * 2;
        b->data = realloc(b->data, b->cap);
        ck_assert_ptr_nonnull(b->data);
    }
    memcpy(b->data + b->n, p, n);
    b->n += n;
}

static void put_le(Bytes *b, uint32_t v, int bytes)
{
    uint8_t x[4];
    for (int i = 0; i < bytes; i++)
        x[i] = (uint8_t)(v >> (8 * i));
    put(b, x, (size_t)bytes);
}

/* A WAV of seconds of a sine at freq Hz, amplitude amp, in the given layout. */
static Bytes make_wav(int format, int bits, int rate, int channels, double freq, double amp,
                      double seconds, int extensible)
{
    Bytes b = {0};
    size_t frames = (size_t)(rate * seconds);
    size_t data = frames * (size_t)channels * (size_t)(bits / 8);
    put(&b, "RIFF", 4);
    put_le(&b, (uint32_t)(4 + 8 + (extensible ? 40 : 16) + 8 + data), 4);
    put(&b, "WAVEfmt ", 8);
    put_le(&b, extensible ? 40 : 16, 4);
    put_le(&b, extensible ? 0xFFFE : (uint32_t)format, 2);
    put_le(&b, (uint32_t)channels, 2);
    put_le(&b, (uint32_t)rate, 4);
    put_le(&b, (uint32_t)(rate * channels * bits / 8), 4);
    put_le(&b, (uint32_t)(channels * bits / 8), 2);
    put_le(&b, (uint32_t)bits, 2);
    if (extensible) {
        put_le(&b, 22, 2);
        put_le(&b, (uint32_t)bits, 2);
        put_le(&b, 0, 4);
        put_le(&b, (uint32_t)format, 2); /* the sub-format GUID starts with the tag */
        put(&b, "\x00\x00\x00\x00\x10\x00\x80\x00\x00\xAA\x00\x38\x9B\x71", 14);
    }
    put(&b, "LIST", 4); /* a chunk the reader must step over */
    put_le(&b, 4, 4);
    put(&b, "INFO", 4);
    put(&b, "data", 4);
    put_le(&b, (uint32_t)data, 4);
    for (size_t i = 0; i < frames; i++) {
        double v = amp * sin(2 * PI * freq * (double)i / rate);
        for (int ch = 0; ch < channels; ch++) {
            if (format == 3) {
                float f = (float)v;
                put(&b, &f, 4);
            } else if (bits == 8) {
                put_le(&b, (uint32_t)(int)lrint(128 + v * 127), 1);
            } else {
                long long s = llrint(v * ((1LL << (bits - 1)) - 1));
                put_le(&b, (uint32_t)s, bits / 8);
            }
        }
    }
    return b;
}

static double rms(const int16_t *p, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (double)p[i] * p[i];
    return n ? sqrt(s / n) / 32768.0 : 0;
}

static int zero_crossings(const int16_t *p, size_t n)
{
    int z = 0;
    for (size_t i = 1; i < n; i++)
        z += (p[i - 1] < 0) != (p[i] < 0);
    return z;
}

/* ---- WAV and resampling ------------------------------------------------------------- */

static const struct {
    int format, bits, rate, channels, extensible;
} layouts[] = {
    {1, 16, 16000, 1, 0}, {1, 8, 8000, 1, 0},   {1, 16, 22050, 1, 0}, {1, 24, 44100, 2, 0},
    {1, 32, 48000, 2, 0}, {3, 32, 48000, 2, 0}, {1, 16, 11025, 2, 1}, {3, 32, 96000, 1, 1},
};

START_TEST(t_wav_layouts)
{
    Bytes b = make_wav(layouts[_i].format, layouts[_i].bits, layouts[_i].rate, layouts[_i].channels,
                       440.0, 0.5, 1.0, layouts[_i].extensible);
    int16_t *pcm = NULL;
    size_t n = 0;
    PkWhy why = {""};
    ck_assert_int_eq(wav_parse_16k(b.data, b.n, &pcm, &n, &why), 0);
    ck_assert_int_le(labs((long)n - 16000), 2);
    ck_assert_int_le(abs(zero_crossings(pcm, n) - 880), 6); /* still 440 Hz */
    ck_assert_double_eq_tol(rms(pcm + 800, n - 1600), 0.5 / sqrt(2.0), 0.02);
    free(pcm);
    free(b.data);
}
END_TEST

START_TEST(t_wav_roundtrip)
{
    int16_t in[1000];
    for (int i = 0; i < 1000; i++)
        in[i] = (int16_t)(i * 37 - 18000);
    const char *path = tmp_path("roundtrip.wav");
    ck_assert_int_eq(wav_write(path, in, 1000, 16000), 0);
    int16_t *out = NULL;
    size_t n = 0;
    ck_assert_int_eq(wav_read_16k(path, &out, &n, NULL), 0);
    ck_assert_uint_eq(n, 1000);
    ck_assert_int_eq(memcmp(in, out, sizeof in), 0);
    free(out);
    remove(path);
}
END_TEST

START_TEST(t_wav_bad_input)
{
    static const struct {
        const char *bytes;
        size_t n;
        int err;
    } rows[] = {
        {"", 0, PK_EAUDIO},
        {"hello, this is not a wav file at all", 36, PK_EAUDIO},
        {"RIFF\x04\x00\x00\x00WAVE", 12, PK_EAUDIO}, /* no fmt */
        {"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x02\x00\x01\x00\x40\x1f\x00\x00"
         "\x80\x3e\x00\x00\x02\x00\x10\x00",
         36, PK_EAUDIO}, /* ADPCM */
        {"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00"
         "\x80\x3e\x00\x00\x02\x00\x10\x00",
         36, PK_EAUDIO}, /* no data */
        {"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x00\x00\x40\x1f\x00\x00"
         "\x80\x3e\x00\x00\x02\x00\x10\x00"
         "data\x00\x00\x00\x00",
         44, PK_EAUDIO}, /* 0 ch */
        {"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00"
         "\x80\x3e\x00\x00\x02\x00\x10\x00"
         "data\xff\xff\xff\xff\x01\x02",
         46, 0}, /* open size */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int16_t *pcm = NULL;
        size_t n = 0;
        PkWhy why = {""};
        int err = wav_parse_16k((const uint8_t *)rows[i].bytes, rows[i].n, &pcm, &n, &why);
        ck_assert_msg(err == rows[i].err, "row %zu: %d", i, err);
        if (err)
            ck_assert_str_ne(why.text, "");
        free(pcm);
    }
    /* the reason names what is wrong: "3999 Hz" read "unsupported sample format, channel
     * count or sample rate" (seventh audit, #13) */
    Bytes low = make_wav(1, 16, 3999, 1, 440.0, 0.5, 0.1, 0);
    int16_t *pcm = NULL;
    size_t n = 0;
    PkWhy why = {""};
    ck_assert_int_eq(wav_parse_16k(low.data, low.n, &pcm, &n, &why), PK_EAUDIO);
    ck_assert_str_eq(why.text, "sample rate 3999 Hz is not supported (4000 to 384000 Hz)");
    free(low.data);
    ck_assert_int_eq(wav_read_16k("/nonexistent/x.wav", &pcm, &n, &why), PK_EIO);
    ck_assert_ptr_null(pcm);
    ck_assert_str_ne(why.text, "");
}
END_TEST

START_TEST(t_wav_not_a_file)
{
    /* A directory, a FIFO, a device or a socket given as a WAV: the reason names it, at
     * once, never a wait for a writer that does not come (they once all read "not a
     * regular file (a pipe or a device)"). */
    const char *fifo = tmp_path("fifo.wav");
    char fifo_path[512], sock_path[512];
    snprintf(fifo_path, sizeof fifo_path, "%s", fifo);
    snprintf(sock_path, sizeof sock_path, "%s", tmp_path("sock.wav"));
    remove(fifo_path);
    remove(sock_path);
    ck_assert_int_eq(mkfifo(fifo_path, 0600), 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    ck_assert_uint_lt(strlen(sock_path), sizeof sa.sun_path);
    memcpy(sa.sun_path, sock_path, strlen(sock_path) + 1); /* fits: checked above */
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(bind(fd, (const struct sockaddr *)&sa, sizeof sa), 0);
    close(fd);
    const struct {
        const char *path, *why;
    } rows[] = {{TEST_TMP_DIR, "is a directory, not a file"},
                {fifo_path, "is a named pipe (FIFO), not a file"},
                {"/dev/zero", "is a device, not a file"},
                {sock_path, "is a socket, not a file"},
                {TEST_TMP_DIR "/no-such.wav", "file is missing"}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int16_t *pcm = NULL;
        size_t n = 0;
        PkWhy why = {""};
        ck_assert_int_eq(wav_read_16k(rows[i].path, &pcm, &n, &why), PK_EIO);
        ck_assert_str_eq(why.text, rows[i].why);
        ck_assert_ptr_null(pcm);
    }
    remove(fifo_path);
    remove(sock_path);
}
END_TEST

START_TEST(t_wav_cost_bounded)
{
    /* 40 MB of 4 kHz 8-bit audio (almost three hours): only the first WAV_MAX_SECONDS
     * are decoded, so it takes well under a second and a few megabytes (a few seconds
     * in a sanitizer build on a loaded machine), not the best part of an hour and
     * gigabytes. */
    size_t bytes = 40u * 1024u * 1024u;
    Bytes b = make_wav(1, 8, 4000, 1, 440.0, 0.5, 1.0, 0);
    size_t hdr = b.n - 4000; /* the header and chunks before the samples */
    uint8_t *big = malloc(hdr + bytes);
    ck_assert_ptr_nonnull(big);
    memcpy(big, b.data, hdr);
    memset(big + hdr, 128, bytes);
    for (int i = 0; i < 4; i++)
        big[hdr - 4 + (size_t)i] = (uint8_t)(bytes >> (8 * i)); /* the data chunk's size */
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int16_t *pcm = NULL;
    size_t n = 0;
    ck_assert_int_eq(wav_parse_16k(big, hdr + bytes, &pcm, &n, NULL), 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    ck_assert_uint_le(n, (size_t)WAV_MAX_SECONDS * WAV_ASR_RATE);
    ck_assert_uint_ge(n, (size_t)(WAV_MAX_SECONDS - 1) * WAV_ASR_RATE);
    ck_assert_msg(s < 30.0, "took %.1f s", s);
    free(pcm);
    free(big);
    free(b.data);
}
END_TEST

/* The largest block SDL asked for while the counting functions are in. */
static size_t sdl_largest;

static void *count_malloc(size_t n)
{
    sdl_largest = n > sdl_largest ? n : sdl_largest;
    return malloc(n);
}

static void *count_calloc(size_t m, size_t n)
{
    sdl_largest = m * n > sdl_largest ? m * n : sdl_largest;
    return calloc(m, n);
}

static void *count_realloc(void *p, size_t n)
{
    sdl_largest = n > sdl_largest ? n : sdl_largest;
    return realloc(p, n);
}

/* 16 MB of IMA ADPCM and of mu-law at 8 kHz (hours): SDL decodes them to four and two
 * times their size, so the data chunk is cut to WAV_MAX_SECONDS before SDL sees it; it
 * once decoded the whole file (a 65 MB ADPCM file took 510 MB; third audit, #13). SDL
 * reads the first fmt chunk and passes over any other: a second one, claiming a rate
 * that no cut can follow, once left the data whole (a 60 MB ADPCM file took 490 MB). */
static const struct {
    int tag, bits, align, per_block; /* per_block: the fmt extension's samples per block */
    int second_fmt;                  /* a PCM fmt chunk of rate 0xFFFFFFFF after the first */
} squeezed[] = {{0x11, 4, 256, 505, 0}, {7, 8, 1, 0, 0}, {0x11, 4, 256, 505, 1}, {7, 8, 1, 0, 1}};

START_TEST(t_wav_decoded_cost_bounded)
{
    size_t bytes = 16u * 1024u * 1024u;
    Bytes b = {0};
    put(&b, "RIFF", 4);
    put_le(&b, (uint32_t)(4 + 8 + 20 + (squeezed[_i].second_fmt ? 24 : 0) + 8 + bytes), 4);
    put(&b, "WAVEfmt ", 8);
    put_le(&b, 20, 4);
    put_le(&b, (uint32_t)squeezed[_i].tag, 2);
    put_le(&b, 1, 2);
    put_le(&b, 8000, 4);
    put_le(&b, 8000u * 256u / 505u, 4);
    put_le(&b, (uint32_t)squeezed[_i].align, 2);
    put_le(&b, (uint32_t)squeezed[_i].bits, 2);
    put_le(&b, 2, 2);
    put_le(&b, (uint32_t)squeezed[_i].per_block, 2);
    if (squeezed[_i].second_fmt) {
        put(&b, "fmt ", 4);
        put_le(&b, 16, 4);
        put_le(&b, 1, 2);
        put_le(&b, 1, 2);
        put_le(&b, 0xFFFFFFFFu, 4);
        put_le(&b, 0xFFFFFFFFu, 4);
        put_le(&b, 0xFFFF, 2);
        put_le(&b, 16, 2);
    }
    put(&b, "data", 4);
    put_le(&b, (uint32_t)bytes, 4);
    size_t hdr = b.n;
    uint8_t *big = malloc(hdr + bytes);
    ck_assert_ptr_nonnull(big);
    memcpy(big, b.data, hdr);
    for (size_t i = 0; i < bytes; i++) /* ADPCM: each block a zero header, then steps */
        big[hdr + i] = squeezed[_i].align > 1 && i % 256 < 4 ? 0 : (uint8_t)(0x17 + i % 5);
    SDL_malloc_func m0;
    SDL_calloc_func c0;
    SDL_realloc_func r0;
    SDL_free_func f0;
    SDL_GetMemoryFunctions(&m0, &c0, &r0, &f0);
    sdl_largest = 0;
    ck_assert_int_eq(SDL_SetMemoryFunctions(count_malloc, count_calloc, count_realloc, free), 0);
    int16_t *pcm = NULL;
    size_t n = 0;
    PkWhy why = {""};
    int rc = wav_parse_16k(big, hdr + bytes, &pcm, &n, &why);
    SDL_SetMemoryFunctions(m0, c0, r0, f0);
    ck_assert_msg(rc == 0, "%s", why.text);
    ck_assert_uint_le(n, (size_t)WAV_MAX_SECONDS * WAV_ASR_RATE);
    ck_assert_uint_ge(n, (size_t)(WAV_MAX_SECONDS - 1) * WAV_ASR_RATE);
    /* 30 s at 8 kHz are 480 KB of 16-bit samples */
    ck_assert_msg(sdl_largest < 2u * 1024u * 1024u, "SDL took a block of %zu bytes", sdl_largest);
    free(pcm);
    free(big);
    free(b.data);
}
END_TEST

START_TEST(t_gate)
{
    /* The level gate: steady hum and hiss have no dynamic range; a tone burst in quiet
     * (the shape of a word) has. */
    static const struct {
        double burst_amp, bed_amp, hum_hz;
        bool pass;
    } rows[] = {
        {0.3, 0.001, 0, true},  /* a word-like burst over a quiet room */
        {0.0, 0.2, 100, false}, /* mains hum with harmonics */
        {0.0, 0.1, 0, false},   /* hiss */
        {0.0, 0.0, 0, false},   /* digital silence */
    };
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        size_t n = 16000;
        int16_t *pcm = calloc(n, sizeof *pcm);
        unsigned seed = 1;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            double noise = ((double)(seed >> 16 & 0x7fff) / 16384.0 - 1.0) * rows[r].bed_amp;
            double x =
                rows[r].hum_hz > 0
                    ? rows[r].bed_amp * (sin(2 * PI * rows[r].hum_hz * i / 16000.0) +
                                         0.5 * sin(2 * PI * 3 * rows[r].hum_hz * i / 16000.0))
                    : noise;
            if (i > 6000 && i < 10000)
                x += rows[r].burst_amp * sin(2 * PI * 300 * i / 16000.0);
            pcm[i] = (int16_t)(x * 32767);
        }
        double range = 0;
        ck_assert_msg(recog_gate(pcm, n, 15.0, 5, &range) == rows[r].pass, "row %zu: range %.1f", r,
                      range);
        free(pcm);
    }
    /* eighth audit (#13): the gate looked at the first 10.24 s only, and an utterance may
     * be 30 s and its padding (max_utterance_ms up to 30000, pad_ms up to 2000): a word
     * after 10.24 s of quiet was gated as hum */
    static const double word_at_s[] = {11.0, 25.0, 31.0};
    for (size_t r = 0; r < sizeof word_at_s / sizeof word_at_s[0]; r++) {
        size_t n = (size_t)((word_at_s[r] + 0.5) * 16000), from = (size_t)(word_at_s[r] * 16000);
        int16_t *pcm = calloc(n, sizeof *pcm);
        unsigned seed = 1;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            double x = ((double)(seed >> 16 & 0x7fff) / 16384.0 - 1.0) * 0.001;
            if (i > from && i < from + 4000)
                x += 0.3 * sin(2 * PI * 300 * i / 16000.0);
            pcm[i] = (int16_t)(x * 32767);
        }
        double range = 0;
        ck_assert_msg(recog_gate(pcm, n, 15.0, 5, &range), "word at %.1f s: range %.1f",
                      word_at_s[r], range);
        free(pcm);
    }
}
END_TEST

START_TEST(t_resample_stopband)
{
    /* 1 kHz passes from 48 kHz to 16 kHz; 9 and 12 kHz (above the new Nyquist) do not
     * fold back into the band. */
    static const struct {
        double freq, gain_min, gain_max;
    } rows[] = {{1000, 0.97, 1.03}, {6500, 0.90, 1.05}, {9000, 0.0, 0.01}, {12000, 0.0, 0.01}};
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        size_t n = 48000;
        float *in = malloc(n * sizeof *in), *out = NULL;
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            in[i] = (float)(0.5 * sin(2 * PI * rows[r].freq * (double)i / 48000));
        ck_assert_int_eq(wav_resample(in, n, 48000, 16000, &out, &m), 0);
        ck_assert_uint_eq(m, 16000);
        double s = 0;
        for (size_t i = 1000; i < m - 1000; i++)
            s += (double)out[i] * out[i];
        double gain = sqrt(s / (double)(m - 2000)) / (0.5 / sqrt(2.0));
        ck_assert_msg(gain >= rows[r].gain_min && gain <= rows[r].gain_max, "%g Hz: gain %g",
                      rows[r].freq, gain);
        free(in);
        free(out);
    }
}
END_TEST

/* ---- voice-activity detection --------------------------------------------------------- */

/* quiet noise with a 440 Hz tone from t0 to t1 seconds (t1 <= t0: none). */
static int16_t *tone_in_noise(double seconds, double t0, double t1, size_t *n)
{
    *n = (size_t)(seconds * 16000);
    int16_t *p = malloc(*n * sizeof *p);
    unsigned seed = 7;
    for (size_t i = 0; i < *n; i++) {
        seed = seed * 1103515245u + 12345u;
        double t = (double)i / 16000, v = ((int)(seed >> 16 & 0x3f) - 32);
        if (t >= t0 && t < t1)
            v += 8000 * sin(2 * PI * 440 * t);
        p[i] = (int16_t)v;
    }
    return p;
}

START_TEST(t_vad_find)
{
    VadConfig cfg = vad_defaults();
    static const struct {
        double len, t0, t1;
        int found;
        double start_min, start_max, end_min, end_max;
    } rows[] = {
        {3.0, 0, 0, 0, 0, 0, 0, 0},              /* quiet only */
        {3.0, 1.0, 1.5, 1, 0.65, 1.0, 2.0, 2.5}, /* a word in the middle */
        {1.0, 0.0, 0.5, 1, 0.0, 0.01, 0.9, 1.0}, /* speech from the first sample */
        /* longer than 6 s: too long (once decoded from its first 6 s) */
        {9.0, 1.0, 8.5, VAD_TOO_LONG, 0.65, 1.0, 6.65, 7.05},
        {9.0, 1.0, 5.5, 1, 0.65, 1.0, 6.2, 6.6}, /* 4.5 s of speech ends inside it */
    };
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        size_t n, start = 0, end = 0;
        int16_t *p = tone_in_noise(rows[r].len, rows[r].t0, rows[r].t1, &n);
        int found = vad_find(&cfg, p, n, 4800, 96000, &start, &end);
        ck_assert_msg(found == rows[r].found, "row %zu: found %d", r, found);
        if (found) {
            double s = start / 16000.0, e = end / 16000.0;
            ck_assert_msg(s >= rows[r].start_min && s <= rows[r].start_max, "row %zu start %g", r,
                          s);
            ck_assert_msg(e >= rows[r].end_min && e <= rows[r].end_max, "row %zu end %g", r, e);
        }
        free(p);
    }
}
END_TEST

/* The live capture: speech still going on at max samples is marked too long (it was
 * decoded from its first 6 s, and read as the first answers of a longer list). */
START_TEST(t_vad_capture_too_long)
{
    VadConfig cfg = vad_defaults();
    static const struct {
        double len, t0, t1;
        bool too_long;
    } rows[] = {{9.0, 1.0, 8.5, true}, {9.0, 1.0, 2.5, false}};
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        size_t n;
        int16_t *p = tone_in_noise(rows[r].len, rows[r].t0, rows[r].t1, &n);
        VadCapture c;
        ck_assert_int_eq(vad_capture_init(&c, &cfg, 4800, 96000), 0);
        bool done = false;
        for (size_t off = 0; off < n && !done; off += VAD_CAPTURE_CHUNK) {
            size_t got = n - off < VAD_CAPTURE_CHUNK ? n - off : VAD_CAPTURE_CHUNK;
            memcpy(vad_capture_space(&c), p + off, got * sizeof *p);
            done = vad_capture_push(&c, got);
        }
        ck_assert_msg(done, "row %zu: not complete", r);
        ck_assert_msg(c.too_long == rows[r].too_long, "row %zu: too_long %d", r, c.too_long);
        vad_capture_free(&c);
        free(p);
    }
}
END_TEST

/* ---- settings ------------------------------------------------------------------------- */

static const char *write_conf(const char *dir, const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/voice.conf", dir);
    FILE *fp = fopen(path, "w");
    fputs(text, fp);
    fclose(fp);
    return dir;
}

START_TEST(t_settings)
{
    char dir[256];
    snprintf(dir, sizeof dir, "%s/voice-test-%ld", "/tmp", (long)getpid());
    mkdir(dir, 0700);
    VoiceSettings s;
    PkWhy why = {""};
    ck_assert_int_eq(voice_settings_load(NULL, &s, &why), 0);
    ck_assert_int_eq(s.rate_wpm, 140);
    ck_assert_int_eq(s.max_utterance_ms, 6000);
    write_conf(dir, "# comment\nreject_llr = -7.5\nvad_end_frames=40 # trailing\n"
                    "extra_dict = extra.dict\n\n");
    ck_assert_int_eq(voice_settings_load(dir, &s, &why), 0);
    ck_assert_double_eq_tol(s.reject_llr, -7.5, 1e-9);
    ck_assert_int_eq(s.vad.end_frames, 40);
    ck_assert_ptr_nonnull(strstr(s.extra_dict, "/extra.dict"));
    write_conf(dir, "rate_wpm = 150\nloudness = 3\n");
    ck_assert_int_eq(voice_settings_load(dir, &s, &why), PK_EINVAL);
    ck_assert_str_eq(why.text, "voice.conf:2: unknown setting 'loudness'");
    write_conf(dir, "rate_wpm = fast\n");
    ck_assert_int_eq(voice_settings_load(dir, &s, &why), PK_EINVAL);
    ck_assert_str_eq(why.text,
                     "voice.conf:1: bad value for rate_wpm (a whole number from 80 to 450)");
    write_conf(dir, "volume = 100\nrate_wpm = 80\n");
    ck_assert_int_eq(voice_settings_load(dir, &s, &why), 0);
    ck_assert_int_eq(s.volume, 100);
    ck_assert_int_eq(s.rate_wpm, 80);
    /* third audit (#13): a NaN threshold let every word through (5 of 10 words that are
     * no answer were taken on a red-flag question), and a device or a pipe as a file
     * made the start wait for ever */
    const char *refused[][2] = {
        {"yesno_reject_llr = nan\n",
         "voice.conf:1: bad value for yesno_reject_llr (a number, like -6.5)"},
        {"vad_start_db = inf\n", "voice.conf:1: bad value for vad_start_db (a number, like -6.5)"},
        {"min_margin = -1e999\n", "voice.conf:1: bad value for min_margin (a number, like -6.5)"},
        {"dict = /dev/zero\n", "voice.conf:1: dict must be a file, not a device or a pipe"},
        /* fourth audit (#13): a negative duration wrapped to a huge size (-1 for
         * max_utterance_ms: the live capture wrote past its buffer), and a float setting
         * out of a float's range turned into inf (the voice never heard speech) */
        {"max_utterance_ms = -1\n",
         "voice.conf:1: bad value for max_utterance_ms (a whole number from 1000 to 30000)"},
        {"pad_ms = -300\n", "voice.conf:1: bad value for pad_ms (a whole number from 0 to 2000)"},
        {"vad_start_db = 1e300\n",
         "voice.conf:1: bad value for vad_start_db (a number, like -6.5)"},
        {"vad_min_db = -1e39\n", "voice.conf:1: bad value for vad_min_db (a number, like -6.5)"},
        /* fifth audit (#13): the speaking rate and volume past eSpeak NG's range were
         * clamped silently (volume = 150 spoke at 100, rate_wpm = 1000 at 450) */
        {"volume = 101\n", "voice.conf:1: bad value for volume (a whole number from 0 to 100)"},
        {"rate_wpm = 451\n",
         "voice.conf:1: bad value for rate_wpm (a whole number from 80 to 450)"},
        {"rate_wpm = 79\n", "voice.conf:1: bad value for rate_wpm (a whole number from 80 to 450)"},
        /* a setting's name is shown in the message: terminal codes in it are refused */
        {"\x1b[2J\x1b[1;1Hok = 1\n", "voice.conf:1: a setting's name holds a control character"},
        /* seventh audit (#13): a duration of 0 left the voice deaf (max_utterance_ms = 0:
         * every utterance was past it), and "bad value" did not say what fits */
        {"max_utterance_ms = 0\n",
         "voice.conf:1: bad value for max_utterance_ms (a whole number from 1000 to 30000)"},
        {"vad_end_frames = 0\n",
         "voice.conf:1: bad value for vad_end_frames (a whole number from 1 to 1000)"},
        {"no_speech_ms = 0\n",
         "voice.conf:1: bad value for no_speech_ms (a whole number from 100 to 600000)"},
        {"gate_frames = x\n",
         "voice.conf:1: bad value for gate_frames (a whole number from 0 to 100000)"},
        /* and a file where a folder belongs (hmm) was passed over for the fallback */
        {"hmm = /dev/null\n", "voice.conf:1: hmm must be a folder, not a device or a pipe"},
        /* an old Mac file (CR line ends) is one line: its first value was "bad" */
        {"pad_ms = 300\rtail_ms = 300\r",
         "voice.conf:1: line holds a carriage return (lines must end with a line feed)"},
        /* seventh audit (#13): C1 controls (CSI written as UTF-8, or a raw 0x9B byte, CSI
         * to an 8-bit terminal) reached the terminal in the reason */
        {"\xc2\x9b"
         "2J = 1\n",
         "voice.conf:1: unknown setting '?2J'"},
        {"x\x9b"
         "2J = 1\n",
         "voice.conf:1: unknown setting 'x?2J'"},
        {"ma\xc3\xb1"
         "ana = 1\n",
         "voice.conf:1: unknown setting 'ma\xc3\xb1"
         "ana'"},
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        write_conf(dir, refused[i][0]);
        ck_assert_int_eq(voice_settings_load(dir, &s, &why), PK_EINVAL);
        ck_assert_str_eq(why.text, refused[i][1]);
    }
    char path[600];
    snprintf(path, sizeof path, "%s/fifo.dict", dir);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    write_conf(dir, "dict = fifo.dict\n");
    ck_assert_int_eq(voice_settings_load(dir, &s, &why), PK_EINVAL);
    ck_assert_str_eq(why.text, "voice.conf:1: dict must be a file, not a device or a pipe");
    remove(path);
    /* a path longer than fits: refused, never cut (it would name another file) */
    char line[600] = "dict = ";
    while (strlen(line) < 505)
        strcat(line, "d");
    strcat(line, ".dict\n");
    write_conf(dir, line);
    ck_assert_int_eq(voice_settings_load(dir, &s, &why), PK_EINVAL);
    ck_assert_str_eq(why.text, "voice.conf:1: bad value for dict (longer than 511 characters)");
    /* a folder where a file belongs was taken, and read as an empty dictionary: "word
     * 'yes' has no pronunciation (add it to the extra dictionary)" (sixth audit, #13) */
    static const char *const files[] = {"dict",      "extra_dict", "mdef",
                                        "noisedict", "competitor", "garbage_words"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char conf[64], want[128];
        snprintf(conf, sizeof conf, "%s = .\n", files[i]);
        snprintf(want, sizeof want, "voice.conf:1: %s must be a file, not a directory", files[i]);
        write_conf(dir, conf);
        ck_assert_int_eq(voice_settings_load(dir, &s, &why), PK_EINVAL);
        ck_assert_str_eq(why.text, want);
    }
    write_conf(dir, "hmm = .\n"); /* a folder, as hmm is */
    ck_assert_int_eq(voice_settings_load(dir, &s, &why), 0);
    write_conf(dir, "hmm = voice.conf\n"); /* a file where a folder belongs */
    ck_assert_int_eq(voice_settings_load(dir, &s, &why), PK_EINVAL);
    ck_assert_str_eq(why.text, "voice.conf:1: hmm must be a folder, not a file");
    snprintf(path, sizeof path, "%s/sock", dir); /* a socket is named as one */
    int sock = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    ck_assert_uint_lt(strlen(path), sizeof sa.sun_path);
    memcpy(sa.sun_path, path, strlen(path) + 1);
    ck_assert_int_eq(bind(sock, (struct sockaddr *)&sa, sizeof sa), 0);
    write_conf(dir, "dict = sock\n");
    ck_assert_int_eq(voice_settings_load(dir, &s, &why), PK_EINVAL);
    ck_assert_str_eq(why.text, "voice.conf:1: dict must be a file, not a socket");
    close(sock);
    remove(path);
    snprintf(path, sizeof path, "%s/voice.conf", dir);
    remove(path);
    rmdir(dir);
}
END_TEST

START_TEST(t_confidence)
{
    VoiceSettings s;
    voice_settings_load(NULL, &s, NULL);
    s.reject_llr = -6;
    s.sure_llr = -2;
    static const struct {
        double llr;
        int lo, hi;
    } rows[] = {{-50, 0, 0},      {-6, 0, 0},     {-5.99, 1, 2}, {-4, 50, 51},
                {-2.01, 99, 100}, {-2, 100, 100}, {3, 100, 100}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int c = voice_settings_confidence(&s, rows[i].llr);
        ck_assert_msg(c >= rows[i].lo && c <= rows[i].hi, "llr %g: %d", rows[i].llr, c);
    }
}
END_TEST

static Suite *voice_audio_suite(void)
{
    Suite *s = suite_create("voice_audio");
    TCase *t = tcase_create("audio");
    tcase_add_loop_test(t, t_wav_layouts, 0, (int)(sizeof layouts / sizeof layouts[0]));
    tcase_add_test(t, t_wav_roundtrip);
    tcase_add_test(t, t_wav_bad_input);
    tcase_add_test(t, t_wav_not_a_file);
    tcase_add_test(t, t_wav_cost_bounded);
    tcase_add_loop_test(t, t_wav_decoded_cost_bounded, 0,
                        (int)(sizeof squeezed / sizeof squeezed[0]));
    tcase_add_test(t, t_gate);
    tcase_add_test(t, t_resample_stopband);
    tcase_add_test(t, t_vad_find);
    tcase_add_test(t, t_vad_capture_too_long);
    tcase_add_test(t, t_settings);
    tcase_add_test(t, t_confidence);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return check_run(voice_audio_suite());
}
