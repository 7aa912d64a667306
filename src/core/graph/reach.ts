// Indirect reach (contract §5.3): from a changed file that no touchpoint covers, breadth-first over its importers to
// the nearest files that touchpoints do cover. Each touchpoint is reached once, by a shortest chain; a covered file
// ends the walk there (the touchpoint is what the change reaches, not what lies beyond it). A file that too much
// depends on is shared infrastructure: reported once with its importer count instead of against every journey.
import { anySymbolMatches } from '../symbols';
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
  /** A touchpoint scoped to `symbols` (contract §3): reached only through an import its symbols use. */
  symbols?: readonly string[];
}

/** A step of a chain where an implementation stands in for what it implements (contract §5.6). */
export interface StandIn {
  /** `via[index]` implements an interface or abstract class of `implements`, which `via[index + 1]` uses. */
  index: number;
  implements: string;
}

export interface ReachHit<T> {
  target: ReachTarget<T>;
  /** The covered file the walk reached. */
  file: string;
  /** 1: a touchpoint's file imports the changed file (likely); 2: possible; more only up to maxHops. */
  hops: number;
  /** The chain from the changed file to the covered file, both included. */
  via: string[];
  /** The steps of the chain taken through an interface its implementation stands in for. */
  standIns?: StandIn[];
  /** For a touchpoint scoped to symbols: the covered file's symbol that uses the import. */
  symbol?: string;
}

export interface FileReach<T> {
  file: string;
  hits: ReachHit<T>[];
  /** Touchpoints reached only beyond maxHops: counted, not listed. */
  beyond: number;
  /** Set when the file is shared infrastructure; then `hits` is empty. */
  shared?: { importers: number; journeys: number };
}

/** Scratch arrays for walks over one graph, reused from walk to walk (a 1,000-file change walks 1,000 times). */
interface Scratch {
  parent: Int32Array;
  hops: Uint16Array;
  /** `stamp[i] === epoch`: visited in the current walk. */
  stamp: Uint32Array;
  epoch: number;
  queue: Int32Array;
  /** `through[i] >= 0`: i was reached as a user of that file, which its parent implements. */
  through: Int32Array;
  /** `hubDone[h] === epoch`: every importer of hub h is visited in the current walk (see DependencyGraph's Hub). */
  hubDone: Uint32Array;
  /** Skips the hubs already passed in the current walk. */
  skip: (hub: number) => boolean;
}

const scratchOf = new WeakMap<DependencyGraph, Scratch>();

function scratch(graph: DependencyGraph): Scratch {
  let s = scratchOf.get(graph);
  if (!s) {
    const n = graph.files.length;
    const made: Scratch = {
      parent: new Int32Array(n),
      hops: new Uint16Array(n),
      stamp: new Uint32Array(n),
      epoch: 0,
      queue: new Int32Array(n),
      through: new Int32Array(n),
      hubDone: new Uint32Array(graph.hubCount),
      skip: (hub) => made.hubDone[hub] === made.epoch,
    };
    s = made;
    scratchOf.set(graph, s);
  }
  // A save can add hubs.
  if (s.hubDone.length < graph.hubCount) {
    const grown = new Uint32Array(graph.hubCount);
    grown.set(s.hubDone);
    s.hubDone = grown;
  }
  s.epoch++;
  if (s.epoch === 0xffffffff) {
    s.stamp.fill(0);
    s.hubDone.fill(0);
    s.epoch = 1;
  }
  return s;
}

/** After a walk has visited every importer of `at`: the hubs `at` is a member of are passed. */
function passHubs(graph: DependencyGraph, s: Scratch, at: number): void {
  const hubs = graph.hubsOf(at);
  if (hubs) for (const h of hubs) s.hubDone[h] = s.epoch;
}

/** How many files depend on `start`, directly or not (itself excluded). */
export function transitiveImporters(graph: DependencyGraph, start: number): number {
  const s = scratch(graph);
  const { stamp, queue, epoch } = s;
  const hubbed = s.hubDone.length > 0;
  stamp[start] = epoch;
  queue[0] = start;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const at = queue[head]!;
    const list = hubbed ? graph.importersOf(at, s.skip) : graph.directImporters(at);
    for (let k = 0; k < list.length; k++) {
      const from = list[k]!;
      if (stamp[from] === epoch) continue;
      stamp[from] = epoch;
      queue[tail++] = from;
    }
    if (hubbed) passHubs(graph, s, at);
    for (const f of graph.standIn[at]!) {
      for (const from of hubbed ? graph.importersOf(f) : graph.directImporters(f)) {
        if (stamp[from] === epoch || graph.standIn[from]!.includes(f)) continue;
        stamp[from] = epoch;
        queue[tail++] = from;
      }
    }
  }
  return tail - 1;
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

  const s = scratch(graph);
  const { parent, hops, stamp, queue, epoch, through } = s;
  const hubbed = s.hubDone.length > 0;
  parent[start] = -1;
  through[start] = -1;
  hops[start] = 0;
  stamp[start] = epoch;
  queue[0] = start;
  let tail = 1;
  const reached = new Set<string>();
  const beyond = new Set<string>();
  for (let head = 0; head < tail; head++) {
    const at = queue[head]!;
    if (at !== start) {
      const targets = coverageOf(graph.files[at]!);
      let covers = false;
      let uses: readonly string[] | undefined | null = null;
      for (const target of targets) {
        // A touchpoint scoped to symbols is reached only when one of them uses the import (contract §5.6).
        let symbol: string | undefined;
        if (target.symbols && target.symbols.length > 0) {
          if (uses === null) uses = graph.usedIn(at, through[at]! >= 0 ? through[at]! : parent[at]!);
          if (uses !== undefined) {
            const matching = uses.filter((name) => anySymbolMatches(target.symbols!, name));
            if (matching.length === 0) continue;
            symbol = matching.reduce((a, b) => (b.length > a.length ? b : a));
          }
        }
        covers = true;
        if (reached.has(target.touchpoint)) continue;
        if (hops[at]! <= options.maxHops) {
          reached.add(target.touchpoint);
          const hit: ReachHit<T> = { target, file: graph.files[at]!, hops: hops[at]!, via: chain(graph, parent, at) };
          const standIns = standInsOf(graph, parent, through, at);
          if (standIns.length > 0) hit.standIns = standIns;
          if (symbol !== undefined) hit.symbol = symbol;
          out.hits.push(hit);
        } else beyond.add(target.touchpoint);
      }
      // A covered file ends the walk; one whose touchpoints' symbols do not use the import is passed through.
      if (covers) continue;
    }
    const next = Math.min(hops[at]! + 1, 0xffff);
    // Importers through a hub already passed are all visited: skipped without a look (a package of 5,000 files
    // imported by 5,000 files is 5,000 looks, not 25 million).
    const list = hubbed ? graph.importersOf(at, s.skip) : graph.directImporters(at);
    for (let k = 0; k < list.length; k++) {
      const from = list[k]!;
      if (stamp[from] === epoch) continue;
      stamp[from] = epoch;
      parent[from] = at;
      through[from] = -1;
      hops[from] = next;
      queue[tail++] = from;
    }
    if (hubbed) passHubs(graph, s, at);
    // An implementation reaches what the users of its interface reach, at their hop count (contract §5.6); other
    // implementations of the same interface are not its users.
    for (const f of graph.standIn[at]!) {
      for (const from of hubbed ? graph.importersOf(f) : graph.directImporters(f)) {
        if (stamp[from] === epoch || graph.standIn[from]!.includes(f)) continue;
        stamp[from] = epoch;
        parent[from] = at;
        through[from] = f;
        hops[from] = next;
        queue[tail++] = from;
      }
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

function standInsOf(graph: DependencyGraph, parent: Int32Array, through: Int32Array, end: number): StandIn[] {
  const out: StandIn[] = [];
  let depth = 0;
  for (let at = end; at >= 0; at = parent[at]!) depth++;
  let index = depth - 1;
  for (let at = end; at >= 0; at = parent[at]!, index--) {
    if (through[at]! >= 0) out.push({ index: index - 1, implements: graph.files[through[at]!]! });
  }
  return out.reverse();
}

function chain(graph: DependencyGraph, parent: Int32Array, end: number): string[] {
  const path: string[] = [];
  for (let at = end; at >= 0; at = parent[at]!) path.push(graph.files[at]!);
  return path.reverse();
}
