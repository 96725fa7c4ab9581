/**
 * Builds the Swarm part of the snapshot from a manager's three lists, and diffs two of them. Pure and linear:
 * lookups through Maps, so 100 services x 3 tasks cost well under a millisecond.
 * - A service's replicas running/desired come from ServiceStatus (API 1.41+, `status=true`); without it, the
 *   running tasks listed and Replicas (global services: the tasks listed) stand in.
 * - A task's node name is the node's hostname, its id when the node is not in the list (it left).
 */
import type { EngineNode, EngineService, EngineServicePort, EngineSwarmListing, EngineTask } from '../engine/records';
import type { EntityDiff } from './topology';
import type { ServiceModel, ServicePortModel, SwarmDiff, SwarmModel, SwarmNodeModel, TaskModel } from './swarmTopology';

export const SWARM_SERVICE_LABEL = 'com.docker.swarm.service.id';
export const SWARM_TASK_LABEL = 'com.docker.swarm.task.id';

export function buildSwarm(listing: EngineSwarmListing): SwarmModel {
  const nodes = new Map<string, SwarmNodeModel>();
  for (const node of listing.nodes.map(toNodeModel).sort((a, b) => compare(a.hostname, b.hostname))) {
    nodes.set(node.id, node);
  }
  const tasks = new Map<string, TaskModel>();
  const tasksByService = new Map<string, TaskModel[]>();
  const running = new Map<string, number>();
  for (const raw of listing.tasks) {
    const task = toTaskModel(raw, nodes);
    tasks.set(task.id, task);
    const list = tasksByService.get(task.serviceId) ?? [];
    list.push(task);
    tasksByService.set(task.serviceId, list);
    if (task.state === 'running') running.set(task.serviceId, (running.get(task.serviceId) ?? 0) + 1);
  }
  for (const list of tasksByService.values()) list.sort(byTaskOrder);
  const services = new Map<string, ServiceModel>();
  const servicesByNetwork = new Map<string, ServiceModel[]>();
  const serviceList = listing.services.map((raw) => toServiceModel(raw, running.get(raw.ID) ?? 0));
  for (const service of serviceList.sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id))) {
    services.set(service.id, service);
    for (const networkId of service.networkIds) {
      const list = servicesByNetwork.get(networkId) ?? [];
      list.push(service);
      servicesByNetwork.set(networkId, list);
    }
  }
  return {
    role: listing.role,
    nodeId: listing.nodeId,
    problem: listing.problem,
    services,
    tasks,
    nodes,
    tasksByService,
    servicesByNetwork,
  };
}

function toServiceModel(raw: EngineService, runningListed: number): ServiceModel {
  const spec = raw.Spec ?? {};
  const mode = Object.keys(spec.Mode ?? {}).find((key) => (spec.Mode as Record<string, unknown>)[key]) ?? '';
  const virtualIps = (raw.Endpoint?.VirtualIPs ?? [])
    .filter((vip) => vip.NetworkID && vip.Addr)
    .map((vip) => ({ networkId: vip.NetworkID as string, address: vip.Addr as string }));
  const networkIds: string[] = [];
  for (const id of [
    ...(spec.TaskTemplate?.Networks ?? []).map((n) => n.Target),
    ...virtualIps.map((v) => v.networkId),
  ]) {
    if (id && !networkIds.includes(id)) networkIds.push(id);
  }
  const replicas = spec.Mode?.Replicated?.Replicas;
  return {
    id: raw.ID,
    name: spec.Name ?? raw.ID,
    image: stripDigest(spec.TaskTemplate?.ContainerSpec?.Image ?? ''),
    mode: mode.replace(/Job$/, '-job').toLowerCase(),
    endpointMode: raw.Endpoint?.Spec?.Mode || spec.EndpointSpec?.Mode || 'vip',
    virtualIps,
    ports: (raw.Endpoint?.Ports ?? spec.EndpointSpec?.Ports ?? []).map(toServicePort),
    networkIds,
    runningTasks: raw.ServiceStatus?.RunningTasks ?? runningListed,
    desiredTasks: raw.ServiceStatus?.DesiredTasks ?? replicas ?? runningListed,
  };
}

function toServicePort(raw: EngineServicePort): ServicePortModel {
  return {
    protocol: raw.Protocol || 'tcp',
    targetPort: raw.TargetPort ?? 0,
    publishedPort: raw.PublishedPort || undefined,
    publishMode: raw.PublishMode || 'ingress',
  };
}

function toTaskModel(raw: EngineTask, nodes: ReadonlyMap<string, SwarmNodeModel>): TaskModel {
  const nodeId = raw.NodeID ?? '';
  return {
    id: raw.ID,
    serviceId: raw.ServiceID ?? '',
    slot: raw.Slot || undefined,
    nodeId,
    nodeName: nodes.get(nodeId)?.hostname ?? nodeId,
    state: raw.Status?.State ?? '',
    desiredState: raw.DesiredState ?? '',
    message: raw.Status?.Err || raw.Status?.Message || '',
    containerId: raw.Status?.ContainerStatus?.ContainerID || undefined,
    addresses: (raw.NetworksAttachments ?? []).flatMap((attachment) =>
      (attachment.Addresses ?? []).map((address) => ({ networkId: attachment.Network?.ID ?? '', address })),
    ),
  };
}

function toNodeModel(raw: EngineNode): SwarmNodeModel {
  return {
    id: raw.ID,
    hostname: raw.Description?.Hostname || raw.ID,
    role: raw.Spec?.Role ?? '',
    availability: raw.Spec?.Availability ?? '',
    state: raw.Status?.State ?? '',
    address: raw.Status?.Addr ?? '',
    leader: raw.ManagerStatus?.Leader === true,
    engineVersion: raw.Description?.Engine?.EngineVersion ?? '',
  };
}

function byTaskOrder(a: TaskModel, b: TaskModel): number {
  return (a.slot ?? 0) - (b.slot ?? 0) || compare(a.nodeName, b.nodeName) || compare(a.id, b.id);
}

/** "image:tag@sha256:..." as people write it: without the digest the CLI pins. */
function stripDigest(image: string): string {
  const at = image.indexOf('@');
  return at < 0 ? image : image.slice(0, at);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What changed in the Swarm between two snapshots; undefined when neither is in a Swarm. */
export function diffSwarm(before: SwarmModel | undefined, after: SwarmModel | undefined): SwarmDiff | undefined {
  if (!before && !after) return undefined;
  const none = new Map<string, never>();
  return {
    membership: before?.role !== after?.role || before?.problem !== after?.problem,
    services: diffBySerialisation(before?.services ?? none, after?.services ?? none),
    tasks: diffBySerialisation(before?.tasks ?? none, after?.tasks ?? none),
    nodes: diffBySerialisation(before?.nodes ?? none, after?.nodes ?? none),
  };
}

export function isEmptySwarmDiff(diff: SwarmDiff | undefined): boolean {
  if (!diff) return true;
  const empty = (d: EntityDiff<unknown>): boolean => !d.added.length && !d.removed.length && !d.changed.length;
  return !diff.membership && empty(diff.services) && empty(diff.tasks) && empty(diff.nodes);
}

/**
 * Swarm models are built in one literal each (fixed key order) and hold only plain values, so equal JSON means
 * equal data; a Swarm's hundreds of objects make this cheap enough, unlike the container path.
 */
function diffBySerialisation<T>(before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>): EntityDiff<T> {
  const diff: EntityDiff<T> = { added: [], removed: [], changed: [] };
  for (const [id, next] of after) {
    const previous = before.get(id);
    if (previous === undefined) diff.added.push(next);
    else if (previous !== next && JSON.stringify(previous) !== JSON.stringify(next)) diff.changed.push(next);
  }
  for (const [id, previous] of before) if (!after.has(id)) diff.removed.push(previous);
  return diff;
}
