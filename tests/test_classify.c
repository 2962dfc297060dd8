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

/* ---- codes -------------------------------------------------------------------- */

static void test_codes_valid(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        int kind;
        const char *out;
        int detected;
    } cases[] = {
        {"8542.31", CORDON_CODE_AUTO, "854231", CORDON_CODE_HS},
        {"854231", CORDON_CODE_HS, "854231", CORDON_CODE_HS},
        {"0101.21", CORDON_CODE_HS, "010121", CORDON_CODE_HS},
        {"01", CORDON_CODE_AUTO, "01", CORDON_CODE_HS},
        {"8542", CORDON_CODE_AUTO, "8542", CORDON_CODE_HS},
        {"8542 31 00", CORDON_CODE_AUTO, "85423100", CORDON_CODE_CN},
        {"8542.31.00", CORDON_CODE_CN, "85423100", CORDON_CODE_CN},
        {"8471.30.0100", CORDON_CODE_AUTO, "8471300100", CORDON_CODE_HTS},
        {"0304-11-0000", CORDON_CODE_HTS, "0304110000", CORDON_CODE_HTS},
        {"  8542.31  ", CORDON_CODE_AUTO, "854231", CORDON_CODE_HS},
        {"5A002", CORDON_CODE_AUTO, "5A002", CORDON_CODE_ECCN},
        {"5a002", CORDON_CODE_ECCN, "5A002", CORDON_CODE_ECCN},
        {"3A001.a.5.a.3", CORDON_CODE_AUTO, "3A001.a.5.a.3", CORDON_CODE_ECCN},
        {"3a001a5a3", CORDON_CODE_AUTO, "3A001.a.5.a.3", CORDON_CODE_ECCN},
        {"3A001.A.5.A.3", CORDON_CODE_EU_ANNEX1, "3A001.a.5.a.3", CORDON_CODE_EU_ANNEX1},
        {"5A002.a", CORDON_CODE_EU_ANNEX1, "5A002.a", CORDON_CODE_EU_ANNEX1},
        {"1C010", CORDON_CODE_EU_ANNEX1, "1C010", CORDON_CODE_EU_ANNEX1},
        {"1E001", CORDON_CODE_AUTO, "1E001", CORDON_CODE_ECCN},
        {"EAR99", CORDON_CODE_AUTO, "EAR99", CORDON_CODE_ECCN},
        {"ear99", CORDON_CODE_ECCN, "EAR99", CORDON_CODE_ECCN},
        {"0Y521", CORDON_CODE_AUTO, "0Y521", CORDON_CODE_ECCN},
        {"9A610", CORDON_CODE_AUTO, "9A610", CORDON_CODE_ECCN},
        {"9A610.y.1", CORDON_CODE_ECCN, "9A610.y.1", CORDON_CODE_ECCN},
        {"9X515", CORDON_CODE_AUTO, "9x515", CORDON_CODE_ECCN},
        {"9x515.a", CORDON_CODE_AUTO, "9x515.a", CORDON_CODE_ECCN},
        {"5A992.c", CORDON_CODE_AUTO, "5A992.c", CORDON_CODE_ECCN},
        {"ECCN 5A002.a.1", CORDON_CODE_AUTO, "5A002.a.1", CORDON_CODE_ECCN},
        {"Category XI(a)(3)", CORDON_CODE_AUTO, "USML XI(a)(3)", CORDON_CODE_USML},
        {"XI(c)", CORDON_CODE_AUTO, "USML XI(c)", CORDON_CODE_USML},
        {"USML XV", CORDON_CODE_AUTO, "USML XV", CORDON_CODE_USML},
        {"usml category xxi", CORDON_CODE_USML, "USML XXI", CORDON_CODE_USML},
        {"IV (h)(1)", CORDON_CODE_USML, "USML IV(h)(1)", CORDON_CODE_USML},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[72];
        int det = -1;
        cordon_error err;
        int rc = cordon_code_normalize(cases[i].in, CORDON_NUL_TERMINATED, cases[i].kind, NULL,
                                       out, sizeof out, &det, &err);
        if (rc != CORDON_OK)
            fail_msg("'%s': rc %d: %s", cases[i].in, rc, err.message);
        if (strcmp(out, cases[i].out) != 0 || det != cases[i].detected)
            fail_msg("'%s' -> '%s' kind %d (want '%s' kind %d)", cases[i].in, out, det,
                     cases[i].out, cases[i].detected);
    }
}

static void test_codes_damaged(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        int kind;
        int64_t offset;
        const char *msg;
    } cases[] = {
        {"8.54E+05", CORDON_CODE_AUTO, 4, "scientific notation"},
        {"8.54e5", CORDON_CODE_HS, 4, "scientific notation"},
        {"8.54231E+11", CORDON_CODE_HTS, 7, "spreadsheet-damaged"},
        {"85423", CORDON_CODE_HS, 0, "leading zero"},
        {"85423", CORDON_CODE_AUTO, 0, "refusing to guess"},
        {"1012100", CORDON_CODE_CN, 0, "7 digits"},
        {"854231", CORDON_CODE_CN, 0, "expected 8"},
        {"85423100", CORDON_CODE_HS, 0, "expected 2, 4 or 6"},
        {"8542..31", CORDON_CODE_AUTO, 5, "misplaced separator"},
        {"8542.31.", CORDON_CODE_AUTO, 7, "ends with a separator"},
        {"8542/31", CORDON_CODE_HS, 4, "unexpected character '/'"},
        {"5F002", CORDON_CODE_AUTO, 1, "invalid product group"},
        {"5A0O2", CORDON_CODE_ECCN, 3, "expected a digit"},
        {"5A00", CORDON_CODE_ECCN, 0, "too short"},
        {"9A610", CORDON_CODE_EU_ANNEX1, 1, "US-only"},
        {"EAR99", CORDON_CODE_EU_ANNEX1, 0, "US designation"},
        {"3A001..a", CORDON_CODE_AUTO, 6, "empty sub-item"},
        {"3A001.a-5", CORDON_CODE_AUTO, 7, "unexpected character '-'"},
        {"1Y521", CORDON_CODE_AUTO, -2, NULL},
        {"0Y123", CORDON_CODE_AUTO, 1, "0Y521"},
        {"Category XXII", CORDON_CODE_USML, 9, "roman"},
        {"XI(a", CORDON_CODE_USML, 2, "malformed USML paragraph"},
        {"", CORDON_CODE_AUTO, 0, "empty"},
        {"   ", CORDON_CODE_AUTO, 0, "empty"},
        {"5A002\xc3\xa9", CORDON_CODE_AUTO, 5, "non-ASCII"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[72];
        cordon_error err;
        int rc = cordon_code_normalize(cases[i].in, CORDON_NUL_TERMINATED, cases[i].kind, NULL,
                                       out, sizeof out, NULL, &err);
        if (cases[i].offset == -2) {
            if (rc != CORDON_OK)
                fail_msg("'%s' should be valid: %s", cases[i].in, err.message);
            continue;
        }
        if (rc != CORDON_E_PARSE)
            fail_msg("'%s': rc %d (want CORDON_E_PARSE) out '%s'", cases[i].in, rc,
                     rc == 0 ? out : err.message);
        assert_int_equal(err.code, CORDON_E_PARSE);
        if (err.offset != cases[i].offset)
            fail_msg("'%s': offset %lld (want %lld): %s", cases[i].in, (long long)err.offset,
                     (long long)cases[i].offset, err.message);
        assert_int_equal(err.column, err.offset + 1);
        if (!strstr(err.message, cases[i].msg))
            fail_msg("'%s': message '%s' lacks '%s'", cases[i].in, err.message, cases[i].msg);
    }
    char small[4];
    cordon_error err;
    assert_int_equal(cordon_code_normalize("854231", CORDON_NUL_TERMINATED, CORDON_CODE_AUTO,
                                           NULL, small, sizeof small, NULL, &err),
                     CORDON_E_RANGE);
    assert_int_equal(cordon_code_normalize("5A002", CORDON_NUL_TERMINATED, 99, NULL, small,
                                           sizeof small, NULL, &err),
                     CORDON_E_INVALID);
    assert_string_equal(cordon__eccn_regime("3A001.a.5.a.3"),
                        "Wassenaar Arrangement (national security)");
    assert_string_equal(cordon__eccn_regime("9A610"),
                        "600 series: munitions items moved from the USML (Wassenaar Munitions List)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_country_iso_roundtrip),
        cmocka_unit_test(test_country_variants),
        cmocka_unit_test(test_codes_valid),
        cmocka_unit_test(test_codes_damaged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
