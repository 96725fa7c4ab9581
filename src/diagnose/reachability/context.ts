/** The state one analysis carries through its steps: the inputs, and the facts and fixes found so far. */
import type { EngineContainerDetails } from '../../engine/records';
import type { ContainerModel, EndpointModel, NetworkModel, TopologySnapshot } from '../../model/topology';
import type {
  Fact,
  FactCode,
  FactParams,
  FactStatus,
  Fix,
  ListeningSocket,
  Protocol,
  ReachabilityFacts,
} from './types';

export class Analysis {
  readonly facts: Fact[] = [];
  readonly fixes: Fix[] = [];
  readonly snapshot: TopologySnapshot;
  readonly protocol: Protocol;

  constructor(
    readonly input: ReachabilityFacts,
    readonly port: number | undefined,
    protocol: Protocol | undefined,
  ) {
    this.snapshot = input.snapshot;
    this.protocol = protocol ?? 'tcp';
  }

  fact(code: FactCode, status: FactStatus, field: string, subject: string, params: FactParams = {}): void {
    this.facts.push({ code, status, field, subject, params });
  }

  fix(fix: Fix): void {
    const key = JSON.stringify(fix);
    if (!this.fixes.some((f) => JSON.stringify(f) === key)) this.fixes.push(fix);
  }

  details(containerId: string): EngineContainerDetails | undefined {
    return this.input.details?.get(containerId);
  }

  sockets(...containerIds: string[]): readonly ListeningSocket[] | undefined {
    for (const id of containerIds) {
      const found = this.input.listening?.get(id);
      if (found) return found;
    }
    return undefined;
  }

  /** The container's endpoints on networks of its own (not the host / none pseudo-networks). */
  endpoints(container: ContainerModel): Array<{ endpoint: EndpointModel; network: NetworkModel }> {
    const result: Array<{ endpoint: EndpointModel; network: NetworkModel }> = [];
    for (const endpoint of this.snapshot.endpointsByContainer.get(container.id) ?? []) {
      const network = this.snapshot.networks.get(endpoint.networkId);
      if (network && network.driver !== 'host' && network.driver !== 'null') result.push({ endpoint, network });
    }
    return result;
  }
}

export function isIccDisabled(network: NetworkModel): boolean {
  return network.driver === 'bridge' && network.options['com.docker.network.bridge.enable_icc'] === 'false';
}

/** macvlan and ipvlan: the parent interface does not deliver between the host and its own containers. */
export function isMacvlanLike(network: NetworkModel): boolean {
  return network.driver === 'macvlan' || network.driver === 'ipvlan';
}

/** Containers can be connected to it at runtime (our Connect command accepts it). */
export function acceptsConnections(network: NetworkModel): boolean {
  if (network.builtIn && (network.driver === 'host' || network.driver === 'null')) return false;
  if (network.ingress || network.configOnly) return false;
  return !(network.scope === 'swarm' && !network.attachable);
}

/** A network whose gateway leads to the host (and beyond): a non-internal bridge. */
export function routesToHost(network: NetworkModel): boolean {
  return network.driver === 'bridge' && !network.internal;
}
