// Builds the journey catalogue (contract §6) from what the engine and git already know: the maps, which files each
// touchpoint covers, the entry points, the dependency graph's reach, the commits of the window, CODEOWNERS and the
// blame of the map. Pure: the caller reads git and the disk.
import { languageOfPath } from '../code/languages';
import type { CoveredEntryPoint } from '../entry-points/coverage';
import type { DependencyGraph } from '../graph/graph';
import { reachOfFiles } from '../graph/indirect-impact';
import type { IndirectOptions } from '../graph/reach';
import { byPath } from '../impact/impact';
import type { Coverage, CxMap, Journey, MapDiagnostic, Range } from '../types';
import { tierRank } from '../types';
import type { CodeOwners } from './codeowners';
import type {
  Catalog,
  CatalogChange,
  CatalogEntryPoint,
  CatalogJourney,
  CatalogRepository,
  CatalogTouchpoint,
  MapEdit,
} from './types';
import { plainSubject, pullRequestOf } from './window';

export interface CommitFacts {
  commit: string;
  /** ISO committer date. */
  date: string;
  author: string;
  subject: string;
  body?: string;
  /** Repository paths the commit changed (against its first parent). */
  files: readonly string[];
}

/** Who last changed one line of a map. */
export interface LineEdit {
  commit: string;
  date: string;
  author: string;
  /** The line is edited in the working tree and not committed. */
  uncommitted?: boolean;
}

export interface CatalogInput {
  generatedAt: string;
  repository: CatalogRepository;
  maps: readonly CxMap[];
  diagnostics: readonly MapDiagnostic[];
  /** The repository's files (map files left out), relative with `/`. */
  files: readonly string[];
  coverageOf(path: string): Coverage[];
  entryPoints: readonly CoveredEntryPoint[];
  graph?: DependencyGraph;
  indirect: IndirectOptions;
  /** Most recent first, as git log prints them. */
  commits: readonly CommitFacts[];
  codeOwners?: CodeOwners;
  codeOwnersFile?: string;
  /** Per map file, the last edit of each line (index 0 is line 1). */
  blame?: ReadonlyMap<string, readonly (LineEdit | undefined)[]>;
}

/** A journey lists at most this many changes (the most recent); the page says how many more the window has. */
export const MAX_CHANGES_PER_JOURNEY = 200;
/** A change lists at most this many of its files. */
export const MAX_FILES_PER_CHANGE = 20;

const SEP = '\u0000';
const touchpointKey = (map: string, journey: string, touchpoint: string): string =>
  `${map}${SEP}${journey}${SEP}${touchpoint}`;
const journeyKey = (map: string, journey: string): string => `${map}${SEP}${journey}`;

export function buildCatalog(input: CatalogInput): Catalog {
  const memo = new Map<string, Coverage[]>();
  const coverageOf = (path: string): Coverage[] => {
    let c = memo.get(path);
    if (!c) memo.set(path, (c = input.coverageOf(path)));
    return c;
  };

  // Files per touchpoint and per journey.
  const filesOfTouchpoint = new Map<string, number>();
  const filesOfJourney = new Map<string, string[]>();
  const covered = new Set<string>();
  const touchpointFiles = new Map<string, string[]>();
  let coveredFiles = 0;
  for (const file of input.files) {
    const cov = input.coverageOf(file);
    if (cov.length === 0) continue;
    coveredFiles++;
    covered.add(file);
    const journeysSeen = new Set<string>();
    for (const c of cov) {
      const tk = touchpointKey(c.map.file, c.journey.id, c.touchpoint.id);
      filesOfTouchpoint.set(tk, (filesOfTouchpoint.get(tk) ?? 0) + 1);
      if (input.graph) {
        let list = touchpointFiles.get(tk);
        if (!list) touchpointFiles.set(tk, (list = []));
        list.push(file);
      }
      const jk = journeyKey(c.map.file, c.journey.id);
      if (journeysSeen.has(jk)) continue;
      journeysSeen.add(jk);
      let list = filesOfJourney.get(jk);
      if (!list) filesOfJourney.set(jk, (list = []));
      list.push(file);
    }
  }

  const indirectCounts =
    input.graph && input.indirect.maxHops > 0
      ? indirectFileCounts(input.graph, touchpointFiles, covered, input.indirect.maxHops)
      : new Map<string, number>();

  // Entry points per touchpoint; the uncovered ones are blind spots.
  const entriesOf = new Map<string, CatalogEntryPoint[]>();
  const uncoveredEntryPoints: CatalogEntryPoint[] = [];
  for (const point of input.entryPoints) {
    const shown = entryPointOf(point);
    if (point.touchpoints.length === 0) uncoveredEntryPoints.push(shown);
    for (const t of point.touchpoints) {
      const tk = touchpointKey(t.map, t.journey, t.touchpoint);
      let list = entriesOf.get(tk);
      if (!list) entriesOf.set(tk, (list = []));
      list.push(shown);
    }
  }

  const changes = changesByJourney(input, coverageOf);

  const ids = new Map<string, number>();
  for (const map of input.maps) for (const j of map.journeys) ids.set(j.id, (ids.get(j.id) ?? 0) + 1);

  const journeys: (CatalogJourney & { order: number })[] = [];
  const touchpointsWithoutFiles: Catalog['blindSpots']['touchpointsWithoutFiles'] = [];
  const journeysWithoutEntryPoints: string[] = [];
  let order = 0;
  for (const map of input.maps) {
    for (const journey of map.journeys) {
      const jk = journeyKey(map.file, journey.id);
      const key = (ids.get(journey.id) ?? 0) > 1 ? `${journey.id}@${map.dir || '.'}` : journey.id;
      const touchpoints: CatalogTouchpoint[] = journey.touchpoints.map((tp) => {
        const tk = touchpointKey(map.file, journey.id, tp.id);
        const files = filesOfTouchpoint.get(tk) ?? 0;
        if (files === 0) touchpointsWithoutFiles.push({ journey: key, touchpoint: tp.id, map: map.file });
        const out: CatalogTouchpoint = {
          id: tp.id,
          name: tp.name,
          channel: tp.channel ?? 'other',
          files,
          indirectFiles: indirectCounts.get(tk) ?? 0,
          entryPoints: entriesOf.get(tk) ?? [],
          paths: tp.paths.map((p) => p.source),
          line: tp.range.start.line + 1,
        };
        if (tp.description !== undefined) out.description = tp.description;
        if (tp.symbols.length > 0) out.symbols = [...tp.symbols];
        return out;
      });
      if (touchpoints.every((t) => t.entryPoints.length === 0)) journeysWithoutEntryPoints.push(key);
      const all = changes.get(jk) ?? [];
      const entry: CatalogJourney & { order: number } = {
        order: order++,
        key,
        id: journey.id,
        name: journey.name,
        tier: journey.tier,
        links: Object.fromEntries(journey.links.map((l) => [l.name, l.url])),
        map: map.file,
        line: journey.range.start.line + 1,
        codeOwners: input.codeOwners ? ownersOfFiles(input.codeOwners, filesOfJourney.get(jk) ?? []) : [],
        touchpoints,
        changes: all.slice(0, MAX_CHANGES_PER_JOURNEY),
        changesInWindow: all.length,
      };
      if (journey.description !== undefined) entry.description = journey.description;
      if (journey.owner !== undefined) entry.owner = journey.owner;
      if (journey.slo !== undefined) entry.slo = journey.slo;
      if (journey.customers !== undefined) entry.customers = journey.customers;
      const edited = lastEdit(input.blame?.get(map.file), journey);
      if (edited) entry.mapEdited = edited;
      journeys.push(entry);
    }
  }
  journeys.sort((a, b) => tierRank(a.tier) - tierRank(b.tier) || a.order - b.order);

  const catalog: Catalog = {
    version: 1,
    generatedAt: input.generatedAt,
    repository: input.repository,
    journeys: journeys.map(({ order: _order, ...j }) => j),
    blindSpots: { uncoveredEntryPoints, touchpointsWithoutFiles, journeysWithoutEntryPoints },
    diagnostics: input.diagnostics.map((d) => ({
      file: d.file,
      line: d.range.start.line + 1,
      col: d.range.start.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
    totals: {
      files: input.files.length,
      coveredFiles,
      commits: input.commits.length,
      entryPoints: input.entryPoints.length,
    },
  };
  if (input.codeOwnersFile !== undefined) catalog.codeOwnersFile = input.codeOwnersFile;
  return catalog;
}

function entryPointOf(point: CoveredEntryPoint): CatalogEntryPoint {
  const out: CatalogEntryPoint = { kind: point.kind, file: point.file, line: point.line };
  if (point.method !== undefined) out.method = point.method;
  if (point.route !== undefined) out.route = point.route;
  if (point.operation !== undefined) out.operation = point.operation;
  if (point.handler !== undefined) out.handler = point.handler;
  return out;
}

/** The owners of the journey's files, the one owning most of them first. */
function ownersOfFiles(codeOwners: CodeOwners, files: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const file of files)
    for (const owner of codeOwners.ownersOf(file)) counts.set(owner, (counts.get(owner) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([o]) => o);
}

/**
 * How many files no touchpoint covers reach each touchpoint through imports within `maxHops`: the files whose change
 * `impact` would report against it. Walks forward from the touchpoint's files along imports; a covered file ends the
 * walk (a change there is that file's own touchpoints' business), as it ends impact's walk back over importers.
 */
function indirectFileCounts(
  graph: DependencyGraph,
  touchpointFiles: ReadonlyMap<string, string[]>,
  covered: ReadonlySet<string>,
  maxHops: number,
): Map<string, number> {
  const out = new Map<string, number>();
  const stamp = new Uint32Array(graph.files.length);
  let epoch = 0;
  for (const [tk, files] of touchpointFiles) {
    epoch++;
    let frontier: number[] = [];
    for (const f of files) {
      const i = graph.indexOf(f);
      if (i !== undefined && stamp[i] !== epoch) {
        stamp[i] = epoch;
        frontier.push(i);
      }
    }
    let count = 0;
    for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
      const next: number[] = [];
      for (const at of frontier) {
        for (const to of graph.importedFiles(at)) {
          if (stamp[to] === epoch) continue;
          stamp[to] = epoch;
          if (graph.excluded[to] || covered.has(graph.files[to]!)) continue;
          count++;
          next.push(to);
        }
      }
      frontier = next;
    }
    out.set(tk, count);
  }
  return out;
}

/** Each journey's changes in the window, most recent first. */
function changesByJourney(input: CatalogInput, coverageOf: (path: string) => Coverage[]): Map<string, CatalogChange[]> {
  // Indirect reach of the changed files no touchpoint covers, each file walked once whatever the number of commits.
  const reachOf = new Map<string, { jk: string; tp: string }[]>();
  if (input.graph && input.indirect.maxHops > 0) {
    const open = new Set<string>();
    for (const c of input.commits)
      for (const f of c.files)
        if (!open.has(f) && languageOfPath(f) !== undefined && coverageOf(f).length === 0) open.add(f);
    const inGraph = [...open].filter((f) => input.graph!.indexOf(f) !== undefined);
    for (const r of reachOfFiles(input.graph, inGraph, coverageOf, input.indirect)) {
      if (r.hits.length === 0) continue;
      reachOf.set(
        r.file,
        r.hits.map((h) => ({
          jk: journeyKey(h.target.value.map.file, h.target.value.journey.id),
          tp: h.target.value.touchpoint.id,
        })),
      );
    }
  }

  // A change names its touchpoints in the journey's order.
  const rank = new Map<string, number>();
  for (const map of input.maps)
    for (const j of map.journeys) j.touchpoints.forEach((t, i) => rank.set(touchpointKey(map.file, j.id, t.id), i));
  const out = new Map<string, CatalogChange[]>();
  for (const commit of input.commits) {
    const perJourney = new Map<string, { direct: boolean; touchpoints: Set<string>; files: Set<string> }>();
    const note = (jk: string, tp: string, file: string, direct: boolean): void => {
      let j = perJourney.get(jk);
      if (!j) perJourney.set(jk, (j = { direct: false, touchpoints: new Set(), files: new Set() }));
      if (direct && !j.direct) {
        // Direct reach wins: the files listed are then the ones the journey's touchpoints cover.
        j.direct = true;
        j.touchpoints.clear();
        j.files.clear();
      }
      if (direct || !j.direct) {
        j.touchpoints.add(tp);
        j.files.add(file);
      }
    };
    for (const file of commit.files) {
      const cov = coverageOf(file);
      for (const c of cov) note(journeyKey(c.map.file, c.journey.id), c.touchpoint.id, file, true);
      if (cov.length === 0) for (const hit of reachOf.get(file) ?? []) note(hit.jk, hit.tp, file, false);
    }
    if (perJourney.size === 0) continue;
    const pr = pullRequestOf(commit.subject, commit.body);
    const subject = plainSubject(commit.subject, commit.body);
    for (const [jk, j] of perJourney) {
      const files = [...j.files].sort(byPath);
      const change: CatalogChange = {
        commit: commit.commit,
        date: commit.date,
        author: commit.author,
        subject,
        reach: j.direct ? 'direct' : 'indirect',
        touchpoints: [...j.touchpoints].sort(
          (a, b) => (rank.get(`${jk}${SEP}${a}`) ?? 0) - (rank.get(`${jk}${SEP}${b}`) ?? 0),
        ),
        files: files.slice(0, MAX_FILES_PER_CHANGE),
      };
      if (pr !== undefined) change.pr = pr;
      if (files.length > MAX_FILES_PER_CHANGE) change.filesTotal = files.length;
      let list = out.get(jk);
      if (!list) out.set(jk, (list = []));
      list.push(change);
    }
  }
  return out;
}

function linesOf(range: Range): [number, number] {
  const end = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  return [range.start.line, end];
}

/** The most recent edit among the journey's lines in its map. */
function lastEdit(lines: readonly (LineEdit | undefined)[] | undefined, journey: Journey): MapEdit | undefined {
  if (!lines) return undefined;
  const [from, to] = linesOf(journey.range);
  let best: LineEdit | undefined;
  let uncommitted = false;
  for (let i = from; i <= to && i < lines.length; i++) {
    const edit = lines[i];
    if (!edit) continue;
    if (edit.uncommitted) {
      uncommitted = true;
      continue;
    }
    if (!best || Date.parse(edit.date) > Date.parse(best.date)) best = edit;
  }
  if (!best) return uncommitted ? { date: '', author: '', commit: '', uncommitted: true } : undefined;
  const out: MapEdit = { date: best.date, author: best.author, commit: best.commit };
  if (uncommitted) out.uncommitted = true;
  return out;
}
