/**
 * The live topology: a snapshot kept current by the engine's events stream. Pure: the engine comes injected
 * as a TopologySource (the EngineApi fits), so it runs in plain Node tests with a fake source.
 *
 * - Events are applied incrementally (src/model/incremental/): each names a container or a network, which is
 *   asked for with one targeted request (several containers share one) once no event named it for QUIET_MS
 *   (the events of one command come as a sequence), coalesced over ~50 ms, at most MAX_IN_FLIGHT requests at a
 *   time; the snapshot is updated at a cost proportional to the change.
 * - A full listing (two list requests) is made for the first snapshot, on every (re)connect of the events
 *   stream, on refresh(), every `resyncIntervalMs` (catches anything missed; every `swarmWatchIntervalMs` on a
 *   Swarm that can lose its quorum, which no event announces), when a burst names so many objects that the
 *   listing is the cheaper way, and while the engine answers slowly (see TopologyFollower).
 *   While a listing is in flight, new events wait and are applied after it (one more listing when they ask
 *   for one); with `incremental: false` every event leads to a listing (the path before incremental updates).
 * - A container's status text ("Up 5 minutes") is the engine's as of the last answer about that container;
 *   the periodic resync renews it.
 * - onDidChange fires only when the diff is non-empty.
 * - A failed refresh makes the state unreachable and probes with back-off (1 s doubling to 15 s); the events
 *   stream reconnecting (onConnected) or any event brings the next refresh forward, so recovery is quick.
 */
import type { Disposable, EngineProblem, EventHandlers } from '../engine/api';
import { EngineError, checkApiVersion, toEngineProblem } from '../engine/errors';
import type { EngineEvent, EngineListing, EngineVersion } from '../engine/records';
import { Emitter } from './emitter';
import type { FeedState, TopologyChange, TopologyFeed } from './feed';
import { TopologyFollower, type FollowOptions, type FollowStats } from './incremental/topologyFollower';
import { needsSwarmWatch, SWARM_WATCH_INTERVAL_MS, type SwarmSource } from './incremental/swarmFollowing';
import type { TargetedSource } from './incremental/targetedRound';
import type { TopologySnapshot } from './topology';

/** What LiveTopology needs from the engine; EngineApi satisfies it. */
export interface TopologySource extends TargetedSource, SwarmSource {
  listing(): Promise<EngineListing>;
  subscribe(handlers: EventHandlers): Disposable;
  version(): Promise<EngineVersion>;
}

export type LiveTopologyStats = FollowStats;

export interface LiveTopologyOptions extends FollowOptions {
  /** The endpoint as users read it (EngineEndpoint.display). */
  endpoint: string;
  coalesceMs?: number;
  probeInitialMs?: number;
  probeMaxMs?: number;
  /** A full listing this long after the last one, whatever the events said (0: never). */
  resyncIntervalMs?: number;
  /** The same on a Swarm manager with other managers or a failing Swarm (see needsSwarmWatch). */
  swarmWatchIntervalMs?: number;
}

export const COALESCE_MS = 50;
export const PROBE_INITIAL_MS = 1_000;
export const PROBE_MAX_MS = 15_000;
export const RESYNC_INTERVAL_MS = 300_000;

export class LiveTopology implements TopologyFeed {
  private readonly follower: TopologyFollower;
  private currentState: FeedState;
  private readonly changes = new Emitter<TopologyChange>();
  private readonly states = new Emitter<FeedState>();
  private readonly coalesceMs: number;
  private readonly probeInitialMs: number;
  private readonly probeMaxMs: number;
  private probeDelay: number;
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
    this.follower = new TopologyFollower(source, options);
  }

  get snapshot(): TopologySnapshot {
    return this.follower.editor.snapshot;
  }

  /** Nothing in flight, due or waiting: the snapshot holds everything the events announced (tests, benchmark). */
  get settled(): boolean {
    return !this.inFlight && this.timer === undefined && this.follower.idle;
  }

  /** Engine requests and events so far. */
  get stats(): Readonly<LiveTopologyStats> {
    return { ...this.follower.stats };
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
      this.follower.needFull = true;
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
    this.follower.note(event);
    const delay = this.follower.nextRunIn(this.coalesceMs);
    if (delay !== undefined) this.schedule(Math.max(delay, this.coalesceMs));
  }

  private needFullListing(): void {
    this.follower.needFull = true;
    this.schedule(this.coalesceMs);
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
    const full = this.follower.needsFullListing(this.currentState.kind === 'connected');
    const waiters = full ? this.refreshWaiters.splice(0) : [];
    let probeIn: number | undefined;
    try {
      if (full) await this.fetchAndApply();
      else this.announce(await this.follower.applyTargeted(() => this.disposed));
    } catch (error) {
      probeIn = this.fail(toEngineProblem(error, { endpoint: this.options.endpoint }));
    } finally {
      this.inFlight = false;
      this.resolveWaiters(waiters);
    }
    if (this.disposed) return;
    if (this.refreshWaiters.length > 0) this.schedule(0);
    else if (probeIn !== undefined) this.schedule(probeIn);
    else {
      const delay = this.follower.nextRunIn(this.coalesceMs);
      if (delay !== undefined) this.schedule(delay);
    }
  }

  private announce(change: TopologyChange | undefined): void {
    if (change && !this.disposed) this.changes.fire(change);
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
    this.follower.beginListing();
    const started = Date.now();
    let listing: EngineListing;
    try {
      listing = await this.source.listing();
    } catch (error) {
      this.follower.listingFailed();
      throw error;
    }
    if (this.disposed) return;
    const change = this.follower.applyListing(listing, Date.now() - started);
    this.armResync();
    this.probeDelay = this.probeInitialMs;
    if (this.currentState.kind !== 'connected') {
      this.setState({ kind: 'connected', endpoint: this.options.endpoint, engineVersion });
    }
    this.announce(change);
  }

  private armResync(): void {
    const interval = needsSwarmWatch(this.snapshot.swarm)
      ? (this.options.swarmWatchIntervalMs ?? SWARM_WATCH_INTERVAL_MS)
      : (this.options.resyncIntervalMs ?? RESYNC_INTERVAL_MS);
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
