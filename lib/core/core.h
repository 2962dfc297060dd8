/*
 * core.h — internal helpers shared by every module of libcordon.
 * Never installed. Internal non-static symbols are named cordon__*.
 */
#ifndef CORDON_CORE_H
#define CORDON_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cordon/cordon.h>

#if defined(__GNUC__)
#define CORDON__PRINTF(f, a) __attribute__((format(printf, f, a)))
#define CORDON__UNUSED __attribute__((unused))
#else
#define CORDON__PRINTF(f, a)
#define CORDON__UNUSED
#endif

/* ---- allocator ---------------------------------------------------------- */

/* The allocator hook, copied by value into every object that allocates. */
typedef struct cordon__alloc {
    cordon_malloc_fn malloc_fn;
    cordon_realloc_fn realloc_fn;
    cordon_free_fn free_fn;
    void *user;
} cordon__alloc;

/* The standard C allocator. */
void *cordon__std_malloc(size_t n, void *u);
void *cordon__std_realloc(void *p, size_t n, void *u);
void cordon__std_free(void *p, void *u);
extern const cordon__alloc cordon__default_alloc;

void *cordon__malloc(const cordon__alloc *a, size_t n);
/* Zeroed allocation of n*size bytes; NULL on overflow. */
void *cordon__calloc(const cordon__alloc *a, size_t n, size_t size);
void *cordon__realloc(const cordon__alloc *a, void *p, size_t n);
/* Grow an array of `size`-byte elements to hold at least `need` elements,
 * updating *cap. Returns the (possibly moved) array or NULL (old one kept). */
void *cordon__grow(const cordon__alloc *a, void *p, size_t *cap, size_t need, size_t size);
void cordon__free(const cordon__alloc *a, void *p);
/* Copy s[0..n) into a new NUL-terminated string. */
char *cordon__strndup(const cordon__alloc *a, const char *s, size_t n);

/* ---- options ------------------------------------------------------------ */

struct cordon_options {
    cordon__alloc alloc;
    int64_t max_input_bytes;
    int64_t max_name_bytes;
    int64_t strict;
    int64_t max_depth;
    int64_t limit;              /* CORDON_OPT_LIMIT: max hits per party query */
    int64_t threshold_permille; /* CORDON_OPT_THRESHOLD_PERMILLE; -1 = per-type default */
    int64_t exhaustive;         /* CORDON_OPT_EXHAUSTIVE: 1 = score every name */
};

/* Options to use when the caller passed NULL. */
const cordon_options *cordon__options_or_default(const cordon_options *o);
/* The allocator of o (the standard one when o is NULL). */
const cordon__alloc *cordon__alloc_of(const cordon_options *o);

/* ---- errors ------------------------------------------------------------- */

/* Line and column (both from 1) of byte offset off in d; columns count
 * bytes, or UTF-8 characters when chars is true. */
void cordon__line_col(const char *d, size_t off, bool chars, int64_t *line, int64_t *col);

/* Fill err (if non-NULL) and return code. offset -1 / line 0 = unknown. */
int cordon__err(cordon_error *err, int code, const char *fmt, ...) CORDON__PRINTF(3, 4);
int cordon__err_at(cordon_error *err, int code, int64_t offset, int64_t line, int64_t column,
                   const char *fmt, ...) CORDON__PRINTF(6, 7);
int cordon__verr_at(cordon_error *err, int code, int64_t offset, int64_t line, int64_t column,
                    const char *fmt, va_list ap);
/* Set err->detail (after cordon__err*). */
void cordon__err_detail(cordon_error *err, int32_t detail);
/* Reset err to "no error" (code 0, offset -1). */
void cordon__err_clear(cordon_error *err);

/* ---- growable byte buffer ----------------------------------------------- */

typedef struct cordon__buf {
    char *data;   /* always NUL-terminated when len > 0 or after first append */
    size_t len;
    size_t cap;
    const cordon__alloc *alloc;
    bool failed;  /* sticky: an append ran out of memory */
} cordon__buf;

void cordon__buf_init(cordon__buf *b, const cordon__alloc *a);
void cordon__buf_free(cordon__buf *b);
void cordon__buf_reset(cordon__buf *b);
bool cordon__buf_reserve(cordon__buf *b, size_t extra);
bool cordon__buf_append(cordon__buf *b, const void *p, size_t n);
bool cordon__buf_putc(cordon__buf *b, char c);
bool cordon__buf_puts(cordon__buf *b, const char *s);
bool cordon__buf_printf(cordon__buf *b, const char *fmt, ...) CORDON__PRINTF(2, 3);
/* Append s[0..n) as a JSON string literal (with quotes), escaping as needed.
 * The input must be valid UTF-8. */
bool cordon__buf_json_str(cordon__buf *b, const char *s, size_t n);
/* Append a double in JSON form with up to 4 decimals. */
bool cordon__buf_json_num(cordon__buf *b, double v);
/* Detach the data (caller frees with the buffer's allocator); buffer reset. */
char *cordon__buf_take(cordon__buf *b, size_t *len);

/* ---- UTF-8 ---------------------------------------------------------------- */

/* Length of s when len == CORDON_NUL_TERMINATED, else len. */
size_t cordon__strlen(const char *s, size_t len);
/* Strict validation (no overlongs, surrogates, > U+10FFFF, truncation).
 * Returns true if valid; else false with *bad_offset = first bad byte. */
bool cordon__utf8_valid(const char *s, size_t n, size_t *bad_offset);
/* Decode one code point at s[*i] (must be valid UTF-8); advances *i. */
uint32_t cordon__utf8_next(const char *s, size_t n, size_t *i);
/* Encode cp into out (4 bytes room); returns bytes written. */
size_t cordon__utf8_encode(uint32_t cp, char *out);

/* ---- hashing ---------------------------------------------------------------- */

/* 64-bit FNV-1a (stable across platforms; used in snapshots). */
uint64_t cordon__hash64(const void *p, size_t n, uint64_t seed);

#endif /* CORDON_CORE_H */
