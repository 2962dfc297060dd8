/* codelist.c — import tabular code lists (CSV or TSV: code, tier or label,
 * description) such as the Common High Priority List or the CCL index. */
#include "classify/classify.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_COLS 32

typedef struct row {
    const char *f[MAX_COLS];
    size_t len[MAX_COLS];
    int n;
} row;

/* Split one record starting at *pos. CSV: RFC 4180 quotes (quoted fields
 * are unescaped into scratch). TSV: tabs, no quoting. Returns false at end. */
static int next_row(const char *d, size_t n, size_t *pos, char sep, row *rw, cordon__buf *scratch,
                    int64_t *line, bool *too_many)
{
    size_t i = *pos;
    if (i >= n)
        return 0;
    rw->n = 0;
    *too_many = false;
    cordon__buf_reset(scratch);
    /* offsets into scratch for quoted fields are fixed up after the row */
    size_t qoff[MAX_COLS];
    bool quoted[MAX_COLS];
    for (;;) {
        if (rw->n == MAX_COLS) {
            *too_many = true;
            rw->n--; /* overwrite the last column; error is reported by the caller */
        }
        int c = rw->n;
        quoted[c] = false;
        if (sep == ',' && i < n && d[i] == '"') {
            quoted[c] = true;
            qoff[c] = scratch->len;
            i++;
            for (;;) {
                if (i >= n)
                    break; /* unterminated: take what we have */
                if (d[i] == '"') {
                    if (i + 1 < n && d[i + 1] == '"') {
                        cordon__buf_putc(scratch, '"');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (d[i] == '\n')
                    (*line)++;
                cordon__buf_putc(scratch, d[i]);
                i++;
            }
            rw->len[c] = scratch->len - qoff[c];
            cordon__buf_putc(scratch, '\0');
            while (i < n && d[i] != sep && d[i] != '\n' && d[i] != '\r')
                i++;
        } else {
            size_t s = i;
            while (i < n && d[i] != sep && d[i] != '\n' && d[i] != '\r')
                i++;
            rw->f[c] = d + s;
            rw->len[c] = i - s;
        }
        rw->n++;
        if (i < n && d[i] == sep) {
            i++;
            continue;
        }
        break;
    }
    if (i < n && d[i] == '\r')
        i++;
    if (i < n && d[i] == '\n')
        i++;
    (*line)++;
    *pos = i;
    for (int c = 0; c < rw->n; c++)
        if (quoted[c])
            rw->f[c] = scratch->data + qoff[c];
    return 1;
}

static bool name_is(const char *f, size_t n, const char *const *names)
{
    for (; *names; names++)
        if (strlen(*names) == n && strncasecmp(f, *names, n) == 0)
            return true;
    return false;
}

static bool contains_ci(const char *f, size_t n, const char *w)
{
    size_t l = strlen(w);
    for (size_t i = 0; i + l <= n; i++)
        if (strncasecmp(f + i, w, l) == 0)
            return true;
    return false;
}

static void trim(const char **f, size_t *n)
{
    while (*n && (**f == ' ' || **f == '\t')) {
        (*f)++;
        (*n)--;
    }
    while (*n && ((*f)[*n - 1] == ' ' || (*f)[*n - 1] == '\t'))
        (*n)--;
}

int cordon__rules_load_codelist(cordon__rules *r, const char *data, size_t len, const char *name,
                                const char *list_id, cordon_error *err)
{
    static const char *const code_names[] = {"code", "hs", "hs6", "hscode", "hs_code", "eccn", "cn",
                                             "cn8", "hts", "control_code", "ecn_number", NULL};
    static const char *const tier_names[] = {"tier", "chpl_tier", "label", "list", "category_label", NULL};
    static const char *const reason_names[] = {"reasons", "reasons_for_control", NULL};
    if ((int64_t)len > r->max_input)
        return cordon__err(err, CORDON_E_LIMIT, "%s: %zu bytes exceeds the input limit", name, len);
    size_t bad;
    if (!cordon__utf8_valid(data, len, &bad)) {
        int64_t line, col;
        cordon__line_col(data, bad, false, &line, &col);
        return cordon__err_at(err, CORDON_E_UTF8, (int64_t)bad, line, col,
                              "%s:%lld:%lld: invalid UTF-8", name, (long long)line, (long long)col);
    }
    size_t pos = 0;
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
        pos = 3;
    /* separator: the first line's tab vs comma count */
    size_t eol = pos;
    size_t tabs = 0, commas = 0;
    while (eol < len && data[eol] != '\n') {
        tabs += data[eol] == '\t';
        commas += data[eol] == ',';
        eol++;
    }
    char sep = tabs >= commas && tabs > 0 ? '\t' : ',';
    cordon__buf scratch;
    cordon__buf_init(&scratch, &r->alloc);
    row rw;
    int64_t line = 0;
    bool too_many = false;
    int ccode = 0, ctier = -1, cdesc = -1, creason = -1;
    bool header = false;
    size_t first_pos = pos;
    int64_t first_line = 0;
    if (next_row(data, len, &pos, sep, &rw, &scratch, &line, &too_many)) {
        /* header: some cell names a code column and the first cell is not a code */
        int hc = -1;
        for (int c = 0; c < rw.n; c++)
            if (name_is(rw.f[c], rw.len[c], code_names)) {
                hc = c;
                break;
            }
        char tmp[80];
        int det;
        cordon_error ce;
        if (hc >= 0 && cordon__code_norm(rw.f[hc], rw.len[hc], CORDON_CODE_AUTO, tmp, &det, &ce) != CORDON_OK) {
            header = true;
            ccode = hc;
            for (int c = 0; c < rw.n; c++) {
                if (c == ccode)
                    continue;
                if (ctier < 0 && name_is(rw.f[c], rw.len[c], tier_names))
                    ctier = c;
                else if (name_is(rw.f[c], rw.len[c], reason_names))
                    creason = c;
                else if (contains_ci(rw.f[c], rw.len[c], "desc") || name_is(rw.f[c], rw.len[c], (const char *const[]){"heading", "title", "name", NULL}))
                    cdesc = c; /* the last such column wins */
            }
        } else {
            ccode = 0;
            ctier = rw.n >= 3 ? 1 : -1;
            cdesc = rw.n >= 3 ? 2 : (rw.n == 2 ? 1 : -1);
        }
    }
    if (!header) {
        pos = first_pos;
        line = first_line;
    }
    /* the list */
    if (!list_id || !*list_id) {
        const char *b = strrchr(name, '/');
        list_id = b ? b + 1 : name;
    }
    size_t m_lists = r->nlists, m_entries = r->nentries, m_hs = r->nhs, m_pool = r->pool.len;
    int rc = CORDON_OK;
    if (!(r->nlists < r->caplists ||
          (r->lists = cordon__grow(&r->alloc, r->lists, &r->caplists, r->nlists + 1, sizeof *r->lists)))) {
        cordon__buf_free(&scratch);
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    }
    cordon__list_meta *l = &r->lists[r->nlists];
    memset(l, 0, sizeof *l);
    l->id = cordon__rules_str(r, list_id, strlen(list_id));
    l->name = l->id;
    l->source = cordon__rules_str(r, name, strlen(name));
    l->kind = CORDON__LIST_CODES;
    uint32_t li = (uint32_t)r->nlists++;
    size_t rows = 0;
    while (rc == CORDON_OK && next_row(data, len, &pos, sep, &rw, &scratch, &line, &too_many)) {
        if (rw.n == 1 && rw.len[0] == 0)
            continue; /* blank line */
        if (rw.len[0] > 0 && rw.f[0][0] == '#')
            continue;
        if (too_many) {
            rc = cordon__err_at(err, CORDON_E_PARSE, -1, line, 0, "%s:%lld: more than %d columns",
                                name, (long long)line, MAX_COLS);
            break;
        }
        if (ccode >= rw.n) {
            if (r->strict) {
                rc = cordon__err_at(err, CORDON_E_PARSE, -1, line, 0, "%s:%lld: missing code column",
                                    name, (long long)line);
                break;
            }
            r->skipped++;
            continue;
        }
        const char *cf = rw.f[ccode];
        size_t cl = rw.len[ccode];
        trim(&cf, &cl);
        char norm[80];
        int det = CORDON_CODE_AUTO;
        cordon_error ce;
        if (cordon__code_norm(cf, cl, CORDON_CODE_AUTO, norm, &det, &ce) != CORDON_OK) {
            if (r->strict) {
                /* column of the code field in this line is not tracked for quoted rows */
                rc = cordon__err_at(err, CORDON_E_PARSE, -1, line, ce.column,
                                    "%s:%lld: %s", name, (long long)line, ce.message);
                break;
            }
            r->skipped++;
            continue;
        }
        if (!(r->nentries < r->capentries ||
              (r->entries = cordon__grow(&r->alloc, r->entries, &r->capentries, r->nentries + 1, sizeof *r->entries)))) {
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
            break;
        }
        cordon__entry *e = &r->entries[r->nentries];
        memset(e, 0, sizeof *e);
        e->list = li;
        e->line = (uint32_t)line;
        e->code = cordon__rules_str(r, norm, strlen(norm));
        bool tariff = det == CORDON_CODE_HS || det == CORDON_CODE_CN || det == CORDON_CODE_HTS;
        e->kind = tariff ? CORDON_CODE_HS : (uint32_t)det;
        if (ctier >= 0 && ctier < rw.n) {
            const char *t = rw.f[ctier];
            size_t tl = rw.len[ctier];
            trim(&t, &tl);
            e->tier = cordon__rules_str(r, t, tl);
        }
        if (creason >= 0 && creason < rw.n) {
            const char *t = rw.f[creason];
            size_t tl = rw.len[creason];
            trim(&t, &tl);
            e->reasons = cordon__rules_str(r, t, tl);
        }
        if (cdesc >= 0 && cdesc < rw.n) {
            const char *t = rw.f[cdesc];
            size_t tl = rw.len[cdesc];
            trim(&t, &tl);
            e->title = cordon__rules_str(r, t, tl);
        }
        e->hs_first = (uint32_t)r->nhs;
        if (tariff) {
            if (!(r->nhs < r->caphs ||
                  (r->hs = cordon__grow(&r->alloc, r->hs, &r->caphs, r->nhs + 1, sizeof *r->hs)))) {
                rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
                break;
            }
            r->hs[r->nhs++] = e->code;
            e->hs_count = 1;
        }
        e->pat_first = (uint32_t)r->npats;
        e->par_first = (uint32_t)r->nparams;
        r->nentries++;
        rows++;
    }
    cordon__buf_free(&scratch);
    if (rc == CORDON_OK && r->pool.failed)
        rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
    if (rc == CORDON_OK && rows == 0)
        rc = cordon__err_at(err, CORDON_E_PARSE, -1, line, 0, "%s: no codes found", name);
    if (rc == CORDON_OK)
        rc = cordon__rules_finish(r, r->npats, err);
    if (rc != CORDON_OK) {
        r->nlists = m_lists;
        r->nentries = m_entries;
        r->nhs = m_hs;
        r->pool.len = m_pool;
        if (r->pool.data)
            r->pool.data[m_pool] = '\0';
        cordon_error ignore;
        cordon__rules_finish(r, r->npats, &ignore);
    }
    return rc;
}
