/**
 * After an outage the Networks view is emptied (its welcome view shows) and VS Code forgets which networks were
 * open. The provider remembers what the user expanded (TreeView expand/collapse events, by tree item id): when
 * the engine is back, the network opened before is handed out expanded, so the workbench asks for its children
 * again by itself; a network left collapsed is not opened.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../../src/extension';
import { docker, removeResources, testImage, uniqueName } from '../support/docker';
import { eventually, explorerApi, waitConnected, waitForSnapshot } from './explorerApi';

type NetworksNode = ReturnType<ExplorerApi['networksProvider']['getChildren']>[number];

describe('explorer: expanded networks come back expanded after an outage', function () {
  this.timeout(90_000);
  let api: ExplorerApi;
  const opened = uniqueName('explorer-expand');
  const closed = uniqueName('explorer-expand');
  const container = uniqueName('explorer-expand');
  const missing = `unix:///tmp/dne-explorer-expand-missing-${process.pid}.sock`;
  let openedId = '';
  let closedId = '';

  before(async () => {
    api = await explorerApi();
    await waitConnected(api);
    openedId = docker('network', 'create', opened);
    closedId = docker('network', 'create', closed);
    docker('run', '-d', '--name', container, '--network', opened, testImage, 'sleep', '100000');
    docker('network', 'connect', closed, container);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('host', undefined, vscode.ConfigurationTarget.Global);
    removeResources({ containers: [container], networks: [opened, closed] });
  });

  const networkNode = (id: string): NetworksNode | undefined =>
    api.networksProvider.getChildren().find((n) => n.kind === 'network' && n.network.id === id);

  it('re-opens the network the user expanded, and only that one', async () => {
    await waitForSnapshot(api, (s) => s.networks.has(openedId) && s.networks.has(closedId));
    const node = await eventually(() => networkNode(openedId), 'the network to expand');
    await api.networksView.reveal(node, { expand: true });
    await eventually(
      () =>
        api.networksProvider.getTreeItem(node).collapsibleState === vscode.TreeItemCollapsibleState.Expanded
          ? true
          : undefined,
      'the expansion reported by the workbench',
    );
    const closedNode = await eventually(() => networkNode(closedId), 'the network left collapsed');
    assert.equal(
      api.networksProvider.getTreeItem(closedNode).collapsibleState,
      vscode.TreeItemCollapsibleState.Collapsed,
    );

    const config = vscode.workspace.getConfiguration('dockerNetworks');
    await config.update('host', missing, vscode.ConfigurationTarget.Global);
    await eventually(() => (api.feed.state.kind === 'unreachable' ? true : undefined), 'the outage', 20_000);
    assert.deepEqual(api.networksProvider.getChildren(), [], 'the tree is empty during the outage');

    // Record which networks the workbench opens by itself once the engine is back.
    const askedFor = new Set<string>();
    const provider = api.networksProvider;
    const original = provider.getChildren.bind(provider);
    provider.getChildren = (n?: NetworksNode) => {
      if (n?.kind === 'network') askedFor.add(n.network.id);
      return original(n);
    };
    try {
      await config.update('host', undefined, vscode.ConfigurationTarget.Global);
      await waitConnected(api);
      // What the workbench does first: without the remembered state it leaves every network closed.
      await eventually(
        () => (askedFor.has(openedId) ? true : undefined),
        'the workbench opening the remembered network',
      );
      assert.ok(!askedFor.has(closedId), 'the network left collapsed is not opened');
      const back = await eventually(() => networkNode(openedId), 'the network back at the root');
      assert.equal(provider.getTreeItem(back).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    } finally {
      provider.getChildren = original;
    }
  });
});
