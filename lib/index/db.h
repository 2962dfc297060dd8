/*
 * db.h — the immutable db and its snapshot layout (internal).
 *
 * A db is ONE flat little-endian blob (the snapshot file format): a header, a
 * section table, and sections of fixed-size records that refer to each other
 * by 32-bit indexes and to strings by 32-bit offsets into the STRINGS section
 * (offset 0 is the empty string). The builder produces the blob in memory;
 * cordon_db_save() writes it; cordon_db_open() maps it (mmap) and validates it.
 * Readers use the accessors below and never copy. Immutable => thread-safe.
 */
#ifndef CORDON_DB_H
#define CORDON_DB_H

#include "core/core.h"
#include "sources/entity.h"

#define CORDON__DB_MAGIC "CORDONDB"
#define CORDON__DB_FORMAT 1           /* bump on any incompatible layout change */
#define CORDON__DB_ENDIAN 0x01020304u /* written natively; must read back equal */

/* Section ids. Appended only. */
enum {
    CORDON__SEC_STRINGS = 1,  /* NUL-terminated UTF-8 strings; offset 0 = "" */
    CORDON__SEC_LISTS = 2,    /* cordon__rec_list[] */
    CORDON__SEC_ENTITIES = 3, /* cordon__rec_entity[] */
    CORDON__SEC_NAMES = 4,    /* cordon__rec_name[] (grouped by entity) */
    CORDON__SEC_DATES = 5,    /* cordon__rec_date[] */
    CORDON__SEC_IDENTS = 6,   /* cordon__rec_ident[] */
    CORDON__SEC_ATTRS = 7,    /* cordon__rec_attr[] */
    CORDON__SEC_STRREFS = 8,  /* uint32_t string offsets (multi-valued fields) */
    CORDON__SEC_SKIPS = 9,    /* cordon__rec_skip[] */
    CORDON__SEC_MATCH = 10,   /* opaque: the matcher's name index (lib/match) */
    CORDON__SEC_RULES = 11,   /* opaque: classification rules (lib/classify) */
    CORDON__SEC_MAX = 32
};

typedef struct cordon__rec_list {
    uint32_t id, publisher, date, source; /* strings; source = file name(s) */
    uint8_t sha256[32];
    uint32_t entity_first, entity_count;  /* entities of a list are contiguous */
    uint32_t name_count;
    uint32_t skip_first, skip_count;
    uint32_t format;                      /* string: parser format name */
    uint32_t sha256_hex;                  /* string: sha256 in lower-case hex */
    uint32_t pad;
} cordon__rec_list;

typedef struct cordon__rec_entity {
    uint32_t id;                /* string */
    uint32_t list;              /* index into LISTS */
    uint32_t type;              /* CORDON__TYPE_* */
    uint32_t scalar[CORDON__NSCALAR]; /* strings (id duplicated in scalar[F_ID]) */
    uint32_t name_first, name_count;
    uint32_t date_first, date_count;  /* DOBs */
    uint32_t ident_first, ident_count;
    uint32_t attr_first, attr_count;
    uint32_t multi_first[CORDON__NMULTI], multi_count[CORDON__NMULTI]; /* into STRREFS */
    uint32_t country_first, country_count; /* into STRREFS: normalised ISO2 codes of all
                                              nationalities/citizenships/countries */
    uint32_t pad;
    uint64_t content_hash;      /* hash of everything listed about the entity */
} cordon__rec_entity;

typedef struct cordon__rec_name {
    uint32_t entity;            /* index into ENTITIES */
    uint32_t full, given, middle, family; /* strings */
    uint32_t kind;              /* CORDON__NAME_* */
} cordon__rec_name;

typedef struct cordon__rec_date {
    int16_t year, month, day, year_to;
    uint8_t circa, pad[3];
} cordon__rec_date;

typedef struct cordon__rec_ident {
    uint32_t type, number, country, note; /* strings; country normalised to ISO2 when known */
} cordon__rec_ident;

typedef struct cordon__rec_attr {
    uint32_t key, value;
} cordon__rec_attr;

typedef struct cordon__rec_skip {
    uint32_t list;
    uint32_t reason;            /* string */
    int64_t line;
} cordon__rec_skip;

typedef struct cordon__db_header {
    char magic[8];
    uint32_t endian;
    uint32_t format;
    uint64_t file_size;
    uint32_t section_count;
    uint32_t header_size;       /* sizeof header + section table */
    uint64_t checksum;          /* cordon__hash64 of bytes [header_size, file_size) */
    uint64_t header_checksum;   /* cordon__hash64 of header (this field zero) + table */
    char library_version[16];
    uint64_t reserved[4];
} cordon__db_header;

typedef struct cordon__db_section {
    uint32_t id, flags;
    uint64_t offset, size;      /* offset from file start, 8-byte aligned */
} cordon__db_section;

struct cordon_db {
    cordon__alloc alloc;
    cordon_options *opts;       /* private copy */
    const unsigned char *base;  /* the blob */
    size_t size;
    int mapped;                 /* 1 = mmap'ed (munmap on free), 0 = heap */
    const char *strings; size_t strings_size;
    const cordon__rec_list *lists; uint32_t n_lists;
    const cordon__rec_entity *entities; uint32_t n_entities;
    const cordon__rec_name *names; uint32_t n_names;
    const cordon__rec_date *dates; uint32_t n_dates;
    const cordon__rec_ident *idents; uint32_t n_idents;
    const cordon__rec_attr *attrs; uint32_t n_attrs;
    const uint32_t *strrefs; uint32_t n_strrefs;
    const cordon__rec_skip *skips; uint32_t n_skips;
    const void *match_sec; size_t match_size;   /* CORDON__SEC_MATCH or NULL */
    const void *rules_sec; size_t rules_size;   /* CORDON__SEC_RULES or NULL */
    void *match;                /* runtime view built by cordon__match_attach (or NULL) */
    void *rules;                /* runtime rules from cordon__rules_load (or NULL) */
};

/* String at offset (always valid after open-time validation). */
static inline const char *cordon__db_str(const struct cordon_db *db, uint32_t off)
{
    return db->strings + off;
}

/* Hooks implemented by other modules, called by the builder/open code.
 * build: write the matcher's index section for all names of db (a complete,
 *   validated db without CORDON__SEC_MATCH) into out.
 * attach: validate and attach a MATCH section at open time (zero-copy); sets
 *   db->match. detach frees what attach allocated. */
int cordon__match_build(const struct cordon_db *db, cordon__buf *out, cordon_error *err);
int cordon__match_attach(struct cordon_db *db, cordon_error *err);
void cordon__match_detach(struct cordon_db *db);

#endif /* CORDON_DB_H */
