// The one parser layer of the engine: tree-sitter through @vscode/tree-sitter-wasm (the runtime and grammars VS Code
// ships). Everything loads on first use: the runtime when the first file is parsed, each grammar when the first file
// of its language is. The host (src/node/tree-sitter-host.ts) hands in how to load the runtime and where the wasm
// files are (beside the bundle in dist/, or the package's own folder in tests): a bundle cannot find assets from its
// own path, and the engine imports no host module.
import type { Language, Node, Parser, Query, Tree } from '@vscode/tree-sitter-wasm';
import { GRAMMAR_FILES, type LanguageId } from './languages';

export type { Language, Node, Query, Tree };

/** Files larger than this are not parsed: callers count them as skipped (contract: never dropped silently). */
export const MAX_PARSE_BYTES = 1024 * 1024;
/** A parse that runs longer than this is abandoned (tree-sitter's progress callback). */
export const PARSE_TIMEOUT_MS = 2_000;

type Runtime = typeof import('@vscode/tree-sitter-wasm');

/** What the parser needs from its host: tree-sitter's runtime (tree-sitter.js) and the paths of the wasm files. */
export interface TreeSitterHost {
  /** Loads tree-sitter.js from the wasm folder. */
  loadRuntime(): Runtime;
  /** The path of a file in the wasm folder: tree-sitter.wasm or a grammar's .wasm. */
  locate(file: string): string;
}

export type ParseFailure = 'too-large' | 'binary' | 'timeout' | 'no-grammar';

export class ParseError extends Error {
  override name = 'ParseError';
  constructor(
    readonly reason: ParseFailure,
    message: string,
  ) {
    super(message);
  }
}

/** True when the text looks binary (a NUL in its first 8 KB), as git decides. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

export class CodeParser {
  private runtime: Promise<Runtime> | undefined;
  private readonly languages = new Map<LanguageId, Promise<Language>>();
  private readonly parsers = new Map<LanguageId, Parser>();
  private readonly queries = new Map<string, Query>();
  private disposed = false;

  /** The host's wasm folder holds tree-sitter.js, tree-sitter.wasm and the grammars' .wasm files. */
  constructor(private readonly host: TreeSitterHost) {}

  private loadRuntime(): Promise<Runtime> {
    this.runtime ??= (async () => {
      // Loaded from the wasm folder at run time, not bundled: it is only needed once a file is parsed.
      const runtime = this.host.loadRuntime();
      await runtime.Parser.init({ locateFile: (file: string) => this.host.locate(file) });
      return runtime;
    })();
    return this.runtime;
  }

  language(id: LanguageId): Promise<Language> {
    let language = this.languages.get(id);
    if (!language) {
      language = this.loadRuntime().then((runtime) => runtime.Language.load(this.host.locate(GRAMMAR_FILES[id])));
      this.languages.set(id, language);
      // A failed load may be retried by a later call.
      language.catch(() => this.languages.delete(id));
    }
    return language;
  }

  /**
   * Parses `text`; the caller owns the tree and must `delete()` it (or use `withTree`). `old` is a previous tree of
   * the same document already `edit()`ed, for an incremental re-parse.
   */
  async parse(id: LanguageId, text: string, old?: Tree): Promise<Tree> {
    if (this.disposed) throw new Error('The parser was disposed.');
    if (text.length > MAX_PARSE_BYTES) throw new ParseError('too-large', `over ${MAX_PARSE_BYTES} bytes`);
    if (looksBinary(text)) throw new ParseError('binary', 'binary content');
    const language = await this.language(id);
    let parser = this.parsers.get(id);
    if (!parser) {
      const runtime = await this.loadRuntime();
      parser = new runtime.Parser();
      parser.setLanguage(language);
      this.parsers.set(id, parser);
    }
    const deadline = performance.now() + PARSE_TIMEOUT_MS;
    const tree = parser.parse(text, old ?? null, { progressCallback: () => performance.now() > deadline });
    if (!tree) {
      parser.reset();
      throw new ParseError('timeout', `parse took over ${PARSE_TIMEOUT_MS} ms`);
    }
    return tree;
  }

  /** Parses, hands the tree to `read`, and frees it whatever `read` does. */
  async withTree<T>(id: LanguageId, text: string, read: (tree: Tree, language: Language) => T): Promise<T> {
    const tree = await this.parse(id, text);
    try {
      return read(tree, tree.language);
    } finally {
      tree.delete();
    }
  }

  /** A compiled query, once per language and source. */
  async query(id: LanguageId, source: string): Promise<Query> {
    const key = `${id}\u0000${source}`;
    let query = this.queries.get(key);
    if (!query) {
      const runtime = await this.loadRuntime();
      query = new runtime.Query(await this.language(id), source);
      this.queries.set(key, query);
    }
    return query;
  }

  dispose(): void {
    this.disposed = true;
    for (const parser of this.parsers.values()) parser.delete();
    for (const query of this.queries.values()) query.delete();
    this.parsers.clear();
    this.queries.clear();
  }
}
