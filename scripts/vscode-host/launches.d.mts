// Types for launches.mjs.
export interface Launch {
  fixture: string;
  open: string;
  git?: boolean;
  modules?: string[];
  gitLog?: boolean;
  trusted?: boolean;
  minTimeoutSeconds?: number;
  /** Generated at launch time by load-fixture.ts with this argument. */
  generate?: 'load' | 'reload';
  /** Runs only when named with --fixture. */
  onRequest?: boolean;
  /** The host's display language; `qps-ploc` generates the pseudo-localized strings for the launch. */
  locale?: string;
}

export interface PreparedLaunch {
  open: string;
  env: Record<string, string>;
  /** False: the host runs with workspace trust on and this folder untrusted. */
  trusted: boolean;
  /** User settings the launch adds to the host's profile. */
  settings: Record<string, unknown>;
  /** The host's display language, when the launch sets one. */
  locale?: string;
  remove(): void;
}

export const fixturesRoot: string;
export const LAUNCHES: Launch[];
export const UNTRUSTED_SETTINGS: Record<string, unknown>;
export function prepareLaunch(launch: Launch, options?: { keep?: boolean }): PreparedLaunch;
