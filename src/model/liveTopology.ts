/**
 * The live topology: a snapshot kept current by the engine's events stream. Pure: the engine comes injected
 * as a TopologySource (the EngineApi fits), so it runs in plain Node tests with a fake source.
 *
 * - Events and (re)connects schedule a refresh coalesced over ~50 ms; a refresh costs two list requests.
 *   While a refresh is in flight, new events cause exactly one more refresh after it.
 * - onDidChange fires only when the diff is non-empty.
 * - A failed refresh makes the state unreachable and probes with back-off (1 s doubling to 15 s); the events
 *   stream reconnecting (onConnected) or any event brings the next refresh forward, so recovery is quick.
 */
import type { Disposable, EngineProblem, EventHandlers } from '../engine/api';
import { EngineError, checkApiVersion, toEngineProblem } from '../engine/errors';
import type { EngineListing, EngineVersion } from '../engine/records';
import { diffSnapshots } from './diff';
import { Emitter } from './emitter';
import type { FeedState, TopologyChange, TopologyFeed } from './feed';
import { buildSnapshot } from './snapshot';
import type { SnapshotDiff, TopologySnapshot } from './topology';

/** What LiveTopology needs from the engine; EngineApi satisfies it. */
export interface TopologySource {
  listing(): Promise<EngineListing>;
  subscribe(handlers: EventHandlers): Disposable;
  version(): Promise<EngineVersion>;
}

export interface LiveTopologyOptions {
  /** The endpoint as users read it (EngineEndpoint.display). */
  endpoint: string;
  coalesceMs?: number;
  probeInitialMs?: number;
  probeMaxMs?: number;
}

export const COALESCE_MS = 50;
export const PROBE_INITIAL_MS = 1_000;
export const PROBE_MAX_MS = 15_000;

export class LiveTopology implements TopologyFeed {
  private current: TopologySnapshot = buildSnapshot({ networks: [], containers: [] });
  private currentState: FeedState;
  private readonly changes = new Emitter<TopologyChange>();
  private readonly states = new Emitter<FeedState>();
  private readonly coalesceMs: number;
  private readonly probeInitialMs: number;
  private readonly probeMaxMs: number;
  private probeDelay: number;

  private subscription?: Disposable;
  private timer?: ReturnType<typeof setTimeout>;
  private timerDue = 0;
  private inFlight = false;
  /** Something happened during the refresh in flight: one more refresh after it. */
  private again = false;
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
    return this.current;
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
      onEvent: () => this.schedule(this.coalesceMs),
      onConnected: () => this.schedule(this.coalesceMs),
      onDisconnected: () => {
        // A broken stream while connected may mean the engine went away: find out with a refresh.
        // While already unreachable, the probe timer keeps its back-off.
        if (this.currentState.kind === 'connected') this.schedule(this.coalesceMs);
      },
    });
    this.schedule(this.coalesceMs);
  }

  /** Fetches a fresh snapshot now; resolves once a refresh started after this call has finished. */
  refresh(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.refreshWaiters.push(resolve);
      if (this.inFlight) this.again = true;
      else this.schedule(0);
    });
  }

  /** Resolves with the first snapshot (current or coming) that satisfies the predicate; for tests and benchmarks. */
  waitFor(predicate: (snapshot: TopologySnapshot) => boolean, timeoutMs: number): Promise<TopologySnapshot> {
    if (predicate(this.current)) return Promise.resolve(this.current);
    if (this.disposed) return Promise.reject(new Error('The live topology is disposed.'));
    return new Promise<TopologySnapshot>((resolve, reject) => {
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        listener.dispose();
        this.waitForCancels.delete(finish);
        if (error) reject(error);
        else resolve(this.current);
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
    this.subscription?.dispose();
    this.subscription = undefined;
    for (const cancel of [...this.waitForCancels]) cancel(new Error('The live topology was disposed.'));
    this.resolveWaiters(this.refreshWaiters.splice(0));
    this.changes.dispose();
    this.states.dispose();
  }

  /** Runs a refresh after `delayMs`, unless one is due sooner or in flight (then one more follows it). */
  private schedule(delayMs: number): void {
    if (this.disposed) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
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

  /** One refresh; never rejects: failures become the unreachable state and a probe with back-off. */
  private async run(): Promise<void> {
    this.inFlight = true;
    this.again = false;
    const waiters = this.refreshWaiters.splice(0);
    let probeIn: number | undefined;
    try {
      await this.fetchAndApply();
    } catch (error) {
      probeIn = this.fail(toEngineProblem(error, { endpoint: this.options.endpoint }));
    } finally {
      this.inFlight = false;
      this.resolveWaiters(waiters);
    }
    if (this.disposed) return;
    if (this.refreshWaiters.length > 0) this.schedule(0);
    else if (this.again) this.schedule(this.coalesceMs);
    else if (probeIn !== undefined) this.schedule(probeIn);
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
    const listing = await this.source.listing();
    if (this.disposed) return;
    const next = buildSnapshot(listing);
    const diff = diffSnapshots(this.current, next);
    this.current = next;
    this.probeDelay = this.probeInitialMs;
    if (this.currentState.kind !== 'connected') {
      this.setState({ kind: 'connected', endpoint: this.options.endpoint, engineVersion });
    }
    if (!isEmpty(diff)) this.changes.fire({ diff, snapshot: next });
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

function isEmpty(diff: SnapshotDiff): boolean {
  return [diff.networks, diff.containers, diff.endpoints].every(
    (d) => d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0,
  );
}
