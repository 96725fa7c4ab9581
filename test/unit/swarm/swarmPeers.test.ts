/** A Swarm network's peers in its Details: read on expand only, shown when the answer comes, failures explained. */
import * as assert from 'node:assert/strict';
import { SwarmPeers } from '../../../src/explorer/swarmPeers';
import { untranslated as t } from '../../../src/explorer/present/text';
import { toNetworkModel } from '../../../src/model/snapshot';

const overlay = { network: toNetworkModel({ Id: 'ov', Name: 'app', Driver: 'overlay', Scope: 'swarm' }) };
const bridge = { network: toNetworkModel({ Id: 'br', Name: 'b', Driver: 'bridge', Scope: 'local' }) };

describe('swarm peers in Details', () => {
  it('reads the peers on expand, then fires the Details node with one row per peer', async () => {
    const asked: string[] = [];
    let fired!: () => void;
    const refreshed = new Promise<void>((resolve) => (fired = resolve));
    const peers = new SwarmPeers<typeof overlay>(
      t,
      () => fired(),
      async (id) => {
        asked.push(id);
        return [{ Name: 'vm-1a2b', IP: '10.250.11.2' }];
      },
    );
    assert.deepEqual(peers.rows(bridge), [], 'a local network has no peers to read');
    assert.deepEqual(
      peers.rows(overlay).map((r) => r.value),
      ['reading...'],
    );
    await refreshed;
    assert.deepEqual(peers.rows(overlay), [{ field: 'peer', name: 'Peer vm-1a2b', value: '10.250.11.2' }]);
    assert.deepEqual(asked, ['ov', 'ov']);
  });

  it("keeps the engine's message when the peers cannot be read", async () => {
    let fired!: () => void;
    const refreshed = new Promise<void>((resolve) => (fired = resolve));
    const peers = new SwarmPeers<typeof overlay>(
      t,
      () => fired(),
      async () => {
        throw new Error('This node is not a swarm manager.');
      },
    );
    peers.rows(overlay);
    await refreshed;
    assert.match(peers.rows(overlay)[0].value, /could not be read: This node is not a swarm manager\./);
  });
});
