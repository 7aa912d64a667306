import type { ParseResult } from '../types';

/** Reads one map file. `file` is its path relative to the root, with `/`; the map governs `dirname(file)`. */
export function parseMap(text: string, file: string): ParseResult {
  void text;
  void file;
  throw new Error('not implemented yet');
}
