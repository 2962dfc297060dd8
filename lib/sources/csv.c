/* csv.c — hardened streaming CSV/TSV record reader. */
#include "sources/csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cordon__csv_init(cordon__csv *c, const cordon_options *opts, const char *name,
                      const char *data, size_t len, char sep)
{
    const cordon_options *o = cordon__options_or_default(opts);
    memset(c, 0, sizeof *c);
    c->name = name ? name : "<buffer>";
    c->data = data;
    c->len = len;
    c->sep = sep;
    c->check_utf8 = true;
    int64_t mn = o->max_name_bytes > 0 ? o->max_name_bytes : 65536;
    if (mn > (int64_t)(SIZE_MAX / 128))
        mn = (int64_t)(SIZE_MAX / 128);
    c->max_field = (size_t)mn * 16;
    c->max_record = (size_t)mn * 64;
    c->max_fields = 4096;
    c->next_line = 1;
    c->alloc = cordon__alloc_of(opts);
    /* UTF-8 byte order mark */
    if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
        (unsigned char)data[2] == 0xBF)
        c->pos = 3;
}

void cordon__csv_free(cordon__csv *c)
{
    cordon__free(c->alloc, c->f);
    cordon__free(c->alloc, c->scratch);
    c->f = NULL;
    c->scratch = NULL;
    c->nf = c->capf = c->scratch_len = c->scratch_cap = 0;
}

int cordon__csv_err(const cordon__csv *c, cordon_error *err, int code, const cordon__csv_field *f,
                    const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int64_t line = f ? f->line : c->line;
    int64_t col = f ? f->col : 0;
    int64_t off = (f && f->p && f->p >= c->data && f->p <= c->data + c->len)
                      ? (int64_t)(f->p - c->data)
                      : (int64_t)c->rec_start;
    if (col > 0)
        return cordon__err_at(err, code, off, line, col, "%s:%lld:%lld: %s", c->name,
                              (long long)line, (long long)col, msg);
    return cordon__err_at(err, code, off, line, 0, "%s:%lld: %s", c->name, (long long)line, msg);
}

/* Error at an absolute offset; then move past the rest of that line. */
static int fail_at(cordon__csv *c, cordon_error *err, int code, size_t off, int64_t line,
                   size_t line_start, const char *what)
{
    int64_t col = (int64_t)(off - line_start) + 1;
    cordon__err_at(err, code, (int64_t)off, line, col, "%s:%lld:%lld: %s", c->name,
                   (long long)line, (long long)col, what);
    /* recover: skip to just after the next line end */
    size_t p = off < c->len ? off : c->len;
    c->next_line = line;
    while (p < c->len && c->data[p] != '\n' && c->data[p] != '\r')
        p++;
    if (p < c->len) {
        if (c->data[p] == '\r' && p + 1 < c->len && c->data[p + 1] == '\n')
            p++;
        p++;
        c->next_line++;
    }
    c->pos = p;
    c->line_start = p;
    return code;
}

static bool only_eof_marks(const char *d, size_t from, size_t len)
{
    for (size_t i = from; i < len; i++)
        if (d[i] != 0x1A && d[i] != '\r' && d[i] != '\n' && d[i] != ' ')
            return false;
    return true;
}

static bool scratch_put(cordon__csv *c, const char *p, size_t n)
{
    if (c->scratch_len + n + 1 > c->scratch_cap) {
        char *s = cordon__grow(c->alloc, c->scratch, &c->scratch_cap, c->scratch_len + n + 1, 1);
        if (!s)
            return false;
        c->scratch = s;
    }
    memcpy(c->scratch + c->scratch_len, p, n);
    c->scratch_len += n;
    return true;
}

int cordon__csv_next(cordon__csv *c, cordon_error *err)
{
    const char *d = c->data;
    const size_t len = c->len;
    const char sep = c->sep;
    c->nf = 0;
    c->scratch_len = 0;
    /* skip blank lines and the DOS end-of-file mark */
    for (;;) {
        if (c->pos >= len)
            return 0;
        char ch = d[c->pos];
        if (ch == '\n' || ch == '\r') {
            if (ch == '\r' && c->pos + 1 < len && d[c->pos + 1] == '\n')
                c->pos++;
            c->pos++;
            c->next_line++;
            c->line_start = c->pos;
            continue;
        }
        if (ch == 0x1A && only_eof_marks(d, c->pos, len)) {
            c->pos = len;
            return 0;
        }
        break;
    }
    c->line = c->next_line;
    c->rec_start = c->pos;
    c->rec_line_start = c->line_start;
    size_t pos = c->pos;
    int64_t line = c->next_line;
    size_t line_start = c->line_start;
    bool any_scratch = false;
    for (;;) {
        cordon__csv_field f;
        f.line = line;
        f.col = (int64_t)(pos - line_start) + 1;
        f.soff = 0;
        if (pos < len && d[pos] == '"') {
            size_t open = pos, open_ls = line_start;
            int64_t open_line = line;
            pos++;
            size_t seg = pos;
            bool in_scratch = false;
            for (;;) {
                if (pos >= len) {
                    /* nothing after an unclosed quote can be trusted: stop there */
                    int rc = fail_at(c, err, CORDON_E_PARSE, open, open_line, open_ls,
                                     "unterminated quoted field");
                    c->pos = len;
                    return rc;
                }
                char ch = d[pos];
                if (ch == '"') {
                    if (pos + 1 < len && d[pos + 1] == '"') {
                        if (!in_scratch) {
                            in_scratch = true;
                            f.soff = c->scratch_len;
                        }
                        if (!scratch_put(c, d + seg, pos - seg + 1))
                            return cordon__err(err, CORDON_E_NOMEM, "out of memory");
                        pos += 2;
                        seg = pos;
                        continue;
                    }
                    break;
                }
                if (ch == '\0')
                    return fail_at(c, err, CORDON_E_PARSE, pos, line, line_start, "NUL byte");
                if (ch == '\n' || (ch == '\r' && !(pos + 1 < len && d[pos + 1] == '\n'))) {
                    line++;
                    line_start = pos + 1;
                }
                pos++;
            }
            if (in_scratch) {
                if (!scratch_put(c, d + seg, pos - seg))
                    return cordon__err(err, CORDON_E_NOMEM, "out of memory");
                f.p = NULL;
                f.n = c->scratch_len - f.soff;
                any_scratch = true;
            } else {
                f.p = d + open + 1;
                f.n = pos - open - 1;
            }
            pos++; /* closing quote */
            while (pos < len && d[pos] == ' ' && sep != ' ')
                pos++;
            if (pos < len && d[pos] != sep && d[pos] != '\n' && d[pos] != '\r' &&
                !(d[pos] == 0x1A && only_eof_marks(d, pos, len)))
                return fail_at(c, err, CORDON_E_PARSE, pos, line, line_start,
                               "unexpected character after closing quote");
        } else {
            size_t s = pos;
            while (pos < len) {
                char ch = d[pos];
                if (ch == sep || ch == '\n' || ch == '\r')
                    break;
                if (ch == '\0')
                    return fail_at(c, err, CORDON_E_PARSE, pos, line, line_start, "NUL byte");
                if (ch == 0x1A && only_eof_marks(d, pos, len))
                    break;
                pos++;
            }
            f.p = d + s;
            f.n = pos - s;
        }
        if (f.n > c->max_field)
            return fail_at(c, err, CORDON_E_LIMIT, pos, line, line_start,
                           "field longer than the configured limit");
        if (c->nf >= c->max_fields)
            return fail_at(c, err, CORDON_E_LIMIT, pos, line, line_start, "too many fields");
        if (c->nf == c->capf) {
            cordon__csv_field *nfp =
                cordon__grow(c->alloc, c->f, &c->capf, c->nf + 1, sizeof *nfp);
            if (!nfp)
                return cordon__err(err, CORDON_E_NOMEM, "out of memory");
            c->f = nfp;
        }
        c->f[c->nf++] = f;
        if (pos - c->rec_start > c->max_record)
            return fail_at(c, err, CORDON_E_LIMIT, pos, line, line_start,
                           "record longer than the configured limit");
        if (pos < len && d[pos] == sep) {
            pos++;
            continue;
        }
        /* end of record */
        size_t rec_end = pos;
        if (pos < len && d[pos] == 0x1A)
            pos = len;
        else if (pos < len) {
            if (d[pos] == '\r' && pos + 1 < len && d[pos + 1] == '\n')
                pos++;
            pos++;
            line++;
            line_start = pos;
        }
        if (c->check_utf8) {
            size_t bad;
            if (!cordon__utf8_valid(d + c->rec_start, rec_end - c->rec_start, &bad)) {
                size_t off = c->rec_start + bad;
                /* find the line/col of the bad byte */
                int64_t bl = c->line;
                size_t bls = c->line_start;
                for (size_t i = c->rec_start; i < off; i++)
                    if (d[i] == '\n') {
                        bl++;
                        bls = i + 1;
                    }
                c->pos = pos;
                c->next_line = line;
                c->line_start = line_start;
                int64_t col = (int64_t)(off - bls) + 1;
                return cordon__err_at(err, CORDON_E_UTF8, (int64_t)off, bl, col,
                                      "%s:%lld:%lld: invalid UTF-8", c->name, (long long)bl,
                                      (long long)col);
            }
        }
        c->pos = pos;
        c->next_line = line;
        c->line_start = line_start;
        break;
    }
    if (any_scratch) {
        if (!scratch_put(c, "", 1))
            return cordon__err(err, CORDON_E_NOMEM, "out of memory");
        for (size_t i = 0; i < c->nf; i++)
            if (!c->f[i].p)
                c->f[i].p = c->scratch + c->f[i].soff;
    }
    return 1;
}

char cordon__csv_sniff_sep(const char *data, size_t len)
{
    size_t nc = 0, ns = 0, nt = 0;
    bool q = false;
    for (size_t i = 0; i < len && i < 65536; i++) {
        char ch = data[i];
        if (ch == '"')
            q = !q;
        else if (!q && (ch == '\n' || ch == '\r'))
            break;
        else if (!q && ch == ',')
            nc++;
        else if (!q && ch == ';')
            ns++;
        else if (!q && ch == '\t')
            nt++;
    }
    if (nt >= nc && nt >= ns && nt > 0)
        return '\t';
    if (ns > nc)
        return ';';
    return ',';
}

bool cordon__csv_field_is(const cordon__csv_field *f, const char *s)
{
    size_t a = 0, b = f->n;
    while (a < b && (f->p[a] == ' ' || f->p[a] == '\t'))
        a++;
    while (b > a && (f->p[b - 1] == ' ' || f->p[b - 1] == '\t'))
        b--;
    size_t n = strlen(s);
    if (b - a != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        int x = (unsigned char)f->p[a + i], y = (unsigned char)s[i];
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (y >= 'A' && y <= 'Z')
            y += 32;
        if (x != y)
            return false;
    }
    return true;
}

int cordon__csv_bad_record(cordon__sink *sink, int64_t line, int rc, cordon_error *err)
{
    const cordon_options *o = cordon__sink_options(sink);
    if (o->strict || (rc != CORDON_E_PARSE && rc != CORDON_E_LIMIT && rc != CORDON_E_UTF8 &&
                      rc != CORDON_E_ENCODING))
        return rc;
    char reason[sizeof err->message];
    snprintf(reason, sizeof reason, "%s", err ? err->message : "malformed record");
    int64_t l = err && err->line > 0 ? err->line : line;
    cordon__err_clear(err);
    return cordon__sink_skip(sink, l, reason, err);
}

void cordon__csv_seek(cordon__csv *c, size_t rec_start, int64_t line, size_t line_start)
{
    c->pos = rec_start;
    c->next_line = line;
    c->line_start = line_start;
}

const char *cordon__basename(const char *name)
{
    if (!name)
        return "";
    const char *b = name;
    for (const char *p = name; *p; p++)
        if (*p == '/' || *p == '\\')
            b = p + 1;
    return b;
}

cordon__csv_field cordon__csv_trim(cordon__csv_field f)
{
    while (f.n && (f.p[0] == ' ' || f.p[0] == '\t')) {
        f.p++;
        f.n--;
        f.col++;
    }
    while (f.n && (f.p[f.n - 1] == ' ' || f.p[f.n - 1] == '\t'))
        f.n--;
    return f;
}

bool cordon__ascii_ieq(const char *p, size_t n, const char *s)
{
    size_t l = strlen(s);
    if (l != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        int x = (unsigned char)p[i], y = (unsigned char)s[i];
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (y >= 'A' && y <= 'Z')
            y += 32;
        if (x != y)
            return false;
    }
    return true;
}

/* ---- grouping ------------------------------------------------------------ */

void cordon__csv_group_init(cordon__csv_grouper *g, const cordon__alloc *a)
{
    memset(g, 0, sizeof *g);
    g->alloc = a;
}

bool cordon__csv_group_add(cordon__csv_grouper *g, const cordon__csv *c, uint64_t key)
{
    if (g->n >= UINT32_MAX)
        return false;
    cordon__csv_row *r = cordon__grow(g->alloc, g->rows, &g->cap, g->n + 1, sizeof *r);
    if (!r)
        return false;
    g->rows = r;
    r[g->n].key = key;
    r[g->n].seq = (uint32_t)g->n;
    r[g->n].pos = c->rec_start;
    r[g->n].line = c->line;
    r[g->n].line_start = c->rec_line_start;
    g->n++;
    return true;
}

static int cmp_row(const void *a, const void *b)
{
    const cordon__csv_row *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

static int cmp_group(const void *a, const void *b)
{
    const cordon__csv_group *x = a, *y = b;
    return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

bool cordon__csv_group_finish(cordon__csv_grouper *g)
{
    g->ngroups = 0;
    if (g->n == 0)
        return true;
    qsort(g->rows, g->n, sizeof *g->rows, cmp_row);
    for (size_t i = 0; i < g->n;) {
        size_t j = i + 1;
        while (j < g->n && g->rows[j].key == g->rows[i].key)
            j++;
        cordon__csv_group *gr =
            cordon__grow(g->alloc, g->groups, &g->capg, g->ngroups + 1, sizeof *gr);
        if (!gr)
            return false;
        g->groups = gr;
        gr[g->ngroups].first = i;
        gr[g->ngroups].count = j - i;
        gr[g->ngroups].seq = g->rows[i].seq;
        g->ngroups++;
        i = j;
    }
    qsort(g->groups, g->ngroups, sizeof *g->groups, cmp_group);
    return true;
}

void cordon__csv_group_free(cordon__csv_grouper *g)
{
    cordon__free(g->alloc, g->rows);
    cordon__free(g->alloc, g->groups);
    memset(g, 0, sizeof *g);
}

size_t cordon__csv_header_map(const cordon__csv *c, const char *const *names, size_t n, int *idx)
{
    size_t found = 0;
    for (size_t i = 0; i < n; i++) {
        idx[i] = -1;
        for (size_t k = 0; k < c->nf; k++)
            if (cordon__csv_field_is(&c->f[k], names[i])) {
                idx[i] = (int)k;
                found++;
                break;
            }
    }
    return found;
}

bool cordon__split(const char *p, size_t n, char sep,
                   bool (*fn)(void *ud, const char *s, size_t len), void *ud)
{
    size_t i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && p[j] != sep)
            j++;
        size_t a = i, b = j;
        while (a < b && (p[a] == ' ' || p[a] == '\t'))
            a++;
        while (b > a && (p[b - 1] == ' ' || p[b - 1] == '\t'))
            b--;
        if (b > a && !fn(ud, p + a, b - a))
            return false;
        i = j + 1;
    }
    return true;
}

int cordon__csv_reread(cordon__csv *c, const cordon__csv_row *row, cordon_error *err)
{
    cordon__csv_seek(c, row->pos, row->line, row->line_start);
    if (cordon__csv_next(c, err) != 1)
        return cordon__err(err, CORDON_E_PARSE, "%s: re-read failed", c->name);
    return CORDON_OK;
}

int cordon__csv_uk_type(const cordon__csv_field *f)
{
    if (cordon__ascii_ieq(f->p, f->n, "individual"))
        return CORDON__TYPE_PERSON;
    if (cordon__ascii_ieq(f->p, f->n, "entity"))
        return CORDON__TYPE_ORGANIZATION;
    if (cordon__ascii_ieq(f->p, f->n, "ship"))
        return CORDON__TYPE_VESSEL;
    return CORDON__TYPE_UNKNOWN;
}
