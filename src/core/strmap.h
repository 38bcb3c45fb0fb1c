/* A hash map from strings to small integers, for the duplicate and membership checks of
 * the content loader and the JSON reader: each look-up costs the same however many
 * entries there are, so loading stays linear, also for keys chosen to collide (each map
 * hashes with a seed of its own). Keys are not copied; they must outlive the map. */
#ifndef PK_STRMAP_H
#define PK_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char **keys; /* NULL: empty slot */
    int *values;
    size_t cap, count;       /* cap is 0 or a power of two */
    unsigned long long seed; /* of the hash, set when the map first grows */
} StrMap;

/* Adds key with value unless the key is there already. Returns 1 when added, 0 when the
 * key was present (its value is stored in *existing unless existing is NULL), PK_ENOMEM
 * when out of memory. An all-zero StrMap is a valid empty map. */
int strmap_add(StrMap *m, const char *key, int value, int *existing);

/* True when key is in the map; its value is stored in *value unless value is NULL. */
bool strmap_get(const StrMap *m, const char *key, int *value);

/* Frees the map's storage (not the keys); leaves an empty map that may be reused. */
void strmap_free(StrMap *m);

#endif
