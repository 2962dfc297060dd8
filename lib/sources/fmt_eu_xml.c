/* fmt_eu_xml.c — EU Financial Sanctions Files consolidated list: XML 1.1
 * (export / sanctionEntity, format "eu_xml") and the legacy XML 1.0
 * (WHOLE / ENTITY, format "eu_xml_legacy"). */
#include <stdio.h>
#include <string.h>

#include "sources/formats.h"
#include "sources/xml.h"

typedef struct eu {
    cordon__xml x;
    cordon__sink *sink;
    cordon__ent e;
    cordon__buf b, remarks, title;
    const char *list_id;
    char date[24];
    bool listed, in_entity;
    const char *listed_on;
    bool have_primary;
    /* legacy sub-records */
    const char *f[12];
} eu;

static int declare(eu *s)
{
    if (s->listed)
        return CORDON_OK;
    s->listed = true;
    int rc = cordon__sink_list(s->sink, s->list_id ? s->list_id : "eu_fsf", "European Union (FSF)",
                               s->date[0] ? s->date : NULL, s->x.err);
    if (rc)
        s->x.rc = rc;
    return rc;
}

/* attribute copied into the entity arena; NULL when absent or blank */
static const char *A(eu *s, const char *name)
{
    const char *v = cordon__xml_attr(&s->x, name);
    if (!v)
        return NULL;
    const char *c = cordon__ent_str(&s->e, v, strlen(v));
    if (!c) {
        cordon__xml_fail(&s->x, CORDON_E_NOMEM, "out of memory");
        return NULL;
    }
    return *c ? c : NULL;
}

static bool country_ok(const char *c)
{
    return c && *c && strcmp(c, "00") != 0 && strcasecmp(c, "UNKNOWN") != 0;
}

static void append(cordon__buf *b, const char *sep, const char *v)
{
    if (cordon__xml_empty(v))
        return;
    if (b->len)
        cordon__buf_puts(b, sep);
    cordon__buf_puts(b, v);
}

/* append v to b unless an equal item (case-insensitive) is already there */
static void append_unique(cordon__buf *b, const char *sep, const char *v)
{
    if (cordon__xml_empty(v))
        return;
    size_t vn = strlen(v), sn = strlen(sep);
    const char *p = b->data;
    for (size_t i = 0; p && i < b->len;) {
        const char *q = strstr(p + i, sep);
        size_t end = q ? (size_t)(q - p) : b->len;
        if (end - i == vn && strncasecmp(p + i, v, vn) == 0)
            return;
        i = end + sn;
    }
    append(b, sep, v);
}

/* a name already listed with the same text (any kind) */
static bool has_name(const cordon__ent *e, const char *full)
{
    for (size_t i = 0; i < e->n_names; i++)
        if (strcmp(e->names[i].full, full) == 0)
            return true;
    return false;
}

static const char *gender_of(const char *g)
{
    if (!g)
        return NULL;
    if (strcasecmp(g, "M") == 0 || strcasecmp(g, "male") == 0)
        return "male";
    if (strcasecmp(g, "F") == 0 || strcasecmp(g, "female") == 0)
        return "female";
    return NULL;
}

static const char *id_type(const char *code)
{
    if (!code)
        return "document";
    if (strcasecmp(code, "passport") == 0)
        return "passport";
    if (strcasecmp(code, "id") == 0)
        return "national_id";
    if (strcasecmp(code, "fiscalcode") == 0 || strcasecmp(code, "tax") == 0)
        return "tax_id";
    if (strcasecmp(code, "regnumber") == 0)
        return "registration_id";
    if (strcasecmp(code, "swift") == 0 || strcasecmp(code, "swiftbic") == 0)
        return "swift";
    if (strcasecmp(code, "imo") == 0)
        return "imo";
    return NULL;
}

static int finish_entity(eu *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    s->in_entity = false;
    if (s->remarks.len)
        CORDON__XML_TRY(x, !s->remarks.failed &&
                               cordon__ent_set(e, CORDON__F_REMARKS, s->remarks.data, s->remarks.len));
    if (s->title.len)
        CORDON__XML_TRY(x, !s->title.failed &&
                               cordon__ent_set(e, CORDON__F_TITLE, s->title.data, s->title.len));
    if (s->listed_on && !e->scalar[CORDON__F_LISTED_ON])
        CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_LISTED_ON, s->listed_on,
                                           strlen(s->listed_on)));
    /* without an obvious main name, the first strong alias is the primary one */
    if (e->n_names && !s->have_primary) {
        size_t k = 0;
        while (k < e->n_names && e->names[k].kind != CORDON__NAME_AKA)
            k++;
        if (k == e->n_names)
            k = 0;
        cordon__ent_name pn = e->names[k];
        pn.kind = CORDON__NAME_PRIMARY;
        memmove(e->names + 1, e->names, k * sizeof *e->names);
        e->names[0] = pn;
    }
    int rc = declare(s);
    if (rc)
        return rc;
    return cordon__xml_emit(x, s->sink, e);
}

static void begin_entity(eu *s)
{
    cordon__ent_clear(&s->e);
    cordon__buf_reset(&s->remarks);
    cordon__buf_reset(&s->title);
    s->listed_on = NULL;
    s->have_primary = false;
    s->in_entity = true;
}

/* ---- XML 1.1 ------------------------------------------------------------- */

static int v11_start(eu *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    const char *n = x->name;
    if (x->depth == 0) {
        if (!cordon__xml_is(x, "export"))
            return cordon__xml_fail(x, CORDON_E_FORMAT, "not an EU FSF XML 1.1 export (root <%s>)",
                                    n);
        const char *g = cordon__xml_attr(x, "generationDate");
        if (g && strlen(g) >= 10) {
            memcpy(s->date, g, 10);
            s->date[10] = '\0';
        }
        return declare(s);
    }
    if (x->depth == 1) {
        if (strcmp(n, "sanctionEntity") != 0)
            return cordon__xml_skip(x);
        begin_entity(s);
        const char *id = A(s, "logicalId");
        if (id)
            CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_ID, id, strlen(id)));
        const char *dd = A(s, "designationDate");
        if (dd)
            CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_LISTED_ON, dd, strlen(dd)));
        const char *ref = A(s, "euReferenceNumber");
        if (ref)
            CORDON__XML_TRY(x, cordon__ent_add_attr(e, "eu_reference_number", ref, strlen(ref)));
        const char *un = A(s, "unitedNationId");
        if (un)
            CORDON__XML_TRY(x, cordon__ent_add_attr(e, "un_id", un, strlen(un)));
        append(&s->remarks, "; ", A(s, "designationDetails"));
        return x->rc;
    }
    if (!s->in_entity || x->depth != 2)
        return CORDON_OK;
    if (strcmp(n, "subjectType") == 0) {
        const char *c = A(s, "code");
        if (c && strcmp(c, "person") == 0)
            cordon__ent_set_type(e, CORDON__TYPE_PERSON);
        else if (c && strcmp(c, "enterprise") == 0)
            cordon__ent_set_type(e, CORDON__TYPE_ORGANIZATION);
    } else if (strcmp(n, "regulation") == 0) {
        const char *p = A(s, "programme");
        if (p)
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_PROGRAM, p, strlen(p)));
        const char *pd = A(s, "publicationDate");
        if (pd && (!s->listed_on || strcmp(pd, s->listed_on) < 0))
            s->listed_on = pd;
        const char *nt = A(s, "numberTitle");
        if (nt)
            CORDON__XML_TRY(x, cordon__ent_add_attr(e, "regulation", nt, strlen(nt)));
    } else if (strcmp(n, "nameAlias") == 0) {
        const char *whole = A(s, "wholeName"), *first = A(s, "firstName"),
                   *middle = A(s, "middleName"), *last = A(s, "lastName");
        const char *strong = A(s, "strong"), *lang = A(s, "nameLanguage");
        const char *g = gender_of(A(s, "gender"));
        if (g)
            CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_GENDER, g, strlen(g)));
        append_unique(&s->title, "; ", A(s, "function"));
        append_unique(&s->title, "; ", A(s, "title"));
        if (!whole) {
            const char *p[3] = {first, middle, last};
            whole = cordon__xml_join(e, &s->b, " ", p, 3);
            CORDON__XML_TRY(x, whole);
        }
        if (!*whole || has_name(e, whole))
            return CORDON_OK;
        int kind = CORDON__NAME_AKA;
        if (strong && strcmp(strong, "false") == 0)
            kind = CORDON__NAME_WEAK;
        else if (!s->have_primary && !lang && (first || last)) {
            kind = CORDON__NAME_PRIMARY;
            s->have_primary = true;
        }
        bool person = e->type != CORDON__TYPE_ORGANIZATION;
        CORDON__XML_TRY(x, cordon__ent_add_name(e, kind, whole, strlen(whole),
                                                person ? first : NULL, CORDON_NUL_TERMINATED,
                                                person ? middle : NULL, CORDON_NUL_TERMINATED,
                                                person ? last : NULL, CORDON_NUL_TERMINATED));
        if (kind == CORDON__NAME_PRIMARY && e->n_names > 1 &&
            e->names[e->n_names - 1].kind == CORDON__NAME_PRIMARY) {
            cordon__ent_name pn = e->names[e->n_names - 1];
            memmove(e->names + 1, e->names, (e->n_names - 1) * sizeof *e->names);
            e->names[0] = pn;
        }
    } else if (strcmp(n, "citizenship") == 0) {
        const char *c = A(s, "countryIso2Code");
        if (!country_ok(c))
            c = A(s, "countryDescription");
        if (country_ok(c))
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_CITIZENSHIP, c, strlen(c)));
    } else if (strcmp(n, "birthdate") == 0) {
        cordon__date d;
        memset(&d, 0, sizeof d);
        bool ok = false;
        const char *full = A(s, "birthdate");
        if (full) {
            ok = cordon__date_parse(full, strlen(full), &d);
        } else if (A(s, "year")) {
            long long y = cordon__xml_int(A(s, "year")), m = cordon__xml_int(A(s, "monthOfYear")),
                      dd = cordon__xml_int(A(s, "dayOfMonth"));
            if (y > 0 && y < 10000) {
                d.year = (int16_t)y;
                if (m >= 1 && m <= 12) {
                    d.month = (int16_t)m;
                    if (dd >= 1 && dd <= 31)
                        d.day = (int16_t)dd;
                }
                ok = true;
            }
        } else if (A(s, "yearRangeFrom")) {
            long long y0 = cordon__xml_int(A(s, "yearRangeFrom")),
                      y1 = cordon__xml_int(A(s, "yearRangeTo"));
            if (y0 > 0 && y0 < 10000) {
                d.year = (int16_t)y0;
                if (y1 > y0 && y1 < 10000)
                    d.year_to = (int16_t)y1;
                ok = true;
            }
        }
        const char *circa = A(s, "circa");
        if (ok) {
            if (circa && strcmp(circa, "true") == 0)
                d.circa = 1;
            CORDON__XML_TRY(x, cordon__ent_add_dob(e, &d));
        }
        const char *city = A(s, "city");
        if (city && strcmp(city, "-") == 0)
            city = NULL;
        const char *cd = A(s, "countryDescription");
        const char *p[4] = {A(s, "place"), city, A(s, "region"), country_ok(cd) ? cd : NULL};
        const char *pob = cordon__xml_join(e, &s->b, ", ", p, 4);
        CORDON__XML_TRY(x, pob);
        if (*pob)
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_POB, pob, strlen(pob)));
    } else if (strcmp(n, "identification") == 0) {
        const char *num = A(s, "number");
        if (!num)
            num = A(s, "latinNumber");
        if (!num)
            return x->rc;
        const char *code = A(s, "identificationTypeCode");
        const char *t = id_type(code);
        if (!t) {
            t = cordon__xml_lower(e, code);
            CORDON__XML_TRY(x, t);
        }
        const char *c = A(s, "countryIso2Code");
        if (!country_ok(c))
            c = A(s, "countryDescription");
        if (!country_ok(c))
            c = NULL;
        cordon__buf_reset(&s->b);
        append(&s->b, "; ", A(s, "identificationTypeDescription"));
        append(&s->b, "; ", A(s, "issuedBy"));
        append(&s->b, "; ", A(s, "remark"));
        static const char *const flags[] = {"diplomatic", "knownExpired", "knownFalse",
                                            "reportedLost", "revokedByIssuer"};
        for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
            const char *v = A(s, flags[i]);
            if (v && strcmp(v, "true") == 0)
                append(&s->b, "; ", flags[i]);
        }
        CORDON__XML_TRY(x, !s->b.failed);
        const char *note = s->b.len ? s->b.data : "";
        CORDON__XML_TRY(x, cordon__ent_add_id(e, t, strlen(t), num, strlen(num), c,
                                              c ? strlen(c) : 0, note, strlen(note)));
    } else if (strcmp(n, "address") == 0) {
        const char *cd = A(s, "countryDescription");
        const char *p[7] = {A(s, "street"), A(s, "poBox"), A(s, "zipCode"), A(s, "city"),
                            A(s, "place"), A(s, "region"), country_ok(cd) ? cd : NULL};
        const char *a = cordon__xml_join(e, &s->b, ", ", p, 7);
        CORDON__XML_TRY(x, a);
        if (*a)
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_ADDRESS, a, strlen(a)));
        const char *c = A(s, "countryIso2Code");
        if (!country_ok(c))
            c = country_ok(cd) ? cd : NULL;
        if (c)
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_ADDRESS_COUNTRY, c, strlen(c)));
    }
    return x->rc;
}

static int v11_end(eu *s)
{
    cordon__xml *x = &s->x;
    if (!s->in_entity)
        return CORDON_OK;
    if (x->depth == 1)
        return finish_entity(s);
    if (x->depth == 2 && cordon__xml_is(x, "remark") && cordon__xml_has_text(x)) {
        const char *v = cordon__xml_keep(x, &s->e);
        CORDON__XML_TRY(x, v);
        append(&s->remarks, "; ", v);
    }
    return CORDON_OK;
}

/* ---- legacy XML 1.0 ------------------------------------------------------- */

enum { L_LAST, L_FIRST, L_MIDDLE, L_WHOLE, L_GENDER, L_TITLE, L_FUNCTION, L_LANGUAGE, L_DATE,
       L_PLACE, L_COUNTRY, L_NUMBER };
static const char *const l_names[12] = {"LASTNAME", "FIRSTNAME", "MIDDLENAME", "WHOLENAME",
                                        "GENDER", "TITLE", "FUNCTION", "LANGUAGE", "DATE",
                                        "PLACE", "COUNTRY", "NUMBER"};

static int legacy_start(eu *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    if (x->depth == 0) {
        if (!cordon__xml_is(x, "WHOLE"))
            return cordon__xml_fail(x, CORDON_E_FORMAT,
                                    "not an EU legacy XML 1.0 file (root <%s>)", x->name);
        const char *d = cordon__xml_attr(x, "Date");
        unsigned dd, mm, yy;
        if (d && sscanf(d, "%2u/%2u/%4u", &dd, &mm, &yy) == 3)
            snprintf(s->date, sizeof s->date, "%04u-%02u-%02u", yy, mm, dd);
        return declare(s);
    }
    if (x->depth == 1 && cordon__xml_is(x, "ENTITY")) {
        begin_entity(s);
        const char *id = A(s, "Id");
        if (id)
            CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_ID, id, strlen(id)));
        const char *t = A(s, "Type");
        if (t && strcmp(t, "P") == 0)
            cordon__ent_set_type(e, CORDON__TYPE_PERSON);
        else if (t && strcmp(t, "E") == 0)
            cordon__ent_set_type(e, CORDON__TYPE_ORGANIZATION);
        const char *p = A(s, "programme");
        if (p)
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_PROGRAM, p, strlen(p)));
        const char *rd = A(s, "reg_date");
        if (rd)
            CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_LISTED_ON, rd, strlen(rd)));
        const char *lb = A(s, "legal_basis");
        if (lb)
            CORDON__XML_TRY(x, cordon__ent_add_attr(e, "regulation", lb, strlen(lb)));
        append(&s->remarks, "; ", A(s, "remark"));
        return x->rc;
    }
    if (s->in_entity && x->depth == 2) {
        memset(s->f, 0, sizeof s->f);
        const char *p = A(s, "programme");
        if (p)
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_PROGRAM, p, strlen(p)));
    }
    return x->rc;
}

static int legacy_end(eu *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    const char **f = s->f;
    if (!s->in_entity)
        return CORDON_OK;
    if (x->depth == 1)
        return finish_entity(s);
    if (x->depth == 3) {
        for (int i = 0; i < 12; i++) {
            if (strcmp(x->name, l_names[i]) == 0) {
                const char *v = cordon__xml_keep(x, e);
                CORDON__XML_TRY(x, v);
                f[i] = *v ? v : NULL;
                return CORDON_OK;
            }
        }
        if (cordon__xml_has_text(x)) { /* STREET, CITY, ZIPCODE, OTHER: addresses */
            const char *v = cordon__xml_keep(x, e);
            CORDON__XML_TRY(x, v);
            /* STREET, ZIPCODE, CITY, OTHER (ADDRESS has no PLACE): collected
             * in the PLACE slot, in document order */
            cordon__buf_reset(&s->b);
            if (f[L_PLACE])
                append(&s->b, ", ", f[L_PLACE]);
            append(&s->b, ", ", v);
            CORDON__XML_TRY(x, !s->b.failed);
            f[L_PLACE] = cordon__ent_str(e, s->b.data, s->b.len);
            CORDON__XML_TRY(x, f[L_PLACE]);
        }
        return CORDON_OK;
    }
    if (x->depth != 2)
        return CORDON_OK;
    const char *n = x->name;
    if (strcmp(n, "NAME") == 0) {
        const char *whole = f[L_WHOLE];
        if (!whole) {
            const char *p[3] = {f[L_FIRST], f[L_MIDDLE], f[L_LAST]};
            whole = cordon__xml_join(e, &s->b, " ", p, 3);
            CORDON__XML_TRY(x, whole);
        }
        const char *g = gender_of(f[L_GENDER]);
        if (g)
            CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_GENDER, g, strlen(g)));
        append_unique(&s->title, "; ", f[L_FUNCTION]);
        append_unique(&s->title, "; ", f[L_TITLE]);
        if (*whole && !has_name(e, whole)) {
            bool person = e->type != CORDON__TYPE_ORGANIZATION;
            /* the first name listed is the main one */
            int kind = CORDON__NAME_AKA;
            if (!s->have_primary && !f[L_LANGUAGE]) {
                kind = CORDON__NAME_PRIMARY;
                s->have_primary = true;
            }
            size_t before = e->n_names;
            CORDON__XML_TRY(x, cordon__ent_add_name(e, kind, whole, strlen(whole),
                                                    person ? f[L_FIRST] : NULL,
                                                    CORDON_NUL_TERMINATED,
                                                    person ? f[L_MIDDLE] : NULL,
                                                    CORDON_NUL_TERMINATED,
                                                    person ? f[L_LAST] : NULL,
                                                    CORDON_NUL_TERMINATED));
            if (kind == CORDON__NAME_PRIMARY && before > 0 && e->n_names == before + 1) {
                cordon__ent_name pn = e->names[before];
                memmove(e->names + 1, e->names, before * sizeof *e->names);
                e->names[0] = pn;
            }
        }
    } else if (strcmp(n, "BIRTH") == 0) {
        if (f[L_DATE]) {
            cordon__date d;
            if (cordon__date_parse(f[L_DATE], strlen(f[L_DATE]), &d))
                CORDON__XML_TRY(x, cordon__ent_add_dob(e, &d));
            else
                append(&s->remarks, "; DOB ", f[L_DATE]);
        }
        const char *p[2] = {f[L_PLACE], f[L_COUNTRY]};
        const char *pob = cordon__xml_join(e, &s->b, ", ", p, 2);
        CORDON__XML_TRY(x, pob);
        if (*pob)
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_POB, pob, strlen(pob)));
    } else if (strcmp(n, "CITIZEN") == 0) {
        if (f[L_COUNTRY])
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_CITIZENSHIP, f[L_COUNTRY],
                                               strlen(f[L_COUNTRY])));
    } else if (strcmp(n, "PASSPORT") == 0) {
        const char *num = f[L_NUMBER];
        if (!num)
            return CORDON_OK;
        /* "AD001095 (passport-National passport) ((passport))" */
        const char *paren = strstr(num, " (");
        size_t nn = paren ? (size_t)(paren - num) : strlen(num);
        const char *type = "passport";
        char code[32] = "";
        if (paren && sscanf(paren, " (%31[^-)]", code) == 1) {
            const char *t = id_type(code);
            if (t)
                type = t;
            else {
                type = cordon__xml_lower(e, code);
                CORDON__XML_TRY(x, type);
            }
        }
        const char *note = paren ? paren + 1 : NULL;
        CORDON__XML_TRY(x, cordon__ent_add_id(e, type, strlen(type), num, nn, f[L_COUNTRY],
                                              f[L_COUNTRY] ? strlen(f[L_COUNTRY]) : 0, note,
                                              note ? strlen(note) : 0));
    } else if (strcmp(n, "ADDRESS") == 0) {
        const char *p[3] = {f[L_NUMBER], f[L_PLACE], f[L_COUNTRY]};
        const char *a = cordon__xml_join(e, &s->b, ", ", p, 3);
        CORDON__XML_TRY(x, a);
        if (*a)
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_ADDRESS, a, strlen(a)));
        if (f[L_COUNTRY])
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_ADDRESS_COUNTRY, f[L_COUNTRY],
                                               strlen(f[L_COUNTRY])));
    }
    return CORDON_OK;
}

/* ---- common driver --------------------------------------------------------- */

static int run(eu *s, bool legacy)
{
    for (;;) {
        int ev = cordon__xml_next(&s->x);
        if (ev < 0)
            return ev;
        if (ev == CORDON__XML_EOF)
            return declare(s);
        int rc;
        if (legacy)
            rc = ev == CORDON__XML_START ? legacy_start(s) : legacy_end(s);
        else
            rc = ev == CORDON__XML_START ? v11_start(s) : v11_end(s);
        if (rc)
            return rc;
    }
}

static int eu_parse_any(cordon__sink *sink, const cordon__input *in, size_t n,
                        const char *list_id, cordon_error *err, bool legacy)
{
    if (n != 1)
        return cordon__err(err, CORDON_E_INVALID, "EU XML takes exactly one file");
    const cordon_options *o = cordon__sink_options(sink);
    eu s;
    memset(&s, 0, sizeof s);
    int rc = cordon__xml_open(&s.x, in, o, err);
    if (rc)
        return rc;
    const cordon__alloc *a = cordon__alloc_of(o);
    s.sink = sink;
    s.list_id = list_id;
    cordon__ent_init(&s.e, a);
    cordon__buf_init(&s.b, a);
    cordon__buf_init(&s.remarks, a);
    cordon__buf_init(&s.title, a);
    rc = run(&s, legacy);
    cordon__buf_free(&s.b);
    cordon__buf_free(&s.remarks);
    cordon__buf_free(&s.title);
    cordon__ent_destroy(&s.e);
    cordon__xml_close(&s.x);
    return rc;
}

static int eu_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                    cordon_error *err)
{
    return eu_parse_any(sink, in, n, list_id, err, false);
}

static int eu_legacy_parse(cordon__sink *sink, const cordon__input *in, size_t n,
                           const char *list_id, cordon_error *err)
{
    return eu_parse_any(sink, in, n, list_id, err, true);
}

static int eu_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    if (!cordon__xml_sniff(data, len, "export", NULL))
        return 0;
    return cordon__xml_sniff(data, len, "export", "fpi/fsd/export") ? 95 : 40;
}

static int eu_legacy_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    if (!cordon__xml_sniff(data, len, "WHOLE", NULL))
        return 0;
    /* the root alone is generic; its ENTITY children with legal_basis are not */
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 8 < n; i++)
        if (memcmp(data + i, "<ENTITY ", 8) == 0)
            return 90;
    return 50;
}

const cordon__format cordon__fmt_eu_xml = {
    "eu_xml", "EU Financial Sanctions Files consolidated list, XML 1.1", eu_detect, eu_parse};
const cordon__format cordon__fmt_eu_xml_legacy = {
    "eu_xml_legacy", "EU consolidated list, legacy XML 1.0 (WHOLE/ENTITY)", eu_legacy_detect,
    eu_legacy_parse};
