/* fmt_ofac_csv.c — OFAC SDN / Consolidated CSV sets (sdn.csv + add.csv +
 * alt.csv + sdn_comments.csv, or cons_prim.csv + cons_add.csv + ...). */
#include "sources/csv.h"
#include "sources/formats.h"
#include "sources/ofac_remarks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { M_PRIM, M_ADD, M_ALT, M_COMM, M_N };
static const int member_fields[M_N] = {12, 6, 5, 2};

/* A row of an auxiliary file, remembered by position (re-read on join). */
typedef struct aux_row {
    int64_t ent;
    size_t pos, line_start;
    int64_t line;
    uint32_t seq;  /* file order, to keep the sort stable */
    uint8_t used;
} aux_row;

typedef struct aux_set {
    const cordon__input *in;
    aux_row *rows;
    size_t n, cap;
    cordon__csv rd;  /* reader kept for the joins */
    bool rd_init;
} aux_set;

static int member_of_name(const char *name)
{
    const char *b = cordon__basename(name);
    size_t n = strlen(b);
    static const struct {
        const char *nm;
        int m;
    } tab[] = {
        {"sdn.csv", M_PRIM},          {"cons_prim.csv", M_PRIM}, {"add.csv", M_ADD},
        {"cons_add.csv", M_ADD},      {"alt.csv", M_ALT},        {"cons_alt.csv", M_ALT},
        {"sdn_comments.csv", M_COMM}, {"cons_comments.csv", M_COMM},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (cordon__ascii_ieq(b, n, tab[i].nm))
            return tab[i].m;
    return -1;
}

static bool is_cons_name(const char *name)
{
    const char *b = cordon__basename(name);
    return (b[0] == 'c' || b[0] == 'C') && cordon__ascii_ieq(b, 5 < strlen(b) ? 5 : strlen(b), "cons_");
}

/* Field value with OFAC's "-0-" null (often followed by spaces) removed. */
static cordon__csv_field val(const cordon__csv *c, size_t i)
{
    cordon__csv_field f = cordon__csv_trim(cordon__csv_get(c, i));
    if (f.n == 3 && memcmp(f.p, "-0-", 3) == 0)
        f.n = 0;
    return f;
}

static bool parse_ent(const cordon__csv_field *f, int64_t *out)
{
    if (f->n == 0 || f->n > 12)
        return false;
    int64_t v = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (f->p[i] < '0' || f->p[i] > '9')
            return false;
        v = v * 10 + (f->p[i] - '0');
    }
    *out = v;
    return true;
}

static int cmp_aux(const void *a, const void *b)
{
    const aux_row *x = a, *y = b;
    if (x->ent != y->ent)
        return x->ent < y->ent ? -1 : 1;
    return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

/* Count fields of the first record (for inputs with unknown names). */
static int sniff_member(const cordon__input *in)
{
    cordon__csv c;
    cordon__csv_init(&c, NULL, in->name, in->data, in->len, ',');
    c.max_record = 1 << 20;
    cordon_error e;
    int rc = cordon__csv_next(&c, &e);
    size_t nf = c.nf;
    cordon__csv_free(&c);
    if (rc != 1)
        return -1;
    for (int m = 0; m < M_N; m++)
        if ((size_t)member_fields[m] == nf)
            return m;
    return -1;
}

typedef struct ofac_ctx {
    cordon__sink *sink;
    const cordon_options *opts;
    const cordon__alloc *a;
    cordon_error *err;
    cordon__buf tmp;
} ofac_ctx;

/* Bad record: strict -> error, lenient -> skip. */
static int bad(ofac_ctx *x, const cordon__csv *c, const cordon__csv_field *f, const char *why)
{
    int rc = cordon__csv_err(c, x->err, CORDON_E_PARSE, f, "%s", why);
    return cordon__csv_bad_record(x->sink, c->line, rc, x->err);
}

static int load_aux(ofac_ctx *x, aux_set *s)
{
    cordon__csv_init(&s->rd, x->opts, s->in->name, s->in->data, s->in->len, ',');
    s->rd_init = true;
    cordon__csv c = s->rd;
    int rc;
    uint32_t seq = 0;
    while ((rc = cordon__csv_next(&c, x->err)) != 0) {
        if (rc < 0) {
            rc = cordon__csv_bad_record(x->sink, c.line, rc, x->err);
            if (rc < 0)
                break;
            continue;
        }
        cordon__csv_field f0 = val(&c, 0);
        int64_t ent;
        if (!parse_ent(&f0, &ent)) {
            rc = bad(x, &c, &f0, "ent_num is not a number");
            if (rc < 0)
                break;
            continue;
        }
        aux_row *r = cordon__grow(x->a, s->rows, &s->cap, s->n + 1, sizeof *r);
        if (!r) {
            rc = cordon__err(x->err, CORDON_E_NOMEM, "out of memory");
            break;
        }
        s->rows = r;
        r[s->n].ent = ent;
        r[s->n].pos = c.rec_start;
        r[s->n].line = c.line;
        r[s->n].line_start = c.rec_line_start;
        r[s->n].seq = seq++;
        r[s->n].used = 0;
        s->n++;
    }
    s->rd = c; /* keeps the grown field array */
    if (rc < 0)
        return rc;
    if (s->n)
        qsort(s->rows, s->n, sizeof *s->rows, cmp_aux);
    return CORDON_OK;
}

/* First row of s with this ent_num, or s->n. */
static size_t aux_find(const aux_set *s, int64_t ent)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->rows[mid].ent < ent)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int type_of(const cordon__csv_field *f)
{
    if (f->n == 0)
        return CORDON__TYPE_ORGANIZATION;
    if (cordon__ascii_ieq(f->p, f->n, "individual"))
        return CORDON__TYPE_PERSON;
    if (cordon__ascii_ieq(f->p, f->n, "vessel"))
        return CORDON__TYPE_VESSEL;
    if (cordon__ascii_ieq(f->p, f->n, "aircraft"))
        return CORDON__TYPE_AIRCRAFT;
    return -1;
}

/* "LAST, First Middle" -> family/given for persons. */
static bool add_person_name(cordon__ent *e, int kind, const char *p, size_t n, bool person)
{
    if (person) {
        const char *comma = memchr(p, ',', n);
        if (comma && comma > p && (size_t)(comma - p) + 1 < n)
            return cordon__ent_add_name(e, kind, p, n, comma + 1, n - (size_t)(comma + 1 - p), NULL,
                                        0, p, (size_t)(comma - p));
    }
    return cordon__ent_add_name(e, kind, p, n, NULL, 0, NULL, 0, NULL, 0);
}

static bool add_programs(cordon__ent *e, const char *p, size_t n)
{
    /* "NPWMD] [IFSR" */
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] != ']' && p[j] != '[' && p[j] != ';')
            j++;
        if (j > i && !cordon__ent_add(e, CORDON__M_PROGRAM, p + i, j - i))
            return false;
        i = j + 1;
    }
    return true;
}

#define OOM() cordon__err(x->err, CORDON_E_NOMEM, "out of memory")

static int join_aux(ofac_ctx *x, int m, aux_set *s, int64_t ent, cordon__ent *e, cordon__buf *rem,
                    bool person)
{
    if (!s->in)
        return CORDON_OK;
    cordon__csv *cp = &s->rd;
    int rc = CORDON_OK;
    for (size_t i = aux_find(s, ent); i < s->n && s->rows[i].ent == ent; i++) {
        aux_row *r = &s->rows[i];
        r->used = 1;
        cordon__csv_seek(cp, r->pos, r->line, r->line_start);
        rc = cordon__csv_next(cp, x->err);
        if (rc != 1) { /* was read fine before: cannot happen */
            rc = rc < 0 ? rc : cordon__err(x->err, CORDON_E_PARSE, "%s: re-read failed", cp->name);
            break;
        }
        rc = CORDON_OK;
        if (m == M_ALT) {
            cordon__csv_field t = val(cp, 2), nm = val(cp, 3);
            int kind = CORDON__NAME_AKA;
            if (cordon__ascii_ieq(t.p, t.n, "fka"))
                kind = CORDON__NAME_FKA;
            if (nm.n && !add_person_name(e, kind, nm.p, nm.n, person)) {
                rc = OOM();
                break;
            }
        } else if (m == M_ADD) {
            cordon__csv_field ad = val(cp, 2), city = val(cp, 3), ctry = val(cp, 4);
            cordon__buf *bp = &x->tmp;
            cordon__buf_reset(bp);
            const cordon__csv_field *parts[3] = {&ad, &city, &ctry};
            for (int k = 0; k < 3; k++) {
                if (!parts[k]->n)
                    continue;
                if (bp->len)
                    cordon__buf_puts(bp, ", ");
                cordon__buf_append(bp, parts[k]->p, parts[k]->n);
            }
            bool ok = !bp->failed;
            if (ok && bp->len)
                ok = cordon__ent_add(e, CORDON__M_ADDRESS, bp->data, bp->len);
            if (ok && ctry.n)
                ok = cordon__ent_add(e, CORDON__M_ADDRESS_COUNTRY, ctry.p, ctry.n);
            if (!ok) {
                rc = OOM();
                break;
            }
        } else if (m == M_COMM) {
            cordon__csv_field t = cordon__csv_get(cp, 1);
            if (t.n == 3 && memcmp(t.p, "-0-", 3) == 0)
                t.n = 0;
            if (!cordon__buf_append(rem, t.p, t.n)) {
                rc = OOM();
                break;
            }
        }
    }
    return rc;
}

static int report_orphans(ofac_ctx *x, aux_set *s)
{
    for (size_t i = 0; i < s->n; i++) {
        if (s->rows[i].used)
            continue;
        char why[256];
        snprintf(why, sizeof why, "%s:%lld: ent_num %lld has no primary record",
                 cordon__basename(s->in->name), (long long)s->rows[i].line,
                 (long long)s->rows[i].ent);
        int rc = cordon__sink_skip(x->sink, s->rows[i].line, why, x->err);
        if (rc < 0)
            return rc;
    }
    return CORDON_OK;
}

static int ofac_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                      cordon_error *err)
{
    cordon_error local;
    if (!err)
        err = &local;
    cordon__err_clear(err);
    ofac_ctx x;
    memset(&x, 0, sizeof x);
    x.sink = sink;
    x.opts = cordon__sink_options(sink);
    x.err = err;
    x.a = cordon__alloc_of(x.opts);
    cordon__buf_init(&x.tmp, x.a);
    const cordon__input *mem[M_N] = {NULL, NULL, NULL, NULL};
    bool cons = false;
    for (size_t i = 0; i < n; i++) {
        int m = member_of_name(in[i].name);
        if (m < 0)
            m = sniff_member(&in[i]);
        if (m < 0)
            return cordon__err(err, CORDON_E_FORMAT,
                               "%s: not a member of an OFAC CSV set (sdn.csv, add.csv, alt.csv, "
                               "sdn_comments.csv or cons_*.csv)",
                               in[i].name ? in[i].name : "<buffer>");
        if (mem[m])
            return cordon__err(err, CORDON_E_INVALID, "%s: two %s files in one OFAC CSV set",
                               in[i].name ? in[i].name : "<buffer>",
                               m == M_PRIM ? "primary" : m == M_ADD ? "address" : m == M_ALT ? "alias" : "comments");
        mem[m] = &in[i];
        if (is_cons_name(in[i].name))
            cons = true;
    }
    if (!mem[M_PRIM])
        return cordon__err(err, CORDON_E_FORMAT,
                           "OFAC CSV set without its primary file (sdn.csv or cons_prim.csv)");
    if (!list_id)
        list_id = cons ? "us_ofac_cons" : "us_ofac_sdn";
    int rc = cordon__sink_list(sink, list_id, "US Treasury OFAC", NULL, err);
    if (rc < 0)
        return rc;

    aux_set aux[M_N];
    memset(aux, 0, sizeof aux);
    cordon__ofac_rx *rx = NULL;
    cordon__ent e;
    cordon__ent_init(&e, x.a);
    cordon__buf rem;
    cordon__buf_init(&rem, x.a);
    cordon__csv c;
    cordon__csv_init(&c, x.opts, mem[M_PRIM]->name, mem[M_PRIM]->data, mem[M_PRIM]->len, ',');
    for (int m = M_ADD; m < M_N && rc == CORDON_OK; m++) {
        aux[m].in = mem[m];
        if (mem[m])
            rc = load_aux(&x, &aux[m]);
    }
    if (rc == CORDON_OK)
        rc = cordon__ofac_rx_new(&rx, x.a, err);
    while (rc == CORDON_OK) {
        int r = cordon__csv_next(&c, err);
        if (r == 0)
            break;
        if (r < 0) {
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
        if (c.nf != 12) {
            cordon__csv_field f = cordon__csv_get(&c, c.nf ? c.nf - 1 : 0);
            char why[80];
            snprintf(why, sizeof why, "expected 12 fields, found %zu", c.nf);
            rc = bad(&x, &c, &f, why);
            continue;
        }
        cordon__csv_field fid = val(&c, 0), fname = val(&c, 1), ftype = val(&c, 2);
        int64_t ent;
        if (!parse_ent(&fid, &ent)) {
            rc = bad(&x, &c, &fid, "ent_num is not a number");
            continue;
        }
        if (fname.n == 0) {
            rc = bad(&x, &c, &fname, "empty name");
            continue;
        }
        int type = type_of(&ftype);
        if (type < 0) {
            rc = bad(&x, &c, &ftype, "unknown SDN_Type");
            continue;
        }
        cordon__ent_clear(&e);
        cordon__ent_set_type(&e, type);
        bool person = type == CORDON__TYPE_PERSON;
        bool ok = cordon__ent_set(&e, CORDON__F_ID, fid.p, fid.n) &&
                  add_person_name(&e, CORDON__NAME_PRIMARY, fname.p, fname.n, person);
        cordon__csv_field f = val(&c, 3);
        ok = ok && add_programs(&e, f.p, f.n);
        f = val(&c, 4);
        ok = ok && cordon__ent_set(&e, CORDON__F_TITLE, f.p, f.n);
        static const char *const vk[6] = {"call_sign", "vessel_type", "tonnage",
                                          "grt",       "vessel_flag", "owner"};
        for (int k = 0; k < 6 && ok; k++) {
            f = val(&c, 5 + (size_t)k);
            ok = cordon__ent_add_attr(&e, vk[k], f.p, f.n);
        }
        if (!ok) {
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
            break;
        }
        cordon__buf_reset(&rem);
        f = val(&c, 11);
        cordon__buf_append(&rem, f.p, f.n);
        for (int m = M_ADD; m < M_N && rc == CORDON_OK; m++)
            rc = join_aux(&x, m, &aux[m], ent, &e, &rem, person);
        if (rc < 0)
            break;
        if (rem.failed) {
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
            break;
        }
        if (rem.len) {
            if (!cordon__ent_set(&e, CORDON__F_REMARKS, rem.data, rem.len) ||
                !cordon__ofac_remarks(rx, &e, rem.data, rem.len)) {
                rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
                break;
            }
        }
        rc = cordon__sink_entity(sink, &e, err);
    }
    for (int m = M_ADD; m < M_N && rc == CORDON_OK; m++)
        if (aux[m].in)
            rc = report_orphans(&x, &aux[m]);
    for (int m = 0; m < M_N; m++) {
        cordon__free(x.a, aux[m].rows);
        if (aux[m].rd_init)
            cordon__csv_free(&aux[m].rd);
    }
    cordon__buf_free(&x.tmp);
    cordon__csv_free(&c);
    cordon__buf_free(&rem);
    cordon__ent_destroy(&e);
    cordon__ofac_rx_free(rx);
    return rc;
}

/* Headerless rows like `36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",...`. */
static int ofac_detect(const char *name, const char *data, size_t len)
{
    int m = member_of_name(name);
    size_t i = 0;
    while (i < len && i < 12 && data[i] >= '0' && data[i] <= '9')
        i++;
    bool shape = i > 0 && i + 1 < len && data[i] == ',' && (data[i + 1] == '"' || data[i + 1] == '-' ||
                                                            (data[i + 1] >= '0' && data[i + 1] <= '9'));
    if (!shape)
        return 0;
    /* -0- nulls in the first line make it near-certain */
    bool null_mark = false;
    for (size_t k = 0; k < len && k < 4096 && data[k] != '\n'; k++)
        if (data[k] == '-' && k + 2 < len && data[k + 1] == '0' && data[k + 2] == '-') {
            null_mark = true;
            break;
        }
    if (m >= 0)
        return null_mark ? 95 : 80;
    return null_mark ? 80 : 30;
}

const cordon__format cordon__fmt_ofac_csv = {
    "ofac_csv",
    "OFAC SDN / Consolidated list CSV set (sdn.csv, add.csv, alt.csv, sdn_comments.csv; cons_*.csv)",
    ofac_detect,
    ofac_parse,
};
