/* test_classify.c — countries, control codes, rule packs, parameters and
 * item classification (lib/classify). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>

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

/* ---- quantities ------------------------------------------------------------------ */

static void test_qty_extract(void **state)
{
    (void)state;
    cordon__qty q[16];
    const char *d = "14-bit ADC, 3.2GHz input, 1.5 GSPS, 500 MSPS, 2.7-3.5 GHz band, 20 W, 43 dBm, "
                    "0.9 \xc2\xb5m, 14.65 x 10^6 m, -55 \xc2\xb0" "C, 2 hours, AD9625";
    size_t n = cordon__qty_extract(d, strlen(d), q, 16);
    struct {
        int dim;
        double v;
    } want[] = {
        {CORDON__DIM_BITS, 14},      {CORDON__DIM_FREQ, 3.2e9},  {CORDON__DIM_RATE, 1.5e9},
        {CORDON__DIM_RATE, 500e6},   {CORDON__DIM_FREQ, 2.7e9},  {CORDON__DIM_FREQ, 3.5e9},
        {CORDON__DIM_POWER, 20},     {CORDON__DIM_POWER, 19.95262315}, {CORDON__DIM_LENGTH, 0.9e-6},
        {CORDON__DIM_LENGTH, 14.65e6}, {CORDON__DIM_TEMP, 218.15}, {CORDON__DIM_TIME, 7200},
    };
    assert_int_equal(n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < n; i++) {
        if (q[i].dim != want[i].dim || fabs(q[i].value - want[i].v) > 1e-6 * fabs(want[i].v))
            fail_msg("quantity %zu: dim %d value %g (want dim %d value %g)", i, q[i].dim, q[i].value,
                     want[i].dim, want[i].v);
    }
    /* spans point at the text */
    assert_memory_equal(d + q[1].start, "3.2GHz", 6);
    assert_int_equal(q[1].end - q[1].start, 6);
    /* single values */
    cordon__qty one;
    assert_true(cordon__qty_parse("3.2 GHz", 7, &one));
    assert_int_equal(one.dim, CORDON__DIM_FREQ);
    assert_true(cordon__cmp_holds(CORDON__CMP_EQ, one.value, 3.2e9));
    assert_true(cordon__qty_parse("Mach 2.5", 8, &one));
    assert_int_equal(one.dim, CORDON__DIM_MACH);
    assert_true(cordon__qty_parse("1,000 km", 8, &one));
    assert_true(cordon__cmp_holds(CORDON__CMP_EQ, one.value, 1e6));
    assert_true(cordon__qty_parse("250 N\xc2\xb7m", 8, &one));
    assert_int_equal(one.dim, CORDON__DIM_TORQUE);
    assert_true(cordon__qty_parse("10 mW", 5, &one));
    assert_true(cordon__cmp_holds(CORDON__CMP_EQ, one.value, 0.01));
    assert_true(cordon__qty_parse("10 MW", 5, &one));
    assert_true(cordon__cmp_holds(CORDON__CMP_EQ, one.value, 1e7));
    assert_false(cordon__qty_parse("3.2 furlongs", 12, &one));
    assert_false(cordon__qty_parse("fast", 4, &one));
    /* exact boundary: 3200 MHz == 3.2 GHz despite rounding */
    double a = 3200 * 1e6, b = 3.2 * 1e9;
    assert_true(cordon__cmp_holds(CORDON__CMP_GE, a, b));
    assert_false(cordon__cmp_holds(CORDON__CMP_GT, a, b));
    assert_true(cordon__cmp_holds(CORDON__CMP_LE, a, b));
    assert_false(cordon__cmp_holds(CORDON__CMP_LT, a, b));
    assert_true(cordon__cmp_holds(CORDON__CMP_GT, 3.2000001e9, b));
}

/* ---- rules ------------------------------------------------------------------------ */

static const char *srcpath(char *buf, size_t n, const char *rel)
{
    snprintf(buf, n, "%s/%s", CORDON_SRCDIR, rel);
    return buf;
}

static void test_schema_in_sync(void **state)
{
    (void)state;
    char p[4096];
    FILE *f = fopen(srcpath(p, sizeof p, "data/rules/cordon-rules.rng"), "rb");
    assert_non_null(f);
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    assert_int_equal(n, cordon__rules_rng_len);
    assert_memory_equal(buf, cordon__rules_rng, n);
}

static cordon_rules *load_demo(cordon_options *o)
{
    cordon_rules *r = NULL;
    cordon_error err;
    char p[4096];
    assert_int_equal(cordon_rules_new(&r, o, &err), CORDON_OK);
    int rc = cordon_rules_add_file(r, srcpath(p, sizeof p, "data/rules/demo-rules.xml"), NULL, NULL, &err);
    if (rc)
        fail_msg("demo-rules.xml: %s", err.message);
    rc = cordon_rules_add_file(r, srcpath(p, sizeof p, "data/rules/embargoes.xml"), "rules_xml", NULL, &err);
    if (rc)
        fail_msg("embargoes.xml: %s", err.message);
    return r;
}

static size_t find_cand(const cordon_classification *c, const char *list, const char *code)
{
    for (size_t i = 0; i < cordon_classification_count(c); i++)
        if ((!list || strcmp(cordon_classification_list(c, i), list) == 0) &&
            strcmp(cordon_classification_code(c, i), code) == 0)
            return i;
    return SIZE_MAX;
}

static cordon_classification *classify_desc(cordon_rules *r, cordon_options *o, const char *desc,
                                            const char *hs, const char *eccn, const char *dest)
{
    cordon_item *it = NULL;
    cordon_error err;
    assert_int_equal(cordon_item_new(&it, o, &err), CORDON_OK);
    if (desc)
        assert_int_equal(cordon_item_set_description(it, desc, CORDON_NUL_TERMINATED, &err), CORDON_OK);
    if (hs)
        assert_int_equal(cordon_item_set_tariff_code(it, hs, CORDON_NUL_TERMINATED, &err), CORDON_OK);
    if (eccn)
        assert_int_equal(cordon_item_set_control_code(it, eccn, CORDON_NUL_TERMINATED, &err), CORDON_OK);
    if (dest)
        assert_int_equal(cordon_item_set_destination(it, dest, CORDON_NUL_TERMINATED, &err), CORDON_OK);
    cordon_classification *c = NULL;
    assert_int_equal(cordon_classify(r, it, &c, &err), CORDON_OK);
    cordon_item_free(it);
    return c;
}

static void test_demo_pack(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon_rules *r = load_demo(o);
    assert_int_equal(cordon_rules_entry_count(r), 13);
    assert_int_equal(cordon_rules_embargo_count(r), 25);

    /* 12-bit at exactly 400 MSPS: 3A001.a.5.a.3 needs MORE than 400 MSPS */
    cordon_classification *c = classify_desc(r, o, "12-bit ADC, 400 MSPS, LVDS outputs", NULL, NULL, NULL);
    assert_int_equal(find_cand(c, NULL, "3A001.a.5.a.3"), SIZE_MAX);
    cordon_classification_free(c);
    c = classify_desc(r, o, "12-bit ADC, 400.5 MSPS, LVDS outputs", NULL, NULL, NULL);
    size_t i = find_cand(c, "eu-dual-use-demo", "3A001.a.5.a.3");
    assert_int_not_equal(i, SIZE_MAX);
    assert_string_equal(cordon_classification_reason(c, i), "parameter");
    assert_true(cordon_classification_confidence(c, i) >= 0.9);
    assert_string_equal(cordon_classification_evidence(c, i),
                        "text \"ADC\" at 7; resolution 12 bit >= 12 bit; resolution 12 bit < 14 bit; "
                        "sample_rate 400.5 MSPS > 400 MSPS");
    assert_string_equal(cordon_classification_missing(c, i), "");
    /* resolution 12 is inclusive at the lower bound and excludes .a.2 (< 12) */
    assert_int_equal(find_cand(c, NULL, "3A001.a.5.a.2"), SIZE_MAX);
    cordon_classification_free(c);

    /* 16 bit at exactly 65 MSPS is not controlled (> 65), 16 bit at 0.1 GSPS is */
    c = classify_desc(r, o, "16 bit A/D converter 65 MSPS", NULL, NULL, NULL);
    assert_int_equal(find_cand(c, NULL, "3A001.a.5.a.5"), SIZE_MAX);
    cordon_classification_free(c);
    c = classify_desc(r, o, "16 bit A/D converter 0.1 GSPS", NULL, NULL, NULL);
    assert_int_not_equal(find_cand(c, "eu-dual-use-demo", "3A001.a.5.a.5"), SIZE_MAX);
    assert_int_not_equal(find_cand(c, "us-ccl-demo", "3A001.a.5.a.5"), SIZE_MAX);
    cordon_classification_free(c);

    /* missing facts */
    c = classify_desc(r, o, "14-bit analog-to-digital converter", NULL, NULL, NULL);
    i = find_cand(c, NULL, "3A001.a.5.a.4");
    assert_int_not_equal(i, SIZE_MAX);
    assert_string_equal(cordon_classification_reason(c, i), "text");
    assert_true(cordon_classification_confidence(c, i) < 0.6);
    assert_string_equal(cordon_classification_missing(c, i), "needs sample rate");
    cordon_classification_free(c);

    /* exclusion pattern */
    c = classify_desc(r, o, "USB audio interface with 24-bit ADC, 192 kSPS", NULL, NULL, NULL);
    assert_int_equal(cordon_classification_count(c), 0);
    cordon_classification_free(c);

    /* MMIC: frequency range > 3.7 and <= 6.8 GHz, power > 20 W; exact 6.8 GHz is in */
    c = classify_desc(r, o, "GaN MMIC power amplifier, 6.8 GHz, 25 W", NULL, NULL, NULL);
    assert_int_not_equal(find_cand(c, NULL, "3A001.b.2.a.4"), SIZE_MAX);
    assert_int_equal(find_cand(c, NULL, "3A001.b.2.b"), SIZE_MAX);
    cordon_classification_free(c);
    c = classify_desc(r, o, "GaN MMIC power amplifier, 6.8 GHz, 20 W", NULL, NULL, NULL);
    assert_int_equal(find_cand(c, NULL, "3A001.b.2.a.4"), SIZE_MAX);
    cordon_classification_free(c);

    /* explicit parameters override the text */
    cordon_item *it;
    cordon_error err;
    assert_int_equal(cordon_item_new(&it, o, &err), CORDON_OK);
    cordon_item_set_description(it, "MMIC amplifier", CORDON_NUL_TERMINATED, &err);
    assert_int_equal(cordon_item_set_param(it, "frequency", "5.1 GHz", &err), CORDON_OK);
    assert_int_equal(cordon_item_set_param(it, "Power", "44 dBm", &err), CORDON_OK);
    assert_int_equal(cordon_item_set_param(it, "power", "not a number", &err), CORDON_E_PARSE);
    assert_int_equal(cordon_classify(r, it, &c, &err), CORDON_OK);
    i = find_cand(c, NULL, "3A001.b.2.a.4");
    assert_int_not_equal(i, SIZE_MAX);
    assert_string_equal(cordon_classification_reason(c, i), "parameter");
    cordon_classification_free(c);
    cordon_item_free(it);

    /* machine tool at the exact 0.9 um boundary (inclusive) */
    c = classify_desc(r, o, "5-axis CNC milling machine, positioning repeatability 0.9 \xc2\xb5m", NULL,
                      NULL, NULL);
    assert_int_not_equal(find_cand(c, NULL, "2B001.b"), SIZE_MAX);
    cordon_classification_free(c);
    c = classify_desc(r, o, "CNC milling machine, repeatability 1.5 um", NULL, NULL, NULL);
    assert_int_equal(find_cand(c, NULL, "2B001.b"), SIZE_MAX);
    cordon_classification_free(c);
    /* carbon fibre with scientific notation */
    c = classify_desc(r, o, "carbon fibre, specific modulus 14.65 x 10^6 m, specific tensile strength 27 x 10^4 m",
                      NULL, NULL, NULL);
    i = find_cand(c, NULL, "1C010.b");
    assert_int_not_equal(i, SIZE_MAX);
    cordon_classification_free(c);

    /* HS correlation alone raises a weak candidate, never "not controlled" */
    c = classify_desc(r, o, "spare parts", "8806.22", NULL, NULL);
    i = find_cand(c, NULL, "9A012.a");
    assert_int_not_equal(i, SIZE_MAX);
    assert_string_equal(cordon_classification_reason(c, i), "hs_prefix");
    assert_true(cordon_classification_confidence(c, i) < 0.5);
    assert_string_equal(cordon_classification_missing(c, i),
                        "needs endurance; description does not confirm the item type");
    cordon_classification_free(c);

    /* declared codes */
    c = classify_desc(r, o, NULL, NULL, "3a001a5a3", NULL);
    i = find_cand(c, "eu-dual-use-demo", "3A001.a.5.a.3");
    assert_int_equal(i, 0);
    assert_string_equal(cordon_classification_reason(c, 0), "declared");
    assert_true(cordon_classification_confidence(c, 0) == 1.0);
    cordon_classification_free(c);
    c = classify_desc(r, o, NULL, NULL, "5A002.a.1", NULL);
    i = find_cand(c, "eu-dual-use-demo", "5A002.a");
    assert_int_not_equal(i, SIZE_MAX);
    assert_string_equal(cordon_classification_evidence(c, i), "declared 5A002.a.1 is a sub-item of 5A002.a");
    cordon_classification_free(c);
    c = classify_desc(r, o, NULL, NULL, "6A993", NULL);
    assert_int_equal(cordon_classification_count(c), 1);
    assert_string_equal(cordon_classification_reason(c, 0), "declared_unknown");
    assert_string_equal(cordon_classification_code(c, 0), "6A993");
    assert_string_equal(cordon_classification_list(c, 0), "");
    cordon_classification_free(c);

    /* embargoes */
    c = classify_desc(r, o, "office chairs", NULL, NULL, "Cuba");
    assert_int_equal(cordon_classification_embargo_count(c), 1);
    int block = 0;
    assert_non_null(strstr(cordon_classification_embargo(c, 0, &block), "31 CFR Part 515"));
    assert_int_equal(block, 1);
    cordon_classification_free(c);
    c = classify_desc(r, o, "office chairs", NULL, NULL, "Russian Federation");
    assert_int_equal(cordon_classification_embargo_count(c), 0);
    cordon_classification_free(c);
    c = classify_desc(r, o, "16 bit ADC 100 MSPS", NULL, NULL, "RU");
    assert_int_equal(cordon_classification_embargo_count(c), 3); /* US, EU, UK 'controlled' */
    cordon_classification_free(c);
    c = classify_desc(r, o, "office chairs", NULL, NULL, "Sevastopol, Crimea");
    assert_int_equal(cordon_classification_embargo_count(c), 3); /* US, EU, UK region rules */
    cordon_classification_embargo(c, 0, &block);
    assert_int_equal(block, 1);
    cordon_classification_free(c);
    c = classify_desc(r, o, "office chairs", NULL, NULL, "Ukraine");
    assert_int_equal(cordon_classification_embargo_count(c), 5); /* region unknown: review */
    for (size_t k = 0; k < 5; k++) {
        assert_non_null(strstr(cordon_classification_embargo(c, k, &block), "check it is not"));
        assert_int_equal(block, 0);
    }
    /* JSON */
    size_t jl = 0;
    const char *j = cordon_classification_json(c, &jl);
    assert_non_null(j);
    assert_int_equal(strlen(j), jl);
    assert_memory_equal(j, "{\"candidates\":[],\"embargoes\":[{\"severity\":\"review\"", 50);
    cordon_classification_free(c);

    cordon_rules_free(r);
    cordon_options_free(o);
}

static void test_chpl_tiers(void **state)
{
    (void)state;
    char path[4096];
    TU_REQUIRE_SHARED(path, "control/chpl_hs6_tiers.tsv");
    cordon_options *o = tu_options();
    cordon_rules *r = NULL;
    cordon_error err;
    assert_int_equal(cordon_rules_new(&r, o, &err), CORDON_OK);
    int rc = cordon_rules_add_file(r, path, NULL, "chpl", &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_int_equal(cordon_rules_entry_count(r), 50);
    FILE *f = fopen(path, "r");
    char line[2048];
    assert_non_null(fgets(line, sizeof line, f));
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        char *hs = strtok(line, "\t"), *tier = strtok(NULL, "\t");
        char cn[16];
        snprintf(cn, sizeof cn, "%.4s.%.2s.99", hs, hs + 4); /* a CN code below the HS-6 */
        for (int k = 0; k < 2; k++) {
            cordon_classification *c = classify_desc(r, o, NULL, k ? cn : hs, NULL, NULL);
            size_t i = find_cand(c, "chpl", hs);
            if (i == SIZE_MAX)
                fail_msg("CHPL %s (%s) not classified", hs, k ? cn : hs);
            assert_string_equal(cordon_classification_tier(c, i), tier);
            assert_string_equal(cordon_classification_reason(c, i), "hs_prefix");
            assert_true(cordon_classification_confidence(c, i) == 1.0);
            cordon_classification_free(c);
        }
        rows++;
    }
    fclose(f);
    assert_int_equal(rows, 50);
    /* not on the list */
    cordon_classification *c = classify_desc(r, o, NULL, "940171", NULL, NULL);
    assert_int_equal(cordon_classification_count(c), 0);
    cordon_classification_free(c);
    /* CHPL item to Russia: the 'chpl' scope of the embargo rules applies */
    char p[4096];
    assert_int_equal(cordon_rules_add_file(r, srcpath(p, sizeof p, "data/rules/embargoes.xml"), NULL, NULL, &err),
                     CORDON_OK);
    c = classify_desc(r, o, NULL, "854231", NULL, "Russia");
    assert_int_equal(cordon_classification_embargo_count(c), 3);
    cordon_classification_free(c);
    cordon_rules_free(r);
    cordon_options_free(o);
}

static void test_ccl_index(void **state)
{
    (void)state;
    char path[4096];
    TU_REQUIRE_SHARED(path, "control/ccl_eccn_index.tsv");
    cordon_options *o = tu_options();
    cordon_rules *r = NULL;
    cordon_error err;
    assert_int_equal(cordon_rules_new(&r, o, &err), CORDON_OK);
    int rc = cordon_rules_add_file(r, path, "code_list", "ccl", &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_int_equal(cordon_rules_entry_count(r), 605);
    cordon_classification *c = classify_desc(r, o, NULL, NULL, "3A001.a.5.a.3", NULL);
    size_t i = find_cand(c, "ccl", "3A001");
    assert_int_equal(i, 0);
    assert_string_equal(cordon_classification_reason(c, i), "declared");
    assert_true(cordon_classification_confidence(c, i) == 0.95);
    assert_non_null(strstr(cordon_classification_title(c, i), "Electronic items as follows"));
    cordon_classification_free(c);
    c = classify_desc(r, o, NULL, NULL, "9A610.y.1", NULL);
    assert_int_equal(cordon_classification_count(c), 1);
    assert_string_equal(cordon_classification_code(c, 0), "9A610");
    assert_string_equal(cordon_classification_reason(c, 0), "declared");
    cordon_classification_free(c);
    /* valid syntax, but the index has no 0Y521 entries: a finding */
    c = classify_desc(r, o, NULL, NULL, "0Y521", NULL);
    assert_int_equal(cordon_classification_count(c), 1);
    assert_string_equal(cordon_classification_reason(c, 0), "declared_unknown");
    cordon_classification_free(c);
    c = classify_desc(r, o, NULL, NULL, "EAR99", NULL);
    assert_int_equal(cordon_classification_count(c), 0);
    cordon_classification_free(c);
    cordon_rules_free(r);
    cordon_options_free(o);
}

typedef struct bad_case {
    const char *name;
    const char *text;
    const char *format;
    int rc;
    int64_t line;
    const char *msg;
} bad_case;

#define NS "<rules xmlns=\"urn:cordon:rules:1\">"
static void test_malformed_rules(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"truncated", "<?xml version=\"1.0\"?>\n" NS "\n<list id=\"a\" regime=\"EU\">\n", NULL,
         CORDON_E_PARSE, 4, "truncated:4:"},
        {"schema", NS "\n<list id=\"a\" regime=\"EU\">\n<entry code=\"5A002\">\n<title>x</title>\n"
                   "<param name=\"key_length\" cmp=\"gte\" value=\"56\" unit=\"bit\"/>\n</entry></list></rules>",
         NULL, CORDON_E_PARSE, 5, "violates the schema"},
        {"unknown-element", NS "\n<list id=\"a\" regime=\"EU\">\n<thing/>\n</list></rules>", NULL,
         CORDON_E_PARSE, 3, "violates the schema"},
        {"regex", NS "\n<list id=\"a\" regime=\"EU\">\n<entry code=\"5A002\">\n<title>x</title>\n"
                  "<pattern>(unclosed</pattern>\n</entry></list></rules>",
         NULL, CORDON_E_REGEX, 5, "bad pattern"},
        {"unit", NS "\n<list id=\"a\" regime=\"EU\">\n<entry code=\"5A002\">\n<title>x</title>\n"
                 "<param name=\"key_length\" cmp=\"gt\" value=\"56\" unit=\"parsecs\"/>\n</entry></list></rules>",
         NULL, CORDON_E_PARSE, 5, "unknown unit"},
        {"code", NS "\n<list id=\"a\" regime=\"EU\">\n<entry code=\"5Z002\">\n<title>x</title>\n"
                 "</entry></list></rules>",
         NULL, CORDON_E_PARSE, 3, "invalid entry code"},
        {"us-only-in-eu", NS "\n<list id=\"a\" regime=\"EU\">\n\n<entry code=\"9A610\" kind=\"eu_annex1\">"
                          "<title>x</title></entry></list></rules>",
         NULL, CORDON_E_PARSE, 4, "US-only"},
        {"doctype", "<?xml version=\"1.0\"?>\n<!DOCTYPE rules [<!ENTITY x \"boom\">]>\n" NS "</rules>", NULL,
         CORDON_E_PARSE, 1, "DOCTYPE"},
        {"root", "<lists/>", NULL, CORDON_E_FORMAT, 1, "not a cordon rule file"},
        {"country", NS "\n<embargo regime=\"US\" country=\"ZZ\" scope=\"all\"><legal act=\"x\"/></embargo></rules>",
         NULL, CORDON_E_PARSE, 2, "unknown country"},
        {"damaged-code", "hs6\ttier\tdescription\n854231\t1\tprocessors\n8.54E+05\t1\tdamaged\n", NULL,
         CORDON_E_PARSE, 3, "scientific notation"},
        {"lost-zero", "code,label,description\n10121,x,horses\n", "code_list", CORDON_E_PARSE, 2,
         "leading zero"},
        {"utf8", "code,label\n854231,\xff\n", NULL, CORDON_E_UTF8, 2, "invalid UTF-8"},
        {"empty", "code,label,description\n", "code_list", CORDON_E_PARSE, 1, "no codes"},
        {"format", "x", "yaml", CORDON_E_FORMAT, 0, "unknown rules format"},
    };
    cordon_options *o = tu_options();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cordon_rules *r = NULL;
        cordon_error err;
        assert_int_equal(cordon_rules_new(&r, o, &err), CORDON_OK);
        int rc = cordon_rules_add_buffer(r, cases[i].text, CORDON_NUL_TERMINATED, cases[i].format, NULL,
                                         cases[i].name, &err);
        if (rc != cases[i].rc || err.line != cases[i].line || !strstr(err.message, cases[i].msg))
            fail_msg("%s: rc %d line %lld '%s' (want rc %d line %lld '%s')", cases[i].name, rc,
                     (long long)err.line, err.message, cases[i].rc, (long long)cases[i].line,
                     cases[i].msg);
        if (cases[i].rc != CORDON_E_FORMAT || strcmp(cases[i].name, "format") != 0)
            assert_non_null(strstr(err.message, cases[i].name));
        assert_int_equal(cordon_rules_entry_count(r), 0);
        cordon_rules_free(r);
    }
    /* a failed file leaves earlier files intact */
    cordon_rules *r = load_demo(o);
    cordon_error err;
    assert_int_equal(cordon_rules_add_buffer(r, cases[3].text, CORDON_NUL_TERMINATED, NULL, NULL, "x", &err),
                     CORDON_E_REGEX);
    assert_int_equal(cordon_rules_entry_count(r), 13);
    cordon_classification *c = classify_desc(r, o, "16 bit ADC 100 MSPS", NULL, NULL, NULL);
    assert_int_not_equal(find_cand(c, NULL, "3A001.a.5.a.5"), SIZE_MAX);
    cordon_classification_free(c);
    cordon_rules_free(r);
    assert_int_equal(cordon_rules_add_file(NULL, "x", NULL, NULL, &err), CORDON_E_INVALID);
    cordon_rules_new(&r, o, &err);
    assert_int_equal(cordon_rules_add_file(r, "/nonexistent/rules.xml", NULL, NULL, &err), CORDON_E_IO);
    assert_non_null(strstr(err.message, "/nonexistent/rules.xml"));
    cordon_rules_free(r);
    cordon_options_free(o);
}

static void test_serialize(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon_rules *r = load_demo(o);
    cordon_error err;
    char path[4096];
    if (tu_shared_path(path, sizeof path, "control/chpl_hs6_tiers.tsv"))
        assert_int_equal(cordon_rules_add_file(r, path, NULL, "chpl", &err), CORDON_OK);
    cordon__buf b;
    cordon__buf_init(&b, cordon__alloc_of(o));
    assert_int_equal(cordon__rules_serialize(r, &b), CORDON_OK);
    cordon__rules *r2 = NULL;
    assert_int_equal(cordon__rules_load(b.data, b.len, o, &r2, &err), CORDON_OK);
    assert_int_equal(cordon_rules_entry_count(r2), cordon_rules_entry_count(r));
    assert_int_equal(cordon_rules_embargo_count(r2), 25);
    static const char *const descs[] = {"12-bit ADC, 1 GSPS", "GaN MMIC amplifier 5 GHz 30 W",
                                        "AES-256 encryption module, 256-bit key", "UAV, endurance 2 h"};
    for (size_t k = 0; k < 4; k++) {
        cordon_classification *c1 = classify_desc(r, o, descs[k], "854231", "5A002", "Crimea");
        cordon_classification *c2 = classify_desc(r2, o, descs[k], "854231", "5A002", "Crimea");
        assert_true(cordon_classification_count(c1) > 0);
        assert_string_equal(cordon_classification_json(c1, NULL), cordon_classification_json(c2, NULL));
        cordon_classification_free(c1);
        cordon_classification_free(c2);
    }
    cordon__rules_destroy(r2);
    /* damaged blobs */
    b.data[b.len / 2] ^= 0x20;
    assert_int_equal(cordon__rules_load(b.data, b.len, o, &r2, &err), CORDON_E_CORRUPT);
    b.data[b.len / 2] ^= 0x20;
    assert_int_equal(cordon__rules_load(b.data, b.len - 9, o, &r2, &err), CORDON_E_CORRUPT);
    assert_int_equal(cordon__rules_load(b.data, 10, o, &r2, &err), CORDON_E_CORRUPT);
    b.data[7] = 9;
    assert_int_equal(cordon__rules_load(b.data, b.len, o, &r2, &err), CORDON_E_VERSION);
    cordon__buf_free(&b);
    cordon_rules_free(r);
    cordon_options_free(o);
}

/* ---- threads: one rules handle, concurrent classification ------------------------- */

#include <pthread.h>

typedef struct thr_arg {
    cordon_rules *r;
    const char *want[4];
    int bad;
} thr_arg;

static const char *const thr_desc[4] = {"12-bit ADC, 1 GSPS", "GaN MMIC amplifier 5 GHz 30 W",
                                        "AES-256 encryption module", "office chairs"};

static void *thr_main(void *p)
{
    thr_arg *a = p;
    for (int n = 0; n < 300; n++) {
        int k = n % 4;
        cordon_item *it = NULL;
        cordon_classification *c = NULL;
        if (cordon_item_new(&it, NULL, NULL) != CORDON_OK)
            return NULL;
        cordon_item_set_description(it, thr_desc[k], CORDON_NUL_TERMINATED, NULL);
        cordon_item_set_destination(it, "Crimea", CORDON_NUL_TERMINATED, NULL);
        if (cordon_classify(a->r, it, &c, NULL) != CORDON_OK ||
            strcmp(cordon_classification_json(c, NULL), a->want[k]) != 0)
            a->bad++;
        cordon_classification_free(c);
        cordon_item_free(it);
    }
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    cordon_rules *r = load_demo(NULL);
    cordon_classification *c[4];
    thr_arg args[4];
    for (int k = 0; k < 4; k++) {
        cordon_item *it = NULL;
        assert_int_equal(cordon_item_new(&it, NULL, NULL), CORDON_OK);
        cordon_item_set_description(it, thr_desc[k], CORDON_NUL_TERMINATED, NULL);
        cordon_item_set_destination(it, "Crimea", CORDON_NUL_TERMINATED, NULL);
        assert_int_equal(cordon_classify(r, it, &c[k], NULL), CORDON_OK);
        cordon_item_free(it);
    }
    assert_true(cordon_classification_count(c[0]) > 0);
    pthread_t t[4];
    for (int i = 0; i < 4; i++) {
        args[i].r = r;
        args[i].bad = 0;
        for (int k = 0; k < 4; k++)
            args[i].want[k] = cordon_classification_json(c[k], NULL);
        assert_int_equal(pthread_create(&t[i], NULL, thr_main, &args[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(args[i].bad, 0);
    }
    for (int k = 0; k < 4; k++)
        cordon_classification_free(c[k]);
    cordon_rules_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_country_iso_roundtrip),
        cmocka_unit_test(test_country_variants),
        cmocka_unit_test(test_codes_valid),
        cmocka_unit_test(test_codes_damaged),
        cmocka_unit_test(test_qty_extract),
        cmocka_unit_test(test_schema_in_sync),
        cmocka_unit_test(test_demo_pack),
        cmocka_unit_test(test_chpl_tiers),
        cmocka_unit_test(test_ccl_index),
        cmocka_unit_test(test_malformed_rules),
        cmocka_unit_test(test_serialize),
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
