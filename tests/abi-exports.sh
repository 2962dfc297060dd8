#!/bin/sh
# abi-exports.sh — the dynamic symbols of libcordon.so, with their version
# nodes, must equal abi/libcordon.exports, and all must be cordon_* symbols.
# Regenerate the list deliberately with `make update-abi` (doc/abi.md).
set -eu
lib="${top_builddir}/lib/.libs/libcordon.so"
expected="${top_srcdir}/abi/libcordon.exports"
[ -f "$lib" ] || { echo "SKIP: $lib not built (static-only build?)"; exit 77; }
NM="${NM:-nm}"
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
# Defined dynamic symbols with versions, without the version-node entries.
"$NM" -D --defined-only --with-symbol-versions "$lib" |
    awk '$2 != "A" { print $3 }' | LC_ALL=C sort > "$actual"
status=0
if grep -v '^cordon_[a-z0-9_]*@@CORDON_[0-9.]*$' "$actual"; then
    echo "FAIL: the symbols above are exported but are not versioned cordon_* functions" >&2
    status=1
fi
if ! diff -u "$expected" "$actual"; then
    echo "FAIL: exported symbols differ from abi/libcordon.exports (see doc/abi.md)" >&2
    status=1
fi
[ $status -eq 0 ] && echo "PASS: $(wc -l < "$actual") exported symbols match abi/libcordon.exports"
exit $status
