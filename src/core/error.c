#include "error.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

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

/* The length of the UTF-8 sequence at p (strict, as json.c checks content), or 0 when
 * the bytes there are not one. */
static size_t utf8_length(const unsigned char *p)
{
    if (p[0] < 0x80)
        return 1;
    if (p[0] >= 0xC2 && p[0] <= 0xDF)
        return (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        unsigned char lo = p[0] == 0xE0 ? 0xA0 : 0x80, hi = p[0] == 0xED ? 0x9F : 0xBF;
        return p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 ? 3 : 0;
    }
    if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        unsigned char lo = p[0] == 0xF0 ? 0x90 : 0x80, hi = p[0] == 0xF4 ? 0x8F : 0xBF;
        return p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80 ? 4 : 0;
    }
    return 0;
}

/* Shows as '?' each control character of s (C0, DEL, C1 written as UTF-8 U+0080..U+009F)
 * and each byte that is not UTF-8 (a raw 0x9B is CSI to an 8-bit terminal): a reason
 * quotes the words of files (a setting's name, an answer, a script line) and is one line
 * a terminal must not act on. A character cut where the reason was cut to fit shows as
 * '?' too. */
static void plain(char *s)
{
    unsigned char *out = (unsigned char *)s;
    for (unsigned char *p = (unsigned char *)s; *p;) {
        size_t n = utf8_length(p);
        bool control = n == 0 || (n == 1 && (*p < 0x20 || *p == 0x7f)) ||
                       (n == 2 && p[0] == 0xC2 && p[1] <= 0x9F);
        if (control) {
            *out++ = '?';
            p += n ? n : 1;
        } else {
            memmove(out, p, n);
            out += n;
            p += n;
        }
    }
    *out = '\0';
}

int pk_fail(PkWhy *why, int err, const char *fmt, ...)
{
    if (why) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why->text, sizeof why->text, fmt, ap);
        va_end(ap);
        plain(why->text);
    }
    return err;
}

const char *pk_why_text(const PkWhy *why, int err)
{
    return why && why->text[0] ? why->text : pk_strerror(err);
}
