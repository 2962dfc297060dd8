/* xml.c — hardened streaming XML reader shared by the XML list parsers. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "sources/xml.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init_once(void)
{
    xmlInitParser();
}

static int fail_at(const cordon__input *in, cordon_error *err, int code, size_t off,
                   const char *what)
{
    int64_t line, col;
    cordon__line_col(in->data, off, false, &line, &col);
    return cordon__err_at(err, code, (int64_t)off, line, col, "%s:%lld:%lld: %s", in->name,
                          (long long)line, (long long)col, what);
}

static bool starts(const char *p, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

static const char *find(const char *p, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    for (; (size_t)(end - p) >= n; p++)
        if (*p == lit[0] && memcmp(p, lit, n) == 0)
            return p;
    return NULL;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Look at the prolog (XML declaration, comments, PIs, DOCTYPE) before the
 * root element. Refuses DOCTYPEs with an internal subset or external id.
 * *declared_other = the XML declaration names an encoding other than UTF-8. */
static int prescan(const cordon__input *in, cordon_error *err, bool *declared_other)
{
    const char *d = in->data, *p = d, *end = d + in->len;
    *declared_other = false;
    if (starts(p, end, "\xEF\xBB\xBF"))
        p += 3;
    for (;;) {
        while (p < end && is_ws(*p))
            p++;
        if (p >= end)
            return CORDON_OK;
        if (starts(p, end, "<?")) {
            const char *q = find(p, end, "?>");
            if (!q)
                return CORDON_OK; /* libxml2 reports it */
            if (starts(p, end, "<?xml") && (p + 5 < end) && is_ws(p[5])) {
                const char *e = find(p, q, "encoding");
                if (e) {
                    e += 8;
                    while (e < q && (is_ws(*e) || *e == '='))
                        e++;
                    if (e < q && (*e == '"' || *e == '\'')) {
                        char quote = *e++;
                        const char *v = e;
                        while (e < q && *e != quote)
                            e++;
                        size_t vn = (size_t)(e - v);
                        bool utf8 = (vn == 5 && strncasecmp(v, "utf-8", 5) == 0) ||
                                    (vn == 4 && strncasecmp(v, "utf8", 4) == 0);
                        if (!utf8)
                            *declared_other = true;
                    }
                }
            }
            p = q + 2;
            continue;
        }
        if (starts(p, end, "<!--")) {
            const char *q = find(p + 4, end, "-->");
            if (!q)
                return CORDON_OK;
            p = q + 3;
            continue;
        }
        if (starts(p, end, "<!DOCTYPE")) {
            const char *q = p + 9;
            while (q < end && is_ws(*q))
                q++;
            while (q < end && !is_ws(*q) && *q != '[' && *q != '>')
                q++;
            while (q < end && is_ws(*q))
                q++;
            if (starts(q, end, "SYSTEM") || starts(q, end, "PUBLIC"))
                return fail_at(in, err, CORDON_E_PARSE, (size_t)(p - d),
                               "DOCTYPE with an external DTD reference refused (no DTD loading)");
            if (q < end && *q == '[')
                return fail_at(in, err, CORDON_E_PARSE, (size_t)(p - d),
                               "DOCTYPE with an internal subset refused (entity declarations "
                               "are not allowed)");
            if (q < end && *q == '>') {
                p = q + 1;
                continue;
            }
            return fail_at(in, err, CORDON_E_PARSE, (size_t)(p - d), "malformed DOCTYPE");
        }
        if (starts(p, end, "<!"))
            return fail_at(in, err, CORDON_E_PARSE, (size_t)(p - d),
                           "markup declaration refused in the prolog");
        return CORDON_OK;
    }
}

/* libxml2 2.9 checks each attribute of a start tag against all earlier ones
 * (quadratic): 100 000 attributes on one element take minutes. Count the
 * attributes of every start tag (an '=' outside quotes) before parsing and
 * refuse a tag with more than CORDON__XML_MAX_ATTRS. Comments, CDATA, PIs
 * are skipped (in UTF-16 they are scanned like tags, a safe overcount). */
#define CORDON__XML_MAX_ATTRS 256
static int count_attrs(const cordon__input *in, cordon_error *err)
{
    const char *d = in->data, *p = d, *end = d + in->len;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt)
            break;
        p = lt + 1;
        if (starts(lt, end, "<!--") || starts(lt, end, "<![CDATA[") || starts(lt, end, "<?")) {
            const char *close = lt[1] == '?' ? "?>" : lt[2] == '-' ? "-->" : "]]>";
            const char *q = find(lt + 2, end, close);
            if (!q)
                break;
            p = q + strlen(close);
            continue;
        }
        size_t attrs = 0;
        char quote = 0;
        for (; p < end; p++) {
            char c = *p;
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '=') {
                if (++attrs > CORDON__XML_MAX_ATTRS)
                    return fail_at(in, err, CORDON_E_LIMIT, (size_t)(lt - d),
                                   "element with more than 256 attributes refused");
            } else if (c == '>' || c == '<') {
                break;
            }
        }
    }
    return CORDON_OK;
}

static int map_xml_code(const xmlError *e)
{
    if (e->message && strstr(e->message, "Excessive depth"))
        return CORDON_E_LIMIT;
    switch (e->code) {
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
        return CORDON_E_ENCODING;
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_NAME_TOO_LONG:
        return CORDON_E_LIMIT;
    default:
        return CORDON_E_PARSE;
    }
}

static void on_error(void *arg, xmlErrorPtr e)
{
    cordon__xml *x = arg;
    if (!e || e->level < XML_ERR_ERROR || x->rc)
        return;
    char msg[300];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
    size_t n = strlen(msg);
    while (n > 0 && is_ws(msg[n - 1]))
        msg[--n] = '\0';
    int code = map_xml_code(e);
    cordon__err_at(x->err, code, -1, e->line, e->int2, "%s:%d:%d: XML error: %s", x->in->name,
                   e->line, e->int2, msg);
    cordon__err_detail(x->err, e->code);
    x->rc = code;
}

int64_t cordon__xml_line(const cordon__xml *x)
{
    xmlNodePtr node = x->reader ? xmlTextReaderCurrentNode(x->reader) : NULL;
    if (node && node->type != XML_DOCUMENT_NODE && xmlGetLineNo(node) > 0)
        return xmlGetLineNo(node);
    return x->reader ? xmlTextReaderGetParserLineNumber(x->reader) : 0;
}

int cordon__xml_fail(cordon__xml *x, int code, const char *fmt, ...)
{
    if (x->rc)
        return x->rc;
    char msg[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int64_t line = 0, col = 0;
    xmlNodePtr node = x->reader ? xmlTextReaderCurrentNode(x->reader) : NULL;
    if (node && node->type != XML_DOCUMENT_NODE && xmlGetLineNo(node) > 0) {
        /* the node being read (the parser itself may be ahead) */
        line = xmlGetLineNo(node);
        cordon__err_at(x->err, code, -1, line, 0, "%s:%lld: %s", x->in->name, (long long)line,
                       msg);
    } else {
        if (x->reader) {
            line = xmlTextReaderGetParserLineNumber(x->reader);
            col = xmlTextReaderGetParserColumnNumber(x->reader);
        }
        cordon__err_at(x->err, code, -1, line, col, "%s:%lld:%lld: %s", x->in->name,
                       (long long)line, (long long)col, msg);
    }
    x->rc = code;
    return code;
}

int cordon__xml_open(cordon__xml *x, const cordon__input *in, const cordon_options *o,
                     cordon_error *err)
{
    memset(x, 0, sizeof *x);
    o = cordon__options_or_default(o);
    x->in = in;
    x->err = err;
    x->alloc = cordon__alloc_of(o);
    x->max_depth = o->max_depth > 0 ? o->max_depth : 256;
    x->max_text = o->max_name_bytes > 0 ? o->max_name_bytes : 64 * 1024;
    x->last_start_depth = -1;
    cordon__buf_init(&x->tbuf, x->alloc);
    if (o->max_input_bytes > 0 && (int64_t)in->len > o->max_input_bytes)
        return cordon__err(err, CORDON_E_LIMIT, "%s: input of %zu bytes exceeds max_input_bytes",
                           in->name, in->len);
    if (in->len > 0x7fffffff)
        return cordon__err(err, CORDON_E_LIMIT, "%s: XML input larger than 2 GiB", in->name);
    bool declared_other = false;
    int rc = prescan(in, err, &declared_other);
    if (rc == CORDON_OK)
        rc = count_attrs(in, err);
    if (rc)
        return rc;
    const unsigned char *u = (const unsigned char *)in->data;
    bool wide = in->len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE) ||
                                 u[0] == 0 || u[1] == 0);
    if (!declared_other && !wide) {
        size_t bad = 0;
        if (!cordon__utf8_valid(in->data, in->len, &bad))
            return fail_at(in, err, CORDON_E_UTF8, bad, "invalid UTF-8");
    }
    pthread_once(&xml_once, xml_init_once);
    xmlTextReaderPtr r = xmlReaderForMemory(in->data, (int)in->len, NULL, NULL,
                                            XML_PARSE_NONET | XML_PARSE_NOCDATA |
                                                XML_PARSE_COMPACT);
    if (!r)
        return cordon__err(err, CORDON_E_NOMEM, "%s: cannot create XML reader", in->name);
    x->reader = r;
    xmlTextReaderSetStructuredErrorHandler(r, on_error, x);
    return CORDON_OK;
}

void cordon__xml_close(cordon__xml *x)
{
    if (x->reader)
        xmlFreeTextReader(x->reader);
    x->reader = NULL;
    cordon__buf_free(&x->tbuf);
    cordon__free(x->alloc, (void *)x->path);
    x->path = NULL;
}

const char *cordon__xml_up(const cordon__xml *x, int up)
{
    int d = x->depth - up;
    if (d < 0 || up < 0 || (size_t)d >= x->cap_path || !x->path)
        return "";
    return x->path[d] ? x->path[d] : "";
}

const char *cordon__xml_attr(cordon__xml *x, const char *name)
{
    xmlTextReaderPtr r = x->reader;
    if (xmlTextReaderMoveToAttribute(r, (const xmlChar *)name) != 1)
        return NULL;
    const char *v = (const char *)xmlTextReaderConstValue(r);
    xmlTextReaderMoveToElement(r);
    return v;
}

static int check_dtd(cordon__xml *x)
{
    xmlNodePtr n = xmlTextReaderCurrentNode(x->reader);
    if (n && n->type == XML_DTD_NODE) {
        xmlDtdPtr dtd = (xmlDtdPtr)n;
        if (dtd->ExternalID || dtd->SystemID)
            return cordon__xml_fail(x, CORDON_E_PARSE,
                                    "DOCTYPE with an external DTD reference refused");
        if (dtd->children)
            return cordon__xml_fail(x, CORDON_E_PARSE,
                                    "DOCTYPE with an internal subset refused");
    }
    return CORDON_OK;
}

int cordon__xml_next(cordon__xml *x)
{
    xmlTextReaderPtr r = x->reader;
    if (x->rc)
        return x->rc;
    if (x->pending_end) {
        x->pending_end = false;
        x->leaf = true;
        x->text = "";
        x->text_len = 0;
        cordon__buf_reset(&x->tbuf);
        return CORDON__XML_END;
    }
    for (;;) {
        int rr = xmlTextReaderRead(r);
        if (x->rc)
            return x->rc;
        if (rr < 0)
            return cordon__xml_fail(x, CORDON_E_PARSE, "XML parse error");
        if (rr == 0) {
            if (x->last_start_depth < 0)
                return cordon__xml_fail(x, CORDON_E_PARSE, "no root element");
            return CORDON__XML_EOF;
        }
        int t = xmlTextReaderNodeType(r);
        switch (t) {
        case XML_READER_TYPE_ELEMENT: {
            int depth = xmlTextReaderDepth(r);
            if (depth < 0 || depth >= x->max_depth)
                return cordon__xml_fail(x, CORDON_E_LIMIT,
                                        "element nesting deeper than max_depth %lld",
                                        (long long)x->max_depth);
            if ((size_t)depth >= x->cap_path) {
                const char **np = cordon__grow(x->alloc, (void *)x->path, &x->cap_path,
                                               (size_t)depth + 1, sizeof *np);
                if (!np)
                    return cordon__xml_fail(x, CORDON_E_NOMEM, "out of memory");
                x->path = np;
            }
            x->name = (const char *)xmlTextReaderConstLocalName(r);
            x->ns = (const char *)xmlTextReaderConstNamespaceUri(r);
            x->depth = depth;
            x->path[depth] = x->name;
            x->last_start_depth = depth;
            x->leaf = false;
            cordon__buf_reset(&x->tbuf);
            if (xmlTextReaderHasAttributes(r) == 1) {
                while (xmlTextReaderMoveToNextAttribute(r) == 1) {
                    const char *v = (const char *)xmlTextReaderConstValue(r);
                    if (v && (int64_t)strlen(v) > x->max_text) {
                        xmlTextReaderMoveToElement(r);
                        return cordon__xml_fail(x, CORDON_E_LIMIT,
                                                "attribute value longer than %lld bytes",
                                                (long long)x->max_text);
                    }
                }
                xmlTextReaderMoveToElement(r);
            }
            if (xmlTextReaderIsEmptyElement(r) == 1)
                x->pending_end = true;
            return CORDON__XML_START;
        }
        case XML_READER_TYPE_END_ELEMENT: {
            int depth = xmlTextReaderDepth(r);
            x->name = (const char *)xmlTextReaderConstLocalName(r);
            x->ns = (const char *)xmlTextReaderConstNamespaceUri(r);
            x->depth = depth;
            x->leaf = x->last_start_depth == depth;
            if (x->tbuf.failed)
                return cordon__xml_fail(x, CORDON_E_NOMEM, "out of memory");
            x->text = x->tbuf.data ? x->tbuf.data : "";
            x->text_len = x->tbuf.len;
            /* the next text belongs to the parent: start afresh */
            x->last_start_depth = x->leaf ? depth : x->last_start_depth;
            return CORDON__XML_END;
        }
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        case XML_READER_TYPE_WHITESPACE: {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            size_t n = v ? strlen(v) : 0;
            if ((int64_t)n > x->max_text || (int64_t)(x->tbuf.len + n) > x->max_text) {
                /* whitespace between elements does not count */
                if (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA)
                    return cordon__xml_fail(x, CORDON_E_LIMIT,
                                            "text longer than %lld bytes",
                                            (long long)x->max_text);
                break;
            }
            if (x->last_start_depth == xmlTextReaderDepth(r) - 1)
                cordon__buf_append(&x->tbuf, v, n);
            break;
        }
        case XML_READER_TYPE_ENTITY_REFERENCE:
            return cordon__xml_fail(x, CORDON_E_PARSE, "entity reference refused");
        case XML_READER_TYPE_DOCUMENT_TYPE: {
            int rc = check_dtd(x);
            if (rc)
                return rc;
            break;
        }
        default:
            break;
        }
    }
}

int cordon__xml_skip(cordon__xml *x)
{
    if (x->rc)
        return x->rc;
    if (x->pending_end) {
        x->pending_end = false;
        return CORDON_OK;
    }
    int depth = x->depth;
    for (;;) {
        int ev = cordon__xml_next(x);
        if (ev < 0)
            return ev;
        if (ev == CORDON__XML_EOF)
            return cordon__xml_fail(x, CORDON_E_PARSE, "unexpected end of document");
        if (ev == CORDON__XML_END && x->depth == depth)
            return CORDON_OK;
    }
}

bool cordon__xml_sniff(const char *data, size_t len, const char *root, const char *ns)
{
    if (!data)
        return false;
    if (len > 4096)
        len = 4096;
    const char *p = data, *end = data + len;
    const char *rootp = NULL;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt || lt + 1 >= end)
            return false;
        char c = lt[1];
        if (c == '?' || c == '!') {
            p = lt + 1;
            continue;
        }
        rootp = lt + 1;
        break;
    }
    if (!rootp)
        return false;
    const char *q = rootp;
    while (q < end && !is_ws(*q) && *q != '>' && *q != '/')
        q++;
    const char *nm = rootp;
    for (const char *s = rootp; s < q; s++)
        if (*s == ':')
            nm = s + 1;
    size_t rn = strlen(root);
    if ((size_t)(q - nm) != rn || memcmp(nm, root, rn) != 0)
        return false;
    if (ns && !find(rootp, end, ns))
        return false;
    return true;
}

long long cordon__xml_int(const char *s)
{
    if (!s)
        return -1;
    while (is_ws(*s))
        s++;
    if (*s < '0' || *s > '9')
        return -1;
    long long v = 0;
    while (*s >= '0' && *s <= '9') {
        if (v > 100000000000000LL)
            return -1;
        v = v * 10 + (*s++ - '0');
    }
    while (is_ws(*s))
        s++;
    return *s ? -1 : v;
}

/* ---- helpers for the parsers ------------------------------------------- */

int cordon__xml_bad(cordon__xml *x, cordon__sink *s, const char *reason)
{
    const cordon_options *o = cordon__options_or_default(cordon__sink_options(s));
    if (o->strict)
        return cordon__xml_fail(x, CORDON_E_PARSE, "%s", reason);
    return cordon__sink_skip(s, cordon__xml_line(x), reason, x->err);
}

int cordon__xml_emit(cordon__xml *x, cordon__sink *s, cordon__ent *e)
{
    if (cordon__xml_empty(e->scalar[CORDON__F_ID]))
        return cordon__xml_bad(x, s, "record without an id");
    if (e->n_names == 0)
        return cordon__xml_bad(x, s, "record without a name");
    int rc = cordon__sink_entity(s, e, x->err);
    if (rc)
        x->rc = rc;
    return rc;
}

const char *cordon__xml_keep(cordon__xml *x, cordon__ent *e)
{
    return cordon__ent_str(e, x->text, x->text_len);
}

const char *cordon__xml_join(cordon__ent *e, cordon__buf *b, const char *sep,
                             const char *const *parts, size_t n)
{
    cordon__buf_reset(b);
    for (size_t i = 0; i < n; i++) {
        if (cordon__xml_empty(parts[i]))
            continue;
        if (b->len)
            cordon__buf_puts(b, sep);
        cordon__buf_puts(b, parts[i]);
    }
    if (b->failed)
        return NULL;
    return cordon__ent_str(e, b->data ? b->data : "", b->len);
}

const char *cordon__xml_lower(cordon__ent *e, const char *s)
{
    const char *c = cordon__ent_str(e, s, strlen(s));
    if (!c)
        return NULL;
    for (char *p = (char *)c; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return c;
}

const char *cordon__xml_ofac_id_type(cordon__ent *e, const char *src)
{
    static const struct {
        const char *src, *type;
    } map[] = {
        {"Passport", "passport"},
        {"Diplomatic Passport", "passport"},
        {"National ID No.", "national_id"},
        {"Cedula No.", "national_id"},
        {"Identification Number", "national_id"},
        {"Tax ID No.", "tax_id"},
        {"SWIFT/BIC", "swift"},
        {"MMSI", "mmsi"},
        {"Vessel Registration Identification", "imo"},
        {"Legal Entity Number", "lei"},
        {"Website", "website"},
        {"Email Address", "email"},
        {"Registration ID", "registration_id"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcasecmp(src, map[i].src) == 0)
            return map[i].type;
    static const char dca[] = "Digital Currency Address - ";
    if (strncasecmp(src, dca, sizeof dca - 1) == 0) {
        char tmp[96];
        snprintf(tmp, sizeof tmp, "crypto:%s", src + sizeof dca - 1);
        return cordon__xml_lower(e, tmp);
    }
    return cordon__xml_lower(e, src);
}

bool cordon__xml_ofac_add_id(cordon__ent *e, const char *src_type, const char *number,
                             const char *country, const char *note)
{
    /* OFAC's id lists also carry facts that are not identifiers */
    static const struct {
        const char *src, *key;
    } as_attr[] = {
        {"Additional Sanctions Information -", "sanctions_info"},
        {"For more information, please see:", "more_info"},
        {"Former Vessel Flag", "former_vessel_flag"},
        {"Executive Order 13662 Directive Determination -", "eo13662_directive"},
        {"Executive Order 13846 information:", "eo13846_info"},
        {"CAATSA Section 235 Information:", "caatsa_235_info"},
        {"Nationality of Registration", "nationality_of_registration"},
        {"Vessel Year of Build", "vessel_year_of_build"},
        {"Aircraft Construction Number (also called L/N or S/N or F/N)", "aircraft_serial"},
        {"Aircraft Manufacturer's Serial Number (MSN)", "aircraft_serial"},
        {"Aircraft Model", "aircraft_model"},
        {"Aircraft Operator", "aircraft_operator"},
        {"Aircraft Manufacture Date", "aircraft_manufacture_date"},
        {"Aircraft Mode S Transponder Code", "aircraft_mode_s"},
        {"Aircraft Tail Number", "aircraft_tail_number"},
        {"Previous Aircraft Tail Number", "aircraft_previous_tail_number"},
        {"Secondary sanctions risk:", "secondary_sanctions_risk"},
        {"Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:",
         "transactions_prohibited"},
    };
    if (src_type)
        for (size_t i = 0; i < sizeof as_attr / sizeof as_attr[0]; i++)
            if (strcasecmp(src_type, as_attr[i].src) == 0)
                return cordon__xml_empty(number) ||
                       cordon__ent_add_attr(e, as_attr[i].key, number, strlen(number));
    const char *t = cordon__xml_ofac_id_type(e, src_type ? src_type : "");
    if (!t)
        return false;
    if (!number)
        number = "";
    if (strcmp(t, "imo") == 0 && strncasecmp(number, "IMO ", 4) == 0)
        number += 4;
    return cordon__ent_add_id(e, t, strlen(t), number, strlen(number), country,
                              country ? strlen(country) : 0, note, note ? strlen(note) : 0);
}

static int month_days(int y, int m)
{
    static const int md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 31;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return md[m - 1];
}

bool cordon__xml_span_date(int y0, int m0, int d0, int y1, int m1, int d1, bool approx,
                           cordon__date *out)
{
    memset(out, 0, sizeof *out);
    if (y0 <= 0 || y0 > 9999)
        return false;
    if (y1 <= 0) {
        y1 = y0;
        m1 = m0;
        d1 = d0;
    }
    out->year = (int16_t)y0;
    out->circa = approx;
    if (y1 != y0) {
        if (y1 > y0 && y1 <= 9999)
            out->year_to = (int16_t)y1;
        return true;
    }
    if (m0 == m1 && d0 == d1) {
        out->month = (int16_t)m0;
        out->day = (int16_t)d0;
    } else if (m0 == m1) {
        out->month = (int16_t)m0; /* whole month (or part of it) */
    } else {
        (void)month_days; /* whole year or an odd span inside it: the year */
    }
    if (out->month < 0 || out->month > 12)
        out->month = 0;
    if (out->day < 0 || out->day > month_days(y0, out->month))
        out->day = 0;
    return true;
}

int cordon__xml_ofac_feature(cordon__xml *x, cordon__ent *e, const char *ft, const char *value,
                             const char *laddr, const char *lcountry, const cordon__date *date)
{
    if (strcmp(ft, "Birthdate") == 0) {
        if (date)
            CORDON__XML_TRY(x, cordon__ent_add_dob(e, date));
        else if (value) {
            cordon__date d;
            if (cordon__date_parse(value, strlen(value), &d))
                CORDON__XML_TRY(x, cordon__ent_add_dob(e, &d));
        }
        return CORDON_OK;
    }
    if (strcmp(ft, "Place of Birth") == 0) {
        const char *v = value ? value : laddr;
        if (v)
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_POB, v, strlen(v)));
        return CORDON_OK;
    }
    if (strcmp(ft, "Nationality Country") == 0 || strcmp(ft, "Citizenship Country") == 0) {
        const char *v = lcountry ? lcountry : (value ? value : laddr);
        int f = ft[0] == 'N' ? CORDON__M_NATIONALITY : CORDON__M_CITIZENSHIP;
        if (v)
            CORDON__XML_TRY(x, cordon__ent_add(e, f, v, strlen(v)));
        return CORDON_OK;
    }
    if (strcmp(ft, "Location") == 0) {
        if (laddr)
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_ADDRESS, laddr, strlen(laddr)));
        if (lcountry)
            CORDON__XML_TRY(x, cordon__ent_add(e, CORDON__M_ADDRESS_COUNTRY, lcountry,
                                               strlen(lcountry)));
        return CORDON_OK;
    }
    if (strcmp(ft, "Gender") == 0) {
        if (value) {
            const char *g = cordon__xml_lower(e, value);
            CORDON__XML_TRY(x, g && cordon__ent_set(e, CORDON__F_GENDER, g, strlen(g)));
        }
        return CORDON_OK;
    }
    if (strcmp(ft, "Title") == 0) {
        if (value)
            CORDON__XML_TRY(x, cordon__ent_set(e, CORDON__F_TITLE, value, strlen(value)));
        return CORDON_OK;
    }
    static const struct {
        const char *ft, *key;
    } vessel[] = {{"Vessel Call Sign", "call_sign"},
                  {"VESSEL TYPE", "vessel_type"},
                  {"Vessel Flag", "vessel_flag"},
                  {"Vessel Owner", "owner"},
                  {"Vessel Tonnage", "tonnage"},
                  {"Vessel Gross Registered Tonnage", "gross_registered_tonnage"}};
    for (size_t i = 0; i < sizeof vessel / sizeof vessel[0]; i++) {
        if (strcasecmp(ft, vessel[i].ft) == 0) {
            const char *v = value ? value : lcountry;
            if (!cordon__xml_empty(v))
                CORDON__XML_TRY(x, cordon__ent_add_attr(e, vessel[i].key, v, strlen(v)));
            return CORDON_OK;
        }
    }
    /* everything else: identifiers and facts the classic XML lists as ids */
    const char *v = value ? value : (laddr ? laddr : lcountry);
    if (!cordon__xml_empty(v))
        CORDON__XML_TRY(x, cordon__xml_ofac_add_id(e, ft, v, NULL, NULL));
    return CORDON_OK;
}
