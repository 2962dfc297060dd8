#!/usr/bin/python3
"""Screen a partner file (CSV: name,type,country) against sanctions lists.

    screen_partners.py LISTS.cdb|LIST_FILE... -- partners.csv

Prints one line per partner (decision, name, the strongest reason) and exits
1 when any partner needs review or is blocked, 0 when all are clear.
Example (the UN list from ../shared/data):

    PYTHONPATH=build/bindings/python /usr/bin/python3 examples/screen_partners.py \\
        ../shared/data/un/2026-02/UN_consolidated.xml -- examples/partners.csv
"""
import csv
import sys

import cordon


def main(argv):
    if "--" not in argv or argv.index("--") == 0 or argv.index("--") == len(argv) - 1:
        sys.exit(__doc__)
    sep = argv.index("--")
    sources, partners = argv[:sep], argv[sep + 1]
    if len(sources) == 1 and sources[0].endswith(".cdb"):
        db = cordon.Db.open(sources[0])
    else:
        db = cordon.Db.compile(sources)
    flagged = 0
    with db, open(partners, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            party = {"role": "partner", "name": row["name"],
                     "type": row.get("type") or "unknown"}
            if row.get("country"):
                party["country"] = row["country"]
            v = db.screen_txn({"id": row["name"], "parties": [party]})
            why = v.reasons[0].text if v.reasons else ""
            print("%-6s  %-32s  %s" % (v.decision, row["name"], why))
            flagged += v.decision != "CLEAR"
    return 1 if flagged else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except cordon.Error as e:
        sys.exit("screen_partners: %s" % e)
