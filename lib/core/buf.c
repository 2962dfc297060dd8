/* buf.c — growable byte buffer and JSON writing helpers. */
#include "core.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void cordon__buf_init(cordon__buf *b, const cordon__alloc *a)
{
    memset(b, 0, sizeof *b);
    b->alloc = a ? a : &cordon__default_alloc;
}

void cordon__buf_free(cordon__buf *b)
{
    cordon__free(b->alloc, b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

void cordon__buf_reset(cordon__buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    b->failed = false;
}

bool cordon__buf_reserve(cordon__buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap;
    char *p = cordon__grow(b->alloc, b->data, &cap, need, 1);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

bool cordon__buf_append(cordon__buf *b, const void *p, size_t n)
{
    if (!cordon__buf_reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool cordon__buf_putc(cordon__buf *b, char c)
{
    return cordon__buf_append(b, &c, 1);
}

bool cordon__buf_puts(cordon__buf *b, const char *s)
{
    return cordon__buf_append(b, s, strlen(s));
}

bool cordon__buf_printf(cordon__buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return false;
    }
    if ((size_t)n < sizeof small)
        return cordon__buf_append(b, small, (size_t)n);
    if (!cordon__buf_reserve(b, (size_t)n))
        return false;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

bool cordon__buf_json_str(cordon__buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (!cordon__buf_reserve(b, n + 2))
        return false;
    cordon__buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\t')
            esc = "\\t";
        else if (c < 0x20 || c == 0x7f) {
            u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0';
            u[4] = hex[c >> 4]; u[5] = hex[c & 15]; u[6] = 0;
            esc = u;
        }
        if (esc) {
            cordon__buf_append(b, s + run, i - run);
            cordon__buf_puts(b, esc);
            run = i + 1;
        }
    }
    cordon__buf_append(b, s + run, n - run);
    return cordon__buf_putc(b, '"');
}

bool cordon__buf_json_num(cordon__buf *b, double v)
{
    if (!isfinite(v))
        return cordon__buf_puts(b, "null");
    char tmp[64];
    int n = snprintf(tmp, sizeof tmp, "%.4f", v);
    if (n <= 0 || (size_t)n >= sizeof tmp)
        return cordon__buf_puts(b, "null");
    /* trim trailing zeros: 0.5000 -> 0.5, 1.0000 -> 1 */
    if (strchr(tmp, '.')) {
        while (n > 0 && tmp[n - 1] == '0')
            tmp[--n] = '\0';
        if (n > 0 && tmp[n - 1] == '.')
            tmp[--n] = '\0';
    }
    if (strcmp(tmp, "-0") == 0)
        return cordon__buf_puts(b, "0");
    return cordon__buf_append(b, tmp, (size_t)n);
}

char *cordon__buf_take(cordon__buf *b, size_t *len)
{
    char *d = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}
