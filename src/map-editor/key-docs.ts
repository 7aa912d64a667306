// What each key of a map means, for completion and hovers: the same words as docs/cx-map.md, shorter.
import { CHANNELS, TIERS } from '../core/types';
import type { MappingKind } from './cursor-context';

export interface KeyDoc {
  /** One line, shown next to the completion item. */
  summary: string;
  /** Markdown, shown in the completion details and on hover. */
  markdown: string;
  required: boolean;
  /** What follows the key when it is completed: a value on the same line, or a block below. */
  shape: 'scalar' | 'list' | 'mapping';
}

const ID_RULE = 'Lowercase letters, digits and `-`, starting with a letter or digit (e.g. `checkout`).';

export const ROOT_KEY_DOCS: Record<string, KeyDoc> = {
  version: {
    summary: 'Map format version: 1',
    markdown: 'The map format version. Required; `1` is the only version.',
    required: true,
    shape: 'scalar',
  },
  journeys: {
    summary: 'The customer journeys',
    markdown:
      'The customer journeys this code serves: a list, at least one. Each has an `id`, a `name` and `touchpoints`.',
    required: true,
    shape: 'list',
  },
  indirect: {
    summary: 'Indirect impact: maxHops, sharedAbove, exclude',
    markdown:
      'How far a change reaches through imports: from a changed file no touchpoint covers to the files that touchpoints cover. Optional: `maxHops` (default 2), `sharedAbove` (default 300), `exclude` (globs that carry no impact).',
    required: false,
    shape: 'mapping',
  },
};

export const INDIRECT_KEY_DOCS: Record<string, KeyDoc> = {
  maxHops: {
    summary: 'Hops reported in full (default 2; 0: off)',
    markdown:
      'How many imports away a touchpoint is still reported: 1 hop is *likely*, 2 *possible*; further only counted. `0` turns indirect impact off. Default `2`.',
    required: false,
    shape: 'scalar',
  },
  sharedAbove: {
    summary: 'Transitive importers for shared infrastructure (default 300)',
    markdown:
      'A changed file that more files than this depend on (directly or not) is *shared infrastructure*: reported once with its importer count, not against every journey. Default `300`.',
    required: false,
    shape: 'scalar',
  },
  exclude: {
    summary: 'Files that never carry impact (globs)',
    markdown:
      "Patterns relative to the map's folder (e.g. `**/*.stories.tsx`, `tools/**`) of files that never carry impact, added to the built-in test, spec, e2e, story and fixture globs.",
    required: false,
    shape: 'list',
  },
};

export const JOURNEY_KEY_DOCS: Record<string, KeyDoc> = {
  id: {
    summary: 'Journey id, unique in the map',
    markdown: `The journey's id, unique in the map. Required. ${ID_RULE}`,
    required: true,
    shape: 'scalar',
  },
  name: {
    summary: 'Journey name',
    markdown: 'The journey as customers and colleagues call it (e.g. `Checkout`). Required.',
    required: true,
    shape: 'scalar',
  },
  tier: {
    summary: TIERS.join(' | '),
    markdown: `How much the journey matters: ${TIERS.map((t) => `\`${t}\``).join(', ')}. Default \`medium\`. Impact reports list the most critical journeys first.`,
    required: false,
    shape: 'scalar',
  },
  owner: {
    summary: 'Who owns it: a team, person or channel',
    markdown:
      'Who to ask about the journey: a team, a person, a channel (e.g. `"@acme/payments"` — quote a leading `@`).',
    required: false,
    shape: 'scalar',
  },
  description: {
    summary: 'What the customer does',
    markdown: 'One or two sentences: what the customer does on this journey.',
    required: false,
    shape: 'scalar',
  },
  slo: {
    summary: 'Service level objective',
    markdown: 'The promise made about the journey, as text (e.g. `99.95% of checkouts succeed`).',
    required: false,
    shape: 'scalar',
  },
  customers: {
    summary: 'Reach: a number or text',
    markdown: 'How many customers the journey reaches, as a number or text (e.g. `120k orders a day`).',
    required: false,
    shape: 'scalar',
  },
  links: {
    summary: 'name: https://… lines',
    markdown: 'Dashboards, runbooks, docs: `name: URL` lines. Only `http://` and `https://` URLs are kept.',
    required: false,
    shape: 'mapping',
  },
  touchpoints: {
    summary: 'The steps of the journey',
    markdown:
      'The steps a customer goes through, in order: a list, at least one. Each has an `id`, a `name` and `paths`.',
    required: true,
    shape: 'list',
  },
};

export const TOUCHPOINT_KEY_DOCS: Record<string, KeyDoc> = {
  id: {
    summary: 'Touchpoint id, unique in the journey',
    markdown: `The touchpoint's id, unique within its journey. Required. ${ID_RULE}`,
    required: true,
    shape: 'scalar',
  },
  name: {
    summary: 'Touchpoint name',
    markdown: 'The step as the customer sees it (e.g. `Pay for the order`). Required.',
    required: true,
    shape: 'scalar',
  },
  channel: {
    summary: CHANNELS.join(' | '),
    markdown: `Where the customer meets this step: ${CHANNELS.map((c) => `\`${c}\``).join(', ')}.`,
    required: false,
    shape: 'scalar',
  },
  description: {
    summary: 'What happens at this step',
    markdown: 'What happens at this step, in a sentence or two.',
    required: false,
    shape: 'scalar',
  },
  paths: {
    summary: 'Files behind the step (globs)',
    markdown:
      "The code behind this step: a list of patterns relative to the map's folder, at least one. `dir/**` (or `dir/`) covers a folder, `**/*.sql` a kind of file at any depth, `*.md` only top-level files. A pattern starting with `!` excludes; the last matching pattern decides.",
    required: true,
    shape: 'list',
  },
  symbols: {
    summary: 'Only these symbols of the files',
    markdown:
      'Narrows the step to named code in the matched files: `Class.member` or a top-level name, `*` allowed within a segment (e.g. `PaymentService.*`).',
    required: false,
    shape: 'list',
  },
};

export function keyDocsFor(owner: MappingKind): Record<string, KeyDoc> | undefined {
  switch (owner) {
    case 'root':
      return ROOT_KEY_DOCS;
    case 'journey':
      return JOURNEY_KEY_DOCS;
    case 'touchpoint':
      return TOUCHPOINT_KEY_DOCS;
    case 'indirect':
      return INDIRECT_KEY_DOCS;
    default:
      return undefined;
  }
}

export const TIER_DOCS: Record<(typeof TIERS)[number], string> = {
  critical: 'Customers cannot do what they came for; money or trust is lost at once.',
  high: 'A main path is hurt; most customers notice.',
  medium: 'The default: a part of the experience some customers notice.',
  low: 'A side path; few customers notice.',
};
