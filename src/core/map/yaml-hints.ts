import type { ErrorCode } from 'yaml';

// The yaml package says what is wrong; these say what to do about it, in the map's terms.
const HINTS: Partial<Record<ErrorCode, string>> = {
  TAB_AS_INDENT: 'Indent with spaces, not tabs.',
  BAD_INDENT: 'Line this up with the entries it belongs to, using spaces.',
  MISSING_CHAR: 'Add what is missing (a closing quote or bracket, a `- `, a space after `:`), or quote the value.',
  UNEXPECTED_TOKEN:
    'Check the indentation and quotes here; quote values that contain `: ` or ` #`, or start with `*`, `&`, `!`, `{`, `[`, `|` or `>`.',
  BLOCK_AS_IMPLICIT_KEY: 'Quote the value: text that contains `: ` must be in quotes.',
  MULTILINE_IMPLICIT_KEY: 'Keep each key and its `:` on one line, and quote values that span lines.',
  KEY_OVER_1024_CHARS: 'Keys are short names such as `paths`; quote long text as a value.',
  BLOCK_IN_FLOW: 'Inside `[ ]` or `{ }` write values inline, or use a `- ` list instead.',
  MULTIPLE_DOCS: 'A map is one YAML document: remove the `---` line and what follows it, or merge the parts.',
  BAD_DQ_ESCAPE: 'In double quotes write a backslash as `\\\\`, or use single quotes.',
  BAD_SCALAR_START: 'Put the value in quotes.',
  BAD_ALIAS: 'Give the anchor (`&name`) or alias (`*name`) a plain name.',
  ALIAS_PROPS: 'An alias (`*name`) stands alone: remove the anchor or tag next to it.',
  MULTIPLE_ANCHORS: 'Give the value at most one anchor.',
  MULTIPLE_TAGS: 'Give the value at most one tag.',
  BAD_PROP_ORDER: 'Put the anchor or tag after the indicator.',
  BAD_DIRECTIVE: 'Remove the `%` directive line.',
  NON_STRING_KEY: 'Write keys as plain names.',
  TAG_RESOLVE_FAILED: 'Remove the `!tag`: a map needs none.',
  BAD_COLLECTION_TYPE: 'Remove the `!tag`: a map needs none.',
  RESOURCE_EXHAUSTION: 'Simplify the YAML here.',
};

/** Messages whose code is too broad to advise on (an unclosed `[` is reported as BAD_INDENT). */
const MESSAGE_HINTS: [RegExp, string][] = [
  [/end with a [\]}]/, 'Add the closing bracket, or indent the lines inside the brackets further than the key.'],
];

/** The yaml package's message with what to do about it. */
export function yamlMessage(code: ErrorCode, message: string): string {
  // yaml's own wording for this one speaks to programmers ("use YAML.parseAllDocuments()").
  // yaml quotes the source in some messages (`Invalid escape sequence \u` and what follows, line breaks included):
  // a diagnostic is one line, as `cx-impact check` prints it.
  const said =
    code === 'MULTIPLE_DOCS'
      ? 'The file holds more than one YAML document'
      : message.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').replace(/[.\s]+$/, '');
  const hint =
    MESSAGE_HINTS.find(([pattern]) => pattern.test(said))?.[1] ??
    HINTS[code] ??
    'Check the indentation and quotes here.';
  return `${said}. ${hint}`;
}
