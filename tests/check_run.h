/* Runs one Check suite and turns its result into the process exit code, so every test
 * program's main() is one line. */
#ifndef PK_CHECK_RUN_H
#define PK_CHECK_RUN_H

#include <check.h>

/* Runs every test of s (taking ownership of it) and returns EXIT_SUCCESS or
 * EXIT_FAILURE. */
int check_run(Suite *s);

#endif
