/**
 * TopologyFollower's bookkeeping, step by step on a fixed clock (Date.now replaced for each test, no timer):
 * when it is idle, when the next round is due, when a full listing is chosen and why (the counters), what a
 * targeted round counts and announces, and what a failed request or a disposed follower leaves.
 * The source answers at once from fixed records.
 */
import * as assert from 'node:assert/strict';
import type {
  EngineContainer,
  EngineEvent,
  EngineListing,
  EngineNetwork,
  EngineSwarmListing,
} from '../../../src/engine/records';
import { TopologyFollower, type FollowOptions } from '../../../src/model/incremental/topologyFollower';

const START = 1_000_000;
let now = START;
const realNow = Date.now;

function containerRecord(id: string, name: string): EngineContainer {
  return {
    Id: id,
    Names: [`/${name}`],
    State: 'running',
    NetworkSettings: { Networks: { front: { NetworkID: 'n1', EndpointID: `ep-${id}`, IPAddress: '10.0.0.2' } } },
  };
}

const frontRecord: EngineNetwork = { Id: 'n1', Name: 'front', Driver: 'bridge', Scope: 'local' };
const swarmLists = { services: [], tasks: [], nodes: [] };

/** Answers at once from `containers` and `networks`; `took` ms pass on the fixed clock during each request. */
class FixedSource {
  containers: EngineContainer[] = [];
  networks: EngineNetwork[] = [frontRecord];
  took = 0;
  fail = false;
  listSwarm?: () => Promise<EngineSwarmListing>;

  async listContainersById(ids: readonly string[]): Promise<EngineContainer[]> {
    now += this.took;
    if (this.fail) throw new Error('connection reset');
    return this.containers.filter((c) => ids.includes(c.Id));
  }

  async inspectNetworkRecord(id: string): Promise<EngineNetwork | undefined> {
    now += this.took;
    return this.networks.find((n) => n.Id === id);
  }
}

function started(event: string, id: string): EngineEvent {
  return { Type: 'container', Action: event, Actor: { ID: id, Attributes: { name: id } } };
}

const serviceUpdate: EngineEvent = { Type: 'service', Action: 'update', Actor: { ID: 's1', Attributes: {} } };

/** A follower past its first listing (`listing`, taking `tookMs`), nothing pending. */
function follower(source: FixedSource, options: FollowOptions = {}, listing?: EngineListing, tookMs = 10) {
  const result = new TopologyFollower(source, options);
  result.beginListing();
  result.applyListing(listing ?? { networks: [frontRecord], containers: [] }, tookMs);
  return result;
}

/** A follower past its first listing, the start of container api (c1) noted and its settle window (150 ms) over. */
function apiStartedAndDue(): TopologyFollower {
  const source = new FixedSource();
  source.containers = [containerRecord('c1', 'api')];
  const result = follower(source, { quietMs: 150 });
  result.note(started('start', 'c1'));
  now += 150;
  return result;
}

describe('TopologyFollower on a fixed clock', () => {
  beforeEach(() => {
    now = START;
    Date.now = () => now;
  });
  afterEach(() => {
    Date.now = realNow;
  });

  it('is idle only with nothing pending, no listing due and no Swarm refresh due', () => {
    const source = new FixedSource();
    assert.equal(new TopologyFollower(source, {}).idle, false, 'the first listing is due');
    const f = follower(source);
    assert.equal(f.idle, true, 'after the first listing');
    f.note(started('start', 'c1'));
    assert.equal(f.idle, false, 'a container waits for its answer');
    const g = follower(source);
    g.note(serviceUpdate);
    assert.equal(g.idle, false, 'a Swarm refresh is due');
    assert.equal(g.stats.events, 1);
    assert.equal(f.stats.events, 1);
  });

  it('with incremental off, an event asks for a full listing and waits for nothing else', () => {
    const f = follower(new FixedSource(), { incremental: false });
    f.note(started('start', 'c1'));
    f.note(serviceUpdate);
    assert.equal(f.hasPending, false);
    assert.equal(f.needsFullListing(true), true);
    assert.deepStrictEqual(f.stats.events, 2);
  });

  it('the next round: the first pending object, or the Swarm refresh when that comes earlier', () => {
    const only = follower(new FixedSource(), { quietMs: 150 });
    only.note(started('start', 'c1'));
    assert.equal(only.nextRunIn(100), 150, 'a container, settle window 150 ms');
    const both = follower(new FixedSource(), { quietMs: 500, sequenceQuietMs: 500 });
    both.note(started('start', 'c1'));
    both.note(serviceUpdate);
    assert.equal(both.nextRunIn(100), 200, 'the Swarm refresh after 200 ms, before the container at 500 ms');
    const early = follower(new FixedSource(), { quietMs: 50 });
    early.note(serviceUpdate);
    early.note(started('start', 'c1'));
    assert.equal(early.nextRunIn(100), 50, 'the container at 50 ms, before the Swarm refresh at 200 ms');
  });

  it('chooses a full listing for a burst above 16 objects and above half the last listing, and counts why', () => {
    const source = new FixedSource();
    const sixteen = follower(source);
    for (let i = 0; i < 16; i++) sixteen.note(started('start', `c${i}`));
    assert.equal(sixteen.needsFullListing(true), false, '16 objects: targeted requests');
    const listing = {
      networks: [frontRecord],
      containers: Array.from({ length: 33 }, (_, i) => containerRecord(`x${i}`, `x${i}`)),
    };
    const half = follower(source, {}, listing);
    for (let i = 0; i < 17; i++) half.note(started('start', `c${i}`));
    assert.equal(half.needsFullListing(true), false, '17 of a 34-object listing: targeted requests');
    const burst = follower(source);
    for (let i = 0; i < 17; i++) burst.note(started('start', `c${i}`));
    assert.equal(burst.needsFullListing(true), true, '17 objects after a 1-object listing');
    burst.beginListing();
    assert.deepStrictEqual(
      { ...burst.stats, events: 0 },
      {
        events: 0,
        fullListings: 2,
        fullListingsForBursts: 1,
        fullListingsWhileSlow: 0,
        targetedRequests: 0,
        incrementalUpdates: 0,
        swarmRefreshes: 0,
      },
    );
    assert.equal(burst.needsFullListing(false), true, 'disconnected: a listing');
    assert.equal(burst.needsFullListing(true), false, 'nothing pending: no listing');
    assert.equal(follower(source, { incremental: true }).needsFullListing(true), false, 'incremental on: no listing');
  });

  it('a round slower than slowMs makes the engine slow: listings coalesce at least as long as the last one took', async () => {
    const source = new FixedSource();
    source.containers = [containerRecord('c1', 'api')];
    const f = follower(source, { slowMs: 1000, quietMs: 150 }, undefined, 400);
    f.note(started('start', 'c1'));
    now += 150;
    source.took = 1000;
    await f.applyTargeted(() => false);
    assert.equal(f.needsFullListing(true), false, 'exactly slowMs is not slow');
    assert.equal(f.coalesce(100), 100);
    f.note(started('restart', 'c1'));
    now += 150;
    source.took = 1001;
    await f.applyTargeted(() => false);
    assert.equal(f.coalesce(100), 400, 'the last listing took 400 ms');
    assert.equal(f.needsFullListing(true), true, 'slow: a listing');
    f.beginListing();
    assert.equal(f.stats.fullListingsWhileSlow, 1);
    assert.equal(f.stats.fullListingsForBursts, 0);
    assert.equal(f.stats.targetedRequests, 2);
  });

  it('a targeted round announces the new container once and counts one request and one update', async () => {
    const f = apiStartedAndDue();
    const change = await f.applyTargeted(() => false);
    assert.deepStrictEqual(
      change?.diff.containers.added.map((c) => c.name),
      ['api'],
    );
    assert.deepStrictEqual(
      [...(change?.snapshot.endpointsByNetwork.get('n1') ?? [])].map((e) => `${e.containerName} ${e.ipv4}`),
      ['api 10.0.0.2'],
    );
    assert.equal(f.stats.targetedRequests, 1);
    assert.equal(f.stats.incrementalUpdates, 1);
    assert.equal(f.stats.swarmRefreshes, 0);
    assert.equal(f.idle, true);
    const before = f.editor.snapshot;
    assert.equal(await f.applyTargeted(() => false), undefined, 'nothing pending: nothing announced');
    assert.equal(f.editor.snapshot, before, 'and the snapshot is the same object');
  });

  it('with maxInFlight 1, a round asks for one network only', async () => {
    const source = new FixedSource();
    const f = follower(source, { maxInFlight: 1, quietMs: 150 });
    for (const id of ['n1', 'n2', 'n3'])
      f.note({ Type: 'network', Action: 'create', Actor: { ID: id, Attributes: { name: id } } });
    now += 150;
    await f.applyTargeted(() => false);
    assert.equal(f.stats.targetedRequests, 1);
  });

  it('a follower disposed during the round applies and counts nothing', async () => {
    const f = apiStartedAndDue();
    assert.equal(await f.applyTargeted(() => true), undefined);
    assert.equal(f.stats.targetedRequests, 0);
    assert.deepStrictEqual([...f.editor.snapshot.containers.keys()], []);
  });

  it('a failed container request or a failed Swarm refresh asks for a full listing', async () => {
    const source = new FixedSource();
    source.fail = true;
    const f = follower(source, { quietMs: 150 });
    f.note(started('start', 'c1'));
    now += 150;
    await f.applyTargeted(() => false);
    assert.equal(f.needFull, true, 'the container request failed');

    const swarmSource = new FixedSource();
    swarmSource.listSwarm = async () => {
      throw new Error('the swarm does not have a leader');
    };
    const g = follower(
      swarmSource,
      {},
      { networks: [frontRecord], containers: [], swarm: { role: 'manager', ...swarmLists } },
    );
    g.note(serviceUpdate);
    assert.equal(g.needsFullListing(true), false, 'a manager: the Swarm lists alone');
    now += 200;
    await g.applyTargeted(() => false);
    assert.equal(g.needFull, true, 'the Swarm refresh failed');
  });

  it('a container and a Swarm refresh in one round: the change carries both parts', async () => {
    const source = new FixedSource();
    source.containers = [containerRecord('c1', 'api')];
    source.listSwarm = async () => ({
      role: 'manager',
      nodeId: 'node-1',
      ...swarmLists,
      nodes: [{ ID: 'node-1', Description: { Hostname: 'm1' } }],
    });
    const f = follower(
      source,
      { quietMs: 150 },
      { networks: [frontRecord], containers: [], swarm: { role: 'manager', ...swarmLists } },
    );
    f.note(started('start', 'c1'));
    f.note(serviceUpdate);
    now += 200;
    const change = await f.applyTargeted(() => false);
    assert.deepStrictEqual(
      change?.diff.containers.added.map((c) => c.name),
      ['api'],
    );
    assert.deepStrictEqual(
      change?.diff.swarm?.nodes.added.map((n) => n.hostname),
      ['m1'],
    );
    assert.equal(f.stats.swarmRefreshes, 1);
  });

  it('on a worker, a Swarm event asks for nothing (a worker has no Swarm lists)', () => {
    const f = follower(
      new FixedSource(),
      {},
      { networks: [frontRecord], containers: [], swarm: { role: 'worker', ...swarmLists } },
    );
    f.note(serviceUpdate);
    assert.equal(f.needsFullListing(true), false);
    assert.equal(f.hasPending, false);
  });
});
