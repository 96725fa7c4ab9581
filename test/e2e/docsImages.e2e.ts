/**
 * The README's pictures, taken from the product as it is: the demo's engine state (scripts/lib/demo-state.sh)
 * in the real workbench, opened on demo/. Saves docs/images/topology.png (the panel), networks-view.png (the
 * Networks view with a network expanded) and compose-lint.png (demo/compose.yaml with its problems), and checks
 * on the way what each shows. On an engine shared with other work, the panel is narrowed to the demo by its
 * search box, so the picture shows the demo only. Demo resources this run created are removed afterwards.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { docker, Workbench } from './harness';

const repoRoot = join(__dirname, '..', '..');
const images = join(repoRoot, 'docs', 'images');
const DEMO_NETWORKS = ['dne-demo-frontend', 'dne-demo-backend', 'dne-demo-data', 'dne-demo-v6'];
const DEMO_CONTAINERS = [
  'dne-demo-web',
  'dne-demo-api',
  'dne-demo-db',
  'dne-demo-cache',
  'dne-demo-v6',
  'dne-demo-job',
];

const exists = (kind: 'network' | 'container', name: string): boolean => {
  try {
    docker(kind, 'inspect', name);
    return true;
  } catch {
    return false;
  }
};

function webview(wb: Workbench): FrameLocator {
  return wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function shoot(target: Locator, name: string): Promise<void> {
  mkdirSync(images, { recursive: true });
  // The pointer off every control, so no hover tooltip is drawn over the picture.
  await target.page().mouse.move(1, 1);
  await target.page().keyboard.press('Escape');
  await target.page().waitForTimeout(600);
  await target.screenshot({ path: join(images, name) });
}

describe('e2e: the README pictures (docs/images) from the demo state', function () {
  this.timeout(300_000);
  let wb: Workbench | undefined;
  const created: Array<['network' | 'container', string]> = [];

  before(async () => {
    for (const n of DEMO_NETWORKS) if (!exists('network', n)) created.push(['network', n]);
    for (const c of DEMO_CONTAINERS) if (!exists('container', c)) created.push(['container', c]);
    execFileSync('bash', ['scripts/lib/demo-state.sh'], { cwd: repoRoot, stdio: 'inherit' });
    wb = await Workbench.open({
      workspace: join(repoRoot, 'demo'),
      settings: {
        'remote.autoForwardPorts': false,
        'workbench.colorTheme': 'Default Light Modern',
        // the sticky header would cut a line in half above the mistakes
        'editor.stickyScroll.enabled': false,
      },
      viewport: { width: 1280, height: 760 },
    });
  });

  afterEach(async function () {
    await wb?.captureOnFailure(this);
  });

  after(async () => {
    await wb?.close();
    // containers first: a network with endpoints cannot be removed
    for (const [kind, name] of created.sort((a, b) => (a[0] === b[0] ? 0 : a[0] === 'container' ? -1 : 1))) {
      try {
        docker(kind === 'container' ? 'rm' : 'network', ...(kind === 'container' ? ['-f', name] : ['rm', name]));
      } catch (err) {
        console.error(`e2e clean-up: ${(err as Error).message}`);
      }
    }
  });

  it('the Networks view: the demo networks, one expanded to its endpoints with their addresses', async () => {
    const sideBar = await wb!.openView();
    const networks = await wb!.viewPane('Networks');
    const backend = await wb!.findTreeItem('dne-demo-backend', networks);
    await wb!.expand(backend);
    await wb!.findTreeItem('dne-demo-api', networks);
    assert.match(await networks.innerText(), /10\.213\.20\.20/, 'the endpoint shows its address');
    await shoot(sideBar, 'networks-view.png');
  });

  it('the topology panel: the demo drawn readably, compose project framed', async () => {
    await wb!.runCommand('Docker Networks: Show Network Topology');
    const app = webview(wb!).locator('#app');
    await app.waitFor({ timeout: 180_000 });
    await webview(wb!).locator('#app[data-layout="done"]').waitFor({ timeout: 180_000 });
    const others = docker('network', 'ls', '--format', '{{.Name}}')
      .split('\n')
      .filter((n) => n && !n.startsWith('dne-demo-') && !['bridge', 'host', 'none'].includes(n));
    if (others.length) {
      // a shared engine: show the demo only, fitted
      await webview(wb!)
        .locator('vscode-text-field')
        .first()
        .evaluate((el, v) => {
          const field = el as HTMLElement & { value: string };
          field.value = v;
          field.dispatchEvent(new Event('input'));
        }, 'dne-demo');
      await webview(wb!).locator('#graph').focus();
      await webview(wb!).locator('#graph').press('f');
      await wb!.page.waitForTimeout(800);
    }
    const visible = Number(await app.getAttribute('data-visible'));
    assert.ok(visible >= DEMO_NETWORKS.length + DEMO_CONTAINERS.length - 1, `the demo is on the canvas (${visible})`);
    await shoot(wb!.page.locator('.editor-instance, .part.editor').first(), 'topology.png');
  });

  it('compose lint: demo/compose.yaml with its network mistakes in the Problems panel', async () => {
    const page = wb!.page;
    const editor = await wb!.quickOpen('compose.yaml');
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 120_000 });
    await wb!.runCommand('View: Toggle Problems');
    const problems = page.locator('.markers-panel');
    await problems.locator('.monaco-list-row').first().waitFor();
    assert.ok((await problems.locator('.monaco-list-row').count()) >= 3, 'the demo file shows its mistakes');
    // the editor and the problems, wide: the side bar closed, the first mistake's line in view
    await wb!.runCommand('View: Close Primary Side Bar');
    await page.keyboard.press('Control+G');
    await page.keyboard.type('23');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await shoot(page.locator('.monaco-workbench'), 'compose-lint.png');
  });
});
