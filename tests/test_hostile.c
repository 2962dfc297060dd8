/* test_hostile.c — hostile inputs through the public API: every one is
 * refused or bounded with the exact error code and a message saying what
 * was wrong and where (issue 8). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <time.h>
#include <unistd.h>

#include "testutil.h"

/* Load a buffer into a fresh builder; returns the code, fills err. */
static int load(const char *data, size_t len, const char *name, const char *format,
                cordon_options *o, cordon_error *err)
{
    cordon_builder *b = NULL;
    assert_int_equal(cordon_builder_new(&b, o, err), CORDON_OK);
    int rc = cordon_builder_add_buffer(b, data, len, name, format, NULL, err);
    cordon_builder_free(b);
    return rc;
}

#define assert_msg_has(err, text)                                                      \
    do {                                                                               \
        if (!strstr((err).message, (text)))                                            \
            fail_msg("message \"%s\" lacks \"%s\"", (err).message, (text));            \
    } while (0)

/* The call's code must be `code`; on a mismatch show the message. */
#define assert_rc(call, want, err)                                                     \
    do {                                                                               \
        int rc_ = (call);                                                              \
        if (rc_ != (want))                                                             \
            fail_msg("%s returned %d (%s), expected %d", #call, rc_, (err).message,    \
                     (want));                                                          \
        assert_int_equal((err).code, (want));                                          \
    } while (0)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- XML ------------------------------------------------------------------ */

static void test_xml_billion_laughs(void **state)
{
    (void)state;
    const char *doc =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE CONSOLIDATED_LIST [\n"
        " <!ENTITY l0 \"ha\">\n"
        " <!ENTITY l1 \"&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;\">\n"
        " <!ENTITY l2 \"&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;\">\n"
        " <!ENTITY l3 \"&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;\">\n"
        " <!ENTITY l4 \"&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;\">\n"
        " <!ENTITY l5 \"&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;\">\n"
        " <!ENTITY l6 \"&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;\">\n"
        " <!ENTITY l7 \"&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;\">\n"
        " <!ENTITY l8 \"&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;\">\n"
        " <!ENTITY l9 \"&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;\">\n"
        "]>\n"
        "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>"
        "<FIRST_NAME>&l9;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>\n";
    cordon_options *o = tu_options();
    cordon_error err;
    /* named format and auto-detection alike */
    assert_rc(load(doc, strlen(doc), "laughs.xml", "un_xml", o, &err), CORDON_E_PARSE, err);
    assert_int_equal(err.code, CORDON_E_PARSE);
    assert_msg_has(err, "laughs.xml");
    assert_msg_has(err, "internal subset refused");
    assert_int_equal(err.line, 2);
    int rc = load(doc, strlen(doc), "laughs.xml", NULL, o, &err);
    assert_true(rc == CORDON_E_PARSE || rc == CORDON_E_FORMAT);
    cordon_options_free(o);
}

/* Quadratic blow-up: one 32 KiB entity referenced 2000 times (64 MB of text
 * from a 100 KB file) — refused before expansion. */
static void test_xml_quadratic_blowup(void **state)
{
    (void)state;
    size_t cap = 200000, n = 0;
    char *doc = malloc(cap);
    assert_non_null(doc);
    n += (size_t)sprintf(doc + n, "<?xml version=\"1.0\"?>\n<!DOCTYPE sdnList [<!ENTITY x \"");
    memset(doc + n, 'A', 32768);
    n += 32768;
    n += (size_t)sprintf(doc + n, "\">]>\n<sdnList><sdnEntry><uid>1</uid><lastName>");
    for (int i = 0; i < 2000; i++)
        n += (size_t)sprintf(doc + n, "&x;");
    n += (size_t)sprintf(doc + n, "</lastName></sdnEntry></sdnList>\n");
    cordon_options *o = tu_options();
    cordon_error err;
    double t0 = now();
    assert_rc(load(doc, n, "quad.xml", "ofac_xml", o, &err), CORDON_E_PARSE, err);
    assert_true(now() - t0 < 2.0);
    assert_msg_has(err, "quad.xml");
    assert_msg_has(err, "internal subset refused");
    cordon_options_free(o);
    free(doc);
}

static void test_xml_xxe_and_external_dtd(void **state)
{
    (void)state;
    const char *xxe =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE sdnList [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        "<sdnList><sdnEntry><uid>1</uid><lastName>&xxe;</lastName></sdnEntry></sdnList>\n";
    const char *dtd =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE sdnList SYSTEM \"http://attacker.invalid/evil.dtd\">\n"
        "<sdnList><sdnEntry><uid>1</uid><lastName>X</lastName></sdnEntry></sdnList>\n";
    const char *pub =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE CONSOLIDATED_LIST PUBLIC \"-//EVIL//DTD//EN\" \"file:///etc/shadow\">\n"
        "<CONSOLIDATED_LIST/>\n";
    /* an entity reference without any declaration must not be resolved */
    const char *undeclared =
        "<?xml version=\"1.0\"?>\n"
        "<sdnList><sdnEntry><uid>1</uid><lastName>&passwd;</lastName></sdnEntry></sdnList>\n";
    cordon_options *o = tu_options();
    cordon_error err;
    assert_rc(load(xxe, strlen(xxe), "xxe.xml", "ofac_xml", o, &err), CORDON_E_PARSE, err);
    assert_msg_has(err, "xxe.xml:2");
    assert_msg_has(err, "refused");
    assert_rc(load(dtd, strlen(dtd), "dtd.xml", "ofac_xml", o, &err), CORDON_E_PARSE, err);
    assert_msg_has(err, "dtd.xml:2");
    assert_msg_has(err, "external DTD reference refused");
    assert_rc(load(pub, strlen(pub), "pub.xml", "un_xml", o, &err), CORDON_E_PARSE, err);
    assert_msg_has(err, "external DTD reference refused");
    assert_rc(load(undeclared, strlen(undeclared), "undecl.xml", "ofac_xml", o, &err), CORDON_E_PARSE, err);
    assert_msg_has(err, "undecl.xml:2");
    assert_null(strstr(err.message, "root:"));
    cordon_options_free(o);
}

static void test_xml_deep_nesting(void **state)
{
    (void)state;
    /* 100 000 levels: far beyond the default max_depth of 256 */
    size_t depth = 100000, n = 0;
    char *doc = malloc(depth * 7 + 200);
    assert_non_null(doc);
    n += (size_t)sprintf(doc + n, "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST>");
    for (size_t i = 0; i < depth; i++) {
        memcpy(doc + n, "<a>", 3);
        n += 3;
    }
    cordon_options *o = tu_options();
    cordon_error err;
    assert_rc(load(doc, n, "deep.xml", "un_xml", o, &err), CORDON_E_LIMIT, err);
    assert_msg_has(err, "deep.xml:2");
    assert_msg_has(err, "depth"); /* libxml2's own bound of 256 or ours */
    /* a smaller configured limit is honoured */
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_MAX_DEPTH, 8, NULL), CORDON_OK);
    assert_rc(load(doc, 200, "deep.xml", "un_xml", o, &err), CORDON_E_LIMIT, err);
    assert_msg_has(err, "max_depth 8");
    cordon_options_free(o);
    free(doc);
}

static void test_xml_huge_attribute(void **state)
{
    (void)state;
    size_t big = 1 << 20, n = 0;
    char *doc = malloc(big + 300);
    assert_non_null(doc);
    n += (size_t)sprintf(doc + n, "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"");
    memset(doc + n, 'x', big);
    n += big;
    n += (size_t)sprintf(doc + n, "\"><INDIVIDUALS/></CONSOLIDATED_LIST>\n");
    cordon_options *o = tu_options();
    cordon_error err;
    assert_rc(load(doc, n, "attr.xml", "un_xml", o, &err), CORDON_E_LIMIT, err);
    assert_msg_has(err, "attr.xml:2");
    assert_msg_has(err, "attribute value longer than 65536 bytes");
    cordon_options_free(o);
    free(doc);
}

/* 100 000 attributes on one element (libxml2 checks duplicates pairwise):
 * bounded in time, whatever the outcome. */
static void test_xml_many_attributes(void **state)
{
    (void)state;
    size_t count = 100000, n = 0;
    char *doc = malloc(count * 16 + 200);
    assert_non_null(doc);
    n += (size_t)sprintf(doc + n, "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST");
    for (size_t i = 0; i < count; i++)
        n += (size_t)sprintf(doc + n, " a%zu=\"1\"", i);
    n += (size_t)sprintf(doc + n, "><INDIVIDUALS/></CONSOLIDATED_LIST>\n");
    cordon_options *o = tu_options();
    cordon_error err;
    double t0 = now();
    int rc = load(doc, n, "attrs.xml", "un_xml", o, &err);
    double dt = now() - t0;
    if (dt > 5.0)
        fail_msg("100000 attributes took %.1f s (rc %d)", dt, rc);
    if (rc != CORDON_OK) {
        assert_int_equal(rc, CORDON_E_LIMIT);
        assert_msg_has(err, "attrs.xml:2");
        assert_msg_has(err, "attributes");
    }
    cordon_options_free(o);
    free(doc);
}

static void test_xml_invalid_utf8(void **state)
{
    (void)state;
    static const struct { const char *bytes; size_t col; } bad[] = {
        {"\xc3\x28", 0},         /* bad continuation */
        {"\xc0\xaf", 0},         /* overlong '/' */
        {"\xed\xa0\x80", 0},     /* UTF-16 surrogate */
        {"\xf4\x90\x80\x80", 0}, /* above U+10FFFF */
        {"\xff", 0},             /* never valid */
        {"\xe2\x82", 0},         /* truncated */
    };
    cordon_options *o = tu_options();
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        /* in text, in an attribute and in an element name */
        /* in text, in an attribute and in an element name: "pre BAD mid BAD post" */
        static const char *const parts[3][3] = {
            {"<?xml version=\"1.0\"?>\n<sdnList><sdnEntry><uid>1</uid><lastName>AB",
             "", "</lastName></sdnEntry></sdnList>\n"},
            {"<?xml version=\"1.0\"?>\n<sdnList a=\"AB", "",
             "\"><sdnEntry><uid>1</uid><lastName>X</lastName></sdnEntry></sdnList>\n"},
            {"<?xml version=\"1.0\"?>\n<sdnList><sdnEntry><uid>1</uid><ln", ">X</ln",
             "></sdnEntry></sdnList>\n"},
        };
        for (size_t k = 0; k < 3; k++) {
            char doc[400];
            int len = snprintf(doc, sizeof doc, "%s%s%s%s%s", parts[k][0], bad[i].bytes,
                               parts[k][1], parts[k][1][0] ? bad[i].bytes : "", parts[k][2]);
            size_t off = (size_t)(strstr(doc, bad[i].bytes) - doc);
            cordon_error err;
            assert_rc(load(doc, (size_t)len, "u.xml", "ofac_xml", o, &err), CORDON_E_UTF8, err);
            assert_int_equal(err.offset, (int64_t)off);
            assert_int_equal(err.line, 2);
            assert_msg_has(err, "u.xml:2:");
            assert_msg_has(err, "invalid UTF-8");
        }
    }
    cordon_options_free(o);
}

/* ---- CSV ------------------------------------------------------------------ */

/* The header of trade.gov's Consolidated Screening List CSV. */
#define CSL_HEADER \
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n"


/* A 100 MB line (no newline at all): refused with CORDON_E_LIMIT on the
 * first over-long field, long before the end of the buffer. */
static void test_csv_100mb_line(void **state)
{
    (void)state;
    size_t n = 100u * 1024 * 1024;
    char *doc = malloc(n);
    assert_non_null(doc);
    static const char head[] = CSL_HEADER "1,x,1,Individual,P,";
    memcpy(doc, head, sizeof head - 1);
    memset(doc + sizeof head - 1, 'A', n - (sizeof head - 1));
    cordon_options *o = tu_options();
    cordon_error err;
    double t0 = now();
    assert_rc(load(doc, n, "big.csv", "us_csl_csv", o, &err), CORDON_E_LIMIT, err);
    assert_true(now() - t0 < 10.0);
    assert_msg_has(err, "big.csv:2:");
    assert_msg_has(err, "longer than the configured limit");
    assert_int_equal(err.line, 2);
    /* OFAC's sdn.csv layout, same bound */
    memcpy(doc, "1,", 2);
    memset(doc + 2, 'B', n - 2);
    assert_rc(load(doc, n, "sdn.csv", "ofac_csv", o, &err), CORDON_E_LIMIT, err);
    assert_msg_has(err, "sdn.csv:1:");
    /* and the whole buffer over max_input_bytes is refused up front */
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_MAX_INPUT_BYTES, 1 << 20, NULL),
                     CORDON_OK);
    assert_rc(load(doc, n, "big.csv", "us_csl_csv", o, &err), CORDON_E_LIMIT, err);
    assert_msg_has(err, "big.csv");
    assert_msg_has(err, "exceed the input limit of 1048576");
    cordon_options_free(o);
    free(doc);
}

static void test_csv_nul_bytes(void **state)
{
    (void)state;
    static const char sdn[] = "1,\"EXAMPLE\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
                              "2,\"BAD\0NAME\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";
    static const char csl[] =
        CSL_HEADER "1,x,1,Individual,P,AB\0C\n";
    cordon_options *o = tu_options();
    cordon_error err;
    assert_rc(load(sdn, sizeof sdn - 1, "sdn.csv", "ofac_csv", o, &err), CORDON_E_PARSE, err);
    assert_msg_has(err, "sdn.csv:2:");
    assert_msg_has(err, "NUL byte");
    assert_int_equal(err.line, 2);
    assert_int_equal(err.offset, (int64_t)(strstr(sdn, "BAD") - sdn + 3));
    assert_rc(load(csl, sizeof csl - 1, "csl.csv", "us_csl_csv", o, &err), CORDON_E_PARSE, err);
    assert_msg_has(err, "csl.csv:2:");
    assert_msg_has(err, "NUL byte");
    cordon_options_free(o);
}

static void test_csv_quote_bombs(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon_error err;
    /* an opening quote never closed: 10 MB scanned once, refused */
    size_t n = 10u * 1024 * 1024;
    char *doc = malloc(n);
    assert_non_null(doc);
    static const char head[] = CSL_HEADER "1,x,1,Individual,P,\"";
    memcpy(doc, head, sizeof head - 1);
    for (size_t i = sizeof head - 1; i < n; i++)
        doc[i] = (i % 50 == 0) ? '\n' : 'q';
    double t0 = now();
    assert_rc(load(doc, n, "bomb.csv", "us_csl_csv", o, &err), CORDON_E_PARSE, err);
    assert_msg_has(err, "bomb.csv:2:");
    assert_msg_has(err, "unterminated quoted field");
    assert_int_equal(err.line, 2);
    /* the same quote closed at the very end: one 10 MB field, over the limit */
    doc[n - 2] = '"';
    doc[n - 1] = '\n';
    assert_rc(load(doc, n, "bomb.csv", "us_csl_csv", o, &err), CORDON_E_LIMIT, err);
    assert_msg_has(err, "bomb.csv:"); /* the line where the field ends */
    assert_true(err.line > 2);
    assert_msg_has(err, "longer than the configured limit");
    /* 10 MB of doubled quotes inside one quoted field ("""""...) */
    size_t hl = sizeof head - 1, m = (n - hl - 2) & ~(size_t)1; /* even: all escapes */
    memset(doc + hl, '"', m);
    doc[hl + m] = '"'; /* the closing quote */
    doc[hl + m + 1] = '\n';
    assert_rc(load(doc, hl + m + 2, "bomb.csv", "us_csl_csv", o, &err), CORDON_E_LIMIT, err);
    assert_msg_has(err, "bomb.csv:2:");
    assert_msg_has(err, "longer than the configured limit");
    /* an unterminated quote at end of input */
    static const char open_q[] = CSL_HEADER "1,x,1,I,P,\"abc\n";
    assert_rc(load(open_q, sizeof open_q - 1, "q.csv", "us_csl_csv", o, &err), CORDON_E_PARSE, err);
    assert_msg_has(err, "q.csv:2:");
    assert_msg_has(err, "quote");
    assert_true(now() - t0 < 10.0);
    cordon_options_free(o);
    free(doc);
}

static void test_csv_too_many_fields(void **state)
{
    (void)state;
    size_t count = 1000000, n = 0;
    char *doc = malloc(count + 1000);
    assert_non_null(doc);
    n += (size_t)sprintf(doc, "%s", CSL_HEADER);
    memset(doc + n, ',', count);
    n += count;
    cordon_options *o = tu_options();
    cordon_error err;
    assert_rc(load(doc, n, "wide.csv", "us_csl_csv", o, &err), CORDON_E_LIMIT, err);
    assert_msg_has(err, "wide.csv:2:");
    assert_msg_has(err, "too many fields");
    cordon_options_free(o);
    free(doc);
}

/* ---- names -------------------------------------------------------------- */

static void test_names_invalid_utf8_and_length(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon_error err;
    double score = -1;
    assert_int_equal(cordon_match("John \xc3\x28Smith", CORDON_NUL_TERMINATED, "John Smith",
                                  CORDON_NUL_TERMINATED, 1, o, &score, &err),
                     CORDON_E_UTF8);
    assert_int_equal(err.offset, 5);
    assert_int_equal(cordon_match("John Smith", CORDON_NUL_TERMINATED, "\xed\xa0\x80",
                                  CORDON_NUL_TERMINATED, 1, o, &score, &err),
                     CORDON_E_UTF8);
    assert_int_equal(err.offset, 0);
    /* a 1 MB name against the 64 KiB default limit */
    size_t n = 1 << 20;
    char *big = malloc(n);
    assert_non_null(big);
    for (size_t i = 0; i < n; i++)
        big[i] = (i % 7 == 6) ? ' ' : 'a';
    double t0 = now();
    assert_int_equal(cordon_match(big, n, "a", 1, 0, o, &score, &err), CORDON_E_LIMIT);
    assert_true(now() - t0 < 1.0);
    assert_non_null(strstr(err.message, "65536"));
    /* control and tariff codes: invalid UTF-8 and over-long input */
    char out[72];
    assert_true(cordon_code_normalize("3A\xff" "001", CORDON_NUL_TERMINATED, CORDON_CODE_AUTO,
                                      o, out, sizeof out, NULL, &err) < 0);
    assert_int_equal(cordon_code_normalize(big, n, CORDON_CODE_AUTO, o, out, sizeof out, NULL,
                                           &err),
                     CORDON_E_LIMIT);
    assert_null(cordon_country_iso2("Ira\xffn", CORDON_NUL_TERMINATED));
    assert_null(cordon_country_iso2(big, n));
    free(big);
    cordon_options_free(o);
}

/* ---- snapshots ------------------------------------------------------------ */

static void test_snapshot_garbage(void **state)
{
    (void)state;
    char path[] = "/tmp/cordon-hostile-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)(i * 131 + 7);
    assert_int_equal(write(fd, junk, sizeof junk), (ssize_t)sizeof junk);
    close(fd);
    cordon_options *o = tu_options();
    cordon_db *db = NULL;
    cordon_error err;
    assert_int_equal(cordon_db_open(path, o, &db, &err), CORDON_E_CORRUPT);
    assert_null(db);
    assert_msg_has(err, "not a cordon snapshot");
    /* empty file */
    assert_int_equal(truncate(path, 0), 0);
    assert_int_equal(cordon_db_open(path, o, &db, &err), CORDON_E_CORRUPT);
    assert_msg_has(err, path);
    assert_msg_has(err, "too short");
    unlink(path);
    /* a folder, a missing file */
    assert_int_equal(cordon_db_open("/", o, &db, &err), CORDON_E_IO);
    assert_int_equal(cordon_db_open("/nonexistent/x.cdb", o, &db, &err), CORDON_E_IO);
    assert_msg_has(err, "/nonexistent/x.cdb");
    cordon_options_free(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xml_billion_laughs),
        cmocka_unit_test(test_xml_quadratic_blowup),
        cmocka_unit_test(test_xml_xxe_and_external_dtd),
        cmocka_unit_test(test_xml_deep_nesting),
        cmocka_unit_test(test_xml_huge_attribute),
        cmocka_unit_test(test_xml_many_attributes),
        cmocka_unit_test(test_xml_invalid_utf8),
        cmocka_unit_test(test_csv_100mb_line),
        cmocka_unit_test(test_csv_nul_bytes),
        cmocka_unit_test(test_csv_quote_bombs),
        cmocka_unit_test(test_csv_too_many_fields),
        cmocka_unit_test(test_names_invalid_utf8_and_length),
        cmocka_unit_test(test_snapshot_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
