/**
 * The hash trie behind PersistentMap's changed-key lookup, with keys shaped like engine ids (64 hex characters,
 * hashed on their first and last 16): every key written is found with its value, a key never written is not,
 * and a later version's writes never show in an earlier one.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { emptyTrie, type HashTrie, TrieEdit, trieGet } from '../../../src/model/incremental/hashTrie';

/** A deterministic engine-like id: the SHA-256 of a label, in hex. */
function engineId(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

describe('hashTrie: lookup of long keys across versions', () => {
  it('finds each of 300 engine ids with its value, and nothing for an id never written', () => {
    const edit = new TrieEdit<number>(emptyTrie);
    for (let i = 0; i < 300; i++) edit.set(engineId(`container ${i}`), i);
    const trie = edit.result();
    assert.equal(trieGet(trie, engineId('container 0')), 0);
    assert.equal(trieGet(trie, engineId('container 137')), 137);
    assert.equal(trieGet(trie, engineId('container 299')), 299);
    for (let i = 0; i < 300; i++) assert.equal(trieGet(trie, engineId(`container ${i}`)), i, `container ${i}`);
    assert.equal(trieGet(trie, engineId('container 300')), undefined);
  });

  it('tells apart ids that share their first and last 16 characters (same slot, one leaf)', () => {
    const head = 'a'.repeat(16);
    const tail = 'f'.repeat(16);
    const first = `${head}${'1'.repeat(32)}${tail}`;
    const second = `${head}${'2'.repeat(32)}${tail}`;
    const edit = new TrieEdit<string>(emptyTrie);
    edit.set(first, 'one');
    edit.set(second, 'two');
    const trie = edit.result();
    assert.equal(trieGet(trie, first), 'one');
    assert.equal(trieGet(trie, second), 'two');
    assert.equal(trieGet(trie, `${head}${'3'.repeat(32)}${tail}`), undefined);
  });

  it("a later version's sets and deletes leave the earlier version's values as they were", () => {
    const ids = Array.from({ length: 100 }, (_, i) => engineId(`network ${i}`));
    const first = new TrieEdit<string>(emptyTrie);
    ids.forEach((id, i) => first.set(id, `v1-${i}`));
    const version1: HashTrie<string> = first.result();
    const second = new TrieEdit(version1);
    ids.forEach((id, i) => (i % 2 === 0 ? second.delete(id) : second.set(id, `v2-${i}`)));
    const version2 = second.result();
    assert.equal(second.get(ids[0]), undefined, 'the edit sees its own delete');
    assert.equal(trieGet(version1, ids[0]), 'v1-0');
    assert.equal(trieGet(version1, ids[1]), 'v1-1');
    assert.equal(trieGet(version2, ids[0]), undefined);
    assert.equal(trieGet(version2, ids[1]), 'v2-1');
    ids.forEach((id, i) => {
      assert.equal(trieGet(version1, id), `v1-${i}`, `version 1, key ${i}`);
      assert.equal(trieGet(version2, id), i % 2 === 0 ? undefined : `v2-${i}`, `version 2, key ${i}`);
    });
  });
});
