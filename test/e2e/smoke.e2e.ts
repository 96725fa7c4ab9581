/**
 * Smoke test of the browser harness: the real workbench loads with the extension, its activity-bar entry
 * exists, and clicking it shows the Networks view.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { docker, uniqueName, Workbench } from './harness';

describe('e2e harness smoke', () => {
  let wb: Workbench | undefined;
  before(async () => {
    wb = await Workbench.open();
  });
  after(async () => {
    await wb?.close();
  });
  afterEach(async function () {
    await wb?.captureOnFailure(this);
  });

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

describe('e2e harness smoke: long trees', function () {
  this.timeout(300_000);
  let wb: Workbench | undefined;
  // More networks than the view shows at once: the tree only renders rows in its viewport.
  const prefix = uniqueName('infra');
  const names = Array.from({ length: 30 }, (_, i) => `${prefix}-fill-${String(i).padStart(2, '0')}`);
  const second = 200 + Math.floor(Math.random() * 50); // explicit subnets: the default pools may be used up
  before(async () => {
    names.forEach((n, i) => docker('network', 'create', '--subnet', `10.${second}.${i}.0/24`, n));
    wb = await Workbench.open();
  });
  after(async () => {
    await wb?.close();
    const left = names.filter((n) => docker('network', 'ls', '-q', '--filter', `name=^${n}$`) !== '');
    if (left.length > 0) docker('network', 'rm', ...left);
  });
  afterEach(async function () {
    await wb?.captureOnFailure(this);
  });

  it('finds a network row scrolled out of view', async () => {
    assert.ok(wb);
    await wb.openView();
    const pane = await wb.viewPane('Networks');
    const last = names[names.length - 1];
    await wb.treeItem(names[0], pane).or(wb.treeItem('bridge', pane)).first().waitFor();
    assert.equal(await wb.treeItem(last, pane).isVisible(), false, 'precondition: the last row starts out of view');
    const row = await wb.findTreeItem(last, pane);
    assert.match(await row.innerText(), new RegExp(last));
    await wb.screenshot('smoke-long-tree-scrolled');
  });
});
