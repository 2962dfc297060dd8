/*
 * encoding.h — conversion of non-UTF-8 list files to UTF-8 (internal).
 */
#ifndef CORDON_ENCODING_H
#define CORDON_ENCODING_H

#include "core/core.h"

/* Decode in[0..n) from `encoding` (case-insensitive: "windows-1252"/"cp1252"
 * are decoded by a built-in table; "utf-8" is validated; any other name goes
 * through iconv) into a new NUL-terminated UTF-8 buffer *out (*out_len bytes,
 * allocated with a; free with cordon__free(a, *out)). Undecodable bytes fail
 * with CORDON_E_ENCODING (CORDON_E_UTF8 for "utf-8") and err->offset / line /
 * column of the first bad byte; an unknown encoding with CORDON_E_FORMAT.
 * `name` (may be NULL) is the file name used in messages. */
int cordon__decode_to_utf8(const cordon__alloc *a, const char *encoding, const char *name,
                           const char *in, size_t n, char **out, size_t *out_len,
                           cordon_error *err);

#endif /* CORDON_ENCODING_H */
