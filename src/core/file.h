/* Reading a whole file the program was told to read (content, configuration, answers):
 * only a regular file is read, never more than a cap, and opening never blocks (a FIFO
 * or a device given by mistake is refused with the reason, not waited on). */
#ifndef PK_FILE_H
#define PK_FILE_H

#include <stddef.h>

#include "error.h"

/* Reads the regular file at path, at most max bytes, into a malloc'd buffer with a NUL
 * after the last byte (the caller frees it). Returns 0, or a negative PK_E* code with a
 * short reason for the person written into why ("is a directory, not a file", "file is
 * too large (at most 65536 bytes)"); the reason does not repeat the path. */
int file_read_regular(const char *path, size_t max, char **out, size_t *len, PkWhy *why);

/* Returns 0 when path is a directory (or a symbolic link to one), or a negative PK_E* code
 * with the reason in why ("directory is missing", "is a file, not a directory"). */
int file_check_dir(const char *path, PkWhy *why);

#endif
