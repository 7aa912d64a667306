// The help texts. docs/cli.md says the same at more length.

export const GLOBAL_HELP = `Usage: cx-impact <command> [options]

See which customer journeys and touchpoints your code, and your change, affects.

Commands:
  check      validate the journey maps (cx-map.yaml)
  impact     the customer impact of a change (git diff against a base)
  explain    which touchpoints cover a path, and the pattern that decided it
  coverage   how much of the code the maps cover
  entry-points  the code's routes, GraphQL operations and pages, and the journeys that reach them
  deps          a file's imports and importers in the dependency graph
  catalog       the journey catalogue: one page for the people who own the journeys (index.html + catalog.json)

Options:
  -h, --help       show help (also: cx-impact <command> --help)
  -V, --version    print the version

Exit codes: 0 done; 1 check found errors, or impact --fail-on (or --fail-on-indirect) matched; 2 bad usage, unreadable map, git failure.
`;

const COMMON = `  --cwd DIR          work in DIR (default: the current folder; the repository is the git top-level above it)
  -h, --help         show this help`;

export const COMMAND_HELP: Record<string, string> = {
  check: `Usage: cx-impact check [--map FILE]... [--format text|json|github|sarif|gitlab] [--entry-points [--fail-on-uncovered]]

Validates the journey maps and prints one line per problem: file:line:col severity code message.
Without --map, every cx-map.yaml / cx-map.yml of the repository is checked (node_modules skipped).

Options:
  --map FILE         check this map (repeatable) instead of discovering maps
  --format FORMAT    text (default), json, github (workflow commands: annotations in a GitHub Actions job),
                     sarif (SARIF 2.1.0, for code scanning) or gitlab (a GitLab code quality report)
  --entry-points     also warn once for each entry point (route, GraphQL operation, page) no journey covers
  --fail-on-uncovered  with --entry-points: report them as errors (exit 1)
${COMMON}

Exit codes: 0 no errors (warnings allowed); 1 a map has errors; 2 bad usage or a map that cannot be read.
`,
  impact: `Usage: cx-impact impact [--base REF] [--head REF] [--format text|markdown|json|github] [--fail-on TIER] [--symbols MODE]

The customer impact of a change: the journeys and touchpoints its files belong to (most critical first),
the changed files no map covers, and the files a map edit moves between touchpoints.

The change is git diff BASE...HEAD (from the merge-base). Without --head: the merge-base of BASE and HEAD
against the working tree, with staged, unstaged and untracked files. Renames count under both paths.

Options:
  --base REF         compare against REF (default: the branch's upstream, else origin/HEAD, else HEAD)
  --head REF         the change's last commit (default: the working tree)
  --format FORMAT    text (default), markdown (for a pull-request comment), json, or github: the Markdown,
                     also appended to $GITHUB_STEP_SUMMARY when set, and a ::notice per critical journey
  --fail-on TIER     exit 1 when a journey of TIER or more critical is touched (critical|high|medium|low)
  --symbols MODE     all (default): name the declarations each changed file's change touched; touchpoints: read
                     symbols only where a touchpoint names symbols; off: whole files, nothing parsed
  --fail-on-indirect TIER
                     the same, counting journeys reached indirectly (through imports) too
  --max-hops N       follow imports up to N hops from a changed file no touchpoint covers (default 2; 0: off)
  --no-cache         do not read or write the dependency graph's cache ($XDG_CACHE_HOME/cx-impact)
  --map FILE         use this map instead of discovering maps
${COMMON}
`,
  explain: `Usage: cx-impact explain PATH... [--format text|json]

For each path (relative to the current folder): which touchpoints cover it, and the pattern and line
of the map that decided it. A code file in no touchpoint: the touchpoints it reaches through imports.

Options:
  --format FORMAT    text (default) or json
  --max-hops N       follow imports up to N hops (default 2; 0: off)
  --no-cache         do not read or write the dependency graph's cache
  --map FILE         use this map instead of discovering maps
${COMMON}
`,
  coverage: `Usage: cx-impact coverage [--files-from FILE|-] [--format text|json]

How many of the repository's files are in a touchpoint, which are not, and which patterns match no file.
The files are those git lists (tracked and untracked, not ignored); map files themselves are not counted.

Options:
  --files-from FILE  count these files instead: one path a line (or NUL-separated), "-" for stdin;
                     relative to the repository, or to the map's folder with --map
  --format FORMAT    text (default) or json
  --map FILE         use this map instead of discovering maps (and count only the files in its folder)
${COMMON}
`,
  'entry-points': `Usage: cx-impact entry-points [--uncovered] [--format text|markdown|json]

The code's entry points (HTTP routes, GraphQL operations, pages), where each is registered, its handler,
and the touchpoints that cover it: a touchpoint covers the handler's file, or names the handler's symbol.
The files are those git lists (tracked and untracked, not ignored); see docs/entry-points.md for the
frameworks recognised.

Options:
  --uncovered        list only the entry points no journey covers
  --format FORMAT    text (default), markdown or json
  --map FILE         use this map instead of discovering maps (and read only the code in its folder)
${COMMON}
`,
  catalog: `Usage: cx-impact catalog [--out DIR] [--since DATE|DURATION] [--format html|json|backstage|mermaid]

The journey catalogue: every journey with its owners (the map's, and CODEOWNERS' for its files), its touchpoints by
channel with their entry points and how much code serves them, what changed lately (commits of the window that
touched its code directly or through imports), when its map entry was last edited, and the blind spots.
html writes DIR/index.html (one self-contained page that requests nothing) and DIR/catalog.json; the other formats
print one document, or write it into DIR with --out. See docs/catalog.md.

Options:
  --out DIR          where to write (default for html: cx-catalog)
  --since WHEN       the window of history: an ISO date (2026-11-01) or a duration counted back from HEAD's commit
                     date (90d, 6w, 3m, 1y; default 90d), so the same commit gives the same page
  --format FORMAT    html (default), json (catalog.json), backstage (a System entity per journey, multi-document
                     YAML) or mermaid (a Markdown document with a Mermaid journey block per journey)
  --max-hops N       follow imports up to N hops for indirect reach (default 2; 0: off, the graph is not built)
  --no-cache         do not read or write the dependency graph's cache
  --map FILE         use this map instead of discovering maps
${COMMON}

SOURCE_DATE_EPOCH, when set, is written as generatedAt (the only field that otherwise changes from run to run).
`,
  deps: `Usage: cx-impact deps PATH... [--unresolved] [--format text|json]

A file's imports and importers in the dependency graph (after barrel collapse; type-only imports and
tests carry no impact). --unresolved adds the imports that could not be resolved; with no PATH it lists
every unresolved import of the repository.

Options:
  --unresolved       list the imports that could not be resolved
  --format FORMAT    text (default) or json
  --no-cache         do not read or write the dependency graph's cache
  --map FILE         use this map (for its indirect.exclude) instead of discovering maps
${COMMON}
`,
};
