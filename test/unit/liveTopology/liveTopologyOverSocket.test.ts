/**
 * The whole chain without an engine: LiveTopology over the real dockerode client, talking HTTP to a fake engine
 * on a unix socket that stops and comes back.
 */
import * as assert from 'node:assert/strict';
import type { EngineApi } from '../../../src/engine/api';
import { createEngine } from '../../../src/engine/dockerEngine';
import type { FeedState } from '../../../src/model/feed';
import { LiveTopology } from '../../../src/model/liveTopology';
import { FakeEngineServer } from '../engine/fakeEngineServer';
import { container, network } from './fakeSource';

describe('LiveTopology over the dockerode client and a fake engine socket', function () {
  this.timeout(15_000);
  let server: FakeEngineServer;
  let engine: EngineApi;
  let live: LiveTopology;
  const web = network('web', 'id-web', '172.28.0.0/16');
  let containers = [container('api', [{ net: web, ip: '172.28.0.2' }])];

  beforeEach(async () => {
    server = await new FakeEngineServer().start();
    server
      .engineHolding([web], () => containers)
      .on('GET /events', (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.flushHeaders();
      });
    engine = createEngine(server.endpoint);
    live = new LiveTopology(engine, { endpoint: server.endpoint.display, probeInitialMs: 200 });
  });
  afterEach(async () => {
    live.dispose();
    engine.dispose();
    await server.stop();
  });

  it('shows the engine, explains when it stops, and recovers by itself when it is back', async () => {
    live.start();
    const first = await live.waitFor((s) => s.endpoints.size === 1, 3000);
    assert.equal([...first.endpoints.values()][0].ipv4, '172.28.0.2');
    assert.equal(live.state.kind, 'connected');
    const refreshesBefore = server.requests.filter((r) => r.url === '/networks').length;
    assert.equal(refreshesBefore, 1, 'one refresh at start');

    const unreachable = new Promise<FeedState>((resolve) =>
      live.onDidChangeState((state) => {
        if (state.kind === 'unreachable') resolve(state);
      }),
    );
    await server.pause();
    const state = await unreachable;
    assert.match(
      state.kind === 'unreachable' ? state.problem.message : '',
      new RegExp(
        `Cannot connect to the Docker engine at ${server.endpoint.display.replace(/[/.]/g, '\\$&')} \\(ENOENT`,
      ),
    );

    containers = [...containers, container('worker', [{ net: web, ip: '172.28.0.3' }])];
    await server.resume();
    const back = await live.waitFor((s) => s.endpoints.size === 2, 5000);
    assert.equal(live.state.kind, 'connected');
    assert.deepEqual([...back.endpoints.values()].map((e) => `${e.containerName} ${e.ipv4}`).sort(), [
      'api 172.28.0.2',
      'worker 172.28.0.3',
    ]);
  });
});
