/**
 * The objects events have named and the model has not caught up with yet, with a generation per object so
 * that an answer is applied only when no event about the object came after its request was sent: events may
 * arrive while a request is in flight, duplicated, or out of order, and a request always answers with the
 * engine's present state, so the newest request wins and stale answers are dropped (the object stays pending).
 *
 * Settle window: one CLI command makes several events about one object, spread over hundreds of milliseconds on
 * a busy engine (`docker rm -f`: kill, die, network disconnect, destroy). An object is asked for only once no
 * event named it for `quietMs` (then one request sees the end state; a destroy within the window costs none),
 * or once it has waited `maxDelayMs` since its first event (an object that never falls quiet is still shown).
 * Within a sequence that began (kill, die) and has not ended (stop, start) the quiet time is `sequenceQuietMs`:
 * the destroy of `docker rm -f` comes after the container's filesystem is removed, slow on a busy engine.
 * A gone object needs no request, so it is due at once.
 *
 * An answer can also be early: the engine announces a network connect before its container listing shows it, so
 * a container keeps what its connect / disconnect events said until an answer shows it (asked again after a
 * doubling pause, up to MAX_EARLY_ANSWERS times; then the engine's word stands).
 */

import type { EventTarget } from './eventTargets';

/** Answers that may come early before the engine's word stands, and the first pause before asking again. */
export const MAX_EARLY_ANSWERS = 6;
export const EARLY_RETRY_MS = 25;

export interface PendingBatch {
  /** Containers and networks to ask for, with the generation seen when the batch was taken. */
  containers: string[];
  networks: string[];
  /** Objects known gone: applied without a request. */
  goneContainers: string[];
  goneNetworks: string[];
  generations: ReadonlyMap<string, number>;
  /** When each object's first event came: an object named again while asked for keeps waiting from then. */
  firsts: ReadonlyMap<string, number>;
}

export interface SettleWindow {
  quietMs: number;
  sequenceQuietMs: number;
  maxDelayMs: number;
  /** A round also takes the objects due within this long (they share its requests). */
  batchAheadMs: number;
}

/** One object waiting: gone or to ask for, when its first and its last event came (ms), in a sequence. */
interface Waiting {
  gone: boolean;
  first: number;
  last: number;
  inSequence: boolean;
  /** Put back by retry(): due then, whatever the window says (until an event names it again). */
  due?: number;
}

export class PendingWork {
  private readonly containers = new Map<string, Waiting>();
  private readonly networks = new Map<string, Waiting>();
  private readonly generation = new Map<string, number>();
  /** Per container: network id -> attached, as its latest connect / disconnect events said. */
  private readonly expectations = new Map<string, Map<string, boolean>>();
  /** Per container: how many early answers it has had in a row. */
  private readonly earlyAnswers = new Map<string, number>();
  private counter = 0;

  constructor(
    private readonly window: SettleWindow = { quietMs: 0, sequenceQuietMs: 0, maxDelayMs: 0, batchAheadMs: 0 },
  ) {}

  note(target: EventTarget, now: number): void {
    const pending = target.kind === 'container' ? this.containers : this.networks;
    const waiting = pending.get(target.id) ?? { gone: false, first: now, last: now, inSequence: false };
    pending.set(target.id, waiting);
    // Gone wins: an id is never reused, so a later (or reordered) event cannot bring the object back.
    waiting.gone ||= target.gone;
    waiting.last = now;
    waiting.due = undefined;
    if (target.sequence) waiting.inSequence = target.sequence === 'begins';
    this.generation.set(key(target.kind, target.id), ++this.counter);
    if (waiting.gone) this.forgetExpectations(target.id);
    else if (target.expect) {
      const expected = this.expectations.get(target.id) ?? new Map<string, boolean>();
      expected.set(target.expect.networkId, target.expect.attached);
      this.expectations.set(target.id, expected);
    }
  }

  /** Milliseconds until the first object is due (0: now), undefined when nothing waits. */
  dueIn(now: number): number | undefined {
    let due: number | undefined;
    for (const pending of [this.containers, this.networks]) {
      for (const waiting of pending.values()) {
        const at = this.dueAt(waiting);
        if (due === undefined || at < due) due = at;
        if (due <= now) return 0;
      }
    }
    return due === undefined ? undefined : due - now;
  }

  private dueAt(waiting: Waiting): number {
    if (waiting.gone) return waiting.last;
    if (waiting.due !== undefined) return waiting.due;
    const quiet = waiting.inSequence ? this.window.sequenceQuietMs : this.window.quietMs;
    return Math.min(waiting.last + quiet, waiting.first + this.window.maxDelayMs);
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

  private forgetExpectations(id: string): void {
    this.expectations.delete(id);
    this.earlyAnswers.delete(id);
  }

  /** Takes up to `maxContainers` containers and `maxNetworks` networks due to ask for, and every gone object. */
  take(maxContainers: number, maxNetworks: number, now: number): PendingBatch {
    // Objects whose window ends within BATCH_AHEAD_MS go along (one request for several containers);
    // not those put back after an early answer, whose pause is the point.
    const isDue = (waiting: Waiting) =>
      this.dueAt(waiting) <= now + (waiting.due === undefined ? this.window.batchAheadMs : 0);
    const batch: PendingBatch = {
      containers: [],
      networks: [],
      goneContainers: [],
      goneNetworks: [],
      generations: new Map(),
      firsts: new Map(),
    };
    const generations = batch.generations as Map<string, number>;
    const drain = (
      pending: Map<string, Waiting>,
      kind: EventTarget['kind'],
      ask: string[],
      gone: string[],
      max: number,
    ) => {
      for (const [id, waiting] of [...pending]) {
        if (!waiting.gone && (ask.length >= max || !isDue(waiting))) continue;
        (waiting.gone ? gone : ask).push(id);
        pending.delete(id);
        generations.set(key(kind, id), this.generation.get(key(kind, id)) ?? 0);
        (batch.firsts as Map<string, number>).set(key(kind, id), waiting.first);
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
    for (const waiting of this.containers.values()) if (!waiting.gone) containers++;
    for (const waiting of this.networks.values()) if (!waiting.gone) networks++;
    return { containers, networks };
  }

  /**
   * The batch is applied: forgets the generations of objects no event named since. An object named again keeps
   * the time of its first event, so a stream of events that keeps making answers stale cannot postpone it for
   * good: once its maxDelayMs is over it is asked for again at once.
   */
  done(batch: PendingBatch): void {
    for (const [entry, generation] of batch.generations) {
      if (this.generation.get(entry) === generation) {
        this.generation.delete(entry);
        continue;
      }
      const kind = entry.slice(0, entry.indexOf(':'));
      const waiting = (kind === 'container' ? this.containers : this.networks).get(entry.slice(kind.length + 1));
      const first = batch.firsts.get(entry);
      if (waiting && first !== undefined) waiting.first = Math.min(waiting.first, first);
    }
  }

  /**
   * Puts an object back (its request failed, or its answer was early): due at once, or after an early answer
   * after a pause doubling with the early answers so far. An object an event named meanwhile keeps its window.
   */
  retry(kind: EventTarget['kind'], id: string, now: number): void {
    const pending = kind === 'container' ? this.containers : this.networks;
    if (pending.has(id)) return;
    const early = kind === 'container' ? (this.earlyAnswers.get(id) ?? 0) : 0;
    const due = now + (early === 0 ? 0 : EARLY_RETRY_MS * 2 ** (early - 1));
    pending.set(id, { gone: false, first: now, last: now, inSequence: false, due });
  }
}

function key(kind: EventTarget['kind'], id: string): string {
  return `${kind}:${id}`;
}
