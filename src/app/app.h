/* The program's entry points, one per mode of the command line (see README.md), and the
 * options they share. main.c parses the options, loads the content and calls one of
 * them; each returns the process exit code (0 ok, 2 bad input or content, 1 anything
 * else) after printing a one-line reason for any failure to stderr. */
#ifndef PK_APP_H
#define PK_APP_H

#include <stdbool.h>

#include "../core/content.h"
#include "../core/error.h"
#include "../core/summary.h"

typedef struct {
    const char *content_dir; /* --content DIR, or the installed/build-tree default */
    const char *assets_dir;  /* the assets directory that holds content/, fonts, images */
    const char *models_dir;  /* the models directory (speech settings, dictionary) */
    Lang lang;               /* --lang, default en */
    bool lang_given;
    bool windowed;            /* --windowed */
    int width, height;        /* --size WxH (default 1280x800) */
    const char *script;       /* --script FILE */
    const char *shots;        /* --shots DIR */
    const char *pdf_out;      /* --pdf-out FILE */
    const char *fhir_out;     /* --fhir-out FILE */
    bool force;               /* --force: --pdf-out / --fhir-out may replace a file */
    const char *answers;      /* --answers FILE */
    const char *summary_json; /* --summary-json FILE, or "-" for stdout */
    const char *printer;      /* --printer NAME */
    const char *config;       /* --config FILE: staff PIN, defaults (kiosk.conf) */
    bool no_voice;            /* --no-voice: no speech out */
    bool no_listen;           /* --no-listen: no speech in */
    const char *say_text;     /* --say TEXT */
    const char *out;          /* --out FILE.wav */
    const char *question_id;  /* --recognize QUESTION_ID */
    char **files;             /* --recognize: the WAV files */
    int nfiles;
    bool recognize_each; /* --recognize-each: a new session per file */
} AppOptions;

/* ppkiosk --text: the interview on stdin/stdout (text_mode.c). */
int app_run_text(const AppOptions *o, const Content *c);

/* ppkiosk --answers FILE: a session from QUESTION_ID=VALUE lines (answers_mode.c). */
int app_run_answers(const AppOptions *o, const Content *c);

/* The safety-net numbers of the kiosk configuration (--config, or the installed one),
 * or the defaults. Returns 0, or a negative code after a one-line reason. */
int app_safety_net(const AppOptions *o, SafetyNet *net);

/* ppkiosk [--windowed] [--script FILE --shots DIR]: the SDL kiosk (kiosk.c). */
int app_run_kiosk(const AppOptions *o, const Content *c);

/* ppkiosk --say TEXT --out FILE.wav (voice_cmds.c). */
int app_say(const AppOptions *o, const Content *c);

/* ppkiosk --recognize QUESTION_ID FILE.wav... (voice_cmds.c). */
int app_recognize(const AppOptions *o, const Content *c);

/* Writes the --pdf-out, --fhir-out and --summary-json files asked for, if any (outputs.c):
 * each a new file of mode 0600; an existing path (file or symlink) is refused unless
 * --force, and then replaced, never written through. One that fails does not stop the
 * others. Returns 0 or the first negative PK_E* code, each failure with a one-line
 * reason on stderr. */
int app_write_outputs(const AppOptions *o, const Summary *sum);

/* Writes a file's contents into the open new file fd (which stays open): 0, or a negative
 * PK_E* code with the reason in why when it knows one. */
typedef int (*AppFileWriter)(const void *ctx, int fd, PkWhy *why);

/* Makes path a new file of mode 0600 with what writer writes, whole or not at all (an
 * existing path is refused unless force, and then replaced, never written through):
 * 0, or a negative PK_E* code after "cannot write the WHAT PATH: reason" on stderr. */
int app_write_file(const char *what, const char *path, bool force, AppFileWriter writer,
                   const void *ctx);

/* stdout through a buffer of the program's own, so that the summary and the screens that
 * pass through it can be wiped (libc's own buffer is never freed nor wiped): call
 * app_stdout_own() before the first output and app_stdout_wipe() after the last
 * (outputs.c). */
void app_stdout_own(void);
void app_stdout_wipe(void);

/* Refuses, before the interview, output paths (--pdf-out, --fhir-out, --summary-json,
 * --say's --out) that exist already (without --force), are empty, or lie in a folder
 * that is missing or cannot be written, and a PPKIOSK_PAPER that names no paper: 0, or
 * PK_EINVAL after a one-line reason on stderr. */
int app_check_outputs(const AppOptions *o);

#endif
