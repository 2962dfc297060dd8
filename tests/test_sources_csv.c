/* test_sources_csv.c — entity model, dates, CSV reader, encodings and the
 * CSV-family parsers (linked -static: uses internal cordon__* functions). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

#include "sources/entity.h"
#include "sources/csv.h"
#include "sources/encoding.h"
#include "sources/formats.h"
#include "sources/sha256.h"


/* ---- a test sink that counts and dumps selected entities ----------------- */

#define TS_WANT 8
typedef struct tsink {
    char list_id[64], publisher[128], date[32];
    size_t n_lists, n_ent, n_names, n_skips, n_ids, n_dobs;
    size_t types[5];
    int64_t first_skip_line;
    char first_skip[512];
    const char *want[TS_WANT];
    char dump[TS_WANT][8192];
} tsink;

static int ts_list(void *ctx, const char *id, const char *pub, const char *date, cordon_error *err)
{
    (void)err;
    tsink *t = ctx;
    t->n_lists++;
    snprintf(t->list_id, sizeof t->list_id, "%s", id ? id : "");
    snprintf(t->publisher, sizeof t->publisher, "%s", pub ? pub : "");
    snprintf(t->date, sizeof t->date, "%s", date ? date : "");
    return 0;
}

static void ts_dump(char *o, size_t cap, const cordon__ent *e)
{
    size_t k = 0;
#define P(...) k += (size_t)snprintf(o + k, k < cap ? cap - k : 0, __VA_ARGS__)
    P("type=%d\n", e->type);
    static const char *const sn[] = {"id", "gender", "listed_on", "remarks", "title"};
    for (int i = 0; i < CORDON__NSCALAR; i++)
        if (e->scalar[i] && i != CORDON__F_REMARKS)
            P("%s=%s\n", sn[i], e->scalar[i]);
    static const char *const kn[] = {"primary", "aka", "fka", "weak", "original"};
    for (size_t i = 0; i < e->n_names; i++)
        P("name=%s|%s|%s|%s|%s\n", kn[e->names[i].kind], e->names[i].full,
          e->names[i].given ? e->names[i].given : "", e->names[i].middle ? e->names[i].middle : "",
          e->names[i].family ? e->names[i].family : "");
    for (size_t i = 0; i < e->n_dobs; i++)
        P("dob=%04d-%02d-%02d%s%s\n", e->dobs[i].year, e->dobs[i].month, e->dobs[i].day,
          e->dobs[i].year_to ? "/" : "", e->dobs[i].circa ? "~" : "");
    for (size_t i = 0; i < e->n_ids; i++)
        P("ident=%s|%s|%s\n", e->ids[i].type, e->ids[i].number,
          e->ids[i].country ? e->ids[i].country : "");
    for (size_t i = 0; i < e->n_attrs; i++)
        P("attr=%s|%s\n", e->attrs[i].key, e->attrs[i].value);
    static const char *const mn[] = {"program", "nationality", "citizenship", "pob",
                                     "address", "address_country", "country"};
    for (int m = 0; m < CORDON__NMULTI; m++)
        for (size_t i = 0; i < e->n_multi[m]; i++)
            P("%s=%s\n", mn[m], e->multi[m][i]);
#undef P
}

static int ts_entity(void *ctx, const cordon__ent *e, cordon_error *err)
{
    (void)err;
    tsink *t = ctx;
    t->n_ent++;
    t->n_names += e->n_names;
    t->n_ids += e->n_ids;
    t->n_dobs += e->n_dobs;
    if (e->type >= 0 && e->type < 5)
        t->types[e->type]++;
    assert_non_null(e->scalar[CORDON__F_ID]);
    assert_true(e->n_names > 0);
    for (int i = 0; i < TS_WANT; i++)
        if (t->want[i] && strcmp(t->want[i], e->scalar[CORDON__F_ID]) == 0)
            ts_dump(t->dump[i], sizeof t->dump[i], e);
    return 0;
}

static int ts_skip(void *ctx, int64_t line, const char *reason, cordon_error *err)
{
    (void)err;
    tsink *t = ctx;
    if (t->n_skips++ == 0) {
        t->first_skip_line = line;
        snprintf(t->first_skip, sizeof t->first_skip, "%s", reason);
    }
    return 0;
}

/* Parse inputs with a format into t. Returns the parser's code. */
static int ts_run(tsink *t, const cordon_options *o, const char *fmt, const cordon__input *in,
                  size_t n, const char *list_id, cordon_error *err)
{
    cordon__sink_ops ops = {ts_list, ts_entity, ts_skip, o};
    cordon__sink sink = {&ops, t};
    const cordon__format *f = cordon__format_find(fmt);
    assert_non_null(f);
    return f->parse(&sink, in, n, list_id, err);
}

/* Whole file in memory (test_malloc'd). */
typedef struct tfile {
    char *data;
    size_t len;
    char name[1024];
} tfile;

static void tf_load(tfile *f, const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    f->data = test_malloc((size_t)n + 1);
    assert_int_equal(fread(f->data, 1, (size_t)n, fp), (size_t)n);
    fclose(fp);
    f->len = (size_t)n;
    snprintf(f->name, sizeof f->name, "%s", path);
}

static void tf_free(tfile *f)
{
    test_free(f->data);
    f->data = NULL;
}

static void assert_has(const char *dump, const char *line)
{
    if (!strstr(dump, line))
        fail_msg("missing '%s' in:\n%s", line, dump);
}

/* Load up to 4 members of a folder in shared data and parse them. */
static int ts_run_files(tsink *t, const cordon_options *o, const char *fmt, const char *dir,
                        const char *const *files, size_t nfiles, cordon_error *err)
{
    tfile tf[4];
    cordon__input in[4] = {{0}};
    char path[1024];
    for (size_t i = 0; i < nfiles; i++) {
        snprintf(path, sizeof path, "%s/%s/%s", tu_shared_data(), dir, files[i]);
        tf_load(&tf[i], path);
        in[i].name = tf[i].name;
        in[i].data = tf[i].data;
        in[i].len = tf[i].len;
    }
    int rc = ts_run(t, o, fmt, in, nfiles, NULL, err);
    for (size_t i = 0; i < nfiles; i++)
        tf_free(&tf[i]);
    return rc;
}

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


/* ---- OFAC CSV ------------------------------------------------------------ */

/* Expected counts were computed independently with Python's csv module:
 * entities = rows of sdn.csv; names = distinct (kind, whitespace-normalised
 * text) per entity over the primary name, alt.csv rows and the
 * a.k.a./f.k.a. 'X' quotes in remarks + sdn_comments.csv. */
static void test_ofac_sdn_2021(void **state)
{
    (void)state;
    char path[1024];
    TU_REQUIRE_SHARED(path, "ofac/sdn_2021-07/sdn.csv");
    cordon_options *o = tu_options();
    tsink *t = test_calloc(1, sizeof *t);
    t->want[0] = "15036"; /* ARTAVIL, vessel */
    t->want[1] = "4107";  /* RODRIGUEZ OREJUELA, person with passports */
    t->want[2] = "25308"; /* YAN Xiaobing, crypto addresses */
    t->want[3] = "12300"; /* remarks spill into sdn_comments.csv */
    t->want[4] = "306";   /* BANCO NACIONAL DE CUBA: addresses, aliases */
    /* members in a shuffled order: identified by file name */
    static const char *const files[] = {"alt.csv", "sdn_comments.csv", "sdn.csv", "add.csv"};
    cordon_error err;
    int rc = ts_run_files(t, o, "ofac_csv", "ofac/sdn_2021-07", files, 4, &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_string_equal(t->list_id, "us_ofac_sdn");
    assert_string_equal(t->publisher, "US Treasury OFAC");
    assert_int_equal(t->n_ent, 8976);
    assert_int_equal(t->n_names, 23325);
    assert_int_equal(t->n_skips, 0);
    assert_int_equal(t->types[CORDON__TYPE_PERSON], 4620);
    assert_int_equal(t->types[CORDON__TYPE_ORGANIZATION], 3673);
    assert_int_equal(t->types[CORDON__TYPE_VESSEL], 406);
    assert_int_equal(t->types[CORDON__TYPE_AIRCRAFT], 277);
    const char *d = t->dump[0];
    assert_has(d, "type=3\n");
    assert_has(d, "name=primary|ARTAVIL|||\n");
    assert_has(d, "name=fka|ALPHA|||\n");
    assert_has(d, "ident=imo|9187629|\n");
    assert_has(d, "ident=mmsi|572469210|\n");
    assert_has(d, "attr=call_sign|T2EU4\n");
    assert_has(d, "attr=vessel_type|Crude/Oil Products Tanker\n");
    assert_has(d, "attr=tonnage|99,144\n");
    assert_has(d, "attr=vessel_flag|Iran\n");
    assert_has(d, "attr=linked_to|NATIONAL IRANIAN TANKER COMPANY\n");
    assert_has(d, "program=IRAN\n");
    d = t->dump[1];
    assert_has(d, "type=1\n");
    assert_has(d, "name=primary|RODRIGUEZ OREJUELA, Gilberto Jose|Gilberto Jose||RODRIGUEZ OREJUELA\n");
    assert_has(d, "name=aka|THE CHESS PLAYER|||\n");
    assert_has(d, "name=aka|LUCAS|||\n");
    assert_has(d, "dob=1939-01-31\n");
    assert_has(d, "ident=passport|T321642|Colombia\n");
    assert_has(d, "ident=passport|77588|Argentina\n");
    assert_has(d, "ident=national_id|6068015|Colombia\n");
    assert_has(d, "ident=national_id|6067015|Colombia\n");
    d = t->dump[2];
    assert_has(d, "gender=male\n");
    assert_has(d, "dob=1977-03-25\n");
    assert_has(d, "pob=Wuhan City, Hubei, China\n");
    assert_has(d, "citizenship=China\n");
    assert_has(d, "ident=crypto:xbt|12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h|\n");
    assert_has(d, "ident=crypto:xbt|1JREJdZupiFhE7ZzQPtASuMCvvpXC7wRsC|\n");
    d = t->dump[3];
    assert_has(d, "attr=linked_to|PROMO RAIZ S.A.S.\n");
    assert_has(d, "attr=linked_to|RED MUNDIAL INMOBILIARIA, S.A. DE C.V.\n");
    d = t->dump[4];
    assert_has(d, "type=2\n");
    assert_has(d, "name=aka|NATIONAL BANK OF CUBA|||\n");
    assert_has(d, "name=aka|BNC|||\n");
    assert_has(d, "address=Zweierstrasse 35, Zurich CH-8022, Switzerland\n");
    assert_has(d, "address_country=Japan\n");
    test_free(t);
    cordon_options_free(o);
}

static void test_ofac_sample_and_cons(void **state)
{
    (void)state;
    char path[1024];
    TU_REQUIRE_SHARED(path, "ofac/sample_ofactest/sdn.csv");
    TU_REQUIRE_SHARED(path, "us_non_sdn/csv_2025-12/cons_prim.csv");
    cordon_options *o = tu_options();
    tsink *t = test_calloc(1, sizeof *t);
    t->want[0] = "47371"; /* NS LEADER: "Identification Number IMO ..." */
    t->want[1] = "48603"; /* KHOROSHEV */
    static const char *const files[] = {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"};
    cordon_error err;
    int rc = ts_run_files(t, o, "ofac_csv", "ofac/sample_ofactest", files, 4, &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_int_equal(t->n_ent, 17);
    assert_int_equal(t->n_names, 46);
    /* 5 alt.csv and 4 add.csv rows refer to SDNs absent from this sample */
    assert_int_equal(t->n_skips, 9);
    assert_non_null(strstr(t->first_skip, "has no primary record"));
    assert_has(t->dump[0], "type=3\n");
    assert_has(t->dump[0], "ident=imo|9339301|\n");
    assert_has(t->dump[1], "dob=1993-04-17\n");
    assert_has(t->dump[1], "nationality=Russia\n");
    assert_has(t->dump[1], "attr=email|khoroshev1@icloud.com\n");
    memset(t, 0, sizeof *t);
    static const char *const cons[] = {"cons_alt.csv", "cons_prim.csv", "cons_comments.csv",
                                       "cons_add.csv"};
    rc = ts_run_files(t, o, "ofac_csv", "us_non_sdn/csv_2025-12", cons, 4, &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_string_equal(t->list_id, "us_ofac_cons");
    assert_int_equal(t->n_ent, 442);
    assert_int_equal(t->n_names, 1587);
    assert_int_equal(t->types[CORDON__TYPE_PERSON], 79);
    assert_int_equal(t->n_skips, 0);
    test_free(t);
    cordon_options_free(o);
}

static void test_ofac_malformed(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    tsink *t = test_calloc(1, sizeof *t);
    static const char bad[] =
        "1,\"GOOD ONE\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
        "2x,\"BAD ID\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
        "3,\"SHORT\",-0- \r\n"
        "4,\"BAD \"QUOTE\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
        "5,\"ALSO GOOD\",\"individual\",\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1970\"\r\n"
        "\x1a";
    cordon__input in = {"sdn.csv", bad, sizeof bad - 1};
    cordon_error err;
    int rc = ts_run(t, o, "ofac_csv", &in, 1, NULL, &err);
    assert_int_equal(rc, CORDON_E_PARSE);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 1);
    assert_non_null(strstr(err.message, "sdn.csv:2:1:"));
    assert_int_equal(t->n_ent, 1);
    memset(t, 0, sizeof *t);
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_STRICT, 0, &err), CORDON_OK);
    rc = ts_run(t, o, "ofac_csv", &in, 1, NULL, &err);
    assert_int_equal(rc, CORDON_OK);
    assert_int_equal(t->n_ent, 2);
    assert_int_equal(t->n_skips, 3);
    assert_int_equal(t->first_skip_line, 2);
    /* a set without its primary file */
    cordon__input alt = {"alt.csv", "1,2,\"aka\",\"X\",-0- \r\n", 20};
    rc = ts_run(t, o, "ofac_csv", &alt, 1, NULL, &err);
    assert_int_equal(rc, CORDON_E_FORMAT);
    test_free(t);
    cordon_options_free(o);
}

/* ---- US CSL and BIS DPL -------------------------------------------------- */

/* Counts from Python's csv module: 14160 data rows; names = distinct
 * (kind, whitespace-normalised text) over name + alt_names split at ';'. */
static void test_us_csl(void **state)
{
    (void)state;
    char path[1024];
    TU_REQUIRE_SHARED(path, "us_csl/2022-04/consolidated.csv");
    cordon_options *o = tu_options();
    tsink *t = test_calloc(1, sizeof *t);
    t->want[0] = "23156"; /* a DPRK vessel */
    t->want[1] = "9935";  /* ABD AL-RAZZIQ: passport, DOB, aliases */
    t->want[2] = "4398d33e9e93c7477af39f1e0bfffc13ddd47bcc"; /* Entity List */
    static const char *const files[] = {"consolidated.csv"};
    cordon_error err;
    int rc = ts_run_files(t, o, "us_csl_csv", "us_csl/2022-04", files, 1, &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_string_equal(t->list_id, "us_csl");
    assert_int_equal(t->n_ent, 14160);
    assert_int_equal(t->n_names, 34089);
    assert_int_equal(t->types[CORDON__TYPE_PERSON], 5286);
    assert_int_equal(t->types[CORDON__TYPE_ORGANIZATION], 4533);
    assert_int_equal(t->types[CORDON__TYPE_UNKNOWN], 3625);
    assert_int_equal(t->types[CORDON__TYPE_VESSEL], 433);
    assert_int_equal(t->types[CORDON__TYPE_AIRCRAFT], 283);
    assert_has(t->dump[0], "ident=imo|8898831|\n");
    assert_has(t->dump[0], "attr=source|SDN\n");
    assert_has(t->dump[0], "program=DPRK4\n");
    assert_has(t->dump[1], "dob=1962-08-06\n");
    assert_has(t->dump[1], "ident=passport|BC166787|CA\n");
    assert_has(t->dump[1], "name=aka|ABDELRAZIK, Sofian|Sofian||ABDELRAZIK\n");
    assert_has(t->dump[2], "attr=source|EL\n");
    assert_has(t->dump[2], "name=aka|Open Joint Stock Company 140 Repair Plant|||\n");
    assert_has(t->dump[2], "address_country=BY\n");
    test_free(t);
    cordon_options_free(o);
}

/* 665 rows; grouped by (Name, FR_Citation): 577 distinct pairs (Python). */
static void test_bis_dpl(void **state)
{
    (void)state;
    char path[1024];
    TU_REQUIRE_SHARED(path, "us_bis_dpl/2023-11/dpl.txt");
    cordon_options *o = tu_options();
    tsink *t = test_calloc(1, sizeof *t);
    static const char *const files[] = {"dpl.txt"};
    cordon_error err;
    int rc = ts_run_files(t, o, "bis_dpl", "us_bis_dpl/2023-11", files, 1, &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_string_equal(t->list_id, "us_bis_dpl");
    assert_int_equal(t->n_ent, 577);
    assert_int_equal(t->n_names, 577);
    assert_int_equal(t->n_skips, 0);
    test_free(t);
    /* a hand-made file: bad quoting strict / lenient, grouped addresses */
    static const char dpl[] =
        "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t"
        "\"Effective_Date\"\t\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t"
        "\"Action\"\t\"FR_Citation\"\r\n"
        "\"ACME LTD\"\t\"1 MAIN ST\"\t\"TOWN\"\t\"\"\t\"RU\"\t\"\"\t\"06/19/2003\"\t\"\"\t\"Y\"\t"
        "\"2007-01-31\"\t\"ADDED\"\t\"68 F.R. 1\"\r\n"
        "\"OTHER\"\t\"x\"bad\"\t\"\"\t\"\"\t\"\"\t\"\"\t\"\"\t\"\"\t\"\"\t\"\"\t\"\"\t\"\"\r\n"
        "\"ACME LTD\"\t\"2 SIDE ST\"\t\"CITY\"\t\"\"\t\"AE\"\t\"\"\t\"06/19/2003\"\t\"\"\t\"Y\"\t"
        "\"2007-01-31\"\t\"ADDED\"\t\"68 F.R. 1\"\r\n";
    cordon__input in = {"dpl.txt", dpl, sizeof dpl - 1};
    assert_ptr_equal(cordon__format_detect("x.txt", dpl, sizeof dpl - 1), &cordon__fmt_bis_dpl);
    t = test_calloc(1, sizeof *t);
    rc = ts_run(t, o, "bis_dpl", &in, 1, NULL, &err);
    assert_int_equal(rc, CORDON_E_PARSE);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 12);
    assert_non_null(strstr(err.message, "dpl.txt:3:12: unexpected character after closing quote"));
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_STRICT, 0, &err), CORDON_OK);
    memset(t, 0, sizeof *t);
    t->want[0] = "x";
    rc = ts_run(t, o, "bis_dpl", &in, 1, NULL, &err);
    assert_int_equal(rc, CORDON_OK);
    assert_int_equal(t->n_ent, 1);
    assert_int_equal(t->n_skips, 1);
    assert_int_equal(t->first_skip_line, 3);
    test_free(t);
    cordon_options_free(o);
}

/* ---- UK HMT ConList CSV ---------------------------------------------------- */

/* Counts from Python (file decoded as cp1252, csv module): groups = distinct
 * Group ID; names = distinct (kind, "Name 1 .. Name 5 Name 6" normalised)
 * per group, kind from Alias Type (Prime Alias / AKA / FKA). */
static void test_uk_conlist(void **state)
{
    (void)state;
    char path[1024];
    TU_REQUIRE_SHARED(path, "uk/hmt_conlist_csv_2020-04-27/ConList.csv");
    TU_REQUIRE_SHARED(path, "uk/hmt_conlist_csv_2014-04-02/sanctionsconlist.csv");
    cordon_options *o = tu_options();
    tsink *t = test_calloc(1, sizeof *t);
    t->want[0] = "13284"; /* NGENDAKUMANA, Léonard (0xE9 in the file) */
    t->want[1] = "13190"; /* AL HAKIM: several aliases */
    static const char *const f20[] = {"ConList.csv"};
    cordon_error err;
    int rc = ts_run_files(t, o, "uk_conlist_csv", "uk/hmt_conlist_csv_2020-04-27", f20, 1, &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_string_equal(t->list_id, "uk_hmt");
    assert_string_equal(t->date, "2020-04-27");
    assert_int_equal(t->n_ent, 2114);
    assert_int_equal(t->n_names, 5781);
    assert_int_equal(t->types[CORDON__TYPE_PERSON], 1523);
    assert_int_equal(t->types[CORDON__TYPE_ORGANIZATION], 591);
    assert_has(t->dump[0], "name=primary|L\xC3\xA9onard NGENDAKUMANA|L\xC3\xA9onard||NGENDAKUMANA\n");
    assert_has(t->dump[0], "dob=1968-11-24\n");
    assert_has(t->dump[1], "name=primary|Abdullah Yahya AL HAKIM|Abdullah|Yahya|AL HAKIM\n");
    assert_has(t->dump[1], "name=aka|Abu Ali AL HAKIM|Abu|Ali|AL HAKIM\n");
    assert_has(t->dump[1], "name=aka|Abdallah AL-MU\xE2\x80\x99" "AYYAD|Abdallah||AL-MU\xE2\x80\x99" "AYYAD\n");
    assert_has(t->dump[1], "dob=1984-00-00\n");
    assert_has(t->dump[1], "dob=1986-00-00\n");
    assert_has(t->dump[1], "program=Yemen\n");
    memset(t, 0, sizeof *t);
    t->want[0] = "11282"; /* CHO’NGSONG: 0x92 right single quote */
    static const char *const f14[] = {"sanctionsconlist.csv"};
    rc = ts_run_files(t, o, "uk_conlist_csv", "uk/hmt_conlist_csv_2014-04-02", f14, 1, &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_string_equal(t->date, "2014-04-02");
    assert_int_equal(t->n_ent, 2297);
    assert_int_equal(t->n_names, 5418);
    assert_int_equal(t->types[CORDON__TYPE_PERSON], 1337);
    assert_has(t->dump[0], "name=aka|CHO\xE2\x80\x99NGSONG UNITED TRADING COMPANY|||\n");
    test_free(t);
    cordon_options_free(o);
}

static void test_uk_conlist_small(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    tsink *t = test_calloc(1, sizeof *t);
    static const char hdr[] =
        "Last Updated,02/01/2021\r\n"
        "Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,Town of Birth,Country of Birth,"
        "Nationality,Passport Details,NI Number,Position,Address 1,Address 2,Address 3,Address 4,"
        "Address 5,Address 6,Post/Zip Code,Country,Other Information,Group Type,Alias Type,Regime,"
        "Listed On,Last Updated,Group ID\r\n";
    /* group 7 is split by group 8; two DOB variants; cp1252 e-acute */
    static const char rows[] =
        "DUPONT,Ren\xE9,,,,,Mr,00/00/1960,Lyon,France,(1) French (2) Swiss,"
        "(1) 12AB345 (French) (2) X998877 (Swiss),,,,,,,,,,,,Individual,Prime Alias,Test,"
        "01/02/2019,01/02/2019,7\r\n"
        "ACME,,,,,,,,,,,,,,,,,,,,,Iran,,Entity,Prime Alias,Test,01/02/2019,01/02/2019,8\r\n"
        "DUPONT,Ren\xE9,,,,,Mr,12/05/1961,Lyon,France,(1) French (2) Swiss,,,,,,,,,,,,,"
        "Individual,Prime Alias,Test,01/02/2019,01/02/2019,7\r\n"
        "DUPOND,R.,,,,,,,,,,,,,,,,,,,,,,Individual,AKA,Test,01/02/2019,01/02/2019,7\r\n";
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s", hdr, rows);
    assert_ptr_equal(cordon__format_detect("ConList.csv", buf, strlen(buf)),
                     &cordon__fmt_uk_conlist_csv);
    cordon__input in = {"ConList.csv", buf, strlen(buf)};
    t->want[0] = "7";
    cordon_error err;
    int rc = ts_run(t, o, "uk_conlist_csv", &in, 1, NULL, &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_int_equal(t->n_ent, 2);
    const char *d = t->dump[0];
    assert_has(d, "type=1\n");
    assert_has(d, "title=Mr\n");
    assert_has(d, "listed_on=2019-02-01\n");
    assert_has(d, "name=primary|Ren\xC3\xA9 DUPONT|Ren\xC3\xA9||DUPONT\n");
    assert_has(d, "name=aka|R. DUPOND|R.||DUPOND\n");
    assert_has(d, "dob=1960-00-00\n");
    assert_has(d, "dob=1961-05-12\n");
    assert_has(d, "nationality=French\n");
    assert_has(d, "nationality=Swiss\n");
    assert_has(d, "ident=passport|12AB345|French\n");
    assert_has(d, "ident=passport|X998877|Swiss\n");
    assert_has(d, "pob=Lyon, France\n");
    /* 0x81 is not a Windows-1252 character: an encoding error with position */
    snprintf(buf, sizeof buf, "%sDUP\x81NT,,,,,,,,,,,,,,,,,,,,,,,Entity,AKA,T,,,9\r\n", hdr);
    in.len = strlen(buf);
    memset(t, 0, sizeof *t);
    rc = ts_run(t, o, "uk_conlist_csv", &in, 1, NULL, &err);
    assert_int_equal(rc, CORDON_E_ENCODING);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 4);
    assert_int_equal(err.offset, (int64_t)strlen(hdr) + 3);
    /* wrong field count: strict error, lenient skip */
    snprintf(buf, sizeof buf, "%sSHORT,,,Entity\r\n%s", hdr, rows);
    in.len = strlen(buf);
    rc = ts_run(t, o, "uk_conlist_csv", &in, 1, NULL, &err);
    assert_int_equal(rc, CORDON_E_PARSE);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "ConList.csv:3:"));
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_STRICT, 0, &err), CORDON_OK);
    memset(t, 0, sizeof *t);
    rc = ts_run(t, o, "uk_conlist_csv", &in, 1, NULL, &err);
    assert_int_equal(rc, CORDON_OK);
    assert_int_equal(t->n_ent, 2);
    assert_int_equal(t->n_skips, 1);
    test_free(t);
    cordon_options_free(o);
}

/* ---- fixtures written to published layouts (tests/data/sources) --------- */

static void fixture_path(char *buf, size_t n, const char *file)
{
    const char *top = getenv("abs_top_srcdir");
    if (!top)
        top = getenv("top_srcdir");
    snprintf(buf, n, "%s/tests/data/sources/%s", top ? top : "..", file);
}

static int run_fixture(tsink *t, const cordon_options *o, const char *fmt, const char *file,
                       cordon_error *err)
{
    char path[1024];
    fixture_path(path, sizeof path, file);
    tfile tf;
    tf_load(&tf, path);
    cordon__input in = {tf.name, tf.data, tf.len};
    assert_ptr_equal(cordon__format_detect(tf.name, tf.data, tf.len), cordon__format_find(fmt));
    int rc = ts_run(t, o, fmt, &in, 1, NULL, err);
    tf_free(&tf);
    return rc;
}

static void test_eu_csv(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    tsink *t = test_calloc(1, sizeof *t);
    t->want[0] = "13";
    t->want[1] = "20";
    cordon_error err;
    int rc = run_fixture(t, o, "eu_csv", "eu_fsf_1_1_sample.csv", &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_string_equal(t->list_id, "eu_fsf");
    assert_string_equal(t->date, "2020-04-15");
    assert_int_equal(t->n_ent, 2);
    assert_int_equal(t->n_names, 5);
    const char *d = t->dump[0];
    assert_has(d, "type=1\n");
    assert_has(d, "gender=male\n");
    assert_has(d, "name=primary|Saddam Hussein Al-Tikriti|Saddam||Hussein Al-Tikriti\n");
    assert_has(d, "name=aka|Abu Ali|||\n");
    assert_has(d, "name=aka|Abou Ali|||\n");
    assert_has(d, "dob=1937-04-28\n");
    assert_has(d, "pob=al-Awja, near Tikrit, IRAQ\n");
    assert_has(d, "citizenship=IQ\n");
    assert_has(d, "program=IRQ\n");
    assert_has(d, "attr=eu_reference|EU.27.28\n");
    d = t->dump[1];
    assert_has(d, "name=primary|Qusay Saddam Hussein Al-Tikriti|Qusay|Saddam|Hussein Al-Tikriti\n");
    assert_has(d, "name=aka|Qoussa\xC3\xAF Saddam Hussein Al-Tikriti|Qoussa\xC3\xAF|Saddam|Hussein Al-Tikriti\n");
    assert_has(d, "dob=1965-00-00\n");
    assert_has(d, "dob=1966-00-00\n");
    assert_has(d, "pob=Baghdad\n");
    assert_has(d, "attr=function|Oversaw Special Republican Guard, Special Security Organisation, and Republican Guard\n");
    test_free(t);
    cordon_options_free(o);
}

static void test_uk_fcdo_csv(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    tsink *t = test_calloc(1, sizeof *t);
    t->want[0] = "AFG0001";
    t->want[1] = "IRQ0001";
    t->want[2] = "RUS9999";
    cordon_error err;
    int rc = run_fixture(t, o, "uk_fcdo_csv", "uk_fcdo_sample.csv", &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_string_equal(t->list_id, "uk_fcdo");
    assert_string_equal(t->date, "2026-10-08");
    assert_int_equal(t->n_ent, 3);
    assert_int_equal(t->n_names, 6);
    const char *d = t->dump[0];
    assert_has(d, "type=2\n");
    assert_has(d, "name=primary|HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE|||\n");
    assert_has(d, "name=aka|HAJI ALIM HAWALA|||\n");
    assert_has(d, "address_country=Afghanistan\n");
    assert_has(d, "address_country=Pakistan\n");
    assert_has(d, "listed_on=2012-06-29\n");
    assert_has(d, "attr=un_reference|TAe.010\n");
    d = t->dump[1];
    assert_has(d, "name=primary|SADDAM HUSSEIN AL-TIKRITI|SADDAM||HUSSEIN AL-TIKRITI\n");
    assert_has(d, "name=weak|ABU ALI|ABU||ALI\n");
    assert_has(d, "name=original|\xD8\xB5\xD8\xAF\xD8\xA7\xD9\x85 ");
    assert_has(d, "dob=1937-04-28\n");
    assert_has(d, "gender=male\n");
    assert_has(d, "pob=al-Awja, near Tikrit, Iraq\n");
    d = t->dump[2];
    assert_has(d, "type=3\n");
    assert_has(d, "ident=imo|9123456|\n");
    assert_has(d, "attr=vessel_flag|Gabon\n");
    test_free(t);
    cordon_options_free(o);
}

static void test_generic_csv(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    tsink *t = test_calloc(1, sizeof *t);
    static const char csv[] =
        "ID,Name,Type,Aliases,Country,DOB,id_type,id_number,Program,Remarks,Risk Owner\n"
        "C-1,Acme Trading FZE,organization,\"Acme FZE; ACME T. \",AE,,lei,5493001KJTIIGC8Y1R12,OWN,"
        "blocked by compliance,J. Smith\n"
        "C-2,\"Doe, \"\"Johnny\"\" John\",person,,US,1970-01-31,passport,X123,OWN,,\n"
        ",Nameless Id Ltd,,,,,,,,,\n";
    cordon__input in = {"deny.csv", csv, sizeof csv - 1};
    assert_ptr_equal(cordon__format_detect("deny.csv", csv, sizeof csv - 1), &cordon__fmt_generic_csv);
    t->want[0] = "C-1";
    t->want[1] = "C-2";
    t->want[2] = "line-4";
    cordon_error err;
    int rc = ts_run(t, o, "generic_csv", &in, 1, "my_denylist", &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_string_equal(t->list_id, "my_denylist");
    assert_int_equal(t->n_ent, 3);
    assert_has(t->dump[0], "type=2\n");
    assert_has(t->dump[0], "name=aka|Acme FZE|||\n");
    assert_has(t->dump[0], "name=aka|ACME T.|||\n");
    assert_has(t->dump[0], "ident=lei|5493001KJTIIGC8Y1R12|\n");
    assert_has(t->dump[0], "attr=risk owner|J. Smith\n");
    assert_has(t->dump[0], "country=AE\n");
    assert_has(t->dump[1], "name=primary|Doe, \"Johnny\" John|||\n");
    assert_has(t->dump[1], "dob=1970-01-31\n");
    assert_has(t->dump[1], "ident=passport|X123|\n");
    assert_has(t->dump[2], "type=0\n");
    /* TSV, default list id; a bad type is an error at its column */
    static const char tsv[] = "name\ttype\nGood\tvessel\nBad\tspaceship\n";
    cordon__input in2 = {"mine.tsv", tsv, sizeof tsv - 1};
    memset(t, 0, sizeof *t);
    rc = ts_run(t, o, "generic_csv", &in2, 1, NULL, &err);
    assert_int_equal(rc, CORDON_E_PARSE);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 5);
    assert_string_equal(t->list_id, "inhouse");
    /* no name column */
    static const char noname[] = "id,label\n1,x\n";
    cordon__input in3 = {"x.csv", noname, sizeof noname - 1};
    assert_int_equal(ts_run(t, o, "generic_csv", &in3, 1, NULL, &err), CORDON_E_FORMAT);
    assert_null(cordon__format_detect("x.csv", noname, sizeof noname - 1));
    test_free(t);
    cordon_options_free(o);
}

/* ---- CSV reader, encodings, registry ---------------------------------- */

static void test_csv_reader(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon__csv c;
    cordon_error err;
    static const char ok[] = "\xEF\xBB\xBF" "a,\"b,\"\"c\"\"\",\"multi\r\nline\"\r\n\r\n1,,3\n\x1a\x1a";
    cordon__csv_init(&c, o, "t.csv", ok, sizeof ok - 1, ',');
    assert_int_equal(cordon__csv_next(&c, &err), 1);
    assert_int_equal(c.nf, 3);
    assert_int_equal(c.f[1].n, 5);
    assert_memory_equal(c.f[1].p, "b,\"c\"", 5);
    assert_memory_equal(c.f[2].p, "multi\r\nline", 11);
    assert_int_equal(c.line, 1);
    assert_int_equal(cordon__csv_next(&c, &err), 1);
    assert_int_equal(c.line, 4);
    assert_int_equal(c.nf, 3);
    assert_int_equal(c.f[1].n, 0);
    assert_int_equal(c.f[2].col, 4);
    assert_int_equal(cordon__csv_next(&c, &err), 0);
    cordon__csv_free(&c);
    /* NUL byte, unterminated quote, invalid UTF-8 and a field over the limit */
    static const char nul[] = "a,b\nc,d\0e\n";
    cordon__csv_init(&c, o, "n.csv", nul, sizeof nul - 1, ',');
    assert_int_equal(cordon__csv_next(&c, &err), 1);
    assert_int_equal(cordon__csv_next(&c, &err), CORDON_E_PARSE);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 4);
    assert_non_null(strstr(err.message, "n.csv:2:4: NUL byte"));
    cordon__csv_free(&c);
    static const char unterminated[] = "x\n\"abc\ndef";
    cordon__csv_init(&c, o, "u.csv", unterminated, sizeof unterminated - 1, ',');
    assert_int_equal(cordon__csv_next(&c, &err), 1);
    assert_int_equal(cordon__csv_next(&c, &err), CORDON_E_PARSE);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 1);
    assert_non_null(strstr(err.message, "unterminated"));
    assert_int_equal(cordon__csv_next(&c, &err), 0);
    cordon__csv_free(&c);
    static const char badutf[] = "ok\nab\xC3(\nnext\n";
    cordon__csv_init(&c, o, "b.csv", badutf, sizeof badutf - 1, ',');
    assert_int_equal(cordon__csv_next(&c, &err), 1);
    assert_int_equal(cordon__csv_next(&c, &err), CORDON_E_UTF8);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 3);
    assert_int_equal(err.offset, 5);
    assert_int_equal(cordon__csv_next(&c, &err), 1); /* recovers on the next line */
    assert_memory_equal(c.f[0].p, "next", 4);
    cordon__csv_free(&c);
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_MAX_NAME_BYTES, 16, &err), CORDON_OK);
    char big[400];
    memset(big, 'x', sizeof big);
    cordon__csv_init(&c, o, "big.csv", big, sizeof big, ',');
    assert_int_equal(cordon__csv_next(&c, &err), CORDON_E_LIMIT);
    cordon__csv_free(&c);
    assert_int_equal(cordon__csv_sniff_sep("a;b;c\n", 6), ';');
    assert_int_equal(cordon__csv_sniff_sep("a\tb,c\tz\n", 8), '\t');
    assert_int_equal(cordon__csv_sniff_sep("\"a;b\",c\n", 8), ',');
    cordon_options_free(o);
}

static void test_encoding(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    const cordon__alloc *a = cordon__alloc_of(o);
    char *out;
    size_t n;
    cordon_error err;
    /* é, €, ’, “ ”, – , Ÿ */
    static const char in[] = "Caf\xE9 \x80 \x92 \x93x\x94 \x96 \x9F";
    assert_int_equal(cordon__decode_to_utf8(a, "Windows-1252", "x", in, sizeof in - 1, &out, &n, &err),
                     CORDON_OK);
    assert_string_equal(out, "Caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x99 \xE2\x80\x9Cx\xE2\x80\x9D "
                             "\xE2\x80\x93 \xC5\xB8");
    assert_int_equal(n, strlen(out));
    cordon__free(a, out);
    static const char bad[] = "ab\ncd\x8D";
    assert_int_equal(cordon__decode_to_utf8(a, "cp1252", "f.csv", bad, sizeof bad - 1, &out, &n, &err),
                     CORDON_E_ENCODING);
    assert_int_equal(err.offset, 5);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 3);
    assert_non_null(strstr(err.message, "f.csv:2:3"));
    /* through iconv */
    static const char latin2[] = "\xA3\xF3" "d\xBC";  /* Łódź in ISO-8859-2 */
    assert_int_equal(cordon__decode_to_utf8(a, "ISO-8859-2", "p", latin2, 4, &out, &n, &err), CORDON_OK);
    assert_string_equal(out, "\xC5\x81\xC3\xB3" "d\xC5\xBA");
    cordon__free(a, out);
    static const char badsjis[] = "ok\x81";
    assert_int_equal(cordon__decode_to_utf8(a, "SHIFT_JIS", "s", badsjis, 3, &out, &n, &err),
                     CORDON_E_ENCODING);
    assert_int_equal(err.offset, 2);
    assert_int_equal(cordon__decode_to_utf8(a, "no-such-encoding", "s", "x", 1, &out, &n, &err),
                     CORDON_E_FORMAT);
    assert_int_equal(cordon__decode_to_utf8(a, "UTF-8", "u", "a\xFF", 2, &out, &n, &err), CORDON_E_UTF8);
    assert_int_equal(err.offset, 1);
    cordon_options_free(o);
}

static void test_registry(void **state)
{
    (void)state;
    static const char *const names[] = {"ofac_csv", "us_csl_csv", "bis_dpl", "uk_conlist_csv",
                                        "uk_fcdo_csv", "eu_csv", "generic_csv"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const cordon__format *f = cordon__format_find(names[i]);
        assert_non_null(f);
        assert_string_equal(f->name, names[i]);
    }
    assert_null(cordon__format_find("nope"));
    static const char ofac[] = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- \r\n";
    assert_ptr_equal(cordon__format_detect("whatever.csv", ofac, sizeof ofac - 1), &cordon__fmt_ofac_csv);
    static const char csl[] = "_id,source,entity_number,type,programs,name,title\n";
    assert_ptr_equal(cordon__format_detect("c.csv", csl, sizeof csl - 1), &cordon__fmt_us_csl_csv);
    static const char uk[] = "Last Updated,27/04/2020\r\nName 6,Name 1,Name 2\r\n";
    assert_ptr_equal(cordon__format_detect("c.csv", uk, sizeof uk - 1), &cordon__fmt_uk_conlist_csv);
    assert_null(cordon__format_detect("c.bin", "\x01\x02\x03", 3));
}

/* FIPS 180-4 example vectors for the builder's SHA-256. */
static void test_sha256(void **state)
{
    (void)state;
    uint8_t out[32];
    char hex[65];
    static const struct {
        const char *in;
        const char *hex;
    } v[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    };
    for (size_t i = 0; i < 3; i++) {
        cordon__sha256(v[i].in, strlen(v[i].in), out);
        for (int k = 0; k < 32; k++)
            snprintf(hex + 2 * k, 3, "%02x", out[k]);
        assert_string_equal(hex, v[i].hex);
    }
    /* one million 'a' through the incremental interface */
    cordon__sha256_ctx c;
    cordon__sha256_init(&c);
    char block[1000];
    memset(block, 'a', sizeof block);
    for (int i = 0; i < 1000; i++)
        cordon__sha256_update(&c, block, sizeof block);
    cordon__sha256_final(&c, out);
    for (int k = 0; k < 32; k++)
        snprintf(hex + 2 * k, 3, "%02x", out[k]);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* ---- hostile input: truncations and byte flips of small valid inputs ----- */

static void test_mutations(void **state)
{
    (void)state;
    static const struct {
        const char *fmt, *name, *data;
    } seeds[] = {
        {"ofac_csv", "sdn.csv",
         "1,\"A, B\",\"individual\",\"X] [Y\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1970; "
         "Passport X1 (Iran); a.k.a. 'Q'; Digital Currency Address - XBT abc.\"\r\n\x1a"},
        {"us_csl_csv", "c.csv",
         "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
         "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,"
         "vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
         "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
         "source_information_url,ids\n"
         "1,X (SDN),1,Individual,P,\"A, B\",,\"s, US\",,,,,,,,,,,,,,,\"C; D\",US,1970,US,Z,,"
         "\"US, 1, Passport; Male, Gender\"\n"},
        {"uk_conlist_csv", "u.csv",
         "Last Updated,02/01/2021\r\nName 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,"
         "Town of Birth,Country of Birth,Nationality,Passport Details,NI Number,Position,"
         "Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,Country,"
         "Other Information,Group Type,Alias Type,Regime,Listed On,Last Updated,Group ID\r\n"
         "D\xE9,R,,,,,,00/00/1960,,,(1) F (2) S,(1) 1 (F),,,,,,,,,,,,Individual,Prime Alias,T,"
         "01/02/2019,01/02/2019,7\r\n"},
        {"generic_csv", "g.csv", "id,name,type,aliases,dob\n1,A,person,\"B;C\",1970\n"},
        {"bis_dpl", "d.txt",
         "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t"
         "\"Effective_Date\"\t\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t"
         "\"Action\"\t\"FR_Citation\"\n\"A\"\t\"s\"\t\"c\"\t\"\"\t\"RU\"\t\"\"\t\"06/19/2003\"\t"
         "\"\"\t\"Y\"\t\"x\"\t\"y\"\t\"z\"\n"},
    };
    cordon_options *o = tu_options();
    cordon_error err;
    tsink *t = test_calloc(1, sizeof *t);
    char buf[2048];
    uint32_t rng = 12345;
    for (int strict = 1; strict >= 0; strict--) {
        assert_int_equal(cordon_options_set_int(o, CORDON_OPT_STRICT, strict, &err), CORDON_OK);
        for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
            size_t len = strlen(seeds[k].data);
            for (int it = 0; it < 300; it++) {
                memcpy(buf, seeds[k].data, len);
                size_t n = len;
                rng = rng * 1103515245u + 12345u;
                if (it % 3 == 0) {
                    n = (rng >> 8) % (len + 1); /* truncate */
                } else {
                    for (int f = 0; f < 1 + it % 4; f++) {
                        rng = rng * 1103515245u + 12345u;
                        static const char pool[] = "\",;\t\r\n\0\x1a\xC3\xFF\x81 (')-0/";
                        buf[(rng >> 8) % n] = pool[(rng >> 20) % (sizeof pool - 1)];
                    }
                }
                cordon__input in = {seeds[k].name, buf, n};
                memset(t, 0, sizeof *t);
                int rc = ts_run(t, o, seeds[k].fmt, &in, 1, NULL, &err);
                assert_true(rc == CORDON_OK || rc == CORDON_E_PARSE || rc == CORDON_E_UTF8 ||
                            rc == CORDON_E_FORMAT || rc == CORDON_E_ENCODING ||
                            rc == CORDON_E_LIMIT);
                if (rc != CORDON_OK)
                    assert_true(err.message[0] != '\0');
            }
        }
    }
    test_free(t);
    cordon_options_free(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ent_basic),
        cmocka_unit_test(test_date_parse),
        cmocka_unit_test(test_ofac_sdn_2021),
        cmocka_unit_test(test_ofac_sample_and_cons),
        cmocka_unit_test(test_ofac_malformed),
        cmocka_unit_test(test_us_csl),
        cmocka_unit_test(test_bis_dpl),
        cmocka_unit_test(test_uk_conlist),
        cmocka_unit_test(test_uk_conlist_small),
        cmocka_unit_test(test_eu_csv),
        cmocka_unit_test(test_uk_fcdo_csv),
        cmocka_unit_test(test_generic_csv),
        cmocka_unit_test(test_csv_reader),
        cmocka_unit_test(test_encoding),
        cmocka_unit_test(test_registry),
        cmocka_unit_test(test_sha256),
        cmocka_unit_test(test_mutations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
