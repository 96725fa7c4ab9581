/**
 * The objects events have named and the model has not caught up with yet, with a generation per object so
 * that an answer is applied only when no event about the object came after its request was sent: events may
 * arrive while a request is in flight, duplicated, or out of order, and a request always answers with the
 * engine's present state, so the newest request wins and stale answers are dropped (the object stays pending).
 * An answer can also be early: the engine announces a network connect before its container listing shows it, so
 * a container keeps what its connect / disconnect events said until an answer shows it (asked again after a
 * doubling pause, up to MAX_EARLY_ANSWERS times; then the engine's word stands).
 */

/** Answers that may come early before the engine's word stands, and the first pause before asking again. */
export const MAX_EARLY_ANSWERS = 6;
export const EARLY_RETRY_MS = 25;
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
  /** Per container: network id -> attached, as its latest connect / disconnect events said. */
  private readonly expectations = new Map<string, Map<string, boolean>>();
  /** Per container: how many early answers it has had in a row. */
  private readonly earlyAnswers = new Map<string, number>();
  private counter = 0;

  note(target: EventTarget): void {
    const pending = target.kind === 'container' ? this.containers : this.networks;
    // Gone wins: an id is never reused, so a later (or reordered) event cannot bring the object back.
    const gone = target.gone || pending.get(target.id) === true;
    pending.set(target.id, gone);
    this.generation.set(key(target.kind, target.id), ++this.counter);
    if (gone) this.forgetExpectations(target.id);
    else if (target.expect) {
      const expected = this.expectations.get(target.id) ?? new Map<string, boolean>();
      expected.set(target.expect.networkId, target.expect.attached);
      this.expectations.set(target.id, expected);
    }
  }

  /** Objects that need a request. */
  get toAsk(): number {
    const { containers, networks } = this.askCounts();
    return containers + networks;
  }

  get isEmpty(): boolean {
    return this.containers.size === 0 && this.networks.size === 0;
  }

  /**
   * A full listing covers everything noted so far. What connect / disconnect events said is kept: the listing
   * may not show it yet either, so the caller checks the listing's records (isEarly) and asks again (retry).
   */
  clear(): void {
    this.containers.clear();
    this.networks.clear();
    this.generation.clear();
  }

  /** Containers whose connect / disconnect no answer has shown yet. */
  get unconfirmed(): string[] {
    return [...this.expectations.keys()];
  }

  /**
   * Whether a container's answer (the ids of the networks its record shows; undefined when it is gone) is early:
   * it does not show yet what the container's connect / disconnect events said. Early answers are counted; past
   * MAX_EARLY_ANSWERS, or once an answer agrees, the container's expectations are forgotten.
   */
  isEarly(id: string, networkIds: ReadonlySet<string> | undefined): boolean {
    const expected = this.expectations.get(id);
    const early =
      expected !== undefined &&
      networkIds !== undefined &&
      [...expected].some(([networkId, attached]) => networkIds.has(networkId) !== attached);
    const count = (this.earlyAnswers.get(id) ?? 0) + 1;
    if (!early || count > MAX_EARLY_ANSWERS) {
      this.forgetExpectations(id);
      return false;
    }
    this.earlyAnswers.set(id, count);
    return true;
  }

  /** How long to wait before asking again after an early answer: doubling with the early answers so far. */
  get earlyRetryMs(): number {
    let most = 0;
    for (const id of this.containers.keys()) most = Math.max(most, this.earlyAnswers.get(id) ?? 0);
    return most === 0 ? 0 : EARLY_RETRY_MS * 2 ** (most - 1);
  }

  private forgetExpectations(id: string): void {
    this.expectations.delete(id);
    this.earlyAnswers.delete(id);
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
