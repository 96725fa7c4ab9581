/**
 * The Swarm part of the topology snapshot: services, their running tasks and the nodes, as a manager lists them
 * (src/engine/swarmRequests.ts). Pure data; imports neither `vscode` nor dockerode.
 */
import type { EntityDiff } from './topology';

/** A service's virtual IP on one network (Endpoint.VirtualIPs): "10.0.1.4/24". */
export interface VirtualIpModel {
  networkId: string;
  address: string;
}

/** A port the service publishes (Endpoint.Ports): ingress (routing mesh on every node) or host (the task's node). */
export interface ServicePortModel {
  protocol: string;
  targetPort: number;
  publishedPort?: number;
  publishMode: string;
}

export interface ServiceModel {
  id: string;
  name: string;
  image: string;
  /** replicated, global, replicated-job, global-job. */
  mode: string;
  /** vip (one virtual IP per network, load-balanced by IPVS) or dnsrr (DNS round robin over the tasks). */
  endpointMode: string;
  virtualIps: readonly VirtualIpModel[];
  ports: readonly ServicePortModel[];
  /** The networks its tasks join (TaskTemplate.Networks and the networks of its VIPs, such as ingress). */
  networkIds: readonly string[];
  runningTasks: number;
  desiredTasks: number;
}

/** A task's address on one network (NetworksAttachments): "10.0.1.6/24". */
export interface TaskAddressModel {
  networkId: string;
  address: string;
}

export interface TaskModel {
  id: string;
  serviceId: string;
  /** Replica number of a replicated service; undefined for a global one. */
  slot?: number;
  nodeId: string;
  /** The node's hostname, or its id when the node is not listed. */
  nodeName: string;
  /** new, pending, assigned, accepted, preparing, starting, running, failed, rejected, ... */
  state: string;
  desiredState: string;
  /** The engine's status message ("started") or error. */
  message: string;
  containerId?: string;
  addresses: readonly TaskAddressModel[];
}

export interface SwarmNodeModel {
  id: string;
  hostname: string;
  /** manager or worker. */
  role: string;
  availability: string;
  /** ready, down, unknown, disconnected. */
  state: string;
  address: string;
  leader: boolean;
  engineVersion: string;
}

export interface SwarmModel {
  /** manager: the lists below are the Swarm's; worker: a worker cannot list services, tasks or nodes. */
  readonly role: 'manager' | 'worker';
  readonly nodeId?: string;
  /** Why a manager's lists are empty (e.g. no leader), in the engine's words. */
  readonly problem?: string;
  readonly services: ReadonlyMap<string, ServiceModel>;
  readonly tasks: ReadonlyMap<string, TaskModel>;
  readonly nodes: ReadonlyMap<string, SwarmNodeModel>;
  /** Each service's tasks, by slot then node name. */
  readonly tasksByService: ReadonlyMap<string, readonly TaskModel[]>;
  /** The services on each network id, by name. */
  readonly servicesByNetwork: ReadonlyMap<string, readonly ServiceModel[]>;
}

export interface SwarmDiff {
  /** The engine joined or left a Swarm, changed role, or its lists started or stopped failing. */
  membership: boolean;
  services: EntityDiff<ServiceModel>;
  tasks: EntityDiff<TaskModel>;
  nodes: EntityDiff<SwarmNodeModel>;
}
