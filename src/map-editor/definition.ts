import * as vscode from 'vscode';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { toRange } from './map-document';

/** Files where a bare journey id is likely a reference (notes, docs, CI configs), not an identifier in code. */
export const ID_REFERENCE_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
];

/**
 * Go to definition from a journey or touchpoint id written elsewhere: `checkout/pay` (as impact reports and the map's
 * warnings write it) anywhere, a bare journey id in docs and configs. Leads to the id in the map in use.
 */
export class MapIdDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly maps: WorkspaceMaps) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const range = document.getWordRangeAtPosition(position, /[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)?/);
    if (!range) return undefined;
    const word = document.getText(range);
    const [journeyId, touchpointId] = word.split('/');
    if (touchpointId === undefined && vscode.languages.match(ID_REFERENCE_SELECTOR, document) === 0) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const out: vscode.Location[] = [];
    for (const entry of this.maps.byFolder()) {
      if (folder && entry.folder.uri.toString() !== folder.uri.toString()) continue;
      for (const map of entry.maps) {
        const uri = this.maps.uriOf(map);
        if (!uri || uri.toString() === document.uri.toString()) continue;
        for (const journey of map.journeys) {
          if (journey.id !== journeyId) continue;
          if (touchpointId === undefined) out.push(new vscode.Location(uri, toRange(journey.idRange)));
          for (const touchpoint of journey.touchpoints) {
            if (touchpoint.id === touchpointId) out.push(new vscode.Location(uri, toRange(touchpoint.idRange)));
          }
        }
      }
    }
    return out.length > 0 ? out : undefined;
  }
}
