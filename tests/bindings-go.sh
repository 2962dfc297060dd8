#!/bin/sh
# bindings-go.sh — `go test -race` of bindings/go against this build tree.
# Uses an uninstalled cordon.pc (pkg-config prefers cordon-uninstalled.pc)
# that points at the in-tree headers and lib/.libs with an rpath, so the test
# binary loads the library just built, never an installed copy. No network:
# GOPROXY=off, GOTOOLCHAIN=local, GOFLAGS=-mod=readonly; caches in the build tree.
# Exit 77 (skip) only when the Go toolchain or pkg-config is missing.
set -u
: "${abs_top_srcdir:?}" "${abs_top_builddir:?}"
GO="${GO:-}"
[ -n "$GO" ] || GO=$(command -v go 2>/dev/null || true)
if [ -z "$GO" ] || ! "$GO" version >/dev/null 2>&1; then
    echo "SKIP: no Go toolchain (install golang-go)"; exit 77
fi
if ! command -v pkg-config >/dev/null 2>&1; then
    echo "SKIP: no pkg-config"; exit 77
fi
# Sanitizer builds: Go's race detector is a second ThreadSanitizer runtime and
# cannot share a process with ASan or TSan; run without -race there, with
# the ASan runtime preloaded into the test binary only.
race=-race
san_rt=$(ldd "$abs_top_builddir/lib/.libs/libcordon.so" 2>/dev/null |
    awk '/lib(asan|ubsan|tsan)\.so/ { printf "%s%s", sep, $3; sep=":" }')
case "$san_rt" in
*tsan*) echo "SKIP: Go's race runtime cannot load a ThreadSanitizer libcordon (--enable-tsan build)"; exit 77 ;;
?*) race="-exec=env LD_PRELOAD=$san_rt ASAN_OPTIONS=detect_leaks=0" ;;
esac
work="$abs_top_builddir/bindings/go"
libdir="$abs_top_builddir/lib/.libs"
mkdir -p "$work/pkgconfig" "$work/gopath" "$work/gocache" "$work/tmp" || exit 99
cat > "$work/pkgconfig/cordon-uninstalled.pc" <<PC
Name: cordon
Description: cordon (uninstalled build tree)
Version: 0.0.0-uninstalled
Cflags: -I$abs_top_srcdir/include -I$abs_top_builddir/include
Libs: -L$libdir -lcordon -Wl,--disable-new-dtags -Wl,-rpath,$libdir
PC
PKG_CONFIG_PATH="$work/pkgconfig"
GOPATH="$work/gopath"; GOCACHE="$work/gocache"; GOTMPDIR="$work/tmp"
GOPROXY=off; GOTOOLCHAIN=local; GOFLAGS=-mod=readonly; GOSUMDB=off; CGO_ENABLED=1
GO111MODULE=on
export PKG_CONFIG_PATH GOPATH GOCACHE GOTMPDIR GOPROXY GOTOOLCHAIN GOFLAGS GOSUMDB \
    CGO_ENABLED GO111MODULE
cd "$abs_top_srcdir/bindings/go" || exit 99
exec "$GO" test "$race" -count=1 ${GO_TEST_FLAGS:-} ./...
