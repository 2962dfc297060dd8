/* fuzz_match.c — libFuzzer harness: pairwise name matching. The input is
 * "<type byte><query>\0<list name>"; both names go through cordon_match()
 * and a reusable matcher (whose score must agree), then the explanation.
 * Public API only. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 4096)
        return 0;
    int type = data[0] % 5;
    const char *a = (const char *)data + 1;
    size_t rest = size - 1;
    const char *sep = memchr(a, 0, rest);
    size_t alen = sep ? (size_t)(sep - a) : rest / 2;
    const char *b = sep ? sep + 1 : a + alen;
    size_t blen = rest - (size_t)(b - a);

    cordon_options *o = fuzz_options(1);
    cordon_error err;
    double s1 = -1, s2 = -1;
    int rc1 = cordon_match(a, alen, b, blen, type, o, &s1, &err);
    fuzz_check_error(rc1, &err);
    if (rc1 == CORDON_OK)
        FUZZ_CHECK(s1 >= 0.0 && s1 <= 1.0);

    cordon_matcher *m = NULL;
    if (cordon_matcher_new(o, &m, &err) != CORDON_OK)
        abort();
    int rc2 = cordon_matcher_score(m, a, alen, b, blen, type, &s2, &err);
    fuzz_check_error(rc2, &err);
    FUZZ_CHECK(rc1 == rc2);
    if (rc2 == CORDON_OK) {
        FUZZ_CHECK(s1 == s2);
        size_t jl = 0;
        const char *j = cordon_matcher_explain_json(m, &jl);
        FUZZ_CHECK(j != NULL && strlen(j) == jl);
        /* reuse: the matcher must give the same score again */
        double s3 = -1;
        FUZZ_CHECK(cordon_matcher_score(m, a, alen, b, blen, type, &s3, &err) == CORDON_OK);
        FUZZ_CHECK(s3 == s2);
    }
    cordon_matcher_free(m);
    cordon_options_free(o);
    return 0;
}
