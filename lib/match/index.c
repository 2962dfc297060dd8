/* index.c — the name index (MATCH section): build, validate/attach, lookup.
 * See index.h for the layout and doc/scoring.md for retrieval. */
#include "match/index.h"
#include "index/db.h"
#include "sources/entity.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* ---- keys ------------------------------------------------------------------ */

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

uint64_t cordon__mix_key(int ns, const char *s, size_t n)
{
    uint64_t h = cordon__hash64(s, n, (uint64_t)ns * 0x9E3779B97F4A7C15ULL);
    return h ? h : 1;
}

bool cordon__mix_indexed(const cordon__mtok *t)
{
    return t->kind == CORDON__TOK_WORD || t->kind == CORDON__TOK_NUMBER;
}

static bool glue_kind(uint8_t k)
{
    return k == CORDON__TOK_WORD || k == CORDON__TOK_PARTICLE;
}

/* The keys in namespace ns of s (n <= 40 bytes) less one of its bytes at
 * from..n-1, each distinct deletion once. */
static void one_deletions(int ns, const char *s, size_t n, size_t from, float strength,
                          cordon__mix_emit emit, void *ctx)
{
    char d[40];
    for (size_t i = from; i < n; i++) {
        if (i > 0 && s[i] == s[i - 1])
            continue; /* same deletion as the previous one */
        memcpy(d, s, i);
        memcpy(d + i, s + i + 1, n - i - 1);
        emit(ctx, cordon__mix_key(ns, d, n - 1), strength);
    }
}

void cordon__mix_token_keys(const char *base, const cordon__mtok *t, const cordon__mtok *next,
                            cordon__mix_emit emit, void *ctx)
{
    const char *s = base + t->off, *sk = base + t->sk_off;
    if (cordon__mix_indexed(t)) {
        emit(ctx, cordon__mix_key(MIX_K_TEXT, s, t->len), 1.0f);
        if (t->kind != CORDON__TOK_NUMBER && t->sklen > 0) {
            emit(ctx, cordon__mix_key(MIX_K_NEIGH, sk, t->sklen), 0.9f);
            if (t->sklen >= 4 && t->sklen <= 40)
                /* (a query's deletion meeting a list word's may be two
                 * edits, beyond the scorer's budget under 7 letters) */
                one_deletions(MIX_K_NEIGH, sk, t->sklen, 0,
                              cordon__typo_budget(t->sklen) >= 2 ? 0.8f : 0.65f, emit, ctx);
            if (t->len >= 3)
                for (int i = 0; i < 2; i++)
                    if (t->ph[i] && (i == 0 || t->ph[1] != t->ph[0]))
                        emit(ctx, cordon__mix_key(MIX_K_PHON, (const char *)&t->ph[i], 8), 0.55f);
            /* two edits in a long token, or an inflected ending
             * ("islam"/"islamic"): four-letter pieces of the skeleton, the
             * first from 5 letters, the last from 7, and the second and
             * second-to-last from 9 (two typos rarely hit all four) */
            if (t->sklen >= 5)
                emit(ctx, cordon__mix_key(MIX_K_PRE, sk, 4), 0.45f);
            if (t->sklen >= 7)
                emit(ctx, cordon__mix_key(MIX_K_SUF, sk + t->sklen - 4, 4), 0.45f);
            if (t->sklen >= 9) {
                emit(ctx, cordon__mix_key(MIX_K_PRE2, sk + 4, 4), 0.45f);
                emit(ctx, cordon__mix_key(MIX_K_SUF2, sk + t->sklen - 8, 4), 0.45f);
            }
        }
    }
    if (next)
        cordon__mix_glued_key(base, t, next, emit, ctx);
}

/* The skeletons of t and next glued into g (cap bytes): the length, or 0
 * when the two cannot glue or do not fit. */
static size_t glued_skeleton(const char *base, const cordon__mtok *t, const cordon__mtok *next,
                             char *g, size_t cap)
{
    size_t n = (size_t)t->sklen + next->sklen;
    if (!glue_kind(t->kind) || !glue_kind(next->kind) || !t->sklen || !next->sklen || n > cap)
        return 0;
    memcpy(g, base + t->sk_off, t->sklen);
    memcpy(g + t->sklen, base + next->sk_off, next->sklen);
    return n;
}

void cordon__mix_glued_key(const char *base, const cordon__mtok *t, const cordon__mtok *next,
                           cordon__mix_emit emit, void *ctx)
{
    char g[80];
    size_t n = glued_skeleton(base, t, next, g, sizeof g);
    if (n)
        emit(ctx, cordon__mix_key(MIX_K_NEIGH, g, n), 0.85f);
}

void cordon__mix_glued_typo_keys(const char *base, const cordon__mtok *t,
                                 const cordon__mtok *next, cordon__mix_emit emit, void *ctx)
{
    char g[40];
    size_t n = glued_skeleton(base, t, next, g, sizeof g);
    if (n >= 8)
        one_deletions(MIX_K_NEIGH, g, n, 0, 0.7f, emit, ctx);
}

/* Consonant key of a skeleton: the skeleton without its vowel marks ('a')
 * and w/v glides, runs collapsed ("mahamad" -> "mhmd", "havas" -> "hs").
 * Abjad spellings write only long vowels, so an Arabic name's consonants
 * are what a Latin spelling of it is sure to share. out holds n bytes;
 * returns the length. */
static size_t cons_key(const char *sk, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = sk[i];
        if (c == 'a' || c == 'v')
            continue;
        if (o == 0 || out[o - 1] != c)
            out[o++] = c;
    }
    return o;
}

void cordon__mix_cons_key(const char *base, const cordon__mtok *t, bool query,
                          cordon__mix_emit emit, void *ctx)
{
    if (t->kind != CORDON__TOK_WORD || t->sklen < 3 || t->sklen > 40)
        return;
    char c[40];
    size_t n = cons_key(base + t->sk_off, t->sklen, c);
    if (n < 2)
        return;
    bool abjad = (t->flags & CORDON__MT_TRANSLIT) != 0;
    int ns = abjad != query ? MIX_K_CONS_ABJAD : MIX_K_CONS_OTHER;
    /* two consonants are a weak key: long postings of it are skipped */
    emit(ctx, cordon__mix_key(ns, c, n), n >= 3 ? 0.75f : 0.55f);
    /* an Arabic word's glued article, often left out in Latin */
    const char *sk = base + t->sk_off;
    if (abjad && t->sklen >= 5 && sk[0] == 'a' && sk[1] == 'l' && n >= 3 && c[0] == 'l')
        emit(ctx, cordon__mix_key(ns, c + 1, n - 1), n - 1 >= 3 ? 0.75f : 0.55f);
}

/* First word of length L (in x's sorted list) not below s[0..n) in its
 * first n bytes. */
static uint32_t word_lower(const cordon__mix *x, size_t L, const char *s, size_t n)
{
    uint32_t lo = x->word_first[L], hi = x->word_first[L + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (memcmp(x->text + x->words[mid].text_off, s, n) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void cordon__mix_typo_keys(const cordon__mix *x, const char *s, size_t n,
                           cordon__mix_emit emit, void *ctx)
{
    if (n < CORDON__MIX_WORD_MIN || n > CORDON__MIX_WORD_MAX)
        return;
    /* a letter too many in the query ("najdi"/"naji", where the skeletons
     * differ by more: "nada"/"na"): its one-deletions as text keys, the
     * first letter kept when four are left */
    if (n >= 5)
        one_deletions(MIX_K_TEXT, s, n, n - 1 <= 4 ? 1 : 0, 1.0f - 0.6f / (float)n, emit, ctx);
    if (!x->n_words)
        return;
    /* an inflected ending (the scorer's "putin"/"putinas" rule, 5+ letters
     * in common, 1-2 more): a shorter list word is the query's prefix, a
     * longer one starts with the query */
    if (n >= 5) {
        for (size_t L = n - 2; L < n; L++)
            if (L >= 5)
                emit(ctx, cordon__mix_key(MIX_K_TEXT, s, L), 1.0f - 0.6f * (float)(n - L) / (float)n);
        for (size_t L = n + 1; L <= n + 2 && L <= CORDON__MIX_WORD_MAX; L++)
            for (uint32_t i = word_lower(x, L, s, n); i < x->word_first[L + 1]; i++) {
                const char *t = x->text + x->words[i].text_off;
                if (memcmp(t, s, n) != 0)
                    break;
                emit(ctx, cordon__mix_key(MIX_K_TEXT, t, L), 1.0f - 0.6f * (float)(L - n) / (float)L);
            }
    }
    /* two edits in words of 7+ letters (one edit is left to the skeleton's
     * deletion keys): letters present differ by at most 4, then the
     * scorer's own distance */
    if (n < 7)
        return;
    uint32_t mq = cordon__letters(s, n);
    size_t lo = n - 2 > 7 ? n - 2 : 7;
    size_t hi = n + 2 < CORDON__MIX_WORD_MAX ? n + 2 : CORDON__MIX_WORD_MAX;
    for (size_t L = lo; L <= hi; L++) {
        size_t mx = L < n ? n : L;
        for (uint32_t i = x->word_first[L]; i < x->word_first[L + 1]; i++) {
            const cordon__mix_word *w = &x->words[i];
            if (!cordon__few_bits(mq ^ w->mask, 4))
                continue;
            const char *t = x->text + w->text_off;
            int d = cordon__damerau(s, n, t, L, 2);
            if (d > 0 && d <= 2)
                emit(ctx, cordon__mix_key(MIX_K_TEXT, t, L), 1.0f - 0.6f * (float)d / (float)mx);
        }
    }
}

/* ---- lookup ---------------------------------------------------------------- */

const uint32_t *cordon__mix_lookup(const cordon__mix *x, uint64_t key, uint32_t *count)
{
    uint32_t first;
    return cordon__mix_lookup_at(x, key, count, &first);
}

const uint32_t *cordon__mix_lookup_at(const cordon__mix *x, uint64_t key, uint32_t *count,
                                      uint32_t *first)
{
    *count = 0;
    *first = 0;
    if (!x->n_slots)
        return NULL;
    uint32_t mask = x->n_slots - 1, i = (uint32_t)mix64(key) & mask;
    for (uint32_t probe = 0; probe < x->n_slots; probe++, i = (i + 1) & mask) {
        const cordon__mix_slot *s = &x->slots[i];
        if (s->key == 0)
            return NULL;
        if (s->key == key) {
            *count = s->count;
            *first = s->first;
            return x->post + s->first;
        }
    }
    return NULL;
}

static double idf_of(uint32_t n_names, uint32_t df)
{
    return log(((double)n_names + 1.0) / ((double)df + 0.5));
}

static float idf_factor(double mean, uint32_t n_names, uint32_t df)
{
    if (mean <= 0)
        return 1.0f;
    return cordon__idf_clamp(idf_of(n_names, df) / mean);
}

float cordon__mix_idf_factor(const cordon__mix *x, uint32_t df)
{
    return idf_factor(x->mean_idf, x->n_names, df);
}

void cordon__mix_name_get(const cordon__mix *x, uint32_t i, cordon__mname *out)
{
    const cordon__mix_name *r = &x->names[i];
    out->t = x->toks + r->tok_first;
    out->n = r->ntok;
    out->base = x->text + r->text_off;
    out->type = r->type;
    out->weak = r->weak;
}

/* ---- validation ------------------------------------------------------------ */

static int bad(cordon_error *err, const char *what)
{
    return cordon__err(err, CORDON_E_CORRUPT, "snapshot name index is corrupt (%s)", what);
}

static bool region_ok(uint64_t off, uint64_t count, size_t elem, size_t size)
{
    if (off % 8 || off > size)
        return false;
    if (count > (size - off) / elem)
        return false;
    return true;
}

int cordon__mix_validate(const void *sec, size_t size, uint32_t n_names, cordon__mix *out,
                         cordon_error *err)
{
    memset(out, 0, sizeof *out);
    if (!sec || size < CORDON__MIX_HDR_V1 || ((uintptr_t)sec & 7))
        return bad(err, "short header");
    const cordon__mix_hdr *h = sec;
    if (memcmp(h->magic, CORDON__MIX_MAGIC, 8) != 0)
        return bad(err, "magic");
    if (h->version != CORDON__MIX_VERSION)
        return cordon__err(err, CORDON_E_VERSION,
                           "snapshot name index version %u; this library reads version %u",
                           h->version, CORDON__MIX_VERSION);
    if (h->hdr_size != sizeof *h && h->hdr_size != CORDON__MIX_HDR_V1)
        return bad(err, "header size");
    if (h->hdr_size > size)
        return bad(err, "short header");
    /* fields after the first layout's header are read only when present */
    uint64_t off_pw = h->hdr_size == sizeof *h ? h->off_pw : 0;
    if (h->n_names != n_names)
        return bad(err, "name count");
    if (!region_ok(h->off_names, h->n_names, sizeof(cordon__mix_name), size) ||
        !region_ok(h->off_toks, h->n_toks, sizeof(cordon__mtok), size) ||
        !region_ok(h->off_text, h->text_size, 1, size) ||
        !region_ok(h->off_slots, h->n_slots, sizeof(cordon__mix_slot), size) ||
        !region_ok(h->off_post, h->n_post, sizeof(uint32_t), size))
        return bad(err, "region bounds");
    if (h->n_slots & (h->n_slots - 1))
        return bad(err, "slot count");
    if (!(h->mean_idf >= 0.0f && h->mean_idf < 100.0f))
        return bad(err, "mean idf");
    const unsigned char *b = sec;
    const cordon__mix_name *names = (const cordon__mix_name *)(b + h->off_names);
    const cordon__mtok *toks = (const cordon__mtok *)(b + h->off_toks);
    const cordon__mix_slot *slots = (const cordon__mix_slot *)(b + h->off_slots);
    const uint32_t *post = (const uint32_t *)(b + h->off_post);
    for (uint32_t i = 0; i < h->n_names; i++) {
        const cordon__mix_name *r = &names[i];
        if (r->tok_first > h->n_toks || r->ntok > h->n_toks - r->tok_first)
            return bad(err, "name tokens");
        if (r->text_off > h->text_size || r->text_len > h->text_size - r->text_off)
            return bad(err, "name text");
        if (r->type > CORDON__TYPE_AIRCRAFT || r->weak > 1 || !(r->wsum >= 0.0f && r->wsum < 1e6f))
            return bad(err, "name fields");
        for (uint32_t k = 0; k < r->ntok; k++) {
            const cordon__mtok *t = &toks[r->tok_first + k];
            if ((uint64_t)t->off + t->len > r->text_len ||
                (uint64_t)t->sk_off + t->sklen > r->text_len)
                return bad(err, "token text");
            if (t->kind > CORDON__TOK_INITIAL || t->legal >= CORDON__LEGAL_NCLASS)
                return bad(err, "token kind");
            if (!(t->w >= 0.0f && t->w <= 16.0f))
                return bad(err, "token weight");
        }
    }
    uint32_t used = 0;
    for (uint32_t i = 0; i < h->n_slots; i++) {
        const cordon__mix_slot *s = &slots[i];
        if (s->key == 0) {
            if (s->first || s->count)
                return bad(err, "empty slot");
            continue;
        }
        used++;
        if (s->first > h->n_post || s->count > h->n_post - s->first)
            return bad(err, "postings range");
    }
    if (h->n_slots && used >= h->n_slots)
        return bad(err, "table full");
    for (uint32_t i = 0; i < h->n_post; i++)
        if (post[i] >= h->n_names)
            return bad(err, "posting");
    const cordon__mix_word *words = NULL;
    if (h->n_words) {
        if (!region_ok(h->off_words, h->n_words, sizeof(cordon__mix_word), size))
            return bad(err, "word list bounds");
        words = (const cordon__mix_word *)(b + h->off_words);
    }
    if (off_pw && !region_ok(off_pw, h->n_post, 1, size))
        return bad(err, "posting weights bounds");
    const char *text = (const char *)(b + h->off_text);
    uint32_t wl = CORDON__MIX_WORD_MIN;
    for (uint32_t i = 0; i < h->n_words; i++) {
        const cordon__mix_word *w = &words[i];
        if (w->len < wl || w->len > CORDON__MIX_WORD_MAX || w->text_off > h->text_size ||
            w->len > h->text_size - w->text_off)
            return bad(err, "word list entry");
        if (i > 0 && words[i - 1].len == w->len &&
            memcmp(text + words[i - 1].text_off, text + w->text_off, w->len) >= 0)
            return bad(err, "word list order");
        while (wl < w->len)
            out->word_first[++wl] = i;
    }
    while (wl <= CORDON__MIX_WORD_MAX)
        out->word_first[++wl] = h->n_words;
    out->words = words;
    out->n_words = h->n_words;
    out->h = h;
    out->names = names;
    out->toks = toks;
    out->text = text;
    out->slots = slots;
    out->post = post;
    out->pw = off_pw ? b + off_pw : NULL;
    out->n_names = h->n_names;
    out->n_slots = h->n_slots;
    out->n_post = h->n_post;
    out->mean_idf = h->mean_idf;
    return CORDON_OK;
}

int cordon__match_attach(struct cordon_db *db, cordon_error *err)
{
    cordon__mix tmp;
    int rc = cordon__mix_validate(db->match_sec, db->match_size, db->n_names, &tmp, err);
    if (rc)
        return rc;
    cordon__mix *x = cordon__malloc(&db->alloc, sizeof *x);
    if (!x)
        return cordon__err(err, CORDON_E_NOMEM, "cannot allocate the name index view");
    *x = tmp;
    db->match = x;
    return CORDON_OK;
}

void cordon__match_detach(struct cordon_db *db)
{
    if (db->match) {
        cordon__mix *x = db->match;
        for (int i = 0; i < CORDON__MIX_SCRATCH; i++) {
            void *sc = atomic_exchange(&x->scratch[i], NULL);
            if (sc)
                cordon__search_scratch_free(&db->alloc, sc);
        }
        cordon__free(&db->alloc, db->match);
    }
    db->match = NULL;
}

/* ---- build ------------------------------------------------------------------ */

/* The keys of the list names, each with the token it came from (its index
 * in toks; KEY_GLUED: the glued pair of that token and the next). */
#define KEY_GLUED 0x80000000u
typedef struct keyvec {
    const cordon__alloc *a;
    uint64_t *k;
    uint32_t *src;
    size_t n, cap, cap2;
    uint32_t cur; /* source of the keys being pushed */
    bool failed;
} keyvec;

static void push_key(void *ctx, uint64_t key, float strength)
{
    (void)strength;
    keyvec *v = ctx;
    if (v->failed)
        return;
    if (v->n == v->cap || v->n == v->cap2) {
        uint64_t *p = cordon__grow(v->a, v->k, &v->cap, v->n + 1, sizeof *p);
        if (p)
            v->k = p;
        uint32_t *q = p ? cordon__grow(v->a, v->src, &v->cap2, v->n + 1, sizeof *q) : NULL;
        if (q)
            v->src = q;
        if (!p || !q) {
            v->failed = true;
            return;
        }
    }
    v->src[v->n] = v->cur;
    v->k[v->n++] = key;
}

/* A posting's weight: the list token's (the glued pair's), scaled. */
static uint8_t post_weight(const cordon__mtok *toks, uint32_t src)
{
    float w = toks[src & ~KEY_GLUED].w;
    if (src & KEY_GLUED)
        w += toks[(src & ~KEY_GLUED) + 1].w;
    float q = w * CORDON__MIX_PW_SCALE + 0.5f;
    return q >= 255.0f ? 255 : q <= 0.0f ? 0 : (uint8_t)q;
}

typedef struct cslot {
    uint64_t key;
    uint32_t count, last; /* last = name id + 1 */
} cslot;

static uint32_t pow2_at_least(uint64_t n)
{
    uint64_t p = 16;
    while (p < n && p < ((uint64_t)1 << 31))
        p <<= 1;
    return (uint32_t)p;
}

static cslot *cfind(cslot *t, uint32_t cap, uint64_t key)
{
    uint32_t m = cap - 1, i = (uint32_t)mix64(key) & m;
    while (t[i].key && t[i].key != key)
        i = (i + 1) & m;
    return &t[i];
}

/* next content token after i that can be glued, or NULL */
static const cordon__mtok *glue_next(const cordon__mtok *t, uint32_t n, uint32_t i)
{
    if (i + 1 < n)
        return &t[i + 1];
    return NULL;
}

typedef struct word_sort {
    const char *s;
    cordon__mix_word w;
} word_sort;

static int cmp_word(const void *a, const void *b)
{
    const word_sort *x = a, *y = b;
    if (x->w.len != y->w.len)
        return x->w.len < y->w.len ? -1 : 1;
    return memcmp(x->s, y->s, x->w.len);
}

int cordon__match_build(const struct cordon_db *db, cordon__buf *out, cordon_error *err)
{
    const cordon__alloc *A = &db->alloc;
    uint32_t N = db->n_names;
    size_t max_name = (size_t)db->opts->max_name_bytes;
    int rc = CORDON_OK;
    cordon__analysis an;
    cordon__analysis_init(&an, A);
    cordon__mix_name *names = cordon__calloc(A, N ? N : 1, sizeof *names);
    uint32_t *keyoff = cordon__calloc(A, (size_t)N + 1, sizeof *keyoff);
    cordon__mtok *toks = NULL;
    size_t ntoks = 0, tokcap = 0;
    cordon__buf text;
    cordon__buf_init(&text, A);
    keyvec kv = {A, NULL, NULL, 0, 0, 0, 0, false};
    cslot *ct = NULL;
    cordon__mix_slot *slots = NULL;
    uint32_t *post = NULL, *cur = NULL;
    uint8_t *pw = NULL;
    word_sort *words = NULL;
    if (!names || !keyoff) {
        rc = CORDON_E_NOMEM;
        goto done;
    }
    for (uint32_t i = 0; i < N; i++) {
        const cordon__rec_name *rn = &db->names[i];
        const cordon__rec_entity *e = &db->entities[rn->entity];
        const char *s = cordon__db_str(db, rn->full);
        int arc = cordon__analyze(&an, s, CORDON_NUL_TERMINATED, (int)e->type, max_name, NULL);
        if (arc == CORDON_E_NOMEM) {
            rc = arc;
            goto done;
        }
        size_t nt = arc ? 0 : an.ntok;
        if (nt > 0xffff)
            nt = 0xffff;
        if (ntoks + nt > tokcap) {
            cordon__mtok *p = cordon__grow(A, toks, &tokcap, ntoks + nt, sizeof *p);
            if (!p) {
                rc = CORDON_E_NOMEM;
                goto done;
            }
            toks = p;
        }
        cordon__mname tmp;
        if (nt)
            cordon__mname_from_analysis(&an, toks + ntoks, &tmp);
        size_t end = 0;
        for (size_t k = 0; k < nt; k++) {
            const cordon__mtok *t = &toks[ntoks + k];
            if ((size_t)t->off + t->len > end)
                end = (size_t)t->off + t->len;
            if ((size_t)t->sk_off + t->sklen > end)
                end = (size_t)t->sk_off + t->sklen;
        }
        if (text.len + end + 8 > UINT32_MAX) {
            rc = cordon__err(err, CORDON_E_LIMIT, "name index text too large");
            goto done;
        }
        names[i].tok_first = (uint32_t)ntoks;
        names[i].text_off = (uint32_t)text.len;
        names[i].text_len = (uint32_t)end;
        names[i].ntok = (uint16_t)nt;
        names[i].type = (uint8_t)(e->type <= CORDON__TYPE_AIRCRAFT ? e->type : 0);
        names[i].weak = rn->kind == CORDON__NAME_WEAK;
        if (end)
            cordon__buf_append(&text, an.text, end);
        cordon__buf_putc(&text, '\0');
        const char *base = an.text;
        for (uint32_t k = 0; k < nt; k++) {
            kv.cur = (uint32_t)(ntoks + k);
            cordon__mix_token_keys(base, &toks[ntoks + k], NULL, push_key, &kv);
            cordon__mix_cons_key(base, &toks[ntoks + k], false, push_key, &kv);
            const cordon__mtok *next = glue_next(toks + ntoks, (uint32_t)nt, k);
            if (next) {
                kv.cur |= KEY_GLUED;
                cordon__mix_glued_key(base, &toks[ntoks + k], next, push_key, &kv);
            }
        }
        ntoks += nt;
        if (kv.failed || text.failed) {
            rc = CORDON_E_NOMEM;
            goto done;
        }
        if (kv.n > UINT32_MAX || ntoks + nt >= KEY_GLUED) {
            rc = cordon__err(err, CORDON_E_LIMIT, "name index too large");
            goto done;
        }
        keyoff[i + 1] = (uint32_t)kv.n;
    }
    while (text.len % 8)
        cordon__buf_putc(&text, '\0');
    if (text.failed || ntoks > UINT32_MAX) {
        rc = CORDON_E_NOMEM;
        goto done;
    }

    /* pass 1: document frequency of every key */
    uint32_t ccap = pow2_at_least((uint64_t)kv.n + kv.n / 3 + 16);
    ct = cordon__calloc(A, ccap, sizeof *ct);
    if (!ct) {
        rc = CORDON_E_NOMEM;
        goto done;
    }
    uint64_t distinct = 0, npost = 0;
    for (uint32_t i = 0; i < N; i++)
        for (uint32_t k = keyoff[i]; k < keyoff[i + 1]; k++) {
            cslot *s = cfind(ct, ccap, kv.k[k]);
            if (!s->key) {
                s->key = kv.k[k];
                distinct++;
            }
            if (s->last != i + 1) {
                s->last = i + 1;
                s->count++;
                npost++;
            }
        }
    if (npost > UINT32_MAX / 2) {
        rc = cordon__err(err, CORDON_E_LIMIT, "name index too large");
        goto done;
    }

    /* token weights from document frequencies; on the way, the distinct
     * words for the typo scan (a counted key's `last` is reset to 0 once its
     * word is listed) */
    words = cordon__calloc(A, ntoks ? ntoks : 1, sizeof *words);
    if (!words) {
        rc = CORDON_E_NOMEM;
        goto done;
    }
    size_t nwords = 0;
    double sum = 0;
    uint64_t nw = 0;
    for (size_t k = 0; k < ntoks; k++)
        if (toks[k].kind == CORDON__TOK_WORD)
            nw++;
    for (uint32_t i = 0; i < N; i++)
        for (uint32_t k = 0; k < names[i].ntok; k++) {
            cordon__mtok *t = &toks[names[i].tok_first + k];
            if (t->kind != CORDON__TOK_WORD)
                continue;
            uint32_t toff = names[i].text_off + t->off;
            const char *ws = (const char *)text.data + toff;
            cslot *s = cfind(ct, ccap, cordon__mix_key(MIX_K_TEXT, ws, t->len));
            sum += idf_of(N, s->count);
            if (s->last && t->len >= CORDON__MIX_WORD_MIN && t->len <= CORDON__MIX_WORD_MAX) {
                s->last = 0;
                words[nwords].s = ws;
                words[nwords++].w = (cordon__mix_word){toff, (uint8_t)t->len, {0, 0, 0},
                                                       cordon__letters(ws, t->len)};
            }
        }
    qsort(words, nwords, sizeof *words, cmp_word);
    double mean = nw ? sum / (double)nw : 0.0;
    for (uint32_t i = 0; i < N; i++) {
        float ws = 0;
        for (uint32_t k = 0; k < names[i].ntok; k++) {
            cordon__mtok *t = &toks[names[i].tok_first + k];
            if (t->kind == CORDON__TOK_WORD && t->len >= 2) {
                const char *base = (const char *)text.data + names[i].text_off;
                cslot *s = cfind(ct, ccap, cordon__mix_key(MIX_K_TEXT, base + t->off, t->len));
                /* t->w already holds the built-in frequency weight of the
                 * real lists (cordon__mname_from_analysis); a large db lowers
                 * it where it has the word more often */
                if (N >= CORDON__IDF_MIN_NAMES) {
                    float g = cordon__mtok_default_weight(t) * idf_factor(mean, N, s->count);
                    if (g < t->w)
                        t->w = g;
                }
            }
            ws += t->w;
        }
        names[i].wsum = ws;
    }

    /* final table */
    uint32_t nslots = pow2_at_least(distinct * 2 + 16);
    slots = cordon__calloc(A, nslots, sizeof *slots);
    cur = cordon__calloc(A, nslots, sizeof *cur);
    post = cordon__malloc(A, (size_t)(npost ? npost : 1) * sizeof *post);
    pw = cordon__malloc(A, (size_t)(npost ? npost : 1));
    if (!slots || !cur || !post || !pw) {
        rc = CORDON_E_NOMEM;
        goto done;
    }
    uint32_t run = 0;
    for (uint32_t c = 0; c < ccap; c++) {
        if (!ct[c].key)
            continue;
        uint32_t m = nslots - 1, i = (uint32_t)mix64(ct[c].key) & m;
        while (slots[i].key)
            i = (i + 1) & m;
        slots[i].key = ct[c].key;
        slots[i].first = run;
        slots[i].count = ct[c].count;
        run += ct[c].count;
    }
    cordon__free(A, ct);
    ct = NULL;
    cordon__mix tmpx = {0};
    tmpx.slots = slots;
    tmpx.n_slots = nslots;
    for (uint32_t i = 0; i < N; i++)
        for (uint32_t k = keyoff[i]; k < keyoff[i + 1]; k++) {
            uint32_t m = nslots - 1, j = (uint32_t)mix64(kv.k[k]) & m;
            while (slots[j].key != kv.k[k])
                j = (j + 1) & m;
            uint32_t *p = post + slots[j].first;
            uint8_t *q = pw + slots[j].first, w = post_weight(toks, kv.src[k]);
            if (cur[j] && p[cur[j] - 1] == i) {
                if (w > q[cur[j] - 1]) /* the name's heaviest token with the key */
                    q[cur[j] - 1] = w;
                continue;
            }
            q[cur[j]] = w;
            p[cur[j]++] = i;
        }
    (void)tmpx;

    /* write the section */
    cordon__mix_hdr h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, CORDON__MIX_MAGIC, 8);
    h.version = CORDON__MIX_VERSION;
    h.hdr_size = sizeof h;
    h.n_names = N;
    h.n_toks = (uint32_t)ntoks;
    h.n_slots = nslots;
    h.n_post = (uint32_t)npost;
    h.text_size = text.len;
    h.mean_idf = (float)mean;
    uint64_t off = sizeof h;
    h.off_names = off;
    off += ((uint64_t)N * sizeof *names + 7) & ~(uint64_t)7;
    h.off_toks = off;
    off += ntoks * sizeof *toks;
    h.off_text = off;
    off += text.len;
    h.off_slots = off;
    off += (uint64_t)nslots * sizeof *slots;
    h.off_post = off;
    off += (uint64_t)npost * sizeof *post;
    h.off_words = (off + 7) & ~(uint64_t)7;
    h.n_words = (uint32_t)nwords;
    h.off_pw = (h.off_words + (uint64_t)nwords * sizeof(cordon__mix_word) + 7) & ~(uint64_t)7;
    static const char zeros[8] = {0};
    cordon__buf_append(out, &h, sizeof h);
    cordon__buf_append(out, names, (size_t)N * sizeof *names);
    cordon__buf_append(out, zeros, (size_t)(h.off_toks - sizeof h - (size_t)N * sizeof *names));
    cordon__buf_append(out, toks, ntoks * sizeof *toks);
    cordon__buf_append(out, text.data, text.len);
    cordon__buf_append(out, slots, (size_t)nslots * sizeof *slots);
    cordon__buf_append(out, post, (size_t)npost * sizeof *post);
    cordon__buf_append(out, zeros, (size_t)(h.off_words - off));
    for (size_t k = 0; k < nwords; k++)
        cordon__buf_append(out, &words[k].w, sizeof words[k].w);
    cordon__buf_append(out, zeros, (size_t)(h.off_pw - h.off_words - nwords * sizeof(cordon__mix_word)));
    cordon__buf_append(out, pw, npost);
    cordon__buf_append(out, zeros, (size_t)(-npost & 7));
    if (out->failed)
        rc = CORDON_E_NOMEM;
done:
    if (rc == CORDON_E_NOMEM)
        cordon__err(err, rc, "out of memory building the name index");
    cordon__analysis_destroy(&an);
    cordon__free(A, names);
    cordon__free(A, keyoff);
    cordon__free(A, toks);
    cordon__buf_free(&text);
    cordon__free(A, kv.k);
    cordon__free(A, kv.src);
    cordon__free(A, ct);
    cordon__free(A, slots);
    cordon__free(A, cur);
    cordon__free(A, post);
    cordon__free(A, pw);
    cordon__free(A, words);
    return rc;
}
