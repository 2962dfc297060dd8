/* txn.h — transactions and verdicts (internal). */
#ifndef CORDON_TXN_H
#define CORDON_TXN_H

#include "core/core.h"

#define CORDON__TXN_MAX_TRANSIT 16

typedef struct cordon__txn_param {
    char *key, *value;
} cordon__txn_param;

typedef struct cordon__txn_party {
    char *role;         /* buyer, consignee, end_user, bank, carrier, notify, ... */
    char *name;
    int type;           /* CORDON_TYPE_* */
    char *country;      /* as given */
    char *dob;          /* as given */
    char *id_type, *id_number;
} cordon__txn_party;

typedef struct cordon__txn_item {
    char *description;
    char *hs;           /* HS / CN / HTS as given */
    char *eccn;         /* declared ECCN / Annex I code as given */
    cordon__txn_param *params; size_t n_params, cap_params;
} cordon__txn_item;

struct cordon_txn {
    cordon__alloc alloc;
    cordon_options *opts;
    char *id;
    char *origin, *destination;
    char *transit[CORDON__TXN_MAX_TRANSIT]; size_t n_transit;
    cordon__txn_party *parties; size_t n_parties, cap_parties;
    cordon__txn_item *items; size_t n_items, cap_items;
};

/* Party type name (person, individual, organization, organisation, org,
 * entity, company, vessel, aircraft, any, unknown, "" or NULL) to
 * CORDON_TYPE_*, or -1. Shared by the JSON and XML transaction parsers. */
int cordon__txn_type_from_name(const char *s);

#endif
