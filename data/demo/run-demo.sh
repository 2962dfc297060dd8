#!/bin/sh
# run-demo.sh — the main job on the bundled demo data (called by ./dev.sh demo).
set -eu
C="${CORDON:-cordon}"
"$C" --version
