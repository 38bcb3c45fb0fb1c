/* The shipped content, loaded once per harness process (FUZZ_CONTENT_DIR); aborts if it
 * does not load, since every input would then test nothing. */
#ifndef PK_FUZZ_REAL_CONTENT_H
#define PK_FUZZ_REAL_CONTENT_H

#include <stdlib.h>

#include "core/content.h"

static const Content *fuzz_real_content(void)
{
    static Content *content;
    if (!content) {
        Diags d = {0};
        if (content_load(FUZZ_CONTENT_DIR, &content, &d) != 0)
            abort();
        diags_free(&d);
    }
    return content;
}

#endif
