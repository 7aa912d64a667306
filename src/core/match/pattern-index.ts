// The indexed side of the matcher: every pattern of every map compiled together into one automaton over
// path segments, as hmarr/codeowners does. A node is a point reached after some segments: literal
// segments lead to children (one table lookup), a `**` to the node's `deep` node (active at that level and
// at every level below), other segments to wild edges tested with string operations (`*`, `*X`, `X*`,
// `X*Y`) or, for extglobs, classes and `?`, with the one regex minimatch compiled for that segment. The
// walk keeps the set of active nodes of each folder of the current path, so the work is done once per
// folder and shared by every file in it: the cost grows with folders, not with files × patterns.
// Terminal shapes get ripgrep-globset-like shortcuts: a literal name, any child (`dir/*`, `dir/**`),
// a name ending (`*.ts`, keyed by the text after its last dot). minimatch's parse is the source of the
// segments, so the automaton answers what minimatch.match answers; the few patterns its algorithm
// treats otherwise (see needsWholeText) are handed to minimatch on the path text. NaiveMatcher is the
// definition this must agree with. The automaton is built as objects and then flattened into typed arrays
// (Automaton), which is what the walk reads and what stays in memory.
import { GLOBSTAR, Minimatch, type ParseReturnFiltered } from 'minimatch';
import { MATCH_OPTIONS, expandAlternatives, normalizePattern } from './pattern';

/** One brace alternative of one pattern, where it ends in the automaton. `pid` is the pattern's index. */
interface Alternative {
  /** The alternative's number in the flat automaton. */
  aid: number;
  pid: number;
  dirOnly: boolean;
  /** For a `*X` ending (Node.childSuffix): the literal X. */
  suffix: string;
}

/** An alternative minimatch decides on the path text relative to its map's folder. */
interface WholeAlternative extends Alternative {
  mapDepth: number;
  test: (relative: string) => boolean;
}

/** How a wild edge tests a segment. */
const ANY = 0;
const SUFFIX = 1;
const PREFIX = 2;
const AFFIX = 3;
const REGEX = 4;

interface WildEdge {
  kind: number;
  prefix: string;
  suffix: string;
  /** REGEX: minimatch's regex for the segment, screened by `suffix` (the literal text it must end with, or ''). */
  regex: RegExp | undefined;
  node: AutomatonNode;
}

const NO_ALTERNATIVES: Alternative[] = [];

/** Options for one brace alternative: negation and comments apply to the whole pattern, not to its members. */
const MEMBER_OPTIONS = { ...MATCH_OPTIONS, nobrace: true, nonegate: true, nocomment: true };

/** A part of minimatch's parse of one alternative: a literal, a segment regex, `false` (matches nothing) or GLOBSTAR. */
type Part = ParseReturnFiltered | false;

/** A node of the automaton while it is built; Automaton is what the walk reads. */
class AutomatonNode {
  /** The node's number in the flat automaton (the order nodes are made in; the root is 0). */
  readonly id: number;
  /** The number of the literal segment leading here from the parent (see Automaton.segmentIds), or -1. */
  segmentId = -1;
  constructor(nodes: AutomatonNode[]) {
    this.id = nodes.length;
    nodes.push(this);
  }
  children: Map<string, AutomatonNode> | undefined;
  /** The node after a `**` here: active at this level and every level below. */
  deep: AutomatonNode | undefined;
  isDeep = false;
  wild: WildEdge[] | undefined;
  /** Alternatives that end exactly here. */
  exact: Alternative[] = NO_ALTERNATIVES;
  /** `here/*`, `here/**`, `here/**\/*`: every child matches. */
  anyChild: Alternative[] = NO_ALTERNATIVES;
  /** Some anyChild alternatives are folder-only. */
  anyChildFolders = false;
  /** `here/*X`, keyed by the text after the last dot of X (see suffixKey). */
  childSuffix: Map<string, Alternative[]> | undefined;
  /** Alternatives minimatch decides on the text, for every path below (only on a map's folder). */
  whole: WholeAlternative[] | undefined;
}

/**
 * Index key of a `*X` ending: the text after the last `.` of X, or `\0` when X has no dot. A name ending
 * with X has the same text after its last dot when X contains a dot, so one Map lookup per name finds
 * every candidate; dotless suffixes share the `\0` list and are all tested.
 */
function suffixKey(suffix: string): string {
  const dot = suffix.lastIndexOf('.');
  return dot < 0 ? NO_DOT_KEY : suffix.slice(dot + 1);
}

const NO_DOT_KEY = '\0';

/** A segment minimatch reads as plain text: no glob, escape, extglob or brace character, not `.`/`..`/empty. */
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

/** Plain text inside a glob segment (no glob character at all, `.` allowed). */
function isPlainText(text: string): boolean {
  return text === '' || text === '.' || text === '..' || isPlainSegment(text);
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

/**
 * How a segment regex is tested, from the glob it was made of: minimatch's regex for `*` is "one or more
 * characters", for `*X` "ends with X", for `X*` "starts with X", for `X*Y` both without overlapping (each
 * also excludes `.` and `..`, which never reach the walk). Anything else keeps the regex.
 */
function wildTest(glob: string, regex: RegExp): Pick<WildEdge, 'kind' | 'prefix' | 'suffix' | 'regex'> {
  const star = glob.indexOf('*');
  if (star >= 0 && glob.indexOf('*', star + 1) < 0) {
    const prefix = glob.slice(0, star);
    const suffix = glob.slice(star + 1);
    if (isPlainText(prefix) && isPlainText(suffix)) {
      if (prefix === '' && suffix === '') return { kind: ANY, prefix, suffix, regex: undefined };
      if (prefix === '') return { kind: SUFFIX, prefix, suffix, regex: undefined };
      if (suffix === '') return { kind: PREFIX, prefix, suffix, regex: undefined };
      return { kind: AFFIX, prefix, suffix, regex: undefined };
    }
  }
  return { kind: REGEX, prefix: '', suffix: literalTail(glob), regex };
}

function wildMatches(edge: Pick<WildEdge, 'kind' | 'prefix' | 'suffix' | 'regex'>, segment: string): boolean {
  switch (edge.kind) {
    case ANY:
      return true;
    case SUFFIX:
      return segment.endsWith(edge.suffix);
    case PREFIX:
      return segment.startsWith(edge.prefix);
    case AFFIX:
      return (
        segment.length >= edge.prefix.length + edge.suffix.length &&
        segment.startsWith(edge.prefix) &&
        segment.endsWith(edge.suffix)
      );
    default:
      return (edge.suffix === '' || segment.endsWith(edge.suffix)) && edge.regex!.test(segment);
  }
}

/**
 * minimatch 10 matches a pattern with `**` as head, body sections and tail (#matchGlobstar). With two or more body
 * sections of different lengths (`**\/a/b/**\/c/**\/x`) the last position it tries for a section is computed from
 * the wrong side, so it misses some paths that the glob describes (`a/b/c/x`). minimatch is the reference, so such
 * a pattern is handed to minimatch on the text instead of being compiled. So is one past its recursion limit.
 */
function needsWholeText(parts: readonly Part[]): boolean {
  const first = parts.indexOf(GLOBSTAR);
  const last = parts.lastIndexOf(GLOBSTAR);
  if (first < 0 || first === last) return false;
  const lengths: number[] = [];
  let length = 0;
  for (let i = first + 1; i <= last; i++) {
    if (parts[i] === GLOBSTAR) {
      if (length > 0) lengths.push(length);
      length = 0;
    } else {
      length++;
    }
  }
  return lengths.length > 100 || (lengths.length >= 2 && lengths.some((n) => n !== lengths[0]));
}

export interface IndexedPattern {
  /** The map folder the pattern is relative to ('' for the root). */
  dir: string;
  source: string;
  negated: boolean;
}

/** Counts of how patterns were indexed, for the benchmark and for tests that the fast paths are used. */
export interface IndexShape {
  /** Brace alternatives in all. */
  alternatives: number;
  /** Ending on a literal name, on any child (`dir/*`, `dir/**`), on a name ending (`*.ts`). */
  exact: number;
  anyChild: number;
  childSuffix: number;
  /** Going through a `**` (a deep node). */
  deep: number;
  /** Going through a wild edge tested with string operations (`*`, `*X`, `X*`, `X*Y` in a segment). */
  wild: number;
  /** Starting with `**` at a map's folder: active under every folder the map governs. */
  floating: number;
  /** Going through a segment tested with minimatch's regex (extglobs, classes, `?`…). */
  regex: number;
  /** Decided by minimatch on the whole path text. */
  whole: number;
  /** Patterns (not alternatives) with some alternative tested by a minimatch segment regex, or on the whole text. */
  regexPatterns: number;
  wholeTextPatterns: number;
}

export class PatternIndex {
  /** What the walk reads (see Automaton). */
  readonly automaton: Automaton;
  private readonly nodes: AutomatonNode[] = [];
  private readonly root = new AutomatonNode(this.nodes);
  private readonly alternatives: Alternative[] = [];
  private readonly segmentIds = new Map<string, number>();
  readonly shape: IndexShape = {
    alternatives: 0,
    exact: 0,
    anyChild: 0,
    childSuffix: 0,
    deep: 0,
    wild: 0,
    floating: 0,
    regex: 0,
    whole: 0,
    regexPatterns: 0,
    wholeTextPatterns: 0,
  };
  private readonly regexPids = new Set<number>();
  private readonly wholePids = new Set<number>();
  /** Wild edges by node and glob text, so that patterns sharing a segment share the node after it. */
  private readonly wildByGlob = new Map<AutomatonNode, Map<string, WildEdge>>();

  constructor(patterns: readonly IndexedPattern[]) {
    patterns.forEach((pattern, pid) => {
      try {
        this.add(pid, pattern);
      } catch {
        // minimatch refuses some inputs (over 64 KiB, for one): such a pattern matches nothing.
      }
    });
    this.shape.regexPatterns = this.regexPids.size;
    this.shape.wholeTextPatterns = this.wholePids.size;
    this.automaton = flatten(this.nodes, this.alternatives, this.segmentIds);
    // What only the build needs: the nodes, minimatch's parses and the lookups over them become garbage here.
    this.wildByGlob.clear();
    this.mapNodes.clear();
    this.restParts.clear();
    this.regexPids.clear();
    this.wholePids.clear();
    this.alternatives.length = 0;
    this.nodes.length = 0;
    this.root.children = undefined;
    this.root.deep = undefined;
    this.root.wild = undefined;
  }

  /** A new alternative of pattern `pid`, numbered. */
  private alternative(pid: number, dirOnly: boolean): Alternative {
    const alternative: Alternative = { aid: this.alternatives.length, pid, dirOnly, suffix: '' };
    this.alternatives.push(alternative);
    return alternative;
  }

  private child(node: AutomatonNode, segment: string): AutomatonNode {
    const children = (node.children ??= new Map<string, AutomatonNode>());
    let child = children.get(segment);
    if (!child) {
      child = new AutomatonNode(this.nodes);
      let segmentId = this.segmentIds.get(segment);
      if (segmentId === undefined) this.segmentIds.set(segment, (segmentId = this.segmentIds.size));
      child.segmentId = segmentId;
      children.set(segment, child);
    }
    return child;
  }

  private deepOf(node: AutomatonNode): AutomatonNode {
    if (!node.deep) {
      node.deep = new AutomatonNode(this.nodes);
      node.deep.isDeep = true;
    }
    return node.deep;
  }

  private wildEdge(node: AutomatonNode, glob: string, regex: RegExp): AutomatonNode {
    let byGlob = this.wildByGlob.get(node);
    if (!byGlob) this.wildByGlob.set(node, (byGlob = new Map<string, WildEdge>()));
    let edge = byGlob.get(glob);
    if (!edge) {
      edge = { ...wildTest(glob, regex), node: new AutomatonNode(this.nodes) };
      byGlob.set(glob, edge);
      (node.wild ??= []).push(edge);
    }
    return edge.node;
  }

  private readonly mapNodes = new Map<string, { node: AutomatonNode; depth: number }>();

  /** The node of a map's folder, remembered: every pattern of the map starts there. */
  private mapNode(dir: string): { node: AutomatonNode; depth: number } {
    let entry = this.mapNodes.get(dir);
    if (!entry) {
      const segments = dir === '' ? [] : dir.split('/');
      let node = this.root;
      for (const segment of segments) node = this.child(node, segment);
      entry = { node, depth: segments.length };
      this.mapNodes.set(dir, entry);
    }
    return entry;
  }

  private add(pid: number, pattern: IndexedPattern): void {
    const normalized = normalizePattern(pattern.source, pattern.negated);
    if (!normalized) return;
    const { body, dirOnly } = normalized;
    const map = this.mapNode(pattern.dir);
    // minimatch reads a leading `#` as a comment and a leading `!` as negation of the whole
    // pattern, before braces: such patterns are handed to minimatch whole.
    if (body.startsWith('#') || body.startsWith('!')) {
      const glob = new Minimatch(body, MATCH_OPTIONS);
      this.addWhole(map.node, {
        ...this.alternative(pid, dirOnly),
        mapDepth: map.depth,
        test: (relative) => glob.match(relative),
      });
      return;
    }
    // Brace expansion only for a pattern with a brace (most have none).
    const alternatives = body.includes('{') ? new Set(expandAlternatives(body)) : [body];
    for (const alternative of alternatives) {
      this.shape.alternatives++;
      const parts = this.parts(alternative);
      if (parts === undefined || parts.some((part) => part === false)) continue; // matches nothing
      if (needsWholeText(parts)) {
        const glob = new Minimatch(alternative, MEMBER_OPTIONS);
        this.addWhole(map.node, {
          ...this.alternative(pid, dirOnly),
          mapDepth: map.depth,
          test: (relative) => glob.match(relative),
        });
        continue;
      }
      this.compile(pid, dirOnly, map.node, parts);
    }
  }

  private addWhole(node: AutomatonNode, alternative: WholeAlternative): void {
    (node.whole ??= []).push(alternative);
    this.shape.whole++;
    this.wholePids.add(alternative.pid);
  }

  /** Compiled rests of alternatives after their literal folders (see parts). */
  private readonly restParts = new Map<string, Part[] | undefined>();

  /**
   * minimatch's parse of one alternative, as the segments its match compares. Maps repeat the same glob below many
   * folders, and minimatch parses each segment on its own, literal ones to themselves: so the text after the leading
   * plain segments is parsed once per distinct text and put behind them. A pattern minimatch rewrites (`//`, `.`,
   * `..`) is parsed whole. Undefined when minimatch's set is not one list of parts.
   */
  private parts(alternative: string): Part[] | undefined {
    const segments = alternative.split('/');
    let plain = 0;
    while (plain < segments.length && isPlainSegment(segments[plain]!)) plain++;
    let irregular = false;
    for (let i = plain; i < segments.length; i++)
      if (segments[i] === '' || segments[i] === '.' || segments[i] === '..') irregular = true;
    if (plain === segments.length) return segments;
    if (irregular) {
      const set = new Minimatch(alternative, MEMBER_OPTIONS).set;
      return set.length === 1 ? set[0] : undefined;
    }
    const restText = plain === 0 ? alternative : segments.slice(plain).join('/');
    let rest = this.restParts.get(restText);
    if (!this.restParts.has(restText)) {
      const set = new Minimatch(restText, MEMBER_OPTIONS).set;
      rest = set.length === 1 ? set[0] : undefined;
      this.restParts.set(restText, rest);
    }
    return rest === undefined ? undefined : [...segments.slice(0, plain), ...rest];
  }

  /**
   * Puts one alternative's parts into the automaton from `node`. `**` at the end needs one more segment (minimatch:
   * `a/**` does not match `a`), so it matches every child of where it stands, as `*` there does; so does `**\/*`.
   */
  private compile(pid: number, dirOnly: boolean, start: AutomatonNode, parts: readonly Part[]): void {
    const alternative = this.alternative(pid, dirOnly);
    let node = start;
    let end = parts.length;
    let anyChild = false;
    const isStar = (part: Part | undefined): boolean =>
      part instanceof RegExp && (part as RegExp & { _glob?: string })._glob === '*';
    if (end >= 1 && (parts[end - 1] === GLOBSTAR || isStar(parts[end - 1]))) {
      end--;
      anyChild = true;
      if (parts[end] !== GLOBSTAR && end >= 1 && parts[end - 1] === GLOBSTAR) end--; // `**/*`
      while (end >= 1 && parts[end - 1] === GLOBSTAR) end--; // `**/**`
    }
    let suffix: string | undefined;
    if (!anyChild && end >= 1) {
      const last = parts[end - 1]!;
      const glob = last instanceof RegExp ? ((last as RegExp & { _glob?: string })._glob ?? '') : '';
      if (glob.startsWith('*') && glob.length > 1 && isPlainText(glob.slice(1)) && !glob.slice(1).includes('*')) {
        suffix = glob.slice(1);
        end--;
      }
    }
    let regex = false;
    let wild = false;
    let deep = false;
    for (let i = 0; i < end; i++) {
      const part = parts[i]!;
      if (part === GLOBSTAR) {
        if (node.isDeep) continue; // `**/**` is one `**`
        if (node === start) this.shape.floating++;
        node = this.deepOf(node);
        deep = true;
      } else if (typeof part === 'string') {
        node = this.child(node, part);
      } else if (part instanceof RegExp) {
        const glob = (part as RegExp & { _glob?: string })._glob ?? part.source;
        node = this.wildEdge(node, glob, part);
        if (wildTest(glob, part).kind === REGEX) regex = true;
        else wild = true;
      }
    }
    if (deep) this.shape.deep++;
    if (wild) this.shape.wild++;
    if (regex) {
      this.shape.regex++;
      this.regexPids.add(pid);
    }
    if (anyChild) {
      if (node.anyChild === NO_ALTERNATIVES) node.anyChild = [];
      node.anyChild.push(alternative);
      node.anyChildFolders ||= dirOnly;
      this.shape.anyChild++;
    } else if (suffix !== undefined) {
      alternative.suffix = suffix;
      const bySuffix = (node.childSuffix ??= new Map<string, Alternative[]>());
      const key = suffixKey(suffix);
      const list = bySuffix.get(key);
      if (list) list.push(alternative);
      else bySuffix.set(key, [alternative]);
      this.shape.childSuffix++;
    } else {
      if (node.exact === NO_ALTERNATIVES) node.exact = [];
      node.exact.push(alternative);
      this.shape.exact++;
    }
  }
}

/** A wild edge of the flat automaton: the test of WildEdge, and the number of the node it leads to. */
interface FlatWildEdge {
  kind: number;
  prefix: string;
  suffix: string;
  regex: RegExp | undefined;
  node: number;
  /** Alternatives end at that node (a file's name can match there). */
  ends: boolean;
}

/** An alternative minimatch decides on the text, by number. */
interface FlatWholeAlternative {
  aid: number;
  mapDepth: number;
  test: (relative: string) => boolean;
}

/**
 * The automaton as the walk reads it: nodes are numbers (the root is 0) and everything about them sits in typed
 * arrays, a node's lists as ranges (`xStart[node] .. xStart[node + 1]` of `xAlts`). A literal child or a keyed name
 * ending is found in an open-addressing table by (node, number of the segment or key), the segment's number looked up
 * once per name rather than once per active node. Built once from the node objects (flatten), so what lives on is a
 * few dozen arrays instead of tens of thousands of small objects and Maps: a collection right after a Matcher is
 * made has almost nothing of it to copy.
 */
export interface Automaton {
  nodes: number;
  isDeep: Uint8Array;
  /** The node after a `**` here, or -1. */
  deepOf: Int32Array;
  exactStart: Int32Array;
  exactAlts: Int32Array;
  anyStart: Int32Array;
  anyAlts: Int32Array;
  anyChildFolders: Uint8Array;
  wildStart: Int32Array;
  wildEdges: FlatWildEdge[];
  wholeStart: Int32Array;
  wholeAlts: FlatWholeAlternative[];
  /** Every literal segment of a child edge, numbered. */
  segmentIds: Map<string, number>;
  hasChildren: Uint8Array;
  /** (node, segment number) → child, as a Table. */
  children: Int32Array;
  childMask: number;
  /** Name-ending keys (suffixKey) of childSuffix lists, numbered; the dotless list is apart (dotlessList). */
  suffixKeyIds: Map<string, number>;
  hasSuffix: Uint8Array;
  /** (node, key number) → list, as a Table. */
  suffixes: Int32Array;
  suffixMask: number;
  /** A node's list for names without a dot, or -1. */
  dotlessList: Int32Array;
  listStart: Int32Array;
  listAlts: Int32Array;
  altPid: Int32Array;
  altDirOnly: Uint8Array;
  altSuffix: string[];
  /** The last level build that made a node active (see IndexWalker.enter). */
  stamp: Int32Array;
}

/**
 * An open-addressing table from (node, key) to a value: slot i is [node, key, value] at 3i (node -1 when free), so a
 * probe reads one cache line. Built at half load or less.
 */
interface Table {
  slots: Int32Array;
  mask: number;
}

function slot(node: number, key: number, mask: number): number {
  return ((Math.imul(node, 0x9e3779b1) ^ Math.imul(key + 1, 0x85ebca77)) >>> 0) & mask;
}

function table(entries: number): Table {
  let size = 16;
  while (size < entries * 2) size *= 2;
  return { slots: new Int32Array(size * 3).fill(-1), mask: size - 1 };
}

function put(t: Table, node: number, key: number, value: number): void {
  let i = slot(node, key, t.mask);
  while (t.slots[i * 3] !== -1) i = (i + 1) & t.mask;
  t.slots[i * 3] = node;
  t.slots[i * 3 + 1] = key;
  t.slots[i * 3 + 2] = value;
}

/** The value at (node, key) of a table's slots, or -1. */
function lookup(slots: Int32Array, mask: number, node: number, key: number): number {
  let i = slot(node, key, mask);
  for (;;) {
    const at = i * 3;
    const n = slots[at]!;
    if (n === -1) return -1;
    if (n === node && slots[at + 1] === key) return slots[at + 2]!;
    i = (i + 1) & mask;
  }
}

/** The node objects of a build (`nodes[n].id === n`) as an Automaton; `segmentIds` numbers their literal segments. */
function flatten(
  nodes: readonly AutomatonNode[],
  alternatives: readonly Alternative[],
  segmentIds: Map<string, number>,
): Automaton {
  let childEntries = 0;
  let suffixEntries = 0;
  for (const node of nodes) {
    if (node.children) childEntries += node.children.size;
    if (node.childSuffix) suffixEntries += node.childSuffix.size;
  }
  const count = nodes.length;
  const exactStart = new Int32Array(count + 1);
  const anyStart = new Int32Array(count + 1);
  const wildStart = new Int32Array(count + 1);
  const wholeStart = new Int32Array(count + 1);
  for (let n = 0; n < count; n++) {
    const node = nodes[n]!;
    exactStart[n + 1] = exactStart[n]! + node.exact.length;
    anyStart[n + 1] = anyStart[n]! + node.anyChild.length;
    wildStart[n + 1] = wildStart[n]! + (node.wild?.length ?? 0);
    wholeStart[n + 1] = wholeStart[n]! + (node.whole?.length ?? 0);
  }
  const exactAlts = new Int32Array(exactStart[count]!);
  const anyAlts = new Int32Array(anyStart[count]!);
  const wildEdges: FlatWildEdge[] = [];
  const wholeAlts: FlatWholeAlternative[] = [];
  const isDeep = new Uint8Array(count);
  const deepOf = new Int32Array(count).fill(-1);
  const anyChildFolders = new Uint8Array(count);
  const hasChildren = new Uint8Array(count);
  const hasSuffix = new Uint8Array(count);
  const dotlessList = new Int32Array(count).fill(-1);
  const suffixKeyIds = new Map<string, number>();
  const children = table(childEntries);
  const suffixes = table(suffixEntries);
  const listStart: number[] = [0];
  const listAlts: number[] = [];
  for (let n = 0; n < count; n++) {
    const node = nodes[n]!;
    isDeep[n] = node.isDeep ? 1 : 0;
    if (node.deep) deepOf[n] = node.deep.id;
    anyChildFolders[n] = node.anyChildFolders ? 1 : 0;
    for (let i = 0; i < node.exact.length; i++) exactAlts[exactStart[n]! + i] = node.exact[i]!.aid;
    for (let i = 0; i < node.anyChild.length; i++) anyAlts[anyStart[n]! + i] = node.anyChild[i]!.aid;
    if (node.wild) {
      for (const edge of node.wild) {
        wildEdges.push({
          kind: edge.kind,
          prefix: edge.prefix,
          suffix: edge.suffix,
          regex: edge.regex,
          node: edge.node.id,
          ends: edge.node.exact.length > 0,
        });
      }
    }
    if (node.whole)
      for (const whole of node.whole) wholeAlts.push({ aid: whole.aid, mapDepth: whole.mapDepth, test: whole.test });
    if (node.children) {
      hasChildren[n] = 1;
      for (const child of node.children.values()) put(children, n, child.segmentId, child.id);
    }
    if (node.childSuffix) {
      hasSuffix[n] = 1;
      for (const [key, list] of node.childSuffix) {
        const listId = listStart.length - 1;
        for (const alternative of list) listAlts.push(alternative.aid);
        listStart.push(listAlts.length);
        if (key === NO_DOT_KEY) {
          dotlessList[n] = listId;
          continue;
        }
        let keyId = suffixKeyIds.get(key);
        if (keyId === undefined) suffixKeyIds.set(key, (keyId = suffixKeyIds.size));
        put(suffixes, n, keyId, listId);
      }
    }
  }
  const altPid = new Int32Array(alternatives.length);
  const altDirOnly = new Uint8Array(alternatives.length);
  const altSuffix = new Array<string>(alternatives.length);
  for (let aid = 0; aid < alternatives.length; aid++) {
    const alternative = alternatives[aid]!;
    altPid[aid] = alternative.pid;
    altDirOnly[aid] = alternative.dirOnly ? 1 : 0;
    altSuffix[aid] = alternative.suffix;
  }
  return {
    nodes: count,
    isDeep,
    deepOf,
    exactStart,
    exactAlts,
    anyStart,
    anyAlts,
    anyChildFolders,
    wildStart,
    wildEdges,
    wholeStart,
    wholeAlts,
    segmentIds,
    hasChildren,
    children: children.slots,
    childMask: children.mask,
    suffixKeyIds,
    hasSuffix,
    suffixes: suffixes.slots,
    suffixMask: suffixes.mask,
    dotlessList,
    listStart: Int32Array.from(listStart),
    listAlts: Int32Array.from(listAlts),
    altPid,
    altDirOnly,
    altSuffix,
    stamp: new Int32Array(count),
  };
}

/** A fresh number for every level the walkers build: nodes carry the last one that made them active. */
let levelStamp = 0;

/** What matching a name in a folder reads: the active nodes and whole-text nodes of each level, where each level ends. */
interface FolderView {
  readonly active: readonly number[];
  readonly activeEnd: readonly number[];
  readonly wholeNodes: readonly number[];
  readonly wholeCount: readonly number[];
  readonly ends: readonly number[];
}

/** The folders of a walked path and the patterns they matched (IndexWalker.snapshot). */
export interface WalkerSnapshot extends FolderView {
  /** The folder's path with its trailing `/` ('' at the root). */
  readonly path: string;
  readonly depth: number;
}

/**
 * Walks paths through a PatternIndex, keeping for each folder of the current path the automaton nodes active
 * there and the patterns that matched it, on stacks. Consecutive paths share their common folders, so a sorted
 * list computes each folder once; any order is still correct, just slower.
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
  /** The last path visit() was given sorts at or after the path the walker was at before (as `<=` on strings). */
  inOrder = true;

  /** Level (1-based) at which a pattern entered folderHits, 0 when absent. */
  private readonly inFolders: Int32Array;
  private readonly fileStamp: Int32Array;
  private stamp = 0;

  private depth = 0;
  private readonly levelStart: number[] = [0];
  /** Active nodes of level k: active[activeEnd[k - 1] .. activeEnd[k]) (level 0 from 0). */
  private readonly active: number[] = [];
  /** How much of `active` is in use: the array is not shortened when the walk goes up (it would shrink its storage, and grow it again on the way down). */
  private activeCount = 0;
  private readonly activeEnd: number[] = [0];
  /** Nodes on the current path with patterns minimatch decides on the text. */
  private readonly wholeNodes: number[] = [];
  private wholeNodeCount = 0;
  private readonly wholeCount: number[] = [0];
  /** Character offset just past each segment of the current path. */
  private readonly ends: number[] = [0];
  private path = '';
  private readonly segments: string[] = [];

  /**
   * Per-pattern file counts, when wanted: a folder pattern leaving the stack adds the files walked while it was on it.
   * (An array rather than a callback: the walk's code then stays the same for every walker.)
   */
  folderPatternFiles: Float64Array | undefined;
  private readonly enteredAt: Float64Array;
  filesWalked = 0;

  /** The walker's own stacks, as the folder view matchName and matchWhole read (a snapshot is the other kind). */
  private readonly own: FolderView;
  /** visitIn is matching against a snapshot's folder: the walker's own folder hits say nothing about it. */
  private borrowed = false;

  /** The automaton's arrays, read directly (see Automaton). */
  private readonly a: Automaton;

  constructor(index: PatternIndex, patternCount: number) {
    this.a = index.automaton;
    this.own = {
      active: this.active,
      activeEnd: this.activeEnd,
      wholeNodes: this.wholeNodes,
      wholeCount: this.wholeCount,
      ends: this.ends,
    };
    this.folderHits = new Int32Array(patternCount);
    this.fileHits = new Int32Array(patternCount);
    this.inFolders = new Int32Array(patternCount);
    this.fileStamp = new Int32Array(patternCount);
    this.enteredAt = new Float64Array(patternCount);
    const stamp = ++levelStamp;
    this.enter(0, 0, stamp);
    this.activeEnd[0] = this.activeCount;
    this.wholeCount[0] = this.wholeNodeCount;
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
    // Code-unit order, as `previous <= path` compares strings.
    this.inOrder =
      differ === previous.length || (differ < path.length && path.charCodeAt(differ) > previous.charCodeAt(differ));
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
      if (segment === '' || segment === '.' || segment === '..') {
        // Leave the walker consistent: the folders pushed so far are the current path's.
        this.path = this.depth === 0 ? '' : path.slice(0, this.ends[this.depth]! + 1);
        segments.length = this.depth;
        return false;
      }
      segments.push(segment);
      this.ends[segments.length] = end;
      if (slash < 0) break;
      start = slash + 1;
    }
    const n = segments.length;
    for (let k = common + 1; k < n; k++) this.pushFolder(k);
    this.stamp++;
    this.fileHitCount = 0;
    this.matchFile(n);
    this.filesWalked++;
    return true;
  }

  /**
   * The folder part of the walk after visit(): enough to match a file of this folder later with visitIn() instead of
   * matching every folder again (Matcher keeps one per recent folder).
   */
  snapshot(): WalkerSnapshot {
    const depth = this.depth;
    return {
      path: depth === 0 ? '' : this.path.slice(0, this.ends[depth]! + 1),
      depth,
      ends: this.ends.slice(0, depth + 1),
      active: this.active.slice(0, this.activeEnd[depth]),
      activeEnd: this.activeEnd.slice(0, depth + 1),
      wholeNodes: this.wholeNodes.slice(0, this.wholeCount[depth]),
      wholeCount: this.wholeCount.slice(0, depth + 1),
    };
  }

  /** Empties the folder stack (counting the files of every pattern still on it into folderPatternFiles). */
  finish(): void {
    this.popTo(0);
  }

  private popTo(level: number): void {
    if (this.depth === level) return;
    const counts = this.folderPatternFiles;
    for (let k = this.depth; k > level; k--) {
      const start = this.levelStart[k]!;
      for (let i = start; i < this.folderHitCount; i++) {
        const pid = this.folderHits[i]!;
        this.inFolders[pid] = 0;
        if (counts !== undefined) counts[pid]! += this.filesWalked - this.enteredAt[pid]!;
      }
      this.folderHitCount = start;
    }
    this.activeCount = this.activeEnd[level]!;
    this.wholeNodeCount = this.wholeCount[level]!;
    this.depth = level;
    this.folderVersion++;
  }

  /** Makes `node` (and the `**` after it) active at level k, adding the patterns that match there. */
  private enter(node: number, k: number, stamp: number): void {
    const a = this.a;
    if (a.stamp[node] === stamp) return;
    a.stamp[node] = stamp;
    this.active[this.activeCount++] = node;
    if (k > 0) {
      for (let i = a.exactStart[node]!, end = a.exactStart[node + 1]!; i < end; i++)
        this.add(a.exactAlts[i]!, k, false);
      // `here/**` and `here/*` match the next level of any path going through this folder, so they
      // are folder hits of this level: files directly inside then need not test them one by one.
      // Folder-only ones (`here/*/`) still wait for the next level to be a folder.
      for (let i = a.anyStart[node]!, end = a.anyStart[node + 1]!; i < end; i++) {
        const aid = a.anyAlts[i]!;
        if (a.altDirOnly[aid] === 0) this.add(aid, k, false);
      }
    }
    if (a.wholeStart[node] !== a.wholeStart[node + 1]) this.wholeNodes[this.wholeNodeCount++] = node;
    const deep = a.deepOf[node]!;
    if (deep >= 0) this.enter(deep, k, stamp);
  }

  private pushFolder(k: number): void {
    const a = this.a;
    const segment = this.segments[k - 1]!;
    const from = k === 1 ? 0 : this.activeEnd[k - 2]!;
    const to = this.activeEnd[k - 1]!;
    this.levelStart[k] = this.folderHitCount;
    this.depth = k;
    const stamp = ++levelStamp;
    const segmentId = a.segmentIds.get(segment) ?? -1;
    let key: string | undefined;
    for (let i = from; i < to; i++) {
      const node = this.active[i]!;
      if (a.isDeep[node] === 1) this.enter(node, k, stamp);
      if (segmentId >= 0 && a.hasChildren[node] === 1) {
        const child = lookup(a.children, a.childMask, node, segmentId);
        if (child >= 0) this.enter(child, k, stamp);
      }
      for (let e = a.wildStart[node]!, end = a.wildStart[node + 1]!; e < end; e++) {
        const edge = a.wildEdges[e]!;
        if (wildMatches(edge, segment)) this.enter(edge.node, k, stamp);
      }
      if (a.hasSuffix[node] === 1) this.matchSuffix(node, segment, (key ??= suffixKey(segment)), k, false);
      if (k === 1) {
        for (let j = a.anyStart[node]!, end = a.anyStart[node + 1]!; j < end; j++) this.add(a.anyAlts[j]!, k, false);
      } else if (a.anyChildFolders[node] === 1) {
        for (let j = a.anyStart[node]!, end = a.anyStart[node + 1]!; j < end; j++) {
          const aid = a.anyAlts[j]!;
          if (a.altDirOnly[aid] === 1) this.add(aid, k, false);
        }
      }
    }
    this.activeEnd[k] = this.activeCount;
    this.wholeCount[k] = this.wholeNodeCount;
    this.matchWhole(this.own, k, false, this.path, this.ends[k]!);
    this.folderVersion++;
  }

  /** Adds every pattern matching the current path itself, a file at level k. */
  private matchFile(k: number): void {
    this.matchName(this.own, k, this.segments[k - 1]!, this.path, this.ends[k]!);
  }

  /**
   * Fills fileHits for a file of the folder `snapshot` was taken in, without moving the walker: for a lookup in a
   * folder answered recently while the walker stands elsewhere (putting the walker back there would copy every
   * folder's stacks). fileHits may then repeat a pattern that matched a folder of the path: callers resolve hits per
   * touchpoint, where the repeat changes nothing. False for a name the walk does not take (empty, `.`, `..`).
   */
  visitIn(snapshot: WalkerSnapshot, path: string): boolean {
    const name = path.slice(snapshot.path.length);
    if (name === '' || name === '.' || name === '..' || name.includes('/')) return false;
    this.stamp++;
    this.fileHitCount = 0;
    this.borrowed = true;
    try {
      this.matchName(snapshot, snapshot.depth + 1, name, path, path.length);
    } finally {
      this.borrowed = false;
    }
    return true;
  }

  /** The patterns matching a file named `segment` at level k of the folder `view` describes; it ends at `end` in `path`. */
  private matchName(view: FolderView, k: number, segment: string, path: string, end: number): void {
    const a = this.a;
    const from = k === 1 ? 0 : view.activeEnd[k - 2]!;
    const to = view.activeEnd[k - 1]!;
    const segmentId = a.segmentIds.get(segment) ?? -1;
    let key: string | undefined;
    for (let i = from; i < to; i++) {
      const node = view.active[i]!;
      if (segmentId >= 0 && a.hasChildren[node] === 1) {
        const child = lookup(a.children, a.childMask, node, segmentId);
        if (child >= 0)
          for (let j = a.exactStart[child]!, last = a.exactStart[child + 1]!; j < last; j++)
            this.add(a.exactAlts[j]!, k, true);
      }
      for (let e = a.wildStart[node]!, last = a.wildStart[node + 1]!; e < last; e++) {
        const edge = a.wildEdges[e]!;
        if (!edge.ends || !wildMatches(edge, segment)) continue;
        for (let j = a.exactStart[edge.node]!, stop = a.exactStart[edge.node + 1]!; j < stop; j++)
          this.add(a.exactAlts[j]!, k, true);
      }
      if (a.hasSuffix[node] === 1) this.matchSuffix(node, segment, (key ??= suffixKey(segment)), k, true);
      if (k === 1)
        for (let j = a.anyStart[node]!, last = a.anyStart[node + 1]!; j < last; j++) this.add(a.anyAlts[j]!, k, true);
    }
    this.matchWhole(view, k, true, path, end);
  }

  /** `node`'s name endings (`*X`) that `segment` has: the list keyed by its text after the last dot, and the dotless one. */
  private matchSuffix(node: number, segment: string, key: string, k: number, isFile: boolean): void {
    const a = this.a;
    if (key !== NO_DOT_KEY) {
      const keyId = a.suffixKeyIds.get(key);
      if (keyId !== undefined) {
        const list = lookup(a.suffixes, a.suffixMask, node, keyId);
        if (list >= 0) this.matchList(list, segment, k, isFile);
      }
    }
    const dotless = a.dotlessList[node]!;
    if (dotless >= 0) this.matchList(dotless, segment, k, isFile);
  }

  private matchList(list: number, segment: string, k: number, isFile: boolean): void {
    const a = this.a;
    for (let j = a.listStart[list]!, end = a.listStart[list + 1]!; j < end; j++) {
      const aid = a.listAlts[j]!;
      if (segment.endsWith(a.altSuffix[aid]!)) this.add(aid, k, isFile);
    }
  }

  /** Patterns minimatch decides on the text, for level k of `view`, which ends at `end` in `path`. */
  private matchWhole(view: FolderView, k: number, isFile: boolean, path: string, end: number): void {
    const a = this.a;
    const count = view.wholeCount[k - 1]!;
    for (let i = 0; i < count; i++) {
      const node = view.wholeNodes[i]!;
      for (let w = a.wholeStart[node]!, last = a.wholeStart[node + 1]!; w < last; w++) {
        const alternative = a.wholeAlts[w]!;
        if (k <= alternative.mapDepth || this.present(alternative.aid, isFile)) continue;
        const start = alternative.mapDepth === 0 ? 0 : view.ends[alternative.mapDepth]! + 1;
        if (alternative.test(path.slice(start, end))) this.add(alternative.aid, k, isFile);
      }
    }
  }

  private present(aid: number, isFile: boolean): boolean {
    const pid = this.a.altPid[aid]!;
    // inFolders describes the walker's own path, not a borrowed folder's (visitIn).
    if (!this.borrowed && this.inFolders[pid] !== 0) return true;
    return isFile && (this.a.altDirOnly[aid] === 1 || this.fileStamp[pid] === this.stamp);
  }

  private add(aid: number, k: number, isFile: boolean): void {
    if (this.present(aid, isFile)) return;
    const pid = this.a.altPid[aid]!;
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
