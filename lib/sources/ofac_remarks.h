/*
 * ofac_remarks.h — structured fields from OFAC free-text remarks (internal).
 *
 * OFAC packs dates of birth, places of birth, nationalities, identity
 * documents, vessel and aircraft data, crypto addresses and extra aliases
 * into a "; "-separated remarks text. cordon__ofac_remarks() splits it and
 * recognises each segment with one compiled PCRE2 pattern (JIT when
 * available). The patterns are compiled once per process (pthread_once,
 * static arena) and shared read-only by every thread; a cordon__ofac_rx
 * holds only the caller's match data (allocator hook), one per parse call.
 */
#ifndef CORDON_OFAC_REMARKS_H
#define CORDON_OFAC_REMARKS_H

#include "sources/entity.h"

typedef struct cordon__ofac_rx cordon__ofac_rx;

/* Match state with allocator a (compiles the shared patterns on first use).
 * CORDON_E_REGEX / CORDON_E_NOMEM. */
int cordon__ofac_rx_new(cordon__ofac_rx **out, const cordon__alloc *a, cordon_error *err);
void cordon__ofac_rx_free(cordon__ofac_rx *rx);

/* Extract what the remarks s[0..n) say into e (DOBs, POBs, nationalities,
 * citizenships, gender, identifiers, aliases, attributes). Text not
 * recognised stays only in the remarks field (set by the caller). Returns
 * false only when memory ran out. */
bool cordon__ofac_remarks(cordon__ofac_rx *rx, cordon__ent *e, const char *s, size_t n);

/* Apply one typed value as the US CSL "ids" column gives it ("Passport",
 * "K048787", country, note): the type is looked up in the same keyword
 * table as remarks segments. Unknown types become an attribute whose key is
 * the type text. Returns false only when memory ran out. */
bool cordon__ofac_typed_value(cordon__ent *e, const char *type, size_t tn, const char *value,
                              size_t vn, const char *country, size_t cn, const char *note,
                              size_t nn);

#endif /* CORDON_OFAC_REMARKS_H */
