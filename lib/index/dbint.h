/* dbint.h — internal functions of lib/index shared by builder.c and db.c. */
#ifndef CORDON_DBINT_H
#define CORDON_DBINT_H

#include "index/db.h"

/* Fast 64-bit checksum of a blob (8 bytes at a time). */
uint64_t cordon__db_checksum(const void *p, size_t n);

/* Validate a blob and wrap it in a db. On success the db owns the blob:
 * mapped = 1 -> munmap on free; 0 -> freed with the options' allocator.
 * attach = 1 -> attach the MATCH/RULES sections through their modules.
 * On failure the blob is NOT freed. */
int cordon__db_from_blob(const cordon_options *opts, unsigned char *blob, size_t size,
                         int mapped, int attach, cordon_db **out, cordon_error *err);

/* Optional modules: weak so the library links before they exist; the db works
 * without them (no name index, no rules). */
int cordon__match_build(const struct cordon_db *db, cordon__buf *out, cordon_error *err)
    __attribute__((weak));
int cordon__match_attach(struct cordon_db *db, cordon_error *err) __attribute__((weak));
void cordon__match_detach(struct cordon_db *db) __attribute__((weak));

#endif
