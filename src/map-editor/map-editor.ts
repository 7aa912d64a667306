import * as vscode from 'vscode';
import type { WorkspaceFiles } from '../workspace/workspace-files';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { addFileToTouchpoint, type AddFileChoices } from './add-file-command';
import { MapCompletionProvider } from './completion';
import { MapIdDefinitionProvider } from './definition';
import { coverageCheck, SEVERITY_SETTING, symbolCheck } from './diagnostics';
import { MapHoverProvider } from './hover';
import { forgetMapText } from './map-document';
import type { WorkspaceEntryPoints } from '../workspace/workspace-entry-points';
import { createMap, showUncoveredFiles } from './map-commands';
import { MapLensProvider, showTouchpointFiles } from './map-lens';
import { MapOutlineProvider } from './outline';
import { MapQuickFixProvider } from './quick-fixes';
import { Command } from '../workspace/command-ids';

/** cx-map.yaml and cx-map.yml on disk: the map editor's providers answer for these only. */
export const MAP_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file', pattern: '**/cx-map.{yaml,yml}' }];

/** Everything that makes cx-map.yaml pleasant to edit; disposing it takes all of it away. */
export function registerMapEditor(
  maps: WorkspaceMaps,
  files: WorkspaceFiles,
  entryPoints?: WorkspaceEntryPoints,
): vscode.Disposable {
  const lenses = new MapLensProvider(files);
  const outline = new MapOutlineProvider();
  maps.setChecks([coverageCheck(files), symbolCheck(files)]);
  return vscode.Disposable.from(
    new vscode.Disposable(() => maps.setChecks([])),
    files.onDidChange(() => maps.recheck()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SEVERITY_SETTING)) maps.recheck();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => forgetMapText(doc.uri)),
    vscode.languages.registerCompletionItemProvider(MAP_SELECTOR, new MapCompletionProvider(files), ':', ' ', '/', '-'),
    vscode.languages.registerHoverProvider(MAP_SELECTOR, new MapHoverProvider(files)),
    lenses,
    vscode.languages.registerCodeLensProvider(MAP_SELECTOR, lenses),
    vscode.languages.registerCodeActionsProvider(
      MAP_SELECTOR,
      new MapQuickFixProvider(maps),
      MapQuickFixProvider.metadata,
    ),
    vscode.languages.registerDocumentSymbolProvider(MAP_SELECTOR, outline, { label: vscode.l10n.t('CX Impact') }),
    vscode.languages.registerFoldingRangeProvider(MAP_SELECTOR, outline),
    vscode.languages.registerDefinitionProvider({ scheme: 'file' }, new MapIdDefinitionProvider(maps)),
    vscode.commands.registerCommand(
      Command.showTouchpointFiles,
      (uri: unknown, journey: unknown, touchpoint: unknown) => showTouchpointFiles(files, uri, journey, touchpoint),
    ),
    // From the Explorer the second argument is the list of selected files, not choices.
    vscode.commands.registerCommand(Command.addFileToTouchpoint, (uri: unknown, choices: unknown) =>
      addFileToTouchpoint(maps, files, uri, isChoices(choices) ? choices : {}),
    ),
    vscode.commands.registerCommand(Command.createMap, (uri: unknown, proposal?: unknown) =>
      createMap(files, uri, entryPoints, proposal),
    ),
    vscode.commands.registerCommand(Command.showUncoveredFiles, () => showUncoveredFiles(maps, files)),
  );
}

function isChoices(value: unknown): value is AddFileChoices {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
