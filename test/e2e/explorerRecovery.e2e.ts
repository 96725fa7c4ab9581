/**
 * Engine state in the real workbench without disturbing the shared engine: the extension is pointed (DOCKER_HOST)
 * at a socket where nothing answers yet; the welcome view and the Containers view say why; then a proxy to the
 * real engine starts listening there and both views recover by themselves (no click, no refresh).
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker, testImage, uniqueName, Workbench } from './harness';

/** Forwards every connection on `path` to the engine's socket. */
function engineProxy(path: string): Promise<net.Server> {
  const server = net.createServer((client) => {
    const engine = net.connect('/var/run/docker.sock');
    client.pipe(engine).pipe(client);
    const close = () => {
      client.destroy();
      engine.destroy();
    };
    client.on('error', close);
    engine.on('error', close);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve(server));
  });
}

describe('e2e: the explorer when the engine appears late', function () {
  this.timeout(180_000);
  const socket = join(tmpdir(), `dne-explorer-${process.pid}.sock`);
  const network = uniqueName('explorer');
  const container = uniqueName('explorer');
  let wb: Workbench | undefined;
  let proxy: net.Server | undefined;

  before(async () => {
    rmSync(socket, { force: true });
    docker('network', 'create', network);
    docker('run', '-d', '--name', container, '--network', network, testImage, 'sleep', '100000');
    wb = await Workbench.open({
      env: { DOCKER_HOST: `unix://${socket}` },
      settings: {
        'dockerNetworks.showBuiltInNetworks': false,
        'git.openRepositoryInParentFolders': 'never',
        'remote.autoForwardPorts': false,
      },
      viewport: { width: 1400, height: 1000 },
    });
  });

  after(async () => {
    await wb?.close();
    await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
    rmSync(socket, { force: true });
    for (const args of [
      ['rm', '-f', container],
      ['network', 'rm', network],
    ]) {
      try {
        docker(...args);
      } catch (err) {
        console.error(`e2e clean-up: ${(err as Error).message}`);
      }
    }
  });

  it('says why while nothing answers, names the endpoint, then recovers by itself', async () => {
    assert.ok(wb);
    await wb.openView();
    const networks = await wb.viewPane('Networks');
    const containers = await wb.viewPane('Containers');
    const welcome = networks.locator('.welcome-view-content');
    // "Connecting to the Docker engine..." may show first; the failed connect must then turn it into the reason.
    const unreachable = networks.locator('.welcome-view-content', { hasText: 'Cannot reach the Docker engine' });
    await unreachable.waitFor({ timeout: 60_000 });
    assert.match(await welcome.innerText(), /Cannot reach the Docker engine/);
    assert.match(
      await networks.locator('.pane-header').innerText(),
      new RegExp(`unix://${socket.replace(/[.]/g, '\\.')}`),
    );
    const message = containers.locator('.message:not(.hide)');
    await message.waitFor();
    assert.match(
      await message.innerText(),
      new RegExp(`Cannot connect to the Docker engine at unix://${socket.replace(/[.]/g, '\\.')}`),
    );
    await wb.screenshot('explorer-5-endpoint-not-answering');

    proxy = await engineProxy(socket);
    await wb.treeItem(network, networks).waitFor({ timeout: 60_000 });
    await wb.treeItem(container, containers).waitFor({ timeout: 10_000 });
    await message.waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(await welcome.count(), 0);
    await wb.screenshot('explorer-6-endpoint-answers');
  });
});
