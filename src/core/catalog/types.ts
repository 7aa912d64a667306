// The journey catalogue's data (contract §6, docs/catalog.md): what `cx-impact catalog` writes to catalog.json and
// embeds in index.html. Plain data: every string is the map's, git's or CODEOWNERS' own, escaped only when rendered.
import type { Channel, Tier } from '../types';

export interface CatalogRepository {
  /** The commit the catalogue describes (HEAD), or undefined outside git. */
  head?: string;
  /** HEAD's committer date: the window is counted back from it, so the same commit gives the same page. */
  headDate?: string;
  /** The start of the window (ISO). */
  since?: string;
  /** False when the clone is shallow and its history starts after `since`. */
  historyComplete: boolean;
  /** Shallow clone: the date of the oldest commit it has. */
  historyFrom?: string;
  shallow?: boolean;
}

export interface CatalogEntryPoint {
  kind: 'http' | 'graphql' | 'page';
  method?: string;
  route?: string;
  operation?: string;
  file: string;
  line: number;
  handler?: string;
}

export interface CatalogTouchpoint {
  id: string;
  name: string;
  channel: Channel;
  description?: string;
  /** Files the touchpoint's patterns cover directly. */
  files: number;
  /** Files no touchpoint covers that reach this one through imports within maxHops. */
  indirectFiles: number;
  entryPoints: CatalogEntryPoint[];
  /** The patterns as written (for engineers; hidden in the CX view). */
  paths: string[];
  symbols?: string[];
  /** One-based line of the touchpoint in its map. */
  line: number;
}

export interface CatalogChange {
  commit: string;
  date: string;
  author: string;
  subject: string;
  pr?: number;
  reach: 'direct' | 'indirect';
  touchpoints: string[];
  files: string[];
  /** Set when the change touched more of the journey's files than `files` lists. */
  filesTotal?: number;
}

export interface MapEdit {
  date: string;
  author: string;
  commit: string;
  /** Some of the journey's lines are edited in the working tree and not committed. */
  uncommitted?: boolean;
}

export interface CatalogJourney {
  /** What `#journey=` names: the id, or `id@map-folder` when two maps use the same id. */
  key: string;
  id: string;
  name: string;
  tier: Tier;
  description?: string;
  owner?: string;
  slo?: string;
  customers?: string;
  links: Record<string, string>;
  map: string;
  /** One-based line of the journey in its map. */
  line: number;
  codeOwners: string[];
  mapEdited?: MapEdit;
  touchpoints: CatalogTouchpoint[];
  changes: CatalogChange[];
  /** Changes in the window; `changes` lists the most recent MAX_CHANGES_PER_JOURNEY of them. */
  changesInWindow: number;
}

export interface CatalogBlindSpots {
  uncoveredEntryPoints: CatalogEntryPoint[];
  touchpointsWithoutFiles: { journey: string; touchpoint: string; map: string }[];
  journeysWithoutEntryPoints: string[];
}

export interface CatalogDiagnostic {
  file: string;
  line: number;
  col: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

export interface Catalog {
  version: 1;
  generatedAt: string;
  repository: CatalogRepository;
  journeys: CatalogJourney[];
  blindSpots: CatalogBlindSpots;
  diagnostics: CatalogDiagnostic[];
  /** Totals the page shows in its header. */
  totals: { files: number; coveredFiles: number; commits: number; entryPoints: number };
  /** Where owners came from: the CODEOWNERS file read, if any. */
  codeOwnersFile?: string;
}
