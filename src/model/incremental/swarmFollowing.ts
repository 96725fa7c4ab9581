/**
 * How the event path follows a Swarm manager: which events ask for its three lists (services, running tasks,
 * nodes), and asking for them. The engine sends service and node events (create, update, remove) but none for
 * tasks; a task's container on this node does send container events, labelled with its task id, so those ask
 * for the lists too (a scaled service's new task shows with its address and state once its container starts).
 * A task's state reaches the manager a moment after its container's events (and tasks on other nodes send none
 * here), so while a service has fewer tasks running than desired the lists are asked for again each
 * SWARM_SETTLE_MS, at most MAX_SETTLE_FOLLOW_UPS times after the last Swarm event (a service that never
 * converges, e.g. its image is missing, is then left to the next event or resync).
 */
import type { EngineEvent, EngineSwarmListing } from '../../engine/records';
import type { SwarmModel } from '../swarmTopology';
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

/**
 * A manager's Swarm sends no event when it loses its leader (quorum lost: half of the managers or more offline),
 * nor when it gets one back. Where that can happen (two managers or more) or has happened (the lists failed), the
 * feed lists again this often instead of every RESYNC_INTERVAL_MS, so the view says so without a refresh.
 */
export const SWARM_WATCH_INTERVAL_MS = 30_000;

export function needsSwarmWatch(swarm: SwarmModel | undefined): boolean {
  if (swarm?.role !== 'manager') return false;
  if (swarm.problem) return true;
  let managers = 0;
  for (const node of swarm.nodes.values()) if (node.role === 'manager' && ++managers >= 2) return true;
  return false;
}

export const SWARM_SETTLE_MS = 1_000;
export const MAX_SETTLE_FOLLOW_UPS = 30;

/** A Swarm whose services are still starting tasks (or losing them): worth asking again shortly. */
export function isSettling(swarm: SwarmModel | undefined): boolean {
  if (swarm?.role !== 'manager') return false;
  for (const service of swarm.services.values()) if (service.runningTasks !== service.desiredTasks) return true;
  for (const task of swarm.tasks.values()) if (task.state !== 'running') return true;
  return false;
}

/** The follow-up budget after the last Swarm event, and the delay of the next ask. */
export class SwarmSettling {
  private followUps = 0;
  delayMs = SWARM_COALESCE_MS;

  /** A Swarm event: a fresh budget, asked for after the short coalescing delay. */
  restart(): void {
    this.followUps = 0;
    this.delayMs = SWARM_COALESCE_MS;
  }

  /** After fresh Swarm lists: true when another ask is due (after SWARM_SETTLE_MS). */
  followUp(swarm: SwarmModel | undefined): boolean {
    if (!isSettling(swarm) || this.followUps >= MAX_SETTLE_FOLLOW_UPS) return false;
    this.followUps++;
    this.delayMs = SWARM_SETTLE_MS;
    return true;
  }
}
