/**
 * The objects events have named and the model has not caught up with yet, with a generation per object so
 * that an answer is applied only when no event about the object came after its request was sent: events may
 * arrive while a request is in flight, duplicated, or out of order, and a request always answers with the
 * engine's present state, so the newest request wins and stale answers are dropped (the object stays pending).
 */
import type { EventTarget } from './eventTargets';

export interface PendingBatch {
  /** Containers and networks to ask for, with the generation seen when the batch was taken. */
  containers: string[];
  networks: string[];
  /** Objects known gone: applied without a request. */
  goneContainers: string[];
  goneNetworks: string[];
  generations: ReadonlyMap<string, number>;
}

export class PendingWork {
  private readonly containers = new Map<string, boolean>();
  private readonly networks = new Map<string, boolean>();
  private readonly generation = new Map<string, number>();
  private counter = 0;

  note(target: EventTarget): void {
    const pending = target.kind === 'container' ? this.containers : this.networks;
    // Gone wins: an id is never reused, so a later (or reordered) event cannot bring the object back.
    pending.set(target.id, target.gone || pending.get(target.id) === true);
    this.generation.set(key(target.kind, target.id), ++this.counter);
  }

  /** Objects that need a request. */
  get toAsk(): number {
    const { containers, networks } = this.askCounts();
    return containers + networks;
  }

  get isEmpty(): boolean {
    return this.containers.size === 0 && this.networks.size === 0;
  }

  /** A full listing covers everything noted so far. */
  clear(): void {
    this.containers.clear();
    this.networks.clear();
    this.generation.clear();
  }

  /** Takes up to `maxContainers` containers and `maxNetworks` networks to ask for, and every gone object. */
  take(maxContainers: number, maxNetworks: number): PendingBatch {
    const batch: PendingBatch = {
      containers: [],
      networks: [],
      goneContainers: [],
      goneNetworks: [],
      generations: new Map(),
    };
    const generations = batch.generations as Map<string, number>;
    const drain = (
      pending: Map<string, boolean>,
      kind: EventTarget['kind'],
      ask: string[],
      gone: string[],
      max: number,
    ) => {
      for (const [id, isGone] of [...pending]) {
        if (!isGone && ask.length >= max) continue;
        (isGone ? gone : ask).push(id);
        pending.delete(id);
        generations.set(key(kind, id), this.generation.get(key(kind, id)) ?? 0);
      }
    };
    drain(this.containers, 'container', batch.containers, batch.goneContainers, maxContainers);
    drain(this.networks, 'network', batch.networks, batch.goneNetworks, maxNetworks);
    return batch;
  }

  /** True when no event named the object since the batch was taken (the answer is current). */
  isCurrent(kind: EventTarget['kind'], id: string, batch: PendingBatch): boolean {
    return (this.generation.get(key(kind, id)) ?? 0) === batch.generations.get(key(kind, id));
  }

  /** How many containers and networks wait for a request. */
  askCounts(): { containers: number; networks: number } {
    let containers = 0;
    let networks = 0;
    for (const gone of this.containers.values()) if (!gone) containers++;
    for (const gone of this.networks.values()) if (!gone) networks++;
    return { containers, networks };
  }

  /** The batch is applied: forgets the generations of objects no event named since. */
  done(batch: PendingBatch): void {
    for (const [entry, generation] of batch.generations) {
      if (this.generation.get(entry) === generation) this.generation.delete(entry);
    }
  }

  /** Puts an object back (its request failed or its answer is stale). */
  retry(kind: EventTarget['kind'], id: string): void {
    const pending = kind === 'container' ? this.containers : this.networks;
    if (!pending.has(id)) pending.set(id, false);
  }
}

function key(kind: EventTarget['kind'], id: string): string {
  return `${kind}:${id}`;
}
