#include "error.h"

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
