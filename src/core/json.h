/* A strict JSON parser (RFC 8259) that remembers the line and column of every value and
 * key, so content errors can point at the place to fix. Nodes live in an Arena. */
#ifndef PK_JSON_H
#define PK_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } JsonType;

typedef struct JsonValue JsonValue;

typedef struct {
    const char *key;
    int line, col; /* of the key */
    JsonValue *value;
} JsonMember;

struct JsonValue {
    JsonType type;
    int line, col; /* 1-based */
    bool boolean;
    double number;
    const char *string;  /* UTF-8, NUL-terminated (strings holding NUL are refused) */
    JsonValue **items;   /* array */
    JsonMember *members; /* object, in file order */
    size_t count;        /* items or members */
};

typedef struct {
    int line, col;
    char msg[128];
} JsonError;

/* Parses len bytes of text. On success stores the root in *out and returns 0; on a
 * syntax error fills *err and returns PK_EINVAL; PK_ENOMEM when out of memory. */
int json_parse(const char *text, size_t len, Arena *arena, JsonValue **out, JsonError *err);

/* The member value for key in an object, or NULL (also when v is not an object). */
const JsonValue *json_get(const JsonValue *v, const char *key);

/* The member (with the key's position) for key, or NULL. */
const JsonMember *json_member(const JsonValue *v, const char *key);

#endif
