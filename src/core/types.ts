// The engine's data model. Plain data only: positions are numbers, paths are strings with `/`.
// The extension turns these into vscode objects in its feature folders; the CLI prints them.

export const TIERS = ['critical', 'high', 'medium', 'low'] as const;
export type Tier = (typeof TIERS)[number];

export const CHANNELS = [
  'web',
  'mobile',
  'email',
  'sms',
  'voice',
  'chat',
  'contact-center',
  'api',
  'store',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Lower is more critical: critical = 0 … low = 3. */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** Zero-based, like LSP and vscode.Position. The CLI prints `line + 1:character + 1`. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

export interface MapDiagnostic {
  /** The map file, relative to the repository (or workspace folder) root, with `/`. */
  file: string;
  range: Range;
  severity: Severity;
  /** Stable, kebab-case, documented in docs/cx-map.md (e.g. `unknown-key`, `bad-tier`). */
  code: string;
  /** Says what is wrong and how to fix it. */
  message: string;
  /** A replacement the editor can offer as a quick fix (closest known key, tier, channel). */
  suggestion?: string;
}

export interface Link {
  name: string;
  /** Always http(s); anything else is a diagnostic and is dropped. */
  url: string;
  range: Range;
}

export interface PathPattern {
  /** Exactly as written in the map (may start with `!`). */
  source: string;
  /** True when the pattern starts with `!`. */
  negated: boolean;
  /** Position of the scalar in the map. `line` below is `range.start.line + 1`. */
  range: Range;
  /** One-based line in the map, as printed by `explain` and in JSON. */
  line: number;
}

export interface Touchpoint {
  id: string;
  name: string;
  channel?: Channel;
  description?: string;
  paths: PathPattern[];
  /** `Class.member`, a bare top-level name, `*` allowed within a segment. */
  symbols: string[];
  /** The whole touchpoint item, and the `id` scalar. */
  range: Range;
  idRange: Range;
}

export interface Journey {
  id: string;
  name: string;
  tier: Tier;
  owner?: string;
  description?: string;
  slo?: string;
  /** The reach, as written (numbers are kept as their text). */
  customers?: string;
  links: Link[];
  touchpoints: Touchpoint[];
  range: Range;
  idRange: Range;
}

export interface CxMap {
  /** The map file, relative to the root it was discovered under, with `/` (e.g. `packages/web/cx-map.yaml`). */
  file: string;
  /** The folder the map governs, relative to the same root: `''` for the root itself, else `packages/web`. */
  dir: string;
  journeys: Journey[];
  /** The map's `indirect:` key (contract §5.4): the team's defaults for indirect reach. */
  indirect?: IndirectSettings;
}

export interface IndirectSettings {
  /** 0 turns indirect impact off. */
  maxHops?: number;
  /** More transitive importers than this makes a changed file shared infrastructure. */
  sharedAbove?: number;
  /** Globs (relative to the map's folder) of files that never carry impact, added to the built-in test globs. */
  exclude?: string[];
}

export interface ParseResult {
  /** Every valid journey, even when other parts of the file are broken. Undefined only when nothing could be read. */
  map: CxMap | undefined;
  diagnostics: MapDiagnostic[];
}

/** One touchpoint covering one path, and why. */
export interface Coverage {
  map: CxMap;
  journey: Journey;
  touchpoint: Touchpoint;
  /** The last pattern of the touchpoint's list that matched the path (never a negated one). */
  pattern: PathPattern;
  /** True when the touchpoint names `symbols`: the file is covered only in part. */
  symbolScoped: boolean;
}

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'untracked' | 'type-changed';

export interface ChangedFile {
  /** Repository-relative, with `/`. For a rename: the new path. */
  path: string;
  status: ChangeStatus;
  /** For renames and copies. */
  oldPath?: string;
}
