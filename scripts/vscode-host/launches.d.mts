// Types for launches.mjs.
export interface Launch {
  fixture: string;
  open: string;
  git?: boolean;
  modules?: string[];
  /** Generated at launch time by load-fixture.ts with this argument. */
  generate?: 'load' | 'reload';
  /** Runs only when named with --fixture. */
  onRequest?: boolean;
}

export interface PreparedLaunch {
  open: string;
  env: Record<string, string>;
  remove(): void;
}

export const fixturesRoot: string;
export const LAUNCHES: Launch[];
export function prepareLaunch(launch: Launch, options?: { keep?: boolean }): PreparedLaunch;
