/**
 * An immutable ReadonlyMap that shares its bulk with the version it was made from, so that one more version
 * costs in proportion to the change, not to the map's size (copying a Map of 40,000 endpoints costs
 * milliseconds; one event should cost microseconds).
 *
 * A version is a shared, never-mutated `base` Map plus a small `top` layer of the keys changed since the base
 * was made (`undefined` marks a key removed from the base). `with()` copies only the top layer; when the top
 * grows beyond about the square root of the size, the two are merged into a new base (O(n), so O(sqrt n)
 * amortised per change). Iteration keeps the order of the snapshot: with a `compare`, the base is kept sorted
 * and the top is sorted lazily (once per version) and merged in while iterating.
 */

export type Compare<V> = (a: V, b: V) => number;

/** Below this many changed keys the top layer is never merged into the base. */
const MIN_TOP = 32;

export class LayeredMap<V> implements ReadonlyMap<string, V> {
  private sortedTop?: Array<[string, V]>;

  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly top: ReadonlyMap<string, V | undefined>,
    private readonly compare: Compare<V> | undefined,
    readonly size: number,
  ) {}

  /**
   * A layered view over `map` (kept as it is: the caller must never mutate it again). With `compare`, `map`
   * must iterate in that order already, as the snapshot's maps do.
   */
  static over<V>(map: ReadonlyMap<string, V>, compare?: Compare<V>): LayeredMap<V> {
    if (map instanceof LayeredMap) return map as LayeredMap<V>;
    return new LayeredMap(map, new Map(), compare, map.size);
  }

  /** A new version with `changes` applied (`undefined` removes the key); this version stays as it was. */
  with(changes: ReadonlyMap<string, V | undefined>): LayeredMap<V> {
    if (changes.size === 0) return this;
    const top = new Map(this.top);
    let size = this.size;
    for (const [key, value] of changes) {
      const had = this.has(key);
      if (value === undefined) {
        if (this.base.has(key)) top.set(key, undefined);
        else top.delete(key);
        if (had) size--;
      } else {
        top.set(key, value);
        if (!had) size++;
      }
    }
    const next = new LayeredMap(this.base, top, this.compare, size);
    if (top.size > Math.max(MIN_TOP, 2 * Math.sqrt(this.base.size))) {
      return new LayeredMap(new Map(next.merged()), new Map(), this.compare, size);
    }
    return next;
  }

  get(key: string): V | undefined {
    const value = this.top.get(key);
    if (value !== undefined || this.top.has(key)) return value;
    return this.base.get(key);
  }

  has(key: string): boolean {
    if (this.top.has(key)) return this.top.get(key) !== undefined;
    return this.base.has(key);
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  entries(): ArrayIterator<[string, V]> {
    return this.merged()[Symbol.iterator]();
  }

  *keys(): Generator<string, undefined, unknown> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): Generator<V, undefined, unknown> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): ArrayIterator<[string, V]> {
    return this.entries();
  }

  /** The entries in order: the base without the keys the top changed, merged with the top's live entries. */
  private merged(): Array<[string, V]> {
    const added = this.topEntries();
    const result: Array<[string, V]> = new Array(this.size);
    const compare = this.compare;
    let next = 0;
    let at = 0;
    for (const entry of this.base) {
      if (this.top.has(entry[0])) continue;
      if (compare) while (next < added.length && compare(added[next][1], entry[1]) < 0) result[at++] = added[next++];
      result[at++] = entry;
    }
    while (next < added.length) result[at++] = added[next++];
    return result;
  }

  /** The live entries of the top layer: sorted (once per version) when the map has an order. */
  private topEntries(): Array<[string, V]> {
    if (this.sortedTop) return this.sortedTop;
    const live: Array<[string, V]> = [];
    for (const [key, value] of this.top) if (value !== undefined) live.push([key, value]);
    const compare = this.compare;
    if (compare) live.sort((a, b) => compare(a[1], b[1]));
    this.sortedTop = live;
    return live;
  }
}
