#!/usr/bin/env node
// The TypeScript/JavaScript oracle of docs/accuracy.md, written apart from the engine: TypeScript's own compiler.
//
//   node scripts/accuracy/oracle-ts.mjs <repo-dir>
//
// Prints JSON { files, edges: [[from, to]], entryPoints: [{ method, route, file }] }.
//
// Edges: each file is emitted by the compiler with the repository's own options (its tsconfig files, `extends` and
// `references` followed; emitDecoratorMetadata and all), as CommonJS so that every import that survives is a
// `require()`. An import the compiler keeps is an edge to the file that declares each name the output uses
// (`x_1.Name`), found with the type checker through re-exporting files (barrels), as the engine's barrel collapse
// does; a namespace or side-effect import whose names cannot be told is an edge to the module itself. Modules are
// resolved by the compiler (ts.resolveModuleName). Re-exports (`export * from`) are not counted as edges of the
// barrel, on either side.
//
// Entry points: NestJS `@Controller` classes with `@Get`… methods and `setGlobalPrefix`; Express/Router() routes
// (`r.get('/x', …)`) and mounts (`r.use('/api', sub)`, chained `.use()`), across files through default imports.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'typescript'));
const repo = path.resolve(process.argv[2]);
const tracked = execFileSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' }).split('\n');
const rel = (abs) => path.relative(repo, abs).split(path.sep).join('/');

// --- the repository's compiler options, per file ---
const configs = tracked.filter((f) => /(^|\/)tsconfig[\w.-]*\.json$/.test(f) && !f.includes('node_modules/'));
const optionsOf = new Map();
const seenConfigs = new Set();
function readConfig(file) {
  if (seenConfigs.has(file)) return;
  seenConfigs.add(file);
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) return;
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file), undefined, file);
  for (const f of parsed.fileNames) if (!optionsOf.has(path.resolve(f))) optionsOf.set(path.resolve(f), parsed.options);
  for (const ref of parsed.projectReferences ?? []) readConfig(ts.resolveProjectReferencePath(ref));
}
// The root tsconfig first (its references are the app's), then the others.
for (const c of configs.sort((a, b) => a.split('/').length - b.split('/').length || (a === 'tsconfig.json' ? -1 : 1)))
  readConfig(path.join(repo, c));
const sources = tracked.filter(
  (f) => /\.(ts|tsx|js|jsx|mts|cts)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('node_modules/'),
);
// Files no tsconfig includes (a JS app, a config file) are read with the defaults.
const defaults = { allowJs: true, esModuleInterop: true };

// One program per distinct option set.
const groups = new Map();
for (const f of sources) {
  const abs = path.join(repo, f);
  const options = optionsOf.get(abs) ?? defaults;
  if (!groups.has(options)) groups.set(options, []);
  groups.get(options).push(abs);
}

const edges = new Set();
const inRepo = (abs) =>
  abs &&
  abs.startsWith(repo + path.sep) &&
  !abs.includes(`${path.sep}node_modules${path.sep}`) &&
  !abs.endsWith('.d.ts');
for (const [options, roots] of groups) {
  const emitOptions = {
    ...options,
    noEmit: false,
    declaration: false,
    emitDeclarationOnly: false,
    sourceMap: false,
    inlineSourceMap: false,
    noEmitOnError: false,
    module: ts.ModuleKind.CommonJS,
    outDir: '/virtual-out',
    allowJs: true,
    composite: false,
    incremental: false,
  };
  delete emitOptions.tsBuildInfoFile;
  const program = ts.createProgram({ rootNames: roots, options: emitOptions });
  const checker = program.getTypeChecker();
  for (const abs of roots) {
    const sf = program.getSourceFile(abs);
    if (!sf) continue;
    let js = '';
    program.emit(sf, (name, text) => {
      if (/\.(js|cjs|mjs)$/.test(name)) js = text;
    });
    // `const x_1 = require("./x")`, `const x_1 = tslib_1.__importDefault(require("./x"))`, `require("./x");`
    const kept = new Map();
    for (const m of js.matchAll(/(?:(?:const|var|let)\s+(\w+)\s*=\s*)?(?:[\w.]+\()?require\(["']([^"']+)["']\)/g)) {
      if (!kept.has(m[2])) kept.set(m[2], []);
      if (m[1]) kept.get(m[2]).push(m[1]);
    }
    for (const m of js.matchAll(
      /import\(["']([^"']+)["']\)|Promise\.resolve\(\)\.then\(\(\) => (?:[\w.]+\()?require\(["']([^"']+)["']\)/g,
    ))
      if (!kept.has(m[1] ?? m[2])) kept.set(m[1] ?? m[2], []);
    const resolved = (spec) => ts.resolveModuleName(spec, abs, emitOptions, ts.sys).resolvedModule?.resolvedFileName;
    const reexported = new Set(
      sf.statements
        .filter((s) => ts.isExportDeclaration(s) && s.moduleSpecifier && !s.importClause)
        .map((s) => s.moduleSpecifier.text),
    );
    for (const [spec, vars] of kept) {
      const target = resolved(spec);
      if (!inRepo(target)) continue;
      const targetSf = program.getSourceFile(target);
      const moduleSymbol = targetSf ? checker.getSymbolAtLocation(targetSf) : undefined;
      const names = new Set();
      for (const v of vars) for (const u of js.matchAll(new RegExp(`\\b${v}\\.(\\w+)`, 'g'))) names.add(u[1]);
      // `export * from './x'` in a barrel: not an edge of the barrel (see above).
      if (
        reexported.has(spec) &&
        !sf.statements.some((s) => ts.isImportDeclaration(s) && s.moduleSpecifier.text === spec)
      )
        continue;
      if (names.size === 0 || !moduleSymbol) {
        edges.add(`${rel(abs)}\u0000${rel(target)}`);
        continue;
      }
      const exports = checker.getExportsOfModule(moduleSymbol);
      for (const name of names) {
        let symbol = exports.find((s) => s.escapedName === name);
        if (!symbol) {
          edges.add(`${rel(abs)}\u0000${rel(target)}`);
          continue;
        }
        if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        const declared = symbol.declarations?.[0]?.getSourceFile().fileName;
        edges.add(`${rel(abs)}\u0000${rel(inRepo(declared) ? declared : target)}`);
      }
    }
  }
}

// --- entry points ---
const entryPoints = [];
const parsed = new Map(
  sources.map((f) => [
    f,
    ts.createSourceFile(f, fs.readFileSync(path.join(repo, f), 'utf8'), ts.ScriptTarget.Latest, true),
  ]),
);
const str = (node) =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
const join = (a, b) =>
  `/${[a, b]
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
const HTTP = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Options: 'OPTIONS',
  Head: 'HEAD',
  All: 'ANY',
};
const decoratorsOf = (node) => (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []);

// NestJS
let globalPrefix = '';
for (const [, sf] of parsed) {
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'setGlobalPrefix'
    )
      globalPrefix = str(node.arguments[0]) ?? globalPrefix;
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
for (const [file, sf] of parsed) {
  for (const cls of sf.statements.filter(ts.isClassDeclaration)) {
    const controller = decoratorsOf(cls).find(
      (d) => ts.isCallExpression(d.expression) && d.expression.expression.getText() === 'Controller',
    );
    if (!controller) continue;
    const arg = controller.expression.arguments[0];
    const base =
      str(arg) ??
      (arg && ts.isObjectLiteralExpression(arg)
        ? str(arg.properties.find((p) => p.name?.getText() === 'path')?.initializer)
        : undefined) ??
      '';
    for (const member of cls.members) {
      for (const d of decoratorsOf(member)) {
        if (!ts.isCallExpression(d.expression)) continue;
        const method = HTTP[d.expression.expression.getText()];
        if (!method) continue;
        const route = str(d.expression.arguments[0]) ?? '';
        entryPoints.push({ method, route: join(join(globalPrefix, base), route), file });
      }
    }
  }
}

// Express-style routers
const ROUTER_PKGS = ['express'];
const routers = new Map(); // `${file}\0${name}` -> true
const routes = []; // { file, router, method, route }
const mounts = []; // { file, on, prefix, child: key }
const defaultOf = new Map();
const importsOf = new Map();
for (const [file, sf] of parsed) {
  const imports = new Map();
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) && s.importClause && !s.importClause.isTypeOnly) {
      const spec = s.moduleSpecifier.text;
      if (s.importClause.name) imports.set(s.importClause.name.text, { spec, name: 'default' });
      const nb = s.importClause.namedBindings;
      if (nb && ts.isNamedImports(nb))
        for (const e of nb.elements) imports.set(e.name.text, { spec, name: (e.propertyName ?? e.name).text });
    }
    if (ts.isExportAssignment(s)) defaultOf.set(file, s.expression);
  }
  importsOf.set(file, imports);
}
const fromExpress = (file, id) => ROUTER_PKGS.includes(importsOf.get(file).get(id)?.spec);
/** Router(), express(), express.Router(), and a chain of .use() on one. */
function creates(file, expr) {
  if (!ts.isCallExpression(expr)) return false;
  const callee = expr.expression;
  if (ts.isIdentifier(callee)) return fromExpress(file, callee.text);
  if (ts.isPropertyAccessExpression(callee)) {
    if (callee.name.text === 'Router' && ts.isIdentifier(callee.expression))
      return fromExpress(file, callee.expression.text);
    if (callee.name.text === 'use') return creates(file, callee.expression);
  }
  return false;
}
function childKey(file, expr) {
  if (!ts.isIdentifier(expr)) return undefined;
  const imported = importsOf.get(file).get(expr.text);
  if (!imported) return `${file}\u0000${expr.text}`;
  const target = ts.resolveModuleName(
    imported.spec,
    path.join(repo, file),
    { moduleResolution: ts.ModuleResolutionKind.Node10, allowJs: true },
    ts.sys,
  ).resolvedModule?.resolvedFileName;
  if (!inRepo(target)) return undefined;
  return `${rel(target)}\u0000${imported.name}`;
}
/** The router a `.use()` chain belongs to, and the `.use()` calls in it: `Router().use(a).use('/x', b)`. */
function useChain(file, expr, owner) {
  while (
    ts.isCallExpression(expr) &&
    ts.isPropertyAccessExpression(expr.expression) &&
    expr.expression.name.text === 'use'
  ) {
    const args = expr.arguments;
    const prefix = str(args[0]);
    for (const a of prefix === undefined ? args : args.slice(1)) {
      const child = childKey(file, a);
      if (child) mounts.push({ on: owner, prefix: prefix ?? '', child });
    }
    expr = expr.expression.expression;
  }
}
for (const [file, sf] of parsed) {
  const visit = (node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      creates(file, node.initializer)
    ) {
      routers.set(`${file}\u0000${node.name.text}`, true);
      useChain(file, node.initializer, `${file}\u0000${node.name.text}`);
    }
    if (ts.isExportAssignment(node) && creates(file, node.expression)) {
      routers.set(`${file}\u0000default`, true);
      useChain(file, node.expression, `${file}\u0000default`);
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression)
    ) {
      const owner = `${file}\u0000${node.expression.expression.text}`;
      const verb = node.expression.name.text;
      if (routers.has(owner) || [...routers.keys()].includes(owner)) {
        const route = str(node.arguments[0]);
        if (
          ['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all'].includes(verb) &&
          route !== undefined &&
          node.arguments.length >= 2
        )
          routes.push({ file, router: owner, method: verb === 'all' ? 'ANY' : verb.toUpperCase(), route });
        if (verb === 'use') useChain(file, node, owner);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // export default router: the default export is that router.
  const d = defaultOf.get(file);
  if (d && ts.isIdentifier(d))
    for (const m of [...mounts]) if (m.child === `${file}\u0000default`) m.child = `${file}\u0000${d.text}`;
}
// Children imported by default from a file whose default export is a named router.
for (const m of mounts) {
  const [f, name] = m.child.split('\u0000');
  const d = defaultOf.get(f);
  if (name === 'default' && d && ts.isIdentifier(d)) m.child = `${f}\u0000${d.text}`;
}
function prefixes(key, depth = 0) {
  const parents = mounts.filter((m) => m.child === key);
  if (parents.length === 0 || depth > 8) return [''];
  return parents.flatMap((m) => prefixes(m.on, depth + 1).map((outer) => join(outer, m.prefix)));
}
for (const r of routes)
  for (const p of new Set(prefixes(r.router)))
    entryPoints.push({ method: r.method, route: join(p, r.route), file: r.file });

console.log(JSON.stringify({ files: sources, edges: [...edges].map((e) => e.split('\u0000')), entryPoints }));
