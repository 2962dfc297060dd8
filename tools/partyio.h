/* partyio.h — party files (CSV / JSON lines), suppressions and the threaded
 * screening loop shared by `cordon screen` and `cordon delta`. */
#ifndef CORDON_PARTYIO_H
#define CORDON_PARTYIO_H

#include "cli.h"

/* "person", "org", ... -> CORDON_TYPE_*; -1 unknown ("" = any). */
int party_parse_type(const char *s);

/* Suppressions: party id, list id, entity id, content hash (hex). */
typedef struct supp_entry {
    char *key;      /* "party\tlist\tentity" */
    unsigned long long hash;
} supp_entry;
typedef struct supp_set {
    supp_entry *e;
    size_t n;
} supp_set;
/* Load a TSV file; returns CLI_OK or CLI_USAGE (message printed). */
int supp_load(supp_set *s, const char *path);
void supp_free(supp_set *s);
/* 0 = not suppressed, 1 = suppressed, 2 = was suppressed but the entity changed */
int supp_check(const supp_set *s, const char *party, const char *list, const char *entity,
               unsigned long long hash);

/* Screening run over a party file. mode 0: screen (db_new only); 1: delta. */
typedef struct screen_run {
    const cordon_db *db_old, *db_new;
    const supp_set *supp;
    int threads;
    int mode;
    /* counts */
    long rows, alerting_rows, alerts, suppressed, errors;
} screen_run;

/* Returns CLI_OK / CLI_FINDINGS / CLI_USAGE. */
int screen_file(screen_run *run, const char *path);

#endif
