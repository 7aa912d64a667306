import { parseDocument, type Document } from 'yaml';
import * as vscode from 'vscode';
import { parseMap } from '../core/map/parse';
import { Matcher } from '../core/match/matcher';
import type { CxMap, ParseResult } from '../core/types';
import { relativePath } from '../workspace/workspace-maps';

/** What the map editor's providers need about one version of an open map. */
export interface MapText {
  uri: vscode.Uri;
  version: number;
  text: string;
  /** The map's path relative to its workspace folder (the `file` of its CxMap), or its name outside any folder. */
  file: string;
  folder: vscode.WorkspaceFolder | undefined;
  result: ParseResult;
  /** The YAML with source ranges, for positions the engine's model does not keep (symbols, links' values). */
  yaml: Document.Parsed;
  /** A matcher of this map alone: what the text on screen covers. Compiled on first use (10,000 patterns take ~0.3 s). */
  readonly matcher: Matcher | undefined;
  /** Names the text version, for caches keyed by map version (WorkspaceFiles.coverageCounts). */
  key: string;
}

const cache = new Map<string, MapText>();

/** The parse of the document as it is now, shared by every provider until the next keystroke. */
export function mapText(document: vscode.TextDocument): MapText {
  const id = document.uri.toString();
  const cached = cache.get(id);
  if (cached && cached.version === document.version) return cached;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const file =
    (folder && relativePath(folder.uri, document.uri)) ??
    document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
  const text = document.getText();
  const result = parseMap(text, file);
  const yaml = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  let matcher: Matcher | undefined;
  const entry: MapText = {
    uri: document.uri,
    version: document.version,
    text,
    file,
    folder,
    result,
    yaml,
    get matcher() {
      return result.map ? (matcher ??= new Matcher([result.map])) : undefined;
    },
    key: `${id}#${document.version}#${hash(text)}`,
  };
  cache.set(id, entry);
  return entry;
}

/** Forget closed documents. */
export function forgetMapText(uri: vscode.Uri): void {
  cache.delete(uri.toString());
}

export function toRange(r: {
  start: { line: number; character: number };
  end: { line: number; character: number };
}): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function mapOf(text: MapText): CxMap | undefined {
  return text.result.map;
}

/** Versions restart when a document is closed and opened again; the text's hash keeps keys apart. */
function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
