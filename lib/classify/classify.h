/*
 * classify.h — internal contract of lib/classify: countries, control codes,
 * rule packs and item classification. Never installed.
 *
 * Other modules use:
 *   cordon__country_iso2()  to normalise country names/codes (db builder, matcher);
 *   cordon__rules_serialize() / cordon__rules_load()  to store a rule pack
 *                            inside a db snapshot (index) and get it back.
 */
#ifndef CORDON_CLASSIFY_H
#define CORDON_CLASSIFY_H

#include "core/core.h"

/* ---- countries ------------------------------------------------------------ */

typedef struct cordon__country {
    char iso2[3];
    char iso3[4];
    uint16_t num;      /* ISO 3166-1 numeric */
    const char *name;  /* ISO short name (English) */
} cordon__country;

typedef struct cordon__country_key {
    const char *key;   /* normalised name: [a-z0-9]+, leading "the" dropped */
    char iso2[3];
} cordon__country_key;

/* Normalise a country given as ISO alpha-2, alpha-3, numeric code or an
 * English name / common variant ("Iran (Islamic Republic of)", "North Korea",
 * "DPRK", "Syria / Syrie", "Côte d'Ivoire", "UK"...). Case, accents and
 * punctuation are ignored. n may be CORDON_NUL_TERMINATED.
 * Returns a static upper-case alpha-2 code ("XK" for Kosovo) or NULL when
 * unknown or not valid UTF-8. Thread-safe, no allocation. */
const char *cordon__country_iso2(const char *s, size_t n);

/* ISO short name of an alpha-2 code (any case); NULL if unknown. Static. */
const char *cordon__country_name(const char *iso2);

/* ISO alpha-3 code of an alpha-2 code; NULL if unknown. Static. */
const char *cordon__country_iso3(const char *iso2);

/* Number of entries and the i-th row (0 <= i < count) of the ISO table. */
size_t cordon__country_count(void);
const cordon__country *cordon__country_at(size_t i);

/* ---- codes ------------------------------------------------------------------ */

/* Normalise a code (see cordon_code_normalize); out needs 72 bytes. */
int cordon__code_norm(const char *code, size_t len, int kind, char *out, int *detected,
                      cordon_error *err);
/* "hs", "cn", "hts", "eccn", "eu_annex1", "usml", "auto"; NULL if unknown. */
const char *cordon__code_kind_name(int kind);
/* Regime family of a normalised ECCN / Annex I code (its third character):
 * static text, NULL if not a dual-use code. */
const char *cordon__eccn_regime(const char *norm);

/* ---- quantities ------------------------------------------------------------- */

enum {
    CORDON__DIM_NONE = 0, /* a bare number */
    CORDON__DIM_FREQ,     /* Hz */
    CORDON__DIM_RATE,     /* samples/s */
    CORDON__DIM_BITS,     /* bit */
    CORDON__DIM_BITRATE,  /* bit/s */
    CORDON__DIM_LENGTH,   /* m */
    CORDON__DIM_MASS,     /* kg */
    CORDON__DIM_POWER,    /* W (dBm, dBW converted) */
    CORDON__DIM_TEMP,     /* K */
    CORDON__DIM_SPEED,    /* m/s */
    CORDON__DIM_PRESSURE, /* Pa */
    CORDON__DIM_TORQUE,   /* N m */
    CORDON__DIM_TIME,     /* s */
    CORDON__DIM_PERCENT,  /* % */
    CORDON__DIM_MACH,     /* Mach number */
    CORDON__DIM_COUNT
};

enum { CORDON__CMP_GT = 0, CORDON__CMP_GE, CORDON__CMP_LT, CORDON__CMP_LE, CORDON__CMP_EQ };

typedef struct cordon__qty {
    double value;  /* in the base unit of dim */
    int dim;
    size_t start, end; /* byte span in the text it came from */
} cordon__qty;

const char *cordon__dim_name(int dim);
const char *cordon__dim_base_unit(int dim);
/* Longest unit at s[0..n) followed by a word boundary; returns its length
 * (0 if none) and its dimension / static canonical text. */
size_t cordon__unit_match(const char *s, size_t n, int *dim, double *factor, const char **canon);
/* Convert v given in unit_text (a unit exactly) to the base unit; NAN and
 * *dim = -1 when the unit is unknown. */
double cordon__unit_convert(const char *unit_text, size_t n, double v, int *dim);
/* Parse a whole "3.2 GHz" / "12 bit" / "Mach 2" / "42" (dim NONE). */
bool cordon__qty_parse(const char *s, size_t n, cordon__qty *q);
/* Extract up to max quantities with units from free text (ranges such as
 * "2.7-3.5 GHz" give both ends). Returns the count. */
size_t cordon__qty_extract(const char *s, size_t n, cordon__qty *out, size_t max);
/* v <cmp> thr with exact-boundary equality (relative 1e-9). */
bool cordon__cmp_holds(int cmp, double v, double thr);
const char *cordon__cmp_name(int cmp);
const char *cordon__cmp_symbol(int cmp);
int cordon__cmp_parse(const char *s);

/* ---- rules -------------------------------------------------------------------- */

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

typedef uint32_t cordon__str; /* byte offset into the rules' string pool; 0 = "" */

enum { CORDON__LIST_RULES = 0, CORDON__LIST_CODES = 1 };
#define CORDON__LIST_IS_CHPL 1 /* list id contains "chpl": embargo scope 'chpl' */
#define CORDON__KIND_LABEL 100 /* entry code is a free label (code lists) */
enum { CORDON__PAT_EXCLUDE = 1, CORDON__PAT_REGION = 2 };
enum { CORDON__SCOPE_ALL = 0, CORDON__SCOPE_CONTROLLED, CORDON__SCOPE_CHPL, CORDON__SCOPE_LIST };
enum { CORDON__SEV_BLOCK = 0, CORDON__SEV_REVIEW };

/* Every model struct holds only uint32_t (and the two doubles of a param)
 * so the serialiser can write them word by word. */
typedef struct cordon__list_meta {
    cordon__str id, name, regime, version, act, date, url, source;
    uint32_t kind; /* CORDON__LIST_* */
} cordon__list_meta;

typedef struct cordon__entry {
    uint32_t list;
    cordon__str code, title, reasons, tier, notes, act, date;
    uint32_t kind; /* CORDON_CODE_* or CORDON__KIND_LABEL */
    uint32_t hs_first, hs_count;   /* into rules->hs */
    uint32_t pat_first, pat_count; /* into rules->pats */
    uint32_t par_first, par_count; /* into rules->params */
    uint32_t params_any;
    uint32_t line;                 /* source line (0 for blobs) */
} cordon__entry;

typedef struct cordon__param_rule {
    cordon__str name, unit, label;
    uint32_t dim, cmp, pad;
    double value; /* threshold in the base unit */
    double given; /* threshold as written, in unit */
} cordon__param_rule;

typedef struct cordon__pattern {
    cordon__str src;
    uint32_t flags; /* CORDON__PAT_* */
} cordon__pattern;

typedef struct cordon__embargo {
    uint32_t country; /* two ASCII letters: c[0] | c[1] << 8 */
    cordon__str regime, region, list, program, act, date, url, notes;
    uint32_t scope, severity;
    uint32_t pat_first, pat_count;
} cordon__embargo;

typedef struct cordon__hsref {
    cordon__str prefix;
    uint32_t entry;
} cordon__hsref;

struct cordon_rules {
    cordon__alloc alloc;
    int64_t max_input;
    int64_t strict;
    cordon__buf pool;
    cordon__list_meta *lists; size_t nlists, caplists;
    cordon__entry *entries; size_t nentries, capentries;
    cordon__str *hs; size_t nhs, caphs;
    cordon__pattern *pats; size_t npats, cappats;
    cordon__param_rule *params; size_t nparams, capparams;
    cordon__embargo *embargoes; size_t nembargoes, capembargoes;
    /* derived, rebuilt after each load */
    pcre2_general_context *gctx;
    pcre2_code **codes; size_t ncodes; /* parallel to pats */
    cordon__hsref *hsidx; size_t nhsidx;  /* sorted by prefix */
    uint32_t *by_code; size_t nby_code;   /* entry indices sorted by code */
    uint32_t *with_pats; size_t nwith_pats; /* entries that have text patterns */
    uint8_t *list_flags; /* per list: CORDON__LIST_IS_* */
    uint32_t *canon; /* parallel to pats: index of the first identical pattern */
    uint32_t skipped; /* rows skipped in lenient mode */
};
typedef struct cordon_rules cordon__rules;

static inline const char *cordon__s(const cordon__rules *r, cordon__str o)
{
    return r->pool.data ? r->pool.data + o : "";
}

/* The RelaxNG schema (data/rules/cordon-rules.rng), compiled in. */
extern const char cordon__rules_rng[];
extern const size_t cordon__rules_rng_len;

int cordon__rules_create(const cordon_options *opts, cordon__rules **out, cordon_error *err);
void cordon__rules_destroy(cordon__rules *r);
cordon__str cordon__rules_str(cordon__rules *r, const char *s, size_t n);
/* Load a rule pack XML document held in memory; name is used in messages. */
int cordon__rules_load_xml(cordon__rules *r, const char *data, size_t len, const char *name,
                           cordon_error *err);
/* Import a code list table (CSV or TSV with an optional header). */
int cordon__rules_load_codelist(cordon__rules *r, const char *data, size_t len, const char *name,
                                const char *list_id, cordon_error *err);
/* Compile patterns and rebuild the indices after a load. */
int cordon__rules_finish(cordon__rules *r, size_t first_pattern, cordon_error *err);
/* Entries whose HS prefix is a prefix of digits[0..n): calls fn for each. */
size_t cordon__rules_hs_lookup(const cordon__rules *r, const char *digits, size_t n,
                               uint32_t *out, size_t max);
/* Entries whose code equals code (normalised). Returns count, fills out. */
size_t cordon__rules_code_lookup(const cordon__rules *r, const char *code, uint32_t *out,
                                 size_t max);
/* Snapshot support: a compact, self-checking byte blob of the loaded rules. */
int cordon__rules_serialize(const cordon__rules *r, cordon__buf *out);
int cordon__rules_load(const void *blob, size_t len, const cordon_options *opts,
                       cordon__rules **out, cordon_error *err);

#endif /* CORDON_CLASSIFY_H */
