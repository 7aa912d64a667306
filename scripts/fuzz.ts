// `npm run fuzz` (issue #8): the engine's properties with far more cases than the unit suite runs.
//   FUZZ_RUNS=100000 (default) cases per property; FUZZ_SEED to repeat a run; `npm run fuzz -- parse html` for some.
// Cases run in batches of 1,000, each with its own seed, so a long run shows progress and a failure names its seed.
import {
  batchOutputParsed,
  cacheEntriesChecked,
  diffHeadersKept,
  indexOutputParsed,
  nameStatusParsed,
} from '../test/properties/hostile';
import { parseNeverThrows } from '../test/properties/maps';
import { matcherEqualsNaive } from '../test/properties/patterns';
import { htmlEscapes, markdownEscapes, textEscapes } from '../test/properties/reports';
import { runProperty, type EngineProperty, type PropertyRun } from '../test/properties/run';

interface Entry {
  name: string;
  run: (runs: number, seed: number) => PropertyRun;
}
const entry = <T>(spec: EngineProperty<T>): Entry => ({
  name: spec.name,
  run: (runs, seed) => runProperty(spec, runs, seed),
});
const PROPERTIES: Record<string, Entry> = {
  parse: entry(parseNeverThrows),
  match: entry(matcherEqualsNaive),
  html: entry(htmlEscapes),
  markdown: entry(markdownEscapes),
  text: entry(textEscapes),
  cache: entry(cacheEntriesChecked),
  'git-batch': entry(batchOutputParsed),
  'git-diff': entry(diffHeadersKept),
  'git-name-status': entry(nameStatusParsed),
  'git-index': entry(indexOutputParsed),
};
const BATCH = 1000;

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const firstSeed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in PROPERTIES));
if (!Number.isInteger(runs) || runs <= 0 || !Number.isInteger(firstSeed) || unknown.length > 0) {
  console.error(
    `usage: FUZZ_RUNS=N FUZZ_SEED=N npm run fuzz -- [${Object.keys(PROPERTIES).join('|')}]...${unknown.length > 0 ? ` (unknown: ${unknown.join(', ')})` : ''}`,
  );
  process.exit(2);
}

console.log(`fuzz: ${runs.toLocaleString('en-US')} cases per property, first seed ${firstSeed}`);
let failed = false;
for (const name of chosen.length > 0 ? chosen : Object.keys(PROPERTIES)) {
  const spec = PROPERTIES[name]!;
  const started = Date.now();
  let cases = 0;
  let slowest = 0;
  for (let batch = 0; cases < runs; batch++) {
    const seed = (firstSeed + batch) % 2 ** 31;
    try {
      const run = spec.run(Math.min(BATCH, runs - cases), seed);
      cases += run.cases;
      slowest = Math.max(slowest, run.slowestMs);
    } catch (error) {
      failed = true;
      console.error(
        `${spec.name}: FAILED in the batch with seed ${seed} (FUZZ_SEED=${seed} FUZZ_RUNS=${BATCH} npm run fuzz -- ${name})`,
      );
      console.error(error instanceof Error ? error.message : String(error));
      const cause = error instanceof Error ? error.cause : undefined;
      if (cause !== undefined)
        console.error(`cause: ${cause instanceof Error ? cause.message : JSON.stringify(cause)}`);
      break;
    }
    if (batch % 10 === 9) console.log(`  ${name}: ${cases.toLocaleString('en-US')} cases…`);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `${spec.name}: ${cases.toLocaleString('en-US')} cases in ${seconds.toFixed(0)} s, slowest ${slowest.toFixed(1)} ms CPU`,
  );
}
process.exitCode = failed ? 1 : 0;
