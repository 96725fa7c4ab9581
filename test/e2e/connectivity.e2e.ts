/**
 * The connectivity report in the real workbench (code-server + Chromium) against the real engine:
 * 1. Check Connectivity from the palette (source, target and port pickers) opens "Connectivity: A -> B:port" with
 *    the verdict first, the facts and the probe transcript as DOM text; an alias carrying markup stays text; no
 *    CSP violation; the buttons work from the keyboard (Copy as Markdown).
 * 2. A "not reachable" report's fix button runs the Connect flow after the click, and the report re-checks to
 *    "Reachable" with the probe connected.
 * Screenshots: test-results/connectivity-*.png.
 */
import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { docker, testImage, uniqueName, Workbench } from './harness';
import { collectCspMessages, removeResources } from './suiteHelpers';

function report(wb: Workbench): FrameLocator {
  return wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

describe('e2e: the connectivity report', function () {
  this.timeout(300_000);
  let wb: Workbench | undefined;
  const netA = uniqueName('conn-e2e');
  const netB = uniqueName('conn-e2e');
  const source = uniqueName('conn-e2e');
  const stranger = uniqueName('conn-e2e');
  const target = uniqueName('conn-e2e');
  const hostile = '<img src=x onerror=alert(1)>';
  let cspMessages: string[] = [];

  before(async () => {
    docker('network', 'create', netA);
    docker('network', 'create', netB);
    // --dns 127.0.0.1: a name the embedded DNS does not know is forwarded to nothing, never to a real resolver.
    docker(
      'run',
      '-d',
      '--name',
      target,
      '--dns',
      '127.0.0.1',
      '--network',
      netA,
      '--network-alias',
      hostile,
      testImage,
      'sh',
      '-c',
      'while true; do nc -l -p 8080; done',
    );
    docker('run', '-d', '--name', source, '--dns', '127.0.0.1', '--network', netA, testImage, 'sleep', '100000');
    docker('run', '-d', '--name', stranger, '--dns', '127.0.0.1', '--network', netB, testImage, 'sleep', '100000');
    wb = await Workbench.open({
      settings: { 'remote.autoForwardPorts': false },
      viewport: { width: 1400, height: 950 },
    });
    cspMessages = collectCspMessages(wb.page);
  });
  afterEach(async function () {
    await wb?.captureOnFailure(this);
  });
  after(async () => {
    await wb?.close();
    removeResources([
      ['rm', '-f', source, stranger, target],
      ['network', 'rm', netA, netB],
    ]);
  });

  /**
   * Answers the quick input once it shows `question` (a step's title or prompt): types `text`, presses Enter.
   * In a pick (`isPick`) it first waits for the row matching `text`; an input box has no rows to wait for.
   */
  async function answer(text: string, question?: string, isPick = false): Promise<void> {
    const widget = wb!.page.locator('.quick-input-widget');
    // A pick shows its question as the input's placeholder, an input as the message under it.
    if (question)
      await widget
        .locator(`input[placeholder^="${question}"]`)
        .or(widget.filter({ hasText: question }))
        .first()
        .waitFor({ timeout: 30_000 });
    const input = widget.locator('.quick-input-box input');
    await input.waitFor();
    await input.fill(text);
    if (text && isPick)
      await wb!.page
        .locator('.quick-input-widget .monaco-list-row', { hasText: text })
        .first()
        .waitFor()
        .catch(() => undefined);
    await input.press('Enter');
  }

  async function check(from: string, to: string, port: string): Promise<FrameLocator> {
    await wb!.runCommand('Docker Networks: Check Connectivity...');
    await answer(from, 'Source: the container', true);
    await answer(to, 'Target: a container', true);
    await answer(port, 'Port (optional)');
    const view = report(wb!);
    await view.locator('h1.title', { hasText: `Connectivity: ${from} -> ${to}:${port}` }).waitFor({ timeout: 60_000 });
    return view;
  }

  it('opens from the palette with the verdict first, the facts and the probe as text', async () => {
    const view = await check(source, target, '8080');
    const verdict = view.locator('.verdict');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-verdict'), 'reachable');
    assert.equal(await verdict.innerText(), `Reachable: ${source} can reach ${target}:8080.`);
    const facts = await view.locator('ol.facts li .text').allInnerTexts();
    assert.ok(
      facts.some((f) => f.includes(`the embedded DNS answers for the target as: ${target}, ${hostile}`)),
      facts.join('\n'),
    );
    assert.equal(await view.locator('img').count(), 0, 'markup from the engine stays text');
    const commands = await view.locator('.step pre.command').allInnerTexts();
    assert.ok(
      commands.some((c) => /^\$ .*nc -w 2 \S+ 8080/.test(c)),
      commands.join('\n'),
    );
    assert.ok(
      (await view.locator('.step .meaning').allInnerTexts()).includes('Connected: the TCP handshake completed.'),
    );
    assert.deepEqual(cspMessages, [], 'no CSP violation in the report webview');
    await wb!.screenshot('connectivity-1-reachable');

    // Keyboard: Tab reaches the toolbar buttons; Enter on Copy as Markdown puts the report on the clipboard.
    const copy = view.locator('button', { hasText: 'Copy as Markdown' });
    await copy.focus();
    await copy.press('Enter');
    await wb!.page
      .locator('.notification-toast', { hasText: 'The connectivity report is on the clipboard as Markdown.' })
      .waitFor({ timeout: 15_000 });
  });

  it('a fix button runs Connect after the click, and the report re-checks to reachable', async () => {
    const view = await check(stranger, target, '8080');
    const verdict = view.locator('.verdict');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-verdict'), 'notReachable');
    assert.ok(
      (await view.locator('ol.facts li .text').allInnerTexts()).some((f) =>
        f.startsWith(`${stranger} and ${target} share no network`),
      ),
    );
    await wb!.screenshot('connectivity-2-not-reachable');
    const fix = view.locator('button.fix-button', { hasText: `Connect ${stranger} to ${netA}` });
    await fix.click();
    await answer('', 'Network aliases (optional)');
    await answer('', 'Static IPv4 address');
    await view.locator('.verdict[data-verdict="reachable"]').waitFor({ timeout: 60_000 });
    assert.ok(
      docker('inspect', '-f', '{{json .NetworkSettings.Networks}}', stranger).includes(netA),
      'the engine connected the container',
    );
    assert.ok(
      (await view.locator('.step .meaning').allInnerTexts()).includes('Connected: the TCP handshake completed.'),
    );
    await wb!.screenshot('connectivity-3-fixed');
  });
});
