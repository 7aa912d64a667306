// The indexed side of the matcher. Patterns are compiled into alternatives (braces expanded) and
// hung on a trie of literal folder names, so a lookup walks the path's folders once and tests
// only the patterns anchored along that walk. Common shapes are decided with string operations;
// minimatch decides the rest. NaiveMatcher is the definition this must agree with.
import { GLOBSTAR, Minimatch, type ParseReturn, type ParseReturnFiltered } from 'minimatch';
import { MATCH_OPTIONS, expandAlternatives, normalizePattern } from './pattern';

/** How a generic alternative is tested; see PatternIndex.addGenericAlternative. */
const FIXED = 0;
const DEEP = 1;
const WHOLE = 2;

const NO_PARTS: SegmentPart[] = [];
const NO_TAILS: string[] = [];

/** A segment test from minimatch's parsed pattern: a literal, its segment regex, or `false` (matches nothing). */
type SegmentPart = Exclude<ParseReturn, typeof GLOBSTAR>;

/** One brace alternative of one pattern. `pid` is the pattern's index in the catalog. */
interface Alternative {
  pid: number;
  dirOnly: boolean;
  /** For `*X` shapes: the literal X. */
  suffix: string;
  /** Segments in the governing map's folder: the alternative only sees path text after it. */
  mapDepth: number;
  /** Generic only: FIXED, DEEP or WHOLE. */
  kind: number;
  /** Generic FIXED: the one depth it matches at. */
  fixedDepth: number;
  /** Generic DEEP and WHOLE: the shallowest depth worth testing. */
  minDepth: number;
  /** Generic FIXED: the parts after the literal folders, from depth `fixedDepth - parts.length + 1`. DEEP: the parts after `**`, ending at the tested depth. */
  parts: SegmentPart[];
  /** Generic FIXED and DEEP: what each part's matches must end with ('' = anything). */
  tails: string[];
  /** Generic WHOLE: minimatch's own decision on the path text relative to the map's folder. */
  test: ((relative: string) => boolean) | undefined;
}

/** Shared by every node without such patterns; never pushed to. */
const NO_ALTERNATIVES: Alternative[] = [];

/** Options for one brace alternative (see PatternIndex.compiled). */
const MEMBER_OPTIONS = { ...MATCH_OPTIONS, nobrace: true, nonegate: true, nocomment: true };

/** The slice of a Minimatch that addGenericAlternative reads. */
interface CompiledGlob {
  set: ParseReturnFiltered[][];
  match(relative: string): boolean;
}

class TrieNode {
  /** Made when the first child is (as the lists below): most nodes are leaves with one list. */
  children: Map<string, TrieNode> | undefined;
  /** Literal patterns naming exactly this folder or file. */
  exact: Alternative[] = NO_ALTERNATIVES;
  /** `here/**`, `here/*`, `here/**\/*`: every child matches. */
  anyChild: Alternative[] = NO_ALTERNATIVES;
  /** Some anyChild alternatives are folder-only. */
  anyChildFolders = false;
  /** `here/*X`, keyed by the text after the last dot of X (see suffixKey). */
  childSuffix: Map<string, Alternative[]> | undefined;
  /** `here/**\/name` (and `here/**\/name/**` as a folder-only entry), keyed by name. */
  deepName: Map<string, Alternative[]> | undefined;
  /** `here/**\/*X`, keyed like childSuffix. */
  deepSuffix: Map<string, Alternative[]> | undefined;
  /** Everything else anchored here: decided by minimatch. */
  generic: Alternative[] | undefined;
  /** Has deepName, deepSuffix or generic: patterns that can match below the next level. */
  reachesDeep = false;

  constructor(readonly depth: number) {}
}

/**
 * Index key of a `*X` segment: the text after the last `.` of X, or `\0` when X has no dot.
 * A name ending with X has the same text after its last dot when X contains a dot, so one Map
 * lookup per name finds every candidate; dotless suffixes share the `\0` list and are all tested.
 */
function suffixKey(suffix: string): string {
  const dot = suffix.lastIndexOf('.');
  return dot < 0 ? '\0' : suffix.slice(dot + 1);
}

const NO_DOT_KEY = '\0';

function nameKey(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? NO_DOT_KEY : name.slice(dot + 1);
}

/** A segment minimatch reads as plain text: no glob, escape, extglob or brace character, not `.`/`..`. */
function isPlainSegment(segment: string): boolean {
  if (segment === '' || segment === '.' || segment === '..') return false;
  for (let i = 0; i < segment.length; i++) {
    switch (segment.charCodeAt(i)) {
      case 0x2a: // *
      case 0x3f: // ?
      case 0x5b: // [
      case 0x5d: // ]
      case 0x28: // (
      case 0x29: // )
      case 0x21: // !
      case 0x2b: // +
      case 0x40: // @
      case 0x5c: // \
      case 0x7b: // {
      case 0x7d: // }
        return false;
    }
  }
  return true;
}

/** `*X` with X plain: returns X, else undefined. */
function starSuffix(segment: string): string | undefined {
  if (segment.length < 2 || segment.charCodeAt(0) !== 0x2a) return undefined;
  const suffix = segment.slice(1);
  return isPlainSegment(suffix) ? suffix : undefined;
}

function push<K>(map: Map<K, Alternative[]> | undefined, key: K, alternative: Alternative): Map<K, Alternative[]> {
  const target = map ?? new Map<K, Alternative[]>();
  const list = target.get(key);
  if (list) list.push(alternative);
  else target.set(key, [alternative]);
  return target;
}

/** minimatch's matchOne for parts without `**`: each segment from `offset` on matches its part. */
function partsMatch(alternative: Alternative, segments: readonly string[], offset: number): boolean {
  const { parts, tails } = alternative;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = segments[offset + i]!;
    if (typeof part === 'string') {
      if (part !== segment) return false;
    } else if (part === false || !segment.endsWith(tails[i]!) || !part.test(segment)) {
      return false;
    }
  }
  return true;
}

/**
 * The literal text a glob segment ends with (`.sql` for `?(x)*.sql`), which every matching name
 * must end with too: a cheap test before the regex. Empty when there is none, or when escapes
 * make the text differ from what it matches.
 */
function literalTail(segment: string): string {
  if (segment.includes('\\')) return '';
  let start = segment.length;
  while (start > 0 && !'*?[]()!+@{}'.includes(segment[start - 1]!)) start--;
  return segment.slice(start);
}

export interface IndexedPattern {
  /** The map folder the pattern is relative to ('' for the root). */
  dir: string;
  source: string;
  negated: boolean;
}

/** Counts of how patterns were indexed, for the benchmark and for tests that the fast paths are used. */
export interface IndexShape {
  alternatives: number;
  exact: number;
  anyChild: number;
  childSuffix: number;
  deepName: number;
  deepSuffix: number;
  generic: number;
  /** Generic alternatives anchored at the root of a map: tested for every path the map governs. */
  floatingGeneric: number;
  regexPatterns: number;
  wholeTextPatterns: number;
}

export class PatternIndex {
  readonly root = new TrieNode(0);
  readonly shape: IndexShape = {
    alternatives: 0,
    exact: 0,
    anyChild: 0,
    childSuffix: 0,
    deepName: 0,
    deepSuffix: 0,
    generic: 0,
    floatingGeneric: 0,
    regexPatterns: 0,
    wholeTextPatterns: 0,
  };
  private readonly regexPids = new Set<number>();
  private readonly wholePids = new Set<number>();

  constructor(patterns: readonly IndexedPattern[]) {
    patterns.forEach((pattern, pid) => {
      try {
        this.add(pid, pattern);
      } catch {
        // minimatch refuses some inputs (over 64 KiB, for one): such a pattern matches nothing.
      }
    });
  }

  /** The first `count` segments below `node`, made when missing. */
  private nodeBelow(node: TrieNode, segments: readonly string[], count: number): TrieNode {
    for (let i = 0; i < count; i++) {
      const segment = segments[i]!;
      const children = (node.children ??= new Map<string, TrieNode>());
      let child = children.get(segment);
      if (!child) {
        child = new TrieNode(node.depth + 1);
        children.set(segment, child);
      }
      node = child;
    }
    return node;
  }

  private readonly mapNodes = new Map<string, { node: TrieNode; segments: readonly string[] }>();

  /** The node of a map's folder, remembered: every pattern of the map starts there. */
  private mapNode(dir: string): { node: TrieNode; segments: readonly string[] } {
    let entry = this.mapNodes.get(dir);
    if (!entry) {
      const segments = dir === '' ? [] : dir.split('/');
      entry = { node: this.nodeBelow(this.root, segments, segments.length), segments };
      this.mapNodes.set(dir, entry);
    }
    return entry;
  }

  private add(pid: number, pattern: IndexedPattern): void {
    const normalized = normalizePattern(pattern.source, pattern.negated);
    if (!normalized) return;
    const { body, dirOnly } = normalized;
    const mapNode = this.mapNode(pattern.dir);
    const mapSegments = mapNode.segments;
    const mapDepth = mapSegments.length;
    const base = (): Alternative => ({ pid, dirOnly, suffix: '', mapDepth, kind: WHOLE, fixedDepth: -1, minDepth: mapDepth + 1, parts: NO_PARTS, tails: NO_TAILS, test: undefined });

    // minimatch reads a leading `#` as a comment and a leading `!` as negation of the whole
    // pattern, before braces: such patterns are handed to minimatch whole.
    if (body.startsWith('#') || body.startsWith('!')) {
      const glob = new Minimatch(body, MATCH_OPTIONS);
      this.addGeneric(mapNode.node, { ...base(), test: (relative) => glob.match(relative) });
      return;
    }

    // Brace expansion only for a pattern with a brace (most have none).
    const alternatives = body.includes('{') ? new Set(expandAlternatives(body)) : [body];
    for (const alternative of alternatives) {
      this.shape.alternatives++;
      const segments = alternative.split('/');
      // minimatch collapses `//` and resolves `.` and `..`, so such a pattern may match above or
      // beside its literal start, and at another depth: only minimatch, from the map's folder, can say.
      let irregular = false;
      for (const segment of segments) if (segment === '' || segment === '.' || segment === '..') irregular = true;
      let plain = 0;
      while (!irregular && plain < segments.length && isPlainSegment(segments[plain]!)) plain++;
      const anchor = this.nodeBelow(mapNode.node, segments, plain);
      const rest = segments.slice(plain);
      const first = rest[0];
      const second = rest[1];
      if (rest.length === 0) {
        if (anchor.exact === NO_ALTERNATIVES) anchor.exact = [];
        anchor.exact.push(base());
        this.shape.exact++;
        continue;
      }
      // `**/*` is `**` minus the folder itself, which `**` never matches either.
      if ((rest.length === 1 && (first === '**' || first === '*')) || (rest.length === 2 && first === '**' && second === '*')) {
        if (anchor.anyChild === NO_ALTERNATIVES) anchor.anyChild = [];
        anchor.anyChild.push(base());
        anchor.anyChildFolders ||= dirOnly;
        this.shape.anyChild++;
        continue;
      }
      if (rest.length === 1 && first !== undefined) {
        const suffix = starSuffix(first);
        if (suffix !== undefined) {
          anchor.childSuffix = push(anchor.childSuffix, suffixKey(suffix), { ...base(), suffix });
          this.shape.childSuffix++;
          continue;
        }
      }
      if (rest.length === 2 && first === '**' && second !== undefined) {
        if (isPlainSegment(second)) {
          anchor.deepName = push(anchor.deepName, second, base());
          anchor.reachesDeep = true;
          this.shape.deepName++;
          continue;
        }
        const suffix = starSuffix(second);
        if (suffix !== undefined) {
          anchor.deepSuffix = push(anchor.deepSuffix, suffixKey(suffix), { ...base(), suffix });
          anchor.reachesDeep = true;
          this.shape.deepSuffix++;
          continue;
        }
      }
      // `here/**/name/**` matches below any folder named `name`: the same coverage as `here/**/name/`. Not so when
      // the pattern ends in `/` itself: `here/**/name/**/` needs a folder below `name`.
      const third = rest[2];
      if (!dirOnly && rest.length === 3 && first === '**' && second !== undefined && isPlainSegment(second) && (third === '**' || third === '*')) {
        anchor.deepName = push(anchor.deepName, second, { ...base(), dirOnly: true });
        anchor.reachesDeep = true;
        this.shape.deepName++;
        continue;
      }
      this.addGenericAlternative(anchor, base(), this.compiled(alternative, segments, plain), segments, plain);
      if (anchor.depth === mapDepth) this.shape.floatingGeneric++;
    }
  }

  /**
   * The parts minimatch parsed are tested against the path's segments the way its matchOne does
   * (a literal compares equal, a regex tests one segment), so no path text is built or split:
   * - no `**`: matches only at the depth of its last part;
   * - parts then one trailing `**`: `**` needs at least one more segment (minimatch: `a/**` does not
   *   match `a`), so it matches the folders at the depth of its last part, as a folder-only pattern
   *   (not when the pattern itself ends in a slash: then it needs a folder below those, and minimatch decides);
   * - `**` then parts: the last parts of the prefix must match them;
   * - `**`, parts, `**`: the same, as a folder-only pattern.
   * Anything else, or a parse that does not line up with the segments, asks minimatch on the text.
   */
  private addGenericAlternative(anchor: TrieNode, alternative: Alternative, glob: CompiledGlob, segments: string[], plain: number): void {
    const parsed = glob.set.length === 1 ? glob.set[0] : undefined;
    const lined = parsed !== undefined && parsed.length === segments.length && parsed.slice(0, plain).every((part, i) => part === segments[i]);
    const rest = lined ? parsed.slice(plain) : [];
    const globstars = rest.filter((part) => part === GLOBSTAR).length;
    const last = rest.length - 1;
    // [from, to) of `rest` holds the parts to test; their glob text gives each a literal tail.
    const partsOf = (from: number, to: number): Pick<Alternative, 'parts' | 'tails'> => ({
      parts: rest.slice(from, to).filter((part): part is Exclude<ParseReturnFiltered, typeof GLOBSTAR> => part !== GLOBSTAR),
      tails: segments.slice(plain + from, plain + to).map(literalTail),
    });
    if (lined && globstars === 0) {
      this.addGeneric(anchor, { ...alternative, kind: FIXED, ...partsOf(0, rest.length), fixedDepth: anchor.depth + rest.length });
    } else if (lined && !alternative.dirOnly && globstars === 1 && last > 0 && rest[last] === GLOBSTAR) {
      this.addGeneric(anchor, { ...alternative, kind: FIXED, dirOnly: true, ...partsOf(0, last), fixedDepth: anchor.depth + last });
    } else if (lined && globstars === 1 && last > 0 && rest[0] === GLOBSTAR) {
      this.addGeneric(anchor, { ...alternative, kind: DEEP, ...partsOf(1, rest.length), minDepth: Math.max(alternative.mapDepth + 1, anchor.depth + last) });
    } else if (lined && !alternative.dirOnly && globstars === 2 && last > 1 && rest[0] === GLOBSTAR && rest[last] === GLOBSTAR) {
      // `**/X/**`: below any folders matching X, i.e. `**/X` as a folder-only pattern.
      this.addGeneric(anchor, { ...alternative, kind: DEEP, dirOnly: true, ...partsOf(1, last), minDepth: Math.max(alternative.mapDepth + 1, anchor.depth + last - 1) });
    } else {
      this.addGeneric(anchor, { ...alternative, minDepth: Math.max(alternative.mapDepth + 1, anchor.depth), test: (relative) => glob.match(relative) });
    }
  }

  private addGeneric(anchor: TrieNode, alternative: Alternative): void {
    const set = alternative.kind === WHOLE ? this.wholePids : this.regexPids;
    set.add(alternative.pid);
    this.shape.regexPatterns = this.regexPids.size;
    this.shape.wholeTextPatterns = this.wholePids.size;
    (anchor.generic ??= []).push(alternative);
    anchor.reachesDeep = true;
    this.shape.generic++;
  }

  /** Compiled alternatives' glob text after their literal folders (see compiled). */
  private readonly restGlobs = new Map<string, Minimatch>();

  /**
   * What addGenericAlternative needs of minimatch's compile of `alternative`. Maps repeat the same
   * glob below many folders (`+(api|web)*\/**` under a hundred of them), and minimatch compiles each
   * segment on its own, literal ones to themselves: so the part after the literal folders is
   * compiled once per distinct text and put behind the folders. `match` (the rare whole-text test)
   * compiles the whole alternative when first called.
   */
  private compiled(alternative: string, segments: readonly string[], plain: number): CompiledGlob {
    const restText = plain === 0 ? alternative : segments.slice(plain).join('/');
    let rest = this.restGlobs.get(restText);
    if (rest === undefined) {
      // Compiled from the alternative alone, exactly as minimatch compiles each member of its
      // brace set; nonegate/nocomment because those apply to the whole pattern, not to members.
      rest = new Minimatch(restText, MEMBER_OPTIONS);
      this.restGlobs.set(restText, rest);
    }
    let full: Minimatch | undefined = plain === 0 ? rest : undefined;
    const set = rest.set.length === 1 ? [[...segments.slice(0, plain), ...rest.set[0]!]] : [];
    return { set, match: (relative) => (full ??= new Minimatch(alternative, MEMBER_OPTIONS)).match(relative) };
  }
}

/** The folders of a walked path and the patterns they matched (IndexWalker.snapshot). */
export interface WalkerSnapshot {
  /** The folder's path with its trailing `/` ('' at the root). */
  readonly path: string;
  readonly depth: number;
  readonly segments: readonly string[];
  readonly ends: readonly number[];
  readonly nodes: ReadonlyArray<TrieNode | undefined>;
  readonly levelStart: readonly number[];
  readonly deepCount: readonly number[];
  readonly deepNodes: readonly TrieNode[];
  readonly folderHits: readonly number[];
  /** The level each of folderHits entered at. */
  readonly levels: readonly number[];
}

/**
 * Walks paths through a PatternIndex, keeping the patterns that matched each folder of the
 * current path on a stack. Consecutive paths share their common folders, so a sorted list
 * computes each folder once; any order is still correct, just slower.
 */
export class IndexWalker {
  /** Patterns matching a folder of the current path: they cover every file below it. */
  readonly folderHits: Int32Array;
  folderHitCount = 0;
  /** Patterns matching the current path itself (the file), not already in folderHits. */
  readonly fileHits: Int32Array;
  fileHitCount = 0;
  /** Bumped whenever folderHits changes. */
  folderVersion = 0;

  /** Level (1-based) at which a pattern entered folderHits, 0 when absent. */
  private readonly inFolders: Int32Array;
  private readonly fileStamp: Int32Array;
  private stamp = 0;

  private depth = 0;
  private readonly nodes: Array<TrieNode | undefined>;
  private readonly levelStart: number[] = [0];
  /** Trie nodes on the current path that hold patterns reaching below their children. */
  private readonly deepNodes: TrieNode[] = [];
  private readonly deepCount: number[] = [0];
  /** Character offset just past each segment of the current path. */
  private readonly ends: number[] = [0];
  private path = '';
  private readonly segments: string[] = [];

  /** Called with (pid, filesWalked) when a folder pattern leaves the stack, for per-pattern counts. */
  onFolderPatternLeft: ((pid: number, enteredAt: number) => void) | undefined;
  private readonly enteredAt: Float64Array;
  filesWalked = 0;

  constructor(
    private readonly index: PatternIndex,
    patternCount: number,
  ) {
    this.folderHits = new Int32Array(patternCount);
    this.fileHits = new Int32Array(patternCount);
    this.inFolders = new Int32Array(patternCount);
    this.fileStamp = new Int32Array(patternCount);
    this.enteredAt = new Float64Array(patternCount);
    this.nodes = [index.root];
    // Floating patterns of a root map hang on the root itself, which every path passes through.
    if (index.root.reachesDeep) this.deepNodes.push(index.root);
    this.deepCount[0] = this.deepNodes.length;
  }

  /**
   * Moves to `path` and fills folderHits and fileHits. False (and nothing filled) for a path with
   * an empty, `.` or `..` segment, which the caller answers another way.
   */
  visit(path: string): boolean {
    // The folders this path shares with the previous one: those that end before the first difference.
    const previous = this.path;
    const limit = Math.min(previous.length, path.length);
    let differ = 0;
    while (differ < limit && previous.charCodeAt(differ) === path.charCodeAt(differ)) differ++;
    let common = this.depth;
    while (common > 0 && this.ends[common]! >= differ) common--;
    this.popTo(common);
    this.path = path;
    const segments = this.segments;
    segments.length = common;
    let start = common === 0 ? 0 : this.ends[common]! + 1;
    for (;;) {
      const slash = path.indexOf('/', start);
      const end = slash < 0 ? path.length : slash;
      const segment = path.slice(start, end);
      if (segment === '' || segment === '.' || segment === '..') return false;
      segments.push(segment);
      this.ends[segments.length] = end;
      if (slash < 0) break;
      start = slash + 1;
    }
    const n = segments.length;
    for (let k = common + 1; k < n; k++) this.pushFolder(k);
    this.stamp++;
    this.fileHitCount = 0;
    this.matchLevel(n, true);
    this.filesWalked++;
    return true;
  }

  /**
   * The folder part of the walk after visit(): enough to come back to this folder later with
   * restore() instead of matching every folder again (Matcher caches one per recent folder).
   */
  snapshot(): WalkerSnapshot {
    const depth = this.depth;
    const count = this.folderHitCount;
    const hits = new Array<number>(count);
    const levels = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      const pid = this.folderHits[i]!;
      hits[i] = pid;
      levels[i] = this.inFolders[pid]!;
    }
    return {
      path: depth === 0 ? '' : this.path.slice(0, this.ends[depth]! + 1),
      depth,
      segments: this.segments.slice(0, depth),
      ends: this.ends.slice(0, depth + 1),
      nodes: this.nodes.slice(0, depth + 1),
      levelStart: this.levelStart.slice(0, depth + 1),
      deepCount: this.deepCount.slice(0, depth + 1),
      deepNodes: this.deepNodes.slice(0, this.deepCount[depth]),
      folderHits: hits,
      levels,
    };
  }

  /** Puts the walker back in the folder a snapshot was taken in: the next visit() of a file there matches only the file. */
  restore(snapshot: WalkerSnapshot): void {
    this.popTo(0);
    const { depth } = snapshot;
    for (let k = 0; k <= depth; k++) {
      this.ends[k] = snapshot.ends[k]!;
      this.nodes[k] = snapshot.nodes[k];
      this.levelStart[k] = snapshot.levelStart[k]!;
      this.deepCount[k] = snapshot.deepCount[k]!;
    }
    this.segments.length = 0;
    for (let k = 0; k < depth; k++) this.segments.push(snapshot.segments[k]!);
    this.deepNodes.length = 0;
    for (const node of snapshot.deepNodes) this.deepNodes.push(node);
    const hits = snapshot.folderHits;
    this.folderHitCount = hits.length;
    for (let i = 0; i < hits.length; i++) {
      const pid = hits[i]!;
      this.folderHits[i] = pid;
      this.inFolders[pid] = snapshot.levels[i]!;
      this.enteredAt[pid] = this.filesWalked;
    }
    this.depth = depth;
    this.path = snapshot.path;
    this.folderVersion++;
  }

  /** Empties the folder stack (reporting every pattern still on it to onFolderPatternLeft). */
  finish(): void {
    this.popTo(0);
  }

  private popTo(level: number): void {
    if (this.depth === level) return;
    for (let k = this.depth; k > level; k--) {
      const start = this.levelStart[k]!;
      for (let i = start; i < this.folderHitCount; i++) {
        const pid = this.folderHits[i]!;
        this.inFolders[pid] = 0;
        this.onFolderPatternLeft?.(pid, this.enteredAt[pid]!);
      }
      this.folderHitCount = start;
      this.deepNodes.length = this.deepCount[k - 1]!;
    }
    this.depth = level;
    this.folderVersion++;
  }

  private pushFolder(k: number): void {
    const segment = this.segments[k - 1]!;
    const node = this.nodes[k - 1]?.children?.get(segment);
    this.nodes[k] = node;
    this.levelStart[k] = this.folderHitCount;
    this.depth = k;
    this.matchLevel(k, false);
    // `here/**` and `here/*` match the next level of any path going through this folder, so they
    // are folder hits of this level: files directly inside then need not test them one by one.
    // Folder-only ones (`here/*/`) still wait for the next level to be a folder.
    if (node) for (const alternative of node.anyChild) if (!alternative.dirOnly) this.add(alternative, k, false);
    if (node?.reachesDeep) this.deepNodes.push(node);
    this.deepCount[k] = this.deepNodes.length;
    this.folderVersion++;
  }

  /** Adds every pattern matching the first k segments of the current path. */
  private matchLevel(k: number, isFile: boolean): void {
    const segment = this.segments[k - 1]!;
    const parent = this.nodes[k - 1];
    const node = isFile ? parent?.children?.get(segment) : this.nodes[k];
    if (node) {
      for (const alternative of node.exact) this.add(alternative, k, isFile);
      if (node.generic) this.matchGeneric(node.generic, k, isFile);
    }
    let key: string | undefined;
    if (parent) {
      // Deeper parents were pushed as folders, which added their anyChild patterns already.
      if (k === 1) for (const alternative of parent.anyChild) this.add(alternative, k, isFile);
      else if (!isFile && parent.anyChildFolders) for (const alternative of parent.anyChild) if (alternative.dirOnly) this.add(alternative, k, false);
      if (parent.childSuffix) this.matchSuffix(parent.childSuffix, segment, (key ??= nameKey(segment)), k, isFile);
    }
    const deepCount = this.deepCount[k - 1]!;
    for (let i = 0; i < deepCount; i++) {
      const deep = this.deepNodes[i]!;
      if (deep.deepName) {
        const list = deep.deepName.get(segment);
        if (list) for (const alternative of list) this.add(alternative, k, isFile);
      }
      if (deep.deepSuffix) this.matchSuffix(deep.deepSuffix, segment, (key ??= nameKey(segment)), k, isFile);
      if (deep.generic) this.matchGeneric(deep.generic, k, isFile);
    }
  }

  private matchSuffix(bySuffix: Map<string, Alternative[]>, segment: string, key: string, k: number, isFile: boolean): void {
    const list = bySuffix.get(key);
    if (list) for (const alternative of list) if (segment.endsWith(alternative.suffix)) this.add(alternative, k, isFile);
    if (key !== NO_DOT_KEY) {
      const dotless = bySuffix.get(NO_DOT_KEY);
      if (dotless) for (const alternative of dotless) if (segment.endsWith(alternative.suffix)) this.add(alternative, k, isFile);
    }
  }

  private matchGeneric(list: readonly Alternative[], k: number, isFile: boolean): void {
    for (const alternative of list) {
      if (alternative.kind === FIXED ? alternative.fixedDepth !== k : k < alternative.minDepth) continue;
      if (this.present(alternative, isFile)) continue;
      let hit: boolean;
      if (alternative.kind === WHOLE) {
        const start = alternative.mapDepth === 0 ? 0 : this.ends[alternative.mapDepth]! + 1;
        hit = alternative.test!(this.path.slice(start, this.ends[k]));
      } else {
        hit = partsMatch(alternative, this.segments, k - alternative.parts.length);
      }
      if (hit) this.add(alternative, k, isFile);
    }
  }

  private present(alternative: Alternative, isFile: boolean): boolean {
    const pid = alternative.pid;
    if (this.inFolders[pid] !== 0) return true;
    return isFile && (alternative.dirOnly || this.fileStamp[pid] === this.stamp);
  }

  private add(alternative: Alternative, k: number, isFile: boolean): void {
    if (this.present(alternative, isFile)) return;
    const pid = alternative.pid;
    if (isFile) {
      this.fileStamp[pid] = this.stamp;
      this.fileHits[this.fileHitCount++] = pid;
    } else {
      this.inFolders[pid] = k;
      this.enteredAt[pid] = this.filesWalked;
      this.folderHits[this.folderHitCount++] = pid;
    }
  }
}
