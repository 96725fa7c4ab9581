import * as assert from 'node:assert/strict';
import type { FeedState, TopologyChange } from '../../../src/model/feed';
import { LiveTopology } from '../../../src/model/liveTopology';
import type { TopologySnapshot } from '../../../src/model/topology';
import { FakeSource, container, network, refused } from './fakeSource';

const ENDPOINT = 'unix:///var/run/docker.sock';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail('condition not reached in time');
    await sleep(5);
  }
}

function networkNames(s: TopologySnapshot): string[] {
  return [...s.networks.values()].map((n) => n.name).sort();
}

function timers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
}

describe('LiveTopology (full listings only, incremental: false)', () => {
  let source: FakeSource;
  let live: LiveTopology;
  let changes: TopologyChange[];
  let states: FeedState[];

  function make(options: { probeInitialMs?: number; probeMaxMs?: number } = {}): LiveTopology {
    live = new LiveTopology(source, { endpoint: ENDPOINT, incremental: false, ...options });
    live.onDidChange((c) => changes.push(c));
    live.onDidChangeState((s) => states.push(s));
    return live;
  }

  async function started(): Promise<void> {
    make().start();
    source.handlers?.onConnected(); // the events stream connects right away
    await until(() => live.state.kind === 'connected');
  }

  beforeEach(() => {
    source = new FakeSource();
    changes = [];
    states = [];
  });
  afterEach(() => live?.dispose());

  it('starts connecting, subscribes once and ends connected with the engine version after one listing', async () => {
    make();
    assert.equal(live.state.kind, 'connecting');
    assert.equal(live.snapshot.networks.size, 0);
    live.start();
    source.handlers?.onConnected();
    await until(() => live.state.kind === 'connected');
    await sleep(80);
    assert.deepEqual(live.state, { kind: 'connected', endpoint: ENDPOINT, engineVersion: '20.10.24' });
    assert.equal(source.subscriptions, 1);
    assert.equal(source.listingCalls, 1, 'the stream connect and the start are one refresh');
    assert.deepEqual(networkNames(live.snapshot), ['bridge']);
    assert.equal(changes.length, 1);
    assert.deepEqual(
      changes[0].diff.networks.added.map((n) => n.name),
      ['bridge'],
    );
    assert.deepEqual(
      states.map((s) => s.kind),
      ['connected'],
    );
  });

  it('coalesces a burst of 100 events into one refresh that brings the change', async () => {
    await started();
    const before = source.listingCalls;
    const web = network('web', 'id-web', '172.21.0.0/16');
    source.listingNow.networks.push(web);
    source.listingNow.containers.push(container('api', [{ net: web, ip: '172.21.0.2' }]));
    for (let i = 0; i < 100; i++) source.event(i % 2 ? 'connect' : 'create');
    await sleep(150);
    assert.equal(source.listingCalls - before, 1);
    assert.equal(changes.length, 2);
    const last = changes[1];
    assert.deepEqual(
      last.diff.networks.added.map((n) => n.name),
      ['web'],
    );
    assert.deepEqual(
      last.diff.endpoints.added.map((e) => `${e.containerName}@${e.networkName} ${e.ipv4}`),
      ['api@web 172.21.0.2'],
    );
    assert.equal(live.snapshot.endpointsByNetwork.get('id-web')?.[0].ipv4, '172.21.0.2');
  });

  it('runs exactly one more refresh when events arrive during a refresh in flight', async () => {
    await started();
    const before = source.listingCalls;
    source.hold();
    source.event('create');
    await until(() => source.listingCalls === before + 1); // in flight now
    source.listingNow.networks.push(network('late', 'id-late', '172.22.0.0/16'));
    for (let i = 0; i < 20; i++) source.event('create');
    source.release();
    await sleep(200);
    source.release();
    await sleep(100);
    assert.equal(source.listingCalls - before, 2);
    assert.ok(networkNames(live.snapshot).includes('late'), 'the follow-up refresh saw the late network');
  });

  it('does not fire onDidChange when a refresh finds nothing new', async () => {
    await started();
    const before = source.listingCalls;
    source.event('connect');
    await sleep(120);
    assert.equal(source.listingCalls - before, 1);
    assert.equal(changes.length, 1);
  });

  it('resyncs after the events stream reconnects: what happened during the gap shows up', async () => {
    await started();
    source.handlers?.onDisconnected({ kind: 'unreachable', message: 'stream closed' });
    await sleep(100);
    // During the gap a container was connected; no event reached us.
    const bridge = source.listingNow.networks[0];
    source.listingNow.containers.push(container('gap', [{ net: bridge, ip: '172.17.0.9' }]));
    source.handlers?.onConnected();
    await until(() => live.snapshot.containers.has('cid-gap'));
    assert.equal(live.snapshot.endpointsByContainer.get('cid-gap')?.[0].ipv4, '172.17.0.9');
    assert.equal(live.state.kind, 'connected');
  });

  it('becomes unreachable with the classified reason, probes with back-off and recovers by itself', async () => {
    make({ probeInitialMs: 20, probeMaxMs: 80 }).start();
    source.handlers?.onConnected();
    await until(() => live.state.kind === 'connected');
    source.down = refused();
    source.handlers?.onDisconnected({ kind: 'unreachable', message: 'stream closed' });
    await until(() => live.state.kind === 'unreachable');
    const state = live.state;
    assert.equal(state.kind === 'unreachable' && state.problem.kind, 'unreachable');
    assert.match(
      state.kind === 'unreachable' ? state.problem.message : '',
      /Docker engine at unix:\/\/\/var\/run\/docker\.sock \(ECONNREFUSED/,
    );
    const failingFrom = source.listingCalls + source.versionCalls;
    await sleep(400);
    const probes = source.listingCalls + source.versionCalls - failingFrom;
    // 20, 40, 80, 80, 80 ms: about 6 probes in 400 ms; a fixed 20 ms poll would be 20.
    assert.ok(probes >= 3 && probes <= 8, `${probes} probes`);
    assert.equal(states.filter((s) => s.kind === 'unreachable').length, 1, 'the same problem is announced once');
    source.down = undefined;
    source.listingNow.networks.push(network('after', 'id-after', '172.23.0.0/16'));
    await until(() => live.state.kind === 'connected', 1000);
    assert.ok(networkNames(live.snapshot).includes('after'));
    assert.deepEqual(
      states.map((s) => s.kind),
      ['connected', 'unreachable', 'connected'],
    );
  });

  it('an engine below API 1.41 is reported as apiTooOld', async () => {
    source.apiVersion = '1.40';
    make({ probeInitialMs: 1000 }).start();
    await until(() => live.state.kind === 'unreachable');
    const state = live.state;
    assert.equal(state.kind === 'unreachable' && state.problem.kind, 'apiTooOld');
    assert.equal(source.listingCalls, 0);
  });

  it('refresh() forces a listing and resolves once the snapshot holds the result', async () => {
    await started();
    await sleep(80);
    const before = source.listingCalls;
    source.listingNow.networks.push(network('forced', 'id-forced', '172.24.0.0/16'));
    await live.refresh();
    assert.equal(source.listingCalls - before, 1);
    assert.ok(networkNames(live.snapshot).includes('forced'));
  });

  it('refresh() during a refresh in flight waits for a new one that sees later data', async () => {
    await started();
    source.hold();
    source.event('create');
    await until(() => source.listingCalls >= 2);
    source.listingNow.networks.push(network('later', 'id-later', '172.25.0.0/16'));
    const done = live.refresh();
    source.release();
    await done;
    assert.ok(networkNames(live.snapshot).includes('later'));
  });

  it('waitFor resolves on a coming snapshot and rejects after its timeout', async () => {
    await started();
    const waiting = live.waitFor((s) => s.networks.has('id-soon'), 1000);
    source.listingNow.networks.push(network('soon', 'id-soon', '172.26.0.0/16'));
    source.event('create');
    assert.ok((await waiting).networks.has('id-soon'));
    await assert.rejects(
      live.waitFor((s) => s.networks.has('never'), 60),
      /did not reach the expected state within 60 ms/,
    );
  });

  it('after dispose nothing fires, the stream is unsubscribed and no timer remains', async () => {
    await sleep(1); // mocha arms its own test timer once the test is running: count it in the baseline
    const timersBefore = timers();
    make({ probeInitialMs: 5000 }).start();
    source.handlers?.onConnected();
    await until(() => live.state.kind === 'connected');
    const handlers = source.handlers;
    source.down = refused();
    source.event('destroy');
    await until(() => live.state.kind === 'unreachable'); // a 5 s probe timer is pending now
    source.down = undefined;
    handlers?.onEvent({ Type: 'network', Action: 'create' }); // a coalescing timer is pending too
    const pendingWait = live.waitFor(() => false, 10_000);
    live.dispose();
    await assert.rejects(pendingWait, /disposed/);
    assert.equal(live.isDisposed, true);
    assert.equal(source.unsubscribed, 1);
    assert.equal(timers(), timersBefore, 'no timer left behind');
    const calls = source.listingCalls;
    const seen = changes.length + states.length;
    handlers?.onEvent({ Type: 'network', Action: 'create' });
    handlers?.onConnected();
    await live.refresh();
    await sleep(120);
    assert.equal(source.listingCalls, calls);
    assert.equal(changes.length + states.length, seen);
  });

  it('a refresh in flight at dispose changes nothing when it completes', async () => {
    await started();
    source.hold();
    source.listingNow.networks.push(network('ghost', 'id-ghost', '172.27.0.0/16'));
    source.event('create');
    await until(() => source.listingCalls === 2);
    const seen = changes.length;
    live.dispose();
    source.release();
    await sleep(50);
    assert.equal(changes.length, seen);
    assert.ok(!networkNames(live.snapshot).includes('ghost'));
  });
});
