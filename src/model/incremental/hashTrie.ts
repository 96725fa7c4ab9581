/**
 * The lookup of PersistentMap's changed keys: hashed into a two-level trie of 64 x 64 slots whose leaves are
 * small Maps. A version shares every slot array and leaf it did not change, so a change copies two arrays of 64
 * pointers and one leaf (1 / 4096 of the keys held): a few hundred bytes, where a bucket array of sqrt(n) keys
 * would make kilobytes of garbage per event. Never rebuilt: at a million keys a leaf holds about 250.
 */

const BITS = 6;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

type Leaf<V> = ReadonlyMap<string, V>;
type Level<V> = ReadonlyArray<Leaf<V> | undefined>;
export type HashTrie<V> = ReadonlyArray<Level<V> | undefined>;

export const emptyTrie: HashTrie<never> = new Array(WIDTH).fill(undefined);

export function trieGet<V>(trie: HashTrie<V>, key: string): V | undefined {
  const hash = hashOf(key);
  return trie[hash & MASK]?.[(hash >>> BITS) & MASK]?.get(key);
}

/** The changes of one new version: each array and leaf copied the first time it is written. */
export class TrieEdit<V> {
  private readonly root: Array<Level<V> | undefined>;
  private readonly own = new Set<object>();

  constructor(trie: HashTrie<V>) {
    this.root = [...trie];
  }

  get(key: string): V | undefined {
    return trieGet(this.root, key);
  }

  set(key: string, value: V): void {
    this.leaf(key).set(key, value);
  }

  delete(key: string): void {
    this.leaf(key).delete(key);
  }

  result(): HashTrie<V> {
    return this.root;
  }

  private leaf(key: string): Map<string, V> {
    const hash = hashOf(key);
    const top = hash & MASK;
    const at = (hash >>> BITS) & MASK;
    let level = this.root[top] as Array<Leaf<V> | undefined> | undefined;
    if (!level || !this.own.has(level)) {
      level = level ? [...level] : new Array<Leaf<V> | undefined>(WIDTH).fill(undefined);
      this.own.add(level);
      this.root[top] = level;
    }
    let leaf = level[at] as Map<string, V> | undefined;
    if (!leaf || !this.own.has(leaf)) {
      leaf = new Map(leaf);
      this.own.add(leaf);
      level[at] = leaf;
    }
    return leaf;
  }
}

/** FNV-1a over the key (its first and last 16 characters when longer: engine ids are random enough there). */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  const length = key.length;
  const head = length <= 32 ? length : 16;
  for (let i = 0; i < head; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  for (let i = Math.max(head, length - 16); i < length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 15; // the low bits pick the slots: mix the high ones in
  return Math.imul(hash, 0x2c1b3c6d) >>> 0;
}
