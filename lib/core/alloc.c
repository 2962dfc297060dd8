/* alloc.c — allocator hook plumbing. */
#include "core.h"

#include <stdlib.h>
#include <string.h>

void *cordon__std_malloc(size_t n, void *u)
{
    (void)u;
    return malloc(n);
}
void *cordon__std_realloc(void *p, size_t n, void *u)
{
    (void)u;
    return realloc(p, n);
}
void cordon__std_free(void *p, void *u)
{
    (void)u;
    free(p);
}

const cordon__alloc cordon__default_alloc = {cordon__std_malloc, cordon__std_realloc, cordon__std_free, NULL};

void *cordon__malloc(const cordon__alloc *a, size_t n)
{
    if (!a)
        a = &cordon__default_alloc;
    return a->malloc_fn(n ? n : 1, a->user);
}

void *cordon__calloc(const cordon__alloc *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = cordon__malloc(a, n * size);
    if (p)
        memset(p, 0, (n * size) != 0 ? n * size : 1);
    return p;
}

void *cordon__realloc(const cordon__alloc *a, void *p, size_t n)
{
    if (!a)
        a = &cordon__default_alloc;
    if (!p)
        return a->malloc_fn(n ? n : 1, a->user);
    return a->realloc_fn(p, n ? n : 1, a->user);
}

void *cordon__grow(const cordon__alloc *a, void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t nc = *cap ? *cap : 8;
    while (nc < need) {
        if (nc > SIZE_MAX / 2)
            return NULL;
        nc *= 2;
    }
    if (size && nc > SIZE_MAX / size)
        return NULL;
    void *np = cordon__realloc(a, p, nc * size);
    if (!np)
        return NULL;
    *cap = nc;
    return np;
}

void cordon__free(const cordon__alloc *a, void *p)
{
    if (!p)
        return;
    if (!a)
        a = &cordon__default_alloc;
    a->free_fn(p, a->user);
}

char *cordon__strndup(const cordon__alloc *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = cordon__malloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
