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
#include "../core/wipe.h"
#include "app.h"
#include "config.h"

typedef enum {
    MODE_KIOSK,
    MODE_TEXT,
    MODE_CHECK,
    MODE_CHECK_CONFIG,
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
    "       ppkiosk --check-config [FILE]                  check kiosk.conf (the kiosk\n"
    "                  starts with the built-in settings when it is not valid)\n"
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
/* The option's value: NULL after a one-line reason when there is none, or it is empty
 * (an unset variable: "--content ''" said ": directory is missing", "--shots ''" exit 1). */
static const char *need_value(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc || !argv[*i + 1][0]) {
        fprintf(stderr, "ppkiosk: %s needs a value (ppkiosk --help lists the options)\n", argv[*i]);
        return NULL;
    }
    return argv[++*i];
}

enum { KEEP_MODE = -1 };
#define NO_MEMBER ((size_t)-1)

/* The options that set one member of AppOptions (to their value, or a bool to true)
 * and may pick the mode. */
static const struct {
    const char *name;
    size_t member; /* offsetof a const char * (value) or a bool, or NO_MEMBER */
    bool value;    /* takes a value */
    int mode;      /* the Mode it picks, or KEEP_MODE */
} simple_options[] = {
    {"--text", NO_MEMBER, false, MODE_TEXT},
    {"--list-questions", NO_MEMBER, false, MODE_LIST},
    {"--windowed", offsetof(AppOptions, windowed), false, KEEP_MODE},
    {"--no-voice", offsetof(AppOptions, no_voice), false, KEEP_MODE},
    {"--no-listen", offsetof(AppOptions, no_listen), false, KEEP_MODE},
    {"--force", offsetof(AppOptions, force), false, KEEP_MODE},
    {"--content", offsetof(AppOptions, content_dir), true, KEEP_MODE},
    {"--script", offsetof(AppOptions, script), true, KEEP_MODE},
    {"--shots", offsetof(AppOptions, shots), true, KEEP_MODE},
    {"--pdf-out", offsetof(AppOptions, pdf_out), true, KEEP_MODE},
    {"--fhir-out", offsetof(AppOptions, fhir_out), true, KEEP_MODE},
    {"--printer", offsetof(AppOptions, printer), true, KEEP_MODE},
    {"--config", offsetof(AppOptions, config), true, KEEP_MODE},
    {"--out", offsetof(AppOptions, out), true, KEEP_MODE},
    {"--say", offsetof(AppOptions, say_text), true, MODE_SAY},
    {"--answers", offsetof(AppOptions, answers), true, MODE_ANSWERS},
    {"--summary-json", offsetof(AppOptions, summary_json), true, KEEP_MODE},
};

/* Takes argv[*i] when it is one of simple_options: 0, or 2 after a reason; 1 when it is
 * none of them. */
static int simple_option(int argc, char **argv, int *i, AppOptions *o, Mode *mode)
{
    size_t k = 0, n = sizeof simple_options / sizeof simple_options[0];
    while (k < n && strcmp(simple_options[k].name, argv[*i]) != 0)
        k++;
    if (k == n)
        return 1;
    const char *v = NULL;
    if (simple_options[k].value && !(v = need_value(argc, argv, i)))
        return 2;
    if (simple_options[k].member != NO_MEMBER) {
        char *member = (char *)o + simple_options[k].member;
        if (v)
            *(const char **)member = v;
        else
            *(bool *)member = true;
    }
    if (simple_options[k].mode != KEEP_MODE)
        *mode = (Mode)simple_options[k].mode;
    return 0;
}

/* --recognize[-each] QUESTION_ID FILE.wav...: the files run to the next option. */
static int recognize_option(int argc, char **argv, int *i, AppOptions *o, Mode *mode)
{
    *mode = MODE_RECOGNIZE;
    o->recognize_each = strcmp(argv[*i], "--recognize-each") == 0;
    if (!(o->question_id = need_value(argc, argv, i)))
        return 2;
    o->files = &argv[*i + 1];
    while (*i + 1 < argc && strncmp(argv[*i + 1], "--", 2) != 0) {
        o->nfiles++;
        ++*i;
    }
    if (o->nfiles == 0) {
        fprintf(stderr, "ppkiosk: --recognize needs at least one WAV file\n");
        return 2;
    }
    return 0;
}

/* Takes argv[*i] when it is an option with rules of its own (--help, --version,
 * --check-content [DIR], --check-config [FILE], --recognize, --lang, --size): 0, or 2 after a
 * reason; 1 when it is none of them. */
static int special_option(int argc, char **argv, int *i, AppOptions *o, Mode *mode)
{
    const char *a = argv[*i], *v;
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
        fputs(usage, stdout);
        exit(0);
    }
    if (strcmp(a, "--version") == 0) {
        printf("ppkiosk %s\n", PPKIOSK_VERSION);
        exit(0);
    }
    if (strcmp(a, "--check-content") == 0) {
        *mode = MODE_CHECK;
        if (*i + 1 < argc && strncmp(argv[*i + 1], "--", 2) != 0)
            o->content_dir = argv[++*i];
        if (o->content_dir && !*o->content_dir) { /* it said ": directory is missing" */
            fprintf(stderr, "ppkiosk: --check-content needs a folder, not an empty name\n");
            return 2;
        }
        return 0;
    }
    if (strcmp(a, "--check-config") == 0) {
        *mode = MODE_CHECK_CONFIG;
        if (*i + 1 < argc && strncmp(argv[*i + 1], "--", 2) != 0)
            o->config = argv[++*i];
        return 0;
    }
    if (strcmp(a, "--recognize") == 0 || strcmp(a, "--recognize-each") == 0)
        return recognize_option(argc, argv, i, o, mode);
    if (strcmp(a, "--lang") == 0) {
        if (!(v = need_value(argc, argv, i)))
            return 2;
        if (lang_parse(v, &o->lang) < 0) {
            PkWhy why; /* shown plain: no terminal codes from the argument */
            pk_fail(&why, PK_EINVAL, "unknown language '%s' (use en or es)", v);
            fprintf(stderr, "ppkiosk: %s\n", why.text);
            return 2;
        }
        o->lang_given = true;
        return 0;
    }
    if (strcmp(a, "--size") != 0)
        return 1;
    if (!(v = need_value(argc, argv, i)))
        return 2;
    if (sscanf(v, "%dx%d", &o->width, &o->height) != 2 || o->width < 200 || o->height < 200 ||
        o->width > 16384 || o->height > 16384) {
        fprintf(stderr, "ppkiosk: --size wants WIDTHxHEIGHT, like 1280x800\n");
        return 2;
    }
    return 0;
}

/* Refuses options that do not go with the mode: 0, or 2 after a reason. */
static int check_combination(const AppOptions *o, Mode mode)
{
    if ((o->pdf_out || o->fhir_out) && mode != MODE_TEXT && mode != MODE_ANSWERS && !o->script) {
        fprintf(stderr,
                "ppkiosk: --pdf-out and --fhir-out go with --text, --answers or --script\n");
        return 2;
    }
    if (o->summary_json && mode != MODE_TEXT && mode != MODE_ANSWERS) {
        fprintf(stderr, "ppkiosk: --summary-json goes with --text or --answers\n");
        return 2;
    }
    if (app_check_outputs(o))
        return 2;
    if (mode == MODE_SAY && !o->out) {
        fprintf(stderr, "ppkiosk: --say needs --out FILE.wav\n");
        return 2;
    }
    /* kiosk.conf's rule: a folder's path, an ESC or a U+202E passed, and a name over
       127 bytes was cut to another queue's */
    const char *printer_problem = o->printer ? config_printer_problem(o->printer) : NULL;
    if (printer_problem) {
        fprintf(stderr, "ppkiosk: --printer: %s\n", printer_problem);
        return 2;
    }
    if (o->shots && !o->script) {
        fprintf(stderr, "ppkiosk: --shots goes with --script\n");
        return 2;
    }
    return 0;
}

static int parse_args(int argc, char **argv, AppOptions *o, Mode *mode)
{
    for (int i = 1; i < argc; i++) {
        int rc = simple_option(argc, argv, &i, o, mode);
        if (rc == 1)
            rc = special_option(argc, argv, &i, o, mode);
        if (rc == 1) {
            PkWhy why; /* one line, shown plain (no terminal codes from the argument) */
            pk_fail(&why, PK_EINVAL, "unknown option '%s' (ppkiosk --help lists them)", argv[i]);
            fprintf(stderr, "ppkiosk: %s\n", why.text);
            return 2;
        }
        if (rc)
            return rc;
    }
    return check_combination(o, *mode);
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

/* Loads the content of dir into *out: 0, or the exit code after printing every
 * problem found. */
static int load_content(const char *dir, Content **out)
{
    Diags diags = {0};
    int rc = content_load(dir, out, &diags);
    if (rc) {
        diags_print(&diags, stderr);
        if (rc == PK_ECONTENT)
            fprintf(stderr, "ppkiosk: %zu problem%s in the content at %s\n", diags.count,
                    diags.count == 1 ? "" : "s", dir);
        else
            fprintf(stderr, "ppkiosk: cannot load content: %s\n", pk_strerror(rc));
    }
    diags_free(&diags);
    return rc == 0 ? 0 : rc == PK_ECONTENT ? 2 : 1;
}

/* --check-config [FILE]: reads kiosk.conf the way the kiosk does and says what it found:
 * 0, or 2 (1 when unreadable) after the reason. */
static int check_config(const AppOptions *o)
{
    KioskConfig cfg;
    int rc = config_load(&cfg, o->config, o->assets_dir);
    if (rc == 0 && !cfg.path[0])
        printf("no configuration file found: the kiosk uses the built-in settings "
               "(staff menu off)\n");
    else if (rc == 0)
        printf("%s: configuration is valid (staff menu %s, language %s, paper %s, printer %s)\n",
               cfg.path, cfg.pin[0] ? "on" : "off", lang_code(cfg.lang), cfg.paper,
               cfg.printer[0] ? cfg.printer : "the default");
    wipe(&cfg, sizeof cfg);
    return rc == 0 ? 0 : rc == PK_EINVAL ? 2 : 1;
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

    if (mode == MODE_CHECK_CONFIG)
        return check_config(&o);

    Content *c = NULL;
    if ((rc = load_content(o.content_dir, &c)))
        return rc;

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
    case MODE_CHECK_CONFIG: /* done before the content is loaded */
        break;
    }
    content_free(c);
    return rc;
}
