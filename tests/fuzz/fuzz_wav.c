/* libFuzzer: the WAV reader on any bytes, through its public in-memory entry point. What
 * it hands back is never longer than WAV_MAX_SECONDS. */
#include <stdint.h>
#include <stdlib.h>

#include "voice/wav.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int16_t *pcm = NULL;
    size_t n = 0;
    PkWhy why = {""};
    if (wav_parse_16k(data, size, &pcm, &n, &why) == 0) {
        if (n > (size_t)WAV_MAX_SECONDS * WAV_ASR_RATE)
            __builtin_trap();
        free(pcm);
    } else if (!why.text[0]) {
        __builtin_trap(); /* a refusal always says why */
    }
    return 0;
}
