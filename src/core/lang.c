#include "lang.h"

#include <string.h>

#include "error.h"

static const char *const lang_codes[LANG_COUNT] = {"en", "es"};
static const char *const lang_names[LANG_COUNT] = {"English", "Spanish"};

const char *lang_code(Lang lang)
{
    return (unsigned)lang < LANG_COUNT ? lang_codes[lang] : "en";
}

const char *lang_name(Lang lang)
{
    return (unsigned)lang < LANG_COUNT ? lang_names[lang] : "English";
}

int lang_parse(const char *code, Lang *out)
{
    for (int i = 0; i < LANG_COUNT; i++) {
        if (code && strcmp(code, lang_codes[i]) == 0) {
            *out = (Lang)i;
            return 0;
        }
    }
    return PK_EINVAL;
}

const char *lang_text(const Text *t, Lang lang)
{
    if ((unsigned)lang < LANG_COUNT && t->s[lang])
        return t->s[lang];
    return t->s[LANG_EN] ? t->s[LANG_EN] : "";
}
