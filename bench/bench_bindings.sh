#!/bin/sh
# Binding overhead relative to the C API, per call, on the same libcordon.so.
# Usage: bench/bench_bindings.sh BUILD_DIR [ROUNDS]
# Data from $CORDON_SHARED_DATA (default ../shared/data beside the checkout).
#
# search: party search (cordon_screen_party / Db.search / DB.Search, default
# options, every hit's fields read) on one snapshot: the OFAC SDN set
# (ofac/sdn_2021-07), the UN list and the US CSL when present, else the demo
# lists; the query mix (bench_bindings.py --make-queries) is 300 exact
# primary names, the same with one typo, and 300 names on no list.
# It runs in two ways: "search" with glibc malloc's trim and mmap thresholds pinned
# (GLIBC_TUNABLES, the same for all three programs) and "search_dflt_malloc"
# with the defaults. Searches used to allocate scratch sized by the db's name
# count (~1.7 MB for 61k names) per call, which default malloc could give back
# to the kernel after every call depending on the process's heap layout; the
# db now caches that scratch, and the two runs should agree.
# analyze/match/classify need un/2026-02/UN_consolidated.xml.
# Prints one table: op, C ns, Python ns (+%), Go ns (+%), then queries/s for
# search. Outputs in BUILD_DIR/bench-bindings/.
set -e
B=$(cd "$1" && pwd); S=$(cd "$(dirname "$0")/.." && pwd); ROUNDS=${2:-5}
D=${CORDON_SHARED_DATA:-$S/../shared/data}
UN="$D/un/2026-02/UN_consolidated.xml"
[ -f "$UN" ] || { echo "bench_bindings: $UN not found: analyze/match/classify skipped" >&2; UN=-; }
LIBDIR="$B/lib/.libs"
O="$B/bench-bindings"  # not $B/bench: `make dist` copies that folder
mkdir -p "$O"
PINNED="glibc.malloc.trim_threshold=268435456:glibc.malloc.mmap_threshold=33554432"

# The search db and queries.
set --
for f in "$D/ofac/sdn_2021-07" "$UN" "$D/us_csl/2022-04/consolidated.csv"; do
    [ -e "$f" ] && set -- "$@" "$f"
done
if [ $# -gt 0 ]; then
    "$B/tools/cordon" compile -q -o "$O/search.cdb" "$@"
else
    echo "bench_bindings: no real lists in $D: search on the demo lists" >&2
    cp "$B/data/demo.cdb" "$O/search.cdb"
fi
/usr/bin/python3 "$S/bindings/python/build_cffi.py" --quiet --srcdir "$S" --builddir "$B" \
    --out "$B/bindings/python"
PYTHONPATH="$B/bindings/python" /usr/bin/python3 "$S/bench/bench_bindings.py" --make-queries \
    "$O/search.cdb" "$O/queries.txt" 300

cc -std=gnu11 -O2 -I"$S/include" -I"$B/include" "$S/bench/bench_bindings.c" \
   -o "$O/bench_bindings" -L"$LIBDIR" -lcordon -Wl,--disable-new-dtags,-rpath,"$LIBDIR"

W="$O/go"
mkdir -p "$W/pkgconfig" "$W/mod"
cat > "$W/pkgconfig/cordon-uninstalled.pc" <<PC
Name: cordon
Description: cordon (uninstalled build tree)
Version: 0.0.0-uninstalled
Cflags: -I$S/include -I$B/include
Libs: -L$LIBDIR -lcordon -Wl,--disable-new-dtags -Wl,-rpath,$LIBDIR
PC
cat > "$W/mod/go.mod" <<MOD
module cordon.dev/bench

go 1.19

require cordon.dev/cordon v0.0.0
replace cordon.dev/cordon => $S/bindings/go
MOD
cp "$S/bench/bench_bindings.go" "$W/mod/main.go"
sed -i '/^\/\/go:build ignore$/d' "$W/mod/main.go"
(cd "$W/mod" && PKG_CONFIG_PATH="$W/pkgconfig" GOPATH="$W/gopath" GOCACHE="$W/gocache" \
  GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod GOSUMDB=off CGO_ENABLED=1 \
  go build -o "$O/bench_bindings_go" . )

# Search: ROUNDS alternations of C, Python, Go (2 passes each, best kept),
# so the three see the same machine load; the best per language is reported.
# Then analyze/match/classify, best of ROUNDS passes in one process each.
C_CMD="$O/bench_bindings"
PY_CMD="/usr/bin/python3 $S/bench/bench_bindings.py"
GO_CMD="$O/bench_bindings_go"
export PYTHONPATH="$B/bindings/python"
: > "$O/search_runs.txt"
for i in $(seq "$ROUNDS"); do
    for lang in c py go; do
        eval "cmd=\$$(echo $lang | tr a-z A-Z)_CMD"
        GLIBC_TUNABLES=$PINNED $cmd - "$S/data/rules" 2 "$O/search.cdb" "$O/queries.txt" \
            2>>"$O/search_counts.txt" | sed "s/^/$lang /" >> "$O/search_runs.txt"
        $cmd - "$S/data/rules" 2 "$O/search.cdb" "$O/queries.txt" 2>/dev/null |
            sed "s/^search /$lang search_dflt_malloc /" >> "$O/search_runs.txt"
    done
done
for lang in c py go; do
    eval "cmd=\$$(echo $lang | tr a-z A-Z)_CMD"
    awk -v l=$lang '$1 == l && (!($2 in m) || $3 < m[$2]) { m[$2] = $3 }
        END { print "search", m["search"]; print "search_dflt_malloc", m["search_dflt_malloc"] }' \
        "$O/search_runs.txt" > "$O/bindings_$lang.txt"
    [ "$UN" = - ] || $cmd "$UN" "$S/data/rules" "$ROUNDS" >> "$O/bindings_$lang.txt"
done

awk 'FNR == 1 { f++ } { v[f, $1] = $2; if (f == 1) ops[++nops] = $1 }
     END { printf "%-18s %10s %16s %16s\n", "op", "C ns/call", "Python ns/call", "Go ns/call";
           for (k = 1; k <= nops; k++) { op = ops[k]
               printf "%-18s %10d %10d %+5.0f%% %10d %+5.0f%%\n", op, v[1, op],
               v[2, op], 100 * (v[2, op] / v[1, op] - 1), v[3, op], 100 * (v[3, op] / v[1, op] - 1) }
           for (k = 1; k <= nops; k++) { op = ops[k]; if (op !~ /^search/) continue
               printf "%-18s C %.0f queries/s, Python %.0f queries/s (%+.0f%% per query), Go %.0f queries/s (%+.0f%% per query)\n",
               op, 1e9 / v[1, op], 1e9 / v[2, op], 100 * (v[2, op] / v[1, op] - 1),
               1e9 / v[3, op], 100 * (v[3, op] / v[1, op] - 1) } }' \
    "$O/bindings_c.txt" "$O/bindings_py.txt" "$O/bindings_go.txt"
sed -n 's/^bench_bindings: search: /search workload: /p' "$O/search_counts.txt" | head -1
