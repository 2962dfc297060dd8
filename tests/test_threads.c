/* test_threads.c — one shared, immutable db used by 4 threads at once:
 * entity accessors and JSON, pairwise matching of the db's names, name
 * analysis, OFAC CSV parsing (shared remarks patterns); every thread's
 * results must equal the single-thread ones. Run
 * under ThreadSanitizer by `./dev.sh tsan` (tests/tsan-tests). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>

#include "testutil.h"

#define NTHREADS 4
#define ROUNDS 3

static const char un_doc[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<CONSOLIDATED_LIST dateGenerated=\"2026-01-02T00:00:00.000Z\"><INDIVIDUALS>"
    "<INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>JOHN</FIRST_NAME><SECOND_NAME>EXAMPLE</SECOND_NAME>"
    "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Johnny Example</ALIAS_NAME>"
    "</INDIVIDUAL_ALIAS></INDIVIDUAL>"
    "<INDIVIDUAL><DATAID>2</DATAID><FIRST_NAME>MUHAMMAD</FIRST_NAME><SECOND_NAME>AL-RASHID</SECOND_NAME>"
    "</INDIVIDUAL>"
    "<INDIVIDUAL><DATAID>3</DATAID><FIRST_NAME>ИВАН</FIRST_NAME><SECOND_NAME>ПЕТРОВ</SECOND_NAME>"
    "</INDIVIDUAL></INDIVIDUALS>"
    "<ENTITIES><ENTITY><DATAID>4</DATAID><FIRST_NAME>EXAMPLE MINING COMPANY LIMITED</FIRST_NAME>"
    "</ENTITY><ENTITY><DATAID>5</DATAID><FIRST_NAME>SEA STAR SHIPPING LLC</FIRST_NAME>"
    "</ENTITY></ENTITIES></CONSOLIDATED_LIST>\n";

static const char *const queries[] = {
    "John Example", "Mohammed Al Rasheed", "Ivan Petrov", "Example Mining Co. Ltd",
    "Sea Star Shipping", "Jon Exampel", "Unrelated Person",
};
#define NQ (sizeof queries / sizeof queries[0])
#define MAXNAMES 16

typedef struct {
    const cordon_db *db;
    double scores[NQ][MAXNAMES]; /* query x db name (entity-major) */
    size_t ntok[NQ];
    size_t json_len;             /* sum of entity JSON lengths */
    int rc;
} work;

static void *run(void *arg)
{
    work *w = arg;
    cordon_matcher *m = NULL;
    cordon_error err;
    if (cordon_matcher_new(NULL, &m, &err) != CORDON_OK) {
        w->rc = -100;
        return NULL;
    }
    for (int round = 0; round < ROUNDS; round++) {
        w->json_len = 0;
        uint32_t ne = cordon_db_entity_count(w->db);
        for (uint32_t e = 0; e < ne; e++) {
            char buf[8192];
            size_t need = 0;
            if (cordon_db_entity_json(w->db, e, buf, sizeof buf, &need, &err) != CORDON_OK)
                w->rc = -101;
            w->json_len += need;
        }
        for (size_t q = 0; q < NQ; q++) {
            size_t k = 0;
            for (uint32_t e = 0; e < ne; e++) {
                int type = cordon_db_entity_type(w->db, e);
                uint32_t nn = cordon_db_entity_name_count(w->db, e);
                for (uint32_t i = 0; i < nn && k < MAXNAMES; i++) {
                    const char *nm = cordon_db_entity_name(w->db, e, i, NULL);
                    double s = -1;
                    if (cordon_matcher_score(m, queries[q], CORDON_NUL_TERMINATED, nm,
                                             CORDON_NUL_TERMINATED, type < 0 ? 0 : type, &s,
                                             &err) != CORDON_OK)
                        w->rc = -102;
                    w->scores[q][k++] = s;
                }
            }
            cordon_analysis *a = NULL;
            if (cordon_analyze_name(queries[q], CORDON_NUL_TERMINATED, 0, NULL, &a, &err) !=
                CORDON_OK)
                w->rc = -103;
            w->ntok[q] = cordon_analysis_token_count(a);
            cordon_analysis_free(a);
        }
    }
    cordon_matcher_free(m);
    return NULL;
}

static void test_shared_db(void **state)
{
    (void)state;
    cordon_builder *b = NULL;
    cordon_db *db = NULL;
    cordon_error err;
    assert_int_equal(cordon_builder_new(&b, NULL, &err), CORDON_OK);
    assert_int_equal(cordon_builder_add_buffer(b, un_doc, sizeof un_doc - 1, "un.xml", "un_xml",
                                               NULL, &err),
                     CORDON_OK);
    assert_int_equal(cordon_builder_finish(b, &db, &err), CORDON_OK);
    cordon_builder_free(b);
    assert_int_equal(cordon_db_entity_count(db), 5);

    /* the single-thread reference */
    static work ref, w[NTHREADS];
    ref.db = db;
    run(&ref);
    assert_int_equal(ref.rc, 0);
    assert_true(ref.json_len > 100);
    /* "John Example" scores its own record highest */
    assert_true(ref.scores[0][0] >= cordon_match_threshold(1));
    assert_true(ref.scores[6][0] < cordon_match_threshold(1));

    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        w[i].db = db;
        assert_int_equal(pthread_create(&th[i], NULL, run, &w[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++) {
        assert_int_equal(pthread_join(th[i], NULL), 0);
        assert_int_equal(w[i].rc, 0);
        assert_int_equal(w[i].json_len, ref.json_len);
        assert_memory_equal(w[i].scores, ref.scores, sizeof ref.scores);
        assert_memory_equal(w[i].ntok, ref.ntok, sizeof ref.ntok);
    }
    cordon_db_free(db);
}

/* Parsing in parallel: libxml2 is initialised once (pthread_once) and each
 * builder is private to its thread. */
static void *build(void *arg)
{
    cordon_builder *b = NULL;
    cordon_db *db = NULL;
    cordon_error err;
    intptr_t n = -1;
    if (cordon_builder_new(&b, NULL, &err) == CORDON_OK &&
        cordon_builder_add_buffer(b, un_doc, sizeof un_doc - 1, "un.xml", NULL, NULL, &err) ==
            CORDON_OK &&
        cordon_builder_finish(b, &db, &err) == CORDON_OK)
        n = (intptr_t)cordon_db_entity_count(db);
    cordon_db_free(db);
    cordon_builder_free(b);
    (void)arg;
    return (void *)n;
}

static void test_parallel_builders(void **state)
{
    (void)state;
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        assert_int_equal(pthread_create(&th[i], NULL, build, NULL), 0);
    for (int i = 0; i < NTHREADS; i++) {
        void *r = NULL;
        assert_int_equal(pthread_join(th[i], &r), 0);
        assert_int_equal((intptr_t)r, 5);
    }
}

/* OFAC CSV parsing in parallel: the remarks patterns are compiled once per
 * process on first use (pthread_once) and then matched by every thread with
 * its own match data; every thread must extract the same fields. */
static const char ofac_doc[] =
    "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
    "\"a.k.a. 'AERO-CARIBBEAN'.\"\n"
    "2674,\"EXAMPLE, Juan Carlos\",\"individual\",\"SDNT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
    "\"DOB 01 Jan 1960; POB Havana, Cuba; nationality Cuba; Passport A1234567 (Cuba); "
    "Gender Male.\"\n";

static void *build_ofac(void *arg)
{
    char *json = arg; /* 8 KiB: the second entity's JSON */
    cordon_builder *b = NULL;
    cordon_db *db = NULL;
    cordon_error err;
    size_t needed = 0;
    intptr_t n = -1;
    if (cordon_builder_new(&b, NULL, &err) == CORDON_OK &&
        cordon_builder_add_buffer(b, ofac_doc, sizeof ofac_doc - 1, "sdn.csv", "ofac_csv", NULL,
                                  &err) == CORDON_OK &&
        cordon_builder_finish(b, &db, &err) == CORDON_OK &&
        cordon_db_entity_json(db, 1, json, 8192, &needed, &err) == CORDON_OK)
        n = (intptr_t)cordon_db_entity_count(db);
    cordon_db_free(db);
    cordon_builder_free(b);
    return (void *)n;
}

static void test_parallel_ofac_remarks(void **state)
{
    (void)state;
    static char json[NTHREADS][8192];
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        assert_int_equal(pthread_create(&th[i], NULL, build_ofac, json[i]), 0);
    for (int i = 0; i < NTHREADS; i++) {
        void *r = NULL;
        assert_int_equal(pthread_join(th[i], &r), 0);
        assert_int_equal((intptr_t)r, 2);
    }
    assert_non_null(strstr(json[0], "A1234567"));
    assert_non_null(strstr(json[0], "1960-01-01"));
    assert_non_null(strstr(json[0], "Havana"));
    for (int i = 1; i < NTHREADS; i++)
        assert_string_equal(json[i], json[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_db),
        cmocka_unit_test(test_parallel_builders),
        cmocka_unit_test(test_parallel_ofac_remarks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
