/* txn.c — transactions: built in code or parsed from JSON (jansson). */
#include "screen/txn.h"

#include <jansson.h>
#include <string.h>

static int nomem(cordon_error *err)
{
    return cordon__err(err, CORDON_E_NOMEM, "out of memory");
}

/* Copy a (ptr,len) UTF-8 string into *dst (replacing), validating it. */
static int set_str(cordon_txn *t, char **dst, const char *s, size_t n, const char *what,
                   cordon_error *err)
{
    if (!s) {
        cordon__free(&t->alloc, *dst);
        *dst = NULL;
        return CORDON_OK;
    }
    n = cordon__strlen(s, n);
    if ((int64_t)n > t->opts->max_name_bytes)
        return cordon__err(err, CORDON_E_LIMIT, "%s: %zu bytes exceed the limit of %lld", what, n,
                           (long long)t->opts->max_name_bytes);
    size_t bad;
    if (!cordon__utf8_valid(s, n, &bad))
        return cordon__err_at(err, CORDON_E_UTF8, (int64_t)bad, 0, 0,
                              "%s: invalid UTF-8 at byte %zu", what, bad);
    if (memchr(s, '\0', n))
        return cordon__err(err, CORDON_E_INVALID, "%s: contains a NUL byte", what);
    char *c = cordon__strndup(&t->alloc, s, n);
    if (!c)
        return nomem(err);
    cordon__free(&t->alloc, *dst);
    *dst = c;
    return CORDON_OK;
}

CORDON_API int cordon_txn_new(cordon_txn **out, const cordon_options *opts, cordon_error *err)
{
    if (!out)
        return cordon__err(err, CORDON_E_INVALID, "cordon_txn_new: out is NULL");
    *out = NULL;
    const cordon__alloc *a = cordon__alloc_of(opts);
    cordon_txn *t = cordon__calloc(a, 1, sizeof *t);
    if (!t)
        return nomem(err);
    t->alloc = *a;
    int rc = cordon_options_copy(cordon__options_or_default(opts), &t->opts, err);
    if (rc) {
        cordon__free(a, t);
        return rc;
    }
    *out = t;
    return CORDON_OK;
}

CORDON_API void cordon_txn_free(cordon_txn *t)
{
    if (!t)
        return;
    const cordon__alloc *a = &t->alloc;
    cordon__free(a, t->id);
    cordon__free(a, t->origin);
    cordon__free(a, t->destination);
    for (size_t i = 0; i < t->n_transit; i++)
        cordon__free(a, t->transit[i]);
    for (size_t i = 0; i < t->n_parties; i++) {
        cordon__txn_party *p = &t->parties[i];
        cordon__free(a, p->role);
        cordon__free(a, p->name);
        cordon__free(a, p->country);
        cordon__free(a, p->dob);
        cordon__free(a, p->id_type);
        cordon__free(a, p->id_number);
    }
    cordon__free(a, t->parties);
    for (size_t i = 0; i < t->n_items; i++) {
        cordon__txn_item *it = &t->items[i];
        cordon__free(a, it->description);
        cordon__free(a, it->hs);
        cordon__free(a, it->eccn);
        for (size_t k = 0; k < it->n_params; k++) {
            cordon__free(a, it->params[k].key);
            cordon__free(a, it->params[k].value);
        }
        cordon__free(a, it->params);
    }
    cordon__free(a, t->items);
    cordon_options_free(t->opts);
    cordon__alloc al = t->alloc;
    cordon__free(&al, t);
}

CORDON_API int cordon_txn_set_id(cordon_txn *t, const char *id, size_t len, cordon_error *err)
{
    if (!t)
        return cordon__err(err, CORDON_E_INVALID, "cordon_txn_set_id: t is NULL");
    return set_str(t, &t->id, id, len, "transaction id", err);
}

CORDON_API int cordon_txn_set_country(cordon_txn *t, int which, const char *country,
                                      cordon_error *err)
{
    if (!t || !country)
        return cordon__err(err, CORDON_E_INVALID, "cordon_txn_set_country: NULL argument");
    switch (which) {
    case CORDON_TXN_ORIGIN:
        return set_str(t, &t->origin, country, CORDON_NUL_TERMINATED, "origin", err);
    case CORDON_TXN_DESTINATION:
        return set_str(t, &t->destination, country, CORDON_NUL_TERMINATED, "destination", err);
    case CORDON_TXN_TRANSIT:
        if (t->n_transit >= CORDON__TXN_MAX_TRANSIT)
            return cordon__err(err, CORDON_E_LIMIT, "more than %d transit countries",
                               CORDON__TXN_MAX_TRANSIT);
        t->transit[t->n_transit] = NULL;
        {
            int rc = set_str(t, &t->transit[t->n_transit], country, CORDON_NUL_TERMINATED,
                             "transit country", err);
            if (rc)
                return rc;
        }
        t->n_transit++;
        return CORDON_OK;
    default:
        return cordon__err(err, CORDON_E_INVALID, "unknown country role %d", which);
    }
}

CORDON_API int cordon_txn_add_party(cordon_txn *t, const char *role, const char *name,
                                    size_t name_len, int type, const char *country,
                                    const char *dob, cordon_error *err)
{
    if (!t || !name)
        return cordon__err(err, CORDON_E_INVALID, "cordon_txn_add_party: NULL argument");
    if (type < CORDON_TYPE_UNKNOWN || type > CORDON_TYPE_AIRCRAFT)
        return cordon__err(err, CORDON_E_INVALID, "unknown party type %d", type);
    if (t->n_parties >= 1024)
        return cordon__err(err, CORDON_E_LIMIT, "more than 1024 parties in one transaction");
    cordon__txn_party *np = cordon__grow(&t->alloc, t->parties, &t->cap_parties,
                                         t->n_parties + 1, sizeof *np);
    if (!np)
        return nomem(err);
    t->parties = np;
    cordon__txn_party *p = &np[t->n_parties];
    memset(p, 0, sizeof *p);
    p->type = type;
    int rc = set_str(t, &p->name, name, name_len, "party name", err);
    if (!rc)
        rc = set_str(t, &p->role, role ? role : "party", CORDON_NUL_TERMINATED, "party role", err);
    if (!rc && country)
        rc = set_str(t, &p->country, country, CORDON_NUL_TERMINATED, "party country", err);
    if (!rc && dob)
        rc = set_str(t, &p->dob, dob, CORDON_NUL_TERMINATED, "party dob", err);
    t->n_parties++; /* even on error, so free releases what was set */
    if (rc) {
        cordon__txn_party *q = &t->parties[--t->n_parties];
        cordon__free(&t->alloc, q->name);
        cordon__free(&t->alloc, q->role);
        cordon__free(&t->alloc, q->country);
        cordon__free(&t->alloc, q->dob);
        return rc;
    }
    return CORDON_OK;
}

CORDON_API int cordon_txn_party_set_identifier(cordon_txn *t, size_t party, const char *type,
                                               const char *number, cordon_error *err)
{
    if (!t || !type || !number)
        return cordon__err(err, CORDON_E_INVALID, "cordon_txn_party_set_identifier: NULL argument");
    if (party >= t->n_parties)
        return cordon__err(err, CORDON_E_RANGE, "party %zu out of range", party);
    cordon__txn_party *p = &t->parties[party];
    int rc = set_str(t, &p->id_type, type, CORDON_NUL_TERMINATED, "identifier type", err);
    return rc ? rc : set_str(t, &p->id_number, number, CORDON_NUL_TERMINATED, "identifier", err);
}

CORDON_API int cordon_txn_add_item(cordon_txn *t, const char *description, size_t len,
                                   const char *hs_code, const char *declared_code,
                                   cordon_error *err)
{
    if (!t || (!description && !hs_code && !declared_code))
        return cordon__err(err, CORDON_E_INVALID,
                           "cordon_txn_add_item: an item needs a description or a code");
    if (t->n_items >= 4096)
        return cordon__err(err, CORDON_E_LIMIT, "more than 4096 items in one transaction");
    cordon__txn_item *ni = cordon__grow(&t->alloc, t->items, &t->cap_items, t->n_items + 1,
                                        sizeof *ni);
    if (!ni)
        return nomem(err);
    t->items = ni;
    cordon__txn_item *it = &ni[t->n_items];
    memset(it, 0, sizeof *it);
    t->n_items++;
    int rc = CORDON_OK;
    if (description)
        rc = set_str(t, &it->description, description, len, "item description", err);
    if (!rc && hs_code)
        rc = set_str(t, &it->hs, hs_code, CORDON_NUL_TERMINATED, "item HS code", err);
    if (!rc && declared_code)
        rc = set_str(t, &it->eccn, declared_code, CORDON_NUL_TERMINATED, "item control code", err);
    if (rc) {
        t->n_items--;
        cordon__free(&t->alloc, it->description);
        cordon__free(&t->alloc, it->hs);
        cordon__free(&t->alloc, it->eccn);
    }
    return rc;
}

CORDON_API int cordon_txn_item_set_param(cordon_txn *t, size_t item, const char *key,
                                         const char *value, cordon_error *err)
{
    if (!t || !key || !value)
        return cordon__err(err, CORDON_E_INVALID, "cordon_txn_item_set_param: NULL argument");
    if (item >= t->n_items)
        return cordon__err(err, CORDON_E_RANGE, "item %zu out of range", item);
    cordon__txn_item *it = &t->items[item];
    if (it->n_params >= 64)
        return cordon__err(err, CORDON_E_LIMIT, "more than 64 parameters on one item");
    cordon__txn_param *np = cordon__grow(&t->alloc, it->params, &it->cap_params,
                                         it->n_params + 1, sizeof *np);
    if (!np)
        return nomem(err);
    it->params = np;
    cordon__txn_param *p = &np[it->n_params];
    p->key = p->value = NULL;
    int rc = set_str(t, &p->key, key, CORDON_NUL_TERMINATED, "parameter name", err);
    if (!rc)
        rc = set_str(t, &p->value, value, CORDON_NUL_TERMINATED, "parameter value", err);
    if (rc) {
        cordon__free(&t->alloc, p->key);
        cordon__free(&t->alloc, p->value);
        return rc;
    }
    it->n_params++;
    return CORDON_OK;
}

/* ---- JSON --------------------------------------------------------------------- */

int cordon__txn_type_from_name(const char *s)
{
    if (!s || !*s || !strcmp(s, "any") || !strcmp(s, "unknown"))
        return CORDON_TYPE_UNKNOWN;
    if (!strcmp(s, "person") || !strcmp(s, "individual"))
        return CORDON_TYPE_PERSON;
    if (!strcmp(s, "org") || !strcmp(s, "organization") || !strcmp(s, "organisation") ||
        !strcmp(s, "entity") || !strcmp(s, "company"))
        return CORDON_TYPE_ORGANIZATION;
    if (!strcmp(s, "vessel"))
        return CORDON_TYPE_VESSEL;
    if (!strcmp(s, "aircraft"))
        return CORDON_TYPE_AIRCRAFT;
    return -1;
}

/* Optional string member; error when present but not a string. */
static int opt_str(json_t *obj, const char *key, const char **out, const char *where,
                   cordon_error *err)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return CORDON_OK;
    if (!json_is_string(v))
        return cordon__err(err, CORDON_E_PARSE, "%s: \"%s\" must be a string", where, key);
    *out = json_string_value(v);
    return CORDON_OK;
}

/* Refuse a member of obj not in the NULL-terminated list known. */
static int only_keys(json_t *obj, const char *const *known, const char *where, cordon_error *err)
{
    const char *key;
    json_t *val;
    json_object_foreach(obj, key, val) {
        size_t i = 0;
        while (known[i] && strcmp(known[i], key) != 0)
            i++;
        if (!known[i])
            return cordon__err(err, CORDON_E_PARSE, "%s: unknown field \"%s\"", where, key);
    }
    return CORDON_OK;
}

static int parse_obj(cordon_txn *t, json_t *root, cordon_error *err)
{
    if (!json_is_object(root))
        return cordon__err(err, CORDON_E_PARSE, "a transaction must be a JSON object");
    const char *key;
    json_t *val;
    json_object_foreach(root, key, val) {
        if (strcmp(key, "id") && strcmp(key, "origin") && strcmp(key, "destination") &&
            strcmp(key, "transit") && strcmp(key, "parties") && strcmp(key, "items"))
            return cordon__err(err, CORDON_E_PARSE,
                               "unknown transaction field \"%s\" (expected id, origin, "
                               "destination, transit, parties, items)", key);
    }
    const char *s;
    int rc;
    json_t *id = json_object_get(root, "id");
    if (id && json_is_integer(id)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(id));
        if ((rc = cordon_txn_set_id(t, buf, CORDON_NUL_TERMINATED, err)))
            return rc;
    } else {
        if ((rc = opt_str(root, "id", &s, "transaction", err)))
            return rc;
        if (s && (rc = cordon_txn_set_id(t, s, CORDON_NUL_TERMINATED, err)))
            return rc;
    }
    if ((rc = opt_str(root, "origin", &s, "transaction", err)))
        return rc;
    if (s && (rc = cordon_txn_set_country(t, CORDON_TXN_ORIGIN, s, err)))
        return rc;
    if ((rc = opt_str(root, "destination", &s, "transaction", err)))
        return rc;
    if (s && (rc = cordon_txn_set_country(t, CORDON_TXN_DESTINATION, s, err)))
        return rc;
    json_t *tr = json_object_get(root, "transit");
    if (tr && !json_is_null(tr)) {
        if (json_is_string(tr)) {
            if ((rc = cordon_txn_set_country(t, CORDON_TXN_TRANSIT, json_string_value(tr), err)))
                return rc;
        } else if (json_is_array(tr)) {
            size_t i;
            json_t *v;
            json_array_foreach(tr, i, v) {
                if (!json_is_string(v))
                    return cordon__err(err, CORDON_E_PARSE, "transit[%zu] must be a string", i);
                if ((rc = cordon_txn_set_country(t, CORDON_TXN_TRANSIT, json_string_value(v), err)))
                    return rc;
            }
        } else {
            return cordon__err(err, CORDON_E_PARSE, "\"transit\" must be a string or an array");
        }
    }
    json_t *parties = json_object_get(root, "parties");
    if (parties && !json_is_array(parties))
        return cordon__err(err, CORDON_E_PARSE, "\"parties\" must be an array");
    size_t i;
    json_t *p;
    json_array_foreach(parties, i, p) {
        char where[48];
        snprintf(where, sizeof where, "parties[%zu]", i);
        if (!json_is_object(p))
            return cordon__err(err, CORDON_E_PARSE, "%s must be an object", where);
        static const char *const party_keys[] = {"role", "name", "type", "country", "dob",
                                                 "id_type", "id_number", NULL};
        if ((rc = only_keys(p, party_keys, where, err)))
            return rc;
        const char *role, *name, *type, *country, *dob, *idt, *idn;
        if ((rc = opt_str(p, "role", &role, where, err)) || (rc = opt_str(p, "name", &name, where, err)) ||
            (rc = opt_str(p, "type", &type, where, err)) ||
            (rc = opt_str(p, "country", &country, where, err)) ||
            (rc = opt_str(p, "dob", &dob, where, err)) ||
            (rc = opt_str(p, "id_type", &idt, where, err)) ||
            (rc = opt_str(p, "id_number", &idn, where, err)))
            return rc;
        if (!name || !*name)
            return cordon__err(err, CORDON_E_PARSE, "%s: \"name\" is required", where);
        int ty = cordon__txn_type_from_name(type);
        if (ty < 0)
            return cordon__err(err, CORDON_E_PARSE,
                               "%s: unknown type \"%s\" (person, organization, vessel, aircraft, any)",
                               where, type);
        if ((rc = cordon_txn_add_party(t, role, name, CORDON_NUL_TERMINATED, ty, country, dob, err)))
            return rc;
        if (idt && idn &&
            (rc = cordon_txn_party_set_identifier(t, t->n_parties - 1, idt, idn, err)))
            return rc;
    }
    json_t *items = json_object_get(root, "items");
    if (items && !json_is_array(items))
        return cordon__err(err, CORDON_E_PARSE, "\"items\" must be an array");
    json_array_foreach(items, i, p) {
        char where[48];
        snprintf(where, sizeof where, "items[%zu]", i);
        if (!json_is_object(p))
            return cordon__err(err, CORDON_E_PARSE, "%s must be an object", where);
        static const char *const item_keys[] = {"description", "hs", "eccn", "control_code",
                                                "params", NULL};
        if ((rc = only_keys(p, item_keys, where, err)))
            return rc;
        const char *desc, *hs, *eccn;
        if ((rc = opt_str(p, "description", &desc, where, err)) ||
            (rc = opt_str(p, "hs", &hs, where, err)) || (rc = opt_str(p, "eccn", &eccn, where, err)))
            return rc;
        if (!eccn && (rc = opt_str(p, "control_code", &eccn, where, err)))
            return rc;
        if (!desc && !hs && !eccn)
            return cordon__err(err, CORDON_E_PARSE, "%s: needs a description, hs or eccn", where);
        if ((rc = cordon_txn_add_item(t, desc, CORDON_NUL_TERMINATED, hs, eccn, err)))
            return rc;
        json_t *params = json_object_get(p, "params");
        if (params && !json_is_object(params))
            return cordon__err(err, CORDON_E_PARSE, "%s: \"params\" must be an object", where);
        const char *k;
        json_t *v;
        json_object_foreach(params, k, v) {
            char num[64];
            const char *sv;
            if (json_is_string(v))
                sv = json_string_value(v);
            else if (json_is_number(v)) {
                snprintf(num, sizeof num, "%.17g", json_number_value(v));
                sv = num;
            } else
                return cordon__err(err, CORDON_E_PARSE, "%s: parameter \"%s\" must be a string or number",
                                   where, k);
            if ((rc = cordon_txn_item_set_param(t, t->n_items - 1, k, sv, err)))
                return rc;
        }
    }
    if (t->n_parties == 0 && t->n_items == 0)
        return cordon__err(err, CORDON_E_PARSE, "a transaction needs parties or items");
    return CORDON_OK;
}

CORDON_API int cordon_txn_parse_json(const char *json, size_t len, const cordon_options *opts,
                                     cordon_txn **out, cordon_error *err)
{
    if (!json || !out)
        return cordon__err(err, CORDON_E_INVALID, "cordon_txn_parse_json: NULL argument");
    *out = NULL;
    len = cordon__strlen(json, len);
    const cordon_options *o = cordon__options_or_default(opts);
    if ((int64_t)len > o->max_input_bytes)
        return cordon__err(err, CORDON_E_LIMIT, "transaction of %zu bytes exceeds the input limit", len);
    size_t bad;
    if (!cordon__utf8_valid(json, len, &bad))
        return cordon__err_at(err, CORDON_E_UTF8, (int64_t)bad, 0, 0,
                              "transaction: invalid UTF-8 at byte %zu", bad);
    json_error_t jerr;
    json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return cordon__err_at(err, CORDON_E_PARSE, jerr.position, jerr.line, jerr.column,
                              "transaction JSON: %s", jerr.text);
    cordon_txn *t = NULL;
    int rc = cordon_txn_new(&t, opts, err);
    if (!rc)
        rc = parse_obj(t, root, err);
    json_decref(root);
    if (rc) {
        cordon_txn_free(t);
        return rc;
    }
    *out = t;
    return CORDON_OK;
}
