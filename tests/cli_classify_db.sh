#!/bin/sh
# cli_classify_db.sh — `cordon classify -d DB`: items classified against the
# rules stored in a snapshot (`cordon compile -r`), not the installed files.
set -u
C="${CORDON:-../tools/cordon}"
B="${abs_top_builddir:-..}"
S="${abs_top_srcdir:-..}"
DB="$B/data/demo.cdb"
[ -f "$DB" ] || { echo "SKIP: $DB not built"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0; n=0
run() { # run NAME EXPECTED_EXIT PATTERN -- command...
    name=$1; want=$2; pat=$3; shift 4
    n=$((n + 1))
    "$@" >"$tmp/out" 2>&1; got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $name: exit $got, want $want"; sed 's/^/  | /' "$tmp/out"; fails=$((fails + 1))
    elif [ -n "$pat" ] && ! grep -q -- "$pat" "$tmp/out"; then
        echo "FAIL: $name: output lacks '$pat'"; sed 's/^/  | /' "$tmp/out"; fails=$((fails + 1))
    fi
}
nothing() { # the output must not contain PATTERN
    n=$((n + 1))
    if grep -q -- "$1" "$tmp/out"; then
        echo "FAIL: output has '$1'"; sed 's/^/  | /' "$tmp/out"; fails=$((fails + 1))
    fi
}
# no installed rule files reachable: everything must come from the snapshot
export CORDON_RULES_DIR="$tmp/no-such-dir"
# the demo db (data/Makefile.am: demo pack + embargo rules): the ADC of the
# demo transaction T-1004 is a controlled 3A001.a.5.a.4 item
run "demo db adc" 1 "3A001.a.5.a.4 .*eu-dual-use-demo .*parameter" -- \
    "$C" classify -d "$DB" "14-bit analog-to-digital converter, 1.5 GSPS sample rate"
run "demo db adc legal" 1 "legal:    Regulation (EU) 2021/821" -- \
    "$C" classify --db "$DB" "14-bit analog-to-digital converter, 1.5 GSPS sample rate"
run "demo db embargo" 1 "EMBARGO BLOCK  US: CU" -- "$C" classify -d "$DB" --dest Cuba "office chairs"
run "demo db clear" 0 "no candidate" -- "$C" classify -d "$DB" --hs 841370 "centrifugal water pump"
run "demo db json" 1 '"code":"3A001.a.5.a.5"' -- "$C" classify -d "$DB" --json "16-bit ADC 100 MSPS"
run "demo db batch" 1 "UAV airframe" -- "$C" classify -d "$DB" --batch "$S/tests/data/classify/items.jsonl"
# a snapshot with the demo pack only: the control entries are there, the
# embargo rules are not (so -d really reads the snapshot's rules)
"$C" compile -q -o "$tmp/pack.cdb" -r "$S/data/rules/demo-rules.xml" || { echo "FAIL: compile"; exit 1; }
run "pack only adc" 1 "3A001.a.5.a.4" -- \
    "$C" classify -d "$tmp/pack.cdb" --dest Cuba "14-bit ADC, 1.5 GSPS"
nothing "EMBARGO"
run "pack only chairs" 0 "no candidate" -- "$C" classify -d "$tmp/pack.cdb" --dest Cuba "office chairs"
# a snapshot without rules, a missing snapshot, -d with --rules
"$C" compile -q -o "$tmp/lists.cdb" -f generic_csv -l demo_sanctions \
    "$S/data/demo/lists/demo_sanctions.csv" || { echo "FAIL: compile"; exit 1; }
run "no rules in db" 2 "carries no rules" -- "$C" classify -d "$tmp/lists.cdb" "ADC"
run "missing db" 2 "nosuch.cdb" -- "$C" classify -d "$tmp/nosuch.cdb" "ADC"
run "db and rules" 2 "either -d DB or --rules" -- \
    "$C" classify -d "$DB" --rules "$S/data/rules/demo-rules.xml" "ADC"
run "db needs arg" 2 "needs an argument" -- "$C" classify "ADC" -d
echo "$n checks, $fails failed"
[ "$fails" -eq 0 ]
