/* verdict.h — verdict object (internal). */
#ifndef CORDON_VERDICT_H
#define CORDON_VERDICT_H

#include "core/core.h"

typedef struct cordon__reason {
    const char *code;   /* static: PARTY_MATCH, PARTY_POSSIBLE_MATCH, EMBARGO, ... */
    int decision;       /* CORDON_VERDICT_* */
    char *text;
    char *evidence;     /* JSON object */
} cordon__reason;

struct cordon_verdict {
    cordon__alloc alloc;
    int decision;
    char *txn_id;
    cordon__reason *reasons; size_t n_reasons, cap_reasons;
    char *lists_json;
    char *json; size_t json_len;
};

int cordon__verdict_add(cordon_verdict *v, const char *code, int decision, const char *text,
                        const char *evidence_json, cordon_error *err);

/* Party screening part of a verdict (lib/screen/txn_parties.c). */
int cordon__screen_txn_parties(cordon_verdict *v, const cordon_db *db, const cordon_txn *t,
                               const cordon_options *opts, cordon_error *err);

/* Rules stored in the db, or NULL (lib/index). */
const cordon_rules *cordon__db_rules(const cordon_db *db);

#endif
