/**
 * The Networks view in the real workbench (code-server + Chromium) against the real engine:
 * 1. a network and container this test creates show up, with the container's endpoint and IP;
 * 2. after `docker network connect` from outside, the new endpoint appears without a manual refresh;
 * 3. LAST: with the engine stopped, the welcome view says why; after the restart the view recovers by itself.
 * Screenshots of each state go to test-results/explorer-*.png.
 * Step 3 stops the shared engine (the dockerd of /var/run/docker.pid, see ./sharedEngine.ts) for everyone on this
 * machine, and no other dockerd: the after hook always starts it again.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { docker, testImage, uniqueName, Workbench } from './harness';
import { stopSharedEngine } from './sharedEngine';
import { repoRoot } from '../../scripts/lib/codeServer.mjs';

function engineAnswers(): boolean {
  return spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function startEngine(): void {
  execFileSync('bash', [join(repoRoot, 'scripts', 'start-engine.sh')], { stdio: 'inherit', timeout: 120_000 });
}

describe('e2e: the Networks view', function () {
  this.timeout(240_000);
  let wb: Workbench | undefined;
  let networks: Locator;
  const net = uniqueName('explorer');
  const net2 = uniqueName('explorer');
  const container = uniqueName('explorer');
  const hostile = `${uniqueName('explorer')}-<img src=x onerror=alert(1)>**bold**`;
  const third = 1 + Math.floor(Math.random() * 250);
  const subnet = `10.235.${third}.0/24`;
  const ip = `10.235.${third}.7`;
  const subnet2 = `10.236.${third}.0/24`;
  const ip2 = `10.236.${third}.9`;

  before(async () => {
    docker('network', 'create', '--subnet', subnet, net);
    docker('network', 'create', '--subnet', subnet2, net2);
    docker('network', 'create', '--label', 'note=[link](command:workbench.action.quit)', hostile);
    docker('run', '-d', '--name', container, '--network', net, '--ip', ip, testImage, 'sleep', '100000');
    // Built-in networks hidden and a tall window: other suites' networks must not push ours out of view.
    wb = await Workbench.open({
      settings: {
        'dockerNetworks.showBuiltInNetworks': false,
        'git.openRepositoryInParentFolders': 'never',
        'remote.autoForwardPorts': false,
      },
      viewport: { width: 1400, height: 1400 },
    });
    await wb.openView();
    await wb.widenSideBar(560);
    networks = await wb.viewPane('Networks');
    // The Containers pane collapsed: the Networks view gets the height when other suites' networks are listed too.
    const containersHeader = (await wb.viewPane('Containers')).locator('.pane-header');
    await containersHeader.click();
    await wb.page.waitForFunction(
      () => document.querySelector('#workbench\\.parts\\.sidebar .pane-header[aria-expanded="false"]') !== null,
    );
  });

  after(async () => {
    if (!engineAnswers()) startEngine();
    await wb?.close();
    for (const args of [
      ['rm', '-f', container],
      ['network', 'rm', net],
      ['network', 'rm', net2],
      ['network', 'rm', hostile],
    ]) {
      try {
        docker(...args);
      } catch (err) {
        console.error(`e2e clean-up: ${(err as Error).message}`);
      }
    }
  });

  it('shows the network with its container endpoint and IP', async () => {
    assert.ok(wb);
    const row = wb.treeItem(net, networks);
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /bridge · local/);
    await wb.expand(row);
    const endpoint = wb.treeItem(container, networks);
    await endpoint.waitFor();
    assert.match(await endpoint.innerText(), new RegExp(`${container}\\s*${ip.replace(/\./g, '\\.')}`));
    const status = wb.page.locator('.statusbar-item', { hasText: 'unix:///var/run/docker.sock' });
    assert.match(
      await status.first().innerText(),
      /unix:\/\/\/var\/run\/docker\.sock · \d+\.\d+/,
      'status bar: endpoint and engine version',
    );
    await wb.screenshot('explorer-1-network-with-endpoint');
  });

  it('shows an endpoint connected from outside without a manual refresh', async () => {
    assert.ok(wb);
    const row = wb.treeItem(net2, networks);
    await row.waitFor();
    await wb.expand(row);
    const endpointRows = networks.locator('.monaco-list-row', {
      has: wb.page.locator('.label-name', { hasText: container }),
    });
    assert.equal(await endpointRows.count(), 1, 'before: the container is only under the first network');
    docker('network', 'connect', '--ip', ip2, net2, container);
    const connected = networks.locator('.monaco-list-row', {
      has: wb.page.locator('.label-description', { hasText: ip2 }),
    });
    await connected.waitFor({ timeout: 15_000 });
    assert.match(await connected.innerText(), new RegExp(container));
    assert.equal(await endpointRows.count(), 2);
    await wb.screenshot('explorer-2-connected-from-outside');
  });

  it('shows a hostile network name as text in the row and in its tooltip', async () => {
    assert.ok(wb);
    const row = wb.treeItem('<img src=x onerror=alert(1)>', networks);
    await row.waitFor();
    assert.ok((await row.innerText()).includes(hostile), 'the row shows the name as typed');
    const hover = wb.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'onerror' }).first();
    // Other suites' networks coming and going re-render the tree and dismiss a hover: hover again then.
    for (let attempt = 1; ; attempt++) {
      await wb.page.mouse.move(900, 700);
      await row.hover();
      try {
        await hover.waitFor({ timeout: 5_000 });
        break;
      } catch (err) {
        if (attempt === 4) throw err;
      }
    }
    await wb.screenshot('explorer-2b-hostile-name-tooltip');
    const text = await hover.innerText();
    assert.ok(text.includes('<img src=x onerror=alert(1)>**bold**'), `tooltip text: ${text}`);
    assert.equal(await hover.locator('img').count(), 0, 'no <img> element in the tooltip');
    assert.equal(await hover.locator('strong', { hasText: /^bold$/ }).count(), 0, 'no emphasis from the name');
    await wb.page.mouse.move(900, 700);
  });

  it('explains in the welcome view why when the engine stops, and recovers by itself after the restart', async () => {
    assert.ok(wb);
    stopSharedEngine();
    await until(() => !engineAnswers(), 'the engine to stop', 60_000);
    const welcome = networks.locator('.welcome-view-content');
    await welcome.waitFor({ timeout: 60_000 });
    const text = await welcome.innerText();
    assert.match(text, /Cannot reach the Docker engine/);
    assert.match(text, /Retry/);
    assert.match(text, /Configure the Engine Endpoint/);
    assert.match(await networks.locator('.pane-header').innerText(), /unix:\/\/\/var\/run\/docker\.sock/);
    await wb.screenshot('explorer-3-engine-stopped');

    const containersMessage = (await wb.viewPane('Containers')).locator('.message:not(.hide)');
    assert.match(
      await containersMessage.innerText(),
      /Cannot connect to the Docker engine at unix:\/\/\/var\/run\/docker\.sock/,
    );

    startEngine();
    await wb.treeItem(net, networks).waitFor({ timeout: 90_000 });
    assert.equal(await welcome.count(), 0, 'the welcome view is gone');
    await containersMessage.waitFor({ state: 'hidden', timeout: 10_000 });
    await wb.screenshot('explorer-4-recovered');
  });
});
