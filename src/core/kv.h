/* "key = value" settings files (kiosk.conf, voice.conf): one setting a line, a '#' that
 * starts a line or follows a space starts a comment (one inside a value, "1234#5678", is
 * part of it), blank lines are skipped, spaces around keys and values are dropped, and so is
 * a UTF-8 byte-order mark at the start of the file (some editors write one). Only a
 * regular file is read (a directory, FIFO or device is refused, never waited on), at
 * most KV_FILE_MAX bytes, and a line longer than KV_LINE_MAX characters is an error,
 * never split: the tail of a long comment must not become a setting. A key set twice is an
 * error ("staff_pin is set twice (lines 2 and 9)"): which one was meant is not known. */
#ifndef PK_KV_H
#define PK_KV_H

#include "error.h"

enum {
    KV_LINE_MAX = 511,       /* characters in one line, newline aside */
    KV_FILE_MAX = 64 * 1024, /* bytes in the file */
};

/* Applies one setting; returns 0, or a negative PK_E* code with the reason in why
 * ("unknown setting 'loudness'": kv_read puts the file name and line before it). */
typedef int (*KvApply)(void *ctx, const char *key, const char *value, PkWhy *why);

/* Reads the file at path and calls apply for each setting, in order, until one fails.
 * The file's text is wiped before it is freed (kiosk.conf holds the staff PIN). Returns
 * 0, or a negative PK_E* code with the reason in why (may be NULL): when the file cannot
 * be read, *line is 0 and why is the reason alone ("file is missing": PK_ENOENT, "is a
 * directory, not a file"); when a line is wrong, *line is its number and why reads
 * "NAME:LINE: reason". line may be NULL. */
int kv_read(const char *path, const char *name, KvApply apply, void *ctx, int *line, PkWhy *why);

#endif
