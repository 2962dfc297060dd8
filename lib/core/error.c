/* error.c — result codes and the caller-owned error struct. */
#include "core.h"

#include <stdio.h>
#include <string.h>

CORDON_API const char *cordon_strerror(int code)
{
    switch (code) {
    case CORDON_OK: return "success";
    case CORDON_E_INVALID: return "invalid argument";
    case CORDON_E_NOMEM: return "out of memory";
    case CORDON_E_UTF8: return "invalid UTF-8";
    case CORDON_E_IO: return "input/output error";
    case CORDON_E_PARSE: return "malformed input";
    case CORDON_E_FORMAT: return "unknown or unsupported format";
    case CORDON_E_LIMIT: return "limit exceeded";
    case CORDON_E_CORRUPT: return "corrupted or foreign snapshot";
    case CORDON_E_VERSION: return "incompatible snapshot version";
    case CORDON_E_NOTFOUND: return "not found";
    case CORDON_E_REGEX: return "pattern error";
    case CORDON_E_ENCODING: return "undecodable bytes in declared encoding";
    case CORDON_E_RANGE: return "out of range";
    case CORDON_E_STATE: return "invalid state";
    default: return "unknown error";
    }
}

void cordon__err_clear(cordon_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->offset = -1;
}

int cordon__verr_at(cordon_error *err, int code, int64_t offset, int64_t line, int64_t column,
                    const char *fmt, va_list ap)
{
    if (!err)
        return code;
    memset(err, 0, sizeof *err);
    err->code = code;
    err->offset = offset;
    err->line = line;
    err->column = column;
    if (fmt && *fmt) {
        int n = vsnprintf(err->message, sizeof err->message, fmt, ap);
        if (n < 0)
            snprintf(err->message, sizeof err->message, "%s", cordon_strerror(code));
        else if ((size_t)n >= sizeof err->message) {
            /* Truncated: cut back to a UTF-8 boundary. */
            size_t i = sizeof err->message - 1;
            while (i > 0 && ((unsigned char)err->message[i] & 0xC0) == 0x80)
                i--;
            err->message[i] = '\0';
        }
    } else {
        snprintf(err->message, sizeof err->message, "%s", cordon_strerror(code));
    }
    return code;
}

void cordon__line_col(const char *d, size_t off, bool chars, int64_t *line, int64_t *col)
{
    int64_t l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (d[i] == '\n') {
            l++;
            c = 1;
        } else if (!chars || ((unsigned char)d[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

int cordon__err_at(cordon_error *err, int code, int64_t offset, int64_t line, int64_t column,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cordon__verr_at(err, code, offset, line, column, fmt, ap);
    va_end(ap);
    return code;
}

int cordon__err(cordon_error *err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cordon__verr_at(err, code, -1, 0, 0, fmt, ap);
    va_end(ap);
    return code;
}

void cordon__err_detail(cordon_error *err, int32_t detail)
{
    if (err)
        err->detail = detail;
}
