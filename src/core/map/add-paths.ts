// Several paths into one touchpoint as ONE insertion into the map's text (one undo step, comments kept): each path is
// added in turn with the map editor's addPathEdit, and the result is reduced to the single span that changed. Pure.
import { addPathEdit, type AddPathTarget } from './add-path';
import type { TextEdit } from './fix-edits';

export type AddPathsResult = { edit: TextEdit; added: string[] } | { already: true } | { problem: string };

export function addPathsEdit(
  text: string,
  target: Omit<AddPathTarget, 'pattern'>,
  patterns: readonly string[],
): AddPathsResult {
  let current = text;
  const added: string[] = [];
  let request: AddPathTarget | undefined;
  for (const pattern of [...new Set(patterns)]) {
    // Only the first path creates the journey or touchpoint; the next ones go into it.
    request =
      added.length === 0 ? { ...target, pattern } : { journey: target.journey, touchpoint: target.touchpoint, pattern };
    const result = addPathEdit(current, request);
    if ('problem' in result) return result;
    if ('already' in result) continue;
    current = current.slice(0, result.edit.start) + result.edit.text + current.slice(result.edit.end);
    added.push(pattern);
  }
  if (added.length === 0) return { already: true };
  let start = 0;
  while (start < text.length && text[start] === current[start]) start++;
  let tail = 0;
  while (tail < text.length - start && text[text.length - 1 - tail] === current[current.length - 1 - tail]) tail++;
  return { edit: { start, end: text.length - tail, text: current.slice(start, current.length - tail) }, added };
}
