/**
 * An immutable ReadonlyMap whose next version costs in proportion to the change, never to the map's size:
 * copying a Map of 40,000 endpoints costs milliseconds, one engine event should cost microseconds, every time
 * (no occasional O(n) rebuild, whose pauses and garbage dominated the mean of the layered map this replaces).
 *
 * Two structures share the entries, each in pieces that versions share:
 * - lookup: the Map the first version was made from (never changed), under a two-level hash trie of the keys
 *   changed since (hashTrie.ts, with GONE for a removed key); a change copies two arrays of 64 slots and a leaf;
 * - order: the entries in iteration order as a list of sorted chunks of about sqrt(n); a change copies the chunk
 *   list and the chunks touched (binary search finds the chunk). With a `compare` the order is the snapshot's,
 *   else by key.
 * So a change of k keys copies O(k sqrt n) pointers and allocates little, and the first version costs one
 * pass over the entries. `with()` leaves the version it was called on as it was.
 */

import { emptyTrie, type HashTrie, TrieEdit, trieGet } from './hashTrie';

export type Compare<V> = (a: V, b: V) => number;
type Entry<V> = readonly [string, V];

/** Entries per chunk, about sqrt(n) and at least this. */
const MIN_CHUNK = 32;

/** A key removed from the base Map. */
const GONE: unique symbol = Symbol('gone');
type Gone = typeof GONE;

export class PersistentMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly lookup: HashTrie<V | Gone>,
    private readonly chunks: ReadonlyArray<ReadonlyArray<Entry<V>>>,
    private readonly order: Compare<Entry<V>>,
    readonly size: number,
  ) {}

  /**
   * A persistent map over `map` (O(n)), which it keeps: the caller must never change `map` again. With
   * `compare`, `map` must iterate in that order already, as the snapshot's maps do; without, the entries are
   * sorted by key.
   */
  static over<V>(map: ReadonlyMap<string, V>, compare?: Compare<V>): PersistentMap<V> {
    if (map instanceof PersistentMap) return map as PersistentMap<V>;
    const order: Compare<Entry<V>> = compare ? (a, b) => compare(a[1], b[1]) : (a, b) => byKey(a[0], b[0]);
    const entries: Array<Entry<V>> = [...map];
    if (!compare) entries.sort(order);
    const chunkSize = chunkSizeFor(entries.length);
    const chunks: Array<Entry<V>[]> = [];
    for (let i = 0; i < entries.length; i += chunkSize) chunks.push(entries.slice(i, i + chunkSize));
    return new PersistentMap(map, emptyTrie, chunks, order, entries.length);
  }

  /** A new version with `changes` applied (`undefined` removes the key); this version stays as it was. */
  with(changes: ReadonlyMap<string, V | undefined>): PersistentMap<V> {
    if (changes.size === 0) return this;
    const lookup = new TrieEdit(this.lookup);
    const chunks = new ChunkEdit(this.chunks, this.order);
    let size = this.size;
    for (const [key, value] of changes) {
      const changed = lookup.get(key);
      const previous = changed === undefined ? this.base.get(key) : changed === GONE ? undefined : changed;
      if (previous !== undefined) {
        chunks.remove([key, previous]);
        size--;
      }
      if (value !== undefined) {
        lookup.set(key, value);
        chunks.insert([key, value], chunkSizeFor(size));
        size++;
      } else if (this.base.has(key)) lookup.set(key, GONE);
      else if (changed !== undefined) lookup.delete(key);
    }
    return new PersistentMap(this.base, lookup.result(), chunks.result(), this.order, size);
  }

  get(key: string): V | undefined {
    const changed = trieGet(this.lookup, key);
    if (changed === undefined) return this.base.get(key);
    return changed === GONE ? undefined : changed;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const chunk of this.chunks) for (const [key, value] of chunk) callback.call(thisArg, value, key, this);
  }

  *entries(): Generator<[string, V], undefined, unknown> {
    for (const chunk of this.chunks) for (const [key, value] of chunk) yield [key, value];
  }

  *keys(): Generator<string, undefined, unknown> {
    for (const chunk of this.chunks) for (const entry of chunk) yield entry[0];
  }

  *values(): Generator<V, undefined, unknown> {
    for (const chunk of this.chunks) for (const entry of chunk) yield entry[1];
  }

  [Symbol.iterator](): Generator<[string, V], undefined, unknown> {
    return this.entries();
  }
}

/** The chunk list of one `with()`: copied once, each chunk copied the first time it is changed. */
class ChunkEdit<V> {
  private readonly chunks: Array<ReadonlyArray<Entry<V>>>;
  private readonly own = new Set<ReadonlyArray<Entry<V>>>();

  constructor(
    chunks: ReadonlyArray<ReadonlyArray<Entry<V>>>,
    private readonly order: Compare<Entry<V>>,
  ) {
    this.chunks = [...chunks];
  }

  result(): ReadonlyArray<ReadonlyArray<Entry<V>>> {
    return this.chunks;
  }

  insert(entry: Entry<V>, chunkSize: number): void {
    if (this.chunks.length === 0) {
      this.chunks.push(this.owned([entry]));
      return;
    }
    const at = Math.min(this.chunkFor(entry), this.chunks.length - 1);
    const chunk = this.writable(at);
    chunk.splice(lowerBound(chunk, entry, this.order), 0, entry);
    if (chunk.length > 2 * chunkSize) this.chunks.splice(at + 1, 0, this.owned(chunk.splice(chunk.length >> 1)));
  }

  remove(entry: Entry<V>): void {
    const at = this.chunkFor(entry);
    const chunk = this.writable(at);
    const index = lowerBound(chunk, entry, this.order);
    if (chunk[index]?.[0] === entry[0]) {
      chunk.splice(index, 1);
      if (chunk.length === 0) this.chunks.splice(at, 1);
    } else {
      this.removeAnywhere(entry[0]); // the order is total in every snapshot map: a safety net, never taken there
    }
  }

  private removeAnywhere(key: string): void {
    for (let at = 0; at < this.chunks.length; at++) {
      const index = this.chunks[at].findIndex((entry) => entry[0] === key);
      if (index < 0) continue;
      const chunk = this.writable(at);
      chunk.splice(index, 1);
      if (chunk.length === 0) this.chunks.splice(at, 1);
      return;
    }
  }

  /** The first chunk whose last entry is not before `entry` (chunks.length when none). */
  private chunkFor(entry: Entry<V>): number {
    let low = 0;
    let high = this.chunks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const chunk = this.chunks[middle];
      if (this.order(chunk[chunk.length - 1], entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private writable(at: number): Array<Entry<V>> {
    const chunk = this.chunks[at];
    if (this.own.has(chunk)) return chunk as Array<Entry<V>>;
    return (this.chunks[at] = this.owned([...chunk]));
  }

  private owned(chunk: Array<Entry<V>>): Array<Entry<V>> {
    this.own.add(chunk);
    return chunk;
  }
}

/** The first index in the sorted `list` whose item is not before `item` (where `item` goes to keep the order). */
export function lowerBound<T>(list: readonly T[], item: T, order: Compare<T>): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(list[middle], item) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function chunkSizeFor(size: number): number {
  return Math.max(MIN_CHUNK, Math.ceil(Math.sqrt(size)));
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
