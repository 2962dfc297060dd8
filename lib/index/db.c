/* db.c — the immutable db: validation, snapshot open (mmap) and atomic save,
 * and the public accessors. */
#include "index/dbint.h"
#include "sources/formats.h"
#include "classify/classify.h"
#include "screen/verdict.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

uint64_t cordon__db_checksum(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0x243f6a8885a308d3ULL ^ (uint64_t)n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h ^= w * 0x9e3779b97f4a7c15ULL;
        h = (h << 27) | (h >> 37);
        h *= 0xbf58476d1ce4e5b9ULL;
    }
    for (; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 31;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 29;
    return h;
}

static int corrupt(cordon_error *err, const char *what)
{
    return cordon__err(err, CORDON_E_CORRUPT, "snapshot is corrupted: %s", what);
}

/* Range check helper: first + count <= n without overflow. */
static bool in_range(uint32_t first, uint32_t count, uint32_t n)
{
    return first <= n && count <= n - first;
}

static int validate(cordon_db *db, cordon_error *err)
{
    const size_t ss = db->strings_size;
#define STR_OK(off) ((off) < ss)
    if (ss == 0 || db->strings[0] != '\0' || db->strings[ss - 1] != '\0')
        return corrupt(err, "string table");
    for (uint32_t i = 0; i < db->n_lists; i++) {
        const cordon__rec_list *l = &db->lists[i];
        if (!STR_OK(l->id) || !STR_OK(l->publisher) || !STR_OK(l->date) || !STR_OK(l->source) ||
            !STR_OK(l->format) || !STR_OK(l->sha256_hex) || !in_range(l->entity_first, l->entity_count, db->n_entities) ||
            !in_range(l->skip_first, l->skip_count, db->n_skips))
            return corrupt(err, "list record");
    }
    for (uint32_t i = 0; i < db->n_entities; i++) {
        const cordon__rec_entity *e = &db->entities[i];
        if (!STR_OK(e->id) || e->list >= db->n_lists || e->type > 4 ||
            !in_range(e->name_first, e->name_count, db->n_names) ||
            !in_range(e->date_first, e->date_count, db->n_dates) ||
            !in_range(e->ident_first, e->ident_count, db->n_idents) ||
            !in_range(e->attr_first, e->attr_count, db->n_attrs) ||
            !in_range(e->country_first, e->country_count, db->n_strrefs))
            return corrupt(err, "entity record");
        for (int f = 0; f < CORDON__NSCALAR; f++)
            if (!STR_OK(e->scalar[f]))
                return corrupt(err, "entity field");
        for (int m = 0; m < CORDON__NMULTI; m++)
            if (!in_range(e->multi_first[m], e->multi_count[m], db->n_strrefs))
                return corrupt(err, "entity list field");
    }
    for (uint32_t i = 0; i < db->n_names; i++) {
        const cordon__rec_name *n = &db->names[i];
        if (n->entity >= db->n_entities || !STR_OK(n->full) || !STR_OK(n->given) ||
            !STR_OK(n->middle) || !STR_OK(n->family) || n->kind > 4)
            return corrupt(err, "name record");
    }
    for (uint32_t i = 0; i < db->n_idents; i++) {
        const cordon__rec_ident *d = &db->idents[i];
        if (!STR_OK(d->type) || !STR_OK(d->number) || !STR_OK(d->country) || !STR_OK(d->note))
            return corrupt(err, "identifier record");
    }
    for (uint32_t i = 0; i < db->n_attrs; i++)
        if (!STR_OK(db->attrs[i].key) || !STR_OK(db->attrs[i].value))
            return corrupt(err, "attribute record");
    for (uint32_t i = 0; i < db->n_strrefs; i++)
        if (!STR_OK(db->strrefs[i]))
            return corrupt(err, "string reference");
    for (uint32_t i = 0; i < db->n_skips; i++)
        if (db->skips[i].list >= db->n_lists || !STR_OK(db->skips[i].reason))
            return corrupt(err, "skip record");
#undef STR_OK
    return CORDON_OK;
}

int cordon__db_from_blob(const cordon_options *opts, unsigned char *blob, size_t size,
                         int mapped, int attach, cordon_db **out, cordon_error *err)
{
    *out = NULL;
    const cordon__db_header *h = (const cordon__db_header *)blob;
    if (size < sizeof *h || memcmp(h->magic, CORDON__DB_MAGIC, 8) != 0)
        return cordon__err(err, CORDON_E_CORRUPT, "not a cordon snapshot (bad magic)");
    if (h->endian != CORDON__DB_ENDIAN)
        return cordon__err(err, CORDON_E_CORRUPT,
                           "snapshot was written on a machine of other byte order");
    if (h->format != CORDON__DB_FORMAT)
        return cordon__err(err, CORDON_E_VERSION,
                           "snapshot format %u (written by cordon %.15s); this library reads format %u",
                           h->format, h->library_version, (unsigned)CORDON__DB_FORMAT);
    if (h->file_size != size)
        return cordon__err(err, CORDON_E_CORRUPT,
                           "snapshot is truncated or extended: %zu bytes, header says %llu",
                           size, (unsigned long long)h->file_size);
    if (h->section_count > CORDON__SEC_MAX ||
        h->header_size != sizeof *h + h->section_count * sizeof(cordon__db_section) ||
        h->header_size > size)
        return corrupt(err, "header");
    {
        cordon__db_header tmp;
        memcpy(&tmp, h, sizeof tmp);
        tmp.header_checksum = 0;
        /* checksum of header (with zero checksum field) + section table */
        unsigned char stackbuf[sizeof(cordon__db_header) + CORDON__SEC_MAX * sizeof(cordon__db_section)];
        memcpy(stackbuf, &tmp, sizeof tmp);
        memcpy(stackbuf + sizeof tmp, blob + sizeof tmp, h->header_size - sizeof tmp);
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
        /* (fuzz builds skip the checksums so mutated snapshots reach the
         * structural validation below, which must hold on its own) */
        if (cordon__db_checksum(stackbuf, h->header_size) != h->header_checksum)
            return corrupt(err, "header checksum mismatch");
#endif
    }
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
    if (cordon__db_checksum(blob + h->header_size, size - h->header_size) != h->checksum)
        return corrupt(err, "checksum mismatch");
#endif

    const cordon__alloc *a = cordon__alloc_of(opts);
    cordon_db *db = cordon__calloc(a, 1, sizeof *db);
    if (!db)
        return cordon__err(err, CORDON_E_NOMEM, "cannot allocate db");
    db->alloc = *a;
    int rc = cordon_options_copy(cordon__options_or_default(opts), &db->opts, err);
    if (rc) {
        cordon__free(a, db);
        return rc;
    }
    const cordon__db_section *sec = (const cordon__db_section *)(blob + sizeof *h);
    uint32_t seen = 0;
    for (uint32_t i = 0; i < h->section_count; i++) {
        const cordon__db_section *s = &sec[i];
        if (s->offset % 8 || s->offset < h->header_size || s->offset > size ||
            s->size > size - s->offset || s->id == 0 || s->id >= CORDON__SEC_MAX ||
            (seen & (1u << s->id))) {
            rc = corrupt(err, "section table");
            goto fail;
        }
        seen |= 1u << s->id;
        const unsigned char *p = blob + s->offset;
        size_t n = (size_t)s->size;
#define SEC(field, count, T)                                   \
    do {                                                       \
        if (n % sizeof(T) || n / sizeof(T) >= UINT32_MAX) {    \
            rc = corrupt(err, "section size");                 \
            goto fail;                                         \
        }                                                      \
        db->field = (const T *)p;                              \
        db->count = (uint32_t)(n / sizeof(T));                 \
    } while (0)
        switch (s->id) {
        case CORDON__SEC_STRINGS: db->strings = (const char *)p; db->strings_size = n; break;
        case CORDON__SEC_LISTS: SEC(lists, n_lists, cordon__rec_list); break;
        case CORDON__SEC_ENTITIES: SEC(entities, n_entities, cordon__rec_entity); break;
        case CORDON__SEC_NAMES: SEC(names, n_names, cordon__rec_name); break;
        case CORDON__SEC_DATES: SEC(dates, n_dates, cordon__rec_date); break;
        case CORDON__SEC_IDENTS: SEC(idents, n_idents, cordon__rec_ident); break;
        case CORDON__SEC_ATTRS: SEC(attrs, n_attrs, cordon__rec_attr); break;
        case CORDON__SEC_STRREFS: SEC(strrefs, n_strrefs, uint32_t); break;
        case CORDON__SEC_SKIPS: SEC(skips, n_skips, cordon__rec_skip); break;
        case CORDON__SEC_MATCH: db->match_sec = p; db->match_size = n; break;
        case CORDON__SEC_RULES: db->rules_sec = p; db->rules_size = n; break;
        default: break; /* unknown optional section from a compatible writer */
        }
#undef SEC
    }
    if (!db->strings) {
        rc = corrupt(err, "missing string table");
        goto fail;
    }
    rc = validate(db, err);
    if (rc)
        goto fail;
    db->base = blob;
    db->size = size;
    db->mapped = mapped;
    if (attach && db->rules_sec) {
        cordon__rules *r = NULL;
        rc = cordon__rules_load(db->rules_sec, db->rules_size, db->opts, &r, err);
        if (rc) {
            db->base = NULL;
            goto fail;
        }
        db->rules = r;
    }
    if (attach && db->match_sec && cordon__match_attach) {
        rc = cordon__match_attach(db, err);
        if (rc) {
            cordon_rules_free(db->rules);
            db->base = NULL;
            goto fail;
        }
    }
    *out = db;
    return CORDON_OK;
fail:
    cordon_options_free(db->opts);
    cordon__free(a, db);
    return rc;
}

CORDON_API void cordon_db_free(cordon_db *db)
{
    if (!db)
        return;
    if (db->match && cordon__match_detach)
        cordon__match_detach(db);
    cordon_rules_free(db->rules);
    if (db->base) {
        if (db->mapped)
            munmap((void *)db->base, db->size);
        else
            cordon__free(&db->alloc, (void *)db->base);
    }
    cordon_options_free(db->opts);
    cordon__alloc a = db->alloc;
    cordon__free(&a, db);
}

CORDON_API int cordon_db_open(const char *path, const cordon_options *opts, cordon_db **out,
                              cordon_error *err)
{
    if (!path || !out)
        return cordon__err(err, CORDON_E_INVALID, "cordon_db_open: NULL argument");
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        cordon__err(err, CORDON_E_IO, "%s: %s", path, strerror(e));
        cordon__err_detail(err, e);
        return CORDON_E_IO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return cordon__err(err, CORDON_E_IO, "%s: not a regular file", path);
    }
    if (st.st_size < (off_t)sizeof(cordon__db_header)) {
        close(fd);
        return cordon__err(err, CORDON_E_CORRUPT, "%s: too short to be a cordon snapshot (%lld bytes)",
                           path, (long long)st.st_size);
    }
    size_t size = (size_t)st.st_size;
    void *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    int e = errno;
    close(fd);
    if (p == MAP_FAILED) {
        cordon__err(err, CORDON_E_IO, "%s: mmap: %s", path, strerror(e));
        cordon__err_detail(err, e);
        return CORDON_E_IO;
    }
    int rc = cordon__db_from_blob(opts, p, size, 1, 1, out, err);
    if (rc) {
        munmap(p, size);
        if (err && err->message[0]) {
            char msg[sizeof err->message];
            snprintf(msg, sizeof msg, "%.200s: %.300s", path, err->message);
            memcpy(err->message, msg, sizeof msg);
        }
    }
    return rc;
}

CORDON_API int cordon_db_save(const cordon_db *db, const char *path, cordon_error *err)
{
    if (!db || !path)
        return cordon__err(err, CORDON_E_INVALID, "cordon_db_save: NULL argument");
    size_t pl = strlen(path);
    char *tmp = cordon__malloc(&db->alloc, pl + 16);
    if (!tmp)
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    snprintf(tmp, pl + 16, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp);
    int e = 0;
    if (fd < 0) {
        e = errno;
        goto io;
    }
    size_t done = 0;
    while (done < db->size) {
        ssize_t w = write(fd, db->base + done, db->size - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            e = errno;
            break;
        }
        done += (size_t)w;
    }
    if (!e && fsync(fd) != 0)
        e = errno;
    if (!e && fchmod(fd, 0644) != 0)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    if (!e && rename(tmp, path) != 0)
        e = errno;
    if (e) {
        unlink(tmp);
        goto io;
    }
    cordon__free(&db->alloc, tmp);
    return CORDON_OK;
io:
    cordon__err(err, CORDON_E_IO, "%s: cannot write snapshot: %s", path, strerror(e));
    cordon__err_detail(err, e);
    cordon__free(&db->alloc, tmp);
    return CORDON_E_IO;
}

/* ---- accessors ---------------------------------------------------------------- */

CORDON_API uint32_t cordon_db_list_count(const cordon_db *db)
{
    return db ? db->n_lists : 0;
}

CORDON_API const char *cordon_db_list_field(const cordon_db *db, uint32_t list, int field)
{
    if (!db || list >= db->n_lists)
        return NULL;
    const cordon__rec_list *l = &db->lists[list];
    switch (field) {
    case CORDON_LIST_ID: return cordon__db_str(db, l->id);
    case CORDON_LIST_PUBLISHER: return cordon__db_str(db, l->publisher);
    case CORDON_LIST_DATE: return cordon__db_str(db, l->date);
    case CORDON_LIST_SOURCE: return cordon__db_str(db, l->source);
    case CORDON_LIST_FORMAT: return cordon__db_str(db, l->format);
    case CORDON_LIST_SHA256: return cordon__db_str(db, l->sha256_hex);
    default: return NULL;
    }
}

CORDON_API int cordon_db_list_counts(const cordon_db *db, uint32_t list, uint32_t *entities,
                                     uint32_t *names, uint32_t *skipped)
{
    if (!db || list >= db->n_lists)
        return CORDON_E_RANGE;
    const cordon__rec_list *l = &db->lists[list];
    if (entities)
        *entities = l->entity_count;
    if (names)
        *names = l->name_count;
    if (skipped)
        *skipped = l->skip_count;
    return CORDON_OK;
}

CORDON_API int cordon_db_list_skipped(const cordon_db *db, uint32_t list, uint32_t i,
                                      int64_t *line, const char **reason)
{
    if (!db || list >= db->n_lists || i >= db->lists[list].skip_count)
        return CORDON_E_RANGE;
    const cordon__rec_skip *s = &db->skips[db->lists[list].skip_first + i];
    if (line)
        *line = s->line;
    if (reason)
        *reason = cordon__db_str(db, s->reason);
    return CORDON_OK;
}

CORDON_API uint32_t cordon_db_entity_count(const cordon_db *db)
{
    return db ? db->n_entities : 0;
}

CORDON_API int cordon_db_entity_find(const cordon_db *db, const char *list_id,
                                     const char *entity_id, uint32_t *index, cordon_error *err)
{
    if (!db || !entity_id || !index)
        return cordon__err(err, CORDON_E_INVALID, "cordon_db_entity_find: NULL argument");
    for (uint32_t l = 0; l < db->n_lists; l++) {
        const cordon__rec_list *rl = &db->lists[l];
        if (list_id && strcmp(cordon__db_str(db, rl->id), list_id) != 0)
            continue;
        for (uint32_t e = rl->entity_first; e < rl->entity_first + rl->entity_count; e++)
            if (strcmp(cordon__db_str(db, db->entities[e].id), entity_id) == 0) {
                *index = e;
                return CORDON_OK;
            }
    }
    return cordon__err(err, CORDON_E_NOTFOUND, "no entity '%s' in %s", entity_id,
                       list_id ? list_id : "any list");
}

CORDON_API const char *cordon_db_entity_id(const cordon_db *db, uint32_t entity)
{
    if (!db || entity >= db->n_entities)
        return NULL;
    return cordon__db_str(db, db->entities[entity].id);
}

CORDON_API uint32_t cordon_db_entity_list(const cordon_db *db, uint32_t entity)
{
    if (!db || entity >= db->n_entities)
        return UINT32_MAX;
    return db->entities[entity].list;
}

CORDON_API int cordon_db_entity_type(const cordon_db *db, uint32_t entity)
{
    if (!db || entity >= db->n_entities)
        return -1;
    return (int)db->entities[entity].type;
}

CORDON_API uint32_t cordon_db_entity_name_count(const cordon_db *db, uint32_t entity)
{
    if (!db || entity >= db->n_entities)
        return 0;
    return db->entities[entity].name_count;
}

CORDON_API const char *cordon_db_entity_name(const cordon_db *db, uint32_t entity, uint32_t i,
                                             int *kind)
{
    if (!db || entity >= db->n_entities || i >= db->entities[entity].name_count)
        return NULL;
    const cordon__rec_name *n = &db->names[db->entities[entity].name_first + i];
    if (kind)
        *kind = (int)n->kind;
    return cordon__db_str(db, n->full);
}

static const char *const type_names[] = {"unknown", "person", "organization", "vessel", "aircraft"};
static const char *const kind_names[] = {"primary", "aka", "fka", "weak", "original"};
static const char *const scalar_names[CORDON__NSCALAR] = {"id", "gender", "listed_on", "remarks",
                                                          "title"};
static const char *const multi_names[CORDON__NMULTI] = {
    "programs", "nationalities", "citizenships", "places_of_birth", "addresses",
    "address_countries", "countries"};

static void json_key_str(cordon__buf *b, const char *key, const char *val)
{
    cordon__buf_putc(b, ',');
    cordon__buf_json_str(b, key, strlen(key));
    cordon__buf_putc(b, ':');
    cordon__buf_json_str(b, val, strlen(val));
}

static void json_date(cordon__buf *b, const cordon__rec_date *d)
{
    if (d->year && d->month && d->day)
        cordon__buf_printf(b, "\"%04d-%02d-%02d\"", d->year, d->month, d->day);
    else if (d->year && d->month)
        cordon__buf_printf(b, "\"%04d-%02d\"", d->year, d->month);
    else
        cordon__buf_printf(b, "\"%04d\"", d->year);
}

/* Render entity e as JSON into b (shared with other modules through db.h? kept local). */
static void entity_json(const cordon_db *db, uint32_t ei, cordon__buf *b)
{
    const cordon__rec_entity *e = &db->entities[ei];
    const cordon__rec_list *l = &db->lists[e->list];
    cordon__buf_puts(b, "{\"list\":");
    const char *lid = cordon__db_str(db, l->id);
    cordon__buf_json_str(b, lid, strlen(lid));
    json_key_str(b, "type", type_names[e->type]);
    for (int f = 0; f < CORDON__NSCALAR; f++) {
        const char *v = cordon__db_str(db, e->scalar[f]);
        if (*v || f == CORDON__F_ID)
            json_key_str(b, scalar_names[f], v);
    }
    cordon__buf_puts(b, ",\"names\":[");
    for (uint32_t i = 0; i < e->name_count; i++) {
        const cordon__rec_name *n = &db->names[e->name_first + i];
        cordon__buf_puts(b, i ? ",{\"name\":" : "{\"name\":");
        const char *full = cordon__db_str(db, n->full);
        cordon__buf_json_str(b, full, strlen(full));
        json_key_str(b, "kind", kind_names[n->kind]);
        if (n->given)
            json_key_str(b, "given", cordon__db_str(db, n->given));
        if (n->middle)
            json_key_str(b, "middle", cordon__db_str(db, n->middle));
        if (n->family)
            json_key_str(b, "family", cordon__db_str(db, n->family));
        cordon__buf_putc(b, '}');
    }
    cordon__buf_putc(b, ']');
    if (e->date_count) {
        cordon__buf_puts(b, ",\"dates_of_birth\":[");
        for (uint32_t i = 0; i < e->date_count; i++) {
            const cordon__rec_date *d = &db->dates[e->date_first + i];
            cordon__buf_puts(b, i ? ",{\"date\":" : "{\"date\":");
            json_date(b, d);
            if (d->year_to)
                cordon__buf_printf(b, ",\"to_year\":%d", d->year_to);
            if (d->circa)
                cordon__buf_puts(b, ",\"circa\":true");
            cordon__buf_putc(b, '}');
        }
        cordon__buf_putc(b, ']');
    }
    for (int m = 0; m < CORDON__NMULTI; m++) {
        if (!e->multi_count[m])
            continue;
        cordon__buf_printf(b, ",\"%s\":[", multi_names[m]);
        for (uint32_t i = 0; i < e->multi_count[m]; i++) {
            const char *v = cordon__db_str(db, db->strrefs[e->multi_first[m] + i]);
            if (i)
                cordon__buf_putc(b, ',');
            cordon__buf_json_str(b, v, strlen(v));
        }
        cordon__buf_putc(b, ']');
    }
    if (e->country_count) {
        cordon__buf_puts(b, ",\"country_codes\":[");
        for (uint32_t i = 0; i < e->country_count; i++) {
            const char *v = cordon__db_str(db, db->strrefs[e->country_first + i]);
            if (i)
                cordon__buf_putc(b, ',');
            cordon__buf_json_str(b, v, strlen(v));
        }
        cordon__buf_putc(b, ']');
    }
    if (e->ident_count) {
        cordon__buf_puts(b, ",\"identifiers\":[");
        for (uint32_t i = 0; i < e->ident_count; i++) {
            const cordon__rec_ident *d = &db->idents[e->ident_first + i];
            cordon__buf_puts(b, i ? ",{\"type\":" : "{\"type\":");
            const char *t = cordon__db_str(db, d->type);
            cordon__buf_json_str(b, t, strlen(t));
            json_key_str(b, "number", cordon__db_str(db, d->number));
            if (d->country)
                json_key_str(b, "country", cordon__db_str(db, d->country));
            if (d->note)
                json_key_str(b, "note", cordon__db_str(db, d->note));
            cordon__buf_putc(b, '}');
        }
        cordon__buf_putc(b, ']');
    }
    if (e->attr_count) {
        cordon__buf_puts(b, ",\"attributes\":{");
        for (uint32_t i = 0; i < e->attr_count; i++) {
            const cordon__rec_attr *a = &db->attrs[e->attr_first + i];
            const char *k = cordon__db_str(db, a->key), *v = cordon__db_str(db, a->value);
            if (i)
                cordon__buf_putc(b, ',');
            cordon__buf_json_str(b, k, strlen(k));
            cordon__buf_putc(b, ':');
            cordon__buf_json_str(b, v, strlen(v));
        }
        cordon__buf_putc(b, '}');
    }
    cordon__buf_printf(b, ",\"content_hash\":\"%016llx\"", (unsigned long long)e->content_hash);
    cordon__buf_puts(b, ",\"provenance\":{\"list\":");
    cordon__buf_json_str(b, lid, strlen(lid));
    json_key_str(b, "publisher", cordon__db_str(db, l->publisher));
    json_key_str(b, "date", cordon__db_str(db, l->date));
    json_key_str(b, "sha256", cordon__db_str(db, l->sha256_hex));
    cordon__buf_puts(b, "}}");
}

CORDON_API int cordon_db_entity_json(const cordon_db *db, uint32_t entity, char *buf,
                                     size_t size, size_t *needed, cordon_error *err)
{
    if (!db || (!buf && size))
        return cordon__err(err, CORDON_E_INVALID, "cordon_db_entity_json: NULL argument");
    if (entity >= db->n_entities)
        return cordon__err(err, CORDON_E_RANGE, "entity index %u out of range", entity);
    cordon__buf b;
    cordon__buf_init(&b, &db->alloc);
    entity_json(db, entity, &b);
    if (b.failed) {
        cordon__buf_free(&b);
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    }
    if (needed)
        *needed = b.len;
    if (size) {
        size_t n = b.len < size - 1 ? b.len : size - 1;
        memcpy(buf, b.data, n);
        buf[n] = '\0';
    }
    cordon__buf_free(&b);
    return CORDON_OK;
}

CORDON_API const char *cordon_format_name(uint32_t i, const char **description)
{
    for (uint32_t k = 0; cordon__formats[k]; k++)
        if (k == i) {
            if (description)
                *description = cordon__formats[k]->description;
            return cordon__formats[k]->name;
        }
    return NULL;
}

const cordon_rules *cordon__db_rules(const cordon_db *db)
{
    return db ? (const cordon_rules *)db->rules : NULL;
}

CORDON_API const cordon_rules *cordon_db_rules(const cordon_db *db)
{
    return cordon__db_rules(db);
}
