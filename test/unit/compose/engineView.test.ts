/**
 * The engine-aware rules' view goes to the lint worker by structured clone: the view of a live snapshot (the
 * incremental editor's persistent maps) must arrive whole, or the worker never lints while an engine is connected.
 */
import * as assert from 'node:assert/strict';
import { engineViewOf } from '../../../src/compose/engineView';
import { SnapshotEditor } from '../../../src/model/incremental/snapshotEditor';
import { loadListing } from '../model/engineFixtures';

describe('compose: the engine view sent to the lint worker', () => {
  it('a live snapshot gives a view that survives structured clone, with every network and endpoint list', () => {
    const snapshot = new SnapshotEditor(loadListing('after')).snapshot;
    const view = engineViewOf(snapshot);
    const received = structuredClone(view);
    assert.deepEqual(
      received.networks.map((n) => n.name),
      [...snapshot.networks.values()].map((n) => n.name),
    );
    assert.ok(received.endpointsByNetwork.size > 0, 'the recorded engine has endpoints');
    for (const [id, endpoints] of snapshot.endpointsByNetwork)
      assert.deepEqual(
        received.endpointsByNetwork.get(id)?.map((e) => e.key),
        endpoints.map((e) => e.key),
      );
  });
});
