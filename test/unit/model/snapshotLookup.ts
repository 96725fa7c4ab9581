/** Finds snapshot entities by the names a user sees, failing loudly when they are missing. */
import type { ContainerModel, EndpointModel, NetworkModel, TopologySnapshot } from '../../../src/model/topology';

export function networkNamed(snapshot: TopologySnapshot, name: string): NetworkModel {
  for (const network of snapshot.networks.values()) if (network.name === name) return network;
  throw new Error(`no network named ${name}`);
}

export function containerNamed(snapshot: TopologySnapshot, name: string): ContainerModel {
  for (const container of snapshot.containers.values()) if (container.name === name) return container;
  throw new Error(`no container named ${name}`);
}

export function endpointOf(snapshot: TopologySnapshot, container: string, network: string): EndpointModel {
  const key = `${networkNamed(snapshot, network).id}/${containerNamed(snapshot, container).id}`;
  const endpoint = snapshot.endpoints.get(key);
  if (!endpoint) throw new Error(`no endpoint of ${container} on ${network}`);
  return endpoint;
}

export function endpointNames(endpoints: readonly EndpointModel[]): string[] {
  return endpoints.map((endpoint) => `${endpoint.containerName}@${endpoint.networkName}`);
}
