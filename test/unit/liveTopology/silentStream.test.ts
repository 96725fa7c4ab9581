/**
 * A silent events stream: the connection to the engine stops delivering bytes without closing. The periodic
 * check (GET /events?since&until) finds an event the stream did not deliver, the stream is reopened and the
 * resync brings the missed change. Real transport: the dockerode client, a proxy socket that freezes the
 * stream, and a fake engine on a unix socket.
 */
import * as assert from 'node:assert/strict';
import type * as http from 'node:http';
import type { EngineApi } from '../../../src/engine/api';
import { createEngine } from '../../../src/engine/dockerEngine';
import type { EngineEvent } from '../../../src/engine/records';
import { LiveTopology } from '../../../src/model/liveTopology';
import { FakeEngineServer } from '../engine/fakeEngineServer';
import { FreezingProxy } from '../engine/freezingProxy';
import { container, network } from './fakeSource';

describe('LiveTopology behind a connection that stops delivering the events stream', function () {
  this.timeout(20_000);
  let server: FakeEngineServer;
  let proxy: FreezingProxy;
  let engine: EngineApi;
  let live: LiveTopology;
  const web = network('web', 'id-web', '172.29.0.0/16');
  let containers: ReturnType<typeof container>[];
  const emitted: EngineEvent[] = [];
  const streams = new Set<http.ServerResponse>();

  function emit(event: EngineEvent): void {
    emitted.push(event);
    for (const res of streams) res.write(`${JSON.stringify(event)}\n`);
  }

  beforeEach(async () => {
    containers = [container('api', [{ net: web, ip: '172.29.0.2' }])];
    emitted.length = 0;
    server = await new FakeEngineServer().start();
    server
      .engineHolding([web], () => containers)
      .on('GET /events', (req, res) => {
        const query = new URL(req.url, 'http://engine').searchParams;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        if (query.has('until')) {
          const [since, until] = [Number(query.get('since')), Number(query.get('until'))];
          const answer = emitted.filter((e) => (e.time ?? 0) >= since && (e.time ?? 0) <= until);
          return res.end(answer.map((e) => `${JSON.stringify(e)}\n`).join(''));
        }
        res.flushHeaders();
        streams.add(res);
        res.on('close', () => streams.delete(res));
      });
    proxy = await new FreezingProxy(server.socketPath).start();
    engine = createEngine(proxy.endpoint, { eventsCheckMs: 250 });
    live = new LiveTopology(engine, { endpoint: proxy.endpoint.display });
  });
  afterEach(async () => {
    live.dispose();
    engine.dispose();
    await proxy.stop();
    await server.stop();
  });

  it('notices the missed event, reopens the stream and shows the change', async () => {
    live.start();
    await live.waitFor((s) => s.endpoints.size === 1, 3000);
    assert.equal(proxy.streamsOpened, 1);
    proxy.freeze();
    containers = [...containers, container('worker', [{ net: web, ip: '172.29.0.3' }])];
    const now = Date.now();
    const connect: EngineEvent = {
      Type: 'network',
      Action: 'connect',
      Actor: { ID: web.Id, Attributes: { container: 'cid-worker', name: 'web' } },
      time: Math.floor(now / 1000),
      timeNano: now * 1e6,
    };
    emit(connect); // the engine sends it; the frozen connection swallows it
    const started = Date.now();
    const after = await live.waitFor((s) => s.containers.has('cid-worker'), 8000);
    assert.equal([...after.endpoints.values()].find((e) => e.containerName === 'worker')?.ipv4, '172.29.0.3');
    // The resync comes first (onDisconnected), the new stream after the retry delay (250 ms).
    for (let i = 0; i < 100 && proxy.streamsOpened < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(proxy.streamsOpened, 2, 'the stream was reopened');
    assert.equal(live.state.kind, 'connected');
    assert.ok(Date.now() - started < 8000);
  });

  it('a stream that is quiet because nothing happens is left alone', async () => {
    live.start();
    await live.waitFor((s) => s.endpoints.size === 1, 3000);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.equal(proxy.streamsOpened, 1, 'no event was missed: no reconnect');
    const checks = server.requests.filter((r) => r.url.startsWith('/events?') && r.url.includes('until='));
    assert.ok(checks.length >= 1, `the check asked the engine (${checks.length} times)`);
  });
});
