// The changed line ranges of a change, per file, from `git diff -U0` (contract §3): the old side's removed lines and
// the new side's added lines. Pure parsing; src/node/git.ts runs git.

/** 1-based, inclusive. */
export interface LineSpan {
  start: number;
  end: number;
}

export interface Hunk {
  /** Removed lines on the old side (none for a pure insertion). */
  removed?: LineSpan;
  added?: LineSpan;
  /** The old line after which an insertion sits (for a hunk that removes nothing). */
  oldAnchor: number;
  /** The new line after which a deletion sat (for a hunk that adds nothing). */
  newAnchor: number;
}

export interface FileHunks {
  /** The new path (the old path for a deletion). */
  path: string;
  /** The old path when it differs (a rename or copy). */
  oldPath?: string;
  hunks: Hunk[];
  /** git printed no hunks it could read (a binary file, a mode change only). */
  binary?: boolean;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses `git diff -U0 --no-color -M` output. */
export function parseUnifiedDiff(output: string): FileHunks[] {
  const files: FileHunks[] = [];
  let current: FileHunks | undefined;
  let oldName: string | undefined;
  let newName: string | undefined;
  let inHeader = false;
  const finishHeader = () => {
    if (!current) return;
    const path = newName ?? oldName;
    if (path !== undefined) current.path = path;
    if (oldName !== undefined && oldName !== current.path) current.oldPath = oldName;
    inHeader = false;
  };
  for (const line of output.split('\n')) {
    if (line.startsWith('diff --git ')) {
      finishHeader();
      const names = gitHeaderNames(line.slice('diff --git '.length));
      current = { path: names?.[1] ?? '', hunks: [] };
      oldName = names?.[0];
      newName = names?.[1];
      inHeader = true;
      files.push(current);
      continue;
    }
    if (!current) continue;
    if (inHeader) {
      if (line.startsWith('rename from ') || line.startsWith('copy from '))
        oldName = unquote(line.slice(line.indexOf(' from ') + 6));
      else if (line.startsWith('rename to ') || line.startsWith('copy to '))
        newName = unquote(line.slice(line.indexOf(' to ') + 4));
      else if (line.startsWith('--- ')) {
        const name = line.slice(4);
        if (name !== '/dev/null') oldName = stripPrefix(unquote(name), 'a/');
      } else if (line.startsWith('+++ ')) {
        const name = line.slice(4);
        if (name !== '/dev/null') newName = stripPrefix(unquote(name), 'b/');
        else newName = oldName;
      } else if (line.startsWith('Binary files ')) current.binary = true;
      else if (line.startsWith('deleted file mode')) newName = undefined;
    }
    const m = HUNK.exec(line);
    if (m) {
      if (inHeader) finishHeader();
      const oldStart = Number(m[1]);
      const oldCount = m[2] === undefined ? 1 : Number(m[2]);
      const newStart = Number(m[3]);
      const newCount = m[4] === undefined ? 1 : Number(m[4]);
      const hunk: Hunk = {
        // With a count of 0, git's start is the line before the change.
        oldAnchor: oldCount === 0 ? oldStart : oldStart - 1,
        newAnchor: newCount === 0 ? newStart : newStart - 1,
      };
      if (oldCount > 0) hunk.removed = { start: oldStart, end: oldStart + oldCount - 1 };
      if (newCount > 0) hunk.added = { start: newStart, end: newStart + newCount - 1 };
      current.hunks.push(hunk);
    }
  }
  finishHeader();
  // A deleted file's path is its old path.
  for (const f of files)
    if (!f.path && f.oldPath !== undefined) {
      f.path = f.oldPath;
      delete f.oldPath;
    }
  return files;
}

/** `a/x b/y`, either quoted; ambiguous when names hold spaces, then the `---`/`+++` lines decide. */
function gitHeaderNames(rest: string): [string, string] | undefined {
  if (rest.startsWith('"')) {
    const end = closingQuote(rest, 0);
    const first = unquote(rest.slice(0, end + 1));
    const second = unquote(rest.slice(end + 2));
    return [stripPrefix(first, 'a/'), stripPrefix(second, 'b/')];
  }
  // Both names are the same length when the file was not renamed: split in the middle.
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.charAt(half) === ' ') {
    const a = rest.slice(0, half);
    const b = rest.slice(half + 1);
    if (a.slice(2) === b.slice(2)) return [stripPrefix(a, 'a/'), stripPrefix(b, 'b/')];
  }
  const at = rest.indexOf(' b/');
  if (at < 0) return undefined;
  return [stripPrefix(rest.slice(0, at), 'a/'), stripPrefix(unquote(rest.slice(at + 1)), 'b/')];
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

function stripPrefix(name: string, prefix: string): string {
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

const utf8 = new TextEncoder();
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '"': '"',
  '\\': '\\',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** git's C-style quoting of unusual names (octal escapes are UTF-8 bytes). */
export function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"') || name.length < 2) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...utf8.encode(c));
      continue;
    }
    const next = body[++i] ?? '';
    if (/[0-7]/.test(next)) {
      const octal = body.slice(i, i + 3);
      bytes.push(parseInt(octal, 8));
      i += 2;
    } else bytes.push(...utf8.encode(ESCAPES[next] ?? next));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The hunks of a file that is new in full (an untracked file): every line added. */
export function wholeFileAdded(path: string, text: string): FileHunks {
  const lines = lineCount(text);
  return { path, hunks: lines > 0 ? [{ added: { start: 1, end: lines }, oldAnchor: 0, newAnchor: 0 }] : [] };
}

export function lineCount(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}
