/*
 * entity.h — the entity model as parsers produce it (internal).
 *
 * A parser fills one reusable scratch entity (cordon__ent) per listed party
 * and hands it to the sink (the db builder), which copies what it needs.
 * Every string given to cordon__ent_* is copied, trimmed of surrounding
 * whitespace, and must be valid UTF-8 (parsers convert other encodings first);
 * empty strings after trimming are ignored. Functions return false only when
 * memory ran out.
 */
#ifndef CORDON_ENTITY_H
#define CORDON_ENTITY_H

#include "core/core.h"

/* Entity types (same values as the public CORDON_TYPE_* constants). */
enum {
    CORDON__TYPE_UNKNOWN = 0,
    CORDON__TYPE_PERSON = 1,
    CORDON__TYPE_ORGANIZATION = 2,
    CORDON__TYPE_VESSEL = 3,
    CORDON__TYPE_AIRCRAFT = 4
};

/* Name kinds (same values as the public CORDON_NAME_* constants). */
enum {
    CORDON__NAME_PRIMARY = 0,  /* the list's main name */
    CORDON__NAME_AKA = 1,      /* also known as (strong alias) */
    CORDON__NAME_FKA = 2,      /* formerly known as */
    CORDON__NAME_WEAK = 3,     /* weak / low-quality alias */
    CORDON__NAME_ORIGINAL = 4  /* the name in its original script */
};

/* Scalar text fields (cordon__ent_set). */
enum {
    CORDON__F_ID = 0,        /* entity id within its list (required) */
    CORDON__F_GENDER,        /* "male" / "female" (lower case) */
    CORDON__F_LISTED_ON,     /* listing date, ISO yyyy-mm-dd when known */
    CORDON__F_REMARKS,       /* free-text remarks */
    CORDON__F_TITLE,         /* title / position */
    CORDON__NSCALAR
};

/* Multi-valued text fields (cordon__ent_add). Countries are given as the
 * source writes them (ISO code or name); the builder normalises them. */
enum {
    CORDON__M_PROGRAM = 0,   /* sanctions program / regime */
    CORDON__M_NATIONALITY,
    CORDON__M_CITIZENSHIP,
    CORDON__M_POB,           /* place of birth, free text */
    CORDON__M_ADDRESS,       /* full address, free text */
    CORDON__M_ADDRESS_COUNTRY,
    CORDON__M_COUNTRY,       /* other country association (e.g. OFAC CSV country) */
    CORDON__NMULTI
};

/* A date: year 0 = unknown; month/day 0 = unknown (year-only, month-only).
 * A range has year_to > 0 (year..year_to). circa = approximate. */
typedef struct cordon__date {
    int16_t year, month, day;
    int16_t year_to;
    uint8_t circa;
} cordon__date;

typedef struct cordon__ent_name {
    const char *full;   /* whole name as written (required) */
    const char *given;  /* name parts where the source gives them, else NULL */
    const char *middle;
    const char *family;
    int kind;           /* CORDON__NAME_* */
} cordon__ent_name;

typedef struct cordon__ent_ident {
    const char *type;    /* "passport", "national_id", "tax_id", "imo", "mmsi", "swift",
                            "lei", "crypto:XBT", ... lower case; source type if unknown */
    const char *number;
    const char *country; /* issuing country as written, or NULL */
    const char *note;    /* validity, remarks, or NULL */
} cordon__ent_ident;

typedef struct cordon__ent_attr {
    const char *key;     /* e.g. "vessel_flag", "vessel_type", "call_sign", "tonnage",
                            "owner", "aircraft_model", "aircraft_serial" */
    const char *value;
} cordon__ent_attr;

/* The scratch entity. Read its fields directly; write through functions. */
typedef struct cordon__ent {
    int type;
    const char *scalar[CORDON__NSCALAR];
    cordon__ent_name *names; size_t n_names, cap_names;
    cordon__date *dobs; size_t n_dobs, cap_dobs;
    cordon__ent_ident *ids; size_t n_ids, cap_ids;
    cordon__ent_attr *attrs; size_t n_attrs, cap_attrs;
    const char **multi[CORDON__NMULTI]; size_t n_multi[CORDON__NMULTI], cap_multi[CORDON__NMULTI];
    /* private: string arena */
    const cordon__alloc *alloc;
    char **blocks; size_t n_blocks, cap_blocks; size_t block_used, block_size;
} cordon__ent;

void cordon__ent_init(cordon__ent *e, const cordon__alloc *a);
void cordon__ent_clear(cordon__ent *e);   /* forget contents, keep memory */
void cordon__ent_destroy(cordon__ent *e); /* free everything */

/* Copy a string into the entity's arena (trimmed, NUL-terminated). Returns
 * NULL if out of memory; "" is returned for an empty/blank input. */
const char *cordon__ent_str(cordon__ent *e, const char *s, size_t n);

void cordon__ent_set_type(cordon__ent *e, int type);
bool cordon__ent_set(cordon__ent *e, int field, const char *s, size_t n);
/* Add a multi-valued field; duplicates (exact) are ignored. */
bool cordon__ent_add(cordon__ent *e, int field, const char *s, size_t n);
/* Add a name. Parts may be NULL. n = CORDON_NUL_TERMINATED allowed for all.
 * Exact duplicates (same full text, same kind) are ignored. */
bool cordon__ent_add_name(cordon__ent *e, int kind, const char *full, size_t fn,
                          const char *given, size_t gn, const char *middle, size_t mn,
                          const char *family, size_t famn);
bool cordon__ent_add_dob(cordon__ent *e, const cordon__date *d);
bool cordon__ent_add_id(cordon__ent *e, const char *type, size_t tn, const char *number,
                        size_t nn, const char *country, size_t cn, const char *note, size_t notn);
bool cordon__ent_add_attr(cordon__ent *e, const char *key, const char *value, size_t vn);

/* Parse a date written in common list forms into d: "1970-01-31", "1970",
 * "31 Jan 1970", "Jan 1970", "31/01/1970", "01/31/1970" (only when unambiguous
 * by value), "1970-01", "circa 1970", "1968 to 1970", "00/00/1970" (UK unknown
 * parts). Returns false if nothing sensible could be read. */
bool cordon__date_parse(const char *s, size_t n, cordon__date *d);

/* ---- the sink: where parsers deliver entities (implemented by the builder) */

typedef struct cordon__sink cordon__sink;

/* Declare the list the following entities belong to. list_id is a stable
 * short id ("us_ofac_sdn", "un_sc", ...), publisher a display name, date the
 * publication date read from the file (ISO yyyy-mm-dd, or NULL if absent). */
int cordon__sink_list(cordon__sink *s, const char *list_id, const char *publisher,
                      const char *date, cordon_error *err);
/* Deliver one entity (copied; e may be cleared afterwards). */
int cordon__sink_entity(cordon__sink *s, const cordon__ent *e, cordon_error *err);
/* Record a skipped row/record in lenient mode (line 0 if unknown). */
int cordon__sink_skip(cordon__sink *s, int64_t line, const char *reason, cordon_error *err);
/* The options in force (strictness, limits, allocator). */
const cordon_options *cordon__sink_options(const cordon__sink *s);

/* ---- input files ------------------------------------------------------- */

/* One input buffer: a whole file (or one member of a multi-file set). */
typedef struct cordon__input {
    const char *name;   /* file name for messages and set-member matching */
    const char *data;
    size_t len;
} cordon__input;

/* A format parser: parses n inputs (usually 1; several for multi-file sets
 * such as OFAC's sdn.csv + add.csv + alt.csv + sdn_comments.csv) and delivers
 * every entity to the sink. list_id may be NULL (use the format's default).
 * Errors carry the file name in the message and line/column/offset. */
typedef int (*cordon__parse_fn)(cordon__sink *sink, const cordon__input *in, size_t n,
                                const char *list_id, cordon_error *err);

/* Content detection: 0 = not this format, higher = more confident (max 100). */
typedef int (*cordon__detect_fn)(const char *name, const char *data, size_t len);

typedef struct cordon__format {
    const char *name;        /* "ofac_csv", "ofac_xml", "ofac_advanced_xml",
                                "ofac_enhanced_xml", "un_xml", "eu_xml", "eu_csv",
                                "uk_conlist_csv", "uk_conlist_xml", "uk_fcdo_csv",
                                "ca_sema_xml", "us_csl_csv", "bis_dpl", "generic_csv" ... */
    const char *description;
    cordon__detect_fn detect;
    cordon__parse_fn parse;
} cordon__format;

/* The registry (lib/sources/formats.c): NULL-terminated by name. */
extern const cordon__format *const cordon__formats[];
const cordon__format *cordon__format_find(const char *name);
/* Best format for this content, or NULL. */
const cordon__format *cordon__format_detect(const char *name, const char *data, size_t len);


/* ---- sink indirection (lib/sources/sink.c) ------------------------------
 * The cordon__sink_* functions above dispatch through these operations, so
 * the db builder (lib/index) and the unit tests can each provide their own
 * sink. ops->opts may be NULL (defaults). */
typedef struct cordon__sink_ops {
    int (*list)(void *ctx, const char *list_id, const char *publisher, const char *date,
                cordon_error *err);
    int (*entity)(void *ctx, const cordon__ent *e, cordon_error *err);
    int (*skip)(void *ctx, int64_t line, const char *reason, cordon_error *err);
    const cordon_options *opts;
} cordon__sink_ops;

struct cordon__sink {
    const cordon__sink_ops *ops;
    void *ctx;
};

#endif /* CORDON_ENTITY_H */
