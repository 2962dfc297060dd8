/* testutil.h — shared helpers for the cmocka tests.
 * Include after <stdarg.h>, <stddef.h>, <setjmp.h>, <stdint.h> and <cmocka.h>. */
#ifndef CORDON_TESTUTIL_H
#define CORDON_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cordon/cordon.h>

/* Allocator hooks that route every library allocation through cmocka's
 * test_malloc/test_free, so each test fails on a leak or double free. */
static void *tu_malloc(size_t n, void *u)
{
    (void)u;
    return _test_malloc(n, __FILE__, __LINE__);
}
static void *tu_realloc(void *p, size_t n, void *u)
{
    (void)u;
    return _test_realloc(p, n, __FILE__, __LINE__);
}
static void tu_free(void *p, void *u)
{
    (void)u;
    _test_free(p, __FILE__, __LINE__);
}

/* New options using the leak-checking allocator. Free with cordon_options_free. */
static inline cordon_options *tu_options(void)
{
    cordon_options *o = NULL;
    cordon_error err;
    int rc = cordon_options_new_with_allocator(&o, tu_malloc, tu_realloc, tu_free, NULL, &err);
    assert_int_equal(rc, CORDON_OK);
    return o;
}

/* Path of the shared real-data folder (../shared/data beside the checkout),
 * or NULL with a message when it is absent. */
static inline const char *tu_shared_data(void)
{
    const char *d = getenv("CORDON_SHARED_DATA");
    struct stat st;
    if (d && stat(d, &st) == 0 && S_ISDIR(st.st_mode))
        return d;
    return NULL;
}

/* Join shared data dir and a relative path into buf; NULL if absent. */
static inline const char *tu_shared_path(char *buf, size_t n, const char *rel)
{
    const char *d = tu_shared_data();
    if (!d)
        return NULL;
    snprintf(buf, n, "%s/%s", d, rel);
    struct stat st;
    if (stat(buf, &st) != 0)
        return NULL;
    return buf;
}

/* Leave the current test, saying why, when real data is not available.
 * (cmocka's skip() makes the whole program exit non-zero, which the automake
 * driver would count as a failure, so the test returns instead.) */
#define TU_REQUIRE_SHARED(buf, rel)                                                    \
    do {                                                                               \
        if (!tu_shared_path((buf), sizeof(buf), (rel))) {                              \
            fprintf(stderr, "SKIP: shared data %s not found (set CORDON_SHARED_DATA)\n", \
                    (rel));                                                            \
            return;                                                                    \
        }                                                                              \
    } while (0)

#endif
