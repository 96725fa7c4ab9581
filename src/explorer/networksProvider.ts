/**
 * The Networks view: networks (optionally grouped), their endpoints and a details node.
 * Node objects are kept per id so VS Code can refresh exactly the nodes that changed (it matches by identity)
 * and keep expansion state across refreshes (tree item ids are stable).
 */
import * as vscode from 'vscode';
import type { TopologyChange, TopologyFeed } from '../model/feed';
import type { EndpointModel, NetworkModel } from '../model/topology';
import type { DetailNodeData, DetailsNodeData, EndpointNodeData, GroupNodeData, NetworkNodeData } from './nodeTypes';
import { networkDetailRows } from './present/networkText';
import { groupItems, networkGroupKey, visibleNetworks, type NetworkListOptions } from './present/grouping';
import { byName } from './present/text';
import type { ContainerDetailsCache } from './containerDetailsCache';
import { LiveTreeProvider, reuseNode, type OwnerTree } from './liveTreeProvider';
import type { NetworkHostFactsSource } from './observedSources';
import type { NetworkDriverSource } from './driverDetails';
import { SwarmBranch, type SwarmTreeNode } from './swarmBranch';
import { SwarmPeers, type SwarmPeersSource } from './swarmPeers';
import { meshPortItem, routingMeshItem, serviceItem, swarmNoticeItem, taskItem } from './swarmItems';
import { detailItem, detailsItem, endpointItem, groupItem, networkItem, resolvedEndpointTooltip } from './treeItems';

class NetworkNode implements NetworkNodeData {
  readonly kind = 'network';
  constructor(public network: NetworkModel) {}
}

class EndpointNode implements EndpointNodeData {
  readonly kind = 'endpoint';
  constructor(public endpoint: EndpointModel) {}
}

class DetailsNode implements DetailsNodeData {
  readonly kind = 'details';
  constructor(public network: NetworkModel) {}
}

class GroupNode implements GroupNodeData {
  readonly kind = 'group';
  constructor(
    readonly groupBy: GroupNodeData['groupBy'],
    readonly key: string,
  ) {}
}

class DetailNode implements DetailNodeData {
  readonly kind = 'detail';
  constructor(
    readonly parent: DetailsNode,
    readonly index: number,
    readonly field: DetailNodeData['field'],
    readonly name: string,
    readonly value: string,
  ) {}
  get networkId(): string {
    return this.parent.network.id;
  }
}

export type NetworksTreeNode = NetworkNode | EndpointNode | DetailsNode | DetailNode | GroupNode | SwarmTreeNode;

const endpointOrder = byName<EndpointModel>(
  (e) => e.containerName,
  (e) => e.key,
);

export class NetworksProvider
  extends LiveTreeProvider<NetworksTreeNode>
  implements vscode.TreeDataProvider<NetworksTreeNode>
{
  private readonly networkNodes = new Map<string, NetworkNode>();
  private readonly endpointNodes = new Map<string, EndpointNode>();
  private readonly detailsNodes = new Map<string, DetailsNode>();
  private readonly groupNodes = new Map<string, GroupNode>();
  private readonly swarmPeers: SwarmPeers<DetailsNode>;
  private readonly swarm = new SwarmBranch(
    () => this.feed.snapshot,
    (m, ...a) => vscode.l10n.t(m, ...a),
  );

  constructor(
    feed: TopologyFeed,
    private options: NetworkListOptions,
    /** Called on the first getChildren: the engine loads when the view is first shown, not at activation. */
    onFirstShow: () => void = () => undefined,
    /** When given, endpoint tooltips add aliases, static IPs and DNS names from the container's inspect form. */
    private readonly details?: ContainerDetailsCache,
    /** When given, Details add the network's Linux bridge and endpoint tooltips its host-side veth. */
    private readonly hostFacts?: NetworkHostFactsSource,
    /** When given, Details add the driver's kind and state, and a network whose driver is unavailable says so. */
    private readonly drivers?: NetworkDriverSource,
    /** When given, a Swarm network's Details add its peers (the nodes it spans), asked for on expand only. */
    peers?: SwarmPeersSource,
  ) {
    super(feed, onFirstShow);
    this.swarmPeers = new SwarmPeers<DetailsNode>(
      (m, ...a) => vscode.l10n.t(m, ...a),
      (details) => this.changeEmitter.fire(details),
      peers,
    );
    this.hostFactsSubscription = hostFacts?.onDidChange(() => {
      if (this.detailsNodes.size) this.changeEmitter.fire([...this.detailsNodes.values()]);
    });
    // A new driver reading: the Details (their driver rows) and the networks whose badge it changes.
    this.driversSubscription = drivers?.onDidChange(() => {
      const marked = [...this.networkNodes.values()].filter(
        (n) => drivers.badge(n.network) !== (this.shownBadges.get(n.network.id) ?? ''),
      );
      const nodes = [...marked, ...this.detailsNodes.values()];
      if (nodes.length) this.changeEmitter.fire(nodes);
    });
  }

  private readonly hostFactsSubscription: { dispose(): void } | undefined;
  private readonly driversSubscription: { dispose(): void } | undefined;
  /** The driver badge each network's item shows now, so a new reading refreshes only the items it changes. */
  private readonly shownBadges = new Map<string, string>();

  override dispose(): void {
    this.hostFactsSubscription?.dispose();
    this.driversSubscription?.dispose();
    super.dispose();
  }

  get listOptions(): NetworkListOptions {
    return this.options;
  }

  setOptions(options: NetworkListOptions): void {
    if (options.groupBy === this.options.groupBy && options.showBuiltIn === this.options.showBuiltIn) return;
    this.options = options;
    this.changeEmitter.fire(undefined);
  }

  protected buildItem(node: NetworksTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'network': {
        const badge = this.drivers?.badge(node.network) ?? '';
        this.shownBadges.set(node.network.id, badge);
        return networkItem(node, this.feed.snapshot.endpointsByNetwork.get(node.network.id)?.length ?? 0, badge);
      }
      case 'endpoint':
        return endpointItem(node, this.details !== undefined);
      case 'details':
        return detailsItem(node.network.id);
      case 'detail':
        return detailItem(node, node.index);
      case 'group':
        return groupItem(node, 'networks', this.networksIn(node).length);
      case 'service':
        return serviceItem(node);
      case 'task':
        return taskItem(node, this.feed.snapshot.swarm?.services.get(node.task.serviceId));
      case 'routingMesh':
        return routingMeshItem(node, this.swarm.children(node).length);
      case 'meshPort':
        return meshPortItem(node);
      case 'swarmNotice':
        return swarmNoticeItem(node);
    }
  }

  /** Called by VS Code on hover for items whose tooltip is undefined: endpoints, when details are available. */
  async resolveTreeItem(item: vscode.TreeItem, node: NetworksTreeNode): Promise<vscode.TreeItem> {
    if (node.kind === 'endpoint' && this.details && item.tooltip === undefined) {
      item.tooltip = await resolvedEndpointTooltip(
        node.endpoint,
        this.details,
        this.hostFacts?.endpointLines(node.endpoint),
      );
    }
    return item;
  }

  getChildren(node?: NetworksTreeNode): NetworksTreeNode[] {
    if (!node) return this.rootChildren();
    switch (node.kind) {
      case 'group':
        return this.networksIn(node).map((n) => this.networkNode(n));
      case 'network': {
        const all = this.feed.snapshot.endpointsByNetwork.get(node.network.id) ?? [];
        const endpoints = [...this.swarm.plainEndpoints(all)].sort(endpointOrder);
        return [
          ...this.swarm.networkChildren(node.network),
          ...endpoints.map((e) => this.endpointNode(e)),
          this.detailsNode(node.network),
        ];
      }
      case 'service':
      case 'routingMesh':
        return this.swarm.children(node);
      case 'details': {
        const driverRows = this.drivers?.detailRows(node.network) ?? [];
        // the driver facts name the IPAM driver with its kind (plugin, socket): the plain row would repeat it
        const ipamNamed = this.drivers?.namesIpamDriver(node.network) ?? false;
        return [
          ...networkDetailRows(node.network, (m, ...a) => vscode.l10n.t(m, ...a)).filter(
            (r) => !(ipamNamed && r.field === 'ipamDriver'),
          ),
          ...driverRows,
          ...(this.hostFacts?.detailRows(node.network) ?? []),
          ...this.swarmPeers.rows(node),
        ].map((row, index) => new DetailNode(node, index, row.field, row.name, row.value));
      }
      default:
        return [];
    }
  }

  getParent(node: NetworksTreeNode): NetworksTreeNode | undefined {
    switch (node.kind) {
      case 'network': {
        const key = networkGroupKey(node.network, this.options.groupBy);
        return key === undefined || this.options.groupBy === 'none' ? undefined : this.groupNode(key);
      }
      case 'endpoint': {
        const network = this.feed.snapshot.networks.get(node.endpoint.networkId);
        return network ? this.networkNode(network) : undefined;
      }
      case 'details':
        return this.networkNode(node.network);
      case 'detail':
        return node.parent;
      case 'task':
        return this.swarm.serviceNodeOf(node);
      case 'service':
      case 'routingMesh':
      case 'meshPort':
      case 'swarmNotice': {
        const network = this.feed.snapshot.networks.get(node.networkId);
        if (!network) return undefined;
        return node.kind === 'meshPort' ? this.swarm.networkChildren(network)[0] : this.networkNode(network);
      }
      default:
        return undefined;
    }
  }

  /** The node of a network the view shows now (for TreeView.reveal); undefined when hidden or unknown. */
  nodeForNetwork(networkId: string): NetworksTreeNode | undefined {
    const network = this.feed.snapshot.networks.get(networkId);
    if (!network || (!this.options.showBuiltIn && network.builtIn)) return undefined;
    return this.networkNode(network);
  }

  private rootChildren(): NetworksTreeNode[] {
    return this.connectedRoot(() => {
      const networks = visibleNetworks(this.feed.snapshot.networks.values(), this.options);
      const groupBy = this.options.groupBy;
      if (groupBy === 'none') return networks.map((n) => this.networkNode(n));
      return groupItems(networks, (n) => networkGroupKey(n, groupBy) ?? '').map((g) => this.groupNode(g.key));
    });
  }

  private networksIn(group: GroupNode): NetworkModel[] {
    return visibleNetworks(this.feed.snapshot.networks.values(), this.options).filter(
      (n) => networkGroupKey(n, group.groupBy) === group.key,
    );
  }

  private networkNode(network: NetworkModel): NetworkNode {
    return reuseNode(
      this.networkNodes,
      network.id,
      () => new NetworkNode(network),
      (n) => (n.network = network),
    );
  }

  private endpointNode(endpoint: EndpointModel): EndpointNode {
    return reuseNode(
      this.endpointNodes,
      endpoint.key,
      () => new EndpointNode(endpoint),
      (n) => (n.endpoint = endpoint),
    );
  }

  private detailsNode(network: NetworkModel): DetailsNode {
    return reuseNode(
      this.detailsNodes,
      network.id,
      () => new DetailsNode(network),
      (n) => (n.network = network),
    );
  }

  private groupNode(key: string): GroupNode {
    const groupBy = this.options.groupBy === 'none' ? 'driver' : this.options.groupBy;
    return reuseNode(this.groupNodes, `${groupBy}:${key}`, () => new GroupNode(groupBy, key));
  }

  /** Fires for the nodes that changed only; the root only when the list of networks (or their order) changed. */
  protected applyChange({ diff }: TopologyChange): void {
    this.applyOwnedChange(diff, this.tree);
    const touched = this.swarm.touchedNetworks(diff.swarm);
    if (touched === 'all') this.changeEmitter.fire(undefined);
    else if (touched?.size) {
      const nodes = [...touched].map((id) => this.networkNodes.get(id)).filter((n): n is NetworkNode => !!n);
      if (nodes.length) this.changeEmitter.fire(nodes);
    }
  }

  private readonly tree: OwnerTree<NetworksTreeNode, NetworkNode, EndpointNode, NetworkModel> = {
    ownerNodes: this.networkNodes,
    endpointNodes: this.endpointNodes,
    ownerDiff: (diff) => diff.networks,
    ownerIdOf: (endpoint) => endpoint.networkId,
    endpointSortName: (endpoint) => endpoint.containerName,
    movesOwner: ({ network: before }, network) =>
      before.name !== network.name ||
      before.builtIn !== network.builtIn ||
      networkGroupKey(before, this.options.groupBy) !== networkGroupKey(network, this.options.groupBy),
    updateOwner: (node, network) => {
      node.network = network;
      const details = this.detailsNodes.get(network.id);
      if (details) details.network = network;
      return details ? [node, details] : [node];
    },
    forgetOwner: (id) => {
      this.networkNodes.delete(id);
      this.shownBadges.delete(id);
      this.detailsNodes.delete(id);
    },
  };
}
