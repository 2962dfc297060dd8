/* fmt_un_xml.c — UN Security Council consolidated list (CONSOLIDATED_LIST). */
#include <string.h>

#include "sources/formats.h"
#include "sources/xml.h"

/* Fields of the repeated groups inside INDIVIDUAL / ENTITY. */
enum {
    G_QUALITY, G_ALIAS_NAME, G_NOTE, G_STREET, G_CITY, G_STATE, G_ZIP, G_COUNTRY,
    G_TYPE_OF_DATE, G_DATE, G_YEAR, G_FROM_YEAR, G_TO_YEAR, G_DOC_TYPE, G_DOC_TYPE2,
    G_NUMBER, G_ISSUING_COUNTRY, G_COUNTRY_OF_ISSUE, G_DATE_OF_ISSUE, G_CITY_OF_ISSUE,
    G_DATE_OF_BIRTH, G_CITY_OF_BIRTH, G_COUNTRY_OF_BIRTH, G_N
};
static const char *const g_names[G_N] = {
    "QUALITY", "ALIAS_NAME", "NOTE", "STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY",
    "TYPE_OF_DATE", "DATE", "YEAR", "FROM_YEAR", "TO_YEAR", "TYPE_OF_DOCUMENT", "TYPE_OF_DOCUMENT2",
    "NUMBER", "ISSUING_COUNTRY", "COUNTRY_OF_ISSUE", "DATE_OF_ISSUE", "CITY_OF_ISSUE",
    "DATE_OF_BIRTH", "CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"};

enum { GR_NONE, GR_ALIAS, GR_ADDRESS, GR_DOB, GR_POB, GR_DOC, GR_VALUE };

typedef struct un_state {
    cordon__xml x;
    cordon__sink *sink;
    cordon__ent e;
    cordon__buf b, remarks, title;
    const char *g[G_N];
    int group;
    const char *group_name;
    const char *names[4];    /* FIRST..FOURTH_NAME */
    const char *dataid, *refno;
    bool in_record;
} un_state;

static bool has_ci(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; *s; s++)
        if (strncasecmp(s, needle, n) == 0)
            return true;
    return false;
}

static const char *doc_type(const char *t)
{
    if (has_ci(t, "passport") || has_ci(t, "pasaporte") || has_ci(t, "passeport"))
        return "passport";
    if (has_ci(t, "national identification") || has_ci(t, "national id"))
        return "national_id";
    if (has_ci(t, "tax"))
        return "tax_id";
    return NULL;
}

static int end_group(un_state *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    const char **g = s->g;
    switch (s->group) {
    case GR_ALIAS:
        if (!cordon__xml_empty(g[G_ALIAS_NAME])) {
            int kind = CORDON__NAME_AKA;
            if (g[G_QUALITY] && strcasecmp(g[G_QUALITY], "Low") == 0)
                kind = CORDON__NAME_WEAK;
            else if (g[G_QUALITY] && strcasecmp(g[G_QUALITY], "f.k.a.") == 0)
                kind = CORDON__NAME_FKA;
            CORDON__XML_TRY(x, cordon__ent_add_name(e, kind, g[G_ALIAS_NAME], strlen(g[G_ALIAS_NAME]),
                                                    NULL, 0, NULL, 0, NULL, 0));
        }
        if (!cordon__xml_empty(g[G_DATE_OF_BIRTH])) {
            cordon__date d;
            if (cordon__date_parse(g[G_DATE_OF_BIRTH], strlen(g[G_DATE_OF_BIRTH]), &d))
                CORDON__XML_TRY(x, cordon__ent_add_dob(e, &d));
        }
        if (!cordon__xml_empty(g[G_CITY_OF_BIRTH]) || !cordon__xml_empty(g[G_COUNTRY_OF_BIRTH])) {
            const char *p[2] = {g[G_CITY_OF_BIRTH], g[G_COUNTRY_OF_BIRTH]};
            const char *pob = cordon__xml_join(e, &s->b, ", ", p, 2);
            CORDON__XML_TRY(x, pob && cordon__ent_add(e, CORDON__M_POB, pob, strlen(pob)));
        }
        if (!cordon__xml_empty(g[G_NOTE]) && !cordon__xml_empty(g[G_ALIAS_NAME])) {
            cordon__buf_printf(&s->remarks, "%sAlias %s: %s", s->remarks.len ? "; " : "",
                               g[G_ALIAS_NAME], g[G_NOTE]);
        }
        break;
    case GR_ADDRESS: {
        const char *p[6] = {g[G_STREET], g[G_CITY], g[G_STATE], g[G_ZIP], g[G_COUNTRY], g[G_NOTE]};
        const char *a = cordon__xml_join(e, &s->b, ", ", p, 6);
        CORDON__XML_TRY(x, a && cordon__ent_add(e, CORDON__M_ADDRESS, a, strlen(a)));
        if (!cordon__xml_empty(g[G_COUNTRY]))
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_ADDRESS_COUNTRY, g[G_COUNTRY],
                                               strlen(g[G_COUNTRY])));
        break;
    }
    case GR_POB: {
        const char *p[5] = {g[G_STREET], g[G_CITY], g[G_STATE], g[G_COUNTRY], g[G_NOTE]};
        const char *a = cordon__xml_join(e, &s->b, ", ", p, 5);
        CORDON__XML_TRY(x, a && cordon__ent_add(e, CORDON__M_POB, a, strlen(a)));
        break;
    }
    case GR_DOB: {
        cordon__date d;
        memset(&d, 0, sizeof d);
        bool ok = false;
        const char *type = g[G_TYPE_OF_DATE] ? g[G_TYPE_OF_DATE] : "";
        if (!cordon__xml_empty(g[G_DATE])) {
            ok = cordon__date_parse(g[G_DATE], strlen(g[G_DATE]), &d);
        } else if (!cordon__xml_empty(g[G_YEAR])) {
            long long y = cordon__xml_int(g[G_YEAR]);
            if (y > 0 && y < 10000) {
                d.year = (int16_t)y;
                ok = true;
            }
        } else if (!cordon__xml_empty(g[G_FROM_YEAR])) {
            long long y0 = cordon__xml_int(g[G_FROM_YEAR]), y1 = cordon__xml_int(g[G_TO_YEAR]);
            if (y0 > 0 && y0 < 10000) {
                d.year = (int16_t)y0;
                if (y1 > y0 && y1 < 10000)
                    d.year_to = (int16_t)y1;
                ok = true;
            }
        }
        if (ok) {
            if (strcasecmp(type, "APPROXIMATELY") == 0)
                d.circa = 1;
            CORDON__XML_TRY(x, cordon__ent_add_dob(e, &d));
        } else if (!cordon__xml_empty(g[G_DATE]) || !cordon__xml_empty(g[G_NOTE])) {
            /* unreadable date: keep it as a remark */
            cordon__buf_printf(&s->remarks, "%sDOB: %s %s", s->remarks.len ? "; " : "",
                               g[G_DATE] ? g[G_DATE] : "", g[G_NOTE] ? g[G_NOTE] : "");
        }
        break;
    }
    case GR_DOC: {
        if (cordon__xml_empty(g[G_NUMBER]) && cordon__xml_empty(g[G_DOC_TYPE]))
            break;
        const char *t = g[G_DOC_TYPE] ? doc_type(g[G_DOC_TYPE]) : NULL;
        if (!t && g[G_DOC_TYPE2])
            t = doc_type(g[G_DOC_TYPE2]);
        if (!t) {
            const char *raw = !cordon__xml_empty(g[G_DOC_TYPE]) ? g[G_DOC_TYPE] : "document";
            t = cordon__xml_lower(e, raw);
            CORDON__XML_TRY(x, t);
        }
        const char *country =
            !cordon__xml_empty(g[G_ISSUING_COUNTRY]) ? g[G_ISSUING_COUNTRY] : g[G_COUNTRY_OF_ISSUE];
        const char *np[4] = {g[G_DOC_TYPE2], g[G_DATE_OF_ISSUE], g[G_CITY_OF_ISSUE], g[G_NOTE]};
        const char *note = cordon__xml_join(e, &s->b, "; ", np, 4);
        CORDON__XML_TRY(x, note);
        const char *num = g[G_NUMBER] ? g[G_NUMBER] : "";
        CORDON__XML_TRY(x, cordon__ent_add_id(e, t, strlen(t), num, strlen(num), country,
                                              country ? strlen(country) : 0, note, strlen(note)));
        break;
    }
    default:
        break;
    }
    return CORDON_OK;
}

static int start_record(un_state *s, bool individual)
{
    cordon__ent_clear(&s->e);
    cordon__ent_set_type(&s->e, individual ? CORDON__TYPE_PERSON : CORDON__TYPE_ORGANIZATION);
    memset(s->names, 0, sizeof s->names);
    s->dataid = s->refno = NULL;
    cordon__buf_reset(&s->remarks);
    cordon__buf_reset(&s->title);
    s->in_record = true;
    return CORDON_OK;
}

static int end_record(un_state *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    s->in_record = false;
    const char *id = !cordon__xml_empty(s->refno) ? s->refno : s->dataid;
    if (id)
        CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_ID, id, strlen(id)));
    if (s->dataid && s->refno)
        CORDON__XML_TRY(x, cordon__ent_add_attr(e, "un_dataid", s->dataid, strlen(s->dataid)));
    const char *full = cordon__xml_join(e, &s->b, " ", s->names, 4);
    CORDON__XML_TRY(x, full);
    if (*full) {
        /* primary name first */
        size_t keep = e->n_names;
        const char *rest[3] = {s->names[1], s->names[2], s->names[3]};
        const char *family = NULL;
        if (e->type == CORDON__TYPE_PERSON) {
            family = cordon__xml_join(e, &s->b, " ", rest, 3);
            CORDON__XML_TRY(x, family);
        }
        CORDON__XML_TRY(x, cordon__ent_add_name(e, CORDON__NAME_PRIMARY, full, strlen(full),
                                                e->type == CORDON__TYPE_PERSON ? s->names[0] : NULL,
                                                CORDON_NUL_TERMINATED, NULL, 0, family,
                                                CORDON_NUL_TERMINATED));
        /* move the primary name to the front */
        if (keep > 0 && e->n_names == keep + 1) {
            cordon__ent_name pn = e->names[keep];
            memmove(e->names + 1, e->names, keep * sizeof *e->names);
            e->names[0] = pn;
        }
    }
    if (s->remarks.len)
        CORDON__XML_TRY(x, !s->remarks.failed &&
                               cordon__ent_set(e, CORDON__F_REMARKS, s->remarks.data, s->remarks.len));
    if (s->title.len)
        CORDON__XML_TRY(x, !s->title.failed &&
                               cordon__ent_set(e, CORDON__F_TITLE, s->title.data, s->title.len));
    return cordon__xml_emit(x, s->sink, e);
}

static int leaf(un_state *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    const char *n = x->name;
    if (s->group != GR_NONE && x->depth == 4) {
        if (s->group == GR_VALUE) {
            if (strcmp(n, "VALUE") != 0)
                return CORDON_OK;
            const char *gn = s->group_name;
            const char *v = cordon__xml_keep(x, e);
            CORDON__XML_TRY(x, v);
            if (!*v)
                return CORDON_OK;
            if (strcmp(gn, "NATIONALITY") == 0)
                CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_NATIONALITY, v, strlen(v)));
            else if (strcmp(gn, "DESIGNATION") == 0 || strcmp(gn, "TITLE") == 0) {
                if (s->title.len)
                    cordon__buf_puts(&s->title, "; ");
                cordon__buf_puts(&s->title, v);
            } else if (strcmp(gn, "LAST_DAY_UPDATED") == 0)
                CORDON__XML_TRY(x, cordon__ent_add_attr(e, "last_updated", v, strlen(v)));
            else if (strcmp(gn, "LIST_TYPE") == 0)
                ; /* always "UN List" */
            else {
                const char *k = cordon__xml_lower(e, gn);
                CORDON__XML_TRY(x, k && cordon__ent_add_attr(e, k, v, strlen(v)));
            }
            return CORDON_OK;
        }
        for (int i = 0; i < G_N; i++) {
            if (strcmp(n, g_names[i]) == 0) {
                s->g[i] = cordon__xml_keep(x, e);
                CORDON__XML_TRY(x, s->g[i]);
                return CORDON_OK;
            }
        }
        /* unknown leaf inside a group: keep as an attribute */
        if (cordon__xml_has_text(x)) {
            const char *k = cordon__xml_lower(e, n);
            CORDON__XML_TRY(x, k && cordon__ent_add_attr(e, k, x->text, x->text_len));
        }
        return CORDON_OK;
    }
    if (x->depth != 3)
        return CORDON_OK;
    const char *v = cordon__xml_keep(x, e);
    CORDON__XML_TRY(x, v);
    if (strcmp(n, "FIRST_NAME") == 0)
        s->names[0] = v;
    else if (strcmp(n, "SECOND_NAME") == 0)
        s->names[1] = v;
    else if (strcmp(n, "THIRD_NAME") == 0)
        s->names[2] = v;
    else if (strcmp(n, "FOURTH_NAME") == 0)
        s->names[3] = v;
    else if (strcmp(n, "DATAID") == 0)
        s->dataid = v;
    else if (strcmp(n, "REFERENCE_NUMBER") == 0)
        s->refno = v;
    else if (!*v)
        return CORDON_OK;
    else if (strcmp(n, "NAME_ORIGINAL_SCRIPT") == 0)
        CORDON__XML_TRY(x, cordon__ent_add_name(e, CORDON__NAME_ORIGINAL, v, strlen(v), NULL, 0,
                                                NULL, 0, NULL, 0));
    else if (strcmp(n, "UN_LIST_TYPE") == 0)
        CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_PROGRAM, v, strlen(v)));
    else if (strcmp(n, "LISTED_ON") == 0)
        CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_LISTED_ON, v, strlen(v)));
    else if (strcmp(n, "GENDER") == 0) {
        const char *g = cordon__xml_lower(e, v);
        CORDON__XML_TRY(x, g && cordon__ent_set(e, CORDON__F_GENDER, g, strlen(g)));
    } else if (strcmp(n, "COMMENTS1") == 0) {
        if (s->remarks.len) {
            /* comments first */
            cordon__buf tmp = s->remarks;
            cordon__buf_init(&s->remarks, tmp.alloc);
            cordon__buf_printf(&s->remarks, "%s; %s", v, tmp.data);
            cordon__buf_free(&tmp);
        } else {
            cordon__buf_puts(&s->remarks, v);
        }
    } else if (strcmp(n, "VERSIONNUM") == 0 || strcmp(n, "SORT_KEY") == 0 ||
               strcmp(n, "SORT_KEY_LAST_MOD") == 0) {
        ; /* bookkeeping */
    } else {
        const char *k = cordon__xml_lower(e, n);
        CORDON__XML_TRY(x, k && cordon__ent_add_attr(e, k, v, strlen(v)));
    }
    return CORDON_OK;
}

static int group_of(const char *n)
{
    if (strcmp(n, "INDIVIDUAL_ALIAS") == 0 || strcmp(n, "ENTITY_ALIAS") == 0)
        return GR_ALIAS;
    if (strcmp(n, "INDIVIDUAL_ADDRESS") == 0 || strcmp(n, "ENTITY_ADDRESS") == 0)
        return GR_ADDRESS;
    if (strcmp(n, "INDIVIDUAL_DATE_OF_BIRTH") == 0)
        return GR_DOB;
    if (strcmp(n, "INDIVIDUAL_PLACE_OF_BIRTH") == 0)
        return GR_POB;
    if (strcmp(n, "INDIVIDUAL_DOCUMENT") == 0)
        return GR_DOC;
    return GR_VALUE; /* NATIONALITY, DESIGNATION, TITLE, LIST_TYPE, LAST_DAY_UPDATED */
}

static int run(un_state *s, const char *list_id)
{
    cordon__xml *x = &s->x;
    for (;;) {
        int ev = cordon__xml_next(x);
        if (ev < 0)
            return ev;
        if (ev == CORDON__XML_EOF)
            return CORDON_OK;
        if (ev == CORDON__XML_START) {
            if (x->depth == 0) {
                if (!cordon__xml_is(x, "CONSOLIDATED_LIST"))
                    return cordon__xml_fail(x, CORDON_E_FORMAT,
                                            "not a UN consolidated list (root <%s>)", x->name);
                const char *dg = cordon__xml_attr(x, "dateGenerated");
                char date[11] = {0};
                if (dg && strlen(dg) >= 10)
                    memcpy(date, dg, 10);
                int rc = cordon__sink_list(s->sink, list_id ? list_id : "un_sc",
                                           "United Nations Security Council",
                                           date[0] ? date : NULL, x->err);
                if (rc)
                    return x->rc = rc;
            } else if (x->depth == 2) {
                start_record(s, cordon__xml_is(x, "INDIVIDUAL"));
            } else if (x->depth == 3 && s->in_record && !x->leaf) {
                /* a group or a leaf: we learn which at its end */
                memset(s->g, 0, sizeof s->g);
                s->group = group_of(x->name);
                s->group_name = x->name;
            }
        } else { /* END */
            if (x->depth == 2 && s->in_record) {
                int rc = end_record(s);
                if (rc)
                    return rc;
            } else if (x->depth == 3 && s->in_record) {
                if (x->leaf) {
                    s->group = GR_NONE;
                    int rc = leaf(s);
                    if (rc)
                        return rc;
                } else {
                    int rc = end_group(s);
                    s->group = GR_NONE;
                    if (rc)
                        return rc;
                }
            } else if (x->depth == 4 && s->in_record && x->leaf) {
                int rc = leaf(s);
                if (rc)
                    return rc;
            }
        }
    }
}

static int un_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                    cordon_error *err)
{
    if (n != 1)
        return cordon__err(err, CORDON_E_INVALID, "un_xml takes exactly one file");
    const cordon_options *o = cordon__sink_options(sink);
    un_state s;
    memset(&s, 0, sizeof s);
    int rc = cordon__xml_open(&s.x, in, o, err);
    if (rc)
        return rc;
    const cordon__alloc *a = cordon__alloc_of(o);
    s.sink = sink;
    cordon__ent_init(&s.e, a);
    cordon__buf_init(&s.b, a);
    cordon__buf_init(&s.remarks, a);
    cordon__buf_init(&s.title, a);
    rc = run(&s, list_id);
    cordon__buf_free(&s.b);
    cordon__buf_free(&s.remarks);
    cordon__buf_free(&s.title);
    cordon__ent_destroy(&s.e);
    cordon__xml_close(&s.x);
    return rc;
}

static int un_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    return cordon__xml_sniff(data, len, "CONSOLIDATED_LIST", NULL) ? 90 : 0;
}

const cordon__format cordon__fmt_un_xml = {
    "un_xml", "UN Security Council consolidated list (XML)", un_detect, un_parse};
