/* fmt_eu_csv.c — EU Financial Sanctions Files consolidated list, CSV 1.1.
 *
 * ';'-separated, UTF-8 (often with a BOM), a header row, then one row per
 * name alias / address / birth date / identification / citizenship of an
 * entity, every row repeating the entity columns; rows are grouped by
 * Entity_LogicalId. Columns are found by header name; only
 * Entity_LogicalId and NameAlias_WholeName are required.
 */
#include "sources/csv.h"
#include "sources/formats.h"

#include <stdio.h>
#include <string.h>

enum {
    E_GENDATE, E_ID, E_EUREF, E_UNID, E_DESIG, E_REMARK, E_STYPE, E_SCLASS, E_PROG,
    E_NUMTITLE, E_LAST, E_FIRST, E_MIDDLE, E_WHOLE, E_LANG, E_GENDER, E_TITLE, E_FUNCTION,
    E_STRONG, E_A_CITY, E_A_STREET, E_A_POBOX, E_A_ZIP, E_A_REGION, E_A_PLACE, E_A_CISO,
    E_A_CDESC, E_B_DATE, E_B_DAY, E_B_MONTH, E_B_YEAR, E_B_FROM, E_B_TO, E_B_CIRCA, E_B_CITY,
    E_B_PLACE, E_B_CDESC, E_I_NUMBER, E_I_TYPECODE, E_I_TYPEDESC, E_I_CISO, E_I_CDESC,
    E_I_DIPLO, E_C_CISO, E_C_CDESC, E_N
};

static const char *const cols[E_N] = {
    "fileGenerationDate", "Entity_LogicalId", "Entity_EU_ReferenceNumber",
    "Entity_UnitedNationId", "Entity_DesignationDate", "Entity_Remark", "Entity_SubjectType",
    "Entity_SubjectType_ClassificationCode", "Entity_Regulation_Programme",
    "Entity_Regulation_NumberTitle", "NameAlias_LastName", "NameAlias_FirstName",
    "NameAlias_MiddleName", "NameAlias_WholeName", "NameAlias_NameLanguage", "NameAlias_Gender",
    "NameAlias_Title", "NameAlias_Function", "NameAlias_Strong", "Address_City", "Address_Street",
    "Address_PoBox", "Address_ZipCode", "Address_Region", "Address_Place",
    "Address_CountryIso2Code", "Address_CountryDescription", "BirthDate_BirthDate",
    "BirthDate_Day", "BirthDate_Month", "BirthDate_Year", "BirthDate_YearRangeFrom",
    "BirthDate_YearRangeTo", "BirthDate_Circa", "BirthDate_City", "BirthDate_Place",
    "BirthDate_CountryDescription", "Identification_Number", "Identification_TypeCode",
    "Identification_TypeDescription", "Identification_CountryIso2Code",
    "Identification_CountryDescription", "Identification_Diplomatic",
    "Citizenship_CountryIso2Code", "Citizenship_CountryDescription",
};

static int small_int(const cordon__csv_field *f)
{
    if (f->n == 0 || f->n > 5)
        return 0;
    int v = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (f->p[i] < '0' || f->p[i] > '9')
            return 0;
        v = v * 10 + (f->p[i] - '0');
    }
    return v;
}

static bool is_true(const cordon__csv_field *f)
{
    return cordon__ascii_ieq(f->p, f->n, "true") || cordon__ascii_ieq(f->p, f->n, "1");
}

/* EU identification type codes -> cordon identifier types. */
static const char *ident_type(const cordon__csv_field *code, const cordon__csv_field *desc)
{
    static const struct {
        const char *code, *type;
    } tab[] = {{"passport", "passport"}, {"id", "national_id"},     {"fiscalcode", "tax_id"},
               {"tax", "tax_id"},        {"regnumber", "registration"}, {"imo", "imo"},
               {"swiftbic", "swift"},    {"ssn", "ssn"},            {"other", "other"}};
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (cordon__ascii_ieq(code->p, code->n, tab[i].code))
            return tab[i].type;
    (void)desc;
    return NULL;
}

static uint64_t id_key(const cordon__csv_field *f)
{
    uint64_t v = 0;
    bool num = f->n > 0 && f->n <= 18;
    for (size_t i = 0; num && i < f->n; i++) {
        if (f->p[i] < '0' || f->p[i] > '9')
            num = false;
        else
            v = v * 10 + (uint64_t)(f->p[i] - '0');
    }
    return num ? v : (cordon__hash64(f->p, f->n, 0xe1) | (1ull << 63));
}

static int eu_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                    cordon_error *err)
{
    cordon_error local;
    if (!err)
        err = &local;
    cordon__err_clear(err);
    if (n != 1)
        return cordon__err(err, CORDON_E_INVALID, "eu_csv reads one file, got %zu", n);
    const cordon_options *o = cordon__sink_options(sink);
    const cordon__alloc *a = cordon__alloc_of(o);
    cordon__csv c;
    cordon__csv_init(&c, o, in->name, in->data, in->len, ';');
    int rc = cordon__csv_next(&c, err);
    if (rc <= 0) {
        cordon__csv_free(&c);
        return rc < 0 ? rc : cordon__err(err, CORDON_E_PARSE, "%s: empty file", c.name);
    }
    int idx[E_N];
    cordon__csv_header_map(&c, cols, E_N, idx);
    if (idx[E_ID] < 0 || idx[E_WHOLE] < 0) {
        rc = cordon__csv_err(&c, err, CORDON_E_FORMAT, NULL,
                             "not an EU FSF CSV: header needs Entity_LogicalId and "
                             "NameAlias_WholeName");
        cordon__csv_free(&c);
        return rc;
    }
    size_t ncol = c.nf;
    cordon__csv_grouper g;
    cordon__csv_group_init(&g, a);
    cordon__ent e;
    cordon__ent_init(&e, a);
    cordon__buf b;
    cordon__buf_init(&b, a);
    char date[24] = "";
#define F(k) (idx[k] >= 0 ? cordon__csv_trim(cordon__csv_get(&c, (size_t)idx[k])) \
                          : cordon__csv_get(&c, SIZE_MAX))
    rc = CORDON_OK;
    while (rc == CORDON_OK) {
        int r = cordon__csv_next(&c, err);
        if (r == 0)
            break;
        if (r < 0) {
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
        cordon__csv_field fid = F(E_ID);
        if (c.nf != ncol || fid.n == 0) {
            cordon__csv_field f = c.nf != ncol ? cordon__csv_get(&c, c.nf - 1) : fid;
            r = c.nf != ncol ? cordon__csv_err(&c, err, CORDON_E_PARSE, &f,
                                               "expected %zu fields, found %zu", ncol, c.nf)
                             : cordon__csv_err(&c, err, CORDON_E_PARSE, &f, "empty Entity_LogicalId");
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
        if (!date[0]) {
            cordon__csv_field f = F(E_GENDATE);
            cordon__date d;
            if (f.n && cordon__date_parse(f.p, f.n, &d) && d.month && d.day)
                snprintf(date, sizeof date, "%04d-%02d-%02d", d.year, d.month, d.day);
        }
        if (!cordon__csv_group_add(&g, &c, id_key(&fid)))
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
    }
    if (rc == CORDON_OK)
        rc = cordon__sink_list(sink, list_id ? list_id : "eu_fsf",
                               "European Commission (FISMA), EU Financial Sanctions Files",
                               date[0] ? date : NULL, err);
    if (rc == CORDON_OK && !cordon__csv_group_finish(&g))
        rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
    for (size_t gi = 0; rc == CORDON_OK && gi < g.ngroups; gi++) {
        const cordon__csv_group *gr = &g.groups[gi];
        cordon__ent_clear(&e);
        bool ok = true;
        bool have_primary = false;
        for (size_t ri = 0; ok && ri < gr->count; ri++) {
            const cordon__csv_row *row = &g.rows[gr->first + ri];
            if ((rc = cordon__csv_reread(&c, row, err)) != CORDON_OK)
                break;
            cordon__csv_field f;
            if (ri == 0) {
                f = F(E_ID);
                ok = cordon__ent_set(&e, CORDON__F_ID, f.p, f.n);
                cordon__csv_field st = F(E_STYPE), sc = F(E_SCLASS);
                int type = CORDON__TYPE_UNKNOWN;
                if (cordon__ascii_ieq(st.p, st.n, "P") || cordon__ascii_ieq(sc.p, sc.n, "person") ||
                    cordon__ascii_ieq(st.p, st.n, "person"))
                    type = CORDON__TYPE_PERSON;
                else if (cordon__ascii_ieq(st.p, st.n, "E") ||
                         cordon__ascii_ieq(sc.p, sc.n, "enterprise") ||
                         cordon__ascii_ieq(st.p, st.n, "enterprise"))
                    type = CORDON__TYPE_ORGANIZATION;
                cordon__ent_set_type(&e, type);
                f = F(E_EUREF);
                ok = ok && cordon__ent_add_attr(&e, "eu_reference", f.p, f.n);
                f = F(E_UNID);
                ok = ok && cordon__ent_add_attr(&e, "un_reference", f.p, f.n);
                f = F(E_DESIG);
                ok = ok && cordon__ent_set(&e, CORDON__F_LISTED_ON, f.p, f.n);
                f = F(E_REMARK);
                ok = ok && cordon__ent_set(&e, CORDON__F_REMARKS, f.p, f.n);
            }
            f = F(E_PROG);
            ok = ok && cordon__ent_add(&e, CORDON__M_PROGRAM, f.p, f.n);
            f = F(E_NUMTITLE);
            ok = ok && cordon__ent_add_attr(&e, "regulation", f.p, f.n);
            /* name alias */
            cordon__csv_field whole = F(E_WHOLE);
            if (ok && whole.n) {
                f = F(E_STRONG);
                int kind = CORDON__NAME_AKA;
                if (f.n && !is_true(&f))
                    kind = CORDON__NAME_WEAK;
                else if (!have_primary)
                    kind = CORDON__NAME_PRIMARY;
                if (kind == CORDON__NAME_PRIMARY)
                    have_primary = true;
                cordon__csv_field fi = F(E_FIRST), mi = F(E_MIDDLE), la = F(E_LAST);
                ok = cordon__ent_add_name(&e, kind, whole.p, whole.n, fi.n ? fi.p : NULL, fi.n,
                                          mi.n ? mi.p : NULL, mi.n, la.n ? la.p : NULL, la.n);
                f = F(E_GENDER);
                if (ok && cordon__ascii_ieq(f.p, f.n, "M"))
                    ok = cordon__ent_set(&e, CORDON__F_GENDER, "male", 4);
                else if (ok && cordon__ascii_ieq(f.p, f.n, "F"))
                    ok = cordon__ent_set(&e, CORDON__F_GENDER, "female", 6);
                f = F(E_TITLE);
                ok = ok && (e.scalar[CORDON__F_TITLE] || cordon__ent_set(&e, CORDON__F_TITLE, f.p, f.n));
                f = F(E_FUNCTION);
                ok = ok && cordon__ent_add_attr(&e, "function", f.p, f.n);
            }
            /* address */
            cordon__buf_reset(&b);
            static const int ap[] = {E_A_STREET, E_A_POBOX, E_A_ZIP, E_A_CITY, E_A_REGION,
                                     E_A_PLACE, E_A_CDESC};
            for (size_t k = 0; k < sizeof ap / sizeof ap[0]; k++) {
                f = F(ap[k]);
                if (!f.n)
                    continue;
                if (b.len)
                    cordon__buf_puts(&b, ", ");
                cordon__buf_append(&b, f.p, f.n);
            }
            ok = ok && !b.failed && (!b.len || cordon__ent_add(&e, CORDON__M_ADDRESS, b.data, b.len));
            f = F(E_A_CISO);
            if (!f.n || cordon__ascii_ieq(f.p, f.n, "00"))
                f = F(E_A_CDESC);
            if (cordon__ascii_ieq(f.p, f.n, "UNKNOWN") || cordon__ascii_ieq(f.p, f.n, "00"))
                f.n = 0;
            ok = ok && cordon__ent_add(&e, CORDON__M_ADDRESS_COUNTRY, f.p, f.n);
            /* birth date and place */
            f = F(E_B_DATE);
            cordon__date d;
            memset(&d, 0, sizeof d);
            cordon__csv_field by = F(E_B_YEAR), bfrom = F(E_B_FROM), bto = F(E_B_TO);
            if (f.n && cordon__date_parse(f.p, f.n, &d)) {
            } else if (by.n) {
                d.year = (int16_t)small_int(&by);
                cordon__csv_field bm = F(E_B_MONTH), bd = F(E_B_DAY);
                d.month = (int16_t)small_int(&bm);
                d.day = (int16_t)small_int(&bd);
            } else if (bfrom.n && bto.n) {
                d.year = (int16_t)small_int(&bfrom);
                d.year_to = (int16_t)small_int(&bto);
            } else if (f.n) {
                ok = ok && cordon__ent_add_attr(&e, "dob_text", f.p, f.n);
            }
            if (d.year) {
                cordon__csv_field ci = F(E_B_CIRCA);
                d.circa = is_true(&ci) ? 1 : d.circa;
                if (d.month < 0 || d.month > 12 || d.day < 0 || d.day > 31)
                    d.month = d.day = 0;
                ok = ok && cordon__ent_add_dob(&e, &d);
            }
            cordon__buf_reset(&b);
            static const int bp[] = {E_B_CITY, E_B_PLACE, E_B_CDESC};
            for (size_t k = 0; k < 3; k++) {
                f = F(bp[k]);
                if (!f.n || cordon__ascii_ieq(f.p, f.n, "UNKNOWN"))
                    continue;
                if (b.len)
                    cordon__buf_puts(&b, ", ");
                cordon__buf_append(&b, f.p, f.n);
            }
            ok = ok && !b.failed && (!b.len || cordon__ent_add(&e, CORDON__M_POB, b.data, b.len));
            /* identification */
            f = F(E_I_NUMBER);
            if (ok && f.n) {
                cordon__csv_field tc = F(E_I_TYPECODE), td = F(E_I_TYPEDESC), ic = F(E_I_CISO),
                                  dp = F(E_I_DIPLO);
                if (!ic.n)
                    ic = F(E_I_CDESC);
                const char *t = ident_type(&tc, &td);
                ok = cordon__ent_add_id(&e, t ? t : (tc.n ? tc.p : "other"),
                                        t ? CORDON_NUL_TERMINATED : (tc.n ? tc.n : 5), f.p, f.n,
                                        ic.n ? ic.p : NULL, ic.n,
                                        is_true(&dp) ? "diplomatic" : (td.n ? td.p : NULL),
                                        is_true(&dp) ? 10 : td.n);
            }
            /* citizenship */
            f = F(E_C_CISO);
            if (!f.n || cordon__ascii_ieq(f.p, f.n, "00"))
                f = F(E_C_CDESC);
            if (cordon__ascii_ieq(f.p, f.n, "UNKNOWN") || cordon__ascii_ieq(f.p, f.n, "00"))
                f.n = 0;
            ok = ok && cordon__ent_add(&e, CORDON__M_CITIZENSHIP, f.p, f.n);
        }
        if (rc != CORDON_OK)
            break;
        if (!ok) {
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
            break;
        }
        if (e.n_names == 0) {
            int r = cordon__err_at(err, CORDON_E_PARSE, -1, g.rows[gr->first].line, 0,
                                   "%s:%lld: Entity_LogicalId %s has no name", c.name,
                                   (long long)g.rows[gr->first].line,
                                   e.scalar[CORDON__F_ID] ? e.scalar[CORDON__F_ID] : "?");
            rc = cordon__csv_bad_record(sink, g.rows[gr->first].line, r, err);
            continue;
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

static int eu_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    size_t off = (len >= 3 && (unsigned char)data[0] == 0xEF) ? 3 : 0;
    static const char h[] = "fileGenerationDate;Entity_LogicalId";
    if (len - off >= sizeof h - 1 && memcmp(data + off, h, sizeof h - 1) == 0)
        return 95;
    static const char h2[] = "Entity_LogicalId;";
    if (len - off >= sizeof h2 - 1 && memcmp(data + off, h2, sizeof h2 - 1) == 0)
        return 90;
    return 0;
}

const cordon__format cordon__fmt_eu_csv = {
    "eu_csv",
    "EU Financial Sanctions Files consolidated list, CSV 1.1 (';'-separated)",
    eu_detect,
    eu_parse,
};
