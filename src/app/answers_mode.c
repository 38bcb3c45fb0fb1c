/* ppkiosk --answers FILE: a session played from an answers file (see
 * core/answers_file.h), then the same summary the terminal mode prints, and the
 * --pdf-out / --fhir-out / --summary-json files. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/answers_file.h"
#include "../core/error.h"
#include "../core/wipe.h"
#include "app.h"
#include "config.h"

enum { ANSWERS_FILE_MAX = 1 << 20 };

/* Reads the whole file (at most ANSWERS_FILE_MAX bytes) into a malloc'd buffer. */
static int slurp(const char *path, char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno == ENOENT ? PK_ENOENT : PK_EIO;
    char *buf = malloc(ANSWERS_FILE_MAX + 1);
    size_t n = buf ? fread(buf, 1, ANSWERS_FILE_MAX + 1, f) : 0;
    int bad = ferror(f);
    fclose(f);
    if (!buf)
        return PK_ENOMEM;
    if (bad || n > ANSWERS_FILE_MAX) {
        free(buf);
        return bad ? PK_EIO : PK_EINVAL;
    }
    *out = buf;
    *len = n;
    return 0;
}

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
    int rc = slurp(o->answers, &text, &len);
    if (rc) {
        fprintf(stderr, "ppkiosk: cannot read %s: %s\n", o->answers,
                rc == PK_EINVAL ? "the file is larger than 1 MB" : pk_strerror(rc));
        return rc == PK_ENOMEM ? 1 : 2;
    }
    AnswerFile af;
    AnswerFileError err;
    rc = answers_parse(c, text, len, &af, &err);
    wipe(text, len);
    free(text);
    if (rc == PK_EINVAL) {
        fprintf(stderr, "%s:%zu: %s\n", o->answers, err.line, err.why);
        return 2;
    }
    if (rc) {
        fprintf(stderr, "ppkiosk: %s\n", pk_strerror(rc));
        return 1;
    }
    SafetyNet net;
    if (app_safety_net(o, &net)) {
        answers_free(&af);
        return 2;
    }
    Session *s = session_new(c, o->lang);
    Summary sum;
    int exit_code = 1;
    if (!s || answers_play(&af, s) < 0 || summary_build(s, &sum) != 0) {
        fprintf(stderr, "ppkiosk: cannot play the answers: out of memory\n");
        goto done;
    }
    summary_set_safety(&sum, &net);
    bool json_on_stdout = o->summary_json && strcmp(o->summary_json, "-") == 0;
    if (!json_on_stdout && summary_write_text(&sum, stdout) != 0) {
        fprintf(stderr, "ppkiosk: cannot write the summary\n");
        summary_free(&sum);
        goto done;
    }
    exit_code = app_write_outputs(o, &sum) ? 1 : 0;
    summary_free(&sum);
done:
    session_free(s);
    answers_free(&af);
    return exit_code;
}
