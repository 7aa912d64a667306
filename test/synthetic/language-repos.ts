// The single-language repositories and the ten-file change of the graph benchmarks (scripts/bench-graph.ts,
// scripts/bench-cold-impact.ts): deterministic, so both scripts time the same files.

/** Go packages of 20 files in one module, each file importing the package half its number. */
export function goRepo(total: number): Record<string, string> {
  const files: Record<string, string> = { 'go.mod': 'module example.com/big\n\ngo 1.22\n' };
  for (let i = 0; i < total; i++) {
    const pkg = Math.floor(i / 20);
    const dep = Math.floor(pkg / 2);
    files[`go/pkg${pkg}/f${i}.go`] =
      `package pkg${pkg}\n\nimport (\n\t"fmt"\n\t"example.com/big/go/pkg${dep}"\n)\n\nfunc F${i}() { fmt.Println(pkg${dep}.X) }\n`;
  }
  return files;
}

/** Python packages of 20 modules, each importing its package's first module and one of another package. */
export function pythonRepo(total: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < total; i++) {
    const pkg = Math.floor(i / 20);
    const dep = Math.floor(pkg / 2);
    if (i % 20 === 0) files[`py/pkg${pkg}/__init__.py`] = '';
    files[`py/pkg${pkg}/m${i}.py`] =
      `from . import m${pkg * 20}\nimport os\nfrom py.pkg${dep} import m${dep * 20 + (i % 20)}\n\ndef f${i}():\n    return os.sep\n`;
  }
  return files;
}

/** Java packages of 20 classes, each naming a class of another package through its import. */
export function javaRepo(total: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < total; i++) {
    const pkg = Math.floor(i / 20);
    const dep = Math.floor(pkg / 2);
    const other = dep * 20 + (i % 20);
    files[`java/src/main/java/com/ex/p${pkg}/C${i}.java`] =
      `package com.ex.p${pkg};\n\nimport com.ex.p${dep}.C${other};\nimport java.util.List;\n\npublic class C${i} {\n  List<C${other}> items;\n}\n`;
  }
  return files;
}

/** Ten changed code files spread over the repository (every n-th non-test code file). */
export function tenChanged(list: readonly string[]): string[] {
  const code = list.filter(
    (f) => /\.(ts|tsx|go|py|java)$/.test(f) && !/(_test\.go|\.test\.ts|index\.ts|__init__\.py)$/.test(f),
  );
  const step = Math.max(1, Math.floor(code.length / 10));
  return Array.from(
    { length: Math.min(10, code.length) },
    (_, i) => code[Math.min(code.length - 1, i * step + Math.floor(step / 2))]!,
  );
}
