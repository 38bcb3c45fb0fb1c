/* The summary PDF: picks the type size that fits the paper, renders through a cairo
 * write function (a file, or memory for CUPS), and the staff test page. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/error.h"
#include "print_internal.h"

#define MIN_FONT 8.5

cairo_status_t pdf_buf_write(void *closure, const unsigned char *data, unsigned int length)
{
    PdfBuffer *b = closure;
    if (b->len + length > b->cap) {
        size_t cap = b->cap ? b->cap : 64 * 1024;
        while (cap < b->len + length)
            cap *= 2;
        unsigned char *p = malloc(cap);
        if (!p)
            return CAIRO_STATUS_WRITE_ERROR;
        /* Grow by copying, so no stale copy of the document is left unwiped. */
        if (b->len)
            memcpy(p, b->data, b->len);
        if (b->data) {
            memset(b->data, 0, b->cap);
            free(b->data);
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, length);
    b->len += length;
    return CAIRO_STATUS_SUCCESS;
}

void pdf_buf_wipe(PdfBuffer *b)
{
    if (b->data) {
        memset(b->data, 0, b->cap);
        free(b->data);
    }
    b->data = NULL;
    b->len = b->cap = 0;
}

/* The clinician's part (flags, scores, areas, about her) in PDF_CLINICIAN_BIG type,
 * about half the first page; or at PDF_CLINICIAN_MIN at least; about her in the
 * page's size, in one paragraph across the page (OPT_CONTEXT_SMALL). */
enum { OPT_CLINICIAN_LARGE = 1, OPT_CLINICIAN_BIG = 2, OPT_CONTEXT_SMALL = 4 };

/* The body figure's height on Letter and A4, as a share of the printable height: large
 * while the page has room, smaller before the clinician's type shrinks. */
#define FIGURE_LARGE 0.27
#define FIGURE_SMALL 0.13
#define FIGURE_STEPS 6 /* halvings in the search for the largest figure that fits */

/* One rendering pass. npages_known is the page count for the footers (0: unknown). */
static int render_pass(const Summary *sum, Paper paper, double page_h, double fs,
                       PdfPlanDetail plan, unsigned opts, double figure, int npages_known,
                       cairo_write_func_t write, void *closure, int *npages, double *used)
{
    PdfDoc d = {0};
    d.figure_share = figure;
    d.context_small = opts & OPT_CONTEXT_SMALL;
    d.clinician_fs = opts & OPT_CLINICIAN_LARGE ? PDF_CLINICIAN_BIG
                     : opts & OPT_CLINICIAN_BIG ? PDF_CLINICIAN_MIN
                                                : 0;
    d.sum = sum;
    d.content = sum->content;
    d.plan = plan;
    d.lang = sum->lang;
    int err = pdf_doc_open(&d, paper, page_h, fs, write, closure);
    if (err)
        return err;
    d.npages = npages_known;
    pdf_sections_draw(&d);
    if (npages)
        *npages = d.page;
    return pdf_doc_close(&d, used);
}

/* The receipt: the short plan, on one page cut to the length it needs. */
static int render_receipt(const Summary *sum, cairo_write_func_t write, void *closure, int *npages,
                          double *height)
{
    const double fs = MIN_FONT; /* read in the hand, at reading distance */
    double w, maxh, used = 0;
    int pages = 0;
    paper_size(PAPER_RECEIPT_80MM, &w, &maxh);
    int err = render_pass(sum, PAPER_RECEIPT_80MM, maxh, fs, PDF_PLAN_SHORT, OPT_CLINICIAN_BIG, 0,
                          0, NULL, NULL, &pages, &used);
    if (err)
        return err;
    /* One page cut to length (the rare session longer than 5 m pages on). */
    double h = pages > 1 ? maxh : used;
    if (height)
        *height = h;
    return render_pass(sum, PAPER_RECEIPT_80MM, h, fs, PDF_PLAN_SHORT, OPT_CLINICIAN_BIG, 0, pages,
                       write, closure, npages, NULL);
}

/* 1 when the summary fits one page with the plan by titles in the smallest type, the
 * figure that share of the page; 0 when not; or a negative PK_E* code. */
static int fits_one_page(const Summary *sum, Paper paper, unsigned opts, double figure)
{
    int pages = 0;
    int err = render_pass(sum, paper, 0, MIN_FONT, PDF_PLAN_TITLES, opts, figure, 0, NULL, NULL,
                          &pages, NULL);
    return err ? err : pages == 1;
}

/* The largest figure (a share of the page) with which the summary fits one page with
 * the plan by titles in the smallest type, to within FIGURE_STEPS halvings: 0 when
 * none does, or a negative PK_E* code. */
static double largest_figure(const Summary *sum, Paper paper, unsigned opts)
{
    double lo = FIGURE_SMALL, hi = FIGURE_LARGE;
    int err = fits_one_page(sum, paper, opts, lo);
    if (err <= 0)
        return err;
    for (int k = 0; k < FIGURE_STEPS; k++) {
        double mid = (lo + hi) / 2;
        err = fits_one_page(sum, paper, opts, mid);
        if (err < 0)
            return err;
        if (err)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

int pdf_render_summary(const Summary *sum, Paper paper, cairo_write_func_t write, void *closure,
                       int *npages, double *height)
{
    static const double sizes[] = {10.5, 10.0, 9.5, 9.0, MIN_FONT};
    const size_t nsizes = sizeof sizes / sizeof sizes[0];
    int pages = 0, err;

    if (paper == PAPER_RECEIPT_80MM)
        return render_receipt(sum, write, closure, npages, height);

    /* In order of preference: one page with the clinician's part in large type and a
     * large figure, about her in large type, then in the page's; then the shortest
     * plan in the smallest type with the largest figure that fits, the clinician's
     * part in large type, then at 10 pt; then a small figure with the clinician's part
     * at the page's size (a long answer list); then two pages. For each, the fullest plan
     * that fits (one page may take the plan by titles: the screen has it in full), in
     * the largest type that fits; else the smallest type with the plan by titles, on
     * as many pages as it takes. */
    const unsigned large = OPT_CLINICIAN_BIG | OPT_CLINICIAN_LARGE | OPT_CONTEXT_SMALL;
    const unsigned big = OPT_CLINICIAN_BIG | OPT_CONTEXT_SMALL;
    const struct {
        int want;
        unsigned opts;
        double figure; /* 0: the largest that fits, with the shortest plan */
    } tries[] = {{1, large & ~OPT_CONTEXT_SMALL, FIGURE_LARGE},
                 {1, large, FIGURE_LARGE},
                 {1, large, 0},
                 {1, big, 0},
                 {1, OPT_CONTEXT_SMALL, FIGURE_SMALL},
                 {2, OPT_CLINICIAN_BIG, FIGURE_LARGE}};
    double fs = 0, figure = FIGURE_SMALL;
    PdfPlanDetail plan = PDF_PLAN_FULL;
    unsigned opts = 0;
    for (size_t t = 0; t < sizeof tries / sizeof tries[0] && fs == 0; t++) {
        int want = tries[t].want;
        if (tries[t].figure == 0) {
            double f = largest_figure(sum, paper, tries[t].opts);
            if (f < 0)
                return (int)f;
            if (f > 0) {
                fs = MIN_FONT;
                plan = PDF_PLAN_TITLES;
                opts = tries[t].opts;
                figure = f;
            }
            continue;
        }
        int last = want == 1 ? PDF_PLAN_TITLES : PDF_PLAN_SHORT;
        for (int p = PDF_PLAN_FULL; p <= last && fs == 0; p++) {
            for (size_t i = 0; i < nsizes && fs == 0; i++) {
                err = render_pass(sum, paper, 0, sizes[i], (PdfPlanDetail)p, tries[t].opts,
                                  tries[t].figure, 0, NULL, NULL, &pages, NULL);
                if (err)
                    return err;
                if (pages <= want) {
                    fs = sizes[i];
                    plan = (PdfPlanDetail)p;
                    opts = tries[t].opts;
                    figure = tries[t].figure;
                }
            }
        }
    }
    if (fs != 0) { /* the page count of the chosen pass, for the footers */
        err = render_pass(sum, paper, 0, fs, plan, opts, figure, 0, NULL, NULL, &pages, NULL);
        if (err)
            return err;
    }
    if (fs == 0) {
        fs = MIN_FONT;
        plan = PDF_PLAN_TITLES;
        opts = OPT_CLINICIAN_BIG;
        figure = FIGURE_LARGE;
        err = render_pass(sum, paper, 0, fs, plan, opts, figure, 0, NULL, NULL, &pages, NULL);
        if (err)
            return err;
    }
    if (height) {
        double w;
        paper_size(paper, &w, height);
    }
    return render_pass(sum, paper, 0, fs, plan, opts, figure, pages, write, closure, npages, NULL);
}

int pdf_render_test(const Content *content, Paper paper, cairo_write_func_t write, void *closure)
{
    PdfDoc d = {.content = content};
    int err = pdf_doc_open(&d, paper, paper == PAPER_RECEIPT_80MM ? PDF_TEST_RECEIPT_H : 0, 10.5,
                           write, closure);
    if (err)
        return err;
    for (int l = 0; l < LANG_COUNT; l++) {
        d.lang = (Lang)l;
        d.y += pdf_doc_text(&d, d.x, d.y, d.w, d.fs * 1.5, PDF_TX_BOLD,
                            pdf_doc_ui(&d, "summary.test_page"), true);
        d.y += pdf_doc_text(&d, d.x, d.y, d.w, d.fs, 0, pdf_doc_ui(&d, "summary.test_body"), true);
        d.y += d.fs;
    }
    char line[160];
    snprintf(line, sizeof line, "%s · %s · á é í ó ú ñ ü ¿ ¡", paper_name(paper), d.date);
    d.y += pdf_doc_text(&d, d.x, d.y, d.w, d.fs, PDF_TX_GRAY, line, true) + d.fs;
    d.lang = LANG_EN;
    double h = fmin(150, d.w / pdf_body_width(1.0));
    pdf_body_draw(&d, d.x, d.y, h, fmin(d.w, pdf_body_width(h) * 1.3), NULL, 0);
    d.y += h + d.fs * 3;
    return pdf_doc_close(&d, NULL);
}

static cairo_status_t file_write(void *closure, const unsigned char *data, unsigned int length)
{
    return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
                                                      : CAIRO_STATUS_WRITE_ERROR;
}

int print_pdf_file(const Summary *sum, Paper paper, const char *path)
{
    int err = PK_EIO, e;
    /* Only the person who asked for the file may read it: it holds patient data. */
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return PK_EIO;
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        e = errno;
        close(fd);
        goto fail;
    }
    err = pdf_render_summary(sum, paper, file_write, f, NULL, NULL);
    /* cairo does not always pass a failed write on (a full disk gave a cut PDF and
     * success): the stream's error flag counts too, with the write's reason */
    e = errno;
    bool failed = ferror(f) != 0;
    if (fclose(f) != 0) {
        e = failed ? e : errno;
        failed = true;
    }
    if (failed && !err)
        err = PK_EIO;
    if (!err)
        return 0;

fail:
    unlink(path);
    errno = e; /* the reason is the write's, not the unlink's */
    return err;
}
