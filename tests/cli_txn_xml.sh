#!/bin/sh
# cli_txn_xml.sh — `cordon txn` on XML transactions: the same verdicts as the
# JSON lines of the demo, format detection and --format, errors with
# FILE:LINE:COLUMN.
set -u
C="${CORDON:-../tools/cordon}"
B="${abs_top_builddir:-..}"
S="${abs_top_srcdir:-..}"
DB="$B/data/demo.cdb"
X="$S/tests/data/txn_xml"
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
run "help" 0 "format json|xml" -- "$C" txn --help
# the nine demo transactions as XML files: the same verdicts as the JSON lines
"$C" txn -d "$DB" --json "$S/data/demo/transactions.jsonl" > "$tmp/j.json" 2>/dev/null
"$C" txn -d "$DB" --json "$X"/T-100*.xml > "$tmp/x.json" 2>"$tmp/x.err"
n=$((n + 1))
if ! cmp -s "$tmp/j.json" "$tmp/x.json" || [ "$(wc -l < "$tmp/x.json")" -ne 9 ]; then
    echo "FAIL: XML verdicts differ from JSON verdicts"; diff "$tmp/j.json" "$tmp/x.json" | head; fails=$((fails + 1))
fi
run "summary" 1 "9 transactions: 2 CLEAR, 1 REVIEW, 6 BLOCK" -- "$C" txn -d "$DB" "$X"/T-100*.xml
run "text verdict" 1 "^BLOCK   T-1006 (.*T-1006.xml)" -- "$C" txn -d "$DB" "$X/T-1006.xml"
run "clear" 0 "^CLEAR   T-1001" -- "$C" txn -d "$DB" "$X/T-1001.xml"
# stdin, detection after blank lines, --format
{ printf '\n\n'; cat "$X/T-1001.xml"; } > "$tmp/blank-first.xml"
run "stdin xml" 0 "^CLEAR   T-1001 (-)" -- sh -c "\"$C\" txn -d \"$DB\" - < \"$X/T-1001.xml\""
run "format xml" 1 "T-1002" -- "$C" txn -d "$DB" --format xml "$X/T-1002.xml"
run "format json on xml" 2 "T-1002.xml:1" -- "$C" txn -d "$DB" --format json "$X/T-1002.xml"
run "format bad" 2 "not json or xml" -- "$C" txn -d "$DB" --format yaml "$X/T-1002.xml"
run "mixed files" 1 "11 transactions: 3 CLEAR, 1 REVIEW, 7 BLOCK" -- \
    "$C" txn -d "$DB" "$X/T-1001.xml" "$S/data/demo/transactions.jsonl" "$X/T-1002.xml"
printf '\n  \n{"id":"J-1","parties":[{"name":"x","typo":1}]}\n' > "$tmp/late.jsonl"
run "jsonl line after blanks" 2 "late.jsonl:3:.*parties\[0\]: unknown field \"typo\"" -- "$C" txn -d "$DB" "$tmp/late.jsonl"
# errors name the file, line and column
printf '<transaction>\n  <id>1</id>\n  <party><nmae>x</nmae></party>\n</transaction>\n' > "$tmp/typo.xml"
run "unknown element" 2 "typo.xml:3:10: unknown element <nmae> in <party>" -- "$C" txn -d "$DB" "$tmp/typo.xml"
printf '<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY a "aaaa">]>\n<transaction/>\n' > "$tmp/bomb.xml"
run "doctype" 2 "bomb.xml:2:1: DOCTYPE with an internal subset refused" -- "$C" txn -d "$DB" "$tmp/bomb.xml"
head -c 200 "$X/T-1006.xml" > "$tmp/cut.xml"
run "truncated" 2 "cut.xml:[0-9]*:[0-9]*: XML error" -- "$C" txn -d "$DB" "$tmp/cut.xml"
run "blank then xml" 1 "T-1002" -- "$C" txn -d "$DB" --format xml "$X/T-1002.xml"
run "leading blank lines refused by XML" 2 "blank-first.xml:3:" -- "$C" txn -d "$DB" "$tmp/blank-first.xml"
echo "$n checks, $fails failed"
[ "$fails" -eq 0 ]
