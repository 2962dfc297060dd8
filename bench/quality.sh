#!/bin/sh
# Precision / recall / F1 of `cordon match` at the default thresholds on the
# held-out ('test') half of bench/labelled/pairs.tsv, per category and overall.
# Usage: bench/quality.sh [CORDON_BINARY] [SPLIT]   (SPLIT: test (default), fit, all)
set -e
CORDON=${1:-cordon}
SPLIT=${2:-test}
DIR=$(dirname "$0")/labelled
TMP=${TMPDIR:-/tmp}/cordon-quality.$$
trap 'rm -f $TMP.*' EXIT
awk -F'\t' -v s="$SPLIT" 'NR > 1 && (s == "all" || $6 == s)' "$DIR/pairs.tsv" > $TMP.rows
cut -f1-3 $TMP.rows | "$CORDON" match --pairs - > $TMP.out || [ $? -eq 1 ]
paste $TMP.rows $TMP.out | awk -F'\t' '
{ cat = $5; lab = $4; hit = ($8 == "alert"); n[cat]++; L[cat] = lab; if (hit) h[cat]++;
  N++; if (lab == 1 && hit) TP++; if (lab == 0 && hit) FP++; if (lab == 1 && !hit) FN++ }
END {
  printf "%-22s %5s %6s  %s\n", "category", "pairs", "alerts", "rate (recall for positives, false-alert rate for negatives)";
  for (c in n) printf "%-22s %5d %6d  %s %.3f\n", c, n[c], h[c], (L[c] == 1 ? "recall" : "false-alert"), h[c] / n[c] | "sort";
  close("sort");
  p = (TP + FP) ? TP / (TP + FP) : 1; r = (TP + FN) ? TP / (TP + FN) : 1;
  printf "ALL %d pairs: tp %d fp %d fn %d  precision %.3f  recall %.3f  F1 %.3f\n", N, TP, FP, FN, p, r, 2 * p * r / (p + r) }'
