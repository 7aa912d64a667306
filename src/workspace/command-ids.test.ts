import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, INTERNAL_COMMANDS } from './command-ids';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[] };
};
const contributed = pkg.contributes.commands.map((c) => c.command);
const table: string[] = Object.values(Command);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    return e.isDirectory() ? sources(file) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('the command table (src/workspace/command-ids.ts)', () => {
  it('holds every command package.json contributes', () => {
    assert.deepEqual(
      contributed.filter((id) => !table.includes(id)),
      [],
    );
  });

  it('holds each id once', () => {
    assert.equal(new Set(table).size, table.length);
  });

  it('every id of the table is contributed, or marked internal', () => {
    assert.deepEqual(
      table.filter((id) => !contributed.includes(id) && !INTERNAL_COMMANDS.has(id as never)),
      [],
    );
    assert.deepEqual(
      [...INTERNAL_COMMANDS].filter((id) => contributed.includes(id)),
      [],
      'an internal command is not contributed',
    );
  });

  it('every command the extension registers is in the table, and no source spells an id out', () => {
    const literal = /['"`](cxImpact\.[A-Za-z.]+)['"`]/g;
    const spelled: string[] = [];
    for (const file of sources(path.join(root, 'src'))) {
      if (file === path.join(__dirname, 'command-ids.ts')) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/registerCommand\(\s*([^,]+),/g)) {
        assert.match(m[1]!, /^Command\.\w+$/, `${path.relative(root, file)} registers ${m[1]} (not from the table)`);
      }
      // Code, not comments: a comment may name a command.
      const code = text
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
      for (const m of code.matchAll(literal))
        if (table.includes(m[1]!)) spelled.push(`${path.relative(root, file)}: ${m[1]}`);
    }
    assert.deepEqual(spelled, []);
  });
});
