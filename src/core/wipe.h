/* Overwrites memory that held patient data so that it cannot linger after a session,
 * in a way the compiler may not optimise away. */
#ifndef PK_WIPE_H
#define PK_WIPE_H

#include <stddef.h>

void wipe(void *p, size_t n);

/* Wipes n bytes at p, then frees p (NULL is fine). */
void wipe_free(void *p, size_t n);

/* Like realloc(p, new_size) for a block of old_size bytes, but the old block is wiped
 * before it is freed, so no copy of its contents is left behind in the heap. Returns
 * the new block, or NULL (p untouched) when out of memory. */
void *wipe_realloc(void *p, size_t old_size, size_t new_size);

#endif
