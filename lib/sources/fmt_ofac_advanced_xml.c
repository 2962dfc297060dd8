/* fmt_ofac_advanced_xml.c — OFAC "advanced" XML (Sanctions schema of
 * SDN_ADVANCED.XML / cons_advanced.xml).
 *
 * Two streaming passes over the in-memory document: the first collects the
 * reference value sets, locations, ID documents and sanctions entries into
 * compact sorted tables (strings in one pool); the second streams the
 * DistinctParties and delivers one entity per party, resolving IDs through
 * the tables. Memory: the tables, never a tree of the document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sources/formats.h"
#include "sources/xml.h"

/* Reference value sets we resolve (element name inside ReferenceValueSets). */
static const char *const ref_sets[] = {
    "AliasType", "AreaCode", "Country", "DetailReference", "FeatureType", "IDRegDocType",
    "IDRegDocDateType", "LegalBasis", "List", "LocPartType", "NamePartType", "PartySubType",
    "PartyType", "SanctionsProgram", "SanctionsType", "Script", "DocNameStatus"};
enum {
    R_ALIAS, R_AREA, R_COUNTRY, R_DETAIL, R_FEATURE, R_DOCTYPE, R_DOCDATE, R_LEGAL, R_LIST,
    R_LOCPART, R_NAMEPART, R_SUBTYPE, R_PARTYTYPE, R_PROGRAM, R_SANCTYPE, R_SCRIPT, R_DOCNAME,
    R_N
};

typedef struct ref {
    int64_t key;   /* set * 2^40 + ID */
    size_t val;    /* pool offset + 1 of the text */
    size_t extra;  /* AreaCode: Description; PartySubType: PartyTypeID as text */
} ref;

typedef struct loc {
    int64_t id;
    size_t addr;    /* formatted address */
    size_t country; /* country name */
} loc;

typedef struct doc {
    int64_t identity;
    int64_t type_id, country_id;
    size_t number, note;
} doc;

typedef struct sent {
    int64_t profile;
    int kind; /* 0 program, 1 listing date, 2 list name */
    size_t text;
} sent;

typedef struct ydm {
    int y, m, d;
} ydm;

/* a documented name being assembled inside an Identity */
typedef struct dname {
    int kind;
    bool latin;
    size_t first_part, n_parts;
} dname;

typedef struct npart {
    int64_t group;
    const char *value;
} npart;

typedef struct ngroup {
    int64_t group, type_id;
} ngroup;

typedef struct adv {
    cordon__xml x;
    cordon__sink *sink;
    const cordon__alloc *a;
    cordon__buf pool;
    ref *refs; size_t n_refs, cap_refs;
    loc *locs; size_t n_locs, cap_locs;
    doc *docs; size_t n_docs, cap_docs;
    sent *sents; size_t n_sents, cap_sents;
    char date[24];
    bool cons;
    /* pass-1 scratch */
    loc cur_loc;
    const char *loc_parts[8]; /* ADDRESS1,2,3, CITY, STATE, POSTAL, REGION, other */
    int64_t loc_part_type;
    doc cur_doc;
    int64_t cur_profile;
    ydm cur_date;
    cordon__buf tmp, tmp2;
    /* pass 2 */
    cordon__ent e;
    dname *dn; size_t n_dn, cap_dn;
    npart *parts; size_t n_parts, cap_parts;
    ngroup *groups; size_t n_groups, cap_groups;
    int alias_kind;
    bool alias_low;
    int64_t feature_type;
    int64_t f_detail_ref, f_loc;
    const char *f_text;
    ydm sf, st, ef, et;
    bool approx;
    int date_slot; /* 1 sF, 2 sT, 3 eF, 4 eT */
    bool in_party;
    int64_t identity_ids[8];
    size_t n_identity;
} adv;

#define NOMEM(s) cordon__xml_fail(&(s)->x, CORDON_E_NOMEM, "out of memory")

static size_t pool_add(adv *s, const char *p, size_t n)
{
    while (n > 0 && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) {
        p++;
        n--;
    }
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\n' || p[n - 1] == '\r' || p[n - 1] == '\t'))
        n--;
    if (n == 0)
        return 0;
    size_t off = s->pool.len;
    if (!cordon__buf_append(&s->pool, p, n) || !cordon__buf_putc(&s->pool, '\0'))
        return (size_t)-1;
    return off + 1;
}

static const char *P(const adv *s, size_t off)
{
    return off && off != (size_t)-1 ? s->pool.data + off - 1 : NULL;
}

static int64_t attr_int(cordon__xml *x, const char *name)
{
    return cordon__xml_int(cordon__xml_attr(x, name));
}

#define PUSH(s, arr, n, cap, item)                                                   \
    do {                                                                             \
        if ((n) == (cap)) {                                                          \
            void *np_ = cordon__grow((s)->a, (arr), &(cap), (n) + 1, sizeof *(arr)); \
            if (!np_)                                                                \
                return NOMEM(s);                                                     \
            (arr) = np_;                                                             \
        }                                                                            \
        (arr)[(n)++] = (item);                                                       \
    } while (0)

static int cmp_ref(const void *a, const void *b)
{
    int64_t x = ((const ref *)a)->key, y = ((const ref *)b)->key;
    return x < y ? -1 : x > y;
}
static int cmp_loc(const void *a, const void *b)
{
    int64_t x = ((const loc *)a)->id, y = ((const loc *)b)->id;
    return x < y ? -1 : x > y;
}
static int cmp_doc(const void *a, const void *b)
{
    int64_t x = ((const doc *)a)->identity, y = ((const doc *)b)->identity;
    return x < y ? -1 : x > y;
}
static int cmp_sent(const void *a, const void *b)
{
    int64_t x = ((const sent *)a)->profile, y = ((const sent *)b)->profile;
    return x < y ? -1 : x > y;
}

static const ref *ref_get(const adv *s, int set, int64_t id)
{
    if (id < 0)
        return NULL;
    ref k = {((int64_t)set << 40) + id, 0, 0};
    return bsearch(&k, s->refs, s->n_refs, sizeof *s->refs, cmp_ref);
}

static const char *ref_text(const adv *s, int set, int64_t id)
{
    const ref *r = ref_get(s, set, id);
    return r ? P(s, r->val) : NULL;
}

static const loc *loc_get(const adv *s, int64_t id)
{
    loc k = {id, 0, 0};
    return bsearch(&k, s->locs, s->n_locs, sizeof *s->locs, cmp_loc);
}

/* country name of a Country or AreaCode ID */
static const char *country_name(const adv *s, int64_t id)
{
    const char *c = ref_text(s, R_COUNTRY, id);
    if (!c) {
        const ref *r = ref_get(s, R_AREA, id);
        c = r ? (r->extra ? P(s, r->extra) : P(s, r->val)) : NULL;
    }
    /* "undetermined" stands for no country (the classic XML omits it) */
    if (c && strcasecmp(c, "undetermined") == 0)
        return NULL;
    return c;
}

/* ---- pass 1 ---------------------------------------------------------------- */

static int ref_start(adv *s)
{
    (void)s;
    return CORDON_OK;
}

static int pass1(adv *s)
{
    cordon__xml *x = &s->x;
    int section = 0; /* 1 refs, 2 locations, 3 docs, 4 entries, 5 date of issue */
    for (;;) {
        int ev = cordon__xml_next(x);
        if (ev < 0)
            return ev;
        if (ev == CORDON__XML_EOF)
            break;
        if (ev == CORDON__XML_START) {
            if (x->depth == 0) {
                if (!cordon__xml_is(x, "Sanctions"))
                    return cordon__xml_fail(x, CORDON_E_FORMAT,
                                            "not an OFAC advanced XML document (root <%s>)",
                                            x->name);
                continue;
            }
            if (x->depth == 1) {
                section = 0;
                if (cordon__xml_is(x, "ReferenceValueSets"))
                    section = 1;
                else if (cordon__xml_is(x, "Locations"))
                    section = 2;
                else if (cordon__xml_is(x, "IDRegDocuments"))
                    section = 3;
                else if (cordon__xml_is(x, "SanctionsEntries"))
                    section = 4;
                else if (cordon__xml_is(x, "DateOfIssue"))
                    section = 5;
                else {
                    int rc = cordon__xml_skip(x); /* DistinctParties etc. */
                    if (rc)
                        return rc;
                }
                memset(&s->cur_date, 0, sizeof s->cur_date);
                continue;
            }
            if (section == 2 && x->depth == 2) {
                memset(&s->cur_loc, 0, sizeof s->cur_loc);
                memset(s->loc_parts, 0, sizeof s->loc_parts);
                s->cur_loc.id = attr_int(x, "ID");
            } else if (section == 2 && x->depth == 3) {
                if (cordon__xml_is(x, "LocationCountry")) {
                    const char *c = country_name(s, attr_int(x, "CountryID"));
                    if (c)
                        s->cur_loc.country = (size_t)(c - s->pool.data) + 1;
                } else if (cordon__xml_is(x, "LocationAreaCode") && !s->cur_loc.country) {
                    const char *c = country_name(s, attr_int(x, "AreaCodeID"));
                    if (c)
                        s->cur_loc.country = (size_t)(c - s->pool.data) + 1;
                } else if (cordon__xml_is(x, "LocationPart")) {
                    s->loc_part_type = attr_int(x, "LocPartTypeID");
                }
            } else if (section == 3 && x->depth == 2) {
                memset(&s->cur_doc, 0, sizeof s->cur_doc);
                s->cur_doc.identity = attr_int(x, "IdentityID");
                s->cur_doc.type_id = attr_int(x, "IDRegDocTypeID");
                s->cur_doc.country_id = attr_int(x, "IssuedBy-CountryID");
                cordon__buf_reset(&s->tmp2);
            } else if (section == 3 && x->depth == 3 && cordon__xml_is(x, "DocumentDate")) {
                const char *t = ref_text(s, R_DOCDATE, attr_int(x, "IDRegDocDateTypeID"));
                cordon__buf_printf(&s->tmp2, "%s%s ", s->tmp2.len ? "; " : "", t ? t : "date");
                memset(&s->cur_date, 0, sizeof s->cur_date);
            } else if (section == 4 && x->depth == 2) {
                s->cur_profile = attr_int(x, "ProfileID");
                const char *list = ref_text(s, R_LIST, attr_int(x, "ListID"));
                if (list) {
                    if (strcmp(list, "Consolidated List") == 0)
                        s->cons = true;
                    sent se = {s->cur_profile, 2, (size_t)(list - s->pool.data) + 1};
                    PUSH(s, s->sents, s->n_sents, s->cap_sents, se);
                }
            } else if (section == 4 && x->depth == 3 && cordon__xml_is(x, "SanctionsMeasure")) {
                const char *t = ref_text(s, R_SANCTYPE, attr_int(x, "SanctionsTypeID"));
                s->cur_date.y = t && strcmp(t, "Program") == 0; /* reuse: program flag */
            } else if (section == 4 && x->depth == 3 && cordon__xml_is(x, "EntryEvent")) {
                memset(&s->cur_date, 0, sizeof s->cur_date);
            } else if (section == 1 && x->depth == 3) {
                int set = -1;
                for (int i = 0; i < R_N; i++)
                    if (strcmp(x->name, ref_sets[i]) == 0)
                        set = i;
                if (set < 0) {
                    int rc = cordon__xml_skip(x);
                    if (rc)
                        return rc;
                    continue;
                }
                ref r = {((int64_t)set << 40) + attr_int(x, "ID"), 0, 0};
                const char *ex = NULL;
                if (set == R_AREA)
                    ex = cordon__xml_attr(x, "Description");
                else if (set == R_SUBTYPE)
                    ex = cordon__xml_attr(x, "PartyTypeID");
                if (ex) {
                    r.extra = pool_add(s, ex, strlen(ex));
                    if (r.extra == (size_t)-1)
                        return NOMEM(s);
                }
                PUSH(s, s->refs, s->n_refs, s->cap_refs, r);
                ref_start(s);
            }
            continue;
        }
        /* END */
        if (section == 1 && x->depth == 3 && s->n_refs) {
            ref *r = &s->refs[s->n_refs - 1];
            r->val = pool_add(s, x->text, x->text_len);
            if (r->val == (size_t)-1)
                return NOMEM(s);
        } else if (section == 1 && x->depth == 1) {
            qsort(s->refs, s->n_refs, sizeof *s->refs, cmp_ref);
        } else if (x->leaf && (cordon__xml_is(x, "Year") || cordon__xml_is(x, "Month") ||
                               cordon__xml_is(x, "Day"))) {
            long long v = cordon__xml_int(x->text);
            if (v < 0 || v > 9999)
                v = 0;
            if (cordon__xml_is(x, "Year"))
                s->cur_date.y = (int)v;
            else if (cordon__xml_is(x, "Month"))
                s->cur_date.m = (int)v;
            else
                s->cur_date.d = (int)v;
            if (section == 5 && cordon__xml_is(x, "Day") && s->cur_date.y)
                snprintf(s->date, sizeof s->date, "%04d-%02d-%02d", s->cur_date.y, s->cur_date.m,
                         s->cur_date.d);
        } else if (section == 2 && x->depth == 5 && cordon__xml_is(x, "Value")) {
            static const int64_t types[7] = {1451, 1452, 1453, 1454, 1455, 1456, 1450};
            int slot = 7;
            const char *tn = ref_text(s, R_LOCPART, s->loc_part_type);
            static const char *const tnames[7] = {"ADDRESS1", "ADDRESS2",    "ADDRESS3", "CITY",
                                                  "STATE/PROVINCE", "POSTAL CODE", "REGION"};
            for (int i = 0; i < 7; i++)
                if ((tn && strcmp(tn, tnames[i]) == 0) || (!tn && s->loc_part_type == types[i]))
                    slot = i;
            const char *v = cordon__ent_str(&s->e, x->text, x->text_len);
            if (!v)
                return NOMEM(s);
            if (slot == 7 && s->loc_parts[7]) {
                const char *two[2] = {s->loc_parts[7], v};
                v = cordon__xml_join(&s->e, &s->tmp, ", ", two, 2);
                if (!v)
                    return NOMEM(s);
            }
            s->loc_parts[slot] = v;
        } else if (section == 2 && x->depth == 2) {
            const char *parts[9];
            memcpy(parts, s->loc_parts, 7 * sizeof *parts);
            parts[7] = s->loc_parts[7];
            parts[8] = P(s, s->cur_loc.country);
            const char *a = cordon__xml_join(&s->e, &s->tmp, ", ", parts, 9);
            if (!a)
                return NOMEM(s);
            s->cur_loc.addr = pool_add(s, a, strlen(a));
            if (s->cur_loc.addr == (size_t)-1)
                return NOMEM(s);
            PUSH(s, s->locs, s->n_locs, s->cap_locs, s->cur_loc);
            cordon__ent_clear(&s->e);
        } else if (section == 3 && x->depth == 3 && cordon__xml_is(x, "IDRegistrationNo")) {
            s->cur_doc.number = pool_add(s, x->text, x->text_len);
            if (s->cur_doc.number == (size_t)-1)
                return NOMEM(s);
        } else if (section == 3 && x->depth == 3 &&
                   (cordon__xml_is(x, "IssuingAuthority") || cordon__xml_is(x, "Comment"))) {
            if (cordon__xml_has_text(x)) {
                cordon__buf_puts(&s->tmp2, s->tmp2.len ? "; " : "");
                cordon__buf_append(&s->tmp2, x->text, x->text_len);
            }
        } else if (section == 3 && x->depth == 3 && cordon__xml_is(x, "DocumentDate")) {
            cordon__buf_printf(&s->tmp2, "%04d-%02d-%02d", s->cur_date.y, s->cur_date.m,
                               s->cur_date.d);
        } else if (section == 3 && x->depth == 2) {
            if (s->tmp2.failed)
                return NOMEM(s);
            if (s->tmp2.len) {
                s->cur_doc.note = pool_add(s, s->tmp2.data, s->tmp2.len);
                if (s->cur_doc.note == (size_t)-1)
                    return NOMEM(s);
            }
            PUSH(s, s->docs, s->n_docs, s->cap_docs, s->cur_doc);
        } else if (section == 4 && x->depth == 4 && cordon__xml_is(x, "Comment") &&
                   cordon__xml_is(x, "Comment") && s->cur_date.y == 1 &&
                   strcmp(cordon__xml_up(x, 1), "SanctionsMeasure") == 0) {
            size_t t = pool_add(s, x->text, x->text_len);
            if (t == (size_t)-1)
                return NOMEM(s);
            if (t) {
                sent se = {s->cur_profile, 0, t};
                PUSH(s, s->sents, s->n_sents, s->cap_sents, se);
            }
        } else if (section == 4 && x->depth == 3 && cordon__xml_is(x, "EntryEvent") &&
                   s->cur_date.y > 1) {
            char d[24];
            snprintf(d, sizeof d, "%04d-%02d-%02d", s->cur_date.y, s->cur_date.m, s->cur_date.d);
            size_t t = pool_add(s, d, strlen(d));
            if (t == (size_t)-1)
                return NOMEM(s);
            sent se = {s->cur_profile, 1, t};
            PUSH(s, s->sents, s->n_sents, s->cap_sents, se);
        }
    }
    qsort(s->locs, s->n_locs, sizeof *s->locs, cmp_loc);
    qsort(s->docs, s->n_docs, sizeof *s->docs, cmp_doc);
    /* stable order within a profile matters little; keep document order by
     * sorting on (profile) with a stable merge: qsort is enough here since
     * programs are de-duplicated and the earliest date is chosen below. */
    qsort(s->sents, s->n_sents, sizeof *s->sents, cmp_sent);
    return CORDON_OK;
}

/* ---- pass 2 ---------------------------------------------------------------- */

/* A DatePeriod (Start From/To, End From/To) to a cordon__date. */
static bool period_date(const adv *s, cordon__date *out)
{
    ydm a = s->sf.y ? s->sf : s->st;
    ydm b = s->et.y ? s->et : (s->ef.y ? s->ef : a);
    return cordon__xml_span_date(a.y, a.m, a.d, b.y, b.m, b.d, s->approx, out);
}

static int name_kind(const adv *s, int64_t alias_type, bool primary)
{
    const char *t = ref_text(s, R_ALIAS, alias_type);
    if (!t)
        return primary ? CORDON__NAME_PRIMARY : CORDON__NAME_AKA;
    if (strcasecmp(t, "F.K.A.") == 0)
        return CORDON__NAME_FKA;
    if (strcasecmp(t, "Name") == 0 && primary)
        return CORDON__NAME_PRIMARY;
    return CORDON__NAME_AKA;
}

static int end_identity(adv *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    bool person = e->type == CORDON__TYPE_PERSON;
    for (size_t i = 0; i < s->n_dn; i++) {
        const dname *d = &s->dn[i];
        const char *given = NULL, *middle = NULL, *family = NULL;
        const char *other[16];
        size_t n_other = 0;
        for (size_t k = d->first_part; k < d->first_part + d->n_parts; k++) {
            const npart *p = &s->parts[k];
            int64_t type = -1;
            for (size_t g = 0; g < s->n_groups; g++)
                if (s->groups[g].group == p->group)
                    type = s->groups[g].type_id;
            const char *tn = ref_text(s, R_NAMEPART, type);
            tn = tn ? tn : "";
            const char **slot = NULL;
            if (strcmp(tn, "First Name") == 0)
                slot = &given;
            else if (strcmp(tn, "Middle Name") == 0 || strcmp(tn, "Patronymic") == 0 ||
                     strcmp(tn, "Matronymic") == 0)
                slot = &middle;
            else if (strcmp(tn, "Last Name") == 0 || strcmp(tn, "Maiden Name") == 0)
                slot = &family;
            if (slot && !*slot) {
                *slot = p->value;
            } else if (slot) {
                const char *two[2] = {*slot, p->value};
                *slot = cordon__xml_join(e, &s->tmp, " ", two, 2);
                CORDON__XML_TRY(x, *slot);
            } else if (n_other < 16) {
                other[n_other++] = p->value;
            }
        }
        const char *full;
        if (given || middle || family) {
            const char *seq[19] = {given, middle, family};
            for (size_t k = 0; k < n_other; k++)
                seq[3 + k] = other[k];
            full = cordon__xml_join(e, &s->tmp, " ", seq, 3 + n_other);
        } else {
            full = cordon__xml_join(e, &s->tmp, " ", other, n_other);
        }
        CORDON__XML_TRY(x, full);
        if (!*full)
            continue;
        int kind = d->latin ? d->kind : CORDON__NAME_ORIGINAL;
        CORDON__XML_TRY(x, cordon__ent_add_name(e, kind, full, strlen(full),
                                                person ? given : NULL, CORDON_NUL_TERMINATED,
                                                person ? middle : NULL, CORDON_NUL_TERMINATED,
                                                person ? family : NULL, CORDON_NUL_TERMINATED));
    }
    s->n_dn = s->n_parts = s->n_groups = 0;
    return CORDON_OK;
}

static int end_feature(adv *s)
{
    const char *ft = ref_text(s, R_FEATURE, s->feature_type);
    const loc *l = s->f_loc >= 0 ? loc_get(s, s->f_loc) : NULL;
    const char *detail = ref_text(s, R_DETAIL, s->f_detail_ref);
    cordon__date d;
    bool has_date = period_date(s, &d);
    return cordon__xml_ofac_feature(&s->x, &s->e, ft ? ft : "", detail ? detail : s->f_text,
                                    l ? P(s, l->addr) : NULL, l ? P(s, l->country) : NULL,
                                    has_date ? &d : NULL);
}

static int end_party(adv *s, int64_t profile)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    /* ID documents of the party's identities */
    for (size_t i = 0; i < s->n_identity; i++) {
        doc k = {s->identity_ids[i], 0, 0, 0, 0};
        doc *d = bsearch(&k, s->docs, s->n_docs, sizeof *s->docs, cmp_doc);
        if (!d)
            continue;
        while (d > s->docs && d[-1].identity == k.identity)
            d--;
        for (; d < s->docs + s->n_docs && d->identity == k.identity; d++) {
            const char *t = ref_text(s, R_DOCTYPE, d->type_id);
            CORDON__XML_TRY(x, cordon__xml_ofac_add_id(e, t ? t : "document", P(s, d->number),
                                                       country_name(s, d->country_id),
                                                       P(s, d->note)));
        }
    }
    /* programs, listing date, lists */
    sent k = {profile, 0, 0};
    sent *se = bsearch(&k, s->sents, s->n_sents, sizeof *s->sents, cmp_sent);
    const char *listed = NULL;
    if (se) {
        while (se > s->sents && se[-1].profile == profile)
            se--;
        for (; se < s->sents + s->n_sents && se->profile == profile; se++) {
            const char *t = P(s, se->text);
            if (!t)
                continue;
            if (se->kind == 0)
                CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_PROGRAM, t, strlen(t)));
            else if (se->kind == 1 && (!listed || strcmp(t, listed) < 0))
                listed = t;
            else if (se->kind == 2) {
                bool dup = false;
                for (size_t i = 0; i < e->n_attrs; i++)
                    dup |= strcmp(e->attrs[i].key, "ofac_list") == 0 &&
                           strcmp(e->attrs[i].value, t) == 0;
                if (!dup)
                    CORDON__XML_TRY(x, cordon__ent_add_attr(e, "ofac_list", t, strlen(t)));
            }
        }
    }
    if (listed)
        CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_LISTED_ON, listed, strlen(listed)));
    /* primary name first */
    for (size_t i = 1; i < e->n_names; i++) {
        if (e->names[i].kind == CORDON__NAME_PRIMARY && e->names[0].kind != CORDON__NAME_PRIMARY) {
            cordon__ent_name pn = e->names[i];
            memmove(e->names + 1, e->names, i * sizeof *e->names);
            e->names[0] = pn;
            break;
        }
    }
    return cordon__xml_emit(x, s->sink, e);
}

static int pass2(adv *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    int64_t profile = -1;
    bool in_parties = false;
    for (;;) {
        int ev = cordon__xml_next(x);
        if (ev < 0)
            return ev;
        if (ev == CORDON__XML_EOF)
            return CORDON_OK;
        const char *n = x->name;
        if (ev == CORDON__XML_START) {
            if (x->depth == 1) {
                in_parties = cordon__xml_is(x, "DistinctParties");
                if (!in_parties) {
                    int rc = cordon__xml_skip(x);
                    if (rc)
                        return rc;
                }
                continue;
            }
            if (!in_parties)
                continue;
            if (x->depth == 2) {
                cordon__ent_clear(e);
                const char *fr = cordon__xml_attr(x, "FixedRef");
                if (fr)
                    CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_ID, fr, strlen(fr)));
                profile = -1;
                s->n_identity = 0;
                s->in_party = true;
            } else if (strcmp(n, "Profile") == 0) {
                profile = attr_int(x, "ID");
                const ref *st = ref_get(s, R_SUBTYPE, attr_int(x, "PartySubTypeID"));
                int type = CORDON__TYPE_UNKNOWN;
                if (st) {
                    const char *sn = P(s, st->val);
                    const char *pt = ref_text(s, R_PARTYTYPE, cordon__xml_int(P(s, st->extra)));
                    if (sn && strcmp(sn, "Vessel") == 0)
                        type = CORDON__TYPE_VESSEL;
                    else if (sn && strcmp(sn, "Aircraft") == 0)
                        type = CORDON__TYPE_AIRCRAFT;
                    else if (pt && strcmp(pt, "Individual") == 0)
                        type = CORDON__TYPE_PERSON;
                    else if (pt && strcmp(pt, "Entity") == 0)
                        type = CORDON__TYPE_ORGANIZATION;
                }
                cordon__ent_set_type(e, type);
            } else if (strcmp(n, "Identity") == 0) {
                if (s->n_identity < sizeof s->identity_ids / sizeof s->identity_ids[0])
                    s->identity_ids[s->n_identity++] = attr_int(x, "ID");
                s->n_dn = s->n_parts = s->n_groups = 0;
            } else if (strcmp(n, "Alias") == 0) {
                const char *pr = cordon__xml_attr(x, "Primary");
                bool primary = pr && strcmp(pr, "true") == 0;
                const char *lq = cordon__xml_attr(x, "LowQuality");
                s->alias_low = lq && strcmp(lq, "true") == 0;
                s->alias_kind = name_kind(s, attr_int(x, "AliasTypeID"), primary);
                if (s->alias_low)
                    s->alias_kind = CORDON__NAME_WEAK;
            } else if (strcmp(n, "DocumentedName") == 0) {
                dname d = {s->alias_kind, true, s->n_parts, 0};
                PUSH(s, s->dn, s->n_dn, s->cap_dn, d);
            } else if (strcmp(n, "NamePartValue") == 0 && s->n_dn) {
                const char *sc = ref_text(s, R_SCRIPT, attr_int(x, "ScriptID"));
                if (sc && strcmp(sc, "Latin") != 0)
                    s->dn[s->n_dn - 1].latin = false;
                npart p = {attr_int(x, "NamePartGroupID"), NULL};
                PUSH(s, s->parts, s->n_parts, s->cap_parts, p);
                s->dn[s->n_dn - 1].n_parts++;
            } else if (strcmp(n, "NamePartGroup") == 0) {
                ngroup g = {attr_int(x, "ID"), attr_int(x, "NamePartTypeID")};
                PUSH(s, s->groups, s->n_groups, s->cap_groups, g);
            } else if (strcmp(n, "Feature") == 0) {
                s->feature_type = attr_int(x, "FeatureTypeID");
                s->f_detail_ref = s->f_loc = -1;
                s->f_text = NULL;
                memset(&s->sf, 0, sizeof s->sf);
                s->st = s->ef = s->et = s->sf;
                s->approx = false;
            } else if (strcmp(n, "VersionDetail") == 0) {
                int64_t r = attr_int(x, "DetailReferenceID");
                if (r >= 0)
                    s->f_detail_ref = r;
            } else if (strcmp(n, "VersionLocation") == 0) {
                s->f_loc = attr_int(x, "LocationID");
            } else if (strcmp(n, "Start") == 0 || strcmp(n, "End") == 0) {
                const char *ap = cordon__xml_attr(x, "Approximate");
                if (ap && strcmp(ap, "true") == 0)
                    s->approx = true;
            } else if (strcmp(n, "From") == 0 || strcmp(n, "To") == 0) {
                bool start = strcmp(cordon__xml_up(x, 1), "Start") == 0;
                s->date_slot = start ? (n[0] == 'F' ? 1 : 2) : (n[0] == 'F' ? 3 : 4);
            }
            continue;
        }
        /* END */
        if (!in_parties || !s->in_party)
            continue;
        if (x->depth == 2) {
            s->in_party = false;
            int rc = end_party(s, profile);
            if (rc)
                return rc;
        } else if (strcmp(n, "NamePartValue") == 0 && s->n_parts) {
            s->parts[s->n_parts - 1].value = cordon__xml_keep(x, e);
            CORDON__XML_TRY(x, s->parts[s->n_parts - 1].value);
        } else if (strcmp(n, "Identity") == 0) {
            int rc = end_identity(s);
            if (rc)
                return rc;
        } else if (strcmp(n, "Feature") == 0) {
            int rc = end_feature(s);
            if (rc)
                return rc;
        } else if (strcmp(n, "VersionDetail") == 0 && cordon__xml_has_text(x)) {
            s->f_text = cordon__xml_keep(x, e);
            CORDON__XML_TRY(x, s->f_text);
        } else if (strcmp(n, "Comment") == 0 && x->depth == 3 && cordon__xml_has_text(x)) {
            CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_REMARKS, x->text, x->text_len));
        } else if (x->leaf && (strcmp(n, "Year") == 0 || strcmp(n, "Month") == 0 ||
                               strcmp(n, "Day") == 0)) {
            ydm *slot = s->date_slot == 1 ? &s->sf
                        : s->date_slot == 2 ? &s->st
                        : s->date_slot == 3 ? &s->ef
                                            : &s->et;
            long long v = cordon__xml_int(x->text);
            if (v < 0 || v > 9999)
                v = 0;
            if (n[0] == 'Y')
                slot->y = (int)v;
            else if (n[0] == 'M')
                slot->m = (int)v;
            else
                slot->d = (int)v;
        }
    }
}

static const char *default_list(const cordon__input *in, bool cons)
{
    if (cons)
        return "us_ofac_cons";
    const char *base = in->name ? strrchr(in->name, '/') : NULL;
    base = base ? base + 1 : (in->name ? in->name : "");
    for (const char *p = base; *p; p++)
        if (strncasecmp(p, "cons", 4) == 0)
            return "us_ofac_cons";
    return "us_ofac_sdn";
}

static int adv_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                     cordon_error *err)
{
    if (n != 1)
        return cordon__err(err, CORDON_E_INVALID, "ofac_advanced_xml takes exactly one file");
    const cordon_options *o = cordon__sink_options(sink);
    adv *s = cordon__calloc(cordon__alloc_of(o), 1, sizeof *s);
    if (!s)
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    s->a = cordon__alloc_of(o);
    s->sink = sink;
    cordon__buf_init(&s->pool, s->a);
    cordon__buf_init(&s->tmp, s->a);
    cordon__buf_init(&s->tmp2, s->a);
    cordon__ent_init(&s->e, s->a);
    int rc = cordon__xml_open(&s->x, in, o, err);
    if (rc == CORDON_OK) {
        rc = pass1(s);
        cordon__xml_close(&s->x);
    }
    if (rc == CORDON_OK && s->pool.failed)
        rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
    if (rc == CORDON_OK) {
        cordon__ent_clear(&s->e);
        rc = cordon__sink_list(sink, list_id ? list_id : default_list(in, s->cons),
                               "US Treasury OFAC", s->date[0] ? s->date : NULL, err);
    }
    if (rc == CORDON_OK) {
        rc = cordon__xml_open(&s->x, in, o, err);
        if (rc == CORDON_OK) {
            rc = pass2(s);
            cordon__xml_close(&s->x);
        }
    }
    cordon__ent_destroy(&s->e);
    cordon__buf_free(&s->pool);
    cordon__buf_free(&s->tmp);
    cordon__buf_free(&s->tmp2);
    cordon__free(s->a, s->refs);
    cordon__free(s->a, s->locs);
    cordon__free(s->a, s->docs);
    cordon__free(s->a, s->sents);
    cordon__free(s->a, s->dn);
    cordon__free(s->a, s->parts);
    cordon__free(s->a, s->groups);
    cordon__free(s->a, s);
    return rc;
}

static int adv_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    if (!cordon__xml_sniff(data, len, "Sanctions", NULL))
        return 0;
    return cordon__xml_sniff(data, len, "Sanctions", "www.un.org/sanctions/1.0") ? 95 : 60;
}

const cordon__format cordon__fmt_ofac_advanced_xml = {
    "ofac_advanced_xml", "OFAC SDN / Consolidated list, advanced XML (Sanctions schema)",
    adv_detect, adv_parse};
