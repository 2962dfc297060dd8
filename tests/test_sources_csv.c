/* test_sources_csv.c — entity model, dates, CSV reader, encodings and the
 * CSV-family parsers (linked -static: uses internal cordon__* functions). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

#include "sources/entity.h"
#include "sources/formats.h"

/* ---- entity ------------------------------------------------------------- */

static void test_ent_basic(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon__ent e;
    cordon__ent_init(&e, cordon__alloc_of(o));
    for (int round = 0; round < 3; round++) {
        cordon__ent_clear(&e);
        assert_true(cordon__ent_set(&e, CORDON__F_ID, "  42 ", CORDON_NUL_TERMINATED));
        assert_string_equal(e.scalar[CORDON__F_ID], "42");
        assert_true(cordon__ent_add_name(&e, CORDON__NAME_PRIMARY, " DOE,  John\t ", CORDON_NUL_TERMINATED, NULL, 0,
                                         NULL, 0, "DOE", 3));
        assert_true(cordon__ent_add_name(&e, CORDON__NAME_PRIMARY, "DOE, John", 9, NULL, 0, NULL,
                                         0, NULL, 0));
        assert_true(cordon__ent_add_name(&e, CORDON__NAME_AKA, "DOE, John", 9, NULL, 0, NULL, 0,
                                         NULL, 0));
        assert_true(cordon__ent_add_name(&e, CORDON__NAME_AKA, "   ", 3, NULL, 0, NULL, 0, NULL, 0));
        assert_int_equal(e.n_names, 2);
        assert_string_equal(e.names[0].full, "DOE, John");
        assert_string_equal(e.names[0].family, "DOE");
        assert_null(e.names[0].given);
        assert_true(cordon__ent_add(&e, CORDON__M_PROGRAM, "SDGT", 4));
        assert_true(cordon__ent_add(&e, CORDON__M_PROGRAM, " SDGT", 5));
        assert_true(cordon__ent_add(&e, CORDON__M_PROGRAM, "", 0));
        assert_int_equal(e.n_multi[CORDON__M_PROGRAM], 1);
        cordon__date d = {1970, 1, 2, 0, 0};
        assert_true(cordon__ent_add_dob(&e, &d));
        assert_true(cordon__ent_add_dob(&e, &d));
        assert_int_equal(e.n_dobs, 1);
        assert_true(cordon__ent_add_id(&e, "passport", 8, "X123", 4, "Iran", 4, NULL, 0));
        assert_true(cordon__ent_add_id(&e, "passport", 8, "X123", 4, "Iran", 4, NULL, 0));
        assert_true(cordon__ent_add_id(&e, "passport", 8, "", 0, "Iran", 4, NULL, 0));
        assert_int_equal(e.n_ids, 1);
        assert_string_equal(e.ids[0].country, "Iran");
        assert_true(cordon__ent_add_attr(&e, "vessel_flag", "Panama", 6));
        assert_int_equal(e.n_attrs, 1);
        /* large strings spill into new arena blocks and stay valid */
        char big[10000];
        memset(big, 'A', sizeof big);
        assert_true(cordon__ent_set(&e, CORDON__F_REMARKS, big, sizeof big));
        assert_int_equal(strlen(e.scalar[CORDON__F_REMARKS]), sizeof big);
        assert_string_equal(e.names[0].full, "DOE, John");
    }
    /* a no-break space is trimmed too */
    const char *s = cordon__ent_str(&e, "\xC2\xA0 Ali \xC2\xA0", CORDON_NUL_TERMINATED);
    assert_string_equal(s, "Ali");
    cordon__ent_destroy(&e);
    cordon_options_free(o);
}

/* ---- dates -------------------------------------------------------------- */

typedef struct date_case {
    const char *in;
    int ok, y, m, d, yto, circa;
} date_case;

static void test_date_parse(void **state)
{
    (void)state;
    static const date_case cases[] = {
        {"1970-01-31", 1, 1970, 1, 31, 0, 0},
        {"1970", 1, 1970, 0, 0, 0, 0},
        {"31 Jan 1970", 1, 1970, 1, 31, 0, 0},
        {"31 JAN 1970", 1, 1970, 1, 31, 0, 0},
        {"Jan 1970", 1, 1970, 1, 0, 0, 0},
        {"January 31, 1970", 1, 1970, 1, 31, 0, 0},
        {"31/01/1970", 1, 1970, 1, 31, 0, 0},
        {"01/31/1970", 1, 1970, 1, 31, 0, 0},
        {"05/04/1970", 1, 1970, 4, 5, 0, 0}, /* ambiguous: day first */
        {"31.01.1970", 1, 1970, 1, 31, 0, 0},
        {"1970-01", 1, 1970, 1, 0, 0, 0},
        {"circa 1970", 1, 1970, 0, 0, 0, 1},
        {"Circa 05 Mar 1961", 1, 1961, 3, 5, 0, 1},
        {"ca. 1970", 1, 1970, 0, 0, 0, 1},
        {"1968 to 1970", 1, 1968, 0, 0, 1970, 0},
        {"1968 - 1970", 1, 1968, 0, 0, 1970, 0},
        {"between 1968 and 1970", 1, 1968, 0, 0, 1970, 0},
        {"Between 01 Jan 1960 and 31 Dec 1962", 1, 1960, 0, 0, 1962, 0},
        {"00/00/1970", 1, 1970, 0, 0, 0, 0},
        {"00/05/1970", 1, 1970, 5, 0, 0, 0},
        {"19700131", 1, 1970, 1, 31, 0, 0},
        {"1970/01/31", 1, 1970, 1, 31, 0, 0},
        {"30 Feb 1970", 0, 0, 0, 0, 0, 0},
        {"13/13/1970", 0, 0, 0, 0, 0, 0},
        {"", 0, 0, 0, 0, 0, 0},
        {"unknown", 0, 0, 0, 0, 0, 0},
        {"1970 to 1968", 0, 0, 0, 0, 0, 0},
        {"12", 0, 0, 0, 0, 0, 0},
        {"00/00/0000", 0, 0, 0, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cordon__date d;
        memset(&d, 0x55, sizeof d);
        bool ok = cordon__date_parse(cases[i].in, CORDON_NUL_TERMINATED, &d);
        if ((int)ok != cases[i].ok)
            fail_msg("date '%s': ok=%d expected %d", cases[i].in, ok, cases[i].ok);
        if (!ok)
            continue;
        if (d.year != cases[i].y || d.month != cases[i].m || d.day != cases[i].d ||
            d.year_to != cases[i].yto || d.circa != cases[i].circa)
            fail_msg("date '%s' -> %d-%d-%d to %d circa %d", cases[i].in, d.year, d.month, d.day,
                     d.year_to, d.circa);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ent_basic),
        cmocka_unit_test(test_date_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
