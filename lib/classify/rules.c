#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
/* rules.c — rule packs: the in-memory model, the XML loader (RelaxNG
 * validated with the compiled-in schema), pattern compilation and indices. */
#include "classify/classify.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#define RULES_NS "urn:cordon:rules:1"

/* ---- allocation --------------------------------------------------------------- */

static void *pc_malloc(PCRE2_SIZE n, void *u)
{
    return cordon__malloc((const cordon__alloc *)u, n);
}

static void pc_free(void *p, void *u)
{
    cordon__free((const cordon__alloc *)u, p);
}

int cordon__rules_create(const cordon_options *opts, cordon__rules **out, cordon_error *err)
{
    if (!out)
        return cordon__err(err, CORDON_E_INVALID, "out must not be NULL");
    *out = NULL;
    const cordon__alloc *a = cordon__alloc_of(opts);
    const cordon_options *o = cordon__options_or_default(opts);
    cordon__rules *r = cordon__calloc(a, 1, sizeof *r);
    if (!r)
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    r->alloc = *a;
    r->max_input = o->max_input_bytes;
    r->strict = o->strict;
    cordon__buf_init(&r->pool, &r->alloc);
    cordon__buf_putc(&r->pool, '\0'); /* offset 0 = "" */
    r->gctx = pcre2_general_context_create(pc_malloc, pc_free, &r->alloc);
    if (!r->gctx || r->pool.failed) {
        cordon__rules_destroy(r);
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    }
    *out = r;
    return CORDON_OK;
}

static void free_codes(cordon__rules *r)
{
    for (size_t i = 0; i < r->ncodes; i++)
        pcre2_code_free(r->codes[i]);
    cordon__free(&r->alloc, r->codes);
    cordon__free(&r->alloc, r->canon);
    r->canon = NULL;
    r->codes = NULL;
    r->ncodes = 0;
}

void cordon__rules_destroy(cordon__rules *r)
{
    if (!r)
        return;
    free_codes(r);
    if (r->gctx)
        pcre2_general_context_free(r->gctx);
    const cordon__alloc a = r->alloc;
    cordon__buf_free(&r->pool);
    cordon__free(&a, r->lists);
    cordon__free(&a, r->entries);
    cordon__free(&a, r->hs);
    cordon__free(&a, r->pats);
    cordon__free(&a, r->params);
    cordon__free(&a, r->embargoes);
    cordon__free(&a, r->hsidx);
    cordon__free(&a, r->by_code);
    cordon__free(&a, r->with_pats);
    cordon__free(&a, r->list_flags);
    cordon__free(&a, r);
}

cordon__str cordon__rules_str(cordon__rules *r, const char *s, size_t n)
{
    if (!s || n == 0)
        return 0;
    if (r->pool.len + n + 1 > UINT32_MAX)
        return 0;
    cordon__str o = (cordon__str)r->pool.len;
    if (!cordon__buf_append(&r->pool, s, n) || !cordon__buf_putc(&r->pool, '\0'))
        return 0;
    return o;
}

#define PUSH(r, arr, n, cap)                                                                 \
    ((n) < (cap) ? true                                                                      \
                 : ((arr) = cordon__grow(&(r)->alloc, (arr), &(cap), (n) + 1, sizeof *(arr))) != NULL)

/* ---- indices ------------------------------------------------------------------ */

static const cordon__rules *sort_ctx_unused;

static int cmp_hsref(const void *a, const void *b, void *ctx)
{
    const cordon__rules *r = ctx;
    const cordon__hsref *x = a, *y = b;
    int c = strcmp(cordon__s(r, x->prefix), cordon__s(r, y->prefix));
    if (c)
        return c;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static int cmp_bycode(const void *a, const void *b, void *ctx)
{
    const cordon__rules *r = ctx;
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    int c = strcmp(cordon__s(r, r->entries[x].code), cordon__s(r, r->entries[y].code));
    if (c)
        return c;
    return x < y ? -1 : x > y;
}

static int compile_one(cordon__rules *r, size_t i, cordon_error *err)
{
    const char *src = cordon__s(r, r->pats[i].src);
    pcre2_compile_context *cc = pcre2_compile_context_create(r->gctx);
    if (!cc)
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)src, strlen(src), PCRE2_UTF | PCRE2_CASELESS,
                                     &ec, &eo, cc);
    pcre2_compile_context_free(cc);
    if (!code) {
        PCRE2_UCHAR msg[160];
        if (ec == PCRE2_ERROR_HEAP_FAILED)
            return cordon__err(err, CORDON_E_NOMEM, "out of memory compiling a pattern");
        pcre2_get_error_message(ec, msg, sizeof msg);
        cordon__err(err, CORDON_E_REGEX, "pattern /%.80s/ at offset %u: %s", src, (unsigned)eo,
                    (const char *)msg);
        cordon__err_detail(err, ec);
        return CORDON_E_REGEX;
    }
    (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
    r->codes[i] = code;
    return CORDON_OK;
}

int cordon__rules_finish(cordon__rules *r, size_t first_pattern, cordon_error *err)
{
    if (r->pool.failed)
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    /* compile new patterns */
    if (r->npats > r->ncodes) {
        size_t cap = r->ncodes;
        pcre2_code **c = cordon__realloc(&r->alloc, r->codes, r->npats * sizeof *c);
        if (!c)
            return cordon__err(err, CORDON_E_NOMEM, "out of memory");
        (void)cap;
        r->codes = c;
        for (size_t i = r->ncodes; i < r->npats; i++)
            r->codes[i] = NULL;
        uint32_t *cn = cordon__realloc(&r->alloc, r->canon, r->npats * sizeof *cn);
        if (!cn)
            return cordon__err(err, CORDON_E_NOMEM, "out of memory");
        r->canon = cn;
        for (size_t i = first_pattern < r->ncodes ? r->ncodes : first_pattern; i < r->npats; i++) {
            /* identical pattern text shares one compiled pattern (and one match per call) */
            r->canon[i] = (uint32_t)i;
            if (r->npats < 4096)
                for (size_t j = 0; j < i; j++)
                    if (r->pats[j].src == r->pats[i].src ||
                        strcmp(cordon__s(r, r->pats[j].src), cordon__s(r, r->pats[i].src)) == 0) {
                        r->canon[i] = r->canon[j];
                        break;
                    }
            if (r->canon[i] != i)
                continue;
            int rc = compile_one(r, i, err);
            if (rc != CORDON_OK) {
                r->ncodes = r->npats;
                return rc;
            }
        }
        r->ncodes = r->npats;
    }
    /* HS prefix index */
    cordon__free(&r->alloc, r->hsidx);
    r->hsidx = NULL;
    r->nhsidx = 0;
    size_t n = 0;
    for (size_t e = 0; e < r->nentries; e++)
        n += r->entries[e].hs_count;
    if (n) {
        r->hsidx = cordon__calloc(&r->alloc, n, sizeof *r->hsidx);
        if (!r->hsidx)
            return cordon__err(err, CORDON_E_NOMEM, "out of memory");
        for (size_t e = 0; e < r->nentries; e++)
            for (uint32_t k = 0; k < r->entries[e].hs_count; k++) {
                r->hsidx[r->nhsidx].prefix = r->hs[r->entries[e].hs_first + k];
                r->hsidx[r->nhsidx].entry = (uint32_t)e;
                r->nhsidx++;
            }
        qsort_r(r->hsidx, r->nhsidx, sizeof *r->hsidx, cmp_hsref, r);
    }
    /* code index */
    cordon__free(&r->alloc, r->by_code);
    r->by_code = NULL;
    r->nby_code = 0;
    if (r->nentries) {
        r->by_code = cordon__calloc(&r->alloc, r->nentries, sizeof *r->by_code);
        if (!r->by_code)
            return cordon__err(err, CORDON_E_NOMEM, "out of memory");
        for (size_t e = 0; e < r->nentries; e++)
            r->by_code[e] = (uint32_t)e;
        r->nby_code = r->nentries;
        qsort_r(r->by_code, r->nby_code, sizeof *r->by_code, cmp_bycode, r);
    }
    /* entries with text patterns, in entry order */
    cordon__free(&r->alloc, r->with_pats);
    r->with_pats = NULL;
    r->nwith_pats = 0;
    size_t np = 0;
    for (size_t e = 0; e < r->nentries; e++)
        np += r->entries[e].pat_count > 0;
    if (np) {
        r->with_pats = cordon__calloc(&r->alloc, np, sizeof *r->with_pats);
        if (!r->with_pats)
            return cordon__err(err, CORDON_E_NOMEM, "out of memory");
        for (size_t e = 0; e < r->nentries; e++)
            if (r->entries[e].pat_count > 0)
                r->with_pats[r->nwith_pats++] = (uint32_t)e;
    }
    /* list flags */
    cordon__free(&r->alloc, r->list_flags);
    r->list_flags = NULL;
    if (r->nlists) {
        r->list_flags = cordon__calloc(&r->alloc, r->nlists, 1);
        if (!r->list_flags)
            return cordon__err(err, CORDON_E_NOMEM, "out of memory");
        for (size_t l = 0; l < r->nlists; l++)
            for (const char *id = cordon__s(r, r->lists[l].id); *id; id++)
                if (strncasecmp(id, "chpl", 4) == 0)
                    r->list_flags[l] |= CORDON__LIST_IS_CHPL;
    }
    (void)sort_ctx_unused;
    return CORDON_OK;
}

size_t cordon__rules_hs_lookup(const cordon__rules *r, const char *digits, size_t n, uint32_t *out,
                               size_t max)
{
    size_t k = 0;
    char key[16];
    for (size_t len = 2; len <= n && len <= 10; len += 2) {
        memcpy(key, digits, len);
        key[len] = '\0';
        size_t lo = 0, hi = r->nhsidx;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (strcmp(cordon__s(r, r->hsidx[mid].prefix), key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t i = lo; i < r->nhsidx && strcmp(cordon__s(r, r->hsidx[i].prefix), key) == 0; i++)
            if (k < max)
                out[k++] = r->hsidx[i].entry;
    }
    return k;
}

size_t cordon__rules_code_lookup(const cordon__rules *r, const char *code, uint32_t *out, size_t max)
{
    size_t lo = 0, hi = r->nby_code, k = 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(cordon__s(r, r->entries[r->by_code[mid]].code), code) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < r->nby_code && strcmp(cordon__s(r, r->entries[r->by_code[i]].code), code) == 0; i++)
        if (k < max)
            out[k++] = r->by_code[i];
    return k;
}

/* ---- XML loader ------------------------------------------------------------------ */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
    xmlInitParser();
}

typedef struct vstate {
    int nerr;
    int line;
    char msg[300];
} vstate;

static void rng_error(void *ctx, xmlErrorPtr e)
{
    vstate *v = ctx;
    if (!v || !e)
        return;
    if (v->nerr++ == 0) {
        v->line = e->line;
        snprintf(v->msg, sizeof v->msg, "%s", e->message ? e->message : "schema violation");
        size_t l = strlen(v->msg);
        while (l > 0 && (v->msg[l - 1] == '\n' || v->msg[l - 1] == ' '))
            v->msg[--l] = '\0';
    }
}

static void rng_quiet(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

static bool is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           strcmp((const char *)n->ns->href, RULES_NS) == 0 && strcmp((const char *)n->name, name) == 0;
}

/* Attribute value (no namespace) or NULL; caller frees with xmlFree. */
static char *attr(const xmlNode *n, const char *name)
{
    return (char *)xmlGetNoNsProp(n, (const xmlChar *)name);
}

static cordon__str attr_str(cordon__rules *r, const xmlNode *n, const char *name)
{
    char *v = attr(n, name);
    if (!v)
        return 0;
    cordon__str s = cordon__rules_str(r, v, strlen(v));
    xmlFree(v);
    return s;
}

static cordon__str text_str(cordon__rules *r, const xmlNode *n)
{
    xmlChar *t = xmlNodeGetContent(n);
    if (!t)
        return 0;
    /* trim */
    const char *s = (const char *)t;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        len--;
    while (len && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')) {
        s++;
        len--;
    }
    cordon__str o = cordon__rules_str(r, s, len);
    xmlFree(t);
    return o;
}

static int node_err(cordon_error *err, int code, const char *name, const xmlNode *n, const char *what,
                    const char *detail)
{
    long line = n ? xmlGetLineNo(n) : 0;
    return cordon__err_at(err, code, -1, line > 0 ? line : 0, 0, "%s:%ld: %s%s%s", name, line, what,
                          detail ? ": " : "", detail ? detail : "");
}

static int kind_of(const char *k)
{
    if (!k)
        return CORDON_CODE_AUTO;
    if (strcmp(k, "eccn") == 0) return CORDON_CODE_ECCN;
    if (strcmp(k, "eu_annex1") == 0) return CORDON_CODE_EU_ANNEX1;
    if (strcmp(k, "usml") == 0) return CORDON_CODE_USML;
    if (strcmp(k, "hs") == 0) return CORDON_CODE_HS;
    if (strcmp(k, "label") == 0) return CORDON__KIND_LABEL;
    return -1;
}

static int load_legal(cordon__rules *r, const xmlNode *parent, cordon__str *act, cordon__str *date,
                      cordon__str *url)
{
    for (const xmlNode *c = parent->children; c; c = c->next)
        if (is_el(c, "legal")) {
            *act = attr_str(r, c, "act");
            *date = attr_str(r, c, "date");
            if (url)
                *url = attr_str(r, c, "url");
        }
    return 0;
}

static int load_entry(cordon__rules *r, const xmlNode *n, uint32_t list, const char *name,
                      cordon_error *err)
{
    if (!PUSH(r, r->entries, r->nentries, r->capentries))
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    cordon__entry *e = &r->entries[r->nentries];
    memset(e, 0, sizeof *e);
    e->list = list;
    e->line = (uint32_t)xmlGetLineNo(n);
    char *code = attr(n, "code");
    char *kind = attr(n, "kind");
    char *pa = attr(n, "params");
    int k = kind_of(kind);
    e->params_any = pa && strcmp(pa, "any") == 0;
    xmlFree(pa);
    xmlFree(kind);
    if (!code) /* the schema requires it */
        return node_err(err, CORDON_E_PARSE, name, n, "entry without code", NULL);
    char norm[80];
    if (k == CORDON__KIND_LABEL) {
        e->code = cordon__rules_str(r, code, strlen(code));
        e->kind = CORDON__KIND_LABEL;
    } else {
        cordon_error ce;
        int det = k;
        int rc = cordon__code_norm(code, strlen(code), k, norm, &det, &ce);
        if (rc != CORDON_OK) {
            node_err(err, CORDON_E_PARSE, name, n, "invalid entry code", ce.message);
            xmlFree(code);
            return CORDON_E_PARSE;
        }
        e->code = cordon__rules_str(r, norm, strlen(norm));
        e->kind = (uint32_t)det;
    }
    xmlFree(code);
    e->tier = attr_str(r, n, "tier");
    e->act = r->lists[list].act;
    e->date = r->lists[list].date;
    e->hs_first = (uint32_t)r->nhs;
    e->pat_first = (uint32_t)r->npats;
    e->par_first = (uint32_t)r->nparams;
    cordon__buf notes;
    cordon__buf_init(&notes, &r->alloc);
    int rc = CORDON_OK;
    for (const xmlNode *c = n->children; c && rc == CORDON_OK; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(c, "title")) {
            e->title = text_str(r, c);
        } else if (is_el(c, "reasons")) {
            e->reasons = text_str(r, c);
        } else if (is_el(c, "hs")) {
            if (!PUSH(r, r->hs, r->nhs, r->caphs)) {
                rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
                break;
            }
            r->hs[r->nhs++] = text_str(r, c);
            e->hs_count++;
        } else if (is_el(c, "pattern") || is_el(c, "exclude")) {
            if (!PUSH(r, r->pats, r->npats, r->cappats)) {
                rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
                break;
            }
            cordon__pattern *p = &r->pats[r->npats];
            p->src = text_str(r, c);
            p->flags = is_el(c, "exclude") ? CORDON__PAT_EXCLUDE : 0;
            /* compile now to report the line; finish() compiles for real */
            int ec;
            PCRE2_SIZE eo;
            const char *src = cordon__s(r, p->src);
            pcre2_compile_context *cc = pcre2_compile_context_create(r->gctx);
            pcre2_code *pc = cc ? pcre2_compile((PCRE2_SPTR)src, strlen(src), PCRE2_UTF | PCRE2_CASELESS,
                                                &ec, &eo, cc)
                                : NULL;
            pcre2_compile_context_free(cc);
            if (!pc) {
                PCRE2_UCHAR msg[160];
                if (!cc || ec == PCRE2_ERROR_HEAP_FAILED) {
                    rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
                    break;
                }
                pcre2_get_error_message(ec, msg, sizeof msg);
                long line = xmlGetLineNo(c);
                rc = cordon__err_at(err, CORDON_E_REGEX, -1, line, 0,
                                    "%s:%ld: bad pattern at offset %u: %s", name, line,
                                    (unsigned)eo, (const char *)msg);
                cordon__err_detail(err, ec);
                break;
            }
            pcre2_code_free(pc);
            r->npats++;
            e->pat_count++;
        } else if (is_el(c, "param")) {
            if (!PUSH(r, r->params, r->nparams, r->capparams)) {
                rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
                break;
            }
            cordon__param_rule *p = &r->params[r->nparams];
            memset(p, 0, sizeof *p);
            char *cmp = attr(c, "cmp"), *val = attr(c, "value"), *unit = attr(c, "unit");
            int ci = cmp ? cordon__cmp_parse(cmp) : -1;
            char *end = NULL;
            double v = val ? strtod(val, &end) : 0;
            int dim = -1;
            double base = unit ? cordon__unit_convert(unit, strlen(unit), v, &dim) : 0;
            if (ci < 0 || !val || end == val || *end || dim < 0) {
                char d[160];
                snprintf(d, sizeof d, "cmp='%s' value='%s' unit='%s'", cmp ? cmp : "", val ? val : "",
                         unit ? unit : "");
                rc = node_err(err, CORDON_E_PARSE, name, c,
                              dim < 0 ? "unknown unit in param" : "invalid param", d);
            } else {
                p->name = attr_str(r, c, "name");
                p->unit = cordon__rules_str(r, unit, strlen(unit));
                p->label = attr_str(r, c, "label");
                p->dim = (uint32_t)dim;
                p->cmp = (uint32_t)ci;
                p->value = base;
                p->given = v;
                r->nparams++;
                e->par_count++;
            }
            xmlFree(cmp);
            xmlFree(val);
            xmlFree(unit);
        } else if (is_el(c, "note")) {
            xmlChar *t = xmlNodeGetContent(c);
            if (t) {
                if (notes.len)
                    cordon__buf_putc(&notes, '\n');
                cordon__buf_puts(&notes, (const char *)t);
                xmlFree(t);
            }
        } else if (is_el(c, "legal")) {
            e->act = attr_str(r, c, "act");
            e->date = attr_str(r, c, "date");
        }
    }
    if (rc == CORDON_OK && notes.len)
        e->notes = cordon__rules_str(r, notes.data, notes.len);
    if (notes.failed && rc == CORDON_OK)
        rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
    cordon__buf_free(&notes);
    if (rc == CORDON_OK)
        r->nentries++;
    return rc;
}

static int load_embargo(cordon__rules *r, const xmlNode *n, const char *name, cordon_error *err)
{
    if (!PUSH(r, r->embargoes, r->nembargoes, r->capembargoes))
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    cordon__embargo *e = &r->embargoes[r->nembargoes];
    memset(e, 0, sizeof *e);
    char *c = attr(n, "country"), *scope = attr(n, "scope"), *sev = attr(n, "severity");
    int rc = CORDON_OK;
    if (!c || !cordon__country_name(c)) {
        rc = node_err(err, CORDON_E_PARSE, name, n, "unknown country code", c);
    } else {
        e->country = (uint32_t)(unsigned char)c[0] | (uint32_t)(unsigned char)c[1] << 8;
        e->scope = !scope || strcmp(scope, "all") == 0 ? CORDON__SCOPE_ALL
                 : strcmp(scope, "controlled") == 0   ? CORDON__SCOPE_CONTROLLED
                 : strcmp(scope, "chpl") == 0         ? CORDON__SCOPE_CHPL
                                                      : CORDON__SCOPE_LIST;
        e->severity = sev && strcmp(sev, "review") == 0 ? CORDON__SEV_REVIEW : CORDON__SEV_BLOCK;
        e->regime = attr_str(r, n, "regime");
        e->region = attr_str(r, n, "region");
        e->list = attr_str(r, n, "list");
        e->program = attr_str(r, n, "program");
        if (e->scope == CORDON__SCOPE_LIST && !e->list)
            rc = node_err(err, CORDON_E_PARSE, name, n, "scope 'list' needs a list attribute", NULL);
        load_legal(r, n, &e->act, &e->date, &e->url);
        e->pat_first = (uint32_t)r->npats;
        cordon__buf notes;
        cordon__buf_init(&notes, &r->alloc);
        for (const xmlNode *k = n->children; k && rc == CORDON_OK; k = k->next) {
            if (is_el(k, "region-pattern")) {
                if (!PUSH(r, r->pats, r->npats, r->cappats)) {
                    rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
                    break;
                }
                r->pats[r->npats].src = text_str(r, k);
                r->pats[r->npats].flags = CORDON__PAT_REGION;
                r->npats++;
                e->pat_count++;
            } else if (is_el(k, "note")) {
                xmlChar *t = xmlNodeGetContent(k);
                if (t) {
                    if (notes.len)
                        cordon__buf_putc(&notes, '\n');
                    cordon__buf_puts(&notes, (const char *)t);
                    xmlFree(t);
                }
            }
        }
        if (notes.len)
            e->notes = cordon__rules_str(r, notes.data, notes.len);
        cordon__buf_free(&notes);
    }
    xmlFree(c);
    xmlFree(scope);
    xmlFree(sev);
    if (rc == CORDON_OK)
        r->nembargoes++;
    return rc;
}

/* Undo a partial load: drop everything added after the given counts. */
typedef struct mark {
    size_t lists, entries, hs, pats, params, embargoes, pool;
} mark;

static mark mark_now(const cordon__rules *r)
{
    mark m = {r->nlists, r->nentries, r->nhs, r->npats, r->nparams, r->nembargoes, r->pool.len};
    return m;
}

static void rollback(cordon__rules *r, mark m)
{
    r->nlists = m.lists;
    r->nentries = m.entries;
    r->nhs = m.hs;
    if (r->ncodes > m.pats) {
        for (size_t i = m.pats; i < r->ncodes; i++)
            pcre2_code_free(r->codes[i]);
        r->ncodes = m.pats;
    }
    r->npats = m.pats;
    r->nparams = m.params;
    r->nembargoes = m.embargoes;
    r->pool.len = m.pool;
    if (r->pool.data)
        r->pool.data[m.pool] = '\0';
}

static int load_doc(cordon__rules *r, xmlDoc *doc, const char *name, cordon_error *err)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    for (xmlNode *n = root->children; n; n = n->next) {
        if (is_el(n, "list")) {
            if (!PUSH(r, r->lists, r->nlists, r->caplists))
                return cordon__err(err, CORDON_E_NOMEM, "out of memory");
            cordon__list_meta *l = &r->lists[r->nlists];
            memset(l, 0, sizeof *l);
            l->id = attr_str(r, n, "id");
            l->name = attr_str(r, n, "name");
            l->regime = attr_str(r, n, "regime");
            l->version = attr_str(r, n, "version");
            l->source = cordon__rules_str(r, name, strlen(name));
            l->kind = CORDON__LIST_RULES;
            load_legal(r, n, &l->act, &l->date, &l->url);
            uint32_t li = (uint32_t)r->nlists++;
            for (xmlNode *c = n->children; c; c = c->next)
                if (is_el(c, "entry")) {
                    int rc = load_entry(r, c, li, name, err);
                    if (rc != CORDON_OK)
                        return rc;
                }
        } else if (is_el(n, "embargo")) {
            int rc = load_embargo(r, n, name, err);
            if (rc != CORDON_OK)
                return rc;
        }
    }
    return r->pool.failed ? cordon__err(err, CORDON_E_NOMEM, "out of memory") : CORDON_OK;
}

int cordon__rules_load_xml(cordon__rules *r, const char *data, size_t len, const char *name,
                           cordon_error *err)
{
    if ((int64_t)len > r->max_input)
        return cordon__err(err, CORDON_E_LIMIT, "%s: %zu bytes exceeds the input limit", name, len);
    if (len > INT32_MAX)
        return cordon__err(err, CORDON_E_LIMIT, "%s: too large", name);
    pthread_once(&xml_once, xml_init);
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    int rc = CORDON_OK;
    if (!doc) {
        xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
        char msg[256] = "malformed XML";
        if (e && e->message) {
            snprintf(msg, sizeof msg, "%s", e->message);
            size_t l = strlen(msg);
            while (l && (msg[l - 1] == '\n' || msg[l - 1] == ' '))
                msg[--l] = '\0';
        }
        rc = cordon__err_at(err, CORDON_E_PARSE, -1, e ? e->line : 0, e ? e->int2 : 0,
                            "%s:%d:%d: %s", name, e ? e->line : 0, e ? e->int2 : 0, msg);
        if (e)
            cordon__err_detail(err, e->code);
        xmlFreeParserCtxt(ctxt);
        return rc;
    }
    xmlFreeParserCtxt(ctxt);
    xmlNode *root = xmlDocGetRootElement(doc);
    if (doc->intSubset || doc->extSubset) {
        rc = cordon__err_at(err, CORDON_E_PARSE, -1, 1, 0,
                            "%s: a DOCTYPE is not allowed in a rule file", name);
        goto done;
    }
    if (!root || !is_el(root, "rules")) {
        rc = cordon__err_at(err, CORDON_E_FORMAT, -1, root ? xmlGetLineNo(root) : 0, 0,
                            "%s: not a cordon rule file (root must be <rules xmlns=\"%s\">)",
                            name, RULES_NS);
        goto done;
    }
    /* validate against the compiled-in schema */
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(cordon__rules_rng, (int)cordon__rules_rng_len);
    if (!pc) {
        rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
        goto done;
    }
    xmlRelaxNGSetParserStructuredErrors(pc, rng_quiet, NULL);
    xmlRelaxNGPtr schema = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    if (!schema) {
        rc = cordon__err(err, CORDON_E_STATE, "internal error: the rule schema does not compile");
        goto done;
    }
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    vstate vs = {0, 0, ""};
    int vr = -1;
    if (vc) {
        xmlRelaxNGSetValidStructuredErrors(vc, rng_error, &vs);
        vr = xmlRelaxNGValidateDoc(vc, doc);
        xmlRelaxNGFreeValidCtxt(vc);
    }
    xmlRelaxNGFree(schema);
    if (vr != 0) {
        rc = cordon__err_at(err, CORDON_E_PARSE, -1, vs.line, 0, "%s:%d: rule file violates the schema: %s",
                            name, vs.line, vs.nerr ? vs.msg : "invalid document");
        goto done;
    }
    mark m = mark_now(r);
    rc = load_doc(r, doc, name, err);
    if (rc == CORDON_OK)
        rc = cordon__rules_finish(r, m.pats, err);
    if (rc != CORDON_OK) {
        rollback(r, m);
        cordon_error ignore;
        cordon__rules_finish(r, r->npats, &ignore);
    }
done:
    xmlFreeDoc(doc);
    return rc;
}
