/* bench_match.c — party search over all real lists in the shared data folder:
 * index build and snapshot open time, queries/s (1 and 2 threads), latency
 * p50/p99, and index recall against exhaustive scoring.
 *
 *   make -C build/tests bench_match && build/tests/bench_match [DATA_DIR] [N_RECALL]
 *
 * Query mix (deterministic, seed 42): exact names, 1 typo, 2 typos, reordered
 * tokens, dropped middle name, Cyrillic transliteration (Latin letters mapped
 * to Cyrillic, which the analysis transliterates back), and names of members of
 * the US Congress that are not listed. */
#define _GNU_SOURCE
#include <cordon/cordon.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static unsigned long long rng = 42;
static unsigned rnd(unsigned n)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng >> 33) % n);
}

enum { Q_EXACT, Q_TYPO1, Q_TYPO2, Q_REORDER, Q_DROPMID, Q_CYRILLIC, Q_UNLISTED, Q_NKIND };
static const char *const kind_name[Q_NKIND] = {"exact", "typo1", "typo2", "reordered",
                                               "dropped_middle", "cyrillic", "unlisted"};

typedef struct query {
    char *text;
    int kind;
    uint32_t entity; /* source entity, UINT32_MAX for unlisted */
} query;

/* "LAST, First Middle" -> "First Middle LAST"; otherwise as is */
static void natural(const char *s, char *out, size_t cap)
{
    const char *c = strchr(s, ',');
    if (c && !strchr(c + 1, ',')) {
        const char *r = c + 1;
        while (*r == ' ')
            r++;
        snprintf(out, cap, "%s %.*s", r, (int)(c - s), s);
    } else {
        snprintf(out, cap, "%s", s);
    }
}

static int split(char *s, char **tok, int max)
{
    int n = 0;
    for (char *p = strtok(s, " "); p && n < max; p = strtok(NULL, " "))
        tok[n++] = p;
    return n;
}

static void typo(char *s, int edits)
{
    size_t n = strlen(s);
    for (int e = 0; e < edits; e++) {
        /* pick an ASCII letter position inside a word of length >= 5 */
        for (int tries = 0; tries < 20; tries++) {
            size_t i = rnd((unsigned)n);
            if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
                continue;
            size_t b = i, f = i;
            while (b > 0 && s[b - 1] != ' ')
                b--;
            while (s[f] && s[f] != ' ')
                f++;
            if (f - b < 5)
                continue;
            if (rnd(2) && i + 1 < f && s[i + 1] != s[i]) { /* transposition */
                char t = s[i];
                s[i] = s[i + 1];
                s[i + 1] = t;
            } else {
                char c = (char)('a' + rnd(26));
                s[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(c - 32) : c;
            }
            break;
        }
    }
}

static void cyrillic(const char *s, char *out, size_t cap)
{
    static const char *const map[26] = {"а", "б", "ц", "д", "е", "ф", "г", "х", "и", "й", "к",
                                        "л", "м", "н", "о", "п", "к", "р", "с", "т", "у", "в",
                                        "в", "кс", "ы", "з"};
    size_t k = 0;
    for (; *s && k + 5 < cap; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c >= 'a' && c <= 'z') {
            /* common digraphs */
            if (c == 's' && (s[1] == 'h' || s[1] == 'H')) {
                k += (size_t)snprintf(out + k, cap - k, "ш");
                s++;
                continue;
            }
            if (c == 'k' && (s[1] == 'h' || s[1] == 'H')) {
                k += (size_t)snprintf(out + k, cap - k, "х");
                s++;
                continue;
            }
            if (c == 'c' && (s[1] == 'h' || s[1] == 'H')) {
                k += (size_t)snprintf(out + k, cap - k, "ч");
                s++;
                continue;
            }
            k += (size_t)snprintf(out + k, cap - k, "%s", map[c - 'a']);
        } else if (c == ' ' || c == '-') {
            out[k++] = c;
        }
    }
    out[k] = 0;
}

static cordon_db *build(const char *dir, double *secs)
{
    static const char *const srcs[] = {"ofac/sdn_2021-07", "un/2026-02/UN_consolidated.xml",
                                       "us_csl/2022-04/consolidated.csv",
                                       "us_bis_dpl/2023-11/dpl.txt", "us_non_sdn/csv_2025-12"};
    cordon_builder *b;
    cordon_error err;
    if (cordon_builder_new(&b, NULL, &err))
        return NULL;
    for (size_t i = 0; i < sizeof srcs / sizeof *srcs; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", dir, srcs[i]);
        if (cordon_builder_add_file(b, p, NULL, NULL, &err)) {
            fprintf(stderr, "bench: %s: %s\n", p, err.message);
            cordon_builder_free(b);
            return NULL;
        }
    }
    cordon_db *db;
    double t0 = now();
    int rc = cordon_builder_finish(b, &db, &err);
    *secs = now() - t0;
    cordon_builder_free(b);
    if (rc) {
        fprintf(stderr, "bench: finish: %s\n", err.message);
        return NULL;
    }
    return db;
}

static query *make_queries(const cordon_db *db, const char *dir, size_t per_kind, size_t *nq)
{
    query *q = calloc(per_kind * Q_NKIND, sizeof *q);
    size_t n = 0;
    uint32_t ne = cordon_db_entity_count(db);
    char buf[1024], nat[1024];
    for (int kind = 0; kind < Q_UNLISTED; kind++) {
        size_t made = 0;
        for (int guard = 0; made < per_kind && guard < 100000; guard++) {
            uint32_t e = rnd(ne);
            int nk;
            const char *nm = cordon_db_entity_name(db, e, 0, &nk);
            if (!nm || strlen(nm) < 6 || strlen(nm) > 200)
                continue;
            natural(nm, nat, sizeof nat);
            char *tok[32];
            char tmp[1024];
            snprintf(tmp, sizeof tmp, "%s", nat);
            int nt = split(tmp, tok, 32);
            if (nt < 2 && (kind == Q_REORDER || kind == Q_DROPMID))
                continue;
            switch (kind) {
            case Q_EXACT: snprintf(buf, sizeof buf, "%s", nat); break;
            case Q_TYPO1: snprintf(buf, sizeof buf, "%s", nat); typo(buf, 1); break;
            case Q_TYPO2: snprintf(buf, sizeof buf, "%s", nat); typo(buf, 2); break;
            case Q_REORDER: {
                size_t k = 0;
                for (int i = nt - 1; i >= 0; i--)
                    k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", tok[i], i ? " " : "");
                break;
            }
            case Q_DROPMID: {
                if (nt < 3)
                    continue;
                size_t k = 0;
                for (int i = 0; i < nt; i++)
                    if (i != 1)
                        k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", k ? " " : "", tok[i]);
                break;
            }
            case Q_CYRILLIC: cyrillic(nat, buf, sizeof buf); break;
            }
            q[n].text = strdup(buf);
            q[n].kind = kind;
            q[n].entity = e;
            n++;
            made++;
        }
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/opensanctions/yente_us_congress_persons.csv", dir);
    FILE *f = fopen(path, "r");
    if (f) {
        char *line = NULL;
        size_t cap = 0, made = 0;
        int first = 1;
        while (made < per_kind && getline(&line, &cap, f) > 0) {
            if (first) {
                first = 0;
                continue;
            }
            char *c = strchr(line, ',');
            if (!c)
                continue;
            *c = 0;
            if (line[0] == '"')
                continue;
            q[n].text = strdup(line);
            q[n].kind = Q_UNLISTED;
            q[n].entity = UINT32_MAX;
            n++;
            made++;
        }
        free(line);
        fclose(f);
    }
    *nq = n;
    return q;
}

typedef struct run {
    const cordon_db *db;
    const query *q;
    size_t n, start, step;
    double *lat;
    long alerts;
} run;

static void *run_queries(void *arg)
{
    run *r = arg;
    cordon_error err;
    for (size_t i = r->start; i < r->n; i += r->step) {
        double t0 = now();
        cordon_party *p;
        cordon_results *res = NULL;
        cordon_party_new(&p, NULL, &err);
        cordon_party_add_name(p, r->q[i].text, CORDON_NUL_TERMINATED, &err);
        if (cordon_screen_party(r->db, p, NULL, &res, &err) == CORDON_OK) {
            for (size_t k = 0; k < cordon_results_count(res); k++)
                r->alerts += cordon_results_decision(res, k) == CORDON_DECISION_ALERT;
        }
        cordon_results_free(res);
        cordon_party_free(p);
        if (r->lat)
            r->lat[i] = now() - t0;
    }
    return NULL;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* alert entity indexes of a query */
static size_t alerts_of(const cordon_db *db, const char *name, const cordon_options *o,
                        uint32_t *out, double *sc, size_t max)
{
    cordon_party *p;
    cordon_results *res = NULL;
    cordon_error err;
    size_t n = 0;
    cordon_party_new(&p, NULL, &err);
    cordon_party_add_name(p, name, CORDON_NUL_TERMINATED, &err);
    if (cordon_screen_party(db, p, o, &res, &err) == CORDON_OK)
        for (size_t k = 0; k < cordon_results_count(res) && n < max; k++)
            if (cordon_results_decision(res, k) == CORDON_DECISION_ALERT) {
                sc[n] = cordon_results_score(res, k);
                out[n++] = cordon_results_entity_index(res, k);
            }
    cordon_results_free(res);
    cordon_party_free(p);
    return n;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : getenv("CORDON_SHARED_DATA");
    size_t nrecall = argc > 2 ? (size_t)atol(argv[2]) : 210;
    if (!dir) {
        fprintf(stderr, "usage: bench_match DATA_DIR [N_RECALL]\n");
        return 2;
    }
    double tb;
    cordon_db *db0 = build(dir, &tb);
    if (!db0)
        return 1;
    /* snapshot open time */
    char snap[] = "/tmp/bench_match_XXXXXX";
    int fd = mkstemp(snap);
    close(fd);
    cordon_error err;
    cordon_db_save(db0, snap, &err);
    cordon_db_free(db0);
    cordon_db *db;
    double t0 = now();
    if (cordon_db_open(snap, NULL, &db, &err)) {
        fprintf(stderr, "open: %s\n", err.message);
        return 1;
    }
    double topen = now() - t0;
    unlink(snap);
    printf("db: %u entities; build (parse + index) %.3f s; snapshot open %.1f ms\n",
           cordon_db_entity_count(db), tb, topen * 1e3);

    size_t nq;
    query *q = make_queries(db, dir, 300, &nq);
    double *lat = calloc(nq, sizeof *lat);
    /* warm up */
    run w = {db, q, nq < 50 ? nq : 50, 0, 1, NULL, 0};
    run_queries(&w);
    run r1 = {db, q, nq, 0, 1, lat, 0};
    t0 = now();
    double c0 = cpu_now();
    run_queries(&r1);
    double t1 = now() - t0, c1 = cpu_now() - c0;
    qsort(lat, nq, sizeof *lat, cmp_d);
    printf("queries: %zu (%zu per kind: exact, typo1, typo2, reordered, dropped_middle, cyrillic, unlisted)\n",
           nq, nq / Q_NKIND);
    printf("1 thread: %.0f queries/s, p50 %.3f ms, p99 %.3f ms, max %.3f ms\n", (double)nq / t1,
           lat[nq / 2] * 1e3, lat[nq * 99 / 100] * 1e3, lat[nq - 1] * 1e3);
    printf("1 thread, CPU time: %.0f queries per CPU-second (wall figures suffer when the machine is shared)\n",
           (double)nq / c1);
    run r2[2] = {{db, q, nq, 0, 2, NULL, 0}, {db, q, nq, 1, 2, NULL, 0}};
    pthread_t th[2];
    t0 = now();
    for (int i = 0; i < 2; i++)
        pthread_create(&th[i], NULL, run_queries, &r2[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(th[i], NULL);
    double t2 = now() - t0;
    printf("2 threads: %.0f queries/s\n", (double)nq / t2);

    /* recall against exhaustive scoring (same limit), per kind */
    cordon_options *ox;
    cordon_options_new(&ox, NULL);
    cordon_options_set_int(ox, CORDON_OPT_EXHAUSTIVE, 1, NULL);
    long want_s = 0, got_s = 0, src_n = 0, src_i = 0, src_x = 0;
    long want[Q_NKIND] = {0}, got[Q_NKIND] = {0}, nk[Q_NKIND] = {0}, alerting[Q_NKIND] = {0};
    size_t per = nrecall / Q_NKIND;
    double tx = now();
    for (size_t i = 0; i < nq; i++) {
        int k = q[i].kind;
        if ((size_t)nk[k] >= per)
            continue;
        nk[k]++;
        uint32_t ex[64], ix[64];
        double exs[64], ixs[64];
        size_t ne = alerts_of(db, q[i].text, ox, ex, exs, 64);
        size_t ni = alerts_of(db, q[i].text, NULL, ix, ixs, 64);
        alerting[k] += ni > 0;
        if (q[i].entity != UINT32_MAX) {
            src_n++;
            for (size_t b = 0; b < ni; b++)
                if (ix[b] == q[i].entity)
                    src_i++;
            for (size_t a = 0; a < ne; a++)
                if (ex[a] == q[i].entity)
                    src_x++;
        }
        want[k] += (long)ne;
        for (size_t a = 0; a < ne; a++) {
            int found = 0;
            for (size_t b = 0; b < ni; b++)
                found |= ex[a] == ix[b];
            got[k] += found;
            if (exs[a] >= 0.5) {
                want_s++;
                got_s += found;
            }
        }
        if (getenv("BENCH_VERBOSE") && ne)
            for (size_t a = 0; a < ne; a++) {
                int found = 0;
                for (size_t b = 0; b < ni; b++)
                    found |= ex[a] == ix[b];
                if (!found)
                    fprintf(stderr, "missed: [%s] %s -> entity %u (%.3f)\n", kind_name[k], q[i].text, ex[a], exs[a]);
            }
    }
    tx = now() - tx;
    long W = 0, G = 0;
    printf("recall vs exhaustive (alerts in the top 10), %.1f s:\n", tx);
    for (int k = 0; k < Q_NKIND; k++) {
        W += want[k];
        G += got[k];
        printf("  %-15s %3ld queries, %4ld exhaustive alerts, index finds %4ld (%.2f%%); queries alerting %ld\n",
               kind_name[k], nk[k], want[k], got[k], want[k] ? 100.0 * (double)got[k] / (double)want[k] : 100.0,
               alerting[k]);
    }
    printf("index recall: %.2f%% (%ld of %ld)\n", W ? 100.0 * (double)G / (double)W : 100.0, G, W);
    printf("source entity alerts (listed-name variants): index %ld of %ld, exhaustive %ld of %ld\n",
           src_i, src_n, src_x, src_n);
    printf("index recall of exhaustive alerts scoring >= 0.5: %.2f%% (%ld of %ld)\n",
           want_s ? 100.0 * (double)got_s / (double)want_s : 100.0, got_s, want_s);
    cordon_options_free(ox);
    for (size_t i = 0; i < nq; i++)
        free(q[i].text);
    free(q);
    free(lat);
    cordon_db_free(db);
    return 0;
}
