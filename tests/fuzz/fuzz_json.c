/* libFuzzer: the JSON reader on any bytes. Every tree it accepts is walked, looking up
 * each key again, so positions and members are all touched. */
#include <stddef.h>
#include <stdint.h>

#include "core/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t walk(const JsonValue *v, int depth)
{
    size_t n = 1;
    if (v->type == JSON_ARRAY)
        for (size_t i = 0; i < v->count; i++)
            n += walk(v->items[i], depth + 1);
    if (v->type == JSON_OBJECT)
        for (size_t i = 0; i < v->count; i++) {
            if (json_get(v, v->members[i].key) == NULL)
                __builtin_trap(); /* a key it has must be found */
            n += walk(v->members[i].value, depth + 1);
        }
    return n + (size_t)v->type + (size_t)depth;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Arena a = {0};
    JsonValue *root;
    JsonError err;
    if (json_parse((const char *)data, size, &a, &root, &err) == 0)
        walk(root, 0);
    else if (err.line < 1 || err.col < 1)
        __builtin_trap(); /* every error has a place */
    arena_free(&a);
    return 0;
}
