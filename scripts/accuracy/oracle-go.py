#!/usr/bin/env python3
"""The Go oracle of docs/accuracy.md, written apart from the engine: a package-level reading of the sources.

    python3 scripts/accuracy/oracle-go.py <repo-dir>

Prints JSON { files, edges: [[from, to]], entryPoints: [{ method, route, file }] }.

Edges (test files left out): a file depends on each file of an imported package of the module (go.mod) that
declares a name it uses as `pkg.Name`, and on each other file of its own package that declares a top-level name
(func, type, var, const) it uses, or a method it calls as `.Method(`. Comments and string literals are removed
before names are read. A Go toolchain is not needed.

Entry points: gin and echo `x.GET("/p", …)`… on a router, with the prefixes of `g := r.Group("/p")` in the same
function, and of a group handed to a function of another package (`users.Register(v1.Group("/users"))` or a group
variable, or to a method of a value: `h.Register(v1)`), whose parameter the routes are registered on; net/http
`HandleFunc("/p", …)`.
"""
import json
import os
import re
import subprocess
import sys

repo = os.path.abspath(sys.argv[1])
files = [f for f in subprocess.run(['git', 'ls-files'], cwd=repo, capture_output=True, text=True).stdout.split('\n') if f.endswith('.go') and not f.endswith('_test.go') and '/vendor/' not in f and not f.startswith('vendor/')]
module = ''
if os.path.exists(os.path.join(repo, 'go.mod')):
    m = re.search(r'^module\s+(\S+)', open(os.path.join(repo, 'go.mod')).read(), re.M)
    module = m.group(1) if m else ''
STRIP = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|`[^`]*`|\'(?:\\.|[^\'\\\n])*\'', re.S)

src, code, imports, decls, methods, pkgdir = {}, {}, {}, {}, {}, {}
for f in files:
    text = open(os.path.join(repo, f), encoding='utf-8', errors='replace').read()
    src[f] = text
    imp = {}
    for block in re.findall(r'^import\s*\((.*?)\)', text, re.M | re.S) + re.findall(r'^import\s+(.*)$', text, re.M):
        for m in re.finditer(r'(?:(\w+|\.)\s+)?"([^"]+)"', block):
            path = m.group(2)
            imp[m.group(1) or path.rsplit('/', 1)[-1]] = path
    imports[f] = imp
    c = STRIP.sub(lambda m: ' ' if m.group(0).startswith('/') else '""', text)
    code[f] = c
    names = set(re.findall(r'^func\s+([A-Za-z_]\w*)', c, re.M))
    names |= set(re.findall(r'^type\s+([A-Za-z_]\w*)', c, re.M))
    names |= set(re.findall(r'^(?:var|const)\s+([A-Za-z_]\w*)', c, re.M))
    for block in re.findall(r'^(?:var|const|type)\s*\((.*?)^\)', c, re.M | re.S):
        names |= set(re.findall(r'^\s*([A-Za-z_]\w*)', block, re.M))
    decls[f] = names
    methods[f] = set(re.findall(r'^func\s*\([^)]*\)\s*([A-Za-z_]\w*)', c, re.M))
    pkgdir[f] = os.path.dirname(f)

by_dir = {}
for f in files:
    by_dir.setdefault(pkgdir[f], []).append(f)


def dir_of_import(path):
    if module and (path == module or path.startswith(module + '/')):
        return path[len(module) + 1:] if path != module else ''
    return None


edges = set()
for f in files:
    c = re.sub(r'^import\s*\(.*?\)|^import\s+.*$|^package\s+\w+', '', code[f], flags=re.M | re.S)
    for alias, path in imports[f].items():
        d = dir_of_import(path)
        if d is None or d not in by_dir:
            continue
        used = set(re.findall(rf'\b{re.escape(alias)}\.([A-Za-z_]\w*)', c))
        for g in by_dir[d]:
            if used & decls[g]:
                edges.add((f, g))
    idents = set(re.findall(r'(?<![.\w])([A-Za-z_]\w*)', c))
    called = set(re.findall(r'\.([A-Za-z_]\w*)\s*\(', c))
    for g in by_dir[pkgdir[f]]:
        if g != f and ((idents & decls[g]) or (called & methods[g])):
            edges.add((f, g))

# --- entry points (gin / echo / net/http) ---
entry_points = []
VERBS = {'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'Any'}


def functions(text):
    """(name, params, body) of each top-level function."""
    out = []
    for m in re.finditer(r'^func\s+(?:\([^)]*\)\s*)?(\w+)\s*\(([^)]*)\)[^{\n]*\{', text, re.M):
        depth, i = 1, m.end()
        while depth and i < len(text):
            depth += {'{': 1, '}': -1}.get(text[i], 0)
            i += 1
        out.append((m.group(1), [p.strip().split()[0] for p in m.group(2).split(',') if p.strip()], text[m.end():i]))
    return out


registered = []  # (file, function, param, method, route)
handed = []  # (package dir, function, prefix)
local_routes = []
for f, text in src.items():
    # Groups may be made and handed on in a file that imports no framework (r := router.New()); routes are read
    # only where the framework is imported.
    framework = re.search(r'gin-gonic/gin|labstack/echo|net/http', text) is not None
    for name, params, body in functions(text):
        groups = {}
        origin = {}
        for m in re.finditer(r'(\w+)\s*:?=\s*(\w+)\.Group\("([^"]*)"', body):
            groups[m.group(1)] = groups.get(m.group(2), '') + '/' + m.group(3).strip('/')
            origin[m.group(1)] = origin.get(m.group(2), m.group(2))
        for m in re.finditer(r'\b(\w+)\.(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|Any)\("([^"]*)"', body if framework else ''):
            recv, verb, route = m.groups()
            method = 'ANY' if verb == 'Any' else verb
            root = origin.get(recv, recv)
            full = groups.get(recv, '') + ('/' + route.strip('/') if route.strip('/') else '')
            if root in params:
                registered.append((f, name, method, full))
            else:
                local_routes.append((method, full or '/', f))
        for m in re.finditer(r'\b(\w+)\.HandleFunc\("(?:(GET|POST|PUT|PATCH|DELETE) )?([^"]*)"', body if framework else ''):
            local_routes.append((m.group(2) or 'ANY', m.group(3), f))
        # a group handed to a function: pkg.Fn(v1.Group("/x")) or pkg.Fn(group)
        for m in re.finditer(r'\b(?:(\w+)\.)?([A-Z]\w*|\w+)\((\w+)(?:\.Group\("([^"]*)"\))?\)', body):
            pkg, fn, arg, sub = m.groups()
            if arg not in groups and sub is None:
                continue
            prefix = groups.get(arg, '') + ('/' + sub.strip('/') if sub else '')
            # pkg.Fn(g): a function of that package; h.Register(g) on a value: a method, of whichever package.
            target = pkgdir[f] if pkg is None else dir_of_import(imports[f][pkg]) if pkg in imports[f] else '*'
            if target is not None:
                handed.append((target, fn, prefix))

for method, route, f in local_routes:
    entry_points.append({'method': method, 'route': route, 'file': f})
for f, fn, method, route in registered:
    for d, name, prefix in handed:
        if (d == pkgdir[f] or d == '*') and name == fn:
            entry_points.append({'method': method, 'route': (prefix + route) or '/', 'file': f})

print(json.dumps({'files': files, 'edges': sorted(edges), 'entryPoints': entry_points}))
