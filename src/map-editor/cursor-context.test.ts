import * as assert from 'node:assert/strict';
import { cursorContext } from './cursor-context';

/** The text with `|` marking the cursor. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const lines = text.slice(0, offset).split('\n');
  return cursorContext(text, lines.length - 1, lines[lines.length - 1]!.length);
}

const MAP = `version: 1
journeys:
  - id: checkout
    name: Checkout
    tier: critical
    touchpoints:
      - id: pay
        name: Pay
        paths:
          - services/payments/**
`;

describe('cursor context in a map', () => {
  it('finds a top-level key position', () => {
    const c = at('version: 1\n|\n');
    assert.equal(c.kind, 'key');
    if (c.kind === 'key') {
      assert.equal(c.owner, 'root');
      assert.deepEqual(c.siblings, ['version']);
    }
  });

  it('finds a journey key and the keys it already has, above and below', () => {
    const c = at(MAP.replace('    tier: critical\n', '    ti|\n    tier: critical\n'));
    assert.equal(c.kind, 'key');
    if (c.kind === 'key') {
      assert.equal(c.owner, 'journey');
      assert.equal(c.prefix, 'ti');
      assert.deepEqual(c.siblings.sort(), ['id', 'name', 'tier', 'touchpoints']);
    }
  });

  it('finds a touchpoint key after the paths list', () => {
    const c = at(`${MAP}        |`);
    assert.equal(c.kind, 'key');
    if (c.kind === 'key') {
      assert.equal(c.owner, 'touchpoint');
      assert.deepEqual(c.siblings.sort(), ['id', 'name', 'paths']);
    }
  });

  it('treats `- ` under touchpoints as a new touchpoint', () => {
    const c = at(`${MAP}      - |`);
    assert.equal(c.kind, 'key');
    if (c.kind === 'key') {
      assert.equal(c.owner, 'touchpoint');
      assert.equal(c.startsItem, true);
    }
  });

  it('treats a journey-level key after nested touchpoints as a journey key', () => {
    const c = at(`${MAP}    |`);
    assert.equal(c.kind, 'key');
    if (c.kind === 'key') assert.equal(c.owner, 'journey');
  });

  it('finds the tier value, also with nothing typed yet', () => {
    for (const text of [MAP.replace('tier: critical', 'tier: cr|'), MAP.replace('tier: critical', 'tier: |')]) {
      const c = at(text);
      assert.equal(c.kind, 'value');
      if (c.kind === 'value') {
        assert.equal(c.key, 'tier');
        assert.equal(c.owner, 'journey');
      }
    }
  });

  it('finds the channel value of a touchpoint written on its dash line', () => {
    const c = at(MAP.replace('      - id: pay\n', '      - channel: w|\n        id: pay\n'));
    assert.equal(c.kind, 'value');
    if (c.kind === 'value') {
      assert.equal(c.key, 'channel');
      assert.equal(c.owner, 'touchpoint');
      assert.equal(c.prefix, 'w');
    }
  });

  it('finds a paths entry and what is typed of it, quoted or not', () => {
    const plain = at(`${MAP}          - services/pa|`);
    assert.deepEqual(plain.kind === 'item' && [plain.list, plain.prefix, plain.quote], ['paths', 'services/pa', '']);
    const quoted = at(`${MAP}          - "!serv|`);
    assert.deepEqual(quoted.kind === 'item' && [quoted.list, quoted.prefix, quoted.quote], ['paths', '!serv', '"']);
  });

  it('finds a paths entry when the list sits at the key indent', () => {
    const c = at('version: 1\njourneys:\n- id: a\n  touchpoints:\n  - id: b\n    paths:\n    - |');
    assert.equal(c.kind === 'item' && c.list, 'paths');
  });

  it('says nothing inside a comment or a flow list', () => {
    assert.equal(at('version: 1 # the |').kind, 'none');
    assert.equal(at(`${MAP}        symbols: [a|`).kind, 'none');
  });
});

describe('cursor context in the indirect key', () => {
  it('knows the keys of `indirect:`', () => {
    const c = at('version: 1\nindirect:\n  maxHops: 2\n  |\n');
    assert.equal(c.kind, 'key');
    if (c.kind === 'key') {
      assert.equal(c.owner, 'indirect');
      assert.deepEqual(c.siblings, ['maxHops']);
    }
  });
});
