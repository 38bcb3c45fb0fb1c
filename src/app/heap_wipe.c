/* Every heap block of the process is wiped when it is freed, and when realloc moves it.
 *
 * The program wipes its own buffers (core/wipe.h), but the libraries that lay out and
 * draw the summary (pango, cairo, glib) copy its sentences into blocks of their own and
 * free them without a wipe: after --pdf-out, or a printout in the kiosk, "Because you
 * said: ..." lines were still in the freed heap at exit. These definitions replace free
 * and realloc for the whole process, libraries included, and hand the blocks on to the
 * C library's own allocator (glibc: __libc_malloc, __libc_free) once they are wiped.
 *
 * Not built under AddressSanitizer, which replaces the allocator itself (and keeps freed
 * blocks in quarantine on purpose), nor outside glibc. */
#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define PK_NO_HEAP_WIPE
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PK_NO_HEAP_WIPE
#endif
#endif

#if defined(__GLIBC__) && !defined(PK_NO_HEAP_WIPE)
#include <malloc.h>
#include <stdbool.h>
#include <string.h>

#include "../core/wipe.h"

void *__libc_malloc(size_t size);
void __libc_free(void *p);

/* A block glibc made with its own mmap (large ones) goes back to the kernel when freed,
 * which clears the pages before any reuse; wiping it first would only touch pages that
 * were never used. Bit 1 of the size word before the block marks such a block. */
static bool own_mapping(const void *p)
{
    return (((const size_t *)p)[-1] & 2) != 0;
}

void free(void *p)
{
    if (!p)
        return;
    if (!own_mapping(p))
        wipe(p, malloc_usable_size(p));
    __libc_free(p);
}

/* A block that must grow is copied into a new one and the old one freed (so wiped);
 * a smaller size keeps the block, which free() wipes whole later. */
void *realloc(void *p, size_t size)
{
    if (!p)
        return __libc_malloc(size);
    if (size == 0) {
        free(p);
        return NULL;
    }
    size_t have = malloc_usable_size(p);
    if (size <= have)
        return p;
    void *q = __libc_malloc(size);
    if (!q)
        return NULL;
    memcpy(q, p, have);
    free(p);
    return q;
}
#else
typedef int pk_heap_wipe_unused; /* ISO C wants a translation unit to declare something */
#endif
