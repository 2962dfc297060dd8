#!/usr/bin/python3
"""Python side of bench/bench_bindings.sh: the same calls as bench_bindings.c
through the cordon package. Prints "<op> <ns per call>" (best of ROUNDS).

    bench_bindings.py UN_consolidated.xml|- RULES_DIR [ROUNDS [SEARCH_DB QUERIES]]
    bench_bindings.py --make-queries SEARCH_DB QUERIES [N]

The second form writes the search query mix used by all three programs: N
exact primary names of listed entities (spread over the db), the same names
with one typo (two inner letters swapped, or one dropped), and N names that
are on no list (common given and family names, made-up companies).
"""
import sys
import time

import cordon


def best_of(rounds, n, fn):
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time_ns()
        fn()
        best = min(best, (time.process_time_ns() - t0) / n)
    return best


GIVEN = ["Emma", "Lukas", "Sofia", "Jonas", "Mia", "Finn", "Hannah", "Elias", "Clara", "Noah",
         "Greta", "Paul", "Ida", "Felix", "Marie", "Oskar", "Lena", "Anton", "Frieda", "Jakob"]
FAMILY = ["Lindqvist", "Okonkwo", "Brennan", "Haversham", "Delacroix-Moreau", "Vandersloot",
          "Pettersen", "Quintero", "Marchetti", "Abernathy", "Kowalczyk", "Fairweather",
          "Tanaka", "Oyelaran", "Szabo", "Rasmussen", "Castellanos", "Whitfield"]
COMPANY = ["Blue River Logistics GmbH", "Northwind Dairy Cooperative", "Silverline Textiles Ltd",
           "Meadowbrook Garden Supplies", "Harbourview Bakery SARL", "Alpine Bicycle Works AG",
           "Golden Sparrow Printing LLC", "Redwood Orchard Farms Inc", "Lakeside Pottery Studio",
           "Brightwater Swimming School"]


def typo(name):
    """One deterministic typo: swap the two letters at the middle, else drop one."""
    m = len(name) // 2
    for i in list(range(m, len(name) - 2)) + list(range(1, m)):
        a, b = name[i], name[i + 1]
        if a.isalpha() and b.isalpha() and a.lower() != b.lower():
            return name[:i] + b + a + name[i + 2:]
    return name[:m] + name[m + 1:] if len(name) > 4 else name


def make_queries(db_path, out, n):
    with cordon.Db.open(db_path) as db:
        total = len(db)
        exact = [db.entity_names(i * total // n)[0][0] for i in range(n)]
    clean = []
    for i in range(n):
        if i % 4 == 3:
            clean.append(COMPANY[i % len(COMPANY)])
        else:
            clean.append("%s %s" % (GIVEN[i % len(GIVEN)], FAMILY[(i * 7) % len(FAMILY)]))
    with open(out, "w", encoding="utf-8") as f:
        for q in exact + [typo(x) for x in exact] + clean:
            f.write(q.replace("\n", " ") + "\n")


def bench_search(db_path, queries_path, rounds):
    with open(queries_path, encoding="utf-8") as f:
        queries = [l.rstrip("\n") for l in f if l.strip()]
    db = cordon.Db.open(db_path)

    def run():
        for q in queries:
            db.search(q)

    print("search %.0f" % best_of(rounds, len(queries), run))
    db.close()


def main():
    if sys.argv[1] == "--make-queries":
        make_queries(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 300)
        return
    un, rules_dir = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    if len(sys.argv) > 5:
        bench_search(sys.argv[4], sys.argv[5], rounds)
    if un == "-":
        return
    import os
    db = cordon.Db.compile([un])
    names = [db.entity_names(i)[0][0] for i in range(len(db))]

    def run_analyze():
        for name in names:
            cordon.analyze(name)

    print("analyze %.0f" % best_of(rounds, len(names), run_analyze))

    pairs = [(names[i], names[(i * 7 + 1) % len(names)]) for i in range(len(names))]

    def run_match():
        for a, b in pairs:
            cordon.match(a, b)

    print("match %.0f" % best_of(rounds, len(pairs), run_match))

    rules = cordon.Rules([os.path.join(rules_dir, "demo-rules.xml"),
                          os.path.join(rules_dir, "embargoes.xml")])
    items = [("AD9208 analog-to-digital converter 14-bit 3 GSPS", "854239", "Germany"),
             ("wooden garden bench", "940161", "France"),
             ("office chairs", "940130", "Sevastopol, Crimea"),
             ("analog-to-digital converter", "854231", "North Korea")] * 500

    def run_classify():
        for d, t, dest in items:
            rules.classify(d, tariff_code=t, destination=dest)

    print("classify %.0f" % best_of(rounds, len(items), run_classify))


if __name__ == "__main__":
    main()
