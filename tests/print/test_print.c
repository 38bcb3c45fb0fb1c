/* Unit tests of the print module that need no printer: paper names, the in-memory PDF
 * buffer, rendering the summaries of scripted interviews on every paper, the test
 * page, and the no-printer path of print_cups. */
#include <check.h>

#include "check_run.h"
#include "core/testutil.h"
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/session.h"
#include "core/summary.h"
#include "print/print_internal.h"
#include "print/printer.h"

static const struct {
    const char *name;
    int rc;
    Paper paper;
} paper_rows[] = {
    {"letter", 0, PAPER_LETTER},
    {"a4", 0, PAPER_A4},
    {"A4", 0, PAPER_A4},
    {"receipt", 0, PAPER_RECEIPT_80MM},
    {"80mm", 0, PAPER_RECEIPT_80MM},
    {"legal", PK_EINVAL, PAPER_LETTER},
    {"", PK_EINVAL, PAPER_LETTER},
    {NULL, PK_EINVAL, PAPER_LETTER},
};

START_TEST(test_paper_parse)
{
    Paper p = PAPER_LETTER;
    int rc = paper_parse(paper_rows[_i].name, &p);
    ck_assert_int_eq(rc, paper_rows[_i].rc);
    if (rc == 0) {
        ck_assert_int_eq(p, paper_rows[_i].paper);
        Paper back;
        ck_assert_int_eq(paper_parse(paper_name(p), &back), 0);
        ck_assert_int_eq(back, p);
    }
}
END_TEST

START_TEST(test_paper_size)
{
    double w, h;
    paper_size(PAPER_LETTER, &w, &h);
    ck_assert(w == 612 && h == 792);
    paper_size(PAPER_A4, &w, &h);
    ck_assert(w > 595 && w < 596 && h > 841 && h < 842);
    paper_size(PAPER_RECEIPT_80MM, &w, &h);
    ck_assert(w > 226 && w < 227);
}
END_TEST

START_TEST(test_pdfbuf_grows_and_wipes)
{
    PdfBuffer b = {0};
    unsigned char chunk[5000];
    memset(chunk, 'x', sizeof chunk);
    for (int i = 0; i < 40; i++)
        ck_assert_int_eq(pdf_buf_write(&b, chunk, sizeof chunk), CAIRO_STATUS_SUCCESS);
    ck_assert_uint_eq(b.len, 40 * sizeof chunk);
    ck_assert(b.cap >= b.len);
    ck_assert_int_eq(b.data[b.len - 1], 'x');
    pdf_buf_wipe(&b);
    ck_assert_ptr_null(b.data);
    ck_assert_uint_eq(b.len, 0);
}
END_TEST

/* A scripted interview: every question answered with its first option (or 5), the
 * red-flag screen "no"; long=true answers every non-urgent screen item "yes" and
 * picks every option of multi questions. */
static const Content *content;

static void load_content(void)
{
    content = test_content(); /* the project's content, loaded once per process */
}

static void unload_content(void)
{
    content = NULL;
}

static int interview(Session *s, bool longer)
{
    const Question *q;
    while ((q = session_question(s)) != NULL) {
        Answer a = {.state = ANS_GIVEN};
        if (q->kind == QK_SCALE)
            a.value = longer ? 9 : 5;
        else if (q->kind == QK_YESNO) {
            bool urgent_screen = q->role == ROLE_RED_FLAG && q->section == SECTION_SAFETY_URGENT;
            int yes = content_option_index(q, longer && !urgent_screen ? "yes" : "no");
            a.options = 1u << (yes < 0 ? 0 : yes);
        } else if (q->kind == QK_MULTI && longer)
            a.options = (q->noptions >= 32 ? 0xffffffffu : (1u << q->noptions) - 1) &
                        ~(1u << (q->noptions - 1)); /* all but the last ("none") */
        else
            a.options = 1u;
        int rc = session_answer(s, &a);
        if (rc == SESSION_URGENT)
            return 0;
        if (rc < 0)
            return rc;
    }
    return 0;
}

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
    (void)data;
    *(size_t *)closure += length;
    return CAIRO_STATUS_SUCCESS;
}

START_TEST(test_render_every_paper)
{
    ck_assert_ptr_nonnull(content);
    for (int longer = 0; longer < 2; longer++) {
        for (int lang = 0; lang < LANG_COUNT; lang++) {
            Session *s = session_new(content, (Lang)lang);
            Summary sum;
            ck_assert_ptr_nonnull(s);
            ck_assert_int_eq(interview(s, longer), 0);
            ck_assert_int_eq(summary_build(s, &sum), 0);
            for (Paper p = PAPER_LETTER; p <= PAPER_RECEIPT_80MM; p++) {
                size_t bytes = 0;
                int pages = 0;
                ck_assert_int_eq(pdf_render_summary(&sum, p, discard, &bytes, &pages, NULL), 0);
                ck_assert_uint_gt(bytes, 1000);
                /* a typical session fits one page; a long one two at most */
                if (p == PAPER_RECEIPT_80MM || !longer)
                    ck_assert_int_eq(pages, 1);
                else
                    ck_assert_int_le(pages, 2);
            }
            summary_free(&sum);
            session_free(s);
        }
    }
}
END_TEST

START_TEST(test_test_page)
{
    ck_assert_ptr_nonnull(content);
    for (Paper p = PAPER_LETTER; p <= PAPER_RECEIPT_80MM; p++) {
        size_t bytes = 0, bare = 0;
        ck_assert_int_eq(pdf_render_test(content, p, discard, &bytes), 0);
        ck_assert_uint_gt(bytes, 1000);
        /* without content: the language-neutral lines only */
        ck_assert_int_eq(pdf_render_test(NULL, p, discard, &bare), 0);
        ck_assert_uint_gt(bare, 1000);
    }
}
END_TEST

START_TEST(test_pdf_file_write_error)
{
    ck_assert_ptr_nonnull(content);
    Session *s = session_new(content, LANG_EN);
    Summary sum;
    ck_assert_int_eq(interview(s, false), 0);
    ck_assert_int_eq(summary_build(s, &sum), 0);
    ck_assert_int_eq(print_pdf_file(&sum, PAPER_LETTER, "/nonexistent-dir/x.pdf"), PK_EIO);
    summary_free(&sum);
    session_free(s);
}
END_TEST

START_TEST(test_cups_no_such_printer)
{
    PkWhy why = {"unset"};
    ck_assert_int_eq(print_test_page(NULL, "ppk-no-such-printer", PAPER_LETTER, &why), PK_ENODEV);
    ck_assert_str_ne(why.text, "unset");
    ck_assert_uint_gt(strlen(why.text), 5);
}
END_TEST

static Suite *print_suite(void)
{
    Suite *s = suite_create("print");
    TCase *t = tcase_create("paper");
    tcase_add_loop_test(t, test_paper_parse, 0, sizeof paper_rows / sizeof paper_rows[0]);
    tcase_add_test(t, test_paper_size);
    tcase_add_test(t, test_pdfbuf_grows_and_wipes);
    suite_add_tcase(s, t);
    t = tcase_create("render");
    tcase_set_timeout(t, 120); /* dozens of layouts; slow under the sanitizers */
    tcase_add_unchecked_fixture(t, load_content, unload_content);
    tcase_add_test(t, test_render_every_paper);
    tcase_add_test(t, test_test_page);
    tcase_add_test(t, test_pdf_file_write_error);
    tcase_add_test(t, test_cups_no_such_printer);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return check_run(print_suite());
}
