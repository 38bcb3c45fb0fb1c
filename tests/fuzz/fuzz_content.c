/* libFuzzer: the content loader with one file of the fixture content replaced by the
 * input. The first byte picks the file; the rest is its text. Whatever the file holds,
 * loading either succeeds or reports problems, and never crashes.
 *
 * The cheap path: the fixture is read, parsed and loaded once. Each input is parsed and
 * only the steps of content_load that depend on it run again: the file's own loader,
 * then (for lexicon.json, ui.json and questions.json, which later files build on) the
 * loaders of the files read after it, on the fixture's parsed trees, then the
 * cross-file checks. This file includes the loader's source so that it can call the
 * per-file steps of content_load one by one (its table of files, content_files, and
 * its Loader); the steps themselves are not copied.
 *
 * With FUZZ_CONTENT_COMPARE=1 in the environment (the corpus replay test sets it) every
 * input is also written into a scratch copy of the fixture and loaded the ordinary way
 * with content_load(); both must give the same result and the same problems. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/content.c"

/* The loader's cross-file checks, content_load's last step. */
#ifndef FUZZ_CONTENT_CHECK
#define FUZZ_CONTENT_CHECK cload_check
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { NSTEPS = sizeof content_files / sizeof content_files[0] };

/* The fuzzed file is picked by the first byte in this order (kept from the first
 * version of the harness, so the committed corpus keeps its meaning). */
static const char *const files[] = {"questions.json", "causes.json", "advice.json",
                                    "flags.json",     "ui.json",     "lexicon.json"};
enum { NFILES = sizeof files / sizeof files[0] };

static char dir[256]; /* scratch copy of the fixture (compare mode only needs it) */
static bool compare;  /* FUZZ_CONTENT_COMPARE=1 */
static char *fixture[NFILES];
static size_t fixture_len[NFILES];

/* The fixture, loaded once: its parsed trees (by step of content_load) and the
 * Content and question ids the loader built from them. */
static Arena base_json;
static const JsonValue *base_tree[NSTEPS];
static Content base;
static struct ContentPrivate base_priv;
static StrMap base_question_ids;

static int step_of(const char *name)
{
    for (int s = 0; s < NSTEPS; s++)
        if (strcmp(content_files[s].name, name) == 0)
            return s;
    abort(); /* the loader no longer reads this file: the harness needs updating */
}

static bool is_step(int s, const char *name)
{
    return strcmp(content_files[s].name, name) == 0;
}

static void write_file(const char *name, const void *data, size_t size)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
}

/* The scratch copy goes when the process ends. */
__attribute__((destructor)) static void remove_scratch(void)
{
    if (!dir[0])
        return;
    char path[512];
    for (int i = 0; i < NFILES; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
}

static void setup(void)
{
    compare = getenv("FUZZ_CONTENT_COMPARE") && strcmp(getenv("FUZZ_CONTENT_COMPARE"), "1") == 0;
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
    /* the fixture through the loader's own steps, in its order */
    Diags d = {0};
    base.priv = &base_priv;
    Loader L = {.c = &base, .arena = &base_priv.arena, .diags = &d};
    char path[4096];
    for (int s = 0; s < NSTEPS; s++) {
        int i = 0;
        while (strcmp(files[i], content_files[s].name) != 0)
            i++;
        JsonValue *root;
        JsonError jerr;
        if (json_parse(fixture[i], fixture_len[i], &base_json, &root, &jerr) != 0)
            abort();
        base_tree[s] = root;
        snprintf(path, sizeof path, "%s/%s", dir, content_files[s].name);
        L.file = path;
        content_files[s].load(&L, root);
    }
    L.file = dir;
    FUZZ_CONTENT_CHECK(&L, dir, base_tree[step_of("questions.json")]);
    if (d.count || L.nomem)
        abort(); /* the fixture must load: else every input tests nothing */
    base_question_ids = L.question_ids;
}

/* Which steps run again when step `fuzzed` reads new text: the step itself and, when
 * later files build on it (the lexicon and ui strings make the yes/no options; the
 * questions are what every rule names), every step from the questions on. */
static bool rerun(int fuzzed, int s)
{
    if (s == fuzzed)
        return true;
    bool feeds_later = is_step(fuzzed, "lexicon.json") || is_step(fuzzed, "ui.json") ||
                       is_step(fuzzed, "questions.json");
    return feeds_later && s > fuzzed && s >= step_of("questions.json");
}

/* A Content that holds the base's results for every step that does not run again, and
 * nothing (as content_load starts) for the steps that do. */
static void start_from_base(int fuzzed, Content *c, struct ContentPrivate *p, Loader *L)
{
    memset(c, 0, sizeof *c);
    memset(p, 0, sizeof *p);
    c->priv = p;
    L->c = c;
    L->arena = &p->arena;
    for (int s = 0; s < NSTEPS; s++) {
        if (rerun(fuzzed, s))
            continue;
        if (is_step(s, "lexicon.json"))
            c->lexicon = base.lexicon;
        else if (is_step(s, "ui.json")) {
            p->ui_keys = base_priv.ui_keys;
            p->ui_texts = base_priv.ui_texts;
            p->nui = base_priv.nui;
            p->ui_map = base_priv.ui_map;
        } else if (is_step(s, "questions.json")) {
            c->questions = base.questions;
            c->nquestions = base.nquestions;
            L->question_ids = base_question_ids;
        } else if (is_step(s, "causes.json")) {
            c->causes = base.causes;
            c->ncauses = base.ncauses;
        } else if (is_step(s, "advice.json")) {
            c->advice = base.advice;
            c->nadvice = base.nadvice;
            c->groups = base.groups;
            c->ngroups = base.ngroups;
            c->holds = base.holds;
            c->nholds = base.nholds;
        } else if (is_step(s, "flags.json")) {
            c->flags = base.flags;
            c->nflags = base.nflags;
        } else
            abort(); /* a step the harness does not know: update start_from_base */
    }
}

/* content_load with file `name` holding text: the same steps, the same problems, only
 * the steps the text can change. Returns content_load's code; on success *out is a
 * Content valid until cheap_free(). */
static int cheap_load(const char *name, const char *text, size_t len, Content *c,
                      struct ContentPrivate *p, Diags *diags)
{
    int fuzzed = step_of(name);
    Loader L = {.diags = diags};
    start_from_base(fuzzed, c, p, &L);
    size_t before = diags->count;
    Arena json_arena = {0};
    const JsonValue *questions_root = base_tree[step_of("questions.json")];
    bool all_read = true;
    char path[4096];
    for (int s = 0; s < NSTEPS; s++) {
        if (!rerun(fuzzed, s))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, content_files[s].name);
        L.file = path;
        const JsonValue *root = base_tree[s];
        if (s == fuzzed) {
            if (len > CONTENT_MAX_FILE_BYTES) {
                diags_add(diags, path, 0, 0, NULL, "file is too large (at most %d bytes)",
                          CONTENT_MAX_FILE_BYTES);
                all_read = false;
                continue;
            }
            JsonValue *parsed;
            JsonError jerr;
            int rc = json_parse(text, len, &json_arena, &parsed, &jerr);
            if (rc == PK_EINVAL) {
                diags_add(diags, path, jerr.line, jerr.col, NULL, "%s", jerr.msg);
                all_read = false;
                if (is_step(s, "questions.json"))
                    questions_root = NULL;
                continue;
            }
            if (rc) {
                L.nomem = true;
                break;
            }
            root = parsed;
            if (is_step(s, "questions.json"))
                questions_root = root;
        }
        if (all_read) /* as content_load: after a file it could not read, syntax only */
            content_files[s].load(&L, root);
    }
    L.file = dir;
    if (all_read && !L.nomem && diags->count == before)
        FUZZ_CONTENT_CHECK(&L, dir, questions_root);
    if (rerun(fuzzed, step_of("questions.json")))
        strmap_free(&L.question_ids);
    arena_free(&json_arena);
    if (L.nomem || diags->count != before)
        return L.nomem ? PK_ENOMEM : PK_ECONTENT;
    return 0;
}

/* Frees what cheap_load built for step `fuzzed` (never the base's parts). */
static void cheap_free(const char *name, struct ContentPrivate *p)
{
    if (rerun(step_of(name), step_of("ui.json")))
        strmap_free(&p->ui_map);
    arena_free(&p->arena);
}

/* The code point at p (valid UTF-8, as the JSON reader checked) and its length. */
static long code_point(const unsigned char *p, size_t *len)
{
    if (p[0] < 0x80) {
        *len = 1;
        return p[0];
    }
    long c = p[0] < 0xE0 ? p[0] & 0x1F : p[0] < 0xF0 ? p[0] & 0x0F : p[0] & 0x07;
    for (*len = 1; (p[*len] & 0xC0) == 0x80; (*len)++)
        c = c << 6 | (p[*len] & 0x3F);
    return c;
}

/* A text shown or printed holds no control character (C0 but the line feed, DEL, C1):
 * one went to the terminal of the text interview as it was; no invisible formatting
 * character (Unicode's Default_Ignorable_Code_Point list, the interlinear annotation
 * marks U+FFF9-U+FFFB and the line and paragraph separators U+2028-U+2029: U+202E
 * reordered a question, a text of a soft hyphen alone showed nothing); and it takes at
 * most CONTENT_MAX_TEXT_BYTES (a 500 KB question loaded). */
static void check_text(const Text *t)
{
    static const long invisible[][2] = {{0x00AD, 0x00AD},   {0x034F, 0x034F},  {0x061C, 0x061C},
                                        {0x115F, 0x1160},   {0x17B4, 0x17B5},  {0x180B, 0x180F},
                                        {0x200B, 0x200F},   {0x2028, 0x202E},  {0x2060, 0x206F},
                                        {0x3164, 0x3164},   {0xFE00, 0xFE0F},  {0xFEFF, 0xFEFF},
                                        {0xFFA0, 0xFFA0},   {0xFFF0, 0xFFFB},  {0x1BCA0, 0x1BCA3},
                                        {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF}};
    for (int l = 0; l < LANG_COUNT; l++) {
        if (t->s[l] && strlen(t->s[l]) > CONTENT_MAX_TEXT_BYTES)
            __builtin_trap();
        size_t len;
        for (const unsigned char *p = (const unsigned char *)t->s[l]; p && *p; p += len) {
            long c = code_point(p, &len);
            if ((c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F))
                __builtin_trap();
            for (size_t i = 0; i < sizeof invisible / sizeof invisible[0]; i++)
                if (c >= invisible[i][0] && c <= invisible[i][1])
                    __builtin_trap();
        }
    }
}

/* A phrase is never empty nor digits alone: typed alone, digits are the number of an
 * answer on the screen ("1" as a no phrase answered No to a red flag). */
static void check_phrases(const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!list[i][0] || list[i][strspn(list[i], "0123456789 ")] == '\0')
            __builtin_trap();
}

static void check_lexicon(const Lexicon *lx)
{
    for (int l = 0; l < LANG_COUNT; l++) {
        for (int n = 0; n <= 10; n++)
            check_phrases(lx->numbers[n][l], lx->nnumbers[n][l]);
        for (int k = 0; k < CMD_COUNT; k++)
            check_phrases(lx->commands[k][l], lx->ncommands[k][l]);
        check_phrases(lx->yes[l], lx->nyes[l]);
        check_phrases(lx->no[l], lx->nno[l]);
        check_phrases(lx->filler[l], lx->nfiller[l]);
        check_phrases(lx->scale_suffix[l], lx->nscale_suffix[l]);
    }
}

/* Every Content that loads must be usable: each question found by its id, its texts
 * free of control characters and not too long, its phrases not digits alone. */
static void check_content(const Content *c)
{
    for (size_t i = 0; i < c->nquestions; i++) {
        const Question *q = &c->questions[i];
        if (content_question_index(c, q->id) < 0)
            __builtin_trap();
        /* a code goes into the exports as it is: short, letters, digits and - . : _ */
        for (const char *p = q->code; p && *p; p++)
            if (p - q->code >= CONTENT_MAX_CODE_BYTES ||
                !(isalnum((unsigned char)*p) || strchr("-.:_", *p)))
                __builtin_trap();
        check_text(&q->text);
        check_text(&q->short_label);
        check_text(&q->help);
        check_text(&q->low);
        check_text(&q->high);
        for (size_t k = 0; k < q->noptions; k++) {
            check_text(&q->options[k].label);
            for (int l = 0; l < LANG_COUNT; l++)
                check_phrases(q->options[k].say[l], q->options[k].nsay[l]);
        }
    }
    check_lexicon(&c->lexicon);
    for (size_t i = 0; i < c->ncauses; i++) {
        check_text(&c->causes[i].title);
        check_text(&c->causes[i].text);
    }
    for (size_t i = 0; i < c->nflags; i++)
        check_text(&c->flags[i].text);
    for (size_t i = 0; i < c->nadvice; i++) {
        check_text(&c->advice[i].title);
        check_text(&c->advice[i].how);
        check_text(&c->advice[i].caution);
    }
    for (size_t i = 0; i < c->ngroups; i++)
        check_text(&c->groups[i].title);
    for (size_t i = 0; i < c->nholds; i++)
        check_text(&c->holds[i].text);
    for (size_t i = 0; i < c->priv->nui; i++)
        check_text(&c->priv->ui_texts[i]);
}

static bool same_diags(const Diags *a, const Diags *b)
{
    if (a->count != b->count)
        return false;
    for (size_t i = 0; i < a->count; i++) {
        const Diag *x = &a->items[i], *y = &b->items[i];
        if (strcmp(x->file, y->file) || x->line != y->line || x->col != y->col ||
            strcmp(x->msg, y->msg) || (!x->path) != (!y->path) ||
            (x->path && strcmp(x->path, y->path)))
            return false;
    }
    return true;
}

/* The same shape: as many of each entry, with the same ids. */
static bool same_content(const Content *a, const Content *b)
{
    if (a->nquestions != b->nquestions || a->ncauses != b->ncauses || a->nflags != b->nflags ||
        a->nadvice != b->nadvice || a->ngroups != b->ngroups || a->nholds != b->nholds ||
        a->priv->nui != b->priv->nui ||
        memcmp(&a->lexicon.nyes, &b->lexicon.nyes, sizeof a->lexicon.nyes) != 0)
        return false;
    for (size_t i = 0; i < a->nquestions; i++)
        if (strcmp(a->questions[i].id, b->questions[i].id) ||
            a->questions[i].noptions != b->questions[i].noptions)
            return false;
    for (size_t i = 0; i < a->ncauses; i++)
        if (strcmp(a->causes[i].id, b->causes[i].id))
            return false;
    for (size_t i = 0; i < a->nflags; i++)
        if (strcmp(a->flags[i].id, b->flags[i].id) || a->flags[i].tier != b->flags[i].tier)
            return false;
    for (size_t i = 0; i < a->nadvice; i++)
        if (strcmp(a->advice[i].id, b->advice[i].id))
            return false;
    return true;
}

/* The ordinary way: the text written into the scratch fixture, content_load() on it. */
static void compare_with_content_load(int which, const uint8_t *text, size_t len, int cheap_rc,
                                      const Diags *cheap, const Content *cheap_content)
{
    write_file(files[which], text, len);
    Content *c = NULL;
    Diags d = {0};
    int rc = content_load(dir, &c, &d);
    if (rc != cheap_rc || !same_diags(&d, cheap) || (c && !same_content(c, cheap_content))) {
        fprintf(stderr,
                "fuzz_content: %s: content_load gives %d with %zu problems, the "
                "cheap path %d with %zu\n",
                files[which], rc, d.count, cheap_rc, cheap->count);
        diags_print(&d, stderr);
        fprintf(stderr, "-- cheap path:\n");
        diags_print(cheap, stderr);
        __builtin_trap();
    }
    if (c)
        check_content(c);
    content_free(c);
    diags_free(&d);
    write_file(files[which], fixture[which], fixture_len[which]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0])
        setup();
    if (size < 1)
        return 0;
    int which = data[0] % NFILES;
    /* the text with a NUL after it, as file_read_regular hands it to the parser */
    char *text = malloc(size);
    if (!text)
        return 0;
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    Content c;
    struct ContentPrivate p;
    Diags d = {0};
    int rc = cheap_load(files[which], text, size - 1, &c, &p, &d);
    if (rc != 0 && rc != PK_ECONTENT && rc != PK_ENOMEM)
        __builtin_trap();
    if ((rc == 0) != (d.count == 0) && rc != PK_ENOMEM)
        __builtin_trap();
    if (rc == 0)
        check_content(&c);
    if (compare)
        compare_with_content_load(which, data + 1, size - 1, rc, &d, &c);
    cheap_free(files[which], &p);
    diags_free(&d);
    free(text);
    return 0;
}
