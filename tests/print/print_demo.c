/* A test driver for the print module: runs a scripted interview on the real content,
 * builds its summary and renders, prints or exports it.
 *
 *   print_demo pdf PAPER LANG CASE OUT.pdf
 *   print_demo fhir LANG CASE OUT.json
 *   print_demo cups PRINTER PAPER LANG CASE      (PRINTER "-" for the default)
 *   print_demo testpage PRINTER PAPER
 *   print_demo ui LANG KEY...                    (the content's strings, one a line)
 *
 * CASE: typical, long (every clinician flag, every area, many causes), urgent (stopped
 * by an urgent answer), skipped (everything skippable skipped) or allyes (every
 * warning-sign question yes, the interview carried on after each urgent answer). Exit status: 0 ok,
 * 3 PK_ENODEV, 4 PK_EPRINT, 1 anything else; print results go to stdout as
 * "result=CODE why=TEXT". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/session.h"
#include "core/summary.h"
#include "print/printer.h"

typedef struct {
    const char *question;
    const char *answer; /* option ids separated by commas, a number, or "skip" */
} Scripted;

static const Scripted typical[] = {
    {"since_birth", "w2to6"},
    {"delivery", "csection"},
    {"epidural", "yes"},
    {"areas", "lower_back,pelvis_tailbone,wrist_right"},
    {"pain_now", "6"},
    {"peg_pain", "6"},
    {"peg_enjoyment", "5"},
    {"peg_activity", "7"},
    {"onset", "gradual"},
    {"worse_when", "morning_stiff,after_feeding_lifting"},
    {"stretch_effect", "better"},
    {"feeding", "breast"},
    {"feeding_position", "lean_forward"},
    {"baby_care", "lift_crib_carseat,carry_one_hip"},
    {"sleep", "broken"},
    {"stress", "some"},
    {"history", "none"},
    {NULL, NULL},
};

static const Scripted longer[] = {
    {"since_birth", "gt6m"},
    {"delivery", "csection"},
    {"epidural", "yes"},
    {"areas", "lower_back,upper_back_neck,pelvis_tailbone,hip_left,hip_right,knee_left,"
              "knee_right,wrist_left,wrist_right,ankle_left,ankle_right"},
    {"pain_now", "9"},
    {"peg_pain", "8"},
    {"peg_enjoyment", "9"},
    {"peg_activity", "10"},
    {"onset", "sudden"},
    {"worse_when", "morning_stiff,night,after_feeding_lifting,all_the_time"},
    {"limits_movement", "yes"},
    {"stretch_effect", "worse"},
    {"feeding", "both"},
    {"feeding_position", "lean_forward"},
    {"baby_care", "lift_crib_carseat,carry_one_hip,change_floor,bath_tub"},
    {"sleep", "very_little"},
    {"stress", "high"},
    {"belly_gap", "yes"},
    {"history", "back_pain_before,arthritis,thyroid,old_injury"},
    {"phq_interest", "nearly_every_day"},
    {"phq_down", "nearly_every_day"},
    {NULL, NULL},
};

static const char *scripted(const Scripted *t, const char *id)
{
    for (; t->question; t++)
        if (strcmp(t->question, id) == 0)
            return t->answer;
    return NULL;
}

static int make_answer(const Question *q, const char *spec, Answer *a)
{
    char buf[512];
    memset(a, 0, sizeof *a);
    a->state = ANS_GIVEN;
    if (q->kind == QK_SCALE) {
        a->value = atoi(spec);
        return 0;
    }
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        int i = content_option_index(q, t);
        if (i < 0) {
            fprintf(stderr, "print_demo: %s has no option %s\n", q->id, t);
            return PK_EINVAL;
        }
        a->options |= 1u << i;
    }
    return 0;
}

/* Answers the interview for the case; returns 0 or a PK_E* code. */
static int run_case(Session *s, const char *name)
{
    bool all_yes = strcmp(name, "allyes") == 0;
    const Scripted *t = strcmp(name, "long") == 0 || all_yes ? longer : typical;
    bool urgent = strcmp(name, "urgent") == 0, skip = strcmp(name, "skipped") == 0;
    const Question *q;

    while ((q = session_question(s)) != NULL) {
        const char *spec = scripted(t, q->id);
        Answer a;
        int rc;
        if (skip && q->can_skip) {
            rc = session_skip(s);
        } else {
            if (q->role == ROLE_RED_FLAG) {
                /* long: every clinician-tier screen item yes (but the epidural site and
                 * new back pain near it: with the fever that is urgent); urgent: the
                 * first yes */
                bool yes = all_yes || (urgent && strcmp(q->id, "rf_chest") == 0) ||
                           (strcmp(name, "long") == 0 && strncmp(q->id, "rf_", 3) == 0 &&
                            q->section != SECTION_SAFETY_URGENT &&
                            strcmp(q->id, "rf_epidural_site") != 0 &&
                            strcmp(q->id, "rf_epidural_pain") != 0);
                spec = yes ? "yes" : "no";
            } else if (!spec)
                spec = q->kind == QK_SCALE ? "5" : q->kind == QK_YESNO ? "no" : q->options[0].id;
            rc = make_answer(q, spec, &a);
            if (rc == 0)
                rc = session_answer(s, &a);
        }
        if (rc == SESSION_URGENT) {
            session_acknowledge_urgent(s, URGENT_ACK_PATIENT); /* no PIN: "I told the desk" */
            if (!all_yes)
                return 0; /* the interview stops here */
            rc = 0;
        }
        if (rc < 0) {
            fprintf(stderr, "print_demo: %s: %s\n", q->id, pk_strerror(rc));
            return rc;
        }
    }
    return 0;
}

static int exit_code(int err)
{
    return err == 0 ? 0 : err == PK_ENODEV ? 3 : err == PK_EPRINT ? 4 : 1;
}

int main(int argc, char **argv)
{
    Content *c = NULL;
    Session *s = NULL;
    Summary sum = {0};
    Diags diags = {0};
    Paper paper = PAPER_LETTER;
    Lang lang = LANG_EN;
    int err = 0;
    PkWhy why = {""};

    if (argc < 3) {
        fprintf(stderr, "usage: see the comment at the top of print_demo.c\n");
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "testpage") == 0 && argc == 4 && paper_parse(argv[3], &paper) == 0) {
        err = content_load(PPKIOSK_SOURCE_DIR "/assets/content", &c, &diags);
        if (!err)
            err = print_test_page(c, strcmp(argv[2], "-") ? argv[2] : NULL, paper, &why);
        printf("result=%s why=%s\n", err ? pk_strerror(err) : "ok", why.text);
        content_free(c);
        diags_free(&diags);
        return exit_code(err);
    }
    if (strcmp(cmd, "ui") == 0) {
        if (lang_parse(argv[2], &lang) != 0)
            return 2;
        err = content_load(PPKIOSK_SOURCE_DIR "/assets/content", &c, &diags);
        for (int i = 3; !err && i < argc; i++)
            printf("%s\n", content_ui(c, argv[i], lang));
        content_free(c);
        diags_free(&diags);
        return exit_code(err);
    }
    /* the index of LANG; PAPER comes just before it (pdf, cups) */
    int a = strcmp(cmd, "pdf") == 0 ? 3 : strcmp(cmd, "cups") == 0 ? 4 : 2;
    if ((strcmp(cmd, "pdf") == 0 && argc != 6) || (strcmp(cmd, "fhir") == 0 && argc != 5) ||
        (strcmp(cmd, "cups") == 0 && argc != 6) || a >= argc || lang_parse(argv[a], &lang) ||
        (a > 2 && paper_parse(argv[a - 1], &paper) != 0)) {
        fprintf(stderr, "print_demo: bad arguments\n");
        return 2;
    }
    err = content_load(PPKIOSK_SOURCE_DIR "/assets/content", &c, &diags);
    if (err) {
        fprintf(stderr, "print_demo: content: %s\n", pk_strerror(err));
        goto done;
    }
    s = session_new(c, lang);
    if (!s || (err = run_case(s, argv[a + 1])) != 0 || (err = summary_build(s, &sum)) != 0) {
        err = err ? err : PK_ENOMEM;
        goto done;
    }
    if (strcmp(cmd, "pdf") == 0) {
        err = print_pdf_file(&sum, paper, argv[5]);
    } else if (strcmp(cmd, "fhir") == 0) {
        FILE *f = fopen(argv[4], "w");
        err = f ? fhir_write(&sum, f) : PK_EIO;
        if (f && fclose(f) != 0 && !err)
            err = PK_EIO;
    } else {
        err = print_cups(&sum, paper, strcmp(argv[2], "-") ? argv[2] : NULL, &why);
        printf("result=%s why=%s\n", err ? pk_strerror(err) : "ok", why.text);
    }
done:
    if (err)
        fprintf(stderr, "print_demo: %s\n", pk_strerror(err));
    summary_free(&sum);
    session_free(s);
    content_free(c);
    diags_free(&diags);
    return exit_code(err);
}
