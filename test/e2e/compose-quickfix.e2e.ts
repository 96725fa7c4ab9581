/**
 * What a user sees: a compose file with a misspelt network shows a red squiggle; Ctrl+. on it offers our quick
 * fix; picking it corrects the text and the problem disappears from the editor and the Problems panel.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/lib/codeServer.mjs';
import { Workbench } from './harness';

describe('compose lint quick fix in the browser', () => {
  let wb: Workbench | undefined;
  let workspace: string | undefined;

  // Created in before(), not at load time: a filtered-out suite must leave nothing behind.
  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'dne-compose-e2e-'));
    copyFileSync(join(repoRoot, 'test/fixtures/compose/integration/compose.yaml'), join(workspace, 'compose.yaml'));
    wb = await Workbench.open({ workspace, settings: { 'dockerNetworks.compose.debounceMs': 100 } });
  });
  after(async () => {
    await wb?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });
  afterEach(async function () {
    await wb?.captureOnFailure(this);
  });

  it('applies the fix from the lightbulb (Ctrl+.) and the problem is gone', async () => {
    assert.ok(wb);
    const page = wb.page;
    const editor = await wb.quickOpen('compose.yaml');
    const squiggle = editor.locator('.squiggly-error');
    await squiggle.first().waitFor({ timeout: 30_000 });
    assert.equal(await squiggle.count(), 1, 'one error squiggle: the misspelt "bakend"');

    await wb.runCommand('View: Toggle Problems');
    const problems = page.locator('.markers-panel');
    await problems.locator('.monaco-list-row', { hasText: 'uses network "bakend"' }).waitFor();
    await wb.screenshot('compose-quickfix-before');

    // Put the cursor on the misspelt name, then Ctrl+. like a user at the lightbulb.
    await editor.locator('.view-line span', { hasText: 'bakend' }).first().click();
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    const fix = menu.locator('.monaco-list-row', { hasText: 'Change to "backend"' });
    await fix.waitFor();
    assert.ok(
      await menu.locator('.monaco-list-row', { hasText: 'Declare network "bakend"' }).count(),
      'both fixes offered',
    );
    await wb.screenshot('compose-quickfix-menu');
    // The preferred fix is highlighted first: Enter applies it (a pointer block over the menu swallows clicks).
    assert.match(await menu.locator('.monaco-list-row.focused').innerText(), /Change to "backend"/);
    await page.keyboard.press('Enter');

    await squiggle.first().waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal(
      await editor.locator('.view-line', { hasText: 'bakend' }).count(),
      0,
      'the misspelling is gone from the text',
    );
    const shown = (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    assert.equal((shown.match(/- backend\b/g) ?? []).length, 2, 'both services now join backend');
    await problems.locator('.monaco-list-row', { hasText: 'uses network "bakend"' }).waitFor({ state: 'detached' });
    // The unused-network warning stays: the fix touched only what it was for.
    await problems
      .locator('.monaco-list-row', { hasText: 'Network "legacy" is declared but no service uses it' })
      .waitFor();
    await wb.screenshot('compose-quickfix-after');
  });
});
