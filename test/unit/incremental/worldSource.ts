/**
 * A TopologySource over an EngineWorld: every answer is the world's state at the moment the request is
 * answered (after `delay()`), so the world may change between an event and its targeted request, as on a busy
 * engine. Counts requests by kind and the most in flight at once; events are delivered by the test.
 */
import type { Disposable, EventHandlers } from '../../../src/engine/api';
import type { EngineContainer, EngineListing, EngineNetwork, EngineVersion } from '../../../src/engine/records';
import type { TopologySource } from '../../../src/model/liveTopology';
import type { EngineWorld } from './engineWorld';

export class WorldSource implements TopologySource {
  handlers?: EventHandlers;
  listings = 0;
  targeted = 0;
  inFlight = 0;
  maxInFlight = 0;
  /** Milliseconds each answer takes (a function, so tests can vary it). */
  delay: () => number = () => 0;
  /** 'request': answers hold the state when the request arrived (an engine that answers late, with old data). */
  readAt: 'request' | 'answer' = 'answer';
  /** Applied to every container record answered (listings and targeted): lets a test answer early, as dockerd does. */
  containerFilter: (record: EngineContainer) => EngineContainer = (record) => record;

  constructor(private readonly world: EngineWorld) {}

  async version(): Promise<EngineVersion> {
    return { Version: '20.10.24', ApiVersion: '1.41' };
  }

  listing(): Promise<EngineListing> {
    this.listings++;
    return this.answer(() => {
      const listing = this.world.listing();
      return { ...listing, containers: listing.containers.map((c) => this.containerFilter(c)) };
    });
  }

  listContainersById(ids: readonly string[]): Promise<EngineContainer[]> {
    this.targeted++;
    return this.answer(() =>
      this.world
        .listing()
        .containers.filter((c) => ids.includes(c.Id))
        .map((c) => this.containerFilter(c)),
    );
  }

  inspectNetworkRecord(id: string): Promise<EngineNetwork | undefined> {
    this.targeted++;
    return this.answer(() => this.world.listing().networks.find((n) => n.Id === id));
  }

  subscribe(handlers: EventHandlers): Disposable {
    this.handlers = handlers;
    return { dispose: () => (this.handlers = undefined) };
  }

  private async answer<T>(read: () => T): Promise<T> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const early = this.readAt === 'request' ? read() : undefined;
      await new Promise((resolve) => setTimeout(resolve, this.delay()));
      return early ?? read();
    } finally {
      this.inFlight--;
    }
  }
}
