/* fmt_uk_fcdo_csv.c — FCDO "UK Sanctions List" CSV.
 *
 * Line 1 "Report Date: dd-Mon-yyyy", line 2 the 58-column header (Last
 * Updated, Unique ID, OFSI Group ID, ..., Name 6, Name 1..5, Name type, Alias
 * strength, ...), then one row per name / address of a designation, grouped
 * by Unique ID. Columns are found by header name (doc/formats.md lists the
 * mapping); Unique ID and Name 6 are required.
 */
#include "sources/csv.h"
#include "sources/formats.h"

#include <stdio.h>
#include <string.h>

enum { ACT_ATTR, ACT_MULTI, ACT_SCALAR, ACT_ID, ACT_DOB, ACT_DATE, ACT_SKIP };

typedef struct col_rule {
    const char *col;
    int act;
    int field;       /* CORDON__M_* / CORDON__F_* */
    const char *key; /* attr key or ident type */
} col_rule;

/* Names, types and addresses are handled in code; these are the rest. */
static const col_rule rules[] = {
    {"Last Updated", ACT_ATTR, 0, "last_updated"},
    {"OFSI Group ID", ACT_ATTR, 0, "ofsi_group_id"},
    {"UN Reference Number", ACT_ATTR, 0, "un_reference"},
    {"Title", ACT_SCALAR, CORDON__F_TITLE, NULL},
    {"Regime Name", ACT_MULTI, CORDON__M_PROGRAM, NULL},
    {"Designation source", ACT_ATTR, 0, "designation_source"},
    {"Sanctions Imposed", ACT_ATTR, 0, "sanctions_imposed"},
    {"Other Information", ACT_SCALAR, CORDON__F_REMARKS, NULL},
    {"UK Statement of Reasons", ACT_ATTR, 0, "statement_of_reasons"},
    {"Phone number", ACT_ATTR, 0, "phone"},
    {"Website", ACT_ATTR, 0, "website"},
    {"Email address", ACT_ATTR, 0, "email"},
    {"Date Designated", ACT_DATE, CORDON__F_LISTED_ON, NULL},
    {"D.O.B", ACT_DOB, 0, NULL},
    {"Nationality(/ies)", ACT_MULTI, CORDON__M_NATIONALITY, NULL},
    {"National Identifier number", ACT_ID, 0, "national_id"},
    {"National Identifier additional information", ACT_ATTR, 0, "national_id_info"},
    {"Passport number", ACT_ID, 0, "passport"},
    {"Passport additional information", ACT_ATTR, 0, "passport_info"},
    {"Position", ACT_ATTR, 0, "position"},
    {"Type of entity", ACT_ATTR, 0, "entity_type"},
    {"Subsidiaries", ACT_ATTR, 0, "subsidiaries"},
    {"Parent company", ACT_ATTR, 0, "parent_company"},
    {"Business registration number (s)", ACT_ID, 0, "registration"},
    {"IMO number", ACT_ID, 0, "imo"},
    {"Current owner/operator (s)", ACT_ATTR, 0, "owner"},
    {"Previous owner/operator (s)", ACT_ATTR, 0, "previous_owner"},
    {"Current believed flag of ship", ACT_ATTR, 0, "vessel_flag"},
    {"Previous flags", ACT_ATTR, 0, "previous_flags"},
    {"Type of ship", ACT_ATTR, 0, "vessel_type"},
    {"Tonnage of ship", ACT_ATTR, 0, "tonnage"},
    {"Length of ship", ACT_ATTR, 0, "vessel_length"},
    {"Year Built", ACT_ATTR, 0, "vessel_year_of_build"},
    {"Hull identification number (HIN)", ACT_ATTR, 0, "hull_id"},
};
#define NRULES (sizeof rules / sizeof rules[0])

enum { K_UID, K_N6, K_N1, K_N2, K_N3, K_N4, K_N5, K_NTYPE, K_STRENGTH, K_NONLATIN, K_DTYPE,
       K_A1, K_A2, K_A3, K_A4, K_A5, K_A6, K_POST, K_COUNTRY, K_GENDER, K_TOWN, K_COB, K_N };
static const char *const kcols[K_N] = {
    "Unique ID", "Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name type",
    "Alias strength", "Name non-latin script", "Designation Type", "Address Line 1",
    "Address Line 2", "Address Line 3", "Address Line 4", "Address Line 5", "Address Line 6",
    "Address Postal Code", "Address Country", "Gender", "Town of birth", "Country of birth",
};

/* dd/mm/yyyy -> ISO */
static bool dmy_iso(const cordon__csv_field *f, char out[24])
{
    cordon__date d;
    if (f->n != 10 || f->p[2] != '/' || !cordon__date_parse(f->p, f->n, &d) || !d.day)
        return false;
    snprintf(out, 24, "%04d-%02d-%02d", d.year, d.month, d.day);
    return true;
}

static int fcdo_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                      cordon_error *err)
{
    cordon_error local;
    if (!err)
        err = &local;
    cordon__err_clear(err);
    if (n != 1)
        return cordon__err(err, CORDON_E_INVALID, "uk_fcdo_csv reads one file, got %zu", n);
    const cordon_options *o = cordon__sink_options(sink);
    const cordon__alloc *a = cordon__alloc_of(o);
    cordon__csv c;
    cordon__csv_init(&c, o, in->name, in->data, in->len, ',');
    int rc = cordon__csv_next(&c, err);
    char date[24] = "";
    if (rc == 1 && c.nf >= 1 && c.f[0].n > 12 && memcmp(c.f[0].p, "Report Date:", 12) == 0) {
        cordon__date d;
        if (cordon__date_parse(c.f[0].p + 12, c.f[0].n - 12, &d) && d.day)
            snprintf(date, sizeof date, "%04d-%02d-%02d", d.year, d.month, d.day);
        rc = cordon__csv_next(&c, err);
    }
    if (rc <= 0) {
        cordon__csv_free(&c);
        return rc < 0 ? rc : cordon__err(err, CORDON_E_PARSE, "%s: no header", c.name);
    }
    int kidx[K_N], ridx[NRULES];
    cordon__csv_header_map(&c, kcols, K_N, kidx);
    for (size_t k = 0; k < NRULES; k++) {
        const char *nm = rules[k].col;
        cordon__csv_header_map(&c, &nm, 1, &ridx[k]);
    }
    if (kidx[K_UID] < 0 || kidx[K_N6] < 0) {
        rc = cordon__csv_err(&c, err, CORDON_E_FORMAT, NULL,
                             "not a UK Sanctions List CSV: header needs Unique ID and Name 6");
        cordon__csv_free(&c);
        return rc;
    }
    size_t ncol = c.nf;
    rc = cordon__sink_list(sink, list_id ? list_id : "uk_fcdo",
                           "UK Foreign, Commonwealth & Development Office", date[0] ? date : NULL,
                           err);
    cordon__csv_grouper g;
    cordon__csv_group_init(&g, a);
    cordon__ent e;
    cordon__ent_init(&e, a);
    cordon__buf b;
    cordon__buf_init(&b, a);
#define K(k) (kidx[k] >= 0 ? cordon__csv_trim(cordon__csv_get(&c, (size_t)kidx[k])) \
                           : cordon__csv_get(&c, SIZE_MAX))
    while (rc == CORDON_OK) {
        int r = cordon__csv_next(&c, err);
        if (r == 0)
            break;
        if (r < 0) {
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
        cordon__csv_field uid = K(K_UID);
        if (c.nf != ncol || uid.n == 0) {
            cordon__csv_field f = c.nf != ncol ? cordon__csv_get(&c, c.nf - 1) : uid;
            r = c.nf != ncol ? cordon__csv_err(&c, err, CORDON_E_PARSE, &f,
                                               "expected %zu fields, found %zu", ncol, c.nf)
                             : cordon__csv_err(&c, err, CORDON_E_PARSE, &f, "empty Unique ID");
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
        if (!cordon__csv_group_add(&g, &c, cordon__hash64(uid.p, uid.n, 0xfc)))
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
    }
    if (rc == CORDON_OK && !cordon__csv_group_finish(&g))
        rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
    for (size_t gi = 0; rc == CORDON_OK && gi < g.ngroups; gi++) {
        const cordon__csv_group *gr = &g.groups[gi];
        cordon__ent_clear(&e);
        bool ok = true;
        for (size_t ri = 0; ok && ri < gr->count; ri++) {
            const cordon__csv_row *row = &g.rows[gr->first + ri];
            if ((rc = cordon__csv_reread(&c, row, err)) != CORDON_OK)
                break;
            cordon__csv_field f;
            if (ri == 0) {
                f = K(K_UID);
                ok = cordon__ent_set(&e, CORDON__F_ID, f.p, f.n);
                f = K(K_DTYPE);
                cordon__ent_set_type(&e, cordon__csv_uk_type(&f));
            }
            /* name: Name 1..5 given/middle, Name 6 family (or the whole entity name) */
            cordon__csv_field nm[6];
            for (int k = 0; k < 6; k++)
                nm[k] = K(K_N6 + k);
            cordon__buf_reset(&b);
            for (int k = 1; k <= 6; k++) {
                cordon__csv_field p = nm[k % 6];
                if (!p.n)
                    continue;
                if (b.len)
                    cordon__buf_putc(&b, ' ');
                cordon__buf_append(&b, p.p, p.n);
            }
            size_t full = b.len, mid = b.len;
            for (int k = 2; k <= 5; k++) {
                if (!nm[k].n)
                    continue;
                if (b.len > mid)
                    cordon__buf_putc(&b, ' ');
                cordon__buf_append(&b, nm[k].p, nm[k].n);
            }
            ok = ok && !b.failed;
            cordon__csv_field nt = K(K_NTYPE), st = K(K_STRENGTH);
            int kind = CORDON__NAME_AKA;
            if (nt.n >= 7 && cordon__ascii_ieq(nt.p, 7, "primary"))
                kind = CORDON__NAME_PRIMARY;
            else if (st.n >= 3 && cordon__ascii_ieq(st.p, 3, "low"))
                kind = CORDON__NAME_WEAK;
            bool person = e.type == CORDON__TYPE_PERSON;
            if (ok && full)
                ok = cordon__ent_add_name(&e, kind, b.data, full, person && nm[1].n ? nm[1].p : NULL,
                                          nm[1].n, person && b.len > mid ? b.data + mid : NULL,
                                          b.len - mid, person && nm[0].n ? nm[0].p : NULL, nm[0].n);
            f = K(K_NONLATIN);
            ok = ok && cordon__ent_add_name(&e, CORDON__NAME_ORIGINAL, f.p, f.n, NULL, 0, NULL, 0,
                                            NULL, 0);
            /* address */
            cordon__buf_reset(&b);
            for (int k = K_A1; k <= K_COUNTRY; k++) {
                f = K(k);
                if (!f.n)
                    continue;
                if (b.len)
                    cordon__buf_puts(&b, ", ");
                cordon__buf_append(&b, f.p, f.n);
            }
            ok = ok && !b.failed && (!b.len || cordon__ent_add(&e, CORDON__M_ADDRESS, b.data, b.len));
            f = K(K_COUNTRY);
            ok = ok && cordon__ent_add(&e, CORDON__M_ADDRESS_COUNTRY, f.p, f.n);
            f = K(K_GENDER);
            if (ok && cordon__ascii_ieq(f.p, f.n, "male"))
                ok = cordon__ent_set(&e, CORDON__F_GENDER, "male", 4);
            else if (ok && cordon__ascii_ieq(f.p, f.n, "female"))
                ok = cordon__ent_set(&e, CORDON__F_GENDER, "female", 6);
            cordon__csv_field town = K(K_TOWN), cob = K(K_COB);
            if (ok && (town.n || cob.n)) {
                cordon__buf_reset(&b);
                cordon__buf_append(&b, town.p, town.n);
                if (town.n && cob.n)
                    cordon__buf_puts(&b, ", ");
                cordon__buf_append(&b, cob.p, cob.n);
                ok = !b.failed && cordon__ent_add(&e, CORDON__M_POB, b.data, b.len);
            }
            for (size_t k = 0; ok && k < NRULES; k++) {
                if (ridx[k] < 0)
                    continue;
                f = cordon__csv_trim(cordon__csv_get(&c, (size_t)ridx[k]));
                if (!f.n)
                    continue;
                const col_rule *r = &rules[k];
                char iso[24];
                cordon__date d;
                switch (r->act) {
                case ACT_ATTR:
                    ok = cordon__ent_add_attr(&e, r->key, f.p, f.n);
                    break;
                case ACT_MULTI:
                    ok = cordon__ent_add(&e, r->field, f.p, f.n);
                    break;
                case ACT_SCALAR:
                    ok = e.scalar[r->field] || cordon__ent_set(&e, r->field, f.p, f.n);
                    break;
                case ACT_ID:
                    ok = cordon__ent_add_id(&e, r->key, CORDON_NUL_TERMINATED, f.p, f.n, NULL, 0,
                                            NULL, 0);
                    break;
                case ACT_DOB:
                    if (cordon__date_parse(f.p, f.n, &d))
                        ok = cordon__ent_add_dob(&e, &d);
                    else
                        ok = cordon__ent_add_attr(&e, "dob_text", f.p, f.n);
                    break;
                case ACT_DATE:
                    if (!e.scalar[r->field] && dmy_iso(&f, iso))
                        ok = cordon__ent_set(&e, r->field, iso, CORDON_NUL_TERMINATED);
                    break;
                default:
                    break;
                }
            }
        }
#undef K
        if (rc != CORDON_OK)
            break;
        if (!ok) {
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
            break;
        }
        if (e.n_names == 0) {
            int r = cordon__err_at(err, CORDON_E_PARSE, -1, g.rows[gr->first].line, 0,
                                   "%s:%lld: Unique ID %s has no name", c.name,
                                   (long long)g.rows[gr->first].line,
                                   e.scalar[CORDON__F_ID] ? e.scalar[CORDON__F_ID] : "?");
            rc = cordon__csv_bad_record(sink, g.rows[gr->first].line, r, err);
            continue;
        }
        rc = cordon__sink_entity(sink, &e, err);
    }
    cordon__buf_free(&b);
    cordon__ent_destroy(&e);
    cordon__csv_group_free(&g);
    cordon__csv_free(&c);
    return rc;
}

static int fcdo_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    size_t off = (len >= 3 && (unsigned char)data[0] == 0xEF) ? 3 : 0;
    static const char h[] = "Report Date:";
    static const char h2[] = "Last Updated,Unique ID,";
    if (len - off >= sizeof h - 1 && memcmp(data + off, h, sizeof h - 1) == 0)
        return 90;
    if (len - off >= sizeof h2 - 1 && memcmp(data + off, h2, sizeof h2 - 1) == 0)
        return 95;
    return 0;
}

const cordon__format cordon__fmt_uk_fcdo_csv = {
    "uk_fcdo_csv",
    "UK Sanctions List CSV (FCDO, one row per name/address, grouped by Unique ID)",
    fcdo_detect,
    fcdo_parse,
};
