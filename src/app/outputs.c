/* The files the command line asks for after an interview: --pdf-out and --fhir-out. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE /* O_TMPFILE */
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "../core/error.h"
#include "../core/wipe.h"
#include "../print/printer.h"
#include "app.h"

/* The paper for --pdf-out: PPKIOSK_PAPER ("letter", "a4", "receipt"), else Letter. */
static int output_paper(Paper *paper)
{
    const char *env = getenv("PPKIOSK_PAPER");
    *paper = PAPER_LETTER;
    if (env && *env && paper_parse(env, paper) != 0) {
        PkWhy why; /* shown plain: no terminal codes from the environment */
        pk_fail(&why, PK_EINVAL, "PPKIOSK_PAPER must be letter, a4 or receipt, not \"%s\"", env);
        fprintf(stderr, "ppkiosk: %s\n", why.text);
        return PK_EINVAL;
    }
    return 0;
}

/* A new file for path is made as a 0600 file without a name in the same folder
 * (O_TMPFILE), which gets its name only once it is whole: a crash or a SIGKILL while it
 * is written leaves nothing on the disk (a named temp file stayed, holding the summary
 * written so far). It is put in place without force by a link, which never replaces
 * anything (an existing file or symlink is refused); with force under a temp name first,
 * then by rename(), which replaces the name itself and never writes through a symlink.
 * Where the file system has no O_TMPFILE, the file is a named 0600 temp file from the
 * start. A temp name is always removed. */
typedef struct {
    char tmp[4096]; /* the temp file's name; "" while the file has none */
    int fd;
    bool unnamed;
} NewFile;

static int new_file_open(NewFile *nf, const char *path)
{
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path) + 1 : 0;
    int w = snprintf(nf->tmp, sizeof nf->tmp, "%.*s.ppkiosk-XXXXXX", dirlen, path);
    if (w < 0 || (size_t)w >= sizeof nf->tmp) {
        errno = ENAMETOOLONG;
        return PK_EIO;
    }
    nf->unnamed = false;
#ifdef O_TMPFILE
    char dir[4096];
    snprintf(dir, sizeof dir, "%.*s", dirlen ? dirlen : 1, dirlen ? path : ".");
    nf->fd = open(dir, O_TMPFILE | O_RDWR, 0600);
    if (nf->fd >= 0) {
        nf->unnamed = true;
        nf->tmp[0] = '\0';
        return 0;
    }
    snprintf(nf->tmp, sizeof nf->tmp, "%.*s.ppkiosk-XXXXXX", dirlen, path);
#endif
    nf->fd = mkstemp(nf->tmp); /* O_EXCL, mode 0600 */
    return nf->fd < 0 ? PK_EIO : 0;
}

/* Gives the unnamed file of nf the name path (never replacing one); 0 or -1 (errno). */
static int new_file_link(const NewFile *nf, const char *path)
{
    char self[64];
    snprintf(self, sizeof self, "/proc/self/fd/%d", nf->fd);
    return linkat(AT_FDCWD, self, AT_FDCWD, path, AT_SYMLINK_FOLLOW);
}

/* Puts the finished file in place (see above), its descriptor still open; 0, or PK_EIO
 * with errno set. */
static int new_file_place(NewFile *nf, const char *path, bool force)
{
    int rc;
    if (nf->unnamed && !force) {
        rc = new_file_link(nf, path);
        return rc == 0 ? 0 : PK_EIO;
    }
    if (nf->unnamed) { /* a temp name for rename(), free of any other file's */
        const char *slash = strrchr(path, '/');
        int dirlen = slash ? (int)(slash - path) + 1 : 0;
        rc = -1;
        errno = EEXIST;
        for (unsigned i = 0; rc != 0 && errno == EEXIST && i < 100; i++) {
            snprintf(nf->tmp, sizeof nf->tmp, "%.*s.ppkiosk-%ld-%u", dirlen, path, (long)getpid(),
                     i);
            rc = new_file_link(nf, nf->tmp);
        }
        if (rc != 0) {
            nf->tmp[0] = '\0';
            return PK_EIO;
        }
    }
    rc = force ? rename(nf->tmp, path) : link(nf->tmp, path);
    int e = errno;
    unlink(nf->tmp); /* after rename the name is gone already */
    errno = e;
    return rc == 0 ? 0 : PK_EIO;
}

static void new_file_abandon(NewFile *nf)
{
    int e = errno;
    if (nf->fd >= 0)
        close(nf->fd);
    nf->fd = -1;
    if (nf->tmp[0])
        unlink(nf->tmp);
    errno = e;
}

static void report(const char *what, const char *path, int err, const PkWhy *why)
{
    if (why->text[0])
        fprintf(stderr, "ppkiosk: cannot write the %s %s: %s\n", what, path, why->text);
    else if (err == PK_EIO && errno == EEXIST)
        fprintf(stderr, "ppkiosk: the %s %s exists already; give --force to replace it\n", what,
                path);
    else if (err == PK_EIO)
        fprintf(stderr, "ppkiosk: cannot write the %s %s: %s\n", what, path, strerror(errno));
    else
        fprintf(stderr, "ppkiosk: cannot write the %s %s: %s\n", what, path, pk_strerror(err));
}

/* One export: the summary, and the paper of a PDF. */
typedef struct {
    const Summary *sum;
    Paper paper;
} Export;

/* Streams sum through write into fd (a stream of its own on a copy of fd). */
static int stream_to_fd(const Summary *sum, int fd, int (*write)(const Summary *, FILE *))
{
    int own = dup(fd);
    FILE *f = own >= 0 ? fdopen(own, "w") : NULL;
    if (!f) {
        if (own >= 0)
            close(own);
        return PK_EIO;
    }
    int err = write(sum, f);
    if (fclose(f) != 0 && !err)
        err = PK_EIO;
    return err;
}

static int fhir_to_fd(const void *ctx, int fd, PkWhy *why)
{
    (void)why;
    return stream_to_fd(((const Export *)ctx)->sum, fd, fhir_write);
}

static int pdf_to_fd(const void *ctx, int fd, PkWhy *why)
{
    const Export *e = ctx;
    (void)why;
    /* Written through the descriptor's own name, so it is our temp file that gets the
     * PDF even if someone swaps the name meanwhile. */
    char self[64];
    snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
    return print_pdf_file(e->sum, e->paper, self);
}

int app_write_file(const char *what, const char *path, bool force, AppFileWriter writer,
                   const void *ctx)
{
    PkWhy why = {""};
    NewFile nf;
    int err = new_file_open(&nf, path);
    if (err)
        goto fail;
    if ((err = writer(ctx, nf.fd, &why)) || (err = new_file_place(&nf, path, force))) {
        new_file_abandon(&nf);
        goto fail;
    }
    close(nf.fd);
    return 0;

fail:
    report(what, path, err, &why);
    return err;
}

/* Makes and removes a file in the folder the way the export will (a new temp file, then
 * without replaceable a second name for it), so that a folder that takes no new files
 * (/proc, /sys) or a file system without hard links (FAT) is refused before the
 * interview; such a path once failed only after it ("/proc/x.pdf: No such file or
 * directory"). 0, or PK_EINVAL after a one-line reason on stderr. */
static int probe_folder(const char *path, const char *dir, bool replaceable)
{
    NewFile nf;
    int err = new_file_open(&nf, path);
    if (!err && nf.unnamed) {
        /* a file without a name: the export names it by a link, so the probe does too */
        const char *slash = strrchr(path, '/');
        int dirlen = slash ? (int)(slash - path) + 1 : 0;
        char name[sizeof nf.tmp + 48];
        int rc = -1;
        errno = EEXIST; /* a name someone left there is passed over, not a refusal */
        for (unsigned k = 0; rc != 0 && errno == EEXIST && k < 100; k++) {
            snprintf(name, sizeof name, "%.*s.ppkiosk-probe-%ld-%u", dirlen, path, (long)getpid(),
                     k);
            rc = new_file_link(&nf, name);
        }
        if (rc != 0)
            err = PK_EIO;
        else
            unlink(name);
        close(nf.fd);
    } else if (!err) {
        close(nf.fd);
        nf.fd = -1;
        char second[sizeof nf.tmp + 2];
        snprintf(second, sizeof second, "%s-2", nf.tmp);
        if (!replaceable && link(nf.tmp, second) != 0)
            err = PK_EIO;
        else if (!replaceable)
            unlink(second);
        new_file_abandon(&nf);
    }
    if (!err)
        return 0;
    fprintf(stderr, "ppkiosk: cannot write %s: the folder %s does not take new files (%s)\n", path,
            dir, strerror(errno));
    return PK_EINVAL;
}

/* Whether the symlink at path leads, by itself or by a link after it, to a name in a
 * folder of /proc (/dev/stdout -> /proc/self/fd/1, or a link to /dev/fd/1): such a name
 * stands for a file a process has open, not for a file of its own; via gets the link's
 * text that goes there. A name that is not a symlink ends the chain (false). */
static bool leads_through_proc(const char *path, char *via, size_t size)
{
    char cur[4096], to[4096];
    snprintf(cur, sizeof cur, "%s", path);
    for (int hops = 0; hops < 40; hops++) {
        ssize_t n = readlink(cur, to, sizeof to - 1);
        if (n < 0)
            return false;
        to[n] = '\0';
        /* the target as a path from here, and the folder it is in */
        char next[sizeof cur + sizeof to], dir[sizeof next];
        const char *slash = strrchr(cur, '/');
        int w = to[0] == '/' || !slash
                    ? snprintf(next, sizeof next, "%s", to)
                    : snprintf(next, sizeof next, "%.*s%s", (int)(slash - cur) + 1, cur, to);
        if (w < 0 || (size_t)w >= sizeof cur)
            return false; /* too long to follow: the kernel would refuse it too */
        const char *last = strrchr(next, '/');
        snprintf(dir, sizeof dir, "%.*s", last ? (last == next ? 1 : (int)(last - next)) : 1,
                 last ? next : ".");
        struct statfs fs;
        if (statfs(dir, &fs) == 0 && fs.f_type == PROC_SUPER_MAGIC) {
            snprintf(via, size, "%s", to);
            return true;
        }
        memcpy(cur, next, (size_t)w + 1);
    }
    return false;
}

/* One output path, before the interview: named, new (or replaceable), and in a folder
 * that exists and can be written, so that no interview is lost to a path that would fail
 * at the end. 0, or PK_EINVAL after a one-line reason on stderr. */
static int check_output_path(const char *option, const char *path, bool replaceable)
{
    struct stat st;
    if (!*path) {
        fprintf(stderr, "ppkiosk: %s needs a file name\n", option);
        return PK_EINVAL;
    }
    if (strcmp(path, "-") == 0) { /* it made a file named "-"; only --summary-json has stdout */
        fprintf(stderr, "ppkiosk: %s needs a file name (\"-\" is stdout for --summary-json only)\n",
                option);
        return PK_EINVAL;
    }
    bool exists = lstat(path, &st) == 0;
    if (exists && (!replaceable || S_ISDIR(st.st_mode))) {
        fprintf(stderr, "ppkiosk: %s %s\n", path,
                S_ISDIR(st.st_mode) ? "is a folder, not a file"
                : strcmp(option, "--summary-json") == 0
                    ? "exists already; --summary-json makes a new file"
                    : "exists already; give --force to replace it");
        return PK_EINVAL;
    }
    /* --force puts a file in place of a file, or of a symlink (the name, never what it
       points at); never in place of a FIFO or a device: as root "--fhir-out /dev/null
       --force" put the patient's file where /dev/null was */
    if (exists && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
        fprintf(stderr, "ppkiosk: %s is not a file; --force replaces only a file or a symlink\n",
                path);
        return PK_EINVAL;
    }
    /* nor a symlink that leads to something other than a file: as root, "--fhir-out
       /dev/stdout --force" put the summary in place of /dev/stdout (a link to the
       terminal); a link that leads nowhere may still be replaced */
    struct stat to;
    if (exists && S_ISLNK(st.st_mode) && stat(path, &to) == 0 && !S_ISREG(to.st_mode)) {
        fprintf(stderr,
                "ppkiosk: %s leads to something that is not a file; --force replaces only a "
                "file or a symlink to one\n",
                path);
        return PK_EINVAL;
    }
    /* nor one that stands for an open file: with stdout sent to a file, /dev/stdout leads
       to a file, and as root "--fhir-out /dev/stdout --force >out.json" put the summary in
       place of /dev/stdout */
    char via[4096];
    if (exists && S_ISLNK(st.st_mode) && leads_through_proc(path, via, sizeof via)) {
        fprintf(stderr,
                "ppkiosk: %s leads through %s, an open file of a process, not a file; --force "
                "replaces only a file or a symlink to one\n",
                path, via);
        return PK_EINVAL;
    }
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (strlen(path) >= sizeof dir) {
        fprintf(stderr, "ppkiosk: %s: the path is too long\n", option);
        return PK_EINVAL;
    }
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else
        snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    /* a name longer than the folder takes failed only after the interview */
    long name_max = pathconf(dir, _PC_NAME_MAX);
    const char *name = slash ? slash + 1 : path;
    if (name_max > 0 && strlen(name) > (size_t)name_max) {
        fprintf(stderr, "ppkiosk: %s: the file name is longer than %ld bytes\n", option, name_max);
        return PK_EINVAL;
    }
    const char *why = stat(dir, &st) != 0        ? "does not exist"
                      : !S_ISDIR(st.st_mode)     ? "is not a folder"
                      : access(dir, W_OK | X_OK) ? "cannot be written"
                                                 : NULL;
    if (why) {
        fprintf(stderr, "ppkiosk: cannot write %s: the folder %s %s\n", path, dir, why);
        return PK_EINVAL;
    }
    return probe_folder(path, dir, replaceable);
}

/* Whether two output paths name one file: the same last part in the same folder. */
static bool same_file(const char *a, const char *b)
{
    const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
    if (strcmp(sa ? sa + 1 : a, sb ? sb + 1 : b) != 0)
        return false;
    char da[4096], db[4096];
    snprintf(da, sizeof da, "%.*s", sa ? (sa == a ? 1 : (int)(sa - a)) : 1, sa ? a : ".");
    snprintf(db, sizeof db, "%.*s", sb ? (sb == b ? 1 : (int)(sb - b)) : 1, sb ? b : ".");
    struct stat x, y;
    if (stat(da, &x) != 0 || stat(db, &y) != 0)
        return strcmp(da, db) == 0;
    return x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

int app_check_outputs(const AppOptions *o)
{
    const char *names[] = {"--pdf-out", "--fhir-out", "--summary-json"};
    const char *paths[] = {o->pdf_out, o->fhir_out,
                           o->summary_json && strcmp(o->summary_json, "-") != 0 ? o->summary_json
                                                                                : NULL};
    for (size_t i = 0; i < 3; i++)
        for (size_t j = i + 1; j < 3; j++)
            if (paths[i] && paths[j] && *paths[i] && same_file(paths[i], paths[j])) {
                fprintf(stderr, "ppkiosk: %s and %s name the same file (%s)\n", names[i], names[j],
                        paths[j]);
                return PK_EINVAL;
            }
    Paper paper;
    if (o->pdf_out &&
        (output_paper(&paper) || check_output_path("--pdf-out", o->pdf_out, o->force)))
        return PK_EINVAL;
    if (o->out && check_output_path("--out", o->out, o->force))
        return PK_EINVAL;
    if (o->fhir_out && check_output_path("--fhir-out", o->fhir_out, o->force))
        return PK_EINVAL;
    /* --summary-json never replaces a file; "-" is stdout */
    if (o->summary_json && strcmp(o->summary_json, "-") != 0 &&
        check_output_path("--summary-json", o->summary_json, false))
        return PK_EINVAL;
    return 0;
}

static int json_to_fd(const void *ctx, int fd, PkWhy *why)
{
    (void)why;
    return stream_to_fd(((const Export *)ctx)->sum, fd, summary_write_json);
}

/* --summary-json: "-" is stdout; a file is new (never replacing one), readable by its
 * owner only, and made like the exports, so that it is whole or not there. */
static int write_summary_json(const Summary *sum, const char *path)
{
    if (strcmp(path, "-") == 0) {
        int err = summary_write_json(sum, stdout);
        if (fflush(stdout) == 0 && !err)
            return 0;
        fprintf(stderr, "ppkiosk: cannot write the summary JSON to stdout\n");
        return PK_EIO;
    }
    Export e = {.sum = sum, .paper = PAPER_LETTER};
    return app_write_file("summary JSON", path, false, json_to_fd, &e) ? PK_EIO : 0;
}

/* Every file asked for is written, each whole or not at all: one that fails (a full
 * disk) is reported and the others are still tried. The first error, or 0. */
static int write_outputs(const AppOptions *o, const Summary *sum)
{
    int first = 0, err;
    if (o->pdf_out) {
        Export e = {.sum = sum};
        err = output_paper(&e.paper);
        if (!err)
            err = app_write_file("PDF", o->pdf_out, o->force, pdf_to_fd, &e);
        first = first ? first : err;
    }
    if (o->fhir_out) {
        Export e = {.sum = sum, .paper = PAPER_LETTER};
        err = app_write_file("FHIR file", o->fhir_out, o->force, fhir_to_fd, &e);
        first = first ? first : err;
    }
    if (o->summary_json) {
        err = write_summary_json(sum, o->summary_json);
        first = first ? first : err;
    }
    return first;
}

/* While an output is being written, a signal that would end the program (a service
 * stop, Ctrl+C, a closed terminal) waits: it ends it once the files are whole or gone
 * (it once left the temp file, or a cut --summary-json, holding the summary). A
 * handler, not a blocked mask, so that it holds whichever thread the signal is sent to. */
static const int held_signals[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT};
#define NHELD (sizeof held_signals / sizeof held_signals[0])
static volatile sig_atomic_t held_signal;

static void note_signal(int sig)
{
    held_signal = sig;
}

int app_write_outputs(const AppOptions *o, const Summary *sum)
{
    struct sigaction note = {.sa_handler = note_signal, .sa_flags = SA_RESTART}, old[NHELD];
    sigemptyset(&note.sa_mask);
    held_signal = 0;
    for (size_t i = 0; i < NHELD; i++)
        sigaction(held_signals[i], &note, &old[i]);
    /* A file size limit (ulimit -f, LimitFSIZE=) is a write error with its reason ("File
       too large"), not the signal that by default ends the program and left the temp file
       with the summary written so far */
    struct sigaction ignore = {.sa_handler = SIG_IGN}, old_xfsz;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGXFSZ, &ignore, &old_xfsz);
    int err = write_outputs(o, sum);
    sigaction(SIGXFSZ, &old_xfsz, NULL);
    for (size_t i = 0; i < NHELD; i++)
        sigaction(held_signals[i], &old[i], NULL);
    if (held_signal)
        raise(held_signal); /* with its own meaning again (an ignored one stays ignored) */
    return err;
}

static char out_buffer[8192];

void app_stdout_own(void)
{
    setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
}

void app_stdout_wipe(void)
{
    fflush(stdout);
    wipe(out_buffer, sizeof out_buffer);
}
