import * as vscode from 'vscode';
import type { MapDiagnostic, ParseResult } from '../core/types';
import { engineSeverity, type MapCheck } from '../workspace/workspace-maps';
import type { WorkspaceFiles } from '../workspace/workspace-files';
import { qualifiedSymbols } from '../workspace/document-symbols';
import { symbolEntries, symbolWarnings } from './symbol-checks';
import { coverageWarnings } from './workspace-checks';

/** The setting that changes how the map editor's warnings are shown (`"off"` hides one). */
export const SEVERITY_SETTING = 'cxImpact.mapDiagnostics.severity';
/** Codes whose severity may be changed: the workspace checks and the parser's warnings. Errors stay errors: `check` fails on them. */
export const ADJUSTABLE_CODES = [
  'pattern-covers-nothing',
  'touchpoint-covers-nothing',
  'symbol-not-found',
  'unknown-key',
  'yaml-warning',
] as const;

const SEVERITIES: Record<string, vscode.DiagnosticSeverity | undefined> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
  off: undefined,
};

/** The severity a diagnostic is shown with, after the user's setting; undefined when the setting turns it off. */
export function configuredSeverity(d: MapDiagnostic): vscode.DiagnosticSeverity | undefined {
  if (!(ADJUSTABLE_CODES as readonly string[]).includes(d.code)) return engineSeverity(d);
  const configured = vscode.workspace.getConfiguration().get<Record<string, string>>(SEVERITY_SETTING)?.[d.code];
  if (configured !== undefined && configured in SEVERITIES) return SEVERITIES[configured];
  return engineSeverity(d);
}

const resultIds = new WeakMap<ParseResult, number>();
let nextResultId = 0;

/** Patterns and touchpoints that cover no file of the map's workspace folder. */
export function coverageCheck(files: WorkspaceFiles): MapCheck {
  return async (uri, result, _text, token) => {
    const map = result.map;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!map || !folder || map.journeys.length === 0) return [];
    let id = resultIds.get(result);
    if (id === undefined) resultIds.set(result, (id = nextResultId++));
    await files.filesOf(folder, token);
    // Typing in a name or description changes no pattern: the last answer stands. Counting runs in the coverage
    // worker (200,000 files × 10,000 patterns take seconds there, not on the extension host's thread).
    const shape = JSON.stringify([
      files.version,
      map.dir,
      map.journeys.map((j) => [
        j.id,
        j.touchpoints.map((t) => [t.id, t.idRange, t.paths.map((p) => [p.source, p.range])]),
      ]),
    ]);
    const key = uri.toString();
    const cached = lastWarnings.get(key);
    if (cached?.shape === shape) return cached.warnings;
    const counts = await files.coverageCounts(folder, { maps: [map] }, `${key}#${id}`, token);
    const warnings = coverageWarnings(map, counts);
    if (lastWarnings.size > 100) lastWarnings.clear();
    lastWarnings.set(key, { shape, warnings });
    return warnings;
  };
}

const lastWarnings = new Map<string, { shape: string; warnings: MapDiagnostic[] }>();

/**
 * `symbols` entries that name no symbol in the files their touchpoint covers. Separate from the coverage check: it
 * waits for language servers, and the other warnings should not wait with it.
 */
export function symbolCheck(files: WorkspaceFiles): MapCheck {
  return async (uri, result, text, token) => {
    const map = result.map;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!map || !folder || !map.journeys.some((j) => j.touchpoints.some((t) => t.symbols.length > 0))) return [];
    // The files each touchpoint covers come from the coverage worker: finding them here meant a lookup per workspace
    // file per touchpoint on the extension host's thread (minutes on 200,000 files and hundreds of touchpoints).
    const counts = await files.coverageCounts(folder, { maps: [map] }, `${uri.toString()}#symbols`, token);
    const names = new Map<string, string[]>();
    let budget = SYMBOL_DOCUMENTS;
    for (const journey of map.journeys) {
      for (const touchpoint of journey.touchpoints) {
        if (touchpoint.symbols.length === 0 || budget <= 0) continue;
        const covered = (counts.symbolFiles.get(touchpoint) ?? []).slice(0, budget);
        budget -= covered.length;
        const known = await symbolNames(folder, covered);
        if (token.isCancellationRequested) return [];
        if (known) names.set(`${journey.id}/${touchpoint.id}`, known);
      }
    }
    return symbolWarnings(map.file, text, symbolEntries(text), names);
  };
}

/**
 * Documents opened for one check at most: a generated map had 300 touchpoints with `symbols`, which would open 6,000.
 * Touchpoints past the budget get no `symbol-not-found` warning (the check cannot tell), never a wrong one.
 */
const SYMBOL_DOCUMENTS = 200;
const symbolCache = new Map<string, { version: number; names: string[] }>();

/** The qualified symbol names of the files; undefined when no symbol provider answered for any of them. */
async function symbolNames(folder: vscode.WorkspaceFolder, files: readonly string[]): Promise<string[] | undefined> {
  const names: string[] = [];
  let answered = false;
  for (const file of files) {
    const uri = vscode.Uri.joinPath(folder.uri, ...file.split('/'));
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch {
      continue;
    }
    const key = uri.toString();
    let cached = symbolCache.get(key);
    if (cached?.version !== document.version) {
      const symbols = await qualifiedSymbols(document);
      // An empty answer may be a language server still starting: not kept, asked again next time.
      if (symbols.length === 0) continue;
      cached = { version: document.version, names: symbols.map((s) => s.name) };
      if (symbolCache.size > 500) symbolCache.clear();
      symbolCache.set(key, cached);
    }
    answered = true;
    names.push(...cached.names);
  }
  return answered ? names : undefined;
}
