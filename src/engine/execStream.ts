/**
 * The engine's multiplexed stream format (exec start, container attach and logs without a TTY), read into two
 * bounded text buffers. Each frame is an 8-byte header (stream type: 1 stdout, 2 stderr; 3 bytes padding; a
 * big-endian 32-bit length) followed by its payload. Output beyond the limit is counted, not kept, so a chatty
 * process cannot grow the extension host's memory. Pure: no dockerode, so it is unit-tested on bytes.
 */

/** Bytes kept per stream; the rest is dropped and reported as truncated. */
export const DEFAULT_OUTPUT_LIMIT = 64 * 1024;

export class BoundedText {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** Bytes received beyond the limit. */
  dropped = 0;

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    const room = this.limit - this.kept;
    if (room <= 0) {
      this.dropped += chunk.length;
      return;
    }
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.chunks.push(Buffer.from(part));
    this.kept += part.length;
    this.dropped += chunk.length - part.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Splits the multiplexed stream into stdout and stderr, whatever the chunk boundaries. */
export class StreamDemuxer {
  readonly stdout: BoundedText;
  readonly stderr: BoundedText;
  private pending: Buffer = Buffer.alloc(0);
  /** Set when the bytes are not multiplexed (a TTY stream): everything goes to stdout as it comes. */
  private raw = false;

  constructor(limit = DEFAULT_OUTPUT_LIMIT) {
    this.stdout = new BoundedText(limit);
    this.stderr = new BoundedText(limit);
  }

  push(chunk: Buffer): void {
    if (this.raw) return this.stdout.push(chunk);
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= 8) {
      const type = this.pending[0];
      if (type !== 0 && type !== 1 && type !== 2) {
        this.raw = true;
        this.stdout.push(this.pending);
        this.pending = Buffer.alloc(0);
        return;
      }
      const length = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + length) return;
      const payload = this.pending.subarray(8, 8 + length);
      (type === 2 ? this.stderr : this.stdout).push(payload);
      this.pending = this.pending.subarray(8 + length);
    }
  }

  /** True when output was dropped on either stream. */
  get truncated(): boolean {
    return this.stdout.dropped > 0 || this.stderr.dropped > 0;
  }
}
