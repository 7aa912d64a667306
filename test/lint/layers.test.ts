// The lint config holds the layers (eslint.config.mjs, scripts/layers.mjs, docs/architecture.md): a file placed in a
// surface that imports another surface, or in core that imports a Node builtin, fails with the layer's message;
// the same file importing downward passes. Real files in src/ (the type-aware config lints files of the project),
// removed afterwards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import path from 'node:path';

interface LintMessage {
  ruleId: string | null;
  message: string;
}
interface LintResult {
  filePath: string;
  messages: LintMessage[];
}
interface ESLintApi {
  ESLint: new (options: { cwd: string }) => { lintFiles(patterns: string[]): Promise<LintResult[]> };
}

const root = path.resolve(__dirname, '..', '..');
const RULE = '@typescript-eslint/no-restricted-imports';

describe('the lint config: layers', function () {
  this.timeout(180_000);
  const probe = `layers-probe-${process.pid}`;
  const files = {
    // A type-only import counts: the folder graph has no type-only exception either.
    surfaceToSurface: [
      `src/views/${probe}-wrong.ts`,
      "import type { PlannedLens } from '../codelens/lens-plan';\n\nexport type Probe = PlannedLens;\n",
    ],
    workspaceToSurface: [
      `src/workspace/${probe}-wrong.ts`,
      "import type { ViewNode } from '../views/view-node';\n\nexport type Probe = ViewNode;\n",
    ],
    coreToNodePath: [
      `src/core/map/${probe}-wrong.ts`,
      "import * as path from 'node:path';\n\nexport const sep: string = path.sep;\n",
    ],
    coreToBuiltin: [
      `src/core/${probe}-wrong.ts`,
      "import { createHash } from 'crypto';\n\nexport const hash = (s: string): string => createHash('sha1').update(s).digest('hex');\n",
    ],
    surfaceDown: [
      `src/views/${probe}-ok.ts`,
      "import type { WorkspaceMaps } from '../workspace/workspace-maps';\nimport type { Coverage } from '../core/types';\n\nexport type Probe = [WorkspaceMaps, Coverage];\n",
    ],
    coreDown: [
      `src/core/map/${probe}-ok.ts`,
      "import type { CxMap } from '../types';\nimport { Matcher } from '../match/matcher';\n\nexport const make = (maps: CxMap[]): Matcher => new Matcher(maps);\n",
    ],
  } as const;
  let results: Map<string, LintMessage[]>;

  before(async () => {
    for (const [file, text] of Object.values(files)) fs.writeFileSync(path.join(root, file), text);
    try {
      const { ESLint } = (await import('eslint')) as unknown as ESLintApi;
      const linted = await new ESLint({ cwd: root }).lintFiles(Object.values(files).map(([file]) => file));
      results = new Map(linted.map((r) => [path.relative(root, r.filePath).split(path.sep).join('/'), r.messages]));
    } finally {
      for (const [file] of Object.values(files)) fs.rmSync(path.join(root, file), { force: true });
    }
  });

  const layerErrors = (key: keyof typeof files): string[] =>
    (results.get(files[key][0]) ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);

  it('fails a surface importing another surface, with the layer message', () => {
    const errors = layerErrors('surfaceToSurface');
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0]!, /'\.\.\/codelens\/lens-plan'/);
    assert.match(errors[0]!, /Layers \(docs\/architecture\.md\): src\/views\/ is a surface/);
  });

  it('fails the workspace importing a surface', () => {
    const errors = layerErrors('workspaceToSurface');
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0]!, /Layers \(docs\/architecture\.md\): src\/workspace\/ may import core\/, node\/ only/);
  });

  it('fails core importing node:path or a bare Node builtin', () => {
    for (const key of ['coreToNodePath', 'coreToBuiltin'] as const) {
      const errors = layerErrors(key);
      assert.equal(errors.length, 1, `${key}: ${JSON.stringify(errors)}`);
      assert.match(errors[0]!, /src\/core is pure: no (node:\* import|Node builtin)/);
    }
  });

  it('passes imports that go downward', () => {
    assert.deepEqual(results.get(files.surfaceDown[0]), []);
    assert.deepEqual(results.get(files.coreDown[0]), []);
  });
});
