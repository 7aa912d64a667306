// Hashes for the engine, which imports no host module: the functions are handed to it.
import { createHash } from 'node:crypto';

/** SHA-256 of the UTF-8 text, in hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
