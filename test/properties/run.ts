// Runs the engine's properties (fast-check) for the unit suite and for `npm run fuzz`, counting the cases.
import * as fc from 'fast-check';

export interface PropertyRun {
  name: string;
  cases: number;
  /** The slowest case, in ms of CPU time (user + system) of this process. */
  slowestMs: number;
}

export interface EngineProperty<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Throws (an assertion) when the property does not hold. */
  check: (value: T) => void;
  /** CPU time one case may take; hostile input must stay bounded. */
  boundMs?: number;
}

export function property<T>(spec: EngineProperty<T>): EngineProperty<T> {
  return spec;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Runs `numRuns` cases; throws fast-check's report (seed, path and the shrunk counterexample) on failure. The time
 * bound is CPU time, so a busy machine does not fail it; the counterexample of a slow case is shrunk like any other.
 */
export function runProperty<T>(spec: EngineProperty<T>, numRuns: number, seed?: number): PropertyRun {
  let cases = 0;
  let slowestMs = 0;
  const bound = spec.boundMs ?? 1000;
  const prop = fc.property(spec.arbitrary, (value) => {
    cases++;
    const start = cpuMs();
    spec.check(value);
    const took = cpuMs() - start;
    if (took > slowestMs) slowestMs = took;
    if (took > bound) throw new Error(`one case took ${took.toFixed(0)} ms of CPU, over the bound of ${bound} ms`);
  });
  fc.assert(prop, { numRuns, ...(seed !== undefined ? { seed } : {}) });
  return { name: spec.name, cases, slowestMs };
}

/** Cases per property in the unit suite: `PROPERTY_RUNS` overrides (the whole suite must stay a few minutes). */
export function suiteRuns(defaultRuns: number): number {
  const fromEnv = Number(process.env.PROPERTY_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}

export function describeRun(run: PropertyRun): string {
  return `${run.name}: ${run.cases.toLocaleString('en-US')} cases, slowest ${run.slowestMs.toFixed(1)} ms CPU`;
}
