/* Printing through CUPS: the PDF is rendered into memory and streamed to the
 * scheduler (no file of ours on disk), then the job is followed until it completes,
 * fails, or the printer stops, runs out of paper, or takes too long; a job that
 * cannot finish is cancelled and purged so no patient data stays in the queue. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cups/cups.h>

#include "../core/clock.h"
#include "../core/error.h"
#include "print_internal.h"

#define CONNECT_TIMEOUT_MS 5000
#define IO_TIMEOUT_S 15.0
#define JOB_TIMEOUT_S 120 /* PPKIOSK_PRINT_TIMEOUT overrides */
#define POLL_MS 250
#define CHUNK 65536

typedef struct {
    cups_dest_t *dest;
    cups_dinfo_t *info;
    http_t *http;
    char resource[256];
    const char *uri; /* printer-uri-supported */
    PkWhy *why;      /* the reason for staff when it fails; may be NULL */
} Printer;

static void set_why(Printer *p, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void set_why(Printer *p, const char *fmt, ...)
{
    if (!p->why)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->why->text, sizeof p->why->text, fmt, ap);
    va_end(ap);
}

static int on_timeout(http_t *http, void *data)
{
    (void)http;
    (void)data;
    return 0; /* give up: never hang the kiosk on a dead connection */
}

/* PPKIOSK_PRINT_TIMEOUT: whole seconds from 1 to a day; anything else (a huge number
 * once overflowed the deadline into the past and cancelled every job at once, "1e3" was
 * 1 s) is the default, with a warning. */
static long job_timeout(void)
{
    const char *env = getenv("PPKIOSK_PRINT_TIMEOUT");
    if (!env || !*env)
        return JOB_TIMEOUT_S;
    char *end;
    errno = 0;
    long s = strtol(env, &end, 10);
    if (errno || *end || s < 1 || s > 86400) {
        fprintf(stderr,
                "ppkiosk: warning: PPKIOSK_PRINT_TIMEOUT must be whole seconds from 1 to 86400; "
                "using %d\n",
                JOB_TIMEOUT_S);
        return JOB_TIMEOUT_S;
    }
    return s;
}

/* A printer-state-reasons keyword that means the job cannot print now, in words for
 * staff, or NULL. */
static const char *blocking_reason(const char *reason)
{
    static const struct {
        const char *prefix, *words;
    } table[] = {
        {"media-empty", "out of paper"},
        {"media-needed", "out of paper"},
        {"media-jam", "paper jam"},
        {"door-open", "a door is open"},
        {"cover-open", "a cover is open"},
        {"offline", "offline"},
        {"paused", "stopped"},
        {"shutdown", "shut down"},
        {"cups-missing-filter", "driver problem (missing filter)"},
        {"toner-empty", "out of toner"},
        {"marker-supply-empty", "out of ink or toner"},
    };
    if (!reason || strstr(reason, "-report") || strstr(reason, "-warning"))
        return NULL;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strncmp(reason, table[i].prefix, strlen(table[i].prefix)) == 0)
            return table[i].words;
    return NULL;
}

/* Checks a comma-separated reasons list (as in dest options). */
static const char *blocking_in_list(const char *list)
{
    char buf[1024];
    if (!list)
        return NULL;
    snprintf(buf, sizeof buf, "%s", list);
    for (char *save = NULL, *r = strtok_r(buf, ",", &save); r; r = strtok_r(NULL, ",", &save)) {
        const char *w = blocking_reason(r);
        if (w)
            return w;
    }
    return NULL;
}

/* A connection to the scheduler that gives up on a dead one, or NULL when it does not
 * take connections (libcups reports "no such printer" then; staff need to know which). */
static http_t *scheduler_connect(void)
{
    http_t *http = httpConnect2(cupsServer(), ippPort(), NULL, AF_UNSPEC, cupsEncryption(), 1,
                                CONNECT_TIMEOUT_MS, NULL);
    if (http)
        httpSetTimeout(http, IO_TIMEOUT_S, on_timeout, NULL);
    return http;
}

static void printer_close(Printer *p)
{
    if (p->info)
        cupsFreeDestInfo(p->info);
    if (p->http)
        httpClose(p->http);
    if (p->dest)
        cupsFreeDests(1, p->dest);
    p->info = NULL;
    p->http = NULL;
    p->dest = NULL;
}

/* Finds the printer, refuses a stopped or unready one before any data is sent, and
 * connects to it. */
static int printer_open(Printer *p, const char *name)
{
    /* through a connection of our own: the default one waits for ever on a scheduler
     * that takes the connection and never answers */
    http_t *sched = scheduler_connect();
    if (!sched) {
        set_why(p, "the print service (CUPS) is not running");
        return PK_ENODEV;
    }
    /* a question it must answer (a "not found" is an answer) before libcups asks the
     * ones it has no time limit for */
    ipp_t *probe = cupsDoRequest(sched, ippNewRequest(IPP_OP_CUPS_GET_DEFAULT), "/");
    if (!probe) {
        httpClose(sched);
        set_why(p, "the print service (CUPS) does not answer");
        return PK_ENODEV;
    }
    ippDelete(probe);
    p->dest = cupsGetNamedDest(sched, name, NULL);
    httpClose(sched);
    if (!p->dest) {
        if (name)
            set_why(p, "there is no printer named \"%s\"", name);
        else
            set_why(p, "no default printer is set up");
        return PK_ENODEV;
    }
    const char *pname = p->dest->name;
    const char *state = cupsGetOption("printer-state", p->dest->num_options, p->dest->options);
    const char *accepting =
        cupsGetOption("printer-is-accepting-jobs", p->dest->num_options, p->dest->options);
    const char *reasons =
        cupsGetOption("printer-state-reasons", p->dest->num_options, p->dest->options);
    const char *blocked = blocking_in_list(reasons);
    if (blocked && strcmp(blocked, "stopped") == 0)
        blocked = NULL; /* "paused" only repeats the state */
    if (state && atoi(state) == IPP_PSTATE_STOPPED) {
        set_why(p, "printer \"%s\" is stopped%s%s", pname, blocked ? ": " : "",
                blocked ? blocked : "");
        goto fail_print;
    }
    if (accepting && strcmp(accepting, "false") == 0) {
        set_why(p, "printer \"%s\" is not accepting jobs", pname);
        goto fail_print;
    }
    if (blocked) {
        set_why(p, "printer \"%s\": %s", pname, blocked);
        goto fail_print;
    }
    p->uri = cupsGetOption("printer-uri-supported", p->dest->num_options, p->dest->options);
    p->http = cupsConnectDest(p->dest, CUPS_DEST_FLAGS_NONE, CONNECT_TIMEOUT_MS, NULL, p->resource,
                              sizeof p->resource, NULL, NULL);
    if (!p->http) {
        set_why(p, "cannot reach printer \"%s\"", pname);
        printer_close(p);
        return PK_ENODEV;
    }
    httpSetTimeout(p->http, IO_TIMEOUT_S, on_timeout, NULL);
    p->info = cupsCopyDestInfo(p->http, p->dest);
    if (!p->info) {
        set_why(p, "printer \"%s\" does not answer: %s", pname, cupsLastErrorString());
        goto fail_print;
    }
    return 0;

fail_print:
    printer_close(p);
    return PK_EPRINT;
}

static void cancel_request(Printer *p, int job_id)
{
    ipp_t *req = ippNewRequest(IPP_OP_CANCEL_JOB);
    if (p->uri)
        ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, p->uri);
    ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job_id);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL, cupsUser());
    ippAddBoolean(req, IPP_TAG_OPERATION, "purge-job", 1);
    ippDelete(cupsDoRequest(p->http, req, "/jobs/"));
}

static int job_state(Printer *p, int job_id);

/* Cancels the job if it is still active and purges it: CUPS keeps the document of a
 * finished job in its spool for a day by default, and that is patient data. An active
 * job is stopped first, then purged once it has stopped. */
static void job_purge(Printer *p, int job_id)
{
    cancel_request(p, job_id);
    for (int i = 0; i < 20; i++) {
        int js = job_state(p, job_id);
        if (js < 0)
            return; /* gone */
        if (js >= IPP_JSTATE_CANCELED) {
            cancel_request(p, job_id);
            return;
        }
        pk_sleep_ms(100);
    }
}

/* The printer's state and its first blocking reason, asked now. */
static int printer_state(Printer *p, const char **blocked)
{
    static const char *const attrs[] = {"printer-state", "printer-state-reasons"};
    int state = IPP_PSTATE_IDLE;
    ipp_t *req = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, p->uri);
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 2, NULL, attrs);
    ipp_t *resp = cupsDoRequest(p->http, req, p->resource);
    *blocked = NULL;
    if (!resp)
        return state;
    ipp_attribute_t *a = ippFindAttribute(resp, "printer-state", IPP_TAG_ENUM);
    if (a)
        state = ippGetInteger(a, 0);
    a = ippFindAttribute(resp, "printer-state-reasons", IPP_TAG_KEYWORD);
    for (int i = 0; a && i < ippGetCount(a) && !*blocked; i++)
        *blocked = blocking_reason(ippGetString(a, i, NULL));
    ippDelete(resp); /* *blocked points into a static table, not into resp */
    return state;
}

static int job_state(Printer *p, int job_id)
{
    static const char *const attrs[] = {"job-state"};
    int state = -1;
    ipp_t *req = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, p->uri);
    ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job_id);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL, cupsUser());
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 1, NULL, attrs);
    ipp_t *resp = cupsDoRequest(p->http, req, "/jobs/");
    if (resp) {
        ipp_attribute_t *a = ippFindAttribute(resp, "job-state", IPP_TAG_ENUM);
        if (a)
            state = ippGetInteger(a, 0);
        ippDelete(resp);
    }
    return state;
}

/* Waits for the job to end. 0 when it completed; otherwise cancels it. */
static int job_follow(Printer *p, int job_id)
{
    const char *pname = p->dest->name;
    time_t deadline = time(NULL) + job_timeout();
    int misses = 0;

    for (;;) {
        int js = job_state(p, job_id);
        if (js == IPP_JSTATE_COMPLETED) {
            job_purge(p, job_id);
            return 0;
        }
        if (js == IPP_JSTATE_CANCELED || js == IPP_JSTATE_ABORTED) {
            set_why(p, "printer \"%s\" %s the job", pname,
                    js == IPP_JSTATE_CANCELED ? "cancelled" : "could not print");
            job_purge(p, job_id);
            return PK_EPRINT;
        }
        if (js == IPP_JSTATE_HELD || js == IPP_JSTATE_STOPPED) {
            set_why(p, "printer \"%s\" is holding the job", pname);
            goto fail_cancel;
        }
        if (js < 0 && ++misses > 8) {
            set_why(p, "lost track of the job on printer \"%s\"", pname);
            goto fail_cancel;
        }
        const char *blocked = NULL;
        int ps = printer_state(p, &blocked);
        if (ps == IPP_PSTATE_STOPPED || blocked) {
            set_why(p, "printer \"%s\": %s", pname, blocked ? blocked : "stopped");
            goto fail_cancel;
        }
        if (time(NULL) >= deadline) {
            set_why(p, "printer \"%s\" did not finish the job in time", pname);
            goto fail_cancel;
        }
        pk_sleep_ms(POLL_MS);
    }

fail_cancel:
    job_purge(p, job_id);
    return PK_EPRINT;
}

/* Streams the PDF as one job and follows it. A receipt asks for its own length of
 * paper (roll printers cut there); Letter and A4 leave the media to the printer, so a
 * queue loaded with the other size fits the page instead of waiting for paper. */
static int send_pdf(const PdfBuffer *pdf, const char *name, const char *title, Paper paper,
                    double height, PkWhy *why)
{
    Printer p = {.why = why};
    cups_option_t *options = NULL;
    int noptions = 0;
    int job_id = 0, err = printer_open(&p, name);
    if (err)
        return err;
    if (paper == PAPER_RECEIPT_80MM && height > 0) {
        char media[64];
        snprintf(media, sizeof media, "Custom.80x%dmm", (int)ceil(height * 25.4 / 72));
        noptions = cupsAddOption("media", media, noptions, &options);
    }
    if (!p.uri) {
        set_why(&p, "printer \"%s\" has no address", p.dest->name);
        err = PK_EPRINT;
        goto done;
    }
    if (cupsCreateDestJob(p.http, p.dest, p.info, &job_id, title, noptions, options) !=
        IPP_STATUS_OK) {
        set_why(&p, "printer \"%s\" refused the job: %s", p.dest->name, cupsLastErrorString());
        err = PK_EPRINT;
        goto done;
    }
    if (cupsStartDestDocument(p.http, p.dest, p.info, job_id, "summary.pdf", CUPS_FORMAT_PDF, 0,
                              NULL, 1) != HTTP_STATUS_CONTINUE)
        goto fail_send;
    for (size_t off = 0; off < pdf->len; off += CHUNK) {
        size_t n = pdf->len - off < CHUNK ? pdf->len - off : CHUNK;
        if (cupsWriteRequestData(p.http, (const char *)pdf->data + off, n) != HTTP_STATUS_CONTINUE)
            goto fail_send;
    }
    if (cupsFinishDestDocument(p.http, p.dest, p.info) != IPP_STATUS_OK)
        goto fail_send;
    err = job_follow(&p, job_id);
    goto done;

fail_send:
    set_why(&p, "could not send the job to printer \"%s\": %s", p.dest->name,
            cupsLastErrorString());
    job_purge(&p, job_id);
    err = PK_EPRINT;
done:
    cupsFreeOptions(noptions, options);
    printer_close(&p);
    return err;
}

int print_cups(const Summary *sum, Paper paper, const char *printer, PkWhy *why)
{
    PdfBuffer pdf = {0};
    double height = 0;
    pk_why_clear(why);
    int err = pdf_render_summary(sum, paper, pdf_buf_write, &pdf, NULL, &height);
    if (err)
        pk_fail(why, err, "could not prepare the summary: %s", pk_strerror(err));
    else /* The job title stays free of patient data: queues and logs show it. */
        err = send_pdf(&pdf, printer, "ppkiosk summary", paper, height, why);
    pdf_buf_wipe(&pdf);
    return err;
}

int print_test_page(const Content *content, const char *printer, Paper paper, PkWhy *why)
{
    PdfBuffer pdf = {0};
    pk_why_clear(why);
    int err = pdf_render_test(content, paper, pdf_buf_write, &pdf);
    if (err)
        pk_fail(why, err, "could not prepare the test page: %s", pk_strerror(err));
    else
        err = send_pdf(&pdf, printer, "ppkiosk test page", paper, PDF_TEST_RECEIPT_H, why);
    pdf_buf_wipe(&pdf);
    return err;
}
