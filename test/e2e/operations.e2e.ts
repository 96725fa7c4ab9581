/**
 * Network operations in the real workbench, like a user: right-click an endpoint and Disconnect; right-click a
 * network, Connect Container..., pick the container, type an alias. The engine is asked afterwards.
 * Screenshots: test-results/operations-*.png.
 */
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { docker, testImage, uniqueName, Workbench } from './harness';

function attachedNetworks(container: string): Record<string, { Aliases: string[] | null; IPAddress: string }> {
  return JSON.parse(docker('inspect', '-f', '{{json .NetworkSettings.Networks}}', container)) as Record<
    string,
    { Aliases: string[] | null; IPAddress: string }
  >;
}

async function eventually(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** True when the expanded tree row shows a child row with that label (the rows under it, before the next sibling). */
async function showsChild(pane: Locator, parent: Locator, label: string): Promise<boolean> {
  const index = Number(await parent.getAttribute('data-index'));
  const level = Number(await parent.getAttribute('aria-level'));
  for (let i = index + 1; ; i++) {
    const row = pane.locator(`.monaco-list-row[data-index="${i}"]`);
    if ((await row.count()) === 0 || Number(await row.getAttribute('aria-level')) <= level) return false;
    if ((await row.innerText()).includes(label)) return true;
  }
}

describe('e2e: network operations from the tree', () => {
  const network = uniqueName('ops');
  const resident = uniqueName('ops');
  const guest = uniqueName('ops');
  const created: string[] = [];
  let wb: Workbench | undefined;

  before(async () => {
    const octet = 1 + Math.floor(Math.random() * 250);
    docker('network', 'create', '--subnet', `10.187.${octet}.0/24`, network);
    docker('run', '-d', '--name', resident, '--network', network, testImage, 'sleep', '900');
    docker('run', '-d', '--name', guest, testImage, 'sleep', '900');
    wb = await Workbench.open();
  });
  after(async () => {
    await wb?.close();
    for (const c of [resident, guest]) docker('rm', '-f', c);
    docker('network', 'rm', network);
    // Created by the wizard only when its test got that far.
    for (const n of created) if (docker('network', 'ls', '-q', '--filter', `name=^${n}$`)) docker('network', 'rm', n);
  });
  afterEach(async function () {
    await wb?.captureOnFailure(this);
    // A failed test may leave a modal dialog or a quick input open: it would swallow the next test's clicks.
    if (wb && this.currentTest?.state === 'failed') {
      await wb.page.keyboard.press('Escape');
      await wb.page.keyboard.press('Escape');
    }
  });

  async function networkRow(): Promise<{ pane: Locator; row: Locator }> {
    assert.ok(wb);
    await wb.openView();
    const pane = await wb.viewPane('Networks');
    const row = wb.treeItem(network, pane);
    await row.waitFor({ timeout: 30_000 });
    return { pane, row };
  }

  it('right-click an endpoint, Disconnect: the engine no longer has it and the tree drops it', async () => {
    assert.ok(wb);
    const { pane, row } = await networkRow();
    await wb.expand(row);
    const endpoint = wb.treeItem(resident, pane);
    await endpoint.waitFor();
    // Show the menu once for the screenshot, then pick from it.
    await wb.openContextMenu(endpoint);
    await wb.page.waitForTimeout(400); // let the menu's fade-in finish for a readable screenshot
    await wb.screenshot('operations-endpoint-context-menu');
    await wb.page.keyboard.press('Escape');
    await wb.contextMenu(endpoint, 'Disconnect');

    await eventually(
      () => !(network in attachedNetworks(resident)),
      `${resident} disconnected from ${network} in the engine`,
    );
    await endpoint.waitFor({ state: 'detached' });
    await wb.screenshot('operations-after-disconnect');
  });

  it('Create Network (+ in the view title): validation shown while typing, Back keeps the answer, the engine has the network', async () => {
    assert.ok(wb);
    const name = uniqueName('ops');
    created.push(name);
    const { pane } = await networkRow();
    const taken = docker('network', 'inspect', '-f', '{{(index .IPAM.Config 0).Subnet}}', network);
    const octet = 1 + Math.floor(Math.random() * 250);
    const subnet = `10.186.${octet}.0/24`;

    await pane.locator('.pane-header').hover();
    await pane.locator('.pane-header .actions .action-label[aria-label="Create Network..."]').click();
    const widget = wb.page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    const message = widget.locator('.quick-input-message');
    const step = async (prompt: string): Promise<void> => {
      await widget
        .locator(`.quick-input-message:has-text("${prompt}"), .quick-input-box input[placeholder*="${prompt}"]`)
        .first()
        .waitFor();
    };

    await step('Name of the new network');
    await input.fill('bad name');
    await message.filter({ hasText: 'not a valid network name' }).waitFor();
    await wb.screenshot('operations-create-invalid-name');
    await input.fill(name);
    await input.press('Enter');

    await step('Network driver');
    await widget.locator('.monaco-list-row', { hasText: 'macvlan' }).waitFor();
    await wb.screenshot('operations-create-driver');
    await widget.locator('.quick-input-left-action-bar .action-label').first().click();
    await step('Name of the new network');
    assert.equal(await input.inputValue(), name, 'Back shows the earlier answer');
    await input.press('Enter');

    await step('Network driver');
    await input.fill('bridge');
    await input.press('Enter');
    await step('IPv4 subnet');
    await input.fill(taken);
    await message.filter({ hasText: `of network "${network}"` }).waitFor();
    await wb.screenshot('operations-create-overlap');
    await input.fill(subnet);
    await input.press('Enter');
    for (const prompt of ['IPv4 gateway', 'IPv4 range', 'IPv4 auxiliary', 'IPv6 subnet']) {
      await step(prompt);
      await input.press('Enter');
    }
    await step('Network flags');
    await input.press('Enter');
    await step('Driver options');
    await input.press('Enter');
    await step('Labels');
    await input.fill('e2e=yes');
    await input.press('Enter');

    await eventually(
      () => docker('network', 'ls', '-q', '--filter', `name=^${name}$`) !== '',
      `network ${name} in the engine`,
    );
    assert.equal(
      docker('network', 'inspect', '-f', '{{(index .IPAM.Config 0).Subnet}} {{.Labels.e2e}}', name),
      `${subnet} yes`,
    );
    // Revealed and selected in the tree.
    await pane.locator('.monaco-list-row.selected', { hasText: name }).waitFor();
    await wb.screenshot('operations-create-revealed');
  });

  it('right-click a network, Connect Container..., pick it, type an alias: the engine has it with that alias', async () => {
    assert.ok(wb);
    const { pane, row } = await networkRow();
    await wb.contextMenu(row, 'Connect Container...');

    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    // Filter first: on an engine with many containers the row is not rendered until the list scrolls to it.
    await input.fill(guest);
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: guest }).waitFor();
    await wb.screenshot('operations-connect-pick-container');
    await input.press('Enter');

    // The aliases step (a fresh input box of the same widget).
    await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: 'Network aliases' }).waitFor();
    await input.fill('e2e-alias');
    await wb.screenshot('operations-connect-alias');
    await input.press('Enter');
    // The static IPv4 step: the network has a subnet; empty lets the engine assign one.
    await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: 'Static IPv4' }).waitFor();
    await input.fill('');
    await input.press('Enter');

    await eventually(
      () => attachedNetworks(guest)[network]?.Aliases?.includes('e2e-alias') ?? false,
      `${guest} on ${network} with alias e2e-alias`,
    );
    await wb.expand(row);
    await wb.treeItem(guest, pane).waitFor();
    await wb.screenshot('operations-after-connect');
  });
  it('right-click a network, Remove Network...: the modal names it and its container, then the engine no longer has it', async () => {
    assert.ok(wb);
    const doomed = uniqueName('ops');
    created.push(doomed);
    docker('network', 'create', doomed);
    docker('network', 'connect', doomed, guest);
    await wb.openView();
    const pane = await wb.viewPane('Networks');
    const row = wb.treeItem(doomed, pane);
    await row.waitFor({ timeout: 30_000 });
    // As a user would: look until the tree shows the container under the network (the connect event may come
    // after the create event), then right-click.
    await wb.expand(row);
    const end = Date.now() + 15_000;
    while (!(await showsChild(pane, row, guest))) {
      if (Date.now() > end) throw new Error(`${guest} never showed under ${doomed}`);
      await wb.page.waitForTimeout(200);
    }
    await wb.contextMenu(row, 'Remove Network...');

    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.match(text, new RegExp(`Remove the network "${doomed}"\\?`));
    assert.ok(text.includes(`${guest} (${doomed})`), `the dialog does not name the container to disconnect: ${text}`);
    await wb.screenshot('operations-remove-confirm');
    await dialog.locator('.monaco-button', { hasText: 'Disconnect and Remove' }).click();

    await eventually(
      () => docker('network', 'ls', '-q', '--filter', `name=^${doomed}$`) === '',
      `${doomed} removed from the engine`,
    );
    assert.equal(doomed in attachedNetworks(guest), false);
    await row.waitFor({ state: 'detached' });
  });
  it('right-click a container in the Containers view, Connect to Network...: the engine has it on the picked network', async () => {
    assert.ok(wb);
    const target = uniqueName('ops');
    created.push(target);
    docker('network', 'create', target);
    await wb.openView();
    const pane = await wb.viewPane('Containers');
    const row = wb.treeItem(resident, pane);
    await row.waitFor({ timeout: 30_000 });
    await wb.contextMenu(row, 'Connect to Network...');

    const widget = wb.page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    await input.waitFor();
    await input.fill(target);
    await widget.locator('.monaco-list-row', { hasText: target }).waitFor();
    await wb.screenshot('operations-connect-to-network-pick');
    await input.press('Enter');
    await widget.locator('.quick-input-message', { hasText: 'Network aliases' }).waitFor();
    await input.press('Enter');
    // The engine gave the new network a subnet, so the static address step follows; empty lets it assign one.
    await widget.locator('.quick-input-message', { hasText: 'Static IPv4' }).waitFor();
    await input.press('Enter');

    await eventually(() => target in attachedNetworks(resident), `${resident} connected to ${target} in the engine`);
    docker('network', 'disconnect', target, resident);
  });
});
