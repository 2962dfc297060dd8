#!/usr/bin/python3
"""Screen a partner file (CSV: name,type,country) against sanctions lists.

    screen_partners.py LISTS.cdb|LIST_FILE... -- partners.csv

Prints one line per partner (ALERT or clear, the name, the best hit) and
exits 1 when any partner alerts, 0 when all are clear. Example (the UN list
from ../shared/data):

    PYTHONPATH=build/bindings/python /usr/bin/python3 examples/screen_partners.py \\
        ../shared/data/un/2026-02/UN_consolidated.xml -- examples/partners.csv
"""
import csv
import sys

import cordon


def main(argv):
    if "--" not in argv or argv.index("--") == 0 or argv.index("--") != len(argv) - 2:
        sys.exit(__doc__)
    sources, partners = argv[:argv.index("--")], argv[-1]
    if len(sources) == 1 and sources[0].endswith(".cdb"):
        db = cordon.Db.open(sources[0])
    else:
        db = cordon.Db.compile(sources)
    flagged = 0
    with db, open(partners, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            hits = db.search(row["name"], type=row.get("type") or None,
                             country=row.get("country") or None, limit=1)
            if hits and hits[0].alert:
                h = hits[0]
                flagged += 1
                print('ALERT  %-32s  %s %s "%s" (score %.2f)'
                      % (row["name"], h.list, h.entity_id, h.primary_name, h.score))
            else:
                print("clear  %s" % row["name"])
    return 1 if flagged else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (cordon.Error, OSError) as e:
        sys.exit("screen_partners: %s" % e)
