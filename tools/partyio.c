/* partyio.c — party files, suppressions and the threaded screening loop. */
#define _GNU_SOURCE
#include "partyio.h"

#include <ctype.h>
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int party_parse_type(const char *s)
{
    static const char *const names[] = {"any", "person", "org", "vessel", "aircraft"};
    if (!s || !*s)
        return 0;
    for (int i = 0; i < 5; i++)
        if (strcasecmp(names[i], s) == 0)
            return i;
    if (strcasecmp(s, "organization") == 0 || strcasecmp(s, "company") == 0 ||
        strcasecmp(s, "entity") == 0)
        return 2;
    if (strcasecmp(s, "individual") == 0)
        return 1;
    return -1;
}

/* ---- suppressions ---------------------------------------------------------- */

static int cmp_supp(const void *a, const void *b)
{
    return strcmp(((const supp_entry *)a)->key, ((const supp_entry *)b)->key);
}

int supp_load(supp_set *s, const char *path)
{
    s->e = NULL;
    s->n = 0;
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cordon: %s: cannot open suppressions file\n", path);
        return CLI_USAGE;
    }
    char *line = NULL;
    size_t cap = 0, ecap = 0;
    long ln = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        ln++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (n == 0 || line[0] == '#')
            continue;
        char *f1 = line, *f2 = strchr(f1, '\t'), *f3 = f2 ? strchr(f2 + 1, '\t') : NULL,
             *f4 = f3 ? strchr(f3 + 1, '\t') : NULL;
        char *end = NULL;
        unsigned long long h = f4 ? strtoull(f4 + 1, &end, 16) : 0;
        if (!f4 || !end || *end || end == f4 + 1) {
            fprintf(stderr, "cordon: %s:%ld: expected PARTY_ID<TAB>LIST<TAB>ENTITY_ID<TAB>CONTENT_HASH\n",
                    path, ln);
            free(line);
            fclose(f);
            supp_free(s);
            return CLI_USAGE;
        }
        *f4 = 0;
        if (s->n == ecap) {
            ecap = ecap ? ecap * 2 : 64;
            s->e = realloc(s->e, ecap * sizeof *s->e);
            if (!s->e)
                abort();
        }
        s->e[s->n].key = strdup(line);
        s->e[s->n].hash = h;
        s->n++;
    }
    free(line);
    fclose(f);
    if (s->n)
        qsort(s->e, s->n, sizeof *s->e, cmp_supp);
    return CLI_OK;
}

void supp_free(supp_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->e[i].key);
    free(s->e);
    s->e = NULL;
    s->n = 0;
}

int supp_check(const supp_set *s, const char *party, const char *list, const char *entity,
               unsigned long long hash)
{
    if (!s || !s->n)
        return 0;
    char key[1024];
    snprintf(key, sizeof key, "%s\t%s\t%s", party, list, entity);
    supp_entry k = {key, 0};
    const supp_entry *e = bsearch(&k, s->e, s->n, sizeof *s->e, cmp_supp);
    if (!e)
        return 0;
    /* several suppressions of one key: any with the same hash suppresses */
    const supp_entry *lo = e, *hi = e;
    while (lo > s->e && strcmp(lo[-1].key, key) == 0)
        lo--;
    while (hi + 1 < s->e + s->n && strcmp(hi[1].key, key) == 0)
        hi++;
    for (const supp_entry *p = lo; p <= hi; p++)
        if (p->hash == hash)
            return 1;
    return 2;
}

/* ---- rows ---------------------------------------------------------------- */

enum { C_ID, C_NAME, C_TYPE, C_COUNTRY, C_DOB, C_IDENT, NCOL };
static const char *const colnames[NCOL] = {"id", "name", "type", "country", "dob", "identifiers"};

typedef struct row {
    long line;
    char *f[NCOL];      /* malloc'd or NULL */
    char *error;        /* malloc'd message or NULL */
    char *out;          /* formatted output line */
    int alerts, suppressed;
} row;

static void row_clear(row *r)
{
    for (int i = 0; i < NCOL; i++)
        free(r->f[i]);
    free(r->error);
    free(r->out);
    memset(r, 0, sizeof *r);
}

/* Split one CSV line (RFC 4180 quoting within the line) into fields. */
static int csv_split(const char *s, char **f, int max)
{
    int n = 0;
    const char *p = s;
    for (;;) {
        char *buf = malloc(strlen(p) + 1);
        size_t k = 0;
        if (*p == '"') {
            p++;
            for (;;) {
                if (!*p) {
                    free(buf);
                    for (int i = 0; i < n; i++)
                        free(f[i]);
                    return -1;
                }
                if (*p == '"') {
                    if (p[1] == '"') {
                        buf[k++] = '"';
                        p += 2;
                        continue;
                    }
                    p++;
                    break;
                }
                buf[k++] = *p++;
            }
            if (*p && *p != ',') {
                free(buf);
                for (int i = 0; i < n; i++)
                    free(f[i]);
                return -1;
            }
        } else {
            while (*p && *p != ',')
                buf[k++] = *p++;
        }
        buf[k] = 0;
        if (n < max)
            f[n++] = buf;
        else
            free(buf);
        if (*p != ',')
            break;
        p++;
    }
    return n;
}

typedef struct reader {
    FILE *in;
    const char *path;
    int fmt; /* 0 unknown, 1 csv, 2 jsonl */
    int col[NCOL]; /* csv: column index or -1 */
    long line;
    char *buf;
    size_t cap;
} reader;

static char *dupjson(json_t *v)
{
    if (!v || json_is_null(v))
        return NULL;
    if (json_is_string(v))
        return strdup(json_string_value(v));
    if (json_is_integer(v)) {
        char t[32];
        snprintf(t, sizeof t, "%lld", (long long)json_integer_value(v));
        return strdup(t);
    }
    if (json_is_array(v)) { /* ["RU","BY"] or [{"type":..,"number":..}] -> ';' joined */
        size_t i;
        json_t *x;
        char *acc = strdup("");
        json_array_foreach(v, i, x) {
            char *part = NULL;
            if (json_is_object(x)) {
                const char *t = json_string_value(json_object_get(x, "type"));
                const char *nb = json_string_value(json_object_get(x, "number"));
                const char *c = json_string_value(json_object_get(x, "country"));
                if (nb && asprintf(&part, "%s:%s%s%s", t ? t : "", nb, c ? ":" : "", c ? c : "") < 0)
                    part = NULL;
            } else {
                part = dupjson(x);
            }
            if (part) {
                char *n2;
                if (asprintf(&n2, "%s%s%s", acc, *acc ? ";" : "", part) >= 0) {
                    free(acc);
                    acc = n2;
                }
                free(part);
            }
        }
        return acc;
    }
    return NULL;
}

/* 1 = row, 0 = end, -1 = fatal (message printed) */
static int read_row(reader *rd, row *r)
{
    for (;;) {
        ssize_t n = getline(&rd->buf, &rd->cap, rd->in);
        if (n < 0)
            return 0;
        rd->line++;
        while (n > 0 && (rd->buf[n - 1] == '\n' || rd->buf[n - 1] == '\r'))
            rd->buf[--n] = 0;
        char *s = rd->buf;
        if (rd->line == 1 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
            (unsigned char)s[2] == 0xBF)
            s += 3;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            continue;
        if (rd->fmt == 0) {
            if (*s == '{') {
                rd->fmt = 2;
            } else {
                rd->fmt = 1;
                char *f[64];
                int nf = csv_split(s, f, 64);
                if (nf < 0) {
                    fprintf(stderr, "cordon: %s:%ld: malformed CSV header\n", rd->path, rd->line);
                    return -1;
                }
                for (int c = 0; c < NCOL; c++)
                    rd->col[c] = -1;
                for (int i = 0; i < nf; i++) {
                    for (int c = 0; c < NCOL; c++)
                        if (strcasecmp(f[i], colnames[c]) == 0)
                            rd->col[c] = i;
                    free(f[i]);
                }
                if (rd->col[C_NAME] < 0) {
                    fprintf(stderr,
                            "cordon: %s:%ld: the CSV header has no 'name' column "
                            "(expected id,name,type,country,dob,identifiers)\n",
                            rd->path, rd->line);
                    return -1;
                }
                continue;
            }
        }
        memset(r, 0, sizeof *r);
        r->line = rd->line;
        if (rd->fmt == 2) {
            json_error_t je;
            json_t *j = json_loads(s, JSON_REJECT_DUPLICATES, &je);
            if (!j || !json_is_object(j)) {
                if (asprintf(&r->error, "%s:%ld:%d: %s", rd->path, rd->line, j ? 1 : je.column,
                             j ? "expected a JSON object" : je.text) < 0)
                    r->error = NULL;
                json_decref(j);
                return 1;
            }
            for (int c = 0; c < NCOL; c++)
                r->f[c] = dupjson(json_object_get(j, colnames[c]));
            json_decref(j);
        } else {
            char *f[64];
            int nf = csv_split(s, f, 64);
            if (nf < 0) {
                if (asprintf(&r->error, "%s:%ld: malformed CSV (unbalanced quotes)", rd->path,
                             rd->line) < 0)
                    r->error = NULL;
                return 1;
            }
            for (int c = 0; c < NCOL; c++)
                if (rd->col[c] >= 0 && rd->col[c] < nf) {
                    r->f[c] = f[rd->col[c]];
                    f[rd->col[c]] = NULL;
                }
            for (int i = 0; i < nf; i++)
                free(f[i]);
        }
        return 1;
    }
}

/* ---- screening ------------------------------------------------------------ */

static int build_party(const row *r, cordon_party **out, char *msg, size_t msz)
{
    cordon_error err;
    cordon_party *p = NULL;
    int rc = cordon_party_new(&p, NULL, &err);
    if (rc)
        goto bad;
    if (!r->f[C_NAME] || !*r->f[C_NAME]) {
        snprintf(msg, msz, "no name");
        cordon_party_free(p);
        return -1;
    }
    rc = cordon_party_add_name(p, r->f[C_NAME], CORDON_NUL_TERMINATED, &err);
    if (rc)
        goto bad;
    if (r->f[C_TYPE]) {
        int t = party_parse_type(r->f[C_TYPE]);
        if (t < 0) {
            snprintf(msg, msz, "unknown type '%.40s'", r->f[C_TYPE]);
            cordon_party_free(p);
            return -1;
        }
        cordon_party_set_type(p, t, NULL);
    }
    if (r->f[C_COUNTRY]) {
        char *c = strdup(r->f[C_COUNTRY]), *save = NULL;
        for (char *t = strtok_r(c, ";|", &save); t && !rc; t = strtok_r(NULL, ";|", &save)) {
            while (*t == ' ')
                t++;
            if (*t)
                rc = cordon_party_add_country(p, t, &err);
        }
        free(c);
        if (rc)
            goto bad;
    }
    if (r->f[C_DOB] && *r->f[C_DOB]) {
        rc = cordon_party_set_dob(p, r->f[C_DOB], &err);
        if (rc)
            goto bad;
    }
    if (r->f[C_IDENT]) {
        char *c = strdup(r->f[C_IDENT]), *save = NULL;
        for (char *t = strtok_r(c, ";|", &save); t && !rc; t = strtok_r(NULL, ";|", &save)) {
            char *a = strchr(t, ':'), *b = a ? strchr(a + 1, ':') : NULL;
            if (a)
                *a = 0;
            if (b)
                *b = 0;
            rc = cordon_party_add_identifier(p, a ? t : "", a ? a + 1 : t, b ? b + 1 : NULL, &err);
        }
        free(c);
        if (rc)
            goto bad;
    }
    *out = p;
    return 0;
bad:
    snprintf(msg, msz, "%s", err.message);
    cordon_party_free(p);
    return -1;
}

static void put_str(FILE *o, const char *s)
{
    cli_json_str(o, s ? s : "", s ? strlen(s) : 0);
}

static void put_hit(FILE *o, cordon_results *r, size_t i, int supp, const char *why)
{
    size_t el;
    const char *ex = cordon_results_explanation(r, i, &el);
    fprintf(o, "{\"score\":%.4f,\"decision\":\"%s\",\"list\":", cordon_results_score(r, i),
            cordon_results_decision(r, i) == CORDON_DECISION_ALERT ? "alert" : "below");
    put_str(o, cordon_results_list(r, i));
    fputs(",\"list_date\":", o);
    put_str(o, cordon_results_list_date(r, i));
    fputs(",\"entity_id\":", o);
    put_str(o, cordon_results_entity_id(r, i));
    fputs(",\"name\":", o);
    put_str(o, cordon_results_name(r, i));
    fputs(",\"primary_name\":", o);
    put_str(o, cordon_results_primary_name(r, i));
    fprintf(o, ",\"content_hash\":\"%016llx\",\"suppressed\":%s",
            (unsigned long long)cordon_results_content_hash(r, i), supp == 1 ? "true" : "false");
    if (supp == 2)
        fputs(",\"suppression_stale\":true", o);
    if (why)
        fprintf(o, ",\"delta\":\"%s\"", why);
    fprintf(o, ",\"explanation\":%s}", ex && el ? ex : "null");
}

typedef struct job {
    screen_run *run;
    cordon_options *opts;
    row *rows;
    size_t n;
    atomic_size_t next;
} job;

static void screen_row(job *jb, row *r)
{
    screen_run *run = jb->run;
    char msg[600];
    char *buf = NULL;
    size_t bl = 0;
    FILE *o = open_memstream(&buf, &bl);
    const char *id = r->f[C_ID] ? r->f[C_ID] : "";
    cordon_party *p = NULL;
    if (r->error || build_party(r, &p, msg, sizeof msg) != 0) {
        fprintf(o, "{\"id\":");
        put_str(o, id);
        fprintf(o, ",\"line\":%ld,\"error\":", r->line);
        put_str(o, r->error ? r->error : msg);
        fputs("}", o);
        fclose(o);
        r->out = buf;
        r->alerts = -1;
        return;
    }
    cordon_error err;
    cordon_results *rn = NULL, *ro = NULL;
    int rc = cordon_screen_party(run->db_new, p, jb->opts, &rn, &err);
    if (!rc && run->mode == 1)
        rc = cordon_screen_party(run->db_old, p, jb->opts, &ro, &err);
    cordon_party_free(p);
    if (rc) {
        fprintf(o, "{\"id\":");
        put_str(o, id);
        fprintf(o, ",\"line\":%ld,\"error\":", r->line);
        put_str(o, err.message);
        fputs("}", o);
        fclose(o);
        r->out = buf;
        r->alerts = -1;
        cordon_results_free(rn);
        return;
    }
    fputs("{\"id\":", o);
    put_str(o, id);
    fprintf(o, ",\"line\":%ld,\"name\":", r->line);
    put_str(o, r->f[C_NAME]);
    fputs(",\"hits\":[", o);
    int nh = 0;
    for (size_t i = 0; i < cordon_results_count(rn); i++) {
        int alert = cordon_results_decision(rn, i) == CORDON_DECISION_ALERT;
        const char *why = NULL;
        if (run->mode == 1) {
            if (!alert)
                continue;
            /* new, or changed since the old list version */
            const char *lid = cordon_results_list(rn, i), *eid = cordon_results_entity_id(rn, i);
            int found = 0;
            for (size_t k = 0; k < cordon_results_count(ro); k++) {
                if (cordon_results_decision(ro, k) != CORDON_DECISION_ALERT ||
                    strcmp(cordon_results_list(ro, k), lid) ||
                    strcmp(cordon_results_entity_id(ro, k), eid))
                    continue;
                found = cordon_results_content_hash(ro, k) == cordon_results_content_hash(rn, i)
                            ? 1 : 2;
                break;
            }
            if (found == 1)
                continue;
            why = found == 2 ? "changed" : "new";
        }
        int supp = alert ? supp_check(run->supp, id, cordon_results_list(rn, i),
                                      cordon_results_entity_id(rn, i),
                                      cordon_results_content_hash(rn, i))
                         : 0;
        if (nh++)
            fputc(',', o);
        put_hit(o, rn, i, supp, why);
        if (alert && supp == 1)
            r->suppressed++;
        else if (alert)
            r->alerts++;
    }
    fprintf(o, "],\"alerts\":%d}", r->alerts);
    fclose(o);
    if (run->mode == 1 && nh == 0) {
        free(buf);
        buf = NULL;
    }
    r->out = buf;
    cordon_results_free(rn);
    cordon_results_free(ro);
}

static void *worker(void *arg)
{
    job *jb = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&jb->next, 1);
        if (i >= jb->n)
            break;
        screen_row(jb, &jb->rows[i]);
    }
    return NULL;
}

#define BATCH 256

int screen_file(screen_run *run, const char *path)
{
    reader rd;
    memset(&rd, 0, sizeof rd);
    rd.path = strcmp(path, "-") ? path : "<stdin>";
    rd.in = strcmp(path, "-") ? fopen(path, "r") : stdin;
    if (!rd.in) {
        fprintf(stderr, "cordon: %s: cannot open\n", path);
        return CLI_USAGE;
    }
    int tty = isatty(2);
    cordon_options *opts = NULL;
    cordon_options_new(&opts, NULL);
    cordon_options_set_int(opts, CORDON_OPT_LIMIT, 10, NULL);
    row *rows = calloc(BATCH, sizeof *rows);
    int status = CLI_OK, eof = 0;
    int nthreads = run->threads < 1 ? 1 : run->threads > 64 ? 64 : run->threads;
    while (!eof) {
        size_t n = 0;
        while (n < BATCH) {
            int k = read_row(&rd, &rows[n]);
            if (k < 0) {
                status = CLI_USAGE;
                eof = 1;
                break;
            }
            if (k == 0) {
                eof = 1;
                break;
            }
            n++;
        }
        if (status == CLI_USAGE)
            break;
        job jb = {run, opts, rows, n, 0};
        if (nthreads == 1 || n < 2) {
            worker(&jb);
        } else {
            pthread_t th[64];
            int started = 0;
            for (int t = 0; t < nthreads; t++)
                if (pthread_create(&th[t], NULL, worker, &jb) == 0)
                    started++;
                else
                    break;
            worker(&jb);
            for (int t = 0; t < started; t++)
                pthread_join(th[t], NULL);
        }
        for (size_t i = 0; i < n; i++) {
            row *r = &rows[i];
            run->rows++;
            if (r->alerts < 0)
                run->errors++;
            else {
                run->alerts += r->alerts;
                run->suppressed += r->suppressed;
                run->alerting_rows += r->alerts > 0;
            }
            if (r->out)
                printf("%s\n", r->out);
            row_clear(r);
        }
        fflush(stdout);
        if (tty)
            fprintf(stderr, "\rcordon: %ld parties screened, %ld alerts", run->rows, run->alerts);
    }
    if (tty)
        fputc('\n', stderr);
    free(rows);
    free(rd.buf);
    if (rd.in != stdin)
        fclose(rd.in);
    cordon_options_free(opts);
    if (status == CLI_USAGE)
        return status;
    fprintf(stderr, "cordon: %ld parties, %ld with alerts, %ld alerts, %ld suppressed, %ld errors\n",
            run->rows, run->alerting_rows, run->alerts, run->suppressed, run->errors);
    if (run->errors)
        return CLI_USAGE;
    return run->alerts ? CLI_FINDINGS : CLI_OK;
}
