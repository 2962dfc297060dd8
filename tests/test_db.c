/* test_db.c — builder, db accessors and the snapshot file (public API). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

#include <unistd.h>

static const char generic_csv[] =
    "id,name,type,aliases,country,dob,program\n"
    "D-1,ACME Trading LLC,organization,ACME Trade;Acme Handels GmbH,IR,,OWN-DENY\n"
    "D-2,\"Petrov, Ivan Sergeyevich\",person,Ivan Petroff,Russian Federation,1970-05-17,OWN-DENY\n"
    "D-3,Sea Breeze 5,vessel,,PA,,OWN-DENY\n";

static cordon_db *build_generic(cordon_options *o)
{
    cordon_builder *b = NULL;
    cordon_db *db = NULL;
    cordon_error err;
    assert_int_equal(cordon_builder_new(&b, o, &err), CORDON_OK);
    int rc = cordon_builder_add_buffer(b, generic_csv, sizeof generic_csv - 1, "deny.csv",
                                       "generic_csv", "own_deny", &err);
    if (rc)
        fprintf(stderr, "add_buffer: %s\n", err.message);
    assert_int_equal(rc, CORDON_OK);
    assert_int_equal(cordon_builder_finish(b, &db, &err), CORDON_OK);
    cordon_builder_free(b);
    return db;
}

static void check_generic(const cordon_db *db)
{
    assert_int_equal(cordon_db_list_count(db), 1);
    assert_string_equal(cordon_db_list_field(db, 0, CORDON_LIST_ID), "own_deny");
    assert_string_equal(cordon_db_list_field(db, 0, CORDON_LIST_FORMAT), "generic_csv");
    assert_string_equal(cordon_db_list_field(db, 0, CORDON_LIST_SOURCE), "deny.csv");
    assert_int_equal(strlen(cordon_db_list_field(db, 0, CORDON_LIST_SHA256)), 64);
    assert_null(cordon_db_list_field(db, 1, CORDON_LIST_ID));
    assert_null(cordon_db_list_field(db, 0, 99));
    uint32_t ne, nn, ns;
    assert_int_equal(cordon_db_list_counts(db, 0, &ne, &nn, &ns), CORDON_OK);
    assert_int_equal(ne, 3);
    assert_int_equal(nn, 6);
    assert_int_equal(ns, 0);
    assert_int_equal(cordon_db_entity_count(db), 3);
    uint32_t idx;
    cordon_error err;
    assert_int_equal(cordon_db_entity_find(db, "own_deny", "D-2", &idx, &err), CORDON_OK);
    assert_string_equal(cordon_db_entity_id(db, idx), "D-2");
    assert_int_equal(cordon_db_entity_type(db, idx), 1 /* person */);
    assert_int_equal(cordon_db_entity_list(db, idx), 0);
    assert_int_equal(cordon_db_entity_name_count(db, idx), 2);
    int kind = -1;
    assert_string_equal(cordon_db_entity_name(db, idx, 0, &kind), "Petrov, Ivan Sergeyevich");
    assert_int_equal(kind, CORDON_NAME_PRIMARY);
    assert_string_equal(cordon_db_entity_name(db, idx, 1, &kind), "Ivan Petroff");
    assert_int_equal(kind, CORDON_NAME_AKA);
    assert_null(cordon_db_entity_name(db, idx, 2, &kind));
    char json[2048];
    size_t need = 0;
    assert_int_equal(cordon_db_entity_json(db, idx, json, sizeof json, &need, &err), CORDON_OK);
    assert_true(need < sizeof json);
    assert_non_null(strstr(json, "\"dates_of_birth\":[{\"date\":\"1970-05-17\"}]"));
    assert_non_null(strstr(json, "\"country_codes\":[\"RU\"]"));
    assert_non_null(strstr(json, "\"programs\":[\"OWN-DENY\"]"));
    /* Truncated output still NUL-terminated, `needed` tells the full size. */
    char small[16];
    assert_int_equal(cordon_db_entity_json(db, idx, small, sizeof small, &need, &err), CORDON_OK);
    assert_int_equal(strlen(small), sizeof small - 1);
    assert_true(need > sizeof small);
    assert_int_equal(cordon_db_entity_find(db, "own_deny", "nope", &idx, &err), CORDON_E_NOTFOUND);
    assert_int_equal(cordon_db_entity_find(db, "other", "D-1", &idx, &err), CORDON_E_NOTFOUND);
    assert_int_equal(cordon_db_entity_find(db, NULL, "D-3", &idx, &err), CORDON_OK);
    assert_int_equal(cordon_db_entity_type(db, idx), 3 /* vessel */);
    assert_int_equal(cordon_db_entity_type(db, 99), -1);
}

static void tmp_path(char *buf, size_t n, const char *tag)
{
    const char *t = getenv("TMPDIR");
    snprintf(buf, n, "%s/cordon-test-%s-%ld.cdb", t && *t ? t : "/tmp", tag, (long)getpid());
}

static void test_build_and_access(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon_db *db = build_generic(o);
    check_generic(db);
    cordon_db_free(db);
    cordon_options_free(o);
}

static void test_snapshot_roundtrip(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon_db *db = build_generic(o);
    char path[256];
    tmp_path(path, sizeof path, "rt");
    cordon_error err;
    assert_int_equal(cordon_db_save(db, path, &err), CORDON_OK);
    cordon_db_free(db);
    cordon_db *db2 = NULL;
    assert_int_equal(cordon_db_open(path, o, &db2, &err), CORDON_OK);
    check_generic(db2);
    cordon_db_free(db2);
    unlink(path);
    cordon_options_free(o);
}

/* Write `len` bytes of a snapshot after applying a mutation; expect `want`. */
static void expect_open_fails(const unsigned char *data, size_t len, int want, const char *what)
{
    char path[256];
    tmp_path(path, sizeof path, "bad");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    cordon_db *db = NULL;
    cordon_error err;
    int rc = cordon_db_open(path, NULL, &db, &err);
    if (rc != want)
        fprintf(stderr, "%s: got %d (%s)\n", what, rc, err.message);
    assert_int_equal(rc, want);
    assert_null(db);
    assert_non_null(strstr(err.message, path)); /* the message names the file */
    unlink(path);
}

static void test_snapshot_damage(void **state)
{
    (void)state;
    cordon_db *db = build_generic(NULL);
    char path[256];
    tmp_path(path, sizeof path, "dmg");
    cordon_error err;
    assert_int_equal(cordon_db_save(db, path, &err), CORDON_OK);
    cordon_db_free(db);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char buf[1 << 16];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    unlink(path);
    assert_true(len > 200 && len < sizeof buf);

    expect_open_fails(buf, len - 1, CORDON_E_CORRUPT, "truncated by one byte");
    expect_open_fails(buf, len / 2, CORDON_E_CORRUPT, "truncated by half");
    expect_open_fails(buf, 10, CORDON_E_CORRUPT, "only 10 bytes");
    unsigned char copy[sizeof buf];
    /* every single-byte corruption past the magic is detected */
    for (size_t pos = 8; pos < len; pos += len / 97 + 1) {
        memcpy(copy, buf, len);
        copy[pos] ^= 0x5a;
        int want = CORDON_E_CORRUPT;
        if (pos >= 12 && pos < 16)
            want = CORDON_E_VERSION; /* the format field */
        char what[64];
        snprintf(what, sizeof what, "flip at %zu", pos);
        expect_open_fails(copy, len, want, what);
    }
    memcpy(copy, buf, len);
    memcpy(copy, "NOTCORDN", 8);
    expect_open_fails(copy, len, CORDON_E_CORRUPT, "foreign magic");
    memcpy(copy, buf, len);
    copy[12] = 99; /* future format version */
    expect_open_fails(copy, len, CORDON_E_VERSION, "future version");
    memcpy(copy, buf, len);
    copy[8] = 1; copy[9] = 2; copy[10] = 3; copy[11] = 4; /* written big-endian */
    expect_open_fails(copy, len, CORDON_E_CORRUPT, "byte order");
    const char text[] = "id,name\n1,not a snapshot\n";
    expect_open_fails((const unsigned char *)text, sizeof text - 1, CORDON_E_CORRUPT, "csv");
}

static void test_open_errors(void **state)
{
    (void)state;
    cordon_db *db = NULL;
    cordon_error err;
    assert_int_equal(cordon_db_open("/nonexistent/x.cdb", NULL, &db, &err), CORDON_E_IO);
    assert_int_equal(err.detail, 2 /* ENOENT */);
    assert_int_equal(cordon_db_open("/", NULL, &db, &err), CORDON_E_IO);
    assert_int_equal(cordon_db_open(NULL, NULL, &db, &err), CORDON_E_INVALID);
    db = build_generic(NULL);
    /* saving into a missing folder fails and leaves nothing behind */
    assert_int_equal(cordon_db_save(db, "/nonexistent/dir/x.cdb", &err), CORDON_E_IO);
    cordon_db_free(db);
}

static void test_builder_errors(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon_builder *b = NULL;
    cordon_error err;
    assert_int_equal(cordon_builder_new(&b, o, &err), CORDON_OK);
    assert_int_equal(cordon_builder_add_buffer(b, "hello", 5, "x.bin", "no_such_format", NULL, &err),
                     CORDON_E_FORMAT);
    assert_int_equal(cordon_builder_add_buffer(b, "\x01\x02\x03", 3, "x.bin", NULL, NULL, &err),
                     CORDON_E_FORMAT);
    assert_non_null(strstr(err.message, "x.bin"));
    assert_int_equal(cordon_builder_add_file(b, "/nonexistent/list.csv", NULL, NULL, &err),
                     CORDON_E_IO);
    /* A failed add leaves the builder usable and keeps nothing of that input. */
    const char bad[] = "id,name\n1,Good Name\n2,\"unterminated\n";
    int rc = cordon_builder_add_buffer(b, bad, sizeof bad - 1, "bad.csv", "generic_csv", NULL, &err);
    assert_int_equal(rc, CORDON_E_PARSE);
    assert_true(err.line >= 3);
    assert_non_null(strstr(err.message, "bad.csv"));
    cordon_db *db = NULL;
    assert_int_equal(cordon_builder_finish(b, &db, &err), CORDON_OK);
    assert_int_equal(cordon_db_list_count(db), 0);
    assert_int_equal(cordon_db_entity_count(db), 0);
    cordon_db_free(db);
    /* limits */
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_MAX_INPUT_BYTES, 16, &err), CORDON_OK);
    cordon_builder *b2 = NULL;
    assert_int_equal(cordon_builder_new(&b2, o, &err), CORDON_OK);
    assert_int_equal(cordon_builder_add_buffer(b2, generic_csv, sizeof generic_csv - 1, "deny.csv",
                                               "generic_csv", NULL, &err),
                     CORDON_E_LIMIT);
    cordon_builder_free(b2);
    cordon_builder_free(b);
    cordon_options_free(o);
}

static void test_formats_listed(void **state)
{
    (void)state;
    const char *desc = NULL;
    int n = 0, have_generic = 0;
    const char *name;
    while ((name = cordon_format_name((uint32_t)n, &desc)) != NULL) {
        assert_non_null(desc);
        if (strcmp(name, "generic_csv") == 0)
            have_generic = 1;
        n++;
    }
    assert_true(n >= 1);
    assert_true(have_generic);
}

/* Real lists: a folder set (OFAC CSV) and the UN XML in one db, through a snapshot. */
static void test_real_lists(void **state)
{
    (void)state;
    char ofac[1024], un[1024];
    TU_REQUIRE_SHARED(ofac, "ofac/sdn_2021-07");
    TU_REQUIRE_SHARED(un, "un/2026-02/UN_consolidated.xml");
    cordon_options *o = tu_options();
    cordon_builder *b = NULL;
    cordon_error err;
    assert_int_equal(cordon_builder_new(&b, o, &err), CORDON_OK);
    int rc = cordon_builder_add_file(b, ofac, NULL, NULL, &err);
    if (rc)
        fprintf(stderr, "%s\n", err.message);
    assert_int_equal(rc, CORDON_OK);
    rc = cordon_builder_add_file(b, un, NULL, NULL, &err);
    if (rc)
        fprintf(stderr, "%s\n", err.message);
    assert_int_equal(rc, CORDON_OK);
    cordon_db *db = NULL;
    assert_int_equal(cordon_builder_finish(b, &db, &err), CORDON_OK);
    cordon_builder_free(b);
    char path[256];
    tmp_path(path, sizeof path, "real");
    assert_int_equal(cordon_db_save(db, path, &err), CORDON_OK);
    cordon_db_free(db);
    assert_int_equal(cordon_db_open(path, o, &db, &err), CORDON_OK);
    unlink(path);
    assert_int_equal(cordon_db_list_count(db), 2);
    assert_string_equal(cordon_db_list_field(db, 0, CORDON_LIST_ID), "us_ofac_sdn");
    assert_string_equal(cordon_db_list_field(db, 0, CORDON_LIST_FORMAT), "ofac_csv");
    assert_non_null(strstr(cordon_db_list_field(db, 0, CORDON_LIST_SOURCE), "sdn.csv"));
    assert_string_equal(cordon_db_list_field(db, 1, CORDON_LIST_ID), "un_sc");
    assert_string_equal(cordon_db_list_field(db, 1, CORDON_LIST_DATE), "2026-02-27");
    uint32_t ne = 0;
    cordon_db_list_counts(db, 0, &ne, NULL, NULL);
    assert_int_equal(ne, 8976);
    cordon_db_list_counts(db, 1, &ne, NULL, NULL);
    assert_int_equal(ne, 730 + 273);
    uint32_t idx;
    assert_int_equal(cordon_db_entity_find(db, "us_ofac_sdn", "306", &idx, &err), CORDON_OK);
    assert_string_equal(cordon_db_entity_name(db, idx, 0, NULL), "BANCO NACIONAL DE CUBA");
    assert_int_equal(cordon_db_entity_type(db, idx), 2);
    assert_int_equal(cordon_db_entity_find(db, "un_sc", "CDi.001", &idx, &err), CORDON_OK);
    assert_int_equal(cordon_db_entity_type(db, idx), 1);
    cordon_db_free(db);
    cordon_options_free(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build_and_access),
        cmocka_unit_test(test_snapshot_roundtrip),
        cmocka_unit_test(test_snapshot_damage),
        cmocka_unit_test(test_open_errors),
        cmocka_unit_test(test_builder_errors),
        cmocka_unit_test(test_formats_listed),
        cmocka_unit_test(test_real_lists),
    };
    return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}
