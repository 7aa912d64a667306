import * as vscode from 'vscode';
import type { MapDiagnostic } from '../core/types';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { addTouchpointsList, offsetAt, removeEntryLine, replaceScalar, type TextEdit } from '../core/map/fix-edits';
import { mapText } from './map-document';

/**
 * Quick fixes for the map's diagnostics: the suggested key, tier, channel or id; a pattern anchored as `**\/…`; a
 * pattern that covers nothing removed; a missing `touchpoints` list created. Each is one edit of the span it fixes.
 */
export class MapQuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly maps: WorkspaceMaps) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const known = this.maps.mapDiagnostics(document.uri);
    const actions: vscode.CodeAction[] = [];
    const text = document.getText();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'cx-impact') continue;
      const found = known.find((d) => d.code === diagnostic.code && sameRange(d, diagnostic.range));
      if (!found) continue;
      for (const fix of fixesFor(found, text, document)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        const edit = new vscode.WorkspaceEdit();
        edit.replace(
          document.uri,
          new vscode.Range(document.positionAt(fix.edit.start), document.positionAt(fix.edit.end)),
          fix.edit.text,
        );
        action.edit = edit;
        actions.push(action);
      }
    }
    return actions;
  }
}

interface Fix {
  title: string;
  edit: TextEdit;
  preferred: boolean;
}

function fixesFor(d: MapDiagnostic, text: string, document: vscode.TextDocument): Fix[] {
  const start = offsetAt(text, d.range.start);
  const end = offsetAt(text, d.range.end);
  const fixes: Fix[] = [];
  const suggestion = d.suggestion;
  switch (d.code) {
    case 'unknown-key':
      if (suggestion)
        fixes.push({
          title: vscode.l10n.t('Rename the key to `{0}`', suggestion),
          edit: replaceScalar(text, start, end, suggestion),
          preferred: true,
        });
      break;
    case 'bad-tier':
    case 'bad-channel':
    case 'bad-id':
      if (suggestion)
        fixes.push({
          title: vscode.l10n.t('Change to `{0}`', suggestion),
          edit: replaceScalar(text, start, end, suggestion),
          preferred: true,
        });
      break;
    case 'pattern-covers-nothing': {
      if (suggestion)
        fixes.push({
          title: vscode.l10n.t('Anchor as `{0}` (any depth)', suggestion),
          edit: replaceScalar(text, start, end, suggestion),
          preferred: true,
        });
      // Removing the last pattern would leave the touchpoint without paths, an error: only when others remain.
      const touchpoint = mapText(document)
        .result.map?.journeys.flatMap((j) => j.touchpoints)
        .find((t) =>
          t.paths.some(
            (p) => p.range.start.line === d.range.start.line && p.range.start.character === d.range.start.character,
          ),
        );
      const remove = removeEntryLine(text, start);
      if (touchpoint && touchpoint.paths.length > 1 && remove)
        fixes.push({ title: vscode.l10n.t('Remove this pattern'), edit: remove, preferred: false });
      break;
    }
    case 'missing-field': {
      if (!d.message.includes('`touchpoints`')) break;
      const add = addTouchpointsList(text, start);
      if (add) fixes.push({ title: vscode.l10n.t('Add a `touchpoints` list'), edit: add, preferred: true });
      break;
    }
  }
  return fixes;
}

function sameRange(d: MapDiagnostic, range: vscode.Range): boolean {
  return (
    d.range.start.line === range.start.line &&
    d.range.start.character === range.start.character &&
    d.range.end.line === range.end.line &&
    d.range.end.character === range.end.character
  );
}
