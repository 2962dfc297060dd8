/* txn_parties.c — the party half of a transaction verdict.
 *
 * Every party of the transaction is scored against every name of the db's
 * entities of a compatible type with the pairwise scorer (the same calibrated
 * score and per-type alert threshold as `cordon match`). At or above the
 * threshold: PARTY_MATCH (BLOCK); within CORDON__REVIEW_BAND below it:
 * PARTY_POSSIBLE_MATCH (REVIEW). The best name per entity is reported. */
#include "screen/txn.h"
#include "screen/verdict.h"
#include "index/db.h"

#include <stdio.h>
#include <string.h>

#define CORDON__REVIEW_BAND 0.08

static bool type_compatible(int query, int listed)
{
    if (query == CORDON_TYPE_UNKNOWN || listed == CORDON_TYPE_UNKNOWN)
        return true;
    if (query == listed)
        return true;
    /* companies and vessels/aircraft are often listed under owner names */
    return query != CORDON_TYPE_PERSON && listed != CORDON_TYPE_PERSON;
}

static int report(cordon_verdict *v, const cordon_db *db, const cordon__txn_party *p,
                  size_t pi, uint32_t ent, uint32_t name, double score, double thr,
                  cordon_error *err)
{
    const cordon__rec_entity *e = &db->entities[ent];
    const cordon__rec_list *l = &db->lists[e->list];
    const char *lid = cordon__db_str(db, l->id);
    const char *eid = cordon__db_str(db, e->id);
    const char *matched = cordon__db_str(db, db->names[name].full);
    const char *primary = e->name_count ? cordon__db_str(db, db->names[e->name_first].full) : "";
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
    cordon_matcher *m = NULL;
    int rc = cordon_matcher_new(opts, &m, err);
    if (rc)
        return rc;
    for (size_t pi = 0; !rc && pi < t->n_parties; pi++) {
        const cordon__txn_party *p = &t->parties[pi];
        double thr = cordon_match_threshold(p->type);
        for (uint32_t ei = 0; !rc && ei < db->n_entities; ei++) {
            const cordon__rec_entity *e = &db->entities[ei];
            if (!type_compatible(p->type, (int)e->type))
                continue;
            double best = 0;
            uint32_t best_name = UINT32_MAX;
            for (uint32_t k = 0; k < e->name_count; k++) {
                const char *nm = cordon__db_str(db, db->names[e->name_first + k].full);
                double s = 0;
                int type = p->type != CORDON_TYPE_UNKNOWN ? p->type : (int)e->type;
                rc = cordon_matcher_score(m, p->name, CORDON_NUL_TERMINATED, nm,
                                          CORDON_NUL_TERMINATED, type, &s, err);
                if (rc == CORDON_E_LIMIT || rc == CORDON_E_UTF8) {
                    rc = CORDON_OK; /* an odd list name never stops screening */
                    continue;
                }
                if (rc)
                    break;
                if (s > best) {
                    best = s;
                    best_name = e->name_first + k;
                }
            }
            if (!rc && best_name != UINT32_MAX && best >= thr - CORDON__REVIEW_BAND)
                rc = report(v, db, p, pi, ei, best_name, best, thr, err);
        }
    }
    cordon_matcher_free(m);
    return rc;
}
