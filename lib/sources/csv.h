/*
 * csv.h — a hardened, streaming CSV/TSV record reader (internal).
 *
 * Reads records from one in-memory buffer without copying it: fields point
 * into the buffer, except quoted fields with doubled quotes, which are
 * unescaped into a reused scratch buffer. Handles RFC 4180 quoting, CRLF/LF/CR
 * line ends, a UTF-8 BOM, a trailing 0x1A (DOS end-of-file) and blank lines.
 * Rejects NUL bytes, text after a closing quote, unterminated quotes, fields
 * longer than 16 x options' max_name_bytes (1 MiB by default: OFAC remarks
 * are long) and records longer than 64 x max_name_bytes. Optionally validates UTF-8 per record.
 */
#ifndef CORDON_CSV_H
#define CORDON_CSV_H

#include "sources/entity.h"

typedef struct cordon__csv_field {
    const char *p; /* not NUL-terminated */
    size_t n;
    int64_t col;   /* 1-based byte column where the field starts */
    int64_t line;  /* line where the field starts */
    size_t soff;   /* private: scratch offset while the record is read */
} cordon__csv_field;

typedef struct cordon__csv {
    const char *name;    /* file name for messages */
    const char *data;
    size_t len, pos;
    char sep;
    bool check_utf8;     /* validate every record as UTF-8 (default true) */
    size_t max_field;    /* bytes */
    size_t max_record;   /* bytes */
    size_t max_fields;   /* fields per record */
    int64_t line;        /* line of the current record's start (1-based) */
    int64_t next_line;   /* line where the next record starts */
    size_t line_start;   /* offset of the start of line next_line */
    size_t rec_start;    /* offset of the current record */
    size_t rec_line_start; /* offset of the start of the current record's line */
    cordon__csv_field *f;
    size_t nf, capf;
    char *scratch;
    size_t scratch_len, scratch_cap;
    const cordon__alloc *alloc;
} cordon__csv;

/* Set up a reader over data[0..len). sep is ',', ';' or '\t'. Limits come
 * from opts (NULL = defaults). */
void cordon__csv_init(cordon__csv *c, const cordon_options *opts, const char *name,
                      const char *data, size_t len, char sep);
void cordon__csv_free(cordon__csv *c);

/* Read the next record into c->f[0..c->nf). Returns 1 for a record, 0 at the
 * end, or a negative CORDON_E_* (PARSE, LIMIT, UTF8, NOMEM) with err filled as
 * "file:line:col: reason". After a PARSE/LIMIT/UTF8 error the reader has moved
 * past the bad record's line(s), so lenient callers can record a skip and go
 * on reading. */
int cordon__csv_next(cordon__csv *c, cordon_error *err);

/* Field i of the current record, or an empty field when i >= nf. */
static inline cordon__csv_field cordon__csv_get(const cordon__csv *c, size_t i)
{
    if (i < c->nf)
        return c->f[i];
    cordon__csv_field z = {"", 0, 0, c->line, 0};
    return z;
}

/* Report an error at a field of the current record:
 * "file:line:col: fmt..." with code (usually CORDON_E_PARSE). */
int cordon__csv_err(const cordon__csv *c, cordon_error *err, int code, const cordon__csv_field *f,
                    const char *fmt, ...) CORDON__PRINTF(5, 6);

/* Guess the separator of a header line: the most frequent of ',' ';' '\t'
 * outside quotes in the first line. */
char cordon__csv_sniff_sep(const char *data, size_t len);

/* Case-insensitive equality of a field with a NUL-terminated ASCII string,
 * ignoring surrounding spaces. */
bool cordon__csv_field_is(const cordon__csv_field *f, const char *s);

/* Common helper for strict/lenient handling of a bad record: in strict mode
 * returns rc (err already filled); in lenient mode records a skip in the sink
 * with err's message and returns CORDON_OK (or the sink's error). */
int cordon__csv_bad_record(cordon__sink *sink, int64_t line, int rc, cordon_error *err);

/* Start reading at a record previously returned (its rec_start offset, line
 * and the offset of that line's start). */
void cordon__csv_seek(cordon__csv *c, size_t rec_start, int64_t line, size_t line_start);

/* The last path component of name ("" for NULL). */
const char *cordon__basename(const char *name);

/* Trim ASCII spaces/tabs from both ends of a field. */
cordon__csv_field cordon__csv_trim(cordon__csv_field f);

/* Case-insensitive ASCII comparison of p[0..n) with a NUL-terminated string. */
bool cordon__ascii_ieq(const char *p, size_t n, const char *s);
/* Entity type from the UK lists' group/designation type word ("Individual",
 * "Entity", "Ship"; anything else is CORDON__TYPE_UNKNOWN). */
int cordon__csv_uk_type(const cordon__csv_field *f);

/* Map header names (case-insensitive, trimmed) to column indexes of the
 * current record: idx[i] = column of names[i] or -1. Returns how many were
 * found. */
size_t cordon__csv_header_map(const cordon__csv *c, const char *const *names, size_t n, int *idx);

/* Split p[0..n) at `sep` characters, calling fn for each trimmed non-empty
 * part; stops and returns false when fn does. */
bool cordon__split(const char *p, size_t n, char sep,
                   bool (*fn)(void *ud, const char *s, size_t len), void *ud);

/* ---- grouping rows by key (rows of one entity may be anywhere) ---------
 * Pass 1 remembers each record's position under a 64-bit key; after
 * cordon__csv_group_finish() the groups come out in order of first
 * appearance and their rows in file order, to be re-read with
 * cordon__csv_seek(). Memory: one small struct per row, no copies. */
typedef struct cordon__csv_row {
    uint64_t key;
    uint32_t seq;
    size_t pos, line_start;
    int64_t line;
} cordon__csv_row;

typedef struct cordon__csv_group {
    size_t first, count; /* rows[first .. first+count) after finish */
    uint32_t seq;        /* first appearance */
} cordon__csv_group;

typedef struct cordon__csv_grouper {
    const cordon__alloc *alloc;
    cordon__csv_row *rows;
    size_t n, cap;
    cordon__csv_group *groups;
    size_t ngroups, capg;
} cordon__csv_grouper;

void cordon__csv_group_init(cordon__csv_grouper *g, const cordon__alloc *a);
/* Remember the current record of c under key. false = out of memory. */
bool cordon__csv_group_add(cordon__csv_grouper *g, const cordon__csv *c, uint64_t key);
bool cordon__csv_group_finish(cordon__csv_grouper *g);
/* Seek back to a grouped row and read it again (CORDON_E_PARSE if it can no
 * longer be read). */
int cordon__csv_reread(cordon__csv *c, const cordon__csv_row *row, cordon_error *err);
void cordon__csv_group_free(cordon__csv_grouper *g);

#endif /* CORDON_CSV_H */
