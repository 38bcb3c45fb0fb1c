/* Shared by the voice test suites: where Debian's speech data lives, and scratch files
 * in the build tree. */
#ifndef PK_VOICE_TEST_H
#define PK_VOICE_TEST_H

#include <stdio.h>
#include <unistd.h>

#define TESTDATA "/usr/share/pocketsphinx/test/data"
#define MODEL "/usr/share/pocketsphinx/model/en-us"
#define CONTENT_MIN TEST_DATA_DIR "/content-min"
#define PI 3.14159265358979323846

/* A scratch file path for this process; valid until the next call. */
static inline const char *tmp_path(const char *name)
{
    static char scratch[512];
    snprintf(scratch, sizeof scratch, "%s/voice-test-%ld-%s", TEST_TMP_DIR, (long)getpid(), name);
    return scratch;
}

#endif
