/**
 * Text edits on the original source instead of re-printing an AST: everything the transform
 * does not touch keeps its exact text, lines and columns, so a stack trace from a VU points at
 * the line of the script the user wrote (only line 1's columns move, by the module header).
 */
export interface SourceEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Order of edits at the same offset, lowest first (an outer `(await ` before an inner one). */
  readonly order?: number;
}

export function applyEdits(source: string, edits: readonly SourceEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || (a.order ?? 0) - (b.order ?? 0));
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping transform edits at offset ${edit.start}`);
    out += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + source.slice(cursor);
}

/** Removes a statement but keeps its line breaks, so the lines after it keep their numbers. */
export function blankOut(source: string, start: number, end: number): SourceEdit {
  return { start, end, text: source.slice(start, end).replace(/[^\n]/g, '') };
}
