import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MapReadError, isMapFile, mapFilesAmong, readMaps, walkFiles } from './maps';

describe('map discovery', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cx-maps-'));
    for (const file of [
      'cx-map.yaml',
      'pkg/a/cx-map.yml',
      'node_modules/dep/cx-map.yaml',
      '.git/cx-map.yaml',
      'src/x.ts',
      'cx-map.yaml.bak',
    ]) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(
        path.join(dir, file),
        'version: 1\njourneys:\n  - id: a\n    name: A\n    touchpoints:\n      - id: t\n        name: T\n        paths: [src/**]\n',
      );
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('names maps cx-map.yaml or cx-map.yml, never inside node_modules', () => {
    assert.equal(isMapFile('cx-map.yaml'), true);
    assert.equal(isMapFile('a/b/cx-map.yml'), true);
    assert.equal(isMapFile('a/cx-map.yaml.bak'), false);
    assert.equal(isMapFile('a/my-cx-map.yaml'), false);
    assert.equal(isMapFile('node_modules/x/cx-map.yaml'), false);
  });

  it('walks a folder without git, skipping .git and node_modules', async () => {
    const files = await walkFiles(dir);
    assert.deepEqual(files, ['cx-map.yaml', 'cx-map.yaml.bak', 'pkg/a/cx-map.yml', 'src/x.ts']);
    assert.deepEqual(mapFilesAmong(files), ['cx-map.yaml', 'pkg/a/cx-map.yml']);
  });

  it('reads maps relative to the root, each governing its own folder', async () => {
    const loaded = await readMaps(dir, ['cx-map.yaml', 'pkg/a/cx-map.yml']);
    assert.deepEqual(
      loaded.maps.map((m) => [m.file, m.dir]),
      [
        ['cx-map.yaml', ''],
        ['pkg/a/cx-map.yml', 'pkg/a'],
      ],
    );
    await assert.rejects(readMaps(dir, ['nope/cx-map.yaml']), MapReadError);
  });
});
