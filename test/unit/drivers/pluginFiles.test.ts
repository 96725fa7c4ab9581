/**
 * Legacy plugin discovery on a real file system (src/hostFacts/pluginFiles.ts): sockets and spec files in a
 * temporary plugin directory, each socket asked Plugin.Activate: one answers, one is a stale socket file nobody
 * serves, one accepts but never answers, one answers a byte at a time forever (both bounded by the timeout), one
 * answers far too much (cut off). No engine, plain Node.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { activatePlugin, readLegacyPluginFiles, silentPlugins } from '../../../src/hostFacts/pluginFiles';

describe('drivers: legacy plugin files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-plugins-'));
  const servers: Array<http.Server | net.Server> = [];
  const listen = (server: http.Server | net.Server, file: string) =>
    new Promise<void>((resolve) => {
      servers.push(server);
      server.listen(path.join(dir, file), resolve);
    });

  before(async () => {
    await listen(
      http.createServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/vnd.docker.plugins.v1.2+json' });
        res.end(JSON.stringify({ Implements: req.url === '/Plugin.Activate' ? ['NetworkDriver', 'IpamDriver'] : [] }));
      }),
      'good.sock',
    );
    // Accepts connections and never answers: a hung plugin.
    await listen(
      net.createServer(() => undefined),
      'hung.sock',
    );
    // Answers, but so slowly that it never ends: a byte every 50 ms (each silence shorter than the cap).
    await listen(
      http.createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/vnd.docker.plugins.v1.2+json' });
        const timer = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(timer));
      }),
      'trickle.sock',
    );
    // Answers with far more than any Activate reply.
    await listen(
      http.createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/vnd.docker.plugins.v1.2+json' });
        res.end(`{"Implements": ["NetworkDriver"], "Pad": "${'x'.repeat(1024 * 1024)}"}`);
      }),
      'huge.sock',
    );
    // A socket file left behind by a process that died: a child listens, then is killed (no cleanup runs).
    const stalePath = path.join(dir, 'stale.sock');
    const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(stalePath)})`]);
    for (let i = 0; i < 100 && !fs.existsSync(stalePath); i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'remote.spec'), 'tcp://192.0.2.10:8080\n');
    fs.writeFileSync(path.join(dir, 'README'), 'not a plugin');
  });

  after(() => {
    for (const s of servers) s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists sockets and spec files, with what each socket answered or why it did not', async () => {
    const found = await readLegacyPluginFiles([dir, path.join(dir, 'absent')], (p) => activatePlugin(p, 300));
    assert.ok(found);
    const byName = new Map(found.map((f) => [f.name, f]));
    assert.deepEqual([...byName.keys()].sort(), ['good', 'huge', 'hung', 'remote', 'stale', 'trickle']);
    assert.deepEqual(byName.get('good'), {
      name: 'good',
      path: path.join(dir, 'good.sock'),
      form: 'socket',
      implements: ['NetworkDriver', 'IpamDriver'],
    });
    assert.equal(byName.get('hung')?.unanswered, 'no answer to Plugin.Activate within 300 ms');
    assert.equal(byName.get('stale')?.unanswered, 'ECONNREFUSED');
    // The cap is on the whole exchange, so a plugin that keeps talking is cut off too.
    assert.equal(byName.get('trickle')?.unanswered, 'no answer to Plugin.Activate within 300 ms');
    assert.equal(byName.get('huge')?.unanswered, 'its answer to Plugin.Activate is over 65536 bytes');
    // A spec file points elsewhere: it is listed, never contacted.
    assert.deepEqual(byName.get('remote'), {
      name: 'remote',
      path: path.join(dir, 'sub', 'remote.spec'),
      form: 'spec',
    });
  });

  it('asks the plugins a request would use, in parallel, and names the silent ones with why', async () => {
    const entry = (name: string) => ({
      name,
      kind: 'legacyPlugin' as const,
      roles: [],
      usable: true,
      source: path.join(dir, `${name}.sock`),
    });
    const silent = await silentPlugins([entry('good'), entry('hung'), entry('stale')], (p) => activatePlugin(p, 300));
    assert.deepEqual(
      silent.map((s) => `${s.entry.name}: ${s.reason}`),
      ['hung: no answer to Plugin.Activate within 300 ms', 'stale: ECONNREFUSED'],
    );
  });

  it('no plugin directory exists on this machine (the engine runs in a VM): nothing can be said', async () => {
    assert.equal(await readLegacyPluginFiles([path.join(dir, 'absent'), path.join(dir, 'gone')]), undefined);
  });
});
