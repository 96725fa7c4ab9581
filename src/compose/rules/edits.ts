/** Builders of text edits that keep the comments and formatting around them. */
import type { ComposeModel, Entry, Range, ServiceModel, Text } from '../model/types';
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
  return {
    range: [blockEnd, blockEnd],
    newText: `${atLineStart ? '' : '\n'}${' '.repeat(indent)}${line}${atLineStart ? '\n' : ''}`,
  };
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

/**
 * Adds `network` to a service's own `networks` (block list, block map, or flow form), keeping the rest. Undefined
 * when the service has no `networks` written in this file (a fix would then have to spell out `default` too).
 */
export function joinNetworkEdit(model: ComposeModel, service: ServiceModel, network: string): TextEdit | undefined {
  const nets = service.networks;
  const last = nets?.refs.at(-1);
  if (!nets?.entry.local || !last) return undefined;
  const text = model.text;
  const [vStart, vEnd] = nets.entry.valueRange;
  const open = text[vStart];
  if (open === '[' || open === '{') {
    const close = text.lastIndexOf(open === '[' ? ']' : '}', vEnd);
    if (close <= vStart) return undefined;
    return { range: [close, close], newText: open === '[' ? `, ${network}` : `, ${network}: {}` };
  }
  // Insert before the newline that ends the last entry (its options included), so it never touches an edit that
  // starts on the next line (a deletion there would swallow an insertion at the same offset).
  const end = last.deleteRange[1];
  const nl = end > 0 && text[end - 1] === '\n' ? end - 1 : text.indexOf('\n', end);
  const at = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  const line = nets.form === 'list' ? `- ${network}` : `${network}: {}`;
  return { range: [at, at], newText: `\n${' '.repeat(indentAt(text, last.range[0]))}${line}` };
}
