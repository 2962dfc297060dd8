/* classify.c — items, the public rules handle and item classification. */
#include "classify/classify.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_PARAMS 64
#define MAX_QTY 64
#define MAX_HITS 256

/* ---- rules handle ---------------------------------------------------------------- */

CORDON_API int cordon_rules_new(cordon_rules **out, const cordon_options *opts, cordon_error *err)
{
    int rc = cordon__rules_create(opts, out, err);
    if (rc == CORDON_OK)
        cordon__err_clear(err);
    return rc;
}

CORDON_API void cordon_rules_free(cordon_rules *rules)
{
    cordon__rules_destroy(rules);
}

static bool looks_xml(const char *d, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(d, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    while (i < n && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
        i++;
    return i < n && d[i] == '<';
}

CORDON_API int cordon_rules_add_buffer(cordon_rules *rules, const char *data, size_t len,
                                       const char *format, const char *list_id, const char *name,
                                       cordon_error *err)
{
    if (!rules || (!data && len))
        return cordon__err(err, CORDON_E_INVALID, "rules and data must not be NULL");
    if (!name)
        name = "<buffer>";
    len = data ? cordon__strlen(data, len) : 0;
    bool xml;
    if (!format)
        xml = looks_xml(data, len);
    else if (strcmp(format, "rules_xml") == 0)
        xml = true;
    else if (strcmp(format, "code_list") == 0)
        xml = false;
    else
        return cordon__err(err, CORDON_E_FORMAT, "unknown rules format '%s' (use rules_xml or code_list)",
                           format);
    int rc = xml ? cordon__rules_load_xml(rules, data, len, name, err)
                 : cordon__rules_load_codelist(rules, data, len, name, list_id, err);
    if (rc == CORDON_OK)
        cordon__err_clear(err);
    return rc;
}

CORDON_API int cordon_rules_add_file(cordon_rules *rules, const char *path, const char *format,
                                     const char *list_id, cordon_error *err)
{
    if (!rules || !path)
        return cordon__err(err, CORDON_E_INVALID, "rules and path must not be NULL");
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        cordon__err(err, CORDON_E_IO, "%s: %s", path, strerror(e));
        cordon__err_detail(err, e);
        return CORDON_E_IO;
    }
    cordon__buf b;
    cordon__buf_init(&b, &rules->alloc);
    char chunk[65536];
    size_t got;
    int rc = CORDON_OK;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if ((int64_t)(b.len + got) > rules->max_input) {
            rc = cordon__err(err, CORDON_E_LIMIT, "%s: larger than the input limit (%lld bytes)", path,
                             (long long)rules->max_input);
            break;
        }
        if (!cordon__buf_append(&b, chunk, got)) {
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
            break;
        }
    }
    if (rc == CORDON_OK && ferror(f)) {
        int e = errno;
        rc = cordon__err(err, CORDON_E_IO, "%s: read error: %s", path, strerror(e));
        cordon__err_detail(err, e);
    }
    fclose(f);
    if (rc == CORDON_OK)
        rc = cordon_rules_add_buffer(rules, b.data ? b.data : "", b.len, format, list_id, path, err);
    cordon__buf_free(&b);
    return rc;
}

CORDON_API size_t cordon_rules_entry_count(const cordon_rules *rules)
{
    return rules ? rules->nentries : 0;
}

CORDON_API size_t cordon_rules_embargo_count(const cordon_rules *rules)
{
    return rules ? rules->nembargoes : 0;
}

/* ---- items -------------------------------------------------------------------------- */

typedef struct item_param {
    char name[64];
    char raw[64];
    cordon__qty q;
} item_param;

struct cordon_item {
    cordon__alloc alloc;
    int64_t max_name;
    char *desc;
    size_t desc_len, desc_cap;
    char tariff[80];
    int tariff_kind;
    char control[80];
    int control_kind;
    char dest[3];
    char *dest_text;
    size_t dest_text_len;
    item_param params[MAX_PARAMS];
    size_t nparams;
};

CORDON_API int cordon_item_new(cordon_item **out, const cordon_options *opts, cordon_error *err)
{
    if (!out)
        return cordon__err(err, CORDON_E_INVALID, "out must not be NULL");
    const cordon__alloc *a = cordon__alloc_of(opts);
    cordon_item *it = cordon__calloc(a, 1, sizeof *it);
    if (!it)
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    it->alloc = *a;
    it->max_name = cordon__options_or_default(opts)->max_name_bytes;
    *out = it;
    cordon__err_clear(err);
    return CORDON_OK;
}

CORDON_API void cordon_item_clear(cordon_item *item)
{
    if (!item)
        return;
    item->desc_len = 0;
    if (item->desc)
        item->desc[0] = '\0';
    item->tariff[0] = '\0';
    item->control[0] = '\0';
    item->dest[0] = '\0';
    cordon__free(&item->alloc, item->dest_text);
    item->dest_text = NULL;
    item->dest_text_len = 0;
    item->nparams = 0;
}

CORDON_API void cordon_item_free(cordon_item *item)
{
    if (!item)
        return;
    cordon__free(&item->alloc, item->desc);
    cordon__free(&item->alloc, item->dest_text);
    cordon__free(&item->alloc, item);
}

static int check_text(const cordon_item *item, const char *s, size_t n, const char *what,
                      cordon_error *err)
{
    if ((int64_t)n > item->max_name)
        return cordon__err(err, CORDON_E_LIMIT, "%s longer than %lld bytes", what,
                           (long long)item->max_name);
    size_t bad;
    if (!cordon__utf8_valid(s, n, &bad))
        return cordon__err_at(err, CORDON_E_UTF8, (int64_t)bad, 1, (int64_t)bad + 1,
                              "%s: invalid UTF-8 at byte %zu", what, bad);
    return CORDON_OK;
}

CORDON_API int cordon_item_set_description(cordon_item *item, const char *s, size_t len,
                                           cordon_error *err)
{
    if (!item || (!s && len))
        return cordon__err(err, CORDON_E_INVALID, "item must not be NULL");
    len = s ? cordon__strlen(s, len) : 0;
    int rc = check_text(item, s, len, "description", err);
    if (rc != CORDON_OK)
        return rc;
    if (len + 1 > item->desc_cap) {
        char *d = cordon__realloc(&item->alloc, item->desc, len + 1);
        if (!d)
            return cordon__err(err, CORDON_E_NOMEM, "out of memory");
        item->desc = d;
        item->desc_cap = len + 1;
    }
    if (len)
        memcpy(item->desc, s, len);
    item->desc[len] = '\0';
    item->desc_len = len;
    cordon__err_clear(err);
    return CORDON_OK;
}

CORDON_API int cordon_item_set_tariff_code(cordon_item *item, const char *code, size_t len,
                                           cordon_error *err)
{
    if (!item || !code)
        return cordon__err(err, CORDON_E_INVALID, "item and code must not be NULL");
    len = cordon__strlen(code, len);
    char norm[80];
    int det = CORDON_CODE_AUTO;
    /* only tariff syntaxes: try HS/CN/HTS by digit count */
    int rc = cordon__code_norm(code, len, CORDON_CODE_AUTO, norm, &det, err);
    if (rc != CORDON_OK)
        return rc;
    if (det != CORDON_CODE_HS && det != CORDON_CODE_CN && det != CORDON_CODE_HTS)
        return cordon__err_at(err, CORDON_E_PARSE, 0, 1, 1,
                              "'%.*s' is a control code, not an HS/CN/HTS tariff code", (int)(len > 60 ? 60 : len), code);
    snprintf(item->tariff, sizeof item->tariff, "%s", norm);
    item->tariff_kind = det;
    cordon__err_clear(err);
    return CORDON_OK;
}

CORDON_API int cordon_item_set_control_code(cordon_item *item, const char *code, size_t len,
                                            cordon_error *err)
{
    if (!item || !code)
        return cordon__err(err, CORDON_E_INVALID, "item and code must not be NULL");
    len = cordon__strlen(code, len);
    char norm[80];
    int det = CORDON_CODE_AUTO;
    int rc = cordon__code_norm(code, len, CORDON_CODE_AUTO, norm, &det, err);
    if (rc != CORDON_OK)
        return rc;
    if (det == CORDON_CODE_HS || det == CORDON_CODE_CN || det == CORDON_CODE_HTS)
        return cordon__err_at(err, CORDON_E_PARSE, 0, 1, 1,
                              "'%.*s' is a tariff code, not an ECCN / Annex I / USML code",
                              (int)(len > 60 ? 60 : len), code);
    snprintf(item->control, sizeof item->control, "%s", norm);
    item->control_kind = det;
    cordon__err_clear(err);
    return CORDON_OK;
}

static size_t norm_param_name(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    for (; *s && o + 1 < cap; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        else if (c == ' ' || c == '-' || c == '.')
            c = '_';
        out[o++] = c;
    }
    out[o] = '\0';
    return o;
}

CORDON_API int cordon_item_set_param(cordon_item *item, const char *name, const char *value,
                                     cordon_error *err)
{
    if (!item || !name || !value)
        return cordon__err(err, CORDON_E_INVALID, "item, name and value must not be NULL");
    size_t nl = strlen(name), vl = strlen(value);
    if (nl == 0 || nl >= 64 || vl >= 64)
        return cordon__err(err, CORDON_E_INVALID, "parameter name must be 1-63 bytes, value under 64");
    cordon__qty q;
    if (!cordon__qty_parse(value, vl, &q))
        return cordon__err_at(err, CORDON_E_PARSE, 0, 1, 1,
                              "parameter %s: cannot read '%s' as a number with a unit (e.g. 3.2 GHz)",
                              name, value);
    item_param *p = NULL;
    char key[64];
    norm_param_name(name, key, sizeof key);
    for (size_t i = 0; i < item->nparams; i++)
        if (strcmp(item->params[i].name, key) == 0)
            p = &item->params[i];
    if (!p) {
        if (item->nparams == MAX_PARAMS)
            return cordon__err(err, CORDON_E_LIMIT, "more than %d parameters", MAX_PARAMS);
        p = &item->params[item->nparams++];
    }
    snprintf(p->name, sizeof p->name, "%s", key);
    snprintf(p->raw, sizeof p->raw, "%s", value);
    p->q = q;
    cordon__err_clear(err);
    return CORDON_OK;
}

CORDON_API int cordon_item_set_destination(cordon_item *item, const char *country, size_t len,
                                           cordon_error *err)
{
    if (!item || !country)
        return cordon__err(err, CORDON_E_INVALID, "item and country must not be NULL");
    len = cordon__strlen(country, len);
    int rc = check_text(item, country, len, "destination", err);
    if (rc != CORDON_OK)
        return rc;
    const char *iso = cordon__country_iso2(country, len);
    if (!iso) {
        /* "Simferopol, Crimea, Ukraine": try the last comma-separated part */
        const char *c = NULL;
        for (size_t i = len; i > 0; i--)
            if (country[i - 1] == ',') {
                c = country + i;
                break;
            }
        if (c)
            iso = cordon__country_iso2(c, len - (size_t)(c - country));
    }
    char *t = cordon__strndup(&item->alloc, country, len);
    if (!t)
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    cordon__free(&item->alloc, item->dest_text);
    item->dest_text = t;
    item->dest_text_len = len;
    if (iso)
        memcpy(item->dest, iso, 3);
    else
        item->dest[0] = '\0';
    cordon__err_clear(err);
    return CORDON_OK;
}

/* ---- results -------------------------------------------------------------------------- */

typedef struct cand {
    uint32_t entry; /* UINT32_MAX for an unknown declared code */
    double conf;
    int reason;
    uint32_t evidence, missing; /* offsets into res->pool */
} cand;

typedef struct emb_hit {
    uint32_t embargo;
    int severity;
    uint32_t text; /* offset into res->pool */
} emb_hit;

enum { R_DECLARED, R_HS, R_TEXT, R_PARAM, R_DECLARED_UNKNOWN };
static const char *const reason_names[] = {"declared", "hs_prefix", "text", "parameter",
                                           "declared_unknown"};

struct cordon_classification {
    cordon__alloc alloc;
    const cordon__rules *rules;
    cand *c;
    size_t n, cap;
    emb_hit *e;
    size_t ne, cape;
    cordon__buf pool;
    char declared[80];
    char *json;
    size_t json_len;
};

static uint32_t pool_add(cordon_classification *res, const char *s, size_t n)
{
    uint32_t o = (uint32_t)res->pool.len;
    cordon__buf_append(&res->pool, s, n);
    cordon__buf_putc(&res->pool, '\0');
    return o;
}

static const char *pool_at(const cordon_classification *res, uint32_t o)
{
    return res->pool.data ? res->pool.data + o : "";
}

/* ---- classification ---------------------------------------------------------------- */

typedef struct ctx {
    const cordon__rules *r;
    const cordon_item *it;
    pcre2_match_data *md;
    int8_t *pstate;       /* per canonical pattern: 0 unknown, 1 match, -1 no match */
    size_t *pspan;        /* match span start, end (2 per pattern) */
    cordon__qty q[MAX_QTY];
    size_t nq;
    cordon__buf tmp;
} ctx;

static int run_pattern(ctx *c, uint32_t pi, size_t *s, size_t *e)
{
    uint32_t k = c->r->canon[pi];
    if (c->pstate[k] == 0) {
        const cordon_item *it = c->it;
        int m = it->desc_len ? pcre2_match(c->r->codes[k], (PCRE2_SPTR)it->desc, it->desc_len, 0,
                                           PCRE2_NO_UTF_CHECK, c->md, NULL)
                             : -1;
        if (m >= 0) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
            c->pspan[2 * k] = ov[0];
            c->pspan[2 * k + 1] = ov[1];
            c->pstate[k] = 1;
        } else {
            c->pstate[k] = -1;
        }
    }
    if (c->pstate[k] > 0) {
        *s = c->pspan[2 * k];
        *e = c->pspan[2 * k + 1];
        return 1;
    }
    return 0;
}

/* Text value in the rule's unit for evidence. */
static void fmt_value(cordon__buf *b, const cordon__rules *r, const cordon__param_rule *p, double v)
{
    const char *unit = cordon__s(r, p->unit);
    if (p->given != 0 && p->value != 0 && strncasecmp(unit, "dB", 2) != 0 && p->dim != CORDON__DIM_TEMP)
        cordon__buf_printf(b, "%g %s", v / (p->value / p->given), unit);
    else
        cordon__buf_printf(b, "%g %s", v, cordon__dim_base_unit((int)p->dim));
}

enum { P_NONE, P_MET, P_FAIL, P_UNKNOWN };

/* Evaluate the parameter thresholds of entry e. Writes comparisons to ev
 * and missing facts to miss. */
static int eval_params(ctx *c, const cordon__entry *e, cordon__buf *ev, cordon__buf *miss, bool fmt)
{
    const cordon__rules *r = c->r;
    if (e->par_count == 0)
        return P_NONE;
    int met = 0, fail = 0, unknown = 0, groups = 0;
    for (uint32_t i = 0; i < e->par_count; i++) {
        const cordon__param_rule *p = &r->params[e->par_first + i];
        /* first rule of its name group only */
        bool seen = false;
        for (uint32_t j = 0; j < i; j++)
            if (r->params[e->par_first + j].name == p->name ||
                strcmp(cordon__s(r, r->params[e->par_first + j].name), cordon__s(r, p->name)) == 0)
                seen = true;
        if (seen)
            continue;
        groups++;
        const char *pname = cordon__s(r, p->name);
        /* candidate values: an explicit parameter of that name, else every
         * quantity of the same dimension found in the description */
        double vals[MAX_QTY];
        size_t nv = 0;
        bool explicit_param = false;
        for (size_t k = 0; k < c->it->nparams; k++)
            if (strcmp(c->it->params[k].name, pname) == 0 && c->it->params[k].q.dim == (int)p->dim) {
                vals[nv++] = c->it->params[k].q.value;
                explicit_param = true;
            }
        if (!explicit_param)
            for (size_t k = 0; k < c->nq && nv < MAX_QTY; k++)
                if (c->q[k].dim == (int)p->dim)
                    vals[nv++] = c->q[k].value;
        if (nv == 0) {
            unknown++;
            if (!fmt)
                continue;
            const char *label = p->label ? cordon__s(r, p->label) : pname;
            if (miss->len)
                cordon__buf_puts(miss, "; ");
            cordon__buf_printf(miss, "needs %s", label);
            for (const char *q = miss->data + miss->len - strlen(label); *q; q++)
                if (*q == '_')
                    miss->data[q - miss->data] = ' ';
            continue;
        }
        /* a value meeting every threshold of the group */
        size_t good = SIZE_MAX;
        for (size_t v = 0; v < nv && good == SIZE_MAX; v++) {
            bool all = true;
            for (uint32_t j = i; j < e->par_count && all; j++) {
                const cordon__param_rule *pj = &r->params[e->par_first + j];
                if (strcmp(cordon__s(r, pj->name), pname) != 0)
                    continue;
                all = cordon__cmp_holds((int)pj->cmp, vals[v], pj->value);
            }
            if (all)
                good = v;
        }
        size_t show = good == SIZE_MAX ? 0 : good;
        for (uint32_t j = i; fmt && j < e->par_count; j++) {
            const cordon__param_rule *pj = &r->params[e->par_first + j];
            if (strcmp(cordon__s(r, pj->name), pname) != 0)
                continue;
            if (ev->len)
                cordon__buf_puts(ev, "; ");
            cordon__buf_printf(ev, "%s ", pname);
            fmt_value(ev, r, pj, vals[show]);
            bool h = cordon__cmp_holds((int)pj->cmp, vals[show], pj->value);
            cordon__buf_printf(ev, " %s%s %g %s", h ? "" : "not ", cordon__cmp_symbol((int)pj->cmp),
                               pj->given, cordon__s(r, pj->unit));
        }
        if (good != SIZE_MAX)
            met++;
        else
            fail++;
    }
    if (e->params_any)
        return met ? P_MET : unknown ? P_UNKNOWN : P_FAIL;
    if (fail)
        return P_FAIL;
    return unknown ? P_UNKNOWN : P_MET;
}

static int add_cand(cordon_classification *res, uint32_t entry, double conf, int reason,
                    const char *ev, size_t evn, const char *miss, size_t missn)
{
    /* one candidate per entry: keep the strongest */
    for (size_t i = 0; i < res->n; i++)
        if (res->c[i].entry == entry && entry != UINT32_MAX) {
            if (conf > res->c[i].conf) {
                res->c[i].conf = conf;
                res->c[i].reason = reason;
                res->c[i].evidence = pool_add(res, ev, evn);
                res->c[i].missing = pool_add(res, miss, missn);
            }
            return CORDON_OK;
        }
    if (res->n == res->cap) {
        cand *nc = cordon__grow(&res->alloc, res->c, &res->cap, res->n + 1, sizeof *nc);
        if (!nc)
            return CORDON_E_NOMEM;
        res->c = nc;
    }
    cand *k = &res->c[res->n++];
    k->entry = entry;
    k->conf = conf;
    k->reason = reason;
    k->evidence = pool_add(res, ev, evn);
    k->missing = pool_add(res, miss, missn);
    return CORDON_OK;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->conf != y->conf)
        return x->conf > y->conf ? -1 : 1;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}


static void check_embargoes(ctx *c, cordon_classification *res)
{
    const cordon__rules *r = c->r;
    const cordon_item *it = c->it;
    if (!it->dest[0] && !it->dest_text)
        return;
    for (size_t i = 0; i < r->nembargoes; i++) {
        const cordon__embargo *e = &r->embargoes[i];
        char cc[3] = {(char)(e->country & 0xff), (char)(e->country >> 8), 0};
        bool region_hit = false;
        bool same_country = cc[0] == it->dest[0] && cc[1] == it->dest[1];
        if (!same_country && it->dest[0] && !e->pat_count)
            continue;
        /* region rules: only when the country matches or is unknown */
        if (e->pat_count && it->dest_text && (same_country || !it->dest[0])) {
            for (uint32_t k = 0; k < e->pat_count && !region_hit; k++) {
                uint32_t pi = r->canon[e->pat_first + k];
                region_hit = pcre2_match(r->codes[pi], (PCRE2_SPTR)it->dest_text, it->dest_text_len,
                                         0, PCRE2_NO_UTF_CHECK, c->md, NULL) >= 0;
            }
        }
        if (!same_country && !region_hit)
            continue;
        /* does the item fall in the scope? */
        bool in_scope = false, possible = false;
        const char *why = "";
        if (e->scope == CORDON__SCOPE_ALL) {
            in_scope = true;
            why = "all items";
        } else {
            for (size_t k = 0; k < res->n; k++) {
                const cand *cd = &res->c[k];
                if (cd->entry == UINT32_MAX)
                    continue;
                const cordon__entry *en = &r->entries[cd->entry];
                bool match;
                if (e->scope == CORDON__SCOPE_CONTROLLED)
                    match = r->lists[en->list].kind == CORDON__LIST_RULES ||
                            (en->kind != CORDON_CODE_HS && en->kind != CORDON__KIND_LABEL);
                else if (e->scope == CORDON__SCOPE_CHPL)
                    match = r->list_flags && (r->list_flags[en->list] & CORDON__LIST_IS_CHPL);
                else
                    match = strcmp(cordon__s(r, r->lists[en->list].id), cordon__s(r, e->list)) == 0;
                if (!match)
                    continue;
                if (cd->conf >= 0.5)
                    in_scope = true;
                else
                    possible = true;
            }
            if (!in_scope && it->control[0] && e->scope == CORDON__SCOPE_CONTROLLED &&
                strcmp(it->control, "EAR99") != 0)
                in_scope = true;
            why = e->scope == CORDON__SCOPE_CONTROLLED ? "controlled items"
                : e->scope == CORDON__SCOPE_CHPL       ? "Common High Priority List items"
                                                       : "items on list";
        }
        if (!in_scope && !possible)
            continue;
        int sev = e->severity;
        c->tmp.len = 0;
        cordon__buf_reset(&c->tmp);
        const char *region = cordon__s(r, e->region);
        if (e->pat_count && !region_hit) {
            /* a sanctioned region of the destination country; region unknown */
            sev = CORDON__SEV_REVIEW;
            cordon__buf_printf(&c->tmp, "%s: destination %s: check it is not %s (%s); %s, %s",
                               cordon__s(r, e->regime), cc, region, cordon__s(r, e->program),
                               cordon__s(r, e->act), cordon__s(r, e->date));
        } else {
            if (!in_scope)
                sev = CORDON__SEV_REVIEW;
            cordon__buf_printf(&c->tmp, "%s: %s%s%s embargo on %s%s (%s); %s, %s",
                               cordon__s(r, e->regime), *region ? region : cc, *region ? " (" : "",
                               *region ? cc : "", why, *region ? ")" : "", cordon__s(r, e->program),
                               cordon__s(r, e->act), cordon__s(r, e->date));
            /* the parenthesis above closes the region: keep the text readable */
        }
        if (res->ne == res->cape) {
            emb_hit *ne = cordon__grow(&res->alloc, res->e, &res->cape, res->ne + 1, sizeof *ne);
            if (!ne)
                return;
            res->e = ne;
        }
        res->e[res->ne].embargo = (uint32_t)i;
        res->e[res->ne].severity = sev;
        res->e[res->ne].text = pool_add(res, c->tmp.data ? c->tmp.data : "", c->tmp.len);
        res->ne++;
    }
}

CORDON_API void cordon_classification_free(cordon_classification *c)
{
    if (!c)
        return;
    cordon__alloc a = c->alloc;
    cordon__free(&a, c->c);
    cordon__free(&a, c->e);
    cordon__buf_free(&c->pool);
    cordon__free(&a, c->json);
    cordon__free(&a, c);
}

CORDON_API int cordon_classify(const cordon_rules *rules, const cordon_item *item,
                               cordon_classification **out, cordon_error *err)
{
    if (!rules || !item || !out)
        return cordon__err(err, CORDON_E_INVALID, "rules, item and out must not be NULL");
    *out = NULL;
    const cordon__rules *r = rules;
    cordon_classification *res = cordon__calloc(&item->alloc, 1, sizeof *res);
    if (!res)
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    res->alloc = item->alloc;
    res->rules = r;
    cordon__buf_init(&res->pool, &res->alloc);
    pool_add(res, "", 0);
    ctx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.it = item;
    cordon__buf_init(&c.tmp, &res->alloc);
    int8_t pstate_small[256];
    size_t pspan_small[512];
    c.pstate = pstate_small;
    c.pspan = pspan_small;
    if (r->npats > 256) {
        c.pstate = cordon__calloc(&res->alloc, r->npats, sizeof *c.pstate);
        c.pspan = cordon__calloc(&res->alloc, 2 * r->npats, sizeof *c.pspan);
    } else {
        memset(pstate_small, 0, r->npats);
    }
    c.md = pcre2_match_data_create(1, r->gctx);
    int rc = CORDON_OK;
    if (!c.md || !c.pstate || !c.pspan) {
        rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
        goto done;
    }
    c.nq = item->desc_len ? cordon__qty_extract(item->desc, item->desc_len, c.q, MAX_QTY) : 0;
    for (size_t k = 0; k < item->nparams && c.nq < MAX_QTY; k++)
        ; /* explicit parameters are looked up by name in eval_params */

    cordon__buf ev, miss;
    cordon__buf_init(&ev, &res->alloc);
    cordon__buf_init(&miss, &res->alloc);

    /* 1. declared control code: the entry itself, or the entries it is a sub-item of */
    if (item->control[0]) {
        char code[80];
        memcpy(res->declared, item->control, sizeof res->declared);
        memcpy(code, item->control, sizeof code);
        bool found = false, exact = true;
        for (;;) {
            uint32_t hits[32];
            size_t nh = cordon__rules_code_lookup(r, code, hits, 32);
            for (size_t k = 0; k < nh; k++) {
                cordon__buf_reset(&ev);
                if (exact)
                    cordon__buf_printf(&ev, "declared %s", item->control);
                else
                    cordon__buf_printf(&ev, "declared %s is a sub-item of %s", item->control, code);
                add_cand(res, hits[k], exact ? 1.0 : 0.95, R_DECLARED, ev.data ? ev.data : "", ev.len, "", 0);
                found = true;
            }
            char *dot = strrchr(code, '.');
            if (!dot)
                break;
            *dot = '\0';
            exact = false;
        }
        if (!found && strcmp(item->control, "EAR99") != 0) {
            cordon__buf_reset(&ev);
            cordon__buf_printf(&ev, "declared %s is not in any loaded list", item->control);
            cordon__buf_reset(&miss);
            cordon__buf_puts(&miss, "verify the declared classification");
            add_cand(res, UINT32_MAX, 0.0, R_DECLARED_UNKNOWN, ev.data, ev.len, miss.data, miss.len);
        }
    }

    /* 2. HS / CN / HTS prefix correlation */
    uint32_t hs_hits[MAX_HITS];
    size_t nhs = item->tariff[0] ? cordon__rules_hs_lookup(r, item->tariff, strlen(item->tariff), hs_hits, MAX_HITS) : 0;

    /* 3. every entry with patterns or an HS hit: merge the two sorted lists */
    uint32_t todo_small[MAX_HITS + 64];
    uint32_t *todo = todo_small;
    size_t ntodo = 0, nwp = r->nwith_pats;
    if (nhs + nwp > sizeof todo_small / sizeof todo_small[0]) {
        todo = cordon__calloc(&res->alloc, nhs + nwp, sizeof *todo);
        if (!todo) {
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
            todo = todo_small;
            nhs = nwp = 0;
        }
    }
    {
        uint32_t *sorted = hs_hits;
        qsort(sorted, nhs, sizeof *sorted, cmp_u32);
        size_t a = 0, b = 0;
        while (a < nhs || b < nwp) {
            uint32_t x = a < nhs ? sorted[a] : UINT32_MAX;
            uint32_t y = b < nwp ? r->with_pats[b] : UINT32_MAX;
            uint32_t v = x < y ? x : y;
            if (ntodo == 0 || todo[ntodo - 1] != v)
                todo[ntodo++] = v;
            if (x == v)
                a++;
            if (y == v)
                b++;
        }
    }
    for (size_t ti = 0; ti < ntodo; ti++) {
        uint32_t ei = todo[ti];
        const cordon__entry *e = &r->entries[ei];
        bool hs_hit = false;
        for (size_t k = 0; k < nhs; k++)
            if (hs_hits[k] == ei)
                hs_hit = true;
        bool text_hit = false, excluded = false;
        size_t ts = 0, te = 0;
        for (uint32_t k = 0; k < e->pat_count; k++) {
            const cordon__pattern *p = &r->pats[e->pat_first + k];
            size_t s, t;
            if (p->flags & CORDON__PAT_EXCLUDE)
                continue;
            if (!text_hit && run_pattern(&c, e->pat_first + k, &s, &t)) {
                text_hit = true;
                ts = s;
                te = t;
            }
        }
        if (text_hit)
            for (uint32_t k = 0; k < e->pat_count && !excluded; k++) {
                const cordon__pattern *p = &r->pats[e->pat_first + k];
                size_t s, t;
                if ((p->flags & CORDON__PAT_EXCLUDE) && run_pattern(&c, e->pat_first + k, &s, &t))
                    excluded = true;
            }
        if (excluded)
            text_hit = false;
        if (!text_hit && !hs_hit)
            continue;
        /* decide first, format the evidence only for a kept candidate */
        int ps = eval_params(&c, e, NULL, NULL, false);
        bool listed = r->lists[e->list].kind == CORDON__LIST_CODES && hs_hit;
        if (ps == P_FAIL && !listed)
            continue;
        cordon__buf_reset(&ev);
        cordon__buf_reset(&miss);
        if (text_hit) {
            size_t n = te - ts;
            if (n > 80)
                n = 80;
            while (n > 0 && n < te - ts && (item->desc[ts + n] & 0xC0) == 0x80)
                n--; /* cut on a character boundary */
            cordon__buf_puts(&ev, "text \"");
            cordon__buf_append(&ev, item->desc + ts, n);
            {
                char num[24];
                int nn = snprintf(num, sizeof num, "\" at %zu", ts);
                cordon__buf_append(&ev, num, (size_t)nn);
            }
        }
        if (hs_hit) {
            if (ev.len)
                cordon__buf_puts(&ev, "; ");
            cordon__buf_puts(&ev, "HS ");
            cordon__buf_puts(&ev, item->tariff);
            if (r->lists[e->list].kind == CORDON__LIST_CODES) {
                cordon__buf_puts(&ev, " listed in ");
                cordon__buf_puts(&ev, cordon__s(r, r->lists[e->list].id));
                if (e->tier) {
                    cordon__buf_puts(&ev, " (tier ");
                    cordon__buf_puts(&ev, cordon__s(r, e->tier));
                    cordon__buf_putc(&ev, ')');
                }
            } else {
                cordon__buf_puts(&ev, " correlates");
            }
        }
        if (ps != P_NONE)
            eval_params(&c, e, &ev, &miss, true);
        double conf;
        int reason;
        if (r->lists[e->list].kind == CORDON__LIST_CODES && hs_hit) {
            conf = 1.0; /* listed code: deterministic */
            reason = R_HS;
        } else if (ps == P_FAIL) {
            continue; /* thresholds not reached: not this entry */
        } else if (ps == P_MET) {
            conf = text_hit ? (hs_hit ? 0.95 : 0.9) : 0.6;
            reason = R_PARAM;
        } else if (text_hit) {
            conf = ps == P_UNKNOWN ? 0.5 : 0.7;
            if (hs_hit)
                conf += 0.05;
            reason = R_TEXT;
        } else {
            conf = 0.3;
            reason = R_HS;
            if (e->pat_count) {
                if (miss.len)
                    cordon__buf_puts(&miss, "; ");
                cordon__buf_puts(&miss, "description does not confirm the item type");
            }
        }
        if (add_cand(res, (uint32_t)ei, conf, reason, ev.data ? ev.data : "", ev.len,
                     miss.data ? miss.data : "", miss.len) != CORDON_OK) {
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
            break;
        }
    }
    if (todo != todo_small)
        cordon__free(&res->alloc, todo);
    cordon__buf_free(&ev);
    cordon__buf_free(&miss);
    if (rc == CORDON_OK)
        check_embargoes(&c, res);
    if (rc == CORDON_OK && (res->pool.failed || c.tmp.failed))
        rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
    if (rc == CORDON_OK && res->n > 1)
        qsort(res->c, res->n, sizeof *res->c, cmp_cand);
done:
    cordon__buf_free(&c.tmp);
    if (c.md)
        pcre2_match_data_free(c.md);
    if (c.pstate != pstate_small)
        cordon__free(&res->alloc, c.pstate);
    if (c.pspan != pspan_small)
        cordon__free(&res->alloc, c.pspan);
    if (rc != CORDON_OK) {
        cordon_classification_free(res);
        return rc;
    }
    *out = res;
    cordon__err_clear(err);
    return CORDON_OK;
}

/* ---- accessors ------------------------------------------------------------------------ */

CORDON_API size_t cordon_classification_count(const cordon_classification *c)
{
    return c ? c->n : 0;
}

static const cordon__entry *entry_at(const cordon_classification *c, size_t i)
{
    if (!c || i >= c->n || c->c[i].entry == UINT32_MAX)
        return NULL;
    return &c->rules->entries[c->c[i].entry];
}

CORDON_API const char *cordon_classification_list(const cordon_classification *c, size_t i)
{
    const cordon__entry *e = entry_at(c, i);
    if (!e)
        return c && i < c->n ? "" : NULL;
    return cordon__s(c->rules, c->rules->lists[e->list].id);
}

CORDON_API const char *cordon_classification_code(const cordon_classification *c, size_t i)
{
    const cordon__entry *e = entry_at(c, i);
    if (!e)
        return c && i < c->n ? c->declared : NULL;
    return cordon__s(c->rules, e->code);
}

CORDON_API const char *cordon_classification_title(const cordon_classification *c, size_t i)
{
    const cordon__entry *e = entry_at(c, i);
    if (!e)
        return c && i < c->n ? "declared code not found in the loaded lists" : NULL;
    return cordon__s(c->rules, e->title);
}

CORDON_API const char *cordon_classification_tier(const cordon_classification *c, size_t i)
{
    const cordon__entry *e = entry_at(c, i);
    if (!e)
        return c && i < c->n ? "" : NULL;
    return cordon__s(c->rules, e->tier);
}

CORDON_API const char *cordon_classification_legal(const cordon_classification *c, size_t i)
{
    const cordon__entry *e = entry_at(c, i);
    if (!e)
        return c && i < c->n ? "" : NULL;
    return cordon__s(c->rules, e->act);
}

CORDON_API double cordon_classification_confidence(const cordon_classification *c, size_t i)
{
    return c && i < c->n ? c->c[i].conf : 0.0;
}

CORDON_API const char *cordon_classification_reason(const cordon_classification *c, size_t i)
{
    return c && i < c->n ? reason_names[c->c[i].reason] : NULL;
}

CORDON_API const char *cordon_classification_evidence(const cordon_classification *c, size_t i)
{
    return c && i < c->n ? pool_at(c, c->c[i].evidence) : NULL;
}

CORDON_API const char *cordon_classification_missing(const cordon_classification *c, size_t i)
{
    return c && i < c->n ? pool_at(c, c->c[i].missing) : NULL;
}

CORDON_API size_t cordon_classification_embargo_count(const cordon_classification *c)
{
    return c ? c->ne : 0;
}

CORDON_API const char *cordon_classification_embargo(const cordon_classification *c, size_t i,
                                                     int *block)
{
    if (!c || i >= c->ne)
        return NULL;
    if (block)
        *block = c->e[i].severity == CORDON__SEV_BLOCK;
    return pool_at(c, c->e[i].text);
}

static void json_kv(cordon__buf *b, const char *k, const char *v, bool comma)
{
    if (comma)
        cordon__buf_putc(b, ',');
    cordon__buf_json_str(b, k, strlen(k));
    cordon__buf_putc(b, ':');
    cordon__buf_json_str(b, v ? v : "", v ? strlen(v) : 0);
}

CORDON_API const char *cordon_classification_json(cordon_classification *c, size_t *len)
{
    if (!c)
        return NULL;
    if (!c->json) {
        cordon__buf b;
        cordon__buf_init(&b, &c->alloc);
        cordon__buf_puts(&b, "{\"candidates\":[");
        for (size_t i = 0; i < c->n; i++) {
            if (i)
                cordon__buf_putc(&b, ',');
            cordon__buf_putc(&b, '{');
            json_kv(&b, "list", cordon_classification_list(c, i), false);
            json_kv(&b, "code", cordon_classification_code(c, i), true);
            json_kv(&b, "title", cordon_classification_title(c, i), true);
            const char *tier = cordon_classification_tier(c, i);
            if (tier && *tier)
                json_kv(&b, "tier", tier, true);
            cordon__buf_puts(&b, ",\"confidence\":");
            cordon__buf_json_num(&b, c->c[i].conf);
            json_kv(&b, "reason", cordon_classification_reason(c, i), true);
            json_kv(&b, "evidence", cordon_classification_evidence(c, i), true);
            const char *m = cordon_classification_missing(c, i);
            if (m && *m)
                json_kv(&b, "missing", m, true);
            const char *legal = cordon_classification_legal(c, i);
            if (legal && *legal)
                json_kv(&b, "legal", legal, true);
            cordon__buf_putc(&b, '}');
        }
        cordon__buf_puts(&b, "],\"embargoes\":[");
        for (size_t i = 0; i < c->ne; i++) {
            int block;
            const char *t = cordon_classification_embargo(c, i, &block);
            if (i)
                cordon__buf_putc(&b, ',');
            cordon__buf_putc(&b, '{');
            json_kv(&b, "severity", block ? "block" : "review", false);
            json_kv(&b, "text", t, true);
            cordon__buf_putc(&b, '}');
        }
        cordon__buf_puts(&b, "]}");
        if (b.failed) {
            cordon__buf_free(&b);
            return NULL;
        }
        c->json = cordon__buf_take(&b, &c->json_len);
    }
    if (len)
        *len = c->json_len;
    return c->json;
}
