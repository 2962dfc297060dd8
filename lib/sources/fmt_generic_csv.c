/* fmt_generic_csv.c — in-house lists: CSV/TSV/semicolon with a header row.
 * One row = one entity. Column mapping (header names, case-insensitive) is
 * documented in doc/formats.md; unknown columns become attributes. */
#include "sources/csv.h"
#include "sources/formats.h"

#include <stdio.h>
#include <string.h>

enum { G_ID, G_NAME, G_TYPE, G_ALIAS, G_ALIASES, G_COUNTRY, G_NATIONALITY, G_DOB, G_IDTYPE,
       G_IDNUMBER, G_IDCOUNTRY, G_PROGRAM, G_REMARKS, G_N };

static const char *const cols[G_N] = {
    "id", "name", "type", "alias", "aliases", "country", "nationality", "dob", "id_type",
    "id_number", "id_country", "program", "remarks",
};

typedef struct gen_ud {
    cordon__ent *e;
    int field;
} gen_ud;

static bool add_alias(void *u, const char *s, size_t n)
{
    gen_ud *x = u;
    return cordon__ent_add_name(x->e, CORDON__NAME_AKA, s, n, NULL, 0, NULL, 0, NULL, 0);
}

static bool add_multi(void *u, const char *s, size_t n)
{
    gen_ud *x = u;
    return cordon__ent_add(x->e, x->field, s, n);
}

static bool add_dob(void *u, const char *s, size_t n)
{
    gen_ud *x = u;
    cordon__date d;
    if (cordon__date_parse(s, n, &d))
        return cordon__ent_add_dob(x->e, &d);
    return cordon__ent_add_attr(x->e, "dob_text", s, n);
}

static int type_of(const cordon__csv_field *f)
{
    static const struct {
        const char *s;
        int t;
    } tab[] = {
        {"person", CORDON__TYPE_PERSON},         {"individual", CORDON__TYPE_PERSON},
        {"organization", CORDON__TYPE_ORGANIZATION}, {"organisation", CORDON__TYPE_ORGANIZATION},
        {"entity", CORDON__TYPE_ORGANIZATION},   {"company", CORDON__TYPE_ORGANIZATION},
        {"vessel", CORDON__TYPE_VESSEL},         {"ship", CORDON__TYPE_VESSEL},
        {"aircraft", CORDON__TYPE_AIRCRAFT},     {"unknown", CORDON__TYPE_UNKNOWN},
    };
    if (f->n == 0)
        return CORDON__TYPE_UNKNOWN;
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (cordon__ascii_ieq(f->p, f->n, tab[i].s))
            return tab[i].t;
    return -1;
}

static int gen_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                     cordon_error *err)
{
    cordon_error local;
    if (!err)
        err = &local;
    cordon__err_clear(err);
    if (n != 1)
        return cordon__err(err, CORDON_E_INVALID, "generic_csv reads one file, got %zu", n);
    const cordon_options *o = cordon__sink_options(sink);
    const cordon__alloc *a = cordon__alloc_of(o);
    size_t off = (in->len >= 3 && (unsigned char)in->data[0] == 0xEF) ? 3 : 0;
    char sep = cordon__csv_sniff_sep(in->data + off, in->len - off);
    cordon__csv c;
    cordon__csv_init(&c, o, in->name, in->data, in->len, sep);
    int rc = cordon__csv_next(&c, err);
    if (rc <= 0) {
        cordon__csv_free(&c);
        return rc < 0 ? rc : cordon__err(err, CORDON_E_PARSE, "%s: empty file", c.name);
    }
    int idx[G_N];
    cordon__csv_header_map(&c, cols, G_N, idx);
    if (idx[G_NAME] < 0) {
        rc = cordon__csv_err(&c, err, CORDON_E_FORMAT, NULL, "header has no 'name' column");
        cordon__csv_free(&c);
        return rc;
    }
    /* remember the header of unknown columns (lower-cased keys for attrs) */
    size_t ncol = c.nf;
    char **extra = cordon__calloc(a, ncol, sizeof *extra);
    if (!extra) {
        cordon__csv_free(&c);
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    }
    for (size_t k = 0; k < ncol; k++) {
        bool known = false;
        for (int j = 0; j < G_N; j++)
            if (idx[j] == (int)k)
                known = true;
        cordon__csv_field h = cordon__csv_trim(c.f[k]);
        if (known || h.n == 0)
            continue;
        extra[k] = cordon__strndup(a, h.p, h.n);
        if (!extra[k]) {
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
            break;
        }
        for (char *p = extra[k]; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p + 32);
    }
    if (rc >= 0)
        rc = cordon__sink_list(sink, list_id ? list_id : "inhouse", "in-house list", NULL, err);
    cordon__ent e;
    cordon__ent_init(&e, a);
    while (rc == CORDON_OK) {
        int r = cordon__csv_next(&c, err);
        if (r == 0)
            break;
        if (r < 0) {
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
#define F(k) (idx[k] >= 0 ? cordon__csv_trim(cordon__csv_get(&c, (size_t)idx[k])) \
                          : cordon__csv_get(&c, SIZE_MAX))
        cordon__csv_field fname = F(G_NAME), ftype = F(G_TYPE), fid = F(G_ID);
        int type = type_of(&ftype);
        if (c.nf != ncol || fname.n == 0 || type < 0) {
            cordon__csv_field f = c.nf != ncol ? cordon__csv_get(&c, c.nf - 1)
                                  : fname.n == 0 ? fname : ftype;
            if (c.nf != ncol)
                r = cordon__csv_err(&c, err, CORDON_E_PARSE, &f, "expected %zu fields, found %zu",
                                    ncol, c.nf);
            else if (fname.n == 0)
                r = cordon__csv_err(&c, err, CORDON_E_PARSE, &f, "empty name");
            else
                r = cordon__csv_err(&c, err, CORDON_E_PARSE, &f,
                                    "unknown type (person, organization, vessel, aircraft)");
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
        cordon__ent_clear(&e);
        cordon__ent_set_type(&e, type);
        bool ok;
        if (fid.n) {
            ok = cordon__ent_set(&e, CORDON__F_ID, fid.p, fid.n);
        } else { /* no id: the line number keeps entities distinct */
            char id[32];
            snprintf(id, sizeof id, "line-%lld", (long long)c.line);
            ok = cordon__ent_set(&e, CORDON__F_ID, id, CORDON_NUL_TERMINATED);
        }
        ok = ok && cordon__ent_add_name(&e, CORDON__NAME_PRIMARY, fname.p, fname.n, NULL, 0, NULL,
                                        0, NULL, 0);
        gen_ud ud = {&e, 0};
        cordon__csv_field f = F(G_ALIAS);
        ok = ok && cordon__split(f.p, f.n, ';', add_alias, &ud);
        f = F(G_ALIASES);
        ok = ok && cordon__split(f.p, f.n, ';', add_alias, &ud);
        f = F(G_COUNTRY);
        ud.field = CORDON__M_COUNTRY;
        ok = ok && cordon__split(f.p, f.n, ';', add_multi, &ud);
        f = F(G_NATIONALITY);
        ud.field = CORDON__M_NATIONALITY;
        ok = ok && cordon__split(f.p, f.n, ';', add_multi, &ud);
        f = F(G_PROGRAM);
        ud.field = CORDON__M_PROGRAM;
        ok = ok && cordon__split(f.p, f.n, ';', add_multi, &ud);
        f = F(G_DOB);
        ok = ok && cordon__split(f.p, f.n, ';', add_dob, &ud);
        cordon__csv_field it = F(G_IDTYPE), in_ = F(G_IDNUMBER), ic = F(G_IDCOUNTRY);
        ok = ok && cordon__ent_add_id(&e, it.n ? it.p : "other", it.n ? it.n : 5, in_.p, in_.n,
                                      ic.n ? ic.p : NULL, ic.n, NULL, 0);
        f = F(G_REMARKS);
        ok = ok && cordon__ent_set(&e, CORDON__F_REMARKS, f.p, f.n);
        for (size_t k = 0; ok && k < ncol; k++)
            if (extra[k]) {
                f = cordon__csv_trim(cordon__csv_get(&c, k));
                ok = cordon__ent_add_attr(&e, extra[k], f.p, f.n);
            }
#undef F
        if (!ok) {
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
            break;
        }
        rc = cordon__sink_entity(sink, &e, err);
    }
    for (size_t k = 0; k < ncol; k++)
        cordon__free(a, extra[k]);
    cordon__free(a, extra);
    cordon__ent_destroy(&e);
    cordon__csv_free(&c);
    return rc;
}

/* Fallback: delimited text whose first line has a "name" column. */
static int gen_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    size_t off = (len >= 3 && (unsigned char)data[0] == 0xEF) ? 3 : 0;
    char sep = cordon__csv_sniff_sep(data + off, len - off);
    size_t i = off;
    while (i < len && i < off + 4096 && data[i] != '\n' && data[i] != '\r') {
        size_t j = i;
        while (j < len && data[j] != sep && data[j] != '\n' && data[j] != '\r')
            j++;
        const char *p = data + i;
        size_t n = j - i;
        if (n >= 2 && p[0] == '"' && p[n - 1] == '"') {
            p++;
            n -= 2;
        }
        if (cordon__ascii_ieq(p, n, "name"))
            return 20;
        i = j + (j < len && data[j] == sep ? 1 : 0);
        if (j < len && data[j] != sep)
            break;
    }
    return 0;
}

const cordon__format cordon__fmt_generic_csv = {
    "generic_csv",
    "Generic in-house list: CSV/TSV with a header (id, name, type, aliases, country, dob, ...)",
    gen_detect,
    gen_parse,
};
