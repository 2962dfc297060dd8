/* fuzz_search.c — libFuzzer harness: party search queries. The input is
 * lines of `key=value`:
 *   name=<UTF-8 name>          (repeatable; bytes as given, NUL included)
 *   type=<int>                 cordon_party_set_type
 *   country=<code or name>     cordon_party_add_country (repeatable)
 *   dob=<date>                 cordon_party_set_dob
 *   id=<type>|<number>|<iso2>  cordon_party_add_identifier (repeatable)
 *   limit=<int> threshold=<int> exhaustive=<int>   screening options
 * Unknown keys are ignored. The party is screened against the demo db
 * (built once, see fuzz_demo_db()) with cordon_screen_party(); every result
 * accessor and cordon_results_json() (which must be valid JSON with one
 * object per hit) are read back. Public API only. */
#include <jansson.h>

#include "fuzz_common.h"

#define SEARCH_MAX_INPUT 8192

/* value as a NUL-terminated string (stops at an embedded NUL, as a C caller's would) */
static const char *cstr(char *buf, size_t cap, const char *v, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, v, n);
    buf[n] = '\0';
    return buf;
}

static long long num(const char *v, size_t n)
{
    char buf[32];
    return strtoll(cstr(buf, sizeof buf, v, n), NULL, 10);
}

static void check_results(const cordon_db *db, cordon_results *r, int64_t limit)
{
    size_t n = cordon_results_count(r);
    FUZZ_CHECK((int64_t)n <= limit);
    uint32_t ne = cordon_db_entity_count(db);
    double prev = 2.0;
    for (size_t i = 0; i < n; i++) {
        double s = cordon_results_score(r, i);
        FUZZ_CHECK(s >= 0.0 && s <= 1.0);
        FUZZ_CHECK(s <= prev); /* ranked by score */
        prev = s;
        int d = cordon_results_decision(r, i);
        FUZZ_CHECK(d == CORDON_DECISION_ALERT || d == CORDON_DECISION_BELOW);
        FUZZ_CHECK(cordon_results_list(r, i) != NULL);
        FUZZ_CHECK(cordon_results_entity_id(r, i) != NULL);
        FUZZ_CHECK(cordon_results_entity_index(r, i) < ne);
        FUZZ_CHECK(cordon_results_name(r, i) != NULL);
        FUZZ_CHECK(cordon_results_primary_name(r, i) != NULL);
        FUZZ_CHECK(cordon_results_list_date(r, i) != NULL);
        size_t el = 0;
        const char *ex = cordon_results_explanation(r, i, &el);
        FUZZ_CHECK(ex != NULL && strlen(ex) == el);
    }
    FUZZ_CHECK(cordon_results_score(r, n) == -1);
    FUZZ_CHECK(cordon_results_decision(r, n) == -1);
    FUZZ_CHECK(cordon_results_list(r, n) == NULL);
    FUZZ_CHECK(cordon_results_entity_index(r, n) == UINT32_MAX);
    size_t len = 0;
    const char *js = cordon_results_json(r, &len);
    FUZZ_CHECK(js != NULL && strlen(js) == len);
    json_error_t je;
    json_t *j = json_loadb(js, len, 0, &je);
    if (!j) {
        fprintf(stderr, "results JSON does not parse: %s at %d: %s\n", je.text, je.position, js);
        abort();
    }
    FUZZ_CHECK(json_is_array(j) && json_array_size(j) == n);
    json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const cordon_db *db = fuzz_demo_db();
    if (size > SEARCH_MAX_INPUT)
        return 0;
    cordon_options *o = fuzz_options(1);
    cordon_party *p = NULL;
    cordon_error err;
    if (cordon_party_new(&p, o, &err) != CORDON_OK)
        abort();
    int64_t limit = 10; /* the documented default */
    int names = 0, rc;
    const char *s = (const char *)data, *end = s + size;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        const char *eq = memchr(s, '=', (size_t)(le - s));
        if (eq) {
            size_t kn = (size_t)(eq - s), vn = (size_t)(le - eq - 1);
            const char *v = eq + 1;
            char b1[256], b2[256], b3[64];
            rc = CORDON_OK;
            if (kn == 4 && memcmp(s, "name", 4) == 0) {
                rc = cordon_party_add_name(p, v, vn, &err);
                names += rc == CORDON_OK;
            } else if (kn == 4 && memcmp(s, "type", 4) == 0) {
                rc = cordon_party_set_type(p, (int)num(v, vn), &err);
            } else if (kn == 7 && memcmp(s, "country", 7) == 0) {
                rc = cordon_party_add_country(p, cstr(b1, sizeof b1, v, vn), &err);
            } else if (kn == 3 && memcmp(s, "dob", 3) == 0) {
                rc = cordon_party_set_dob(p, cstr(b1, sizeof b1, v, vn), &err);
            } else if (kn == 2 && memcmp(s, "id", 2) == 0) {
                const char *bar1 = memchr(v, '|', vn);
                const char *bar2 = bar1 ? memchr(bar1 + 1, '|', (size_t)(le - bar1 - 1)) : NULL;
                const char *type = bar1 ? cstr(b1, sizeof b1, v, (size_t)(bar1 - v)) : NULL;
                const char *nb = bar1 ? bar1 + 1 : v;
                const char *ne = bar2 ? bar2 : le;
                const char *number = cstr(b2, sizeof b2, nb, (size_t)(ne - nb));
                const char *ctry = bar2 ? cstr(b3, sizeof b3, bar2 + 1, (size_t)(le - bar2 - 1)) : NULL;
                rc = cordon_party_add_identifier(p, type, number, ctry, &err);
            } else if (kn == 5 && memcmp(s, "limit", 5) == 0) {
                rc = cordon_options_set_int(o, CORDON_OPT_LIMIT, num(v, vn), &err);
                if (rc == CORDON_OK)
                    limit = num(v, vn);
            } else if (kn == 9 && memcmp(s, "threshold", 9) == 0) {
                rc = cordon_options_set_int(o, CORDON_OPT_THRESHOLD_PERMILLE, num(v, vn), &err);
            } else if (kn == 10 && memcmp(s, "exhaustive", 10) == 0) {
                rc = cordon_options_set_int(o, CORDON_OPT_EXHAUSTIVE, num(v, vn), &err);
            }
            fuzz_check_error(rc, &err);
        }
        s = le + 1;
    }
    cordon_results *r = NULL;
    rc = cordon_screen_party(db, p, o, &r, &err);
    fuzz_check_error(rc, &err);
    if (getenv("CORDON_FUZZ_VERBOSE"))
        fprintf(stderr, "screen: %d %s, %zu hits\n", rc, rc ? err.message : "ok",
                cordon_results_count(r));
    if (names == 0)
        FUZZ_CHECK(rc == CORDON_E_INVALID);
    if (rc == CORDON_OK) {
        FUZZ_CHECK(r != NULL);
        check_results(db, r, limit);
    }
    cordon_results_free(r);
    cordon_party_free(p);
    cordon_options_free(o);
    return 0;
}
