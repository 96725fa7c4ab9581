/**
 * The topology snapshot: pure data built from the engine's two lists (networks, containers).
 * Imports neither `vscode` nor dockerode; every UI part renders these types.
 */
import type { SwarmDiff, SwarmModel } from './swarmTopology';

export interface IpamConfig {
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  auxAddresses: Readonly<Record<string, string>>;
}

export interface NetworkModel {
  id: string;
  name: string;
  driver: string;
  scope: string;
  created?: string;
  ipamDriver: string;
  ipamOptions: Readonly<Record<string, string>>;
  ipam: readonly IpamConfig[];
  internal: boolean;
  attachable: boolean;
  ipv6: boolean;
  ingress: boolean;
  configOnly: boolean;
  configFrom?: string;
  /** Driver options, e.g. com.docker.network.bridge.name, com.docker.network.driver.mtu. */
  options: Readonly<Record<string, string>>;
  labels: Readonly<Record<string, string>>;
  /** bridge, host, none (and ingress / docker_gwbridge): created by the engine, never removable. */
  builtIn: boolean;
  /** com.docker.compose.project label, when the network belongs to a compose project. */
  composeProject?: string;
}

export interface PortModel {
  /** Host address the port is bound to; undefined when not published. '0.0.0.0' / '::' mean all interfaces. */
  hostIp?: string;
  hostPort?: number;
  containerPort: number;
  protocol: string;
}

export interface ContainerModel {
  id: string;
  /** Name without the leading slash. */
  name: string;
  /** created, running, paused, restarting, removing, exited, dead. */
  state: string;
  status: string;
  image: string;
  running: boolean;
  labels: Readonly<Record<string, string>>;
  composeProject?: string;
  composeService?: string;
  ports: readonly PortModel[];
  /** HostConfig.NetworkMode: default, bridge, host, none, container:<id>, or a network name. */
  networkMode: string;
}

export interface EndpointModel {
  /** `${networkId}/${containerId}`: stable across snapshots. */
  key: string;
  networkId: string;
  networkName: string;
  containerId: string;
  containerName: string;
  endpointId?: string;
  /** Address without prefix length, e.g. 172.18.0.2. */
  ipv4?: string;
  ipv4PrefixLen?: number;
  ipv6?: string;
  ipv6PrefixLen?: number;
  mac?: string;
  aliases: readonly string[];
  gateway?: string;
  ipv6Gateway?: string;
  /** The container is running (an endpoint of a stopped container is configured, not live). */
  running: boolean;
}

export interface TopologySnapshot {
  readonly networks: ReadonlyMap<string, NetworkModel>;
  readonly containers: ReadonlyMap<string, ContainerModel>;
  readonly endpoints: ReadonlyMap<string, EndpointModel>;
  /** Endpoint keys per network id and per container id, for the trees and the graph. */
  readonly endpointsByNetwork: ReadonlyMap<string, readonly EndpointModel[]>;
  readonly endpointsByContainer: ReadonlyMap<string, readonly EndpointModel[]>;
  /** Services, running tasks and nodes when the engine is in a Swarm (src/model/swarmTopology.ts). */
  readonly swarm?: SwarmModel;
}

export interface EntityDiff<T> {
  added: T[];
  removed: T[];
  /** The new version of each entity whose data changed. */
  changed: T[];
}

export interface SnapshotDiff {
  networks: EntityDiff<NetworkModel>;
  containers: EntityDiff<ContainerModel>;
  endpoints: EntityDiff<EndpointModel>;
  /** Present when either snapshot is in a Swarm. */
  swarm?: SwarmDiff;
}
