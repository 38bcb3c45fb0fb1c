/* PocketSphinx decoding with a grammar and a phone loop, for recognition and rejection. */
#include "asr.h"

#include <math.h>
#include <pocketsphinx.h>
#include <sphinxbase/cmn.h>
#include <sphinxbase/err.h>
#include <sphinxbase/feat.h>
#include <sphinxbase/fsg_model.h>
#include <sphinxbase/jsgf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../core/error.h"
#include "../core/file.h"
#include "../core/wipe.h"

#define ASR_CEP 13      /* cepstral coefficients the mean covers */
#define ASR_USED_MAX 64 /* searches remembered as used; past that, every search is */

typedef struct {
    mfcc_t mean[ASR_CEP], sum[ASR_CEP];
    int32 nframe;
} CmnState;

struct Asr {
    ps_decoder_t *ps;
    cmd_ln_t *config;
    cmn_t *cmn;       /* the decoder's live mean; NULL when it normalises per utterance */
    CmnState session; /* where every pass of the next utterance starts */
    CmnState learnt;  /* after the first pass since the last commit */
    bool learnt_valid;
    /* the searches that decoded since the last asr_session_reset(): each keeps the text
     * of its last hypothesis (words, or phones) until it decodes again */
    char *used[ASR_USED_MAX];
    int nused;
};

enum { EXTRA_DICT_MAX = 1 << 20, EXTRA_LINE_MAX = 511 };

/* Reads the extra dictionary at path whole into *text (a regular file of at most
 * EXTRA_DICT_MAX bytes, every line at most EXTRA_LINE_MAX characters: a longer one was
 * split, and its tail read as an entry of its own). Returns 0, or PK_EIO with the reason
 * in buf. */
static int read_extra_dict(const char *path, char **text, size_t *len, char *buf, size_t size)
{
    PkWhy why = {""};
    if (file_read_regular(path, EXTRA_DICT_MAX, text, len, &why) != 0) {
        snprintf(buf, size, "%s: %s", path, why.text);
        return PK_EIO;
    }
    size_t line = 1;
    for (const char *p = *text, *end = *text + *len; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        if (n && p[n - 1] == '\r')
            n--; /* a Windows line end */
        if (n > EXTRA_LINE_MAX || memchr(p, '\0', n)) {
            snprintf(buf, size, "%s:%zu: %s", path, line,
                     n > EXTRA_LINE_MAX ? "line is longer than 511 characters"
                                        : "line holds a NUL byte");
            free(*text);
            *text = NULL;
            return PK_EIO;
        }
        p = nl ? nl + 1 : end;
    }
    return 0;
}

const char *asr_extra_dict_problem(const char *path, char *buf, size_t size)
{
    char *text = NULL;
    size_t len = 0;
    if (read_extra_dict(path, &text, &len, buf, size) != 0)
        return buf;
    free(text);
    return NULL;
}

/* Adds every "word PHONES" line of path (comments with '#' or ";;;") to the decoder. A
 * word without phones, or with a phone the model does not have, is refused with its
 * line (it was dropped, silently, and the word stayed unknown to the grammars). Returns
 * 0, or PK_EIO with the reason in why. */
static int load_extra_dict(ps_decoder_t *ps, const char *path, PkWhy *why)
{
    char *text = NULL, reason[PK_WHY_MAX];
    size_t len = 0, lineno = 1;
    if (read_extra_dict(path, &text, &len, reason, sizeof reason) != 0)
        return pk_fail(why, PK_EIO, "%s", reason);
    int err = 0;
    for (char *line = text, *end = text + len, *next; line < end && !err; line = next, lineno++) {
        char *nl = memchr(line, '\n', (size_t)(end - line));
        next = nl ? nl + 1 : end;
        if (nl)
            *nl = '\0';
        char *p = line + strspn(line, " \t");
        if (*p == '#' || *p == ';' || *p == '\r' || *p == '\0')
            continue;
        char *save = NULL;
        char *word = strtok_r(p, " \t\r", &save);
        char *phones = strtok_r(NULL, "\r", &save);
        if (phones)
            phones += strspn(phones, " \t");
        if (!word)
            continue;
        if (!phones || !*phones) {
            err = pk_fail(why, PK_EIO, "%s:%zu: \"%s\" has no phones", path, lineno, word);
            continue;
        }
        char *known = ps_lookup_word(ps, word);
        if (known)
            free(known);
        else if (ps_add_word(ps, word, phones, FALSE) < 0)
            err = pk_fail(why, PK_EIO, "%s:%zu: \"%s\" has a phone the speech model does not have",
                          path, lineno, word);
    }
    free(text);
    return err;
}

static void cmn_save(const cmn_t *c, CmnState *st)
{
    memcpy(st->mean, c->cmn_mean, sizeof st->mean);
    memcpy(st->sum, c->sum, sizeof st->sum);
    st->nframe = c->nframe;
}

static void cmn_load(cmn_t *c, const CmnState *st)
{
    memcpy(c->cmn_mean, st->mean, sizeof st->mean);
    memcpy(c->sum, st->sum, sizeof st->sum);
    c->nframe = st->nframe;
}

/* True when the file fp starts like a model definition PocketSphinx reads: the binary
 * format's "BMDF", or the text format's version line "0.3" after '#' comments and blank
 * lines (its text reader calls exit(1) on anything else). */
static bool mdef_header_ok(FILE *fp)
{
    char line[256];
    if (!fgets(line, sizeof line, fp))
        return false;
    if (strncmp(line, "BMDF", 4) == 0)
        return true;
    do {
        if (line[0] != '#' && line[strspn(line, " \t\r\n")] != '\0')
            return strncmp(line, "0.3", 3) == 0;
    } while (fgets(line, sizeof line, fp));
    return false;
}

/* Why open(2) or stat(2) failed with errno e on a file or folder the decoder reads: a
 * folder that cannot be searched made its files "missing", and a file that cannot be
 * read was "cut short or damaged" (eleventh audit). */
static const char *access_problem(int e)
{
    return e == ENOENT    ? "is missing"
           : e == EACCES  ? "cannot be read (permission denied)"
           : e == ELOOP   ? "is a loop of symbolic links"
           : e == ENOTDIR ? "is missing (a part of its path is not a folder)"
                          : "cannot be read";
}

/* Why path (a file the decoder reads) cannot be read ("is missing", "is not a file",
 * "cannot be read (permission denied)"), or NULL. */
static const char *file_problem(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return access_problem(errno);
    if (!S_ISREG(st.st_mode))
        return "is not a file";
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return access_problem(errno);
    close(fd);
    return NULL;
}

/* The files PocketSphinx reads from a model folder, when they are there. */
static bool model_file_name(const char *name)
{
    static const char *const names[] = {
        "mdef",    "means",     "variances",         "transition_matrices", "mixture_weights",
        "sendump", "noisedict", "feature_transform", "feat.params",         "senmgau"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

/* What is wrong with the model folder hmm, with its reason in buf, or NULL: the folder
 * missing or unreadable; an entry that is neither a file nor a folder (a named pipe, a
 * device, a socket, or a link to one); or one of the model's files that is a folder or
 * cannot be read. PocketSphinx opens the files of the folder it finds (means, variances,
 * ...): a named pipe among them held the kiosk's start for ever, the trial load waiting
 * on its child and the child on the pipe; a folder or an unreadable file in the place of
 * one, or a missing folder, read "has a file cut short or damaged". */
static const char *model_folder_problem(const char *hmm, char *buf, size_t size)
{
    DIR *d = opendir(hmm);
    if (!d) {
        snprintf(buf, size, "the model folder %s %s", hmm,
                 errno == ENOTDIR ? "is not a folder" : access_problem(errno));
        return buf;
    }
    const char *found = NULL;
    for (struct dirent *e; !found && (e = readdir(d)) != NULL;) {
        char path[4096];
        struct stat st;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
            snprintf(path, sizeof path, "%s/%s", hmm, e->d_name) >= (int)sizeof path)
            continue;
        bool model_file = model_file_name(e->d_name);
        const char *why = NULL;
        if (stat(path, &st) != 0)
            why = model_file ? access_problem(errno) : NULL;
        else if (S_ISDIR(st.st_mode))
            why = model_file ? "is a directory, not a file" : NULL;
        else if (S_ISREG(st.st_mode))
            why = model_file ? file_problem(path) : NULL;
        else
            why = S_ISFIFO(st.st_mode)   ? "is a named pipe (FIFO), not a file"
                  : S_ISSOCK(st.st_mode) ? "is a socket, not a file"
                                         : "is a device, not a file";
        if (why) {
            snprintf(buf, size, "hmm file %s %s", path, why);
            found = buf;
        }
    }
    closedir(d);
    return found;
}

/* The binary model definition's byte-order mark, as PocketSphinx writes it ("BMDF"). */
#define BIN_MDEF_MAGIC 0x46444d42
/* A model definition larger than this is not one (the shipped one is 3 MB). */
#define BIN_MDEF_MAX (64L << 20)

static int32_t get_i32(const unsigned char *p)
{
    int32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* False when the binary model definition in fp (size bytes; this machine's byte order)
 * is cut short or points outside itself: its header's counts, phone names, context tree,
 * phones and senone sequences are checked the way PocketSphinx lays them out. It reads
 * them without any check, so a cut file crashed it, or not, depending on what lay in
 * memory past the end. A file of the other byte order, or a text one, is left to it. */
static bool bin_mdef_whole(FILE *fp, long size)
{
    unsigned char head[12];
    rewind(fp);
    if (fread(head, 1, sizeof head, fp) != sizeof head)
        return false;
    if (get_i32(head) != BIN_MDEF_MAGIC)
        return true;
    int32_t desc = get_i32(head + 8);
    if (desc < 0 || size > BIN_MDEF_MAX || 12L + desc + 40 > size)
        return false;
    long start = 12L + desc + 40, len = size - start;
    unsigned char counts[40];
    if (fseek(fp, 12L + desc, SEEK_SET) != 0 || fread(counts, 1, sizeof counts, fp) != 40)
        return false;
    int32_t h[10]; /* n_ciphone n_phone n_emit_state n_ci_sen n_sen n_tmat n_sseq n_ctx
                      n_cd_tree sil */
    for (int i = 0; i < 10; i++)
        if ((h[i] = get_i32(counts + 4 * i)) < 0)
            return false;
    int32_t n_ci = h[0], n_phone = h[1], n_emit = h[2], n_sen = h[4], n_sseq = h[6], n_tree = h[8];
    if (n_ci < 1 || n_phone < n_ci || n_sseq < 1 || n_sen < 1)
        return false;
    unsigned char *b = malloc((size_t)len + 1);
    bool ok = b && fread(b, 1, (size_t)len, fp) == (size_t)len;
    long off = 0;
    for (int32_t i = 0; ok && i < n_ci; i++) { /* the phone names */
        const unsigned char *nul = memchr(b + off, '\0', (size_t)(len - off));
        ok = nul != NULL;
        if (ok)
            off = nul - b + 1;
    }
    off = (off + 3) & ~3L;
    long tree = off, phones = tree + 8L * n_tree, sseq = phones + 12L * n_phone + 4;
    ok = ok && sseq <= len;
    int32_t n_ids = ok ? get_i32(b + sseq - 4) : -1;
    ok = ok && n_ids >= 0 && sseq + 2L * n_ids + (n_emit ? 0 : n_sseq) <= len &&
         (!n_emit || (int64_t)n_sseq * n_emit <= n_ids);
    for (int32_t i = 0; ok && i < n_tree; i++) { /* int16 ctx, int16 n_down, int32 down/pid */
        int16_t n_down;
        memcpy(&n_down, b + tree + 8L * i + 2, sizeof n_down);
        int32_t to = get_i32(b + tree + 8L * i + 4);
        ok = n_down < 0 ? false
             : n_down   ? to >= 0 && (int64_t)to + n_down <= n_tree
                        : to >= -1 && to < n_phone; /* -1: no such phone */
    }
    for (int32_t i = 0; ok && i < n_phone; i++) { /* int32 ssid, int32 tmat, 4 bytes */
        int32_t ssid = get_i32(b + phones + 12L * i), tmat = get_i32(b + phones + 12L * i + 4);
        ok = ssid >= 0 && ssid < n_sseq && tmat >= 0 && tmat < h[5];
    }
    int64_t used = 0;
    for (int32_t i = 0; ok && !n_emit && i < n_sseq; i++) /* the lengths, after the ids */
        used += b[sseq + 2L * n_ids + i];
    ok = ok && used <= n_ids;
    for (int32_t i = 0; ok && i < n_ids; i++) { /* senone ids */
        int16_t sen;
        memcpy(&sen, b + sseq + 2L * i, sizeof sen);
        ok = sen >= 0 && sen < n_sen;
    }
    free(b);
    return ok;
}

/* Loads the acoustic model of cfg (with an empty dictionary: 30 ms) in a child process
 * that then ends, and returns how it went when PocketSphinx did not load it ("crashes on
 * it", "stops on it", "refuses it", "takes too long to load it": the child is killed
 * after cfg->load_limit_ms), or NULL. PocketSphinx calls exit(1) on a text model
 * definition with a bad line after a good header or on a cut transition matrix file, and
 * reads past the end of a cut binary model definition: in the kiosk's own process each
 * ended the kiosk. */
static const char *trial_load(const AsrConfig *cfg)
{
    fflush(NULL); /* nothing buffered is written twice by the child's exit */
    pid_t pid = fork();
    if (pid < 0)
        return NULL; /* cannot tell: the load itself decides */
    if (pid == 0) {
        int null_fd = open("/dev/null", O_WRONLY); /* the child says nothing of its own */
        if (null_fd >= 0) {
            dup2(null_fd, STDOUT_FILENO);
            dup2(null_fd, STDERR_FILENO);
        }
        err_set_logfp(NULL);
        cmd_ln_t *config = cmd_ln_init(NULL, ps_args(), TRUE, "-hmm", cfg->hmm, "-dict",
                                       "/dev/null", "-logfn", "/dev/null", NULL);
        if (config && cfg->mdef && cfg->mdef[0])
            cmd_ln_set_str_r(config, "-mdef", cfg->mdef);
        if (config && cfg->noisedict && cfg->noisedict[0])
            cmd_ln_set_str_r(config, "-fdict", cfg->noisedict);
        _exit(config && ps_init(config) ? 0 : 3);
    }
    unsigned limit = cfg->load_limit_ms ? cfg->load_limit_ms : ASR_LOAD_LIMIT_MS;
    int status;
    for (unsigned waited = 0;; waited += 5) {
        pid_t got = waitpid(pid, &status, WNOHANG);
        if (got == pid)
            break;
        if (got < 0 && errno != EINTR)
            return NULL;
        if (waited >= limit) { /* hung: the kiosk goes on without listening */
            kill(pid, SIGKILL);
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                ;
            return "takes too long to load it";
        }
        nanosleep(&(struct timespec){.tv_nsec = 5000000}, NULL);
    }
    if (WIFSIGNALED(status))
        return "crashes on it";
    if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
        return "refuses it";
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? NULL : "stops on it";
}

const char *asr_model_problem(const AsrConfig *cfg, char *buf, size_t size)
{
    /* the files PocketSphinx refuses with no reason but a NULL decoder: a missing
     * dictionary read "the speech recognition model cannot be loaded" */
    const struct {
        const char *name, *path;
    } files[] = {
        {"dict", cfg->dict}, {"noisedict", cfg->noisedict}, {"competitor", cfg->competitor}};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        const char *why = files[i].path && files[i].path[0] ? file_problem(files[i].path) : NULL;
        if (why) {
            snprintf(buf, size, "%s %s %s", files[i].name, files[i].path, why);
            return buf;
        }
    }
    if (cfg->hmm && model_folder_problem(cfg->hmm, buf, size))
        return buf;
    char own[4096];
    const char *path = cfg->mdef && cfg->mdef[0] ? cfg->mdef : NULL;
    struct stat st;
    if (!path) { /* the hmm's own mdef, when it has one (without, PocketSphinx says so) */
        snprintf(own, sizeof own, "%s/mdef", cfg->hmm ? cfg->hmm : "");
        if (stat(own, &st) != 0)
            return NULL;
        path = own;
    }
    const char *why = NULL;
    FILE *fp = NULL;
    if (stat(path, &st) != 0)
        why = "is missing";
    else if (!S_ISREG(st.st_mode))
        why = "is not a file";
    else if (!(fp = fopen(path, "rb")))
        why = "cannot be read";
    else if (!mdef_header_ok(fp))
        why = "is not a PocketSphinx model definition";
    bool whole = !fp || why || bin_mdef_whole(fp, (long)st.st_size);
    if (fp)
        fclose(fp);
    if (why) {
        snprintf(buf, size, "mdef %s %s", path, why);
        return buf;
    }
    if (!whole) {
        snprintf(buf, size, "%s (mdef %s) has a file cut short or damaged: the mdef is", cfg->hmm,
                 path);
        return buf;
    }
    if (cfg->hmm && (why = trial_load(cfg)) != NULL) {
        snprintf(buf, size, "%s (mdef %s) has a file cut short or damaged: PocketSphinx %s",
                 cfg->hmm, path, why);
        return buf;
    }
    return NULL;
}

int asr_new(Asr **out, const AsrConfig *cfg)
{
    return asr_open(out, cfg, NULL);
}

int asr_open(Asr **out, const AsrConfig *cfg, PkWhy *why)
{
    int err = PK_ENODEV;
    *out = NULL;
    char problem[PK_WHY_MAX];
    if (asr_model_problem(cfg, problem, sizeof problem))
        return pk_fail(why, PK_ENODEV, "%s", problem);
    Asr *a = calloc(1, sizeof *a);
    if (!a)
        return PK_ENOMEM;
    /* No log at all: sphinxbase's log carries the phones it heard ("Hyp: SIL Y EH S"),
     * and a log file's stdio buffer kept the last of them after the session (sent to
     * /dev/null, but held in the heap). With no callback nothing is even formatted. */
    err_set_logfp(NULL);
    err_set_callback(NULL, NULL);
    a->config = cmd_ln_init(NULL, ps_args(), TRUE, "-hmm", cfg->hmm, "-dict", cfg->dict,
                            "-allphone_ci", "yes", "-remove_silence", "no", "-remove_noise", "no",
                            /* the 2 best Gaussians per codebook: 15% faster, the same
                             * accuracy on the real recordings (scripts/bench-voice) */
                            "-topn", "2", NULL);
    if (!a->config)
        goto fail;
    if (cfg->mdef && cfg->mdef[0])
        cmd_ln_set_str_r(a->config, "-mdef", cfg->mdef);
    if (cfg->noisedict && cfg->noisedict[0])
        cmd_ln_set_str_r(a->config, "-fdict", cfg->noisedict);
    a->ps = ps_init(a->config);
    if (!a->ps)
        goto fail;
    if (cfg->extra_dict && (err = load_extra_dict(a->ps, cfg->extra_dict, why)) != 0)
        goto fail;
    err = PK_ENODEV;
    const char *comp = cfg->competitor && cfg->competitor[0] ? cfg->competitor : NULL;
    int set = comp && !strstr(comp, "phone") ? ps_set_lm_file(a->ps, ASR_PHONE_SEARCH, comp)
                                             : ps_set_allphone_file(a->ps, ASR_PHONE_SEARCH, comp);
    if (set != 0)
        goto fail;
    feat_t *feat = ps_get_feat(a->ps);
    if (feat && feat->cmn == CMN_LIVE && feat->cmn_struct && feat->cmn_struct->veclen == ASR_CEP)
        a->cmn = feat->cmn_struct;
    asr_session_reset(a);
    *out = a;
    return 0;
fail:
    asr_free(a);
    return err;
}

bool asr_session_cmn(const Asr *a)
{
    return a->cmn != NULL;
}

/* Each search that decoded gives up its last hypothesis: it decodes a moment of silence
 * and is asked for the hypothesis again, which frees the old text (every freed block is
 * wiped, src/app/heap_wipe.c). Past ASR_USED_MAX names, every search does. */
static void forget_hypotheses(Asr *a)
{
    static const int16_t silence[1600]; /* 0.1 s */
    int32 score;
    bool all = a->nused > ASR_USED_MAX;
    ps_search_iter_t *it = all ? ps_search_iter(a->ps) : NULL;
    for (int i = 0; all ? it != NULL : i < a->nused; i++) {
        const char *name = all ? ps_search_iter_val(it) : a->used[i];
        if (ps_set_search(a->ps, name) == 0 && ps_start_utt(a->ps) == 0) {
            ps_process_raw(a->ps, silence, sizeof silence / sizeof *silence, FALSE, TRUE);
            ps_end_utt(a->ps);
            ps_get_hyp(a->ps, &score);
        }
        if (all)
            it = ps_search_iter_next(it);
    }
    if (it)
        ps_search_iter_free(it);
    for (int i = 0; i < a->nused && i < ASR_USED_MAX; i++)
        free(a->used[i]);
    a->nused = 0;
}

/* Notes that search name decoded (see forget_hypotheses). */
static void note_used(Asr *a, const char *name)
{
    for (int i = 0; i < a->nused && i < ASR_USED_MAX; i++)
        if (strcmp(a->used[i], name) == 0)
            return;
    if (a->nused < ASR_USED_MAX && (a->used[a->nused] = strdup(name)) == NULL)
        return;
    a->nused += a->nused <= ASR_USED_MAX; /* ASR_USED_MAX + 1: no room, every search */
}

void asr_session_reset(Asr *a)
{
    forget_hypotheses(a);
    a->learnt_valid = false;
    if (!a->cmn)
        return;
    /* -cmninit: the comma-separated starting mean (feat.params of the model). */
    const char *init = cmd_ln_str_r(ps_get_config(a->ps), "-cmninit");
    mfcc_t mean[ASR_CEP] = {0};
    for (int i = 0; init && *init && i < ASR_CEP; i++) {
        char *end = NULL;
        mean[i] = (mfcc_t)strtod(init, &end);
        if (end == init)
            break;
        init = *end == ',' ? end + 1 : end;
    }
    cmn_live_set(a->cmn, mean);
    cmn_save(a->cmn, &a->session);
}

void asr_commit(Asr *a)
{
    if (a->cmn && a->learnt_valid)
        a->session = a->learnt;
    a->learnt_valid = false;
}

bool asr_has_search(Asr *a, const char *name)
{
    return ps_get_fsg(a->ps, name) != NULL;
}

void asr_free(Asr *a)
{
    if (!a)
        return;
    for (int i = 0; i < a->nused && i < ASR_USED_MAX; i++)
        free(a->used[i]);
    if (a->ps)
        ps_free(a->ps);
    if (a->config)
        cmd_ln_free_r(a->config);
    free(a);
}

bool asr_knows_word(Asr *a, const char *word)
{
    char *p = ps_lookup_word(a->ps, word);
    free(p);
    return p != NULL;
}

int asr_add_grammar(Asr *a, const char *name, const char *jsgf)
{
    /* ps_set_jsgf_string() of 5prealpha keeps a reference to the FSG it builds and
     * never drops it; building the FSG here and releasing our reference avoids the
     * leak. */
    jsgf_t *grammar = jsgf_parse_string(jsgf, NULL);
    if (!grammar)
        return PK_EINVAL;
    int err = PK_EINVAL;
    jsgf_rule_t *rule = jsgf_get_public_rule(grammar);
    if (rule) {
        fsg_model_t *fsg = jsgf_build_fsg(grammar, rule, ps_get_logmath(a->ps),
                                          cmd_ln_float32_r(a->config, "-lw"));
        if (fsg) {
            err = ps_set_fsg(a->ps, name, fsg) == 0 ? 0 : PK_EINVAL;
            fsg_model_free(fsg);
        }
    }
    jsgf_grammar_free(grammar);
    return err;
}

static bool is_filler(const char *w)
{
    return w[0] == '<' || w[0] == '[' || w[0] == '+' || strcmp(w, "SIL") == 0 ||
           strcmp(w, "sil") == 0 || strcmp(w, "(NULL)") == 0;
}

/* Runs one utterance through the current search; sums the acoustic scores of every
 * segment, and when text is not NULL collects the words and counts their frames. */
static int run_utt(Asr *a, const int16_t *pcm, size_t n, long long *ascr_sum, char *text,
                   size_t textsize, int *speech_frames, unsigned char *in_word)
{
    if (ps_start_utt(a->ps) < 0)
        return PK_EAUDIO;
    if (ps_process_raw(a->ps, pcm, n, FALSE, TRUE) < 0) {
        ps_end_utt(a->ps);
        return PK_EAUDIO;
    }
    if (ps_end_utt(a->ps) < 0)
        return PK_EAUDIO;
    *ascr_sum = 0;
    if (text)
        text[0] = '\0';
    *speech_frames = 0;
    int32 score;
    if (!ps_get_hyp(a->ps, &score))
        return 0;
    size_t len = 0;
    for (ps_seg_t *seg = ps_seg_iter(a->ps); seg; seg = ps_seg_next(seg)) {
        int32 ascr = 0, lscr = 0, lback = 0;
        ps_seg_prob(seg, &ascr, &lscr, &lback);
        *ascr_sum += ascr;
        const char *w = ps_seg_word(seg);
        if (!w || is_filler(w))
            continue;
        int sf, ef;
        ps_seg_frames(seg, &sf, &ef);
        *speech_frames += ef - sf + 1;
        for (int f = sf < 0 ? 0 : sf; f <= ef && f < ASR_MAX_FRAMES; f++)
            in_word[f] = 1;
        if (!text)
            continue;
        char word[64];
        snprintf(word, sizeof word, "%s", w);
        char *alt = strchr(word, '('); /* "two(2)": an alternative pronunciation */
        if (alt)
            *alt = '\0';
        int wrote = snprintf(text + len, textsize - len, "%s%s", len ? " " : "", word);
        wipe(word, sizeof word); /* a word she said: not left on the stack */
        if (wrote < 0 || (size_t)wrote >= textsize - len) {
            /* more words than the text holds: none, never the ones that fit (the end of
             * a long list of places was dropped and the rest answered) */
            wipe(text, textsize);
            break;
        }
        len += (size_t)wrote;
    }
    return 0;
}

int asr_decode(Asr *a, const char *name, const int16_t *pcm, size_t n, AsrResult *r)
{
    memset(r, 0, sizeof *r);
    if (ps_set_search(a->ps, name) != 0)
        return PK_ENOENT;
    note_used(a, name);
    /* Digital silence (a clip padded with zeros, a muted line) gives the cepstrum
     * nothing to stand on, so add a little dither; with the same seed for every pass,
     * so that the passes over one utterance see the same features. */
    int16_t *dithered = malloc((n ? n : 1) * sizeof *dithered);
    if (!dithered)
        return PK_ENOMEM;
    unsigned seed = 12345u;
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        /* +1 on one sample in four, as sphinxbase's own -dither does */
        dithered[i] = (int16_t)(pcm[i] + ((seed >> 16 & 3) == 0 && pcm[i] < 32767));
    }
    if (a->cmn)
        cmn_load(a->cmn, &a->session);
    bool phone = strcmp(name, ASR_PHONE_SEARCH) == 0;
    long long sum = 0;
    int err = run_utt(a, dithered, n, &sum, phone ? NULL : r->text, sizeof r->text,
                      &r->speech_frames, r->in_word);
    free(dithered);
    if (a->cmn && !a->learnt_valid) {
        cmn_save(a->cmn, &a->learnt);
        a->learnt_valid = true;
    }
    r->frames = ps_get_n_frames(a->ps);
    r->score = (double)sum / (r->frames > 0 ? r->frames : 1);
    return err;
}
