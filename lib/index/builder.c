/* builder.c — collects entities from the parsers (it is their sink) and
 * assembles the flat db blob (see db.h). */
#include "index/db.h"
#include "index/dbint.h"
#include "sources/formats.h"
#include "sources/sha256.h"
#include "classify/classify.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Growable array of records. */
#define ARR(T, name) T *name; size_t n_##name, cap_##name

struct cordon_builder {
    cordon__alloc alloc;
    cordon_options *opts;
    cordon__buf strings;
    uint32_t *ht; size_t ht_cap, ht_count; /* interned string offsets + 1 */
    ARR(cordon__rec_list, lists);
    ARR(cordon__rec_entity, entities);
    ARR(cordon__rec_name, names);
    ARR(cordon__rec_date, dates);
    ARR(cordon__rec_ident, idents);
    ARR(cordon__rec_attr, attrs);
    ARR(uint32_t, strrefs);
    ARR(cordon__rec_skip, skips);
    int64_t cur_list;       /* current list index, -1 none */
    cordon_rules *rules;    /* rule packs and code lists (NULL until one is added) */
    cordon__buf scratch;
};

#define PUSH(b, name, val)                                                                  \
    (((b)->n_##name < (b)->cap_##name ||                                                    \
      ((b)->name = cordon__grow(&(b)->alloc, (b)->name, &(b)->cap_##name, (b)->n_##name + 1, \
                                sizeof *(b)->name)) != NULL)                                \
         ? ((b)->name[(b)->n_##name++] = (val), true)                                       \
         : false)

/* ---- string interning ------------------------------------------------------ */

static bool ht_rehash(cordon_builder *b, size_t cap)
{
    uint32_t *nt = cordon__calloc(&b->alloc, cap, sizeof *nt);
    if (!nt)
        return false;
    for (size_t i = 0; i < b->ht_cap; i++) {
        uint32_t v = b->ht[i];
        if (!v)
            continue;
        const char *s = b->strings.data + (v - 1);
        size_t h = (size_t)cordon__hash64(s, strlen(s), 0) & (cap - 1);
        while (nt[h])
            h = (h + 1) & (cap - 1);
        nt[h] = v;
    }
    cordon__free(&b->alloc, b->ht);
    b->ht = nt;
    b->ht_cap = cap;
    return true;
}

/* Intern s[0..n) (no NULs inside); returns offset, or UINT32_MAX on failure. */
static uint32_t intern(cordon_builder *b, const char *s, size_t n)
{
    if (!s || n == 0)
        return 0;
    if ((b->ht_count + 1) * 2 > b->ht_cap && !ht_rehash(b, b->ht_cap ? b->ht_cap * 2 : 1024))
        return UINT32_MAX;
    size_t h = (size_t)cordon__hash64(s, n, 0) & (b->ht_cap - 1);
    while (b->ht[h]) {
        const char *t = b->strings.data + (b->ht[h] - 1);
        if (strncmp(t, s, n) == 0 && t[n] == '\0')
            return b->ht[h] - 1;
        h = (h + 1) & (b->ht_cap - 1);
    }
    size_t off = b->strings.len;
    if (off + n + 1 >= UINT32_MAX)
        return UINT32_MAX;
    if (!cordon__buf_append(&b->strings, s, n) || !cordon__buf_putc(&b->strings, '\0'))
        return UINT32_MAX;
    b->ht[h] = (uint32_t)off + 1;
    b->ht_count++;
    return (uint32_t)off;
}

static uint32_t intern_z(cordon_builder *b, const char *s)
{
    return s ? intern(b, s, strlen(s)) : 0;
}

/* ---- sink ----------------------------------------------------------------- */

static int nomem(cordon_error *err)
{
    return cordon__err(err, CORDON_E_NOMEM, "out of memory while building the db");
}

static int sink_list(void *ctx, const char *list_id, const char *publisher, const char *date,
                     cordon_error *err)
{
    cordon_builder *b = ctx;
    cordon__rec_list l;
    memset(&l, 0, sizeof l);
    l.id = intern_z(b, list_id && *list_id ? list_id : "unnamed");
    l.publisher = intern_z(b, publisher);
    l.date = intern_z(b, date);
    if (l.id == UINT32_MAX || l.publisher == UINT32_MAX || l.date == UINT32_MAX)
        return nomem(err);
    l.entity_first = (uint32_t)b->n_entities;
    l.skip_first = (uint32_t)b->n_skips;
    if (b->n_lists >= UINT32_MAX - 1 || !PUSH(b, lists, l))
        return nomem(err);
    b->cur_list = (int64_t)b->n_lists - 1;
    return CORDON_OK;
}

static void hash_str(uint64_t *h, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    *h = cordon__hash64(s ? s : "", n, *h) ^ 0x9e3779b97f4a7c15ULL;
}

static bool add_country(cordon_builder *b, cordon__rec_entity *r, const char *s)
{
    const char *iso = cordon__country_iso2(s, strlen(s));
    if (!iso)
        return true;
    uint32_t off = intern_z(b, iso);
    if (off == UINT32_MAX)
        return false;
    for (uint32_t i = 0; i < r->country_count; i++)
        if (b->strrefs[r->country_first + i] == off)
            return true;
    if (!PUSH(b, strrefs, off))
        return false;
    r->country_count++;
    return true;
}

static int sink_entity(void *ctx, const cordon__ent *e, cordon_error *err)
{
    cordon_builder *b = ctx;
    if (b->cur_list < 0)
        return cordon__err(err, CORDON_E_STATE, "parser delivered an entity before its list");
    if (b->n_entities >= UINT32_MAX - 1)
        return cordon__err(err, CORDON_E_LIMIT, "more than 2^32 entities");
    cordon__rec_entity r;
    memset(&r, 0, sizeof r);
    uint64_t h = 0;
    r.list = (uint32_t)b->cur_list;
    r.type = (uint32_t)e->type;
    hash_str(&h, e->type == CORDON__TYPE_PERSON ? "P" : e->type == CORDON__TYPE_ORGANIZATION ? "O"
                 : e->type == CORDON__TYPE_VESSEL ? "V" : e->type == CORDON__TYPE_AIRCRAFT ? "A" : "U");
    for (int f = 0; f < CORDON__NSCALAR; f++) {
        r.scalar[f] = intern_z(b, e->scalar[f]);
        if (r.scalar[f] == UINT32_MAX)
            return nomem(err);
        hash_str(&h, e->scalar[f]);
    }
    r.id = r.scalar[CORDON__F_ID];
    r.name_first = (uint32_t)b->n_names;
    for (size_t i = 0; i < e->n_names; i++) {
        const cordon__ent_name *n = &e->names[i];
        cordon__rec_name rn = {(uint32_t)b->n_entities, intern_z(b, n->full), intern_z(b, n->given),
                               intern_z(b, n->middle), intern_z(b, n->family), (uint32_t)n->kind};
        if (rn.full == UINT32_MAX || rn.given == UINT32_MAX || rn.middle == UINT32_MAX ||
            rn.family == UINT32_MAX || !PUSH(b, names, rn))
            return nomem(err);
        hash_str(&h, n->full);
        char k[2] = {(char)('0' + n->kind), 0};
        hash_str(&h, k);
    }
    r.name_count = (uint32_t)(b->n_names - r.name_first);
    r.date_first = (uint32_t)b->n_dates;
    for (size_t i = 0; i < e->n_dobs; i++) {
        const cordon__date *d = &e->dobs[i];
        cordon__rec_date rd;
        memset(&rd, 0, sizeof rd);
        rd.year = d->year; rd.month = d->month; rd.day = d->day; rd.year_to = d->year_to;
        rd.circa = d->circa;
        if (!PUSH(b, dates, rd))
            return nomem(err);
        h = cordon__hash64(&rd, sizeof rd, h);
    }
    r.date_count = (uint32_t)(b->n_dates - r.date_first);
    r.ident_first = (uint32_t)b->n_idents;
    for (size_t i = 0; i < e->n_ids; i++) {
        const cordon__ent_ident *d = &e->ids[i];
        const char *iso = d->country ? cordon__country_iso2(d->country, strlen(d->country)) : NULL;
        cordon__rec_ident ri = {intern_z(b, d->type), intern_z(b, d->number),
                                intern_z(b, iso ? iso : d->country), intern_z(b, d->note)};
        if (ri.type == UINT32_MAX || ri.number == UINT32_MAX || ri.country == UINT32_MAX ||
            ri.note == UINT32_MAX || !PUSH(b, idents, ri))
            return nomem(err);
        hash_str(&h, d->type);
        hash_str(&h, d->number);
        hash_str(&h, d->country);
    }
    r.ident_count = (uint32_t)(b->n_idents - r.ident_first);
    r.attr_first = (uint32_t)b->n_attrs;
    for (size_t i = 0; i < e->n_attrs; i++) {
        cordon__rec_attr ra = {intern_z(b, e->attrs[i].key), intern_z(b, e->attrs[i].value)};
        if (ra.key == UINT32_MAX || ra.value == UINT32_MAX || !PUSH(b, attrs, ra))
            return nomem(err);
        hash_str(&h, e->attrs[i].key);
        hash_str(&h, e->attrs[i].value);
    }
    r.attr_count = (uint32_t)(b->n_attrs - r.attr_first);
    for (int m = 0; m < CORDON__NMULTI; m++) {
        r.multi_first[m] = (uint32_t)b->n_strrefs;
        for (size_t i = 0; i < e->n_multi[m]; i++) {
            uint32_t off = intern_z(b, e->multi[m][i]);
            if (off == UINT32_MAX || !PUSH(b, strrefs, off))
                return nomem(err);
            hash_str(&h, e->multi[m][i]);
        }
        r.multi_count[m] = (uint32_t)(b->n_strrefs - r.multi_first[m]);
    }
    static const int country_fields[] = {CORDON__M_NATIONALITY, CORDON__M_CITIZENSHIP,
                                         CORDON__M_COUNTRY, CORDON__M_ADDRESS_COUNTRY};
    r.country_first = (uint32_t)b->n_strrefs;
    for (size_t k = 0; k < sizeof country_fields / sizeof country_fields[0]; k++) {
        int m = country_fields[k];
        for (size_t i = 0; i < e->n_multi[m]; i++)
            if (!add_country(b, &r, e->multi[m][i]))
                return nomem(err);
    }
    r.content_hash = h;
    if (!PUSH(b, entities, r))
        return nomem(err);
    b->lists[b->cur_list].entity_count++;
    b->lists[b->cur_list].name_count += r.name_count;
    return CORDON_OK;
}

static int sink_skip(void *ctx, int64_t line, const char *reason, cordon_error *err)
{
    cordon_builder *b = ctx;
    cordon__rec_skip s;
    memset(&s, 0, sizeof s);
    s.list = b->cur_list < 0 ? UINT32_MAX : (uint32_t)b->cur_list;
    s.reason = intern_z(b, reason ? reason : "skipped");
    s.line = line;
    if (s.reason == UINT32_MAX || !PUSH(b, skips, s))
        return nomem(err);
    return CORDON_OK;
}

/* ---- public builder API --------------------------------------------------------- */

CORDON_API int cordon_builder_new(cordon_builder **out, const cordon_options *opts,
                                  cordon_error *err)
{
    if (!out)
        return cordon__err(err, CORDON_E_INVALID, "cordon_builder_new: out is NULL");
    *out = NULL;
    const cordon__alloc *a = cordon__alloc_of(opts);
    cordon_builder *b = cordon__calloc(a, 1, sizeof *b);
    if (!b)
        return nomem(err);
    b->alloc = *a;
    int rc = cordon_options_copy(cordon__options_or_default(opts), &b->opts, err);
    if (rc) {
        cordon__free(a, b);
        return rc;
    }
    cordon__buf_init(&b->strings, &b->alloc);
    cordon__buf_init(&b->scratch, &b->alloc);
    b->cur_list = -1;
    if (!cordon__buf_putc(&b->strings, '\0')) {
        cordon_builder_free(b);
        return nomem(err);
    }
    *out = b;
    return CORDON_OK;
}

static void builder_clear(cordon_builder *b)
{
    cordon__free(&b->alloc, b->ht);
    b->ht = NULL;
    b->ht_cap = b->ht_count = 0;
    cordon__buf_free(&b->strings);
    cordon__buf_free(&b->scratch);
#define FREEARR(name) cordon__free(&b->alloc, b->name), b->name = NULL, b->n_##name = b->cap_##name = 0
    FREEARR(lists); FREEARR(entities); FREEARR(names); FREEARR(dates);
    FREEARR(idents); FREEARR(attrs); FREEARR(strrefs); FREEARR(skips);
#undef FREEARR
    b->cur_list = -1;
    cordon_rules_free(b->rules);
    b->rules = NULL;
}

CORDON_API void cordon_builder_free(cordon_builder *b)
{
    if (!b)
        return;
    builder_clear(b);
    cordon_options_free(b->opts);
    cordon__alloc a = b->alloc;
    cordon__free(&a, b);
}

static const char *base_name(const char *p)
{
    const char *s = p ? strrchr(p, '/') : NULL;
    return s ? s + 1 : (p ? p : "");
}

/* Parse n inputs with one format; roll back on failure. */
static int parse_inputs(cordon_builder *b, const cordon__format *fmt, const cordon__input *in,
                        size_t n, const char *list_id, cordon_error *err)
{
    size_t s_lists = b->n_lists, s_ent = b->n_entities, s_names = b->n_names,
           s_dates = b->n_dates, s_idents = b->n_idents, s_attrs = b->n_attrs,
           s_refs = b->n_strrefs, s_skips = b->n_skips;
    int64_t s_cur = b->cur_list;
    static const cordon__sink_ops ops = {sink_list, sink_entity, sink_skip, NULL};
    cordon__sink_ops o = ops;
    o.opts = b->opts;
    cordon__sink sink = {&o, b};
    b->cur_list = -1;
    int rc = fmt->parse(&sink, in, n, list_id, err);
    if (rc == CORDON_OK && b->n_lists == s_lists)
        rc = cordon__err(err, CORDON_E_PARSE, "%s: no list found in the input",
                         n ? base_name(in[0].name) : "input");
    if (rc != CORDON_OK) {
        b->n_lists = s_lists; b->n_entities = s_ent; b->n_names = s_names;
        b->n_dates = s_dates; b->n_idents = s_idents; b->n_attrs = s_attrs;
        b->n_strrefs = s_refs; b->n_skips = s_skips;
        b->cur_list = s_cur;
        return rc;
    }
    /* Provenance of the lists this call created. */
    uint8_t digest[32];
    if (n == 1) {
        cordon__sha256(in[0].data, in[0].len, digest);
    } else {
        /* A multi-file set: SHA-256 over the members' digests, in input order. */
        uint8_t *all = cordon__malloc(&b->alloc, 32 * n);
        if (!all)
            return nomem(err);
        for (size_t i = 0; i < n; i++)
            cordon__sha256(in[i].data, in[i].len, all + 32 * i);
        cordon__sha256(all, 32 * n, digest);
        cordon__free(&b->alloc, all);
    }
    cordon__buf_reset(&b->scratch);
    for (size_t i = 0; i < n; i++) {
        if (i)
            cordon__buf_putc(&b->scratch, ' ');
        cordon__buf_puts(&b->scratch, base_name(in[i].name ? in[i].name : "buffer"));
    }
    if (b->scratch.failed)
        return nomem(err);
    uint32_t src = intern(b, b->scratch.data, b->scratch.len);
    uint32_t fmtname = intern_z(b, fmt->name);
    char hex[65];
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    uint32_t hexoff = intern(b, hex, 64);
    if (src == UINT32_MAX || fmtname == UINT32_MAX || hexoff == UINT32_MAX)
        return nomem(err);
    for (size_t l = s_lists; l < b->n_lists; l++) {
        memcpy(b->lists[l].sha256, digest, 32);
        b->lists[l].source = src;
        b->lists[l].format = fmtname;
        b->lists[l].sha256_hex = hexoff;
    }
    for (size_t k = s_skips; k < b->n_skips; k++) {
        if (b->skips[k].list == UINT32_MAX)
            b->skips[k].list = (uint32_t)s_lists;
        b->lists[b->skips[k].list].skip_count++;
    }
    b->cur_list = -1;
    return CORDON_OK;
}

CORDON_API int cordon_builder_add_buffer(cordon_builder *b, const char *data, size_t len,
                                         const char *name, const char *format,
                                         const char *list_id, cordon_error *err)
{
    if (!b || (!data && len))
        return cordon__err(err, CORDON_E_INVALID, "cordon_builder_add_buffer: NULL argument");
    if (!data)
        data = "";
    const char *nm = name ? name : "buffer";
    if ((int64_t)len > b->opts->max_input_bytes)
        return cordon__err(err, CORDON_E_LIMIT, "%s: %zu bytes exceed the input limit of %lld",
                           nm, len, (long long)b->opts->max_input_bytes);
    const cordon__format *fmt;
    if (format && *format) {
        fmt = cordon__format_find(format);
        if (!fmt)
            return cordon__err(err, CORDON_E_FORMAT, "unknown format '%s'", format);
    } else {
        fmt = cordon__format_detect(nm, data, len);
        if (!fmt)
            return cordon__err(err, CORDON_E_FORMAT, "%s: format not recognised", nm);
    }
    cordon__input in = {nm, data, len};
    return parse_inputs(b, fmt, &in, 1, list_id, err);
}

/* Read a whole file with a size limit. */
static int read_file(cordon_builder *b, const char *path, char **data, size_t *len,
                     cordon_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        cordon__err(err, CORDON_E_IO, "%s: %s", path, strerror(e));
        cordon__err_detail(err, e);
        return CORDON_E_IO;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        return cordon__err(err, CORDON_E_IO, "%s: not a regular file", path);
    }
    if ((int64_t)st.st_size > b->opts->max_input_bytes) {
        fclose(f);
        return cordon__err(err, CORDON_E_LIMIT, "%s: %lld bytes exceed the input limit of %lld",
                           path, (long long)st.st_size, (long long)b->opts->max_input_bytes);
    }
    size_t n = (size_t)st.st_size;
    char *p = cordon__malloc(&b->alloc, n + 1);
    if (!p) {
        fclose(f);
        return nomem(err);
    }
    size_t got = n ? fread(p, 1, n, f) : 0;
    int e = ferror(f) ? errno : 0;
    fclose(f);
    if (got != n) {
        cordon__free(&b->alloc, p);
        cordon__err(err, CORDON_E_IO, "%s: short read (%s)", path, e ? strerror(e) : "file changed");
        cordon__err_detail(err, e);
        return CORDON_E_IO;
    }
    p[n] = '\0';
    *data = p;
    *len = n;
    return CORDON_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Members of multi-file sets that content detection alone cannot place. */
static bool ofac_member(const char *base)
{
    static const char *const m[] = {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv",
                                    "cons_prim.csv", "cons_add.csv", "cons_alt.csv",
                                    "cons_comments.csv"};
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (strcasecmp(base, m[i]) == 0)
            return true;
    return false;
}

static int add_folder(cordon_builder *b, const char *path, const char *format,
                      const char *list_id, cordon_error *err)
{
    DIR *d = opendir(path);
    if (!d) {
        int e = errno;
        cordon__err(err, CORDON_E_IO, "%s: %s", path, strerror(e));
        cordon__err_detail(err, e);
        return CORDON_E_IO;
    }
    char **files = NULL;
    size_t nf = 0, cap = 0;
    int rc = CORDON_OK;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        size_t pl = strlen(path), dl = strlen(de->d_name);
        char *full = cordon__malloc(&b->alloc, pl + dl + 2);
        char **nfiles = full ? cordon__grow(&b->alloc, files, &cap, nf + 1, sizeof *files) : NULL;
        if (!nfiles) {
            cordon__free(&b->alloc, full);
            rc = nomem(err);
            break;
        }
        files = nfiles;
        memcpy(full, path, pl);
        full[pl] = '/';
        memcpy(full + pl + 1, de->d_name, dl + 1);
        struct stat st;
        if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
            cordon__free(&b->alloc, full);
            continue;
        }
        files[nf++] = full;
    }
    closedir(d);
    if (rc == CORDON_OK && nf == 0)
        rc = cordon__err(err, CORDON_E_IO, "%s: folder holds no files", path);
    if (rc == CORDON_OK)
        qsort(files, nf, sizeof *files, cmp_str);

    char **data = rc ? NULL : cordon__calloc(&b->alloc, nf ? nf : 1, sizeof *data);
    size_t *lens = rc ? NULL : cordon__calloc(&b->alloc, nf ? nf : 1, sizeof *lens);
    const cordon__format **fmts = rc ? NULL : cordon__calloc(&b->alloc, nf ? nf : 1, sizeof *fmts);
    cordon__input *set = rc ? NULL : cordon__calloc(&b->alloc, nf ? nf : 1, sizeof *set);
    if (rc == CORDON_OK && (!data || !lens || !fmts || !set))
        rc = nomem(err);
    const cordon__format *forced = NULL;
    if (rc == CORDON_OK && format && *format) {
        forced = cordon__format_find(format);
        if (!forced)
            rc = cordon__err(err, CORDON_E_FORMAT, "unknown format '%s'", format);
    }
    for (size_t i = 0; rc == CORDON_OK && i < nf; i++) {
        rc = read_file(b, files[i], &data[i], &lens[i], err);
        if (rc)
            break;
        fmts[i] = forced ? forced : cordon__format_detect(files[i], data[i], lens[i]);
    }
    /* OFAC CSV set: every member goes to one parse call. */
    const cordon__format *ofac = cordon__format_find("ofac_csv");
    bool have_ofac = false;
    for (size_t i = 0; rc == CORDON_OK && i < nf; i++)
        if (fmts[i] && fmts[i] == ofac)
            have_ofac = true;
    size_t ns = 0;
    if (rc == CORDON_OK && have_ofac) {
        for (size_t i = 0; i < nf; i++)
            if (fmts[i] == ofac || (!forced && ofac_member(base_name(files[i])))) {
                set[ns++] = (cordon__input){files[i], data[i], lens[i]};
                fmts[i] = ofac;
                data[i] = data[i]; /* parsed as part of the set below */
            }
        rc = parse_inputs(b, ofac, set, ns, list_id, err);
    }
    for (size_t i = 0; rc == CORDON_OK && i < nf; i++) {
        if (have_ofac && fmts[i] == ofac)
            continue;
        if (!fmts[i]) {
            if (b->opts->strict) {
                rc = cordon__err(err, CORDON_E_FORMAT, "%s: format not recognised", files[i]);
                break;
            }
            continue;
        }
        cordon__input in = {files[i], data[i], lens[i]};
        rc = parse_inputs(b, fmts[i], &in, 1, list_id, err);
    }
    for (size_t i = 0; i < nf; i++) {
        if (data)
            cordon__free(&b->alloc, data[i]);
        cordon__free(&b->alloc, files[i]);
    }
    cordon__free(&b->alloc, files);
    cordon__free(&b->alloc, data);
    cordon__free(&b->alloc, lens);
    cordon__free(&b->alloc, fmts);
    cordon__free(&b->alloc, set);
    return rc;
}

CORDON_API int cordon_builder_add_file(cordon_builder *b, const char *path, const char *format,
                                       const char *list_id, cordon_error *err)
{
    if (!b || !path)
        return cordon__err(err, CORDON_E_INVALID, "cordon_builder_add_file: NULL argument");
    struct stat st;
    if (stat(path, &st) != 0) {
        int e = errno;
        cordon__err(err, CORDON_E_IO, "%s: %s", path, strerror(e));
        cordon__err_detail(err, e);
        return CORDON_E_IO;
    }
    if (S_ISDIR(st.st_mode))
        return add_folder(b, path, format, list_id, err);
    char *data = NULL;
    size_t len = 0;
    int rc = read_file(b, path, &data, &len, err);
    if (rc)
        return rc;
    rc = cordon_builder_add_buffer(b, data, len, path, format, list_id, err);
    cordon__free(&b->alloc, data);
    return rc;
}

CORDON_API int cordon_builder_add_rules_file(cordon_builder *b, const char *path,
                                             const char *format, const char *list_id,
                                             cordon_error *err)
{
    if (!b || !path)
        return cordon__err(err, CORDON_E_INVALID, "cordon_builder_add_rules_file: NULL argument");
    if (!b->rules) {
        int rc = cordon_rules_new(&b->rules, b->opts, err);
        if (rc)
            return rc;
    }
    return cordon_rules_add_file(b->rules, path, format, list_id, err);
}

/* ---- assembling the blob ------------------------------------------------------ */

typedef struct piece {
    uint32_t id;
    const void *p;
    size_t size;
} piece;

static int assemble(cordon_builder *b, const piece *pc, size_t npc, unsigned char **out,
                    size_t *out_size, cordon_error *err)
{
    size_t hsize = sizeof(cordon__db_header) + npc * sizeof(cordon__db_section);
    size_t total = (hsize + 7) & ~(size_t)7;
    for (size_t i = 0; i < npc; i++) {
        if (pc[i].size > SIZE_MAX / 2 - total)
            return cordon__err(err, CORDON_E_LIMIT, "db too large");
        total += (pc[i].size + 7) & ~(size_t)7;
    }
    unsigned char *blob = cordon__calloc(&b->alloc, 1, total);
    if (!blob)
        return nomem(err);
    cordon__db_header *h = (cordon__db_header *)blob;
    cordon__db_section *sec = (cordon__db_section *)(blob + sizeof *h);
    size_t off = (hsize + 7) & ~(size_t)7;
    for (size_t i = 0; i < npc; i++) {
        sec[i].id = pc[i].id;
        sec[i].flags = 0;
        sec[i].offset = off;
        sec[i].size = pc[i].size;
        if (pc[i].size)
            memcpy(blob + off, pc[i].p, pc[i].size);
        off += (pc[i].size + 7) & ~(size_t)7;
    }
    memcpy(h->magic, CORDON__DB_MAGIC, 8);
    h->endian = CORDON__DB_ENDIAN;
    h->format = CORDON__DB_FORMAT;
    h->file_size = total;
    h->section_count = (uint32_t)npc;
    h->header_size = (uint32_t)hsize;
    snprintf(h->library_version, sizeof h->library_version, "%s", CORDON_VERSION_STRING);
    h->checksum = cordon__db_checksum(blob + hsize, total - hsize);
    h->header_checksum = 0;
    h->header_checksum = cordon__db_checksum(blob, hsize);
    *out = blob;
    *out_size = total;
    return CORDON_OK;
}

CORDON_API int cordon_builder_finish(cordon_builder *b, cordon_db **out, cordon_error *err)
{
    if (!b || !out)
        return cordon__err(err, CORDON_E_INVALID, "cordon_builder_finish: NULL argument");
    *out = NULL;
    if (b->strings.failed)
        return nomem(err);
    piece pc[CORDON__SEC_MAX];
    size_t np = 0;
#define ADD(sid, ptr, bytes) pc[np++] = (piece){(sid), (ptr), (bytes)}
    ADD(CORDON__SEC_STRINGS, b->strings.data, b->strings.len);
    ADD(CORDON__SEC_LISTS, b->lists, b->n_lists * sizeof *b->lists);
    ADD(CORDON__SEC_ENTITIES, b->entities, b->n_entities * sizeof *b->entities);
    ADD(CORDON__SEC_NAMES, b->names, b->n_names * sizeof *b->names);
    ADD(CORDON__SEC_DATES, b->dates, b->n_dates * sizeof *b->dates);
    ADD(CORDON__SEC_IDENTS, b->idents, b->n_idents * sizeof *b->idents);
    ADD(CORDON__SEC_ATTRS, b->attrs, b->n_attrs * sizeof *b->attrs);
    ADD(CORDON__SEC_STRREFS, b->strrefs, b->n_strrefs * sizeof *b->strrefs);
    ADD(CORDON__SEC_SKIPS, b->skips, b->n_skips * sizeof *b->skips);
#undef ADD
    cordon__buf rb;
    cordon__buf_init(&rb, &b->alloc);
    if (b->rules) {
        int rrc = cordon__rules_serialize(b->rules, &rb);
        if (rrc == CORDON_OK && rb.failed)
            rrc = CORDON_E_NOMEM;
        if (rrc) {
            cordon__buf_free(&rb);
            return cordon__err(err, rrc, "cannot store the rules in the db: %s", cordon_strerror(rrc));
        }
        pc[np++] = (piece){CORDON__SEC_RULES, rb.data, rb.len};
    }
    unsigned char *blob = NULL;
    size_t size = 0;
    int rc = assemble(b, pc, np, &blob, &size, err);
    if (rc) {
        cordon__buf_free(&rb);
        return rc;
    }
    cordon_db *db = NULL;
    rc = cordon__db_from_blob(b->opts, blob, size, 0, 0, &db, err);
    if (rc) {
        cordon__buf_free(&rb);
        cordon__free(&b->alloc, blob);
        return rc;
    }
    if (cordon__match_build) {
        cordon__buf mb;
        cordon__buf_init(&mb, &b->alloc);
        rc = cordon__match_build(db, &mb, err);
        if (rc == CORDON_OK && mb.failed)
            rc = nomem(err);
        unsigned char *blob2 = NULL;
        size_t size2 = 0;
        if (rc == CORDON_OK) {
            pc[np++] = (piece){CORDON__SEC_MATCH, mb.data, mb.len};
            rc = assemble(b, pc, np, &blob2, &size2, err);
        }
        cordon__buf_free(&mb);
        cordon_db_free(db); /* frees blob */
        db = NULL;
        if (rc) {
            cordon__buf_free(&rb);
            return rc;
        }
        blob = blob2;
        size = size2;
    } else {
        db->base = NULL; /* keep the blob: it becomes the final db's */
        cordon_db_free(db);
        db = NULL;
    }
    cordon__buf_free(&rb);
    /* the final db, with its modules attached (match index, rules) */
    rc = cordon__db_from_blob(b->opts, blob, size, 0, 1, &db, err);
    if (rc) {
        cordon__free(&b->alloc, blob);
        return rc;
    }
    builder_clear(b);
    cordon__buf_init(&b->strings, &b->alloc);
    cordon__buf_init(&b->scratch, &b->alloc);
    if (!cordon__buf_putc(&b->strings, '\0')) {
        cordon_db_free(db);
        return nomem(err);
    }
    *out = db;
    return CORDON_OK;
}
