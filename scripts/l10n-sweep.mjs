#!/usr/bin/env node
// A first pass over the extension's runtime strings: wraps the literals that certainly reach the user (messages,
// their buttons, titles, tooltips, labels, descriptions, placeholders, prompts) in `vscode.l10n.t(...)`, or in
// `l10n.t(...)` of @vscode/l10n in modules that must run without VS Code (unit-tested in Node). Template literals
// become `{0}` placeholders. It prints what it changed; what it cannot know (strings built elsewhere, returned by
// helpers) is left for a person, and the pseudo-locale launch shows what still escapes.
//   node scripts/l10n-sweep.mjs [--dry-run] [FILE...]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CALLS = new Set([
  'showInformationMessage',
  'showWarningMessage',
  'showErrorMessage',
  'setStatusBarMessage',
  'withProgress',
]);
const PROPERTIES = new Set([
  'title',
  'tooltip',
  'label',
  'description',
  'detail',
  'placeHolder',
  'placeholder',
  'prompt',
  'message',
  'validationMessage',
]);
/** Not extension-host code: the engine and CLI (English, like git), Node helpers, the webview page, workers, tests. */
const SKIP = [
  /^src\/(core|cli|node|test)\//,
  /^src\/report\/webview\//,
  /\.test\.ts$/,
  /\.generated\.ts$/,
  /worker\.ts$/,
  /\.d\.ts$/,
];

export function candidateFiles() {
  return fs
    .readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .map((f) => `src/${f.split(path.sep).join('/')}`)
    .filter((f) => f.endsWith('.ts') && !SKIP.some((re) => re.test(f)))
    .sort();
}

function userText(text) {
  // Codicons ($(folder)) and placeholders are no words to translate.
  text = text.replace(/\$\([\w-]+\)/g, '').replace(/\{\d+\}/g, '');
  if (!/[A-Za-z]/.test(text)) return false;
  if (/^(command:|\$\([\w-]+\)$|https?:)/.test(text)) return false;
  // ids, keys, values of the map format, file globs: lowercase words without spaces
  if (/^[a-z0-9_.\-/*{}#:]+$/.test(text)) return false;
  if (/^[\w]+\.[\w.]+$/.test(text)) return false;
  return true;
}

function quote(text) {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

function isL10nCall(node) {
  return ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(node.expression.getText());
}

function wanted(node) {
  const parent = node.parent;
  if (!parent || isL10nCall(parent)) return false;
  if (ts.isCallExpression(parent) && parent.arguments.includes(node)) {
    const callee = parent.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    return CALLS.has(name);
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
    const name = parent.name.getText().replace(/['"]/g, '');
    return PROPERTIES.has(name);
  }
  if (
    ts.isBinaryExpression(parent) &&
    parent.right === node &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  ) {
    const left = parent.left;
    return ts.isPropertyAccessExpression(left) && (PROPERTIES.has(left.name.text) || left.name.text === 'text');
  }
  return false;
}

function replacement(node, fn, source) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return userText(node.text) ? `${fn}(${quote(node.text)})` : undefined;
  }
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    const args = [];
    node.templateSpans.forEach((span, i) => {
      text += `{${i}}${span.literal.text}`;
      args.push(span.expression.getText(source));
    });
    if (!userText(text.replace(/\{\d+\}/g, ''))) return undefined;
    return `${fn}(${quote(text)}, ${args.join(', ')})`;
  }
  return undefined;
}

export function sweep(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const importsVscode = source.statements.some(
    (s) =>
      ts.isImportDeclaration(s) &&
      s.moduleSpecifier.text === 'vscode' &&
      !s.importClause?.isTypeOnly &&
      s.importClause?.namedBindings &&
      ts.isNamespaceImport(s.importClause.namedBindings),
  );
  const fn = importsVscode ? 'vscode.l10n.t' : 'l10n.t';
  const edits = [];
  const visit = (node) => {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) &&
      wanted(node)
    ) {
      const to = replacement(node, fn, source);
      if (to) edits.push({ start: node.getStart(source), end: node.getEnd(), to, from: node.getText(source) });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) return { text, edits };
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.to + out.slice(e.end);
  if (!importsVscode && !/import \* as l10n from '@vscode\/l10n';/.test(out)) {
    const firstImport = source.statements.find((s) => ts.isImportDeclaration(s));
    const at = firstImport ? firstImport.getStart(source) : 0;
    out = `${out.slice(0, at)}import * as l10n from '@vscode/l10n';\n${out.slice(at)}`;
  }
  return { text: out, edits };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dry = args.includes('--dry-run');
  const files = args.filter((a) => !a.startsWith('--'));
  let total = 0;
  for (const file of files.length ? files : candidateFiles()) {
    const abs = path.join(root, file);
    const result = sweep(file, fs.readFileSync(abs, 'utf8'));
    if (result.edits.length === 0) continue;
    total += result.edits.length;
    for (const e of result.edits) console.log(`${file}: ${e.from.replace(/\s+/g, ' ').slice(0, 100)}`);
    if (!dry) fs.writeFileSync(abs, result.text);
  }
  console.log(`${total} string(s) ${dry ? 'would be' : ''} wrapped`);
}
