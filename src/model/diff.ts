/**
 * What changed between two topology snapshots: networks, containers and endpoints added, removed or changed.
 * Entities are matched by id (endpoints by `${networkId}/${containerId}`) and compared field by field.
 * The same* functions compare the data of two versions of one entity: the identity fields (id, key, networkId,
 * containerId) are equal by that match and are not compared again (long strings: the diff's main cost).
 * Lists come out in the snapshots' own order (sorted by name), so consumers get stable output.
 */
import { sameList, sameRecord, sameStringList } from './fieldEquality';
import { diffSwarm, isEmptySwarmDiff } from './swarmSnapshot';
import type {
  ContainerModel,
  EndpointModel,
  EntityDiff,
  IpamConfig,
  NetworkModel,
  PortModel,
  SnapshotDiff,
  TopologySnapshot,
} from './topology';

export function diffSnapshots(before: TopologySnapshot, after: TopologySnapshot): SnapshotDiff {
  return {
    networks: diffMaps(before.networks, after.networks, sameNetwork),
    containers: diffMaps(before.containers, after.containers, sameContainer),
    endpoints: diffMaps(before.endpoints, after.endpoints, sameEndpoint),
    ...swarmPart(before, after),
  };
}

/** The Swarm's diff, as an optional part: only when either snapshot is in a Swarm. */
export function swarmPart(before: TopologySnapshot, after: TopologySnapshot): Pick<SnapshotDiff, 'swarm'> {
  if (before.swarm === after.swarm) return {};
  const swarm = diffSwarm(before.swarm, after.swarm);
  return swarm ? { swarm } : {};
}

export function isEmptyDiff(diff: SnapshotDiff): boolean {
  return (
    isEmptyEntityDiff(diff.networks) &&
    isEmptyEntityDiff(diff.containers) &&
    isEmptyEntityDiff(diff.endpoints) &&
    isEmptySwarmDiff(diff.swarm)
  );
}

function isEmptyEntityDiff<T>(diff: EntityDiff<T>): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

function diffMaps<T>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  same: (a: T, b: T) => boolean,
): EntityDiff<T> {
  const diff: EntityDiff<T> = { added: [], removed: [], changed: [] };
  for (const [key, next] of after) {
    const previous = before.get(key);
    if (previous === undefined) diff.added.push(next);
    else if (!same(previous, next)) diff.changed.push(next);
  }
  for (const [key, previous] of before) {
    if (!after.has(key)) diff.removed.push(previous);
  }
  return diff;
}

export function sameNetwork(a: NetworkModel, b: NetworkModel): boolean {
  return (
    a === b ||
    (a.name === b.name &&
      a.driver === b.driver &&
      a.scope === b.scope &&
      a.created === b.created &&
      a.ipamDriver === b.ipamDriver &&
      a.internal === b.internal &&
      a.attachable === b.attachable &&
      a.ipv6 === b.ipv6 &&
      a.ingress === b.ingress &&
      a.configOnly === b.configOnly &&
      a.configFrom === b.configFrom &&
      a.builtIn === b.builtIn &&
      a.composeProject === b.composeProject &&
      sameRecord(a.ipamOptions, b.ipamOptions) &&
      sameRecord(a.options, b.options) &&
      sameRecord(a.labels, b.labels) &&
      sameList(a.ipam, b.ipam, sameIpamConfig))
  );
}

function sameIpamConfig(a: IpamConfig, b: IpamConfig): boolean {
  return (
    a.subnet === b.subnet &&
    a.gateway === b.gateway &&
    a.ipRange === b.ipRange &&
    sameRecord(a.auxAddresses, b.auxAddresses)
  );
}

export function sameContainer(a: ContainerModel, b: ContainerModel): boolean {
  return (
    a === b ||
    (a.name === b.name &&
      a.state === b.state &&
      a.status === b.status &&
      a.image === b.image &&
      a.running === b.running &&
      a.composeProject === b.composeProject &&
      a.composeService === b.composeService &&
      a.networkMode === b.networkMode &&
      sameList(a.ports, b.ports, samePort) &&
      sameRecord(a.labels, b.labels))
  );
}

function samePort(a: PortModel, b: PortModel): boolean {
  return (
    a.containerPort === b.containerPort &&
    a.protocol === b.protocol &&
    a.hostIp === b.hostIp &&
    a.hostPort === b.hostPort
  );
}

export function sameEndpoint(a: EndpointModel, b: EndpointModel): boolean {
  return (
    a === b ||
    (a.networkName === b.networkName &&
      a.containerName === b.containerName &&
      a.endpointId === b.endpointId &&
      a.ipv4 === b.ipv4 &&
      a.ipv4PrefixLen === b.ipv4PrefixLen &&
      a.ipv6 === b.ipv6 &&
      a.ipv6PrefixLen === b.ipv6PrefixLen &&
      a.mac === b.mac &&
      a.gateway === b.gateway &&
      a.ipv6Gateway === b.ipv6Gateway &&
      a.running === b.running &&
      sameStringList(a.aliases, b.aliases))
  );
}
