/* ppkiosk --say and --recognize: speech synthesis to a file and recognition of WAV
 * files, with the same eSpeak NG set-up and recognition pipeline as the kiosk. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../voice/voice.h"
#include "app.h"

static int say_to_fd(const void *ctx, int fd, PkWhy *why)
{
    const AppOptions *o = ctx;
    return voice_say(o->models_dir, o->say_text, o->lang, fd, why);
}

/* The WAV is made like the other outputs: a new 0600 file, whole or not there, an
 * existing one replaced only with --force (it was overwritten, and kept its mode). */
int app_say(const AppOptions *o, const Content *c)
{
    (void)c;
    /* a file size limit is a write error with its reason, not the signal that ends the
       program with none, as for the other outputs */
    struct sigaction ignore = {.sa_handler = SIG_IGN}, old_xfsz;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGXFSZ, &ignore, &old_xfsz);
    int err = app_write_file("WAV file", o->out, o->force, say_to_fd, o);
    sigaction(SIGXFSZ, &old_xfsz, NULL);
    return !err ? 0 : err == PK_EINVAL ? 2 : 1;
}

/* One line per file; returns 0, or 1 when the file could not be read. */
static int recognize_file(VoiceRecognizer *rec, const Question *q, const char *path, bool debug)
{
    PkWhy why = {""};
    VoiceAnswer a;
    int err = voice_recognize_file(rec, q, path, &a, debug ? stderr : NULL, &why);
    printf("%s\t%s\t%d\n", path, a.answer, a.confidence);
    if (err)
        fprintf(stderr, "ppkiosk: %s: %s\n", path, pk_why_text(&why, err));
    return err ? 1 : 0;
}

int app_recognize(const AppOptions *o, const Content *c)
{
    PkWhy why = {""};
    VoiceRecognizer *rec = NULL;
    int qi = content_question_index(c, o->question_id);
    if (qi < 0) {
        fprintf(stderr, "ppkiosk: no question '%s' (see --list-questions)\n", o->question_id);
        return 2;
    }
    int err = voice_recognizer_open(&rec, c, o->models_dir, &why);
    if (err) {
        fprintf(stderr, "ppkiosk: %s\n", pk_why_text(&why, err));
        return err == PK_EINVAL || err == PK_ECONTENT ? 2 : 1;
    }
    /* PPKIOSK_VOICE_DEBUG=1: decoder scores on stderr, for calibration (scripts/). */
    const char *dbg = getenv("PPKIOSK_VOICE_DEBUG");
    bool debug = dbg && strcmp(dbg, "1") == 0;
    int bad = 0;
    for (int i = 0; i < o->nfiles; i++) {
        if (o->recognize_each)
            voice_recognizer_new_session(rec);
        bad |= recognize_file(rec, &c->questions[qi], o->files[i], debug);
        fflush(stdout);
    }
    voice_recognizer_close(rec);
    return bad ? 2 : 0;
}
