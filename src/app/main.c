/* ppkiosk: parses the command line, finds and loads the content, and hands over to one
 * mode. This is the program's error boundary: every failure ends here as one line on
 * stderr and an exit code (0 ok, 2 bad input or content, 1 anything else). */
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/content.h"
#include "../core/error.h"
#include "app.h"

typedef enum {
    MODE_KIOSK,
    MODE_TEXT,
    MODE_CHECK,
    MODE_LIST,
    MODE_SAY,
    MODE_RECOGNIZE,
    MODE_ANSWERS
} Mode;

static const char usage[] =
    "usage: ppkiosk [--windowed] [--size WxH] [options]   the touch-screen kiosk\n"
    "       ppkiosk --text [--lang en|es]                  the interview in a terminal\n"
    "       ppkiosk --answers FILE [--lang en|es]          a session from ID=VALUE lines\n"
    "       ppkiosk --check-content [DIR]                  check content files\n"
    "       ppkiosk --list-questions [--lang en|es]        list question ids\n"
    "       ppkiosk --recognize QUESTION_ID FILE.wav...    recognise answers in WAV files\n"
    "                  (the files are one patient's session, in order: what is learnt of\n"
    "                  the voice and room carries on; --recognize-each: a new session per file)\n"
    "       ppkiosk --say TEXT --out FILE.wav [--lang]     speak text into a WAV file\n"
    "options: --content DIR  --printer NAME  --config FILE  --no-voice  --no-listen\n"
    "         --script FILE --shots DIR  --pdf-out FILE  --fhir-out FILE  --lang en|es\n"
    "         --force (let --pdf-out / --fhir-out replace an existing file)\n"
    "         --summary-json FILE|-   (with --text or --answers)\n";

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Finds <data>/<sub>: $PPKIOSK_DATA, beside an installed binary, or the source tree. */
static const char *find_data_dir(const char *sub, char *out, size_t size)
{
    const char *env = getenv("PPKIOSK_DATA");
    if (env && *env) {
        int w = snprintf(out, size, "%s/%s", env, sub);
        if (w > 0 && (size_t)w < size && is_dir(out))
            return out;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            int w = snprintf(out, size, "%s/../%s/%s", exe, PPKIOSK_DATA_RELDIR, sub);
            if (w > 0 && (size_t)w < size && is_dir(out))
                return out;
        }
    }
    snprintf(out, size, "%s/%s", PPKIOSK_SOURCE_DIR, sub);
    return out;
}

/* Takes the value of an option that needs one. */
static const char *need_value(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc) {
        fprintf(stderr, "ppkiosk: %s needs a value\n%s", argv[*i], usage);
        return NULL;
    }
    return argv[++*i];
}

static int parse_args(int argc, char **argv, AppOptions *o, Mode *mode)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            exit(0);
        } else if (strcmp(a, "--version") == 0) {
            printf("ppkiosk %s\n", PPKIOSK_VERSION);
            exit(0);
        } else if (strcmp(a, "--text") == 0) {
            *mode = MODE_TEXT;
        } else if (strcmp(a, "--windowed") == 0) {
            o->windowed = true;
        } else if (strcmp(a, "--no-voice") == 0) {
            o->no_voice = true;
        } else if (strcmp(a, "--no-listen") == 0) {
            o->no_listen = true;
        } else if (strcmp(a, "--force") == 0) {
            o->force = true;
        } else if (strcmp(a, "--list-questions") == 0) {
            *mode = MODE_LIST;
        } else if (strcmp(a, "--check-content") == 0) {
            *mode = MODE_CHECK;
            if (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0)
                o->content_dir = argv[++i];
        } else if (strcmp(a, "--recognize") == 0 || strcmp(a, "--recognize-each") == 0) {
            *mode = MODE_RECOGNIZE;
            o->recognize_each = strcmp(a, "--recognize-each") == 0;
            if (!(o->question_id = need_value(argc, argv, &i)))
                return 2;
            o->files = &argv[i + 1];
            while (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0) {
                o->nfiles++;
                i++;
            }
            if (o->nfiles == 0) {
                fprintf(stderr, "ppkiosk: --recognize needs at least one WAV file\n");
                return 2;
            }
        } else if (strcmp(a, "--lang") == 0) {
            if (!(v = need_value(argc, argv, &i)))
                return 2;
            if (lang_parse(v, &o->lang) < 0) {
                fprintf(stderr, "ppkiosk: unknown language '%s' (use en or es)\n", v);
                return 2;
            }
            o->lang_given = true;
        } else if (strcmp(a, "--size") == 0) {
            if (!(v = need_value(argc, argv, &i)))
                return 2;
            if (sscanf(v, "%dx%d", &o->width, &o->height) != 2 || o->width < 200 ||
                o->height < 200 || o->width > 16384 || o->height > 16384) {
                fprintf(stderr, "ppkiosk: --size wants WIDTHxHEIGHT, like 1280x800\n");
                return 2;
            }
        } else {
            static const struct {
                const char *name;
                size_t offset;
            } values[] = {
                {"--content", offsetof(AppOptions, content_dir)},
                {"--script", offsetof(AppOptions, script)},
                {"--shots", offsetof(AppOptions, shots)},
                {"--pdf-out", offsetof(AppOptions, pdf_out)},
                {"--fhir-out", offsetof(AppOptions, fhir_out)},
                {"--printer", offsetof(AppOptions, printer)},
                {"--config", offsetof(AppOptions, config)},
                {"--out", offsetof(AppOptions, out)},
                {"--say", offsetof(AppOptions, say_text)},
                {"--answers", offsetof(AppOptions, answers)},
                {"--summary-json", offsetof(AppOptions, summary_json)},
            };
            size_t k = 0, nv = sizeof values / sizeof values[0];
            while (k < nv && strcmp(values[k].name, a) != 0)
                k++;
            if (k == nv) {
                fprintf(stderr, "ppkiosk: unknown option '%s'\n%s", a, usage);
                return 2;
            }
            if (!(v = need_value(argc, argv, &i)))
                return 2;
            *(const char **)((char *)o + values[k].offset) = v;
            if (strcmp(a, "--say") == 0)
                *mode = MODE_SAY;
            if (strcmp(a, "--answers") == 0)
                *mode = MODE_ANSWERS;
        }
    }
    if ((o->pdf_out || o->fhir_out) && *mode != MODE_TEXT && *mode != MODE_ANSWERS && !o->script) {
        fprintf(stderr,
                "ppkiosk: --pdf-out and --fhir-out go with --text, --answers or --script\n");
        return 2;
    }
    if (o->summary_json && *mode != MODE_TEXT && *mode != MODE_ANSWERS) {
        fprintf(stderr, "ppkiosk: --summary-json goes with --text or --answers\n");
        return 2;
    }
    if (app_check_outputs(o))
        return 2;
    if (*mode == MODE_SAY && !o->out) {
        fprintf(stderr, "ppkiosk: --say needs --out FILE.wav\n");
        return 2;
    }
    if (o->shots && !o->script) {
        fprintf(stderr, "ppkiosk: --shots goes with --script\n");
        return 2;
    }
    return 0;
}

static int list_questions(const Content *c)
{
    for (size_t i = 0; i < c->nquestions; i++) {
        const Question *q = &c->questions[i];
        printf("%s\t%s\t", q->id, content_kind_name(q->kind));
        if (q->kind == QK_SCALE) {
            for (int v = q->min; v <= q->max; v++)
                printf("%s%d", v > q->min ? "," : "", v);
        } else {
            for (size_t o = 0; o < q->noptions; o++)
                printf("%s%s", o ? "," : "", q->options[o].id);
        }
        printf("\t%s\n", content_section_name(q->section));
    }
    return fflush(stdout) == 0 ? 0 : 1;
}

/* A crash must never write the answers in memory to disk, nor let another process of
 * the same user read them: no core dumps, no ptrace attach, no /proc/PID/mem. */
static void forbid_core_dumps(void)
{
    struct rlimit none = {0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0 || prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        fprintf(stderr, "ppkiosk: warning: cannot turn core dumps off\n");
}

int main(int argc, char **argv)
{
    forbid_core_dumps();
    AppOptions o = {.width = 1280, .height = 800, .lang = LANG_EN};
    Mode mode = MODE_KIOSK;
    int rc = parse_args(argc, argv, &o, &mode);
    if (rc)
        return rc;

    static char assets[PATH_MAX], models[PATH_MAX], content_dir[PATH_MAX];
    o.assets_dir = find_data_dir("assets", assets, sizeof assets);
    o.models_dir = find_data_dir("models", models, sizeof models);
    if (!o.content_dir) {
        snprintf(content_dir, sizeof content_dir, "%s/content", o.assets_dir);
        o.content_dir = content_dir;
    }

    Diags diags = {0};
    Content *c = NULL;
    rc = content_load(o.content_dir, &c, &diags);
    if (rc) {
        diags_print(&diags, stderr);
        if (rc == PK_ECONTENT)
            fprintf(stderr, "ppkiosk: %zu problem%s in the content at %s\n", diags.count,
                    diags.count == 1 ? "" : "s", o.content_dir);
        else
            fprintf(stderr, "ppkiosk: cannot load content: %s\n", pk_strerror(rc));
        diags_free(&diags);
        return rc == PK_ECONTENT ? 2 : 1;
    }
    diags_free(&diags);

    switch (mode) {
    case MODE_CHECK:
        printf("%s: content is valid (%zu questions, %zu causes, %zu self-care items, %zu "
               "flags)\n",
               o.content_dir, c->nquestions, c->ncauses, c->nadvice, c->nflags);
        rc = 0;
        break;
    case MODE_LIST:
        rc = list_questions(c);
        break;
    case MODE_TEXT:
        rc = app_run_text(&o, c);
        break;
    case MODE_ANSWERS:
        rc = app_run_answers(&o, c);
        break;
    case MODE_SAY:
        rc = app_say(&o, c);
        break;
    case MODE_RECOGNIZE:
        rc = app_recognize(&o, c);
        break;
    case MODE_KIOSK:
        rc = app_run_kiosk(&o, c);
        break;
    }
    content_free(c);
    return rc;
}
