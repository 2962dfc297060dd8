/* fmt_uk_conlist_xml.c — UK OFSI consolidated list, XML (ConList.xml:
 * ArrayOfFinancialSanctionsTarget / FinancialSanctionsTarget).
 *
 * Each FinancialSanctionsTarget is one name row; the rows of one designated
 * party share a GroupID and are not adjacent in the file (it is sorted by
 * name). Rows are streamed into a compact store (fields as pool offsets),
 * grouped by GroupID, and one entity per group is delivered at the end.
 * Element names are matched case-insensitively and without the
 * "Individual_" / "Entity_" / "Ship_" prefixes the schema uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sources/formats.h"
#include "sources/xml.h"

enum {
    K_OTHER, K_NAME1, K_NAME2, K_NAME3, K_NAME4, K_NAME5, K_NAME6, K_TITLE, K_NONLATIN,
    K_ALIASTYPE, K_ALIASQUALITY, K_GROUPTYPE, K_REGIME, K_LISTED, K_LASTUPDATED, K_GROUPID,
    K_DOB, K_TOWNOFBIRTH, K_COUNTRYOFBIRTH, K_NATIONALITY, K_PASSPORT, K_NATIONALID,
    K_POSITION, K_ADDR1, K_ADDR2, K_ADDR3, K_ADDR4, K_ADDR5, K_ADDR6, K_POSTCODE, K_COUNTRY,
    K_OTHERINFO, K_GENDER, K_IMO, K_BUSINESSREG, K_EMAIL, K_WEBSITE, K_IGNORE, K_N
};

static const struct {
    const char *name;
    int key;
} keys[] = {
    {"name1", K_NAME1}, {"name2", K_NAME2}, {"name3", K_NAME3}, {"name4", K_NAME4},
    {"name5", K_NAME5}, {"name6", K_NAME6}, {"title", K_TITLE}, {"nametitle", K_TITLE},
    {"namenonlatinscript", K_NONLATIN}, {"nonlatinscript", K_NONLATIN},
    {"aliastype", K_ALIASTYPE}, {"aliastypename", K_IGNORE}, {"aliasquality", K_ALIASQUALITY},
    {"grouptypedescription", K_GROUPTYPE}, {"regimename", K_REGIME}, {"regime", K_REGIME},
    {"datelisted", K_LISTED}, {"listedon", K_LISTED}, {"datedesignated", K_LISTED},
    {"lastupdated", K_LASTUPDATED}, {"groupid", K_GROUPID}, {"dateofbirth", K_DOB},
    {"dob", K_DOB}, {"townofbirth", K_TOWNOFBIRTH}, {"countryofbirth", K_COUNTRYOFBIRTH},
    {"nationality", K_NATIONALITY}, {"passportdetails", K_PASSPORT},
    {"passportnumber", K_PASSPORT}, {"nationalidnumber", K_NATIONALID},
    {"ninumber", K_NATIONALID}, {"position", K_POSITION}, {"address1", K_ADDR1},
    {"address2", K_ADDR2}, {"address3", K_ADDR3}, {"address4", K_ADDR4},
    {"address5", K_ADDR5}, {"address6", K_ADDR6}, {"postcode", K_POSTCODE},
    {"postalcode", K_POSTCODE}, {"country", K_COUNTRY}, {"otherinformation", K_OTHERINFO},
    {"gender", K_GENDER}, {"imonumber", K_IMO}, {"businessregnumber", K_BUSINESSREG},
    {"emailaddress", K_EMAIL}, {"website", K_WEBSITE}, {"id", K_IGNORE},
    {"dateofbirthid", K_IGNORE}, {"grpstatus", K_IGNORE}, {"datelistedday", K_IGNORE},
    {"datelistedmonth", K_IGNORE}, {"datelistedyear", K_IGNORE}, {"lastupdatedday", K_IGNORE},
    {"lastupdatedmonth", K_IGNORE}, {"lastupdatedyear", K_IGNORE}, {"dayofbirth", K_IGNORE},
    {"monthofbirth", K_IGNORE}, {"yearofbirth", K_IGNORE},
};

/* other known elements kept as attributes under a stable key */
static const struct {
    const char *name, *attr;
} attr_keys[] = {
    {"flagofvessel", "vessel_flag"},       {"typeofvessel", "vessel_type"},
    {"tonnageofvessel", "tonnage"},        {"previousflags", "former_vessel_flag"},
    {"currentowners", "owner"},            {"previousowners", "previous_owner"},
    {"lengthofvessel", "vessel_length"},   {"yearbuilt", "vessel_year_of_build"},
    {"hin", "vessel_hin"},                 {"fcoid", "uk_sanctions_list_ref"},
    {"uksanctionslistref", "uk_sanctions_list_ref"},
    {"ukstatementofreasons", "uk_statement_of_reasons"},
    {"listingtype", "listing_type"},       {"groupstatus", "group_status"},
    {"phonenumber", "phone"},              {"parentcompany", "parent_company"},
    {"subsidiaries", "subsidiaries"},      {"orgtype", "org_type"},
    {"nonlatinscripttype", "non_latin_script_type"},
    {"nonlatinscriptlanguage", "non_latin_script_language"},
    {"furtheridentifiyinginformation", "further_information"},
    {"fulladdress", "full_address"},
};

typedef struct field {
    int key;
    size_t name; /* pool offset + 1 of the local name (K_OTHER) */
    size_t val;
} field;

typedef struct row {
    size_t group; /* pool offset + 1 of GroupID */
    const char *gp; /* the same as a pointer, once the pool is complete */
    size_t seq;
    size_t first, n;
} row;

typedef struct uk {
    cordon__xml x;
    cordon__sink *sink;
    const cordon__alloc *a;
    cordon__buf pool, b;
    field *fields; size_t n_fields, cap_fields;
    row *rows; size_t n_rows, cap_rows;
    row cur;
    bool in_row;
    char date[24];
    cordon__ent e;
} uk;

static size_t pool_add(uk *s, const char *p, size_t n)
{
    size_t off = s->pool.len;
    if (!cordon__buf_append(&s->pool, p, n) || !cordon__buf_putc(&s->pool, '\0'))
        return 0;
    return off + 1;
}

static const char *P(const uk *s, size_t off)
{
    return off ? s->pool.data + off - 1 : NULL;
}

/* local name lower-cased, prefix removed */
static void norm_key(const char *n, char *out, size_t cap)
{
    static const char *const prefixes[] = {"individual_", "entity_", "ship_"};
    size_t i = 0;
    for (size_t k = 0; k < 3; k++) {
        size_t pl = strlen(prefixes[k]);
        if (strncasecmp(n, prefixes[k], pl) == 0) {
            n += pl;
            break;
        }
    }
    for (; *n && i + 1 < cap; n++)
        if (*n != '_')
            out[i++] = (char)((*n >= 'A' && *n <= 'Z') ? *n + 32 : *n);
    out[i] = '\0';
}

static int collect(uk *s)
{
    cordon__xml *x = &s->x;
    size_t seq = 0;
    for (;;) {
        int ev = cordon__xml_next(x);
        if (ev < 0)
            return ev;
        if (ev == CORDON__XML_EOF)
            return CORDON_OK;
        if (ev == CORDON__XML_START) {
            if (x->depth == 0 && !cordon__xml_is(x, "ArrayOfFinancialSanctionsTarget"))
                return cordon__xml_fail(x, CORDON_E_FORMAT,
                                        "not an OFSI ConList XML file (root <%s>)", x->name);
            if (x->depth == 1 && cordon__xml_is(x, "FinancialSanctionsTarget")) {
                memset(&s->cur, 0, sizeof s->cur);
                s->cur.first = s->n_fields;
                s->cur.seq = seq++;
                s->in_row = true;
            }
            continue;
        }
        if (!s->in_row)
            continue;
        if (x->depth == 1) {
            s->in_row = false;
            if (!s->cur.group) {
                int rc = cordon__xml_bad(x, s->sink, "FinancialSanctionsTarget without a GroupID");
                if (rc)
                    return rc;
                continue;
            }
            if (s->n_rows == s->cap_rows) {
                row *nr = cordon__grow(s->a, s->rows, &s->cap_rows, s->n_rows + 1, sizeof *nr);
                if (!nr)
                    return cordon__xml_fail(x, CORDON_E_NOMEM, "out of memory");
                s->rows = nr;
            }
            s->rows[s->n_rows++] = s->cur;
            continue;
        }
        if (x->depth != 2 || !x->leaf || !cordon__xml_has_text(x))
            continue;
        char k[64];
        norm_key(x->name, k, sizeof k);
        int key = K_OTHER;
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
            if (strcmp(k, keys[i].name) == 0)
                key = keys[i].key;
        if (key == K_IGNORE)
            continue;
        /* trim */
        const char *v = x->text;
        size_t n = x->text_len;
        while (n && (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')) {
            v++;
            n--;
        }
        while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' || v[n - 1] == '\n'))
            n--;
        field f = {key, 0, pool_add(s, v, n)};
        if (key == K_OTHER)
            f.name = pool_add(s, k, strlen(k));
        if (!f.val || (key == K_OTHER && !f.name))
            return cordon__xml_fail(x, CORDON_E_NOMEM, "out of memory");
        if (key == K_GROUPID)
            s->cur.group = f.val;
        if (key == K_LASTUPDATED && n >= 10) {
            cordon__date d;
            if (cordon__date_parse(v, n > 10 && v[10] == 'T' ? 10 : n, &d) && d.day) {
                char iso[24];
                snprintf(iso, sizeof iso, "%04d-%02d-%02d", d.year, d.month, d.day);
                if (strcmp(iso, s->date) > 0)
                    memcpy(s->date, iso, sizeof iso);
            }
        }
        if (s->n_fields == s->cap_fields) {
            field *nf = cordon__grow(s->a, s->fields, &s->cap_fields, s->n_fields + 1, sizeof *nf);
            if (!nf)
                return cordon__xml_fail(x, CORDON_E_NOMEM, "out of memory");
            s->fields = nf;
        }
        s->fields[s->n_fields++] = f;
        s->cur.n++;
    }
}

static int cmp_row(const void *a, const void *b)
{
    const row *x = a, *y = b;
    int c = strcmp(x->gp, y->gp);
    if (c)
        return c;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int iso_date(uk *s, const char *v, const char **out)
{
    cordon__date d;
    *out = v;
    size_t n = v ? strlen(v) : 0;
    if (n > 10 && v[10] == 'T') /* 2022-03-15T00:00:00 */
        n = 10;
    if (v && cordon__date_parse(v, n, &d) && d.day) {
        char iso[24];
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", d.year, d.month, d.day);
        *out = cordon__ent_str(&s->e, iso, strlen(iso));
        CORDON__XML_TRY(&s->x, *out);
    }
    return CORDON_OK;
}

static int emit_group(uk *s, const row *rows, size_t n)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    cordon__ent_clear(e);
    const char *gid = P(s, rows[0].group);
    CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_ID, gid, strlen(gid)));
    bool have_primary = false;
    for (size_t r = 0; r < n; r++) {
        const char *v[K_N] = {0};
        for (size_t i = 0; i < rows[r].n; i++) {
            const field *f = &s->fields[rows[r].first + i];
            const char *val = P(s, f->val);
            if (f->key == K_OTHER) {
                const char *nm = P(s, f->name), *ak = NULL;
                for (size_t k = 0; k < sizeof attr_keys / sizeof attr_keys[0]; k++)
                    if (strcmp(nm, attr_keys[k].name) == 0)
                        ak = attr_keys[k].attr;
                bool dup = false;
                for (size_t k = 0; k < e->n_attrs; k++)
                    dup |= strcmp(e->attrs[k].key, ak ? ak : nm) == 0 &&
                           strcmp(e->attrs[k].value, val) == 0;
                if (!dup)
                    CORDON__XML_TRY(x, cordon__ent_add_attr(e, ak ? ak : nm, val, strlen(val)));
            } else {
                v[f->key] = val;
            }
        }
        if (r == 0 || e->type == CORDON__TYPE_UNKNOWN) {
            const char *t = v[K_GROUPTYPE];
            if (t && strcasecmp(t, "Individual") == 0)
                cordon__ent_set_type(e, CORDON__TYPE_PERSON);
            else if (t && strcasecmp(t, "Entity") == 0)
                cordon__ent_set_type(e, CORDON__TYPE_ORGANIZATION);
            else if (t && strcasecmp(t, "Ship") == 0)
                cordon__ent_set_type(e, CORDON__TYPE_VESSEL);
        }
        bool person = e->type == CORDON__TYPE_PERSON;
        /* the name of this row */
        const char *parts[6] = {v[K_NAME1], v[K_NAME2], v[K_NAME3], v[K_NAME4], v[K_NAME5],
                                v[K_NAME6]};
        const char *full = cordon__xml_join(e, &s->b, " ", parts, 6);
        CORDON__XML_TRY(x, full);
        const char *mid = cordon__xml_join(e, &s->b, " ", parts + 1, 4);
        CORDON__XML_TRY(x, mid);
        const char *at = v[K_ALIASTYPE] ? v[K_ALIASTYPE] : "";
        int kind = CORDON__NAME_AKA;
        if (strncasecmp(at, "Prim", 4) == 0 && !strstr(at, "ariation") && !have_primary) {
            kind = CORDON__NAME_PRIMARY;
            have_primary = true;
        } else if (strcasecmp(at, "FKA") == 0 || strcasecmp(at, "f.k.a.") == 0) {
            kind = CORDON__NAME_FKA;
        }
        if (v[K_ALIASQUALITY] && strncasecmp(v[K_ALIASQUALITY], "Low", 3) == 0)
            kind = CORDON__NAME_WEAK;
        if (*full) {
            size_t before = e->n_names;
            CORDON__XML_TRY(x, cordon__ent_add_name(e, kind, full, strlen(full),
                                                    person ? v[K_NAME1] : NULL,
                                                    CORDON_NUL_TERMINATED,
                                                    person && *mid ? mid : NULL,
                                                    CORDON_NUL_TERMINATED,
                                                    person ? v[K_NAME6] : NULL,
                                                    CORDON_NUL_TERMINATED));
            if (kind == CORDON__NAME_PRIMARY && before > 0 && e->n_names == before + 1) {
                cordon__ent_name pn = e->names[before];
                memmove(e->names + 1, e->names, before * sizeof *e->names);
                e->names[0] = pn;
            }
        }
        if (v[K_NONLATIN])
            CORDON__XML_TRY(x, cordon__ent_add_name(e, CORDON__NAME_ORIGINAL, v[K_NONLATIN],
                                                    CORDON_NUL_TERMINATED, NULL, 0, NULL, 0,
                                                    NULL, 0));
        /* facts: the same on every row of the group, or per-row variants */
        if (v[K_REGIME])
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_PROGRAM, v[K_REGIME], strlen(v[K_REGIME])));
        if (v[K_LISTED] && !e->scalar[CORDON__F_LISTED_ON]) {
            const char *d;
            int rc = iso_date(s, v[K_LISTED], &d);
            if (rc)
                return rc;
            CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_LISTED_ON, d, strlen(d)));
        }
        if (v[K_LASTUPDATED]) {
            const char *d;
            int rc = iso_date(s, v[K_LASTUPDATED], &d);
            if (rc)
                return rc;
            bool dup = false;
            for (size_t k = 0; k < e->n_attrs; k++)
                dup |= strcmp(e->attrs[k].key, "last_updated") == 0 &&
                       strcmp(e->attrs[k].value, d) == 0;
            if (!dup)
                CORDON__XML_TRY(x, cordon__ent_add_attr(e, "last_updated", d, strlen(d)));
        }
        if (v[K_DOB]) {
            cordon__date d;
            if (cordon__date_parse(v[K_DOB], strlen(v[K_DOB]), &d))
                CORDON__XML_TRY(x, cordon__ent_add_dob(e, &d));
        }
        if (v[K_TOWNOFBIRTH] || v[K_COUNTRYOFBIRTH]) {
            const char *p[2] = {v[K_TOWNOFBIRTH], v[K_COUNTRYOFBIRTH]};
            const char *pob = cordon__xml_join(e, &s->b, ", ", p, 2);
            CORDON__XML_TRY(x, pob && cordon__ent_add(e, CORDON__M_POB, pob, strlen(pob)));
        }
        if (v[K_NATIONALITY])
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_NATIONALITY, v[K_NATIONALITY],
                                               strlen(v[K_NATIONALITY])));
        if (v[K_PASSPORT])
            CORDON__XML_TRY(x, cordon__ent_add_id(e, "passport", 8, v[K_PASSPORT],
                                                  CORDON_NUL_TERMINATED, NULL, 0, NULL, 0));
        if (v[K_NATIONALID])
            CORDON__XML_TRY(x, cordon__ent_add_id(e, "national_id", 11, v[K_NATIONALID],
                                                  CORDON_NUL_TERMINATED, NULL, 0, NULL, 0));
        if (v[K_IMO])
            CORDON__XML_TRY(x, cordon__ent_add_id(e, "imo", 3, v[K_IMO], CORDON_NUL_TERMINATED,
                                                  NULL, 0, NULL, 0));
        if (v[K_BUSINESSREG])
            CORDON__XML_TRY(x, cordon__ent_add_id(e, "registration_id", 15, v[K_BUSINESSREG],
                                                  CORDON_NUL_TERMINATED, NULL, 0, NULL, 0));
        if (v[K_EMAIL])
            CORDON__XML_TRY(x, cordon__ent_add_id(e, "email", 5, v[K_EMAIL],
                                                  CORDON_NUL_TERMINATED, NULL, 0, NULL, 0));
        if (v[K_WEBSITE])
            CORDON__XML_TRY(x, cordon__ent_add_id(e, "website", 7, v[K_WEBSITE],
                                                  CORDON_NUL_TERMINATED, NULL, 0, NULL, 0));
        if (v[K_GENDER]) {
            const char *g = cordon__xml_lower(e, v[K_GENDER]);
            CORDON__XML_TRY(x, g && cordon__ent_set(e, CORDON__F_GENDER, g, strlen(g)));
        }
        if (v[K_POSITION] || v[K_TITLE]) {
            const char *p[2] = {v[K_TITLE], v[K_POSITION]};
            const char *t = cordon__xml_join(e, &s->b, "; ", p, 2);
            CORDON__XML_TRY(x, t && cordon__ent_set(e, CORDON__F_TITLE, t, strlen(t)));
        }
        const char *ap[8] = {v[K_ADDR1], v[K_ADDR2], v[K_ADDR3], v[K_ADDR4],
                             v[K_ADDR5], v[K_ADDR6], v[K_POSTCODE], v[K_COUNTRY]};
        const char *addr = cordon__xml_join(e, &s->b, ", ", ap, 8);
        CORDON__XML_TRY(x, addr);
        if (*addr)
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_ADDRESS, addr, strlen(addr)));
        if (v[K_COUNTRY])
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_ADDRESS_COUNTRY, v[K_COUNTRY],
                                               strlen(v[K_COUNTRY])));
        if (v[K_OTHERINFO] && !e->scalar[CORDON__F_REMARKS])
            CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_REMARKS, v[K_OTHERINFO],
                                               strlen(v[K_OTHERINFO])));
    }
    if (!have_primary && e->n_names)
        e->names[0].kind = CORDON__NAME_PRIMARY;
    return cordon__xml_emit(x, s->sink, e);
}

static int uk_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                    cordon_error *err)
{
    if (n != 1)
        return cordon__err(err, CORDON_E_INVALID, "uk_conlist_xml takes exactly one file");
    const cordon_options *o = cordon__sink_options(sink);
    uk *s = cordon__calloc(cordon__alloc_of(o), 1, sizeof *s);
    if (!s)
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    s->a = cordon__alloc_of(o);
    s->sink = sink;
    cordon__buf_init(&s->pool, s->a);
    cordon__buf_init(&s->b, s->a);
    cordon__ent_init(&s->e, s->a);
    int rc = cordon__xml_open(&s->x, in, o, err);
    if (rc == CORDON_OK)
        rc = collect(s);
    if (rc == CORDON_OK)
        rc = cordon__sink_list(sink, list_id ? list_id : "gb_hmt_ofsi", "HM Treasury OFSI",
                               s->date[0] ? s->date : NULL, err);
    if (rc == CORDON_OK && s->n_rows) {
        for (size_t i = 0; i < s->n_rows; i++)
            s->rows[i].gp = P(s, s->rows[i].group);
        qsort(s->rows, s->n_rows, sizeof *s->rows, cmp_row);
        size_t i = 0;
        while (rc == CORDON_OK && i < s->n_rows) {
            size_t j = i + 1;
            while (j < s->n_rows && strcmp(s->rows[j].gp, s->rows[i].gp) == 0)
                j++;
            rc = emit_group(s, s->rows + i, j - i);
            i = j;
        }
    }
    if (s->x.reader)
        cordon__xml_close(&s->x);
    cordon__ent_destroy(&s->e);
    cordon__buf_free(&s->pool);
    cordon__buf_free(&s->b);
    cordon__free(s->a, s->fields);
    cordon__free(s->a, s->rows);
    cordon__free(s->a, s);
    return rc;
}

static int uk_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    return cordon__xml_sniff(data, len, "ArrayOfFinancialSanctionsTarget", NULL) ? 95 : 0;
}

const cordon__format cordon__fmt_uk_conlist_xml = {
    "uk_conlist_xml", "UK OFSI consolidated list, XML (ConList.xml)", uk_detect, uk_parse};
