import * as vscode from 'vscode';
import type { HoverMode } from '../hovers/coverage-hover';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { IndirectHoverProvider } from '../hovers/indirect-hover';
import { IndirectLensProvider } from '../codelens/indirect-lens';
import type { WorkspaceGraph } from '../workspace/workspace-graph';

/** The editor surfaces of indirect reach: a CodeLens (with `cxImpact.codeLens.enabled`) and a hover. */
export function registerIndirect(
  maps: WorkspaceMaps,
  graph: WorkspaceGraph,
  hoverMode: () => HoverMode,
  toggled: (key: string, create: () => vscode.Disposable) => vscode.Disposable,
): vscode.Disposable[] {
  return [
    toggled('codeLens.enabled', () => {
      const lenses = new IndirectLensProvider(maps, graph);
      return vscode.Disposable.from(lenses, vscode.languages.registerCodeLensProvider({ scheme: 'file' }, lenses));
    }),
    vscode.languages.registerHoverProvider({ scheme: 'file' }, new IndirectHoverProvider(maps, graph, hoverMode)),
  ];
}
