/** Inspect (read-only docker-network: document beside, refreshed on change) and Copy against the real engine. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { docker, removeResources, testImage, uniqueName } from '../support/docker';
import { ScriptedPrompter } from './scriptedPrompter';
import { endpointNode, freeSubnet24, networkNode, run } from './support';

async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('operations: Inspect and Copy', () => {
  const networks: string[] = [];
  const containers: string[] = [];
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    removeResources({ containers, networks });
  });

  it('opens the engine JSON beside and refreshes it when a container connects', async () => {
    const n = uniqueName('ops');
    networks.push(n);
    const { subnet } = freeSubnet24();
    docker('network', 'create', '--subnet', subnet, n);
    const editor = await run<vscode.TextEditor>('inspectNetwork', new ScriptedPrompter([]), await networkNode(n));
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'docker-network');
    assert.equal(doc.languageId, 'json');
    const json = JSON.parse(doc.getText()) as { Name: string; IPAM: { Config: Array<{ Subnet: string }> } };
    assert.equal(json.Name, n);
    assert.equal(json.IPAM.Config[0].Subnet, subnet);

    const c = uniqueName('ops');
    containers.push(c);
    docker('run', '-d', '--name', c, '--network', n, testImage, 'sleep', '600');
    await eventually(() => doc.getText().includes(c), `the inspect document to show ${c}`);
  });

  it('from the palette, picks the network to inspect', async () => {
    const n = uniqueName('ops');
    networks.push(n);
    docker('network', 'create', n);
    await networkNode(n);
    const editor = await run<vscode.TextEditor>('inspectNetwork', new ScriptedPrompter([{ id: 'network', reply: n }]));
    assert.equal((JSON.parse(editor.document.getText()) as { Name: string }).Name, n);
  });

  it('copies a network name, ID and subnet, and an endpoint IP', async () => {
    const n = uniqueName('ops');
    networks.push(n);
    const { subnet, prefix } = freeSubnet24();
    const id = docker('network', 'create', '--subnet', subnet, n);
    const c = uniqueName('ops');
    containers.push(c);
    docker('run', '-d', '--name', c, '--network', n, '--ip', `${prefix}.44`, testImage, 'sleep', '600');
    const node = await networkNode(n);
    const ep = await endpointNode(n, c);
    const prompter = new ScriptedPrompter([]);
    await run('copyName', prompter, node);
    await run('copyId', prompter, node);
    await run('copySubnet', prompter, node);
    await run('copyIpAddress', prompter, ep);
    assert.deepEqual(prompter.seen.copied, [n, id, subnet, `${prefix}.44`]);
  });

  it('puts the value on the real clipboard when run without a prompter', async () => {
    const n = uniqueName('ops');
    networks.push(n);
    docker('network', 'create', n);
    await vscode.commands.executeCommand('dockerNetworks.copyName', await networkNode(n));
    assert.equal(await vscode.env.clipboard.readText(), n);
  });
});
