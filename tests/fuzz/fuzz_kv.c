/* libFuzzer: the settings reader (core/kv.c) on any file, then the same file read as the
 * voice settings (models/voice.conf). Every setting kv_read hands over has a key and a
 * value with no space at either end, no comment (a '#' after a space, or starting the
 * key), no line break and no NUL; the key has no
 * '='; no key is handed over twice; a failure says why; so does a refused voice.conf. */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/kv.h"
#include "voice/settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[256], path[300];

__attribute__((destructor)) static void remove_files(void)
{
    if (path[0])
        unlink(path);
    if (dir[0])
        rmdir(dir);
}

enum { SEEN_MAX = 256 };

typedef struct {
    char *keys[SEEN_MAX];
    int n;
    const uint8_t *data; /* the file */
    size_t size;
} Seen;

/* True when key is at the start of one of the file's lines, after spaces and tabs (or a
 * byte-order mark): a key from inside a line (the tail of a long comment cut in two, as
 * once "# ... staff_pin = 9999" set the PIN) is not. Spaces are as isspace() has them. */
static bool at_line_start(const Seen *s, const char *key)
{
    size_t n = strlen(key);
    for (size_t i = 0; i + n <= s->size; i++) {
        if (memcmp(s->data + i, key, n) != 0)
            continue;
        size_t b = i;
        while (b > 0 && s->data[b - 1] != '\n' && isspace(s->data[b - 1]))
            b--;
        if (b == 0 || s->data[b - 1] == '\n' || (b == 3 && memcmp(s->data, "\xef\xbb\xbf", 3) == 0))
            return true;
    }
    return false;
}

/* A '#' starts a comment at a line's start or after a space (isspace()); inside a word
 * it is part of the value ("1234#5678" is no PIN 1234). */
static void check_text(const char *s, bool key)
{
    size_t n = strlen(s);
    if (n &&
        (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        __builtin_trap(); /* not trimmed */
    if (strchr(s, '\n') || (key && s[0] == '#'))
        __builtin_trap(); /* a comment or the next line leaked in */
    for (size_t i = 1; i < n; i++)
        if (s[i] == '#' && isspace((unsigned char)s[i - 1]))
            __builtin_trap();
}

/* Keeps every setting; refuses one whose value starts with '!' (the error path). */
static int keep(void *ctx, const char *key, const char *value, PkWhy *why)
{
    Seen *s = ctx;
    check_text(key, true);
    check_text(value, false);
    if (strchr(key, '='))
        __builtin_trap();
    if (!at_line_start(s, key))
        __builtin_trap(); /* a key from the middle of a line */
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->keys[i], key) == 0)
            __builtin_trap(); /* a key set twice got through */
    if (s->n < SEEN_MAX)
        s->keys[s->n++] = strdup(key);
    return value[0] == '!' ? pk_fail(why, PK_EINVAL, "refused") : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "%s/ppkiosk-fuzz-kv-%d",
                 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
        if (mkdir(dir, 0700) != 0)
            abort();
        snprintf(path, sizeof path, "%s/voice.conf", dir);
    }
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
    Seen seen = {.n = 0, .data = data, .size = size};
    PkWhy why = {""};
    int line = -1;
    int rc = kv_read(path, "fuzz.conf", keep, &seen, &line, &why);
    for (int i = 0; i < seen.n; i++)
        free(seen.keys[i]);
    if (rc && (!why.text[0] || line < 0))
        __builtin_trap();
    if (!rc && line != 0)
        __builtin_trap();
    VoiceSettings vs;
    PkWhy vwhy = {""};
    if (voice_settings_load(dir, &vs, &vwhy) != 0 && !vwhy.text[0])
        __builtin_trap();
    return 0;
}
