/**
 * The Swarm's part of a refresh: /info tells whether the engine is a Swarm member and whether it is a manager
 * (Swarm.LocalNodeState active, ControlAvailable); a manager then answers three list requests, made together:
 * `GET /services?status=true` (replicas running/desired), `GET /tasks` filtered to desired-state=running, and
 * `GET /nodes`. A refresh therefore costs the same number of requests at any Swarm size: 1 (+3 on a manager).
 *
 * A manager whose Swarm cannot answer keeps the rest of the refresh (networks and containers): the reason goes in
 * the listing's `problem` rather than being thrown. Measured on Docker 20.10 with two managers, one of them
 * stopped: for about 20 s both /info and the lists hang (raft is electing a leader) and end in "context deadline
 * exceeded"; from then on /info answers at once with Swarm.Error "The swarm does not have a leader..." and each
 * list fails at once with the same sentence. So: Swarm.Error set -> the lists are not asked for; a list that
 * times out, or /info timing out while the engine lists Swarm-scope networks -> a problem (the networks and
 * containers requests, made alongside, still fail the refresh if the whole engine is stuck); an unreachable
 * engine still throws.
 */
import { EngineError } from './errors';
import type { EngineInfo, EngineNetwork, EngineNode, EngineService, EngineSwarmListing, EngineTask } from './records';
import type { EngineTransport } from './transport';

/** The Swarm role /info reports; undefined when the engine is in no Swarm (inactive, pending, error, locked). */
export function swarmRole(info: EngineInfo | undefined): 'manager' | 'worker' | undefined {
  if (info?.Swarm?.LocalNodeState !== 'active') return undefined;
  return info.Swarm.ControlAvailable === true ? 'manager' : 'worker';
}

/**
 * /info, then the three lists on a manager; undefined when the engine is in no Swarm. `networks`: the refresh's
 * own network list, which tells a Swarm member whose /info hangs from an engine that is stuck.
 */
export async function swarmListingOf(
  engine: EngineTransport,
  networks?: Promise<EngineNetwork[] | null>,
): Promise<EngineSwarmListing | undefined> {
  let info: EngineInfo;
  try {
    info = await engine.request<EngineInfo>({
      method: 'GET',
      path: '/info',
      ok: [200],
      timeoutMs: engine.readTimeoutMs,
      operation: 'asking for engine information',
    });
  } catch (error) {
    // An engine that lists its Swarm networks but hangs on /info is a manager waiting for its cluster.
    const listed = await networks?.catch(() => null);
    const inSwarm = listed?.some((n) => n.Scope === 'swarm') === true;
    if (inSwarm && error instanceof EngineError && error.problem.kind === 'timeout') return unlisted(swarmStuck(error));
    throw error;
  }
  const role = swarmRole(info);
  if (role === undefined) return undefined;
  const nodeId = info.Swarm?.NodeID || undefined;
  if (role === 'worker') return { role, nodeId, services: [], tasks: [], nodes: [] };
  if (info.Swarm?.Error) return { ...unlisted(swarmProblem(info.Swarm.Error)), nodeId };
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
    if (!(error instanceof EngineError) || error.problem.kind === 'unreachable') throw error;
    if (error.problem.kind === 'timeout') return unlisted(swarmStuck(error));
    return unlisted(swarmProblem(error.problem.engineMessage ?? error.problem.message));
  }
}

function unlisted(problem: string): EngineSwarmListing {
  return { role: 'manager', problem, services: [], tasks: [], nodes: [] };
}

const NO_LEADER = /does not have a leader|no elected cluster leader|too few managers|lost quorum/i;

/** What a manager's Swarm error means and what to do, with the engine's own words kept. */
export function swarmProblem(engineMessage: string): string {
  const said = engineMessage.trim().replace(/\.+$/, '');
  if (NO_LEADER.test(said)) {
    return (
      'the Swarm has no leader (fewer than half of its managers are online, so it has lost its quorum). Networks ' +
      'and containers still show. Bring the other managers back online, or, if they are gone for good, run ' +
      `\`docker swarm init --force-new-cluster\` on this manager. The engine says: ${said}.`
    );
  }
  if (/deadline exceeded/i.test(said)) return swarmStuckText(`The engine says: ${said}.`);
  return `the Swarm manager answered with an error: ${said}. Check the managers with \`docker node ls\`.`;
}

function swarmStuck(error: EngineError): string {
  return swarmStuckText(error.message);
}

function swarmStuckText(detail: string): string {
  return (
    'the Swarm manager did not answer in time: its Swarm may be electing a leader or have lost its quorum ' +
    `(fewer than half of the managers online). Networks and containers still show; refresh in a moment. ${detail}`
  );
}
