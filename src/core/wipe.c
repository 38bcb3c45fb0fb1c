#include "wipe.h"

#include <stdlib.h>
#include <string.h>

/* Called through a volatile pointer, so the store cannot be removed as dead. */
static void *(*const volatile wipe_memset)(void *, int, size_t) = memset;

void wipe(void *p, size_t n)
{
    if (p && n)
        wipe_memset(p, 0, n);
}

void wipe_free(void *p, size_t n)
{
    wipe(p, n);
    free(p);
}

void *wipe_realloc(void *p, size_t old_size, size_t new_size)
{
    void *q = malloc(new_size ? new_size : 1);
    if (!q)
        return NULL;
    if (p)
        memcpy(q, p, old_size < new_size ? old_size : new_size);
    wipe_free(p, old_size);
    return q;
}
