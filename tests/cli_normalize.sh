#!/bin/sh
# cli_normalize.sh — `cordon normalize`: output and exit codes.
set -u
C=${CORDON:-../tools/cordon}
fail=0
check() { # description, expected, actual
    if [ "$2" != "$3" ]; then
        echo "FAIL: $1"; echo "  want: $2"; echo "  got:  $3"; fail=1
    fi
}
out=$($C normalize "Путин Владимир Владимирович" | head -1)
check "cyrillic normalized" "putin vladimir vladimirovich" "$out"
out=$($C normalize --type org "ООО Ромашка" | sed -n 2p | awk '{print $1, $2, $3, $4}')
check "legal token line" "ooo legal LLC cyrillic" "$out"
out=$($C normalize --json --type person "O'Brien")
case $out in
  '{"type":"person","normalized":"obrien","tokens":[{"text":"obrien","kind":"word"'*) ;;
  *) echo "FAIL: json: $out"; fail=1 ;;
esac
out=$(printf 'Al-Qaida\nU.S.A.\n' | $C normalize --json - | wc -l)
check "batch lines" "2" "$(echo $out)"
out=$(printf 'Al-Qaida\n' | $C normalize --json - | grep -c '"hyphen_joined":true')
check "hyphen flag in json" "1" "$out"
# invalid UTF-8: exit 2 and the byte offset in the message
printf 'ab\377cd\n' > bad_utf8.tmp
$C normalize - < bad_utf8.tmp > /dev/null 2> err.tmp
check "bad utf8 exit" "2" "$?"
grep -q "byte 2" err.tmp || { echo "FAIL: no offset in: $(cat err.tmp)"; fail=1; }
rm -f bad_utf8.tmp err.tmp
$C normalize --type spaceship X > /dev/null 2>&1
check "bad type exit" "2" "$?"
$C normalize > /dev/null 2>&1
check "no name exit" "2" "$?"
$C normalize --help | head -1 | grep -q "^Usage: cordon normalize" || { echo "FAIL: usage"; fail=1; }
exit $fail
