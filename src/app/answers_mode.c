/* ppkiosk --answers FILE: a session played from an answers file (see
 * core/answers_file.h), then the same summary the terminal mode prints, and the
 * --pdf-out / --fhir-out / --summary-json files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/answers_file.h"
#include "../core/error.h"
#include "../core/file.h"
#include "../core/wipe.h"
#include "app.h"
#include "config.h"

enum { ANSWERS_FILE_MAX = 1 << 20 };

int app_safety_net(const AppOptions *o, SafetyNet *net)
{
    KioskConfig cfg;
    int rc = config_load(&cfg, o->config, o->assets_dir);
    *net = rc == 0 ? cfg.safety : summary_default_safety();
    wipe(&cfg, sizeof cfg);
    return rc;
}

int app_run_answers(const AppOptions *o, const Content *c)
{
    char *text = NULL;
    size_t len = 0;
    PkWhy why;
    int rc = file_read_regular(o->answers, ANSWERS_FILE_MAX, &text, &len, &why);
    if (rc) {
        fprintf(stderr, "ppkiosk: cannot read %s: %s\n", o->answers, why.text);
        return rc == PK_ENOMEM ? 1 : 2;
    }
    app_stdout_own(); /* the summary passes through it (wiped at the end) */
    AnswerFile af;
    rc = answers_parse(c, o->answers, text, len, &af, &why);
    wipe(text, len);
    free(text);
    if (rc) {
        fprintf(stderr, rc == PK_EINVAL ? "%s\n" : "ppkiosk: %s\n", pk_why_text(&why, rc));
        return rc == PK_EINVAL ? 2 : 1;
    }
    SafetyNet net;
    if (app_safety_net(o, &net)) {
        answers_free(&af);
        return 2;
    }
    Session *s = session_new(c, o->lang);
    Summary sum;
    int exit_code = 1;
    if (s && (rc = answers_play(&af, s, &why)) != 0) {
        fprintf(stderr, "ppkiosk: cannot play the answers: %s\n", pk_why_text(&why, rc));
        goto done;
    }
    if (s && why.text[0]) /* an answer that counted for nothing */
        fprintf(stderr, "ppkiosk: warning: %s: %s\n", o->answers, why.text);
    if (!s || summary_build(s, &sum) != 0) {
        fprintf(stderr, "ppkiosk: cannot play the answers: out of memory\n");
        goto done;
    }
    summary_set_safety(&sum, &net);
    bool json_on_stdout = o->summary_json && strcmp(o->summary_json, "-") == 0;
    /* flushed here: in the own buffer a failed write shows only then */
    if (!json_on_stdout && (summary_write_text(&sum, stdout) != 0 || fflush(stdout) != 0)) {
        fprintf(stderr, "ppkiosk: cannot write the summary\n");
        summary_free(&sum);
        goto done;
    }
    exit_code = app_write_outputs(o, &sum) ? 1 : 0;
    summary_free(&sum);
done:
    session_free(s);
    answers_free(&af);
    app_stdout_wipe();
    return exit_code;
}
