/* fmt_bis_dpl.c — BIS Denied Persons List, tab-separated with quoted fields.
 * One row per (name, address); rows with the same Name and FR_Citation are
 * one denial order and become one entity (rows may be non-adjacent). */
#include "sources/csv.h"
#include "sources/formats.h"

#include <stdio.h>
#include <string.h>

enum { D_NAME, D_STREET, D_CITY, D_STATE, D_COUNTRY, D_POSTAL, D_EFF, D_EXP, D_STD, D_LAST,
       D_ACTION, D_FR, D_N };

static const char *const cols[D_N] = {
    "Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date",
    "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation",
};

static uint64_t row_key(const cordon__csv_field *name, const cordon__csv_field *fr)
{
    uint64_t h = cordon__hash64(name->p, name->n, 0x5eed);
    return cordon__hash64(fr->p, fr->n, h ^ 0x9e3779b97f4a7c15ull);
}

/* "06/19/2003" (US order) -> "2003-06-19" into out[11]. */
static bool us_date_iso(const cordon__csv_field *f, char out[24])
{
    cordon__date d;
    if (f->n != 10 || f->p[2] != '/' || !cordon__date_parse(f->p, f->n, &d) || !d.day)
        return false;
    int m = (f->p[0] - '0') * 10 + (f->p[1] - '0');
    int day = (f->p[3] - '0') * 10 + (f->p[4] - '0');
    if (m < 1 || m > 12 || day < 1 || day > 31)
        return false;
    snprintf(out, 24, "%04d-%02d-%02d", d.year, m, day);
    return true;
}

static int dpl_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                     cordon_error *err)
{
    cordon_error local;
    if (!err)
        err = &local;
    cordon__err_clear(err);
    if (n != 1)
        return cordon__err(err, CORDON_E_INVALID, "bis_dpl reads one file, got %zu", n);
    const cordon_options *o = cordon__sink_options(sink);
    const cordon__alloc *a = cordon__alloc_of(o);
    cordon__csv c;
    cordon__csv_init(&c, o, in->name, in->data, in->len, '\t');
    int idx[D_N];
    int rc = cordon__csv_next(&c, err);
    if (rc <= 0) {
        cordon__csv_free(&c);
        return rc < 0 ? rc : cordon__err(err, CORDON_E_PARSE, "%s: empty file", c.name);
    }
    cordon__csv_header_map(&c, cols, D_N, idx);
    for (int k = 0; k < D_N; k++)
        if (idx[k] < 0) {
            rc = cordon__csv_err(&c, err, CORDON_E_FORMAT, NULL,
                                 "not a Denied Persons List: header has no column '%s'", cols[k]);
            cordon__csv_free(&c);
            return rc;
        }
    size_t ncol = c.nf;
    rc = cordon__sink_list(sink, list_id ? list_id : "us_bis_dpl",
                           "US Commerce Bureau of Industry and Security", NULL, err);
    cordon__csv_grouper g;
    cordon__csv_group_init(&g, a);
    cordon__ent e;
    cordon__ent_init(&e, a);
    cordon__buf b;
    cordon__buf_init(&b, a);
#define F(k) cordon__csv_trim(cordon__csv_get(&c, (size_t)idx[k]))
    /* pass 1: validate rows and group them */
    while (rc == CORDON_OK) {
        int r = cordon__csv_next(&c, err);
        if (r == 0)
            break;
        if (r < 0) {
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
        cordon__csv_field fn = F(D_NAME), fr = F(D_FR);
        if (c.nf != ncol || fn.n == 0) {
            cordon__csv_field f = c.nf != ncol ? cordon__csv_get(&c, c.nf - 1) : fn;
            r = c.nf != ncol ? cordon__csv_err(&c, err, CORDON_E_PARSE, &f,
                                               "expected %zu fields, found %zu", ncol, c.nf)
                             : cordon__csv_err(&c, err, CORDON_E_PARSE, &f, "empty name");
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
        if (!cordon__csv_group_add(&g, &c, row_key(&fn, &fr)))
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
    }
    if (rc == CORDON_OK && !cordon__csv_group_finish(&g))
        rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
    /* pass 2: one entity per group */
    for (size_t gi = 0; rc == CORDON_OK && gi < g.ngroups; gi++) {
        const cordon__csv_group *gr = &g.groups[gi];
        cordon__ent_clear(&e);
        bool ok = true;
        for (size_t ri = 0; ok && ri < gr->count; ri++) {
            const cordon__csv_row *row = &g.rows[gr->first + ri];
            if ((rc = cordon__csv_reread(&c, row, err)) != CORDON_OK)
                break;
            cordon__csv_field f = F(D_NAME);
            if (ri == 0) {
                char id[20];
                snprintf(id, sizeof id, "%016llx", (unsigned long long)row->key);
                ok = cordon__ent_set(&e, CORDON__F_ID, id, CORDON_NUL_TERMINATED) &&
                     cordon__ent_add_name(&e, CORDON__NAME_PRIMARY, f.p, f.n, NULL, 0, NULL, 0,
                                          NULL, 0);
                char iso[24];
                f = F(D_EFF);
                if (ok && us_date_iso(&f, iso))
                    ok = cordon__ent_set(&e, CORDON__F_LISTED_ON, iso, CORDON_NUL_TERMINATED);
                f = F(D_EXP);
                if (ok && us_date_iso(&f, iso))
                    ok = cordon__ent_add_attr(&e, "expiration_date", iso, CORDON_NUL_TERMINATED);
                static const struct {
                    int col;
                    const char *key;
                } at[] = {{D_STD, "standard_order"},
                          {D_LAST, "last_update"},
                          {D_ACTION, "action"},
                          {D_FR, "federal_register_notice"}};
                for (size_t k = 0; ok && k < 4; k++) {
                    f = F(at[k].col);
                    ok = cordon__ent_add_attr(&e, at[k].key, f.p, f.n);
                }
            }
            /* address: street, city, state, postal code, country */
            cordon__buf_reset(&b);
            static const int parts[] = {D_STREET, D_CITY, D_STATE, D_POSTAL, D_COUNTRY};
            for (size_t k = 0; k < 5; k++) {
                f = F(parts[k]);
                if (!f.n)
                    continue;
                if (b.len)
                    cordon__buf_puts(&b, ", ");
                cordon__buf_append(&b, f.p, f.n);
            }
            ok = ok && !b.failed;
            if (ok && b.len)
                ok = cordon__ent_add(&e, CORDON__M_ADDRESS, b.data, b.len);
            f = F(D_COUNTRY);
            ok = ok && cordon__ent_add(&e, CORDON__M_ADDRESS_COUNTRY, f.p, f.n);
        }
        if (rc != CORDON_OK)
            break;
        if (!ok) {
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
            break;
        }
        rc = cordon__sink_entity(sink, &e, err);
    }
#undef F
    cordon__buf_free(&b);
    cordon__ent_destroy(&e);
    cordon__csv_group_free(&g);
    cordon__csv_free(&c);
    return rc;
}

static int dpl_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    static const char h[] = "\"Name\"\t\"Street_Address\"\t";
    static const char h2[] = "Name\tStreet_Address\t";
    size_t off = (len >= 3 && (unsigned char)data[0] == 0xEF) ? 3 : 0;
    if ((len - off >= sizeof h - 1 && memcmp(data + off, h, sizeof h - 1) == 0) ||
        (len - off >= sizeof h2 - 1 && memcmp(data + off, h2, sizeof h2 - 1) == 0))
        return 95;
    return 0;
}

const cordon__format cordon__fmt_bis_dpl = {
    "bis_dpl",
    "US BIS Denied Persons List (tab-separated dpl.txt)",
    dpl_detect,
    dpl_parse,
};
