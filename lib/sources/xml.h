/*
 * xml.h — a hardened, streaming XML event reader shared by the XML list
 * parsers (internal). Wraps libxml2's xmlTextReader:
 *
 *  - no network, no entity substitution, no DTD loading or validation,
 *    XML_PARSE_HUGE off; a DOCTYPE with an internal subset or an external
 *    identifier is refused before libxml2 sees the document (billion laughs,
 *    XXE), and any entity reference node is refused;
 *  - element depth limited by the options' max_depth, every text node and
 *    attribute value by max_name_bytes (CORDON_E_LIMIT);
 *  - documents without an encoding declaration (or declaring UTF-8) are
 *    validated as strict UTF-8 first (CORDON_E_UTF8 with offset/line/column);
 *  - libxml2 errors are captured per reader (structured handler) into the
 *    cordon_error with file name, line and column; detail = libxml2 code.
 *
 * Events: cordon__xml_next() returns CORDON__XML_START for an element start
 * (attributes readable with cordon__xml_attr until the next call), then
 * CORDON__XML_END for its end (also for empty elements <x/>), with the text
 * directly inside the element in x->text (raw, untrimmed) and x->leaf true
 * when the element had no child elements.
 */
#ifndef CORDON_SOURCES_XML_H
#define CORDON_SOURCES_XML_H

#include <string.h>
#include <strings.h>

#include "sources/entity.h"

enum { CORDON__XML_EOF = 0, CORDON__XML_START = 1, CORDON__XML_END = 2 };

typedef struct cordon__xml {
    void *reader;              /* xmlTextReaderPtr */
    const cordon__input *in;
    const cordon__alloc *alloc;
    cordon_error *err;
    int rc;                    /* sticky first error (CORDON_E_*) */
    int64_t max_depth, max_text;
    /* current event */
    const char *name;          /* local name (interned; valid while open) */
    const char *ns;            /* namespace URI or NULL */
    int depth;                 /* 0 = root element */
    bool leaf;
    const char *text;          /* END: text content, NUL-terminated */
    size_t text_len;
    /* private */
    cordon__buf tbuf;
    const char **path; size_t cap_path;
    int last_start_depth;
    bool pending_end;          /* empty element: END still to deliver */
} cordon__xml;

/* Open a reader on in. Returns CORDON_OK or an error (limits, refused DOCTYPE,
 * invalid UTF-8); on error nothing needs closing. */
int cordon__xml_open(cordon__xml *x, const cordon__input *in, const cordon_options *o,
                     cordon_error *err);
void cordon__xml_close(cordon__xml *x);
/* Next event: CORDON__XML_START / CORDON__XML_END / CORDON__XML_EOF, or a
 * negative CORDON_E_* code (err filled). */
int cordon__xml_next(cordon__xml *x);
/* Attribute value of the current START element (NULL if absent). Valid until
 * the next cordon__xml_attr or cordon__xml_next call. */
const char *cordon__xml_attr(cordon__xml *x, const char *name);
/* Name of the ancestor `up` levels above the current element (1 = parent),
 * or "" when there is none. */
const char *cordon__xml_up(const cordon__xml *x, int up);
/* Skip the subtree of the current START element (its END is not delivered). */
int cordon__xml_skip(cordon__xml *x);
/* Current parser line (for messages). */
int64_t cordon__xml_line(const cordon__xml *x);
/* Fail with a positioned error mentioning the file name. */
int cordon__xml_fail(cordon__xml *x, int code, const char *fmt, ...) CORDON__PRINTF(3, 4);

/* Helpers for detection: true if the first `len` bytes (at most 4 KiB are
 * looked at) contain the root element `root` (local name) and, when ns is
 * not NULL, the namespace text ns. */
bool cordon__xml_sniff(const char *data, size_t len, const char *root, const char *ns);

/* Trimmed text of the current END event. */
static inline bool cordon__xml_has_text(const cordon__xml *x)
{
    for (size_t i = 0; i < x->text_len; i++)
        if ((unsigned char)x->text[i] > ' ')
            return true;
    return false;
}

/* Case-sensitive name test. */
static inline bool cordon__xml_is(const cordon__xml *x, const char *name)
{
    return x->name && __builtin_strcmp(x->name, name) == 0;
}

/* Parse an unsigned decimal int from text (NULL/invalid -> -1). */
long long cordon__xml_int(const char *s);


/* A span of dates (first possible day .. last possible day) to a cordon__date:
 * equal ends = exact date; a whole month = month; a whole year = year;
 * different years = year range. false if y0 is 0. */
bool cordon__xml_span_date(int y0, int m0, int d0, int y1, int m1, int d1, bool approx,
                           cordon__date *out);
/* Apply one OFAC feature (advanced / enhanced XML) of type name ft to e:
 * Birthdate (date), Place of Birth, Nationality / Citizenship Country,
 * Location, Gender, Title, vessel details (attributes); any other type goes
 * through cordon__xml_ofac_add_id. value = the feature's text or looked-up
 * value; addr/country = its location, if any. */
int cordon__xml_ofac_feature(cordon__xml *x, cordon__ent *e, const char *ft, const char *value,
                             const char *addr, const char *country, const cordon__date *date);

#endif

/* ---- helpers for the parsers ------------------------------------------- */

/* A record that cannot be used: strict mode -> CORDON_E_PARSE with position;
 * lenient -> recorded with the sink as skipped, returns CORDON_OK. */
int cordon__xml_bad(cordon__xml *x, cordon__sink *s, const char *reason);
/* Deliver e (after checking it has an id and a name; else cordon__xml_bad). */
int cordon__xml_emit(cordon__xml *x, cordon__sink *s, cordon__ent *e);
/* Copy the current END text (trimmed) into e's arena; "" if blank, NULL on
 * out of memory. */
const char *cordon__xml_keep(cordon__xml *x, cordon__ent *e);
/* Join the non-empty strings of parts with sep into e's arena (NULL on OOM;
 * "" if all empty). */
const char *cordon__xml_join(cordon__ent *e, cordon__buf *b, const char *sep,
                             const char *const *parts, size_t n);
/* ASCII lower-case copy into e's arena (NULL on OOM). */
const char *cordon__xml_lower(cordon__ent *e, const char *s);
/* Out-of-memory failure. */
#define CORDON__XML_TRY(x, cond)                                                     \
    do {                                                                             \
        if (!(cond))                                                                 \
            return cordon__xml_fail((x), CORDON_E_NOMEM, "out of memory");           \
    } while (0)
/* Empty-or-NULL test. */
static inline bool cordon__xml_empty(const char *s)
{
    return !s || !*s;
}

/* OFAC identifier type (idType / IDRegDocType / FeatureType text) to the
 * entity model's type: "passport", "national_id", "tax_id", "swift", "imo",
 * "mmsi", "lei", "crypto:xbt", "website", "email", ...; other types are
 * lower-cased as written. Result in e's arena (NULL on out of memory). */
const char *cordon__xml_ofac_id_type(cordon__ent *e, const char *src);
/* Add an OFAC identifier (type mapped as above; "IMO 1234567" numbers of
 * vessel registrations keep only the digits). false on out of memory. */
bool cordon__xml_ofac_add_id(cordon__ent *e, const char *src_type, const char *number,
                             const char *country, const char *note);
