/* libFuzzer: the content loader with one file of the fixture content replaced by the
 * input. The first byte picks the file; the rest is its text. Whatever the file holds,
 * loading either succeeds or reports problems, and never crashes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/content.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const files[] = {"questions.json", "causes.json", "advice.json",
                                    "flags.json",     "ui.json",     "lexicon.json"};
enum { NFILES = sizeof files / sizeof files[0] };

static char dir[256];

static void write_file(const char *name, const void *data, size_t size)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
}

/* The fixture files, read once. */
static char *fixture[NFILES];
static size_t fixture_len[NFILES];

static void setup(void)
{
    snprintf(dir, sizeof dir, "%s/ppkiosk-fuzz-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir))
        abort();
    for (int i = 0; i < NFILES; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", FUZZ_FIXTURE_DIR, files[i]);
        FILE *f = fopen(path, "rb");
        if (!f)
            abort();
        fixture[i] = malloc(1 << 20);
        fixture_len[i] = fread(fixture[i], 1, 1 << 20, f);
        fclose(f);
        write_file(files[i], fixture[i], fixture_len[i]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0])
        setup();
    if (size < 1)
        return 0;
    int which = data[0] % NFILES;
    write_file(files[which], data + 1, size - 1);
    Content *c = NULL;
    Diags d = {0};
    int rc = content_load(dir, &c, &d);
    if ((rc == 0) != (c != NULL) || (rc == 0 && d.count))
        __builtin_trap();
    if (c) {
        for (size_t i = 0; i < c->nquestions; i++)
            if (content_question_index(c, c->questions[i].id) < 0)
                __builtin_trap();
        content_free(c);
    }
    diags_free(&d);
    write_file(files[which], fixture[which], fixture_len[which]);
    return 0;
}
