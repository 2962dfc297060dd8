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

#endif /* CORDON_CLASSIFY_H */
