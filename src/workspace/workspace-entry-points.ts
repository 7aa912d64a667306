// The workspace's entry points and the journeys that reach them, for the Journeys view, the CodeLens, the add command
// and "Create cx-map.yaml". Computed lazily (first asked, never at activation): each source file is parsed by the
// engine's code reader in worker threads (dist/code-worker.js), answers cached by content, so a re-read after a save
// parses only what changed. The coverage is recomputed from the current maps on each request (cheap).
import * as vscode from 'vscode';
import { entryPointCoverage, type CoveredEntryPoint } from '../core/entry-points/coverage';
import type { EntryPoint } from '../core/entry-points/types';
import type { WorkspaceFiles } from './workspace-files';
import type { WorkspaceMaps } from './workspace-maps';
import type { CodeReader } from '../node/code-reader';
import type * as EntryEngine from './entry-engine';

let loaded: typeof EntryEngine | undefined;

/** The entry points' reading code, loaded on the first request (dist/entry-engine.js beside the extension). */
function engine(): typeof EntryEngine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./entry-engine') as typeof EntryEngine);
}

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|go|py|java)$/;
const CHANGE_DEBOUNCE_MS = 500;

export interface FolderEntryPoints {
  folder: vscode.WorkspaceFolder;
  points: CoveredEntryPoint[];
}

export class WorkspaceEntryPoints implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; points: Promise<EntryPoint[]> }>();
  private version = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];
  /** The entry points behind the Journeys view's nodes, by node id, for the add command run from a node. */
  readonly nodeGroups = new Map<string, EntryPoint[]>();
  /** Fires (debounced) when the entry points may have changed: code saved, files added or removed, maps edited. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly maps: WorkspaceMaps,
    private readonly files: WorkspaceFiles,
    /** The extension's one code reader (src/workspace/code-reading.ts), shared with symbols and the graph. */
    private readonly code: () => CodeReader | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables = [
      this.changed,
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (SOURCE.test(doc.uri.path)) this.invalidate();
      }),
      files.onDidChange(() => this.invalidate()),
      maps.onDidChange(() => this.changed.fire()),
    ];
  }

  /** The entry points of every folder that has maps (or of `only`), with the touchpoints that cover each. */
  async report(only?: vscode.WorkspaceFolder): Promise<FolderEntryPoints[]> {
    const out: FolderEntryPoints[] = [];
    for (const { folder, matcher } of this.maps.byFolder()) {
      if (only && folder.uri.toString() !== only.uri.toString()) continue;
      const points = await this.pointsOf(folder);
      out.push({ folder, points: entryPointCoverage(points, (p) => matcher.coverageOf(p)).entryPoints });
    }
    return out;
  }

  /** The folder's entry points, without coverage (for a folder with no map yet too). */
  pointsOf(folder: vscode.WorkspaceFolder): Promise<EntryPoint[]> {
    const key = folder.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === this.version) return cached.points;
    const points = this.read(folder);
    this.cache.set(key, { version: this.version, points });
    points.catch(() => this.cache.delete(key));
    return points;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  private invalidate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.version++;
      this.changed.fire();
    }, CHANGE_DEBOUNCE_MS);
  }

  private async read(folder: vscode.WorkspaceFolder): Promise<EntryPoint[]> {
    if (folder.uri.scheme !== 'file') return [];
    const reader = this.code();
    if (!reader) return [];
    const started = Date.now();
    const files = await this.files.filesOf(folder);
    const read = await engine().readEntryPoints(folder.uri.fsPath, files, reader);
    this.log.debug(
      `Entry points of ${folder.name}: ${read.entryPoints.length} in ${Date.now() - started} ms (${read.skipped.length} files skipped)`,
    );
    return read.entryPoints;
  }
}
