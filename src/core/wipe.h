/* Overwrites memory that held patient data so that it cannot linger after a session,
 * in a way the compiler may not optimise away. */
#ifndef PK_WIPE_H
#define PK_WIPE_H

#include <stddef.h>

void wipe(void *p, size_t n);

#endif
