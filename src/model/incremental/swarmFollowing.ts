/**
 * How the event path follows a Swarm manager: which events ask for its three lists (services, running tasks,
 * nodes), and asking for them. The engine sends service and node events (create, update, remove) but none for
 * tasks; a task's container on this node does send container events, labelled with its task id, so those ask
 * for the lists too (a scaled service's new task shows with its address and state once its container starts).
 */
import type { EngineEvent, EngineSwarmListing } from '../../engine/records';
import { SWARM_TASK_LABEL } from '../swarmSnapshot';

/** What the follower needs for Swarm refreshes; EngineApi has it (optional so plain sources need not). */
export interface SwarmSource {
  listSwarm?(): Promise<EngineSwarmListing>;
}

/** Swarm events come in bursts (a service update, then its tasks' containers): gathered this long. */
export const SWARM_COALESCE_MS = 200;

/** swarmOnly: a service or node event; alsoSwarm: a Swarm task's container event; none: nothing of the Swarm. */
export function swarmEventNeeds(event: EngineEvent): 'swarmOnly' | 'alsoSwarm' | 'none' {
  if (event.Type === 'service' || event.Type === 'node') return 'swarmOnly';
  if (event.Type === 'container' && event.Actor?.Attributes?.[SWARM_TASK_LABEL]) return 'alsoSwarm';
  return 'none';
}

/** The three lists, or the failure (the caller falls back to a full listing, which reports it). */
export async function askSwarm(source: SwarmSource): Promise<{ listing?: EngineSwarmListing; failure?: unknown }> {
  if (!source.listSwarm) return { failure: new Error('This engine client cannot list the Swarm alone.') };
  try {
    return { listing: await source.listSwarm() };
  } catch (failure) {
    return { failure };
  }
}
