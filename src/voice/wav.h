/* WAV files in and out. Reading (SDL2's WAV loader) accepts PCM 8/16/24/32-bit, 32-bit
 * float, MS/IMA ADPCM and A/mu-law, any sample rate and channel count, and always hands
 * back 16 kHz mono int16 (channels averaged, libsamplerate's sinc resampler for the
 * rate), at most WAV_MAX_SECONDS of it: the rest of a longer file is ignored. Only
 * regular files of at most 64 MB are read. Writing is mono int16 PCM. */
#ifndef PK_WAV_H
#define PK_WAV_H

#include <stddef.h>
#include <stdint.h>

#include "../core/error.h"

#define WAV_ASR_RATE 16000
#define WAV_MAX_SECONDS 30 /* only this much of a file is decoded */

/* Reads the WAV file at path as 16 kHz mono. On success stores a malloc'd buffer the
 * caller frees in *pcm and its length in samples in *n and returns 0; otherwise returns
 * PK_EIO (cannot read the file) or PK_EAUDIO (not a WAV this reader understands) with a
 * short reason in why (which may be NULL). */
int wav_read_16k(const char *path, int16_t **pcm, size_t *n, PkWhy *why);

/* Same as wav_read_16k from a WAV image in memory. */
int wav_parse_16k(const uint8_t *data, size_t size, int16_t **pcm, size_t *n, PkWhy *why);

/* Writes n mono samples at rate Hz to path as a 16-bit PCM WAV (a new file is 0600;
 * never through a symlink). Returns 0 or PK_EIO. */
int wav_write(const char *path, const int16_t *pcm, size_t n, int rate);

/* The same into the open file fd (which stays open), from where it is. */
int wav_write_fd(int fd, const int16_t *pcm, size_t n, int rate);

/* Resamples n mono samples from rate from to rate to (libsamplerate, medium-quality
 * sinc: a low-pass just under the lower Nyquist frequency). Stores a malloc'd buffer in *out
 * and its length in *nout and returns 0, or PK_ENOMEM / PK_EINVAL. */
int wav_resample(const float *in, size_t n, int from, int to, float **out, size_t *nout);

#endif
