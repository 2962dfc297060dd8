#!/usr/bin/env python3
"""Fit the logistic weights of the name scorer on the 'fit' half of the
labelled set and write lib/match/weights.h.
Usage: bench/build.sh BUILD && BUILD/bench/features < bench/labelled/pairs.tsv > feat.tsv
       python3 bench/fit.py feat.tsv lib/match/weights.h
Plain batch gradient descent with L2 (no numpy needed)."""
import math, sys

rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
hdr, rows = rows[0], rows[1:]
names = hdr[5:]
data = [(int(r[0]), r[1], r[2], int(r[3]), [float(x) for x in r[5:]]) for r in rows]
fit = [d for d in data if d[1] == 'fit']
nf = len(names)
# domain priors held fixed (too few labelled examples to fit them reliably):
# a disagreeing number is near-conclusive; weak aliases and one-token names
# must never be the easiest matches.
FIXED = {'number_mismatch': -4.0, 'weak_alias': -0.8, 'single': -0.5}
w = [FIXED.get(n, 0.0) for n in names]
b = 0.0
lam = 0.002
lr = 0.5
# class balance: weight each class equally
npos = sum(1 for d in fit if d[0] == 1)
nneg = len(fit) - npos
cw = {1: len(fit) / (2 * npos), 0: len(fit) / (2 * nneg)}
for it in range(6000):
    gw = [0.0] * nf
    gb = 0.0
    for y, _, _, _, x in fit:
        z = b + sum(wi * xi for wi, xi in zip(w, x))
        p = 1 / (1 + math.exp(-max(-30, min(30, z))))
        g = (p - y) * cw[y]
        gb += g
        for i in range(nf):
            gw[i] += g * x[i]
    n = len(fit)
    b -= lr * gb / n
    for i in range(nf):
        if names[i] not in FIXED:
            w[i] -= lr * (gw[i] / n + lam * w[i])

def score(x):
    z = b + sum(wi * xi for wi, xi in zip(w, x))
    return 1 / (1 + math.exp(-z))

def f1_at(ds, t):
    tp = sum(1 for d in ds if d[0] == 1 and score(d[4]) >= t)
    fp = sum(1 for d in ds if d[0] == 0 and score(d[4]) >= t)
    fn = sum(1 for d in ds if d[0] == 1 and score(d[4]) < t)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r

# one threshold for all types (favouring recall slightly: F2-ish tie break)
best = max((f1_at(fit, t / 100)[0] + 0.001 * (100 - t) / 100, t / 100) for t in range(10, 96))
th = best[1]
print(f'bias {b:.3f} weights', {n: round(x, 3) for n, x in zip(names, w)}, file=sys.stderr)
print(f'threshold {th:.2f} fit F1/P/R', f1_at(fit, th), file=sys.stderr)
test = [d for d in data if d[1] == 'test']
print('test F1/P/R', f1_at(test, th), file=sys.stderr)
with open(sys.argv[2], 'w') as f:
    f.write('/* weights.h — logistic weights of the name scorer, written by bench/fit.py\n'
            ' * from the fit half of bench/labelled/pairs.tsv. Regenerate, do not hand-edit. */\n')
    f.write(f'#define W_BIAS ({b:.4f})\nstatic const double W_FEAT[CORDON__NFEAT] = {{\n')
    for n, x in zip(names, w):
        f.write(f'    {x:.4f}, /* {n} */\n')
    f.write('};\n')
    for t in ('PERSON', 'ORG', 'VESSEL', 'AIRCRAFT', 'ANY'):
        f.write(f'#define THRESH_{t} {th:.2f}\n')
