/**
 * The engine sends no event when a Swarm loses its leader: the live topology lists a manager that has other
 * managers (or whose Swarm already fails) again on a short interval, so the view says so without a refresh, and
 * keeps the long resync for everything else.
 */
import * as assert from 'node:assert/strict';
import type { EngineListing, EngineNode } from '../../../src/engine/records';
import { needsSwarmWatch } from '../../../src/model/incremental/swarmFollowing';
import { LiveTopology, type TopologySource } from '../../../src/model/liveTopology';
import { buildSwarm } from '../../../src/model/swarmSnapshot';

const node = (id: string, role: string): EngineNode => ({ ID: id, Spec: { Role: role } });
const managerListing = (nodes: EngineNode[], problem?: string) => ({
  role: 'manager' as const,
  problem,
  services: [],
  tasks: [],
  nodes,
});

/** An engine whose listing is a Swarm manager's, counting the listings asked for. */
class SwarmManagerSource implements TopologySource {
  listings = 0;
  constructor(private readonly nodes: EngineNode[]) {}
  async listing(): Promise<EngineListing> {
    this.listings++;
    return { networks: [], containers: [], swarm: managerListing(this.nodes) };
  }
  subscribe() {
    return { dispose: () => undefined };
  }
  async version() {
    return { Version: '20.10.24', ApiVersion: '1.41' };
  }
  async listContainersById() {
    return [];
  }
  async inspectNetworkRecord() {
    return undefined;
  }
}

describe('watching a Swarm that can lose its quorum', () => {
  it('watches a manager with another manager, or whose Swarm fails; not a lone manager, a worker or no Swarm', () => {
    assert.equal(needsSwarmWatch(buildSwarm(managerListing([node('a', 'manager'), node('b', 'manager')]))), true);
    assert.equal(needsSwarmWatch(buildSwarm(managerListing([], 'the Swarm has no leader'))), true);
    assert.equal(needsSwarmWatch(buildSwarm(managerListing([node('a', 'manager'), node('w', 'worker')]))), false);
    assert.equal(needsSwarmWatch(buildSwarm({ role: 'worker', services: [], tasks: [], nodes: [] })), false);
    assert.equal(needsSwarmWatch(undefined), false);
  });

  it('lists a two-manager Swarm again on the watch interval, with the periodic resync off', async () => {
    const source = new SwarmManagerSource([node('a', 'manager'), node('b', 'manager')]);
    const feed = new LiveTopology(source, { endpoint: 'unix:///fake', resyncIntervalMs: 0, swarmWatchIntervalMs: 20 });
    try {
      feed.start();
      await feed.waitFor((s) => s.swarm?.nodes.size === 2, 5_000);
      const deadline = Date.now() + 5_000;
      while (source.listings < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.ok(source.listings >= 3, `${source.listings} listings`);
    } finally {
      feed.dispose();
    }
  });
});
