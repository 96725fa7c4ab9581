import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { EngineContainer, EngineListing } from '../../../src/engine/records';
import { diffSnapshots, sameContainer, sameEndpoint, sameNetwork } from '../../../src/model/diff';
import { buildSnapshot } from '../../../src/model/snapshot';
import type { EntityDiff } from '../../../src/model/topology';
import { loadListing } from './engineFixtures';

/** Random variations of a recorded listing: networks and containers dropped, containers stopped or disconnected. */
function variation(base: EngineListing): fc.Arbitrary<EngineListing> {
  return fc
    .record({
      keepNetwork: fc.array(fc.boolean(), { minLength: base.networks.length, maxLength: base.networks.length }),
      keepContainer: fc.array(fc.boolean(), { minLength: base.containers.length, maxLength: base.containers.length }),
      stop: fc.array(fc.boolean(), { minLength: base.containers.length, maxLength: base.containers.length }),
      dropFirstEndpoint: fc.array(fc.boolean(), { minLength: base.containers.length, maxLength: base.containers.length }),
    })
    .map(({ keepNetwork, keepContainer, stop, dropFirstEndpoint }) => {
      const copy = structuredClone(base);
      const containers: EngineContainer[] = [];
      copy.containers.forEach((container, i) => {
        if (!keepContainer[i]) return;
        if (stop[i]) container.State = 'exited';
        const attached = container.NetworkSettings?.Networks;
        const first = attached ? Object.keys(attached)[0] : undefined;
        if (attached && first && dropFirstEndpoint[i]) delete attached[first];
        containers.push(container);
      });
      return { networks: copy.networks.filter((_n, i) => keepNetwork[i]), containers };
    });
}

function assertDiffExplains<T>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  diff: EntityDiff<T>,
  keyOf: (entity: T) => string,
  same: (a: T, b: T) => boolean,
): void {
  const removed = new Set(diff.removed.map(keyOf));
  const added = new Set(diff.added.map(keyOf));
  const changed = new Set(diff.changed.map(keyOf));
  const expected = [...before.keys()].filter((key) => !removed.has(key)).concat([...added]).sort();
  assert.deepEqual(expected, [...after.keys()].sort(), 'before - removed + added = after');
  for (const [key, next] of after) {
    const previous = before.get(key);
    if (previous === undefined) continue;
    assert.equal(changed.has(key), !same(previous, next), `changed lists exactly the entities that differ (${key})`);
  }
}

describe('diffSnapshots, property: the diff explains every difference between random engine states', () => {
  const base = loadListing('before');

  it('added, removed and changed account for the networks, containers and endpoints of the second snapshot', () => {
    fc.assert(
      fc.property(variation(base), variation(base), (first, second) => {
        const before = buildSnapshot(first);
        const after = buildSnapshot(second);
        const diff = diffSnapshots(before, after);
        assertDiffExplains(before.networks, after.networks, diff.networks, (n) => n.id, sameNetwork);
        assertDiffExplains(before.containers, after.containers, diff.containers, (c) => c.id, sameContainer);
        assertDiffExplains(before.endpoints, after.endpoints, diff.endpoints, (e) => e.key, sameEndpoint);
      }),
      { numRuns: 200 },
    );
  });
});
