#!/bin/sh
# abi-diff.sh — abidiff --no-added-syms against the committed baseline
# abi/libcordon.abi must report no change (exit 0). Any removed or changed
# function, or a changed public type (cordon_error layout...), fails.
set -eu
lib="${top_builddir}/lib/.libs/libcordon.so"
baseline="${top_srcdir}/abi/libcordon.abi"
[ -f "$lib" ] || { echo "SKIP: $lib not built"; exit 77; }
if [ -z "${ABIDW:-}" ] || [ -z "${ABIDIFF:-}" ]; then
    echo "SKIP: abidw/abidiff not installed (Debian package abigail-tools)"
    exit 77
fi
cur=$(mktemp)
trap 'rm -f "$cur"' EXIT
"$ABIDW" --no-corpus-path --headers-dir "${top_srcdir}/include/cordon" \
    --headers-dir "${top_builddir}/include/cordon" --out-file "$cur" "$lib"
set +e
# the header dirs make abidiff ignore types not defined in the public headers
# (opaque structs such as cordon_matcher: their layout is not ABI)
"$ABIDIFF" --no-added-syms \
    --headers-dir1 "${top_srcdir}/include/cordon" --headers-dir1 "${top_builddir}/include/cordon" \
    --headers-dir2 "${top_srcdir}/include/cordon" --headers-dir2 "${top_builddir}/include/cordon" \
    "$baseline" "$cur"
rc=$?
set -e
if [ $rc -ne 0 ]; then
    echo "FAIL: abidiff exit $rc: the ABI changed against abi/libcordon.abi (see doc/abi.md)" >&2
    exit 1
fi
echo "PASS: abidiff --no-added-syms reports no ABI change"
