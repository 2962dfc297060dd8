#!/bin/sh
# ci-fuzz.sh — CI step: build the libFuzzer harnesses with clang
# (--enable-fuzzing, ASan + UBSan, coverage instrumentation of the library)
# in build-fuzz-ci/ and run each for a bounded time, starting from its seed
# corpus. Fails on any crash, leak, sanitizer report, timeout or OOM; the
# reproducer is left in build-fuzz-ci/artifacts/<target>/ (add it to
# fuzz/corpus/<target>/ with the fix).
#
#   FUZZ_SECONDS=N   seconds per harness (default 20; 27 harnesses * 20 s
#                    = 9 minutes of fuzzing, plus the build)
#   FUZZ_TARGETS="a b"  only these harnesses
#   JOBS=N           make parallelism (default 2)
set -eu
cd "$(dirname "$0")/.."
SRC=$(pwd)
BLD=$SRC/build-fuzz-ci
SECS=${FUZZ_SECONDS:-20}
JOBS=${JOBS:-2}
command -v clang >/dev/null || { echo "ci-fuzz.sh: clang not found"; exit 1; }
[ -x configure ] && [ configure -nt configure.ac ] || autoreconf -fi
mkdir -p "$BLD"
if [ ! -f "$BLD/config.status" ] || [ configure -nt "$BLD/config.status" ]; then
    (cd "$BLD" && CC=clang CXX=clang++ "$SRC/configure" --enable-fuzzing --disable-shared \
        CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION" \
        CXXFLAGS="-g -O1 -fsanitize=address,undefined" LDFLAGS="-fsanitize=address,undefined" >/dev/null)
fi
make -C "$BLD/lib" -j"$JOBS" >/dev/null
targets=${FUZZ_TARGETS:-$(ls fuzz/fuzz_*.c | sed 's|fuzz/fuzz_||; s|\.c$||')}
progs=""
for t in $targets; do progs="$progs fuzz_$t"; done
make -C "$BLD/tests" -j"$JOBS" $progs >/dev/null
fail=0
for t in $targets; do
    dict=""
    if [ -f "fuzz/dict/$t.dict" ]; then dict="-dict=fuzz/dict/$t.dict"
    else case $t in
        *_xml) dict="-dict=fuzz/dict/xml.dict" ;;
        *_csv|bis_dpl) dict="-dict=fuzz/dict/csv.dict" ;;
    esac; fi
    work="$BLD/corpus/$t" art="$BLD/artifacts/$t/"
    mkdir -p "$work" "$art"
    log="$BLD/fuzz-$t.log"
    # -timeout: one input taking over 10 s is a finding; -rss_limit_mb: so is
    # memory beyond 2 GiB. Leak detection stays on (ASan).
    if "$BLD/tests/fuzz_$t" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$art" $dict \
        "$work" "fuzz/corpus/$t" >"$log" 2>&1; then
        stats=$(grep -E '^#[0-9]+.*DONE' "$log" | tail -1 | sed 's/  */ /g')
        echo "ok   $t: $stats"
    else
        echo "FAIL $t (log $log, reproducer in $art):"
        grep -E 'ERROR|SUMMARY|==[0-9]+==|runtime error|contract broken' "$log" | head -20
        fail=1
    fi
done
exit $fail
