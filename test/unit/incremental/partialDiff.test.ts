/**
 * diffTouched: the added, removed and changed entities among the touched keys, each list in `compare` order;
 * untouched keys and touched keys whose entity stayed the same appear nowhere.
 */
import * as assert from 'node:assert/strict';
import { diffTouched } from '../../../src/model/incremental/partialDiff';

interface Entity {
  id: string;
  label: string;
}
const entity = (id: string, label = id): Entity => ({ id, label });
const map = (...entities: Entity[]) => new Map(entities.map((e) => [e.id, e]));
const same = (a: Entity, b: Entity) => a.label === b.label;
const byId = (a: Entity, b: Entity) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('diffTouched: the partial diff of an incremental update', () => {
  it('lists each touched key once: added, removed or changed, in compare order', () => {
    const before = map(entity('r2'), entity('r1'), entity('c2'), entity('c1'), entity('s'), entity('u', 'old'));
    const after = map(entity('a2'), entity('a1'), entity('c2', 'new'), entity('c1', 'new'), entity('s'));
    after.set('u', entity('u', 'new')); // changed, but not touched
    const touched = ['a2', 'r2', 'c2', 's', 'a1', 'r1', 'c1', 'never'];
    assert.deepEqual(diffTouched(before, after, touched, same, byId), {
      added: [entity('a1'), entity('a2')],
      removed: [entity('r1'), entity('r2')],
      changed: [entity('c1', 'new'), entity('c2', 'new')],
    });
  });

  it('a touched key that stayed the same, or exists on neither side, yields an empty diff', () => {
    const both = map(entity('s'));
    assert.deepEqual(diffTouched(both, both, ['s', 'ghost'], same, byId), { added: [], removed: [], changed: [] });
  });

  it('a removal alone is not an addition or a change; an addition alone is not a change', () => {
    assert.deepEqual(diffTouched(map(entity('x')), map(), ['x'], same, byId), {
      added: [],
      removed: [entity('x')],
      changed: [],
    });
    assert.deepEqual(diffTouched(map(), map(entity('x')), ['x'], same, byId), {
      added: [entity('x')],
      removed: [],
      changed: [],
    });
  });
});
