/**
 * The engine's managed plugins and the IPAM driver of a new network, against a fake engine on a unix socket
 * (test/unit/engine/fakeEngineServer.ts): one GET /plugins; an engine without plugin support answers none.
 */
import * as assert from 'node:assert/strict';
import type { EngineApi } from '../../../src/engine/api';
import { createEngine } from '../../../src/engine/dockerEngine';
import { FakeEngineServer } from '../engine/fakeEngineServer';

const weave = {
  Id: 'w1',
  Name: 'weaveworks/net-plugin:latest_release',
  Enabled: false,
  Config: { Interface: { Types: [{ Prefix: 'docker', Capability: 'networkdriver', Version: '1.0' }] } },
};

describe('drivers: engine requests', () => {
  let server: FakeEngineServer;
  let engine: EngineApi;

  beforeEach(async () => {
    server = await new FakeEngineServer().start();
    engine = createEngine(server.endpoint, { readTimeoutMs: 5_000 });
  });
  afterEach(async () => {
    engine.dispose();
    await server.stop();
  });

  it('plugins() is one GET /plugins returning the records', async () => {
    server.json('GET /plugins', 200, [weave]);
    assert.deepEqual(await engine.plugins(), [weave]);
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.url}`),
      ['GET /plugins'],
    );
  });

  it('plugins() of an engine without plugin support (404) is empty', async () => {
    server.json('GET /plugins', 404, { message: 'page not found' });
    assert.deepEqual(await engine.plugins(), []);
  });

  it('createNetwork() sends the IPAM driver when one is chosen, and "default" otherwise', async () => {
    server.json('POST /networks/create', 201, { Id: 'a' });
    await engine.createNetwork({ name: 'p', driver: 'weave', ipamDriver: 'vendor/ipam:latest' });
    await engine.createNetwork({ name: 'q', driver: 'bridge' });
    const drivers = server.requests.map((r) => (r.body as { IPAM: { Driver: string } }).IPAM.Driver);
    assert.deepEqual(drivers, ['vendor/ipam:latest', 'default']);
  });
});
