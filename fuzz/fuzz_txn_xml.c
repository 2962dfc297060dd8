/* fuzz_txn_xml.c — libFuzzer harness: one transaction in XML
 * (cordon_txn_parse_xml), then screened against a small db built once
 * (a deny list and a code list), the verdict read back. Public API only. */
#include "fuzz_common.h"

static const char deny_csv[] = "id,name,type,country\n"
                               "1,BANCO NACIONAL DE CUBA,organization,CU\n"
                               "2,ARTAVIL,vessel,IR\n";
static const char code_list[] = "code,tier,description\n"
                                "854239,1,electronic integrated circuits\n"
                                "3A001.a.5.a.4,ccl,analogue-to-digital converters\n";

static cordon_db *fuzz_db(void)
{
    static cordon_db *db; /* built once; read-only afterwards */
    if (db)
        return db;
    cordon_builder *b = NULL;
    cordon_error err;
    if (cordon_builder_new(&b, NULL, &err) != CORDON_OK)
        abort();
    if (cordon_builder_add_buffer(b, deny_csv, sizeof deny_csv - 1, "deny.csv", "generic_csv",
                                  "deny", &err) != CORDON_OK)
        abort();
    if (cordon_builder_finish(b, &db, &err) != CORDON_OK)
        abort();
    cordon_builder_free(b);
    return db;
}

static cordon_rules *fuzz_rules(void)
{
    static cordon_rules *r;
    if (r)
        return r;
    cordon_error err;
    if (cordon_rules_new(&r, NULL, &err) != CORDON_OK)
        abort();
    if (cordon_rules_add_buffer(r, code_list, sizeof code_list - 1, "code_list", "chpl",
                                "codes.csv", &err) != CORDON_OK)
        abort();
    return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    cordon_options *o = fuzz_options(1);
    cordon_txn *t = NULL;
    cordon_error err;
    int rc = cordon_txn_parse_xml((const char *)data, size, o, &t, &err);
    fuzz_check_error(rc, &err);
    if (rc != CORDON_OK) {
        FUZZ_CHECK(t == NULL);
        /* every refusal of a non-empty document says where */
        FUZZ_CHECK(size == 0 || err.line >= 1 || err.offset >= 0 || rc == CORDON_E_NOMEM ||
                   rc == CORDON_E_LIMIT);
    } else {
        FUZZ_CHECK(t != NULL);
        cordon_verdict *v = NULL;
        rc = cordon_screen_txn(fuzz_db(), fuzz_rules(), t, o, &v, &err);
        fuzz_check_error(rc, &err);
        if (rc == CORDON_OK) {
            int d = cordon_verdict_decision(v);
            FUZZ_CHECK(d >= CORDON_VERDICT_CLEAR && d <= CORDON_VERDICT_BLOCK);
            size_t n = cordon_verdict_reason_count(v);
            for (size_t i = 0; i < n; i++) {
                FUZZ_CHECK(cordon_verdict_reason_code(v, i) != NULL);
                (void)strlen(cordon_verdict_reason_text(v, i));
            }
            size_t jl = 0;
            const char *j = cordon_verdict_json(v, &jl);
            FUZZ_CHECK(j != NULL && strlen(j) == jl);
        }
        cordon_verdict_free(v);
    }
    cordon_txn_free(t);
    cordon_options_free(o);
    return 0;
}
