/**
 * The topology panel in the real workbench (code-server + Chromium) against the real engine:
 * 1. the panel opens from the command palette and draws as many networks and containers as the engine holds;
 * 2. a `docker network connect` from outside adds the edge without a reload (the graph is live);
 * 3. a right-click where the panel drew the container (and Shift+F10) opens the container's menu (it was drawn
 *    under its network's square); Disconnect: the explorer's command runs, the engine drops the endpoint, and the
 *    graph follows.
 * 4. after a window reload the panel is back (WebviewPanelSerializer) and live.
 * Screenshots: test-results/topology-*.png.
 */
import * as assert from 'node:assert/strict';
import { docker, testImage, uniqueName, Workbench } from './harness';
import { collectCspMessages, removeResources } from './suiteHelpers';
import { eventually, webview } from './topologyWebview';

describe('e2e: the topology panel', function () {
  this.timeout(240_000);
  let wb: Workbench | undefined;
  const net = uniqueName('topology');
  const net2 = uniqueName('topology');
  const container = uniqueName('topology');
  const payload = '<img src=x onerror=alert(1)>';
  let net2Id = '';
  /** Console messages about the Content-Security-Policy, from every frame (the webview's included). */
  let cspMessages: string[] = [];

  before(async () => {
    docker('network', 'create', '--label', `note=${payload}`, net);
    net2Id = docker('network', 'create', net2);
    docker(
      'run',
      '-d',
      '--name',
      container,
      '--label',
      `html=${payload}`,
      '--network',
      net,
      testImage,
      'sleep',
      '100000',
    );
    wb = await Workbench.open({
      settings: { 'remote.autoForwardPorts': false },
      viewport: { width: 1500, height: 950 },
    });
    cspMessages = collectCspMessages(wb.page);
  });

  afterEach(async function () {
    await wb?.captureOnFailure(this);
  });

  after(async () => {
    await wb?.close();
    removeResources([
      ['rm', '-f', container],
      ['network', 'rm', net],
      ['network', 'rm', net2],
    ]);
  });

  const app = () => webview(wb!).locator('#app');
  const data = (name: string) => app().getAttribute(`data-${name}`);
  const filterByNetwork = async (id: string) =>
    app().evaluate((el, value) => {
      const dd = el.querySelectorAll('vscode-dropdown')[1] as HTMLElement & { value: string };
      dd.value = value;
      dd.dispatchEvent(new Event('change'));
    }, id);

  it('opens from the palette and draws as many networks and containers as the engine holds', async () => {
    await wb!.runCommand('Docker Networks: Show Network Topology');
    await app().waitFor({ timeout: 60_000 });
    await eventually(
      () => data('layout'),
      (v) => v === 'done',
      'the first layout',
    );
    // other work shares this engine: compare until both sides agree (the panel follows the engine live)
    const counts = async () => ({
      panel: [await data('network-nodes'), await data('container-nodes')].map(Number),
      engine: [
        docker('network', 'ls', '-q').split('\n').filter(Boolean).length,
        docker('ps', '-aq').split('\n').filter(Boolean).length,
      ],
    });
    await eventually(
      counts,
      (c) => c.panel[0] === c.engine[0] && c.panel[1] === c.engine[1],
      'the panel to match the engine',
    );
    const errors = await wb!.notifications();
    assert.deepEqual(
      errors.filter((e) => /topology/i.test(e)),
      [],
    );
    assert.deepEqual(cspMessages, [], 'no CSP violation in the real webview (toolkit, worker, styles)');
    await wb!.screenshot('topology-1-open');
  });

  it('adds the edge of a `docker network connect` from outside without a reload', async () => {
    await filterByNetwork(`n:${net2Id}`);
    await eventually(
      () => data('visible'),
      (v) => v === '1',
      'only the empty network visible',
    );
    const patchesBefore = Number((await data('patches')) ?? '0');
    docker('network', 'connect', net2, container);
    await eventually(
      () => data('visible'),
      (v) => v === '2',
      'the connected container to appear on the network',
    );
    assert.ok(Number(await data('patches')) > patchesBefore, 'it came as a patch, not a reload');
    await wb!.screenshot('topology-2-connected-graph'); // the view takes in the container, drawn clear of the network
    // the list view names it, as text
    await webview(wb!).locator('vscode-button[title="Switch between the graph and the list view"]').click();
    const names = await webview(wb!).locator('.list tbody th[scope="row"]').allInnerTexts();
    assert.deepEqual(names.sort(), [container, net2].sort());
    await wb!.screenshot('topology-2-connected-from-outside');
    await webview(wb!).locator('vscode-button[title="Switch between the graph and the list view"]').click();
  });

  it("a right-click on the container where the panel drew it opens the container's menu (so does Shift+F10), and its Disconnect makes the engine drop the endpoint", async () => {
    // The container came into the filtered view by a patch: the panel draws it clear of the network's square (it
    // was drawn under it, and a right-click there opened the network's menu). Enter centres the selection, so the
    // pointer goes to the canvas centre once the panel says the camera stands on the container.
    const toggle = webview(wb!).locator('vscode-button[title="Switch between the graph and the list view"]');
    const graph = webview(wb!).locator('#graph');
    const menu = webview(wb!).locator('.context-menu');
    const item = webview(wb!).locator('.context-menu [data-action=disconnect]');
    const menuTitle = async () => (await menu.innerText()).split('\n')[0]?.trim();
    await toggle.click();
    await webview(wb!).locator('.list button[data-node^="c:"]', { hasText: container }).click();
    await toggle.click();
    await webview(wb!).locator('.details h2', { hasText: container }).waitFor();
    await eventually(
      () => data('layout'),
      (v) => v !== 'running',
      'the layout to settle',
    );
    const containerId = docker('inspect', '-f', '{{.Id}}', container);
    await graph.press('Enter');
    await webview(wb!).locator(`#graph[data-centred="c:${containerId}"]`).waitFor({ timeout: 10_000 });
    // the keyboard's way first: Shift+F10 opens the selection's menu
    await graph.press('Shift+F10');
    await item.waitFor({ timeout: 10_000 });
    assert.equal(await menuTitle(), container, "Shift+F10: the menu is the container's");
    await wb!.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    await webview(wb!).locator(`#graph[data-centred="c:${containerId}"]`).waitFor({ timeout: 10_000 });
    const box = await graph.boundingBox();
    assert.ok(box);
    await wb!.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    await menu.waitFor({ timeout: 10_000 });
    assert.equal(await menuTitle(), container, "right-click where the container is drawn: the menu is the container's");
    await wb!.screenshot('topology-3-context-menu');
    await item.click();
    // two endpoints: the panel asks which; pick the second network
    const input = wb!.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(net2);
    await wb!.page.locator('.quick-input-widget .monaco-list-row', { hasText: net2 }).first().click(); // ticks its box
    await input.press('Enter');
    await eventually(
      async () => docker('inspect', '-f', '{{json .NetworkSettings.Networks}}', container),
      (v) => !v.includes(net2) && v.includes(net),
      'the engine to drop the endpoint',
    );
    await eventually(
      () => data('visible'),
      (v) => v === '1',
      'the graph to drop the edge',
    );
    await wb!.screenshot('topology-4-disconnected');
  });

  it('comes back after a window reload (the serializer restores the panel)', async () => {
    await wb!.page.reload();
    await wb!.waitForWorkbench();
    await app().waitFor({ timeout: 60_000 });
    // the restored panel is live again: it draws what the engine holds, our network included
    await eventually(
      async () => ({
        panel: Number(await data('network-nodes')),
        engine: docker('network', 'ls', '-q').split('\n').filter(Boolean).length,
      }),
      (c) => c.panel === c.engine,
      'the restored panel to match the engine',
    );
    assert.equal(
      await webview(wb!).locator('vscode-dropdown').nth(1).locator('vscode-option', { hasText: net2 }).count(),
      1,
    );
    await wb!.screenshot('topology-5-restored-after-reload');
  });
});
