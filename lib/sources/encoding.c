/* encoding.c — Windows-1252 (built-in) and iconv decoding to UTF-8. */
#include "sources/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

/* Windows-1252 0x80..0x9F (0 = undefined byte). 0xA0..0xFF map to U+00A0..U+00FF. */
static const uint16_t cp1252_hi[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static void pos_of(const char *in, size_t off, int64_t *line, int64_t *col)
{
    int64_t l = 1;
    size_t ls = 0;
    for (size_t i = 0; i < off; i++)
        if (in[i] == '\n') {
            l++;
            ls = i + 1;
        }
    *line = l;
    *col = (int64_t)(off - ls) + 1;
}

static int bad_byte(cordon_error *err, int code, const char *name, const char *enc,
                    const char *in, size_t off)
{
    int64_t line, col;
    pos_of(in, off, &line, &col);
    return cordon__err_at(err, code, (int64_t)off, line, col,
                          "%s:%lld:%lld: byte 0x%02X at offset %zu is not valid %s",
                          name ? name : "<buffer>", (long long)line, (long long)col,
                          (unsigned char)in[off], off, enc);
}

static bool enc_is(const char *e, const char *lit)
{
    for (; *e && *lit; e++, lit++) {
        int x = (unsigned char)*e, y = (unsigned char)*lit;
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (x != y)
            return false;
    }
    return *e == 0 && *lit == 0;
}

static int decode_cp1252(const cordon__alloc *a, const char *name, const char *in, size_t n,
                         char **out, size_t *out_len, cordon_error *err)
{
    if (n > (SIZE_MAX - 1) / 3)
        return cordon__err(err, CORDON_E_LIMIT, "input too large");
    /* size exactly: ASCII 1 byte, 0xA0..0xFF 2 bytes, 0x80..0x9F 2 or 3 */
    size_t need = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c < 0x80)
            need += 1;
        else if (c >= 0xA0)
            need += 2;
        else {
            uint16_t cp = cp1252_hi[c - 0x80];
            if (!cp)
                return bad_byte(err, CORDON_E_ENCODING, name, "Windows-1252", in, i);
            need += cp < 0x800 ? 2 : 3;
        }
    }
    char *o = cordon__malloc(a, need + 1);
    if (!o)
        return cordon__err(err, CORDON_E_NOMEM, "out of memory decoding %s", name ? name : "input");
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c < 0x80)
            o[k++] = (char)c;
        else
            k += cordon__utf8_encode(c >= 0xA0 ? c : cp1252_hi[c - 0x80], o + k);
    }
    o[k] = '\0';
    *out = o;
    *out_len = k;
    return CORDON_OK;
}

static int decode_iconv(const cordon__alloc *a, const char *enc, const char *name, const char *in,
                        size_t n, char **out, size_t *out_len, cordon_error *err)
{
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1)
        return cordon__err(err, CORDON_E_FORMAT, "%s: unsupported encoding '%s'",
                           name ? name : "<buffer>", enc);
    size_t cap = n + n / 2 + 16, used = 0;
    char *o = cordon__malloc(a, cap);
    if (!o) {
        iconv_close(cd);
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    }
    char *ip = (char *)in;
    size_t il = n;
    int rc = CORDON_OK;
    while (il > 0) {
        char *op = o + used;
        size_t ol = cap - used - 1;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        used = (size_t)(op - o);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            if (cap > SIZE_MAX / 2) {
                rc = cordon__err(err, CORDON_E_LIMIT, "input too large");
                break;
            }
            char *no = cordon__realloc(a, o, cap * 2);
            if (!no) {
                rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
                break;
            }
            o = no;
            cap *= 2;
            continue;
        }
        /* EILSEQ or EINVAL (truncated sequence at the end) */
        rc = bad_byte(err, CORDON_E_ENCODING, name, enc, in, (size_t)(ip - in));
        break;
    }
    iconv_close(cd);
    if (rc != CORDON_OK) {
        cordon__free(a, o);
        return rc;
    }
    o[used] = '\0';
    /* iconv's output is UTF-8, but be certain before parsers rely on it */
    size_t bad;
    if (!cordon__utf8_valid(o, used, &bad)) {
        cordon__free(a, o);
        return cordon__err(err, CORDON_E_ENCODING, "%s: conversion from %s gave invalid UTF-8",
                           name ? name : "<buffer>", enc);
    }
    *out = o;
    *out_len = used;
    return CORDON_OK;
}

int cordon__decode_to_utf8(const cordon__alloc *a, const char *encoding, const char *name,
                           const char *in, size_t n, char **out, size_t *out_len,
                           cordon_error *err)
{
    *out = NULL;
    *out_len = 0;
    if (!encoding || enc_is(encoding, "utf-8") || enc_is(encoding, "utf8")) {
        size_t bad;
        if (!cordon__utf8_valid(in, n, &bad))
            return bad_byte(err, CORDON_E_UTF8, name, "UTF-8", in, bad);
        char *o = cordon__strndup(a, in, n);
        if (!o)
            return cordon__err(err, CORDON_E_NOMEM, "out of memory");
        *out = o;
        *out_len = n;
        return CORDON_OK;
    }
    if (enc_is(encoding, "windows-1252") || enc_is(encoding, "cp1252"))
        return decode_cp1252(a, name, in, n, out, out_len, err);
    return decode_iconv(a, encoding, name, in, n, out, out_len, err);
}
