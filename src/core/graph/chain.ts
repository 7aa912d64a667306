// A chain of indirect reach (contract §5.6) and the one way it reads, on every surface. Beside the graph that finds
// it, so the graph and its tests need nothing from the renderers above it.

/** What a chain is drawn from: the files, the steps taken through an interface, the symbol at the end. */
export interface Chain {
  via: readonly string[];
  standIns?: readonly { index: number; implements: string }[];
  symbol?: string;
}

/**
 * The one way a chain reads, on every surface (contract §5.6): `a.ts › b.ts`; a step through an interface as
 * `OrderService.java (implemented by OrderServiceImpl.java) › OrderController.java`; a symbol-scoped touchpoint's
 * symbol last (`helpers.py › views.py › ping`). `file` draws a file (a path, a link), `plain` escapes the words.
 */
export function renderChain(
  chain: Chain,
  file: (path: string) => string,
  plain: (text: string) => string = (t) => t,
): string {
  const parts = chain.via.map((path, i) => {
    const standIn = chain.standIns?.find((s) => s.index === i);
    return standIn ? `${file(standIn.implements)} ${plain('(implemented by ')}${file(path)}${plain(')')}` : file(path);
  });
  if (chain.symbol !== undefined) parts.push(plain(chain.symbol));
  return parts.join(plain(' › '));
}

/** Every file a chain names, interfaces included. */
export function chainFiles(chain: Chain): string[] {
  return [...chain.via, ...(chain.standIns ?? []).map((s) => s.implements)];
}
