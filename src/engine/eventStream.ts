/**
 * One long-lived events request that reconnects with exponential back-off until disposed.
 * The transport comes injected (`open`), so the reconnect logic is testable without an engine.
 */
import type { Readable } from 'node:stream';
import { errorMessage } from '../common/failure';
import { consoleLogger, type Logger } from '../common/logger';
import type { Disposable, EngineProblem, EventHandlers } from './api';
import { unreachableProblem } from './errors';
import { EventLineParser } from './eventParser';
import { SilentStreamCheck, type EventsBetween } from './silentStreamCheck';

/** Opens the events response body; rejects when the request fails. Aborting `signal` must end the stream. */
export type OpenEventStream = (signal: AbortSignal) => Promise<Readable>;

export interface EventStreamOptions {
  /** Shown in the problem reported when the engine closes the stream. */
  endpoint: string;
  classify(error: unknown): EngineProblem;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Lines that are not JSON objects; the stream carries on. */
  onMalformed?(line: string, reason: string): void;
  /** Where malformed lines and throwing handlers are reported; the console when not given. */
  log?: Logger;
  /** The retry timer; tests wrap the real one to see which delays were asked for. */
  timers?: RetryTimers;
  /** Checks every `intervalMs` that the stream still delivers (see SilentStreamCheck); 0 or absent: no check. */
  silentCheck?: { intervalMs: number; eventsBetween: EventsBetween };
}

export interface RetryTimers {
  setTimeout(callback: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimeout(handle: ReturnType<typeof setTimeout>): void;
}

const realTimers: RetryTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

export const EVENT_RETRY_INITIAL_MS = 250;
export const EVENT_RETRY_MAX_MS = 10_000;

export function subscribeToEvents(
  open: OpenEventStream,
  handlers: EventHandlers,
  options: EventStreamOptions,
): Disposable {
  const initial = options.initialDelayMs ?? EVENT_RETRY_INITIAL_MS;
  const max = options.maxDelayMs ?? EVENT_RETRY_MAX_MS;
  const log = options.log ?? consoleLogger;
  const onMalformed =
    options.onMalformed ?? ((line, reason) => log.warn(`Docker events: ignored a malformed line (${reason}): ${line}`));
  const timers = options.timers ?? realTimers;
  let delay = initial;
  let disposed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let current: AbortController | undefined;
  /** The current attempt's check (one attempt at a time). */
  let check: SilentStreamCheck | undefined;

  const attempt = (): void => {
    retryTimer = undefined;
    const controller = new AbortController();
    current = controller;
    let finished = false;

    const fail = (problem: EngineProblem): void => {
      if (finished) return;
      finished = true;
      check?.stop();
      controller.abort();
      if (disposed) return;
      guard(log, () => handlers.onDisconnected(problem));
      if (disposed) return; // a handler may dispose us
      retryTimer = timers.setTimeout(attempt, delay);
      delay = Math.min(delay * 2, max);
    };

    open(controller.signal).then(
      (stream) => {
        if (disposed || finished) {
          stream.destroy();
          return;
        }
        delay = initial;
        const parser = new EventLineParser(onMalformed);
        const deliver = (events: ReturnType<EventLineParser['push']>): void => {
          for (const event of events) {
            if (disposed || finished) return;
            check?.delivered(event);
            guard(log, () => handlers.onEvent(event));
          }
        };
        const ended = (): void => {
          deliver(parser.end());
          fail(unreachableProblem(options.endpoint, 'the engine closed the events stream'));
        };
        stream.on('data', (chunk: Buffer | string) => deliver(parser.push(chunk)));
        stream.on('end', ended);
        stream.on('close', ended);
        stream.on('error', (error) => fail(options.classify(error)));
        if (options.silentCheck && options.silentCheck.intervalMs > 0) {
          check = new SilentStreamCheck({
            ...options.silentCheck,
            warn: (message) => log.warn(message),
            onDead: () => fail(unreachableProblem(options.endpoint, 'the events stream stopped delivering events')),
          });
        }
        guard(log, () => handlers.onConnected());
      },
      (error: unknown) => fail(options.classify(error)),
    );
  };

  attempt();
  return {
    dispose() {
      if (disposed) return;
      disposed = true;
      if (retryTimer) timers.clearTimeout(retryTimer);
      retryTimer = undefined;
      current?.abort();
      check?.stop();
    },
  };
}

/** A throwing handler must not kill the stream; it is reported, not swallowed. */
function guard(log: Logger, call: () => void): void {
  try {
    call();
  } catch (e) {
    log.error(`Docker events: a handler threw: ${e instanceof Error && e.stack ? e.stack : errorMessage(e)}`);
  }
}
