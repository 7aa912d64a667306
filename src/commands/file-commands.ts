import * as vscode from 'vscode';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { touchpointLabel } from '../workspace/coverage-text';
import { renderFileImpactMarkdown } from './file-impact-markdown';
import { openMapAt } from '../workspace/open-map';
import { Command } from '../workspace/command-ids';

export function registerFileCommands(maps: WorkspaceMaps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Command.openMapAt, openMapAt),

    vscode.commands.registerCommand(Command.showFileTouchpoints, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Open a file to see which customer touchpoints it serves.'),
        );
        return;
      }
      const coverage = maps.coverageOf(editor.document.uri);
      if (coverage.length === 0) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('No journey covers {0}.', vscode.workspace.asRelativePath(editor.document.uri)),
        );
        return;
      }
      const picked = await vscode.window.showQuickPick(
        coverage.map((c) => ({
          label: touchpointLabel(c),
          description: [c.journey.tier, c.touchpoint.channel, c.journey.owner].filter(Boolean).join(' · '),
          detail: `${c.pattern.source} — ${c.map.file}:${c.pattern.line}`,
          coverage: c,
        })),
        {
          title: vscode.l10n.t('Touchpoints of this file'),
          placeHolder: vscode.l10n.t('Pick one to open its rule in the map'),
        },
      );
      const uri = picked && maps.uriOf(picked.coverage.map);
      if (picked && uri) await openMapAt(uri, picked.coverage.pattern.line);
    }),

    vscode.commands.registerCommand(Command.openJourney, async () => {
      const items = maps.byFolder().flatMap(({ folder, maps: folderMaps }) =>
        folderMaps.flatMap((map) =>
          map.journeys.map((journey) => ({
            label: journey.name,
            description: vscode.l10n.t(
              '{0} · {1} touchpoint{2}',
              journey.tier,
              journey.touchpoints.length,
              journey.touchpoints.length === 1 ? '' : 's',
            ),
            detail: `${folder.name}/${map.file}:${journey.range.start.line + 1}`,
            map,
            line: journey.range.start.line + 1,
          })),
        ),
      );
      if (items.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No journey map found in this workspace.'));
        return;
      }
      const picked = await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('Open a journey in its map'),
        matchOnDescription: true,
      });
      const uri = picked && maps.uriOf(picked.map);
      if (picked && uri) await openMapAt(uri, picked.line);
    }),

    vscode.commands.registerCommand(Command.copyFileImpact, async (arg?: vscode.Uri) => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!uri) return;
      const path = vscode.workspace.asRelativePath(uri, false);
      const markdown = renderFileImpactMarkdown(path, maps.coverageOf(uri));
      await vscode.env.clipboard.writeText(markdown);
      void vscode.window.setStatusBarMessage(vscode.l10n.t("CX Impact: copied this file's impact as Markdown"), 3000);
    }),
  );
}
