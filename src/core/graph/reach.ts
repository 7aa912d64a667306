// Indirect reach (contract §5.3): from a changed file that no touchpoint covers, breadth-first over its importers to
// the nearest files that touchpoints do cover. Each touchpoint is reached once, by a shortest chain; a covered file
// ends the walk there (the touchpoint is what the change reaches, not what lies beyond it). A file that too much
// depends on is shared infrastructure: reported once with its importer count instead of against every journey.
import type { DependencyGraph } from './graph';

export interface IndirectOptions {
  /** Hops reported in full; 0 turns indirect reach off. */
  maxHops: number;
  /** More transitive importers than this makes a file shared infrastructure. */
  sharedAbove: number;
  /** Reaching this many journeys within 2 hops also does. */
  sharedJourneys: number;
}

export const DEFAULT_INDIRECT: IndirectOptions = { maxHops: 2, sharedAbove: 300, sharedJourneys: 5 };

/** What a covered file is covered by, reduced to what reach needs: a touchpoint key and its journey's key. */
export interface ReachTarget<T> {
  touchpoint: string;
  journey: string;
  value: T;
}

export interface ReachHit<T> {
  target: ReachTarget<T>;
  /** The covered file the walk reached. */
  file: string;
  /** 1: a touchpoint's file imports the changed file (likely); 2: possible; more only up to maxHops. */
  hops: number;
  /** The chain from the changed file to the covered file, both included. */
  via: string[];
}

export interface FileReach<T> {
  file: string;
  hits: ReachHit<T>[];
  /** Touchpoints reached only beyond maxHops: counted, not listed. */
  beyond: number;
  /** Set when the file is shared infrastructure; then `hits` is empty. */
  shared?: { importers: number; journeys: number };
}

/** How many files depend on `start`, directly or not (itself excluded). */
export function transitiveImporters(graph: DependencyGraph, start: number): number {
  const seen = new Uint8Array(graph.files.length);
  seen[start] = 1;
  const queue = [start];
  let count = 0;
  for (let head = 0; head < queue.length; head++) {
    for (const from of graph.importers[queue[head]!]!) {
      if (seen[from]) continue;
      seen[from] = 1;
      count++;
      queue.push(from);
    }
  }
  return count;
}

export function reachOf<T>(
  graph: DependencyGraph,
  file: string,
  coverageOf: (file: string) => ReachTarget<T>[],
  options: IndirectOptions,
): FileReach<T> {
  const start = graph.indexOf(file);
  const out: FileReach<T> = { file, hits: [], beyond: 0 };
  if (start === undefined || options.maxHops <= 0 || graph.excluded[start]) return out;

  const parent = new Int32Array(graph.files.length).fill(-2);
  const hops = new Uint16Array(graph.files.length);
  parent[start] = -1;
  const queue = [start];
  const reached = new Set<string>();
  const beyond = new Set<string>();
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    if (at !== start) {
      const targets = coverageOf(graph.files[at]!);
      if (targets.length > 0) {
        for (const target of targets) {
          if (reached.has(target.touchpoint)) continue;
          if (hops[at]! <= options.maxHops) {
            reached.add(target.touchpoint);
            out.hits.push({ target, file: graph.files[at]!, hops: hops[at]!, via: chain(graph, parent, at) });
          } else beyond.add(target.touchpoint);
        }
        continue;
      }
    }
    for (const from of graph.importers[at]!) {
      if (parent[from] !== -2) continue;
      parent[from] = at;
      hops[from] = hops[at]! + 1;
      queue.push(from);
    }
  }
  for (const t of reached) beyond.delete(t);
  out.beyond = beyond.size;

  const importers = transitiveImporters(graph, start);
  const near = new Set(out.hits.filter((h) => h.hops <= 2).map((h) => h.target.journey));
  if (importers > options.sharedAbove || near.size >= options.sharedJourneys) {
    out.shared = { importers, journeys: new Set(out.hits.map((h) => h.target.journey)).size };
    out.hits = [];
    out.beyond = 0;
  }
  return out;
}

function chain(graph: DependencyGraph, parent: Int32Array, end: number): string[] {
  const path: string[] = [];
  for (let at = end; at >= 0; at = parent[at]!) path.push(graph.files[at]!);
  return path.reverse();
}
