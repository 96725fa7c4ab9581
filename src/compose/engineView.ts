/** The engine-aware rules' view of a topology snapshot. */
import type { TopologySnapshot } from '../model/topology';
import type { EngineView } from './rules/types';

export function engineViewOf(snapshot: TopologySnapshot): EngineView {
  return {
    networks: [...snapshot.networks.values()],
    endpointsByNetwork: snapshot.endpointsByNetwork,
    ...(snapshot.swarm ? { swarm: snapshot.swarm.role } : {}),
  };
}
