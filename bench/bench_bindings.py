#!/usr/bin/python3
"""Python side of bench/bench_bindings.sh: the same calls as bench_bindings.c
through the cordon package. Prints "<op> <ns per call>" (best of ROUNDS)."""
import os
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


def main():
    un, rules_dir = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
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
