/* txn_parties.c — the party half of a transaction verdict.
 *
 * Every party of the transaction is screened with cordon_screen_party()
 * (index candidates, the same calibrated score and per-type alert threshold
 * as `cordon match` / `cordon search`, best name per entity). At or above the
 * threshold: PARTY_MATCH (BLOCK); within CORDON__REVIEW_BAND below it:
 * PARTY_POSSIBLE_MATCH (REVIEW). */
#include "screen/txn.h"
#include "screen/verdict.h"
#include "index/db.h"

#include <stdio.h>
#include <string.h>

#define CORDON__REVIEW_BAND 0.08

static int report(cordon_verdict *v, const cordon_db *db, const cordon__txn_party *p,
                  size_t pi, const cordon_results *res, size_t hi, double thr, cordon_error *err)
{
    uint32_t ent = cordon_results_entity_index(res, hi);
    double score = cordon_results_score(res, hi);
    const cordon__rec_entity *e = &db->entities[ent];
    const cordon__rec_list *l = &db->lists[e->list];
    const char *lid = cordon__db_str(db, l->id);
    const char *eid = cordon__db_str(db, e->id);
    const char *matched = cordon_results_name(res, hi);
    const char *primary = cordon_results_primary_name(res, hi);
    size_t exl = 0;
    const char *ex = cordon_results_explanation(res, hi, &exl);
    int decision = score >= thr ? CORDON_VERDICT_BLOCK : CORDON_VERDICT_REVIEW;
    char text[1200];
    snprintf(text, sizeof text, "%s \"%s\" %s %s entry %s \"%s\"%s%s%s (score %.3f, threshold %.2f)",
             p->role, p->name, decision == CORDON_VERDICT_BLOCK ? "matches" : "may match", lid,
             eid, primary, strcmp(matched, primary) ? " as \"" : "",
             strcmp(matched, primary) ? matched : "", strcmp(matched, primary) ? "\"" : "", score,
             thr);
    cordon__buf b;
    cordon__buf_init(&b, &v->alloc);
    cordon__buf_printf(&b, "{\"party\":%zu,\"role\":", pi + 1);
    cordon__buf_json_str(&b, p->role, strlen(p->role));
    cordon__buf_puts(&b, ",\"query\":");
    cordon__buf_json_str(&b, p->name, strlen(p->name));
    cordon__buf_puts(&b, ",\"score\":");
    cordon__buf_json_num(&b, score);
    cordon__buf_puts(&b, ",\"threshold\":");
    cordon__buf_json_num(&b, thr);
    cordon__buf_puts(&b, ",\"list\":");
    cordon__buf_json_str(&b, lid, strlen(lid));
    cordon__buf_puts(&b, ",\"entity_id\":");
    cordon__buf_json_str(&b, eid, strlen(eid));
    cordon__buf_puts(&b, ",\"name\":");
    cordon__buf_json_str(&b, matched, strlen(matched));
    cordon__buf_puts(&b, ",\"primary_name\":");
    cordon__buf_json_str(&b, primary, strlen(primary));
    const char *date = cordon__db_str(db, l->date), *sha = cordon__db_str(db, l->sha256_hex);
    cordon__buf_puts(&b, ",\"list_date\":");
    cordon__buf_json_str(&b, date, strlen(date));
    cordon__buf_puts(&b, ",\"list_sha256\":");
    cordon__buf_json_str(&b, sha, strlen(sha));
    cordon__buf_puts(&b, ",\"explanation\":");
    if (ex && exl)
        cordon__buf_append(&b, ex, exl);
    else
        cordon__buf_puts(&b, "null");
    cordon__buf_putc(&b, '}');
    int rc = b.failed ? cordon__err(err, CORDON_E_NOMEM, "out of memory")
                      : cordon__verdict_add(v, decision == CORDON_VERDICT_BLOCK ? "PARTY_MATCH"
                                                                                : "PARTY_POSSIBLE_MATCH",
                                            decision, text, b.data, err);
    cordon__buf_free(&b);
    return rc;
}

int cordon__screen_txn_parties(cordon_verdict *v, const cordon_db *db, const cordon_txn *t,
                               const cordon_options *opts, cordon_error *err)
{
    if (!db || t->n_parties == 0)
        return CORDON_OK;
    cordon_options *o = NULL;
    int rc = cordon_options_copy(cordon__options_or_default(opts), &o, err);
    if (rc)
        return rc;
    cordon_options_set_int(o, CORDON_OPT_LIMIT, 100, NULL);
    for (size_t pi = 0; !rc && pi < t->n_parties; pi++) {
        const cordon__txn_party *p = &t->parties[pi];
        double thr = cordon_match_threshold(p->type);
        cordon_options_set_int(o, CORDON_OPT_THRESHOLD_PERMILLE, (int64_t)(thr * 1000.0 + 0.5), NULL);
        cordon_party *q = NULL;
        cordon_results *res = NULL;
        rc = cordon_party_new(&q, o, err);
        if (!rc)
            rc = cordon_party_add_name(q, p->name, CORDON_NUL_TERMINATED, err);
        if (!rc)
            rc = cordon_party_set_type(q, p->type, err);
        /* country, date of birth and identifier are evidence for or against
         * each hit; one that does not parse is left out (the name is still
         * screened) */
        if (!rc && p->country && *p->country &&
            cordon_party_add_country(q, p->country, NULL) == CORDON_E_NOMEM)
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
        if (!rc && p->dob && *p->dob)
            (void)cordon_party_set_dob(q, p->dob, NULL);
        if (!rc && p->id_number && *p->id_number &&
            cordon_party_add_identifier(q, p->id_type, p->id_number, NULL, NULL) == CORDON_E_NOMEM)
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
        if (!rc)
            rc = cordon_screen_party(db, q, o, &res, err);
        cordon_party_free(q);
        if (rc == CORDON_E_LIMIT || rc == CORDON_E_UTF8) {
            rc = CORDON_OK; /* reported by the transaction parser; an odd name never stops screening */
            continue;
        }
        for (size_t hi = 0; !rc && hi < cordon_results_count(res); hi++)
            if (cordon_results_score(res, hi) >= thr - CORDON__REVIEW_BAND)
                rc = report(v, db, p, pi, res, hi, thr, err);
        cordon_results_free(res);
    }
    cordon_options_free(o);
    return rc;
}
