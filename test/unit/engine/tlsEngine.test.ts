/**
 * tcp + TLS through the real client: a fake engine on 127.0.0.1 over HTTPS with the test CA
 * (test/fixtures/contexts/tls), reached through endpoints resolved from DOCKER_HOST and from a Docker context.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { createEngine } from '../../../src/engine/dockerEngine';
import { resolveEndpoint } from '../../../src/engine/endpoint';
import { EngineError } from '../../../src/engine/errors';
import { nodeEndpointFs } from '../../../src/engine/processEndpoint';

const TLS_DIR = path.join(__dirname, '../../fixtures/contexts/tls');
const read = (f: string) => fs.readFileSync(path.join(TLS_DIR, f));

/** An HTTPS "engine" that, like dockerd --tlsverify, may insist on a client certificate signed by its CA. */
async function httpsEngine(
  requireClientCert: boolean,
): Promise<{ port: number; clients: string[]; close(): Promise<void> }> {
  const clients: string[] = [];
  const server = https.createServer(
    {
      key: read('server-key.pem'),
      cert: read('server-cert.pem'),
      ca: read('ca.pem'),
      requestCert: requireClientCert,
      rejectUnauthorized: requireClientCert,
    },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      clients.push(String(peer?.subject?.CN ?? '(none)'));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        req.url?.startsWith('/networks') ? '[{"Name":"tls-net","Id":"t1","Scope":"local","Driver":"bridge"}]' : '[]',
      );
    },
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    clients,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('createEngine over tcp + TLS', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-engine-tls-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('DOCKER_TLS_VERIFY + DOCKER_CERT_PATH: verifies the engine and presents the client certificate', async () => {
    const server = await httpsEngine(true);
    const endpoint = resolveEndpoint({
      env: { DOCKER_HOST: `tcp://127.0.0.1:${server.port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: TLS_DIR },
      platform: 'linux',
      homeDir: home,
      fs: nodeEndpointFs,
    });
    const engine = createEngine(endpoint);
    try {
      const listing = await engine.listing();
      assert.deepEqual(
        listing.networks.map((n) => n.Name),
        ['tls-net'],
      );
      assert.deepEqual(server.clients, ['dne test client', 'dne test client', 'dne test client']);
    } finally {
      engine.dispose();
      await server.close();
    }
  });

  it('a Docker context with TLS material in its store reaches the engine', async () => {
    const server = await httpsEngine(true);
    const id = createHash('sha256').update('secure').digest('hex');
    const meta = path.join(home, '.docker/contexts/meta', id);
    const tls = path.join(home, '.docker/contexts/tls', id, 'docker');
    fs.mkdirSync(meta, { recursive: true });
    fs.mkdirSync(tls, { recursive: true });
    fs.writeFileSync(
      path.join(meta, 'meta.json'),
      JSON.stringify({
        Name: 'secure',
        Endpoints: { docker: { Host: `tcp://127.0.0.1:${server.port}`, SkipTLSVerify: false } },
      }),
    );
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.copyFileSync(path.join(TLS_DIR, f), path.join(tls, f));
    fs.writeFileSync(path.join(home, '.docker/config.json'), JSON.stringify({ currentContext: 'secure' }));
    const endpoint = resolveEndpoint({ env: {}, platform: 'linux', homeDir: home, fs: nodeEndpointFs });
    assert.equal(endpoint.display, `tcp://127.0.0.1:${server.port} (TLS)`);
    const engine = createEngine(endpoint);
    try {
      assert.equal((await engine.listing()).networks[0].Name, 'tls-net');
    } finally {
      engine.dispose();
      await server.close();
    }
  });

  it('unverified TLS (SkipTLSVerify) accepts an engine whose CA it does not know', async () => {
    const server = await httpsEngine(false);
    const engine = createEngine({
      source: 'context',
      kind: 'tcp',
      host: '127.0.0.1',
      port: server.port,
      protocol: 'https',
      tls: { verify: false },
      display: `tcp://127.0.0.1:${server.port} (TLS, unverified)`,
    });
    try {
      assert.equal((await engine.listing()).networks.length, 1);
    } finally {
      engine.dispose();
      await server.close();
    }
  });

  it('verified TLS without the CA is refused with a TLS explanation', async () => {
    const server = await httpsEngine(false);
    const display = `tcp://127.0.0.1:${server.port} (TLS)`;
    const engine = createEngine({
      source: 'DOCKER_HOST',
      kind: 'tcp',
      host: '127.0.0.1',
      port: server.port,
      protocol: 'https',
      tls: { verify: true },
      display,
    });
    try {
      await assert.rejects(engine.listing(), (e: unknown) => {
        assert.ok(e instanceof EngineError);
        assert.equal(e.problem.kind, 'unreachable');
        assert.ok(e.message.startsWith(`The TLS connection to the Docker engine at ${display} failed`), e.message);
        return true;
      });
      assert.deepEqual(server.clients, [], 'no request got through');
    } finally {
      engine.dispose();
      await server.close();
    }
  });
});
