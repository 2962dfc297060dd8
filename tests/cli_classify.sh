#!/bin/sh
# cli_classify.sh — `cordon classify`: single items, batches, exit codes, errors.
set -u
C="${CORDON:-../tools/cordon}"
S="${abs_top_srcdir:-..}"
D="$S/tests/data/classify"
R="--rules $S/data/rules/demo-rules.xml --rules $S/data/rules/embargoes.xml"
fails=0; n=0
out=/tmp/cordon-classify.$$
run() { # run NAME EXPECTED_EXIT PATTERN -- command...
    name=$1; want=$2; pat=$3; shift 4
    n=$((n + 1))
    "$@" >$out 2>&1; got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $name: exit $got, want $want"; sed 's/^/  | /' $out; fails=$((fails + 1))
    elif [ -n "$pat" ] && ! grep -q -- "$pat" $out; then
        echo "FAIL: $name: output lacks '$pat'"; sed 's/^/  | /' $out; fails=$((fails + 1))
    fi
}
run "help" 0 "Usage: cordon classify" -- "$C" classify --help
run "no item" 2 "give a DESCRIPTION" -- "$C" classify $R
run "adc parameters" 1 "3A001.a.5.a.2 .*parameter" -- "$C" classify $R "10-bit ADC, 1 GSPS"
run "adc below threshold" 0 "no candidate" -- "$C" classify $R "10-bit ADC, 500 MSPS"
run "missing facts" 1 "missing:  needs sample rate" -- "$C" classify $R "14-bit ADC"
run "explicit param" 1 "3A001.b.2.a.4" -- "$C" classify $R --param "frequency=5 GHz" --param "power=30 W" "MMIC amplifier"
run "embargo" 1 "EMBARGO BLOCK  US: CU" -- "$C" classify $R --dest Cuba "office chairs"
run "region" 1 "Crimea" -- "$C" classify $R --dest "Simferopol, Crimea" "office chairs"
run "declared unknown" 1 "declared_unknown" -- "$C" classify $R --eccn 6A993
run "damaged hs" 2 "scientific notation" -- "$C" classify $R --hs 8.54E+05 "widget"
run "bad param" 2 "cannot read" -- "$C" classify $R --param "power=lots" "amplifier"
run "json" 1 '"code":"3A001.a.5.a.5"' -- "$C" classify $R --json "16-bit ADC 100 MSPS"
run "batch csv" 1 "item 4: encryption module" -- "$C" classify $R --batch "$D/items.csv"
run "batch csv json" 1 '"item":3' -- "$C" classify $R --json --batch "$D/items.csv"
run "batch jsonl" 1 "UAV airframe" -- "$C" classify $R --batch "$D/items.jsonl"
run "batch damaged" 2 "items\|damaged.csv:2" -- "$C" classify $R --batch "$D/damaged.csv"
run "batch broken json" 2 "broken.jsonl:2" -- "$C" classify $R --batch "$D/broken.jsonl"
run "bad rules" 2 "nosuch.xml" -- "$C" classify --rules /nonexistent/nosuch.xml "x"
run "unknown option" 2 "unknown option" -- "$C" classify --frobnicate
if [ -n "${CORDON_SHARED_DATA:-}" ] && [ -f "$CORDON_SHARED_DATA/control/chpl_hs6_tiers.tsv" ]; then
    run "chpl code list" 1 "854231 .*chpl .*tier 1" -- "$C" classify --code-list "$CORDON_SHARED_DATA/control/chpl_hs6_tiers.tsv=chpl" --hs 8542.31.10
fi
rm -f $out
echo "$n checks, $fails failed"
[ "$fails" -eq 0 ]
