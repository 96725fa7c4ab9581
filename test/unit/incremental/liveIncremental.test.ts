import * as assert from 'node:assert/strict';
import type { TopologyChange } from '../../../src/model/feed';
import { diffSnapshots } from '../../../src/model/diff';
import { LiveTopology, type LiveTopologyOptions } from '../../../src/model/liveTopology';
import { MAX_EARLY_ANSWERS } from '../../../src/model/incremental/pendingWork';
import { buildSnapshot } from '../../../src/model/snapshot';
import { EngineWorld, type Operation } from './engineWorld';
import { assertSameAsFreshListing } from './snapshotOracle';
import { WorldSource } from './worldSource';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LiveTopology: engine events cost requests in proportion to the change', function () {
  this.timeout(10_000);
  let world: EngineWorld;
  let source: WorldSource;
  let live: LiveTopology;
  let changes: TopologyChange[];

  async function start(options: Partial<LiveTopologyOptions> = {}): Promise<void> {
    live = new LiveTopology(source, { endpoint: 'unix:///fake', coalesceMs: 5, resyncIntervalMs: 0, ...options });
    live.onDidChange((change) => changes.push(change));
    live.start();
    source.handlers?.onConnected();
    await live.waitFor(() => live.state.kind === 'connected', 2000);
    await settled();
  }

  async function settled(): Promise<void> {
    for (let i = 0; i < 400 && !live.settled; i++) await sleep(5);
    assert.ok(live.settled, 'settled within 2 s');
  }

  function run(...operations: Operation[]): void {
    for (const op of operations) for (const event of world.apply(op)) source.handlers?.onEvent(event);
  }

  beforeEach(() => {
    world = new EngineWorld();
    world.apply({ op: 'createNetwork', name: 0 });
    for (let i = 0; i < 80; i++) world.apply({ op: 'createContainer', name: i % 6, networks: [i], running: true });
    world.apply({ op: 'createNetwork', name: 1 }); // network 2, which no container is on yet
    source = new WorldSource(world);
    changes = [];
  });
  afterEach(() => live?.dispose());

  it('a connect costs one targeted request, no listing, and emits the diff a full listing would', async () => {
    await start();
    const before = live.snapshot;
    const counts = { listings: source.listings, targeted: source.targeted };
    run({ op: 'connect', pick: 3, network: 2 });
    await settled();
    assert.equal(source.listings - counts.listings, 0);
    assert.equal(source.targeted - counts.targeted, 1);
    assert.equal(changes.length, 2, 'the first snapshot, then the connect');
    assert.equal(changes[1].diff.endpoints.added.length, 1);
    assert.deepStrictEqual(changes[1].diff, diffSnapshots(before, buildSnapshot(world.listing())));
    assertSameAsFreshListing(live.snapshot, world.listing());
  });

  it('a burst of 30 connects shares a few requests; then 30 removals need none', async () => {
    await start();
    const counts = { listings: source.listings, targeted: source.targeted };
    for (let i = 0; i < 30; i++) run({ op: 'connect', pick: i, network: 2 });
    await settled();
    const connectRequests = source.targeted - counts.targeted;
    assert.ok(connectRequests >= 1 && connectRequests <= 4, `${connectRequests} requests for 30 connects`);
    for (let i = 0; i < 30; i++) run({ op: 'destroy', pick: 0 });
    await settled();
    assert.equal(source.listings - counts.listings, 0, 'no full listing');
    assert.ok(source.maxInFlight <= 4);
    assertSameAsFreshListing(live.snapshot, world.listing());
    assert.deepEqual(live.stats.fullListings, 1);
  });

  it('a burst naming most of what the engine holds is served by one full listing instead', async () => {
    await start();
    const counts = { listings: source.listings, targeted: source.targeted };
    source.delay = () => 20; // the burst arrives while nothing is answered yet
    for (let i = 0; i < 70; i++) run({ op: 'relabel', pick: i });
    await settled();
    assert.equal(source.listings - counts.listings, 1);
    assert.equal(source.targeted - counts.targeted, 0);
    assertSameAsFreshListing(live.snapshot, world.listing());
  });

  it('when the engine answers slowly, falls back to coalesced full listings, and back when it is fast again', async () => {
    await start({ slowMs: 150 });
    source.delay = () => 300;
    run({ op: 'connect', pick: 1, network: 2 });
    await settled();
    const afterSlowRound = { listings: source.listings, targeted: source.targeted };
    for (let i = 0; i < 10; i++) {
      run({ op: 'connect', pick: 10 + i, network: 2 });
      await sleep(10);
    }
    await settled();
    assert.equal(source.targeted, afterSlowRound.targeted, 'no targeted request while slow');
    assert.ok(source.listings - afterSlowRound.listings <= 3, `${source.listings - afterSlowRound.listings} listings`);
    assert.equal(source.maxInFlight <= 2, true, 'one listing (two requests) at a time');
    assertSameAsFreshListing(live.snapshot, world.listing());
    source.delay = () => 0;
    run({ op: 'rename', pick: 5, name: 2 });
    await settled(); // a listing (still slow-flagged), which is fast: targeted requests again after it
    const counts = { listings: source.listings, targeted: source.targeted };
    run({ op: 'rename', pick: 6, name: 2 });
    await settled();
    assert.deepEqual(
      { listings: source.listings - counts.listings, targeted: source.targeted - counts.targeted },
      { listings: 0, targeted: 1 },
    );
  });

  it('the events of one `docker rm -f` spread over 450 ms cost no request: the destroy comes within the window', async () => {
    // Each gap (150 ms) is well inside the 400 ms window, the whole sequence is longer than one window: a sleep
    // that a loaded machine stretches to 2.5 times its length still keeps every event inside the window.
    await start({ quietMs: 400 });
    const counts = { listings: source.listings, targeted: source.targeted };
    const events = world.apply({ op: 'destroy', pick: 7 }); // die, network disconnect, stop, destroy
    assert.ok(events.length >= 4);
    for (const event of events) {
      source.handlers?.onEvent(event);
      await sleep(150);
    }
    await settled();
    assert.deepEqual(
      { listings: source.listings - counts.listings, targeted: source.targeted - counts.targeted },
      { listings: 0, targeted: 0 },
    );
    assert.equal(changes.at(-1)?.diff.containers.removed.length, 1);
    assertSameAsFreshListing(live.snapshot, world.listing());
  });

  it('a container whose events never pause is still shown within maxDelayMs', async () => {
    await start({ quietMs: 100, maxDelayMs: 200 });
    const targeted = source.targeted;
    let shownWhileBusy = false;
    for (let i = 0; i < 12; i++) {
      run({ op: 'rename', pick: 9, name: i % 6 }); // one every 40 ms: never 100 ms quiet
      await sleep(40);
      if (i === 9) shownWhileBusy = changes.length > 1;
    }
    assert.ok(shownWhileBusy, 'a rename shown 400 ms into the events, while they went on');
    await settled();
    assert.ok(source.targeted - targeted <= 4, `${source.targeted - targeted} requests for 12 renames in 480 ms`);
    assertSameAsFreshListing(live.snapshot, world.listing());
  });

  /** The (container, network) endpoint the operations add, and a filter answering without it `times` times. */
  function answerEarly(operation: Operation, times: number): { containerId: string; networkId: string } {
    const pairs = (l: ReturnType<EngineWorld['listing']>) =>
      l.containers.flatMap((c) =>
        Object.values(c.NetworkSettings?.Networks ?? {}).map((n) => `${c.Id} ${n.NetworkID}`),
      );
    const before = new Set(pairs(world.listing()));
    run(operation);
    const [containerId, networkId] = pairs(world.listing())
      .find((p) => !before.has(p))!
      .split(' ');
    let left = times;
    source.containerFilter = (c) => {
      if (c.Id !== containerId || left-- <= 0) return c;
      const networks = Object.entries(c.NetworkSettings?.Networks ?? {}).filter(([, n]) => n.NetworkID !== networkId);
      return { ...c, NetworkSettings: { ...c.NetworkSettings, Networks: Object.fromEntries(networks) } };
    };
    return { containerId, networkId };
  }

  it('a connect the engine announces before its listing shows it is asked for again until it shows', async () => {
    await start();
    const counts = { listings: source.listings, targeted: source.targeted };
    const { containerId, networkId } = answerEarly({ op: 'connect', pick: 3, network: 2 }, 2);
    await settled();
    assert.ok(
      (live.snapshot.endpointsByNetwork.get(networkId) ?? []).some((e) => e.containerId === containerId),
      'the endpoint is in the model',
    );
    assert.deepEqual(
      { listings: source.listings - counts.listings, targeted: source.targeted - counts.targeted },
      { listings: 0, targeted: 3 },
      'two early answers, then the one that shows it',
    );
    assert.equal(changes.length, 2, 'the early answers announce nothing');
    assertSameAsFreshListing(live.snapshot, world.listing());
  });

  it('a full listing that does not show a connect yet is followed by a request for that container', async () => {
    await start();
    const { containerId, networkId } = answerEarly({ op: 'connect', pick: 3, network: 2 }, 1);
    await live.refresh(); // the listing answers early
    await settled();
    assert.ok((live.snapshot.endpointsByNetwork.get(networkId) ?? []).some((e) => e.containerId === containerId));
    assertSameAsFreshListing(live.snapshot, world.listing());
  });

  it('an engine that never shows the connect is believed after a few answers (no endless asking)', async () => {
    await start();
    const counts = source.targeted;
    answerEarly({ op: 'connect', pick: 3, network: 2 }, Infinity);
    await settled();
    assert.equal(source.targeted - counts, MAX_EARLY_ANSWERS + 1);
  });

  it('an answer that raced a later event about the same container is not shown: the newer answer is', async () => {
    await start({ quietMs: 0 });
    source.readAt = 'request';
    source.delay = () => 40;
    run({ op: 'rename', pick: 4, name: 0 });
    await sleep(15); // the first request is in flight now, with the first name
    const first = world.listing().containers[4].Names?.[0];
    run({ op: 'rename', pick: 4, name: 1 });
    await settled();
    const shown = changes.flatMap((c) => c.diff.containers.changed.map((m) => `/${m.name}`));
    assert.ok(!shown.includes(first ?? ''), `the stale name ${first} never shown (shown: ${shown.join(', ')})`);
    assertSameAsFreshListing(live.snapshot, world.listing());
  });

  it('the periodic resync lists everything again and catches a change no event announced', async () => {
    await start({ resyncIntervalMs: 150 });
    world.apply({ op: 'rename', pick: 2, name: 1 }); // its event is lost
    await live.waitFor(() => source.listings >= 2, 1000).catch(() => undefined);
    for (let i = 0; i < 60 && source.listings < 2; i++) await sleep(10);
    await settled();
    assertSameAsFreshListing(live.snapshot, world.listing());
  });

  it('refresh() and a reconnect of the events stream make a full listing', async () => {
    await start();
    await live.refresh();
    source.handlers?.onConnected();
    await sleep(30);
    await settled();
    assert.equal(source.listings, 3);
    assert.equal(live.stats.fullListings, 3);
  });
});
