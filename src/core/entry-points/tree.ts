// Small readers of tree-sitter nodes shared by the detectors.
import type { Node } from '../code/parser';

export function kids(node: Node): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const child = node.namedChild(i);
    if (child) out.push(child);
  }
  return out;
}

/** Every named node below `node` (itself included), depth first, in document order. */
export function walk(node: Node, visit: (node: Node) => boolean | void): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (visit(current) === false) continue;
    for (let i = current.namedChildCount - 1; i >= 0; i--) {
      const child = current.namedChild(i);
      if (child) stack.push(child);
    }
  }
}

/** 1-based line. */
export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

const STRING_PARTS = new Set(['string_fragment', 'string_content', 'escape_sequence', 'string_start', 'string_end']);

/**
 * The value of a string literal with no interpolation, in any of the grammars read here; undefined for anything
 * else (a variable, a template with `${}`), so a route built at run time is never guessed.
 */
export function literal(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string': {
      // TS/JS: string_fragment children; Python: string_start, string_content, string_end.
      const parts = kids(node);
      if (parts.some((p) => !STRING_PARTS.has(p.type))) return undefined;
      return parts
        .filter((p) => p.type !== 'string_start' && p.type !== 'string_end')
        .map((p) => p.text)
        .join('');
    }
    case 'template_string':
      return kids(node).some((p) => p.type === 'template_substitution') ? undefined : node.text.slice(1, -1);
    case 'interpreted_string_literal':
    case 'string_literal':
      return node.text.slice(1, -1);
    case 'raw_string_literal':
      return node.text.slice(1, -1);
    default:
      return undefined;
  }
}

/** Joins a prefix and a path as routers do: one `/` between them, none doubled, a leading `/`. */
export function joinRoute(prefix: string, route: string): string {
  const parts = [prefix, route].map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p.length > 0);
  const joined = `/${parts.join('/')}`;
  return route.endsWith('/') && route.length > 1 && joined !== '/' ? `${joined}/` : joined;
}

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
