#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* What the path of a stat is when it is not what was wanted ("is a directory"). */
static const char *kind_name(mode_t mode)
{
    if (S_ISDIR(mode))
        return "is a directory";
    if (S_ISFIFO(mode))
        return "is a named pipe (FIFO)";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "is a device";
    if (S_ISSOCK(mode))
        return "is a socket";
    if (S_ISREG(mode))
        return "is a file";
    return "is of an unknown kind";
}

/* "is a named pipe (FIFO), not a file": the kind of mode, where a `wanted` was wanted. */
static int wrong_kind(PkWhy *why, mode_t mode, const char *wanted)
{
    return pk_fail(why, PK_EINVAL, "%s, not a %s", kind_name(mode), wanted);
}

/* The reason and code for open(2) or stat(2) failing with errno e on the path of a
 * `wanted` ("file", "directory"). */
static int access_failure(int e, const char *wanted, PkWhy *why)
{
    if (e == ENOENT)
        return pk_fail(why, PK_ENOENT, "%s is missing", wanted);
    const char *reason = e == EACCES    ? "permission denied"
                         : e == ENOTDIR ? "a part of the path is not a directory"
                         : e == ELOOP   ? "too many symbolic links (a loop?)"
                                        : "cannot open";
    return pk_fail(why, PK_EIO, "%s", reason);
}

/* The reason and code for open(2) failing on path with errno e. A socket (and a device
 * with no driver) fails with ENXIO: its kind is told, not guessed. */
static int open_failure(const char *path, int e, PkWhy *why)
{
    struct stat st;
    if (e == ENXIO && stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return wrong_kind(why, st.st_mode, "file");
    return access_failure(e, "file", why);
}

static int too_large(PkWhy *why, size_t max)
{
    return pk_fail(why, PK_EINVAL, "file is too large (at most %zu bytes)", max);
}

/* Reads fd to its end, at most max bytes, into a malloc'd *out with room for a NUL. cap
 * is the size fstat gave plus one byte, which tells a file that grew since. */
static int read_all(int fd, size_t max, size_t cap, char **out, size_t *len, PkWhy *why)
{
    size_t n = 0;
    char *buf = malloc(cap + 1);
    int rc = buf ? 0 : pk_fail(why, PK_ENOMEM, "%s", pk_strerror(PK_ENOMEM));
    while (rc == 0) {
        if (n == cap && cap > max) {
            rc = too_large(why, max);
            break;
        }
        if (n == cap) {
            size_t bigger = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *b = realloc(buf, bigger + 1);
            if (!b) {
                rc = pk_fail(why, PK_ENOMEM, "%s", pk_strerror(PK_ENOMEM));
                break;
            }
            buf = b;
            cap = bigger;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno != EINTR)
            rc = pk_fail(why, PK_EIO, "cannot read");
        else if (got == 0)
            break;
        else if (got > 0)
            n += (size_t)got;
    }
    if (rc == 0 && n > max)
        rc = too_large(why, max);
    if (rc) {
        free(buf);
        return rc;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}

int file_read_regular(const char *path, size_t max, char **out, size_t *len, PkWhy *why)
{
    *out = NULL;
    *len = 0;
    /* O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return open_failure(path, errno, why);
    struct stat st;
    int rc;
    if (fstat(fd, &st) != 0)
        rc = pk_fail(why, PK_EIO, "cannot read");
    else if (!S_ISREG(st.st_mode))
        rc = wrong_kind(why, st.st_mode, "file");
    else if ((unsigned long long)st.st_size > max)
        rc = too_large(why, max);
    else
        rc = read_all(fd, max, (size_t)st.st_size + 1, out, len, why);
    close(fd);
    return rc;
}

int file_check_dir(const char *path, PkWhy *why)
{
    struct stat st;
    if (stat(path, &st) != 0) /* a loop of links was "cannot open" (eleventh audit) */
        return access_failure(errno, "directory", why);
    return S_ISDIR(st.st_mode) ? 0 : wrong_kind(why, st.st_mode, "directory");
}
