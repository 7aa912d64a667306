#!/usr/bin/env python3
"""The Java oracle of docs/accuracy.md, written apart from the engine: a reading of the sources with a tokenizer.

    python3 scripts/accuracy/oracle-java.py <repo-dir>

Prints JSON { files, edges: [[from, to]], entryPoints: [{ method, route, file }] }.

Edges: a file depends on the file declaring each type it names, resolved as javac does for a simple name: a
single-type import, then a type of its own package, then the types of its wildcard imports (`import a.b.*` counts
only for the types of a.b the file names); `import static a.b.C.m` depends on C. Spring wiring: a file that depends
on an interface or abstract class also depends on each Spring bean (@Service, @Component, @Repository,
@Controller, @RestController, @Configuration) of the repository that implements or extends it, since that is what
Spring injects. Comments and string literals are removed before names are read.

Entry points: classes annotated @Controller or @RestController; the class's @RequestMapping paths joined with each
method's @GetMapping…@PatchMapping / @RequestMapping(method = …) paths (value, path, or the first argument;
arrays give one route each).
"""
import json
import os
import re
import subprocess
import sys

repo = os.path.abspath(sys.argv[1])
files = [f for f in subprocess.run(['git', 'ls-files'], cwd=repo, capture_output=True, text=True).stdout.split('\n') if f.endswith('.java')]
TOKEN = re.compile(r'//[^\n]*|/\*.*?\*/|"""(?:.|\n)*?"""|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
BEANS = {'Service', 'Component', 'Repository', 'Controller', 'RestController', 'Configuration'}

src = {}
code = {}
for f in files:
    with open(os.path.join(repo, f), encoding='utf-8', errors='replace') as fh:
        text = fh.read()
    src[f] = text
    code[f] = TOKEN.sub(lambda m: ' ' if m.group(0).startswith('/') else '""', text)

package = {}
imports = {}
declared = {}  # file -> [type names]
by_fqn = {}
by_package = {}
supertypes = {}  # file -> set of simple names it extends/implements
beans = set()
for f, c in code.items():
    m = re.search(r'^\s*package\s+([\w.]+)\s*;', c, re.M)
    package[f] = m.group(1) if m else ''
    imports[f] = re.findall(r'^\s*import\s+(static\s+)?([\w.]+(?:\.\*)?)\s*;', c, re.M)
    names = re.findall(r'\b(?:class|interface|enum|record|@interface)\s+([A-Z]\w*)', c)
    declared[f] = names
    for n in names:
        by_fqn.setdefault(f'{package[f]}.{n}', f)
        by_package.setdefault(package[f], {}).setdefault(n, f)
    sup = set()
    for m in re.finditer(r'\b(?:extends|implements)\s+([\w.<>,\s?]+?)\s*(?:\{|implements\b|permits\b)', c):
        for part in re.split(r'[,\s]+', re.sub(r'<[^<>]*(?:<[^<>]*>[^<>]*)*>', '', m.group(1))):
            if part and part[0].isupper():
                sup.add(part.split('.')[-1])
    supertypes[f] = sup
    if any(re.search(rf'@{b}\b', c) for b in BEANS):
        beans.add(f)

edges = set()
for f, c in code.items():
    body = re.sub(r'^\s*(?:package|import)\s+[^;]*;', '', c, flags=re.M)
    used = set(re.findall(r'\b([A-Z]\w*)\b', body)) - set(declared[f])
    single = {}
    wildcard = []
    for static, name in imports[f]:
        if static:
            parts = name.split('.')
            # import static a.b.C.m / a.b.C.*: the class C
            for cut in (len(parts) - 1, len(parts)):
                t = by_fqn.get('.'.join(parts[:cut]))
                if t:
                    edges.add((f, t))
                    break
        elif name.endswith('.*'):
            wildcard.append(name[:-2])
        else:
            single[name.rsplit('.', 1)[-1]] = name
    for t in used:
        target = None
        if t in single:
            target = by_fqn.get(single[t])
        elif t in by_package.get(package[f], {}):
            target = by_package[package[f]][t]
        else:
            for w in wildcard:
                if t in by_package.get(w, {}):
                    target = by_package[w][t]
                    break
        if target and target != f:
            edges.add((f, target))

# Spring injects the beans that implement an interface (or extend an abstract class) where the interface is named.
implementers = {}
for f in beans:
    for s in supertypes[f]:
        implementers.setdefault(s, set()).add(f)
for f, t in list(edges):
    for name in declared[t]:
        # A class that implements the interface itself is not injected with it.
        if name in supertypes[f]:
            continue
        for impl in implementers.get(name, ()):
            if impl != f and re.search(rf'\b(?:interface|abstract\s+class)\s+{name}\b', code[t]):
                edges.add((f, impl))

# --- entry points ---
entry_points = []
MAPPING = {'GetMapping': 'GET', 'PostMapping': 'POST', 'PutMapping': 'PUT', 'DeleteMapping': 'DELETE', 'PatchMapping': 'PATCH'}


def paths_of(args):
    if args is None:
        return ['']
    m = re.search(r'\b(?:value|path)\s*=\s*(\{[^}]*\}|"[^"]*")', args)
    first = m.group(1) if m else args.strip()
    if first.startswith('{'):
        found = re.findall(r'"([^"]*)"', first)
        return found or ['']
    m2 = re.match(r'"([^"]*)"', first)
    return [m2.group(1)] if m2 else ([''] if '=' in first or not first else [])


def join(a, b):
    parts = [p.strip('/') for p in (a, b) if p.strip('/')]
    return '/' + '/'.join(parts)


ANNOTATION = re.compile(r'@(\w+)\s*(\((?:[^()]|\([^()]*\))*\))?')
for f, text in src.items():
    if not re.search(r'@(Rest)?Controller\b', text):
        continue
    clean = re.sub(r'//[^\n]*|/\*.*?\*/', ' ', text, flags=re.S)
    cls = re.search(r'\bclass\s+\w+', clean)
    if not cls:
        continue
    head, body = clean[:cls.start()], clean[cls.end():]
    bases = ['']
    for a in ANNOTATION.finditer(head):
        if a.group(1) == 'RequestMapping':
            bases = paths_of(a.group(2)[1:-1] if a.group(2) else None)
    for a in ANNOTATION.finditer(body):
        name, args = a.group(1), (a.group(2)[1:-1] if a.group(2) else None)
        if name in MAPPING:
            methods = [MAPPING[name]]
        elif name == 'RequestMapping':
            found = re.findall(r'RequestMethod\.(\w+)', args or '')
            methods = found or ['ANY']
        else:
            continue
        for base in bases:
            for p in paths_of(args):
                for m in methods:
                    entry_points.append({'method': m, 'route': join(base, p), 'file': f})

print(json.dumps({'files': files, 'edges': sorted(edges), 'entryPoints': entry_points}))
