#!/bin/sh
# dev.sh — one-command setup for cordon on Debian 12.
#
#   ./dev.sh demo       install build deps (if missing), build, run the demo job
#   ./dev.sh check      install build deps (if missing), build, run the whole test suite
#   ./dev.sh sanitize   the same test suite built with ASan + UBSan (build-san/)
#   ./dev.sh tsan       the threaded tests built with ThreadSanitizer (build-tsan/)
#   ./dev.sh deps       only install the Debian packages
#
# Builds happen out of tree in build/ (build-san/, build-tsan/).
set -eu
cd "$(dirname "$0")"
SRC=$(pwd)
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

DEPS="build-essential autoconf automake libtool pkg-config curl libpcre2-dev libxml2-dev
libutf8proc-dev libjansson-dev libcmocka-dev abigail-tools python3 python3-cffi
python3-pytest python3-dev golang-go clang libclang-rt-14-dev"

deps() {
    missing=""
    for p in $DEPS; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "dev.sh: installing Debian packages:$missing"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing
}

configure() { # configure BUILDDIR [configure args...]
    dir=$1; shift
    [ -x "$SRC/configure" ] && [ "$SRC/configure" -nt "$SRC/configure.ac" ] || autoreconf -fi "$SRC"
    mkdir -p "$dir"
    if [ ! -f "$dir/config.status" ] || [ "$SRC/configure" -nt "$dir/config.status" ]; then
        (cd "$dir" && "$SRC/configure" --prefix="$SRC/$dir/_inst" "$@")
    fi
}

case "${1:-}" in
deps)
    deps ;;
demo)
    deps
    configure build
    make -C build -j"$JOBS"
    make -C build install >/dev/null
    CORDON="$SRC/build/_inst/bin/cordon"
    export CORDON
    sh "$SRC/data/demo/run-demo.sh" ;;
check)
    deps
    configure build
    make -C build -j"$JOBS"
    make -C build -j"$JOBS" check || { cat build/tests/test-suite.log 2>/dev/null | tail -80; exit 1; } ;;
sanitize)
    deps
    configure build-san --enable-sanitizers
    make -C build-san -j"$JOBS"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        make -C build-san -j"$JOBS" check || { tail -80 build-san/tests/test-suite.log; exit 1; } ;;
tsan)
    deps
    configure build-tsan --enable-tsan
    make -C build-tsan -j"$JOBS"
    make -C build-tsan -j"$JOBS" check TESTS="$(tr '\n' ' ' < tests/tsan-tests 2>/dev/null || echo test_core)" \
        || { tail -80 build-tsan/tests/test-suite.log; exit 1; } ;;
*)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2 ;;
esac
