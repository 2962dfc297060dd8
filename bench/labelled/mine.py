#!/usr/bin/env python3
"""Mine hard negatives for bench/labelled/pairs.tsv by searching names that
are NOT listed against a db of all real lists, exhaustively, and keeping the
best-scoring list names as negative pairs. This is what screening meets in
production: the top hits of ordinary names, not random pairs.

Person queries: members of the US Congress (opensanctions/yente_us_congress_
persons.csv). Organisation queries: real list organisation names whose most
distinctive word is replaced by an ordinary surname ("Katrangi Electronics
Trading" -> "Harrigan Electronics Trading"), i.e. companies that share only
the generic words of a listed one. Deterministic (seeded); categories
neg_search_person and neg_search_org.

Also neg_sibling: pairs of different OFAC SDN individuals whose names differ
in exactly one word, that word not a spelling variant of the other ("KIM
Jong Un"/"KIM Jong Il", brothers sharing a family name and one given name).

Usage: python3 bench/labelled/mine.py CORDON DB DATA_DIR >> bench/labelled/pairs.tsv
(rows are printed without header; split alternates fit/test by query).
"""
import collections, csv, json, random, re, subprocess, sys

cordon, db, data = sys.argv[1:4]
rnd = random.Random(7)

def toks(s):
    return re.findall(r"[a-z0-9]+", s.lower())

congress = []
with open(f'{data}/opensanctions/yente_us_congress_persons.csv', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        n = ' '.join(r['full_name'].replace('"', ' ').split())
        if n:
            congress.append(n)
surnames = sorted({n.split()[-1] for n in congress if n.split()[-1].isalpha() and len(n.split()[-1]) >= 4})

orgs = []
with open(f'{data}/ofac/sdn_2021-07/sdn.csv', encoding='latin-1') as f:
    for r in csv.reader(f):
        if len(r) > 3 and r[2].strip() == '-0-' and r[1].strip():
            orgs.append(r[1].strip())
with open(f'{data}/us_csl/2022-04/consolidated.csv', encoding='utf-8', errors='replace') as f:
    for r in csv.DictReader(f):
        if r.get('type', '').strip().lower() == 'entity' and r.get('name'):
            orgs.append(r['name'].strip())
df = collections.Counter(t for o in orgs for t in set(toks(o)))
rnd.shuffle(orgs)
org_queries = []
for o in orgs:
    ws = o.split()
    words = [(i, toks(w)[0]) for i, w in enumerate(ws) if len(toks(w)) == 1 and toks(w)[0].isalpha()]
    # short names with exactly one distinctive word and otherwise common words
    rare = [(i, t) for i, t in words if df[t] <= 3 and len(t) >= 4]
    if not 2 <= len(words) <= 5 or len(rare) != 1 or any(df[t] < 15 for i, t in words if (i, t) not in rare):
        continue
    i = rare[0][0]
    sn = rnd.choice(surnames)
    ws = ws[:i] + [sn.upper() if ws[i].isupper() else sn] + ws[i + 1:]
    if ' '.join(ws) not in org_queries:
        org_queries.append(' '.join(ws))
    if len(org_queries) >= 700:
        break

def search(names, typ):
    p = subprocess.run([cordon, 'search', '-d', db, '--type', typ, '--exhaustive', '--limit', '3',
                        '--threshold', '0.15', '--batch', '-'], input='\n'.join(names) + '\n',
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(p.stderr)
    return [json.loads(l) for l in p.stdout.splitlines()]

seen = collections.Counter()
def emit(a, b, typ, cat, qi):
    if '\t' in a + b:
        return
    seen[cat] += 1
    print(f'{a}\t{b}\t{typ}\t0\t{cat}\t{"fit" if qi % 2 == 0 else "test"}')

for typ, qs, cat in (('person', congress, 'neg_search_person'), ('org', org_queries, 'neg_search_org')):
    # the top hit of each query (what would alert first), split by query
    for qi, (q, hits) in enumerate(zip(qs, search(qs, typ))):
        for h in hits[:1]:
            if set(toks(h['name'])) != set(toks(q)):
                emit(q, h['name'], typ, cat, qi)
def jw(a, b):
    na, nb = len(a), len(b)
    win = max(max(na, nb) // 2 - 1, 0)
    ma, mb, m = [0] * na, [0] * nb, 0
    for i in range(na):
        for j in range(max(0, i - win), min(nb, i + win + 1)):
            if not mb[j] and a[i] == b[j]:
                ma[i] = mb[j] = 1; m += 1; break
    if not m:
        return 0.0
    t = k = 0
    for i in range(na):
        if ma[i]:
            while not mb[k]:
                k += 1
            t += a[i] != b[k]; k += 1
    j = (m / na + m / nb + (m - t / 2) / m) / 3
    p = 0
    while p < 4 and p < min(na, nb) and a[p] == b[p]:
        p += 1
    return j + p * 0.1 * (1 - j)

people = []
with open(f'{data}/ofac/sdn_2021-07/sdn.csv', encoding='latin-1') as f:
    for r in csv.reader(f):
        if len(r) > 3 and r[2].strip() == 'individual':
            people.append((r[0], r[1].strip()))
buckets = collections.defaultdict(list)
for ent, n in people:
    ts = toks(n)
    if 2 <= len(ts) <= 5:
        for i in range(len(ts)):
            buckets[tuple(sorted(ts[:i] + ts[i + 1:]))].append((ent, n, ts[i]))
pairs = set()
for key in sorted(buckets):
    b = buckets[key]
    for x in range(len(b)):
        for y in range(x + 1, len(b)):
            (e1, n1, w1), (e2, n2, w2) = b[x], b[y]
            if e1 != e2 and w1 != w2 and jw(w1, w2) < 0.75 and len(toks(n1)) == len(toks(n2)):
                pairs.add((n1, n2) if n1 < n2 else (n2, n1))
pairs = sorted(pairs)
rnd.shuffle(pairs)
long_ = [p for p in pairs if len(toks(p[0])) >= 3][:250]
pairs = long_ + [p for p in pairs if len(toks(p[0])) == 2][:400 - len(long_)]
for qi, (a, b) in enumerate(pairs):
    emit(a, b, 'person', 'neg_sibling', qi)
print(dict(seen), file=sys.stderr)
