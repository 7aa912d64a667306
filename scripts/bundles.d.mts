// Types for bundles.mjs.
import type { BuildResult } from 'esbuild';

export const EXTENSION_BUDGET_BYTES: number;
export const LAZY_BUNDLES: { module: RegExp; entry: string; outfile: string }[];
export function commonOptions(production: boolean): Record<string, unknown>;
export function buildExtension(options: {
  root: string;
  outdir: string;
  production: boolean;
  lazy?: boolean;
  metafile?: boolean;
}): Promise<BuildResult[]>;
