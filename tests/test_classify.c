/* test_classify.c — countries, control codes, rule packs, parameters and
 * item classification (lib/classify). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

#include "classify/classify.h"

/* ---- countries ------------------------------------------------------------ */

/* Minimal CSV field splitter for the ISO table (quoted fields, no newlines). */
static int csv_fields(char *line, char **f, int max)
{
    int nf = 0;
    char *p = line;
    while (nf < max) {
        if (*p == '"') {
            p++;
            f[nf++] = p;
            char *w = p;
            while (*p && !(*p == '"' && p[1] != '"')) {
                if (*p == '"')
                    p++;
                *w++ = *p++;
            }
            if (*p == '"')
                p++;
            *w = '\0';
            if (*p == ',')
                p++;
            else
                break;
            /* note: w may lag behind p; field already terminated */
        } else {
            f[nf++] = p;
            char *c = strchr(p, ',');
            if (!c) {
                p[strcspn(p, "\r\n")] = '\0';
                break;
            }
            *c = '\0';
            p = c + 1;
        }
    }
    return nf;
}

static void test_country_iso_roundtrip(void **state)
{
    (void)state;
    char path[4096];
    TU_REQUIRE_SHARED(path, "countries/iso3166_countries_regions.csv");
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    char line[1024];
    int rows = 0;
    assert_non_null(fgets(line, sizeof line, fp)); /* header */
    while (fgets(line, sizeof line, fp)) {
        char *f[12];
        int nf = csv_fields(line, f, 12);
        assert_true(nf >= 4);
        const char *name = f[0], *a2 = f[1], *a3 = f[2], *num = f[3];
        const char *r = cordon__country_iso2(a2, CORDON_NUL_TERMINATED);
        if (!r || strcmp(r, a2) != 0)
            fail_msg("alpha-2 %s -> %s", a2, r ? r : "NULL");
        r = cordon__country_iso2(a3, CORDON_NUL_TERMINATED);
        if (!r || strcmp(r, a2) != 0)
            fail_msg("alpha-3 %s -> %s", a3, r ? r : "NULL");
        r = cordon__country_iso2(num, CORDON_NUL_TERMINATED);
        if (!r || strcmp(r, a2) != 0)
            fail_msg("numeric %s -> %s", num, r ? r : "NULL");
        r = cordon__country_iso2(name, CORDON_NUL_TERMINATED);
        if (!r || strcmp(r, a2) != 0)
            fail_msg("name '%s' -> %s (want %s)", name, r ? r : "NULL", a2);
        /* upper-cased name still resolves */
        char up[256];
        snprintf(up, sizeof up, "%s", name);
        for (char *p = up; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 32);
        r = cordon__country_iso2(up, CORDON_NUL_TERMINATED);
        if (!r || strcmp(r, a2) != 0)
            fail_msg("upper name '%s' -> %s", up, r ? r : "NULL");
        char lower2[3] = {(char)(a2[0] + 32), (char)(a2[1] + 32), 0};
        assert_string_equal(cordon__country_name(lower2), name);
        assert_string_equal(cordon__country_iso3(a2), a3);
        rows++;
    }
    fclose(fp);
    assert_int_equal(rows, 249);
    assert_int_equal(cordon__country_count(), 249);
}

static void test_country_variants(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"Iran (Islamic Republic of)", "IR"},
        {"Iran", "IR"},
        {"IRAN, ISLAMIC REPUBLIC OF", "IR"},
        {"Islamic Republic of Iran", "IR"},
        {"Russian Federation", "RU"},
        {"Russia", "RU"},
        {"Russia / Russie", "RU"},
        {"North Korea", "KP"},
        {"Korea, North", "KP"},
        {"DPRK", "KP"},
        {"D.P.R.K.", "KP"},
        {"Democratic People's Republic of Korea", "KP"},
        {"Democratic People\xe2\x80\x99s Republic of Korea", "KP"},
        {"Korea, Republic of", "KR"},
        {"South Korea", "KR"},
        {"Syria", "SY"},
        {"Syria / Syrie", "SY"},
        {"Syrian Arab Republic", "SY"},
        {"Burma", "MM"},
        {"Burma / Birmanie", "MM"},
        {"Myanmar", "MM"},
        {"Ivory Coast", "CI"},
        {"C\xc3\xb4te d'Ivoire", "CI"},
        {"COTE D IVOIRE", "CI"},
        {"UK", "GB"},
        {"U.K.", "GB"},
        {"Great Britain", "GB"},
        {"United Kingdom of Great Britain and Northern Ireland", "GB"},
        {"USA", "US"},
        {"United States of America", "US"},
        {"  united states  ", "US"},
        {"Czechia", "CZ"},
        {"Czech Republic", "CZ"},
        {"T\xc3\xbcrkiye", "TR"},
        {"Turkey", "TR"},
        {"Democratic Republic of the Congo", "CD"},
        {"Congo", "CG"},
        {"The Gambia", "GM"},
        {"Gambia, The", "GM"},
        {"the Netherlands", "NL"},
        {"Bolivia (Plurinational State of)", "BO"},
        {"Venezuela ", "VE"},
        {"South Sudan / Soudan du sud", "SS"},
        {"\xc3\x85land Islands", "AX"},
        {"Aland Islands", "AX"},
        {"Cura\xc3\xa7" "ao", "CW"},
        {"R\xc3\xa9union", "RE"},
        {"Viet Nam", "VN"},
        {"Vietnam", "VN"},
        {"Lao People's Democratic Republic", "LA"},
        {"Kosovo", "XK"},
        {"408", "KP"},
        {"4", "AF"},
        {"643", "RU"},
        {"rus", "RU"},
        {"ir", "IR"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *r = cordon__country_iso2(cases[i][0], CORDON_NUL_TERMINATED);
        if (!r || strcmp(r, cases[i][1]) != 0)
            fail_msg("'%s' -> %s (want %s)", cases[i][0], r ? r : "NULL", cases[i][1]);
    }
    /* (ptr, len) honours the length */
    assert_string_equal(cordon__country_iso2("Iran, and more", 4), "IR");
    /* unknown, ambiguous or malformed */
    static const char *const bad[] = {"", "   ", "Korea", "Atlantis", "ZZ", "999", "1234",
                                      "\xff\xfe", "Virgin Islands", "U", "/"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *r = cordon__country_iso2(bad[i], CORDON_NUL_TERMINATED);
        if (r)
            fail_msg("'%s' -> %s (want NULL)", bad[i], r);
    }
    assert_null(cordon__country_iso2(NULL, 0));
    assert_null(cordon__country_name("ZZ"));
    assert_null(cordon__country_name("GBR"));
    assert_string_equal(cordon__country_name("KP"), "Korea, Democratic People's Republic of");
    assert_string_equal(cordon__country_name("XK"), "Kosovo");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_country_iso_roundtrip),
        cmocka_unit_test(test_country_variants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
