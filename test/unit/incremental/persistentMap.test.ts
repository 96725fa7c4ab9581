import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { propertyBudget } from '../propertyBudget';
import { PersistentMap } from '../../../src/model/incremental/persistentMap';

interface Item {
  name: string;
  id: string;
}
const byNameThenId = (a: Item, b: Item) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** A batch of changes: a key set to an item named `name`, or removed (name undefined). */
const batch = fc.array(fc.tuple(fc.nat(400), fc.option(fc.nat(50), { nil: undefined })), { maxLength: 40 });

function reference(map: Map<string, Item>, ordered: boolean): Array<[string, Item]> {
  const entries = [...map];
  return ordered
    ? entries.sort((a, b) => byNameThenId(a[1], b[1]))
    : entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

describe('PersistentMap: an immutable map whose versions share their bulk', () => {
  for (const ordered of [true, false]) {
    it(`${ordered ? 'in compare order' : 'in key order'}: every version holds and iterates what a Map would, and stays so`, () => {
      fc.assert(
        fc.property(fc.nat(300), fc.array(batch, { maxLength: 30 }), (initial, batches) => {
          const model = new Map<string, Item>();
          for (let i = 0; i < initial; i++) model.set(`k${i * 7}`, { name: `n${i % 50}`, id: `k${i * 7}` });
          let map = PersistentMap.over(new Map(reference(model, ordered)), ordered ? byNameThenId : undefined);
          const versions: Array<[PersistentMap<Item>, Array<[string, Item]>]> = [];
          for (const changes of batches) {
            const asked = new Map<string, Item | undefined>();
            for (const [k, name] of changes) {
              const item = name === undefined ? undefined : { name: `n${name}`, id: `k${k}` };
              asked.set(`k${k}`, item);
              if (item) model.set(`k${k}`, item);
              else model.delete(`k${k}`);
            }
            map = map.with(asked);
            const expected = reference(model, ordered);
            assert.deepStrictEqual([...map], expected);
            assert.equal(map.size, expected.length);
            for (const [k] of changes) assert.equal(map.get(`k${k}`), model.get(`k${k}`));
            assert.equal(map.has('absent'), false);
            versions.push([map, expected]);
          }
          for (const [version, expected] of versions) assert.deepStrictEqual([...version.entries()], expected);
        }),
        propertyBudget(150),
      );
    });
  }

  it('at 40,000 keys, one change copies a bucket and a chunk: 1,000 versions kept side by side stay small', () => {
    const base = new Map<string, Item>();
    for (let i = 0; i < 40_000; i++) base.set(`id${i}`, { name: `n${String(i).padStart(5, '0')}`, id: `id${i}` });
    let map = PersistentMap.over(base, byNameThenId);
    const kept = [map];
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1000; i++) {
      map = map.with(new Map([[`id${i * 37}`, { name: `m${i}`, id: `id${i * 37}` }]]));
      kept.push(map);
    }
    const perVersion = (process.memoryUsage().heapUsed - before) / 1000;
    assert.ok(perVersion < 100_000, `${Math.round(perVersion)} bytes per version (a copy of the map: megabytes)`);
    assert.equal(kept[0].get('id37')?.name, 'n00037');
    assert.equal(map.get('id37')?.name, 'm1');
    const keys = [...map.keys()];
    assert.deepEqual(
      [keys[0], keys[1], keys[2], keys.at(-1)],
      ['id0', 'id37', 'id370', 'id39999'],
      'm0, m1, m10, n39999',
    );
  });

  it('forEach visits every entry in order, with the map itself; an empty change gives back the same version', () => {
    const map = PersistentMap.over(
      new Map([
        ['b', 2],
        ['a', 1],
      ]),
    );
    const seen: Array<[string, number, boolean]> = [];
    const context = { tag: 'this' };
    map.forEach(function (this: unknown, value, key, whole) {
      seen.push([key, value, whole === map && this === context]);
    }, context);
    assert.deepEqual(seen, [
      ['a', 1, true],
      ['b', 2, true],
    ]);
    assert.equal(map.with(new Map()), map);
  });

  it('a compare that ties distinct keys still removes the right entry, even alone in a later chunk', () => {
    const byName = (a: Item, b: Item) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const base = new Map<string, Item>();
    for (let i = 0; i < 33; i++) base.set(`k${i}`, { name: 'same', id: `k${i}` }); // chunks of 32 and 1
    let map = PersistentMap.over(base, byName).with(new Map([['k32', undefined]]));
    assert.deepEqual([...map.keys()], [...base.keys()].slice(0, 32));
    assert.equal(map.size, 32);
    map = map.with(new Map([['k5', undefined]])).with(new Map([['z', { name: 'zz', id: 'z' }]]));
    const expected = [...base.keys()].filter((key) => key !== 'k5' && key !== 'k32');
    assert.deepEqual([...map.keys()], [...expected, 'z']);
    assert.deepEqual([map.size, map.get('k5'), map.get('k32'), map.get('z')?.id], [32, undefined, undefined, 'z']);
  });
});
