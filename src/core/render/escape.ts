// Map text and file names are untrusted: a map can name a journey `<img onerror=…>`, a file can contain `|` or
// backticks. Every string that reaches Markdown, HTML or a terminal goes through one of these.

/** For text inside raw HTML (a `<summary>`): entities only, since Markdown escapes do not apply there. */
export function escapeHtml(text: string): string {
  return oneLine(text).replace(/[&<>"'|`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * For Markdown text, table cells included. User text never starts a line here (it always follows a prefix), so
 * only inline syntax needs escaping: tags, entities, links, images, emphasis, code, cell breaks and GitHub math.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()#!|<>&~$]/g, (c) => `\\${c}`);
}

/** A code span that holds any text: the fence is longer than any backtick run inside; `|` is escaped for tables. */
export function codeSpan(text: string): string {
  const body = oneLine(text).replace(/\|/g, '\\|');
  // Two backticks with nothing between are no code span: they would pair with a later run and turn the text between
  // (escaped for Markdown) into code, and code (not escaped) into Markdown.
  if (body === '') return '` `';
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A link target the renderer may emit: http(s) only, with the characters that end a Markdown link encoded. */
export function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  // Control characters too: Markdown ends a link destination at one, and the link would fall apart into text.
  return url.replace(
    // eslint-disable-next-line no-control-regex
    /[\s\u0000-\u001f\u007f-\u009f<>()"'`|\\[\]]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/**
 * For a terminal: control characters (escape sequences included) are shown, never sent; so are the bidirectional
 * controls, which reorder what a terminal shows ("Trojan Source": a file name that reads as another).
 */
export function escapeTerminal(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) =>
      c.charCodeAt(0) < 0x100
        ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
        : `\\u${c.charCodeAt(0).toString(16)}`,
  );
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
