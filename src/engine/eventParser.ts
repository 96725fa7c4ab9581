/**
 * The events stream is newline-delimited JSON; chunks split lines (and UTF-8 characters) anywhere.
 * This parser buffers partial lines and reports lines that are not JSON objects instead of dropping them silently.
 */
import { StringDecoder } from 'node:string_decoder';
import type { EngineEvent } from './records';

export class EventLineParser {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(private readonly onMalformed: (line: string, reason: string) => void) {}

  /** Feeds one chunk; returns the complete events it finished. */
  push(chunk: Buffer | string): EngineEvent[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const events: EngineEvent[] = [];
    let newline = this.pending.indexOf('\n');
    while (newline >= 0) {
      this.parseLine(this.pending.slice(0, newline), events);
      this.pending = this.pending.slice(newline + 1);
      newline = this.pending.indexOf('\n');
    }
    return events;
  }

  /** The stream ended: a last line without a newline still counts. */
  end(): EngineEvent[] {
    this.pending += this.decoder.end();
    const events: EngineEvent[] = [];
    this.parseLine(this.pending, events);
    this.pending = '';
    return events;
  }

  private parseLine(raw: string, into: EngineEvent[]): void {
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      this.onMalformed(line, (e as Error).message);
      return;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) into.push(value as EngineEvent);
    else this.onMalformed(line, 'not a JSON object');
  }
}
