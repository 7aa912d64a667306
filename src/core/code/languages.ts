// Which tree-sitter grammar reads which file. The grammars are the ones VS Code itself ships
// (@vscode/tree-sitter-wasm); a file in any other language has no parser and its callers fall back to whole files.

export const LANGUAGES = [
  'typescript',
  'tsx',
  'javascript',
  'go',
  'python',
  'java',
  'csharp',
  'rust',
  'ruby',
  'php',
  'cpp',
] as const;
export type LanguageId = (typeof LANGUAGES)[number];

/** The grammar's file in the wasm folder. */
export const GRAMMAR_FILES: Readonly<Record<LanguageId, string>> = {
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  go: 'tree-sitter-go.wasm',
  python: 'tree-sitter-python.wasm',
  java: 'tree-sitter-java.wasm',
  csharp: 'tree-sitter-c-sharp.wasm',
  rust: 'tree-sitter-rust.wasm',
  ruby: 'tree-sitter-ruby.wasm',
  php: 'tree-sitter-php.wasm',
  cpp: 'tree-sitter-cpp.wasm',
};

/** The runtime's own files, beside the grammars. */
export const RUNTIME_FILES = ['tree-sitter.js', 'tree-sitter.wasm'] as const;

const BY_EXTENSION: Readonly<Record<string, LanguageId>> = {
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  // The JavaScript grammar reads JSX too.
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  go: 'go',
  py: 'python',
  pyi: 'python',
  java: 'java',
  cs: 'csharp',
  rs: 'rust',
  rb: 'ruby',
  php: 'php',
  cpp: 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  'c++': 'cpp',
  hpp: 'cpp',
  hh: 'cpp',
  hxx: 'cpp',
  h: 'cpp',
};

/** The grammar for a path (by its extension; `.d.ts` is TypeScript), or undefined when none reads it. */
export function languageOfPath(path: string): LanguageId | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
}

/** VS Code's language ids for the same grammars (for documents that have no useful extension). */
const BY_VSCODE_LANGUAGE: Readonly<Record<string, LanguageId>> = {
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  go: 'go',
  python: 'python',
  java: 'java',
  csharp: 'csharp',
  rust: 'rust',
  ruby: 'ruby',
  php: 'php',
  cpp: 'cpp',
};

export function languageOfVscodeId(languageId: string): LanguageId | undefined {
  return BY_VSCODE_LANGUAGE[languageId];
}
