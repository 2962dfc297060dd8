#!/usr/bin/env python3
"""Generate bench/labelled/pairs.tsv from the real lists in ../shared/data.

Columns: name_a, name_b, type (person|org|vessel|aircraft|any), label (1 same
entity / 0 different), category, split (fit|test). Positives come from alias
groups of real list entities (OFAC SDN alt names, UN aliases and original-script
names, the Putin alias fixture) and from programmatic variants of real names
(typos, reordering, dropped middle names, legal-form variants). Negatives are
hard: different real people sharing a surname, vessels differing by a number,
companies sharing generic words. Deterministic (seeded).
Usage: python3 bench/labelled/gen.py [DATA_DIR] > bench/labelled/pairs.tsv
"""
import csv, random, re, sys, collections
import xml.etree.ElementTree as ET

DATA = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
rnd = random.Random(20261124)
out = []

def add(a, b, typ, label, cat):
    a = ' '.join(a.split()); b = ' '.join(b.split())
    if not a or not b or '\t' in a + b:
        return
    out.append((a, b, typ, label, cat))

def toks(s):
    return re.findall(r"\w+", s.lower())

def trig(s):
    s = ' ' + re.sub(r'\W+', ' ', s.lower()) + ' '
    return {s[i:i + 3] for i in range(len(s) - 2)}

def jac(a, b):
    x, y = trig(a), trig(b)
    return len(x & y) / max(1, len(x | y))

# ---- OFAC SDN 2021-07: primaries and alias groups
sdn = {}
with open(f'{DATA}/ofac/sdn_2021-07/sdn.csv', encoding='latin-1') as f:
    for r in csv.reader(f):
        if len(r) < 4:
            continue
        t = r[2].strip()
        typ = {'individual': 'person', 'vessel': 'vessel', 'aircraft': 'aircraft'}.get(t, 'org')
        sdn[r[0]] = (r[1].strip(), typ)
alts = collections.defaultdict(list)
with open(f'{DATA}/ofac/sdn_2021-07/alt.csv', encoding='latin-1') as f:
    for r in csv.reader(f):
        if len(r) >= 4 and r[0] in sdn:
            alts[r[0]].append((r[2].strip(), r[3].strip()))

def ofac_person(n):
    # "LAST, First Middle" -> "First Middle Last"
    if ', ' in n:
        last, first = n.split(', ', 1)
        return f'{first} {last}'
    return n

# spelling variants: aka with shared character material (real aliases)
cand = []
for k, al in alts.items():
    name, typ = sdn[k]
    for kind, a in al:
        if kind != 'aka':
            continue
        p, q = (ofac_person(name), ofac_person(a)) if typ == 'person' else (name, a)
        j = jac(p, q)
        if 0.35 <= j < 0.95:
            cand.append((p, q, typ))
rnd.shuffle(cand)
for p, q, typ in cand[:260]:
    add(p, q, typ, 1, 'alias_variant')

# ---- UN: original script names and aliases
un = ET.parse(f'{DATA}/un/2026-02/UN_consolidated.xml').getroot()
un_persons = []
n_os = 0
for ind in un.iter('INDIVIDUAL'):
    parts = [(ind.findtext(t) or '').strip() for t in ('FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME')]
    parts = [p for p in parts if p]
    if not parts:
        continue
    full = ' '.join(parts)
    un_persons.append(parts)
    os_ = (ind.findtext('NAME_ORIGINAL_SCRIPT') or '').strip()
    if os_ and n_os < 90:
        add(full, os_, 'person', 1, 'translit')
        n_os += 1
for ent in un.iter('ENTITY'):
    nm = (ent.findtext('FIRST_NAME') or '').strip()
    for al in ent.iter('ENTITY_ALIAS'):
        a = (al.findtext('ALIAS_NAME') or '').strip()
        if a and 0.3 <= jac(nm, a) < 0.95 and rnd.random() < 0.5:
            add(nm, a, 'org', 1, 'alias_variant')

# ---- Putin fixture: Latin reference vs other forms (translit incl. Cyrillic/Greek)
with open(f'{DATA}/opensanctions/putin_names.txt', encoding='utf-8') as f:
    pn = [l.strip() for l in f if l.strip()]
for n in pn:
    if not re.search(r'[A-Za-z]', n) or 'utin' not in n.lower():
        add('Vladimir Vladimirovich Putin', n, 'person', 1, 'translit')
    else:
        add('Vladimir Putin', n, 'person', 1, 'alias_variant')

# ---- programmatic variants of real UN person names
def typo(w):
    if len(w) < 5:
        return w
    i = rnd.randrange(1, len(w) - 1)
    op = rnd.choice('sdit')
    if op == 's':
        return w[:i] + rnd.choice('aeiouklmnrst') + w[i + 1:]
    if op == 'd':
        return w[:i] + w[i + 1:]
    if op == 'i':
        return w[:i] + rnd.choice('aeiouhn') + w[i:]
    return w[:i - 1] + w[i] + w[i - 1] + w[i + 1:]

sample = rnd.sample(un_persons, min(400, len(un_persons)))
for parts in sample[:90]:
    full = ' '.join(parts)
    ws = full.split()
    if len(ws) < 2:
        continue
    k = rnd.choice([1, 2])
    idx = [i for i, w in enumerate(ws) if len(w) >= 5]
    if not idx:
        continue
    for i in rnd.sample(idx, min(k, len(idx))):
        ws[i] = typo(ws[i])
    add(full, ' '.join(ws), 'person', 1, 'typo')
for parts in sample[90:160]:
    ws = ' '.join(parts).split()
    if len(ws) < 2:
        continue
    r = ws[-1:] + ws[:-1]
    add(' '.join(parts), ', '.join([r[0], ' '.join(r[1:])]) if rnd.random() < 0.5 else ' '.join(r), 'person', 1, 'reorder')
n_mid = 0
for parts in sample[160:]:
    ws = ' '.join(parts).split()
    if len(ws) < 3 or n_mid >= 70:
        continue
    i = rnd.randrange(1, len(ws) - 1)
    add(' '.join(ws), ' '.join(ws[:i] + ws[i + 1:]), 'person', 1, 'dropped_middle')
    n_mid += 1

# ---- legal-form variants of real OFAC companies
LEGAL = [(r'\bLIMITED LIABILITY COMPANY\b', 'LLC'), (r'\bLLC\b', 'Limited Liability Company'),
         (r'\bLTD\.?$', 'Limited'), (r'\bLIMITED$', 'Ltd'), (r'\bCO\., LTD\.?$', 'Company Limited'),
         (r'\bS\.A\.$', 'SA'), (r'\bINC\.?$', 'Incorporated'), (r'\bGMBH\b', 'Gesellschaft mit beschraenkter Haftung'),
         (r'\bOOO\b', 'LLC'), (r'\bJSC\b', 'Joint Stock Company'), (r'\bCORPORATION$', 'Corp')]
orgs = [v[0] for v in sdn.values() if v[1] == 'org']
rnd.shuffle(orgs)
n_leg = 0
for o in orgs:
    if n_leg >= 80:
        break
    for pat, rep in LEGAL:
        if re.search(pat, o, re.I):
            v = re.sub(pat, rep, o, flags=re.I)
            if rnd.random() < 0.3:
                v = re.sub(pat, '', o, flags=re.I).strip(' ,.')
            if v != o and toks(v):
                add(o, v.title() if rnd.random() < 0.5 else v, 'org', 1, 'legal_form')
                n_leg += 1
            break

# ---- nicknames (hand list of common English forms; real congress names)
NICK = {'william': 'bill', 'robert': 'bob', 'richard': 'dick', 'james': 'jim', 'michael': 'mike',
        'thomas': 'tom', 'joseph': 'joe', 'charles': 'chuck', 'daniel': 'dan', 'edward': 'ed',
        'steven': 'steve', 'christopher': 'chris', 'anthony': 'tony', 'patrick': 'pat',
        'elizabeth': 'liz', 'katherine': 'kate', 'margaret': 'maggie', 'gerald': 'jerry'}
cong = []
with open(f'{DATA}/opensanctions/yente_us_congress_persons.csv', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        cong.append(r['full_name'].strip())
nn = 0
for n in cong:
    ws = n.split()
    if ws and ws[0].lower() in NICK and len(ws) >= 2 and nn < 40:
        nn += 1
        add(n, ' '.join([NICK[ws[0].lower()].title()] + ws[1:]), 'person', 1, 'nickname')

# ---- hard negatives: different people sharing a surname
by_last = collections.defaultdict(list)
for n in cong:
    ws = n.split()
    if len(ws) >= 2:
        by_last[ws[-1].lower()].append(n)
neg = []
for last, ns in by_last.items():
    if len(ns) >= 2:
        for i in range(len(ns) - 1):
            if ns[i].split()[0].lower() != ns[i + 1].split()[0].lower():
                neg.append((ns[i], ns[i + 1]))
rnd.shuffle(neg)
for a, b in neg[:150]:
    add(a, b, 'person', 0, 'neg_shared_surname')
un_by_tok = collections.defaultdict(list)
for parts in un_persons:
    full = ' '.join(parts)
    for t in set(toks(full)):
        if len(t) >= 4:
            un_by_tok[t].append(full)
negs = []
for t, ns in un_by_tok.items():
    ns = sorted(set(ns))
    if 2 <= len(ns) <= 30:
        for _ in range(2):
            a, b = rnd.sample(ns, 2)
            if len(set(toks(a)) & set(toks(b))) == 1:
                negs.append((a, b))
rnd.shuffle(negs)
for a, b in negs[:150]:
    add(a, b, 'person', 0, 'neg_shared_token')
# vessels: real vessel names with a number changed
vessels = [v[0] for v in sdn.values() if v[1] == 'vessel']
nv = 0
for v in vessels:
    m = re.search(r'\b(\d+)\b', v)
    if m and nv < 40:
        n = int(m.group(1))
        add(v, v[:m.start()] + str(n + rnd.choice([1, 2, 3])) + v[m.end():], 'vessel', 0, 'neg_vessel_number')
        add(v, v, 'vessel', 1, 'exact')
        nv += 1
# companies sharing generic words
GEN = {'trading', 'bank', 'company', 'international', 'shipping', 'industries', 'group', 'import',
       'export', 'general', 'petroleum', 'investment', 'services', 'holding', 'commercial'}
org_by = collections.defaultdict(list)
for o in set(orgs):
    for t in set(toks(o)) & GEN:
        org_by[t].append(o)
cn = []
for t, ns in org_by.items():
    ns = sorted(ns)
    for _ in range(20):
        a, b = rnd.sample(ns, 2)
        if (set(toks(a)) & set(toks(b))) <= GEN | {'co', 'ltd', 'llc', 'sa', 'of', 'the', 'and'}:
            cn.append((a, b))
rnd.shuffle(cn)
for a, b in cn[:150]:
    add(a, b, 'org', 0, 'neg_generic_word')

# deterministic split: alternate rows within each category
seen = collections.Counter()
print('name_a\tname_b\ttype\tlabel\tcategory\tsplit')
for a, b, typ, lab, cat in out:
    s = 'fit' if seen[cat] % 2 == 0 else 'test'
    seen[cat] += 1
    print(f'{a}\t{b}\t{typ}\t{lab}\t{cat}\t{s}')
print(dict(seen), file=sys.stderr)
