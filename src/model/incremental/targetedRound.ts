/**
 * One round of targeted requests: at most `maxRequests` in flight together, each naming objects events named
 * that are due (PendingWork's settle window). Containers are asked for with the listing's own filter
 * (`GET /containers/json?all=1&filters={"id":[..]}`, up to CONTAINERS_PER_REQUEST ids per request), networks
 * one by one (`GET /networks/{id}`). Answers are turned into ObjectUpdates only for objects no event named since
 * (PendingWork generations); gone objects need no request at all.
 */
import type { EngineContainer, EngineNetwork } from '../../engine/records';
import type { PendingBatch, PendingWork } from './pendingWork';
import type { ObjectUpdate } from './snapshotEditor';
import { attachedNetworks } from '../snapshot';

/** What a targeted round asks the engine; EngineApi satisfies it. */
export interface TargetedSource {
  listContainersById(ids: readonly string[]): Promise<EngineContainer[]>;
  inspectNetworkRecord(id: string): Promise<EngineNetwork | undefined>;
}

/** Ids per container request: a 64-character id is 70 bytes of URL, so 40 stay under 3 KB. */
export const CONTAINERS_PER_REQUEST = 40;

export interface RoundResult {
  updates: ObjectUpdate[];
  requests: number;
  /** The first failure, if a request failed (its objects are pending again). */
  failure?: unknown;
  /** Containers whose answer did not show their connect / disconnect yet (pending again, see PendingWork). */
  early: number;
}

export async function targetedRound(
  source: TargetedSource,
  pending: PendingWork,
  maxRequests: number,
  now: number,
): Promise<RoundResult> {
  const counts = pending.askCounts();
  const networkSlots = counts.containers > 0 ? Math.min(counts.networks, Math.floor(maxRequests / 2)) : maxRequests;
  const batch = pending.take(
    (maxRequests - Math.min(networkSlots, counts.networks)) * CONTAINERS_PER_REQUEST,
    networkSlots,
    now,
  );
  const chunks: string[][] = [];
  for (let i = 0; i < batch.containers.length; i += CONTAINERS_PER_REQUEST) {
    chunks.push(batch.containers.slice(i, i + CONTAINERS_PER_REQUEST));
  }
  const [containerAnswers, networkAnswers] = await Promise.all([
    Promise.allSettled(chunks.map((ids) => source.listContainersById(ids))),
    Promise.allSettled(batch.networks.map((id) => source.inspectNetworkRecord(id))),
  ]);
  const result: RoundResult = { updates: [], requests: chunks.length + batch.networks.length, early: 0 };
  for (const id of batch.goneNetworks) result.updates.push({ kind: 'network', id, record: undefined });
  batch.networks.forEach((id, i) => {
    const answer = networkAnswers[i];
    if (answer.status === 'rejected') return failed(result, pending, 'network', [id], answer.reason);
    if (pending.isCurrent('network', id, batch)) result.updates.push({ kind: 'network', id, record: answer.value });
  });
  for (const id of batch.goneContainers) result.updates.push({ kind: 'container', id, record: undefined });
  chunks.forEach((ids, i) => {
    const answer = containerAnswers[i];
    if (answer.status === 'rejected') return failed(result, pending, 'container', ids, answer.reason);
    const byId = new Map(answer.value.map((record) => [record.Id, record]));
    for (const id of ids) {
      if (!pending.isCurrent('container', id, batch)) continue;
      const record = byId.get(id);
      if (pending.isEarly(id, record && attachedNetworkIds(record))) {
        pending.retry('container', id, Date.now());
        result.early++;
      } else result.updates.push({ kind: 'container', id, record });
    }
  });
  pending.done(batch as PendingBatch);
  return result;
}

/** The ids of the networks a container's record shows it on. */
export function attachedNetworkIds(record: EngineContainer): Set<string> {
  return new Set(Object.values(attachedNetworks(record)).map((settings) => settings.NetworkID ?? ''));
}

function failed(
  result: RoundResult,
  pending: PendingWork,
  kind: 'container' | 'network',
  ids: string[],
  reason: unknown,
): void {
  for (const id of ids) pending.retry(kind, id, Date.now());
  result.failure ??= reason;
}
