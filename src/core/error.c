#include "error.h"

#include <stdarg.h>
#include <stdio.h>

const char *pk_strerror(int err)
{
    switch (err) {
    case PK_OK:
        return "no error";
    case PK_ENOMEM:
        return "out of memory";
    case PK_EIO:
        return "file could not be read or written";
    case PK_ECONTENT:
        return "content is invalid";
    case PK_EINVAL:
        return "invalid input";
    case PK_ENOENT:
        return "not found";
    case PK_ENODEV:
        return "device not available";
    case PK_EDEVICE:
        return "device failed";
    case PK_EPRINT:
        return "printing failed";
    case PK_ESTATE:
        return "not allowed now";
    case PK_EAUDIO:
        return "audio could not be decoded";
    }
    return "unknown error";
}

void pk_why_clear(PkWhy *why)
{
    if (why)
        why->text[0] = '\0';
}

int pk_fail(PkWhy *why, int err, const char *fmt, ...)
{
    if (why) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why->text, sizeof why->text, fmt, ap);
        va_end(ap);
    }
    return err;
}

const char *pk_why_text(const PkWhy *why, int err)
{
    return why && why->text[0] ? why->text : pk_strerror(err);
}
