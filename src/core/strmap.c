#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"

/* A seed of its own for each table: the content's keys are chosen by whoever writes the
 * files, and with a hash anyone can compute, keys picked to share a slot made every
 * look-up walk all of them (20,000 such keys took 2.2 s instead of 0.03 s). The address
 * of the map and of this function's counter (both moved by ASLR), the time and a counter
 * are mixed; the seed only has to be unknown to the file's author, not secret. */
static uint64_t new_seed(const StrMap *m)
{
    static uint64_t counter;
    uint64_t s = (uint64_t)(uintptr_t)m ^ ((uint64_t)(uintptr_t)&counter << 21) ^
                 (uint64_t)time(NULL) ^ ((uint64_t)clock() << 40) ^ ++counter * 0x9E3779B97F4A7C15u;
    s ^= s >> 30; /* splitmix64's finaliser */
    s *= 0xBF58476D1CE4E5B9u;
    s ^= s >> 27;
    s *= 0x94D049BB133111EBu;
    return s ^ (s >> 31);
}

static size_t hash(const StrMap *m, const char *s)
{
    uint64_t h = 14695981039346656037u ^ m->seed; /* FNV-1a from the table's seed */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    h ^= h >> 33; /* the low bits, which pick the slot, then depend on every bit */
    h *= 0xFF51AFD7ED558CCDu;
    h ^= h >> 33;
    return (size_t)h;
}

/* The slot holding key, or the empty slot where it would go. */
static size_t find_slot(const StrMap *m, const char *key)
{
    size_t i = hash(m, key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static int grow(StrMap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    StrMap bigger = {.keys = calloc(cap, sizeof *bigger.keys),
                     .values = calloc(cap, sizeof *bigger.values),
                     .cap = cap,
                     .seed = m->cap ? m->seed : new_seed(m)};
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
