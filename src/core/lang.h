/* Languages the content is written in, and a piece of text in each of them. */
#ifndef PK_LANG_H
#define PK_LANG_H

typedef enum { LANG_EN = 0, LANG_ES = 1, LANG_COUNT } Lang;

/* A string in every language; the pointers belong to the Content that holds it.
 * Optional texts have NULL in every slot. */
typedef struct {
    const char *s[LANG_COUNT];
} Text;

/* "en" / "es". */
const char *lang_code(Lang lang);

/* "English" / "Spanish": the language's name in messages for staff. */
const char *lang_name(Lang lang);

/* Parses "en" or "es" into *out; returns 0 or PK_EINVAL. */
int lang_parse(const char *code, Lang *out);

/* The text in the given language, falling back to English, then to "". Never NULL. */
const char *lang_text(const Text *t, Lang lang);

#endif
