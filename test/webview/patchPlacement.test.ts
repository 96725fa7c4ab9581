/**
 * A container a patch brings into a filtered view, in the real bundle: the e2e's steps (the view filtered to an
 * empty network, then `docker network connect` from outside) on a drawing kept from an earlier session in which the
 * container was the top-left node of its part. Filtering packed the shown network into that same corner, and the
 * patch showed the container where it was: under the network's square, so a right-click there opened the network's
 * menu (the CI failure of the topology e2e). Now the container is drawn clear of the square, the view takes it in,
 * and a right-click where it is drawn opens its own menu; the whole drawing afterwards has no node on another.
 * Screenshot: test-results/webview/patch-placement.png.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { buildFullGraph } from '../../src/topology/graph/build';
import { diffGraphs } from '../../src/topology/graph/diff';
import { container, network, snapshotOf } from '../unit/topology/fakeTopology';
import { closeChecked, launch, openWebview, serve, type Served, type WebviewPage } from './harness';

const SHOTS = 'test-results/webview';
type Drawn = Record<string, { x: number; y: number; r: number }>;

/** Drawn apart: centres farther than both shapes reach (a square's corner reaches √2 times its half side). */
const apart = (a: { x: number; y: number; r: number }, b: { x: number; y: number; r: number }): boolean =>
  Math.hypot(a.x - b.x, a.y - b.y) > Math.SQRT2 * (a.r + b.r);

describe('topology webview: a node a patch brings into a filtered view', function () {
  this.timeout(90_000);
  let served: Served;
  let browser: Browser;
  let wp: WebviewPage;
  const builtIn = ['bridge', 'host', 'none'].map((n) => network(`n-${n}`, n, { driver: n === 'none' ? 'null' : n }));
  const first = network('n-1', 'dne-topology-first');
  const second = network('n-2', 'dne-topology-second');
  const app = container('c-1', 'dne-topology-app');
  const networks = [...builtIn, first, second];
  const unconnected = snapshotOf(networks, [app], [{ network: first, container: app, ipv4: '10.1.0.2' }]);
  const connected = snapshotOf(
    networks,
    [app],
    [
      { network: first, container: app, ipv4: '10.1.0.2' },
      { network: second, container: app, ipv4: '10.2.0.2' },
    ],
  );
  // the drawing of an earlier session: the container on top of its network, so it is its part's top-left node
  const stored = {
    'c:c-1': [0, 0],
    'n:n-1': [0, -20],
    'n:n-bridge': [40, -40],
    'n:n-host': [60, -40],
    'n:n-none': [80, -40],
    'n:n-2': [100, -40],
  };
  const state = {
    filters: { text: '', driver: '', network: '', project: '' },
    listView: false,
    selected: null,
    positions: { engine: stored },
  };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await serve();
    browser = await launch();
    wp = await openWebview(browser, served.origin, { width: 1100, height: 700 }, state);
  });
  after(() => closeChecked(wp, browser, served));

  const filterByNetwork = (value: string): Promise<void> =>
    wp.page.evaluate((v) => {
      const dd = document.querySelectorAll('vscode-dropdown')[1] as HTMLElement & { value: string };
      dd.value = v;
      dd.dispatchEvent(new Event('change'));
    }, value);
  /** The drawn nodes once these ids are all drawn and the camera has stopped (two frames 400 ms apart agree). */
  const settled = async (ids: string[]): Promise<Drawn> => {
    for (let last = ''; ;) {
      await wp.page.waitForFunction((want) => want.every((id) => window.__lastLabels?.nodes[id]), ids);
      await wp.page.waitForTimeout(400);
      const now = await wp.page.evaluate(() => window.__lastLabels!.nodes);
      const key = JSON.stringify(ids.map((id) => now[id]));
      if (key === last) return now;
      last = key;
    }
  };

  it('draws the container clear of the network shown, and a right-click there opens its own menu', async () => {
    await wp.send({ type: 'graph', graph: buildFullGraph(unconnected), layoutKey: 'engine' });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.layout === 'done');
    await filterByNetwork('n:n-2');
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.visible === '1');
    await wp.send({ type: 'patch', patch: diffGraphs(buildFullGraph(unconnected), buildFullGraph(connected)) });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.visible === '2');
    const drawn = await settled(['c:c-1', 'n:n-2']);
    const [c, n] = [drawn['c:c-1']!, drawn['n:n-2']!];
    assert.ok(apart(c, n), `the container (${JSON.stringify(c)}) is drawn clear of its network (${JSON.stringify(n)})`);
    const box = (await wp.page.locator('#graph').boundingBox())!;
    await wp.page.mouse.click(box.x + c.x, box.y + c.y, { button: 'right' });
    await wp.page.locator('.context-menu [data-action=disconnect]').waitFor();
    await wp.page.screenshot({ path: `${SHOTS}/patch-placement.png` });
    const title = (await wp.page.locator('.context-menu').innerText()).split('\n')[0]?.trim();
    assert.equal(title, 'dne-topology-app', "the menu is the container's, not the network's");
    await wp.page.keyboard.press('Escape');
  });

  it('after the filter is cleared, no node of the drawing lies on another', async () => {
    await filterByNetwork('');
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.visible === '6');
    const ids = Object.keys(stored);
    const drawn = await settled(ids);
    for (const [i, a] of ids.entries())
      for (const b of ids.slice(i + 1))
        assert.ok(apart(drawn[a]!, drawn[b]!), `${a} ${JSON.stringify(drawn[a])} and ${b} ${JSON.stringify(drawn[b])}`);
  });
});
