/* test_core.c — errors, versions, options and the allocator hook. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

static void test_version(void **state)
{
    (void)state;
    assert_int_equal(cordon_version_number(), CORDON_VERSION_NUMBER);
    assert_string_equal(cordon_version_string(), CORDON_VERSION_STRING);
    assert_true(CORDON_VERSION_AT_LEAST(0, 1, 0));
    assert_false(CORDON_VERSION_AT_LEAST(CORDON_VERSION_MAJOR + 1, 0, 0));
    char buf[32];
    snprintf(buf, sizeof buf, "%d.%d.%d", CORDON_VERSION_MAJOR, CORDON_VERSION_MINOR,
             CORDON_VERSION_PATCH);
    assert_string_equal(buf, cordon_version_string());
}

static void test_strerror(void **state)
{
    (void)state;
    assert_string_equal(cordon_strerror(CORDON_OK), "success");
    assert_string_equal(cordon_strerror(CORDON_E_NOMEM), "out of memory");
    assert_string_equal(cordon_strerror(CORDON_E_UTF8), "invalid UTF-8");
    assert_string_equal(cordon_strerror(12345), "unknown error");
    /* Every defined code has its own text. */
    for (int a = CORDON_E_STATE; a < 0; a++)
        for (int b = a + 1; b <= 0; b++)
            assert_string_not_equal(cordon_strerror(a), cordon_strerror(b));
}

static void test_error_layout(void **state)
{
    (void)state;
    /* The struct layout is ABI: these offsets must never change. */
    assert_int_equal(offsetof(cordon_error, code), 0);
    assert_int_equal(offsetof(cordon_error, detail), 4);
    assert_int_equal(offsetof(cordon_error, offset), 8);
    assert_int_equal(offsetof(cordon_error, line), 16);
    assert_int_equal(offsetof(cordon_error, column), 24);
    assert_int_equal(offsetof(cordon_error, message), 32);
    assert_int_equal(offsetof(cordon_error, reserved), 544);
    assert_int_equal(sizeof(cordon_error), 608);
}

static void test_options_defaults(void **state)
{
    (void)state;
    int64_t v = 0;
    assert_int_equal(cordon_options_get_int(NULL, CORDON_OPT_STRICT, &v, NULL), CORDON_OK);
    assert_int_equal(v, 1);
    assert_int_equal(cordon_options_get_int(NULL, CORDON_OPT_MAX_NAME_BYTES, &v, NULL), 0);
    assert_int_equal(v, 65536);
    cordon_error err;
    assert_int_equal(cordon_options_get_int(NULL, 999, &v, &err), CORDON_E_INVALID);
    assert_int_equal(err.code, CORDON_E_INVALID);
    assert_non_null(strstr(err.message, "999"));
}

static void test_options_set_and_copy(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon_error err;
    int64_t v;
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_STRICT, 0, &err), CORDON_OK);
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_STRICT, 2, &err), CORDON_E_INVALID);
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_MAX_DEPTH, 0, &err), CORDON_E_INVALID);
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_MAX_INPUT_BYTES, 1000, &err), CORDON_OK);
    assert_int_equal(cordon_options_set_int(NULL, CORDON_OPT_STRICT, 0, &err), CORDON_E_INVALID);
    cordon_options *c = NULL;
    assert_int_equal(cordon_options_copy(o, &c, &err), CORDON_OK);
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_STRICT, 1, &err), CORDON_OK);
    assert_int_equal(cordon_options_get_int(c, CORDON_OPT_STRICT, &v, &err), CORDON_OK);
    assert_int_equal(v, 0); /* the copy is independent */
    assert_int_equal(cordon_options_get_int(c, CORDON_OPT_MAX_INPUT_BYTES, &v, &err), CORDON_OK);
    assert_int_equal(v, 1000);
    cordon_options_free(c);
    cordon_options_free(o);
    cordon_options_free(NULL);
}

static int counting_allocs;
static void *count_malloc(size_t n, void *u)
{
    (*(int *)u)++;
    counting_allocs++;
    return malloc(n);
}
static void *count_realloc(void *p, size_t n, void *u)
{
    (void)u;
    return realloc(p, n);
}
static void count_free(void *p, void *u)
{
    (*(int *)u)--;
    free(p);
}

static void test_allocator_hook_used(void **state)
{
    (void)state;
    int live = 0;
    cordon_options *o = NULL;
    cordon_error err;
    assert_int_equal(cordon_options_new_with_allocator(&o, count_malloc, count_realloc,
                                                       count_free, &live, &err),
                     CORDON_OK);
    assert_int_equal(live, 1); /* the options object itself came from the hook */
    cordon_options_free(o);
    assert_int_equal(live, 0);
    assert_int_equal(cordon_options_new_with_allocator(&o, count_malloc, NULL, count_free,
                                                       &live, &err),
                     CORDON_E_INVALID);
    assert_null(o);
    assert_int_equal(cordon_options_new(NULL, &err), CORDON_E_INVALID);
}

static void *failing_malloc(size_t n, void *u)
{
    (void)n;
    (void)u;
    return NULL;
}

static void test_allocation_failure(void **state)
{
    (void)state;
    cordon_options *o = (cordon_options *)0x1;
    cordon_error err;
    assert_int_equal(cordon_options_new_with_allocator(&o, failing_malloc, count_realloc,
                                                       count_free, NULL, &err),
                     CORDON_E_NOMEM);
    assert_null(o);
    assert_int_equal(err.code, CORDON_E_NOMEM);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_strerror),
        cmocka_unit_test(test_error_layout),
        cmocka_unit_test(test_options_defaults),
        cmocka_unit_test(test_options_set_and_copy),
        cmocka_unit_test(test_allocator_hook_used),
        cmocka_unit_test(test_allocation_failure),
    };
    return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
