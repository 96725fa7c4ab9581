/**
 * A tiny listener list for the pure model (vscode's EventEmitter is not available here).
 * A throwing listener is reported (to the logger given, else the console) and does not stop the others.
 */
import { errorMessage } from '../common/failure';
import { consoleLogger, type Logger } from '../common/logger';
import type { Disposable } from '../engine/api';

export class Emitter<T> {
  private listeners: Array<{ call: (value: T) => void }> = [];
  private disposed = false;

  constructor(private readonly log: Logger = consoleLogger) {}

  /** Adds a listener; dispose the result to remove it. */
  readonly event = (listener: (value: T) => void): Disposable => {
    if (this.disposed) return { dispose: () => undefined };
    const entry = { call: listener };
    this.listeners.push(entry);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((e) => e !== entry);
      },
    };
  };

  get listenerCount(): number {
    return this.listeners.length;
  }

  fire(value: T): void {
    if (this.disposed) return;
    for (const entry of [...this.listeners]) {
      try {
        entry.call(value);
      } catch (e) {
        this.log.error(`A topology listener threw: ${e instanceof Error && e.stack ? e.stack : errorMessage(e)}`);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listeners = [];
  }
}
