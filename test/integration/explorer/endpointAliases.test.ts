/**
 * Endpoint tooltips resolved on hover against the real engine: the alias given with `docker network connect
 * --alias` (which the container list form of API 1.41 does not carry) appears once the provider resolves the
 * item, and a removed container's endpoint still gets a tooltip that says why the aliases are missing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../../src/extension';
import { docker, removeResources, testImage, uniqueName } from '../support/docker';
import { eventually, explorerApi, randomSubnet, waitConnected, waitForSnapshot } from './explorerApi';

type NetworksNode = ReturnType<ExplorerApi['networksProvider']['getChildren']>[number];
type ContainersNode = ReturnType<ExplorerApi['containersProvider']['getChildren']>[number];

function markdownOf(tooltip: vscode.TreeItem['tooltip']): vscode.MarkdownString {
  assert.ok(tooltip instanceof vscode.MarkdownString, `a Markdown tooltip, got ${String(tooltip)}`);
  assert.ok(!tooltip.isTrusted && !tooltip.supportHtml, 'untrusted, no HTML');
  return tooltip;
}

describe('explorer: endpoint tooltip aliases from the container inspect', function () {
  this.timeout(60_000);
  let api: ExplorerApi;
  const net = uniqueName('explorer-alias');
  const container = uniqueName('explorer-alias');
  const subnet = randomSubnet(235);
  let netId = '';
  let containerId = '';

  before(async () => {
    api = await explorerApi();
    await waitConnected(api);
    netId = docker('network', 'create', '--subnet', subnet.subnet, net);
    containerId = docker('run', '-d', '--name', container, testImage, 'sleep', '100000');
    docker('network', 'connect', '--alias', 'dne-x', '--ip', subnet.ip(9), net, container);
  });

  after(() => removeResources({ containers: [container], networks: [net] }));

  async function endpointUnderNetwork(): Promise<NetworksNode> {
    await waitForSnapshot(api, (s) => s.endpoints.has(`${netId}/${containerId}`));
    return eventually(() => {
      const network = api.networksProvider.getChildren().find((n) => n.kind === 'network' && n.network.id === netId);
      if (!network) return undefined;
      return api.networksProvider
        .getChildren(network)
        .find((n) => n.kind === 'endpoint' && n.endpoint.containerId === containerId);
    }, `the endpoint of ${container} under ${net}`);
  }

  it('shows the --alias in the Networks view tooltip once resolved, without the automatic short id', async () => {
    const node = await endpointUnderNetwork();
    assert.equal(node.kind, 'endpoint');
    assert.deepEqual(node.endpoint.aliases, [], 'the list form (the snapshot) carries no aliases on this engine');
    const item = api.networksProvider.getTreeItem(node);
    assert.equal(item.tooltip, undefined, 'left for resolveTreeItem');
    const resolved = await api.networksProvider.resolveTreeItem(item, node);
    const value = markdownOf(resolved.tooltip).value;
    const aliases = value.split('\n').find((l) => l.startsWith('**Aliases:**'));
    assert.ok(aliases, value);
    assert.ok(aliases.includes('dne\\-x'), aliases);
    assert.ok(!aliases.includes(containerId.slice(0, 12)), `the engine's own short id alias is dropped: ${aliases}`);
    assert.ok(value.includes(`**Static IPv4:** ${subnet.ip(9).replace(/\./g, '\\.')}`), value);
    assert.ok(value.includes('**MAC:** '), value);
  });

  it('shows the alias under the container in the Containers view too', async () => {
    await endpointUnderNetwork();
    const node = await eventually(() => {
      const c = api.containersProvider
        .getChildren()
        .find((n): n is ContainersNode => n.kind === 'container' && n.container.id === containerId);
      if (!c) return undefined;
      return api.containersProvider.getChildren(c).find((n) => n.kind === 'endpoint' && n.endpoint.networkId === netId);
    }, `the ${net} endpoint under ${container}`);
    const resolved = await api.containersProvider.resolveTreeItem(api.containersProvider.getTreeItem(node), node);
    assert.ok(markdownOf(resolved.tooltip).value.includes('dne\\-x'));
  });

  it('a container removed meanwhile: the snapshot facts plus why the aliases are missing', async () => {
    const node = await endpointUnderNetwork();
    docker('rm', '-f', container);
    await waitForSnapshot(api, (s) => !s.containers.has(containerId));
    // A hover on the row the tree showed just before the removal reached it.
    const resolved = await api.networksProvider.resolveTreeItem(api.networksProvider.getTreeItem(node), node);
    const value = markdownOf(resolved.tooltip).value;
    assert.ok(value.includes(`**IPv4:** ${subnet.ip(9).replace(/\./g, '\\.')}`), value);
    assert.match(value, /Aliases and static addresses are not shown\\: .*No such container/, value);
    assert.ok(!value.includes('dne\\-x'), value);
  });
});
