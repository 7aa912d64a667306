// Matching `symbols` entries (contract §3) against qualified symbol names such as `PaymentService.charge`.

/** One symbol of a document, flattened: `Outer.inner` names and where the name is. */
export interface QualifiedSymbol<R> {
  name: string;
  /** The symbol's own name range (where a lens or hover belongs). */
  selectionRange: R;
  range: R;
}

export interface SymbolTree<R> {
  name: string;
  range: R;
  selectionRange: R;
  children?: readonly SymbolTree<R>[];
}

/** Flattens a document-symbol tree into `Outer.inner` names, depth first, in document order. */
export function qualifySymbols<R>(roots: readonly SymbolTree<R>[]): QualifiedSymbol<R>[] {
  const out: QualifiedSymbol<R>[] = [];
  const walk = (nodes: readonly SymbolTree<R>[], prefix: string) => {
    for (const node of nodes) {
      const name = prefix ? `${prefix}.${symbolBaseName(node.name)}` : symbolBaseName(node.name);
      out.push({ name, range: node.range, selectionRange: node.selectionRange });
      if (node.children?.length) walk(node.children, name);
    }
  };
  walk(roots, '');
  return out;
}

/** Language servers decorate names (`charge(amount)`, `constructor`): keep the identifier only. */
function symbolBaseName(name: string): string {
  const m = /^[^\s(<:[]+/.exec(name.trim());
  return m ? m[0] : name.trim();
}

/** `*` matches within a segment; segments are separated by `.`; the whole name must match. */
export function symbolMatches(pattern: string, qualifiedName: string): boolean {
  const want = pattern.split('.');
  const have = qualifiedName.split('.');
  if (want.length !== have.length) return false;
  return want.every((segment, i) => segmentMatches(segment, have[i] ?? ''));
}

function segmentMatches(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const parts = pattern.split('*');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (!name.startsWith(first) || name.length < first.length + last.length || !name.endsWith(last)) return false;
  let at = first.length;
  const end = name.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = name.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

/** True when any of the touchpoint's `symbols` names this symbol. */
export function anySymbolMatches(patterns: readonly string[], qualifiedName: string): boolean {
  return patterns.some((p) => symbolMatches(p, qualifiedName));
}
