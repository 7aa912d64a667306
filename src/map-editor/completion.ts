import * as vscode from 'vscode';
import { CHANNELS, TIERS } from '../core/types';
import type { WorkspaceFiles } from '../workspace/workspace-files';
import { cursorContext, type CursorContext } from './cursor-context';
import { keyDocsFor, TIER_DOCS } from './key-docs';
import { mapText } from './map-document';
import { needsQuotes } from '../core/map/quoting';
import { pathSuggestions } from './path-suggestions';

const JOURNEY_SNIPPET = [
  'id: ${1:journey-id}',
  'name: ${2:Journey name}',
  `tier: \${3|${TIERS.join(',')}|}`,
  'owner: "${4:@team}"',
  'touchpoints:',
  '  - id: ${5:touchpoint-id}',
  '    name: ${6:Touchpoint name}',
  `    channel: \${7|${CHANNELS.join(',')}|}`,
  '    paths:',
  '      - ${8:services/example/**}$0',
];

const TOUCHPOINT_SNIPPET = [
  'id: ${1:touchpoint-id}',
  'name: ${2:Touchpoint name}',
  `channel: \${3|${CHANNELS.join(',')}|}`,
  'paths:',
  '  - ${4:services/example/**}$0',
];

/**
 * Completion in cx-map.yaml: the keys valid at the cursor (with what they mean), tier and channel values, workspace
 * folders and files in `paths` one segment at a time, and snippets for a new journey and touchpoint.
 */
export class MapCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly files: WorkspaceFiles) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionItem[] | vscode.CompletionList> {
    const context = cursorContext(document.getText(), position.line, position.character);
    // With the Red Hat YAML extension, keys and values already come from the schema (with the same words): offering
    // them twice would list each key twice. Snippets and paths are ours alone.
    const schemaCompletes = redHatYaml();
    switch (context.kind) {
      case 'key':
        return this.keys(context, position).filter(
          (item) => !schemaCompletes || item.kind === vscode.CompletionItemKind.Snippet,
        );
      case 'value':
        return schemaCompletes ? [] : this.values(context, position);
      case 'item':
        return context.list === 'paths' ? this.paths(document, context, position, token) : [];
      default:
        return [];
    }
  }

  private keys(context: Extract<CursorContext, { kind: 'key' }>, position: vscode.Position): vscode.CompletionItem[] {
    const range = new vscode.Range(position.line, context.replaceStart, position.line, position.character);
    const items: vscode.CompletionItem[] = [];
    const last = context.path[context.path.length - 1];
    // At a new list entry's place (`- ` typed, or the dash column of journeys/touchpoints): offer a whole entry.
    if ((context.owner === 'journey' && context.startsItem) || last === 'journeys')
      items.push(snippet('New journey', JOURNEY_SNIPPET, !context.startsItem, range));
    if ((context.owner === 'touchpoint' && context.startsItem) || last === 'touchpoints')
      items.push(snippet('New touchpoint', TOUCHPOINT_SNIPPET, !context.startsItem, range));
    const docs = keyDocsFor(context.owner);
    if (!docs) return items;
    for (const [key, doc] of Object.entries(docs)) {
      if (context.siblings.includes(key)) continue;
      const item = new vscode.CompletionItem(
        { label: key, description: doc.summary },
        vscode.CompletionItemKind.Property,
      );
      item.documentation = new vscode.MarkdownString(doc.markdown);
      item.detail = doc.required ? 'required' : 'optional';
      item.range = range;
      // Required keys first, in the order the docs give them.
      item.sortText = `${doc.required ? 0 : 1}${String(Object.keys(docs).indexOf(key)).padStart(2, '0')}`;
      if (doc.shape === 'scalar') {
        item.insertText = new vscode.SnippetString(`${key}: `);
        if (key === 'tier' || key === 'channel')
          item.command = { title: 'suggest', command: 'editor.action.triggerSuggest' };
      } else if (doc.shape === 'list') {
        item.insertText = new vscode.SnippetString(`${key}:\n  - $0`);
      } else {
        item.insertText = new vscode.SnippetString(`${key}:\n  $0`);
      }
      items.push(item);
    }
    return items;
  }

  private values(
    context: Extract<CursorContext, { kind: 'value' }>,
    position: vscode.Position,
  ): vscode.CompletionItem[] {
    const range = new vscode.Range(position.line, context.replaceStart, position.line, position.character);
    const choices: Array<{ value: string; doc?: string }> =
      context.owner === 'journey' && context.key === 'tier'
        ? TIERS.map((t) => ({ value: t, doc: TIER_DOCS[t] }))
        : context.owner === 'touchpoint' && context.key === 'channel'
          ? CHANNELS.map((c) => ({ value: c }))
          : context.owner === 'root' && context.key === 'version'
            ? [{ value: '1', doc: 'The only map format version.' }]
            : [];
    return choices.map((choice, i) => {
      const item = new vscode.CompletionItem(choice.value, vscode.CompletionItemKind.EnumMember);
      item.range = range;
      item.sortText = String(i).padStart(2, '0');
      if (choice.doc) item.documentation = new vscode.MarkdownString(choice.doc);
      return item;
    });
  }

  private async paths(
    document: vscode.TextDocument,
    context: Extract<CursorContext, { kind: 'item' }>,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionList> {
    const current = mapText(document);
    if (!current.folder) return new vscode.CompletionList([], false);
    let files: readonly string[];
    try {
      files = await this.files.filesOf(current.folder, token);
    } catch {
      return new vscode.CompletionList([], true);
    }
    const dir = current.file.includes('/') ? current.file.slice(0, current.file.lastIndexOf('/')) : '';
    const range = new vscode.Range(position.line, context.replaceStart, position.line, position.character);
    const items = pathSuggestions(context.prefix, dir, files).map((s, i) => {
      const kind =
        s.kind === 'folder'
          ? vscode.CompletionItemKind.Folder
          : s.kind === 'file'
            ? vscode.CompletionItemKind.File
            : vscode.CompletionItemKind.Snippet;
      const item = new vscode.CompletionItem({ label: s.label, description: s.detail }, kind);
      const quote = context.quote === '' && needsQuotes(s.text) ? '"' : '';
      item.insertText = `${quote}${s.text}${quote}`;
      item.filterText = s.text;
      item.range = range;
      item.sortText = String(i).padStart(4, '0');
      // A folder is rarely the end of the entry: go on to its contents.
      if (s.kind === 'folder') item.command = { title: 'suggest', command: 'editor.action.triggerSuggest' };
      return item;
    });
    // Each segment is a new list: ask again when the user types on.
    return new vscode.CompletionList(items, true);
  }
}

/** The Red Hat YAML extension validates and completes maps from the schema this extension contributes. */
export function redHatYaml(): boolean {
  return vscode.extensions.getExtension('redhat.vscode-yaml') !== undefined;
}

function snippet(
  label: string,
  lines: readonly string[],
  withDash: boolean,
  range: vscode.Range,
): vscode.CompletionItem {
  const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Snippet);
  const body = withDash ? ['- ' + lines[0], ...lines.slice(1).map((l) => `  ${l}`)] : [...lines];
  item.insertText = new vscode.SnippetString(body.join('\n'));
  item.documentation = new vscode.MarkdownString().appendCodeblock(
    body
      .join('\n')
      .replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$0/g, ''),
    'yaml',
  );
  item.range = range;
  item.sortText = ' ';
  return item;
}
