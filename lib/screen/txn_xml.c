/*
 * txn_xml.c — one transaction from an XML document (doc/transactions.md).
 *
 * The document is read with the hardened streaming reader of lib/sources
 * (cordon__xml: no network, no entity substitution, no DTD, DOCTYPE with an
 * internal subset or external id refused, depth / text / attribute limits
 * from the options, libxml2 errors with line and column). On top of it:
 *
 *  - the input must be UTF-8 without NUL bytes, and any DOCTYPE is refused;
 *  - the vocabulary is checked by hand, element by element: unknown
 *    elements, unknown attributes, repeated single fields, child elements
 *    inside a field and text directly inside <transaction>, <party> or
 *    <item> are refused;
 *  - every error carries line, column and byte offset. libxml2's reader
 *    knows only line numbers for nodes, so the positions of start tags,
 *    attributes and stray text come from a light scan of the raw bytes that
 *    walks the document in step with the reader (start tags arrive in
 *    document order, and the reader has checked well-formedness up to the
 *    tag before the scan reaches it).
 *
 * The transaction is built through the same setters as the JSON parser, so
 * both forms give the same cordon_txn.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "screen/txn.h"
#include "sources/xml.h"

#define TXN_XML_NS "urn:cordon:txn:1"
#define TXN_XML_NAME "transaction XML"
#define MAX_PARAMS 64  /* as cordon_txn_item_set_param */
#define SCAN_DEPTH 8   /* deeper elements are refused before they are pushed */

/* ---- raw scan: positions and text outside fields ---------------------------------- */

typedef struct scan {
    const char *d;
    size_t len, pos;
    int depth;                  /* open elements */
    bool container[SCAN_DEPTH]; /* text directly inside is refused */
    size_t tag, tag_end;        /* last start tag: '<' .. '>' (inclusive) */
    bool tag_empty;
    size_t bad;                 /* offset of refused text / markup */
    const char *why;
} scan;

static bool ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static const char *find_lit(const char *d, size_t from, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    for (size_t i = from; i + n <= len; i++)
        if (d[i] == lit[0] && memcmp(d + i, lit, n) == 0)
            return d + i;
    return NULL;
}

/* Text [a, b) at the current depth: refused inside a container (or outside
 * the root element, which libxml2 refuses too). */
static bool scan_text(scan *s, size_t a, size_t b)
{
    if (s->depth > 0 && s->depth <= SCAN_DEPTH && !s->container[s->depth - 1])
        return true;
    for (size_t i = a; i < b; i++) {
        if (!ws(s->d[i])) {
            s->bad = i;
            s->why = "text is not allowed here (only inside a field element)";
            return false;
        }
    }
    return true;
}

/* Advance to the next start tag; false with s->bad / s->why on refused text
 * or markup, or when there is none (s->why NULL). */
static bool scan_next_start(scan *s)
{
    const char *d = s->d;
    for (;;) {
        const char *lt = s->pos < s->len ? memchr(d + s->pos, '<', s->len - s->pos) : NULL;
        size_t at = lt ? (size_t)(lt - d) : s->len;
        if (!scan_text(s, s->pos, at))
            return false;
        if (!lt) {
            s->pos = s->len;
            s->why = NULL;
            return false;
        }
        size_t rest = s->len - at;
        const char *close = NULL;
        if (rest >= 4 && memcmp(lt, "<!--", 4) == 0) {
            close = "-->";
        } else if (rest >= 9 && memcmp(lt, "<![CDATA[", 9) == 0) {
            const char *q = find_lit(d, at + 9, s->len, "]]>");
            size_t e = q ? (size_t)(q - d) : s->len;
            if (!scan_text(s, at + 9, e))
                return false;
            s->pos = q ? e + 3 : s->len;
            continue;
        } else if (rest >= 2 && lt[1] == '?') {
            close = "?>";
        } else if (rest >= 2 && lt[1] == '!') {
            s->bad = at;
            s->why = "a DOCTYPE or markup declaration is not allowed in transaction XML";
            return false;
        } else if (rest >= 2 && lt[1] == '/') {
            const char *q = memchr(lt, '>', rest);
            s->pos = q ? (size_t)(q - d) + 1 : s->len;
            if (s->depth > 0)
                s->depth--;
            continue;
        }
        if (close) {
            const char *q = find_lit(d, at + 2, s->len, close);
            s->pos = q ? (size_t)(q - d) + strlen(close) : s->len;
            continue;
        }
        /* a start tag: find its end outside quoted attribute values */
        char quote = 0;
        size_t i = at + 1;
        for (; i < s->len; i++) {
            char c = d[i];
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            }
        }
        s->tag = at;
        s->tag_end = i < s->len ? i : s->len - 1;
        s->tag_empty = i < s->len && i > at && d[i - 1] == '/';
        s->pos = i < s->len ? i + 1 : s->len;
        return true;
    }
}

/* Record the element of the last start tag (after it was accepted). */
static void scan_push(scan *s, bool container)
{
    if (s->tag_empty)
        return;
    if (s->depth < SCAN_DEPTH)
        s->container[s->depth] = container;
    s->depth++;
}

/* Offset of attribute `name` inside the last start tag (the tag if not found). */
static size_t scan_attr(const scan *s, const char *name)
{
    size_t n = strlen(name);
    char quote = 0;
    for (size_t i = s->tag + 1; i + n < s->tag_end; i++) {
        char c = s->d[i];
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
            continue;
        }
        if (ws(s->d[i - 1]) && memcmp(s->d + i, name, n) == 0 &&
            (ws(s->d[i + n]) || s->d[i + n] == '='))
            return i;
    }
    return s->tag;
}

/* ---- parser state ------------------------------------------------------------------- */

enum { F_ID, F_ORIGIN, F_DEST }; /* transaction fields seen once */
enum { P_ROLE, P_NAME, P_TYPE, P_COUNTRY, P_DOB, P_ID_TYPE, P_ID_NUMBER, P_N };
enum { I_DESC, I_HS, I_ECCN, I_CONTROL_CODE, I_N };

static const char *const party_fields[P_N] = {"role", "name", "type", "country",
                                              "dob", "id_type", "id_number"};
static const char *const item_fields[I_N] = {"description", "hs", "eccn", "control_code"};

typedef struct parser {
    cordon__xml x;
    scan sc;
    cordon_txn *t;
    const cordon__alloc *a;
    cordon_error *err;
    int rc;
    unsigned seen_txn;
    /* the open container and field */
    int where;          /* 0 transaction, 1 party, 2 item */
    size_t where_tag;   /* offset of its start tag */
    const char *field;  /* open field element (local name) or NULL */
    int field_slot;     /* index into party/item values, or F_* + 100 */
    size_t field_tag;
    char *pv[P_N];
    char *iv[I_N];
    char *pkey[MAX_PARAMS], *pval[MAX_PARAMS];
    size_t n_params;
} parser;

static int fail(parser *p, size_t off, int code, const char *fmt, ...) CORDON__PRINTF(4, 5);
static int fail(parser *p, size_t off, int code, const char *fmt, ...)
{
    if (p->rc)
        return p->rc;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int64_t line, col;
    cordon__line_col(p->sc.d, off, true, &line, &col);
    cordon__err_at(p->err, code, (int64_t)off, line, col, TXN_XML_NAME ":%lld:%lld: %s",
                   (long long)line, (long long)col, msg);
    p->rc = code;
    return code;
}

/* A setter failed: same code, its message with the position of `off`. */
static int fail_setter(parser *p, size_t off, int rc)
{
    char msg[sizeof p->err->message];
    snprintf(msg, sizeof msg, "%s", p->err->message);
    return fail(p, off, rc, "%s", msg);
}

static void free_values(parser *p)
{
    for (int i = 0; i < P_N; i++) {
        cordon__free(p->a, p->pv[i]);
        p->pv[i] = NULL;
    }
    for (int i = 0; i < I_N; i++) {
        cordon__free(p->a, p->iv[i]);
        p->iv[i] = NULL;
    }
    for (size_t i = 0; i < p->n_params; i++) {
        cordon__free(p->a, p->pkey[i]);
        cordon__free(p->a, p->pval[i]);
    }
    p->n_params = 0;
}

/* Trimmed copy of the text of the current END event. */
static char *field_text(parser *p)
{
    const char *s = p->x.text;
    size_t n = p->x.text_len;
    while (n && ws(s[n - 1]))
        n--;
    while (n && ws(*s)) {
        s++;
        n--;
    }
    return cordon__strndup(p->a, s, n);
}

static int lookup(const char *const *names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

/* Refuse every attribute of the current element except `allowed` (NULL:
 * none); namespace declarations are fine. */
static int check_attrs(parser *p, const char *allowed)
{
    xmlTextReaderPtr r = p->x.reader;
    if (xmlTextReaderHasAttributes(r) != 1)
        return CORDON_OK;
    int rc = CORDON_OK;
    while (xmlTextReaderMoveToNextAttribute(r) == 1) {
        if (xmlTextReaderIsNamespaceDecl(r) == 1)
            continue;
        const char *qn = (const char *)xmlTextReaderConstName(r);
        const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
        if (!ns && allowed && qn && strcmp(qn, allowed) == 0)
            continue;
        char name[128];
        snprintf(name, sizeof name, "%s", qn ? qn : "?");
        xmlTextReaderMoveToElement(r);
        if (allowed)
            rc = fail(p, scan_attr(&p->sc, name), CORDON_E_PARSE,
                      "unknown attribute \"%s\" on <%s> (only \"%s\")", name, p->x.name, allowed);
        else
            rc = fail(p, scan_attr(&p->sc, name), CORDON_E_PARSE,
                      "unknown attribute \"%s\" on <%s> (it takes none)", name, p->x.name);
        return rc;
    }
    xmlTextReaderMoveToElement(r);
    return rc;
}

/* Enter a field element: its text goes to slot (party/item value index,
 * 50 for a <param>, 100 + F_* for a transaction field). */
static int open_field(parser *p, scan *s, const char *nm, int slot, size_t at)
{
    p->field = nm;
    p->field_slot = slot;
    p->field_tag = at;
    scan_push(s, false);
    return CORDON_OK;
}

static int on_start(parser *p)
{
    cordon__xml *x = &p->x;
    scan *s = &p->sc;
    if (!scan_next_start(s)) {
        if (s->why)
            return fail(p, s->bad, CORDON_E_PARSE, "%s", s->why);
        return fail(p, s->pos, CORDON_E_STATE, "internal error: start tag not found");
    }
    size_t at = s->tag;
    if (x->ns && strcmp(x->ns, TXN_XML_NS) != 0)
        return fail(p, at, CORDON_E_PARSE,
                    "element <%s> in namespace \"%s\" (expected none or \"" TXN_XML_NS "\")",
                    x->name, x->ns);
    const char *nm = x->name;
    if (p->field)
        return fail(p, at, CORDON_E_PARSE, "element <%s> inside the field <%s> (fields hold text)",
                    nm, p->field);
    if (x->depth == 0) {
        if (strcmp(nm, "transaction") != 0)
            return fail(p, at, CORDON_E_FORMAT,
                        "root element <%s>: a transaction document has the root <transaction>", nm);
        if (check_attrs(p, NULL))
            return p->rc;
        p->where = 0;
        p->where_tag = at;
        scan_push(s, true);
        return CORDON_OK;
    }
    if (x->depth == 1) {
        if (strcmp(nm, "party") == 0 || strcmp(nm, "item") == 0) {
            if (check_attrs(p, NULL))
                return p->rc;
            p->where = nm[0] == 'p' ? 1 : 2;
            p->where_tag = at;
            scan_push(s, true);
            return CORDON_OK;
        }
        static const char *const txn_fields[] = {"id", "origin", "destination", "transit"};
        int f = lookup(txn_fields, 4, nm);
        if (f < 0)
            return fail(p, at, CORDON_E_PARSE,
                        "unknown element <%s> in <transaction> (expected id, origin, destination, "
                        "transit, party, item)", nm);
        if (f < 3) {
            if (p->seen_txn & (1u << f))
                return fail(p, at, CORDON_E_PARSE, "<%s> given twice", nm);
            p->seen_txn |= 1u << f;
        }
        if (check_attrs(p, NULL))
            return p->rc;
        return open_field(p, s, nm, 100 + f, at);
    }
    if (x->depth == 2 && p->where == 1) {
        int f = lookup(party_fields, P_N, nm);
        if (f < 0)
            return fail(p, at, CORDON_E_PARSE,
                        "unknown element <%s> in <party> (expected role, name, type, country, "
                        "dob, id_type, id_number)", nm);
        if (p->pv[f])
            return fail(p, at, CORDON_E_PARSE, "<%s> given twice in one <party>", nm);
        if (check_attrs(p, NULL))
            return p->rc;
        return open_field(p, s, nm, f, at);
    }
    if (x->depth == 2 && p->where == 2) {
        if (strcmp(nm, "param") == 0) {
            if (check_attrs(p, "name"))
                return p->rc;
            const char *k = cordon__xml_attr(x, "name");
            if (!k || !*k)
                return fail(p, at, CORDON_E_PARSE, "<param> needs a name attribute");
            if (p->n_params >= MAX_PARAMS)
                return fail(p, at, CORDON_E_LIMIT, "more than %d parameters on one item",
                            MAX_PARAMS);
            for (size_t i = 0; i < p->n_params; i++)
                if (strcmp(p->pkey[i], k) == 0)
                    return fail(p, scan_attr(s, "name"), CORDON_E_PARSE,
                                "parameter \"%s\" given twice in one <item>", k);
            p->pkey[p->n_params] = cordon__strndup(p->a, k, strlen(k));
            if (!p->pkey[p->n_params])
                return fail(p, at, CORDON_E_NOMEM, "out of memory");
            p->pval[p->n_params++] = NULL;
            return open_field(p, s, nm, 50, at);
        }
        int f = lookup(item_fields, I_N, nm);
        if (f < 0)
            return fail(p, at, CORDON_E_PARSE,
                        "unknown element <%s> in <item> (expected description, hs, eccn, "
                        "control_code, param)", nm);
        if (p->iv[f])
            return fail(p, at, CORDON_E_PARSE, "<%s> given twice in one <item>", nm);
        if (check_attrs(p, NULL))
            return p->rc;
        return open_field(p, s, nm, f, at);
    }
    return fail(p, at, CORDON_E_PARSE, "unexpected element <%s>", nm);
}

static int end_party(parser *p)
{
    size_t at = p->where_tag;
    const char *name = p->pv[P_NAME];
    if (!name || !*name)
        return fail(p, at, CORDON_E_PARSE, "<party>: <name> is required");
    int ty = cordon__txn_type_from_name(p->pv[P_TYPE]);
    if (ty < 0)
        return fail(p, at, CORDON_E_PARSE,
                    "<party>: unknown type \"%s\" (person, organization, vessel, aircraft, any)",
                    p->pv[P_TYPE]);
    int rc = cordon_txn_add_party(p->t, p->pv[P_ROLE], name, CORDON_NUL_TERMINATED, ty,
                                  p->pv[P_COUNTRY], p->pv[P_DOB], p->err);
    if (!rc && p->pv[P_ID_TYPE] && p->pv[P_ID_NUMBER])
        rc = cordon_txn_party_set_identifier(p->t, p->t->n_parties - 1, p->pv[P_ID_TYPE],
                                             p->pv[P_ID_NUMBER], p->err);
    return rc ? fail_setter(p, at, rc) : CORDON_OK;
}

static int end_item(parser *p)
{
    size_t at = p->where_tag;
    const char *desc = p->iv[I_DESC], *hs = p->iv[I_HS];
    const char *code = p->iv[I_ECCN] ? p->iv[I_ECCN] : p->iv[I_CONTROL_CODE];
    if (!desc && !hs && !code)
        return fail(p, at, CORDON_E_PARSE, "<item>: needs a description, hs or eccn");
    int rc = cordon_txn_add_item(p->t, desc, CORDON_NUL_TERMINATED, hs, code, p->err);
    for (size_t i = 0; !rc && i < p->n_params; i++)
        rc = cordon_txn_item_set_param(p->t, p->t->n_items - 1, p->pkey[i], p->pval[i], p->err);
    return rc ? fail_setter(p, at, rc) : CORDON_OK;
}

static int on_end(parser *p)
{
    cordon__xml *x = &p->x;
    if (p->field) {
        char *v = field_text(p);
        if (!v)
            return fail(p, p->field_tag, CORDON_E_NOMEM, "out of memory");
        int rc = CORDON_OK;
        int slot = p->field_slot;
        if (slot >= 100) {
            switch (slot - 100) {
            case F_ID:
                rc = cordon_txn_set_id(p->t, v, CORDON_NUL_TERMINATED, p->err);
                break;
            case F_ORIGIN:
                rc = cordon_txn_set_country(p->t, CORDON_TXN_ORIGIN, v, p->err);
                break;
            case F_DEST:
                rc = cordon_txn_set_country(p->t, CORDON_TXN_DESTINATION, v, p->err);
                break;
            default:
                rc = cordon_txn_set_country(p->t, CORDON_TXN_TRANSIT, v, p->err);
                break;
            }
            cordon__free(p->a, v);
        } else if (slot == 50) {
            p->pval[p->n_params - 1] = v;
        } else if (p->where == 1) {
            p->pv[slot] = v;
        } else {
            p->iv[slot] = v;
        }
        p->field = NULL;
        return rc ? fail_setter(p, p->field_tag, rc) : CORDON_OK;
    }
    if (x->depth == 1) {
        int rc = p->where == 1 ? end_party(p) : end_item(p);
        free_values(p);
        p->where = 0;
        return rc;
    }
    if (x->depth == 0) {
        if (p->t->n_parties == 0 && p->t->n_items == 0)
            return fail(p, p->where_tag, CORDON_E_PARSE,
                        "a transaction needs a <party> or an <item>");
    }
    return CORDON_OK;
}

/* Refuse an XML declaration naming another encoding than UTF-8: positions,
 * limits and the scan above work on UTF-8 bytes. */
static int check_decl(parser *p)
{
    const char *d = p->sc.d;
    size_t len = p->sc.len, i = 0;
    if (len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    if (len - i < 6 || memcmp(d + i, "<?xml", 5) != 0 || !ws(d[i + 5]))
        return CORDON_OK;
    const char *end = find_lit(d, i, len, "?>");
    const char *e = find_lit(d, i, end ? (size_t)(end - d) : len, "encoding");
    if (!e)
        return CORDON_OK;
    size_t k = (size_t)(e - d) + 8, stop = end ? (size_t)(end - d) : len;
    while (k < stop && (ws(d[k]) || d[k] == '='))
        k++;
    if (k >= stop || (d[k] != '"' && d[k] != '\''))
        return CORDON_OK; /* malformed: libxml2 reports it */
    char q = d[k++];
    size_t v = k;
    while (k < stop && d[k] != q)
        k++;
    if (k >= stop)
        return CORDON_OK; /* unterminated: libxml2 reports it */
    size_t n = k - v;
    if ((n == 5 && strncasecmp(d + v, "utf-8", 5) == 0) ||
        (n == 4 && strncasecmp(d + v, "utf8", 4) == 0))
        return CORDON_OK;
    return fail(p, v, CORDON_E_ENCODING, "transaction XML must be UTF-8 (declared \"%.*s\")",
                (int)(n > 40 ? 40 : n), d + v);
}

CORDON_API int cordon_txn_parse_xml(const char *xml, size_t len, const cordon_options *opts,
                                    cordon_txn **out, cordon_error *err)
{
    if (!xml || !out)
        return cordon__err(err, CORDON_E_INVALID, "cordon_txn_parse_xml: NULL argument");
    *out = NULL;
    len = cordon__strlen(xml, len);
    const cordon_options *o = cordon__options_or_default(opts);
    if ((int64_t)len > o->max_input_bytes)
        return cordon__err(err, CORDON_E_LIMIT,
                           "transaction of %zu bytes exceeds the input limit of %lld", len,
                           (long long)o->max_input_bytes);
    cordon_error local;
    parser p;
    memset(&p, 0, sizeof p);
    p.err = err ? err : &local;
    p.a = cordon__alloc_of(o);
    p.sc.d = xml;
    p.sc.len = len;
    if (len >= 3 && memcmp(xml, "\xEF\xBB\xBF", 3) == 0)
        p.sc.pos = 3; /* a byte order mark is not text */
    size_t bad;
    if (!cordon__utf8_valid(xml, len, &bad))
        return fail(&p, bad, CORDON_E_UTF8, "invalid UTF-8 at byte %zu", bad);
    const char *nul = memchr(xml, '\0', len);
    if (nul)
        return fail(&p, (size_t)(nul - xml), CORDON_E_PARSE, "NUL byte in transaction XML");
    if (check_decl(&p))
        return p.rc;
    int rc = cordon_txn_new(&p.t, opts, p.err);
    if (rc)
        return rc;
    cordon__input in = {TXN_XML_NAME, xml, len};
    rc = cordon__xml_open(&p.x, &in, o, p.err);
    if (rc) {
        cordon_txn_free(p.t);
        return rc;
    }
    for (;;) {
        int ev = cordon__xml_next(&p.x);
        if (ev < 0) {
            rc = p.rc ? p.rc : ev;
            break;
        }
        if (ev == CORDON__XML_EOF) {
            /* the rest of the document: stray text, trailing markup */
            if (scan_next_start(&p.sc))
                rc = fail(&p, p.sc.tag, CORDON_E_STATE, "internal error: unread element");
            else if (p.sc.why)
                rc = fail(&p, p.sc.bad, CORDON_E_PARSE, "%s", p.sc.why);
            break;
        }
        rc = ev == CORDON__XML_START ? on_start(&p) : on_end(&p);
        if (rc)
            break;
    }
    cordon__xml_close(&p.x);
    free_values(&p);
    if (rc) {
        cordon_txn_free(p.t);
        return rc;
    }
    *out = p.t;
    return CORDON_OK;
}
