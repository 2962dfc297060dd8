/* fmt_ofac_enhanced_xml.c — OFAC Sanctions List Service "Enhanced XML"
 * (sanctionsData / entities / entity), one streaming pass. */
#include <stdio.h>
#include <string.h>

#include "sources/formats.h"
#include "sources/xml.h"

enum { P_GIVEN, P_MIDDLE, P_FAMILY, P_OTHER };
enum { A_ADDR1, A_ADDR2, A_ADDR3, A_CITY, A_STATE, A_POSTAL, A_REGION, A_OTHER, A_COUNTRY, A_N };

typedef struct enh {
    cordon__xml x;
    cordon__sink *sink;
    cordon__ent e;
    cordon__buf b;
    const char *list_id;
    char date[24];
    bool listed, in_entity, cons, sdn;
    const char *listed_on;
    /* name */
    int name_kind;
    bool name_primary, name_low;
    const char *alias_type;
    bool tr_latin;
    const char *np[4];
    const char *part_type, *part_value;
    const char *formatted_full;
    /* address */
    const char *ap[A_N];
    /* feature */
    const char *f_type, *f_value, *f_from, *f_to;
    bool f_approx;
    /* document */
    const char *d_type, *d_number, *d_country, *d_valid, *d_authority;
    /* relationship */
    const char *r_type, *r_entity, *r_entity_id;
} enh;

static int ymd(const char *s, int *y, int *m, int *d)
{
    *y = *m = *d = 0;
    return s ? sscanf(s, "%4d-%2d-%2d", y, m, d) : 0;
}

static int declare(enh *s)
{
    if (s->listed)
        return CORDON_OK;
    s->listed = true;
    const char *id = s->list_id;
    if (!id) /* the publication's filter says which list(s) it holds */
        id = s->sdn && !s->cons ? "us_ofac_sdn" : "us_ofac_cons";
    int rc = cordon__sink_list(s->sink, id, "US Treasury OFAC", s->date[0] ? s->date : NULL,
                               s->x.err);
    if (rc)
        s->x.rc = rc;
    return rc;
}

static int end_name_translation(enh *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    bool person = e->type == CORDON__TYPE_PERSON;
    const char *full;
    if (s->np[P_GIVEN] || s->np[P_MIDDLE] || s->np[P_FAMILY] || s->np[P_OTHER]) {
        full = cordon__xml_join(e, &s->b, " ", s->np, 4);
        CORDON__XML_TRY(x, full);
    } else {
        full = s->formatted_full ? s->formatted_full : "";
    }
    if (*full) {
        int kind = s->name_kind;
        if (!s->tr_latin)
            kind = CORDON__NAME_ORIGINAL;
        CORDON__XML_TRY(x, cordon__ent_add_name(e, kind, full, strlen(full),
                                                person ? s->np[P_GIVEN] : NULL,
                                                CORDON_NUL_TERMINATED,
                                                person ? s->np[P_MIDDLE] : NULL,
                                                CORDON_NUL_TERMINATED,
                                                person ? s->np[P_FAMILY] : NULL,
                                                CORDON_NUL_TERMINATED));
    }
    return CORDON_OK;
}

static int add_part(enh *s, const char **slot, const char *v)
{
    if (!*slot) {
        *slot = v;
    } else {
        const char *two[2] = {*slot, v};
        *slot = cordon__xml_join(&s->e, &s->b, " ", two, 2);
        CORDON__XML_TRY(&s->x, *slot);
    }
    return CORDON_OK;
}

static int end_name_part(enh *s)
{
    const char *t = s->part_type ? s->part_type : "";
    const char *v = s->part_value;
    if (cordon__xml_empty(v))
        return CORDON_OK;
    int slot = P_OTHER;
    if (strcmp(t, "First Name") == 0)
        slot = P_GIVEN;
    else if (strcmp(t, "Middle Name") == 0 || strcmp(t, "Patronymic") == 0 ||
             strcmp(t, "Matronymic") == 0)
        slot = P_MIDDLE;
    else if (strcmp(t, "Last Name") == 0 || strcmp(t, "Maiden Name") == 0)
        slot = P_FAMILY;
    return add_part(s, &s->np[slot], v);
}

static int end_address_part(enh *s)
{
    static const char *const names[A_OTHER] = {"ADDRESS1", "ADDRESS2", "ADDRESS3", "CITY",
                                              "STATE/PROVINCE", "POSTAL CODE", "REGION"};
    const char *t = s->part_type ? s->part_type : "";
    if (cordon__xml_empty(s->part_value))
        return CORDON_OK;
    int slot = A_OTHER;
    for (int i = 0; i < A_OTHER; i++)
        if (strcmp(t, names[i]) == 0)
            slot = i;
    return add_part(s, &s->ap[slot], s->part_value);
}

static int end_address(enh *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    const char *a = cordon__xml_join(e, &s->b, ", ", s->ap, A_N);
    CORDON__XML_TRY(x, a);
    if (*a)
        CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_ADDRESS, a, strlen(a)));
    if (!cordon__xml_empty(s->ap[A_COUNTRY]))
        CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_ADDRESS_COUNTRY, s->ap[A_COUNTRY],
                                           strlen(s->ap[A_COUNTRY])));
    return CORDON_OK;
}

static int end_feature(enh *s)
{
    cordon__date d;
    bool has = false;
    if (s->f_from) {
        int y0, m0, d0, y1, m1, d1;
        ymd(s->f_from, &y0, &m0, &d0);
        ymd(s->f_to, &y1, &m1, &d1);
        has = cordon__xml_span_date(y0, m0, d0, y1, m1, d1, s->f_approx, &d);
    }
    return cordon__xml_ofac_feature(&s->x, &s->e, s->f_type ? s->f_type : "", s->f_value, NULL,
                                    NULL, has ? &d : NULL);
}

static int end_document(enh *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    if (cordon__xml_empty(s->d_number))
        return CORDON_OK;
    const char *np[2] = {s->d_authority,
                         s->d_valid && strcmp(s->d_valid, "false") == 0 ? "not valid" : NULL};
    const char *note = cordon__xml_join(e, &s->b, "; ", np, 2);
    CORDON__XML_TRY(x, note);
    CORDON__XML_TRY(x, cordon__xml_ofac_add_id(e, s->d_type ? s->d_type : "document",
                                               s->d_number, s->d_country, note));
    return CORDON_OK;
}

static int end_entity(enh *s)
{
    cordon__ent *e = &s->e;
    if (s->listed_on)
        CORDON__XML_TRY(&s->x, cordon__ent_set(e, CORDON__F_LISTED_ON, s->listed_on,
                                               strlen(s->listed_on)));
    for (size_t i = 1; i < e->n_names; i++) {
        if (e->names[i].kind == CORDON__NAME_PRIMARY && e->names[0].kind != CORDON__NAME_PRIMARY) {
            cordon__ent_name pn = e->names[i];
            memmove(e->names + 1, e->names, i * sizeof *e->names);
            e->names[0] = pn;
            break;
        }
    }
    int rc = declare(s);
    if (rc)
        return rc;
    return cordon__xml_emit(&s->x, s->sink, e);
}

static int on_start(enh *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    const char *n = x->name;
    if (x->depth == 0) {
        if (!cordon__xml_is(x, "sanctionsData"))
            return cordon__xml_fail(x, CORDON_E_FORMAT,
                                    "not an OFAC Enhanced XML document (root <%s>)", n);
        return CORDON_OK;
    }
    if (x->depth == 1 && !cordon__xml_is(x, "entities") && !cordon__xml_is(x, "publicationInfo"))
        return cordon__xml_skip(x); /* referenceValues, featureTypes, ... */
    if (x->depth == 2 && cordon__xml_is(x, "entity")) {
        cordon__ent_clear(e);
        s->in_entity = true;
        s->listed_on = NULL;
        const char *id = cordon__xml_attr(x, "id");
        if (id)
            CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_ID, id, strlen(id)));
        return CORDON_OK;
    }
    if (!s->in_entity)
        return CORDON_OK;
    const char *up = cordon__xml_up(x, 1);
    if (strcmp(n, "name") == 0 && strcmp(up, "names") == 0) {
        s->name_primary = s->name_low = false;
        s->alias_type = NULL;
    } else if (strcmp(n, "translation") == 0) {
        s->tr_latin = true;
        s->formatted_full = NULL;
        memset(s->np, 0, sizeof s->np);
        memset(s->ap, 0, A_COUNTRY * sizeof *s->ap);
        if (strcmp(cordon__xml_up(x, 2), "name") == 0) {
            int k = CORDON__NAME_AKA;
            if (s->name_primary)
                k = CORDON__NAME_PRIMARY;
            else if (s->alias_type && strcasecmp(s->alias_type, "F.K.A.") == 0)
                k = CORDON__NAME_FKA;
            if (s->name_low)
                k = CORDON__NAME_WEAK;
            s->name_kind = k;
        }
    } else if (strcmp(n, "namePart") == 0 || strcmp(n, "addressPart") == 0) {
        s->part_type = s->part_value = NULL;
    } else if (strcmp(n, "address") == 0) {
        memset(s->ap, 0, sizeof s->ap);
    } else if (strcmp(n, "feature") == 0) {
        s->f_type = s->f_value = s->f_from = s->f_to = NULL;
        s->f_approx = false;
    } else if (strcmp(n, "identityDocument") == 0) {
        s->d_type = s->d_number = s->d_country = s->d_valid = s->d_authority = NULL;
    } else if (strcmp(n, "relationship") == 0) {
        s->r_type = s->r_entity = s->r_entity_id = NULL;
    } else if (strcmp(n, "relatedEntity") == 0) {
        const char *id = cordon__xml_attr(x, "entityId");
        s->r_entity_id = id ? cordon__ent_str(e, id, strlen(id)) : NULL;
    } else if (strcmp(n, "sanctionsList") == 0) {
        const char *dp = cordon__xml_attr(x, "datePublished");
        if (dp && strlen(dp) >= 10 && (!s->listed_on || strncmp(dp, s->listed_on, 10) < 0)) {
            s->listed_on = cordon__ent_str(e, dp, 10);
            CORDON__XML_TRY(x, s->listed_on);
        }
    }
    return CORDON_OK;
}

static int on_end(enh *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    const char *n = x->name;
    const char *up = cordon__xml_up(x, 1);
    if (!s->in_entity) {
        if (strcmp(n, "dataAsOf") == 0 && x->text_len >= 10) {
            memcpy(s->date, x->text, 10);
            s->date[10] = '\0';
        } else if (strcmp(n, "sanctionsList") == 0 && strcmp(up, "sanctionsLists") == 0) {
            if (strstr(x->text, "SDN List"))
                s->sdn = true;
            else
                s->cons = true;
        }
        return CORDON_OK;
    }
    if (x->depth == 2) {
        s->in_entity = false;
        return end_entity(s);
    }
    if (!x->leaf) {
        if (strcmp(n, "translation") == 0 && strcmp(cordon__xml_up(x, 2), "name") == 0)
            return end_name_translation(s);
        if (strcmp(n, "namePart") == 0)
            return end_name_part(s);
        if (strcmp(n, "addressPart") == 0)
            return end_address_part(s);
        if (strcmp(n, "address") == 0)
            return end_address(s);
        if (strcmp(n, "feature") == 0)
            return end_feature(s);
        if (strcmp(n, "identityDocument") == 0)
            return end_document(s);
        if (strcmp(n, "relationship") == 0 && !cordon__xml_empty(s->r_entity)) {
            cordon__buf_reset(&s->b);
            cordon__buf_printf(&s->b, "%s: %s%s%s%s", s->r_type ? s->r_type : "related to",
                               s->r_entity, s->r_entity_id ? " (" : "",
                               s->r_entity_id ? s->r_entity_id : "", s->r_entity_id ? ")" : "");
            CORDON__XML_TRY(x, !s->b.failed && cordon__ent_add_attr(e, "relationship", s->b.data,
                                                                   s->b.len));
        }
        return CORDON_OK;
    }
    const char *v = cordon__xml_keep(x, e);
    CORDON__XML_TRY(x, v);
    if (strcmp(up, "generalInfo") == 0) {
        if (strcmp(n, "entityType") == 0) {
            int t = CORDON__TYPE_UNKNOWN;
            if (strcasecmp(v, "Individual") == 0)
                t = CORDON__TYPE_PERSON;
            else if (strcasecmp(v, "Entity") == 0)
                t = CORDON__TYPE_ORGANIZATION;
            else if (strcasecmp(v, "Vessel") == 0)
                t = CORDON__TYPE_VESSEL;
            else if (strcasecmp(v, "Aircraft") == 0)
                t = CORDON__TYPE_AIRCRAFT;
            cordon__ent_set_type(e, t);
        } else if (strcmp(n, "remarks") == 0) {
            CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_REMARKS, v, strlen(v)));
        } else if (strcmp(n, "identityId") != 0 && *v) {
            const char *k = cordon__xml_lower(e, n);
            CORDON__XML_TRY(x, k && cordon__ent_add_attr(e, k, v, strlen(v)));
        }
    } else if (strcmp(n, "sanctionsProgram") == 0) {
        CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_PROGRAM, v, strlen(v)));
    } else if (strcmp(n, "sanctionsList") == 0) {
        CORDON__XML_TRY(x, cordon__ent_add_attr(e, "ofac_list", v, strlen(v)));
    } else if (strcmp(n, "sanctionsType") == 0) {
        CORDON__XML_TRY(x, cordon__ent_add_attr(e, "sanctions_type", v, strlen(v)));
    } else if (strcmp(n, "legalAuthority") == 0) {
        CORDON__XML_TRY(x, cordon__ent_add_attr(e, "legal_authority", v, strlen(v)));
    } else if (strcmp(up, "name") == 0 && strcmp(cordon__xml_up(x, 2), "names") == 0) {
        if (strcmp(n, "isPrimary") == 0)
            s->name_primary = strcmp(v, "true") == 0;
        else if (strcmp(n, "isLowQuality") == 0)
            s->name_low = strcmp(v, "true") == 0;
        else if (strcmp(n, "aliasType") == 0)
            s->alias_type = v;
    } else if (strcmp(up, "translation") == 0) {
        if (strcmp(n, "script") == 0)
            s->tr_latin = strcasecmp(v, "Latin") == 0;
        else if (strcmp(n, "formattedFullName") == 0)
            s->formatted_full = v;
    } else if (strcmp(up, "namePart") == 0 || strcmp(up, "addressPart") == 0) {
        if (strcmp(n, "type") == 0)
            s->part_type = v;
        else if (strcmp(n, "value") == 0)
            s->part_value = v;
    } else if (strcmp(up, "address") == 0 && strcmp(n, "country") == 0) {
        s->ap[A_COUNTRY] = v;
    } else if (strcmp(up, "feature") == 0) {
        if (strcmp(n, "type") == 0)
            s->f_type = v;
        else if (strcmp(n, "value") == 0)
            s->f_value = *v ? v : NULL;
        else if (strcmp(n, "comments") == 0 && *v) {
            const char *k = cordon__xml_lower(e, s->f_type ? s->f_type : "feature");
            CORDON__XML_TRY(x, k && cordon__ent_add_attr(e, "feature_comment", v, strlen(v)));
        }
    } else if (strcmp(up, "valueDate") == 0) {
        if (strcmp(n, "fromDateBegin") == 0)
            s->f_from = v;
        else if (strcmp(n, "toDateEnd") == 0)
            s->f_to = v;
        else if (strcmp(n, "isApproximate") == 0)
            s->f_approx = strcmp(v, "true") == 0;
    } else if (strcmp(up, "identityDocument") == 0) {
        if (strcmp(n, "type") == 0)
            s->d_type = v;
        else if (strcmp(n, "documentNumber") == 0)
            s->d_number = v;
        else if (strcmp(n, "issuingCountry") == 0)
            s->d_country = v;
        else if (strcmp(n, "isValid") == 0)
            s->d_valid = v;
        else if (strcmp(n, "issuingAuthority") == 0)
            s->d_authority = v;
    } else if (strcmp(up, "relationship") == 0) {
        if (strcmp(n, "type") == 0)
            s->r_type = v;
        else if (strcmp(n, "relatedEntity") == 0)
            s->r_entity = v;
    }
    return CORDON_OK;
}

static int run(enh *s)
{
    for (;;) {
        int ev = cordon__xml_next(&s->x);
        if (ev < 0)
            return ev;
        if (ev == CORDON__XML_EOF)
            return declare(s);
        int rc = ev == CORDON__XML_START ? on_start(s) : on_end(s);
        if (rc)
            return rc;
    }
}

static int enh_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                     cordon_error *err)
{
    if (n != 1)
        return cordon__err(err, CORDON_E_INVALID, "ofac_enhanced_xml takes exactly one file");
    const cordon_options *o = cordon__sink_options(sink);
    enh s;
    memset(&s, 0, sizeof s);
    int rc = cordon__xml_open(&s.x, in, o, err);
    if (rc)
        return rc;
    const cordon__alloc *a = cordon__alloc_of(o);
    s.sink = sink;
    s.list_id = list_id;
    cordon__ent_init(&s.e, a);
    cordon__buf_init(&s.b, a);
    rc = run(&s);
    cordon__buf_free(&s.b);
    cordon__ent_destroy(&s.e);
    cordon__xml_close(&s.x);
    return rc;
}

static int enh_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    if (!cordon__xml_sniff(data, len, "sanctionsData", NULL))
        return 0;
    return cordon__xml_sniff(data, len, "sanctionsData", "ENHANCED_XML") ? 95 : 50;
}

const cordon__format cordon__fmt_ofac_enhanced_xml = {
    "ofac_enhanced_xml", "OFAC Sanctions List Service Enhanced XML", enh_detect, enh_parse};
