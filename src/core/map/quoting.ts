// When a path entry written into a map needs quotes: shared by the edits (add-path, fix-edits), the scaffold and
// the map editor's completion.

/** A plain YAML scalar cannot start with these (`*` is an alias, `!` a tag, `&` an anchor…): such entries are quoted. */
export function needsQuotes(entry: string): boolean {
  return /^[*!&%@`|>'"{[,?#-]/.test(entry) || /: |\s#/.test(entry) || /\s$/.test(entry);
}
