// The folder import graph of src/ (issue #26): every import of every src/**/*.ts file, type-only ones included
// (`import type`, `export ... from`, `import('./x')` and `import('./x').T`, `require('./x')`), mapped from file to
// folder (the file's directory under src/: `core/graph`, `views`, ...), and the strongly connected components of
// that graph. A component of more than one folder is an import cycle between folders; test/lint/folder-graph.test.ts
// holds that there is none. docs/architecture.md describes the layers the graph must follow.
//
//   npx tsx scripts/folder-graph.ts           the edges (folder -> folders it imports) and the cycles
//   npx tsx scripts/folder-graph.ts --files   also each edge's importing files
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface FolderGraph {
  /** folder -> folder -> the importing files (relative to src/) behind that edge. */
  edges: Map<string, Map<string, Set<string>>>;
  folders: string[];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(full);
  }
  return out;
}

/** Every module specifier a file names, type-only ones included. */
export function specifiers(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      out.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      out.push(node.moduleReference.expression.text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      out.push(node.argument.literal.text);
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      const callee = node.expression;
      const isImport =
        callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
      if (isImport && first && ts.isStringLiteral(first)) out.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The file a relative specifier names, or undefined (a package, or a file outside src/). */
function resolve(fromFile: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), spec.replace(/\.(m|c)?js$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.d.ts`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export function folderOf(srcDir: string, file: string): string {
  const dir = path.relative(srcDir, path.dirname(file)).split(path.sep).join('/');
  return dir === '' ? '.' : dir;
}

export function folderGraph(srcDir: string): FolderGraph {
  const edges = new Map<string, Map<string, Set<string>>>();
  const folders = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    const from = folderOf(srcDir, file);
    folders.add(from);
    for (const spec of specifiers(file, readFileSync(file, 'utf8'))) {
      const target = resolve(file, spec);
      if (!target || path.relative(srcDir, target).startsWith('..')) continue;
      const to = folderOf(srcDir, target);
      if (to === from) continue;
      let row = edges.get(from);
      if (!row) edges.set(from, (row = new Map<string, Set<string>>()));
      let files = row.get(to);
      if (!files) row.set(to, (files = new Set<string>()));
      files.add(path.relative(srcDir, file).split(path.sep).join('/'));
    }
  }
  return { edges, folders: [...folders].sort() };
}

/** Tarjan's strongly connected components, each sorted, largest first. */
export function stronglyConnected(graph: FolderGraph): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.edges.get(v)?.keys() ?? []) {
      if (!indexOf.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      out.push(component.sort());
    }
  };
  for (const v of graph.folders) if (!indexOf.has(v)) connect(v);
  return out.sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
}

/** The cycles: components of more than one folder. */
export function folderCycles(graph: FolderGraph): string[][] {
  return stronglyConnected(graph).filter((c) => c.length > 1);
}

/** The importing files behind each edge inside a component (what to move to break it). */
export function cycleEdges(graph: FolderGraph, component: string[]): string[] {
  const inside = new Set(component);
  const lines: string[] = [];
  for (const from of component) {
    for (const [to, files] of graph.edges.get(from) ?? []) {
      if (inside.has(to)) lines.push(`${from} -> ${to}: ${[...files].sort().join(', ')}`);
    }
  }
  return lines;
}

if (require.main === module) {
  const srcDir = path.resolve(__dirname, '..', 'src');
  const graph = folderGraph(srcDir);
  const withFiles = process.argv.includes('--files');
  console.log(`${graph.folders.length} folders`);
  for (const from of graph.folders) {
    const row = graph.edges.get(from);
    const targets = row ? [...row.keys()].sort() : [];
    console.log(`${from} -> ${targets.join(', ') || '(nothing)'}`);
    if (withFiles && row) for (const to of targets) console.log(`    ${to}: ${[...row.get(to)!].sort().join(', ')}`);
  }
  const cycles = folderCycles(graph);
  console.log(`\n${cycles.length} cycle(s) (strongly connected components of more than one folder)`);
  for (const c of cycles) {
    console.log(`{${c.join(', ')}}`);
    for (const line of cycleEdges(graph, c)) console.log(`    ${line}`);
  }
}
