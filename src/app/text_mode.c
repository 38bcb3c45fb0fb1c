/* The terminal interview: the same flow as the kiosk, drawn as text on stdout and
 * answered by typed lines on stdin. Numbers pick numbered options; words go through the
 * answer interpreter. End of input ends the session cleanly. */
#include <stdio.h>
#include <string.h>

#include "../core/error.h"
#include "../core/flow.h"
#include "../core/wipe.h"
#include "app.h"

static const char *ui(const Content *c, const Screen *s, const char *key)
{
    return content_ui(c, key, s->lang);
}

static void print_question(const Content *c, const Screen *s)
{
    const Question *q = s->question;
    if (s->banner)
        printf("\n!! %s", s->banner);
    printf("\n[%s] %s\n", s->progress, s->title);
    if (s->body && q->kind != QK_SCALE && q->kind != QK_MULTI)
        printf("%s\n", s->body);
    if (q->kind == QK_SCALE) {
        printf("  %d = %s\n  %d = %s\n", q->min, s->low, q->max, s->high);
        printf("%s\n", ui(c, s, "text.scale_hint"));
    } else {
        for (size_t i = 0; i < s->nanswers; i++)
            printf("  %zu) %s\n", i + 1, s->answers[i].label);
        printf("%s\n", ui(c, s, q->kind == QK_MULTI ? "text.multi_hint" : "text.hint"));
    }
}

static void print_screen(const Content *c, const Screen *s)
{
    switch (s->kind) {
    case SCR_QUESTION:
        print_question(c, s);
        break;
    case SCR_URGENT:
        printf("\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n!!! %s\n%s\n(%s)\n"
               "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n%s\n",
               s->title, s->body ? s->body : "", s->detail ? s->detail : "",
               ui(c, s, "text.continue"));
        break;
    default:
        printf("\n%s\n", s->title ? s->title : "");
        if (s->body)
            printf("%s\n", s->body);
        if (s->kind == SCR_CONFIRM) { /* Yes / No, as on a question */
            for (size_t i = 0; i < s->nanswers; i++)
                printf("  %zu) %s\n", i + 1, s->answers[i].label);
            printf("%s\n", ui(c, s, "text.hint"));
        }
        break;
    }
    fflush(stdout);
}

typedef enum { LINE_EOF, LINE_OK, LINE_REFUSED } LineRead;

/* Reads one line into buf without its line end (nor a CR before it). A line too long for
 * buf, or holding a NUL byte, is read to its end and refused whole: its words are never
 * cut (a NUL once ended the line early, and "no\0 ... yes" answered "no"). */
static LineRead read_line(char *buf, size_t size)
{
    printf("> ");
    fflush(stdout);
    size_t n = 0;
    bool refused = false;
    int ch;
    while ((ch = getchar()) != EOF && ch != '\n') {
        if (ch == '\0' || n + 1 >= size)
            refused = true;
        else
            buf[n++] = (char)ch;
    }
    if (ch == EOF && n == 0 && !refused)
        return LINE_EOF;
    if (n && buf[n - 1] == '\r')
        n--;
    buf[n] = '\0';
    return refused ? LINE_REFUSED : LINE_OK;
}

static int finish(const AppOptions *o, Flow *f)
{
    const Summary *sum = flow_summary(f);
    if (!sum)
        return 0;
    int rc = summary_write_text(sum, stdout);
    fflush(stdout); /* she reads it now, before the files are written */
    if (rc) {
        fprintf(stderr, "ppkiosk: cannot write the summary: %s\n", pk_strerror(rc));
        return 1;
    }
    return app_write_outputs(o, sum) ? 1 : 0;
}

/* At the end of input: the summary of what was answered, if anything was. */
static int finish_partial(const AppOptions *o, Flow *f, const SafetyNet *safety)
{
    const Session *sess = flow_session(f);
    Summary partial;
    int rc = 0;
    putchar('\n');
    /* not the question's place: back at the first one, she may have said much */
    if (!session_anything_said(sess) || summary_build(sess, &partial) != 0)
        return 0;
    summary_set_safety(&partial, safety);
    if (summary_write_text(&partial, stdout) != 0 || fflush(stdout) != 0) {
        fprintf(stderr, "ppkiosk: cannot write the summary\n");
        rc = 1;
    } else if (app_write_outputs(o, &partial)) {
        rc = 1;
    }
    summary_free(&partial);
    return rc;
}

/* Hands one typed line to the flow and shows what follows. */
static void take_line(const Content *c, Flow *f, const Screen *s, const char *line)
{
    FlowEvent ev;
    /* the urgent screen: Enter (or "yes", "done") says she told the desk, and the
       summary says so; any other line did too ("xyz" printed "She said she told the
       front desk" on the paper) */
    if (s->kind == SCR_URGENT)
        ev = line[0] ? flow_input(f, line, FLOW_TYPED) : flow_press(f, FLOW_CONTINUE);
    else if (s->kind != SCR_CONFIRM && line[0] == '\0')
        ev = FLOW_NOT_UNDERSTOOD;
    else
        ev = flow_input(f, line, FLOW_TYPED);
    switch (ev) {
    case FLOW_CHANGED:
    case FLOW_REPEAT_REQUESTED:
        print_screen(c, s);
        break;
    case FLOW_HELP_REQUESTED:
        printf("%s\n", flow_help(f));
        break;
    default: /* on the urgent screen, what it waits for again */
        printf("%s\n",
               content_ui(c, s->kind == SCR_URGENT ? "text.continue" : "text.not_understood",
                          s->lang));
        break;
    }
}

int app_run_text(const AppOptions *o, const Content *c)
{
    /* Typed answers are read a byte at a time (no stdio read-ahead copy of them), and
     * the output goes through a buffer that is wiped at the end. */
    setvbuf(stdin, NULL, _IONBF, 0);
    app_stdout_own();
    FlowConfig cfg = {.default_lang = o->lang};
    if (app_safety_net(o, &cfg.safety))
        return 2;
    Flow *f = flow_new(c, &cfg);
    if (!f) {
        fprintf(stderr, "ppkiosk: out of memory\n");
        return 1;
    }
    flow_begin(f, o->lang);
    const Screen *s = flow_screen(f);
    printf("%s\n%s\n%s\n", content_ui(c, "privacy.title", o->lang),
           content_ui(c, "privacy.body", o->lang), content_ui(c, "text.commands", o->lang));
    print_screen(c, s);
    char line[1024];
    int rc = 0;
    for (;;) {
        if (s->kind == SCR_RESULTS) {
            rc = finish(o, f);
            break;
        }
        LineRead got = read_line(line, sizeof line);
        if (got == LINE_EOF) {
            flow_end_of_input(f);
            rc = finish_partial(o, f, &cfg.safety);
            break;
        }
        if (got == LINE_REFUSED && s->kind != SCR_URGENT)
            printf("%s\n", content_ui(c, "text.not_understood", s->lang));
        else
            take_line(c, f, s, line);
        wipe(line, sizeof line);
    }
    wipe(line, sizeof line);
    app_stdout_wipe();
    flow_free(f);
    return rc;
}
