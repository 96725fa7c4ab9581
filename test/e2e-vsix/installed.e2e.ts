/**
 * The extension as users get it: the .vsix from `npm run package`, installed into a fresh code-server with
 * --install-extension (no development path), in a folder opened untrusted (Restricted Mode, trust on):
 * 1. the package holds only what runs (size and file count printed), under 1 MB;
 * 2. another YAML file does not activate it; a compose file does, lints, and connects to nothing;
 * 3. the activity-bar entry and a network in the tree, from the real engine;
 * 4. the topology panel draws.
 * Run by scripts/run-e2e-vsix.mjs, which builds the package and passes its path as DNE_VSIX.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeVsix, vsixInfo } from '../../scripts/lib/vsixInfo.mjs';
import { docker, testImage, uniqueName, Workbench } from '../e2e/harness';

const FORBIDDEN =
  /^extension\/(src|test|scripts|webview|node_modules|packages|demo|\.vscode-test)\/|\.map$|\.env$|\.(pem|key|ts)$/;

describe('e2e: the installed package in Restricted Mode', function () {
  this.timeout(300_000);
  const vsix = process.env.DNE_VSIX ?? '';
  const net = uniqueName('vsix');
  const container = uniqueName('vsix');
  let workspace = '';
  let wb: Workbench | undefined;

  before(async () => {
    assert.ok(
      vsix && existsSync(vsix),
      `DNE_VSIX names the package to install (got "${vsix}"): run scripts/run-e2e-vsix.mjs`,
    );
    docker('network', 'create', net);
    docker('run', '-d', '--name', container, '--network', net, testImage, 'sleep', '100000');
    workspace = mkdtempSync(join(tmpdir(), 'dne-vsix-'));
    writeFileSync(join(workspace, 'values.yaml'), 'replicas: 2\nimage: nginx\n');
    writeFileSync(
      join(workspace, 'compose.yaml'),
      'services:\n  web:\n    image: nginx\n    networks: [frontnet]\nnetworks:\n  front:\n',
    );
    // Engine checks off (a user setting): opening the compose file must then reach for no engine at all.
    wb = await Workbench.open({
      vsix,
      workspace,
      workspaceTrust: true,
      settings: { 'dockerNetworks.compose.engineChecks': false },
    });
  });

  afterEach(async function () {
    await wb?.captureOnFailure(this);
  });

  after(async () => {
    await wb?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    for (const args of [
      ['rm', '-f', container],
      ['network', 'rm', net],
    ]) {
      try {
        docker(...args);
      } catch (err) {
        console.error(`e2e-vsix clean-up: ${(err as Error).message}`);
      }
    }
  });

  const statusItem = (text: string) => wb!.page.locator('.statusbar-item', { hasText: text });

  async function open(file: string): Promise<void> {
    const page = wb!.page;
    await page.locator('.monaco-workbench').focus();
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(file);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: file }).first().waitFor();
    await input.press('Enter');
    await page.locator('.tab.active', { hasText: file }).waitFor();
  }

  it('ships only what runs, under 1 MB', () => {
    const info = vsixInfo(vsix);
    console.log(`      ${describeVsix('docker-network-explorer.vsix', info)}`);
    assert.deepEqual(
      info.files.filter((f) => FORBIDDEN.test(f)),
      [],
      'no sources, tests, scripts, source maps or keys',
    );
    for (const f of [
      'dist/extension.js',
      'dist/dockerode.js',
      'dist/lintWorker.js',
      'dist/webview.js',
      'media/icon.png',
      'docs/rules/README.md',
      'l10n/bundle.l10n.json',
    ]) {
      assert.ok(info.files.includes(`extension/${f}`), `the package holds ${f}`);
    }
    assert.ok(info.bytes < 1024 * 1024, `${info.bytes} bytes is under 1 MB`);
  });

  it('runs the installed package in Restricted Mode, not the development folder', async () => {
    const installed = readdirSync(join(wb!.server.runDir, 'extensions'));
    assert.ok(
      installed.some((d) => d.startsWith('docker-network-explorer.docker-network-explorer-')),
      `installed: ${installed.join(', ')}`,
    );
    assert.doesNotMatch(decodeURIComponent(wb!.page.url()), /extensionDevelopmentPath/);
    await statusItem('Restricted Mode').first().waitFor({ timeout: 30_000 });
  });

  it('stays asleep for other YAML, lints a compose file and connects to nothing', async () => {
    await open('values.yaml');
    // Give an activation the time it would take (the editor is open, language features settled).
    await wb!.page.waitForTimeout(3000);
    assert.equal(await statusItem('Docker').count(), 0, 'no Docker status item: the extension did not activate');

    await open('compose.yaml');
    const editor = wb!.page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    await wb!.runCommand('View: Toggle Problems');
    await wb!.page.locator('.markers-panel .monaco-list-row', { hasText: 'uses network "frontnet"' }).waitFor();
    await statusItem('not connected yet').waitFor();
    await wb!.screenshot('vsix-restricted-compose-lint');
  });

  it('shows the activity-bar entry and the network in the tree', async () => {
    await wb!.openView();
    const row = await wb!.findTreeItem(net, await wb!.viewPane('Networks'));
    assert.ok(await row.isVisible());
    assert.equal(await statusItem('not connected yet').count(), 0, 'the view connected');
    await wb!.screenshot('vsix-restricted-tree');
  });

  it('draws the topology panel', async () => {
    await wb!.runCommand('Docker Networks: Show Network Topology');
    const app = wb!.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('#app');
    await app.waitFor({ timeout: 60_000 });
    const deadline = Date.now() + 60_000;
    while ((await app.getAttribute('data-layout')) !== 'done') {
      assert.ok(Date.now() < deadline, 'the first layout finishes within 60 s');
      await wb!.page.waitForTimeout(500);
    }
    assert.ok(Number(await app.getAttribute('data-network-nodes')) > 0, 'networks drawn');
    assert.ok(Number(await app.getAttribute('data-container-nodes')) > 0, 'containers drawn');
    await wb!.screenshot('vsix-restricted-topology');
  });
});
