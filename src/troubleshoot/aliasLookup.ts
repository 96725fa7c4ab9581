/**
 * A typed name that is no container's name may be a network alias. Engines before API 1.44 list no aliases in the
 * container list, only in inspect: so look at the containers that share a network with the source (at most 64,
 * inspected in parallel) for that alias on a shared network. No `vscode` here.
 */
import type { EngineApi } from '../engine/api';
import type { EngineContainerDetails } from '../engine/records';
import type { ContainerModel, TopologySnapshot } from '../model/topology';

const MAX_INSPECTED = 64;

export async function findContainerByAlias(
  engine: EngineApi,
  snapshot: TopologySnapshot,
  source: ContainerModel,
  alias: string,
): Promise<ContainerModel | undefined> {
  const networks = new Set((snapshot.endpointsByContainer.get(source.id) ?? []).map((e) => e.networkName));
  const neighbours = new Set<string>();
  for (const e of snapshot.endpoints.values())
    if (networks.has(e.networkName) && e.containerId !== source.id) neighbours.add(e.containerId);
  const inspected = await Promise.all(
    [...neighbours].slice(0, MAX_INSPECTED).map((id) =>
      // A neighbour removed since the listing has no alias to offer: it is skipped, the others still answer.
      engine.inspectContainer(id).then(
        (d): EngineContainerDetails | undefined => d,
        () => undefined,
      ),
    ),
  );
  const wanted = alias.toLowerCase();
  for (const details of inspected) {
    for (const [network, settings] of Object.entries(details?.NetworkSettings?.Networks ?? {})) {
      const names = [...(settings.Aliases ?? []), ...(settings.DNSNames ?? [])];
      if (networks.has(network) && names.some((n) => n.toLowerCase() === wanted))
        return details && snapshot.containers.get(details.Id);
    }
  }
  return undefined;
}
