/* verdict.c — one verdict per transaction: parties + countries + items.
 *
 *   BLOCK   a party at or above its alert threshold; an embargo rule that
 *           blocks for the destination (or a transit country)
 *   REVIEW  a possible party match (within the review band below the
 *           threshold); a controlled or CHPL item; a declared code unknown to
 *           the loaded lists; an embargo rule that asks for review; facts
 *           missing to decide
 *   CLEAR   none of these
 *
 * Every reason carries a code, a decision, a text and JSON evidence with the
 * list version (list id, publication date, SHA-256) it was decided against. */
#include "screen/txn.h"
#include "screen/verdict.h"
#include "index/db.h"

#include <stdio.h>
#include <string.h>

static int nomem(cordon_error *err)
{
    return cordon__err(err, CORDON_E_NOMEM, "out of memory");
}

int cordon__verdict_add(cordon_verdict *v, const char *code, int decision, const char *text,
                        const char *evidence_json, cordon_error *err)
{
    cordon__reason *nr = cordon__grow(&v->alloc, v->reasons, &v->cap_reasons, v->n_reasons + 1,
                                      sizeof *nr);
    if (!nr)
        return nomem(err);
    v->reasons = nr;
    cordon__reason *r = &nr[v->n_reasons];
    r->code = code;
    r->decision = decision;
    r->text = cordon__strndup(&v->alloc, text, strlen(text));
    r->evidence = cordon__strndup(&v->alloc, evidence_json ? evidence_json : "{}",
                                  strlen(evidence_json ? evidence_json : "{}"));
    if (!r->text || !r->evidence) {
        cordon__free(&v->alloc, r->text);
        cordon__free(&v->alloc, r->evidence);
        return nomem(err);
    }
    v->n_reasons++;
    if (decision > v->decision)
        v->decision = decision;
    return CORDON_OK;
}

/* ---- items and countries through the classifier ---------------------------- */

static int classify_item(cordon_verdict *v, const cordon_rules *rules, const cordon_txn *t,
                         const cordon__txn_item *it, size_t idx, const char *dest,
                         cordon_error *err)
{
    cordon_item *item = NULL;
    cordon_classification *c = NULL;
    int rc = cordon_item_new(&item, t->opts, err);
    if (rc)
        return rc;
    char where[64];
    if (it)
        snprintf(where, sizeof where, "item %zu", idx + 1);
    else
        snprintf(where, sizeof where, "destination");
    if (it && it->description)
        rc = cordon_item_set_description(item, it->description, CORDON_NUL_TERMINATED, err);
    if (!rc && it && it->hs)
        rc = cordon_item_set_tariff_code(item, it->hs, CORDON_NUL_TERMINATED, err);
    if (!rc && it && it->eccn)
        rc = cordon_item_set_control_code(item, it->eccn, CORDON_NUL_TERMINATED, err);
    for (size_t k = 0; !rc && it && k < it->n_params; k++)
        rc = cordon_item_set_param(item, it->params[k].key, it->params[k].value, err);
    if (!rc && dest)
        rc = cordon_item_set_destination(item, dest, CORDON_NUL_TERMINATED, err);
    if (rc) {
        /* A damaged code in the input is a finding to review, not a crash of
         * the whole batch: report it as a reason and go on. */
        if (rc == CORDON_E_PARSE || rc == CORDON_E_UTF8) {
            char text[700];
            snprintf(text, sizeof text, "%s: %s", where, err ? err->message : "invalid input");
            cordon_item_free(item);
            return cordon__verdict_add(v, "INVALID_ITEM_DATA", CORDON_VERDICT_REVIEW, text, NULL,
                                       err);
        }
        cordon_item_free(item);
        return rc;
    }
    rc = cordon_classify(rules, item, &c, err);
    cordon_item_free(item);
    if (rc)
        return rc;
    cordon__buf ev;
    cordon__buf_init(&ev, &v->alloc);
    char text[1024];
    size_t n = cordon_classification_count(c);
    for (size_t i = 0; !rc && i < n; i++) {
        const char *reason = cordon_classification_reason(c, i);
        const char *code = cordon_classification_code(c, i);
        const char *list = cordon_classification_list(c, i);
        const char *tier = cordon_classification_tier(c, i);
        const char *missing = cordon_classification_missing(c, i);
        const char *evid = cordon_classification_evidence(c, i);
        const char *rcode = "CONTROLLED_ITEM";
        if (strcmp(reason, "hs_prefix") == 0)
            rcode = "HS_CORRELATION";
        else if (strcmp(reason, "declared_unknown") == 0)
            rcode = "DECLARED_CODE_UNKNOWN";
        snprintf(text, sizeof text, "%s: %s %s%s%s (%s, %s; confidence %.2f)%s%s", where, list,
                 code, *tier ? " tier " : "", tier, cordon_classification_title(c, i), reason,
                 cordon_classification_confidence(c, i), *missing ? " — " : "", missing);
        cordon__buf_reset(&ev);
        cordon__buf_puts(&ev, "{\"item\":");
        cordon__buf_printf(&ev, "%zu", idx + 1);
        cordon__buf_puts(&ev, ",\"list\":");
        cordon__buf_json_str(&ev, list, strlen(list));
        cordon__buf_puts(&ev, ",\"code\":");
        cordon__buf_json_str(&ev, code, strlen(code));
        cordon__buf_puts(&ev, ",\"tier\":");
        cordon__buf_json_str(&ev, tier, strlen(tier));
        cordon__buf_puts(&ev, ",\"reason\":");
        cordon__buf_json_str(&ev, reason, strlen(reason));
        cordon__buf_puts(&ev, ",\"confidence\":");
        cordon__buf_json_num(&ev, cordon_classification_confidence(c, i));
        cordon__buf_puts(&ev, ",\"evidence\":");
        cordon__buf_json_str(&ev, evid, strlen(evid));
        cordon__buf_puts(&ev, ",\"missing\":");
        cordon__buf_json_str(&ev, missing, strlen(missing));
        const char *legal = cordon_classification_legal(c, i);
        cordon__buf_puts(&ev, ",\"legal\":");
        cordon__buf_json_str(&ev, legal, strlen(legal));
        cordon__buf_putc(&ev, '}');
        if (ev.failed) {
            rc = nomem(err);
            break;
        }
        rc = cordon__verdict_add(v, rcode, CORDON_VERDICT_REVIEW, text, ev.data, err);
        if (!rc && *missing) {
            snprintf(text, sizeof text, "%s: %s %s: %s", where, list, code, missing);
            rc = cordon__verdict_add(v, "MISSING_FACTS", CORDON_VERDICT_REVIEW, text, ev.data, err);
        }
    }
    size_t ne = cordon_classification_embargo_count(c);
    for (size_t i = 0; !rc && i < ne; i++) {
        int block = 0;
        const char *e = cordon_classification_embargo(c, i, &block);
        snprintf(text, sizeof text, "%s to %s: %s", where, dest ? dest : "?", e);
        cordon__buf_reset(&ev);
        cordon__buf_puts(&ev, "{\"destination\":");
        cordon__buf_json_str(&ev, dest ? dest : "", dest ? strlen(dest) : 0);
        cordon__buf_puts(&ev, ",\"rule\":");
        cordon__buf_json_str(&ev, e, strlen(e));
        cordon__buf_putc(&ev, '}');
        if (ev.failed) {
            rc = nomem(err);
            break;
        }
        rc = cordon__verdict_add(v, "EMBARGO", block ? CORDON_VERDICT_BLOCK : CORDON_VERDICT_REVIEW,
                                 text, ev.data, err);
    }
    cordon__buf_free(&ev);
    cordon_classification_free(c);
    return rc;
}

static int screen_items(cordon_verdict *v, const cordon_rules *rules, const cordon_txn *t,
                        cordon_error *err)
{
    int rc = CORDON_OK;
    if (!rules)
        return CORDON_OK;
    /* Every item against the destination, and against each transit country
     * (embargo findings only matter there, but the classifier reports them
     * per destination). */
    for (size_t i = 0; !rc && i < t->n_items; i++)
        rc = classify_item(v, rules, t, &t->items[i], i, t->destination, err);
    if (!rc && t->n_items == 0 && t->destination)
        rc = classify_item(v, rules, t, NULL, 0, t->destination, err);
    for (size_t k = 0; !rc && k < t->n_transit; k++) {
        /* transit: embargo rules only (an item without description/codes
         * raises no item candidates) */
        rc = classify_item(v, rules, t, NULL, 0, t->transit[k], err);
    }
    return rc;
}

/* ---- public ------------------------------------------------------------------ */

CORDON_API int cordon_screen_txn(const cordon_db *db, const cordon_rules *rules,
                                 const cordon_txn *t, const cordon_options *opts,
                                 cordon_verdict **out, cordon_error *err)
{
    if (!t || !out)
        return cordon__err(err, CORDON_E_INVALID, "cordon_screen_txn: NULL argument");
    *out = NULL;
    const cordon__alloc *a = cordon__alloc_of(opts ? opts : t->opts);
    cordon_verdict *v = cordon__calloc(a, 1, sizeof *v);
    if (!v)
        return nomem(err);
    v->alloc = *a;
    v->decision = CORDON_VERDICT_CLEAR;
    v->txn_id = cordon__strndup(a, t->id ? t->id : "", t->id ? strlen(t->id) : 0);
    if (!v->txn_id) {
        cordon_verdict_free(v);
        return nomem(err);
    }
    if (!rules && db)
        rules = cordon__db_rules(db);
    int rc = cordon__screen_txn_parties(v, db, t, opts ? opts : t->opts, err);
    if (!rc)
        rc = screen_items(v, rules, t, err);
    if (rc) {
        cordon_verdict_free(v);
        return rc;
    }
    /* provenance: every list of the db */
    if (db) {
        cordon__buf b;
        cordon__buf_init(&b, a);
        cordon__buf_putc(&b, '[');
        for (uint32_t l = 0; l < db->n_lists; l++) {
            const cordon__rec_list *rl = &db->lists[l];
            const char *id = cordon__db_str(db, rl->id), *date = cordon__db_str(db, rl->date),
                       *sha = cordon__db_str(db, rl->sha256_hex);
            cordon__buf_puts(&b, l ? ",{\"list\":" : "{\"list\":");
            cordon__buf_json_str(&b, id, strlen(id));
            cordon__buf_puts(&b, ",\"date\":");
            cordon__buf_json_str(&b, date, strlen(date));
            cordon__buf_puts(&b, ",\"sha256\":");
            cordon__buf_json_str(&b, sha, strlen(sha));
            cordon__buf_putc(&b, '}');
        }
        cordon__buf_putc(&b, ']');
        if (b.failed) {
            cordon__buf_free(&b);
            cordon_verdict_free(v);
            return nomem(err);
        }
        v->lists_json = cordon__buf_take(&b, NULL);
    }
    *out = v;
    return CORDON_OK;
}

CORDON_API int cordon_verdict_decision(const cordon_verdict *v)
{
    return v ? v->decision : -1;
}

CORDON_API const char *cordon_verdict_id(const cordon_verdict *v)
{
    return v ? v->txn_id : NULL;
}

CORDON_API const char *cordon_verdict_decision_name(int decision)
{
    switch (decision) {
    case CORDON_VERDICT_CLEAR: return "CLEAR";
    case CORDON_VERDICT_REVIEW: return "REVIEW";
    case CORDON_VERDICT_BLOCK: return "BLOCK";
    default: return NULL;
    }
}

CORDON_API size_t cordon_verdict_reason_count(const cordon_verdict *v)
{
    return v ? v->n_reasons : 0;
}

CORDON_API const char *cordon_verdict_reason_code(const cordon_verdict *v, size_t i)
{
    return v && i < v->n_reasons ? v->reasons[i].code : NULL;
}

CORDON_API int cordon_verdict_reason_decision(const cordon_verdict *v, size_t i)
{
    return v && i < v->n_reasons ? v->reasons[i].decision : -1;
}

CORDON_API const char *cordon_verdict_reason_text(const cordon_verdict *v, size_t i)
{
    return v && i < v->n_reasons ? v->reasons[i].text : NULL;
}

CORDON_API const char *cordon_verdict_reason_evidence(const cordon_verdict *v, size_t i)
{
    return v && i < v->n_reasons ? v->reasons[i].evidence : NULL;
}

CORDON_API const char *cordon_verdict_json(cordon_verdict *v, size_t *len)
{
    if (!v)
        return NULL;
    if (!v->json) {
        cordon__buf b;
        cordon__buf_init(&b, &v->alloc);
        cordon__buf_puts(&b, "{\"id\":");
        cordon__buf_json_str(&b, v->txn_id, strlen(v->txn_id));
        cordon__buf_puts(&b, ",\"verdict\":\"");
        cordon__buf_puts(&b, cordon_verdict_decision_name(v->decision));
        cordon__buf_puts(&b, "\",\"reasons\":[");
        for (size_t i = 0; i < v->n_reasons; i++) {
            const cordon__reason *r = &v->reasons[i];
            cordon__buf_puts(&b, i ? ",{\"code\":\"" : "{\"code\":\"");
            cordon__buf_puts(&b, r->code);
            cordon__buf_puts(&b, "\",\"decision\":\"");
            cordon__buf_puts(&b, cordon_verdict_decision_name(r->decision));
            cordon__buf_puts(&b, "\",\"text\":");
            cordon__buf_json_str(&b, r->text, strlen(r->text));
            cordon__buf_puts(&b, ",\"evidence\":");
            cordon__buf_puts(&b, r->evidence);
            cordon__buf_putc(&b, '}');
        }
        cordon__buf_puts(&b, "],\"lists\":");
        cordon__buf_puts(&b, v->lists_json ? v->lists_json : "[]");
        cordon__buf_putc(&b, '}');
        if (b.failed) {
            cordon__buf_free(&b);
            return NULL;
        }
        v->json = cordon__buf_take(&b, &v->json_len);
    }
    if (len)
        *len = v->json_len;
    return v->json;
}

CORDON_API void cordon_verdict_free(cordon_verdict *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->n_reasons; i++) {
        cordon__free(&v->alloc, v->reasons[i].text);
        cordon__free(&v->alloc, v->reasons[i].evidence);
    }
    cordon__free(&v->alloc, v->reasons);
    cordon__free(&v->alloc, v->txn_id);
    cordon__free(&v->alloc, v->lists_json);
    cordon__free(&v->alloc, v->json);
    cordon__alloc a = v->alloc;
    cordon__free(&a, v);
}
