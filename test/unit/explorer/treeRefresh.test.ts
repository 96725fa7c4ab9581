/**
 * The providers refresh exactly the nodes that changed (VS Code matches fired nodes by identity with the nodes
 * getChildren returned): a changed endpoint fires its node, an added endpoint its network, the root only when
 * networks come or go, are renamed, or move between groups. Real snapshots and diffs; `vscode` is stubbed.
 */
import './vscodeStub';
import * as assert from 'node:assert/strict';
import type { EngineListing } from '../../../src/engine/records';
import { buildSnapshot } from '../../../src/model/snapshot';
import { NetworksProvider, type NetworksTreeNode } from '../../../src/explorer/networksProvider';
import { ContainersProvider, type ContainersTreeNode } from '../../../src/explorer/containersProvider';
import { recordedListing } from './fixtureSnapshot';
import { FakeFeed } from './fakeFeed';

type Fired<T> = T | T[] | undefined;

function record<T>(provider: { onDidChangeTreeData: (l: (e: Fired<T>) => void) => unknown }): Fired<T>[] {
  const fired: Fired<T>[] = [];
  provider.onDidChangeTreeData((e) => fired.push(e));
  return fired;
}

/** A deep copy of the recorded listing to edit. */
function listing(): EngineListing {
  return structuredClone(recordedListing('before'));
}

function networkId(l: EngineListing, name: string): string {
  const n = l.networks.find((x) => x.Name === name);
  if (!n) throw new Error(name);
  return n.Id;
}

function containerOf(l: EngineListing, name: string) {
  const c = l.containers.find((x) => x.Names?.[0] === `/${name}`);
  if (!c) throw new Error(name);
  return c;
}

describe('explorer: targeted tree refresh', () => {
  let feed: FakeFeed;
  let networks: NetworksProvider;
  let fired: Fired<NetworksTreeNode>[];
  const options = { groupBy: 'none' as const, showBuiltIn: true };

  beforeEach(() => {
    feed = new FakeFeed(buildSnapshot(listing()));
    networks = new NetworksProvider(feed, options);
    fired = record<NetworksTreeNode>(networks);
  });

  function shownNetwork(name: string): NetworksTreeNode {
    const node = networks.getChildren().find((n) => n.kind === 'network' && n.network.name === name);
    if (!node) throw new Error(`${name} not shown`);
    return node;
  }

  it('fires the network node when an endpoint is added under it, not the root', () => {
    const v6 = shownNetwork('dne-model-v6');
    networks.getChildren(v6);
    const next = listing();
    const plain = containerOf(next, 'dne-model-plain');
    plain.NetworkSettings!.Networks!['dne-model-v6'] = {
      NetworkID: networkId(next, 'dne-model-v6'),
      IPAddress: '172.30.50.99',
      IPPrefixLen: 24,
    };
    feed.move(next);
    assert.equal(fired.length, 1);
    assert.ok(Array.isArray(fired[0]), 'not a root refresh');
    assert.ok((fired[0] as NetworksTreeNode[]).includes(v6), 'the same node object the view holds');
    const labels = networks.getChildren(v6).map((c) => networks.getTreeItem(c).label);
    assert.ok(labels.includes('dne-model-plain'));
  });

  it('fires only the endpoint node when its address changes', () => {
    const v6 = shownNetwork('dne-model-v6');
    const web = networks
      .getChildren(v6)
      .find((c) => c.kind === 'endpoint' && c.endpoint.containerName === 'dne-model-web');
    assert.ok(web);
    const next = listing();
    containerOf(next, 'dne-model-web').NetworkSettings!.Networks!['dne-model-v6'].IPAddress = '172.30.50.200';
    feed.move(next);
    assert.deepEqual(fired, [[web]]);
    assert.match(String(networks.getTreeItem(web).description), /^172\.30\.50\.200/);
  });

  it('fires the network and its details node when a label changes', () => {
    const v6 = shownNetwork('dne-model-v6');
    const details = networks.getChildren(v6).find((c) => c.kind === 'details');
    assert.ok(details);
    const next = listing();
    next.networks.find((n) => n.Name === 'dne-model-v6')!.Labels = { team: 'platform' };
    feed.move(next);
    assert.equal(fired.length, 1);
    assert.deepEqual(new Set(fired[0] as NetworksTreeNode[]), new Set([v6, details]));
    const rows = networks.getChildren(details).map((c) => networks.getTreeItem(c));
    assert.ok(rows.some((r) => r.label === 'team' && r.description === 'platform'));
  });

  it('refreshes the root when networks come or go, or one is renamed', () => {
    shownNetwork('dne-model-v6');
    const removed = listing();
    removed.networks = removed.networks.filter((n) => n.Name !== 'dne-model-macvlan');
    feed.move(removed);
    const renamed = structuredClone(removed);
    renamed.networks.find((n) => n.Name === 'dne-model-v6')!.Name = 'dne-model-v6-renamed';
    feed.move(renamed);
    assert.deepEqual(fired, [undefined, undefined]);
    assert.ok(!networks.getChildren().some((n) => n.kind === 'network' && n.network.name === 'dne-model-macvlan'));
  });

  it('refreshes the root when the engine state changes, and shows nothing unless connected', () => {
    feed.setState({
      kind: 'unreachable',
      endpoint: 'unix:///var/run/docker.sock',
      problem: { kind: 'unreachable', message: 'down' },
    });
    assert.deepEqual(fired, [undefined]);
    assert.deepEqual(networks.getChildren(), []);
  });

  it('refreshes the root when a network moves to another group', () => {
    networks.setOptions({ groupBy: 'composeProject', showBuiltIn: true });
    const groups = networks.getChildren();
    assert.deepEqual(
      groups.map((g) => networks.getTreeItem(g).label),
      ['dne-model', 'No Compose project'],
    );
    const v6 = networks.getChildren(groups[1]).find((n) => n.kind === 'network' && n.network.name === 'dne-model-v6');
    assert.ok(v6);
    assert.equal(networks.getParent(v6), groups[1]);
    fired.length = 0;
    const next = listing();
    next.networks.find((n) => n.Name === 'dne-model-v6')!.Labels = { 'com.docker.compose.project': 'dne-model' };
    feed.move(next);
    assert.deepEqual(fired, [undefined]);
    assert.equal(networks.getChildren(networks.getChildren()[0]).length, 2);
  });
});

describe('explorer: targeted refresh in the Containers view', () => {
  it('fires the container node when it joins a network, and the root when a container comes', () => {
    const feed = new FakeFeed(buildSnapshot(listing()));
    const containers = new ContainersProvider(feed);
    const fired = record<ContainersTreeNode>(containers);
    const roots = containers.getChildren();
    const plain = roots.find((n) => n.kind === 'container' && n.container.name === 'dne-model-plain');
    assert.ok(plain, 'ungrouped containers at the root');
    assert.ok(
      roots.some((n) => n.kind === 'group' && n.key === 'dne-model'),
      'compose project group',
    );

    const joined = listing();
    containerOf(joined, 'dne-model-plain').NetworkSettings!.Networks!['dne-model-v6'] = {
      NetworkID: networkId(joined, 'dne-model-v6'),
      IPAddress: '172.30.50.99',
    };
    feed.move(joined);
    assert.deepEqual(fired, [[plain]]);
    assert.ok(containers.getChildren(plain).some((c) => containers.getTreeItem(c).label === 'dne-model-v6'));

    const more = structuredClone(joined);
    more.containers.push({
      ...structuredClone(containerOf(joined, 'dne-model-plain')),
      Id: 'f'.repeat(64),
      Names: ['/dne-model-new'],
    });
    feed.move(more);
    assert.deepEqual(fired.slice(1), [undefined]);
  });
});

describe('explorer: what the Containers view fires for changed containers and endpoints', () => {
  let feed: FakeFeed;
  let containers: ContainersProvider;
  let fired: Fired<ContainersTreeNode>[];

  beforeEach(() => {
    feed = new FakeFeed(buildSnapshot(listing()));
    containers = new ContainersProvider(feed);
    fired = record<ContainersTreeNode>(containers);
  });

  function shownContainer(name: string): ContainersTreeNode {
    const all = containers.getChildren().flatMap((n) => (n.kind === 'group' ? containers.getChildren(n) : [n]));
    const node = all.find((n) => n.kind === 'container' && n.container.name === name);
    if (!node) throw new Error(`${name} not shown`);
    return node;
  }

  it('fires only the container when its status changes, the root when it is renamed', () => {
    const plain = shownContainer('dne-model-plain');
    const stopped = listing();
    containerOf(stopped, 'dne-model-plain').Status = 'Exited (0) 1 second ago';
    feed.move(stopped);
    assert.deepEqual(fired, [[plain]]);
    const renamed = structuredClone(stopped);
    containerOf(renamed, 'dne-model-plain').Names = ['/dne-model-plain-renamed'];
    feed.move(renamed);
    assert.deepEqual(fired.slice(1), [undefined]);
    assert.equal(shownContainer('dne-model-plain-renamed'), plain, 'the same node object, holding the new name');
  });

  it('a renamed network re-sorts the container’s networks: the container and the endpoint fire, not the root', () => {
    const web = shownContainer('dne-model-web');
    const endpoint = containers
      .getChildren(web)
      .find((c) => c.kind === 'endpoint' && c.endpoint.networkName === 'dne-model-v6');
    assert.ok(endpoint);
    const next = listing();
    next.networks.find((n) => n.Name === 'dne-model-v6')!.Name = 'dne-model-a-v6';
    const attached = containerOf(next, 'dne-model-web').NetworkSettings!.Networks!;
    attached['dne-model-a-v6'] = attached['dne-model-v6'];
    delete attached['dne-model-v6'];
    feed.move(next);
    assert.equal(fired.length, 1);
    assert.ok(Array.isArray(fired[0]), 'not a root refresh');
    assert.ok(
      (fired[0] as ContainersTreeNode[]).includes(web) && (fired[0] as ContainersTreeNode[]).includes(endpoint),
    );
    assert.equal(containers.getTreeItem(endpoint).label, 'dne-model-a-v6');
  });
});
