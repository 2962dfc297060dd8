/* fmt_ca_sema_xml.c — Canada's Consolidated Autonomous Sanctions List
 * (SEMA / JVCFOA), data-set / record. The file has no record ids: an entity's
 * id is "<regime>-<schedule>-<item>" (regime = the abbreviation in
 * parentheses, else the English half of the bilingual Country field). */
#include <stdio.h>
#include <string.h>

#include "sources/formats.h"
#include "sources/xml.h"

enum { C_COUNTRY, C_ENTITY, C_LAST, C_GIVEN, C_ALIASES, C_DOB, C_TITLE, C_SCHEDULE, C_ITEM, C_N };
static const char *const c_names[C_N] = {"Country", "Entity",   "LastName", "GivenName", "Aliases",
                                         "DateOfBirth", "Title", "Schedule", "Item"};

typedef struct ca {
    cordon__xml x;
    cordon__sink *sink;
    cordon__ent e;
    cordon__buf b;
    const char *f[C_N];
    bool in_record;
} ca;

/* English half of "Syria / Syrie" */
static const char *english(ca *s, const char *v)
{
    const char *sl = strstr(v, " / ");
    return sl ? cordon__ent_str(&s->e, v, (size_t)(sl - v)) : v;
}

static int end_record(ca *s)
{
    cordon__xml *x = &s->x;
    cordon__ent *e = &s->e;
    const char **f = s->f;
    const char *regime = f[C_COUNTRY] ? english(s, f[C_COUNTRY]) : NULL;
    CORDON__XML_TRY(x, !f[C_COUNTRY] || regime);
    if (regime && *regime) {
        CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_PROGRAM, regime, strlen(regime)));
        if (!strchr(regime, '('))
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_COUNTRY, regime, strlen(regime)));
    }
    /* id */
    const char *shortname = regime ? regime : "";
    size_t sn = strlen(shortname);
    const char *op = strchr(shortname, '('), *cp = op ? strchr(op, ')') : NULL;
    if (op && cp && cp > op + 1) {
        shortname = op + 1;
        sn = (size_t)(cp - op - 1);
    }
    if (f[C_ITEM] && *f[C_ITEM]) {
        cordon__buf_reset(&s->b);
        cordon__buf_printf(&s->b, "%.*s-%s%s%s", (int)sn, shortname,
                           f[C_SCHEDULE] && *f[C_SCHEDULE] ? f[C_SCHEDULE] : "",
                           f[C_SCHEDULE] && *f[C_SCHEDULE] ? "-" : "", f[C_ITEM]);
        CORDON__XML_TRY(x, !s->b.failed && cordon__ent_set(e, CORDON__F_ID, s->b.data, s->b.len));
    }
    if (f[C_SCHEDULE] && *f[C_SCHEDULE])
        CORDON__XML_TRY(x, cordon__ent_add_attr(e, "schedule", f[C_SCHEDULE], strlen(f[C_SCHEDULE])));
    /* names */
    if (!cordon__xml_empty(f[C_ENTITY])) {
        cordon__ent_set_type(e, CORDON__TYPE_ORGANIZATION);
        CORDON__XML_TRY(x, cordon__ent_add_name(e, CORDON__NAME_PRIMARY, f[C_ENTITY],
                                                strlen(f[C_ENTITY]), NULL, 0, NULL, 0, NULL, 0));
    } else if (!cordon__xml_empty(f[C_LAST]) || !cordon__xml_empty(f[C_GIVEN])) {
        cordon__ent_set_type(e, CORDON__TYPE_PERSON);
        const char *p[2] = {f[C_GIVEN], f[C_LAST]};
        const char *full = cordon__xml_join(e, &s->b, " ", p, 2);
        CORDON__XML_TRY(x, full);
        CORDON__XML_TRY(x, cordon__ent_add_name(e, CORDON__NAME_PRIMARY, full, strlen(full),
                                                f[C_GIVEN], CORDON_NUL_TERMINATED, NULL, 0,
                                                f[C_LAST], CORDON_NUL_TERMINATED));
    }
    /* aliases: ", " or ";" separated */
    if (!cordon__xml_empty(f[C_ALIASES])) {
        const char *p = f[C_ALIASES];
        while (*p) {
            size_t n = 0;
            while (p[n] && p[n] != ';' && !(p[n] == ',' && p[n + 1] == ' '))
                n++;
            CORDON__XML_TRY(x, cordon__ent_add_name(e, CORDON__NAME_AKA, p, n, NULL, 0, NULL, 0,
                                                    NULL, 0));
            p += n;
            if (*p)
                p++;
        }
    }
    /* dates of birth: "1972-08-10 or 1972-08-11" */
    if (!cordon__xml_empty(f[C_DOB])) {
        const char *p = f[C_DOB];
        for (;;) {
            const char *or = strstr(p, " or ");
            size_t n = or ? (size_t)(or - p) : strlen(p);
            cordon__date d;
            if (cordon__date_parse(p, n, &d)) {
                CORDON__XML_TRY(x, cordon__ent_add_dob(e, &d));
            } else {
                const char *r = e->scalar[CORDON__F_REMARKS];
                cordon__buf_reset(&s->b);
                cordon__buf_printf(&s->b, "%s%sDOB %.*s", r ? r : "", r ? "; " : "", (int)n, p);
                CORDON__XML_TRY(x, !s->b.failed && cordon__ent_set(e, CORDON__F_REMARKS,
                                                                   s->b.data, s->b.len));
            }
            if (!or)
                break;
            p = or + 4;
        }
    }
    if (!cordon__xml_empty(f[C_TITLE]))
        CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_TITLE, f[C_TITLE], strlen(f[C_TITLE])));
    return cordon__xml_emit(x, s->sink, e);
}

static int run(ca *s, const char *list_id)
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
                if (!cordon__xml_is(x, "data-set"))
                    return cordon__xml_fail(x, CORDON_E_FORMAT,
                                            "not a Canada SEMA list (root <%s>)", x->name);
                /* the file carries no publication date */
                int rc = cordon__sink_list(s->sink, list_id ? list_id : "ca_sema",
                                           "Global Affairs Canada", NULL, x->err);
                if (rc)
                    return x->rc = rc;
            } else if (x->depth == 1 && cordon__xml_is(x, "record")) {
                cordon__ent_clear(&s->e);
                memset(s->f, 0, sizeof s->f);
                s->in_record = true;
            }
            continue;
        }
        if (!s->in_record)
            continue;
        if (x->depth == 1) {
            s->in_record = false;
            int rc = end_record(s);
            if (rc)
                return rc;
        } else if (x->depth == 2) {
            const char *v = cordon__xml_keep(x, &s->e);
            CORDON__XML_TRY(x, v);
            int k = -1;
            for (int i = 0; i < C_N; i++)
                if (strcmp(x->name, c_names[i]) == 0)
                    k = i;
            if (k >= 0) {
                s->f[k] = v;
            } else if (*v) {
                const char *key = cordon__xml_lower(&s->e, x->name);
                CORDON__XML_TRY(x, key && cordon__ent_add_attr(&s->e, key, v, strlen(v)));
            }
        }
    }
}

static int ca_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                    cordon_error *err)
{
    if (n != 1)
        return cordon__err(err, CORDON_E_INVALID, "ca_sema_xml takes exactly one file");
    const cordon_options *o = cordon__sink_options(sink);
    ca s;
    memset(&s, 0, sizeof s);
    int rc = cordon__xml_open(&s.x, in, o, err);
    if (rc)
        return rc;
    s.sink = sink;
    cordon__ent_init(&s.e, cordon__alloc_of(o));
    cordon__buf_init(&s.b, cordon__alloc_of(o));
    rc = run(&s, list_id);
    cordon__buf_free(&s.b);
    cordon__ent_destroy(&s.e);
    cordon__xml_close(&s.x);
    return rc;
}

static int ca_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    if (!cordon__xml_sniff(data, len, "data-set", NULL))
        return 0;
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 9 < n; i++)
        if (memcmp(data + i, "<Country>", 9) == 0 || memcmp(data + i, "<LastName>", 9) == 0)
            return 85;
    return 30;
}

const cordon__format cordon__fmt_ca_sema_xml = {
    "ca_sema_xml", "Canada Consolidated Autonomous Sanctions List (SEMA / JVCFOA), XML",
    ca_detect, ca_parse};
