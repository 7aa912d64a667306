import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAP_DIAGNOSTIC_CODES } from './codes';

const docs = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'cx-map.md'), 'utf8');

/** The rows of the docs' diagnostic table: code -> severity. */
function documentedCodes(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const match of docs.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info) \|/gm)) {
    rows.set(match[1] ?? '', match[2] ?? '');
  }
  return rows;
}

describe('diagnostic codes', () => {
  it('are kebab-case', () => {
    for (const code of Object.keys(MAP_DIAGNOSTIC_CODES)) assert.match(code, /^[a-z]+(-[a-z0-9]+)*$/);
  });

  it('docs/cx-map.md lists every code with its severity, and no other', () => {
    const documented = documentedCodes();
    const defined = new Map(Object.entries(MAP_DIAGNOSTIC_CODES).map(([code, { severity }]) => [code, severity]));
    assert.deepEqual([...documented].sort(), [...defined].sort());
  });
});
