/**
 * The working copy of one snapshot map during an incremental update: reads see the changes made so far,
 * writes are recorded apart, and `commit()` makes the next immutable version (a PersistentMap sharing the rest).
 * `touched` lists every key written, for the partial diff.
 */
import { PersistentMap, type Compare } from './persistentMap';

export class Draft<V> {
  readonly changes = new Map<string, V | undefined>();

  constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly compare?: Compare<V>,
  ) {}

  get(key: string): V | undefined {
    return this.changes.has(key) ? this.changes.get(key) : this.base.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: V): void {
    this.changes.set(key, value);
  }

  delete(key: string): void {
    this.changes.set(key, undefined);
  }

  get touched(): Iterable<string> {
    return this.changes.keys();
  }

  /** The next version: the base itself when nothing changed. */
  commit(): ReadonlyMap<string, V> {
    if (this.changes.size === 0) return this.base;
    return PersistentMap.over(this.base, this.compare).with(this.changes);
  }
}
