/* fuzz_txn_json.c — libFuzzer harness: a transaction as JSON
 * (cordon_txn_parse_json), then cordon_screen_txn() against the demo db
 * (demo lists and rule packs, built once; see fuzz_demo_db()) with the rules
 * stored in it, and every verdict accessor. The verdict JSON must be valid
 * JSON (jansson) whose reason count matches. Public API only. */
#include <jansson.h>

#include "fuzz_common.h"

#define TXN_MAX_INPUT (64 * 1024)

static void check_verdict(cordon_verdict *v)
{
    int d = cordon_verdict_decision(v);
    FUZZ_CHECK(d == CORDON_VERDICT_CLEAR || d == CORDON_VERDICT_REVIEW || d == CORDON_VERDICT_BLOCK);
    FUZZ_CHECK(cordon_verdict_decision_name(d) != NULL);
    const char *id = cordon_verdict_id(v);
    FUZZ_CHECK(id != NULL);
    (void)strlen(id);
    size_t nr = cordon_verdict_reason_count(v);
    int worst = CORDON_VERDICT_CLEAR;
    for (size_t i = 0; i < nr; i++) {
        const char *code = cordon_verdict_reason_code(v, i);
        const char *text = cordon_verdict_reason_text(v, i);
        const char *ev = cordon_verdict_reason_evidence(v, i);
        int rd = cordon_verdict_reason_decision(v, i);
        FUZZ_CHECK(code != NULL && text != NULL && ev != NULL);
        FUZZ_CHECK(rd >= CORDON_VERDICT_CLEAR && rd <= CORDON_VERDICT_BLOCK);
        if (rd > worst)
            worst = rd;
        json_error_t je;
        json_t *j = json_loads(ev, 0, &je);
        FUZZ_CHECK(j != NULL && json_is_object(j));
        json_decref(j);
    }
    /* the decision is the strongest reason's (CLEAR without reasons) */
    FUZZ_CHECK(d == worst);
    FUZZ_CHECK(cordon_verdict_reason_code(v, nr) == NULL);
    FUZZ_CHECK(cordon_verdict_reason_text(v, nr) == NULL);
    FUZZ_CHECK(cordon_verdict_reason_decision(v, nr) == -1);
    size_t len = 0;
    const char *js = cordon_verdict_json(v, &len);
    FUZZ_CHECK(js != NULL && strlen(js) == len);
    json_error_t je;
    json_t *j = json_loadb(js, len, 0, &je);
    if (!j) {
        fprintf(stderr, "verdict JSON does not parse: %s at %d: %s\n", je.text, je.position, js);
        abort();
    }
    json_t *reasons = json_object_get(j, "reasons");
    FUZZ_CHECK(json_is_array(reasons) && json_array_size(reasons) == nr);
    json_t *verdict = json_object_get(j, "verdict");
    FUZZ_CHECK(json_is_string(verdict) &&
               strcmp(json_string_value(verdict), cordon_verdict_decision_name(d)) == 0);
    json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const cordon_db *db = fuzz_demo_db();
    if (size > TXN_MAX_INPUT)
        return 0;
    cordon_options *o = fuzz_options(1);
    cordon_txn *t = NULL;
    cordon_error err;
    int rc = cordon_txn_parse_json((const char *)data, size, o, &t, &err);
    fuzz_check_error(rc, &err);
    if (getenv("CORDON_FUZZ_VERBOSE"))
        fprintf(stderr, "parse: %d %s\n", rc, rc ? err.message : "ok");
    if (rc == CORDON_OK) {
        FUZZ_CHECK(t != NULL);
        cordon_verdict *v = NULL;
        rc = cordon_screen_txn(db, NULL, t, NULL, &v, &err);
        fuzz_check_error(rc, &err);
        if (rc == CORDON_OK) {
            FUZZ_CHECK(v != NULL);
            if (getenv("CORDON_FUZZ_VERBOSE"))
                fprintf(stderr, "verdict: %s\n", cordon_verdict_json(v, NULL));
            check_verdict(v);
        }
        cordon_verdict_free(v);
    } else {
        FUZZ_CHECK(t == NULL);
    }
    cordon_txn_free(t);
    cordon_options_free(o);
    return 0;
}
