/**
 * NetworkReferences: which network id a name resolves to (the smallest id, as buildSnapshot resolves it) and
 * which containers a network's creation or removal touches (those referring to it by id or by name).
 */
import * as assert from 'node:assert/strict';
import { NetworkReferences } from '../../../src/model/incremental/networkReferences';

const dependents = (references: NetworkReferences, networkId: string, name: string) => {
  const into = new Set<string>();
  references.collectDependents(networkId, name, into);
  return [...into].sort();
};

describe('NetworkReferences: names and the containers a network change touches', () => {
  it('a name shared by several networks resolves to the smallest id, whatever the order they came in', () => {
    const references = new NetworkReferences();
    for (const id of ['id-b', 'id-a', 'id-c']) references.addNetwork('shared', id);
    assert.equal(references.idForName('shared'), 'id-a');
    references.removeNetwork('shared', 'id-a');
    assert.equal(references.idForName('shared'), 'id-b');
    references.removeNetwork('shared', 'id-b');
    references.removeNetwork('shared', 'id-c');
    assert.equal(references.idForName('shared'), undefined);
    references.removeNetwork('never', 'id-x');
    assert.equal(references.idForName('never'), undefined);
  });

  it('collects the containers referring to a network by id or by name, and none of the others', () => {
    const references = new NetworkReferences();
    references.addContainer('by-id', { front: { NetworkID: 'net-1' } });
    references.addContainer('by-name', { back: {} });
    references.addContainer('other', { elsewhere: { NetworkID: 'net-9' }, unset: undefined });
    assert.deepEqual(dependents(references, 'net-1', 'back'), ['by-id', 'by-name']);
    assert.deepEqual(dependents(references, 'net-404', 'nothing'), []);
    assert.deepEqual(dependents(references, 'net-9', 'unset'), ['other']);
  });

  it('a removed container is no longer touched, by id or by name; the others sharing the network still are', () => {
    const references = new NetworkReferences();
    references.addContainer('a', { front: { NetworkID: 'net-1' }, gone: undefined });
    references.addContainer('b', { front: { NetworkID: 'net-1' } });
    references.removeContainer('a', { front: { NetworkID: 'net-1' }, gone: undefined });
    assert.deepEqual(dependents(references, 'net-1', 'none'), ['b']);
    assert.deepEqual(dependents(references, 'none', 'front'), ['b']);
    references.removeContainer('b', { front: { NetworkID: 'net-1' } });
    assert.deepEqual(dependents(references, 'net-1', 'front'), []);
    references.removeContainer('b', { front: { NetworkID: 'net-1' } });
    references.addContainer('c', { front: { NetworkID: 'net-1' } });
    assert.deepEqual(dependents(references, 'net-1', 'front'), ['c'], 'an emptied entry takes new containers');
  });
});
