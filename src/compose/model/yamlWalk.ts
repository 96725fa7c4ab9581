/**
 * The walk over a composed `yaml` Document that the model builders share: anchors and merge keys followed
 * (with an anchor index, not yaml's quadratic alias resolution), scalars interpolated, entries with lazy ranges.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { interpolate, type Env } from './interpolate';
import { wholeLines } from './textRanges';
import type { Entry, Range, Text } from './types';

export interface Ctx {
  text: string;
  doc: Document;
  env: Env;
  /** Anchor name -> its definitions in document order (an anchor may be redefined). */
  anchors: Map<string, Node[]>;
}

export interface RawEntry {
  key: string;
  pair: Pair;
  value: Node | null;
  entry: Entry;
}

const MAX_ALIAS_DEPTH = 20;

export function deref(ctx: Ctx, node: unknown, depth = 0): Node | null {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    if (depth > MAX_ALIAS_DEPTH) return null;
    // Alias.resolve() walks the whole document each time (quadratic on big files): use the anchor index.
    const at = rangeOf(node)?.[0] ?? 0;
    const defs = ctx.anchors.get(node.source) ?? [];
    let target: Node | undefined;
    for (const d of defs) if ((rangeOf(d)?.[0] ?? 0) < at) target = d;
    return deref(ctx, target ?? null, depth + 1);
  }
  return node as Node;
}

export function rangeOf(node: unknown): Range | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
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
    return (this.cachedDelete ??= wholeLines(this.text, this.keyRange[0], Math.max(this.keyRange[1], this.valueRange[1])));
  }
}

function makeEntry(ctx: Ctx, key: string, pair: Pair, local: boolean): Entry {
  const keyRange = rangeOf(pair.key) ?? [0, 0];
  const valueRange = rangeOf(pair.value) ?? [keyRange[1] + 1, keyRange[1] + 1];
  return new LazyEntry(ctx.text, key, keyRange, valueRange, local);
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) {
    if (typeof k.value === 'symbol' || k.source === '<<') return '<<';
    return k.value === null || k.value === undefined ? undefined : String(k.value);
  }
  return undefined;
}

/** The entries of a mapping, merge keys applied (explicit keys win), in written order. */
export function entries(ctx: Ctx, node: Node | null, local: boolean, depth = 0): RawEntry[] {
  if (!isMap(node) || depth > MAX_ALIAS_DEPTH) return [];
  const own: RawEntry[] = [];
  const merged: RawEntry[] = [];
  for (const pair of node.items) {
    const key = keyText(pair);
    if (key === undefined) continue;
    if (key === '<<') {
      const src = deref(ctx, pair.value);
      const sources = isSeq(src) ? src.items.map((i) => deref(ctx, i)) : [src];
      for (const s of sources) merged.push(...entries(ctx, s, false, depth + 1));
      continue;
    }
    const viaAlias = isAlias(pair.value);
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

export function scalarString(node: Node | null): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'number' && typeof node.source === 'string' && node.source !== '') return node.source;
  return String(node.value);
}

export function textOf(ctx: Ctx, node: Node | null): Text | undefined {
  const raw = scalarString(node);
  if (raw === undefined) return undefined;
  const r = interpolate(raw, ctx.env);
  return { value: r.value, unresolved: r.unresolved, range: rangeOf(node) ?? [0, 0] };
}

export function boolOf(ctx: Ctx, node: Node | null): boolean | undefined {
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
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
export function itemDeleteRange(ctx: Ctx, node: unknown): () => Range {
  let cached: Range | undefined;
  return () => {
    const r = rangeOf(node) ?? [0, 0];
    return (cached ??= wholeLines(ctx.text, r[0], r[1]));
  };
}

export function withLazyDelete<T extends object>(value: T, range: () => Range): T & { readonly deleteRange: Range } {
  return Object.defineProperty(value, 'deleteRange', { get: range, enumerable: true }) as T & { readonly deleteRange: Range };
}

