#!/bin/sh
# Binding overhead relative to the C API, per call, on the same libcordon.so.
# Usage: bench/bench_bindings.sh BUILD_DIR [ROUNDS]
# Needs $CORDON_SHARED_DATA (default ../shared/data beside the checkout) for
# un/2026-02/UN_consolidated.xml. Prints one table: op, C ns, Python ns
# (+%), Go ns (+%). Outputs in BUILD_DIR/bench-bindings/.
set -e
B=$(cd "$1" && pwd); S=$(cd "$(dirname "$0")/.." && pwd); ROUNDS=${2:-5}
D=${CORDON_SHARED_DATA:-$S/../shared/data}
UN="$D/un/2026-02/UN_consolidated.xml"
[ -f "$UN" ] || { echo "bench_bindings: $UN not found (set CORDON_SHARED_DATA)" >&2; exit 2; }
LIBDIR="$B/lib/.libs"
O="$B/bench-bindings"  # not $B/bench: `make dist` copies that folder
mkdir -p "$O"
cc -std=gnu11 -O2 -I"$S/include" -I"$B/include" "$S/bench/bench_bindings.c" \
   -o "$O/bench_bindings" -L"$LIBDIR" -lcordon -Wl,--disable-new-dtags,-rpath,"$LIBDIR"
"$O/bench_bindings" "$UN" "$S/data/rules" "$ROUNDS" > "$O/bindings_c.txt"

/usr/bin/python3 "$S/bindings/python/build_cffi.py" --quiet --srcdir "$S" --builddir "$B" \
    --out "$B/bindings/python"
PYTHONPATH="$B/bindings/python" /usr/bin/python3 "$S/bench/bench_bindings.py" "$UN" \
    "$S/data/rules" "$ROUNDS" > "$O/bindings_py.txt"

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
"$O/bench_bindings_go" "$UN" "$S/data/rules" "$ROUNDS" > "$O/bindings_go.txt"

awk 'FNR == 1 { f++ } { v[f, $1] = $2; ops[$1] = 1 }
     END { printf "%-10s %10s %16s %16s\n", "op", "C ns/call", "Python ns/call", "Go ns/call";
           for (op in ops) printf "%-10s %10d %10d %+5.0f%% %10d %+5.0f%%\n", op, v[1, op],
               v[2, op], 100 * (v[2, op] / v[1, op] - 1), v[3, op], 100 * (v[3, op] / v[1, op] - 1) }' \
    "$O/bindings_c.txt" "$O/bindings_py.txt" "$O/bindings_go.txt"
