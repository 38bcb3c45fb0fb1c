#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

static size_t hash(const char *s)
{
    uint64_t h = 14695981039346656037u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)(h ^ (h >> 32));
}

/* The slot holding key, or the empty slot where it would go. */
static size_t find_slot(const StrMap *m, const char *key)
{
    size_t i = hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static int grow(StrMap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    StrMap bigger = {.keys = calloc(cap, sizeof *bigger.keys),
                     .values = calloc(cap, sizeof *bigger.values),
                     .cap = cap};
    if (!bigger.keys || !bigger.values) {
        strmap_free(&bigger);
        return PK_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = find_slot(&bigger, m->keys[i]);
        bigger.keys[j] = m->keys[i];
        bigger.values[j] = m->values[i];
    }
    bigger.count = m->count;
    strmap_free(m);
    *m = bigger;
    return 0;
}

int strmap_add(StrMap *m, const char *key, int value, int *existing)
{
    if (m->cap) {
        size_t i = find_slot(m, key);
        if (m->keys[i]) {
            if (existing)
                *existing = m->values[i];
            return 0;
        }
    }
    if ((m->count + 1) * 2 > m->cap && grow(m))
        return PK_ENOMEM; /* kept at most half full */
    size_t i = find_slot(m, key);
    m->keys[i] = key;
    m->values[i] = value;
    m->count++;
    return 1;
}

bool strmap_get(const StrMap *m, const char *key, int *value)
{
    if (!m->cap)
        return false;
    size_t i = find_slot(m, key);
    if (!m->keys[i])
        return false;
    if (value)
        *value = m->values[i];
    return true;
}

void strmap_free(StrMap *m)
{
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}
