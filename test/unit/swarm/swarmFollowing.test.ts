/** The event path's Swarm refresh: which events ask for the three lists, and the follow-ups while tasks start. */
import * as assert from 'node:assert/strict';
import type { EngineSwarmListing } from '../../../src/engine/records';
import {
  MAX_SETTLE_FOLLOW_UPS,
  SWARM_COALESCE_MS,
  SWARM_SETTLE_MS,
  swarmEventNeeds,
} from '../../../src/model/incremental/swarmFollowing';
import { TopologyFollower } from '../../../src/model/incremental/topologyFollower';
import { managerListing } from './swarmFixtures';

function follower(answer: () => EngineSwarmListing) {
  const calls = { swarm: 0, containers: 0 };
  const source = {
    listContainersById: async () => (calls.containers++, []),
    inspectNetworkRecord: async () => undefined,
    listSwarm: async () => (calls.swarm++, answer()),
  };
  return { follower: new TopologyFollower(source, {}), calls };
}

/** A full listing as LiveTopology makes it: begun, then applied. */
function listed(f: TopologyFollower, listing: Parameters<TopologyFollower['applyListing']>[0], ms: number): void {
  f.beginListing();
  f.applyListing(listing, ms);
}

const settled = (): EngineSwarmListing => {
  const listing = managerListing();
  listing.tasks = listing.tasks.map((t) => ({ ...t, Status: { State: 'running' } }));
  listing.services = listing.services.map((s) => ({ ...s, ServiceStatus: { RunningTasks: 1, DesiredTasks: 1 } }));
  return listing;
};

describe('swarm following (event path)', () => {
  it('service and node events ask for the Swarm lists only; a task container event asks for both', () => {
    assert.equal(swarmEventNeeds({ Type: 'service', Action: 'update', Actor: { ID: 's' } }), 'swarmOnly');
    assert.equal(swarmEventNeeds({ Type: 'node', Action: 'update', Actor: { ID: 'n' } }), 'swarmOnly');
    const taskContainer = {
      Type: 'container',
      Action: 'start',
      Actor: { ID: 'c', Attributes: { 'com.docker.swarm.task.id': 't' } },
    };
    assert.equal(swarmEventNeeds(taskContainer), 'alsoSwarm');
    assert.equal(swarmEventNeeds({ Type: 'container', Action: 'start', Actor: { ID: 'c' } }), 'none');
  });

  it('a service event on a manager: one Swarm refresh (3 requests), no full listing', async () => {
    const { follower: f, calls } = follower(settled);
    listed(f, { networks: [], containers: [], swarm: settled() }, 5);
    assert.ok(f.idle, 'a converged Swarm needs no follow-up');
    f.note({ Type: 'service', Action: 'update', Actor: { ID: 'zccptzlkl0fdj0bcvkqikl3h0' } });
    assert.equal(f.nextRunIn(50), SWARM_COALESCE_MS);
    assert.equal(f.coalesce(50), SWARM_COALESCE_MS);
    assert.equal(f.needsFullListing(true), false);
    const change = await f.applyTargeted(() => false);
    assert.equal(calls.swarm, 1);
    assert.equal(calls.containers, 0);
    assert.equal(f.stats.swarmRefreshes, 1);
    assert.equal(f.stats.fullListings, 1, 'only the first listing');
    assert.equal(change, undefined, 'nothing changed');
  });

  it('while tasks are starting, asks again after SWARM_SETTLE_MS, a bounded number of times', async () => {
    const { follower: f, calls } = follower(managerListing);
    listed(f, { networks: [], containers: [], swarm: managerListing() }, 5);
    assert.ok(f.hasPending);
    assert.equal(f.nextRunIn(50), SWARM_SETTLE_MS);
    let rounds = 0;
    while (f.hasPending && rounds < MAX_SETTLE_FOLLOW_UPS + 5) {
      assert.equal(f.needsFullListing(true), false);
      await f.applyTargeted(() => false);
      rounds++;
    }
    assert.equal(calls.swarm, MAX_SETTLE_FOLLOW_UPS);
    assert.ok(f.idle);
  });

  it('the change of a Swarm refresh carries the new task', async () => {
    let answer = settled();
    const { follower: f } = follower(() => answer);
    listed(f, { networks: [], containers: [], swarm: answer }, 5);
    answer = settled();
    answer.tasks.push({ ...answer.tasks[0], ID: 'task-api-3', Slot: 3 });
    f.note({ Type: 'service', Action: 'update', Actor: { ID: 'zccptzlkl0fdj0bcvkqikl3h0' } });
    const change = await f.applyTargeted(() => false);
    assert.deepEqual(
      change?.diff.swarm?.tasks.added.map((t) => t.id),
      ['task-api-3'],
    );
    assert.ok(change?.snapshot.swarm?.tasks.has('task-api-3'));
  });

  it('on a worker, task container events ask for no Swarm lists; outside a Swarm they ask for a listing', () => {
    const worker = follower(settled).follower;
    listed(worker, { networks: [], containers: [], swarm: { role: 'worker', services: [], tasks: [], nodes: [] } }, 5);
    worker.note({
      Type: 'container',
      Action: 'start',
      Actor: { ID: 'c', Attributes: { 'com.docker.swarm.task.id': 't' } },
    });
    assert.equal(worker.needsFullListing(true), false);
    const outside = follower(settled).follower;
    listed(outside, { networks: [], containers: [] }, 5);
    outside.note({ Type: 'service', Action: 'create', Actor: { ID: 's' } });
    assert.equal(outside.needsFullListing(true), true);
  });
});
