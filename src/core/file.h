/* Reading a whole file the program was told to read (content, configuration): only a
 * regular file is read, never more than a cap, and opening never blocks (a FIFO or a
 * device given by mistake is refused with the reason, not waited on). */
#ifndef PK_FILE_H
#define PK_FILE_H

#include <stddef.h>

/* Reads the regular file at path, at most max bytes, into a malloc'd buffer with a NUL
 * after the last byte (the caller frees it). Returns 0, or a negative PK_E* code with
 * *why set to a short reason for the person ("is a directory, not a file"); *why is a
 * static string. */
int file_read_regular(const char *path, size_t max, char **out, size_t *len, const char **why);

#endif
