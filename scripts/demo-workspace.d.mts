// Types for demo-workspace.mjs.
export interface DemoWorkspace {
  /** The repository's folder. */
  open: string;
  /** The covered file the demo opens, absolute. */
  file: string;
  remove(): void;
}

export const DEMO_FILE: string;
export const DEMO_SETTINGS: Record<string, unknown>;
export function makeDemoWorkspace(options?: { keep?: boolean }): DemoWorkspace;
export function demoUrl(serverUrl: string, workspace: DemoWorkspace): string;
