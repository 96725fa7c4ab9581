/** Builders of text edits that keep the comments and formatting around them. */
import type { ComposeModel, Entry, Range, Text } from '../model/types';
import { indentAt, lineStart } from '../model/textRanges';
import type { TextEdit } from './types';

export function deleteRange(range: Range): TextEdit {
  return { range, newText: '' };
}

export function deleteEntry(entry: Entry): TextEdit {
  return deleteRange(entry.deleteRange);
}

/** Replaces a scalar's value, keeping its quote style. */
export function replaceScalar(text: string, t: Text, value: string): TextEdit {
  const q = text[t.range[0]];
  const quoted = q === '"' || q === "'" ? `${q}${value}${q}` : value;
  return { range: t.range, newText: quoted };
}

/** The indentation unit the file uses (two spaces when it cannot tell). */
export function indentUnit(model: ComposeModel): number {
  const first = model.services[0] ?? model.networks[0];
  if (!first) return 2;
  const n = indentAt(model.text, first.entry.keyRange[0]);
  return n > 0 ? n : 2;
}

/**
 * Inserts `line` (without indentation) as a new key at the top of a block mapping whose first key starts at
 * `firstKey`. Returns undefined when that key is not alone at the start of its line (flow style), where an
 * insertion could not keep the formatting.
 */
export function insertBeforeKey(text: string, firstKey: number, line: string): TextEdit | undefined {
  const ls = lineStart(text, firstKey);
  const before = text.slice(ls, firstKey);
  if (/^ *$/.test(before)) return { range: [ls, ls], newText: `${before}${line}\n` };
  if (/^ *- +$/.test(before)) return { range: [firstKey, firstKey], newText: `${line}\n${' '.repeat(before.length)}` };
  return undefined;
}

/** Appends a line at the end of a block (after its last line), with the given indentation. */
export function appendToBlock(text: string, blockEnd: number, indent: number, line: string): TextEdit {
  const atLineStart = blockEnd === 0 || text[blockEnd - 1] === '\n';
  return { range: [blockEnd, blockEnd], newText: `${atLineStart ? '' : '\n'}${' '.repeat(indent)}${line}${atLineStart ? '\n' : ''}` };
}

/** Declares a network under the top-level `networks:` (creating the section when missing). */
export function declareNetwork(model: ComposeModel, name: string): TextEdit | undefined {
  const text = model.text;
  const unit = indentUnit(model);
  const nets = model.networksEntry;
  if (!nets) {
    const sep = text.length === 0 || text.endsWith('\n') ? '' : '\n';
    return { range: [text.length, text.length], newText: `${sep}\nnetworks:\n${' '.repeat(unit)}${name}: {}\n` };
  }
  if (!nets.local) return undefined;
  const last = model.networks.filter((n) => n.entry.local).at(-1);
  if (!last) {
    // `networks:` with an empty or `{}` value: replace the rest of its line by a block.
    const eol = text.indexOf('\n', nets.keyRange[1]);
    const end = eol < 0 ? text.length : eol;
    const rest = text.slice(nets.keyRange[1], end);
    if (!/^\s*:\s*(\{\s*\})?\s*(#.*)?$/.test(rest)) return undefined;
    return { range: [nets.keyRange[1], end], newText: `:\n${' '.repeat(unit)}${name}: {}` };
  }
  const indent = indentAt(text, last.entry.keyRange[0]);
  const end = Math.max(last.entry.valueRange[1], last.entry.keyRange[1]);
  const lineEnd = text.indexOf('\n', end - (text[end - 1] === '\n' ? 1 : 0));
  const at = lineEnd < 0 ? text.length : lineEnd + 1;
  return appendToBlock(text, at, indent, `${name}: {}`);
}
