/**
 * A Swarm manager that cannot answer (quorum lost, or a leader election under way), through the real client
 * against a fake engine: the refresh keeps the networks and containers, the Swarm part says why and what to do,
 * and an engine that is not there at all still fails the refresh.
 */
import * as assert from 'node:assert/strict';
import type { EngineApi } from '../../../src/engine/api';
import { createEngine } from '../../../src/engine/dockerEngine';
import { swarmProblem } from '../../../src/engine/swarmRequests';
import { FakeEngineServer } from '../engine/fakeEngineServer';

const NO_LEADER =
  "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are " +
  'online. Make sure more than half of the managers are online.';
const network = { Name: 'web', Id: 'n1', Scope: 'swarm', Driver: 'overlay', IPAM: { Config: [] } };
const container = { Id: 'c1', Names: ['/api'], State: 'running', NetworkSettings: { Networks: {} } };
const manager = { LocalNodeState: 'active', ControlAvailable: true, NodeID: 'node1' };

describe('a Swarm manager that cannot answer', () => {
  let server: FakeEngineServer;
  let engine: EngineApi;

  beforeEach(async () => {
    server = await new FakeEngineServer().start();
    server.json('GET /networks', 200, [network]).json('GET /containers/json', 200, [container]);
    engine = createEngine(server.endpoint, { readTimeoutMs: 300 });
  });
  afterEach(async () => {
    engine.dispose();
    await server.stop();
  });

  const swarmRequests = () => server.requests.filter((r) => /^\/(services|tasks|nodes)/.test(r.url));

  it('with Swarm.Error in /info (no leader): keeps the rest, says why and what to do, asks for no list', async () => {
    server.json('GET /info', 200, { Swarm: { ...manager, Error: NO_LEADER } });
    const listing = await engine.listing();
    assert.deepEqual(listing.networks, [network]);
    assert.deepEqual(listing.containers, [container]);
    assert.equal(listing.swarm?.role, 'manager');
    assert.equal(listing.swarm?.nodeId, 'node1');
    assert.match(listing.swarm?.problem ?? '', /^the Swarm has no leader \(fewer than half of its managers/);
    assert.match(listing.swarm?.problem ?? '', /docker swarm init --force-new-cluster/);
    assert.ok(listing.swarm?.problem?.endsWith(`The engine says: ${NO_LEADER.replace(/\.$/, '')}.`));
    assert.deepEqual(swarmRequests(), []);
  });

  it('with lists that fail at once (no leader yet in /info): the same sentence', async () => {
    server.json('GET /info', 200, { Swarm: manager });
    for (const path of ['/services', '/tasks', '/nodes']) server.json(`GET ${path}`, 500, { message: NO_LEADER });
    const listing = await engine.listing();
    assert.deepEqual(listing.networks, [network]);
    assert.match(listing.swarm?.problem ?? '', /^the Swarm has no leader/);
  });

  it('with lists that hang (a leader election): a problem after the read timeout, not a failed refresh', async () => {
    server.json('GET /info', 200, { Swarm: manager });
    for (const path of ['/services', '/tasks', '/nodes']) server.on(`GET ${path}`, () => undefined);
    const listing = await engine.listing();
    assert.deepEqual(listing.containers, [container]);
    assert.match(listing.swarm?.problem ?? '', /^the Swarm manager did not answer in time/);
    assert.match(listing.swarm?.problem ?? '', /did not answer within 0\.3 s while listing Swarm/);
  });

  it('with /info hanging while networks and containers answer: they still show, the Swarm part says why', async () => {
    server.on('GET /info', () => undefined);
    const listing = await engine.listing();
    assert.deepEqual(listing.networks, [network]);
    assert.match(listing.swarm?.problem ?? '', /may be electing a leader or have lost its quorum/);
    assert.match(listing.swarm?.problem ?? '', /while asking for engine information/);
  });

  it('an engine in no Swarm whose /info hangs still fails the refresh (nothing says it is a Swarm member)', async () => {
    server.json('GET /networks', 200, [{ ...network, Scope: 'local', Driver: 'bridge' }]);
    server.on('GET /info', () => undefined);
    await assert.rejects(engine.listing(), /did not answer within 0\.3 s while asking for engine information/);
  });

  it('a whole engine that hangs still fails the refresh with its timeout', async () => {
    server.on('GET /info', () => undefined).on('GET /networks', () => undefined);
    await assert.rejects(engine.listing(), /did not answer within 0\.3 s while listing networks/);
  });

  it('an engine that is gone still fails the event path`s Swarm lists (the follower then lists in full)', async () => {
    await server.stop();
    server = await new FakeEngineServer().start(); // for afterEach; the engine's socket is gone
    await assert.rejects(engine.listSwarm(), (e: Error) => /unreachable|not running|cannot connect/i.test(e.message));
  });

  it('words other Swarm errors and a deadline the engine reports itself', () => {
    assert.match(swarmProblem('node is not part of a swarm'), /answered with an error: node is not part of a swarm\./);
    assert.match(swarmProblem('rpc error: code = DeadlineExceeded desc = context deadline exceeded'), /in time/);
  });
});
