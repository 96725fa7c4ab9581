/**
 * The Swarm in the topology graph: one node per service (its own kind and shape), joined by a task edge to each
 * of its running tasks' containers on this engine (tasks on other nodes have no container here: the service's
 * details list them). Pure, like build.ts; LiveGraph rebuilds on a Swarm change and patches task edges with
 * their containers.
 */
import type { ServiceModel, SwarmModel, TaskModel } from '../../model/swarmTopology';
import type { TopologySnapshot } from '../../model/topology';
import type { Translate } from '../../explorer/present/text';
import type { DetailRow, GraphEdge, GraphNode } from '../protocol';

export const serviceNodeId = (id: string): string => `v:${id}`;
export const taskEdgeId = (containerId: string): string => `t:${containerId}`;

const tasksByContainer = new WeakMap<SwarmModel, Map<string, TaskModel>>();

/** The running task whose container this is, if any (indexed once per Swarm model). */
export function taskOfContainer(swarm: SwarmModel | undefined, containerId: string): TaskModel | undefined {
  if (!swarm || swarm.tasks.size === 0) return undefined;
  let index = tasksByContainer.get(swarm);
  if (!index) {
    index = new Map();
    for (const task of swarm.tasks.values()) if (task.containerId) index.set(task.containerId, task);
    tasksByContainer.set(swarm, index);
  }
  return index.get(containerId);
}

export function serviceNode(service: ServiceModel, swarm: SwarmModel, t: Translate): GraphNode {
  return {
    id: serviceNodeId(service.id),
    kind: 'service',
    label: service.name,
    shape: 'hexagon',
    role: 'service',
    size: Math.min(14, 7 + Math.sqrt(service.desiredTasks)),
    details: serviceDetails(service, swarm, t),
  };
}

function serviceDetails(service: ServiceModel, swarm: SwarmModel, t: Translate): DetailRow[] {
  const rows: DetailRow[] = [
    { label: t('Image'), value: service.image },
    { label: t('Mode'), value: service.mode },
    { label: t('Endpoint mode'), value: service.endpointMode },
    { label: t('Replicas'), value: t('{0} running of {1} desired', service.runningTasks, service.desiredTasks) },
  ];
  for (const vip of service.virtualIps) {
    rows.push({ label: t('VIP on {0}', vip.networkId.slice(0, 12)), value: vip.address });
  }
  for (const task of swarm.tasksByService.get(service.id) ?? []) {
    const address = task.addresses.map((a) => a.address).join(', ');
    rows.push({
      label: t('Task {0}', task.slot ?? task.nodeName),
      value: `${task.nodeName} · ${task.state} · ${address}`,
    });
  }
  rows.push({ label: t('ID'), value: service.id });
  return rows;
}

/** The edge from a task's service to its container, when both are in the snapshot. */
export function taskEdge(containerId: string, snapshot: TopologySnapshot): GraphEdge | undefined {
  const task = taskOfContainer(snapshot.swarm, containerId);
  if (!task || !snapshot.containers.has(containerId) || !snapshot.swarm?.services.has(task.serviceId)) return undefined;
  return {
    id: taskEdgeId(containerId),
    kind: 'task',
    source: serviceNodeId(task.serviceId),
    target: `c:${containerId}`,
    label: task.slot !== undefined ? `.${task.slot}` : '',
  };
}

/** Adds the service nodes and task edges of the full graph. */
export function addSwarm(snapshot: TopologySnapshot, nodes: GraphNode[], edges: GraphEdge[], t: Translate): void {
  const swarm = snapshot.swarm;
  if (!swarm) return;
  for (const service of swarm.services.values()) nodes.push(serviceNode(service, swarm, t));
  for (const task of swarm.tasks.values()) {
    const edge = task.containerId ? taskEdge(task.containerId, snapshot) : undefined;
    if (edge) edges.push(edge);
  }
}
