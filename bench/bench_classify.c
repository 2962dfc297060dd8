/* bench_classify.c — items/s, single thread, classified against the Common
 * High Priority List, the CCL index and the demo rule pack + embargo rules.
 *
 *   make -C build/tests bench_classify
 *   CORDON_SHARED_DATA=../shared/data build/tests/bench_classify [N]
 *
 * Each item is built from scratch (description, HS code, sometimes a declared
 * ECCN, a parameter and a destination), classified, and the result freed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cordon/cordon.h>

#ifndef CORDON_SRCDIR
#define CORDON_SRCDIR "."
#endif

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void load(cordon_rules *r, const char *path, const char *fmt, const char *id)
{
    cordon_error err;
    if (cordon_rules_add_file(r, path, fmt, id, &err) != CORDON_OK) {
        fprintf(stderr, "bench_classify: %s\n", err.message);
        exit(2);
    }
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 200000;
    const char *shared = getenv("CORDON_SHARED_DATA");
    if (!shared)
        shared = CORDON_SRCDIR "/../shared/data";
    char path[4096];
    cordon_rules *r = NULL;
    cordon_error err;
    if (cordon_rules_new(&r, NULL, &err) != CORDON_OK)
        return 2;
    double t0 = now();
    snprintf(path, sizeof path, "%s/control/chpl_hs6_tiers.tsv", shared);
    load(r, path, "code_list", "chpl");
    snprintf(path, sizeof path, "%s/control/ccl_eccn_index.tsv", shared);
    load(r, path, "code_list", "ccl");
    load(r, CORDON_SRCDIR "/data/rules/demo-rules.xml", NULL, NULL);
    load(r, CORDON_SRCDIR "/data/rules/embargoes.xml", NULL, NULL);
    double t_load = now() - t0;

    static const struct {
        const char *desc, *hs, *eccn, *dest, *pk, *pv;
    } items[] = {
        {"12-bit ADC, 1 GSPS, JESD204B interface", "854239", NULL, "DE", NULL, NULL},
        {"Office chair with armrests, grey fabric", "940130", NULL, "FR", NULL, NULL},
        {"GaN MMIC power amplifier 5.5 GHz 25 W", "854233", NULL, "Russia", NULL, NULL},
        {"Ball bearings, 40 mm bore", "848210", NULL, "Kazakhstan", NULL, NULL},
        {"AES-256 hardware encryption module for network appliances", "847180", "5A002.a.1", "CN", NULL, NULL},
        {"Unmanned aerial vehicle, fixed wing, endurance 2 hours", "880622", NULL, "Turkey", NULL, NULL},
        {"Cotton T-shirts, assorted sizes", "610910", NULL, "US", NULL, NULL},
        {"CNC milling machine, positioning repeatability 0.8 um", "845961", NULL, "IN", NULL, NULL},
        {"Carbon fibre tow 12K, specific modulus 15 x 10^6 m", "681511", NULL, "KR", NULL, NULL},
        {"Microcontrollers 32-bit ARM Cortex-M4, 168 MHz", "854231", NULL, "AE", NULL, NULL},
        {"MMIC amplifier", "854233", NULL, NULL, "frequency", "7.2 GHz"},
        {"Spare parts for industrial pumps", "841391", "EAR99", "BR", NULL, NULL},
    };
    const size_t nitems = sizeof items / sizeof items[0];
    cordon_item *it = NULL;
    if (cordon_item_new(&it, NULL, &err) != CORDON_OK)
        return 2;
    size_t candidates = 0, embargoes = 0;
    t0 = now();
    for (long i = 0; i < n; i++) {
        size_t k = (size_t)i % nitems;
        cordon_item_clear(it);
        cordon_item_set_description(it, items[k].desc, CORDON_NUL_TERMINATED, NULL);
        cordon_item_set_tariff_code(it, items[k].hs, CORDON_NUL_TERMINATED, NULL);
        if (items[k].eccn)
            cordon_item_set_control_code(it, items[k].eccn, CORDON_NUL_TERMINATED, NULL);
        if (items[k].dest)
            cordon_item_set_destination(it, items[k].dest, CORDON_NUL_TERMINATED, NULL);
        if (items[k].pk)
            cordon_item_set_param(it, items[k].pk, items[k].pv, NULL);
        cordon_classification *c = NULL;
        if (cordon_classify(r, it, &c, &err) != CORDON_OK) {
            fprintf(stderr, "bench_classify: %s\n", err.message);
            return 2;
        }
        candidates += cordon_classification_count(c);
        embargoes += cordon_classification_embargo_count(c);
        cordon_classification_free(c);
    }
    double t = now() - t0;
    printf("rules: %zu entries, %zu embargo rules, loaded in %.1f ms\n", cordon_rules_entry_count(r),
           cordon_rules_embargo_count(r), t_load * 1e3);
    printf("classified %ld items in %.3f s: %.0f items/s single thread "
           "(%.2f candidates, %.2f embargo findings per item)\n",
           n, t, (double)n / t, (double)candidates / (double)n, (double)embargoes / (double)n);
    cordon_item_free(it);
    cordon_rules_free(r);
    return 0;
}
