/**
 * The topology panel's "Observed connections" layer in the real workbench against the real engine: two containers
 * the test makes on its own network, a busybox `nc` server and a client holding a TCP connection to it. Turning
 * the layer on from the panel's toolbar shows a directed edge from the client to the server with the port (drawn,
 * and listed as text beside the graph); the host reads only while the panel is visible and the layer on (hidden
 * behind an editor, or turned off: no reading arrives). Screenshot: test-results/topology-observed-*.png.
 */
import * as assert from 'node:assert/strict';
import { docker, ncClient, ncServer, removeResources, uniqueName, Workbench } from './harness';
import { eventually, webview } from './topologyWebview';

describe('e2e: the topology panel shows observed connections', function () {
  this.timeout(240_000);
  let wb: Workbench | undefined;
  const net = uniqueName('obs-e2e');
  const server = uniqueName('obs-e2e-srv');
  const client = uniqueName('obs-e2e-cli');
  // Below Linux's ephemeral range (32768-60999): busybox `nc -l` closes its listener once it accepts, so the
  // direction comes from the ports alone, and a server port inside that range could be lower than the client's.
  const port = 20_000 + Math.floor(Math.random() * 12_000);
  let netId = '';
  let serverId = '';
  let clientId = '';

  before(async () => {
    netId = docker('network', 'create', net);
    serverId = ncServer(server, net, port);
    await new Promise((r) => setTimeout(r, 500));
    clientId = ncClient(client, net, server, port);
    wb = await Workbench.open({
      settings: { 'remote.autoForwardPorts': false, 'dockerNetworks.observedConnections.refreshSeconds': 2 },
      viewport: { width: 1500, height: 950 },
    });
  });

  afterEach(async function () {
    await wb?.captureOnFailure(this);
  });

  after(async () => {
    await wb?.close();
    removeResources({ containers: [client, server], networks: [net] });
  });

  const app = () => webview(wb!).locator('#app');
  const data = (name: string) => app().getAttribute(`data-${name}`);
  const toggle = () => webview(wb!).locator('vscode-button[title="Show or hide the observed connections"]');

  it('draws a directed edge from the client to the server with the port when the layer is turned on', async () => {
    await wb!.runCommand('Docker Networks: Show Network Topology');
    await app().waitFor({ timeout: 60_000 });
    await eventually(
      () => data('layout'),
      (v) => v === 'done',
      'the first layout',
    );
    // only our network: its two containers and the layer's edge, readable in the screenshot
    await eventually(
      () =>
        app().evaluate((el, value) => {
          const dd = el.querySelectorAll('vscode-dropdown')[1] as HTMLElement & { value: string };
          dd.value = value;
          dd.dispatchEvent(new Event('change'));
          return el.getAttribute('data-visible');
        }, `n:${netId}`),
      (v) => v === '3',
      'our network and its two containers alone in view',
    );
    assert.equal(await data('observed'), 'off');
    await toggle().click();
    assert.equal(await toggle().getAttribute('aria-pressed'), 'true');
    const line = `${client} → ${server}:${port}, established (1)`;
    const list = webview(wb!).locator('.observed-section li');
    await eventually(
      () => list.allInnerTexts(),
      (items) => items.includes(line),
      `the line "${line}"`,
    );
    const edge = await list.filter({ hasText: line }).getAttribute('data-edge');
    assert.equal(edge, `o:c:${clientId}>c:${serverId}/tcp/${port}/established`, 'directed client -> server');
    assert.ok(Number(await data('observed-edges')) >= 1, 'the edge is drawn (both its ends are in the graph)');
    await webview(wb!).locator('vscode-button[title="Zoom to fit"]').click();
    await new Promise((r) => setTimeout(r, 800));
    await wb!.screenshot('topology-observed-1-on');
  });

  it('reads only while the panel is visible: hidden behind an editor, the host stops polling', async () => {
    const readings = async () => Number((await data('observed-readings')) ?? '0');
    await eventually(readings, (n) => n >= 2, 'the layer polled (every 2 s while visible)');
    const before = await readings();
    await wb!.quickOpen('README.md'); // the editor covers the panel in its group
    await new Promise((r) => setTimeout(r, 12_000)); // six refresh periods
    await wb!.runCommand('Docker Networks: Show Network Topology'); // reveals the panel: one read on the way back
    await app().waitFor({ timeout: 30_000 });
    const after = await readings();
    assert.ok(after - before <= 3, `no polling while hidden: ${after - before} readings over 12 s hidden`);
    await eventually(readings, (n) => n > after, 'polling again once visible');
  });

  it('removes the layer when it is turned off, and the host stops reading', async () => {
    await toggle().click();
    await eventually(
      () => data('observed'),
      (v) => v === 'off',
      'the layer off',
    );
    assert.equal(await data('observed-edges'), '0');
    assert.equal(await webview(wb!).locator('.observed-section').isHidden(), true);
    await new Promise((r) => setTimeout(r, 1_000)); // a reading under way when the layer went off may still land
    const settled = await data('observed-readings');
    await new Promise((r) => setTimeout(r, 6_000)); // three refresh periods
    assert.equal(await data('observed-readings'), settled, 'no reading arrives while the layer is off');
  });
});
