import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EngineEndpoint } from '../../../src/engine/api';
import {
  EngineError,
  checkApiVersion,
  compareApiVersions,
  toEngineError,
  toEngineProblem,
} from '../../../src/engine/errors';

const socketEndpoint: EngineEndpoint = {
  source: 'default',
  kind: 'unix',
  socketPath: '/var/run/docker.sock',
  display: 'unix:///var/run/docker.sock',
};

/** The error Node gives for a failed connect, captured from a real attempt. */
function connectError(options: net.NetConnectOpts): Promise<Error> {
  return new Promise((resolve) => {
    const socket = net.connect(options);
    socket.on('connect', () => {
      socket.destroy();
      resolve(new Error('unexpectedly connected'));
    });
    socket.on('error', resolve);
  });
}

/** A docker-modem HTTP error exactly as buildPayload makes it. */
function modemError(statusCode: number, reason: string, body: unknown): Error {
  const json = typeof body === 'string' ? Buffer.from(body) : body;
  const cause = typeof body === 'object' && body !== null ? (body as { message: string }).message : String(body);
  return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason} - ${cause} `), { reason, statusCode, json });
}

describe('toEngineProblem', () => {
  it('a missing socket (real ENOENT) is unreachable and names the endpoint and the remedies', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-engine-sock-'));
    const error = await connectError({ path: path.join(dir, 'docker.sock') });
    fs.rmSync(dir, { recursive: true, force: true });
    const p = toEngineProblem(error, { endpoint: socketEndpoint });
    assert.equal(p.kind, 'unreachable');
    assert.equal(p.endpoint, 'unix:///var/run/docker.sock');
    assert.match(p.message, /^Cannot connect to the Docker engine at unix:\/\/\/var\/run\/docker\.sock \(ENOENT/);
    assert.match(p.message, /dockerNetworks\.host, DOCKER_HOST or the Docker context/);
  });

  it('a refused tcp connection (real ECONNREFUSED) is unreachable', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const error = await connectError({ host: '127.0.0.1', port });
    const p = toEngineProblem(error, { endpoint: `tcp://127.0.0.1:${port}` });
    assert.equal(p.kind, 'unreachable');
    assert.match(p.message, new RegExp(`at tcp://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED`));
  });

  it('EACCES on the socket is permission denied, naming the socket and the docker-group remedy', () => {
    const error = Object.assign(new Error('connect EACCES /var/run/docker.sock'), {
      errno: -13,
      code: 'EACCES',
      syscall: 'connect',
      address: '/var/run/docker.sock',
    });
    const p = toEngineProblem(error, { endpoint: socketEndpoint });
    assert.equal(p.kind, 'permissionDenied');
    assert.match(p.message, /Permission denied on the Docker socket \/var\/run\/docker\.sock/);
    assert.match(p.message, /sudo usermod -aG docker \$USER/);
    assert.match(p.message, /log out and in again/);
  });

  it('404 is notFound with the engine message verbatim', () => {
    const p = toEngineProblem(modemError(404, 'no such network', { message: 'network dne-x not found' }));
    assert.equal(p.kind, 'notFound');
    assert.equal(p.statusCode, 404);
    assert.equal(p.engineMessage, 'network dne-x not found');
    assert.match(p.message, /network dne-x not found/);
  });

  it('409 is conflict', () => {
    const p = toEngineProblem(modemError(409, 'unexpected', { message: 'network with name web already exists' }));
    assert.equal(p.kind, 'conflict');
    assert.equal(p.engineMessage, 'network with name web already exists');
  });

  it('403 is forbidden', () => {
    const p = toEngineProblem(
      modemError(403, 'operation not supported for pre-defined networks', {
        message: 'bridge is a pre-defined network and cannot be removed',
      }),
    );
    assert.equal(p.kind, 'forbidden');
    assert.match(p.message, /bridge is a pre-defined network and cannot be removed/);
  });

  it('400 is badRequest and keeps the engine message verbatim', () => {
    const engineMessage = 'invalid pool request: Pool overlaps with other one on this address space';
    const p = toEngineProblem(modemError(400, 'bad parameter', { message: engineMessage }));
    assert.equal(p.kind, 'badRequest');
    assert.equal(p.engineMessage, engineMessage);
    assert.ok(p.message.includes(engineMessage));
  });

  it('a body that is not JSON (a Buffer) still gives the engine message', () => {
    const p = toEngineProblem(modemError(404, 'unexpected', 'page not found\n'));
    assert.equal(p.kind, 'notFound');
    assert.equal(p.engineMessage, 'page not found');
  });

  it('"client version is too new" is apiTooOld naming both versions', () => {
    const p = toEngineProblem(
      modemError(400, 'bad parameter', {
        message: 'client version 1.43 is too new. Maximum supported API version is 1.40',
      }),
      { endpoint: socketEndpoint },
    );
    assert.equal(p.kind, 'apiTooOld');
    assert.match(p.message, /speaks Engine API 1\.40, but this extension needs API 1\.41 or later/);
  });

  it('500 stays unknown but keeps the engine message', () => {
    const p = toEngineProblem(
      modemError(500, 'server error', { message: 'Invalid subnet x : invalid CIDR address: x' }),
    );
    assert.equal(p.kind, 'unknown');
    assert.match(p.message, /HTTP 500: Invalid subnet x : invalid CIDR address: x/);
  });

  it('an AbortSignal timeout is timeout', async () => {
    const error = await new Promise<unknown>((resolve) => {
      const signal = AbortSignal.timeout(1);
      signal.addEventListener('abort', () => resolve(signal.reason));
    });
    const p = toEngineProblem(error, { endpoint: socketEndpoint, operation: 'listing networks', timeoutMs: 15000 });
    assert.equal(p.kind, 'timeout');
    assert.match(p.message, /did not answer within 15 s while listing networks/);
  });

  it('an ssh authentication failure is permission denied with the ssh remedy', () => {
    const error = Object.assign(new Error('All configured authentication methods failed'), {
      level: 'client-authentication',
    });
    const p = toEngineProblem(error, { endpoint: 'ssh://me@host' });
    assert.equal(p.kind, 'permissionDenied');
    assert.match(p.message, /SSH login to ssh:\/\/me@host was refused.*ssh-add/);
  });

  it('a certificate failure is unreachable and points at the TLS material', () => {
    const error = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const p = toEngineProblem(error, { endpoint: 'tcp://h:2376 (TLS)' });
    assert.equal(p.kind, 'unreachable');
    assert.match(p.message, /TLS connection .* failed \(DEPTH_ZERO_SELF_SIGNED_CERT/);
  });

  it('keeps the problem of an EngineError and wraps anything else', () => {
    const original = new EngineError({ kind: 'conflict', message: 'x' });
    assert.equal(toEngineProblem(original), original.problem);
    assert.equal(toEngineError(original), original);
    const wrapped = toEngineError('boom');
    assert.ok(wrapped instanceof EngineError);
    assert.equal(wrapped.problem.kind, 'unknown');
    assert.equal(wrapped.cause, 'boom');
    assert.match(wrapped.message, /boom/);
  });
});

describe('checkApiVersion', () => {
  it('accepts 1.41 and later', () => {
    assert.equal(checkApiVersion('1.41'), undefined);
    assert.equal(checkApiVersion('1.47'), undefined);
    assert.equal(checkApiVersion('2.0'), undefined);
  });

  it('reports an older engine as apiTooOld naming both versions', () => {
    const p = checkApiVersion('1.40', socketEndpoint);
    assert.equal(p?.kind, 'apiTooOld');
    assert.match(p?.message ?? '', /at unix:\/\/\/var\/run\/docker\.sock speaks Engine API 1\.40, .*needs API 1\.41/);
  });

  it('compares numerically, not as text', () => {
    assert.ok(compareApiVersions('1.9', '1.41') < 0);
    assert.ok(compareApiVersions('1.100', '1.41') > 0);
    assert.equal(compareApiVersions('1.41', '1.41.0'), 0);
  });
});
