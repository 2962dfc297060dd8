/* fmt_us_csl.c — US Consolidated Screening List CSV (trade.gov, 29 columns). */
#include "sources/csv.h"
#include "sources/formats.h"
#include "sources/ofac_remarks.h"

#include <stdio.h>
#include <string.h>

enum {
    C_ID, C_SOURCE, C_ENTNUM, C_TYPE, C_PROGRAMS, C_NAME, C_TITLE, C_ADDRESSES, C_FRN,
    C_START, C_END, C_STDORDER, C_LICREQ, C_LICPOL, C_CALLSIGN, C_VTYPE, C_GT, C_GRT,
    C_VFLAG, C_VOWNER, C_REMARKS, C_SLURL, C_ALT, C_CITIZEN, C_DOB, C_NATION, C_POB,
    C_SIURL, C_IDS, C_N
};

static const char *const cols[C_N] = {
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order",
    "license_requirement", "license_policy", "call_sign", "vessel_type", "gross_tonnage",
    "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
    "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth",
    "source_information_url", "ids",
};

typedef struct csl_ud {
    cordon__ent *e;
    int field;
    int kind;
    bool person;
} csl_ud;

static bool add_multi(void *u, const char *s, size_t n)
{
    csl_ud *x = u;
    return cordon__ent_add(x->e, x->field, s, n);
}

static bool add_alias(void *u, const char *s, size_t n)
{
    csl_ud *x = u;
    const char *comma = x->person ? memchr(s, ',', n) : NULL;
    if (comma && comma > s && (size_t)(comma - s) + 1 < n)
        return cordon__ent_add_name(x->e, x->kind, s, n, comma + 1, n - (size_t)(comma + 1 - s),
                                    NULL, 0, s, (size_t)(comma - s));
    return cordon__ent_add_name(x->e, x->kind, s, n, NULL, 0, NULL, 0, NULL, 0);
}

static bool add_dob(void *u, const char *s, size_t n)
{
    csl_ud *x = u;
    cordon__date d;
    if (cordon__date_parse(s, n, &d))
        return cordon__ent_add_dob(x->e, &d);
    return cordon__ent_add_attr(x->e, "dob_text", s, n);
}

static bool add_address(void *u, const char *s, size_t n)
{
    csl_ud *x = u;
    if (!cordon__ent_add(x->e, CORDON__M_ADDRESS, s, n))
        return false;
    /* the address ends with an ISO country code: "..., TX, 75159, US" */
    size_t k = n;
    while (k && s[k - 1] != ',')
        k--;
    const char *c = s + k;
    size_t cn = n - k;
    while (cn && *c == ' ') {
        c++;
        cn--;
    }
    if (cn == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z')
        return cordon__ent_add(x->e, CORDON__M_ADDRESS_COUNTRY, c, cn);
    return true;
}

/* One "ids" entry: "[country, [issued, [expires,]]] number, type". */
static bool add_ident(void *u, const char *s, size_t n)
{
    csl_ud *x = u;
    const char *part[8];
    size_t plen[8], np = 0;
    size_t i = 0;
    while (i <= n && np < 8) {
        size_t j = i;
        while (j < n && s[j] != ',')
            j++;
        part[np] = s + i;
        plen[np] = j - i;
        while (plen[np] && part[np][0] == ' ') {
            part[np]++;
            plen[np]--;
        }
        while (plen[np] && part[np][plen[np] - 1] == ' ')
            plen[np]--;
        np++;
        i = j + 1;
    }
    if (np == 1)
        return cordon__ent_add_attr(x->e, "info", s, n);
    const char *type = part[np - 1];
    size_t tn = plen[np - 1];
    const char *ctry = NULL;
    size_t cn = 0;
    const char *note = NULL;
    size_t nn = 0;
    const char *num = part[np - 2];
    size_t numn = plen[np - 2];
    bool iso = np >= 3 && plen[0] == 2 && part[0][0] >= 'A' && part[0][0] <= 'Z' &&
               part[0][1] >= 'A' && part[0][1] <= 'Z';
    if (iso && np <= 5) {
        ctry = part[0];
        cn = plen[0];
        if (np >= 4) { /* issue (and expiration) dates between country and number */
            note = part[1];
            nn = (size_t)(part[np - 3] + plen[np - 3] - part[1]);
        }
    } else if (np >= 3) {
        /* free text containing commas: the value is everything before the type */
        num = part[0];
        numn = (size_t)(part[np - 2] + plen[np - 2] - part[0]);
    }
    return cordon__ofac_typed_value(x->e, type, tn, num, numn, ctry, cn, note, nn);
}

static int type_of(const cordon__csv_field *f)
{
    if (f->n == 0)
        return CORDON__TYPE_UNKNOWN;
    if (cordon__ascii_ieq(f->p, f->n, "individual"))
        return CORDON__TYPE_PERSON;
    if (cordon__ascii_ieq(f->p, f->n, "entity"))
        return CORDON__TYPE_ORGANIZATION;
    if (cordon__ascii_ieq(f->p, f->n, "vessel"))
        return CORDON__TYPE_VESSEL;
    if (cordon__ascii_ieq(f->p, f->n, "aircraft"))
        return CORDON__TYPE_AIRCRAFT;
    return -1;
}

static int csl_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                     cordon_error *err)
{
    cordon_error local;
    if (!err)
        err = &local;
    cordon__err_clear(err);
    if (n != 1)
        return cordon__err(err, CORDON_E_INVALID, "us_csl_csv reads one file, got %zu", n);
    const cordon_options *o = cordon__sink_options(sink);
    const cordon__alloc *a = cordon__alloc_of(o);
    cordon__csv c;
    cordon__csv_init(&c, o, in->name, in->data, in->len, ',');
    int idx[C_N];
    int rc = cordon__csv_next(&c, err);
    if (rc <= 0) {
        cordon__csv_free(&c);
        return rc < 0 ? rc : cordon__err(err, CORDON_E_PARSE, "%s: empty file", c.name);
    }
    cordon__csv_header_map(&c, cols, C_N, idx);
    for (int k = 0; k < C_N; k++)
        if (idx[k] < 0) {
            rc = cordon__csv_err(&c, err, CORDON_E_FORMAT, NULL,
                                 "not a CSL file: header has no column '%s'", cols[k]);
            cordon__csv_free(&c);
            return rc;
        }
    rc = cordon__sink_list(sink, list_id ? list_id : "us_csl",
                           "US International Trade Administration (trade.gov)", NULL, err);
    cordon__ent e;
    cordon__ent_init(&e, a);
    size_t ncol = c.nf;
    while (rc == CORDON_OK) {
        int r = cordon__csv_next(&c, err);
        if (r == 0)
            break;
        if (r < 0) {
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
        if (c.nf != ncol) {
            cordon__csv_field f = cordon__csv_get(&c, c.nf - 1);
            r = cordon__csv_err(&c, err, CORDON_E_PARSE, &f, "expected %zu fields, found %zu",
                                ncol, c.nf);
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
#define F(k) cordon__csv_trim(cordon__csv_get(&c, (size_t)idx[k]))
        cordon__csv_field fid = F(C_ID), fname = F(C_NAME), ftype = F(C_TYPE);
        if (fid.n == 0 || fname.n == 0) {
            r = cordon__csv_err(&c, err, CORDON_E_PARSE, fid.n ? &fname : &fid,
                                fid.n ? "empty name" : "empty _id");
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
        int type = type_of(&ftype);
        if (type < 0) {
            r = cordon__csv_err(&c, err, CORDON_E_PARSE, &ftype, "unknown type '%.*s'",
                                (int)(ftype.n > 40 ? 40 : ftype.n), ftype.p);
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
        cordon__ent_clear(&e);
        cordon__ent_set_type(&e, type);
        csl_ud ud = {&e, 0, CORDON__NAME_AKA, type == CORDON__TYPE_PERSON};
        ud.kind = CORDON__NAME_PRIMARY;
        bool ok = cordon__ent_set(&e, CORDON__F_ID, fid.p, fid.n) && add_alias(&ud, fname.p, fname.n);
        ud.kind = CORDON__NAME_AKA;
        cordon__csv_field f = F(C_SOURCE);
        /* "Entity List (EL) - Bureau of Industry and Security" -> "EL" */
        const char *lp = memchr(f.p, '(', f.n);
        const char *rp = lp ? memchr(lp, ')', f.n - (size_t)(lp - f.p)) : NULL;
        if (ok && lp && rp && rp > lp + 1)
            ok = cordon__ent_add_attr(&e, "source", lp + 1, (size_t)(rp - lp - 1));
        else if (ok)
            ok = cordon__ent_add_attr(&e, "source", f.p, f.n);
        f = F(C_ENTNUM);
        ok = ok && cordon__ent_add_attr(&e, "entity_number", f.p, f.n);
        f = F(C_PROGRAMS);
        ud.field = CORDON__M_PROGRAM;
        ok = ok && cordon__split(f.p, f.n, ';', add_multi, &ud);
        f = F(C_TITLE);
        ok = ok && cordon__ent_set(&e, CORDON__F_TITLE, f.p, f.n);
        f = F(C_ADDRESSES);
        ok = ok && cordon__split(f.p, f.n, ';', add_address, &ud);
        f = F(C_START);
        ok = ok && cordon__ent_set(&e, CORDON__F_LISTED_ON, f.p, f.n);
        static const struct {
            int col;
            const char *key;
        } attrs[] = {
            {C_FRN, "federal_register_notice"}, {C_END, "end_date"},
            {C_STDORDER, "standard_order"},     {C_LICREQ, "license_requirement"},
            {C_LICPOL, "license_policy"},       {C_CALLSIGN, "call_sign"},
            {C_VTYPE, "vessel_type"},           {C_GT, "tonnage"},
            {C_GRT, "grt"},                     {C_VFLAG, "vessel_flag"},
            {C_VOWNER, "owner"},
        };
        for (size_t k = 0; ok && k < sizeof attrs / sizeof attrs[0]; k++) {
            f = F(attrs[k].col);
            ok = cordon__ent_add_attr(&e, attrs[k].key, f.p, f.n);
        }
        f = F(C_REMARKS);
        ok = ok && cordon__ent_set(&e, CORDON__F_REMARKS, f.p, f.n);
        f = F(C_ALT);
        ok = ok && cordon__split(f.p, f.n, ';', add_alias, &ud);
        f = F(C_CITIZEN);
        ud.field = CORDON__M_CITIZENSHIP;
        ok = ok && cordon__split(f.p, f.n, ';', add_multi, &ud);
        f = F(C_NATION);
        ud.field = CORDON__M_NATIONALITY;
        ok = ok && cordon__split(f.p, f.n, ';', add_multi, &ud);
        f = F(C_POB);
        ud.field = CORDON__M_POB;
        ok = ok && cordon__split(f.p, f.n, ';', add_multi, &ud);
        f = F(C_DOB);
        ok = ok && cordon__split(f.p, f.n, ';', add_dob, &ud);
        f = F(C_IDS);
        ok = ok && cordon__split(f.p, f.n, ';', add_ident, &ud);
#undef F
        if (!ok) {
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
            break;
        }
        rc = cordon__sink_entity(sink, &e, err);
    }
    cordon__ent_destroy(&e);
    cordon__csv_free(&c);
    return rc;
}

static int csl_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    static const char h[] = "_id,source,entity_number,type,programs,name";
    size_t off = (len >= 3 && (unsigned char)data[0] == 0xEF) ? 3 : 0;
    if (len - off >= sizeof h - 1 && memcmp(data + off, h, sizeof h - 1) == 0)
        return 95;
    return 0;
}

const cordon__format cordon__fmt_us_csl_csv = {
    "us_csl_csv",
    "US Consolidated Screening List CSV (trade.gov, all sources)",
    csl_detect,
    csl_parse,
};
