// The walkthrough as package.json declares it: every step has real media that ships, buttons and completion events
// that name commands the extension contributes, and the workflow it copies is docs/ci.md's.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CI_WORKFLOW, CI_WORKFLOW_FILE } from './ci-workflow.generated';
import { WALKTHROUGH_ID } from './walkthrough-id';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    walkthroughs: {
      id: string;
      steps: {
        id: string;
        description: string;
        media: { image?: string; markdown?: string };
        completionEvents: string[];
      }[];
    }[];
  };
};
const nls = existsSync(path.join(root, 'package.nls.json'))
  ? (JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>)
  : {};
/** A `%key%` resolved through package.nls.json, as VS Code does. */
const text = (value: string) => value.replace(/^%(.+)%$/, (_m, key: string) => nls[key] ?? value);
const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
const builtIn = new Set(['workbench.action.openSettings']);

describe('the Getting Started walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;

  it('has the six steps, in order', () => {
    assert.ok(walkthrough);
    assert.equal(walkthrough.id, 'gettingStarted');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['createMap', 'addFile', 'lensAndHover', 'impactReport', 'catalog', 'ciCheck'],
    );
  });

  it('every step has media that exists and ships, and completion events', () => {
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    for (const step of walkthrough?.steps ?? []) {
      const media = step.media.image ?? step.media.markdown;
      assert.ok(media, step.id);
      assert.ok(existsSync(path.join(root, media)), `${step.id}: ${media}`);
      assert.ok(ignore.includes(`!${media.split('/')[0]}/`), `${step.id}: ${media} is not in the .vsix`);
      if (step.media.markdown) assert.match(readFileSync(path.join(root, step.media.markdown), 'utf8'), /^# /);
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const event of step.completionEvents)
        assert.match(event, /^(onCommand|onContext|onSettingChanged):cxImpact\./, `${step.id}: ${event}`);
    }
  });

  it('buttons and completion events name commands the extension contributes', () => {
    for (const step of walkthrough?.steps ?? []) {
      const buttons = [...text(step.description).matchAll(/\(command:([\w.]+)/g)].map((m) => m[1] ?? '');
      assert.ok(buttons.length > 0, `${step.id} has no button`);
      for (const command of buttons)
        assert.ok(contributed.has(command) || builtIn.has(command), `${step.id}: ${command}`);
      for (const event of step.completionEvents.filter((e) => e.startsWith('onCommand:'))) {
        assert.ok(contributed.has(event.slice('onCommand:'.length)), `${step.id}: ${event}`);
      }
    }
  });

  it('copies the workflow of docs/ci.md as it is now (run node scripts/ci-workflow.mjs)', async () => {
    const script = (await import(path.join(root, 'scripts', 'ci-workflow.mjs'))) as {
      generatedModule: (md: string) => string;
    };
    const expected = script.generatedModule(readFileSync(path.join(root, 'docs', 'ci.md'), 'utf8'));
    assert.equal(readFileSync(path.join(__dirname, 'ci-workflow.generated.ts'), 'utf8'), expected);
    assert.equal(CI_WORKFLOW_FILE, '.github/workflows/cx-impact.yml');
    assert.match(CI_WORKFLOW, /^name: CX Impact\n/);
    assert.match(CI_WORKFLOW, /cx-impact check --format github/);
  });
});

describe('the walkthrough the extension opens', () => {
  it('is the one package.json contributes (publisher.name#id)', () => {
    const id = WALKTHROUGH_ID;
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
    };
    assert.equal(id, `${pkg.publisher}.${pkg.name}#${manifest.contributes.walkthroughs[0]?.id ?? ''}`);
  });
});
