/* test_txn.c — transactions and verdicts (public API). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

static const char deny_csv[] =
    "id,name,type,aliases,country,program\n"
    "306,BANCO NACIONAL DE CUBA,organization,NATIONAL BANK OF CUBA,CU,CUBA\n"
    "17318,\"ZALDOSTANOV, Aleksandr\",person,\"ZALDOSTANOV, Alexander\",RU,UKRAINE-EO13660\n"
    "15036,ARTAVIL,vessel,SHONA,IR,IRAN\n";

static const char *srcdir(void)
{
    const char *s = getenv("abs_top_srcdir");
    return s && *s ? s : "..";
}

/* A db with the deny list and the project's demo rule pack + embargo rules. */
static cordon_db *demo_db(cordon_options *o)
{
    cordon_builder *b = NULL;
    cordon_db *db = NULL;
    cordon_error err;
    char path[1024];
    assert_int_equal(cordon_builder_new(&b, o, &err), CORDON_OK);
    assert_int_equal(cordon_builder_add_buffer(b, deny_csv, sizeof deny_csv - 1, "deny.csv",
                                               "generic_csv", "deny", &err),
                     CORDON_OK);
    snprintf(path, sizeof path, "%s/data/rules/demo-rules.xml", srcdir());
    int rc = cordon_builder_add_rules_file(b, path, NULL, NULL, &err);
    if (rc)
        fprintf(stderr, "%s\n", err.message);
    assert_int_equal(rc, CORDON_OK);
    snprintf(path, sizeof path, "%s/data/rules/embargoes.xml", srcdir());
    assert_int_equal(cordon_builder_add_rules_file(b, path, NULL, NULL, &err), CORDON_OK);
    assert_int_equal(cordon_builder_finish(b, &db, &err), CORDON_OK);
    cordon_builder_free(b);
    assert_non_null(cordon_db_rules(db));
    return db;
}

static int verdict_of(const cordon_db *db, const char *json, cordon_options *o, char *codes,
                      size_t ncodes)
{
    cordon_txn *t = NULL;
    cordon_verdict *v = NULL;
    cordon_error err;
    int rc = cordon_txn_parse_json(json, CORDON_NUL_TERMINATED, o, &t, &err);
    if (rc)
        fprintf(stderr, "parse: %s\n", err.message);
    assert_int_equal(rc, CORDON_OK);
    assert_int_equal(cordon_screen_txn(db, NULL, t, NULL, &v, &err), CORDON_OK);
    int d = cordon_verdict_decision(v);
    codes[0] = '\0';
    for (size_t i = 0; i < cordon_verdict_reason_count(v); i++) {
        strncat(codes, cordon_verdict_reason_code(v, i), ncodes - strlen(codes) - 2);
        strncat(codes, " ", ncodes - strlen(codes) - 1);
        assert_non_null(cordon_verdict_reason_text(v, i));
        assert_int_equal(cordon_verdict_reason_evidence(v, i)[0], '{');
    }
    size_t len = 0;
    const char *js = cordon_verdict_json(v, &len);
    assert_non_null(js);
    assert_int_equal(strlen(js), len);
    assert_non_null(strstr(js, "\"verdict\":\""));
    assert_non_null(strstr(js, "\"lists\":[{\"list\":\"deny\""));
    cordon_verdict_free(v);
    cordon_txn_free(t);
    return d;
}

static void test_verdicts(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon_db *db = demo_db(o);
    char codes[1024];
    /* nothing found */
    assert_int_equal(verdict_of(db,
                                "{\"id\":\"c\",\"origin\":\"DE\",\"destination\":\"FR\","
                                "\"parties\":[{\"role\":\"buyer\",\"name\":\"Lefevre Hydraulique SARL\","
                                "\"type\":\"organization\"}],"
                                "\"items\":[{\"description\":\"water pump\",\"hs\":\"841370\"}]}",
                                o, codes, sizeof codes),
                     CORDON_VERDICT_CLEAR);
    assert_string_equal(codes, "");
    /* a listed party, transliterated from Cyrillic */
    assert_int_equal(verdict_of(db,
                                "{\"parties\":[{\"role\":\"end_user\",\"name\":\"Александр Залдостанов\","
                                "\"type\":\"person\"}]}",
                                o, codes, sizeof codes),
                     CORDON_VERDICT_BLOCK);
    assert_non_null(strstr(codes, "PARTY_MATCH"));
    /* a vessel as carrier */
    assert_int_equal(verdict_of(db,
                                "{\"parties\":[{\"role\":\"carrier\",\"name\":\"ARTAVIL\",\"type\":\"vessel\"}]}",
                                o, codes, sizeof codes),
                     CORDON_VERDICT_BLOCK);
    /* an embargoed destination, with no listed party */
    assert_int_equal(verdict_of(db,
                                "{\"destination\":\"Iran (Islamic Republic of)\",\"items\":"
                                "[{\"description\":\"textile machine parts\",\"hs\":\"844800\"}]}",
                                o, codes, sizeof codes),
                     CORDON_VERDICT_BLOCK);
    assert_non_null(strstr(codes, "EMBARGO"));
    /* a controlled item by its parameters: review */
    assert_int_equal(verdict_of(db,
                                "{\"destination\":\"AE\",\"items\":[{\"description\":"
                                "\"14-bit analog-to-digital converter, 1.5 GSPS\"}]}",
                                o, codes, sizeof codes),
                     CORDON_VERDICT_REVIEW);
    assert_non_null(strstr(codes, "CONTROLLED_ITEM"));
    /* a damaged tariff code is a finding, not an error */
    assert_int_equal(verdict_of(db, "{\"items\":[{\"description\":\"chips\",\"hs\":\"8.54E+05\"}]}",
                                o, codes, sizeof codes),
                     CORDON_VERDICT_REVIEW);
    assert_non_null(strstr(codes, "INVALID_ITEM_DATA"));
    cordon_db_free(db);
    cordon_options_free(o);
}

static void test_parse_errors(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon_txn *t = NULL;
    cordon_error err;
    assert_int_equal(cordon_txn_parse_json("{\"parties\":[{\"name\":\"x\"}", CORDON_NUL_TERMINATED,
                                           o, &t, &err),
                     CORDON_E_PARSE);
    assert_null(t);
    assert_true(err.line == 1 && err.column > 0);
    assert_int_equal(cordon_txn_parse_json("{\"partys\":[]}", CORDON_NUL_TERMINATED, o, &t, &err),
                     CORDON_E_PARSE);
    assert_non_null(strstr(err.message, "partys"));
    assert_int_equal(cordon_txn_parse_json("{\"parties\":[{\"role\":\"buyer\"}]}",
                                           CORDON_NUL_TERMINATED, o, &t, &err),
                     CORDON_E_PARSE);
    assert_non_null(strstr(err.message, "parties[0]"));
    assert_int_equal(cordon_txn_parse_json("{\"parties\":[{\"name\":\"a\",\"type\":\"robot\"}]}",
                                           CORDON_NUL_TERMINATED, o, &t, &err),
                     CORDON_E_PARSE);
    assert_non_null(strstr(err.message, "robot"));
    assert_int_equal(cordon_txn_parse_json("{}", CORDON_NUL_TERMINATED, o, &t, &err), CORDON_E_PARSE);
    assert_int_equal(cordon_txn_parse_json("{\"id\":\"a\",\"id\":\"b\",\"items\":[]}",
                                           CORDON_NUL_TERMINATED, o, &t, &err),
                     CORDON_E_PARSE); /* duplicate keys refused */
    assert_int_equal(cordon_txn_parse_json("{\"items\":[{\"description\":\"\xff\"}]}",
                                           CORDON_NUL_TERMINATED, o, &t, &err),
                     CORDON_E_UTF8);
    assert_int_equal(err.offset, 26);
    assert_int_equal(cordon_txn_parse_json("{\"items\":[{\"description\":\"a\\u0000b\"}]}",
                                           CORDON_NUL_TERMINATED, o, &t, &err),
                     CORDON_E_PARSE);
    cordon_options_free(o);
}

static void test_build_in_code(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon_db *db = demo_db(o);
    cordon_txn *t = NULL;
    cordon_error err;
    assert_int_equal(cordon_txn_new(&t, o, &err), CORDON_OK);
    assert_int_equal(cordon_txn_set_id(t, "PO-77", CORDON_NUL_TERMINATED, &err), CORDON_OK);
    assert_int_equal(cordon_txn_set_country(t, CORDON_TXN_ORIGIN, "DE", &err), CORDON_OK);
    assert_int_equal(cordon_txn_set_country(t, CORDON_TXN_DESTINATION, "ES", &err), CORDON_OK);
    assert_int_equal(cordon_txn_set_country(t, 7, "ES", &err), CORDON_E_INVALID);
    assert_int_equal(cordon_txn_add_party(t, "bank", "National Bank of Cuba", CORDON_NUL_TERMINATED,
                                          CORDON_TYPE_ORGANIZATION, "CU", NULL, &err),
                     CORDON_OK);
    assert_int_equal(cordon_txn_add_party(t, "buyer", "x", 1, 9, NULL, NULL, &err), CORDON_E_INVALID);
    assert_int_equal(cordon_txn_party_set_identifier(t, 5, "lei", "123", &err), CORDON_E_RANGE);
    assert_int_equal(cordon_txn_add_item(t, NULL, 0, NULL, NULL, &err), CORDON_E_INVALID);
    assert_int_equal(cordon_txn_add_item(t, "ADC", CORDON_NUL_TERMINATED, NULL, NULL, &err), CORDON_OK);
    assert_int_equal(cordon_txn_item_set_param(t, 0, "resolution", "14 bit", &err), CORDON_OK);
    assert_int_equal(cordon_txn_item_set_param(t, 1, "resolution", "14 bit", &err), CORDON_E_RANGE);
    cordon_verdict *v = NULL;
    assert_int_equal(cordon_screen_txn(db, NULL, t, NULL, &v, &err), CORDON_OK);
    assert_int_equal(cordon_verdict_decision(v), CORDON_VERDICT_BLOCK);
    assert_string_equal(cordon_verdict_id(v), "PO-77");
    assert_string_equal(cordon_verdict_decision_name(cordon_verdict_decision(v)), "BLOCK");
    assert_string_equal(cordon_verdict_reason_code(v, 0), "PARTY_MATCH");
    /* the party's country is evidence for the hit (the bank is listed in CU) */
    assert_non_null(strstr(cordon_verdict_reason_evidence(v, 0),
                           "{\"kind\":\"country\",\"how\":\"shared\""));
    assert_null(cordon_verdict_reason_code(v, 99));
    assert_int_equal(cordon_verdict_reason_decision(v, 99), -1);
    cordon_verdict_free(v);
    cordon_txn_free(t);
    cordon_txn_free(NULL);
    cordon_verdict_free(NULL);
    cordon_db_free(db);
    cordon_options_free(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_verdicts),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_build_in_code),
    };
    return cmocka_run_group_tests_name("txn", tests, NULL, NULL);
}
