/* bench_text.c — name analysis throughput over every name found in the
 * shared list files (OFAC SDN/ALT CSV, US CSL consolidated CSV, UN XML,
 * OpenSanctions samples). Single thread, one reused analysis object.
 *
 *   make -C build/tests bench_text && build/tests/bench_text [DATA_DIR] [ROUNDS]
 *
 * DATA_DIR defaults to $CORDON_SHARED_DATA, then ../shared/data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cordon/cordon.h>

typedef struct names {
    char **v;
    size_t n, cap;
    size_t bytes;
} names;

static void add(names *ns, const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        n--;
    while (n > 0 && *s == ' ')
        s++, n--;
    if (n == 0 || (n == 3 && memcmp(s, "-0-", 3) == 0))
        return;
    if (ns->n == ns->cap) {
        ns->cap = ns->cap ? 2 * ns->cap : 4096;
        ns->v = realloc(ns->v, ns->cap * sizeof *ns->v);
        if (!ns->v)
            exit(2);
    }
    char *c = malloc(n + 1);
    if (!c)
        exit(2);
    memcpy(c, s, n);
    c[n] = 0;
    ns->v[ns->n++] = c;
    ns->bytes += n;
}

static char *slurp(const char *dir, const char *rel, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench_text: skip %s (not found)\n", path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (!b || fread(b, 1, (size_t)n, f) != (size_t)n)
        exit(2);
    b[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* Minimal CSV: call back with field `want` (0-based) of every record; for
 * `split`, also split that field on ';'. */
static void csv_fields(names *ns, const char *b, size_t n, int want, int split, int skip_header)
{
    size_t i = 0;
    int first = 1;
    while (i < n) {
        int field = 0;
        char buf[8192];
        size_t bl = 0;
        int rec_end = 0;
        while (!rec_end && i < n) {
            bl = 0;
            if (b[i] == '"') {
                i++;
                while (i < n) {
                    if (b[i] == '"' && i + 1 < n && b[i + 1] == '"') {
                        if (bl < sizeof buf)
                            buf[bl++] = '"';
                        i += 2;
                    } else if (b[i] == '"') {
                        i++;
                        break;
                    } else {
                        if (bl < sizeof buf)
                            buf[bl++] = b[i];
                        i++;
                    }
                }
            }
            while (i < n && b[i] != ',' && b[i] != '\n') {
                if (bl < sizeof buf)
                    buf[bl++] = b[i];
                i++;
            }
            if (i >= n || b[i] == '\n')
                rec_end = 1;
            i++;
            if (field == want && !(first && skip_header)) {
                if (split) {
                    size_t st = 0;
                    for (size_t k = 0; k <= bl; k++)
                        if (k == bl || buf[k] == ';') {
                            add(ns, buf + st, k - st);
                            st = k + 1;
                        }
                } else {
                    add(ns, buf, bl);
                }
            }
            field++;
        }
        first = 0;
    }
}

static void xml_tags(names *ns, const char *b, const char *tag)
{
    char open[64], close[64];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    for (const char *p = strstr(b, open); p; p = strstr(p, open)) {
        p += strlen(open);
        const char *e = strstr(p, close);
        if (!e)
            break;
        add(ns, p, (size_t)(e - p));
        p = e;
    }
}

static void lines(names *ns, const char *b, size_t n)
{
    size_t st = 0;
    for (size_t i = 0; i <= n; i++)
        if (i == n || b[i] == '\n') {
            add(ns, b + st, i - st);
            st = i + 1;
        }
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : getenv("CORDON_SHARED_DATA");
    if (!dir)
        dir = "../shared/data";
    int rounds = argc > 2 ? atoi(argv[2]) : 20;
    names ns = {0};
    size_t n;
    char *b;
    if ((b = slurp(dir, "ofac/sdn_2021-07/sdn.csv", &n))) {
        csv_fields(&ns, b, n, 1, 0, 0);
        free(b);
    }
    if ((b = slurp(dir, "ofac/sdn_2021-07/alt.csv", &n))) {
        csv_fields(&ns, b, n, 3, 0, 0);
        free(b);
    }
    if ((b = slurp(dir, "us_csl/2022-04/consolidated.csv", &n))) {
        csv_fields(&ns, b, n, 5, 0, 1);
        csv_fields(&ns, b, n, 22, 1, 1);
        free(b);
    }
    if ((b = slurp(dir, "un/2026-02/UN_consolidated.xml", &n))) {
        static const char *const tags[] = {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME",
                                           "FOURTH_NAME", "NAME_ORIGINAL_SCRIPT", "ALIAS_NAME"};
        for (size_t t = 0; t < 6; t++)
            xml_tags(&ns, b, tags[t]);
        free(b);
    }
    if ((b = slurp(dir, "opensanctions/putin_names.txt", &n))) {
        lines(&ns, b, n);
        free(b);
    }
    if ((b = slurp(dir, "opensanctions/rigour_sample_names.csv", &n))) {
        csv_fields(&ns, b, n, 0, 0, 1);
        free(b);
    }
    if (ns.n == 0) {
        fprintf(stderr, "bench_text: no names found under %s\n", dir);
        return 2;
    }
    cordon_analysis *a = NULL;
    cordon_error err;
    size_t failed = 0, tokens = 0;
    /* warm-up round also counts failures and tokens */
    for (size_t i = 0; i < ns.n; i++) {
        if (cordon_analyze_name(ns.v[i], CORDON_NUL_TERMINATED, CORDON_TYPE_UNKNOWN, NULL, &a,
                                &err) != CORDON_OK)
            failed++;
        else
            tokens += cordon_analysis_token_count(a);
    }
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < ns.n; i++)
            cordon_analyze_name(ns.v[i], CORDON_NUL_TERMINATED, CORDON_TYPE_UNKNOWN, NULL, &a,
                                &err);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double sec = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
    double total = (double)ns.n * rounds;
    printf("names: %zu (%zu bytes, %zu tokens, %zu rejected)\n", ns.n, ns.bytes, tokens, failed);
    printf("rounds: %d, %.3f s CPU, %.3f s wall\n", rounds, sec, wall);
    printf("throughput: %.0f names/s, %.1f MB/s (single thread, CPU time; wall: %.0f names/s)\n",
           total / sec, (double)ns.bytes * rounds / sec / 1e6, total / wall);
    cordon_analysis_free(a);
    for (size_t i = 0; i < ns.n; i++)
        free(ns.v[i]);
    free(ns.v);
    return 0;
}
