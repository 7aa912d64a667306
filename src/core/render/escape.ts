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
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A link target the renderer may emit: http(s) only, with the characters that end a Markdown link encoded. */
export function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[\s<>()"'`|\\[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** For a terminal: control characters (escape sequences included) are shown, never sent. */
export function escapeTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
