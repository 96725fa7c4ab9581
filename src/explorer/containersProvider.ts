/**
 * The Containers view: containers (grouped by compose project when there are labels), each with its networks
 * (endpoints, with IPs) and its ports. Read-only here; the commands add connect/disconnect on these nodes.
 */
import * as vscode from 'vscode';
import type { TopologyChange, TopologyFeed } from '../model/feed';
import type { ContainerModel, EndpointModel, PortModel } from '../model/topology';
import type { ContainerNodeData, EndpointNodeData, GroupNodeData, PortNodeData } from './nodeTypes';
import { containerOrder, groupItems } from './present/grouping';
import { byName } from './present/text';
import type { ContainerDetailsCache } from './containerDetailsCache';
import { LiveTreeProvider, reuseNode, type OwnerTree } from './liveTreeProvider';
import type { ContainerActivitySource, ContributedNodeData } from './observedSources';
import {
  containerEndpointItem,
  containerItem,
  groupItem,
  portItem,
  resolvedContainerEndpointTooltip,
} from './treeItems';

class ContainerNode implements ContainerNodeData {
  readonly kind = 'container';
  constructor(public container: ContainerModel) {}
}

class ContainerEndpointNode implements EndpointNodeData {
  readonly kind = 'endpoint';
  constructor(public endpoint: EndpointModel) {}
}

class ProjectNode implements GroupNodeData {
  readonly kind = 'group';
  readonly groupBy = 'composeProject';
  constructor(readonly key: string) {}
}

class PortNode implements PortNodeData {
  readonly kind = 'port';
  constructor(
    readonly parent: ContainerNode,
    readonly index: number,
    readonly port: PortModel,
  ) {}
  get containerId(): string {
    return this.parent.container.id;
  }
}

export type ContainersTreeNode = ContainerNode | ContainerEndpointNode | ProjectNode | PortNode | ContributedNodeData;

const endpointOrder = byName<EndpointModel>(
  (e) => e.networkName,
  (e) => e.key,
);

export class ContainersProvider
  extends LiveTreeProvider<ContainersTreeNode>
  implements vscode.TreeDataProvider<ContainersTreeNode>
{
  private readonly containerNodes = new Map<string, ContainerNode>();
  private readonly endpointNodes = new Map<string, ContainerEndpointNode>();
  private readonly projectNodes = new Map<string, ProjectNode>();

  constructor(
    feed: TopologyFeed,
    onFirstShow: () => void = () => undefined,
    /** When given, endpoint tooltips add aliases, static IPs and DNS names from the container's inspect form. */
    private readonly details?: ContainerDetailsCache,
    /** When given, running containers get an "Observed activity" node and their tooltips its summary. */
    private readonly activity?: ContainerActivitySource,
  ) {
    super(feed, onFirstShow);
    this.activitySubscription = activity?.onDidChange((nodes) => this.changeEmitter.fire(nodes));
  }

  private readonly activitySubscription: { dispose(): void } | undefined;

  override dispose(): void {
    this.activitySubscription?.dispose();
    super.dispose();
  }

  protected buildItem(node: ContainersTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'container':
        return containerItem(node, this.endpointsOf(node.container.id), this.activity?.tooltipLines(node.container.id));
      case 'endpoint':
        return containerEndpointItem(node, this.details !== undefined);
      case 'group':
        return groupItem(node, 'containers', this.containersOf(node.key).length);
      case 'port':
        return portItem(node, node.index);
      case 'contributed':
        return this.activity?.item(node) ?? new vscode.TreeItem('');
    }
  }

  /** Called by VS Code on hover for items whose tooltip is undefined: endpoints, when details are available. */
  async resolveTreeItem(item: vscode.TreeItem, node: ContainersTreeNode): Promise<vscode.TreeItem> {
    if (node.kind === 'endpoint' && this.details && item.tooltip === undefined) {
      item.tooltip = await resolvedContainerEndpointTooltip(node.endpoint, this.details);
    }
    return item;
  }

  getChildren(node?: ContainersTreeNode): ContainersTreeNode[] {
    if (!node) return this.rootChildren();
    switch (node.kind) {
      case 'group':
        return this.containersOf(node.key).map((c) => this.containerNode(c));
      case 'container':
        return [
          ...this.endpointsOf(node.container.id).map((e) => this.endpointNode(e)),
          ...node.container.ports.map((p, index) => new PortNode(node, index, p)),
          ...(this.activity?.childrenOf(node.container) ?? []),
        ];
      case 'contributed':
        return this.activity?.children(node) ?? [];
      default:
        return [];
    }
  }

  getParent(node: ContainersTreeNode): ContainersTreeNode | undefined {
    switch (node.kind) {
      case 'container':
        return node.container.composeProject !== undefined
          ? this.projectNode(node.container.composeProject)
          : undefined;
      case 'endpoint': {
        const container = this.feed.snapshot.containers.get(node.endpoint.containerId);
        return container ? this.containerNode(container) : undefined;
      }
      case 'port':
        return node.parent;
      case 'contributed': {
        if (node.parent) return node.parent;
        const container = this.feed.snapshot.containers.get(node.containerId);
        return container ? this.containerNode(container) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** Compose projects first (as groups), then the containers without a project. */
  private rootChildren(): ContainersTreeNode[] {
    return this.connectedRoot(() => {
      const containers = [...this.feed.snapshot.containers.values()].sort(containerOrder);
      const roots: ContainersTreeNode[] = [];
      for (const group of groupItems(containers, (c) => c.composeProject ?? '')) {
        if (group.key === '') roots.push(...group.items.map((c) => this.containerNode(c)));
        else roots.push(this.projectNode(group.key));
      }
      return roots;
    });
  }

  private containersOf(project: string): ContainerModel[] {
    return [...this.feed.snapshot.containers.values()].filter((c) => c.composeProject === project).sort(containerOrder);
  }

  private endpointsOf(containerId: string): EndpointModel[] {
    return [...(this.feed.snapshot.endpointsByContainer.get(containerId) ?? [])].sort(endpointOrder);
  }

  private containerNode(container: ContainerModel): ContainerNode {
    return reuseNode(
      this.containerNodes,
      container.id,
      () => new ContainerNode(container),
      (n) => (n.container = container),
    );
  }

  private endpointNode(endpoint: EndpointModel): ContainerEndpointNode {
    return reuseNode(
      this.endpointNodes,
      endpoint.key,
      () => new ContainerEndpointNode(endpoint),
      (n) => (n.endpoint = endpoint),
    );
  }

  private projectNode(project: string): ProjectNode {
    return reuseNode(this.projectNodes, project, () => new ProjectNode(project));
  }

  /** Fires for the nodes that changed only; the root only when containers come or go, are renamed or regrouped. */
  protected applyChange({ diff }: TopologyChange): void {
    this.applyOwnedChange(diff, this.tree);
  }

  private readonly tree: OwnerTree<ContainersTreeNode, ContainerNode, ContainerEndpointNode, ContainerModel> = {
    ownerNodes: this.containerNodes,
    endpointNodes: this.endpointNodes,
    ownerDiff: (diff) => diff.containers,
    ownerIdOf: (endpoint) => endpoint.containerId,
    endpointSortName: (endpoint) => endpoint.networkName,
    movesOwner: ({ container: before }, container) =>
      before.name !== container.name || before.composeProject !== container.composeProject,
    updateOwner: (node, container) => {
      node.container = container;
      return [node];
    },
    forgetOwner: (id) => this.containerNodes.delete(id),
  };
}
