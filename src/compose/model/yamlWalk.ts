/**
 * The walk over the light YAML tree that the model builders share: anchors and merge keys followed (through an
 * anchor index), scalars interpolated, entries with lazily computed deletion ranges.
 */
import { interpolate, type Env } from './interpolate';
import type { LNode, LPair } from './lightTree';
import { wholeLines } from './textRanges';
import type { Entry, Range, Text } from './types';

export interface Ctx {
  text: string;
  env: Env;
  /** Anchor name -> its definitions in document order (an anchor may be redefined). */
  anchors: Map<string, LNode[]>;
}

export interface RawEntry {
  key: string;
  pair: LPair;
  value: LNode | null;
  entry: Entry;
}

const MAX_ALIAS_DEPTH = 20;

export function deref(ctx: Ctx, node: LNode | null | undefined, depth = 0): LNode | null {
  if (!node) return null;
  if (node.kind === 'alias') {
    if (depth > MAX_ALIAS_DEPTH) return null;
    // The definition in force at the alias: the last one written before it.
    const at = node.range[0];
    let target: LNode | undefined;
    for (const d of ctx.anchors.get(node.source) ?? []) if (d.range[0] < at) target = d;
    return deref(ctx, target, depth + 1);
  }
  return node;
}

export function rangeOf(node: LNode | null | undefined): Range | undefined {
  return node?.range;
}

export function isMapNode(node: LNode | null | undefined): node is LNode & { kind: 'map' } {
  return node?.kind === 'map';
}

export function isSeqNode(node: LNode | null | undefined): node is LNode & { kind: 'seq' } {
  return node?.kind === 'seq';
}

/**
 * An Entry whose deleteRange is computed on demand: only fixes need it, and big files have tens of thousands of
 * entries. A class keeps one shared getter instead of a getter and a closure per entry (measurably less GC).
 */
class LazyEntry implements Entry {
  private cachedDelete: Range | undefined;

  constructor(
    private readonly text: string,
    readonly key: string,
    readonly keyRange: Range,
    readonly valueRange: Range,
    readonly local: boolean,
  ) {}

  get deleteRange(): Range {
    return (this.cachedDelete ??= wholeLines(
      this.text,
      this.keyRange[0],
      Math.max(this.keyRange[1], this.valueRange[1]),
    ));
  }
}

function makeEntry(ctx: Ctx, key: string, pair: LPair, local: boolean): Entry {
  const keyRange = rangeOf(pair.keyNode) ?? [0, 0];
  const valueRange = rangeOf(pair.value) ?? [keyRange[1] + 1, keyRange[1] + 1];
  return new LazyEntry(ctx.text, key, keyRange, valueRange, local);
}

/** The entries of a mapping, merge keys applied (explicit keys win), in written order. */
export function entries(ctx: Ctx, node: LNode | null, local: boolean, depth = 0): RawEntry[] {
  if (node?.kind !== 'map' || depth > MAX_ALIAS_DEPTH) return [];
  const own: RawEntry[] = [];
  const merged: RawEntry[] = [];
  for (const pair of node.items) {
    const key = pair.key;
    if (key === undefined) continue;
    if (key === '<<') {
      const src = deref(ctx, pair.value);
      const sources = src?.kind === 'seq' ? src.items.map((i) => deref(ctx, i)) : [src];
      for (const s of sources) merged.push(...entries(ctx, s, false, depth + 1));
      continue;
    }
    const viaAlias = pair.value?.kind === 'alias';
    own.push({ key, pair, value: deref(ctx, pair.value), entry: makeEntry(ctx, key, pair, local && !viaAlias) });
  }
  // Merge keys are rare: skip the de-duplication pass without them.
  if (merged.length === 0) return own;
  const seen = new Set(own.map((e) => e.key));
  const extra: RawEntry[] = [];
  for (const m of merged) {
    if (!seen.has(m.key)) {
      seen.add(m.key);
      extra.push(m);
    }
  }
  return [...own, ...extra];
}

export function textOf(ctx: Ctx, node: LNode | null): Text | undefined {
  const raw = node?.kind === 'scalar' ? node.text : undefined;
  if (raw === undefined) return undefined;
  const r = interpolate(raw, ctx.env);
  return { value: r.value, unresolved: r.unresolved, range: node!.range };
}

export function boolOf(ctx: Ctx, node: LNode | null): boolean | undefined {
  const t = textOf(ctx, node);
  if (!t || t.unresolved) return undefined;
  if (/^(true|yes|on)$/i.test(t.value)) return true;
  if (/^(false|no|off)$/i.test(t.value)) return false;
  return undefined;
}

export function get(list: RawEntry[], key: string): RawEntry | undefined {
  return list.find((e) => e.key === key);
}

/** A lazily computed deletion range for a sequence item (only fixes read it). */
export function itemDeleteRange(ctx: Ctx, node: LNode | null): () => Range {
  let cached: Range | undefined;
  return () => {
    const r = rangeOf(node) ?? [0, 0];
    return (cached ??= wholeLines(ctx.text, r[0], r[1]));
  };
}

export function withLazyDelete<T extends object>(value: T, range: () => Range): T & { readonly deleteRange: Range } {
  return Object.defineProperty(value, 'deleteRange', { get: range, enumerable: true }) as T & {
    readonly deleteRange: Range;
  };
}
