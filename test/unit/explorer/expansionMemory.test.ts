/**
 * Expansion remembered across the tree emptying (engine outage): the providers hand out the state the user left
 * an item in, by tree item id, whatever node object VS Code gets after the engine returns (vscode stubbed).
 */
import './vscodeStub';
import * as assert from 'node:assert/strict';
import type { Disposable } from '../../../src/engine/api';
import type { FeedState, TopologyChange, TopologyFeed } from '../../../src/model/feed';
import type { TopologySnapshot } from '../../../src/model/topology';
import { buildSnapshot } from '../../../src/model/snapshot';
import { ExpansionMemory, type ExpandableView, type ExpansionEvent } from '../../../src/explorer/expansionMemory';
import { ContainersProvider } from '../../../src/explorer/containersProvider';
import { NetworksProvider, type NetworksTreeNode } from '../../../src/explorer/networksProvider';
import { recordedListing } from './fixtureSnapshot';

const COLLAPSED = 1;
const EXPANDED = 2;

class FakeFeed implements TopologyFeed {
  state: FeedState = { kind: 'connected', endpoint: 'unix:///var/run/docker.sock' };
  private stateListeners: ((s: FeedState) => void)[] = [];
  constructor(public snapshot: TopologySnapshot) {}
  onDidChange(_l: (c: TopologyChange) => void): Disposable {
    return { dispose: () => undefined };
  }
  onDidChangeState(l: (s: FeedState) => void): Disposable {
    this.stateListeners.push(l);
    return { dispose: () => undefined };
  }
  async refresh(): Promise<void> {}
  setState(state: FeedState): void {
    this.state = state;
    for (const l of this.stateListeners) l(state);
  }
}

class FakeView<T> implements ExpandableView<T> {
  private expand: ((e: ExpansionEvent<T>) => unknown)[] = [];
  private collapse: ((e: ExpansionEvent<T>) => unknown)[] = [];
  onDidExpandElement(l: (e: ExpansionEvent<T>) => unknown) {
    this.expand.push(l);
    return { dispose: () => (this.expand = this.expand.filter((x) => x !== l)) };
  }
  onDidCollapseElement(l: (e: ExpansionEvent<T>) => unknown) {
    this.collapse.push(l);
    return { dispose: () => (this.collapse = this.collapse.filter((x) => x !== l)) };
  }
  expanded(element: T): void {
    for (const l of this.expand) l({ element });
  }
  collapsed(element: T): void {
    for (const l of this.collapse) l({ element });
  }
}

describe('explorer: expansion remembered across an engine outage', () => {
  it('ExpansionMemory: the last user action wins, else the default', () => {
    const memory = new ExpansionMemory();
    assert.equal(memory.isExpanded('network:a', false), false);
    assert.equal(memory.isExpanded('group:x', true), true);
    memory.remember('network:a', true);
    memory.remember('group:x', false);
    assert.equal(memory.isExpanded('network:a', false), true);
    assert.equal(memory.isExpanded('group:x', true), false);
    memory.remember('network:a', false);
    assert.equal(memory.isExpanded('network:a', false), false);
  });

  it('a network the user expanded comes back expanded after the tree was empty; others stay collapsed', () => {
    const feed = new FakeFeed(buildSnapshot(recordedListing('before')));
    const networks = new NetworksProvider(feed, { groupBy: 'none', showBuiltIn: true });
    const view = new FakeView<NetworksTreeNode>();
    const tracking = networks.trackExpansion(view);
    const [first, second] = networks.getChildren();
    assert.ok(first && second && first.kind === 'network' && second.kind === 'network');
    assert.equal(networks.getTreeItem(first).collapsibleState, COLLAPSED, 'collapsed by default');
    view.expanded(first);

    feed.setState({
      kind: 'unreachable',
      endpoint: 'unix:///var/run/docker.sock',
      problem: { kind: 'unreachable', message: 'down' },
    });
    assert.deepEqual(networks.getChildren(), [], 'empty during the outage');
    feed.setState({ kind: 'connected', endpoint: 'unix:///var/run/docker.sock' });
    feed.snapshot = buildSnapshot(recordedListing('before'));

    const back = networks.getChildren();
    const firstBack = back.find((n) => n.kind === 'network' && n.network.id === first.network.id);
    const secondBack = back.find((n) => n.kind === 'network' && n.network.id === second.network.id);
    assert.ok(firstBack && secondBack);
    assert.equal(networks.getTreeItem(firstBack).collapsibleState, EXPANDED);
    assert.equal(networks.getTreeItem(secondBack).collapsibleState, COLLAPSED);

    view.collapsed(firstBack);
    assert.equal(networks.getTreeItem(firstBack).collapsibleState, COLLAPSED, 'collapsing is remembered too');
    tracking.dispose();
    view.expanded(firstBack);
    assert.equal(networks.getTreeItem(firstBack).collapsibleState, COLLAPSED, 'no tracking after dispose');
    networks.dispose();
  });

  it('a group the user collapsed stays collapsed (groups open by default), and the Containers view remembers too', () => {
    const feed = new FakeFeed(buildSnapshot(recordedListing('before')));
    const networks = new NetworksProvider(feed, { groupBy: 'driver', showBuiltIn: true });
    const view = new FakeView<NetworksTreeNode>();
    networks.trackExpansion(view);
    const [group] = networks.getChildren();
    assert.ok(group && group.kind === 'group');
    assert.equal(networks.getTreeItem(group).collapsibleState, EXPANDED);
    view.collapsed(group);
    assert.equal(networks.getTreeItem(group).collapsibleState, COLLAPSED);

    const containers = new ContainersProvider(feed);
    const containerView = new FakeView<ReturnType<ContainersProvider['getChildren']>[number]>();
    containers.trackExpansion(containerView);
    const container = containers.getChildren().find((n) => n.kind === 'container');
    assert.ok(container);
    containerView.expanded(container);
    assert.equal(containers.getTreeItem(container).collapsibleState, EXPANDED);
    networks.dispose();
    containers.dispose();
  });
});
