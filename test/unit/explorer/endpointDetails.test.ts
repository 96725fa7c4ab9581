/**
 * Endpoint tooltips with what the container's inspect form adds (aliases, static IPs, DNS names): the pure
 * composition, the per-container cache (one inspect per container, forgotten when the diff touches it) and the
 * providers' resolveTreeItem (vscode stubbed, a fake engine that counts requests).
 */
import './vscodeStub';
import * as assert from 'node:assert/strict';
import type { EngineApi } from '../../../src/engine/api';
import type { EngineContainerDetails, EngineListing } from '../../../src/engine/records';
import type { EndpointModel } from '../../../src/model/topology';
import { buildSnapshot } from '../../../src/model/snapshot';
import { ContainerDetailsCache } from '../../../src/explorer/containerDetailsCache';
import { ContainersProvider } from '../../../src/explorer/containersProvider';
import { NetworksProvider } from '../../../src/explorer/networksProvider';
import { endpointExtras, userAliases } from '../../../src/explorer/present/endpointDetails';
import { containerEndpointTooltip } from '../../../src/explorer/present/containerText';
import { endpointTooltip } from '../../../src/explorer/present/networkText';
import { untranslated as t } from '../../../src/explorer/present/text';
import { recordedListing } from './fixtureSnapshot';
import { FakeFeed } from './fakeFeed';

/** Answers inspectContainer from a table and counts the calls; any other method fails the test. */
function fakeEngine(table: Map<string, EngineContainerDetails>, calls: string[]): EngineApi {
  const unexpected = () => assert.fail('only inspectContainer is expected on hover');
  return {
    endpoint: {
      source: 'default',
      kind: 'unix',
      socketPath: '/var/run/docker.sock',
      display: 'unix:///var/run/docker.sock',
    },
    version: unexpected,
    info: unexpected,
    listing: unexpected,
    plugins: unexpected,
    inspectNetwork: unexpected,
    async inspectContainer(id: string) {
      calls.push(id);
      const details = table.get(id);
      if (!details) {
        throw Object.assign(new Error(`No such container: ${id}`), {
          problem: {
            kind: 'notFound',
            message: `Not found: No such container: ${id}. It may have been removed meanwhile; refresh and try again.`,
          },
        });
      }
      return details;
    },
    createNetwork: unexpected,
    removeNetwork: unexpected,
    pruneNetworks: unexpected,
    connect: unexpected,
    exec: unexpected,
    runHelper: unexpected,
    disconnect: unexpected,
    subscribe: unexpected,
    listContainersById: unexpected,
    inspectNetworkRecord: unexpected,
    eventsBetween: unexpected,
    dispose: () => undefined,
  };
}

/** The inspect form of an endpoint's container, as engine 20.10 answers for `--alias` and `--ip`. */
function inspectOf(endpoint: EndpointModel, settings: Record<string, unknown>): EngineContainerDetails {
  return {
    Id: endpoint.containerId,
    Name: `/${endpoint.containerName}`,
    Config: { Hostname: endpoint.containerId.slice(0, 12) },
    NetworkSettings: { Networks: { [endpoint.networkName]: { NetworkID: endpoint.networkId, ...settings } } },
  };
}

function aliasLine(tooltip: string): string {
  const line = tooltip.split('\n').find((l) => l.startsWith('**Aliases:**'));
  assert.ok(line, `an Aliases line in ${tooltip}`);
  return line;
}

const listing = (): EngineListing => structuredClone(recordedListing('before'));

describe('explorer: endpoint tooltips with the container inspect', () => {
  const snapshot = buildSnapshot(listing());
  const found = [...snapshot.endpoints.values()].find(
    (e) => e.ipv4 && !['bridge', 'host', 'none'].includes(e.networkName),
  );
  assert.ok(found, 'the fixture has an endpoint on a user-defined network');
  const endpoint: EndpointModel = found;
  const short = endpoint.containerId.slice(0, 12);

  it('adds user aliases (not the automatic short id), static IPs and DNS names, escaped', () => {
    const details = inspectOf(endpoint, {
      Aliases: ['dne-x', short, 'db_<b>primary</b>'],
      DNSNames: [endpoint.containerName, 'dne-x'],
      IPAMConfig: { IPv4Address: '10.9.0.7', IPv6Address: 'fd00::7', LinkLocalIPs: ['169.254.1.9'] },
    });
    const extra = endpointExtras(details, endpoint, t);
    assert.deepEqual(extra.kind === 'details' && extra.extras.aliases, ['dne-x', 'db_<b>primary</b>']);
    for (const tooltip of [endpointTooltip(endpoint, t, extra), containerEndpointTooltip(endpoint, t, extra)]) {
      assert.ok(tooltip.includes('**Aliases:** dne\\-x\\, db\\_\\<b\\>primary\\<\\/b\\>'), tooltip);
      assert.ok(!aliasLine(tooltip).includes(short), 'the automatic short id alias is dropped');
      assert.ok(tooltip.includes('**Static IPv4:** 10\\.9\\.0\\.7'), tooltip);
      assert.ok(tooltip.includes('**Static IPv6:** fd00\\:\\:7'), tooltip);
      assert.ok(tooltip.includes('**Link-local IPs:** 169\\.254\\.1\\.9'), tooltip);
      assert.ok(tooltip.includes(`**DNS names:** ${endpoint.containerName.replace(/-/g, '\\-')}\\, dne\\-x`), tooltip);
      assert.ok(!/(^|[^\\])</.test(tooltip), `no unescaped < in ${tooltip}`);
    }
  });

  it('matches the endpoint by network id even when inspect keys it by another (renamed) name', () => {
    const details: EngineContainerDetails = {
      Id: endpoint.containerId,
      NetworkSettings: { Networks: { 'renamed-meanwhile': { NetworkID: endpoint.networkId, Aliases: ['web'] } } },
    };
    const extra = endpointExtras(details, endpoint, t);
    assert.deepEqual(extra.kind === 'details' && extra.extras.aliases, ['web']);
  });

  it('says why when the container is no longer on the network, keeping the snapshot facts', () => {
    const details: EngineContainerDetails = { Id: endpoint.containerId, NetworkSettings: { Networks: {} } };
    const extra = endpointExtras(details, endpoint, t);
    assert.equal(extra.kind, 'unavailable');
    const tooltip = endpointTooltip(endpoint, t, extra);
    assert.ok(tooltip.includes('no longer connected to this network'), tooltip);
    assert.ok(tooltip.includes(`**IPv4:** ${endpoint.ipv4!.replace(/\./g, '\\.')}`), tooltip);
  });

  it('drops only the short id from aliases and keeps their order', () => {
    assert.deepEqual(userAliases(['b', short, 'a', 'b', ''], endpoint.containerId), ['b', 'a']);
  });

  describe('resolveTreeItem with the per-container cache', () => {
    let feed: FakeFeed;
    let calls: string[];
    let table: Map<string, EngineContainerDetails>;
    let cache: ContainerDetailsCache;

    beforeEach(() => {
      feed = new FakeFeed(buildSnapshot(listing()));
      calls = [];
      table = new Map([[endpoint.containerId, inspectOf(endpoint, { Aliases: ['dne-x', short] })]]);
      const engine = fakeEngine(table, calls);
      cache = new ContainerDetailsCache(async () => engine, feed);
    });
    afterEach(() => cache.dispose());

    function endpointNode(networks: NetworksProvider) {
      const network = networks.getChildren().find((n) => n.kind === 'network' && n.network.id === endpoint.networkId);
      assert.ok(network);
      const node = networks.getChildren(network).find((n) => n.kind === 'endpoint' && n.endpoint.key === endpoint.key);
      assert.ok(node);
      return node;
    }

    it('leaves the tooltip to resolveTreeItem, inspects once per container, and again after the diff touches it', async () => {
      const networks = new NetworksProvider(feed, { groupBy: 'none', showBuiltIn: true }, undefined, cache);
      const containers = new ContainersProvider(feed, undefined, cache);
      const node = endpointNode(networks);
      const item = networks.getTreeItem(node);
      assert.equal(item.tooltip, undefined, 'undefined, so VS Code calls resolveTreeItem on hover');
      const resolved = await networks.resolveTreeItem(item, node);
      const value = (resolved.tooltip as { value: string }).value;
      assert.ok(value.includes('**Aliases:** dne\\-x'), value);
      assert.ok(!aliasLine(value).includes(short), value);

      const containerNode = containers
        .getChildren()
        .find((n) => n.kind === 'container' && n.container.id === endpoint.containerId);
      assert.ok(containerNode);
      const underContainer = containers
        .getChildren(containerNode)
        .find((n) => n.kind === 'endpoint' && n.endpoint.key === endpoint.key);
      assert.ok(underContainer);
      const item2 = await containers.resolveTreeItem(containers.getTreeItem(underContainer), underContainer);
      assert.ok((item2.tooltip as { value: string }).value.includes('**Aliases:** dne\\-x'));
      assert.deepEqual(calls, [endpoint.containerId], 'one inspect for both views');

      // The container stops: the diff touches it, so the next hover inspects again and sees the new aliases.
      table.set(endpoint.containerId, inspectOf(endpoint, { Aliases: ['dne-y'] }));
      const next = listing();
      const container = next.containers.find((c) => c.Id === endpoint.containerId);
      assert.ok(container);
      container.State = container.State === 'running' ? 'exited' : 'running';
      feed.move(next);
      assert.equal(cache.has(endpoint.containerId), false);
      const again = await networks.resolveTreeItem(
        networks.getTreeItem(endpointNode(networks)),
        endpointNode(networks),
      );
      assert.ok((again.tooltip as { value: string }).value.includes('**Aliases:** dne\\-y'));
      assert.equal(calls.length, 2);
      networks.dispose();
      containers.dispose();
    });

    it('a removed container: the snapshot facts plus one escaped line with the engine message, not cached', async () => {
      table.clear();
      const networks = new NetworksProvider(feed, { groupBy: 'none', showBuiltIn: true }, undefined, cache);
      const node = endpointNode(networks);
      const resolved = await networks.resolveTreeItem(networks.getTreeItem(node), node);
      const value = (resolved.tooltip as { value: string }).value;
      assert.ok(
        value.includes(
          `Aliases and static addresses are not shown\\: Not found\\: No such container\\: ${endpoint.containerId}`,
        ),
        value,
      );
      assert.ok(value.includes(`**IPv4:** ${endpoint.ipv4!.replace(/\./g, '\\.')}`), value);
      assert.equal(cache.has(endpoint.containerId), false, 'a failure is not kept');
      networks.dispose();
    });

    it('without a cache the tooltip is built at once from the snapshot (no engine request)', () => {
      const networks = new NetworksProvider(feed, { groupBy: 'none', showBuiltIn: true });
      const item = networks.getTreeItem(endpointNode(networks));
      assert.ok((item.tooltip as { value: string }).value.includes('**Container ID:**'));
      assert.deepEqual(calls, []);
      networks.dispose();
    });
  });
});
