/**
 * What a tree node carries, shared by the views (src/explorer/) and the commands (src/commands/) that receive nodes
 * from menus. contextValue strings gate menus in package.json:
 *   network:userDefined | network:builtIn          a network (Networks view)
 *   endpoint:running | endpoint:stopped            a container's endpoint under a network (Networks view)
 *   container:running | container:stopped          a container (Containers view)
 *   containerEndpoint:running | containerEndpoint:stopped   a network under a container (Containers view)
 *   port                                           a port of a container (Containers view)
 *   details                                        the "Details" node under a network
 *   detail:<field>                                 one detail row; <field> is one of DetailField below, e.g.
 *                                                  detail:subnet (gate with `viewItem =~ /^detail:subnet$/`)
 *   group                                          a grouping node (driver, scope, compose project)
 *   service | task                                 a Swarm service under a network, a task under its service
 *   routingMesh | meshPort | swarmNotice           the ingress network's published ports; a worker's notice
 * Menus should match with regexes anchored at the start (`viewItem =~ /^network:/`) so suffixes can be added later.
 */
import type { ServiceModel, TaskModel } from '../model/swarmTopology';
import type { ContainerModel, EndpointModel, NetworkModel, PortModel } from '../model/topology';
import type { MeshPort } from './present/swarmText';

export interface NetworkNodeData {
  readonly kind: 'network';
  readonly network: NetworkModel;
}

/** An endpoint, whether shown under its network or under its container. */
export interface EndpointNodeData {
  readonly kind: 'endpoint';
  readonly endpoint: EndpointModel;
}

export interface ContainerNodeData {
  readonly kind: 'container';
  readonly container: ContainerModel;
}

export type ResourceNodeData = NetworkNodeData | EndpointNodeData | ContainerNodeData;

/** A grouping node: networks grouped by driver, scope or compose project; containers by compose project. */
export interface GroupNodeData {
  readonly kind: 'group';
  readonly groupBy: 'driver' | 'scope' | 'composeProject';
  /** The group's value (driver name, scope, project); '' for "no compose project". */
  readonly key: string;
}

/** The "Details" node under a network. */
export interface DetailsNodeData {
  readonly kind: 'details';
  readonly network: NetworkModel;
}

export type DetailField =
  | 'id'
  | 'subnet'
  | 'gateway'
  | 'ipRange'
  | 'auxAddress'
  | 'ipamDriver'
  | 'ipamOption'
  | 'option'
  | 'label'
  | 'flags'
  | 'created'
  | 'bridge'
  | 'hostWarning'
  | 'hostFacts'
  | 'driver'
  | 'driverProblem'
  | 'thirdParty'
  | 'peer';

/** One row under a network's details. `value` is what Copy puts on the clipboard. */
export interface DetailNodeData {
  readonly kind: 'detail';
  readonly networkId: string;
  readonly field: DetailField;
  /** What the row says first, e.g. "Subnet" or an option key. */
  readonly name: string;
  readonly value: string;
}

/** A published (or exposed) port under a container (Containers view). */
export interface PortNodeData {
  readonly kind: 'port';
  readonly containerId: string;
  readonly port: PortModel;
}

export type InfoNodeData = GroupNodeData | DetailsNodeData | DetailNodeData | PortNodeData;

/** A Swarm service under one of its networks. */
export interface ServiceNodeData {
  readonly kind: 'service';
  readonly networkId: string;
  readonly service: ServiceModel;
}

/** A running task under its service, seen on one network (its address there). */
export interface TaskNodeData {
  readonly kind: 'task';
  readonly networkId: string;
  readonly task: TaskModel;
}

/** The ingress network's "Routing mesh" node; its children are the published ports. */
export interface RoutingMeshNodeData {
  readonly kind: 'routingMesh';
  readonly networkId: string;
}

export interface MeshPortNodeData {
  readonly kind: 'meshPort';
  readonly networkId: string;
  readonly index: number;
  readonly entry: MeshPort;
}

/** What a Swarm network cannot show (on a worker, or when the manager's lists failed). */
export interface SwarmNoticeNodeData {
  readonly kind: 'swarmNotice';
  readonly networkId: string;
  readonly text: string;
}

export type SwarmNodeData =
  ServiceNodeData | TaskNodeData | RoutingMeshNodeData | MeshPortNodeData | SwarmNoticeNodeData;

/** Every node either view hands to VS Code (and to commands run from its menus). */
export type TreeNodeData = ResourceNodeData | InfoNodeData | SwarmNodeData;

export function isNetworkNode(node: unknown): node is NetworkNodeData {
  return (
    typeof node === 'object' && node !== null && (node as { kind?: unknown }).kind === 'network' && 'network' in node
  );
}

export function isEndpointNode(node: unknown): node is EndpointNodeData {
  return (
    typeof node === 'object' && node !== null && (node as { kind?: unknown }).kind === 'endpoint' && 'endpoint' in node
  );
}

export function isContainerNode(node: unknown): node is ContainerNodeData {
  return (
    typeof node === 'object' &&
    node !== null &&
    (node as { kind?: unknown }).kind === 'container' &&
    'container' in node
  );
}

export function isDetailNode(node: unknown): node is DetailNodeData {
  return typeof node === 'object' && node !== null && (node as { kind?: unknown }).kind === 'detail' && 'field' in node;
}
