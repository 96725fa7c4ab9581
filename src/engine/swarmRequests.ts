/**
 * The Swarm's part of a refresh: /info tells whether the engine is a Swarm member and whether it is a manager
 * (Swarm.LocalNodeState active, ControlAvailable); a manager then answers three list requests, made together:
 * `GET /services?status=true` (replicas running/desired), `GET /tasks` filtered to desired-state=running, and
 * `GET /nodes`. A refresh therefore costs the same number of requests at any Swarm size: 1 (+3 on a manager).
 * A manager whose lists fail (no leader: quorum lost) keeps the rest of the refresh: the failure is reported in
 * the listing's `problem` rather than thrown.
 */
import { EngineError } from './errors';
import type { EngineInfo, EngineNode, EngineService, EngineSwarmListing, EngineTask } from './records';
import type { EngineTransport } from './transport';

/** The Swarm role /info reports; undefined when the engine is in no Swarm (inactive, pending, error, locked). */
export function swarmRole(info: EngineInfo | undefined): 'manager' | 'worker' | undefined {
  if (info?.Swarm?.LocalNodeState !== 'active') return undefined;
  return info.Swarm.ControlAvailable === true ? 'manager' : 'worker';
}

/** /info, then the three lists on a manager; undefined when the engine is in no Swarm. */
export async function swarmListingOf(engine: EngineTransport): Promise<EngineSwarmListing | undefined> {
  const info = await engine.request<EngineInfo>({
    method: 'GET',
    path: '/info',
    ok: [200],
    timeoutMs: engine.readTimeoutMs,
    operation: 'asking for engine information',
  });
  const role = swarmRole(info);
  if (role === undefined) return undefined;
  const nodeId = info.Swarm?.NodeID || undefined;
  if (role === 'worker') return { role, nodeId, services: [], tasks: [], nodes: [] };
  return { ...(await listSwarm(engine)), nodeId };
}

/** The three list requests of a manager, made together (the event path's swarm refresh). */
export async function listSwarm(engine: EngineTransport): Promise<EngineSwarmListing> {
  const list = <T>(path: string, query: Record<string, unknown>, operation: string): Promise<T[]> =>
    engine
      .request<T[] | null>({ method: 'GET', path, query, ok: [200], timeoutMs: engine.readTimeoutMs, operation })
      .then((answer) => answer ?? []);
  try {
    const [services, tasks, nodes] = await Promise.all([
      list<EngineService>('/services', { status: true }, 'listing Swarm services'),
      list<EngineTask>('/tasks', { filters: { 'desired-state': ['running'] } }, 'listing Swarm tasks'),
      list<EngineNode>('/nodes', {}, 'listing Swarm nodes'),
    ]);
    return { role: 'manager', services, tasks, nodes };
  } catch (error) {
    // The engine is reachable but cannot list the Swarm (no leader, the node just left): the rest still shows.
    if (!(error instanceof EngineError) || error.problem.kind === 'unreachable' || error.problem.kind === 'timeout') {
      throw error;
    }
    return { role: 'manager', problem: error.problem.message, services: [], tasks: [], nodes: [] };
  }
}
