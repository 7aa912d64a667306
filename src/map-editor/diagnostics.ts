import * as vscode from 'vscode';
import { Matcher } from '../core/match/matcher';
import type { MapDiagnostic, ParseResult } from '../core/types';
import { engineSeverity, type MapCheck } from '../maps/workspace-maps';
import type { WorkspaceFiles } from '../maps/workspace-files';
import { coverageWarnings } from './workspace-checks';

/** The setting that changes how the map editor's warnings are shown (`"off"` hides one). */
export const SEVERITY_SETTING = 'cxImpact.mapDiagnostics.severity';
/** Codes whose severity may be changed: the workspace checks and the parser's warnings. Errors stay errors: `check` fails on them. */
export const ADJUSTABLE_CODES = ['pattern-covers-nothing', 'touchpoint-covers-nothing', 'symbol-not-found', 'unknown-key', 'yaml-warning'] as const;

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

/** The workspace checks: patterns and touchpoints that cover no file of the map's workspace folder. */
export function workspaceCheck(files: WorkspaceFiles): MapCheck {
  return async (uri, result, token) => {
    const map = result.map;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!map || !folder || map.journeys.length === 0) return [];
    let id = resultIds.get(result);
    if (id === undefined) resultIds.set(result, (id = nextResultId++));
    const list = await files.filesOf(folder, token);
    const counts = await files.coverageCounts(folder, new Matcher([map]), `${uri.toString()}#${id}`, token);
    return coverageWarnings(map, counts, list);
  };
}
