#!/bin/sh
# cli_fetch.sh — cordon-fetch with file:// URLs: updates only when every file
# downloads and parses; a broken download leaves the previous copies alone.
set -u
B="${abs_top_builddir:-..}"; S="${abs_top_srcdir:-..}"
F="$B/tools/cordon-fetch"
CORDON="$B/tools/cordon"; export CORDON
command -v curl >/dev/null 2>&1 || { echo "SKIP: curl not installed"; exit 77; }
fails=0; n=0
ok() { n=$((n + 1)); if ! eval "$2"; then echo "FAIL: $1"; fails=$((fails + 1)); fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/pub" "$tmp/out"
cp "$S/data/demo/lists/demo_sanctions.csv" "$tmp/pub/list.csv"
"$F" -o "$tmp/out" own.csv="file://$tmp/pub/list.csv" 2>"$tmp/log"; rc=$?
ok "first fetch succeeds" "[ $rc -eq 0 ]"
ok "file is in place" "cmp -s '$tmp/pub/list.csv' '$tmp/out/own.csv'"
ok "no staging folder left" "[ -z \"\$(ls -A '$tmp/out' | grep incoming)\" ]"
# A publisher file that no longer parses: the old copy stays.
printf 'id,name\n1,"broken\n' > "$tmp/pub/list.csv"
"$F" -o "$tmp/out" own.csv="file://$tmp/pub/list.csv" 2>"$tmp/log"; rc=$?
ok "unparsable download fails" "[ $rc -eq 2 ]"
ok "message says unchanged" "grep -q 'unchanged' '$tmp/log'"
ok "old copy kept" "cmp -s '$S/data/demo/lists/demo_sanctions.csv' '$tmp/out/own.csv'"
# A missing file: nothing replaced.
"$F" -o "$tmp/out" own.csv="file://$tmp/pub/nope.csv" 2>"$tmp/log"; rc=$?
ok "missing download fails" "[ $rc -eq 2 ]"
ok "old copy still kept" "cmp -s '$S/data/demo/lists/demo_sanctions.csv' '$tmp/out/own.csv'"
# A sources file with two entries.
cp "$S/data/demo/lists/inhouse_denylist.tsv" "$tmp/pub/deny.tsv"
cp "$S/data/demo/lists/demo_sanctions.csv" "$tmp/pub/list.csv"
printf '# test\na.csv file://%s/pub/list.csv\nb.tsv file://%s/pub/deny.tsv\n' "$tmp" "$tmp" > "$tmp/src.txt"
"$F" -o "$tmp/out" -s "$tmp/src.txt" 2>"$tmp/log"; rc=$?
ok "sources file fetch" "[ $rc -eq 0 ] && [ -f '$tmp/out/a.csv' ] && [ -f '$tmp/out/b.tsv' ]"
"$F" --help | grep -q "Usage: cordon-fetch"; ok "help" "[ $? -eq 0 ]"
"$F" -o 2>/dev/null; ok "usage error" "[ $? -eq 2 ]"
echo "cli_fetch: $((n - fails)) passed, $fails failed"
[ $fails -eq 0 ]
