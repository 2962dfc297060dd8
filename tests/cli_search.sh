#!/bin/sh
# `cordon search`, `cordon screen` (CSV / JSON lines, threads, suppressions)
# and `cordon delta` on the OFAC SDN 2021-07 and UN lists.
set -u
C=${CORDON:-../tools/cordon}
fail() { echo "FAIL: $*"; exit 1; }
D=${CORDON_SHARED_DATA:-}
if [ -z "$D" ] || [ ! -d "$D/ofac/sdn_2021-07" ]; then
    echo "SKIP: CORDON_SHARED_DATA not available"; exit 77
fi
T=${TMPDIR:-/tmp}/cli_search.$$
mkdir -p $T || exit 1
trap 'rm -rf $T' EXIT
$C compile -o $T/sdn.cdb "$D/ofac/sdn_2021-07" >/dev/null 2>&1 || fail "compile sdn"
$C compile -o $T/all.cdb "$D/ofac/sdn_2021-07" "$D/un/2026-02/UN_consolidated.xml" >/dev/null 2>&1 || fail "compile all"

# search: text and JSON, exit codes
out=$($C search -d $T/sdn.cdb --type person --limit 1 "Oleg Deripsaka"); rc=$?
[ $rc -eq 1 ] || fail "search rc $rc"
case "$out" in 0.*"	alert	us_ofac_sdn	24283	DERIPASKA, Oleg Vladimirovich	"*) ;; *) fail "search: $out" ;; esac
out=$($C search -d $T/sdn.cdb --json --limit 1 "Олег Дерипаска")
case "$out" in '[{"score":'*'"decision":"alert"'*'"entity_id":"24283"'*'"primary_name":"DERIPASKA, Oleg Vladimirovich"'*'"explanation":{'*) ;; *) fail "json: $out" ;; esac
out=$($C search -d $T/sdn.cdb --exhaustive --json --limit 1 "Олег Дерипаска")
case "$out" in *'"entity_id":"24283"'*) ;; *) fail "exhaustive: $out" ;; esac
out=$($C search -d $T/sdn.cdb --threshold 0.95 --limit 1 "Oleg Deripaska"); rc=$?
[ $rc -eq 0 ] || fail "threshold rc $rc"
case "$out" in *"	below	"*) ;; *) fail "threshold: $out" ;; esac
out=$(printf 'Usama Ladin\nAlqaida\n' | $C search -d $T/sdn.cdb --limit 1 --batch -)
[ "$(echo "$out" | wc -l)" -eq 2 ] || fail "batch lines: $out"
echo "$out" | head -1 | grep -q '"entity_id":"6365"' || fail "batch 1: $out"
echo "$out" | tail -1 | grep -q '"entity_id":"6366"' || fail "batch 2: $out"
$C search -d $T/sdn.cdb >/dev/null 2>&1; [ $? -eq 2 ] || fail "usage"
$C search -d $T/sdn.cdb --limit 0 x >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad limit"

# screen: CSV, threads give the same output, summary on stderr
cat > $T/p.csv <<'CSV'
id,name,type,country,dob,identifiers
P1,Oleg Deripaska,person,RU,1968-01-02,
P2,"Alqaida",org,,,
P3,Jennifer McClellan,person,US,1972,
P4,Kim Jong Un,person,KP,,
CSV
$C screen -d $T/sdn.cdb $T/p.csv > $T/o1 2>$T/e1; rc=$?
[ $rc -eq 1 ] || fail "screen rc $rc"
[ "$(wc -l < $T/o1)" -eq 4 ] || fail "screen lines: $(cat $T/o1)"
sed -n 1p $T/o1 | grep -q '^{"id":"P1","line":2,.*"entity_id":"24283".*"suppressed":false' || fail "screen P1: $(sed -n 1p $T/o1)"
sed -n 3p $T/o1 | grep -q '"alerts":0}$' || fail "screen P3: $(sed -n 3p $T/o1)"
grep -q '4 parties, 3 with alerts' $T/e1 || fail "summary: $(cat $T/e1)"
$C screen -d $T/sdn.cdb --threads 4 $T/p.csv > $T/o4 2>/dev/null
cmp -s $T/o1 $T/o4 || fail "threads change the output"
# JSON lines input
printf '{"id":"J1","name":"Usama Ladin","type":"person","country":["SA"]}\n{"id":"J2","name":"Mitch McConnell"}\n' > $T/p.jsonl
$C screen -d $T/sdn.cdb $T/p.jsonl > $T/oj 2>/dev/null; rc=$?
[ $rc -eq 1 ] || fail "jsonl rc $rc"
sed -n 1p $T/oj | grep -q '"id":"J1".*"entity_id":"6365"' || fail "jsonl: $(cat $T/oj)"
# suppression: clear P1's hit on 24283; a stale hash raises it again
h=$(sed -n 1p $T/o1 | grep -o '"entity_id":"24283"[^}]*"content_hash":"[0-9a-f]*"' | grep -o '[0-9a-f]\{16\}')
[ -n "$h" ] || fail "no content hash"
printf 'P1\tus_ofac_sdn\t24283\t%s\n' "$h" > $T/supp.tsv
$C screen -d $T/sdn.cdb --suppress $T/supp.tsv $T/p.csv > $T/os 2>$T/es
sed -n 1p $T/os | grep -q '"entity_id":"24283"[^}]*"suppressed":true' || fail "suppressed: $(sed -n 1p $T/os)"
grep -q '1 suppressed' $T/es || fail "suppressed summary: $(cat $T/es)"
printf 'P1\tus_ofac_sdn\t24283\t0000000000000001\n' > $T/supp2.tsv
$C screen -d $T/sdn.cdb --suppress $T/supp2.tsv $T/p.csv > $T/os2 2>/dev/null
sed -n 1p $T/os2 | grep -q '"entity_id":"24283"[^}]*"suppressed":false,"suppression_stale":true' || fail "stale: $(sed -n 1p $T/os2)"
printf 'bad line\n' > $T/supp3.tsv
$C screen -d $T/sdn.cdb --suppress $T/supp3.tsv $T/p.csv >/dev/null 2>$T/e3; [ $? -eq 2 ] || fail "bad suppressions"
grep -q 'supp3.tsv:1:' $T/e3 || fail "bad suppressions message: $(cat $T/e3)"
printf 'id,nom\n1,x\n' > $T/bad.csv
$C screen -d $T/sdn.cdb $T/bad.csv >/dev/null 2>$T/e4; [ $? -eq 2 ] || fail "bad header"
grep -q 'bad.csv:1:' $T/e4 || fail "bad header message: $(cat $T/e4)"

# delta: the UN list adds QDi.006 for al-Zawahiri; OFAC hits are not new
printf 'id,name\nZ1,Aiman al Zawahri\nP1,Oleg Deripaska\n' > $T/d.csv
$C delta $T/sdn.cdb $T/all.cdb $T/d.csv > $T/od 2>/dev/null; rc=$?
[ $rc -eq 1 ] || fail "delta rc $rc"
[ "$(wc -l < $T/od)" -eq 1 ] || fail "delta lines: $(cat $T/od)"
grep -q '"id":"Z1".*"entity_id":"QDi.006"[^}]*"delta":"new"' $T/od || fail "delta: $(cat $T/od)"
grep -q '"entity_id":"2676"' $T/od && fail "delta repeats an old alert"
$C delta $T/sdn.cdb $T/sdn.cdb $T/d.csv > $T/od2 2>/dev/null; rc=$?
[ $rc -eq 0 ] || fail "no delta rc $rc"
[ -s $T/od2 ] && fail "no delta output: $(cat $T/od2)"
echo "PASS: cli_search"
