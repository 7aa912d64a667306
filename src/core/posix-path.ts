// Repository paths (always `/`) without the host's path module: the engine imports no host module. Each function
// answers as node:path/posix does (posix-path.property.test.ts holds them equal).

/** The folder of `path`: `.` for a bare name, as posix dirname. */
export function dirname(path: string): string {
  if (path.length === 0) return '.';
  const rooted = path[0] === '/';
  let end = -1;
  let trailing = true;
  for (let i = path.length - 1; i >= 1; i--) {
    if (path[i] === '/') {
      if (!trailing) {
        end = i;
        break;
      }
    } else trailing = false;
  }
  if (end === -1) return rooted ? '/' : '.';
  if (rooted && end === 1) return '//';
  return path.slice(0, end);
}

/** `.` and `..` resolved, repeated slashes folded, a trailing slash kept, as posix normalize. */
export function normalize(path: string): string {
  if (path.length === 0) return '.';
  const rooted = path[0] === '/';
  const trailing = path[path.length - 1] === '/';
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
    } else parts.push(part);
  }
  let out = parts.join('/');
  if (out.length === 0) return rooted ? '/' : trailing ? './' : '.';
  if (trailing) out += '/';
  return rooted ? `/${out}` : out;
}

/** The parts joined by `/` and normalized, as posix join (empty parts are left out). */
export function join(...parts: string[]): string {
  const joined = parts.filter((p) => p.length > 0).join('/');
  return joined.length === 0 ? '.' : normalize(joined);
}
