/* The files the command line asks for after an interview: --pdf-out and --fhir-out. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/error.h"
#include "../print/printer.h"
#include "app.h"

/* The paper for --pdf-out: PPKIOSK_PAPER ("letter", "a4", "receipt"), else Letter. */
static int output_paper(Paper *paper)
{
    const char *env = getenv("PPKIOSK_PAPER");
    *paper = PAPER_LETTER;
    if (env && *env && paper_parse(env, paper) != 0) {
        fprintf(stderr, "ppkiosk: PPKIOSK_PAPER must be letter, a4 or receipt, not \"%s\"\n", env);
        return PK_EINVAL;
    }
    return 0;
}

static int write_fhir(const Summary *sum, const char *path)
{
    /* The file holds patient answers: readable by its owner only. */
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        goto fail;
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        goto fail_unlink;
    }
    int err = fhir_write(sum, f);
    if (fclose(f) != 0 && !err)
        err = PK_EIO;
    if (err)
        goto fail_unlink;
    return 0;

fail_unlink:
    unlink(path);
fail:
    fprintf(stderr, "ppkiosk: cannot write the FHIR file %s: %s\n", path, strerror(errno));
    return PK_EIO;
}

/* --summary-json: "-" is stdout; a file is new, readable by its owner only. */
static int write_summary_json(const Summary *sum, const char *path)
{
    if (strcmp(path, "-") == 0) {
        int err = summary_write_json(sum, stdout);
        return fflush(stdout) || err ? PK_EIO : 0;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        fprintf(stderr, "ppkiosk: cannot write %s: %s\n", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(path);
        }
        return PK_EIO;
    }
    int err = summary_write_json(sum, f);
    if (fclose(f) != 0 || err) {
        fprintf(stderr, "ppkiosk: cannot write %s\n", path);
        unlink(path);
        return PK_EIO;
    }
    return 0;
}

int app_write_outputs(const AppOptions *o, const Summary *sum)
{
    int err;
    if (o->pdf_out) {
        Paper paper;
        err = output_paper(&paper);
        if (err)
            return err;
        err = print_pdf_file(sum, paper, o->pdf_out);
        if (err) {
            fprintf(stderr, "ppkiosk: cannot write the PDF %s: %s\n", o->pdf_out, pk_strerror(err));
            return err;
        }
    }
    if (o->fhir_out) {
        err = write_fhir(sum, o->fhir_out);
        if (err)
            return err;
    }
    if (o->summary_json)
        return write_summary_json(sum, o->summary_json);
    return 0;
}
