#!/bin/sh
# `cordon match`: single pair, --pairs with stable TSV output, --json, errors.
set -u
C=${CORDON:-../tools/cordon}
fail() { echo "FAIL: $*"; exit 1; }
out=$($C match --type person "Vladimir Putin" "PUTIN, Vladimir Vladimirovich"); rc=$?
[ $rc -eq 1 ] || fail "alert exit code $rc"
case "$out" in 0.*"	alert") ;; *) fail "single: $out" ;; esac
out=$($C match --type vessel "Ocean Star 5" "Ocean Star 6"); rc=$?
[ $rc -eq 0 ] || fail "below exit code $rc"
case "$out" in 0.*"	below") ;; *) fail "vessel: $out" ;; esac
out=$(printf 'Al Qaida\tALQAIDA\torg\nJohn Smith\tPeter Jones\nOcean Star 5\tOcean Star 6\tvessel\n' | $C match --pairs -)
[ "$(echo "$out" | wc -l)" -eq 3 ] || fail "pairs count: $out"
[ "$(echo "$out" | cut -f2 | tr '\n' ' ')" = "alert below below " ] || fail "pairs decisions: $out"
out=$(printf 'Al Qaida\tALQAIDA\n' | $C match --json --pairs -)
case "$out" in '{"score":'*'"decision":"alert"'*'"explanation":{'*'"how":"glued"'*) ;; *) fail "json: $out" ;; esac
printf 'a\tb\nno tab here\n' | $C match --pairs - >/dev/null 2>err.$$; rc=$?
[ $rc -eq 2 ] || fail "bad line rc $rc"
grep -q '<stdin>:2:' err.$$ || fail "bad line message: $(cat err.$$)"
rm -f err.$$
$C match onlyone >/dev/null 2>&1; [ $? -eq 2 ] || fail "usage"
$C match --type planet a b >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad type"
echo "PASS: cli_match"
