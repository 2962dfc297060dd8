/* entity.c — the reusable scratch entity and its string arena. */
#include "sources/entity.h"

#include <string.h>

#define ENT_BLOCK_MIN 4096

void cordon__ent_init(cordon__ent *e, const cordon__alloc *a)
{
    memset(e, 0, sizeof *e);
    e->alloc = a ? a : &cordon__default_alloc;
    e->type = CORDON__TYPE_UNKNOWN;
}

void cordon__ent_clear(cordon__ent *e)
{
    e->type = CORDON__TYPE_UNKNOWN;
    for (int i = 0; i < CORDON__NSCALAR; i++)
        e->scalar[i] = NULL;
    e->n_names = e->n_dobs = e->n_ids = e->n_attrs = 0;
    for (int i = 0; i < CORDON__NMULTI; i++)
        e->n_multi[i] = 0;
    /* Keep only the newest (largest) block so the next entity of the same
     * size fits without allocating. */
    if (e->n_blocks > 1) {
        for (size_t i = 0; i + 1 < e->n_blocks; i++)
            cordon__free(e->alloc, e->blocks[i]);
        e->blocks[0] = e->blocks[e->n_blocks - 1];
        e->n_blocks = 1;
    }
    e->block_used = 0;
}

void cordon__ent_destroy(cordon__ent *e)
{
    const cordon__alloc *a = e->alloc;
    for (size_t i = 0; i < e->n_blocks; i++)
        cordon__free(a, e->blocks[i]);
    cordon__free(a, e->blocks);
    cordon__free(a, e->names);
    cordon__free(a, e->dobs);
    cordon__free(a, e->ids);
    cordon__free(a, e->attrs);
    for (int i = 0; i < CORDON__NMULTI; i++)
        cordon__free(a, (void *)e->multi[i]);
    cordon__ent_init(e, a);
}

static bool is_space_at(const unsigned char *p, size_t n, size_t i, size_t *w)
{
    unsigned c = p[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
        *w = 1;
        return true;
    }
    if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) { /* U+00A0 no-break space */
        *w = 2;
        return true;
    }
    return false;
}

/* Reserve n bytes in the arena. */
static char *arena_take(cordon__ent *e, size_t n)
{
    if (e->n_blocks && e->block_size - e->block_used >= n) {
        char *p = e->blocks[e->n_blocks - 1] + e->block_used;
        e->block_used += n;
        return p;
    }
    size_t sz = e->block_size ? e->block_size * 2 : ENT_BLOCK_MIN;
    while (sz < n) {
        if (sz > SIZE_MAX / 2)
            return NULL;
        sz *= 2;
    }
    char **nb = cordon__grow(e->alloc, e->blocks, &e->cap_blocks, e->n_blocks + 1, sizeof *nb);
    if (!nb)
        return NULL;
    e->blocks = nb;
    char *blk = cordon__malloc(e->alloc, sz);
    if (!blk)
        return NULL;
    e->blocks[e->n_blocks++] = blk;
    e->block_size = sz;
    e->block_used = n;
    return blk;
}

const char *cordon__ent_str(cordon__ent *e, const char *s, size_t n)
{
    if (!s)
        return "";
    n = cordon__strlen(s, n);
    const unsigned char *p = (const unsigned char *)s;
    size_t w, a = 0, b = n;
    while (a < b && is_space_at(p, n, a, &w))
        a += w;
    /* trailing: ASCII spaces or a trailing NBSP */
    for (;;) {
        if (a < b && (p[b - 1] == ' ' || p[b - 1] == '\t' || p[b - 1] == '\r' ||
                      p[b - 1] == '\n' || p[b - 1] == '\v' || p[b - 1] == '\f'))
            b--;
        else if (b - a >= 2 && p[b - 2] == 0xC2 && p[b - 1] == 0xA0)
            b -= 2;
        else
            break;
    }
    if (a == b)
        return "";
    char *out = arena_take(e, b - a + 1);
    if (!out)
        return NULL;
    /* copy, collapsing internal whitespace runs into one space */
    size_t o = 0;
    bool sp = false;
    for (size_t i = a; i < b;) {
        if (is_space_at(p, b, i, &w)) {
            sp = true;
            i += w;
            continue;
        }
        if (sp) {
            out[o++] = ' ';
            sp = false;
        }
        out[o++] = (char)p[i++];
    }
    out[o] = '\0';
    /* give back what the collapse saved, when this was the last allocation */
    e->block_used -= (b - a) - o;
    return out;
}

void cordon__ent_set_type(cordon__ent *e, int type)
{
    e->type = type;
}

bool cordon__ent_set(cordon__ent *e, int field, const char *s, size_t n)
{
    if (field < 0 || field >= CORDON__NSCALAR)
        return true;
    const char *v = cordon__ent_str(e, s, n);
    if (!v)
        return false;
    if (*v)
        e->scalar[field] = v;
    return true;
}

bool cordon__ent_add(cordon__ent *e, int field, const char *s, size_t n)
{
    if (field < 0 || field >= CORDON__NMULTI)
        return true;
    size_t save = e->block_used, nb = e->n_blocks;
    const char *v = cordon__ent_str(e, s, n);
    if (!v)
        return false;
    if (!*v)
        return true;
    for (size_t i = 0; i < e->n_multi[field]; i++)
        if (strcmp(e->multi[field][i], v) == 0) {
            if (nb == e->n_blocks)
                e->block_used = save;
            return true;
        }
    const char **arr = cordon__grow(e->alloc, (void *)e->multi[field], &e->cap_multi[field],
                                    e->n_multi[field] + 1, sizeof *arr);
    if (!arr)
        return false;
    e->multi[field] = arr;
    arr[e->n_multi[field]++] = v;
    return true;
}

/* NULL for an absent or blank part; else the arena copy. *ok = false on OOM. */
static const char *opt_str(cordon__ent *e, const char *s, size_t n, bool *ok)
{
    if (!s)
        return NULL;
    const char *v = cordon__ent_str(e, s, n);
    if (!v) {
        *ok = false;
        return NULL;
    }
    return *v ? v : NULL;
}

static bool str_eq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

bool cordon__ent_add_name(cordon__ent *e, int kind, const char *full, size_t fn,
                          const char *given, size_t gn, const char *middle, size_t mn,
                          const char *family, size_t famn)
{
    size_t save = e->block_used, nb = e->n_blocks;
    bool ok = true;
    const char *f = opt_str(e, full, fn, &ok);
    if (!ok)
        return false;
    if (!f)
        return true;
    for (size_t i = 0; i < e->n_names; i++)
        if (e->names[i].kind == kind && strcmp(e->names[i].full, f) == 0) {
            if (nb == e->n_blocks)
                e->block_used = save;
            return true;
        }
    cordon__ent_name nm;
    nm.full = f;
    nm.given = opt_str(e, given, gn, &ok);
    nm.middle = opt_str(e, middle, mn, &ok);
    nm.family = opt_str(e, family, famn, &ok);
    nm.kind = kind;
    if (!ok)
        return false;
    cordon__ent_name *arr = cordon__grow(e->alloc, e->names, &e->cap_names, e->n_names + 1,
                                         sizeof *arr);
    if (!arr)
        return false;
    e->names = arr;
    arr[e->n_names++] = nm;
    return true;
}

bool cordon__ent_add_dob(cordon__ent *e, const cordon__date *d)
{
    if (!d || d->year <= 0)
        return true;
    for (size_t i = 0; i < e->n_dobs; i++) {
        const cordon__date *o = &e->dobs[i];
        if (o->year == d->year && o->month == d->month && o->day == d->day &&
            o->year_to == d->year_to && o->circa == d->circa)
            return true;
    }
    cordon__date *arr = cordon__grow(e->alloc, e->dobs, &e->cap_dobs, e->n_dobs + 1, sizeof *arr);
    if (!arr)
        return false;
    e->dobs = arr;
    arr[e->n_dobs++] = *d;
    return true;
}

bool cordon__ent_add_id(cordon__ent *e, const char *type, size_t tn, const char *number,
                        size_t nn, const char *country, size_t cn, const char *note, size_t notn)
{
    bool ok = true;
    const char *num = opt_str(e, number, nn, &ok);
    if (!ok)
        return false;
    if (!num)
        return true;
    cordon__ent_ident id;
    id.type = opt_str(e, type, tn, &ok);
    id.number = num;
    id.country = opt_str(e, country, cn, &ok);
    id.note = opt_str(e, note, notn, &ok);
    if (!ok)
        return false;
    if (!id.type)
        id.type = "other";
    for (size_t i = 0; i < e->n_ids; i++)
        if (str_eq(e->ids[i].type, id.type) && strcmp(e->ids[i].number, id.number) == 0 &&
            str_eq(e->ids[i].country, id.country))
            return true;
    cordon__ent_ident *arr = cordon__grow(e->alloc, e->ids, &e->cap_ids, e->n_ids + 1, sizeof *arr);
    if (!arr)
        return false;
    e->ids = arr;
    arr[e->n_ids++] = id;
    return true;
}

bool cordon__ent_add_attr(cordon__ent *e, const char *key, const char *value, size_t vn)
{
    if (!key)
        return true;
    bool ok = true;
    const char *v = opt_str(e, value, vn, &ok);
    if (!ok)
        return false;
    if (!v)
        return true;
    for (size_t i = 0; i < e->n_attrs; i++)
        if (strcmp(e->attrs[i].key, key) == 0 && strcmp(e->attrs[i].value, v) == 0)
            return true;
    const char *k = cordon__ent_str(e, key, CORDON_NUL_TERMINATED);
    if (!k)
        return false;
    cordon__ent_attr *arr = cordon__grow(e->alloc, e->attrs, &e->cap_attrs, e->n_attrs + 1,
                                         sizeof *arr);
    if (!arr)
        return false;
    e->attrs = arr;
    arr[e->n_attrs].key = k;
    arr[e->n_attrs].value = v;
    e->n_attrs++;
    return true;
}
