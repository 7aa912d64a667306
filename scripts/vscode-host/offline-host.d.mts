// Types for offline-host.mjs, so the TypeScript e2e checks can drive the host.
import type { Browser } from 'playwright-core';

export interface Profile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  config: string;
  /** Deletes the folders (also done on exit and Ctrl+C). */
  remove(): void;
}

export interface RunningServer {
  port: number;
  url: string;
  log(): string;
  stop(): Promise<void>;
}

export const CHROMIUM_ARGS: string[];
export function assertHostInstalled(): void;
export function freePort(): Promise<number>;
export function makeProfile(prefix?: string, extraSettings?: Record<string, unknown>): Profile;
export function installVsix(profile: Profile, vsixPath: string): string;
export function startServer(options: {
  profile: Profile;
  env?: Record<string, string>;
  port?: number;
  workspace?: string;
  /** False: no --disable-workspace-trust, so the profile's trust settings apply. */
  trusted?: boolean;
}): Promise<RunningServer>;
export function extensionHostLog(profile: Profile, pattern?: RegExp): string;
export function launchChromium(): Promise<Browser>;
export function openQuery(workspacePath: string): string;
export function runTestsOffline(options: {
  workspace: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  env: Record<string, string>;
  timeoutMs: number;
  trusted?: boolean;
  settings?: Record<string, unknown>;
  /** The display language (written to the profile's argv.json). */
  locale?: string;
}): Promise<number>;
