/**
 * Gathers the host interface facts behind the engine's networks: /sys/class/net of this host, each running
 * container's interfaces (its own /sys, through /proc/<pid>/root) and the default route, then runs the pure
 * hostNet analyzer over them. Only for a local engine; otherwise it says why nothing was read.
 */
import type { EngineApi } from '../engine/api';
import type { TopologySnapshot } from '../model/topology';
import { defaultRouteInterface, hostNetworkFacts, type HostNetFacts, type InterfaceFacts } from '../diagnose/hostNet';
import { mapBounded } from './boundedMap';
import { hostFactsAvailability, type HostFactsAvailability } from './locality';
import {
  hostReadFailure,
  readContainerInterfaces,
  readInterfaces,
  readRouteTable,
  type HostReadFailure,
} from './procFiles';
import type { SocketGatherer } from './socketGathering';

export type HostNetGathering =
  | {
      kind: 'facts';
      facts: HostNetFacts;
      /** containers whose interfaces could not be read, and why */ unread: Map<string, HostReadFailure>;
    }
  | { kind: 'unavailable'; availability: Exclude<HostFactsAvailability, { available: true }> }
  | { kind: 'failed'; failure: HostReadFailure };

type Snapshot = Pick<TopologySnapshot, 'networks' | 'endpoints' | 'containers'>;

export async function gatherHostNet(
  engine: EngineApi,
  snapshot: Snapshot,
  pids: SocketGatherer,
): Promise<HostNetGathering> {
  const availability = hostFactsAvailability(engine.endpoint);
  if (!availability.available) return { kind: 'unavailable', availability };
  let hostInterfaces: InterfaceFacts[];
  let route = '';
  try {
    hostInterfaces = await readInterfaces();
    route = await readRouteTable().catch(() => '');
  } catch (error) {
    return { kind: 'failed', failure: hostReadFailure(error) };
  }
  const running = [...snapshot.containers.values()].filter((c) => c.running && c.networkMode !== 'host');
  const containerInterfaces = new Map<string, InterfaceFacts[]>();
  const unread = new Map<string, HostReadFailure>();
  await mapBounded(running, 8, async (container) => {
    const pid = await pids.localPid(container.id);
    if (pid === undefined) {
      unread.set(container.id, { code: 'stopped', detail: 'no process of this container on this host' });
      return;
    }
    try {
      containerInterfaces.set(container.id, await readContainerInterfaces(pid));
    } catch (error) {
      unread.set(container.id, hostReadFailure(error));
    }
  });
  const uplink = defaultRouteInterface(route);
  const facts = hostNetworkFacts({
    networks: snapshot.networks.values(),
    endpoints: snapshot.endpoints.values(),
    hostInterfaces,
    containerInterfaces,
    ...(uplink !== undefined ? { defaultRouteInterface: uplink } : {}),
  });
  return { kind: 'facts', facts, unread };
}
