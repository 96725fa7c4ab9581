/**
 * Runs the real webview bundle (dist/webview.js) in headless Chromium behind the panel's own HTML and CSP,
 * served from a loopback HTTP server, with a fake acquireVsCodeApi that records what the webview posts.
 */
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeNonce, panelHtml } from '../../src/webviewHost/html';
import type { HostMessage, WebviewMessage } from '../../src/topology/protocol';
import type { ProbeEvent } from '../../webview/testHook';

const ROOT = path.resolve(__dirname, '..', '..');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebGL through SwiftShader (software): sigma draws with WebGL; headless without a GPU needs this.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** `data`: the page data the host would embed (e.g. `{ strings }`, translated sentences). */
export async function serve(data?: unknown): Promise<Served> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const files: Record<string, [string, string]> = {
      '/dist/webview.js': ['dist/webview.js', 'text/javascript'],
      '/media/topology.css': ['media/topology.css', 'text/css'],
    };
    if (url.pathname === '/') {
      const origin = `http://${req.headers.host}`;
      const html = panelHtml(
        {
          cspSource: origin,
          scriptUri: `${origin}/dist/webview.js`,
          styleUri: `${origin}/media/topology.css`,
          scriptNonce: makeNonce(randomBytes),
          styleNonce: makeNonce(randomBytes),
          data,
        },
        'Topology test',
      );
      res.writeHead(200, { 'content-type': 'text/html' }).end(html);
      return;
    }
    const f = files[url.pathname];
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': f[1] }).end(readFileSync(path.join(ROOT, f[0])));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

declare global {
  interface Window {
    __posted: unknown[];
    __violations: string[];
    __dialogs: number;
    __probeEvents: ProbeEvent[];
    __lastLabels?: Extract<ProbeEvent, { name: 'labels' }>;
    __state?: unknown;
  }
}

export interface WebviewPage {
  page: Page;
  /** Every CSP violation and page error seen so far. */
  problems: string[];
  dialogs: string[];
  send(m: HostMessage | Record<string, unknown>): Promise<void>;
  posted(): Promise<WebviewMessage[]>;
  waitForPosted(pred: (m: WebviewMessage) => boolean, timeoutMs?: number): Promise<WebviewMessage>;
  app(name: string): Promise<string | undefined>;
  /** What the panel reported through its test hook so far, of one kind. */
  probed<N extends ProbeEvent['name']>(name: N): Promise<Array<Extract<ProbeEvent, { name: N }>>>;
}

const FAKE_VSCODE_API = `
  // tsx (esbuild keepNames) wraps named functions in page.evaluate bodies with __name(): make it exist in the page.
  window.__name = (f) => f;
  window.__posted = [];
  // the panel's test hook (webview/testHook.ts): what it did, and how long it took
  window.__probeEvents = [];
  // labels are reported after every frame: only the latest is kept
  window.__dneTopologyProbe = {
    report: (e) => (e.name === 'labels' ? (window.__lastLabels = e) : window.__probeEvents.push(e)),
  };
  window.__violations = [];
  let state = window.__initialState;
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
    getState: () => state,
    setState: (s) => { state = s; window.__state = JSON.parse(JSON.stringify(s)); },
  });
`;

/** `state`: what vscode.getState() returns at start, as after a window reload (the last page's `__state`). */
export async function openWebview(
  browser: Browser,
  origin: string,
  viewport = { width: 1200, height: 800 },
  state?: unknown,
): Promise<WebviewPage> {
  const page = await browser.newPage({ viewport });
  if (state !== undefined) await page.addInitScript(`window.__initialState = ${JSON.stringify(state)};`);
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    // failed loads are reported with their URL by the response handler below (the favicon 404 is expected)
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  // A string, not a function: tsx would add helpers to a function that do not exist in the page.
  await page.addInitScript(FAKE_VSCODE_API);
  await page.goto(origin);
  const wp: WebviewPage = {
    page,
    problems,
    dialogs,
    send: async (m) => {
      await page.evaluate((msg) => window.postMessage(msg, '*'), m as unknown as Record<string, unknown>);
    },
    posted: () => page.evaluate(() => window.__posted as WebviewMessage[]),
    waitForPosted: async (pred, timeoutMs = 10_000) => {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const found = (await wp.posted()).find(pred);
        if (found) return found;
        if (Date.now() > end) throw new Error('the webview did not post the expected message');
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    app: (name) => page.evaluate((n) => document.getElementById('app')?.dataset[n], name),
    probed: async <N extends ProbeEvent['name']>(name: N) =>
      (await page.evaluate((n) => window.__probeEvents.filter((e) => e.name === n), name)) as Array<
        Extract<ProbeEvent, { name: N }>
      >,
  };
  // generous: on a shared, busy machine the bundle may take long to start; a missing handshake still fails
  await wp.waitForPosted((m) => m.type === 'ready', 60_000);
  return wp;
}

export async function violations(wp: WebviewPage): Promise<string[]> {
  return wp.page.evaluate(() => window.__violations);
}

/** A suite's end: no CSP violation and no page error on its page, then its browser and server closed. */
export async function closeChecked(
  wp: WebviewPage | undefined,
  browser: Browser | undefined,
  served: Served | undefined,
): Promise<void> {
  if (wp) {
    assert.deepEqual(await violations(wp), [], 'no CSP violation of any kind');
    assert.deepEqual(wp.problems, [], 'no page errors');
  }
  await browser?.close();
  await served?.close();
}
