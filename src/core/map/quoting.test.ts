import * as assert from 'node:assert/strict';
import { needsQuotes } from './quoting';

describe('needsQuotes', () => {
  it('says which entries YAML needs in quotes', () => {
    assert.equal(needsQuotes('**/*.sql'), true);
    assert.equal(needsQuotes('!a/**'), true);
    assert.equal(needsQuotes('services/**'), false);
    assert.equal(needsQuotes('a #b'), true);
  });
});
