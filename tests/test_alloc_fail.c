/* test_alloc_fail.c — allocation failure at every allocation: options whose
 * allocator hook fails the n-th allocation; for n = 1, 2, 3, ... until the
 * call sequence succeeds, every entry point must return CORDON_E_NOMEM (with
 * err.code set and a message) and leave no allocation behind (issue 8). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <unistd.h>

#include "testutil.h"

/* ---- a counting allocator that fails the n-th allocation ---------------- */

typedef struct {
    long count;     /* allocations so far (malloc and growing realloc) */
    long fail_at;   /* 0 = never */
    long live;      /* blocks currently allocated */
    int failed;     /* the planned failure happened */
} fa_state;

typedef struct { size_t size; size_t pad; } fa_head;

static int fa_should_fail(fa_state *s)
{
    s->count++;
    if (s->fail_at && s->count == s->fail_at) {
        s->failed = 1;
        return 1;
    }
    return 0;
}

static void *fa_malloc(size_t n, void *u)
{
    fa_state *s = u;
    if (fa_should_fail(s))
        return NULL;
    fa_head *h = malloc(sizeof *h + n);
    if (!h)
        return NULL;
    h->size = n;
    s->live++;
    return h + 1;
}

static void *fa_realloc(void *p, size_t n, void *u)
{
    fa_state *s = u;
    if (!p)
        return fa_malloc(n, u);
    if (fa_should_fail(s))
        return NULL;
    fa_head *h = (fa_head *)p - 1;
    fa_head *nh = realloc(h, sizeof *nh + n);
    if (!nh)
        return NULL;
    nh->size = n;
    return nh + 1;
}

static void fa_free(void *p, void *u)
{
    fa_state *s = u;
    if (!p)
        return;
    s->live--;
    free((fa_head *)p - 1);
}

/* Options with the failing allocator. The options' own allocation is made
 * before failures are armed. */
static cordon_options *fa_options(fa_state *s)
{
    cordon_options *o = NULL;
    memset(s, 0, sizeof *s);
    assert_int_equal(cordon_options_new_with_allocator(&o, fa_malloc, fa_realloc, fa_free, s,
                                                       NULL),
                     CORDON_OK);
    return o;
}

/* One scenario: returns CORDON_OK or the first failing code. */
typedef int (*scenario_fn)(cordon_options *o, cordon_error *err);

/* Run a scenario with the n-th allocation failing, n = 1, 2, ... until it
 * succeeds without hitting the failure. Every failing run must report
 * CORDON_E_NOMEM and leave no live allocation. Returns the number of
 * allocations of a successful run. A run may also succeed despite the
 * failure when the allocation was optional (PCRE2's JIT falls back to the
 * interpreter); the leak check applies all the same. */
static long run_failing(const char *what, scenario_fn fn)
{
    fa_state s;
    cordon_options *o = fa_options(&s);
    long base_live = s.live; /* the options themselves */
    for (long n = 1; n < 200000; n++) {
        s.count = 0;
        s.failed = 0;
        s.fail_at = n;
        cordon_error err;
        memset(&err, 0, sizeof err);
        int rc = fn(o, &err);
        if (s.live != base_live)
            fail_msg("%s: failing allocation %ld: %ld blocks leaked (rc %d: %s)", what, n,
                     s.live - base_live, rc, err.message);
        if (!s.failed) {
            if (rc != CORDON_OK)
                fail_msg("%s: run without failure returned %d: %s", what, rc, err.message);
            s.fail_at = 0;
            cordon_options_free(o);
            assert_int_equal(s.live, 0);
            return n - 1;
        }
        if (rc == CORDON_OK)
            continue; /* an optional allocation (e.g. PCRE2 JIT) failed: fine */
        if (rc != CORDON_E_NOMEM)
            fail_msg("%s: failing allocation %ld returned %d (%s), expected CORDON_E_NOMEM",
                     what, n, rc, err.message);
        assert_int_equal(err.code, CORDON_E_NOMEM);
        assert_true(err.message[0] != '\0');
    }
    fail_msg("%s: never succeeded", what);
    return -1;
}

/* ---- scenarios ------------------------------------------------------------ */

/* Accessors that return NULL when memory ran out (documented) count as
 * CORDON_E_NOMEM. */
static int nomem(cordon_error *err, const char *what)
{
    err->code = CORDON_E_NOMEM;
    snprintf(err->message, sizeof err->message, "%s returned NULL", what);
    return CORDON_E_NOMEM;
}

static const char un_doc[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<CONSOLIDATED_LIST dateGenerated=\"2026-01-02T00:00:00.000Z\"><INDIVIDUALS><INDIVIDUAL>"
    "<DATAID>1</DATAID><FIRST_NAME>JOHN</FIRST_NAME><SECOND_NAME>EXAMPLE</SECOND_NAME>"
    "<UN_LIST_TYPE>DRC</UN_LIST_TYPE><REFERENCE_NUMBER>CDi.1</REFERENCE_NUMBER>"
    "<NATIONALITY><VALUE>Rwanda</VALUE></NATIONALITY>"
    "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Johnny Example</ALIAS_NAME>"
    "</INDIVIDUAL_ALIAS><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE>"
    "<DATE>1971-05-06</DATE></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL></INDIVIDUALS>"
    "<ENTITIES><ENTITY><DATAID>2</DATAID><FIRST_NAME>EXAMPLE MINING CO</FIRST_NAME>"
    "</ENTITY></ENTITIES></CONSOLIDATED_LIST>\n";

static const char sdn_csv[] =
    "101,\"EXAMPLE TRADING CO., LTD.\",-0- ,\"IRAN\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
    "\"a.k.a. 'EXTRACO'; DOB 01 Jan 1960; nationality Iran.\"\n"
    "102,\"DOE, John\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";

static const char csl_csv[] =
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
    "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,"
    "vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
    "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
    "source_information_url,ids\n"
    "a1,Specially Designated Nationals (SDN) - Treasury Department,9,Individual,SYRIA,"
    "\"EXAMPLE, John\",,\"1 Main St, Damascus, SY\",,,,,,,,,,,,,,u,\"EXAMPEL, Jon\",SY,"
    "1970-01-02,SY,,u,\"Passport, X123, SY\"\n";

static int build_db(cordon_options *o, cordon_error *err, const char *data, size_t len,
                    const char *name, const char *format, cordon_db **out)
{
    cordon_builder *b = NULL;
    int rc = cordon_builder_new(&b, o, err);
    if (rc)
        return rc;
    rc = cordon_builder_add_buffer(b, data, len, name, format, NULL, err);
    if (rc == CORDON_OK)
        rc = cordon_builder_finish(b, out, err);
    cordon_builder_free(b);
    return rc;
}

static int sc_un_xml(cordon_options *o, cordon_error *err)
{
    cordon_db *db = NULL;
    int rc = build_db(o, err, un_doc, sizeof un_doc - 1, "un.xml", "un_xml", &db);
    if (rc == CORDON_OK) {
        assert_int_equal(cordon_db_entity_count(db), 2);
        char buf[4096];
        size_t need = 0;
        rc = cordon_db_entity_json(db, 0, buf, sizeof buf, &need, err);
    }
    cordon_db_free(db);
    return rc;
}

static int sc_detect(cordon_options *o, cordon_error *err)
{
    cordon_db *db = NULL;
    int rc = build_db(o, err, un_doc, sizeof un_doc - 1, NULL, NULL, &db);
    cordon_db_free(db);
    return rc;
}

static int sc_ofac_csv(cordon_options *o, cordon_error *err)
{
    cordon_db *db = NULL;
    int rc = build_db(o, err, sdn_csv, sizeof sdn_csv - 1, "sdn.csv", "ofac_csv", &db);
    if (rc == CORDON_OK)
        assert_int_equal(cordon_db_entity_count(db), 2);
    cordon_db_free(db);
    return rc;
}

/* Lenient mode skips malformed rows, but must never skip an out-of-memory. */
static int sc_lenient(cordon_options *o, cordon_error *err)
{
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_STRICT, 0, NULL), CORDON_OK);
    int rc = sc_ofac_csv(o, err);
    if (rc == CORDON_OK || rc == CORDON_E_NOMEM) {
        cordon_db *db = NULL;
        int rc2 = build_db(o, err, un_doc, sizeof un_doc - 1, "un.xml", "un_xml", &db);
        if (rc == CORDON_OK)
            rc = rc2;
        cordon_db_free(db);
    }
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_STRICT, 1, NULL), CORDON_OK);
    return rc;
}

static int sc_csl(cordon_options *o, cordon_error *err)
{
    cordon_db *db = NULL;
    int rc = build_db(o, err, csl_csv, sizeof csl_csv - 1, "csl.csv", "us_csl_csv", &db);
    if (rc == CORDON_OK)
        assert_int_equal(cordon_db_entity_count(db), 1);
    cordon_db_free(db);
    return rc;
}

static char snap_path[64];

static int sc_db_open(cordon_options *o, cordon_error *err)
{
    cordon_db *db = NULL;
    int rc = cordon_db_open(snap_path, o, &db, err);
    if (rc == CORDON_OK)
        assert_int_equal(cordon_db_entity_count(db), 2);
    cordon_db_free(db);
    return rc;
}

static int sc_match(cordon_options *o, cordon_error *err)
{
    double s = 0;
    return cordon_match("Muhammad al-Rashid Trading LLC", CORDON_NUL_TERMINATED,
                        "MOHAMMED AL RASHEED TRADING L.L.C.", CORDON_NUL_TERMINATED, 2, o, &s,
                        err);
}

static int sc_matcher(cordon_options *o, cordon_error *err)
{
    cordon_matcher *m = NULL;
    double s = 0;
    int rc = cordon_matcher_new(o, &m, err);
    if (rc == CORDON_OK)
        rc = cordon_matcher_score(m, "Ivan Petrov", CORDON_NUL_TERMINATED, "Иван Петров",
                                  CORDON_NUL_TERMINATED, 1, &s, err);
    if (rc == CORDON_OK && !cordon_matcher_explain_json(m, NULL))
        rc = nomem(err, "explain_json");
    cordon_matcher_free(m);
    return rc;
}

static int sc_analyze(cordon_options *o, cordon_error *err)
{
    cordon_analysis *a = NULL;
    int rc = cordon_analyze_name("Dr. Muhammad ibn Abdallah al-Rashid GmbH & Co. KG",
                                 CORDON_NUL_TERMINATED, 0, o, &a, err);
    if (rc == CORDON_OK) {
        assert_true(cordon_analysis_token_count(a) > 3);
        if (!cordon_analysis_json(a, NULL))
            rc = nomem(err, "cordon_analysis_json");
    }
    cordon_analysis_free(a);
    return rc;
}

static const char pack[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rules xmlns=\"urn:cordon:rules:1\" version=\"1\">\n"
    " <list id=\"t\" regime=\"EU\" name=\"test\" version=\"2024-11-15\">\n"
    "  <legal act=\"Regulation (EU) 2021/821, Annex I\" date=\"2024-09-05\" url=\"https://example.invalid\"/>\n"
    "  <entry code=\"3A001.a.5.a.3\" kind=\"eu_annex1\">\n"
    "   <title>ADC 12 to 14 bit above 400 MSPS</title>\n"
    "   <reasons>NS</reasons>\n"
    "   <hs>854239</hs>\n"
    "   <pattern>\\b(ADCs?|analog(ue)?[- ]to[- ]digital(\\s+converters?)?)\\b</pattern>\n"
    "   <param name=\"resolution\" cmp=\"ge\" value=\"12\" unit=\"bit\"/>\n"
    "   <param name=\"sample_rate\" cmp=\"gt\" value=\"400\" unit=\"MSPS\"/>\n"
    "  </entry>\n"
    " </list>\n"
    "</rules>\n";

static int sc_classify(cordon_options *o, cordon_error *err)
{
    cordon_rules *r = NULL;
    cordon_item *it = NULL;
    cordon_classification *c = NULL;
    int rc = cordon_rules_new(&r, o, err);
    if (rc == CORDON_OK)
        rc = cordon_rules_add_buffer(r, pack, sizeof pack - 1, "rules_xml", NULL, "pack", err);
    if (rc == CORDON_OK)
        rc = cordon_item_new(&it, o, err);
    if (rc == CORDON_OK)
        rc = cordon_item_set_description(it, "analogue-to-digital converter", CORDON_NUL_TERMINATED,
                                         err);
    if (rc == CORDON_OK)
        rc = cordon_item_set_tariff_code(it, "8542.39", CORDON_NUL_TERMINATED, err);
    if (rc == CORDON_OK)
        rc = cordon_item_set_param(it, "resolution", "12 bit", err);
    if (rc == CORDON_OK)
        rc = cordon_item_set_param(it, "sample_rate", "1.5 GSPS", err);
    if (rc == CORDON_OK)
        rc = cordon_item_set_destination(it, "Iran", CORDON_NUL_TERMINATED, err);
    if (rc == CORDON_OK)
        rc = cordon_classify(r, it, &c, err);
    if (rc == CORDON_OK) {
        assert_true(cordon_classification_count(c) >= 1);
        if (!cordon_classification_json(c, NULL))
            rc = nomem(err, "cordon_classification_json");
    }
    cordon_classification_free(c);
    cordon_item_free(it);
    cordon_rules_free(r);
    return rc;
}

static int sc_options_copy(cordon_options *o, cordon_error *err)
{
    cordon_options *c = NULL;
    int rc = cordon_options_copy(o, &c, err);
    cordon_options_free(c);
    return rc;
}

static void test_options(void **state) { (void)state; assert_true(run_failing("options_copy", sc_options_copy) >= 1); }
static void test_un_xml(void **state) { (void)state; assert_true(run_failing("un_xml", sc_un_xml) > 5); }
static void test_detect(void **state) { (void)state; assert_true(run_failing("detect", sc_detect) > 5); }
static void test_ofac_csv(void **state) { (void)state; assert_true(run_failing("ofac_csv", sc_ofac_csv) > 5); }
static void test_lenient(void **state) { (void)state; assert_true(run_failing("lenient", sc_lenient) > 5); }
static void test_csl(void **state) { (void)state; assert_true(run_failing("us_csl_csv", sc_csl) > 5); }
static void test_match(void **state) { (void)state; assert_true(run_failing("match", sc_match) > 2); }
static void test_matcher(void **state) { (void)state; assert_true(run_failing("matcher", sc_matcher) > 2); }
static void test_analyze(void **state) { (void)state; assert_true(run_failing("analyze", sc_analyze) > 2); }
static void test_classify(void **state) { (void)state; assert_true(run_failing("classify", sc_classify) > 5); }

static void test_db_open(void **state)
{
    (void)state;
    /* a snapshot written with the standard allocator */
    cordon_db *db = NULL;
    cordon_error err;
    assert_int_equal(build_db(NULL, &err, un_doc, sizeof un_doc - 1, "un.xml", "un_xml", &db),
                     CORDON_OK);
    snprintf(snap_path, sizeof snap_path, "/tmp/cordon-allocfail-%ld.cdb", (long)getpid());
    assert_int_equal(cordon_db_save(db, snap_path, &err), CORDON_OK);
    cordon_db_free(db);
    long n = run_failing("db_open", sc_db_open);
    unlink(snap_path);
    assert_true(n >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_options),  cmocka_unit_test(test_un_xml),
        cmocka_unit_test(test_detect),   cmocka_unit_test(test_ofac_csv),
        cmocka_unit_test(test_csl),      cmocka_unit_test(test_db_open),
        cmocka_unit_test(test_lenient),
        cmocka_unit_test(test_match),    cmocka_unit_test(test_matcher),
        cmocka_unit_test(test_analyze),  cmocka_unit_test(test_classify),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
