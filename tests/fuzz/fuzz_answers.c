/* libFuzzer: the --answers reader on any bytes, against the real content; a file it
 * accepts is then played into a session and summarised, as `ppkiosk --answers` does. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/answers_file.h"
#include "core/content.h"
#include "fuzz_real_content.h"
#include "core/session.h"
#include "core/summary.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Content *content = fuzz_real_content();
    AnswerFile af;
    PkWhy why;
    size_t line = 0;
    if (answers_parse(content, "in", (const char *)data, size, &af, &why) != 0) {
        if (sscanf(why.text, "in:%zu: ", &line) != 1 || line == 0)
            __builtin_trap(); /* every refusal names its line and reason */
        return 0;
    }
    if (af.count != content->nquestions)
        __builtin_trap(); /* one answer slot per question */
    Session *s = session_new(content, (Lang)(size % LANG_COUNT));
    Summary sum;
    if (s && answers_play(&af, s, NULL) == 0 && summary_build(s, &sum) == 0)
        summary_free(&sum);
    session_free(s);
    answers_free(&af);
    return 0;
}
