/**
 * The observed side of the network, kept fresh on demand: socket activity (listening sockets, connections) and
 * host interface facts (bridges, veths). Nothing is read on the tree's event path: reads happen when a view asks
 * (a node expanded, a tooltip hovered, the panel's timer) and concurrent asks share one read. Free of `vscode`.
 */
import type { Disposable, EngineApi } from '../engine/api';
import { Emitter } from '../model/emitter';
import type { TopologyFeed } from '../model/feed';
import type { TopologySnapshot } from '../model/topology';
import { observeActivity, type ObservedActivity } from '../diagnose/sockets';
import { gatherHostNet, SocketGatherer, type HostFactsAvailability, type HostNetGathering } from '../hostFacts';

export interface ActivityObservation {
  at: number;
  /** The containers read (undefined: every running container). */
  scope?: ReadonlySet<string>;
  snapshot: TopologySnapshot;
  activity: ObservedActivity;
  via: { host: number; exec: number };
  engineRequests: number;
  hostFacts: HostFactsAvailability;
}

export interface HostNetObservation {
  at: number;
  gathering: HostNetGathering;
}

/** One read at a time; callers within `maxAgeMs` of the last result (that covers them) get it without a new read. */
class Freshness<T extends { at: number }> {
  latest: T | undefined;
  private pending: Promise<T> | undefined;

  get(maxAgeMs: number, read: () => Promise<T>, covers: (value: T) => boolean = () => true): Promise<T> {
    if (this.latest && Date.now() - this.latest.at <= maxAgeMs && covers(this.latest))
      return Promise.resolve(this.latest);
    this.pending ??= read()
      .then((value) => (this.latest = value))
      .finally(() => (this.pending = undefined));
    return this.pending;
  }

  clear(): void {
    this.latest = undefined;
  }
}

export class NetworkObservations implements Disposable {
  private readonly activity = new Freshness<ActivityObservation>();
  private readonly hostNet = new Freshness<HostNetObservation>();
  private gatherer: { engine: EngineApi; gatherer: SocketGatherer } | undefined;
  private readonly activityEmitter = new Emitter<ActivityObservation>();
  private readonly hostNetEmitter = new Emitter<HostNetObservation>();
  readonly onDidObserveActivity = this.activityEmitter.event;
  readonly onDidObserveHostNet = this.hostNetEmitter.event;
  private readonly subscription: Disposable;

  constructor(
    private readonly engine: () => Promise<EngineApi>,
    private readonly feed: TopologyFeed,
  ) {
    // Another engine (setting changed, outage over): nothing observed before applies.
    this.subscription = feed.onDidChangeState(() => {
      this.activity.clear();
      this.hostNet.clear();
      this.gatherer = undefined;
    });
  }

  get latestActivity(): ActivityObservation | undefined {
    return this.activity.latest;
  }

  get latestHostNet(): HostNetObservation | undefined {
    return this.hostNet.latest;
  }

  /**
   * Socket activity at most `maxAgeMs` old, of the running containers in `scope` (every one when undefined): the
   * tree reads only the containers whose node is open, the topology layer all of them.
   */
  observeActivity(maxAgeMs = 2_000, scope?: ReadonlySet<string>): Promise<ActivityObservation> {
    const covers = (o: ActivityObservation): boolean =>
      o.scope === undefined || (scope !== undefined && [...scope].every((id) => o.scope!.has(id)));
    return this.activity.get(
      maxAgeMs,
      async () => {
        const gatherer = await this.socketGatherer();
        const snapshot = this.feed.snapshot;
        const containers = [...snapshot.containers.values()].filter((c) => scope === undefined || scope.has(c.id));
        const gathering = await gatherer.gather(containers);
        const observation: ActivityObservation = {
          ...(scope ? { scope: new Set(scope) } : {}),
          at: Date.now(),
          snapshot,
          activity: observeActivity(snapshot, gathering.readings),
          via: gathering.via,
          engineRequests: gathering.engineRequests,
          hostFacts: gathering.hostFacts,
        };
        this.activityEmitter.fire(observation);
        return observation;
      },
      covers,
    );
  }

  /** Host interface facts behind the networks, at most `maxAgeMs` old. */
  observeHostNet(maxAgeMs = 5_000): Promise<HostNetObservation> {
    return this.hostNet.get(maxAgeMs, async () => {
      const gatherer = await this.socketGatherer();
      const observation = {
        at: Date.now(),
        gathering: await gatherHostNet(await this.engine(), this.feed.snapshot, gatherer),
      };
      this.hostNetEmitter.fire(observation);
      return observation;
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.activityEmitter.dispose();
    this.hostNetEmitter.dispose();
  }

  private async socketGatherer(): Promise<SocketGatherer> {
    const engine = await this.engine();
    if (this.gatherer?.engine !== engine) this.gatherer = { engine, gatherer: new SocketGatherer(engine) };
    return this.gatherer.gatherer;
  }
}
