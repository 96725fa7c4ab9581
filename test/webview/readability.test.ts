/**
 * The panel reads like a drawing, on the demo's engine state (test/unit/topology/demoTopology.ts): no two labels
 * overlap and none runs off the canvas, at the fitted zoom and zoomed in and out; every edge's address is drawn
 * whole or deliberately hidden, and a hidden one appears whole when its container is selected (every container's
 * addresses, its name too, in whatever shape the time-bounded layout reached); the nodes without edges sit under
 * the graph instead of setting the scale; the compose project is framed and named.
 * Reads what the panel drew through its test hook (webview/testHook.ts).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { buildFullGraph } from '../../src/topology/graph/build';
import type { GraphData } from '../../src/topology/protocol';
import type { ProbeEvent } from '../../webview/testHook';
import { demoTopology } from '../unit/topology/demoTopology';
import { launch, openWebview, serve, type Served, type WebviewPage } from './harness';

const SHOTS = 'test-results/webview';
type Labels = Extract<ProbeEvent, { name: 'labels' }>;

const overlap = (a: Labels['placed'][number]['box'], b: Labels['placed'][number]['box']): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The labels of the last frame drawn (call after the view has settled). */
async function latestLabels(wp: WebviewPage): Promise<Labels> {
  await wp.page.waitForFunction(() => window.__lastLabels !== undefined, null, { timeout: 10_000 });
  return (await wp.page.evaluate(() => window.__lastLabels))!;
}

function assertReadable(labels: Labels, graph: GraphData, width: number, height: number, where: string): void {
  const { placed } = labels;
  for (let i = 0; i < placed.length; i++) {
    const a = placed[i];
    assert.ok(
      a.box.x >= 0 && a.box.y >= 0 && a.box.x + a.box.w <= width && a.box.y + a.box.h <= height,
      `${where}: "${a.text}" lies inside the canvas`,
    );
    for (let j = i + 1; j < placed.length; j++) {
      assert.ok(!overlap(a.box, placed[j].box), `${where}: "${a.text}" and "${placed[j].text}" do not overlap`);
    }
  }
  const drawn = new Map(placed.map((l) => [l.id, l.text]));
  const hidden = new Set(labels.hidden);
  // what is on the canvas: nodes drawn there, and edges with both ends there
  const onCanvas = (id: string): boolean => id in labels.nodes;
  for (const e of graph.edges.filter(
    (x) => x.kind === 'endpoint' && x.label && onCanvas(x.source) && onCanvas(x.target),
  )) {
    if (drawn.has(e.id)) assert.equal(drawn.get(e.id), e.label, `${where}: ${e.id} shows its whole address`);
    else assert.ok(hidden.has(e.id), `${where}: ${e.id} is either drawn or deliberately hidden`);
  }
  for (const n of graph.nodes.filter((x) => onCanvas(x.id))) {
    if (drawn.has(n.id)) assert.equal(drawn.get(n.id), n.label, `${where}: ${n.id} shows its whole name`);
    else assert.ok(hidden.has(n.id), `${where}: ${n.id}'s name is drawn or deliberately hidden (shown on hover)`);
  }
}

describe('topology webview: readable like a drawing (demo state)', function () {
  this.timeout(90_000);
  let served: Served;
  let browser: Browser;
  let wp: WebviewPage;
  const graph = buildFullGraph(demoTopology());
  const viewport = { width: 1100, height: 700 };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await serve();
    browser = await launch();
    wp = await openWebview(browser, served.origin, viewport);
    await wp.send({ type: 'graph', graph });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.layout === 'done', null, {
      timeout: 20_000,
    });
  });
  after(async () => {
    assert.deepEqual(wp?.problems ?? [], [], 'no page errors');
    await browser?.close();
    await served?.close();
  });

  const canvasSize = () =>
    wp.page.evaluate(() => {
      const r = document.getElementById('graph')!.getBoundingClientRect();
      return { width: r.width, height: r.height };
    });

  it('no two labels overlap or run off the canvas, and every address is whole or hidden, at every zoom', async () => {
    const { width, height } = await canvasSize();
    const fitted = await latestLabels(wp);
    await wp.page.screenshot({ path: `${SHOTS}/readability-fit.png` });
    assertReadable(fitted, graph, width, height, 'fitted');
    assert.equal(Object.keys(fitted.nodes).length, graph.nodes.length, 'at the fit, every node is on the canvas');
    assert.ok(
      fitted.placed.filter((l) => l.kind === 'node').length >= graph.nodes.length - 2,
      'at the fit, (nearly) every name is drawn',
    );
    const named = new Set(fitted.placed.map((l) => l.id));
    const unnamed = graph.nodes.filter((n) => n.kind === 'network' && !named.has(n.id)).map((n) => n.id);
    assert.deepEqual(unnamed, [], "at the fit, no network's own name is the one dropped");
    const box = (await wp.page.locator('#graph').boundingBox())!;
    for (const [dy, where] of [
      [-400, 'zoomed in'],
      [900, 'zoomed out'],
    ] as const) {
      await wp.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await wp.page.mouse.wheel(0, dy);
      await wp.page.waitForTimeout(600); // the camera's zoom animation
      assertReadable(await latestLabels(wp), graph, width, height, where);
    }
    await wp.page.locator('#graph').focus();
    await wp.page.keyboard.press('f');
    await wp.page.waitForTimeout(600);
  });

  it('a hidden address appears whole when its container is selected', async () => {
    const { width, height } = await canvasSize();
    const hidden = new Set((await latestLabels(wp)).hidden);
    // every container with addresses, those hidden at the fit first (a layout may leave none hidden: then the
    // others still show that selecting a container draws its addresses whole)
    const addressed = graph.edges.filter((e) => e.kind === 'endpoint' && e.label);
    const containers = new Set([...addressed.filter((e) => hidden.has(e.id)), ...addressed].map((e) => e.source));
    for (const id of containers) {
      const own = addressed.filter((e) => e.source === id);
      await wp.send({ type: 'focus', nodeId: id });
      // the camera has finished centring on the selection (graphCamera.ts sets data-centred after its move)
      await wp.page.waitForFunction((c) => document.getElementById('graph')?.dataset.centred === c, id, {
        timeout: 10_000,
      });
      // the label pass runs after each frame: poll the frames drawn after the move (a busy machine draws them late)
      let seen: Labels | undefined;
      for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
        await wp.page.waitForTimeout(100);
        seen = await latestLabels(wp);
        if (own.every((e) => seen!.placed.some((l) => l.id === e.id))) break;
      }
      const drawn = new Map(seen!.placed.map((l) => [l.id, l.text]));
      if (own.some((e) => drawn.get(e.id) !== e.label)) {
        await wp.page.screenshot({ path: `${SHOTS}/readability-selected-${id.replace(/\W/g, '_')}.png` });
      }
      for (const e of own) assert.equal(drawn.get(e.id), e.label, `${e.id} is shown whole around the selection`);
      const name = graph.nodes.find((n) => n.id === id)!.label;
      assert.equal(drawn.get(id), name, `the selected ${id}'s name is drawn`);
      assertReadable(seen!, graph, width, height, `${id} selected`);
    }
    await wp.page.keyboard.press('Escape');
  });

  it('nodes without edges sit in a row under the graph; the graph fills the canvas; the compose project is framed', async () => {
    await wp.page.locator('#graph').focus();
    await wp.page.keyboard.press('f');
    await wp.page.waitForTimeout(600);
    const labels = await latestLabels(wp);
    const pos = labels.nodes; // viewport positions of the drawn nodes
    const loners = ['n:n-bridge', 'n:n-host', 'n:n-none'].map((id) => pos![id]);
    const connected = Object.entries(pos!)
      .filter(([id]) => !['n:n-bridge', 'n:n-host', 'n:n-none'].includes(id))
      .map(([, p]) => p);
    const lowestConnected = Math.max(...connected.map((p) => p.y));
    for (const p of loners)
      assert.ok(p.y > lowestConnected, 'each network without endpoints is under the connected graph');
    assert.ok(Math.max(...loners.map((p) => p.y)) - Math.min(...loners.map((p) => p.y)) < 40, 'in one row');
    const { width, height } = await canvasSize();
    const xs = Object.values(pos!).map((p) => p.x);
    const ys = Object.values(pos!).map((p) => p.y);
    const used = Math.max((Math.max(...xs) - Math.min(...xs)) / width, (Math.max(...ys) - Math.min(...ys)) / height);
    assert.ok(used > 0.6, `the drawing spans most of the canvas (${Math.round(used * 100)}%)`);
    assert.ok(
      labels.placed.some((l) => l.id === 'g:demo' && l.text === 'compose: demo'),
      'the compose frame is named',
    );
    await wp.page.screenshot({ path: `${SHOTS}/readability-frame.png` });
  });
});

describe("topology webview: in the user's language", function () {
  this.timeout(90_000);
  it('shows the sentences the host translated (toolbar, hints, compose frame), engine names as they are', async () => {
    const strings = { Fit: 'Einpassen', 'Zoom to fit': 'Alles zeigen', 'compose: {0}': 'Compose-Projekt {0}' };
    const served = await serve({ strings });
    const browser = await launch();
    try {
      const wp = await openWebview(browser, served.origin, { width: 1100, height: 700 });
      await wp.send({ type: 'graph', graph: buildFullGraph(demoTopology()) });
      await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.layout === 'done', null, {
        timeout: 20_000,
      });
      const fit = wp.page.locator('vscode-button[title="Alles zeigen"]');
      assert.equal((await fit.innerText()).trim(), 'Einpassen');
      const labels = await latestLabels(wp);
      assert.ok(
        labels.placed.some((l) => l.text === 'Compose-Projekt demo'),
        'the frame speaks the language, the name stays',
      );
      assert.equal(
        await wp.page.locator('vscode-button', { hasText: 'List' }).count(),
        1,
        'untranslated ones stay English',
      );
      assert.deepEqual(wp.problems, []);
    } finally {
      await browser.close();
      await served.close();
    }
  });
});

describe('topology webview: the drawing kept across reloads', function () {
  this.timeout(120_000);
  it("after a reload the same engine's graph comes back where it was, without a new layout", async () => {
    const served = await serve();
    const browser = await launch();
    try {
      const graph = buildFullGraph(demoTopology());
      const message = { type: 'graph', graph, layoutKey: 'unix:///var/run/docker.sock' };
      const first = await openWebview(browser, served.origin, { width: 1000, height: 650 });
      await first.send(message);
      await first.page.waitForFunction(() => document.getElementById('app')?.dataset.layout === 'done', null, {
        timeout: 30_000,
      });
      const before = (await latestLabels(first)).nodes;
      const state = await first.page.evaluate(() => window.__state);
      await first.page.close();
      const second = await openWebview(browser, served.origin, { width: 1000, height: 650 }, state);
      await second.send(message);
      await second.page.waitForFunction(() => document.getElementById('app')?.dataset.layout === 'done', null, {
        timeout: 30_000,
      });
      assert.deepEqual(await second.probed('layout'), [{ name: 'layout', running: false }], 'no layout ran');
      const after = (await latestLabels(second)).nodes;
      for (const n of graph.nodes) {
        assert.ok(
          Math.abs(after[n.id].x - before[n.id].x) < 2 && Math.abs(after[n.id].y - before[n.id].y) < 2,
          `${n.id} is where it was`,
        );
      }
      // kept per engine: another engine's drawing is kept beside this one
      await second.send({ ...message, layoutKey: 'tcp://elsewhere:2376' });
      await second.page.waitForFunction(
        () => Object.keys((window.__state as { positions?: object } | undefined)?.positions ?? {}).length === 2,
        null,
        { timeout: 30_000 },
      );
      assert.deepEqual(second.problems, []);
    } finally {
      await browser.close();
      await served.close();
    }
  });
});
