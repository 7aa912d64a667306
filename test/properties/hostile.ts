// Cache files and git output are data a hostile repository or a poisoned cache controls: parsing them never throws
// anything but a GitError, never accepts a wrong shape, and (for streamed output) never depends on where the chunks
// break. `npm run fuzz -- cache git-batch git-diff` runs them with many cases.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseUnifiedDiff } from '../../src/core/diff-hunks';
import {
  BatchParser,
  DiffHeaderFilter,
  GitError,
  isObjectId,
  parseIndexBlobs,
  parseNameStatus,
  parseWorktreeChanges,
} from '../../src/node/git';
import { isFileImports } from '../../src/node/graph-cache';
import { property } from './run';

const importRecord = fc.record({
  specifier: fc.string(),
  kind: fc.constantFrom('import', 'export', 'require', 'dynamic', 'import-equals'),
  line: fc.nat(),
  typeOnly: fc.boolean(),
  names: fc.option(fc.array(fc.string(), { maxLength: 3 }), { nil: undefined }),
});
const reexport = fc.record({
  specifier: fc.string(),
  line: fc.nat(),
  typeOnly: fc.boolean(),
  names: fc.oneof(
    fc.constant('*' as const),
    fc.array(fc.record({ from: fc.string(), as: fc.string() }), { maxLength: 3 }),
  ),
});
const goodEntry = fc.record({
  imports: fc.array(importRecord, { maxLength: 4 }),
  reexports: fc.array(reexport, { maxLength: 3 }),
  exports: fc.array(fc.string(), { maxLength: 4 }),
  partial: fc.boolean(),
});

/** A good entry with one value somewhere replaced by any JSON value (or removed). */
const mutatedEntry = fc
  .tuple(goodEntry, fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.boolean())
  .map(([entry, junk, at, remove]) => {
    const copy = JSON.parse(JSON.stringify(entry)) as Record<string, unknown>;
    const slots: [Record<string, unknown>, string][] = [];
    const visit = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      for (const key of Object.keys(value)) {
        slots.push([value as Record<string, unknown>, key]);
        visit((value as Record<string, unknown>)[key]);
      }
    };
    visit(copy);
    const [owner, key] = slots[at % slots.length]!;
    if (remove) delete owner[key];
    else owner[key] = junk;
    return copy;
  });

/** What the graph does with an accepted entry: it must hold, whatever the cache file said. */
function useEntry(value: unknown): void {
  if (!isFileImports(value)) return;
  const exports = new Set(value.exports);
  for (const r of value.imports) {
    assert.equal(typeof r.specifier.startsWith('.'), 'boolean');
    assert.ok(Number.isInteger(r.line));
    if (r.names) for (const n of r.names) exports.has(n.toLowerCase());
  }
  for (const r of value.reexports) {
    if (r.names !== '*') for (const n of r.names) assert.equal(typeof (n.from + n.as), 'string');
    r.specifier.toLowerCase();
  }
}

export const cacheEntriesChecked = property({
  name: 'cache entries: every JSON value is accepted only in the exact shape, never throws',
  arbitrary: fc.oneof(
    goodEntry.map((e) => ({ value: e, good: true })),
    mutatedEntry.map((e) => ({ value: e, good: undefined })),
    fc.jsonValue({ maxDepth: 4 }).map((e) => ({ value: e, good: undefined })),
  ),
  check: ({ value, good }) => {
    const accepted = isFileImports(value);
    if (good) assert.equal(accepted, true, JSON.stringify(value));
    useEntry(value);
  },
});

/** Splits `bytes` into chunks at the given cut points. */
function chunks(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let at = 0;
  for (const p of points) {
    out.push(bytes.subarray(at, p));
    at = p;
  }
  out.push(bytes.subarray(at));
  return out;
}

const content = fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a));

export const batchOutputParsed = property({
  name: 'git cat-file --batch output: parsed the same however it is chunked; over the limit never kept; garbage is a GitError',
  arbitrary: fc.tuple(
    fc.array(
      fc.oneof(
        content.map((c) => ({ blob: c })),
        fc.constant({ missing: true as const }),
        content.map((c) => ({ tree: c })),
      ),
      { maxLength: 6 },
    ),
    fc.nat({ max: 30 }),
    fc.array(fc.nat(), { maxLength: 8 }),
    fc.option(fc.uint8Array({ maxLength: 30 }), { nil: undefined }),
  ),
  check: ([objects, maxBytes, cuts, garbage]) => {
    const parts: Buffer[] = [];
    objects.forEach((o, i) => {
      if ('missing' in o) parts.push(Buffer.from(`HEAD:f${i} missing\n`));
      else {
        const body = 'blob' in o ? o.blob : o.tree;
        parts.push(
          Buffer.from(`${'a'.repeat(40)} ${'blob' in o ? 'blob' : 'tree'} ${body.length}\n`),
          body,
          Buffer.from('\n'),
        );
      }
    });
    if (garbage) parts.push(Buffer.from(garbage));
    const parser = new BatchParser(objects.length, maxBytes);
    let reads;
    try {
      for (const c of chunks(Buffer.concat(parts), cuts)) parser.push(c);
      reads = parser.end();
    } catch (error) {
      if (error instanceof GitError && garbage) return;
      throw error;
    }
    if (garbage && garbage.length > 0) return;
    objects.forEach((o, i) => {
      const read = reads[i];
      if ('missing' in o) assert.equal(read, undefined);
      else if ('tree' in o) assert.equal(read, undefined);
      else if (o.blob.length > maxBytes) assert.deepEqual(read, { tooLarge: o.blob.length });
      else assert.equal(read, o.blob.toString('utf8'));
    });
  },
});

const pathName = fc.stringMatching(/^[a-z][a-z0-9/._ -]{0,12}$/).filter((p) => !p.endsWith('/') && !p.includes('//'));
const line = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '@@ -1 +1 @@',
    'diff --git a/x b/x',
    '+++ b/evil',
    '--- a/evil',
    'rename from evil',
    '\\ No newline at end of file',
  ),
);
const hunk = fc.tuple(
  fc.nat({ max: 3 }),
  fc.nat({ max: 3 }),
  fc.nat({ max: 50 }),
  fc.nat({ max: 50 }),
  fc.array(line, { minLength: 6, maxLength: 6 }),
);
const fileDiff = fc.tuple(
  pathName,
  fc.option(pathName, { nil: undefined }),
  fc.array(hunk, { maxLength: 3 }),
  fc.boolean(),
);

export const diffHeadersKept = property({
  name: 'git diff -U0 output: the streamed header filter gives parseUnifiedDiff the same answer, however it is chunked',
  arbitrary: fc.tuple(fc.array(fileDiff, { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 10 })),
  check: ([files, cuts]) => {
    const out: string[] = [];
    for (const [p, renamedFrom, hunks, binary] of files) {
      const old = renamedFrom ?? p;
      out.push(`diff --git a/${old} b/${p}`);
      if (renamedFrom !== undefined) out.push('similarity index 90%', `rename from ${old}`, `rename to ${p}`);
      out.push('index 1234567..89abcde 100644');
      if (binary) {
        out.push(`Binary files a/${old} and b/${p} differ`);
        continue;
      }
      out.push(`--- a/${old}`, `+++ b/${p}`);
      for (const [removed, added, oldStart, newStart, texts] of hunks) {
        out.push(`@@ -${oldStart + 1},${removed} +${newStart + 1},${added} @@ context`);
        for (let i = 0; i < removed; i++) out.push(`-${texts[i]!}`);
        for (let i = 0; i < added; i++) out.push(`+${texts[3 + i]!}`);
      }
    }
    const text = `${out.join('\n')}\n`;
    const filter = new DiffHeaderFilter();
    for (const c of chunks(Buffer.from(text, 'utf8'), cuts)) filter.push(c);
    assert.deepEqual(parseUnifiedDiff(filter.end()), parseUnifiedDiff(text));
  },
});

export const nameStatusParsed = property({
  name: 'git diff --name-status -z output: any text is parsed or refused with a GitError',
  arbitrary: fc.array(
    fc.oneof(fc.constantFrom('M', 'A', 'D', 'R100', 'C050', 'T', 'U', 'X', ''), fc.string({ maxLength: 8 })),
    { maxLength: 10 },
  ),
  check: (parts) => {
    try {
      for (const f of parseNameStatus(parts.join('\0'))) assert.equal(typeof f.path, 'string');
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
    }
  },
});

export const indexOutputParsed = property({
  name: 'git ls-files -s -v -z and git status -z output: any text gives only plain entries with a hex id, never a throw',
  arbitrary: fc.tuple(
    fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom('H', 'h', 'S', 'M', ''), fc.string({ maxLength: 2 })),
        fc.oneof(fc.constantFrom('100644', '100755', '120000', '160000'), fc.string({ maxLength: 7 })),
        fc.oneof(
          fc.constant('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391'),
          fc.stringMatching(/^[0-9a-fA-F]{38,66}$/),
          fc.string({ maxLength: 70 }),
        ),
        fc.oneof(fc.constantFrom('0', '1', '2'), fc.string({ maxLength: 2 })),
        fc.string({ maxLength: 12 }),
        fc.constantFrom(' ', '\t', '  '),
      ),
      { maxLength: 8 },
    ),
    fc.array(fc.string({ maxLength: 10 }), { maxLength: 6 }),
  ),
  check: ([records, status]) => {
    const listed = records
      .map(([tag, mode, oid, stage, file, gap]) => `${tag} ${mode} ${oid} ${stage}${gap === ' ' ? '\t' : gap}${file}`)
      .join('\0');
    const changed = parseWorktreeChanges(status.join('\0')) ?? new Set<string>();
    for (const [file, oid] of parseIndexBlobs(listed, changed)) {
      assert.ok(isObjectId(oid), oid);
      assert.ok(file.length > 0 && !changed.has(file));
    }
  },
});
