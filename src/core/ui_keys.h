/* The interface strings the program uses. content_load() refuses content whose ui.json
 * lacks any of them, in any language. Add a key here when code starts using it. */
#ifndef PK_UI_KEYS_H
#define PK_UI_KEYS_H

#include <stddef.h>

extern const char *const ui_required_keys[];
extern const size_t ui_required_nkeys;

#endif
