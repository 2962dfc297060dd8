#!/bin/sh
# bindings-python.sh — build the cffi module of bindings/python against this
# build tree (rpath to lib/.libs) and run its pytest suite.
# Exit 77 (skip) only when python3, cffi, pytest or the Python headers are missing.
set -u
: "${abs_top_srcdir:?}" "${abs_top_builddir:?}"
PY="${PYTHON3:-}"
[ -n "$PY" ] || PY=/usr/bin/python3
if ! "$PY" -c 'import sys' >/dev/null 2>&1; then
    echo "SKIP: no python3"; exit 77
fi
for mod in cffi pytest; do
    if ! "$PY" -c "import $mod" >/dev/null 2>&1; then
        echo "SKIP: $PY lacks $mod (install python3-$mod)"; exit 77
    fi
done
inc=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
if [ ! -f "$inc/Python.h" ]; then
    echo "SKIP: no Python.h in $inc (install python3-dev)"; exit 77
fi
# Sanitizer builds (--enable-sanitizers): the ASan runtime must be loaded
# first, and CPython's own allocations are not ours to leak-check.
san_rt=$(ldd "$abs_top_builddir/lib/.libs/libcordon.so" 2>/dev/null |
    awk '/lib(asan|ubsan|tsan)\.so/ { printf "%s%s", sep, $3; sep=":" }')
case "$san_rt" in
*tsan*) echo "SKIP: CPython cannot load a ThreadSanitizer libcordon (--enable-tsan build)"; exit 77 ;;
?*) LD_PRELOAD="$san_rt${LD_PRELOAD:+:$LD_PRELOAD}"
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
    export LD_PRELOAD ASAN_OPTIONS ;;
esac
out="$abs_top_builddir/bindings/python"
mkdir -p "$out" || exit 99
"$PY" "$abs_top_srcdir/bindings/python/build_cffi.py" --quiet \
    --srcdir "$abs_top_srcdir" --builddir "$abs_top_builddir" --out "$out" || exit 1
PYTHONPATH="$out"
PYTHONDONTWRITEBYTECODE=1
export PYTHONPATH PYTHONDONTWRITEBYTECODE
exec "$PY" -m pytest -q -p no:cacheprovider ${PYTEST_FLAGS:-} \
    "$abs_top_srcdir/bindings/python/tests"
