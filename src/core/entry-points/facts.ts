// The engine's question "which entry points does this file register?" (src/core/questions/questions.ts): every detector
// of the file's language over one parse. The answer is per file and plain; `assembleEntryPoints` joins the files.
import type { LanguageId } from '../code/languages';
import type { CodeParser } from '../code/parser';
import { detectGo } from './go-http';
import { detectResolverMaps } from './graphql-maps';
import { detectNest } from './nest';
import { detectNextExports } from './next';
import { detectPython } from './python';
import { detectSpring } from './spring';
import { readTsModule } from './ts-module';
import { detectTsRouters } from './ts-routers';
import type { EntryFacts } from './types';

// The answer must not depend on the path: the reader caches answers by content (two files with the same text share
// one). What depends on the path (Next.js routes, where a handler is) is decided by the assembly.
export async function entryPointFacts(
  parser: CodeParser,
  language: LanguageId,
  text: string,
  _path: string,
): Promise<EntryFacts> {
  const facts: EntryFacts = { entries: [], mounts: [] };
  if (!mayHaveEntries(language, text)) return facts;
  return parser.withTree(language, text, (tree) => {
    const root = tree.rootNode;
    switch (language) {
      case 'typescript':
      case 'tsx':
      case 'javascript': {
        const module = readTsModule(root);
        if (module.defaultExport !== undefined) facts.defaultExport = module.defaultExport;
        detectTsRouters(module, facts);
        detectNest(module, facts);
        detectResolverMaps(module, facts);
        detectNextExports(module, facts);
        break;
      }
      case 'go':
        detectGo(root, facts);
        break;
      case 'python':
        detectPython(root, facts);
        break;
      case 'java':
        detectSpring(root, facts);
        break;
      default:
        break;
    }
    return facts;
  });
}

/**
 * Most files register nothing: a cheap look at the text skips their parse. Go files are always read, because a
 * handler's method is found through the methods its package defines.
 */
export function mayHaveEntries(language: LanguageId, text: string): boolean {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
      return /\b(express|fastify|koa|hono|nestjs|type-graphql|graphql|apollo|mercurius|next)\b|Query|Mutation|[Rr]esolvers|export\s+default|export\s+(async\s+)?(function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/.test(
        text,
      );
    case 'go':
      return true;
    case 'python':
      return /\b(flask|fastapi|django)\b/.test(text);
    case 'java':
      return text.includes('org.springframework.web.bind.annotation');
    default:
      return false;
  }
}
