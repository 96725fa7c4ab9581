/**
 * Notices an events stream that stopped delivering without closing (a dead NAT entry or ssh tunnel: the usual
 * fate of long-lived connections to remote engines; TCP keeps quiet for hours). Every `intervalMs` it asks the
 * engine for the events since the last one the stream delivered (`GET /events?since&until`, which answers at
 * once); an event the stream did not deliver means the stream is dead, and `onDead` restarts it (the restart
 * resyncs the model with a full listing, which applies what was missed).
 *
 * Times: `since` is the last delivered event's second (the engine's clock) or, before any event, the second
 * the stream connected (ours; an event of that second before the connect is not a miss); `until` is our clock less GRACE_S, so events still on their way are not
 * counted. An engine whose clock runs behind ours by more than that holds the check open until its clock
 * reaches `until` (bounded by the request timeout); a failed check is reported and retried at the next tick.
 */
import { errorMessage } from '../common/failure';
import type { EngineEvent } from './records';

export type EventsBetween = (since: number, until: number) => Promise<EngineEvent[]>;

export interface SilentStreamCheckOptions {
  intervalMs: number;
  eventsBetween: EventsBetween;
  onDead(missed: EngineEvent): void;
  /** Where a failed check is reported. */
  warn(message: string): void;
  now?: () => number;
}

const GRACE_S = 1;

export class SilentStreamCheck {
  private timer?: ReturnType<typeof setInterval>;
  private sinceSeconds: number;
  /** The newest event delivered, or the moment the stream connected (ns): anything later must come through. */
  private lastNano: number;
  private checking = false;
  private stopped = false;

  constructor(private readonly options: SilentStreamCheckOptions) {
    const connectedMs = this.now();
    this.sinceSeconds = Math.floor(connectedMs / 1000);
    this.lastNano = connectedMs * 1e6;
    if (options.intervalMs > 0) this.timer = setInterval(() => void this.check(), options.intervalMs);
  }

  /** The stream delivered this event. */
  delivered(event: EngineEvent): void {
    const nano = eventNano(event);
    if (nano === undefined) return;
    if (nano < this.lastNano) {
      // Only before any event: the engine's clock is behind ours. Trust the engine's time from now on.
      this.sinceSeconds = Math.min(this.sinceSeconds, Math.floor(nano / 1e9));
      return;
    }
    this.lastNano = nano;
    this.sinceSeconds = Math.floor(nano / 1e9);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One check; public for tests. Resolves with the first missed event, if any. */
  async check(): Promise<EngineEvent | undefined> {
    const until = Math.floor(this.now() / 1000) - GRACE_S;
    if (this.checking || this.stopped || until < this.sinceSeconds) return undefined;
    this.checking = true;
    try {
      const events = await this.options.eventsBetween(this.sinceSeconds, until);
      if (this.stopped) return undefined;
      const missed = events.find((event) => (eventNano(event) ?? 0) > this.lastNano);
      if (missed) {
        this.stop();
        this.options.onDead(missed);
      }
      return missed;
    } catch (error) {
      this.options.warn(
        `Docker events: could not check that the events stream still delivers (${errorMessage(error)}); trying again at the next check.`,
      );
      return undefined;
    } finally {
      this.checking = false;
    }
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}

function eventNano(event: EngineEvent): number | undefined {
  if (typeof event.timeNano === 'number') return event.timeNano;
  if (typeof event.time === 'number') return event.time * 1e9;
  return undefined;
}
