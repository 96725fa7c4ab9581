/**
 * The Networks and Containers views inside the real extension host, against the real engine: what the tree
 * providers hold for a network and container this test creates, live updates from `docker network connect`
 * without a refresh, grouping and built-in settings, hostile names escaped in tooltips, reveal.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../../src/extension';
import { docker, removeResources, testImage, uniqueName } from '../support/docker';
import { eventually, explorerApi, labelOf, randomSubnet, waitConnected, waitForSnapshot } from './explorerApi';

type NetworksNode = ReturnType<ExplorerApi['networksProvider']['getChildren']>[number];
type ContainersNode = ReturnType<ExplorerApi['containersProvider']['getChildren']>[number];

describe('explorer: Networks and Containers views against the real engine', function () {
  this.timeout(60_000);
  let api: ExplorerApi;
  const net = uniqueName('explorer');
  const net2 = uniqueName('explorer');
  const hostileNet = `${uniqueName('explorer')}-<img src=x onerror=alert(1)>`;
  const hostileLabel = '**bold**[link](command:workbench.action.quit)';
  const container = uniqueName('explorer');
  const ports = uniqueName('explorer');
  const a = randomSubnet(233);
  const b = randomSubnet(234);
  let netId = '';
  let net2Id = '';
  let containerId = '';

  before(async () => {
    api = await explorerApi();
    await waitConnected(api);
    netId = docker(
      'network',
      'create',
      '--subnet',
      a.subnet,
      '--gateway',
      a.ip(1),
      '--label',
      'dne.test=explorer',
      net,
    );
    net2Id = docker('network', 'create', '--subnet', b.subnet, net2);
    containerId = docker(
      'run',
      '-d',
      '--name',
      container,
      '--network',
      net,
      '--ip',
      a.ip(7),
      testImage,
      'sleep',
      '100000',
    );
  });

  after(async () => {
    const config = vscode.workspace.getConfiguration('dockerNetworks');
    await config.update('groupBy', undefined, vscode.ConfigurationTarget.Global);
    await config.update('showBuiltInNetworks', undefined, vscode.ConfigurationTarget.Global);
    removeResources({ containers: [container, ports], networks: [net, net2, hostileNet] });
  });

  function networkNode(id: string): NetworksNode | undefined {
    return api.networksProvider.getChildren().find((n) => n.kind === 'network' && n.network.id === id);
  }

  it('shows the network with its driver and the container endpoint with its IPv4', async () => {
    await waitForSnapshot(api, (s) => s.endpoints.has(`${netId}/${containerId}`));
    const node = await eventually(() => networkNode(netId), 'the network at the root of the Networks view');
    const item = api.networksProvider.getTreeItem(node);
    assert.equal(labelOf(item), net);
    assert.equal(item.description, 'bridge · local');
    assert.equal(item.contextValue, 'network:userDefined');
    assert.equal(item.id, `network:${netId}`);

    const children = api.networksProvider.getChildren(node).map((c) => api.networksProvider.getTreeItem(c));
    const endpoint = children.find((c) => labelOf(c) === container);
    assert.ok(endpoint, `endpoint ${container} under ${net}: ${children.map(labelOf).join(', ')}`);
    assert.equal(endpoint.description, a.ip(7));
    assert.equal(endpoint.contextValue, 'endpoint:running');
    assert.equal(labelOf(children[children.length - 1]), 'Details');
  });

  it('lists subnet, gateway and labels under the details node', async () => {
    const node = await eventually(() => networkNode(netId), 'the network');
    const details = api.networksProvider.getChildren(node).find((c) => c.kind === 'details');
    assert.ok(details);
    const rows = api.networksProvider.getChildren(details).map((c) => api.networksProvider.getTreeItem(c));
    const row = (name: string) => rows.find((r) => labelOf(r) === name)?.description;
    assert.equal(row('Subnet'), a.subnet);
    assert.equal(row('Gateway'), a.ip(1));
    assert.equal(row('dne.test'), 'explorer');
    assert.ok(rows.some((r) => r.contextValue === 'detail:subnet'));
  });

  it('shows an endpoint connected from outside without a manual refresh, refreshing only that network', async () => {
    const node = await eventually(() => networkNode(net2Id), 'the second network');
    const fired: Array<NetworksNode | NetworksNode[] | undefined> = [];
    const subscription = api.networksProvider.onDidChangeTreeData((e) =>
      fired.push(e as NetworksNode | NetworksNode[] | undefined),
    );
    try {
      docker('network', 'connect', '--ip', b.ip(9), net2, container);
      await waitForSnapshot(api, (s) => s.endpoints.has(`${net2Id}/${containerId}`));
      const endpoint = await eventually(
        () =>
          api.networksProvider
            .getChildren(node)
            .map((c) => api.networksProvider.getTreeItem(c))
            .find((c) => labelOf(c) === container),
        'the connected endpoint under the second network',
      );
      assert.equal(endpoint.description, b.ip(9));
      // The provider fired for that network's node (its children changed), not only for the whole tree.
      assert.ok(
        fired.some((e) => Array.isArray(e) && e.includes(node)),
        `no targeted refresh of ${net2}: fired ${fired.map((e) => (e === undefined ? 'root' : Array.isArray(e) ? `[${e.length}]` : 'node')).join(', ')}`,
      );
    } finally {
      subscription.dispose();
    }
  });

  it('shows the container with its networks and published ports in the Containers view', async () => {
    docker(
      'run',
      '-d',
      '--name',
      ports,
      '--network',
      net,
      '-p',
      '127.0.0.1::80',
      '-p',
      '0.0.0.0::53/udp',
      testImage,
      'sleep',
      '100000',
    );
    const find = (): ContainersNode | undefined =>
      api.containersProvider.getChildren().find((n) => n.kind === 'container' && n.container.name === ports);
    const node = await eventually(find, 'the container in the Containers view');
    const item = api.containersProvider.getTreeItem(node);
    assert.equal(item.description, `${testImage} · running`);
    assert.equal(item.contextValue, 'container:running');
    const children = await eventually(() => {
      const rows = api.containersProvider.getChildren(node).map((c) => api.containersProvider.getTreeItem(c));
      return rows.length >= 3 ? rows : undefined;
    }, 'the endpoint and the two ports');
    const endpoint = children.find((c) => labelOf(c) === net);
    assert.ok(endpoint, children.map(labelOf).join(', '));
    assert.equal(endpoint.contextValue, 'containerEndpoint:running');
    assert.match(String(endpoint.description), /^10\.233\.\d+\.\d+$/);
    const loopback = children.find((c) => /^127\.0\.0\.1:\d+ → 80\/tcp$/.test(labelOf(c)));
    assert.ok(loopback, children.map(labelOf).join(', '));
    assert.equal(loopback.description, 'loopback only');
    const everywhere = children.find((c) => /^0\.0\.0\.0:\d+ → 53\/udp$/.test(labelOf(c)));
    assert.ok(everywhere, children.map(labelOf).join(', '));
    assert.equal(everywhere.description, 'all interfaces');
  });

  it('groups the root by driver, and hides built-in networks when asked', async () => {
    const config = vscode.workspace.getConfiguration('dockerNetworks');
    await config.update('groupBy', 'driver', vscode.ConfigurationTarget.Global);
    const groups = await eventually(() => {
      const roots = api.networksProvider.getChildren();
      return roots.length > 0 && roots.every((r) => r.kind === 'group') ? roots : undefined;
    }, 'group nodes at the root');
    const bridge = groups.find((g) => g.kind === 'group' && g.key === 'bridge');
    assert.ok(bridge, 'a bridge group');
    const inBridge = api.networksProvider.getChildren(bridge).map((c) => labelOf(api.networksProvider.getTreeItem(c)));
    assert.ok(inBridge.includes(net), inBridge.join(', '));
    const netNode = api.networksProvider
      .getChildren(bridge)
      .find((c) => c.kind === 'network' && c.network.id === netId);
    assert.ok(netNode);
    assert.equal(api.networksProvider.getParent(netNode), bridge, 'getParent leads to the group (for reveal)');

    await config.update('groupBy', 'none', vscode.ConfigurationTarget.Global);
    await config.update('showBuiltInNetworks', false, vscode.ConfigurationTarget.Global);
    const names = await eventually(() => {
      const roots = api.networksProvider.getChildren();
      return roots.every((r) => r.kind === 'network' && !r.network.builtIn) && roots.length > 0
        ? roots.map((r) => labelOf(api.networksProvider.getTreeItem(r)))
        : undefined;
    }, 'only user-defined networks at the root');
    assert.ok(!names.includes('bridge') && !names.includes('host') && !names.includes('none'), names.join(', '));
    assert.ok(names.includes(net));
    await config.update('showBuiltInNetworks', undefined, vscode.ConfigurationTarget.Global);
    await eventually(
      () =>
        api.networksProvider.getChildren().some((n) => n.kind === 'network' && n.network.name === 'bridge') ||
        undefined,
      'bridge shown again',
    );
  });

  it('renders hostile engine strings as text in tooltips: escaped, untrusted, no HTML', async () => {
    const id = docker('network', 'create', '--label', `note=${hostileLabel}`, hostileNet);
    const node = await eventually(() => networkNode(id), 'the hostile network');
    const item = api.networksProvider.getTreeItem(node);
    assert.equal(labelOf(item), hostileNet, 'the label is the plain name');
    const tooltip = item.tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.ok(!tooltip.isTrusted, 'not trusted: no command links run');
    assert.ok(!tooltip.supportHtml, 'no HTML');
    assert.ok(!/(^|[^\\])</.test(tooltip.value), `unescaped < in ${tooltip.value}`);
    assert.ok(tooltip.value.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), tooltip.value);

    const details = api.networksProvider.getChildren(node).find((c) => c.kind === 'details');
    assert.ok(details);
    const labelRow = api.networksProvider.getChildren(details).find((c) => c.kind === 'detail' && c.name === 'note');
    assert.ok(labelRow);
    const rowTooltip = api.networksProvider.getTreeItem(labelRow).tooltip;
    assert.ok(rowTooltip instanceof vscode.MarkdownString);
    assert.ok(!/(^|[^\\])\[link\]/.test(rowTooltip.value), rowTooltip.value);
    assert.ok(
      rowTooltip.value.includes('\\*\\*bold\\*\\*\\[link\\]\\(command\\:workbench\\.action\\.quit\\)'),
      rowTooltip.value,
    );
  });

  it('reveals and selects a network by id (what Create Network does after creating one)', async () => {
    await api.services.revealNetwork(netId);
    const selected = api.networksView.selection as NetworksNode[];
    assert.ok(
      selected.some((n) => n.kind === 'network' && n.network.id === netId),
      `selection: ${selected.map((n) => n.kind).join(', ')}`,
    );
  });
});
