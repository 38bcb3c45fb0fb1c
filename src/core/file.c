#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"

static const char *kind_reason(mode_t mode)
{
    if (S_ISDIR(mode))
        return "is a directory, not a file";
    if (S_ISFIFO(mode))
        return "is a named pipe (FIFO), not a file";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "is a device, not a file";
    if (S_ISSOCK(mode))
        return "is a socket, not a file";
    return "is not a regular file";
}

int file_read_regular(const char *path, size_t max, char **out, size_t *len, const char **why)
{
    *out = NULL;
    *len = 0;
    /* O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        *why = e == ENOENT   ? "file is missing"
               : e == EACCES ? "permission denied"
               : e == ENXIO  ? "is a named pipe (FIFO), not a file"
                             : "cannot open";
        return e == ENOENT ? PK_ENOENT : PK_EIO;
    }
    int rc = PK_EIO;
    char *buf = NULL;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *why = "cannot read";
        goto fail;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = kind_reason(st.st_mode);
        rc = PK_EINVAL;
        goto fail;
    }
    if ((unsigned long long)st.st_size > max) {
        *why = "file is too large";
        rc = PK_EINVAL;
        goto fail;
    }
    /* One byte more than allowed tells a file that grew since fstat. */
    size_t cap = (size_t)st.st_size + 1, n = 0;
    if (!(buf = malloc(cap + 1))) {
        rc = PK_ENOMEM;
        *why = pk_strerror(rc);
        goto fail;
    }
    for (;;) {
        if (n == cap) {
            if (cap > max) {
                *why = "file is too large";
                rc = PK_EINVAL;
                goto fail;
            }
            size_t bigger = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *b = realloc(buf, bigger + 1);
            if (!b) {
                rc = PK_ENOMEM;
                *why = pk_strerror(rc);
                goto fail;
            }
            buf = b;
            cap = bigger;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *why = "cannot read";
            goto fail;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    if (n > max) {
        *why = "file is too large";
        rc = PK_EINVAL;
        goto fail;
    }
    close(fd);
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
fail:
    free(buf);
    close(fd);
    return rc;
}
