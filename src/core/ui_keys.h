/* The interface strings the program uses. content_load() refuses content whose ui.json
 * lacks any of them, in any language. Add a key here when code starts using it. */
#ifndef PK_UI_KEYS_H
#define PK_UI_KEYS_H

#include <stddef.h>

extern const char *const ui_required_keys[];
extern const size_t ui_required_nkeys;

/* Interface strings with a length of their own, in bytes, in every language. */
typedef struct {
    const char *key;
    size_t max_bytes;
} UiKeyCap;

extern const UiKeyCap ui_key_caps[];
extern const size_t ui_key_ncaps;

#endif
