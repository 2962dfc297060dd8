#!/usr/bin/python3
"""abi_doc.py — every exported symbol is declared CORDON_API in the public
header with a doc comment carrying @since, and is listed in the version
script in the node that @since names; every CORDON_API declaration is exported.
"""
import os
import re
import subprocess
import sys

top_src = os.environ.get("top_srcdir", ".")
top_build = os.environ.get("top_builddir", ".")
header = os.path.join(top_src, "include", "cordon", "cordon.h")
symfile = os.path.join(top_src, "lib", "libcordon.sym")
lib = os.path.join(top_build, "lib", ".libs", "libcordon.so")

if not os.path.exists(lib):
    print("SKIP: %s not built" % lib)
    sys.exit(77)

text = open(header, encoding="utf-8").read()
# Each declaration: CORDON_API <type> <name>(...
decls = {}
for m in re.finditer(r"CORDON_API\s+[^;{]*?\b(cordon_[a-z0-9_]+)\s*\(", text):
    name = m.group(1)
    before = text[: m.start()]
    # the doc comment immediately before the declaration
    cm = re.search(r"/\*\*((?:(?!\*/).)*)\*/\s*$", before, re.S)
    since = None
    if cm:
        sm = re.search(r"@since\s+([0-9]+\.[0-9]+)", cm.group(1))
        since = sm.group(1) if sm else None
    decls[name] = since

# version script: node -> symbols
nodes = {}
node = None
for line in open(symfile, encoding="utf-8"):
    line = re.sub(r"/\*.*?\*/", "", line).strip()
    m = re.match(r"(CORDON_[0-9.]+)\s*\{", line)
    if m:
        node = m.group(1)
        continue
    m = re.match(r"(cordon_[a-z0-9_]+)\s*;", line)
    if m and node:
        nodes[m.group(1)] = node

out = subprocess.run(
    [os.environ.get("NM", "nm"), "-D", "--defined-only", "--with-symbol-versions", lib],
    check=True, capture_output=True, text=True).stdout
exported = {}
for line in out.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] != "A":
        name, _, ver = parts[2].partition("@@")
        exported[name] = ver

errors = []
for name, ver in sorted(exported.items()):
    if name not in decls:
        errors.append("%s is exported but not declared CORDON_API in cordon.h" % name)
    elif decls[name] is None:
        errors.append("%s has no doc comment with @since in cordon.h" % name)
    elif ver != "CORDON_" + decls[name]:
        errors.append("%s: @since %s but exported in node %s" % (name, decls[name], ver))
    if name not in nodes:
        errors.append("%s is not listed in lib/libcordon.sym" % name)
for name in sorted(decls):
    if name not in exported:
        errors.append("%s is declared in cordon.h but not exported by the library" % name)
for name in sorted(nodes):
    if name not in exported:
        errors.append("%s is in libcordon.sym but not exported" % name)

for e in errors:
    print("FAIL: " + e)
if errors:
    sys.exit(1)
print("PASS: %d exported symbols, each declared, documented with @since and versioned"
      % len(exported))
