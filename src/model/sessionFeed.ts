/**
 * The feed the views and commands hold for the whole session. Behind it, the engine client and its LiveTopology
 * are created lazily (off the activation path) and re-created when the endpoint setting changes or on Retry;
 * listeners subscribe once, here, and survive those switches. Pure: no `vscode`, no dockerode.
 */
import { consoleLogger, type Logger } from '../common/logger';
import type { Disposable, EngineApi, EngineProblem } from '../engine/api';
import { diffSnapshots, isEmptyDiff } from './diff';
import { Emitter } from './emitter';
import type { FeedState, TopologyChange, TopologyFeed } from './feed';
import { emptySnapshot } from './snapshot';
import type { FollowStats } from './incremental/topologyFollower';
import type { SnapshotDiff, TopologySnapshot } from './topology';

/** A started feed the session owns (LiveTopology). */
export interface OwnedFeed extends TopologyFeed {
  start(): void;
  dispose(): void;
  /** What following the engine cost it so far (LiveTopology has it). */
  readonly stats?: Readonly<FollowStats>;
}

export interface OpenedEngine {
  engine: EngineApi;
  feed: OwnedFeed;
}

export interface SessionOpener {
  /** Resolves the endpoint and creates the engine client and its feed; throws an EngineError when it cannot. */
  open(): Promise<OpenedEngine>;
  /** Classifies a failure of open(). */
  toProblem(error: unknown): EngineProblem;
}

export class SessionFeed implements TopologyFeed {
  private current: TopologySnapshot = emptySnapshot();
  private currentState: FeedState = { kind: 'connecting', endpoint: '' };
  private opened: OpenedEngine | undefined;
  private openFailure: unknown;
  private opening: Promise<void> | undefined;
  private generation = 0;
  private innerSubscriptions: Disposable[] = [];
  private disposed = false;
  private readonly changes: Emitter<TopologyChange>;
  private readonly states: Emitter<FeedState>;

  constructor(
    private readonly opener: SessionOpener,
    /** Where a throwing listener is reported. */
    log: Logger = consoleLogger,
  ) {
    this.changes = new Emitter(log);
    this.states = new Emitter(log);
  }

  get snapshot(): TopologySnapshot {
    return this.current;
  }

  get state(): FeedState {
    return this.currentState;
  }

  /** The current engine's request counters (listings, targeted requests, events), for tests and benchmarks. */
  get stats(): Readonly<FollowStats> | undefined {
    return this.opened?.feed.stats;
  }

  /** False until something first needs the engine (a view, the panel, an engine-aware check, a command). */
  get started(): boolean {
    return this.generation > 0;
  }

  onDidChange(listener: (change: TopologyChange) => void): Disposable {
    return this.changes.event(listener);
  }

  onDidChangeState(listener: (state: FeedState) => void): Disposable {
    return this.states.event(listener);
  }

  /** Opens the engine unless it is open or opening. */
  start(): Promise<void> {
    if (this.opened || this.opening) return this.opening ?? Promise.resolve();
    return this.reconnect();
  }

  /** Drops the current engine and feed, resolves the endpoint again and reconnects. */
  reconnect(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    const generation = ++this.generation;
    this.closeInner();
    this.setState({ kind: 'connecting', endpoint: this.currentState.endpoint });
    const opening = this.openInner(generation);
    this.opening = opening;
    void opening.finally(() => {
      if (this.opening === opening) this.opening = undefined;
    });
    return opening;
  }

  /** The engine client, opening it first when needed; rejects with the open failure (an EngineError). */
  async engine(): Promise<EngineApi> {
    await this.start();
    if (this.opened) return this.opened.engine;
    throw this.openFailure ?? new Error('The Docker engine connection was closed.');
  }

  async refresh(): Promise<void> {
    await this.start();
    if (!this.opened) throw this.openFailure ?? new Error('The Docker engine connection was closed.');
    await this.opened.feed.refresh();
  }

  /** Resolves once `predicate` holds for the snapshot; rejects after `timeoutMs`. For tests and benchmarks. */
  waitFor(predicate: (snapshot: TopologySnapshot) => boolean, timeoutMs: number): Promise<TopologySnapshot> {
    if (predicate(this.current)) return Promise.resolve(this.current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`The topology did not reach the expected state within ${timeoutMs} ms.`));
      }, timeoutMs);
      const subscription = this.onDidChange(({ snapshot }) => {
        if (!predicate(snapshot)) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve(snapshot);
      });
    });
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.closeInner();
    this.changes.dispose();
    this.states.dispose();
  }

  private async openInner(generation: number): Promise<void> {
    let opened: OpenedEngine;
    try {
      opened = await this.opener.open();
    } catch (error) {
      if (generation !== this.generation) return;
      this.openFailure = error;
      const problem = this.opener.toProblem(error);
      this.setState({ kind: 'unreachable', endpoint: problem.endpoint ?? '', problem });
      return;
    }
    if (generation !== this.generation) {
      opened.feed.dispose();
      opened.engine.dispose();
      return;
    }
    this.opened = opened;
    this.openFailure = undefined;
    const { feed } = opened;
    this.innerSubscriptions = [
      feed.onDidChange((change) => this.accept(change.snapshot, change.diff)),
      feed.onDidChangeState((state) => this.setState(state)),
    ];
    this.setState(feed.state);
    // The new feed starts from its own snapshot: views move to it from what they showed before.
    this.accept(feed.snapshot);
    feed.start();
  }

  /** `diff`: the feed's own, from its previous snapshot (ours): walking both snapshots again would cost O(size). */
  private accept(next: TopologySnapshot, feedDiff?: SnapshotDiff): void {
    if (next === this.current) return;
    const diff = feedDiff ?? diffSnapshots(this.current, next);
    this.current = next;
    if (!isEmptyDiff(diff)) this.changes.fire({ diff, snapshot: next });
  }

  private setState(state: FeedState): void {
    this.currentState = state;
    this.states.fire(state);
  }

  private closeInner(): void {
    for (const subscription of this.innerSubscriptions) subscription.dispose();
    this.innerSubscriptions = [];
    if (this.opened) {
      this.opened.feed.dispose();
      this.opened.engine.dispose();
      this.opened = undefined;
    }
  }
}
