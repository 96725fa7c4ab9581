/**
 * What a tree node carries, shared by the views (src/explorer/) and the commands (src/commands/) that receive nodes
 * from menus. contextValue strings gate menus in package.json:
 *   network:userDefined | network:builtIn          a network (Networks view)
 *   endpoint:running | endpoint:stopped            a container's endpoint under a network (Networks view)
 *   container:running | container:stopped          a container (Containers view)
 *   containerEndpoint:running | containerEndpoint:stopped   a network under a container (Containers view)
 *   details, detail, group                          informational nodes
 */
import type { ContainerModel, EndpointModel, NetworkModel } from '../model/topology';

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

export function isNetworkNode(node: unknown): node is NetworkNodeData {
  return typeof node === 'object' && node !== null && (node as { kind?: unknown }).kind === 'network' && 'network' in node;
}

export function isEndpointNode(node: unknown): node is EndpointNodeData {
  return typeof node === 'object' && node !== null && (node as { kind?: unknown }).kind === 'endpoint' && 'endpoint' in node;
}

export function isContainerNode(node: unknown): node is ContainerNodeData {
  return typeof node === 'object' && node !== null && (node as { kind?: unknown }).kind === 'container' && 'container' in node;
}
