#!/bin/sh
# fuzz-replay.sh — run every seed/regression file of fuzz/corpus/<target>/
# through its harness, using the replay_<target> programs (fuzz/replay.c).
# A crash, a sanitizer report or a broken contract (abort) fails the test.
set -u
src=${abs_top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
bld=${abs_top_builddir:-$(pwd)/..}
fail=0 ran=0
for prog in "$bld"/tests/replay_*; do
    [ -x "$prog" ] || continue
    case $prog in *.o|*.log|*.trs) continue ;; esac
    t=${prog##*/replay_}
    dir="$src/fuzz/corpus/$t"
    if [ ! -d "$dir" ]; then
        echo "FAIL: $t: no seed corpus $dir"
        fail=1
        continue
    fi
    if out=$("$prog" "$dir" 2>&1); then
        echo "ok: $t: $out"
        ran=$((ran + 1))
    else
        echo "FAIL: $t (exit $?):"
        echo "$out" | tail -40
        fail=1
    fi
done
[ "$ran" -gt 0 ] || [ "$fail" -ne 0 ] || { echo "no replay programs built"; exit 99; }
exit $fail
