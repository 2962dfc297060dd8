/* search.c — party queries: candidates from the name index, scoring with
 * evidence, best name per entity, ranked results with explanations. */
#include "match/index.h"
#include "index/db.h"
#include "sources/entity.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_QNAMES 16
#define MAX_ATTR 16
#define BELOW_BAND 0.10   /* hits down to threshold - band are reported as "below" */
#define CAND_MIN 128       /* candidate names scored per query name (at least) */
#define CAND_MAX 512      /* ... and at most */
#define PATIENCE 128       /* stop after this many candidates in a row below the floor */
#define CONTAINED 0.85f    /* ... then only names whose list weight the keys met this far */

struct cordon_party {
    cordon__alloc alloc;
    size_t max_name;
    char *name[MAX_QNAMES];
    size_t name_len[MAX_QNAMES];
    size_t n_names;
    int type;
    char country[MAX_ATTR][3];
    size_t n_country;
    cordon__mdate dob;
    int have_dob;
    char *id_type[MAX_ATTR], *id_number[MAX_ATTR];
    char id_country[MAX_ATTR][3];
    cordon__mident ident[MAX_ATTR];
    size_t n_ident;
};

/* ---- party ----------------------------------------------------------------- */

CORDON_API int cordon_party_new(cordon_party **out, const cordon_options *opts,
                                cordon_error *err)
{
    if (!out)
        return cordon__err(err, CORDON_E_INVALID, "cordon_party_new: out is NULL");
    *out = NULL;
    const cordon__alloc *a = cordon__alloc_of(opts);
    cordon_party *p = cordon__calloc(a, 1, sizeof *p);
    if (!p)
        return cordon__err(err, CORDON_E_NOMEM, "cannot allocate party");
    p->alloc = *a;
    p->max_name = (size_t)cordon__options_or_default(opts)->max_name_bytes;
    *out = p;
    return CORDON_OK;
}

CORDON_API void cordon_party_free(cordon_party *p)
{
    if (!p)
        return;
    cordon__alloc a = p->alloc;
    for (size_t i = 0; i < p->n_names; i++)
        cordon__free(&a, p->name[i]);
    for (size_t i = 0; i < p->n_ident; i++) {
        cordon__free(&a, p->id_type[i]);
        cordon__free(&a, p->id_number[i]);
    }
    cordon__free(&a, p);
}

CORDON_API int cordon_party_add_name(cordon_party *p, const char *name, size_t len,
                                     cordon_error *err)
{
    if (!p || !name)
        return cordon__err(err, CORDON_E_INVALID, "cordon_party_add_name: NULL argument");
    len = cordon__strlen(name, len);
    if (p->n_names >= MAX_QNAMES)
        return cordon__err(err, CORDON_E_LIMIT, "a party has at most %d names", MAX_QNAMES);
    if (len > p->max_name)
        return cordon__err(err, CORDON_E_LIMIT, "name longer than %zu bytes", p->max_name);
    size_t bad;
    if (!cordon__utf8_valid(name, len, &bad))
        return cordon__err_at(err, CORDON_E_UTF8, (int64_t)bad, 0, 0,
                              "name is not valid UTF-8 at byte %zu", bad);
    char *c = cordon__strndup(&p->alloc, name, len);
    if (!c)
        return cordon__err(err, CORDON_E_NOMEM, "cannot copy name");
    p->name[p->n_names] = c;
    p->name_len[p->n_names++] = len;
    return CORDON_OK;
}

CORDON_API int cordon_party_set_type(cordon_party *p, int type, cordon_error *err)
{
    if (!p || type < CORDON__TYPE_UNKNOWN || type > CORDON__TYPE_AIRCRAFT)
        return cordon__err(err, CORDON_E_INVALID, "cordon_party_set_type: bad argument");
    p->type = type;
    return CORDON_OK;
}

CORDON_API int cordon_party_add_country(cordon_party *p, const char *country, cordon_error *err)
{
    if (!p || !country)
        return cordon__err(err, CORDON_E_INVALID, "cordon_party_add_country: NULL argument");
    const char *iso = cordon_country_iso2(country, CORDON_NUL_TERMINATED);
    if (!iso)
        return cordon__err(err, CORDON_E_INVALID, "unknown country \"%.40s\"", country);
    for (size_t i = 0; i < p->n_country; i++)
        if (strcmp(p->country[i], iso) == 0)
            return CORDON_OK;
    if (p->n_country >= MAX_ATTR)
        return cordon__err(err, CORDON_E_LIMIT, "a party has at most %d countries", MAX_ATTR);
    memcpy(p->country[p->n_country], iso, 2);
    p->country[p->n_country][2] = 0;
    p->n_country++;
    return CORDON_OK;
}

CORDON_API int cordon_party_set_dob(cordon_party *p, const char *dob, cordon_error *err)
{
    if (!p || !dob)
        return cordon__err(err, CORDON_E_INVALID, "cordon_party_set_dob: NULL argument");
    cordon__date d;
    if (!cordon__date_parse(dob, strlen(dob), &d) || d.year <= 0)
        return cordon__err(err, CORDON_E_INVALID, "not a date: \"%.40s\"", dob);
    p->dob.year = d.year;
    p->dob.month = d.month;
    p->dob.day = d.day;
    p->dob.year_to = d.year_to;
    p->dob.circa = d.circa;
    p->have_dob = 1;
    return CORDON_OK;
}

CORDON_API int cordon_party_add_identifier(cordon_party *p, const char *type, const char *number,
                                           const char *country, cordon_error *err)
{
    if (!p || !number || !*number)
        return cordon__err(err, CORDON_E_INVALID, "cordon_party_add_identifier: no number");
    if (p->n_ident >= MAX_ATTR)
        return cordon__err(err, CORDON_E_LIMIT, "a party has at most %d identifiers", MAX_ATTR);
    size_t i = p->n_ident;
    p->id_type[i] = cordon__strndup(&p->alloc, type ? type : "", type ? strlen(type) : 0);
    p->id_number[i] = cordon__strndup(&p->alloc, number, strlen(number));
    if (!p->id_type[i] || !p->id_number[i]) {
        cordon__free(&p->alloc, p->id_type[i]);
        cordon__free(&p->alloc, p->id_number[i]);
        return cordon__err(err, CORDON_E_NOMEM, "cannot copy identifier");
    }
    const char *iso = country && *country ? cordon_country_iso2(country, CORDON_NUL_TERMINATED) : NULL;
    p->id_country[i][0] = 0;
    if (iso) {
        memcpy(p->id_country[i], iso, 2);
        p->id_country[i][2] = 0;
    }
    p->n_ident++;
    return CORDON_OK;
}

/* ---- results --------------------------------------------------------------- */

typedef struct hit {
    uint32_t entity, name, qname;
    double score;
    size_t ex_off, ex_len;
} hit;

struct cordon_results {
    cordon__alloc alloc;
    const cordon_db *db;
    hit *h;
    size_t n;
    double thr_opt; /* < 0: per type */
    int qtype;
    cordon__buf ex;   /* explanations, NUL-separated */
    cordon__buf json;
};

static double hit_threshold(const cordon_results *r, const hit *h)
{
    if (r->thr_opt >= 0)
        return r->thr_opt;
    int t = r->qtype ? r->qtype : (int)r->db->entities[h->entity].type;
    return cordon__default_threshold(t);
}

CORDON_API void cordon_results_free(cordon_results *r)
{
    if (!r)
        return;
    cordon__alloc a = r->alloc;
    cordon__free(&a, r->h);
    cordon__buf_free(&r->ex);
    cordon__buf_free(&r->json);
    cordon__free(&a, r);
}

CORDON_API size_t cordon_results_count(const cordon_results *r)
{
    return r ? r->n : 0;
}

#define HIT_OR(r, i, v) \
    if (!(r) || (i) >= (r)->n) \
        return v; \
    const hit *h = &(r)->h[i]; \
    const cordon_db *db = (r)->db; \
    (void)db

CORDON_API double cordon_results_score(const cordon_results *r, size_t i)
{
    HIT_OR(r, i, -1.0);
    return h->score;
}

CORDON_API int cordon_results_decision(const cordon_results *r, size_t i)
{
    HIT_OR(r, i, -1);
    return h->score >= hit_threshold(r, h) ? CORDON_DECISION_ALERT : CORDON_DECISION_BELOW;
}

CORDON_API const char *cordon_results_list(const cordon_results *r, size_t i)
{
    HIT_OR(r, i, NULL);
    return cordon__db_str(db, db->lists[db->entities[h->entity].list].id);
}

CORDON_API const char *cordon_results_list_date(const cordon_results *r, size_t i)
{
    HIT_OR(r, i, NULL);
    return cordon__db_str(db, db->lists[db->entities[h->entity].list].date);
}

CORDON_API const char *cordon_results_entity_id(const cordon_results *r, size_t i)
{
    HIT_OR(r, i, NULL);
    return cordon__db_str(db, db->entities[h->entity].id);
}

CORDON_API uint32_t cordon_results_entity_index(const cordon_results *r, size_t i)
{
    HIT_OR(r, i, UINT32_MAX);
    return h->entity;
}

CORDON_API const char *cordon_results_name(const cordon_results *r, size_t i)
{
    HIT_OR(r, i, NULL);
    return cordon__db_str(db, db->names[h->name].full);
}

CORDON_API const char *cordon_results_primary_name(const cordon_results *r, size_t i)
{
    HIT_OR(r, i, NULL);
    const cordon__rec_entity *e = &db->entities[h->entity];
    return e->name_count ? cordon__db_str(db, db->names[e->name_first].full) : "";
}

CORDON_API const char *cordon_results_explanation(const cordon_results *r, size_t i, size_t *len)
{
    if (len)
        *len = 0;
    HIT_OR(r, i, NULL);
    if (!r->ex.data)
        return NULL;
    if (len)
        *len = h->ex_len;
    return r->ex.data + h->ex_off;
}

CORDON_API uint64_t cordon_results_content_hash(const cordon_results *r, size_t i)
{
    HIT_OR(r, i, 0);
    return db->entities[h->entity].content_hash;
}

static void json_kv(cordon__buf *b, const char *k, const char *v)
{
    cordon__buf_printf(b, ",\"%s\":", k);
    cordon__buf_json_str(b, v, strlen(v));
}

CORDON_API const char *cordon_results_json(cordon_results *r, size_t *len)
{
    if (len)
        *len = 0;
    if (!r)
        return NULL;
    cordon__buf *b = &r->json;
    cordon__buf_reset(b);
    cordon__buf_putc(b, '[');
    for (size_t i = 0; i < r->n; i++) {
        cordon__buf_puts(b, i ? ",{\"score\":" : "{\"score\":");
        cordon__buf_json_num(b, r->h[i].score);
        cordon__buf_printf(b, ",\"decision\":\"%s\"",
                           cordon_results_decision(r, i) == CORDON_DECISION_ALERT ? "alert" : "below");
        json_kv(b, "list", cordon_results_list(r, i));
        json_kv(b, "list_date", cordon_results_list_date(r, i));
        json_kv(b, "entity_id", cordon_results_entity_id(r, i));
        cordon__buf_printf(b, ",\"entity_index\":%u", (unsigned)r->h[i].entity);
        json_kv(b, "name", cordon_results_name(r, i));
        json_kv(b, "primary_name", cordon_results_primary_name(r, i));
        cordon__buf_printf(b, ",\"content_hash\":\"%016llx\"",
                           (unsigned long long)cordon_results_content_hash(r, i));
        size_t el;
        const char *ex = cordon_results_explanation(r, i, &el);
        cordon__buf_puts(b, ",\"explanation\":");
        if (ex && el)
            cordon__buf_append(b, ex, el);
        else
            cordon__buf_puts(b, "null");
        cordon__buf_putc(b, '}');
    }
    cordon__buf_putc(b, ']');
    if (b->failed)
        return NULL;
    if (len)
        *len = b->len;
    return b->data;
}

/* ---- search ---------------------------------------------------------------- */

static bool type_compatible(int query, int listed)
{
    if (query == CORDON__TYPE_UNKNOWN || listed == CORDON__TYPE_UNKNOWN)
        return true;
    if (query == listed)
        return true;
    /* companies and vessels/aircraft are often listed under owner names */
    return query != CORDON__TYPE_PERSON && listed != CORDON__TYPE_PERSON;
}

typedef struct qname {
    cordon__analysis an;
    cordon__mtok *t;
    size_t cap;
    cordon__mname nm;
    float wsum;
} qname;

/* What a query's keys met of one db name, in one record so that a posting
 * costs one cache line. */
typedef struct nacc {
    uint32_t mask;        /* query-token bits seen; 0x80000000: incompatible */
    float acc, cur;       /* matched query weight (estimate); the current token's part */
    float accl, curl;     /* the same in list token weight */
} nacc;

typedef struct ctx {
    const cordon_db *db;
    const cordon__mix *x;
    const cordon__alloc *A;
    nacc *na;             /* per db name (mask zeroed between queries) */
    uint32_t *touched;
    uint32_t nt;
    /* current token */
    uint32_t bit;
    float qw;
    int qtype;
    uint32_t big;         /* postings longer than this are skipped for weak keys */
} ctx;

static void visit(void *vc, uint64_t key, float strength)
{
    ctx *c = vc;
    uint32_t n, first;
    const uint32_t *p = cordon__mix_lookup_at(c->x, key, &n, &first);
    if (!n || (strength < 0.6f && n > c->big))
        return;
    float v = c->qw * strength;
    /* the list token's weight x strength (older snapshots: the query's) */
    const uint8_t *pw = c->x->pw ? c->x->pw + first : NULL;
    float ls = strength / CORDON__MIX_PW_SCALE;
#define LIST_PART(k) (pw ? (float)pw[k] * ls : v)
    for (uint32_t k = 0; k < n; k++) {
        uint32_t id = p[k];
        nacc *a = &c->na[id];
        uint32_t m = a->mask;
        if (m & c->bit) {
            /* this token met the name already: keep its best key (and
             * that key's list weight) */
            if (v > a->cur) {
                float vl = LIST_PART(k);
                a->acc += v - a->cur;
                a->cur = v;
                a->accl += vl - a->curl;
                a->curl = vl;
            }
            continue;
        }
        if (!m) {
            if (!type_compatible(c->qtype, c->x->names[id].type)) {
                a->mask = 0x80000000u; /* seen, incompatible */
                c->touched[c->nt++] = id;
                continue;
            }
            c->touched[c->nt++] = id;
            a->acc = 0;
            a->accl = 0;
        } else if (m & 0x80000000u) {
            continue;
        }
        float vl = LIST_PART(k);
        a->mask = m | c->bit;
        a->acc += v;
        a->cur = v;
        a->accl += vl;
        a->curl = vl;
    }
#undef LIST_PART
}

/* Another written form of the current token, as its text key. */
static void visit_form(void *vc, const char *s, size_t n)
{
    visit(vc, cordon__mix_key(MIX_K_TEXT, s, n), 0.9f);
}

/* Evidence of an entity from the db records. */
typedef struct eattrs {
    cordon__mdate dob[MAX_ATTR];
    const char *country[MAX_ATTR];
    cordon__mident ident[MAX_ATTR];
    cordon__mattrs a;
} eattrs;

static void entity_attrs(const cordon_db *db, uint32_t ei, eattrs *ea)
{
    const cordon__rec_entity *e = &db->entities[ei];
    memset(&ea->a, 0, sizeof ea->a);
    size_t n = 0;
    for (uint32_t k = 0; k < e->date_count && n < MAX_ATTR; k++) {
        const cordon__rec_date *d = &db->dates[e->date_first + k];
        ea->dob[n].year = d->year;
        ea->dob[n].month = d->month;
        ea->dob[n].day = d->day;
        ea->dob[n].year_to = d->year_to;
        ea->dob[n].circa = d->circa;
        n++;
    }
    ea->a.dob = ea->dob;
    ea->a.n_dob = n;
    n = 0;
    for (uint32_t k = 0; k < e->country_count && n < MAX_ATTR; k++)
        ea->country[n++] = cordon__db_str(db, db->strrefs[e->country_first + k]);
    ea->a.country = ea->country;
    ea->a.n_country = n;
    n = 0;
    for (uint32_t k = 0; k < e->ident_count && n < MAX_ATTR; k++) {
        const cordon__rec_ident *id = &db->idents[e->ident_first + k];
        ea->ident[n].type = cordon__db_str(db, id->type);
        ea->ident[n].number = cordon__db_str(db, id->number);
        ea->ident[n].country = cordon__db_str(db, id->country);
        n++;
    }
    ea->a.ident = ea->ident;
    ea->a.n_ident = n;
    const char *g = cordon__db_str(db, e->scalar[CORDON__F_GENDER]);
    ea->a.gender = strcmp(g, "male") == 0 ? 1 : strcmp(g, "female") == 0 ? 2 : 0;
}

typedef struct cand {
    uint32_t id;
    float rank;
} cand;

/* Per-search arrays indexed by db name (one block, db allocator). mask is
 * all zero between searches: a search clears the entries it touched. */
typedef struct scratch {
    uint32_t n;
    nacc *na;
    uint32_t *touched;
    cand *cands;
} scratch;

void cordon__search_scratch_free(const cordon__alloc *A, void *s)
{
    cordon__free(A, s);
}

/* One of the db's cached scratches, or a new one (NULL: out of memory). */
static scratch *scratch_take(const cordon_db *db, uint32_t N)
{
    cordon__mix *mx = db->match;
    scratch *s = NULL;
    for (int i = 0; i < CORDON__MIX_SCRATCH && !s; i++)
        if (atomic_load(&mx->scratch[i]))
            s = atomic_exchange(&mx->scratch[i], NULL);
    if (s && s->n == N)
        return s;
    if (s)
        cordon__free(&db->alloc, s);
    size_t n = N ? N : 1;
    s = cordon__calloc(&db->alloc, 1,
                       sizeof *s + n * (sizeof(nacc) + sizeof(uint32_t) + sizeof(cand)) + 16);
    if (!s)
        return NULL;
    char *p = (char *)(s + 1);
    s->n = N;
    s->cands = (cand *)(void *)p;
    p += n * sizeof(cand);
    s->na = (nacc *)(void *)p;
    p += n * sizeof(nacc);
    s->touched = (uint32_t *)(void *)p;
    return s;
}

/* Give a clean scratch back to the db (or free it when every slot is taken). */
static void scratch_give(const cordon_db *db, scratch *s)
{
    cordon__mix *mx = db->match;
    for (int i = 0; i < CORDON__MIX_SCRATCH; i++) {
        void *expect = NULL;
        if (atomic_compare_exchange_strong(&mx->scratch[i], &expect, (void *)s))
            return;
    }
    cordon__free(&db->alloc, s); /* every slot full */
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? 1 : -1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Move the m best candidates (cmp_cand order) to the front (quickselect). */
static void select_top(cand *c, size_t n, size_t m)
{
    size_t lo = 0, hi = n; /* the boundary m lies in [lo, hi) */
    while (hi - lo > 1) {
        cand pivot = c[lo + (hi - lo) / 2];
        size_t i = lo, j = hi - 1;
        while (i <= j) {
            while (cmp_cand(&c[i], &pivot) < 0)
                i++;
            while (cmp_cand(&c[j], &pivot) > 0)
                j--;
            if (i <= j) {
                cand t = c[i];
                c[i] = c[j];
                c[j] = t;
                i++;
                if (j == 0)
                    break;
                j--;
            }
        }
        if (m <= j)
            hi = j + 1;
        else if (m >= i)
            lo = i;
        else
            return;
    }
}

static int cmp_hit_entity(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->entity != y->entity)
        return x->entity < y->entity ? -1 : 1;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    if (x->name != y->name)
        return x->name < y->name ? -1 : 1;
    return x->qname < y->qname ? -1 : x->qname > y->qname;
}

static int cmp_hit_score(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->entity < y->entity ? -1 : x->entity > y->entity;
}

typedef struct hitvec {
    hit *h;
    size_t n, cap;
} hitvec;

static bool hv_push(const cordon__alloc *A, hitvec *v, uint32_t e, uint32_t name, uint32_t q,
                    double s)
{
    if (v->n == v->cap) {
        hit *p = cordon__grow(A, v->h, &v->cap, v->n + 1, sizeof *p);
        if (!p)
            return false;
        v->h = p;
    }
    v->h[v->n++] = (hit){e, name, q, s, 0, 0};
    return true;
}

/* Query token weights from the list statistics (same formula as list tokens). */
static void weigh_query(const cordon__mix *x, qname *q)
{
    float ws = 0;
    for (uint32_t i = 0; i < q->nm.n; i++) {
        cordon__mtok *t = &q->t[i];
        if (t->kind == CORDON__TOK_WORD && t->len >= 2) {
            /* t->w holds the built-in weight; lowered like the list's */
            if (x->n_names >= CORDON__IDF_MIN_NAMES) {
                uint32_t df;
                cordon__mix_lookup(x, cordon__mix_key(MIX_K_TEXT, q->nm.base + t->off, t->len),
                                   &df);
                /* a spelling the lists do not have ("mokhammad" from
                 * Cyrillic) is as common as its spelling family */
                if (!df && t->sklen)
                    cordon__mix_lookup(x, cordon__mix_key(MIX_K_NEIGH, q->nm.base + t->sk_off,
                                                          t->sklen), &df);
                float g = cordon__mtok_default_weight(t) * cordon__mix_idf_factor(x, df);
                if (df && g < t->w)
                    t->w = g;
            }
        }
        ws += t->w;
    }
    q->wsum = ws;
}

CORDON_API int cordon_screen_party(const cordon_db *db, const cordon_party *q,
                                   const cordon_options *opts, cordon_results **out,
                                   cordon_error *err)
{
    if (!out)
        return cordon__err(err, CORDON_E_INVALID, "cordon_screen_party: out is NULL");
    *out = NULL;
    if (!db || !q)
        return cordon__err(err, CORDON_E_INVALID, "cordon_screen_party: NULL argument");
    if (q->n_names == 0)
        return cordon__err(err, CORDON_E_INVALID, "the party has no name");
    const cordon__mix *x = db->match;
    if (!x)
        return cordon__err(err, CORDON_E_STATE, "the db has no name index (rebuild it)");
    const cordon_options *o = cordon__options_or_default(opts);
    const cordon__alloc *A = cordon__alloc_of(opts);
    size_t limit = (size_t)o->limit;
    int exhaustive = (int)o->exhaustive;
    double thr_opt = o->threshold_permille >= 0 ? (double)o->threshold_permille / 1000.0 : -1.0;
    double min_thr = thr_opt >= 0 ? thr_opt : 1.0;
    if (thr_opt < 0)
        for (int t = 0; t <= CORDON__TYPE_AIRCRAFT; t++)
            if (cordon__default_threshold(t) < min_thr)
                min_thr = cordon__default_threshold(t);
    double floor_score = min_thr - BELOW_BAND;

    int rc = CORDON_OK;
    cordon_results *r = cordon__calloc(A, 1, sizeof *r);
    qname *qn = cordon__calloc(A, q->n_names, sizeof *qn);
    cordon__mwork *work = cordon__malloc(A, sizeof *work);
    ctx c;
    memset(&c, 0, sizeof c);
    hitvec hv = {NULL, 0, 0};
    cand *cands = NULL;
    scratch *sc = NULL; /* clean (mask all zero) whenever control reaches done/fail */
    if (r) {
        r->alloc = *A;
        r->db = db;
        r->thr_opt = thr_opt;
        r->qtype = q->type;
        cordon__buf_init(&r->ex, &r->alloc);
        cordon__buf_init(&r->json, &r->alloc);
    }
    if (qn)
        for (size_t i = 0; i < q->n_names; i++)
            cordon__analysis_init(&qn[i].an, A);
    if (!r || !qn || !work) {
        rc = CORDON_E_NOMEM;
        goto fail;
    }
    for (size_t i = 0; i < q->n_names; i++) {
        rc = cordon__analyze(&qn[i].an, q->name[i], q->name_len[i], q->type, q->max_name, err);
        if (rc)
            goto fail;
        size_t need = qn[i].an.ntok ? qn[i].an.ntok : 1;
        qn[i].t = cordon__grow(A, NULL, &qn[i].cap, need, sizeof *qn[i].t);
        if (!qn[i].t) {
            rc = CORDON_E_NOMEM;
            goto fail;
        }
        cordon__mname_from_analysis(&qn[i].an, qn[i].t, &qn[i].nm);
        qn[i].nm.type = q->type;
        weigh_query(x, &qn[i]);
    }
    cordon__mattrs qa;
    memset(&qa, 0, sizeof qa);
    qa.dob = &q->dob;
    qa.n_dob = q->have_dob ? 1 : 0;
    const char *qc[MAX_ATTR];
    for (size_t i = 0; i < q->n_country; i++)
        qc[i] = q->country[i];
    qa.country = qc;
    qa.n_country = q->n_country;
    cordon__mident qi[MAX_ATTR];
    for (size_t i = 0; i < q->n_ident; i++) {
        qi[i].type = q->id_type[i];
        qi[i].number = q->id_number[i];
        qi[i].country = q->id_country[i];
    }
    qa.ident = qi;
    qa.n_ident = q->n_ident;
    bool have_attrs = qa.n_dob || qa.n_country || qa.n_ident;
    eattrs ea;

    if (exhaustive) {
        for (uint32_t id = 0; id < x->n_names; id++) {
            if (!type_compatible(q->type, x->names[id].type))
                continue;
            cordon__mname ln;
            cordon__mix_name_get(x, id, &ln);
            uint32_t ent = db->names[id].entity;
            if (have_attrs)
                entity_attrs(db, ent, &ea);
            for (size_t i = 0; i < q->n_names; i++) {
                cordon__mresult res;
                if (q->type)
                    ln.type = q->type;
                cordon__score(&qn[i].nm, &ln, have_attrs ? &qa : NULL, have_attrs ? &ea.a : NULL,
                              work, &res);
                if (res.score >= floor_score && !hv_push(A, &hv, ent, id, (uint32_t)i, res.score)) {
                    rc = CORDON_E_NOMEM;
                    goto fail;
                }
            }
        }
    } else {
        uint32_t N = x->n_names;
        c.db = db;
        c.x = x;
        c.A = A;
        c.qtype = q->type;
        c.big = N / 8 + 64;
        size_t kmin = limit * 4 > CAND_MIN ? limit * 4 : CAND_MIN;
        sc = scratch_take(db, N);
        if (!sc) {
            rc = CORDON_E_NOMEM;
            goto fail;
        }
        c.na = sc->na;
        c.touched = sc->touched;
        cands = sc->cands;
        for (size_t i = 0; i < q->n_names; i++) {
            const cordon__mname *nm = &qn[i].nm;
            c.nt = 0;
            uint32_t bitno = 0;
            /* the query's middle words: unmatched, they count 0.3 of their
             * weight in the scorer's query coverage, so in the rank's too */
            uint8_t mid[64];
            uint32_t midbit[8];
            float midw[8];
            size_t nmid = 0;
            if (nm->n <= sizeof mid)
                cordon__middle_words(nm, mid);
            else
                memset(mid, 0, sizeof mid);
            for (uint32_t k = 0; k < nm->n; k++) {
                const cordon__mtok *t = &nm->t[k];
                const cordon__mtok *next = k + 1 < nm->n ? &nm->t[k + 1] : NULL;
                if (!cordon__mix_indexed(t) && !(next && t->kind == CORDON__TOK_PARTICLE))
                    continue;
                c.bit = 1u << (bitno < 30 ? bitno : 30);
                bitno++;
                c.qw = t->w > 0 ? t->w : 0.25f;
                if (k < sizeof mid && mid[k] && bitno <= 30 && nmid < 8) {
                    midbit[nmid] = c.bit;
                    midw[nmid++] = 0.7f * t->w;
                }
                cordon__mix_token_keys(nm->base, t, NULL, visit, &c);
                cordon__mix_cons_key(nm->base, t, true, visit, &c);
                if (next) {
                    /* glued to the next token, the key carries both */
                    float w1 = c.qw;
                    c.qw += next->w > 0 ? next->w : 0;
                    cordon__mix_glued_key(nm->base, t, next, visit, &c);
                    cordon__mix_glued_typo_keys(nm->base, t, next, visit, &c);
                    c.qw = w1;
                }
                if (t->kind == CORDON__TOK_WORD) {
                    cordon__mix_typo_keys(x, nm->base + t->off, t->len, visit, &c);
                    /* an abbreviation meets its full word, and the reverse */
                    cordon__abbrev_forms(nm->base + t->off, t->len, visit_form, &c);
                }
                /* two edits in a long token: the query's two-deletion keys meet
                 * the list's one-deletion keys (an edit on each side, or two
                 * on the query side) */
                if (t->kind == CORDON__TOK_WORD && t->sklen >= 7 && t->sklen <= 24) {
                    const char *sk = nm->base + t->sk_off;
                    char d[24];
                    size_t L = t->sklen;
                    for (size_t a = 0; a < L; a++) {
                        if (a > 0 && sk[a] == sk[a - 1])
                            continue;
                        for (size_t b = a + 1; b < L; b++) {
                            if (b > a + 1 && sk[b] == sk[b - 1])
                                continue;
                            size_t k2 = 0;
                            for (size_t z = 0; z < L; z++)
                                if (z != a && z != b)
                                    d[k2++] = sk[z];
                            visit(&c, cordon__mix_key(MIX_K_NEIGH, d, k2), 0.7f);
                        }
                    }
                }
            }
            /* rank candidates by the name model on the shared weight: the
             * query's coverage counts most, so a long list name holding the
             * whole query still ranks high */
            size_t nc = 0;
            for (uint32_t k = 0; k < c.nt; k++) {
                uint32_t id = c.touched[k];
                const nacc *a = &c.na[id];
                if (a->mask & 0x80000000u)
                    continue;
                float qw = qn[i].wsum;
                for (size_t b = 0; b < nmid; b++)
                    if (!(a->mask & midbit[b]))
                        qw -= midw[b];
                float rk = cordon__candidate_rank(a->acc, a->accl, qw, x->names[id].wsum);
                cands[nc++] = (cand){id, rk};
            }
            for (uint32_t k = 0; k < c.nt; k++)
                c.na[c.touched[k]].mask = 0;
            if (nc > CAND_MAX) {
                select_top(cands, nc, CAND_MAX);
                nc = CAND_MAX;
            }
            qsort(cands, nc, sizeof *cands, cmp_cand);
            /* score in rank order; past kmin, after PATIENCE candidates in a
             * row that scored below the reporting floor, only the list names
             * the query's keys cover (nearly) whole: the scorer alerts on a
             * list name held whole in a longer query, which the rank's
             * query coverage puts low */
            size_t last_hit = 0;
            bool tail = false;
            for (size_t k = 0; k < nc; k++) {
                uint32_t id = cands[k].id;
                tail = tail || (k >= kmin && k - last_hit > PATIENCE);
                if (tail && !(c.na[id].accl >= CONTAINED * x->names[id].wsum && c.na[id].accl > 0))
                    continue;
                cordon__mname ln;
                cordon__mix_name_get(x, id, &ln);
                if (q->type)
                    ln.type = q->type;
                uint32_t ent = db->names[id].entity;
                if (have_attrs)
                    entity_attrs(db, ent, &ea);
                cordon__mresult res;
                cordon__score(nm, &ln, have_attrs ? &qa : NULL, have_attrs ? &ea.a : NULL, work,
                              &res);
                if (res.score >= floor_score) {
                    last_hit = k;
                    if (!hv_push(A, &hv, ent, id, (uint32_t)i, res.score)) {
                        rc = CORDON_E_NOMEM;
                        goto fail;
                    }
                }
            }
        }
    }

    /* best name per entity, then rank */
    if (hv.n) {
        qsort(hv.h, hv.n, sizeof *hv.h, cmp_hit_entity);
        size_t w = 0;
        for (size_t k = 0; k < hv.n; k++)
            if (w == 0 || hv.h[w - 1].entity != hv.h[k].entity)
                hv.h[w++] = hv.h[k];
        hv.n = w;
        qsort(hv.h, hv.n, sizeof *hv.h, cmp_hit_score);
    }
    r->h = hv.h;
    r->n = hv.n;
    hv.h = NULL;
    /* drop hits under their own type's band, then cap */
    {
        size_t w = 0;
        for (size_t k = 0; k < r->n; k++)
            if (r->h[k].score >= hit_threshold(r, &r->h[k]) - BELOW_BAND)
                r->h[w++] = r->h[k];
        r->n = w < limit ? w : limit;
    }
    /* explanations of the kept hits */
    for (size_t k = 0; k < r->n; k++) {
        hit *h = &r->h[k];
        cordon__mname ln;
        cordon__mix_name_get(x, h->name, &ln);
        if (q->type)
            ln.type = q->type;
        if (have_attrs)
            entity_attrs(db, h->entity, &ea);
        cordon__mresult res;
        cordon__score(&qn[h->qname].nm, &ln, have_attrs ? &qa : NULL, have_attrs ? &ea.a : NULL,
                      work, &res);
        h->ex_off = r->ex.len;
        cordon__explain_json(&r->ex, &qn[h->qname].nm, &ln, &res);
        h->ex_len = r->ex.len - h->ex_off;
        cordon__buf_putc(&r->ex, '\0');
    }
    if (r->ex.failed) {
        rc = CORDON_E_NOMEM;
        goto fail;
    }
    goto done;
fail:
    if (rc == CORDON_E_NOMEM)
        cordon__err(err, rc, "out of memory screening a party");
    cordon_results_free(r);
    r = NULL;
done:
    if (qn)
        for (size_t i = 0; i < q->n_names; i++) {
            cordon__analysis_destroy(&qn[i].an);
            cordon__free(A, qn[i].t);
        }
    cordon__free(A, qn);
    cordon__free(A, work);
    if (sc)
        scratch_give(db, sc);
    cordon__free(A, hv.h);
    if (r)
        *out = r;
    return rc;
}
