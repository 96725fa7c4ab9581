import * as assert from 'node:assert/strict';
import type { EngineApi, EngineProblem } from '../../../src/engine/api';
import { createEngine } from '../../../src/engine/dockerEngine';
import { EngineError } from '../../../src/engine/errors';
import type { EngineEvent } from '../../../src/engine/records';
import { FakeEngineServer } from './fakeEngineServer';

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof EngineError, `expected an EngineError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a rejection');
}

const network = {
  Name: 'web',
  Id: 'n1',
  Scope: 'local',
  Driver: 'bridge',
  IPAM: { Config: [{ Subnet: '172.30.0.0/24' }] },
};
const container = { Id: 'c1', Names: ['/api'], State: 'running', NetworkSettings: { Networks: {} } };

const weave = {
  Id: 'w1',
  Name: 'weaveworks/net-plugin:latest_release',
  Enabled: false,
  Config: { Interface: { Types: [{ Prefix: 'docker', Capability: 'networkdriver', Version: '1.0' }] } },
};

describe('createEngine (dockerode client against a fake engine on a unix socket)', () => {
  let server: FakeEngineServer;
  let engine: EngineApi;

  beforeEach(async () => {
    server = await new FakeEngineServer().start();
    // Generous for answers on a busy machine; the time-out test makes its own short-fused client.
    engine = createEngine(server.endpoint, { readTimeoutMs: 5_000 });
  });
  afterEach(async () => {
    engine.dispose();
    await server.stop();
  });

  it('listing() outside a Swarm makes three requests: GET /networks, /containers/json?all=1 and /info', async () => {
    server.json('GET /networks', 200, [network]).json('GET /containers/json', 200, [container]);
    server.json('GET /info', 200, { Swarm: { LocalNodeState: 'inactive', ControlAvailable: false } });
    const listing = await engine.listing();
    assert.deepEqual(listing, { networks: [network], containers: [container] });
    assert.deepEqual(server.requests.map((r) => `${r.method} ${r.url}`).sort(), [
      'GET /containers/json?all=1',
      'GET /info',
      'GET /networks',
    ]);
  });

  it('pins no API version in the path', async () => {
    server.json('GET /version', 200, { Version: '27.3.1', ApiVersion: '1.47' });
    assert.equal((await engine.version()).ApiVersion, '1.47');
    assert.equal(server.requests[0].url, '/version');
  });

  it('version() rejects an engine older than API 1.41, naming both versions', async () => {
    server.json('GET /version', 200, { Version: '19.03.15', ApiVersion: '1.40' });
    const e = await rejection(engine.version());
    assert.equal(e.problem.kind, 'apiTooOld');
    assert.match(e.message, /speaks Engine API 1\.40, but this extension needs API 1\.41/);
  });

  it('connect() sends Aliases and IPAMConfig with both addresses', async () => {
    server.json('POST /networks/web/connect', 200, {});
    await engine.connect('web', 'api', { aliases: ['db', 'primary'], ipv4: '172.30.0.9', ipv6: 'fd00::9' });
    assert.deepEqual(server.requests[0].body, {
      Container: 'api',
      EndpointConfig: { Aliases: ['db', 'primary'], IPAMConfig: { IPv4Address: '172.30.0.9', IPv6Address: 'fd00::9' } },
    });
  });

  it('disconnect() sends the container and Force', async () => {
    server.json('POST /networks/web/disconnect', 200, {});
    await engine.disconnect('web', 'api', true);
    assert.deepEqual(server.requests[0].body, { Container: 'api', Force: true });
  });

  it('createNetwork() sends the IPAM config and returns the id and the warning', async () => {
    server.json('POST /networks/create', 201, { Id: 'abc', Warning: 'overlapping' });
    const created = await engine.createNetwork({
      name: 'backend',
      driver: 'bridge',
      internal: true,
      ipam: [
        { subnet: '10.9.0.0/24', gateway: '10.9.0.1', ipRange: '10.9.0.128/25', auxAddresses: { host: '10.9.0.2' } },
      ],
      options: { 'com.docker.network.driver.mtu': '1400' },
      labels: { team: 'a' },
    });
    assert.deepEqual(created, { id: 'abc', warning: 'overlapping' });
    const body = server.requests[0].body as Record<string, unknown>;
    assert.equal(body.Name, 'backend');
    assert.equal(body.Internal, true);
    assert.deepEqual(body.IPAM, {
      Driver: 'default',
      Config: [
        {
          Subnet: '10.9.0.0/24',
          Gateway: '10.9.0.1',
          IPRange: '10.9.0.128/25',
          AuxiliaryAddresses: { host: '10.9.0.2' },
        },
      ],
    });
    assert.deepEqual(body.Options, { 'com.docker.network.driver.mtu': '1400' });
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

  it('createNetwork() sends the IPAM driver and its options when chosen, and "default" otherwise', async () => {
    server.json('POST /networks/create', 201, { Id: 'a' });
    await engine.createNetwork({
      name: 'p',
      driver: 'weave',
      ipamDriver: 'vendor/ipam:latest',
      ipamOptions: { 'vendor.pool': 'blue' },
    });
    await engine.createNetwork({ name: 'q', driver: 'bridge' });
    const ipams = server.requests.map((r) => (r.body as { IPAM: Record<string, unknown> }).IPAM);
    assert.deepEqual(ipams, [
      { Driver: 'vendor/ipam:latest', Config: [], Options: { 'vendor.pool': 'blue' } },
      { Driver: 'default', Config: [] },
    ]);
  });

  it('pruneNetworks() returns the removed names', async () => {
    server.json('POST /networks/prune', 200, { NetworksDeleted: ['old-a', 'old-b'] });
    assert.deepEqual(await engine.pruneNetworks(), ['old-a', 'old-b']);
    server.json('POST /networks/prune', 200, { NetworksDeleted: null });
    assert.deepEqual(await engine.pruneNetworks(), []);
  });

  it('inspectContainer() makes one GET of the container and keeps the endpoint aliases', async () => {
    const details = {
      Id: 'c1',
      Name: '/api',
      Config: { Hostname: 'c1' },
      NetworkSettings: {
        Networks: { web: { NetworkID: 'n1', Aliases: ['api-alias', 'c1'], MacAddress: '02:42:ac:1e:00:02' } },
      },
    };
    server.json('GET /containers/api/json', 200, details);
    assert.deepEqual(await engine.inspectContainer('api'), details);
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.url}`),
      ['GET /containers/api/json?size=false'],
    );
  });

  it('inspectContainer() of a removed container rejects with notFound, keeping the engine message', async () => {
    server.json('GET /containers/gone/json', 404, { message: 'No such container: gone' });
    const e = await rejection(engine.inspectContainer('gone'));
    assert.equal(e.problem.kind, 'notFound');
    assert.equal(e.problem.engineMessage, 'No such container: gone');
  });

  it('removeNetwork() accepts 204 and encodes the name', async () => {
    server.on('DELETE /networks/a%2Fb', (_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await engine.removeNetwork('a/b');
    assert.equal(server.requests[0].method, 'DELETE');
  });

  const statusCases: Array<[number, EngineProblem['kind'], string]> = [
    [404, 'notFound', 'network gone not found'],
    [409, 'conflict', 'error while removing network: network web id n1 has active endpoints'],
    [403, 'forbidden', 'bridge is a pre-defined network and cannot be removed'],
    [400, 'badRequest', 'invalid pool request: Pool overlaps with other one on this address space'],
  ];
  for (const [status, kind, message] of statusCases) {
    it(`HTTP ${status} from the engine rejects with ${kind}, keeping the engine message`, async () => {
      server.json('DELETE /networks/web', status, { message });
      const e = await rejection(engine.removeNetwork('web'));
      assert.equal(e.problem.kind, kind);
      assert.equal(e.problem.statusCode, status);
      assert.equal(e.problem.engineMessage, message);
    });
  }

  it('a list request that gets no answer rejects with timeout', async () => {
    server.on('GET /networks', () => undefined); // never answers
    server.json('GET /containers/json', 200, []).json('GET /info', 200, {});
    const shortFused = createEngine(server.endpoint, { readTimeoutMs: 300 });
    const started = Date.now();
    const e = await rejection(shortFused.listing()).finally(() => shortFused.dispose());
    assert.equal(e.problem.kind, 'timeout');
    assert.match(e.message, /did not answer within 0\.3 s while listing networks/);
    assert.ok(Date.now() - started < 2000);
  });

  it('a socket nobody listens on rejects with unreachable naming the endpoint', async () => {
    const display = server.endpoint.display;
    await server.stop();
    server = await new FakeEngineServer().start(); // for afterEach
    const e = await rejection(engine.listing());
    assert.equal(e.problem.kind, 'unreachable');
    assert.ok(e.message.includes(display));
  });

  it('ignores DOCKER_HOST when the endpoint says otherwise', async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:1';
    try {
      const other = createEngine(server.endpoint);
      server.json('GET /version', 200, { Version: '20.10.24', ApiVersion: '1.41' });
      assert.equal((await other.version()).Version, '20.10.24');
      other.dispose();
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });

  it('subscribe() filters network and container events, parses split chunks and resubscribes after the stream ends', async () => {
    let streams = 0;
    server.on('GET /events', (_req, res) => {
      streams++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.flushHeaders(); // the engine answers at once, events come later
      if (streams === 1) {
        const line = JSON.stringify({
          Type: 'network',
          Action: 'connect',
          Actor: { ID: 'n1', Attributes: { container: 'c1' } },
        });
        res.write(line.slice(0, 20));
        setTimeout(
          () => res.write(`${line.slice(20)}\n${JSON.stringify({ Type: 'container', Action: 'start' })}\n`),
          20,
        );
        setTimeout(() => res.end(), 60);
      }
    });
    const events: EngineEvent[] = [];
    const problems: EngineProblem[] = [];
    let connected = 0;
    const sub = engine.subscribe({
      onEvent: (e) => events.push(e),
      onConnected: () => connected++,
      onDisconnected: (p) => problems.push(p),
    });
    const deadline = Date.now() + 3000;
    while (connected < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    sub.dispose();
    assert.equal(connected, 2, 'reconnected after the engine closed the stream');
    assert.deepEqual(
      events.map((e) => `${e.Type} ${e.Action}`),
      ['network connect', 'container start'],
    );
    assert.equal(events[0].Actor?.Attributes?.container, 'c1');
    assert.equal(problems[0]?.kind, 'unreachable');
    assert.match(problems[0]?.message ?? '', /closed the events stream/);
    const query = new URLSearchParams(server.requests[0].url.split('?')[1]);
    const filters = JSON.parse(query.get('filters') ?? '{}') as { type: string[]; event: string[] };
    assert.deepEqual(filters.type, ['network', 'container', 'service', 'node']);
    for (const action of ['connect', 'disconnect', 'create', 'destroy', 'start', 'die', 'rename']) {
      assert.ok(filters.event.includes(action), action);
    }
    assert.ok(!filters.event.includes('exec_start'));
  });
});
