// Property tests (fast-check) for the data a hostile repository or cache controls: cache entries and git's output.
// `npm run fuzz -- cache git-batch git-diff git-name-status git-index` runs the same properties with far more cases.
import {
  batchOutputParsed,
  cacheEntriesChecked,
  diffHeadersKept,
  indexOutputParsed,
  nameStatusParsed,
} from '../../test/properties/hostile';
import { describeRun, runProperty, suiteRuns } from '../../test/properties/run';

describe('cache files and git output are data (issue #23)', function () {
  this.timeout(120_000);
  for (const spec of [cacheEntriesChecked, batchOutputParsed, diffHeadersKept, nameStatusParsed, indexOutputParsed]) {
    it(`${spec.name} (${suiteRuns(1000)} cases)`, () => {
      console.log(`      ${describeRun(runProperty(spec as Parameters<typeof runProperty>[0], suiteRuns(1000)))}`);
    });
  }
});
