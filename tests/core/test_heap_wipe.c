/* The process-wide heap wipe (src/app/heap_wipe.c): a freed block, the old block of a
 * realloc that moves, and a block shrunk then freed hold nothing of what was in them.
 * The libraries that lay out the summary free copies of its sentences without a wipe,
 * and whether those copies survive until a memory scan depends on what the allocator
 * reuses; this looks at the freed bytes themselves. It reads memory after free() on
 * purpose (glibc keeps its free-list links in the first 16 bytes of a freed block, the
 * rest is left as it was); not built to run under AddressSanitizer, which replaces the
 * allocator and keeps freed blocks on purpose. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"

#if defined(__SANITIZE_ADDRESS__)
#define NO_HEAP_WIPE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NO_HEAP_WIPE 1
#endif
#endif

enum { LINKS = 16 }; /* the free list's bytes at the start of a freed block */

#ifndef NO_HEAP_WIPE
/* How many of the bytes from LINKS to n at p are still c. */
static size_t left(const volatile unsigned char *p, size_t n, unsigned char c)
{
    size_t k = 0;
    for (size_t i = LINKS; i < n; i++)
        k += p[i] == c;
    return k;
}
#endif

START_TEST(freed_block_wiped)
{
#ifndef NO_HEAP_WIPE
    unsigned char *volatile p = malloc(200);
    ck_assert_ptr_nonnull(p);
    memset(p, 'A', 200);
    free(p);
    ck_assert_uint_eq(left(p, 200, 'A'), 0);
#endif
}
END_TEST

START_TEST(moved_block_wiped)
{
#ifndef NO_HEAP_WIPE
    unsigned char *volatile p = malloc(100);
    ck_assert_ptr_nonnull(p);
    memset(p, 'B', 100);
    unsigned char *q = realloc(p, 1 << 16);
    ck_assert_ptr_nonnull(q);
    ck_assert(q != p);
    ck_assert_uint_eq(q[99], 'B');
    ck_assert_uint_eq(left(p, 100, 'B'), 0);
    free(q);
#endif
}
END_TEST

START_TEST(shrunk_block_wiped_whole)
{
#ifndef NO_HEAP_WIPE
    unsigned char *volatile p = malloc(300);
    ck_assert_ptr_nonnull(p);
    memset(p, 'C', 300);
    unsigned char *q = realloc(p, 10);
    ck_assert_ptr_nonnull(q);
    free(q);
    ck_assert_uint_eq(left(q == p ? p : q, q == p ? 300 : 10, 'C'), 0);
#endif
}
END_TEST

int main(void)
{
    Suite *s = suite_create("heap_wipe");
    TCase *tc = tcase_create("heap_wipe");
    tcase_add_test(tc, freed_block_wiped);
    tcase_add_test(tc, moved_block_wiped);
    tcase_add_test(tc, shrunk_block_wiped_whole);
    suite_add_tcase(s, tc);
    return check_run(s);
}
