/**
 * A unix-socket proxy in front of an engine that can stop forwarding the events stream's bytes without closing
 * anything: what a dead NAT entry or ssh tunnel does to a long-lived connection. Other requests, and streams
 * opened after the freeze, go through as usual.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EngineEndpoint } from '../../../src/engine/api';

interface Connection {
  client: net.Socket;
  upstream: net.Socket;
  isEventStream: boolean;
  frozen: boolean;
}

export class FreezingProxy {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-proxy-'));
  readonly socketPath = path.join(this.dir, 'proxy.sock');
  private readonly connections = new Set<Connection>();
  private readonly server = net.createServer((client) => this.accept(client));
  /** Event streams opened through the proxy so far. */
  streamsOpened = 0;

  constructor(private readonly engineSocket: string) {}

  get endpoint(): EngineEndpoint {
    return { source: 'setting', kind: 'unix', socketPath: this.socketPath, display: `unix://${this.socketPath}` };
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(this.socketPath, resolve));
    return this;
  }

  /** The open event streams stop receiving bytes; their sockets stay open. */
  freeze(): void {
    for (const connection of this.connections) if (connection.isEventStream) connection.frozen = true;
  }

  async stop(): Promise<void> {
    for (const { client, upstream } of this.connections) {
      client.destroy();
      upstream.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private accept(client: net.Socket): void {
    const upstream = net.connect(this.engineSocket);
    const connection: Connection = { client, upstream, isEventStream: false, frozen: false };
    this.connections.add(connection);
    client.on('data', (chunk: Buffer) => {
      const head = chunk.toString('latin1');
      // The stream is the events request without `until`; the silent-stream check sets `until`.
      if (/^GET \/events\?/.test(head) && !/[?&]until=/.test(head.split('\r\n')[0])) {
        connection.isEventStream = true;
        this.streamsOpened++;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!connection.frozen) client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.connections.delete(connection);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  }
}
