/* api.c — public pairwise matching: cordon_match() and the reusable
 * cordon_matcher handle. */
#include "match/match.h"
#include "sources/entity.h"

#include <string.h>

struct cordon_matcher {
    cordon__alloc alloc;
    size_t max_name;
    cordon__analysis qa, la;
    cordon__mtok *qt, *lt;
    size_t qcap, lcap;
    cordon__mname qn, ln;
    cordon__mwork work;
    cordon__mresult res;
    int have;
    cordon__buf json;
};

CORDON_API int cordon_matcher_new(const cordon_options *opts, cordon_matcher **out,
                                  cordon_error *err)
{
    if (!out)
        return cordon__err(err, CORDON_E_INVALID, "cordon_matcher_new: out is NULL");
    *out = NULL;
    const cordon__alloc *a = cordon__alloc_of(opts);
    cordon_matcher *m = cordon__calloc(a, 1, sizeof *m);
    if (!m)
        return cordon__err(err, CORDON_E_NOMEM, "cannot allocate matcher");
    m->alloc = *a;
    m->max_name = (size_t)cordon__options_or_default(opts)->max_name_bytes;
    cordon__analysis_init(&m->qa, &m->alloc);
    cordon__analysis_init(&m->la, &m->alloc);
    cordon__buf_init(&m->json, &m->alloc);
    *out = m;
    return CORDON_OK;
}

CORDON_API void cordon_matcher_free(cordon_matcher *m)
{
    if (!m)
        return;
    cordon__alloc a = m->alloc;
    cordon__analysis_destroy(&m->qa);
    cordon__analysis_destroy(&m->la);
    cordon__free(&a, m->qt);
    cordon__free(&a, m->lt);
    cordon__buf_free(&m->json);
    cordon__free(&a, m);
}

static int to_mname(cordon_matcher *m, cordon__analysis *an, cordon__mtok **t, size_t *cap,
                    cordon__mname *nm, cordon_error *err)
{
    if (an->ntok > *cap) {
        cordon__mtok *p = cordon__grow(&m->alloc, *t, cap, an->ntok, sizeof **t);
        if (!p)
            return cordon__err(err, CORDON_E_NOMEM, "cannot allocate tokens");
        *t = p;
    }
    cordon__mname_from_analysis(an, *t, nm);
    return CORDON_OK;
}

/* Last result (internal; bench/features.c). */
const cordon__mresult *cordon__matcher_result(const cordon_matcher *m);
const cordon__mresult *cordon__matcher_result(const cordon_matcher *m)
{
    return &m->res;
}

CORDON_API int cordon_matcher_score(cordon_matcher *m, const char *a, size_t alen,
                                    const char *b, size_t blen, int type, double *score,
                                    cordon_error *err)
{
    if (!m || !a || !b || !score)
        return cordon__err(err, CORDON_E_INVALID, "cordon_matcher_score: NULL argument");
    if (type < 0 || type > CORDON__TYPE_AIRCRAFT)
        return cordon__err(err, CORDON_E_INVALID, "unknown entity type %d", type);
    m->have = 0;
    int rc = cordon__analyze(&m->qa, a, alen, type, m->max_name, err);
    if (rc)
        return rc;
    rc = cordon__analyze(&m->la, b, blen, type, m->max_name, err);
    if (rc)
        return rc;
    if ((rc = to_mname(m, &m->qa, &m->qt, &m->qcap, &m->qn, err)) ||
        (rc = to_mname(m, &m->la, &m->lt, &m->lcap, &m->ln, err)))
        return rc;
    m->qn.type = m->ln.type = type;
    cordon__score(&m->qn, &m->ln, NULL, NULL, &m->work, &m->res);
    m->have = 1;
    *score = m->res.score;
    return CORDON_OK;
}

CORDON_API const char *cordon_matcher_explain_json(cordon_matcher *m, size_t *len)
{
    if (len)
        *len = 0;
    if (!m || !m->have)
        return NULL;
    cordon__buf_reset(&m->json);
    cordon__explain_json(&m->json, &m->qn, &m->ln, &m->res);
    if (m->json.failed)
        return NULL;
    if (len)
        *len = m->json.len;
    return m->json.data;
}

CORDON_API double cordon_match_threshold(int type)
{
    return cordon__default_threshold(type);
}

CORDON_API int cordon_match(const char *a, size_t alen, const char *b, size_t blen, int type,
                            const cordon_options *opts, double *score, cordon_error *err)
{
    if (!score)
        return cordon__err(err, CORDON_E_INVALID, "cordon_match: score is NULL");
    cordon_matcher *m;
    int rc = cordon_matcher_new(opts, &m, err);
    if (rc)
        return rc;
    rc = cordon_matcher_score(m, a, alen, b, blen, type, score, err);
    cordon_matcher_free(m);
    return rc;
}
