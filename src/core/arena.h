/* A bump allocator: many small allocations freed together. The content model and the
 * JSON trees it is built from live in arenas. */
#ifndef PK_ARENA_H
#define PK_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct {
    ArenaBlock *head;
} Arena;

/* Returns size bytes, zeroed and aligned for any type, owned by the arena; NULL when
 * out of memory. */
void *arena_alloc(Arena *a, size_t size);

/* Copies n bytes of s plus a terminating NUL into the arena; NULL when out of memory. */
char *arena_strndup(Arena *a, const char *s, size_t n);

/* Frees every allocation of the arena; the arena may be reused. */
void arena_free(Arena *a);

#endif
