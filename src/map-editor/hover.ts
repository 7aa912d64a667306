import * as vscode from 'vscode';
import { codeSpan, escapeMarkdown, safeUrl } from '../core/render/escape';
import type { PathPattern } from '../core/types';
import type { WorkspaceFiles } from '../workspace/workspace-files';
import { redHatYaml } from './completion';
import { ancestry, mappingKind } from './cursor-context';
import { keyDocsFor } from './key-docs';
import { mapText, toRange } from './map-document';
import { filesOfPattern } from './workspace-checks';

const FIRST_FILES = 10;

/** Hovers in cx-map.yaml: on a pattern, the files it covers; on a key, what it means; on a link, where it goes. */
export class MapHoverProvider implements vscode.HoverProvider {
  constructor(private readonly files: WorkspaceFiles) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const current = mapText(document);
    const map = current.result.map;
    for (const journey of map?.journeys ?? []) {
      for (const link of journey.links) {
        const range = toRange(link.range);
        if (range.contains(position)) return linkHover(link.name, link.url, range);
      }
      for (const touchpoint of journey.touchpoints) {
        for (const pattern of touchpoint.paths) {
          const range = toRange(pattern.range);
          if (!range.contains(position) || !map || !current.folder) continue;
          let files: readonly string[];
          try {
            files = await this.files.filesOf(current.folder, token);
          } catch {
            return undefined;
          }
          return new vscode.Hover(
            patternCard(pattern, filesOfPattern(map, pattern.source, files, FIRST_FILES), current.folder.uri),
            range,
          );
        }
      }
    }
    // The Red Hat YAML extension shows the schema's description of a key; ours would repeat it.
    return redHatYaml() ? undefined : keyHover(document, position);
  }
}

function patternCard(
  pattern: PathPattern,
  found: { count: number; first: string[] },
  root: vscode.Uri,
): vscode.MarkdownString {
  // Untrusted: file names and the pattern are escaped; the only links are to the files themselves.
  const md = new vscode.MarkdownString();
  const files = `${found.count} file${found.count === 1 ? '' : 's'}`;
  if (pattern.negated)
    md.appendMarkdown(`${codeSpan(pattern.source)} leaves out **${files}** that the patterns above it cover.`);
  else md.appendMarkdown(`${codeSpan(pattern.source)} covers **${files}**.`);
  if (found.count === 0) return md;
  md.appendMarkdown('\n\n');
  for (const file of found.first) {
    md.appendMarkdown(`- [${escapeMarkdown(file)}](${vscode.Uri.joinPath(root, ...file.split('/')).toString()})\n`);
  }
  if (found.count > found.first.length) md.appendMarkdown(`- … and ${found.count - found.first.length} more\n`);
  return md;
}

function linkHover(name: string, url: string, range: vscode.Range): vscode.Hover {
  const md = new vscode.MarkdownString();
  const target = safeUrl(url);
  md.appendMarkdown(`Link ${codeSpan(name)} → ${target ? `[${escapeMarkdown(url)}](${target})` : codeSpan(url)}`);
  return new vscode.Hover(md, range);
}

function keyHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  const line = document.lineAt(position.line).text;
  const m = /^(\s*)((?:-\s+)?)([A-Za-z0-9_-]+)\s*:/.exec(line);
  if (!m) return undefined;
  const start = (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
  const key = m[3] ?? '';
  if (position.character < start || position.character > start + key.length) return undefined;
  const lines = document.getText().split(/\r\n|\r|\n/);
  const item = (m[2] ?? '') !== '';
  const { path } = item
    ? ancestry(lines, position.line, m[1]?.length ?? 0, true)
    : ancestry(lines, position.line, start, false);
  const owner = mappingKind(item ? [...path, '-'] : path);
  const doc = keyDocsFor(owner)?.[key];
  if (!doc) return undefined;
  const md = new vscode.MarkdownString(
    `${codeSpan(key)} (${owner === 'root' ? 'map' : owner}, ${doc.required ? 'required' : 'optional'})\n\n${doc.markdown}`,
  );
  return new vscode.Hover(md, new vscode.Range(position.line, start, position.line, start + key.length));
}
