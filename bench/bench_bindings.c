/* bench_bindings.c — C baseline for bench/bench_bindings.sh: per-call time of
 * the calls the Python and Go bindings wrap, doing the same work the bindings
 * do per call (read every accessor and the JSON rendering).
 *
 * Usage: bench_bindings UN_consolidated.xml|- RULES_DIR [ROUNDS [SEARCH_DB QUERIES]]
 * Prints "<op> <ns per call>" lines (best of ROUNDS passes). Public API only.
 * "-" instead of the UN file skips analyze/match/classify. With SEARCH_DB (a
 * snapshot) and QUERIES (one name per line) it also times party search:
 * per query a party, its name, cordon_screen_party with default options,
 * every accessor of every hit (DB.Search copies them all, Db.search all but
 * the explanation, which it reads on demand), results and party freed. */
#include <cordon/cordon.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: the machine is shared */
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void die(const char *what, const cordon_error *e)
{
    fprintf(stderr, "bench_bindings: %s: %s\n", what, e->message);
    exit(2);
}

static volatile size_t sink;

/* Party search: the work Db.search (Python) and DB.Search (Go) do per query. */
static void bench_search(const char *dbpath, const char *qpath, int rounds)
{
    cordon_error err;
    cordon_db *db;
    if (cordon_db_open(dbpath, NULL, &db, &err))
        die(dbpath, &err);
    FILE *f = fopen(qpath, "r");
    if (!f) {
        perror(qpath);
        exit(2);
    }
    size_t nq = 0, cap = 0;
    char **q = NULL, line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (!line[0])
            continue;
        if (nq == cap && !(q = realloc(q, (cap = cap ? 2 * cap : 256) * sizeof *q)))
            exit(2);
        if (!(q[nq++] = strdup(line)))
            exit(2);
    }
    fclose(f);
    if (nq == 0) {
        fprintf(stderr, "bench_bindings: no queries in %s\n", qpath);
        exit(2);
    }
    double best = 1e300;
    size_t hits = 0, alerts = 0;
    for (int r = 0; r < rounds; r++) {
        hits = alerts = 0;
        double t0 = now_ns();
        for (size_t k = 0; k < nq; k++) {
            cordon_party *p;
            cordon_results *res;
            if (cordon_party_new(&p, NULL, &err) ||
                cordon_party_add_name(p, q[k], strlen(q[k]), &err) ||
                cordon_screen_party(db, p, NULL, &res, &err))
                die("search", &err);
            size_t n = cordon_results_count(res);
            for (size_t i = 0; i < n; i++) {
                sink += (size_t)(cordon_results_score(res, i) * 1000);
                alerts += cordon_results_decision(res, i) == CORDON_DECISION_ALERT;
                sink += strlen(cordon_results_list(res, i));
                sink += strlen(cordon_results_entity_id(res, i));
                sink += cordon_results_entity_index(res, i);
                sink += strlen(cordon_results_name(res, i));
                sink += strlen(cordon_results_primary_name(res, i));
                sink += strlen(cordon_results_list_date(res, i));
                sink += (size_t)cordon_results_content_hash(res, i);
                size_t el;
                sink += (size_t)cordon_results_explanation(res, i, &el) + el;
            }
            hits += n;
            cordon_results_free(res);
            cordon_party_free(p);
        }
        double dt = (now_ns() - t0) / (double)nq;
        if (dt < best)
            best = dt;
    }
    printf("search %.0f\n", best);
    fprintf(stderr, "bench_bindings: search: %zu queries, %zu hits, %zu alerts per pass\n", nq,
            hits, alerts);
    for (size_t k = 0; k < nq; k++)
        free(q[k]);
    free(q);
    cordon_db_free(db);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_bindings UN_consolidated.xml|- RULES_DIR [ROUNDS [SEARCH_DB QUERIES]]\n");
        return 2;
    }
    int rounds = argc > 3 ? atoi(argv[3]) : 5;
    if (rounds < 1)
        rounds = 1;
    if (argc > 5)
        bench_search(argv[4], argv[5], rounds);
    if (strcmp(argv[1], "-") == 0)
        return 0;
    cordon_error err;
    cordon_builder *b;
    cordon_db *db;
    if (cordon_builder_new(&b, NULL, &err) || cordon_builder_add_file(b, argv[1], NULL, NULL, &err) ||
        cordon_builder_finish(b, &db, &err))
        die("compile", &err);
    cordon_builder_free(b);
    uint32_t n = cordon_db_entity_count(db);

    /* analyze: one call + every token accessor + JSON, as the bindings do */
    cordon_analysis *a = NULL;
    double best = 1e300;
    for (int r = 0; r < rounds; r++) {
        double t0 = now_ns();
        for (uint32_t i = 0; i < n; i++) {
            const char *name = cordon_db_entity_name(db, i, 0, NULL);
            if (cordon_analyze_name(name, CORDON_NUL_TERMINATED, 0, NULL, &a, &err))
                die("analyze", &err);
            size_t len, off, count = cordon_analysis_token_count(a);
            sink += strlen(cordon_analysis_normalized(a, &len));
            for (size_t k = 0; k < count; k++) {
                sink += (size_t)cordon_analysis_token_text(a, k, &len) + len;
                sink += (size_t)cordon_analysis_token_kind(a, k);
                sink += (size_t)cordon_analysis_token_legal_class(a, k);
                sink += (size_t)cordon_analysis_token_script(a, k);
                sink += (size_t)cordon_analysis_token_skeleton(a, k, &len);
                sink += (size_t)cordon_analysis_token_phonetic(a, k, 0, &len);
                sink += (size_t)cordon_analysis_token_phonetic(a, k, 1, &len);
                cordon_analysis_token_span(a, k, &off, &len);
            }
            sink += (size_t)cordon_analysis_json(a, &len);
        }
        double dt = (now_ns() - t0) / n;
        if (dt < best)
            best = dt;
    }
    printf("analyze %.0f\n", best);
    cordon_analysis_free(a);

    /* match: one reusable matcher, query vs list name (as cordon.match does) */
    cordon_matcher *m;
    if (cordon_matcher_new(NULL, &m, &err))
        die("matcher", &err);
    best = 1e300;
    for (int r = 0; r < rounds; r++) {
        double t0 = now_ns();
        for (uint32_t i = 0; i < n; i++) {
            double score;
            const char *q = cordon_db_entity_name(db, i, 0, NULL);
            const char *l = cordon_db_entity_name(db, (i * 7 + 1) % n, 0, NULL);
            if (cordon_matcher_score(m, q, strlen(q), l, strlen(l), 0, &score, &err))
                die("match", &err);
            sink += (size_t)(score * 1000);
        }
        double dt = (now_ns() - t0) / n;
        if (dt < best)
            best = dt;
    }
    printf("match %.0f\n", best);
    cordon_matcher_free(m);

    /* classify: item fields + classify + every accessor + JSON */
    char path[4096];
    cordon_rules *rules;
    if (cordon_rules_new(&rules, NULL, &err))
        die("rules", &err);
    snprintf(path, sizeof path, "%s/demo-rules.xml", argv[2]);
    if (cordon_rules_add_file(rules, path, NULL, NULL, &err))
        die(path, &err);
    snprintf(path, sizeof path, "%s/embargoes.xml", argv[2]);
    if (cordon_rules_add_file(rules, path, NULL, NULL, &err))
        die(path, &err);
    static const char *const items[][3] = {
        {"AD9208 analog-to-digital converter 14-bit 3 GSPS", "854239", "Germany"},
        {"wooden garden bench", "940161", "France"},
        {"office chairs", "940130", "Sevastopol, Crimea"},
        {"analog-to-digital converter", "854231", "North Korea"},
    };
    const int nitems = 4, reps = 500;
    best = 1e300;
    for (int r = 0; r < rounds; r++) {
        double t0 = now_ns();
        for (int k = 0; k < reps * nitems; k++) {
            const char *const *it = items[k % nitems];
            cordon_item *item;
            cordon_classification *c;
            if (cordon_item_new(&item, NULL, &err) ||
                cordon_item_set_description(item, it[0], CORDON_NUL_TERMINATED, &err) ||
                cordon_item_set_tariff_code(item, it[1], CORDON_NUL_TERMINATED, &err) ||
                cordon_item_set_destination(item, it[2], CORDON_NUL_TERMINATED, &err) ||
                cordon_classify(rules, item, &c, &err))
                die("classify", &err);
            cordon_item_free(item);
            size_t cn = cordon_classification_count(c), len;
            for (size_t j = 0; j < cn; j++) {
                sink += (size_t)cordon_classification_list(c, j);
                sink += (size_t)cordon_classification_code(c, j);
                sink += (size_t)cordon_classification_title(c, j);
                sink += (size_t)cordon_classification_tier(c, j);
                sink += (size_t)cordon_classification_legal(c, j);
                sink += (size_t)(cordon_classification_confidence(c, j) * 100);
                sink += (size_t)cordon_classification_reason(c, j);
                sink += (size_t)cordon_classification_evidence(c, j);
                sink += (size_t)cordon_classification_missing(c, j);
            }
            size_t en = cordon_classification_embargo_count(c);
            for (size_t j = 0; j < en; j++) {
                int block;
                sink += (size_t)cordon_classification_embargo(c, j, &block);
            }
            sink += (size_t)cordon_classification_json(c, &len);
            cordon_classification_free(c);
        }
        double dt = (now_ns() - t0) / (reps * nitems);
        if (dt < best)
            best = dt;
    }
    printf("classify %.0f\n", best);
    cordon_rules_free(rules);
    cordon_db_free(db);
    return 0;
}
