#!/bin/sh
# Build the bench programs against a build directory's static library.
# Usage: bench/build.sh BUILD_DIR   (outputs in BUILD_DIR/bench/)
set -e
B=$(cd "$1" && pwd); S=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$B/bench"
LIBS="$B/lib/.libs/libcordon.a $(pkg-config --libs libpcre2-8 libxml-2.0 libutf8proc jansson) -lpthread -lm"
for p in features bench_match gen_freq; do
  [ -f "$S/bench/$p.c" ] || continue
  cc -std=gnu11 -O2 -g -I"$S/include" -I"$B/include" -I"$S/lib" "$S/bench/$p.c" -o "$B/bench/$p" $LIBS
done
