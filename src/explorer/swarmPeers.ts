/**
 * A Swarm network's peers in its Details: the nodes it spans, as `GET /networks/{id}` answers on a manager (Peers:
 * name, IP). Asked for only when the user expands the Details of a Swarm-scoped network, never on the refresh
 * path: the rows show "reading" at first, and the Details node is fired when the answer differs from what shows.
 */
import type { NetworkModel } from '../model/topology';
import type { DetailRow } from './present/networkText';
import type { Translate } from './present/text';

/** The inspect form's Peers of one network; rejects with the engine's failure. */
export type SwarmPeersSource = (networkId: string) => Promise<ReadonlyArray<{ Name?: string; IP?: string }>>;

export class SwarmPeers<D extends { network: NetworkModel }> {
  private readonly shown = new Map<string, DetailRow[]>();
  private readonly reading = new Set<string>();

  constructor(
    private readonly t: Translate,
    private readonly refresh: (details: D) => void,
    private readonly source?: SwarmPeersSource,
  ) {}

  /** The rows to show now; starts reading them (again) in the background. */
  rows(details: D): DetailRow[] {
    const network = details.network;
    if (!this.source || network.scope !== 'swarm') return [];
    if (!this.reading.has(network.id)) void this.read(details, this.source);
    return this.shown.get(network.id) ?? [{ field: 'peer', name: this.t('Peers'), value: this.t('reading...') }];
  }

  private async read(details: D, source: SwarmPeersSource): Promise<void> {
    const id = details.network.id;
    this.reading.add(id);
    const rows = await peerRows(id, source, this.t);
    this.reading.delete(id);
    const before = this.shown.get(id);
    if (before && JSON.stringify(before) === JSON.stringify(rows)) return;
    this.shown.set(id, rows);
    this.refresh(details);
  }
}

/** One row per peer; a sentence when there is none or the engine refused (its own message kept). */
export async function peerRows(networkId: string, source: SwarmPeersSource, t: Translate): Promise<DetailRow[]> {
  try {
    const list = await source(networkId);
    if (list.length === 0) {
      const value = t('none listed (no task on this network yet, or this engine is not a manager)');
      return [{ field: 'peer', name: t('Peers'), value }];
    }
    return list.map((peer) => ({ field: 'peer', name: t('Peer {0}', peer.Name ?? '?'), value: peer.IP ?? '' }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ field: 'peer', name: t('Peers'), value: t('could not be read: {0}', reason) }];
  }
}
