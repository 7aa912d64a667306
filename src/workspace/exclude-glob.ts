// Which files the workspace lists: the exclude glob `workspace.findFiles` is given. Plain data (no vscode), so it
// is tested in plain Node; the Journeys view and the workspace's file list both use it.

/**
 * One exclude glob for `workspace.findFiles` built from `files.exclude` (the entries switched on without a `when`
 * condition) and dependency folders. findFiles takes a single glob, and VS Code globs do not nest braces, so
 * entries with their own braces are left out.
 */
export function excludeGlob(filesExclude: Readonly<Record<string, unknown>> | undefined): string {
  const globs = ['**/node_modules/**'];
  for (const [glob, on] of Object.entries(filesExclude ?? {})) {
    if (on === true && !/[{},]/.test(glob) && !globs.includes(glob)) globs.push(glob);
  }
  return globs.length === 1 ? (globs[0] ?? '') : `{${globs.join(',')}}`;
}
