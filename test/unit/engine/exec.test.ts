import * as assert from 'node:assert/strict';
import type { EngineApi } from '../../../src/engine/api';
import { createEngine } from '../../../src/engine/dockerEngine';
import { EngineError } from '../../../src/engine/errors';
import { StreamDemuxer } from '../../../src/engine/execStream';
import { FakeEngineServer, UPGRADED, frame } from './fakeEngineServer';

describe('engine exec and helper containers (fake engine on a unix socket)', () => {
  let server: FakeEngineServer;
  let engine: EngineApi;

  beforeEach(async () => {
    server = await new FakeEngineServer().start();
    engine = createEngine(server.endpoint, { readTimeoutMs: 500, writeTimeoutMs: 500 });
  });
  afterEach(async () => {
    engine.dispose();
    await server.stop();
  });

  function answersExec(frames: Buffer[], options: { end?: boolean } = {}): void {
    server.json('POST /containers/api/exec', 201, { Id: 'e1' });
    server.onUpgrade('POST /exec/e1/start', (_req, socket) => {
      socket.write(UPGRADED);
      for (const f of frames) socket.write(f);
      if (options.end !== false) socket.end();
    });
    server.json('GET /exec/e1/json', 200, { Running: false, ExitCode: 1 });
  }

  it('returns stdout and stderr apart, and the exit code the engine reports', async () => {
    answersExec([frame(1, 'Connecting to db\n'), frame(2, 'nc: connection refused\n'), frame(1, 'done')]);
    const result = await engine.exec('api', ['nc', '-zw2', 'db', '5432']);
    assert.deepEqual(result, {
      exitCode: 1,
      stdout: 'Connecting to db\ndone',
      stderr: 'nc: connection refused\n',
      timedOut: false,
      truncated: false,
    });
    const create = server.requests.find((r) => r.url.startsWith('/containers/api/exec'));
    assert.deepEqual((create?.body as { Cmd: string[] }).Cmd, ['nc', '-zw2', 'db', '5432']);
  });

  it('stops reading after the timeout and says it timed out', async () => {
    answersExec([frame(1, 'partial')], { end: false });
    const result = await engine.exec('api', ['sleep', '100'], { timeoutMs: 100 });
    assert.equal(result.timedOut, true);
    assert.equal(result.exitCode, undefined);
    assert.equal(result.stdout, 'partial');
  });

  it('rejects with the AbortError when cancelled', async () => {
    answersExec([], { end: false });
    const controller = new AbortController();
    const running = engine.exec('api', ['sleep', '100'], { signal: controller.signal, timeoutMs: 5000 });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(running, { name: 'AbortError' });
  });

  it('keeps the engine message when exec is refused (authorization plugin, stopped container)', async () => {
    server.json('POST /containers/api/exec', 403, {
      message: 'authorization denied by plugin opa: exec is not allowed',
    });
    const error = await engine.exec('api', ['true']).catch((e: unknown) => e);
    assert.ok(error instanceof EngineError);
    assert.equal(error.problem.kind, 'forbidden');
    assert.equal(error.problem.engineMessage, 'authorization denied by plugin opa: exec is not allowed');
  });

  describe('runHelper', () => {
    function answersCreate(): void {
      server.json('POST /containers/create', 201, { Id: 'h1' });
      server.on('DELETE /containers/h1', (_req, res) => res.writeHead(204).end());
    }

    it('joins the namespace with our label, returns the output and removes the container', async () => {
      answersCreate();
      server.onUpgrade('POST /containers/h1/attach', (_req, socket) => {
        socket.write(UPGRADED);
        setTimeout(() => socket.end(frame(1, 'Server: 127.0.0.11\n')), 20);
      });
      server.on('POST /containers/h1/start', (_req, res) => res.writeHead(204).end());
      server.json('GET /containers/h1/json', 200, { State: { Running: false, ExitCode: 0 } });
      const result = await engine.runHelper({ image: 'netshoot:local', joinContainer: 'c1', cmd: ['nslookup', 'db'] });
      assert.equal(result.stdout, 'Server: 127.0.0.11\n');
      assert.equal(result.exitCode, 0);
      const create = server.requests.find((r) => r.url.startsWith('/containers/create'));
      assert.deepEqual(create?.body, {
        Image: 'netshoot:local',
        Entrypoint: ['nslookup'],
        Cmd: ['db'],
        Labels: { 'dne.diagnostics': '1' },
        AttachStdin: false,
        AttachStdout: true,
        AttachStderr: true,
        Tty: false,
        HostConfig: { NetworkMode: 'container:c1', AutoRemove: false },
      });
      assert.ok(server.requests.some((r) => r.method === 'DELETE' && r.url.startsWith('/containers/h1?')));
    });

    it('removes the container when starting it fails', async () => {
      answersCreate();
      server.onUpgrade('POST /containers/h1/attach', (_req, socket) => socket.write(UPGRADED));
      server.json('POST /containers/h1/start', 409, { message: 'cannot join network of a non running container: c1' });
      await assert.rejects(engine.runHelper({ image: 'x', joinContainer: 'c1', cmd: ['true'] }), EngineError);
      assert.ok(server.requests.some((r) => r.method === 'DELETE' && r.url.startsWith('/containers/h1?')));
    });

    it('removes the container when cancelled', async () => {
      answersCreate();
      server.onUpgrade('POST /containers/h1/attach', (_req, socket) => socket.write(UPGRADED));
      server.on('POST /containers/h1/start', (_req, res) => res.writeHead(204).end());
      const controller = new AbortController();
      const running = engine.runHelper(
        { image: 'x', joinContainer: 'c1', cmd: ['sleep', '9'] },
        { signal: controller.signal },
      );
      setTimeout(() => controller.abort(), 50);
      await assert.rejects(running, { name: 'AbortError' });
      assert.ok(server.requests.some((r) => r.method === 'DELETE' && r.url.startsWith('/containers/h1?')));
    });

    it('reports a missing image as notFound and creates nothing to remove', async () => {
      server.json('POST /containers/create', 404, { message: 'No such image: netshoot:local' });
      const error = await engine
        .runHelper({ image: 'netshoot:local', joinContainer: 'c1', cmd: ['true'] })
        .catch((e: unknown) => e);
      assert.ok(error instanceof EngineError);
      assert.equal(error.problem.kind, 'notFound');
      assert.ok(!server.requests.some((r) => r.method === 'DELETE'));
    });
  });
});

describe('StreamDemuxer', () => {
  it('reassembles frames split at any byte', () => {
    const bytes = Buffer.concat([frame(1, 'hello '), frame(2, 'oops'), frame(1, 'world')]);
    for (let cut = 1; cut < bytes.length; cut++) {
      const demuxer = new StreamDemuxer();
      demuxer.push(bytes.subarray(0, cut));
      demuxer.push(bytes.subarray(cut));
      assert.equal(demuxer.stdout.text(), 'hello world', `cut at ${cut}`);
      assert.equal(demuxer.stderr.text(), 'oops');
    }
  });

  it('keeps at most the limit and says it truncated', () => {
    const demuxer = new StreamDemuxer(4);
    demuxer.push(frame(1, 'abcdefgh'));
    assert.equal(demuxer.stdout.text(), 'abcd');
    assert.equal(demuxer.truncated, true);
  });

  it('passes a stream that is not multiplexed (TTY) through as stdout', () => {
    const demuxer = new StreamDemuxer();
    demuxer.push(Buffer.from('plain text from a tty\n'));
    assert.equal(demuxer.stdout.text(), 'plain text from a tty\n');
  });
});
