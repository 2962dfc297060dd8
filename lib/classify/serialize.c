/* serialize.c — rules <-> compact byte blob (stored as one section of a db
 * snapshot). Little-endian 32-bit words, a string pool, and a trailing
 * FNV-1a checksum; every offset and range is checked on load and patterns
 * are compiled again. */
#include "classify/classify.h"

#include <string.h>

static const char MAGIC[8] = {'C', 'D', 'R', 'U', 'L', 'E', 'S', 1};
#define NCOUNTS 8

static bool put32(cordon__buf *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    return cordon__buf_append(b, c, 4);
}

static bool put64(cordon__buf *b, uint64_t v)
{
    return put32(b, (uint32_t)v) && put32(b, (uint32_t)(v >> 32));
}

static bool put_words(cordon__buf *b, const void *arr, size_t count, size_t size)
{
    const unsigned char *p = arr;
    for (size_t i = 0; i < count * size / 4; i++) {
        uint32_t w;
        memcpy(&w, p + 4 * i, 4);
        if (!put32(b, w))
            return false;
    }
    return true;
}

int cordon__rules_serialize(const cordon__rules *r, cordon__buf *out)
{
    if (!r || !out)
        return CORDON_E_INVALID;
    size_t start = out->len;
    uint32_t pool_len = (uint32_t)r->pool.len;
    cordon__buf_append(out, MAGIC, sizeof MAGIC);
    uint32_t counts[NCOUNTS] = {(uint32_t)r->nlists, (uint32_t)r->nentries, (uint32_t)r->nhs,
                                (uint32_t)r->npats, (uint32_t)r->nparams, (uint32_t)r->nembargoes,
                                pool_len, 0};
    for (int i = 0; i < NCOUNTS; i++)
        put32(out, counts[i]);
    cordon__buf_append(out, r->pool.data, pool_len);
    while ((out->len - start) % 4)
        cordon__buf_putc(out, '\0');
    put_words(out, r->lists, r->nlists, sizeof *r->lists);
    put_words(out, r->entries, r->nentries, sizeof *r->entries);
    put_words(out, r->hs, r->nhs, sizeof *r->hs);
    put_words(out, r->pats, r->npats, sizeof *r->pats);
    for (size_t i = 0; i < r->nparams; i++) {
        const cordon__param_rule *p = &r->params[i];
        uint64_t v, g;
        memcpy(&v, &p->value, 8);
        memcpy(&g, &p->given, 8);
        put32(out, p->name);
        put32(out, p->unit);
        put32(out, p->label);
        put32(out, p->dim);
        put32(out, p->cmp);
        put32(out, 0);
        put64(out, v);
        put64(out, g);
    }
    put_words(out, r->embargoes, r->nembargoes, sizeof *r->embargoes);
    if (out->failed)
        return CORDON_E_NOMEM;
    uint64_t h = cordon__hash64(out->data + start, out->len - start, 0);
    put64(out, h);
    return out->failed ? CORDON_E_NOMEM : CORDON_OK;
}

typedef struct rd {
    const unsigned char *p;
    size_t n, i;
} rd;

static bool get32(rd *d, uint32_t *v)
{
    if (d->n - d->i < 4)
        return false;
    const unsigned char *c = d->p + d->i;
    *v = (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 | (uint32_t)c[3] << 24;
    d->i += 4;
    return true;
}

static bool get_words(rd *d, void *arr, size_t count, size_t size)
{
    unsigned char *p = arr;
    for (size_t i = 0; i < count * size / 4; i++) {
        uint32_t w;
        if (!get32(d, &w))
            return false;
        memcpy(p + 4 * i, &w, 4);
    }
    return true;
}

static int corrupt(cordon_error *err, const char *what, size_t off)
{
    return cordon__err_at(err, CORDON_E_CORRUPT, (int64_t)off, 0, 0, "rules blob: %s (offset %zu)",
                          what, off);
}

#define ALLOC_ARR(arr, n, cap)                                                                  \
    do {                                                                                       \
        if ((n) > 0) {                                                                         \
            (arr) = cordon__calloc(&r->alloc, (n), sizeof *(arr));                             \
            if (!(arr)) {                                                                      \
                rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");                        \
                goto fail;                                                                     \
            }                                                                                  \
            (cap) = (n);                                                                       \
        }                                                                                      \
    } while (0)

int cordon__rules_load(const void *blob, size_t len, const cordon_options *opts,
                       cordon__rules **out, cordon_error *err)
{
    if (!blob || !out)
        return cordon__err(err, CORDON_E_INVALID, "blob and out must not be NULL");
    *out = NULL;
    rd d = {blob, len, 0};
    if (len < sizeof MAGIC + 4 * NCOUNTS + 8 || memcmp(blob, MAGIC, 7) != 0)
        return corrupt(err, "bad magic or too short", 0);
    if (d.p[7] != MAGIC[7])
        return cordon__err(err, CORDON_E_VERSION, "rules blob: format version %u not supported",
                           (unsigned)d.p[7]);
    uint64_t want = 0;
    for (int i = 0; i < 8; i++)
        want |= (uint64_t)d.p[len - 8 + (size_t)i] << (8 * i);
    if (cordon__hash64(blob, len - 8, 0) != want)
        return corrupt(err, "checksum mismatch", len - 8);
    d.n = len - 8;
    d.i = sizeof MAGIC;
    uint32_t c[NCOUNTS];
    for (int i = 0; i < NCOUNTS; i++)
        get32(&d, &c[i]);
    uint32_t pool_len = c[6];
    /* every count is bounded by the blob size */
    for (int i = 0; i < 6; i++)
        if (c[i] > len / 4)
            return corrupt(err, "count too large", sizeof MAGIC + 4 * (size_t)i);
    if (pool_len == 0 || pool_len > d.n - d.i)
        return corrupt(err, "bad string pool size", d.i);
    if (d.p[d.i] != '\0' || d.p[d.i + pool_len - 1] != '\0')
        return corrupt(err, "string pool not terminated", d.i);
    cordon__rules *r = NULL;
    int rc = cordon__rules_create(opts, &r, err);
    if (rc != CORDON_OK)
        return rc;
    cordon__buf_reset(&r->pool);
    if (!cordon__buf_append(&r->pool, d.p + d.i, pool_len)) {
        rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
        goto fail;
    }
    d.i += pool_len;
    while (d.i % 4)
        d.i++;
    ALLOC_ARR(r->lists, c[0], r->caplists);
    ALLOC_ARR(r->entries, c[1], r->capentries);
    ALLOC_ARR(r->hs, c[2], r->caphs);
    ALLOC_ARR(r->pats, c[3], r->cappats);
    ALLOC_ARR(r->params, c[4], r->capparams);
    ALLOC_ARR(r->embargoes, c[5], r->capembargoes);
    if (!get_words(&d, r->lists, c[0], sizeof *r->lists) ||
        !get_words(&d, r->entries, c[1], sizeof *r->entries) ||
        !get_words(&d, r->hs, c[2], sizeof *r->hs) || !get_words(&d, r->pats, c[3], sizeof *r->pats)) {
        rc = corrupt(err, "truncated", d.i);
        goto fail;
    }
    for (uint32_t i = 0; i < c[4]; i++) {
        cordon__param_rule *p = &r->params[i];
        uint32_t w[10];
        for (int k = 0; k < 10; k++)
            if (!get32(&d, &w[k])) {
                rc = corrupt(err, "truncated", d.i);
                goto fail;
            }
        p->name = w[0];
        p->unit = w[1];
        p->label = w[2];
        p->dim = w[3];
        p->cmp = w[4];
        uint64_t v = (uint64_t)w[6] | (uint64_t)w[7] << 32, g = (uint64_t)w[8] | (uint64_t)w[9] << 32;
        memcpy(&p->value, &v, 8);
        memcpy(&p->given, &g, 8);
    }
    if (!get_words(&d, r->embargoes, c[5], sizeof *r->embargoes)) {
        rc = corrupt(err, "truncated", d.i);
        goto fail;
    }
    if (d.i != d.n) {
        rc = corrupt(err, "trailing bytes", d.i);
        goto fail;
    }
    r->nlists = c[0];
    r->nentries = c[1];
    r->nhs = c[2];
    r->npats = c[3];
    r->nparams = c[4];
    r->nembargoes = c[5];
    /* validate every reference */
#define STR_OK(o) ((o) < pool_len)
    for (size_t i = 0; i < r->nlists; i++) {
        const uint32_t *w = (const uint32_t *)&r->lists[i];
        for (size_t k = 0; k < 8; k++)
            if (!STR_OK(w[k])) {
                rc = corrupt(err, "list string out of range", 0);
                goto fail;
            }
    }
    for (size_t i = 0; i < r->nentries; i++) {
        const cordon__entry *e = &r->entries[i];
        if (e->list >= r->nlists || !STR_OK(e->code) || !STR_OK(e->title) || !STR_OK(e->reasons) ||
            !STR_OK(e->tier) || !STR_OK(e->notes) || !STR_OK(e->act) || !STR_OK(e->date) ||
            e->hs_first > r->nhs || e->hs_count > r->nhs - e->hs_first || e->pat_first > r->npats ||
            e->pat_count > r->npats - e->pat_first || e->par_first > r->nparams ||
            e->par_count > r->nparams - e->par_first) {
            rc = corrupt(err, "entry reference out of range", 0);
            goto fail;
        }
    }
    for (size_t i = 0; i < r->nhs; i++)
        if (!STR_OK(r->hs[i])) {
            rc = corrupt(err, "hs string out of range", 0);
            goto fail;
        }
    for (size_t i = 0; i < r->npats; i++)
        if (!STR_OK(r->pats[i].src) || r->pats[i].flags > 3) {
            rc = corrupt(err, "pattern out of range", 0);
            goto fail;
        }
    for (size_t i = 0; i < r->nparams; i++) {
        const cordon__param_rule *p = &r->params[i];
        if (!STR_OK(p->name) || !STR_OK(p->unit) || !STR_OK(p->label) || p->dim >= CORDON__DIM_COUNT ||
            p->cmp > CORDON__CMP_EQ) {
            rc = corrupt(err, "param out of range", 0);
            goto fail;
        }
    }
    for (size_t i = 0; i < r->nembargoes; i++) {
        const cordon__embargo *e = &r->embargoes[i];
        if (!STR_OK(e->regime) || !STR_OK(e->region) || !STR_OK(e->list) || !STR_OK(e->program) ||
            !STR_OK(e->act) || !STR_OK(e->date) || !STR_OK(e->url) || !STR_OK(e->notes) ||
            e->scope > CORDON__SCOPE_LIST || e->severity > CORDON__SEV_REVIEW ||
            e->pat_first > r->npats || e->pat_count > r->npats - e->pat_first) {
            rc = corrupt(err, "embargo out of range", 0);
            goto fail;
        }
    }
#undef STR_OK
    rc = cordon__rules_finish(r, 0, err);
    if (rc != CORDON_OK)
        goto fail;
    *out = r;
    return CORDON_OK;
fail:
    cordon__rules_destroy(r);
    return rc;
}
