/**
 * The context menu by pointer, in the real bundle: a container connected to a second network while the view is
 * filtered to that network is drawn apart from it, and a right-click where the panel drew the container opens the
 * container's menu (not the network's), whose Disconnect asks the host to run the explorer command.
 * Screenshot: test-results/webview/pointer-menu.png.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { buildFullGraph } from '../../src/topology/graph/build';
import { diffGraphs } from '../../src/topology/graph/diff';
import { container, network, snapshotOf } from '../unit/topology/fakeTopology';
import { closeChecked, launch, openWebview, serve, type Served, type WebviewPage } from './harness';

const SHOTS = 'test-results/webview';

describe('topology webview: the context menu by pointer', function () {
  this.timeout(90_000);
  let served: Served;
  let browser: Browser;
  let wp: WebviewPage;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await serve();
    browser = await launch();
    wp = await openWebview(browser, served.origin, { width: 1100, height: 700 });
  });
  after(() => closeChecked(wp, browser, served));

  it('a right-click on the container connected meanwhile opens its own menu, and Disconnect asks the host', async () => {
    const bridge = network('n-bridge', 'bridge');
    const first = network('n-1', 'app_first');
    const second = network('n-2', 'app_second');
    const app = container('c-1', 'app-1');
    const before = snapshotOf([bridge, first, second], [app], [{ network: first, container: app, ipv4: '10.1.0.2' }]);
    const after = snapshotOf(
      [bridge, first, second],
      [app],
      [
        { network: first, container: app, ipv4: '10.1.0.2' },
        { network: second, container: app, ipv4: '10.2.0.2' },
      ],
    );
    await wp.send({ type: 'graph', graph: buildFullGraph(before) });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.layout === 'done', null, {
      timeout: 30_000,
    });
    await wp.page.evaluate(() => {
      const dd = document.querySelectorAll('vscode-dropdown')[1] as HTMLElement & { value: string };
      dd.value = 'n:n-2';
      dd.dispatchEvent(new Event('change'));
    });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.visible === '1');
    await wp.send({ type: 'patch', patch: diffGraphs(buildFullGraph(before), buildFullGraph(after)) });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.visible === '2');
    await wp.page.locator('#graph').focus();
    await wp.page.keyboard.press('f'); // Fit, as the user would after the change
    await wp.page.waitForFunction(() => {
      const n = window.__lastLabels?.nodes;
      return !!n?.['c:c-1'] && !!n['n:n-2'];
    });
    const nodes = await wp.page.evaluate(() => window.__lastLabels!.nodes);
    const [c, n] = [nodes['c:c-1']!, nodes['n:n-2']!];
    assert.ok(Math.hypot(c.x - n.x, c.y - n.y) > 20, `the container is drawn apart from its network: ${c.x},${c.y}`);
    const box = (await wp.page.locator('#graph').boundingBox())!;
    await wp.page.mouse.click(box.x + c.x, box.y + c.y, { button: 'right' });
    const items = await wp.page
      .locator('.context-menu [role=menuitem]')
      .allTextContents()
      .then((t) => t.map((s) => s.trim()));
    assert.deepEqual(items, ['Connect to...', 'Disconnect', 'Check Connectivity...']);
    await wp.page.screenshot({ path: `${SHOTS}/pointer-menu.png` });
    await wp.page.click('.context-menu [data-action=disconnect]');
    assert.deepEqual(await wp.waitForPosted((m) => m.type === 'action'), {
      type: 'action',
      action: 'disconnect',
      targetId: 'c:c-1',
    });
  });
});
