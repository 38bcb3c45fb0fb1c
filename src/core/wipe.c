#include "wipe.h"

#include <string.h>

/* Called through a volatile pointer, so the store cannot be removed as dead. */
static void *(*const volatile wipe_memset)(void *, int, size_t) = memset;

void wipe(void *p, size_t n)
{
    if (p && n)
        wipe_memset(p, 0, n);
}
