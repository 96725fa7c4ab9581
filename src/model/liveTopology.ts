/**
 * The live topology: a snapshot kept current by the engine's events stream. Pure: the engine comes injected
 * as a TopologySource (the EngineApi fits), so it runs in plain Node tests with a fake source.
 *
 * - Events are applied incrementally (src/model/incremental/): each names a container or a network, which is
 *   asked for with one targeted request (several containers share one), coalesced over ~50 ms, at most
 *   MAX_IN_FLIGHT requests at a time; the snapshot is updated at a cost proportional to the change.
 * - A full listing (two list requests) is made for the first snapshot, on every (re)connect of the events
 *   stream, on refresh(), every `resyncIntervalMs` (catches anything missed), when a burst names so many
 *   objects that the listing is the cheaper way (see needsFullListing), and while the engine answers slowly.
 *   While a listing is in flight, new events wait and are applied after it (one more listing when they ask
 *   for one); with `incremental: false` every event leads to a listing (the path before incremental updates).
 * - onDidChange fires only when the diff is non-empty.
 * - A failed refresh makes the state unreachable and probes with back-off (1 s doubling to 15 s); the events
 *   stream reconnecting (onConnected) or any event brings the next refresh forward, so recovery is quick.
 */
import type { Disposable, EngineProblem, EventHandlers } from '../engine/api';
import { EngineError, checkApiVersion, toEngineProblem } from '../engine/errors';
import type { EngineEvent, EngineListing, EngineVersion } from '../engine/records';
import { diffSnapshots, isEmptyDiff } from './diff';
import { Emitter } from './emitter';
import type { FeedState, TopologyChange, TopologyFeed } from './feed';
import { eventTarget } from './incremental/eventTargets';
import { PendingWork } from './incremental/pendingWork';
import { SnapshotEditor } from './incremental/snapshotEditor';
import { targetedRound, type TargetedSource } from './incremental/targetedRound';
import type { TopologySnapshot } from './topology';

/** What LiveTopology needs from the engine; EngineApi satisfies it. */
export interface TopologySource extends TargetedSource {
  listing(): Promise<EngineListing>;
  subscribe(handlers: EventHandlers): Disposable;
  version(): Promise<EngineVersion>;
}

/** What the live topology cost the engine so far (for the benchmark and the burst integration test). */
export interface LiveTopologyStats {
  events: number;
  fullListings: number;
  targetedRequests: number;
  /** Changes applied from targeted answers (one per non-empty incremental update). */
  incrementalUpdates: number;
}

export interface LiveTopologyOptions {
  /** The endpoint as users read it (EngineEndpoint.display). */
  endpoint: string;
  coalesceMs?: number;
  probeInitialMs?: number;
  probeMaxMs?: number;
  /** false: every event leads to a full listing (the path before incremental updates; for the benchmark). */
  incremental?: boolean;
  /** A full listing this long after the last one, whatever the events said (0: never). */
  resyncIntervalMs?: number;
  maxInFlight?: number;
  /** A targeted round slower than this switches to coalesced full listings until a listing is fast again. */
  slowMs?: number;
}

export const COALESCE_MS = 50;
export const PROBE_INITIAL_MS = 1_000;
export const PROBE_MAX_MS = 15_000;
export const RESYNC_INTERVAL_MS = 300_000;
export const MAX_IN_FLIGHT = 4;
export const SLOW_MS = 1_000;
/** Below this many objects to ask for, targeted requests always win (a small engine lists fast anyway). */
const MIN_FULL_LISTING_BURST = 16;

export class LiveTopology implements TopologyFeed {
  private readonly editor = new SnapshotEditor({ networks: [], containers: [] });
  private readonly pending = new PendingWork();
  private readonly counters: LiveTopologyStats = { events: 0, fullListings: 0, targetedRequests: 0, incrementalUpdates: 0 };
  private currentState: FeedState;
  private readonly changes = new Emitter<TopologyChange>();
  private readonly states = new Emitter<FeedState>();
  private readonly coalesceMs: number;
  private readonly probeInitialMs: number;
  private readonly probeMaxMs: number;
  private probeDelay: number;
  /** A full listing is due (first snapshot, stream (re)connect, resync, refresh, a failed targeted request). */
  private needFull = true;
  /** The engine answered a targeted round slowly: coalesced full listings until a listing is fast again. */
  private slow = false;
  private lastListingObjects = 0;
  private lastListingMs = 0;
  private resyncTimer?: ReturnType<typeof setTimeout>;

  private subscription?: Disposable;
  private timer?: ReturnType<typeof setTimeout>;
  private timerDue = 0;
  private inFlight = false;
  /** refresh() callers waiting for the next refresh to finish. */
  private refreshWaiters: Array<() => void> = [];
  private readonly waitForCancels = new Set<(reason: Error) => void>();
  private started = false;
  private disposed = false;

  constructor(
    private readonly source: TopologySource,
    private readonly options: LiveTopologyOptions,
  ) {
    this.coalesceMs = options.coalesceMs ?? COALESCE_MS;
    this.probeInitialMs = options.probeInitialMs ?? PROBE_INITIAL_MS;
    this.probeMaxMs = options.probeMaxMs ?? PROBE_MAX_MS;
    this.probeDelay = this.probeInitialMs;
    this.currentState = { kind: 'connecting', endpoint: options.endpoint };
  }

  get snapshot(): TopologySnapshot {
    return this.editor.snapshot;
  }

  /** Nothing in flight, due or waiting: the snapshot holds everything the events announced (tests, benchmark). */
  get settled(): boolean {
    return !this.inFlight && this.timer === undefined && this.pending.isEmpty && !this.needFull;
  }

  /** Engine requests and events so far. */
  get stats(): Readonly<LiveTopologyStats> {
    return { ...this.counters };
  }

  get state(): FeedState {
    return this.currentState;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  readonly onDidChange = (listener: (change: TopologyChange) => void): Disposable => this.changes.event(listener);

  readonly onDidChangeState = (listener: (state: FeedState) => void): Disposable => this.states.event(listener);

  /** Subscribes to the events stream and schedules the first refresh (coalesced with the stream's connect). */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    this.subscription = this.source.subscribe({
      onEvent: (event) => this.noteEvent(event),
      onConnected: () => this.needFullListing(),
      onDisconnected: () => {
        // A broken stream while connected may mean the engine went away: find out with a refresh.
        // While already unreachable, the probe timer keeps its back-off.
        if (this.currentState.kind === 'connected') this.needFullListing();
      },
    });
    this.schedule(this.coalesceMs);
  }

  /** Fetches a fresh snapshot now; resolves once a refresh started after this call has finished. */
  refresh(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.refreshWaiters.push(resolve);
      this.needFull = true;
      if (!this.inFlight) this.schedule(0);
    });
  }

  /** Resolves with the first snapshot (current or coming) that satisfies the predicate; for tests and benchmarks. */
  waitFor(predicate: (snapshot: TopologySnapshot) => boolean, timeoutMs: number): Promise<TopologySnapshot> {
    if (predicate(this.snapshot)) return Promise.resolve(this.snapshot);
    if (this.disposed) return Promise.reject(new Error('The live topology is disposed.'));
    return new Promise<TopologySnapshot>((resolve, reject) => {
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        listener.dispose();
        this.waitForCancels.delete(finish);
        if (error) reject(error);
        else resolve(this.snapshot);
      };
      const timer = setTimeout(
        () =>
          finish(
            new Error(
              `The topology did not reach the expected state within ${timeoutMs} ms ` +
                `(engine ${this.currentState.kind} at ${this.options.endpoint}).`,
            ),
          ),
        timeoutMs,
      );
      const listener = this.changes.event((change) => {
        if (predicate(change.snapshot)) finish();
      });
      this.waitForCancels.add(finish);
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clearTimer();
    if (this.resyncTimer !== undefined) clearTimeout(this.resyncTimer);
    this.subscription?.dispose();
    this.subscription = undefined;
    for (const cancel of [...this.waitForCancels]) cancel(new Error('The live topology was disposed.'));
    this.resolveWaiters(this.refreshWaiters.splice(0));
    this.changes.dispose();
    this.states.dispose();
  }

  private noteEvent(event: EngineEvent): void {
    this.counters.events++;
    const target = this.incremental ? eventTarget(event) : undefined;
    if (target) this.pending.note(target);
    else this.needFull = true;
    this.schedule(this.slow ? Math.max(this.coalesceMs, this.lastListingMs) : this.coalesceMs);
  }

  private needFullListing(): void {
    this.needFull = true;
    this.schedule(this.coalesceMs);
  }

  private get incremental(): boolean {
    return this.options.incremental !== false;
  }

  /**
   * When a full listing is the cheaper way. A targeted request costs the engine a scan of its container table
   * (no serialisation) plus the JSON of the objects named; a full listing costs the JSON of every object it
   * holds. So once the objects to ask for are more than half of what the last listing held, one listing reads
   * about as many bytes as the targeted requests and is fewer requests: take it. Below
   * MIN_FULL_LISTING_BURST objects targeted requests always win.
   */
  private needsFullListing(): boolean {
    if (this.needFull || this.slow || !this.incremental || this.currentState.kind !== 'connected') return true;
    const toAsk = this.pending.toAsk;
    return toAsk > MIN_FULL_LISTING_BURST && toAsk > this.lastListingObjects / 2;
  }

  /** Runs a refresh after `delayMs`, unless one is due sooner or in flight (the next follows it). */
  private schedule(delayMs: number): void {
    if (this.disposed || this.inFlight) return;
    const due = Date.now() + delayMs;
    if (this.timer !== undefined && this.timerDue <= due) return;
    this.clearTimer();
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One full listing or one targeted round; never rejects: failures become the unreachable state and a probe. */
  private async run(): Promise<void> {
    this.inFlight = true;
    const full = this.needsFullListing();
    const waiters = full ? this.refreshWaiters.splice(0) : [];
    let probeIn: number | undefined;
    try {
      if (full) await this.fetchAndApply();
      else await this.applyTargeted();
    } catch (error) {
      probeIn = this.fail(toEngineProblem(error, { endpoint: this.options.endpoint }));
    } finally {
      this.inFlight = false;
      this.resolveWaiters(waiters);
    }
    if (this.disposed) return;
    if (this.refreshWaiters.length > 0) this.schedule(0);
    else if (probeIn !== undefined) this.schedule(probeIn);
    else if (this.needFull) this.schedule(this.slow ? Math.max(this.coalesceMs, this.lastListingMs) : this.coalesceMs);
    else if (!this.pending.isEmpty) this.schedule(0);
  }

  private async applyTargeted(): Promise<void> {
    const started = Date.now();
    const round = await targetedRound(this.source, this.pending, this.options.maxInFlight ?? MAX_IN_FLIGHT);
    if (this.disposed) return;
    this.counters.targetedRequests += round.requests;
    if (Date.now() - started > (this.options.slowMs ?? SLOW_MS)) this.slow = true;
    // A failed request: the listing tells whether the engine is gone (then unreachable) or that was all.
    if (round.failure !== undefined) this.needFull = true;
    if (round.updates.length === 0) return;
    const { snapshot, diff } = this.editor.apply(round.updates);
    if (!isEmptyDiff(diff)) {
      this.counters.incrementalUpdates++;
      this.changes.fire({ diff, snapshot });
    }
  }

  private async fetchAndApply(): Promise<void> {
    let engineVersion: string | undefined;
    if (this.currentState.kind !== 'connected') {
      const version = await this.source.version();
      if (this.disposed) return;
      const tooOld = checkApiVersion(version.ApiVersion, this.options.endpoint);
      if (tooOld) throw new EngineError(tooOld);
      engineVersion = version.Version;
    }
    // Everything noted so far is covered by this listing; events from now on are applied after it.
    this.needFull = false;
    this.pending.clear();
    const started = Date.now();
    this.counters.fullListings++;
    let listing: EngineListing;
    try {
      listing = await this.source.listing();
    } catch (error) {
      this.needFull = true;
      throw error;
    }
    if (this.disposed) return;
    this.lastListingMs = Date.now() - started;
    if (this.lastListingMs <= (this.options.slowMs ?? SLOW_MS)) this.slow = false;
    this.lastListingObjects = (listing.networks?.length ?? 0) + (listing.containers?.length ?? 0);
    const previous = this.editor.snapshot;
    const next = this.editor.reset(listing);
    const diff = diffSnapshots(previous, next);
    this.armResync();
    this.probeDelay = this.probeInitialMs;
    if (this.currentState.kind !== 'connected') {
      this.setState({ kind: 'connected', endpoint: this.options.endpoint, engineVersion });
    }
    if (!isEmptyDiff(diff)) this.changes.fire({ diff, snapshot: next });
  }

  private armResync(): void {
    const interval = this.options.resyncIntervalMs ?? RESYNC_INTERVAL_MS;
    if (this.resyncTimer !== undefined) clearTimeout(this.resyncTimer);
    this.resyncTimer = undefined;
    if (interval <= 0) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = undefined;
      this.needFullListing();
    }, interval);
  }

  /** Enters (or stays in) the unreachable state; returns when to probe next. */
  private fail(problem: EngineProblem): number | undefined {
    if (this.disposed) return undefined;
    const previous = this.currentState;
    if (previous.kind !== 'unreachable' || previous.problem.message !== problem.message) {
      this.setState({ kind: 'unreachable', endpoint: this.options.endpoint, problem });
    }
    const delay = this.probeDelay;
    this.probeDelay = Math.min(this.probeDelay * 2, this.probeMaxMs);
    return delay;
  }

  private setState(state: FeedState): void {
    this.currentState = state;
    this.states.fire(state);
  }

  private resolveWaiters(waiters: Array<() => void>): void {
    for (const resolve of waiters) resolve();
  }
}
