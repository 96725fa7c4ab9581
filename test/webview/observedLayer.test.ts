/**
 * The topology panel's "Observed connections" layer in headless Chromium, fed through the protocol as the host
 * feeds it: the toolbar toggle (by keyboard) asks the host for the layer; the layer draws a directed arrow per
 * edge (a failed attempt dashed, in the error colour), places each edge's port-and-count label without overlap,
 * and lists every connection as text beside the graph, hostile container names included, as text only.
 * Screenshots: test-results/webview/observed-*.png (observed-export.png: the PNG export with the layer on).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { buildFullGraph } from '../../src/topology/graph/build';
import type { ObservedLayer } from '../../src/topology/protocol';
import { container, network, snapshotOf } from '../unit/topology/fakeTopology';
import { launch, openWebview, serve, violations, type Served, type WebviewPage } from './harness';

const SHOTS = 'test-results/webview';
const HOSTILE = '<img src=x onerror=alert(1)><b>evil</b>';

function graph() {
  const net = network('n-app', 'app_net');
  const web = container('c-web', 'web');
  const db = container('c-db', 'db');
  const evil = container('c-evil', HOSTILE);
  return buildFullGraph(
    snapshotOf(
      [net],
      [web, db, evil],
      [
        { network: net, container: web, ipv4: '10.1.0.2' },
        { network: net, container: db, ipv4: '10.1.0.3' },
        { network: net, container: evil, ipv4: '10.1.0.4' },
      ],
    ),
  );
}

const LAYER: ObservedLayer = {
  at: Date.UTC(2026, 0, 1, 12, 0, 0),
  peers: [{ id: 'o:outside:203.0.113.9@c:c-web', kind: 'outside', label: '203.0.113.9 (outside)' }],
  edges: [
    {
      id: 'o:web>db/5432/established',
      source: 'c:c-web',
      target: 'c:c-db',
      port: 5432,
      count: 2,
      state: 'established',
      label: ':5432 ×2',
      text: 'web → db:5432, established (2)',
    },
    {
      id: 'o:evil>db/6379/attempt',
      source: 'c:c-evil',
      target: 'c:c-db',
      port: 6379,
      count: 1,
      state: 'attempt',
      label: ':6379 ×1 failed attempt',
      text: `${HOSTILE} → db:6379, failed attempt (SYN_SENT, no answer) (1)`,
    },
    {
      id: 'o:web>outside/443/established',
      source: 'c:c-web',
      target: 'o:outside:203.0.113.9@c:c-web',
      port: 443,
      count: 1,
      state: 'established',
      label: ':443 ×1',
      text: 'web → 203.0.113.9 (outside):443, established (1)',
    },
  ],
  notes: [`${HOSTILE}: the socket table was cut short; some connections are not shown.`],
};

describe('topology webview: the observed connections layer', function () {
  this.timeout(90_000);
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
    wp = await openWebview(browser, served.origin, { width: 1100, height: 700 });
    await wp.send({ type: 'graph', graph: graph() });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.layout === 'done', null, {
      timeout: 30_000,
    });
  });
  afterEach(async () => {
    assert.deepEqual(await violations(wp), [], 'no CSP violation of any kind');
    assert.deepEqual(wp.problems, [], 'no page errors');
    assert.deepEqual(wp.dialogs, [], 'no script from an engine string ran');
    await wp.page.close();
  });

  const toggle = () => wp.page.locator('vscode-button[title="Show or hide the observed connections"]');
  const lastLabels = () => wp.page.evaluate(() => window.__lastLabels);

  it('is toggled from the toolbar by keyboard, and asks the host to start and stop reading', async () => {
    assert.equal(await wp.app('observed'), 'off');
    assert.equal(await toggle().getAttribute('aria-pressed'), 'false');
    await toggle().focus();
    await wp.page.keyboard.press('Enter');
    await wp.waitForPosted((m) => m.type === 'observedLayer' && m.on);
    assert.equal(await toggle().getAttribute('aria-pressed'), 'true');
    assert.equal(await wp.app('observed'), 'reading');
    // Refresh asks for a new read
    await wp.page.locator('vscode-button[title="Read the observed connections again"]').click();
    await wp.waitForPosted((m) => m.type === 'observedRefresh');
    await toggle().focus();
    await wp.page.keyboard.press('Space');
    await wp.waitForPosted((m) => m.type === 'observedLayer' && !m.on);
    assert.equal(await wp.app('observed'), 'off');
    assert.equal(await wp.page.locator('.observed-section').isHidden(), true);
  });

  it('draws directed edges with port and count, the failed attempt dashed in the error colour', async () => {
    await toggle().click();
    await wp.waitForPosted((m) => m.type === 'observedLayer' && m.on);
    await wp.send({ type: 'observed', layer: LAYER });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.observed === 'shown');
    assert.equal(await wp.app('observedEdges'), '3');
    await wp.page.waitForFunction(() => (window.__lastLabels?.observed ?? []).length === 3);
    await wp.page.screenshot({ path: `${SHOTS}/observed-layer.png` });
    const labels = await lastLabels();
    const drawn = new Map((labels?.observed ?? []).map((a) => [a.id, a]));
    const ok = drawn.get('o:web>db/5432/established');
    const failed = drawn.get('o:evil>db/6379/attempt');
    assert.ok(ok && failed);
    assert.deepEqual([ok.source, ok.target, ok.dashed], ['c:c-web', 'c:c-db', false]);
    assert.deepEqual([failed.source, failed.target, failed.dashed], ['c:c-evil', 'c:c-db', true]);
    assert.notEqual(failed.color, ok.color, 'a failed attempt has its own colour');
    const errorColour = await wp.page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--dne-failed').trim(),
    );
    assert.equal(failed.color, errorColour);
    // every label placed is whole, inside the canvas, and overlaps no other
    const placed = labels?.placed ?? [];
    const texts = placed.map((l) => l.text);
    for (const t of [':5432 ×2', ':6379 ×1 failed attempt', ':443 ×1', '203.0.113.9 (outside)', HOSTILE])
      assert.ok(texts.includes(t), `label "${t}" is drawn (drawn: ${JSON.stringify(texts)})`);
    for (const [i, a] of placed.entries())
      for (const b of placed.slice(i + 1))
        assert.ok(
          a.box.x + a.box.w <= b.box.x ||
            b.box.x + b.box.w <= a.box.x ||
            a.box.y + a.box.h <= b.box.y ||
            b.box.y + b.box.h <= a.box.y,
          `"${a.text}" and "${b.text}" do not overlap`,
        );
    // the legend names the failed attempt, the list holds each connection as text
    const section = wp.page.locator('.observed-section');
    assert.match(await section.locator('.legend').innerText(), /failed attempt/);
    const items = await section.locator('li').allInnerTexts();
    assert.deepEqual(
      items,
      LAYER.edges.map((e) => e.text),
    );
    assert.equal(await section.locator('li.attempt').count(), 1);
    const markup = await wp.page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      bold: document.querySelectorAll('.observed-section b').length,
    }));
    assert.deepEqual(markup, { imgs: 0, bold: 0 }, 'engine strings are text, never markup');
    assert.ok((await section.innerText()).includes(LAYER.notes[0]!));
    // a click on a line selects the client
    await section.locator('li', { hasText: 'web → db:5432' }).click();
    await wp.waitForPosted((m) => m.type === 'selection' && m.nodeId === 'c:c-web');
  });

  it('the SVG export carries the layer: an arrow per connection, the failed one dashed, peers and labels as text', async () => {
    const exported = async (requestId: number) => {
      await wp.send({ type: 'exportRequest', requestId, format: 'svg' });
      const res = await wp.waitForPosted((m) => m.type === 'exportResult' && m.requestId === requestId);
      return wp.page.evaluate(
        (svg) => {
          const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
          return {
            error: !!doc.querySelector('parsererror'),
            arrows: Array.from(doc.querySelectorAll('line[data-observed]')).map((l) => ({
              id: l.getAttribute('data-observed'),
              dashed: l.hasAttribute('stroke-dasharray'),
              head: l.getAttribute('marker-end'),
            })),
            texts: Array.from(doc.querySelectorAll('.observed text')).map((t) => t.textContent),
            markup: doc.querySelectorAll('img, b').length,
          };
        },
        (res as { data: string }).data,
      );
    };
    assert.deepEqual((await exported(1)).arrows, [], 'no layer while it is off');
    await toggle().click();
    await wp.send({ type: 'observed', layer: LAYER });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.observed === 'shown');
    const svg = await exported(2);
    assert.equal(svg.error, false);
    assert.deepEqual(svg.arrows, [
      { id: 'o:web>db/5432/established', dashed: false, head: 'url(#dne-arrow)' },
      { id: 'o:evil>db/6379/attempt', dashed: true, head: 'url(#dne-arrow-failed)' },
      { id: 'o:web>outside/443/established', dashed: false, head: 'url(#dne-arrow)' },
    ]);
    assert.deepEqual(
      svg.texts.sort(),
      ['203.0.113.9 (outside)', ':443 ×1', ':5432 ×2', ':6379 ×1 failed attempt'].sort(),
    );
    assert.equal(svg.markup, 0, 'engine strings stay text in the file');
    await wp.send({ type: 'exportRequest', requestId: 3, format: 'png' });
    const png = (await wp.waitForPosted((m) => m.type === 'exportResult' && m.requestId === 3)) as { data: string };
    writeFileSync(`${SHOTS}/observed-export.png`, Buffer.from(png.data.split(',')[1]!, 'base64'));
  });

  it('lists but does not draw connections whose containers are not in the graph, and drops a late reading after off', async () => {
    await toggle().click();
    await wp.send({
      type: 'observed',
      layer: { ...LAYER, edges: [{ ...LAYER.edges[0]!, id: 'o:gone', source: 'c:gone' }], notes: [] },
    });
    await wp.page.waitForFunction(() => document.getElementById('app')?.dataset.observed === 'shown');
    assert.equal(await wp.app('observedEdges'), '0');
    assert.match(await wp.page.locator('.observed-section').innerText(), /1 connections are listed but not drawn/);
    await toggle().click();
    await wp.send({ type: 'observed', layer: LAYER });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await wp.app('observed'), 'off');
    assert.equal(await wp.app('observedEdges'), '0');
  });
});
