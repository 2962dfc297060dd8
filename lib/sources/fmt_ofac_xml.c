/* fmt_ofac_xml.c — OFAC classic XML (sdnList / sdnEntry), SDN and Consolidated. */
#include <stdio.h>
#include <string.h>

#include "sources/formats.h"
#include "sources/xml.h"

/* Fields of the sub-records (aka, id, address, nationality, dob, pob, vessel). */
enum {
    S_UID, S_TYPE, S_CATEGORY, S_FIRST, S_LAST, S_ID_TYPE, S_ID_NUMBER, S_ID_COUNTRY,
    S_ISSUE, S_EXPIRY, S_ADDR1, S_ADDR2, S_ADDR3, S_CITY, S_STATE, S_POSTAL, S_COUNTRY,
    S_DOB, S_POB, S_MAIN, S_N
};
static const char *const s_names[S_N] = {
    "uid", "type", "category", "firstName", "lastName", "idType", "idNumber", "idCountry",
    "issueDate", "expirationDate", "address1", "address2", "address3", "city",
    "stateOrProvince", "postalCode", "country", "dateOfBirth", "placeOfBirth", "mainEntry"};

typedef struct ofac_state {
    cordon__xml x;
    cordon__sink *sink;
    cordon__ent e;
    cordon__buf b;
    const char *f[S_N];
    const char *first, *last, *uid;
    const char *list_id;
    char date[24];
    bool listed, in_entry;
} ofac_state;

static int declare(ofac_state *s)
{
    if (s->listed)
        return CORDON_OK;
    s->listed = true;
    int rc = cordon__sink_list(s->sink, s->list_id, "US Treasury OFAC",
                               s->date[0] ? s->date : NULL, s->x.err);
    if (rc)
        s->x.rc = rc;
    return rc;
}

static int sub_end(ofac_state *s, const char *n)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    const char **f = s->f;
    if (strcmp(n, "aka") == 0) {
        const char *parts[2] = {f[S_FIRST], f[S_LAST]};
        const char *full = cordon__xml_join(e, &s->b, " ", parts, 2);
        CORDON__XML_TRY(x, full);
        if (!*full)
            return CORDON_OK;
        int kind = CORDON__NAME_AKA;
        if (f[S_CATEGORY] && strcasecmp(f[S_CATEGORY], "weak") == 0)
            kind = CORDON__NAME_WEAK;
        else if (f[S_TYPE] && strcasecmp(f[S_TYPE], "f.k.a.") == 0)
            kind = CORDON__NAME_FKA;
        bool person = e->type == CORDON__TYPE_PERSON;
        CORDON__XML_TRY(x, cordon__ent_add_name(e, kind, full, strlen(full),
                                                person ? f[S_FIRST] : NULL, CORDON_NUL_TERMINATED,
                                                NULL, 0, person ? f[S_LAST] : NULL,
                                                CORDON_NUL_TERMINATED));
    } else if (strcmp(n, "id") == 0) {
        const char *t = f[S_ID_TYPE] ? f[S_ID_TYPE] : "";
        const char *num = f[S_ID_NUMBER] ? f[S_ID_NUMBER] : "";
        if (strcasecmp(t, "Gender") == 0) {
            const char *g = cordon__xml_lower(e, num);
            CORDON__XML_TRY(x, g && cordon__ent_set(e, CORDON__F_GENDER, g, strlen(g)));
            return CORDON_OK;
        }
        if (!*t && !*num)
            return CORDON_OK;
        char note[96];
        note[0] = '\0';
        if (!cordon__xml_empty(f[S_ISSUE]))
            snprintf(note, sizeof note, "issued %s", f[S_ISSUE]);
        if (!cordon__xml_empty(f[S_EXPIRY]))
            snprintf(note + strlen(note), sizeof note - strlen(note), "%sexpires %s",
                     note[0] ? "; " : "", f[S_EXPIRY]);
        CORDON__XML_TRY(x, cordon__xml_ofac_add_id(e, t, num, f[S_ID_COUNTRY], note));
    } else if (strcmp(n, "address") == 0) {
        const char *p[7] = {f[S_ADDR1], f[S_ADDR2], f[S_ADDR3], f[S_CITY], f[S_STATE],
                            f[S_POSTAL], f[S_COUNTRY]};
        const char *a = cordon__xml_join(e, &s->b, ", ", p, 7);
        CORDON__XML_TRY(x, a && cordon__ent_add(e, CORDON__M_ADDRESS, a, strlen(a)));
        if (!cordon__xml_empty(f[S_COUNTRY]))
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_ADDRESS_COUNTRY, f[S_COUNTRY],
                                               strlen(f[S_COUNTRY])));
    } else if (strcmp(n, "nationality") == 0) {
        if (!cordon__xml_empty(f[S_COUNTRY]))
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_NATIONALITY, f[S_COUNTRY],
                                               strlen(f[S_COUNTRY])));
    } else if (strcmp(n, "citizenship") == 0) {
        if (!cordon__xml_empty(f[S_COUNTRY]))
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_CITIZENSHIP, f[S_COUNTRY],
                                               strlen(f[S_COUNTRY])));
    } else if (strcmp(n, "dateOfBirthItem") == 0) {
        const char *v = f[S_DOB];
        if (cordon__xml_empty(v))
            return CORDON_OK;
        cordon__date d;
        if (cordon__date_parse(v, strlen(v), &d)) {
            CORDON__XML_TRY(x, cordon__ent_add_dob(e, &d));
        } else {
            const char *r = e->scalar[CORDON__F_REMARKS];
            cordon__buf_reset(&s->b);
            cordon__buf_printf(&s->b, "%s%sDOB %s", r ? r : "", r ? "; " : "", v);
            CORDON__XML_TRY(x, !s->b.failed &&
                                   cordon__ent_set(e, CORDON__F_REMARKS, s->b.data, s->b.len));
        }
    } else if (strcmp(n, "placeOfBirthItem") == 0) {
        if (!cordon__xml_empty(f[S_POB]))
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_POB, f[S_POB], strlen(f[S_POB])));
    }
    return CORDON_OK;
}

static int entry_leaf(ofac_state *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    const char *n = x->name;
    const char *v = cordon__xml_keep(x, e);
    CORDON__XML_TRY(x, v);
    if (strcmp(n, "uid") == 0)
        s->uid = v;
    else if (strcmp(n, "firstName") == 0)
        s->first = v;
    else if (strcmp(n, "lastName") == 0)
        s->last = v;
    else if (!*v)
        return CORDON_OK;
    else if (strcmp(n, "sdnType") == 0) {
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
    } else if (strcmp(n, "title") == 0)
        CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_TITLE, v, strlen(v)));
    else if (strcmp(n, "remarks") == 0) {
        const char *r = e->scalar[CORDON__F_REMARKS];
        if (r) { /* an unreadable DOB came first */
            cordon__buf_reset(&s->b);
            cordon__buf_printf(&s->b, "%s; %s", v, r);
            CORDON__XML_TRY(x, !s->b.failed &&
                                   cordon__ent_set(e, CORDON__F_REMARKS, s->b.data, s->b.len));
        } else {
            CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_REMARKS, v, strlen(v)));
        }
    } else {
        const char *k = cordon__xml_lower(e, n);
        CORDON__XML_TRY(x, k && cordon__ent_add_attr(e, k, v, strlen(v)));
    }
    return CORDON_OK;
}

static int vessel_leaf(ofac_state *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    static const struct {
        const char *el, *key;
    } map[] = {{"callSign", "call_sign"},       {"vesselType", "vessel_type"},
               {"vesselFlag", "vessel_flag"},   {"vesselOwner", "owner"},
               {"tonnage", "tonnage"},          {"grossRegisteredTonnage", "gross_registered_tonnage"}};
    if (!cordon__xml_has_text(x))
        return CORDON_OK;
    const char *key = NULL;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(x->name, map[i].el) == 0)
            key = map[i].key;
    if (!key) {
        key = cordon__xml_lower(e, x->name);
        CORDON__XML_TRY(x, key);
    }
    CORDON__XML_TRY(x, cordon__ent_add_attr(e, key, x->text, x->text_len));
    return CORDON_OK;
}

static int end_entry(ofac_state *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    if (s->uid)
        CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_ID, s->uid, strlen(s->uid)));
    const char *parts[2] = {s->first, s->last};
    const char *full = cordon__xml_join(e, &s->b, " ", parts, 2);
    CORDON__XML_TRY(x, full);
    if (*full) {
        size_t keep = e->n_names;
        bool person = e->type == CORDON__TYPE_PERSON;
        CORDON__XML_TRY(x, cordon__ent_add_name(e, CORDON__NAME_PRIMARY, full, strlen(full),
                                                person ? s->first : NULL, CORDON_NUL_TERMINATED,
                                                NULL, 0, person ? s->last : NULL,
                                                CORDON_NUL_TERMINATED));
        if (e->n_names == keep + 1 && keep > 0) {
            cordon__ent_name pn = e->names[keep];
            memmove(e->names + 1, e->names, keep * sizeof *e->names);
            e->names[0] = pn;
        }
    }
    int rc = declare(s);
    if (rc)
        return rc;
    return cordon__xml_emit(x, s->sink, e);
}

static int run(ofac_state *s)
{
    cordon__xml *x = &s->x;
    for (;;) {
        int ev = cordon__xml_next(x);
        if (ev < 0)
            return ev;
        if (ev == CORDON__XML_EOF)
            return declare(s);
        if (ev == CORDON__XML_START) {
            if (x->depth == 0) {
                if (!cordon__xml_is(x, "sdnList"))
                    return cordon__xml_fail(x, CORDON_E_FORMAT,
                                            "not an OFAC sdnList document (root <%s>)", x->name);
            } else if (x->depth == 1 && cordon__xml_is(x, "sdnEntry")) {
                cordon__ent_clear(&s->e);
                s->first = s->last = s->uid = NULL;
                s->in_entry = true;
            } else if (x->depth == 3 && s->in_entry) {
                memset(s->f, 0, sizeof s->f);
            }
            continue;
        }
        /* END */
        if (x->depth == 2 && cordon__xml_is(x, "Publish_Date") &&
            strcmp(cordon__xml_up(x, 1), "publshInformation") == 0) {
            /* always US order: MM/DD/YYYY */
            unsigned m, d, y;
            if (sscanf(x->text, " %2u/%2u/%4u", &m, &d, &y) == 3 && m >= 1 && m <= 12 && d >= 1 &&
                d <= 31)
                snprintf(s->date, sizeof s->date, "%04u-%02u-%02u", y, m, d);
        } else if (!s->in_entry) {
            continue;
        } else if (x->depth == 1) {
            s->in_entry = false;
            int rc = end_entry(s);
            if (rc)
                return rc;
        } else if (x->depth == 2 && x->leaf) {
            int rc = entry_leaf(s);
            if (rc)
                return rc;
        } else if (x->depth == 3 && x->leaf) {
            const char *parent = cordon__xml_up(x, 1);
            int rc = CORDON_OK;
            if (strcmp(parent, "programList") == 0) {
                CORDON__XML_TRY(x, cordon__ent_add(&s->e, CORDON__M_PROGRAM, x->text, x->text_len));
            } else if (strcmp(parent, "vesselInfo") == 0) {
                rc = vessel_leaf(s);
            }
            if (rc)
                return rc;
        } else if (x->depth == 3) {
            int rc = sub_end(s, x->name);
            if (rc)
                return rc;
        } else if (x->depth == 4 && x->leaf) {
            for (int i = 0; i < S_N; i++) {
                if (strcmp(x->name, s_names[i]) == 0) {
                    s->f[i] = cordon__xml_keep(x, &s->e);
                    CORDON__XML_TRY(x, s->f[i]);
                    break;
                }
            }
        }
    }
}

/* SDN or Consolidated: the file does not say; its name usually does. */
static const char *default_list(const cordon__input *in)
{
    const char *base = in->name ? strrchr(in->name, '/') : NULL;
    base = base ? base + 1 : (in->name ? in->name : "");
    for (const char *p = base; *p; p++)
        if (strncasecmp(p, "cons", 4) == 0 || strncasecmp(p, "non_sdn", 7) == 0 ||
            strncasecmp(p, "nonsdn", 6) == 0)
            return "us_ofac_cons";
    return "us_ofac_sdn";
}

static int ofac_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                      cordon_error *err)
{
    if (n != 1)
        return cordon__err(err, CORDON_E_INVALID, "ofac_xml takes exactly one file");
    const cordon_options *o = cordon__sink_options(sink);
    ofac_state s;
    memset(&s, 0, sizeof s);
    int rc = cordon__xml_open(&s.x, in, o, err);
    if (rc)
        return rc;
    const cordon__alloc *a = cordon__alloc_of(o);
    s.sink = sink;
    s.list_id = list_id ? list_id : default_list(in);
    cordon__ent_init(&s.e, a);
    cordon__buf_init(&s.b, a);
    rc = run(&s);
    cordon__buf_free(&s.b);
    cordon__ent_destroy(&s.e);
    cordon__xml_close(&s.x);
    return rc;
}

static int ofac_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    return cordon__xml_sniff(data, len, "sdnList", NULL) ? 90 : 0;
}

const cordon__format cordon__fmt_ofac_xml = {
    "ofac_xml", "OFAC SDN / Consolidated list, classic XML (sdnList)", ofac_detect, ofac_parse};
