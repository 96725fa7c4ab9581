/** Offset helpers on raw text, used to build ranges that delete or insert whole lines cleanly. */
import type { Range } from './types';

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the newline ending the line that holds `offset` (or the end of the text). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/**
 * Where an empty value written at `pos` (after its `key:` or `-` and the spaces that follow) ends: past its line
 * when a comment follows it there, else at `pos`. The comment and blank lines below it are not part of it, nor of
 * the collections it ends: yaml's composer would run its range over them and over the next line's indentation.
 */
export function emptyValueEnd(text: string, pos: number): number {
  return text[pos] === '#' ? nextLineStart(text, pos) : pos;
}

/**
 * `end` moved back to the start of its line when only indentation precedes it there: yaml's composer ends a block
 * collection's trailing comment lines after the indentation of the line that follows them, where no range may end.
 */
export function outOfIndent(text: string, end: number): number {
  const ls = lineStart(text, end);
  let i = ls;
  while (i < end && text[i] === ' ') i++;
  return i === end ? ls : end;
}

/** Column of the first non-blank character of the line holding `offset`. */
export function indentAt(text: string, offset: number): number {
  const start = lineStart(text, offset);
  let i = start;
  while (text[i] === ' ') i++;
  return i - start;
}

/**
 * The range to delete to remove [start, end) with the lines it occupies: from the line start when only
 * blanks (or a sequence dash) precede it, to the next line start when only blanks or a comment follow it.
 * An item of a flow collection (`[a, b]`, `{a: 1, b: 2}`) takes its separating comma with it: the one after it,
 * or the one before it when it is the last item.
 */
export function wholeLines(text: string, start: number, end: number): Range {
  const ls = lineStart(text, start);
  const before = text.slice(ls, start);
  const from = /^[ \t]*(?:-[ \t]+)?$/.test(before) ? ls : start;
  if (end > 0 && text[end - 1] === '\n') return [from, end];
  const nl = nextLineStart(text, end);
  const after = text.slice(end, nl).replace(/\r?\n$/, '');
  const to = /^[ \t]*(#.*)?$/.test(after) ? nl : end;
  if (from === start && to === end) {
    const next = /^[ \t]*,[ \t]*/.exec(after);
    if (next) return [start, end + next[0].length];
    const previous = /[ \t]*,[ \t]*$/.exec(before);
    if (previous) return [start - previous[0].length, end];
  }
  return [from, to];
}
