import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { buildFullGraph } from '../../src/topology/graph/build';
import { diffGraphs } from '../../src/topology/graph/diff';
import { network, container, sampleTopology, snapshotOf } from '../unit/topology/fakeTopology';
import { launch, openWebview, serve, violations, type Served, type WebviewPage } from './harness';

const SHOTS = 'test-results/webview';

describe('topology webview in headless Chromium', function () {
  this.timeout(60_000);
  let served: Served;
  let browser: Browser;
  let wp: WebviewPage;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await serve();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });
  beforeEach(async () => {
    wp = await openWebview(browser, served.origin);
  });
  afterEach(async () => {
    assert.deepEqual(await violations(wp), [], 'no CSP violation of any kind');
    assert.deepEqual(wp.problems, [], 'no page errors');
    await wp.page.close();
  });

  it('renders every node and edge of the graph it is sent, with the toolkit toolbar', async () => {
    const g = buildFullGraph(sampleTopology());
    await wp.send({ type: 'graph', graph: g });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.layout === 'done', null, {
      timeout: 15_000,
    });
    assert.equal(await wp.app('nodes'), String(g.nodes.length));
    assert.equal(await wp.app('edges'), String(g.edges.length));
    // toolkit controls are upgraded custom elements with shadow roots
    const upgraded = await wp.page.evaluate(
      () =>
        !!document.querySelector('vscode-button')?.shadowRoot &&
        !!document.querySelector('vscode-dropdown')?.shadowRoot,
    );
    assert.ok(upgraded, 'toolkit elements registered');
    // WebGL drew something: the nodes canvas is not blank
    const painted = await wp.page.evaluate(() => {
      const c = document.querySelector('canvas.sigma-nodes') as HTMLCanvasElement | null;
      return c ? c.width > 0 && c.height > 0 : false;
    });
    assert.ok(painted);
    await wp.page.screenshot({ path: `${SHOTS}/render.png` });
  });

  it('filters by network, driver, project and search text', async () => {
    await wp.send({ type: 'graph', graph: buildFullGraph(sampleTopology()) });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.nodes !== undefined);
    const visibleAfter = async (fn: () => Promise<void>): Promise<number> => {
      await fn();
      return Number(await wp.app('visible'));
    };
    // network shop_back: the network, its two containers and web's two published ports
    const backOnly = await visibleAfter(() =>
      wp.page.evaluate(() => {
        const dd = document.querySelectorAll('vscode-dropdown')[1] as HTMLElement & { value: string };
        dd.value = 'n:n-back';
        dd.dispatchEvent(new Event('change'));
      }),
    );
    assert.equal(backOnly, 5);
    await wp.page.evaluate(() => {
      const dd = document.querySelectorAll('vscode-dropdown')[1] as HTMLElement & { value: string };
      dd.value = '';
      dd.dispatchEvent(new Event('change'));
    });
    assert.equal(Number(await wp.app('visible')), 10);
    // project shop: its two networks, two containers and web's two ports
    const shop = await visibleAfter(() =>
      wp.page.evaluate(() => {
        const dd = document.querySelectorAll('vscode-dropdown')[2] as HTMLElement & { value: string };
        dd.value = 'shop';
        dd.dispatchEvent(new Event('change'));
      }),
    );
    assert.equal(shop, 6);
    // driver host on top of project shop: nothing is both
    const none = await visibleAfter(() =>
      wp.page.evaluate(() => {
        const dd = document.querySelectorAll('vscode-dropdown')[0] as HTMLElement & { value: string };
        dd.value = 'host';
        dd.dispatchEvent(new Event('change'));
      }),
    );
    assert.equal(none, 0);
    await wp.page.evaluate(() => {
      for (const dd of Array.from(document.querySelectorAll('vscode-dropdown')) as Array<
        HTMLElement & { value: string }
      >) {
        dd.value = '';
        dd.dispatchEvent(new Event('change'));
      }
    });
    await wp.page
      .locator('vscode-text-field input')
      .first()
      .fill('toolbox')
      .catch(async () => {
        await wp.page.evaluate(() => {
          const f = document.querySelector('vscode-text-field') as HTMLElement & { value: string };
          f.value = 'toolbox';
          f.dispatchEvent(new Event('input'));
        });
      });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.visible === '2'); // toolbox + bridge
    // the list view shows exactly the visible nodes, as a table with headers
    await wp.page.keyboard.press('Tab');
    await wp.page.click('vscode-button[title="Switch between the graph and the list view"]');
    const rows = await wp.page.$$eval('.list tbody th[scope="row"]', (ths) => ths.map((t) => t.textContent));
    assert.deepEqual(rows.sort(), ['bridge', 'toolbox']);
    assert.equal(await wp.page.$$eval('.list thead th[scope="col"]', (t) => t.length), 5);
  });

  it('selecting a node shows its details; the context menu runs the explorer actions', async () => {
    await wp.send({ type: 'graph', graph: buildFullGraph(sampleTopology()) });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.layout === 'done', null, {
      timeout: 15_000,
    });
    await wp.send({ type: 'focus', nodeId: 'c:c-web' });
    await wp.page.waitForFunction(() => document.querySelector('.details h2')?.textContent === 'shop-web-1');
    const dd = await wp.page.$$eval('.details dt', (d) => d.map((x) => x.textContent));
    assert.ok(dd.includes('On shop_front') && dd.includes('Port'));
    const sel = await wp.waitForPosted((m) => m.type === 'selection' && m.nodeId === 'c:c-web');
    assert.ok(sel);
    // keyboard: Shift+F10 opens the menu of the selection; choose Disconnect
    await wp.page.focus('#graph');
    await wp.page.keyboard.press('Shift+F10');
    const items = await wp.page.$$eval('.context-menu [role=menuitem]', (b) => b.map((x) => x.textContent));
    assert.deepEqual(items, ['Connect to...', 'Disconnect', 'Check Connectivity...']);
    await wp.page.click('.context-menu [data-action=disconnect]');
    const action = await wp.waitForPosted((m) => m.type === 'action');
    assert.deepEqual(action, { type: 'action', action: 'disconnect', targetId: 'c:c-web' });
    // arrow keys move the selection to another node
    await wp.page.focus('#graph');
    for (const k of ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown']) await wp.page.keyboard.press(k);
    const selections = (await wp.posted())
      .filter((m) => m.type === 'selection')
      .map((m) => (m as { nodeId: string | null }).nodeId);
    assert.ok(new Set(selections).size >= 2, `keyboard moved the selection: ${selections.join(',')}`);
    await wp.page.screenshot({ path: `${SHOTS}/selected.png` });
  });

  it('applies a patch touching only its nodes: others keep their positions', async () => {
    const before = sampleTopology();
    await wp.send({ type: 'graph', graph: buildFullGraph(before) });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.layout === 'done', null, {
      timeout: 15_000,
    });
    const positions = async (requestId: number): Promise<Map<string, string>> => {
      await wp.send({ type: 'exportRequest', requestId, format: 'svg' });
      const r = (await wp.waitForPosted((m) => m.type === 'exportResult' && m.requestId === requestId)) as {
        data: string;
      };
      const list = await wp.page.evaluate(
        (svg) =>
          Array.from(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelectorAll('[data-node]')).map((e) => [
            e.getAttribute('data-node')!,
            `${e.getAttribute('data-gx')},${e.getAttribute('data-gy')}`,
          ]),
        r.data,
      );
      return new Map(list as Array<[string, string]>);
    };
    const was = await positions(1);
    const n = network('n-new', 'late-net');
    const c = container('c-new', 'late-app');
    const all = [...before.endpoints.values()].map((e) => ({
      network: before.networks.get(e.networkId)!,
      container: before.containers.get(e.containerId)!,
      ipv4: e.ipv4,
      mac: e.mac,
      aliases: [...e.aliases],
    }));
    const after = snapshotOf(
      [...before.networks.values(), n],
      [...before.containers.values(), c],
      [...all, { network: n, container: c, ipv4: '10.1.0.2' }],
    );
    const patch = diffGraphs(buildFullGraph(before), buildFullGraph(after));
    await wp.send({ type: 'patch', patch });
    await wp.page.waitForFunction(() => window.__probeEvents.some((e) => e.name === 'patch'));
    assert.equal(await wp.app('nodes'), String(buildFullGraph(after).nodes.length));
    assert.equal(await wp.app('layout'), 'done', 'no global re-layout for a patch');
    const now = await positions(2);
    assert.equal(now.size, was.size + 2);
    for (const [id, pos] of was) assert.equal(now.get(id), pos, `${id} kept its position`);
    // the new container sits beside its new network: not under it (at least as far from it as the two closest
    // nodes drawn before lie from each other), and near it (within half the drawing's width)
    const xy = (v: string): [number, number] => v.split(',').map(Number) as [number, number];
    const [cx, cy] = xy(now.get('c:c-new')!);
    const [nx, ny] = xy(now.get('n:n-new')!);
    const old = [...was.values()].map(xy);
    const closest = Math.min(...old.flatMap(([x, y], i) => old.slice(i + 1).map(([u, v]) => Math.hypot(x - u, y - v))));
    const width = Math.max(...old.map(([x]) => x)) - Math.min(...old.map(([x]) => x));
    const apart = Math.hypot(cx - nx, cy - ny);
    assert.ok(apart >= closest && apart <= width / 2, `beside its network: ${apart} (closest pair ${closest})`);
  });

  it('exports a valid SVG of the view and a PNG', async () => {
    await wp.send({ type: 'graph', graph: buildFullGraph(sampleTopology()) });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.layout === 'done', null, {
      timeout: 15_000,
    });
    await wp.send({ type: 'exportRequest', requestId: 7, format: 'svg' });
    const res = (await wp.waitForPosted((m) => m.type === 'exportResult' && m.requestId === 7)) as { data: string };
    const parsed = await wp.page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return {
        error: !!doc.querySelector('parsererror'),
        root: doc.documentElement.nodeName,
        nodes: doc.querySelectorAll('[data-node]').length,
        texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent),
      };
    }, res.data);
    assert.equal(parsed.error, false);
    assert.equal(parsed.root, 'svg');
    assert.equal(parsed.nodes, buildFullGraph(sampleTopology()).nodes.length);
    assert.ok(parsed.texts.includes('shop-web-1') && parsed.texts.includes('172.20.0.2'));
    await wp.send({ type: 'exportRequest', requestId: 8, format: 'png' });
    const png = (await wp.waitForPosted((m) => m.type === 'exportResult' && m.requestId === 8)) as { data: string };
    assert.match(png.data, /^data:image\/png;base64,/);
    assert.ok(Buffer.from(png.data.split(',')[1], 'base64').subarray(1, 4).toString() === 'PNG');
  });

  it('shows hostile engine strings as text: nothing executes, nothing is parsed as markup', async () => {
    const payload = '<img src=x onerror=alert(1)><script>window.__pwned=1</script>';
    const n = network('n-evil', 'evilnet', { labels: { note: payload } });
    const c = container('c-evil', 'evil-app', {
      labels: { 'com.example.html': payload },
      image: '"><svg onload=alert(2)>',
      composeProject: payload,
    });
    const g = buildFullGraph(
      snapshotOf([n], [c], [{ network: n, container: c, ipv4: '10.0.0.2', aliases: [payload] }]),
    );
    await wp.send({ type: 'graph', graph: g });
    await wp.send({
      type: 'plan',
      overlay: {
        file: payload,
        project: payload,
        items: [{ kind: 'service', name: payload, status: 'undeclared', nodeId: 'c:c-evil', detail: payload }],
      },
    });
    await wp.send({ type: 'engine', state: 'unreachable', message: payload });
    await wp.send({ type: 'focus', nodeId: 'c:c-evil' });
    await wp.page.waitForFunction(() => document.querySelector('.details h2')?.textContent === 'evil-app');
    await wp.page.click('vscode-button[title="Switch between the graph and the list view"]');
    await wp.send({ type: 'exportRequest', requestId: 1, format: 'svg' });
    const svg = (await wp.waitForPosted((m) => m.type === 'exportResult')) as { data: string };
    await wp.page.waitForTimeout(500);
    const result = await wp.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      imgs: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      labelText: Array.from(document.querySelectorAll('.details dd')).map((d) => d.textContent),
      status: document.querySelector('.status')?.textContent,
    }));
    assert.equal(result.pwned, undefined);
    assert.equal(result.imgs, 0);
    assert.equal(result.scripts, 1, 'only our bundle');
    assert.ok(result.labelText.includes(payload), 'the label shows as typed');
    assert.equal(result.status, payload);
    assert.deepEqual(wp.dialogs, []);
    // the compose project (a free-text label) is drawn as the group's name: escaped in the SVG
    assert.ok(
      !svg.data.includes('<img') && svg.data.includes(`compose: &lt;img src=x onerror=alert(1)&gt;&lt;script&gt;`),
      'escaped in the SVG',
    );
    await wp.page.screenshot({ path: `${SHOTS}/hostile.png` });
  });

  it('drops malformed messages and reports them to the host without acting', async () => {
    await wp.send({ type: 'graph', graph: { mode: 'full', nodes: 'x' } });
    await wp.send({ type: 'exec', code: 'alert(1)' });
    const problems = (await wp.posted()).filter((m) => m.type === 'problem');
    assert.equal(problems.length, 2);
    assert.equal(await wp.app('nodes'), undefined);
  });
});
