/**
 * The Swarm part of the Networks view: under a network, its services (with their tasks), the ingress network's
 * routing mesh, and the notice of what a worker cannot see. Node objects are kept per id, as the rest of the
 * view does, so VS Code refreshes exactly what changed. Containers that are tasks of a listed service show
 * under their task, not again as plain endpoints.
 */
import type { TopologySnapshot, EndpointModel, NetworkModel } from '../model/topology';
import { SWARM_TASK_LABEL } from '../model/swarmSnapshot';
import type { SwarmDiff } from '../model/swarmTopology';
import type {
  MeshPortNodeData,
  RoutingMeshNodeData,
  ServiceNodeData,
  SwarmNodeData,
  SwarmNoticeNodeData,
  TaskNodeData,
} from './nodeTypes';
import { routingMeshPorts, swarmNotice, type MeshPort } from './present/swarmText';
import type { Translate } from './present/text';
import { reuseNode } from './liveTreeProvider';

export class ServiceNode implements ServiceNodeData {
  readonly kind = 'service';
  constructor(
    readonly networkId: string,
    public service: ServiceNodeData['service'],
  ) {}
}

export class TaskNode implements TaskNodeData {
  readonly kind = 'task';
  constructor(
    readonly networkId: string,
    public task: TaskNodeData['task'],
  ) {}
}

export class RoutingMeshNode implements RoutingMeshNodeData {
  readonly kind = 'routingMesh';
  constructor(readonly networkId: string) {}
}

class MeshPortNode implements MeshPortNodeData {
  readonly kind = 'meshPort';
  constructor(
    readonly networkId: string,
    readonly index: number,
    readonly entry: MeshPort,
  ) {}
}

class SwarmNoticeNode implements SwarmNoticeNodeData {
  readonly kind = 'swarmNotice';
  constructor(
    readonly networkId: string,
    readonly text: string,
  ) {}
}

export type SwarmTreeNode = ServiceNode | TaskNode | RoutingMeshNode | MeshPortNode | SwarmNoticeNode;

export class SwarmBranch {
  private readonly serviceNodes = new Map<string, ServiceNode>();
  private readonly taskNodes = new Map<string, TaskNode>();
  private readonly meshNodes = new Map<string, RoutingMeshNode>();

  constructor(
    private readonly snapshot: () => TopologySnapshot,
    private readonly t: Translate,
  ) {}

  /** What a network shows before its plain endpoints: a notice, the routing mesh, its services. */
  networkChildren(network: NetworkModel): SwarmTreeNode[] {
    const swarm = this.snapshot().swarm;
    const notice = swarmNotice(network, swarm, this.t);
    if (notice) return [new SwarmNoticeNode(network.id, notice)];
    if (!swarm) return [];
    const nodes: SwarmTreeNode[] = [];
    if (network.ingress && routingMeshPorts(swarm).length > 0) {
      nodes.push(reuseNode(this.meshNodes, network.id, () => new RoutingMeshNode(network.id)));
    }
    for (const service of swarm.servicesByNetwork.get(network.id) ?? []) {
      const key = `${network.id}/${service.id}`;
      nodes.push(
        reuseNode(
          this.serviceNodes,
          key,
          () => new ServiceNode(network.id, service),
          (n) => (n.service = service),
        ),
      );
    }
    return nodes;
  }

  /** Endpoints of containers that are tasks of a listed service show under their task instead. */
  plainEndpoints(endpoints: readonly EndpointModel[]): readonly EndpointModel[] {
    const snapshot = this.snapshot();
    const tasks = snapshot.swarm?.tasks;
    if (!tasks || tasks.size === 0) return endpoints;
    return endpoints.filter((e) => {
      const taskId = snapshot.containers.get(e.containerId)?.labels[SWARM_TASK_LABEL];
      return taskId === undefined || !tasks.has(taskId);
    });
  }

  children(node: SwarmNodeData): SwarmTreeNode[] {
    const swarm = this.snapshot().swarm;
    if (!swarm) return [];
    if (node.kind === 'service') {
      return (swarm.tasksByService.get(node.service.id) ?? []).map((task) =>
        reuseNode(
          this.taskNodes,
          `${node.networkId}/${task.id}`,
          () => new TaskNode(node.networkId, task),
          (n) => (n.task = task),
        ),
      );
    }
    if (node.kind === 'routingMesh') {
      return routingMeshPorts(swarm).map((entry, index) => new MeshPortNode(node.networkId, index, entry));
    }
    return [];
  }

  /** The service node a task hangs under (for getParent). */
  serviceNodeOf(node: TaskNodeData): ServiceNode | undefined {
    return this.serviceNodes.get(`${node.networkId}/${node.task.serviceId}`);
  }

  /** The networks whose Swarm children changed: their nodes are fired (all of them when membership changed). */
  touchedNetworks(diff: SwarmDiff | undefined): Set<string> | 'all' | undefined {
    if (!diff) return undefined;
    if (diff.membership) return 'all';
    const swarm = this.snapshot().swarm;
    const networks = new Set<string>();
    const services = [...diff.services.added, ...diff.services.removed, ...diff.services.changed];
    for (const service of services) for (const id of service.networkIds) networks.add(id);
    for (const task of [...diff.tasks.added, ...diff.tasks.removed, ...diff.tasks.changed]) {
      for (const id of swarm?.services.get(task.serviceId)?.networkIds ?? []) networks.add(id);
      for (const address of task.addresses) networks.add(address.networkId);
    }
    for (const service of diff.services.removed) {
      for (const key of [...this.serviceNodes.keys()])
        if (key.endsWith(`/${service.id}`)) this.serviceNodes.delete(key);
    }
    for (const task of diff.tasks.removed) {
      for (const key of [...this.taskNodes.keys()]) if (key.endsWith(`/${task.id}`)) this.taskNodes.delete(key);
    }
    const nodesChanged = diff.nodes.added.length + diff.nodes.removed.length + diff.nodes.changed.length > 0;
    // A node's hostname shows in every task under it: a node change refreshes the whole view.
    return nodesChanged ? 'all' : networks;
  }
}
