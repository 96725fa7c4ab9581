/**
 * The drill-down from the networks-only graph, in the real bundle behind the real CSP, answered with what the host
 * sends (the host's own graph builders): a double click on a network asks for its containers; the answer shows
 * them under a breadcrumb naming the network; a live change to that network arrives as a patch; Escape (and the
 * "Back to all networks" button) asks for the overview, which comes back with the drawing as it was; Enter and the
 * context menu's "Show Containers" open a network too; the network's removal returns to the overview with a notice.
 * Screenshots: test-results/webview/drill-*.png.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { diffSnapshots } from '../../src/model/diff';
import { buildAggregateGraph } from '../../src/topology/graph/build';
import { DrilledGraph } from '../../src/topology/graph/drill';
import type { WebviewMessage } from '../../src/topology/protocol';
import { shop, shopSnapshot } from '../unit/topology/fakeTopology';
import { closeChecked, launch, openWebview, serve, type Served, type WebviewPage } from './harness';

const SHOTS = 'test-results/webview';

const start = shopSnapshot();
/** The worker joins shop_db while the panel shows it. */
const joined = shopSnapshot([{ network: shop.db, container: shop.worker, ipv4: '10.2.0.4' }]);
const overview = { type: 'graph', graph: buildAggregateGraph(start), layoutKey: 'unix:///test.sock' } as const;

describe('topology webview: drill-down from the networks-only graph', function () {
  this.timeout(90_000);
  let served: Served;
  let browser: Browser;
  let wp: WebviewPage;

  const app = (name: string) => wp.app(name);
  const breadcrumb = () => wp.page.locator('nav.breadcrumb');
  const posted = async (type: WebviewMessage['type']) => (await wp.posted()).filter((m) => m.type === type);
  /**
   * The graph in `mode` is drawn and laid out. Waiting on the layout alone would return at once when the message
   * has not been handled yet and the previous drawing's layout is still "done" (a graph with stored positions
   * does not run the layout again).
   */
  const settled = (mode: 'aggregate' | 'network') =>
    wp.page.waitForFunction(
      (m) => {
        const app = document.getElementById('app');
        return app?.dataset.mode === m && app.dataset.layout === 'done';
      },
      mode,
      { timeout: 20_000 },
    );
  /** Where the last frame drew each node, in page pixels. */
  const nodePositions = async (): Promise<Record<string, { x: number; y: number }>> => {
    await wp.page.waitForFunction(() => window.__lastLabels !== undefined);
    const box = (await wp.page.locator('#graph').boundingBox())!;
    const nodes = await wp.page.evaluate(() => window.__lastLabels!.nodes);
    return Object.fromEntries(Object.entries(nodes).map(([id, p]) => [id, { x: box.x + p.x, y: box.y + p.y }]));
  };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await serve();
    browser = await launch();
    wp = await openWebview(browser, served.origin);
  });
  after(() => closeChecked(wp, browser, served));

  it('a double click on a network shows its containers under a breadcrumb; a change to it arrives live', async () => {
    await wp.send(overview);
    await settled('aggregate');
    assert.equal(await app('mode'), 'aggregate');
    assert.equal(await breadcrumb().isHidden(), true, 'no breadcrumb in the overview');
    const db0 = (await nodePositions())['n:n-db'];
    await wp.page.mouse.dblclick(db0.x, db0.y);
    assert.deepEqual(await wp.waitForPosted((m) => m.type === 'drillDown'), { type: 'drillDown', nodeId: 'n:n-db' });

    const drilled = new DrilledGraph('n-db', start);
    await wp.send({ type: 'graph', graph: drilled.graph, layoutKey: overview.layoutKey, scope: drilled.scope });
    await settled('network');
    assert.equal(await app('mode'), 'network');
    assert.equal(await app('containerNodes'), '2'); // api and pg; not the worker, on no network
    assert.equal(await breadcrumb().isVisible(), true);
    assert.match(await breadcrumb().innerText(), /All networks\s*›\s*shop_db/);
    const labels = (await wp.page.evaluate(() => window.__lastLabels!.placed)).map((l) => l.text);
    assert.ok(labels.includes('shop-api-1') && labels.includes('shop-pg-1'), labels.join(', '));
    await wp.page.screenshot({ path: `${SHOTS}/drill-1-network.png` });

    const patch = drilled.update(diffSnapshots(start, joined), joined)!;
    await wp.send({ type: 'patch', patch });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.containerNodes === '3');
    assert.equal(await app('mode'), 'network', 'still drilled in');
    await wp.page.screenshot({ path: `${SHOTS}/drill-2-live-change.png` });
  });

  it('Escape asks for the overview, which comes back as it was drawn, with the network selected', async () => {
    assert.ok((await nodePositions())['n:n-db'], 'the drilled network is drawn');
    await wp.page.focus('#graph');
    await wp.page.keyboard.press('Escape');
    await wp.waitForPosted((m) => m.type === 'drillUp');
    const saved = () =>
      wp.page.evaluate(
        () => (window.__state as { positions: Record<string, Record<string, [number, number]>> }).positions,
      );
    const positionsBefore = (await saved())[overview.layoutKey];
    await wp.send(overview);
    await settled('aggregate');
    assert.equal(await app('mode'), 'aggregate');
    assert.equal(await breadcrumb().isHidden(), true);
    assert.equal(
      await wp.page.locator('.details h2').innerText(),
      'shop_db [internal] (2)',
      'the network just left is selected',
    );
    const positionsAfter = (await saved())[overview.layoutKey];
    assert.deepEqual(Object.keys(positionsAfter).sort(), Object.keys(positionsBefore).sort());
    // the same drawing (no new layout): positions are kept to 0.01 units, Fit's packing may move one by that much
    for (const [id, [x, y]] of Object.entries(positionsAfter)) {
      const [x0, y0] = positionsBefore[id];
      assert.ok(Math.hypot(x - x0, y - y0) < 0.1, `${id} stayed where it was: ${[x0, y0]} -> ${[x, y]}`);
    }
    await wp.page.screenshot({ path: `${SHOTS}/drill-3-back.png` });
  });

  it('Enter on a selected network and the context menu entry open it; the Back button returns', async () => {
    await wp.send({ type: 'focus', nodeId: 'n:n-web' });
    await wp.page.waitForFunction(() => document.querySelector('.details h2')?.textContent === 'shop_web (1)');
    await wp.page.focus('#graph');
    await wp.page.keyboard.press('Enter');
    await wp.page.waitForFunction(
      () => window.__posted.filter((m) => (m as { type: string }).type === 'drillDown').length === 2,
    );
    assert.deepEqual((await posted('drillDown')).at(-1), { type: 'drillDown', nodeId: 'n:n-web' });
    const drilled = new DrilledGraph('n-web', start);
    await wp.send({ type: 'graph', graph: drilled.graph, layoutKey: overview.layoutKey, scope: drilled.scope });
    await settled('network');
    assert.match(await breadcrumb().innerText(), /shop_web/);
    await wp.page.locator('nav.breadcrumb vscode-button[data-action=drillUp]').click();
    await wp.page.waitForFunction(
      () => window.__posted.filter((m) => (m as { type: string }).type === 'drillUp').length === 2,
    );
    await wp.send(overview);
    await settled('aggregate');

    await wp.send({ type: 'focus', nodeId: 'n:n-spare' });
    await wp.page.waitForFunction(() => document.querySelector('.details h2')?.textContent === 'spare (0)');
    await wp.page.focus('#graph');
    await wp.page.keyboard.press('Shift+F10');
    const items = await wp.page.$$eval('.context-menu [role=menuitem]', (b) => b.map((x) => x.textContent));
    assert.deepEqual(items, ['Show Containers', 'Connect to...', 'Inspect', 'Reveal in the Tree']);
    await wp.page.screenshot({ path: `${SHOTS}/drill-4-context-menu.png` });
    await wp.page.click('.context-menu [data-action=drillDown]');
    await wp.page.waitForFunction(
      () => window.__posted.filter((m) => (m as { type: string }).type === 'drillDown').length === 3,
    );
    assert.deepEqual((await posted('drillDown')).at(-1), { type: 'drillDown', nodeId: 'n:n-spare' });
  });

  it("the network's removal returns to the overview with the host's notice", async () => {
    const drilled = new DrilledGraph('n-spare', start);
    await wp.send({ type: 'graph', graph: drilled.graph, layoutKey: overview.layoutKey, scope: drilled.scope });
    await settled('network');
    assert.equal(await app('nodes'), '1', 'a network without endpoints is drawn alone');
    const notice = 'The network spare was removed; showing all networks again.';
    const without = shopSnapshot([], [shop.web, shop.db]);
    await wp.send({ ...overview, graph: buildAggregateGraph(without), notice });
    await settled('aggregate');
    assert.equal(await breadcrumb().isHidden(), true);
    assert.equal(await wp.page.locator('.notice').innerText(), notice);
    assert.equal(await app('mode'), 'aggregate');
    assert.equal(await app('networkNodes'), '2');
    await wp.page.screenshot({ path: `${SHOTS}/drill-5-network-removed.png` });
  });
});
