// CODEOWNERS, as GitHub and GitLab read it: gitignore-style patterns, the last matching line of a section decides,
// and (GitLab) every section that matches adds its owners. A line with a pattern and no owner leaves the file
// without owners (GitHub) or with its section's default owners (GitLab `[Section] @owner`).
import { Minimatch } from 'minimatch';

/** Where GitHub and GitLab look, in the order they look (the first that exists is the one used). */
export const CODEOWNERS_LOCATIONS = [
  '.github/CODEOWNERS',
  '.gitlab/CODEOWNERS',
  'CODEOWNERS',
  'docs/CODEOWNERS',
] as const;

export function codeOwnersFileAmong(files: ReadonlySet<string> | readonly string[]): string | undefined {
  const has = (f: string): boolean =>
    Array.isArray(files) ? files.includes(f) : (files as ReadonlySet<string>).has(f);
  return CODEOWNERS_LOCATIONS.find(has);
}

interface Rule {
  pattern: string;
  owners: string[];
  line: number;
  matchers: Minimatch[];
}

interface Section {
  name: string;
  defaultOwners: string[];
  rules: Rule[];
}

export interface CodeOwners {
  /** The owners of a repository path (relative to the repository, `/`), in the order the file names them. */
  ownersOf(path: string): string[];
  /** How many rules were read, and the lines skipped because they could not be read. */
  rules: number;
  skipped: number[];
}

/** `@user`, `@org/team`, `@@role` (GitLab) or an e-mail address. */
function isOwner(token: string): boolean {
  return /^@@?[\w.-]+(\/[\w.-]+)*$/.test(token) || /^[^\s@]+@[^\s@]+$/.test(token);
}

/** Splits on whitespace that is not escaped (`\ ` keeps a space inside a path). */
function tokens(line: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      current += line[i + 1] === ' ' || line[i + 1] === '#' ? line[i + 1] : `\\${line[i + 1]!}`;
      i++;
    } else if (c === ' ' || c === '\t') {
      if (current) out.push(current);
      current = '';
    } else if (c === '#' && current === '') {
      break;
    } else current += c;
  }
  if (current) out.push(current);
  return out;
}

/** The globs (contract-style minimatch, dot files included) a gitignore-style pattern stands for. */
function globsOf(pattern: string): string[] {
  let p = pattern;
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.replace(/\/+$/, '');
  const anchored = p.startsWith('/') || p.includes('/');
  p = p.replace(/^\/+/, '');
  if (p === '') return ['**'];
  const base = anchored ? p : `**/${p}`;
  if (dirOnly) return [`${base}/**`];
  // `docs/*` owns the files directly in docs/, not those of its subfolders (as GitHub and GitLab document).
  if (p.endsWith('/*')) return [base];
  return [base, `${base}/**`];
}

export function parseCodeOwners(text: string): CodeOwners {
  const sections: Section[] = [{ name: '', defaultOwners: [], rules: [] }];
  const skipped: number[] = [];
  let rules = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    // GitLab section header: [Name], ^[Optional], [Name][2], then optional default owners.
    const section = /^\^?\[([^\]]+)\](?:\[\d+\])?(.*)$/.exec(line);
    if (section) {
      sections.push({ name: section[1]!.trim(), defaultOwners: tokens(section[2] ?? '').filter(isOwner), rules: [] });
      return;
    }
    const [pattern, ...rest] = tokens(line);
    if (pattern === undefined || pattern.startsWith('!') || pattern.includes('\0')) {
      skipped.push(index + 1);
      return;
    }
    try {
      const matchers = globsOf(pattern).map((g) => new Minimatch(g, { dot: true, nonegate: true, nocomment: true }));
      sections[sections.length - 1]!.rules.push({ pattern, owners: rest.filter(isOwner), line: index + 1, matchers });
      rules++;
    } catch {
      skipped.push(index + 1);
    }
  });
  return {
    rules,
    skipped,
    ownersOf(path: string): string[] {
      const out: string[] = [];
      for (const s of sections) {
        for (let i = s.rules.length - 1; i >= 0; i--) {
          const rule = s.rules[i]!;
          if (!rule.matchers.some((m) => m.match(path))) continue;
          for (const owner of rule.owners.length > 0 ? rule.owners : s.defaultOwners)
            if (!out.includes(owner)) out.push(owner);
          break;
        }
      }
      return out;
    },
  };
}
