/**
 * The independent oracle of the incremental tests: a snapshot equals buildSnapshot of a fresh listing when
 * every map holds the same entries (deep equality, whatever the map's class) and the three entity maps and
 * every endpoint list come in the same order.
 */
import * as assert from 'node:assert/strict';
import type { EngineListing } from '../../../src/engine/records';
import { buildSnapshot } from '../../../src/model/snapshot';
import type { TopologySnapshot } from '../../../src/model/topology';

const MAPS = ['networks', 'containers', 'endpoints', 'endpointsByNetwork', 'endpointsByContainer'] as const;

export function assertSameAsFreshListing(actual: TopologySnapshot, listing: EngineListing, context = ''): void {
  const expected = buildSnapshot(listing);
  for (const name of MAPS) {
    const entries = (map: ReadonlyMap<string, unknown>) => new Map<string, unknown>(map);
    assert.deepStrictEqual(entries(actual[name]), entries(expected[name]), `${name} ${context}`);
    assert.equal(actual[name].size, expected[name].size, `${name}.size ${context}`);
  }
  for (const name of ['networks', 'containers', 'endpoints'] as const) {
    assert.deepStrictEqual([...actual[name].keys()], [...expected[name].keys()], `order of ${name} ${context}`);
  }
}
