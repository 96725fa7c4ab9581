/**
 * The light YAML tree the model is built from: only what the compose walk reads (scalars as Compose sees them,
 * mappings, sequences, aliases, anchors, ranges). It comes from yaml's CST directly (cstTree.ts, the fast path) or,
 * when the CST path declines a file, from a composed yaml Document (here), so both paths feed one walk.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { emptyValueEnd, outOfIndent } from './textRanges';
import type { Range } from './types';

export interface LScalar {
  kind: 'scalar';
  range: Range;
  /** The value as a string, as the core schema reads it (numbers as written, booleans lower-case); undefined for null. */
  text: string | undefined;
  anchor?: string;
}

export interface LMap {
  kind: 'map';
  range: Range;
  items: LPair[];
  flow: boolean;
  anchor?: string;
}

export interface LPair {
  /** The key as a string (`<<` for a merge key); undefined for a null or non-scalar key. */
  key: string | undefined;
  keyNode: LNode | null;
  value: LNode | null;
}

export interface LSeq {
  kind: 'seq';
  range: Range;
  items: (LNode | null)[];
  anchor?: string;
}

export interface LAlias {
  kind: 'alias';
  range: Range;
  source: string;
}

export type LNode = LScalar | LMap | LSeq | LAlias;

export interface LightTree {
  root: LNode | null;
  /** Anchor name -> its definitions in document order (an anchor may be redefined). */
  anchors: Map<string, LNode[]>;
}

export function addAnchor(anchors: Map<string, LNode[]>, name: string, node: LNode): void {
  const list = anchors.get(name);
  if (list) list.push(node);
  else anchors.set(name, [node]);
}

function rangeOf(node: { range?: readonly number[] | null } | null | undefined): Range {
  const r = node?.range;
  return r ? [r[0], r[1]] : [0, 0];
}

/** A scalar's value as the model reads it: null -> undefined, numbers as written, everything else as a string. */
function scalarText(node: Node): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'number' && typeof node.source === 'string' && node.source !== '') return node.source;
  return String(node.value);
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (!isScalar(k)) return undefined;
  if (typeof k.value === 'symbol' || k.source === '<<') return '<<';
  return k.value === null || k.value === undefined ? undefined : String(k.value);
}

/**
 * Converts a composed Document (the fallback path), in document order so anchors are indexed in order. An empty
 * value's range[2] runs over the comment and blank lines after it (yaml keeps them in the pair's separator), so
 * the collections it ends would reach over them, even into the indentation of the next line: their ends are
 * clipped to where the value's own line ends (textRanges.ts emptyValueEnd), as the fast paths build them. A
 * collection's trailing comment lines end at their last line, not in the indentation after it (outOfIndent).
 */
export function treeFromDocument(doc: Document, text: string): LightTree {
  const anchors = new Map<string, LNode[]>();
  const clipped = new Map<number, number>();
  const end = (r: Range): Range => [r[0], outOfIndent(text, clipped.get(r[1]) ?? r[1])];
  const convert = (node: unknown): LNode | null => {
    if (node === null || node === undefined) return null;
    let out: LNode;
    if (isAlias(node)) return { kind: 'alias', range: rangeOf(node), source: node.source };
    const anchor = (node as { anchor?: string }).anchor || undefined;
    if (isMap(node)) {
      const map: LMap = { kind: 'map', range: rangeOf(node), items: [], flow: node.flow === true, anchor };
      out = map;
      if (anchor) addAnchor(anchors, anchor, out);
      for (const pair of node.items) {
        map.items.push({ key: keyText(pair), keyNode: convert(pair.key), value: convert(pair.value) });
      }
      map.range = end(map.range);
      return out;
    }
    if (isSeq(node)) {
      const seq: LSeq = { kind: 'seq', range: rangeOf(node), items: [], anchor };
      if (anchor) addAnchor(anchors, anchor, seq);
      for (const item of node.items) seq.items.push(convert(item));
      seq.range = end(seq.range);
      return seq;
    }
    const r = (node as Node).range;
    if (r && r[0] === r[1] && r[2] !== emptyValueEnd(text, r[0])) clipped.set(r[2], emptyValueEnd(text, r[0]));
    out = { kind: 'scalar', range: rangeOf(node as Node), text: scalarText(node as Node), anchor };
    if (anchor) addAnchor(anchors, anchor, out);
    return out;
  };
  return { root: convert(doc.contents), anchors };
}
