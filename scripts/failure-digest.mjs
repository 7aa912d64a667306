// The few lines of a failed `npm test` step that name its cause (scripts/test.mjs prints them after the summary).

/**
 * What a failed step said, in a few lines: mocha's numbered failures (their titles and the first line of each
 * error), else the step's last lines. CI logs are often read from their tail, where the summary is; this puts the
 * cause beside it.
 */
export function failureDigest(output, maxLines = 24) {
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split(/\r?\n/);
  const start = lines.findIndex((line) => /^\s+\d+ failing\s*$/.test(line));
  const digest = [];
  for (let i = start + 1; start >= 0 && i < lines.length && digest.length < maxLines; i++) {
    const numbered = /^\s+(\d+)\) (.*)$/.exec(lines[i]);
    if (!numbered) continue;
    // The title runs over indented lines; its last part ends with ':'. Then, after blank lines, the error.
    const title = [numbered[2].trim()];
    while (!title.at(-1).endsWith(':') && i + 1 < lines.length && lines[i + 1].trim()) title.push(lines[++i].trim());
    while (i + 1 < lines.length && !lines[i + 1].trim()) i++;
    const error = i + 1 < lines.length && !/^\s+\d+\) /.test(lines[i + 1]) ? lines[++i].trim() : '';
    digest.push(`${numbered[1]}) ${title.join(' › ').replace(/:$/, '')}${error ? ` — ${error}` : ''}`.slice(0, 400));
  }
  if (digest.length) return digest;
  return lines
    .filter((line) => line.trim())
    .slice(-Math.min(maxLines, 12))
    .map((line) => line.slice(0, 400));
}
