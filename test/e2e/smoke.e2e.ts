/**
 * Smoke test of the browser harness: the real workbench loads with the extension, its activity-bar entry
 * exists, and clicking it shows the Networks view.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Workbench } from './harness';

describe('e2e harness smoke', () => {
  let wb: Workbench | undefined;
  before(async () => { wb = await Workbench.open(); });
  after(async () => { await wb?.close(); });
  afterEach(async function () { await wb?.captureOnFailure(this); });

  it('shows the Docker Networks activity-bar entry and opens the Networks view', async () => {
    assert.ok(wb);
    assert.equal(await wb.activityBarEntry().count(), 1, 'exactly one "Docker Networks" activity-bar entry');
    const sideBar = await wb.openView();
    const networks = await wb.viewPane('Networks');
    assert.ok(await networks.isVisible(), 'the Networks view is visible in the side bar');
    assert.match(await sideBar.locator('.composite.title h2').innerText(), /docker networks/i);
    const shot = await wb.screenshot('smoke-networks-view');
    assert.ok(existsSync(shot));
  });

  it('runs a command from the palette: focusing the Networks view reopens a closed side bar', async () => {
    assert.ok(wb);
    const sideBar = wb.page.locator('#workbench\\.parts\\.sidebar');
    await wb.runCommand('View: Close Primary Side Bar');
    await sideBar.waitFor({ state: 'hidden' });
    await wb.runCommand('Docker Networks: Focus on Networks View');
    await sideBar.waitFor({ state: 'visible' });
    assert.ok(await (await wb.viewPane('Networks')).isVisible());
  });

  it('picks a context-menu entry: hiding the Containers view from the view header menu', async () => {
    assert.ok(wb);
    await wb.openView();
    const containers = await wb.viewPane('Containers');
    await wb.contextMenu(containers.locator('.pane-header'), 'Containers');
    await containers.waitFor({ state: 'detached' });
    await wb.screenshot('smoke-containers-hidden');
  });
});
