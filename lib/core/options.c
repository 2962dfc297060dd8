/* options.c — opaque options with the allocator hook and limits. */
#include "core.h"

#include <string.h>

static const cordon_options default_options = {
    {cordon__std_malloc, cordon__std_realloc, cordon__std_free, NULL},
    (int64_t)1 << 30, /* max_input_bytes: 1 GiB */
    64 * 1024,        /* max_name_bytes */
    1,                /* strict */
    256,              /* max_depth */
    10,               /* limit */
    -1,               /* threshold_permille: per-type default */
    0,                /* exhaustive */
};

static cordon_options defaults_with_alloc(const cordon__alloc *a)
{
    cordon_options o = default_options;
    o.alloc = *a;
    return o;
}

const cordon_options *cordon__options_or_default(const cordon_options *o)
{
    return o ? o : &default_options;
}

const cordon__alloc *cordon__alloc_of(const cordon_options *o)
{
    return o ? &o->alloc : &default_options.alloc;
}

CORDON_API int cordon_options_new_with_allocator(cordon_options **out,
                                                 cordon_malloc_fn malloc_fn,
                                                 cordon_realloc_fn realloc_fn,
                                                 cordon_free_fn free_fn, void *user,
                                                 cordon_error *err)
{
    if (!out)
        return cordon__err(err, CORDON_E_INVALID, "cordon_options_new: out is NULL");
    *out = NULL;
    if (!malloc_fn || !realloc_fn || !free_fn)
        return cordon__err(err, CORDON_E_INVALID,
                           "cordon_options_new_with_allocator: all three hooks are required");
    cordon__alloc a = {malloc_fn, realloc_fn, free_fn, user};
    cordon_options *o = cordon__malloc(&a, sizeof *o);
    if (!o)
        return cordon__err(err, CORDON_E_NOMEM, "cannot allocate options");
    *o = defaults_with_alloc(&a);
    *out = o;
    return CORDON_OK;
}

CORDON_API int cordon_options_new(cordon_options **out, cordon_error *err)
{
    return cordon_options_new_with_allocator(out, cordon__default_alloc.malloc_fn,
                                             cordon__default_alloc.realloc_fn,
                                             cordon__default_alloc.free_fn, NULL, err);
}

CORDON_API int cordon_options_copy(const cordon_options *src, cordon_options **out,
                                   cordon_error *err)
{
    if (!src || !out)
        return cordon__err(err, CORDON_E_INVALID, "cordon_options_copy: NULL argument");
    *out = NULL;
    cordon_options *o = cordon__malloc(&src->alloc, sizeof *o);
    if (!o)
        return cordon__err(err, CORDON_E_NOMEM, "cannot allocate options");
    memcpy(o, src, sizeof *o);
    *out = o;
    return CORDON_OK;
}

CORDON_API void cordon_options_free(cordon_options *opts)
{
    if (!opts)
        return;
    cordon__alloc a = opts->alloc;
    cordon__free(&a, opts);
}

CORDON_API int cordon_options_set_int(cordon_options *opts, int key, int64_t value,
                                      cordon_error *err)
{
    if (!opts)
        return cordon__err(err, CORDON_E_INVALID, "cordon_options_set_int: opts is NULL");
    switch (key) {
    case CORDON_OPT_MAX_INPUT_BYTES:
        if (value < 1)
            return cordon__err(err, CORDON_E_INVALID, "max input bytes must be >= 1");
        opts->max_input_bytes = value;
        return CORDON_OK;
    case CORDON_OPT_MAX_NAME_BYTES:
        if (value < 1 || value > ((int64_t)1 << 30))
            return cordon__err(err, CORDON_E_INVALID, "max name bytes must be in 1..2^30");
        opts->max_name_bytes = value;
        return CORDON_OK;
    case CORDON_OPT_STRICT:
        if (value != 0 && value != 1)
            return cordon__err(err, CORDON_E_INVALID, "strict must be 0 or 1");
        opts->strict = value;
        return CORDON_OK;
    case CORDON_OPT_MAX_DEPTH:
        if (value < 1 || value > 100000)
            return cordon__err(err, CORDON_E_INVALID, "max depth must be in 1..100000");
        opts->max_depth = value;
        return CORDON_OK;
    case CORDON_OPT_LIMIT:
        if (value < 1 || value > 100000)
            return cordon__err(err, CORDON_E_INVALID, "limit must be in 1..100000");
        opts->limit = value;
        return CORDON_OK;
    case CORDON_OPT_THRESHOLD_PERMILLE:
        if (value < -1 || value > 1000)
            return cordon__err(err, CORDON_E_INVALID,
                               "threshold must be in 0..1000 permille (-1 = default)");
        opts->threshold_permille = value;
        return CORDON_OK;
    case CORDON_OPT_EXHAUSTIVE:
        if (value != 0 && value != 1)
            return cordon__err(err, CORDON_E_INVALID, "exhaustive must be 0 or 1");
        opts->exhaustive = value;
        return CORDON_OK;
    default:
        return cordon__err(err, CORDON_E_INVALID, "unknown option key %d", key);
    }
}

CORDON_API int cordon_options_get_int(const cordon_options *opts, int key, int64_t *value,
                                      cordon_error *err)
{
    if (!value)
        return cordon__err(err, CORDON_E_INVALID, "cordon_options_get_int: value is NULL");
    const cordon_options *o = cordon__options_or_default(opts);
    switch (key) {
    case CORDON_OPT_MAX_INPUT_BYTES: *value = o->max_input_bytes; return CORDON_OK;
    case CORDON_OPT_MAX_NAME_BYTES: *value = o->max_name_bytes; return CORDON_OK;
    case CORDON_OPT_STRICT: *value = o->strict; return CORDON_OK;
    case CORDON_OPT_MAX_DEPTH: *value = o->max_depth; return CORDON_OK;
    case CORDON_OPT_LIMIT: *value = o->limit; return CORDON_OK;
    case CORDON_OPT_THRESHOLD_PERMILLE: *value = o->threshold_permille; return CORDON_OK;
    case CORDON_OPT_EXHAUSTIVE: *value = o->exhaustive; return CORDON_OK;
    default:
        return cordon__err(err, CORDON_E_INVALID, "unknown option key %d", key);
    }
}
