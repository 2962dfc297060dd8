#!/bin/sh
# examples.sh — run the C examples on the demo snapshot and check their verdicts.
set -u
B="${abs_top_builddir:-..}"
S="${abs_top_srcdir:-..}"
DB="$B/data/demo.cdb"
fails=0; n=0
t() { # t NAME WANT_EXIT PATTERN -- cmd...
    name=$1; want=$2; pat=$3; shift 4
    n=$((n + 1))
    out=$("$@" 2>&1); got=$?
    if [ "$got" -ne "$want" ] || ! printf '%s\n' "$out" | grep -q -- "$pat"; then
        echo "FAIL: $name (exit $got, want $want; pattern '$pat')"; printf '%s\n' "$out" | sed 's/^/  | /'
        fails=$((fails + 1))
    fi
}
[ -f "$DB" ] || { echo "SKIP: $DB not built"; exit 77; }
t "screen_txn blocks the Cuban bank" 1 "SO-4711 BLOCK" -- ./ex_screen_txn "$DB"
t "screen_txn reports the ADC" 1 "CONTROLLED_ITEM" -- ./ex_screen_txn "$DB"
t "screen_txn bad snapshot" 2 "" -- ./ex_screen_txn /nonexistent.cdb
t "classify ADC" 1 "3A001.a.5.a" -- ./ex_classify_item "$S/data/rules/demo-rules.xml" \
    "analog-to-digital converter" 854239 resolution="14 bit" sample_rate="1.5 GSPS"
t "classify plain pump" 0 "no candidate" -- ./ex_classify_item "$S/data/rules/demo-rules.xml" \
    "centrifugal water pump" 841370
tmp=$(mktemp)
printf 'name,type,country\nLefevre Hydraulique SARL,organization,FR\nARTAVIL,vessel,\nNordlicht Trading LLC,organization,DE\n' > "$tmp"
t "screen_partners" 1 "BLOCK  ARTAVIL" -- ./ex_screen_partners "$DB" "$tmp"
t "screen_partners in-house alias" 1 "BLOCK  Nordlicht Trading LLC" -- ./ex_screen_partners "$DB" "$tmp"
t "screen_partners clean partner" 1 "CLEAR  Lefevre Hydraulique SARL" -- ./ex_screen_partners "$DB" "$tmp"
rm -f "$tmp"
echo "examples: $((n - fails)) passed, $fails failed"
[ $fails -eq 0 ]
