// Every "contract §N" that the code and the docs cite names a section of docs/contract.md, so a reader of the
// repository can follow the reference.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const SCANNED = ['src', 'test', 'scripts', 'docs'];
const SKIPPED = new Set(['node_modules', 'fixtures', 'images']);
const REFERENCE = /contract §(\d+(?:\.\d+)*)/g;

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.(ts|mts|mjs|js|md)$/.test(entry.name)) yield full;
  }
}

export function contractSections(markdown: string): Set<string> {
  const sections = new Set<string>();
  for (const match of markdown.matchAll(/^#{2,4} §(\d+(?:\.\d+)*)\s/gm)) sections.add(match[1] ?? '');
  return sections;
}

export function citedSections(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((match) => match[1] ?? '');
}

describe('contract references', () => {
  const contract = path.join(root, 'docs', 'contract.md');
  const sections = contractSections(fs.readFileSync(contract, 'utf8'));

  it('reads numbered sections from the contract page, and references from text', () => {
    assert.deepEqual([...contractSections('## §1 The file\n### §2.4 Last\n# §9 not a section\n')], ['1', '2.4']);
    assert.deepEqual(citedSections('see contract §5.3 and (contract §4).'), ['5.3', '4']);
    for (const expected of ['1', '2', '2.4', '3', '4', '5', '5.6', '5.7', '6'])
      assert.ok(sections.has(expected), `§${expected}`);
  });

  it('every "contract §N" in src, test, scripts and docs points at a section of docs/contract.md', () => {
    const dangling: string[] = [];
    let cited = 0;
    for (const folder of SCANNED) {
      for (const file of files(path.join(root, folder))) {
        if (file === contract) continue;
        const text = fs.readFileSync(file, 'utf8');
        for (const section of citedSections(text)) {
          cited++;
          if (!sections.has(section)) dangling.push(`${path.relative(root, file)}: contract §${section}`);
        }
      }
    }
    assert.ok(cited > 40, `only ${cited} references found: is the scan looking in the right place?`);
    assert.deepEqual(dangling, []);
  });
});
