/**
 * The bookkeeping of following an engine incrementally, apart from LiveTopology's scheduling and states:
 * which events wait for an answer, whether the next step is a full listing or a round of targeted requests,
 * the slow-engine fallback, the snapshot (through the SnapshotEditor) and the request counters.
 */
import type { EngineEvent, EngineListing } from '../../engine/records';
import { diffSnapshots, isEmptyDiff } from '../diff';
import type { TopologyChange } from '../feed';
import { eventTarget } from './eventTargets';
import { PendingWork } from './pendingWork';
import { SnapshotEditor } from './snapshotEditor';
import { attachedNetworkIds, targetedRound, type TargetedSource } from './targetedRound';

/** What following the engine cost it so far (for the benchmark and the burst integration test). */
export interface FollowStats {
  events: number;
  fullListings: number;
  /** Of the full listings, those chosen as the cheaper way: for a large burst, or while the engine was slow. */
  fullListingsForBursts: number;
  fullListingsWhileSlow: number;
  targetedRequests: number;
  /** Changes applied from targeted answers (one per non-empty incremental update). */
  incrementalUpdates: number;
}

export interface FollowOptions {
  /** false: every event leads to a full listing (the path before incremental updates; for the benchmark). */
  incremental?: boolean;
  maxInFlight?: number;
  /** A targeted round slower than this switches to coalesced full listings until a listing is fast again. */
  slowMs?: number;
  /** An object is asked for once no event named it for this long (PendingWork's settle window)... */
  quietMs?: number;
  /** ...this long within a kill/die sequence (a stop or destroy may follow)... */
  sequenceQuietMs?: number;
  /** ...or once it waited this long since its first event. */
  maxDelayMs?: number;
}

export const MAX_IN_FLIGHT = 4;
export const SLOW_MS = 1_000;
/**
 * `docker rm -f` on an idle engine: kill, die 50 ms later, disconnect and destroy 220 ms after the die; on a busy
 * one, several times that. 150 ms merges a connect's or a rename's events and keeps the time from an event to
 * the views under 300 ms with a prompt engine; after a kill or a die, 600 ms waits for the destroy (no request
 * at all then) or the stop; nothing waits more than a second.
 */
export const QUIET_MS = 150;
export const SEQUENCE_QUIET_MS = 600;
export const MAX_DELAY_MS = 1_000;
/** A round takes along the objects due within this long: at most 50 ms early, they share its requests. */
export const BATCH_AHEAD_MS = 50;
/** Below this many objects to ask for, targeted requests always win (a small engine lists fast anyway). */
const MIN_FULL_LISTING_BURST = 16;

export class TopologyFollower {
  readonly editor = new SnapshotEditor({ networks: [], containers: [] });
  readonly stats: FollowStats = {
    events: 0,
    fullListings: 0,
    fullListingsForBursts: 0,
    fullListingsWhileSlow: 0,
    targetedRequests: 0,
    incrementalUpdates: 0,
  };
  /** Why the coming full listing is made, for the counters. */
  private listingReason: 'required' | 'slow' | 'burst' = 'required';
  private readonly pending: PendingWork;
  /** A full listing is due (first snapshot, stream (re)connect, resync, refresh, a failed targeted request). */
  needFull = true;
  /** The engine answered a targeted round slowly: coalesced full listings until a listing is fast again. */
  private slow = false;
  private lastListingObjects = 0;
  private lastListingMs = 0;

  constructor(
    private readonly source: TargetedSource,
    private readonly options: FollowOptions,
  ) {
    this.pending = new PendingWork({
      quietMs: options.quietMs ?? QUIET_MS,
      sequenceQuietMs: options.sequenceQuietMs ?? options.quietMs ?? SEQUENCE_QUIET_MS,
      maxDelayMs: options.maxDelayMs ?? MAX_DELAY_MS,
      batchAheadMs: Math.min(BATCH_AHEAD_MS, options.quietMs ?? QUIET_MS),
    });
  }

  /** Nothing waits for an answer. */
  get idle(): boolean {
    return this.pending.isEmpty && !this.needFull;
  }

  get hasPending(): boolean {
    return !this.pending.isEmpty;
  }

  /** Notes an event; an event that names nothing we can ask for asks for a full listing. */
  note(event: EngineEvent): void {
    this.stats.events++;
    const target = this.options.incremental !== false ? eventTarget(event) : undefined;
    if (target) this.pending.note(target, Date.now());
    else this.needFull = true;
  }

  /** How long to coalesce events: while the engine is slow, at least as long as its last listing took. */
  coalesce(baseMs: number): number {
    return this.slow ? Math.max(baseMs, this.lastListingMs) : baseMs;
  }

  /**
   * When the next round is due: after the coalescing window for a full listing, else when the first pending
   * object is due (its settle window over); undefined when nothing waits.
   */
  nextRunIn(baseMs: number): number | undefined {
    if (this.needFull || this.slow || this.options.incremental === false) {
      return this.needFull || this.hasPending ? this.coalesce(baseMs) : undefined;
    }
    return this.pending.dueIn(Date.now());
  }

  /**
   * When a full listing is the cheaper way. A targeted request costs the engine a scan of its container table
   * (no serialisation) plus the JSON of the objects named; a full listing costs the JSON of every object it
   * holds. So once the objects to ask for are more than half of what the last listing held, one listing reads
   * about as many bytes as the targeted requests and is fewer requests: take it. Below
   * MIN_FULL_LISTING_BURST objects targeted requests always win.
   */
  needsFullListing(connected: boolean): boolean {
    this.listingReason = 'required';
    if (this.needFull || this.options.incremental === false || !connected) return true;
    this.listingReason = 'slow';
    if (this.slow) return true;
    this.listingReason = 'burst';
    const toAsk = this.pending.toAsk;
    return toAsk > MIN_FULL_LISTING_BURST && toAsk > this.lastListingObjects / 2;
  }

  /** A listing is about to be asked for: it covers everything noted so far. */
  beginListing(): void {
    this.needFull = false;
    this.pending.clear();
    this.stats.fullListings++;
    if (this.listingReason === 'slow') this.stats.fullListingsWhileSlow++;
    if (this.listingReason === 'burst') this.stats.fullListingsForBursts++;
    this.listingReason = 'required';
  }

  listingFailed(): void {
    this.needFull = true;
  }

  /** Starts over from the listing; returns the change to announce, if any. */
  applyListing(listing: EngineListing, tookMs: number): TopologyChange | undefined {
    this.lastListingMs = tookMs;
    if (tookMs <= (this.options.slowMs ?? SLOW_MS)) this.slow = false;
    this.lastListingObjects = (listing.networks?.length ?? 0) + (listing.containers?.length ?? 0);
    const previous = this.editor.snapshot;
    const snapshot = this.editor.reset(listing);
    // A connect announced just before the listing may not show in it yet: that container is asked for again.
    for (const id of this.pending.unconfirmed) {
      const record = listing.containers?.find((c) => c.Id === id);
      if (this.pending.isEarly(id, record && attachedNetworkIds(record)))
        this.pending.retry('container', id, Date.now());
    }
    const diff = diffSnapshots(previous, snapshot);
    return isEmptyDiff(diff) ? undefined : { diff, snapshot };
  }

  /** One round of targeted requests, applied; returns the change to announce, if any. */
  async applyTargeted(isDisposed: () => boolean): Promise<TopologyChange | undefined> {
    const started = Date.now();
    const maxInFlight = this.options.maxInFlight ?? MAX_IN_FLIGHT;
    const round = await targetedRound(this.source, this.pending, maxInFlight, started);
    if (isDisposed()) return undefined;
    this.stats.targetedRequests += round.requests;
    if (Date.now() - started > (this.options.slowMs ?? SLOW_MS)) this.slow = true;
    // A failed request: the listing tells whether the engine is gone (then unreachable) or that was all.
    if (round.failure !== undefined) this.needFull = true;
    if (round.updates.length === 0) return undefined;
    const { snapshot, diff } = this.editor.apply(round.updates);
    if (isEmptyDiff(diff)) return undefined;
    this.stats.incrementalUpdates++;
    return { diff, snapshot };
  }
}
