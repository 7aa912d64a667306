import { Composer, Lexer, Parser, YAMLParseError, isAlias, visit, type Document } from 'yaml';
import {
  CHANNELS,
  TIERS,
  type Channel,
  type CxMap,
  type IndirectSettings,
  type Journey,
  type Link,
  type MapDiagnostic,
  type ParseResult,
  type PathPattern,
  type Touchpoint,
} from '../types';
import {
  isAnyNode as isNode,
  isMapNode as isMap,
  isScalarNode as isScalar,
  isSeqNode as isSeq,
  readBlockYaml,
  type AnyNode as Node,
  type MapNode as YAMLMap,
  type PairNode as Pair,
} from './block-yaml';
import { closest } from './closest';
import { MAP_DIAGNOSTIC_CODES, type MapDiagnosticCode } from './codes';
import { NestingGauge } from './nesting';
import { patternProblem } from './patterns';
import { TextPositions } from './text-position';
import { yamlMessage } from './yaml-hints';

/**
 * Bigger files are not read. Together with MAX_MAP_VALUES this keeps reading any file under a second of
 * CPU; a 10,000-pattern map in block style is about 700 KB.
 */
export const MAX_MAP_BYTES = 1024 * 1024;
/**
 * Files with more line starts and flow separators (`,` `[` `{`) than this are not read. The yaml parser's
 * cost follows the number of values, and a file packed with tiny ones (`[{},{},…]`, `key: 1` lines) costs
 * far more per byte than a real map: on a busy 2-core machine the parser read about 30,000 such lines or
 * separators in half a second of CPU (see hostile.test.ts). A 10,000-pattern map in block style counts
 * about 19,000; a big map can be split into maps in subfolders (a map covers its own folder).
 */
export const MAX_MAP_VALUES = 30_000;
/** By the estimate of `NestingGauge`; a real map is about ten. */
export const MAX_NESTING = 64;
/** Past this many, one `too-many-problems` warning stands for the rest. */
export const MAX_DIAGNOSTICS = 500;

const SYNTAX_CODES: ReadonlySet<MapDiagnosticCode> = new Set([
  'yaml-syntax',
  'yaml-warning',
  'duplicate-key',
  'map-too-large',
  'too-deep',
  'not-a-map',
]);
export const ID_SHAPE = /^[a-z0-9][a-z0-9-]*$/;
export const SYMBOL_SHAPE = /^[^\s.]+(?:\.[^\s.]+)*$/;
const MAX_SYMBOL_LENGTH = 512;
export const ROOT_KEYS = ['version', 'journeys', 'indirect'] as const;
export const INDIRECT_KEYS = ['maxHops', 'sharedAbove', 'exclude'] as const;
export const JOURNEY_KEYS = [
  'id',
  'name',
  'tier',
  'owner',
  'description',
  'slo',
  'customers',
  'links',
  'touchpoints',
] as const;
export const TOUCHPOINT_KEYS = ['id', 'name', 'channel', 'description', 'paths', 'symbols'] as const;

type Offsets = readonly [number, number];

/**
 * Reads one map file. `file` is its path relative to the root, with `/`; the map governs `dirname(file)`.
 *
 * Never throws. Every problem becomes a diagnostic with a position in `text`. What is valid is kept:
 * a journey is left out only when its id or name is unusable, its id repeats an earlier journey's, or
 * none of its touchpoints is usable; a touchpoint is left out when its id or name is unusable, its id
 * repeats, or none of its patterns is usable. Bad optional values (tier, channel, links, symbols…)
 * are reported and dropped; the rest of the journey or touchpoint stays.
 */
export function parseMap(text: string, file: string): ParseResult {
  return new MapReader(text, file).read();
}

let useBlockReader = true;

/**
 * For tests: whether `parseMap` first tries `readBlockYaml` (the default) or always composes the text with the
 * yaml package. Both must give the same result on every text; the property tests compare them.
 */
export function setBlockReader(enabled: boolean): void {
  useBlockReader = enabled;
}

class MapReader {
  private positionsOfText: TextPositions | undefined;
  private readonly diagnostics: MapDiagnostic[] = [];
  private readonly reported = new Set<string>();
  private full = false;
  private readonly anchors = new Map<string, { offset: number; node: Node }[]>();
  /** Nodes read so far; only `*alias` expansion can push it past the file's length (alias bombs). */
  private visits = 0;
  private readonly visitBudget: number;
  private lastAlias: Offsets = [0, 0];
  private aliasLimitHit = false;
  /** Start offsets of the YAML syntax errors, sorted. */
  private readonly syntaxErrors: number[] = [];

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    this.visitBudget = text.length + 10_000;
  }

  /** Built on first use: a file refused for its size needs only its first line. */
  private get positions(): TextPositions {
    this.positionsOfText ??= new TextPositions(this.text);
    return this.positionsOfText;
  }

  read(): ParseResult {
    const map = this.readMap();
    const diagnostics = this.diagnostics
      .map((d, i) => ({ d, i }))
      .sort(
        (a, b) =>
          a.d.range.start.line - b.d.range.start.line ||
          a.d.range.start.character - b.d.range.start.character ||
          a.i - b.i,
      )
      .map(({ d }) => d);
    return { map, diagnostics };
  }

  private readMap(): CxMap | undefined {
    const firstLine: Offsets = [0, lineEnd(this.text, 0)];
    const split =
      'split it, moving journeys into cx-map.yaml files in the folders whose code they cover (a map covers its own folder and below).';
    const bytes = utf8Length(this.text, MAX_MAP_BYTES);
    if (bytes > MAX_MAP_BYTES) {
      this.report(
        'map-too-large',
        firstLine,
        `The map is larger than ${MAX_MAP_BYTES / 1024 / 1024} MiB and is not read: ${split}`,
      );
      return undefined;
    }
    const values = countValueStarts(this.text, MAX_MAP_VALUES);
    if (values > MAX_MAP_VALUES) {
      this.report(
        'map-too-large',
        firstLine,
        `The map has more than ${MAX_MAP_VALUES.toLocaleString('en-US')} lines and list or mapping entries (\`,\` \`[\` \`{\`) and is not read: ${split}`,
      );
      return undefined;
    }
    const fast = useBlockReader ? readBlockYaml(this.text) : undefined;
    const doc = fast ? { contents: fast, errors: [], warnings: [] } : this.parseDocument();
    if (!doc) return undefined;
    for (const error of doc.errors) {
      this.syntaxErrors.push(error.pos[0]);
      this.report('yaml-syntax', [error.pos[0], error.pos[1]], yamlMessage(error.code, error.message));
    }
    this.syntaxErrors.sort((a, b) => a - b);
    for (const warning of doc.warnings) {
      this.report('yaml-warning', [warning.pos[0], warning.pos[1]], yamlMessage(warning.code, warning.message));
    }

    const root = doc.contents;
    if (root === null || (isScalar(root) && root.value === null)) {
      this.report('not-a-map', firstLine, 'The map is empty: start it with `version: 1` and a `journeys:` list.');
      return undefined;
    }
    if (!isMap(root)) {
      this.report(
        'not-a-map',
        this.offsets(root),
        `A map is a set of \`key: value\` lines (\`version: 1\`, \`journeys:\`), not ${describe(root)}.`,
      );
      return undefined;
    }
    if (!fast) this.collectAnchors(doc as Document.Parsed);

    const map: CxMap = { file: this.file, dir: dirname(this.file), journeys: [] };
    const fields = this.fields(root, ROOT_KEYS, 'at the top level');
    this.readVersion(fields.get('version'), root);
    const journeys = this.requiredList(
      fields.get('journeys'),
      root,
      'journeys',
      'The map has no `journeys` list: add `journeys:` with at least one journey.',
    );
    const ids = new Set<string>();
    for (const item of journeys) {
      const journey = this.readJourney(item, ids);
      if (journey) map.journeys.push(journey);
    }
    const indirect = this.readIndirect(fields.get('indirect'));
    if (indirect) map.indirect = indirect;
    return map;
  }

  /**
   * The yaml package's `parseDocument`, with the lexer's output also fed to the nesting check, so that the
   * text is lexed once; undefined, with the problem reported, when it cannot be read. The composer recurses once per level, and past the stack limit Node can die
   * outright: the parser stops being fed where the nesting check trips, so it never sees the deep part.
   */
  private parseDocument(): Document.Parsed | undefined {
    // yaml's own duplicate-key check compares every key with every earlier one (15,000 keys took
    // seconds); `fields` finds repeated keys with a set instead.
    const composer = new Composer({ prettyErrors: false, uniqueKeys: false, keepSourceTokens: false });
    const parser = new Parser();
    const gauge = new NestingGauge(MAX_NESTING);
    let doc: Document.Parsed | undefined;
    let second: Document.Parsed | undefined;
    const take = (docs: Iterable<Document.Parsed>): void => {
      for (const next of docs) {
        if (!doc) doc = next;
        else second ??= next;
      }
    };
    try {
      for (const lexeme of new Lexer().lex(this.text)) {
        const deep = gauge.next(lexeme);
        if (deep !== undefined) {
          this.report(
            'too-deep',
            [deep, deep + 1],
            `The YAML nests deeper than ${MAX_NESTING} levels here and the map is not read: a map needs only a few levels. Remove the nested brackets or indentation.`,
          );
          return undefined;
        }
        for (const token of parser.next(lexeme)) take(composer.next(token));
        if (second) break;
      }
      if (!second) {
        for (const token of parser.end()) take(composer.next(token));
        take(composer.end(true, this.text.length));
      }
    } catch (error) {
      // The yaml package reports problems as errors rather than throwing; this is a last resort.
      this.report(
        'yaml-syntax',
        [0, lineEnd(this.text, 0)],
        `The YAML could not be read (${error instanceof Error ? error.message : String(error)}).`,
      );
      return undefined;
    }
    if (doc && second) {
      // As parseDocument reports a second document; the rest is not read.
      doc.errors.push(
        new YAMLParseError(
          [second.range[0], second.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
    }
    return doc;
  }

  private readVersion(pair: Pair | undefined, root: YAMLMap): void {
    if (!pair) {
      this.report(
        'missing-version',
        this.keyOffsets(root),
        'The map has no `version`: add `version: 1` at the top of the file.',
        undefined,
        this.offsets(root),
      );
      return;
    }
    const value = this.deref(pair.value);
    if (isScalar(value) && value.value === 1) return;
    const at = this.valueOffsets(pair, value);
    // Offered as a replacement only where the range is the value itself, not the key.
    const fix = isScalar(value) && value.value !== null ? '1' : undefined;
    if (isScalar(value) && typeof value.value === 'string' && value.value.trim() === '1') {
      this.report('unsupported-version', at, 'Write the version as a number: `version: 1`, without quotes.', fix);
    } else if (isScalar(value) && typeof value.value === 'number') {
      this.report(
        'unsupported-version',
        at,
        `Version ${String(value.value)} is not known: this cx-impact reads \`version: 1\`.`,
        fix,
      );
    } else {
      this.report('unsupported-version', at, 'The version must be `1`: write `version: 1`.', fix);
    }
  }

  private readJourney(raw: unknown, ids: Set<string>): Journey | undefined {
    const node = this.deref(raw);
    if (!isMap(node)) {
      this.report(
        'wrong-type',
        this.offsets(node ?? raw),
        `A journey is a set of \`key: value\` lines (id, name, touchpoints), not ${describe(node)}.`,
      );
      return undefined;
    }
    const what = 'journey';
    const fields = this.fields(node, JOURNEY_KEYS, 'in a journey');
    let usable = true;
    const id = this.readId(fields.get('id'), node, what);
    if (id && ids.has(id.id)) {
      this.report(
        'duplicate-journey-id',
        id.at,
        `Another journey of this map already has the id \`${id.id}\`: give this one its own id. Until then it is left out.`,
      );
      usable = false;
    } else if (id) {
      ids.add(id.id);
    }
    const name = this.requiredText(fields.get('name'), node, 'name', what);
    const journey: Journey = {
      id: id?.id ?? '',
      name: name ?? '',
      tier: this.readChoice(fields.get('tier'), TIERS, 'bad-tier', 'tier') ?? 'medium',
      links: [],
      touchpoints: [],
      range: this.range(this.offsets(node)),
      idRange: this.range(id?.at ?? this.keyOffsets(node)),
    };
    const owner = this.optionalText(fields.get('owner'), 'owner');
    if (owner !== undefined) journey.owner = owner;
    const description = this.optionalText(fields.get('description'), 'description');
    if (description !== undefined) journey.description = description;
    const slo = this.optionalText(fields.get('slo'), 'slo');
    if (slo !== undefined) journey.slo = slo;
    const customers = this.readCustomers(fields.get('customers'));
    if (customers !== undefined) journey.customers = customers;
    journey.links = this.readLinks(fields.get('links'));

    const touchpointIds = new Set<string>();
    const items = this.requiredList(
      fields.get('touchpoints'),
      node,
      'touchpoints',
      `This journey has no \`touchpoints\` list: add \`touchpoints:\` with at least one touchpoint. Until then the journey is left out.`,
    );
    for (const item of items) {
      const touchpoint = this.readTouchpoint(item, touchpointIds);
      if (touchpoint) journey.touchpoints.push(touchpoint);
    }
    return usable && id && name !== undefined && journey.touchpoints.length > 0 ? journey : undefined;
  }

  private readTouchpoint(raw: unknown, ids: Set<string>): Touchpoint | undefined {
    const node = this.deref(raw);
    if (!isMap(node)) {
      this.report(
        'wrong-type',
        this.offsets(node ?? raw),
        `A touchpoint is a set of \`key: value\` lines (id, name, paths), not ${describe(node)}.`,
      );
      return undefined;
    }
    const what = 'touchpoint';
    const fields = this.fields(node, TOUCHPOINT_KEYS, 'in a touchpoint');
    let usable = true;
    const id = this.readId(fields.get('id'), node, what);
    if (id && ids.has(id.id)) {
      this.report(
        'duplicate-touchpoint-id',
        id.at,
        `Another touchpoint of this journey already has the id \`${id.id}\`: give this one its own id. Until then it is left out.`,
      );
      usable = false;
    } else if (id) {
      ids.add(id.id);
    }
    const name = this.requiredText(fields.get('name'), node, 'name', what);
    const touchpoint: Touchpoint = {
      id: id?.id ?? '',
      name: name ?? '',
      paths: [],
      symbols: [],
      range: this.range(this.offsets(node)),
      idRange: this.range(id?.at ?? this.keyOffsets(node)),
    };
    const channel: Channel | undefined = this.readChoice(fields.get('channel'), CHANNELS, 'bad-channel', 'channel');
    if (channel !== undefined) touchpoint.channel = channel;
    const description = this.optionalText(fields.get('description'), 'description');
    if (description !== undefined) touchpoint.description = description;

    const patterns = this.requiredList(
      fields.get('paths'),
      node,
      'paths',
      'This touchpoint has no `paths` list: add `paths:` with at least one pattern (e.g. `- services/payments/**`). Until then the touchpoint is left out.',
    );
    for (const item of patterns) {
      const pattern = this.readPattern(item);
      if (pattern) touchpoint.paths.push(pattern);
    }
    touchpoint.symbols = this.readSymbols(fields.get('symbols'));
    return usable && id && name !== undefined && touchpoint.paths.length > 0 ? touchpoint : undefined;
  }

  /** The `indirect:` key (contract §5.4): each setting optional; a bad one is reported and the default stays. */
  private readIndirect(pair: Pair | undefined): IndirectSettings | undefined {
    if (!pair) return undefined;
    const value = this.deref(pair.value);
    if (!isMap(value)) {
      this.report(
        'wrong-type',
        this.valueOffsets(pair, value),
        `\`indirect\` is a set of \`key: value\` lines (maxHops, sharedAbove, exclude), not ${describe(value)}; the defaults are used until fixed.`,
      );
      return undefined;
    }
    const fields = this.fields(value, INDIRECT_KEYS, 'in `indirect`');
    const settings: IndirectSettings = {};
    const whole = (key: 'maxHops' | 'sharedAbove', max: number, meaning: string): number | undefined => {
      const entry = fields.get(key);
      if (!entry) return undefined;
      const node = this.deref(entry.value);
      if (
        isScalar(node) &&
        typeof node.value === 'number' &&
        Number.isInteger(node.value) &&
        node.value >= 0 &&
        node.value <= max
      )
        return node.value;
      this.report(
        'wrong-type',
        this.valueOffsets(entry, node),
        `\`${key}\` is a whole number from 0 to ${max} (${meaning}), not ${describe(node)}; the default is used until fixed.`,
      );
      return undefined;
    };
    const maxHops = whole('maxHops', 100, '0 turns indirect impact off');
    if (maxHops !== undefined) settings.maxHops = maxHops;
    const sharedAbove = whole('sharedAbove', 10_000_000, 'transitive importers');
    if (sharedAbove !== undefined) settings.sharedAbove = sharedAbove;
    const exclude = fields.get('exclude');
    if (exclude) {
      const list = this.deref(exclude.value);
      if (!isSeq(list)) {
        this.report(
          'wrong-type',
          this.valueOffsets(exclude, list),
          `\`exclude\` is a list of path patterns (e.g. \`- "**/*.stories.tsx"\`), not ${describe(list)}.`,
        );
      } else {
        settings.exclude = [];
        for (const item of list.items) {
          const pattern = this.readPattern(item);
          if (pattern) settings.exclude.push(pattern.source);
        }
      }
    }
    return settings;
  }

  private readPattern(raw: unknown): PathPattern | undefined {
    const node = this.deref(raw);
    const at = this.offsets(node ?? raw);
    if (!isScalar(node) || typeof node.value !== 'string') {
      const quote = isScalar(node) && node.value !== null ? ' Put it in quotes to make it text.' : '';
      this.report(
        'wrong-type',
        at,
        `A path pattern is text (e.g. \`services/payments/**\`), not ${describe(node)}.${quote}`,
      );
      return undefined;
    }
    const problem = patternProblem(node.value);
    if (problem) {
      this.report(problem.code, at, problem.message);
      return undefined;
    }
    const range = this.range(at);
    return { source: node.value, negated: node.value.startsWith('!'), range, line: range.start.line + 1 };
  }

  private readSymbols(pair: Pair | undefined): string[] {
    if (!pair) return [];
    const value = this.deref(pair.value);
    if (!isSeq(value)) {
      this.report(
        'wrong-type',
        this.valueOffsets(pair, value),
        `\`symbols\` is a list of names (e.g. \`- PaymentService.charge\`), not ${describe(value)}; it is ignored until fixed.`,
      );
      return [];
    }
    const symbols: string[] = [];
    for (const item of value.items) {
      const node = this.deref(item);
      const symbol = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
      if (symbol !== undefined && symbol.length <= MAX_SYMBOL_LENGTH && SYMBOL_SHAPE.test(symbol)) {
        symbols.push(symbol);
      } else {
        this.report(
          'bad-symbol',
          this.offsets(node ?? item),
          `A symbol is \`Outer.inner\` or a top-level name, \`*\` allowed within a segment (e.g. \`PaymentService.*\`), with no spaces or empty segments${symbol === undefined ? `, not ${describe(node)}` : ''}.`,
        );
      }
    }
    return symbols;
  }

  private readLinks(pair: Pair | undefined): Link[] {
    if (!pair) return [];
    const value = this.deref(pair.value);
    if (!isMap(value)) {
      this.report(
        'wrong-type',
        this.valueOffsets(pair, value),
        `\`links\` is a set of \`name: https://…\` lines, not ${describe(value)}.`,
      );
      return [];
    }
    const links: Link[] = [];
    const names = new Set<string>();
    for (const link of value.items) {
      const name = this.keyText(link.key);
      if (names.has(name)) {
        this.report(
          'duplicate-key',
          this.offsets(link.key),
          `The link \`${clip(name)}\` appears twice: remove or rename the repeated one (only the first is read).`,
        );
        continue;
      }
      names.add(name);
      const url = this.deref(link.value);
      const at: Offsets = [this.offsets(link.key)[0], this.valueOffsets(link, url)[1]];
      if (isScalar(url) && typeof url.value === 'string' && isWebUrl(url.value)) {
        links.push({ name, url: url.value, range: this.range(at) });
      } else {
        const shown = isScalar(url) && url.value !== null ? ` (\`${clip(scalarText(url.value))}\`)` : '';
        this.report(
          'bad-link',
          this.valueOffsets(link, url),
          `The link \`${clip(name)}\`${shown} is not an http(s) URL and is left out: write a URL starting with https:// or http://.`,
        );
      }
    }
    return links;
  }

  private readId(pair: Pair | undefined, owner: YAMLMap, what: string): { id: string; at: Offsets } | undefined {
    if (!pair) {
      this.report(
        'missing-field',
        this.keyOffsets(owner),
        `This ${what} has no \`id\`: add \`id: …\` (lowercase letters, digits and -). Until then the ${what} is left out.`,
        undefined,
        this.offsets(owner),
      );
      return undefined;
    }
    const value = this.deref(pair.value);
    const at = this.valueOffsets(pair, value);
    if (isScalar(value) && typeof value.value === 'string') {
      const id = value.value;
      if (id === '') {
        this.report(
          'empty-value',
          at,
          `The ${what} id is empty: write an id such as \`checkout\`. Until then the ${what} is left out.`,
        );
        return undefined;
      }
      if (!ID_SHAPE.test(id)) {
        const slug = id
          .toLowerCase()
          .replace(/[^a-z0-9-]+/g, '-')
          .replace(/^[-]+|[-]+$/g, '');
        this.report(
          'bad-id',
          at,
          `\`${clip(id)}\` is not a valid ${what} id: use lowercase letters, digits and \`-\`, starting with a letter or digit${slug ? ` (e.g. \`${slug}\`)` : ''}. Until then the ${what} is left out.`,
          slug || undefined,
        );
        return undefined;
      }
      return { id, at };
    }
    if (isScalar(value) && value.value === null) {
      this.report(
        'empty-value',
        at,
        `The ${what} id is empty: write an id such as \`checkout\`. Until then the ${what} is left out.`,
      );
    } else {
      const quote = isScalar(value) ? ' Put it in quotes.' : '';
      this.report(
        'wrong-type',
        at,
        `The ${what} id must be text, not ${describe(value)}.${quote} Until then the ${what} is left out.`,
      );
    }
    return undefined;
  }

  private requiredText(pair: Pair | undefined, owner: YAMLMap, key: string, what: string): string | undefined {
    if (!pair) {
      this.report(
        'missing-field',
        this.keyOffsets(owner),
        `This ${what} has no \`${key}\`: add \`${key}: …\`. Until then the ${what} is left out.`,
        undefined,
        this.offsets(owner),
      );
      return undefined;
    }
    const text = this.textValue(pair, key);
    if (text !== undefined && text.trim() === '') {
      this.report(
        'empty-value',
        this.valueOffsets(pair, this.deref(pair.value)),
        `The ${what}'s \`${key}\` is empty: write one. Until then the ${what} is left out.`,
      );
      return undefined;
    }
    return text;
  }

  private optionalText(pair: Pair | undefined, key: string): string | undefined {
    return pair ? this.textValue(pair, key) : undefined;
  }

  /** A key's text value; reports `empty-value` / `wrong-type` and returns undefined otherwise. */
  private textValue(pair: Pair, key: string): string | undefined {
    const value = this.deref(pair.value);
    if (isScalar(value) && typeof value.value === 'string') return value.value;
    const at = this.valueOffsets(pair, value);
    if (isScalar(value) && value.value === null) {
      this.report('empty-value', at, `\`${key}\` has no value: write one, or remove the key.`);
    } else {
      const quote = isScalar(value) ? ' Put it in quotes.' : '';
      this.report('wrong-type', at, `\`${key}\` must be text, not ${describe(value)}.${quote}`);
    }
    return undefined;
  }

  private readCustomers(pair: Pair | undefined): string | undefined {
    if (!pair) return undefined;
    const value = this.deref(pair.value);
    if (isScalar(value) && typeof value.value === 'string') return value.value;
    if (isScalar(value) && typeof value.value === 'number' && value.range) {
      // Kept as written: `120_000` or `1.2e5` mean something to the reader that a reformatted number would not.
      return this.text.slice(value.range[0], value.range[1]).trim();
    }
    if (isScalar(value) && value.value === null) {
      this.report(
        'empty-value',
        this.valueOffsets(pair, value),
        '`customers` has no value: write the reach (e.g. `120k orders a day`), or remove the key.',
      );
    } else {
      this.report(
        'wrong-type',
        this.valueOffsets(pair, value),
        `\`customers\` is a number or text (e.g. \`120k orders a day\`), not ${describe(value)}.`,
      );
    }
    return undefined;
  }

  private readChoice<T extends string>(
    pair: Pair | undefined,
    choices: readonly T[],
    code: 'bad-tier' | 'bad-channel',
    key: string,
  ): T | undefined {
    if (!pair) return undefined;
    const value = this.deref(pair.value);
    const text = isScalar(value) && value.value !== null ? scalarText(value.value) : undefined;
    if (isScalar(value) && typeof value.value === 'string' && (choices as readonly string[]).includes(value.value))
      return value.value as T;
    const suggestion = text === undefined ? undefined : closest(text, choices);
    const hint = suggestion ? `Did you mean \`${suggestion}\`? ` : '';
    const fallback =
      key === 'tier' ? ' Until fixed, the journey counts as `medium`.' : ' Until fixed, the touchpoint has no channel.';
    this.report(
      code,
      this.valueOffsets(pair, value),
      `${text === undefined ? `\`${key}\` has no value` : `\`${clip(text)}\` is not a ${key}`}. ${hint}Use one of: ${choices.join(', ')}.${fallback}`,
      suggestion,
    );
    return undefined;
  }

  private requiredList(pair: Pair | undefined, owner: YAMLMap, key: string, missing: string): unknown[] {
    if (!pair) {
      this.report('missing-field', this.keyOffsets(owner), missing, undefined, this.offsets(owner));
      return [];
    }
    const value = this.deref(pair.value);
    const at = this.valueOffsets(pair, value);
    if (isScalar(value) && value.value === null) {
      this.report('empty-list', at, `\`${key}\` is empty: add at least one entry below it, each starting with \`- \`.`);
      return [];
    }
    if (!isSeq(value)) {
      this.report('wrong-type', at, `\`${key}\` is a list (entries starting with \`- \`), not ${describe(value)}.`);
      return [];
    }
    if (value.items.length === 0) {
      this.report('empty-list', at, `\`${key}\` is empty: add at least one entry.`);
    }
    return value.items;
  }

  /** The known keys of a mapping, by name; reports unknown keys (with the closest known one) and `<<`. */
  private fields(map: YAMLMap, known: readonly string[], where: string): Map<string, Pair> {
    const fields = new Map<string, Pair>();
    const seen = new Set<string>();
    for (const pair of map.items) {
      const key = this.keyText(pair.key);
      const at = this.offsets(pair.key);
      if (seen.has(key)) {
        this.report(
          'duplicate-key',
          at,
          `The key \`${clip(key)}\` appears twice here: remove or rename the repeated one (only the first is read).`,
        );
        continue;
      }
      seen.add(key);
      if (known.includes(key)) {
        fields.set(key, pair);
        continue;
      }
      if (key === '<<') {
        this.report('merge-key', at, 'Merge keys (`<<`) are not supported: write the keys out.');
        continue;
      }
      // Past MAX_DIAGNOSTICS the report is dropped: skip the edit distances (a file of unknown keys has thousands).
      if (this.full) continue;
      const suggestion = closest(key, known);
      const advice = suggestion ? `did you mean \`${suggestion}\`?` : `the known keys are ${known.join(', ')}.`;
      this.report('unknown-key', at, `Unknown key \`${clip(key)}\` ${where}: ${advice} It is ignored.`, suggestion);
    }
    return fields;
  }

  private keyText(key: unknown): string {
    const node = isAlias(key) ? this.deref(key) : key;
    if (isScalar(node) && node.value !== null && typeof node.value !== 'object') return scalarText(node.value);
    if (isNode(node) && node.range) return this.text.slice(node.range[0], Math.min(node.range[1], node.range[0] + 80));
    return '';
  }

  /** The node itself, or what an alias points at; null past the alias budget or for non-nodes. */
  private deref(raw: unknown): Node | null {
    this.visits++;
    if (this.visits > this.visitBudget) {
      if (!this.aliasLimitHit) {
        this.aliasLimitHit = true;
        this.report(
          'alias-limit',
          this.lastAlias,
          'The `*alias` references expand to more values than the file holds and reading stopped here: write the values out instead of repeating aliases.',
        );
      }
      return null;
    }
    if (isAlias(raw)) {
      const at = raw.range ? raw.range[0] : 0;
      this.lastAlias = this.offsets(raw);
      let target: Node | null = null;
      for (const anchor of this.anchors.get(raw.source) ?? []) {
        if (anchor.offset >= at) break;
        target = anchor.node;
      }
      if (!target) {
        this.report(
          'yaml-syntax',
          this.lastAlias,
          `The alias \`*${clip(raw.source)}\` refers to no anchor \`&${clip(raw.source)}\` before it: define the anchor first, or write the value out.`,
        );
      }
      return target;
    }
    return isNode(raw) ? raw : null;
  }

  private collectAnchors(doc: Document.Parsed): void {
    if (!this.text.includes('&')) return;
    visit(doc, {
      Node: (_key, node) => {
        if (!isAlias(node) && node.anchor && node.range) {
          const list = this.anchors.get(node.anchor) ?? [];
          list.push({ offset: node.range[0], node });
          this.anchors.set(node.anchor, list);
        }
      },
    });
    for (const list of this.anchors.values()) list.sort((a, b) => a.offset - b.offset);
  }

  private offsets(node: unknown): Offsets {
    if (isNode(node) && node.range) return [node.range[0], node.range[1]];
    return [0, 0];
  }

  /** Where to point at a missing key: the mapping's first key, else the mapping. */
  private keyOffsets(map: YAMLMap): Offsets {
    const first = map.items[0];
    return first && isNode(first.key) ? this.offsets(first.key) : this.offsets(map);
  }

  /** The value, or the key when the value is empty (an empty value has no width to underline). */
  private valueOffsets(pair: Pair, value: Node | null): Offsets {
    const at = this.offsets(value ?? pair.value);
    return at[1] > at[0] ? at : this.offsets(pair.key);
  }

  private range([start, end]: Offsets) {
    return this.positions.range(start, end);
  }

  /**
   * Records a problem. A semantic problem whose `scope` (the node in question, by default `at`) holds a
   * YAML syntax error is not recorded: the yaml parser's recovery produces odd shapes there, and the
   * syntax error is the thing to fix.
   */
  private holdsSyntaxError([start, end]: Offsets): boolean {
    const errors = this.syntaxErrors;
    let lo = 0;
    let hi = errors.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((errors[mid] ?? 0) < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < errors.length && (errors[lo] ?? 0) <= end;
  }

  private report(
    code: MapDiagnosticCode,
    at: Offsets,
    message: string,
    suggestion?: string,
    scope: Offsets = at,
  ): void {
    if (this.full) return;
    if (!SYNTAX_CODES.has(code) && this.holdsSyntaxError(scope)) return;
    const key = `${code}\u0000${at[0]}\u0000${at[1]}\u0000${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const range = this.range(at);
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      this.full = true;
      this.diagnostics.push({
        file: this.file,
        range,
        severity: 'warning',
        code: 'too-many-problems',
        message: `More than ${MAX_DIAGNOSTICS} problems: the rest are not listed. Fix these first.`,
      });
      return;
    }
    const diagnostic: MapDiagnostic = {
      file: this.file,
      range,
      severity: MAP_DIAGNOSTIC_CODES[code].severity,
      code,
      message,
    };
    if (suggestion !== undefined) diagnostic.suggestion = suggestion;
    this.diagnostics.push(diagnostic);
  }
}

function lineEnd(text: string, offset: number): number {
  const match = /[\r\n]/.exec(text.slice(offset, offset + 4096));
  return match ? offset + match.index : Math.min(text.length, offset + 4096);
}

function dirname(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

/** Characters that take more than one byte in UTF-8. */
// eslint-disable-next-line no-control-regex
const NOT_ASCII = /[^\u0000-\u007f]/g;

/**
 * UTF-8 length of `text`, counting stops early once it passes `limit`. A lone high surrogate counts as four bytes
 * and takes the unit after it along (as a pair would); a lone low surrogate counts as three. The regular
 * expression visits only the characters past ASCII, which is far quicker than a loop over every character.
 */
export function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let bytes = text.length;
  NOT_ASCII.lastIndex = 0;
  for (let match = NOT_ASCII.exec(text); match !== null && bytes <= limit; match = NOT_ASCII.exec(text)) {
    const i = match.index;
    const c = text.charCodeAt(i);
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // Four bytes for this unit and the next (each counted as one so far), which the search skips.
      if (i + 1 < text.length) {
        bytes += 2;
        NOT_ASCII.lastIndex = i + 2;
      } else bytes += 3;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * Line starts and flow separators (`,` `[` `{`) in `text`, counting stops early once it passes `limit`: `\n`,
 * a `\r` not followed by `\n`, `,`, `[`, `{`, each counted by the string search, which is quicker than a loop.
 */
export function countValueStarts(text: string, limit: number): number {
  let count = 1;
  for (const separator of ['\n', ',', '[', '{']) {
    for (let i = text.indexOf(separator); i >= 0 && count <= limit; i = text.indexOf(separator, i + 1)) count++;
  }
  for (let i = text.indexOf('\r'); i >= 0 && count <= limit; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 0x0a) count++;
  }
  return count;
}

function isWebUrl(value: string): boolean {
  // The same shape as the schema's, then the URL parser for what a pattern cannot see.
  if (!/^https?:\/\/[^\s/?#]+\S*$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function describe(node: unknown): string {
  if (isMap(node)) return 'a set of `key: value` lines';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'an empty value';
    if (typeof node.value === 'number') return `a number (${String(node.value)})`;
    if (typeof node.value === 'boolean') return `\`${String(node.value)}\``;
    if (typeof node.value === 'string') return `text (\`${clip(node.value)}\`)`;
  }
  return 'an unreadable value';
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint'
    ? String(value)
    : '';
}

function clip(text: string): string {
  const oneLine = text
    .replace(/[\r\n]+/g, ' ')
    .split('\0')
    .join('\\0');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
