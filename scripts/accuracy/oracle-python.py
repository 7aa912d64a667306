#!/usr/bin/env python3
"""The Python oracle of docs/accuracy.md, written apart from the engine: Python's own `ast`.

    python3 scripts/accuracy/oracle-python.py <repo-dir>

Prints JSON { files, edges: [[from, to]], entryPoints: [{ method, route, file }] }.

Edges: every import Python executes (not under `if TYPE_CHECKING:`), resolved as the interpreter would with the
repository's folders on sys.path (the top-level, the folder above each top-level package, `src/`): `import a.b`
and `from a import b` (the submodule when there is one, else the module). Plus the modules Django imports by their
dotted name at run time: `include('x.urls')`, and in a settings module (one that sets ROOT_URLCONF or
INSTALLED_APPS) every string naming a module of the repository, or an attribute of one (ROOT_URLCONF,
WSGI_APPLICATION, MIDDLEWARE, AUTHENTICATION_BACKENDS, REST_FRAMEWORK classes...).

Entry points: Django from ROOT_URLCONF down (path/re_path/url, include of a dotted string, a list, a tuple, an
imported module or list); Flask and FastAPI by evaluating the decorators and include_router/register_blueprint
calls. A prefix computed at run time (settings.api_prefix) is read as '' and counted in `computedPrefixes`.
"""
import ast
import json
import os
import subprocess
import sys

repo = os.path.abspath(sys.argv[1])
files = [f for f in subprocess.run(['git', 'ls-files'], cwd=repo, capture_output=True, text=True).stdout.split('\n') if f.endswith('.py')]
fileset = set(files)
trees = {}
for f in files:
    try:
        with open(os.path.join(repo, f), encoding='utf-8') as fh:
            trees[f] = ast.parse(fh.read(), filename=f)
    except (SyntaxError, UnicodeDecodeError, ValueError):
        pass

roots = {''}
for f in files:
    d = os.path.dirname(f)
    if os.path.basename(f) == '__init__.py' and d:
        parent = os.path.dirname(d)
        if os.path.join(parent, '__init__.py') not in fileset and (parent + '/__init__.py').lstrip('/') not in fileset:
            roots.add(parent)
    if os.path.basename(f) == 'manage.py':
        roots.add(d)
if any(f.startswith('src/') for f in files):
    roots.add('src')


def module_file(base, dotted):
    rel = os.path.join(base, *dotted.split('.')) if dotted else base
    rel = rel.lstrip('/')
    if rel and rel + '.py' in fileset:
        return rel + '.py'
    init = (rel + '/__init__.py') if rel else '__init__.py'
    return init if init in fileset else None


def resolve_abs(dotted):
    for base in sorted(roots, key=len):
        m = module_file(base, dotted)
        if m:
            return m
    return None


def package_dir(f, level):
    d = os.path.dirname(f)
    for _ in range(level - 1):
        d = os.path.dirname(d)
    return d


def resolve_from(f, module, level, name):
    """`from module import name` in file f: the submodule `module.name` when there is one, else `module`."""
    if level:
        base = package_dir(f, level)
        sub = module_file(base, f'{module}.{name}' if module else name) if name != '*' else None
        return sub or module_file(base, module or '')
    sub = resolve_abs(f'{module}.{name}') if name != '*' else None
    return sub or resolve_abs(module)


def dotted_target(s):
    """A dotted string naming a module of the repository, or an attribute of one."""
    if not isinstance(s, str) or not s.replace('.', '').replace('_', '').isalnum() or '.' not in s:
        return None
    return resolve_abs(s) or resolve_abs(s.rsplit('.', 1)[0])


def type_checking(node, parents):
    p = parents.get(node)
    while p is not None:
        if isinstance(p, ast.If) and ast.unparse(p.test).strip() in ('TYPE_CHECKING', 'typing.TYPE_CHECKING'):
            return True
        p = parents.get(p)
    return False


edges = set()
imports_of = {}  # file -> local name -> (module, name or None, level)
for f, tree in trees.items():
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    local = {}
    imports_django = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split('.')[0] == 'django':
                    imports_django = True
                local[a.asname or a.name.split('.')[0]] = (a.name if a.asname else a.name.split('.')[0], None, 0)
                if type_checking(node, parents):
                    continue
                t = resolve_abs(a.name)
                if t:
                    edges.add((f, t))
        elif isinstance(node, ast.ImportFrom):
            if (node.module or '').split('.')[0] == 'django':
                imports_django = True
            for a in node.names:
                local[a.asname or a.name] = (node.module or '', a.name, node.level)
                if type_checking(node, parents):
                    continue
                t = resolve_from(f, node.module, node.level, a.name)
                if t:
                    edges.add((f, t))
    imports_of[f] = local
    settings = any(isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id in ('ROOT_URLCONF', 'INSTALLED_APPS') for t in n.targets) for n in tree.body)
    for node in ast.walk(tree):
        if imports_django and isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == 'include' and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Tuple) and arg.elts:
                arg = arg.elts[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                t = resolve_abs(arg.value)
                if t:
                    edges.add((f, t))
        if settings and isinstance(node, ast.Constant):
            t = dotted_target(node.value)
            if t:
                edges.add((f, t))

# --- entry points ---
entries = []
computed = []


def join(prefix, route):
    if not prefix:
        return route
    return prefix.rstrip('/') + '/' + route.lstrip('/') if route not in ('', '/') else prefix


def const(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def top_assignments(tree):
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    out.setdefault(t.id, []).append(node.value)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            out.setdefault(node.target.id, []).append(node.value)
        elif isinstance(node, ast.If):
            for sub in node.body:
                if isinstance(sub, (ast.Assign, ast.AugAssign)):
                    targets = sub.targets if isinstance(sub, ast.Assign) else [sub.target]
                    for t in targets:
                        if isinstance(t, ast.Name):
                            out.setdefault(t.id, []).append(sub.value)
    return out


def django_list(f, name, prefix, depth, seen):
    tree = trees.get(f)
    if tree is None or depth > 8 or (f, name, prefix) in seen:
        return
    seen = seen | {(f, name, prefix)}
    for value in top_assignments(tree).get(name, []):
        django_value(f, value, prefix, depth, seen)


def django_value(f, value, prefix, depth, seen):
    if isinstance(value, (ast.List, ast.Tuple)):
        for el in value.elts:
            django_value(f, el, prefix, depth, seen)
    elif isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        django_value(f, value.left, prefix, depth, seen)
        django_value(f, value.right, prefix, depth, seen)
    elif isinstance(value, ast.Name):
        imported = imports_of[f].get(value.id)
        if imported is None:
            django_list(f, value.id, prefix, depth + 1, seen)
        else:
            module, name, level = imported
            target = resolve_from(f, module, level, name) if name else resolve_abs(module)
            if target and name and target.endswith(name.replace('.', '/') + '.py'):
                django_list(target, 'urlpatterns', prefix, depth + 1, seen)
            elif target:
                django_list(target, name or 'urlpatterns', prefix, depth + 1, seen)
    elif isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name):
        imported = imports_of[f].get(value.value.id)
        if imported:
            module, name, level = imported
            target = resolve_from(f, module, level, name) if name else resolve_abs(module)
            if target:
                django_list(target, value.attr, prefix, depth + 1, seen)
    elif isinstance(value, ast.Call):
        fn = value.func.id if isinstance(value.func, ast.Name) else value.func.attr if isinstance(value.func, ast.Attribute) else ''
        if fn in ('path', 're_path', 'url') and len(value.args) >= 2:
            route = const(value.args[0])
            view = value.args[1]
            is_include = isinstance(view, ast.Call) and isinstance(view.func, ast.Name) and view.func.id == 'include'
            if route is None and is_include:
                # path(prefix, include(...)) with a prefix computed at run time: read as ''.
                computed.append(f'{f}: {ast.unparse(value.args[0])}')
                route = ''
            if route is None:
                return
            full = join(prefix, '/' + route if fn == 'path' else route)
            if isinstance(view, ast.Call) and isinstance(view.func, ast.Name) and view.func.id == 'include' and view.args:
                arg = view.args[0]
                if isinstance(arg, ast.Tuple) and arg.elts:
                    arg = arg.elts[0]
                s = const(arg)
                if s is not None:
                    target = resolve_abs(s)
                    if target:
                        django_list(target, 'urlpatterns', full, depth + 1, seen)
                else:
                    django_value(f, arg, full, depth + 1, seen)
            else:
                entries.append({'method': 'ANY', 'route': full, 'file': f})
        elif fn in ('i18n_patterns', 'format_suffix_patterns'):
            for a in value.args:
                django_value(f, a, prefix, depth, seen)


for f, tree in trees.items():
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == 'ROOT_URLCONF' for t in node.targets):
            s = const(node.value)
            target = resolve_abs(s) if s else None
            if target:
                django_list(target, 'urlpatterns', '', 0, frozenset())

# Flask / FastAPI: routers (name -> file, own prefix), routes on them, and mounts (parent, child, prefix).
FACTORIES = {'Flask': 'flask', 'Blueprint': 'flask', 'FastAPI': 'fastapi', 'APIRouter': 'fastapi'}
routers = {}  # (file, name) -> own prefix
routes = []  # (file, router, method, route)
mounts = []  # (file, parent, child key, prefix)
for f, tree in trees.items():
    mods = {m for m in imports_of[f].values() for m in [m[0]]}
    if not any(m.split('.')[0] in ('flask', 'fastapi') for m in mods):
        continue
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            fn = node.value.func
            fname = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ''
            if fname in FACTORIES:
                kw = {k.arg: k.value for k in node.value.keywords}
                p = kw.get('url_prefix' if FACTORIES[fname] == 'flask' else 'prefix')
                routers[(f, node.targets[0].id)] = const(p) or ''
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in node.decorator_list:
                if not (isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and isinstance(d.func.value, ast.Name)):
                    continue
                if (f, d.func.value.id) not in routers:
                    continue
                verb = d.func.attr
                route = const(d.args[0]) if d.args else const({k.arg: k.value for k in d.keywords}.get('path'))
                if route is None:
                    continue
                if verb in ('get', 'post', 'put', 'patch', 'delete', 'head', 'options'):
                    methods = [verb.upper()]
                elif verb in ('route', 'api_route'):
                    m = {k.arg: k.value for k in d.keywords}.get('methods')
                    methods = [const(x).upper() for x in m.elts if const(x)] if isinstance(m, (ast.List, ast.Tuple)) else ['GET' if verb == 'route' else 'ANY']
                elif verb == 'websocket':
                    methods = ['WEBSOCKET']
                else:
                    continue
                for m in methods:
                    routes.append((f, d.func.value.id, m, route))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ('include_router', 'register_blueprint') and isinstance(node.func.value, ast.Name) and node.args:
            kw = {k.arg: k.value for k in node.keywords}
            pnode = kw.get('prefix' if node.func.attr == 'include_router' else 'url_prefix')
            prefix = '' if pnode is None else const(pnode)
            if prefix is None:
                computed.append(f'{f}: {ast.unparse(pnode)}')
                prefix = ''
            arg = node.args[0]
            child = None
            if isinstance(arg, ast.Name):
                imported = imports_of[f].get(arg.id)
                if imported and imported[1]:
                    t = resolve_from(f, imported[0], imported[2], imported[1])
                    sub = t and t.endswith('/' + imported[1] + '.py')
                    child = None if sub else (t, imported[1])
                elif not imported:
                    child = (f, arg.id)
            elif isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name):
                imported = imports_of[f].get(arg.value.id)
                if imported:
                    t = resolve_from(f, imported[0], imported[2], imported[1]) if imported[1] else resolve_abs(imported[0])
                    child = (t, arg.attr)
            if child and child[0]:
                mounts.append((f, node.func.value.id, child, prefix, node.func.attr == 'register_blueprint' and pnode is not None))


def prefixes(key, depth=0):
    """Every full prefix the router `key` is served under (its own prefix included)."""
    own = routers.get(key, '')
    parents = [m for m in mounts if m[2] == key]
    if not parents or depth > 8:
        return [own]
    out = []
    for f, parent, _, prefix, replaces in parents:
        for outer in prefixes((f, parent), depth + 1):
            # Flask: register_blueprint(url_prefix=...) replaces the blueprint's own prefix; FastAPI adds to it.
            out.append(join(outer, prefix) if replaces else join(join(outer, prefix), own))
    return out


for f, router, method, route in routes:
    for p in set(prefixes((f, router))):
        entries.append({'method': method, 'route': join(p, route) if route else (p or '/'), 'file': f})

print(json.dumps({'files': sorted(trees), 'edges': sorted(edges), 'entryPoints': entries, 'computedPrefixes': computed}))
