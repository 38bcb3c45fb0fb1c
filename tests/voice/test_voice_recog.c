/* The voice module's recognition and facade without a sound card: grammars from
 * content, recognition of real recordings from pocketsphinx-testdata, and the facade
 * with file-backed audio (WAV in, WAV out). */
#include <check.h>

#include "check_run.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/error.h"
#include "voice/asr.h"
#include "voice/audio.h"
#include "voice/grammar.h"
#include "voice/recog.h"
#include "voice/settings.h"
#include "voice/vad.h"
#include "voice/tts.h"
#include "voice/voice_backend.h"
#include "voice/wav.h"

#include "voice_test.h"

static double rms(const int16_t *p, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (double)p[i] * p[i];
    return n ? sqrt(s / n) / 32768.0 : 0;
}

/* ---- grammars from content ------------------------------------------------------------ */

static Content *load_min(void)
{
    Content *c = NULL;
    Diags d = {0};
    ck_assert_int_eq(content_load(CONTENT_MIN, &c, &d), 0);
    diags_free(&d);
    return c;
}

static const char *unknown_word; /* the one word the fake dictionary lacks */

static bool fake_knows(void *ctx, const char *word)
{
    (void)ctx;
    if (unknown_word && strcmp(word, unknown_word) == 0)
        return false;
    return strcmp(word, "dont") != 0; /* only the apostrophe form, as in cmudict */
}

/* Removes dir and the files in it. */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (e->d_name[0] != '.')
            remove(path);
    }
    closedir(d);
    rmdir(dir);
}

START_TEST(t_grammar)
{
    /* Answers alone in the answer grammar (no filler before them, no command, no
     * one-word synonym that collides with a number); commands in a grammar of their
     * own; the tight yes/no grammar for confirmations; leave-one-out without the
     * winner's phrases. */
    Content *c = load_min();
    static const struct {
        const char *question;
        GrammarPart part;
        int exclude;
        const char *has[3], *lacks[3];
    } rows[] = {
        {"where",
         GRAMMAR_ANSWERS,
         GRAMMAR_NONE,
         {"<option> ( [<fill>] <option> )*;", "left knee", "knees"},
         {"go back", "<command>", "[<fill>] <option> ("}},
        {"pain",
         GRAMMAR_ANSWERS,
         GRAMMAR_NONE,
         {"public <utterance> = <option>;", "| seven |", "| ten"},
         {"tail", "i don't know", "none"}},
        {"pain", GRAMMAR_ANSWERS, 7, {"| six |", "| eight", "zero"}, {"seven", "fill", "repeat"}},
        {"pain",
         GRAMMAR_COMMANDS,
         GRAMMAR_NONE,
         {"i don't know", "repeat", "go back"},
         {"seven", "yes", "done"}},
        {"urgent_q",
         GRAMMAR_ANSWERS,
         GRAMMAR_NONE,
         {"yes", "nope", "<option>"},
         {"<command>", "repeat", "seven"}},
        {"urgent_q", GRAMMAR_ANSWERS, 0, {"nope", "no", "<option>"}, {"yes", "yeah", "repeat"}},
        {"urgent_q",
         GRAMMAR_YESNO,
         GRAMMAR_NONE,
         {"yes", "nope", "no"},
         {"not really", "i do", "repeat"}},
        {NULL,
         GRAMMAR_ANSWERS,
         GRAMMAR_NONE,
         {"nope", "yes", "grammar global;"},
         {"start over", "<command>", "seven"}},
        {NULL,
         GRAMMAR_COMMANDS,
         GRAMMAR_NONE,
         {"start over", "repeat", "done"},
         {"nope", "seven", "<option> ("}},
    };
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        const Question *q = NULL;
        if (rows[r].question)
            q = &c->questions[content_question_index(c, rows[r].question)];
        GrammarSpellings sp = {0};
        char *jsgf = NULL, where[256];
        unknown_word = NULL;
        ck_assert_int_eq(grammar_build(c, q, rows[r].part, rows[r].exclude, "about my and",
                                       fake_knows, NULL, &sp, &jsgf, where, sizeof where),
                         0);
        for (int i = 0; i < 3; i++) {
            ck_assert_msg(strstr(jsgf, rows[r].has[i]), "row %zu lacks '%s':\n%s", r,
                          rows[r].has[i], jsgf);
            ck_assert_msg(!strstr(jsgf, rows[r].lacks[i]), "row %zu has '%s':\n%s", r,
                          rows[r].lacks[i], jsgf);
        }
        ck_assert_ptr_null(strstr(jsgf, "dont"));
        char back[256];
        grammar_rewrite(&sp, "i don't know", back, sizeof back);
        if (rows[r].part == GRAMMAR_COMMANDS && q)
            ck_assert_str_eq(back, "i dont know"); /* the content's spelling again */
        free(jsgf);
        grammar_spelling_free(&sp);
    }
    /* A word without pronunciation is a content error that names it. */
    GrammarSpellings sp = {0};
    char *jsgf = NULL, where[256];
    unknown_word = "lately";
    const Question *birth = &c->questions[content_question_index(c, "birth")];
    ck_assert_int_eq(grammar_build(c, birth, GRAMMAR_ANSWERS, GRAMMAR_NONE, NULL, fake_knows, NULL,
                                   &sp, &jsgf, where, sizeof where),
                     PK_ECONTENT);
    ck_assert_str_eq(where, "word 'lately' in 'lately'");
    ck_assert_ptr_null(jsgf);
    grammar_spelling_free(&sp);
    unknown_word = NULL;
    content_free(c);
}
END_TEST

/* ---- recognition of real recordings ---------------------------------------------------- */

static size_t file_size(const char *path)
{
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    return (size_t)st.st_size;
}

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    ck_assert_msg(fp != NULL, "cannot read %s (is pocketsphinx-testdata installed?)", path);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    rewind(fp);
    char *b = malloc((size_t)n + 1);
    ck_assert_uint_eq(fread(b, 1, (size_t)n, fp), (size_t)n);
    b[n] = '\0';
    fclose(fp);
    return b;
}

static Asr *open_asr(void)
{
    Asr *a = NULL;
    AsrConfig cfg = {MODEL "/en-us", MODEL "/cmudict-en-us.dict", NULL, NULL, NULL, NULL, 0};
    ck_assert_int_eq(asr_new(&a, &cfg), 0);
    return a;
}

START_TEST(t_asr_bad_mdef)
{
    /* PocketSphinx's text reader of a model definition calls exit(1), printing nothing,
     * on a missing, empty or foreign file: mdef = such a file in voice.conf stopped the
     * whole kiosk, silently, instead of it carrying on without listening (#13). */
    char empty_path[512], foreign_path[512], missing[512];
    snprintf(empty_path, sizeof empty_path, "%s", tmp_path("empty.mdef"));
    snprintf(foreign_path, sizeof foreign_path, "%s", tmp_path("foreign.mdef"));
    snprintf(missing, sizeof missing, "%s", tmp_path("missing.mdef"));
    FILE *fp = fopen(empty_path, "w");
    ck_assert_ptr_nonnull(fp);
    fclose(fp);
    fp = fopen(foreign_path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("# a comment\nhello world\n", fp);
    fclose(fp);
    remove(missing);
    static const char *const reasons[] = {"is not a file", "is not a PocketSphinx model definition",
                                          "is not a PocketSphinx model definition", "is missing"};
    const char *paths[] = {TEST_TMP_DIR, empty_path, foreign_path, missing};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        Asr *a = NULL;
        AsrConfig cfg = {
            MODEL "/en-us", MODEL "/cmudict-en-us.dict", NULL, NULL, paths[i], NULL, 0};
        ck_assert_int_eq(asr_new(&a, &cfg), PK_ENODEV);
        ck_assert_ptr_null(a);
        char buf[PK_WHY_MAX];
        const char *why = asr_model_problem(&cfg, buf, sizeof buf);
        ck_assert_ptr_nonnull(why);
        ck_assert_msg(strstr(why, reasons[i]) && strstr(why, paths[i]), "%s", why);
    }
    /* a binary mdef cut short crashed the kiosk, a text one with a bad line after its
     * header ended it (exit 1, inside PocketSphinx): both are loaded in a child first, and
     * refused (eighth audit, #13) */
    char *whole = slurp(MODEL "/en-us/mdef");
    static const size_t cuts[] = {60, 2000, 100000};
    char cut_path[512], text_path[512];
    snprintf(cut_path, sizeof cut_path, "%s", tmp_path("cut.mdef"));
    snprintf(text_path, sizeof text_path, "%s", tmp_path("bad-text.mdef"));
    fp = fopen(text_path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("0.3\n1 n_base\n0 n_tri\n4 n_state_map\n1 n_tied_state\n1 n_tied_ci_state\n"
          "1 n_tied_tmat\n#\nhello world\n",
          fp);
    fclose(fp);
    for (size_t i = 0; i <= sizeof cuts / sizeof cuts[0]; i++) {
        const char *path = i < sizeof cuts / sizeof cuts[0] ? cut_path : text_path;
        if (path == cut_path) {
            fp = fopen(cut_path, "wb");
            ck_assert_ptr_nonnull(fp);
            ck_assert_uint_eq(fwrite(whole, 1, cuts[i], fp), cuts[i]);
            fclose(fp);
        }
        AsrConfig cfg = {MODEL "/en-us", MODEL "/cmudict-en-us.dict", NULL, NULL, path, NULL, 0};
        Asr *a = NULL;
        PkWhy mwhy = {""};
        ck_assert_int_eq(asr_open(&a, &cfg, &mwhy), PK_ENODEV);
        ck_assert_ptr_null(a);
        ck_assert_msg(strstr(mwhy.text, "has a file cut short or damaged") &&
                          strstr(mwhy.text, path),
                      "%s", mwhy.text);
    }
    /* whole length, but a senone id past the model's (the last two bytes of the shipped
     * binary mdef): PocketSphinx writes through it; refused before it reads the file */
    size_t whole_len = file_size(MODEL "/en-us/mdef");
    whole[whole_len - 2] = (char)0xff;
    whole[whole_len - 1] = 0x7f;
    fp = fopen(cut_path, "wb");
    ck_assert_ptr_nonnull(fp);
    ck_assert_uint_eq(fwrite(whole, 1, whole_len, fp), whole_len);
    fclose(fp);
    {
        AsrConfig cfg = {
            MODEL "/en-us", MODEL "/cmudict-en-us.dict", NULL, NULL, cut_path, NULL, 0};
        char buf[PK_WHY_MAX];
        const char *why = asr_model_problem(&cfg, buf, sizeof buf);
        ck_assert_msg(why && strstr(why, "the mdef is"), "%s", why ? why : "(none)");
    }
    free(whole);
    remove(cut_path);
    remove(text_path);
    /* a missing dictionary (a typo in voice.conf) read only "the speech recognition model
     * cannot be loaded" (seventh audit, #13) */
    for (int k = 0; k < 3; k++) {
        AsrConfig cfg = {MODEL "/en-us",
                         k == 0 ? missing : MODEL "/cmudict-en-us.dict",
                         NULL,
                         k == 2 ? missing : NULL,
                         NULL,
                         k == 1 ? TEST_TMP_DIR : NULL,
                         0};
        Asr *a = NULL;
        ck_assert_int_eq(asr_new(&a, &cfg), PK_ENODEV);
        char buf[PK_WHY_MAX];
        const char *why = asr_model_problem(&cfg, buf, sizeof buf);
        ck_assert_ptr_nonnull(why);
        static const char *const want[] = {"dict ", "noisedict ", "competitor "};
        ck_assert_msg(strncmp(why, want[k], strlen(want[k])) == 0 &&
                          strstr(why, k == 1 ? "is not a file" : "is missing"),
                      "%s", why);
    }
    /* an extra dictionary's line over 511 characters was split, and its tail read as an
     * entry of its own (seventh audit, #13): refused with its line */
    char long_path[512];
    snprintf(long_path, sizeof long_path, "%s", tmp_path("long.dict"));
    fp = fopen(long_path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(";;; fine\r\nkiosk K IY AA S K\n;;; ", fp);
    for (int i = 0; i < 500; i++)
        fputc('x', fp);
    fputs(" zzword Z Z\n", fp);
    fclose(fp);
    AsrConfig with_long = {
        MODEL "/en-us", MODEL "/cmudict-en-us.dict", long_path, NULL, NULL, NULL, 0};
    Asr *a = NULL;
    ck_assert_int_eq(asr_new(&a, &with_long), PK_EIO);
    char lbuf[PK_WHY_MAX];
    const char *lwhy = asr_extra_dict_problem(long_path, lbuf, sizeof lbuf);
    ck_assert_ptr_nonnull(lwhy);
    ck_assert_msg(strstr(lwhy, ":3: line is longer than 511 characters"), "%s", lwhy);
    remove(long_path);
    /* an extra dictionary's word with a phone the model does not have, or with none, was
     * dropped silently, and the word stayed unknown (eighth audit, #13): refused with its
     * line */
    static const struct {
        const char *text, *want;
    } bad_dicts[] = {
        {"kiosk K IY AA S K\n;;; lower case\nzzword z z\n",
         ":3: \"zzword\" has a phone the speech"},
        {"# a word alone\nzzword Z QQ\n", ":2: \"zzword\" has a phone the speech"},
        {"zzword\r\n", ":1: \"zzword\" has no phones"},
        {"zzword \t \n", ":1: \"zzword\" has no phones"},
    };
    for (size_t i = 0; i < sizeof bad_dicts / sizeof bad_dicts[0]; i++) {
        fp = fopen(long_path, "w");
        ck_assert_ptr_nonnull(fp);
        fputs(bad_dicts[i].text, fp);
        fclose(fp);
        PkWhy dwhy = {""};
        a = NULL;
        ck_assert_int_eq(asr_open(&a, &with_long, &dwhy), PK_EIO);
        ck_assert_ptr_null(a);
        ck_assert_msg(strstr(dwhy.text, bad_dicts[i].want) && strstr(dwhy.text, long_path), "%s",
                      dwhy.text);
    }
    fp = fopen(long_path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(";;; fine\nzzword Z Z\nkiosk K IY AA S K\n", fp);
    fclose(fp);
    ck_assert_int_eq(asr_open(&a, &with_long, NULL), 0);
    ck_assert(asr_knows_word(a, "zzword"));
    asr_free(a);
    remove(long_path);
    /* the model's own binary mdef passes */
    AsrConfig good = {
        MODEL "/en-us", MODEL "/cmudict-en-us.dict", NULL, NULL, MODEL "/en-us/mdef", NULL, 0};
    char buf[PK_WHY_MAX];
    ck_assert_ptr_null(asr_model_problem(&good, buf, sizeof buf));
    remove(empty_path);
    remove(foreign_path);
}
END_TEST

/* Opens the named pipe at path for writing and closes it again (an end of file for a
 * reader waiting on it), for up to five seconds, in a child: the test ends whether or
 * not something opens the pipe to read it. */
static pid_t release_pipe_soon(const char *path)
{
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    for (int i = 0; i < 50; i++) {
        int fd = open(path, O_WRONLY | O_NONBLOCK);
        if (fd >= 0) {
            close(fd);
            i = 0; /* a second reader (the load itself) may come after the trial */
        }
        nanosleep(&(struct timespec){0, 100000000L}, NULL);
    }
    _exit(0);
}

START_TEST(t_asr_model_load_limit)
{
    /* a model load that hangs (a disk that stops answering, a file PocketSphinx loops on)
     * held the kiosk's start for ever: the trial load waited for its child without a
     * limit. Here the limit is below the 30 ms the model takes. */
    AsrConfig cfg = {MODEL "/en-us", MODEL "/cmudict-en-us.dict", NULL, NULL, NULL, NULL, 1};
    Asr *a = NULL;
    PkWhy why = {""};
    ck_assert_int_eq(asr_open(&a, &cfg, &why), PK_ENODEV);
    ck_assert_ptr_null(a);
    ck_assert_msg(strstr(why.text, "takes too long to load it"), "%s", why.text);
    /* with the default limit the same model loads */
    cfg.load_limit_ms = 0;
    ck_assert_int_eq(asr_open(&a, &cfg, &why), 0);
    asr_free(a);
}
END_TEST

START_TEST(t_asr_model_folder_pipe)
{
    /* ninth audit (#13): a named pipe among the model folder's files (means) held the
     * start for ever: the trial load's child waited on the pipe, the kiosk on the child.
     * A folder of links to the model's files, and a pipe for its means. */
    char dir[512], path[1024];
    snprintf(dir, sizeof dir, "%s", tmp_path("pipe-model"));
    mkdir(dir, 0700);
    DIR *d = opendir(MODEL "/en-us");
    ck_assert_ptr_nonnull(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        char target[1024];
        snprintf(target, sizeof target, "%s/%s", MODEL "/en-us", e->d_name);
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        remove(path);
        if (strcmp(e->d_name, "means") == 0)
            ck_assert_int_eq(mkfifo(path, 0600), 0);
        else
            ck_assert_int_eq(symlink(target, path), 0);
    }
    closedir(d);
    snprintf(path, sizeof path, "%s/means", dir);
    pid_t helper = release_pipe_soon(path);
    ck_assert_int_ge(helper, 0);
    AsrConfig cfg = {dir, MODEL "/cmudict-en-us.dict", NULL, NULL, NULL, NULL, 0};
    Asr *a = NULL;
    PkWhy why = {""};
    ck_assert_int_eq(asr_open(&a, &cfg, &why), PK_ENODEV);
    ck_assert_ptr_null(a);
    ck_assert_msg(strstr(why.text, "means is a named pipe (FIFO), not a file"), "%s", why.text);
    kill(helper, SIGKILL);
    waitpid(helper, NULL, 0);
    remove_dir(dir);
}
END_TEST

/* asr_model_problem(cfg) as a user who is not root, when the test runs as root (root
 * reads any file): in a child that becomes nobody, the reason back through a pipe. */
static void model_problem_unprivileged(const AsrConfig *cfg, char *buf, size_t size)
{
    buf[0] = '\0';
    if (geteuid() != 0) {
        const char *why = asr_model_problem(cfg, buf, size);
        if (!why)
            buf[0] = '\0';
        return;
    }
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        close(fds[0]);
        char why[PK_WHY_MAX] = "";
        if (setgid(65534) != 0 || setuid(65534) != 0)
            _exit(2);
        const char *got = asr_model_problem(cfg, why, sizeof why);
        ssize_t w = write(fds[1], got ? got : "", got ? strlen(got) : 0);
        _exit(w < 0);
    }
    close(fds[1]);
    size_t n = 0;
    for (ssize_t got; n + 1 < size && (got = read(fds[0], buf + n, size - 1 - n)) > 0;)
        n += (size_t)got;
    buf[n] = '\0';
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child could not drop root");
}

START_TEST(t_asr_model_file_reasons)
{
    /* eleventh audit (#13): a folder or an unreadable file in the place of the model's
     * means, or a model folder that is missing, read "has a file cut short or damaged:
     * PocketSphinx refuses it"; an unreadable dictionary read no reason at all, and a
     * loop of links "is missing". A folder of links to the model's files, readable by
     * every user (the unreadable rows run as nobody when the test runs as root). */
    char dir[512], means[1024], loop[1024], unreadable[1024], missing[1024];
    snprintf(dir, sizeof dir, "%s", tmp_path("reasons-model"));
    snprintf(means, sizeof means, "%s/means", dir);
    snprintf(loop, sizeof loop, "%s", tmp_path("loop.dict"));
    snprintf(unreadable, sizeof unreadable, "%s", tmp_path("unreadable.dict"));
    snprintf(missing, sizeof missing, "%s", tmp_path("no-such-model"));
    ck_assert_int_eq(mkdir(dir, 0755), 0);
    DIR *d = opendir(MODEL "/en-us");
    ck_assert_ptr_nonnull(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        char target[1024], path[1024];
        if (e->d_name[0] == '.' || strcmp(e->d_name, "means") == 0)
            continue;
        snprintf(target, sizeof target, "%s/%s", MODEL "/en-us", e->d_name);
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        ck_assert_int_eq(symlink(target, path), 0);
    }
    closedir(d);
    ck_assert_int_eq(symlink(loop, loop), 0);
    FILE *fp = fopen(unreadable, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("yes Y EH S\n", fp);
    fclose(fp);
    ck_assert_int_eq(chmod(unreadable, 0), 0);
    static const struct {
        const char *means; /* what the means is: "dir", "file" (mode 0), or the model's */
        int hmm, dict;     /* 0: the folder / the model's dictionary, 1: missing, 2: loop, 3:
                              unreadable */
        const char *want;
    } rows[] = {
        {"dir", 0, 0, "means is a directory, not a file"},
        {"file", 0, 0, "means cannot be read (permission denied)"},
        {"model", 1, 0, "the model folder "},
        {"model", 0, 2, "loop.dict is a loop of symbolic links"},
        {"model", 0, 3, "unreadable.dict cannot be read (permission denied)"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        remove(means);
        rmdir(means);
        if (strcmp(rows[i].means, "dir") == 0)
            ck_assert_int_eq(mkdir(means, 0755), 0);
        else if (strcmp(rows[i].means, "file") == 0)
            ck_assert_int_eq(close(open(means, O_WRONLY | O_CREAT | O_EXCL, 0)), 0);
        else
            ck_assert_int_eq(symlink(MODEL "/en-us/means", means), 0);
        const char *dict = rows[i].dict == 2   ? loop
                           : rows[i].dict == 3 ? unreadable
                                               : MODEL "/cmudict-en-us.dict";
        AsrConfig cfg = {rows[i].hmm ? missing : dir, dict, NULL, NULL, NULL, NULL, 0};
        char why[PK_WHY_MAX];
        model_problem_unprivileged(&cfg, why, sizeof why);
        ck_assert_msg(strstr(why, rows[i].want), "row %zu: \"%s\"", i, why);
        if (rows[i].hmm)
            ck_assert_msg(strstr(why, "is missing"), "row %zu: \"%s\"", i, why);
    }
    /* the model as it is passes, and so does a folder or a file of another name */
    char extra[1024];
    snprintf(extra, sizeof extra, "%s/notes", dir);
    ck_assert_int_eq(mkdir(extra, 0755), 0);
    AsrConfig good = {dir, MODEL "/cmudict-en-us.dict", NULL, NULL, NULL, NULL, 0};
    char why[PK_WHY_MAX];
    model_problem_unprivileged(&good, why, sizeof why);
    ck_assert_msg(why[0] == '\0', "%s", why);
    rmdir(extra);
    remove(loop);
    remove(unreadable);
    remove_dir(dir);
}
END_TEST

START_TEST(t_asr_human)
{
    /* People reading card names (cards.gram) and a robot command (goforward.gram). */
    static const struct {
        const char *grammar, *audio, *said;
    } rows[] = {
        {"cards/cards.gram", "cards/001.wav", "ten of clubs"},
        {"cards/cards.gram", "cards/002.wav", "four queen of clubs"},
        {"cards/cards.gram", "cards/003.wav", "seven of clubs"},
        {"cards/cards.gram", "cards/004.wav", "five five"},
        {"cards/cards.gram", "cards/005.wav", "eight of spades four of clubs seven of hearts"},
        {"goforward.gram", "goforward.raw", "go forward ten meters"},
    };
    Asr *a = open_asr();
    VoiceSettings s;
    voice_settings_load(PPKIOSK_SOURCE_DIR "/models", &s, NULL);
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", TESTDATA, rows[r].grammar);
        char *gram = slurp(path);
        ck_assert_int_eq(asr_add_grammar(a, "test", gram), 0);
        free(gram);
        snprintf(path, sizeof path, "%s/%s", TESTDATA, rows[r].audio);
        int16_t *pcm = NULL;
        size_t n = 0;
        if (strstr(path, ".raw")) {
            char *raw = slurp(path);
            FILE *fp = fopen(path, "rb");
            fseek(fp, 0, SEEK_END);
            n = (size_t)ftell(fp) / 2;
            fclose(fp);
            pcm = malloc(n * 2);
            memcpy(pcm, raw, n * 2);
            free(raw);
        } else {
            ck_assert_int_eq(wav_read_16k(path, &pcm, &n, NULL), 0);
        }
        AsrResult res, phone;
        ck_assert_int_eq(asr_decode(a, "test", pcm, n, &res), 0);
        ck_assert_str_eq(res.text, rows[r].said);
        ck_assert_int_eq(asr_decode(a, ASR_PHONE_SEARCH, pcm, n, &phone), 0);
        asr_commit(a);
        /* Real in-grammar speech is well above the rejection threshold. */
        double llr = res.score - phone.score;
        ck_assert_msg(llr > s.reject_llr, "%s: llr %g", rows[r].audio, llr);
        free(pcm);
    }
    asr_free(a);
}
END_TEST

/* ---- the facade with file-backed audio ---------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Waits up to seconds for an event of kind (VOICE_EV_NONE: any); returns it. */
static VoiceEvent wait_event(Voice *v, VoiceEventKind kind, double seconds)
{
    VoiceEvent ev = {0};
    double until = now_s() + seconds;
    while (now_s() < until) {
        while (voice_poll(v, &ev))
            if (kind == VOICE_EV_NONE || ev.kind == kind)
                return ev;
        struct timespec ts = {0, 5000000L};
        nanosleep(&ts, NULL);
    }
    ev.kind = VOICE_EV_NONE;
    return ev;
}

static VoiceOptions options(void)
{
    VoiceOptions o = {PPKIOSK_SOURCE_DIR "/models", true, true, VOICE_DEFAULT_RATE_WPM,
                      VOICE_DEFAULT_VOLUME};
    return o;
}

START_TEST(t_voice_without_devices)
{
    Content *c = load_min();
    VoiceOptions o = options();
    Voice *v = NULL;
    ck_assert_int_eq(voice_open_with(&v, c, &o, NULL, NULL, NULL), 0);
    VoiceStatus st = voice_status(v);
    ck_assert(!st.can_speak);
    ck_assert(!st.can_listen);
    voice_speak(v, "Where does it hurt?", LANG_EN); /* nothing to speak on: done at once */
    ck_assert_int_eq(wait_event(v, VOICE_EV_NONE, 1.0).kind, VOICE_EV_SPEECH_DONE);
    ck_assert(!voice_speaking(v));
    ck_assert(voice_level(v) == 0.0f);
    voice_listen(v, &c->questions[content_question_index(c, "pain")], LANG_EN);
    /* Scripted audio still goes through the recogniser. */
    ck_assert_int_eq(voice_feed_wav(v, "/nonexistent.wav", NULL), PK_EIO);
    /* the reason is told: a folder read "file could not be read or written" to the
       script's audio command (eleventh audit, #13) */
    PkWhy fed = {""};
    ck_assert_int_eq(voice_feed_wav(v, TEST_TMP_DIR, &fed), PK_EIO);
    ck_assert_msg(strstr(fed.text, "is a directory, not a file"), "%s", fed.text);
    const char *quiet = tmp_path("quiet.wav");
    int16_t zeros[16000] = {0};
    ck_assert_int_eq(wav_write(quiet, zeros, 16000, 16000), 0);
    ck_assert_int_eq(voice_feed_wav(v, quiet, NULL), 0);
    ck_assert_int_eq(wait_event(v, VOICE_EV_NONE, 1.0).kind, VOICE_EV_NO_SPEECH);
    char path[512];
    snprintf(path, sizeof path, "%s", quiet);
    remove(path);
    ck_assert_int_eq(
        voice_feed_wav(v, TESTDATA "/librivox/sense_and_sensibility_01_austen_64kb-0880.wav", NULL),
        0);
    ck_assert_int_eq(wait_event(v, VOICE_EV_NONE, 1.0).kind, VOICE_EV_REJECTED);
    voice_close(v);
    voice_close(NULL);
    content_free(c);
}
END_TEST

START_TEST(t_voice_speaks_into_a_file)
{
    Content *c = load_min();
    VoiceOptions o = options();
    char out[512];
    snprintf(out, sizeof out, "%s", tmp_path("spoken.wav"));
    AudioSink *sink = NULL;
    ck_assert_int_eq(audio_wav_sink_open(&sink, out, 22050), 0);
    Voice *v = NULL;
    ck_assert_int_eq(voice_open_with(&v, c, &o, sink, NULL, NULL), 0);
    ck_assert(voice_status(v).can_speak);
    /* No check of voice_speaking() here: into a file, speech can be done before this
     * thread runs again on a loaded machine. */
    voice_speak(v, "How much does it hurt right now?", LANG_EN);
    ck_assert_int_eq(wait_event(v, VOICE_EV_SPEECH_DONE, 20.0).kind, VOICE_EV_SPEECH_DONE);
    ck_assert(!voice_speaking(v));
    /* A touch stops speech at once: the UI hears SPEECH_DONE immediately. */
    voice_speak(v, "¿Dónde le duele? Puede decir la espalda, las rodillas o las muñecas.", LANG_ES);
    double t0 = now_s();
    voice_stop(v);
    ck_assert(!voice_speaking(v));
    ck_assert_int_eq(wait_event(v, VOICE_EV_SPEECH_DONE, 1.0).kind, VOICE_EV_SPEECH_DONE);
    ck_assert(now_s() - t0 < 0.5);
    voice_set_volume(v, 30);
    voice_close(v);
    int16_t *pcm = NULL;
    size_t n = 0;
    ck_assert_int_eq(wav_read_16k(out, &pcm, &n, NULL), 0);
    ck_assert_msg(n > 16000, "only %zu samples spoken", n); /* over a second of speech */
    ck_assert(rms(pcm, n) > 0.01);
    free(pcm);
    remove(out);
    content_free(c);
}
END_TEST

START_TEST(t_voice_speaks_then)
{
    /* The attract screen is spoken in English, then in Spanish: alone, "Tap to start."
     * takes about 1.2 s and "Toque para empezar." about 1.4 s. (One voice per test:
     * eSpeak NG can hang when terminated again in one process.) */
    Content *c = load_min();
    VoiceOptions o = options();
    char out[512];
    snprintf(out, sizeof out, "%s", tmp_path("spoken-then.wav"));
    AudioSink *sink = NULL;
    ck_assert_int_eq(audio_wav_sink_open(&sink, out, 22050), 0);
    Voice *v = NULL;
    ck_assert_int_eq(voice_open_with(&v, c, &o, sink, NULL, NULL), 0);
    voice_speak_then(v, "Tap to start.", LANG_EN, "Toque para empezar.", LANG_ES);
    ck_assert_int_eq(wait_event(v, VOICE_EV_SPEECH_DONE, 20.0).kind, VOICE_EV_SPEECH_DONE);
    voice_close(v);
    int16_t *pcm = NULL;
    size_t n = 0;
    ck_assert_int_eq(wav_read_16k(out, &pcm, &n, NULL), 0);
    ck_assert_msg(n > 2 * 16000, "only %zu samples: the Spanish part is missing", n);
    free(pcm);
    remove(out);
    content_free(c);
}
END_TEST

START_TEST(t_voice_listens_to_a_file)
{
    /* A WAV file as the microphone: the listening thread finds the speech, decodes it
     * with the question's grammar and reports a result, not a time-out. */
    Content *c = load_min();
    VoiceOptions o = options();
    AudioSource *src = NULL;
    ck_assert_int_eq(audio_wav_source_open(&src, TESTDATA "/cards/003.wav"), 0);
    Voice *v = NULL;
    ck_assert_int_eq(voice_open_with(&v, c, &o, NULL, src, NULL), 0);
    ck_assert(voice_status(v).can_listen);
    voice_listen(v, &c->questions[content_question_index(c, "pain")], LANG_EN);
    VoiceEvent ev = wait_event(v, VOICE_EV_NONE, 20.0);
    ck_assert_msg(ev.kind == VOICE_EV_HEARD || ev.kind == VOICE_EV_REJECTED, "event %d",
                  (int)ev.kind);
    if (ev.kind == VOICE_EV_HEARD) /* "seven of clubs": seven is the only answer in it */
        ck_assert_ptr_nonnull(strstr(ev.text, "seven"));
    voice_listen(v, NULL, LANG_ES); /* Spanish sessions do not listen */
    ck_assert_int_eq(wait_event(v, VOICE_EV_NONE, 0.3).kind, VOICE_EV_NONE);
    voice_stop_listening(v);
    voice_close(v);
    content_free(c);
}
END_TEST

START_TEST(t_voice_no_speech)
{
    /* A quiet room: after no_speech_ms the kiosk is told, and listening stops. */
    char dir[256], conf[300], quiet[300];
    snprintf(dir, sizeof dir, "/tmp/voice-test-%ld-models", (long)getpid());
    mkdir(dir, 0700);
    snprintf(conf, sizeof conf, "%s/voice.conf", dir);
    FILE *fp = fopen(conf, "w");
    fputs("no_speech_ms = 500\n", fp);
    fclose(fp);
    snprintf(quiet, sizeof quiet, "%s/quiet.wav", dir);
    int16_t zeros[3200] = {0};
    ck_assert_int_eq(wav_write(quiet, zeros, 3200, 16000), 0);
    Content *c = load_min();
    VoiceOptions o = options();
    o.models_dir = dir;
    AudioSource *src = NULL;
    ck_assert_int_eq(audio_wav_source_open(&src, quiet), 0);
    Voice *v = NULL;
    ck_assert_int_eq(voice_open_with(&v, c, &o, NULL, src, NULL), 0);
    voice_listen(v, NULL, LANG_EN);
    double t0 = now_s();
    ck_assert_int_eq(wait_event(v, VOICE_EV_NONE, 5.0).kind, VOICE_EV_NO_SPEECH);
    ck_assert(now_s() - t0 < 3.0);
    ck_assert_int_eq(wait_event(v, VOICE_EV_NONE, 0.7).kind, VOICE_EV_NONE); /* once */
    voice_close(v);
    content_free(c);
    remove(quiet);
    remove(conf);
    rmdir(dir);
}
END_TEST

/* A voice on the small content, with eSpeak NG started for spoken_yes(). */
static Voice *open_speaking(const Content *c)
{
    VoiceOptions o = options();
    Voice *v = NULL;
    ck_assert_int_eq(voice_open_with(&v, c, &o, NULL, NULL, NULL), 0);
    ck_assert_int_gt(tts_init(), 0);
    return v;
}

/* "yes" spoken by eSpeak NG into the test's file name; returns its path. */
static const char *spoken_yes(const char *name)
{
    int16_t *pcm = NULL;
    size_t n = 0;
    ck_assert_int_eq(
        tts_to_pcm("yes", LANG_EN, VOICE_DEFAULT_RATE_WPM, VOICE_DEFAULT_VOLUME, &pcm, &n), 0);
    const char *path = tmp_path(name);
    ck_assert_int_eq(wav_write(path, pcm, n, tts_init()), 0);
    free(pcm);
    return path;
}

START_TEST(t_voice_forgets_what_it_heard)
{
    /* What was heard leaves the voice's buffers once taken: the queue slot is wiped
     * by voice_poll(), the rest at voice_new_session(). */
    Content *c = load_min();
    Voice *v = open_speaking(c);
    const char *path = spoken_yes("yes.wav");
    voice_listen(v, &c->questions[content_question_index(c, "urgent_q")], LANG_EN);
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(voice_feed_wav(v, path, NULL), 0);
    ck_assert(voice_holds_text(v, "yes"));
    VoiceEvent ev;
    ck_assert(voice_poll(v, &ev));
    ck_assert_int_eq(ev.kind, VOICE_EV_HEARD);
    ck_assert_str_eq(ev.text, "yes");
    ck_assert(voice_holds_text(v, "yes")); /* the second one, not taken yet */
    voice_new_session(v);
    ck_assert(!voice_holds_text(v, "yes"));
    ck_assert(!voice_poll(v, &ev));
    ck_assert_int_eq(voice_feed_wav(v, path, NULL), 0);
    ck_assert(voice_poll(v, &ev));
    ck_assert(!voice_holds_text(v, "yes")); /* taken: the slot is wiped */
    voice_close(v);
    tts_term();
    remove(path);
    content_free(c);
}
END_TEST

START_TEST(t_voice_drops_results_for_the_screen_before)
{
    /* A "yes" heard for one screen and still queued when a tap moved on is never given to
     * the next screen (it once answered the next safety question, unread): a new
     * voice_listen() or voice_stop_listening() drops it, wiped; other events stay. */
    Content *c = load_min();
    Voice *v = open_speaking(c);
    const char *path = spoken_yes("yes-before.wav");
    const Question *urgent = &c->questions[content_question_index(c, "urgent_q")];
    const Question *pain = &c->questions[content_question_index(c, "pain")];
    for (int stop = 0; stop < 2; stop++) {
        voice_listen(v, urgent, LANG_EN);
        ck_assert_int_eq(voice_feed_wav(v, path, NULL), 0);
        voice_speak(v, "Next.", LANG_EN); /* no speaker: done at once, and queued */
        ck_assert(voice_holds_text(v, "yes"));
        if (stop)
            voice_stop_listening(v);
        else
            voice_listen(v, pain, LANG_EN); /* the next screen */
        ck_assert(!voice_holds_text(v, "yes"));
        VoiceEvent ev;
        ck_assert(voice_poll(v, &ev));
        ck_assert_int_eq(ev.kind, VOICE_EV_SPEECH_DONE);
        ck_assert_msg(!voice_poll(v, &ev), "event %d (\"%s\") for the screen before", (int)ev.kind,
                      ev.text);
    }
    /* a result for the screen being listened to still arrives */
    ck_assert_int_eq(voice_feed_wav(v, path, NULL), 0);
    VoiceEvent ev;
    ck_assert(voice_poll(v, &ev));
    ck_assert_int_eq(ev.kind, VOICE_EV_HEARD);
    voice_close(v);
    tts_term();
    remove(path);
    content_free(c);
}
END_TEST

static Suite *voice_recog_suite(void)
{
    Suite *s = suite_create("voice_recog");
    TCase *t = tcase_create("recognition");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, t_grammar);
    tcase_add_test(t, t_asr_human);
    tcase_add_test(t, t_asr_bad_mdef);
    tcase_add_test(t, t_asr_model_folder_pipe);
    tcase_add_test(t, t_asr_model_file_reasons);
    tcase_add_test(t, t_asr_model_load_limit);
    suite_add_tcase(s, t);
    t = tcase_create("facade");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, t_voice_without_devices);
    tcase_add_test(t, t_voice_speaks_into_a_file);
    tcase_add_test(t, t_voice_speaks_then);
    tcase_add_test(t, t_voice_listens_to_a_file);
    tcase_add_test(t, t_voice_no_speech);
    tcase_add_test(t, t_voice_forgets_what_it_heard);
    tcase_add_test(t, t_voice_drops_results_for_the_screen_before);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return check_run(voice_recog_suite());
}
