/** The engine-aware rules' view of a topology snapshot. */
import type { TopologySnapshot } from '../model/topology';
import type { EngineView } from './rules/types';

export function engineViewOf(snapshot: TopologySnapshot): EngineView {
  return {
    networks: [...snapshot.networks.values()],
    // A plain Map: the view goes to the lint worker by structured clone, and the live snapshot's maps are
    // persistent structures holding comparators (functions cannot be cloned).
    endpointsByNetwork: new Map(snapshot.endpointsByNetwork),
    ...(snapshot.swarm ? { swarm: snapshot.swarm.role } : {}),
  };
}
