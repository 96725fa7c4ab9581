/**
 * A tiny HTTP server on a temporary unix socket that answers like the Docker engine, so the dockerode-backed
 * client is tested through its real transport (docker-modem, http) without an engine.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import type { Duplex } from 'node:stream';
import * as path from 'node:path';
import type { EngineEndpoint } from '../../../src/engine/api';

export interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
}

export type Route = (req: RecordedRequest, res: http.ServerResponse) => void;
/** Answers a hijacked request (exec start, attach): the route writes the 101 answer and the raw stream itself. */
export type UpgradeRoute = (req: RecordedRequest, socket: Duplex) => void;

export class FakeEngineServer {
  readonly requests: RecordedRequest[] = [];
  readonly routes = new Map<string, Route>();
  readonly upgradeRoutes = new Map<string, UpgradeRoute>();
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-engine-fake-'));
  readonly socketPath = path.join(this.dir, 'docker.sock');
  private readonly server = http
    .createServer((req, res) => this.handle(req, res))
    .on('upgrade', (req: http.IncomingMessage, socket: Duplex) => this.handleUpgrade(req, socket));
  private readonly open = new Set<http.ServerResponse>();
  private readonly hijacked = new Set<Duplex>();

  get endpoint(): EngineEndpoint {
    return { source: 'setting', kind: 'unix', socketPath: this.socketPath, display: `unix://${this.socketPath}` };
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(this.socketPath, resolve));
    return this;
  }

  /** Registers a handler for "METHOD /path" (the path without its query string). */
  on(methodAndPath: string, route: Route): this {
    this.routes.set(methodAndPath, route);
    return this;
  }

  /** Registers a hijacked-stream handler for "METHOD /path". */
  onUpgrade(methodAndPath: string, route: UpgradeRoute): this {
    this.upgradeRoutes.set(methodAndPath, route);
    return this;
  }

  json(methodAndPath: string, status: number, body: unknown): this {
    return this.on(methodAndPath, (_req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  }

  /** Answers like an engine at API 1.41 holding these networks and the containers `containers()` returns now. */
  engineHolding(networks: unknown[], containers: () => unknown[]): this {
    return this.json('GET /version', 200, { Version: '20.10.24', ApiVersion: '1.41' })
      .json('GET /info', 200, { Swarm: { LocalNodeState: 'inactive' } })
      .json('GET /networks', 200, networks)
      .on('GET /containers/json', (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(containers()));
      });
  }

  /** Stops answering, like a stopped engine: open streams are cut and the socket file goes away. */
  async pause(): Promise<void> {
    for (const res of this.open) res.destroy();
    for (const socket of this.hijacked) socket.destroy();
    this.server.closeAllConnections();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answers again on the same socket path, like a restarted engine. */
  async resume(): Promise<void> {
    await this.start();
  }

  async stop(): Promise<void> {
    await this.pause();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        body: text ? JSON.parse(text) : undefined,
      };
      this.requests.push(recorded);
      this.open.add(res);
      res.on('close', () => this.open.delete(res));
      const route = this.routes.get(`${recorded.method} ${recorded.url.split('?')[0]}`);
      if (route) return route(recorded, res);
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: `page not found: ${recorded.url}` }));
    });
  }

  private handleUpgrade(req: http.IncomingMessage, socket: Duplex): void {
    const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', body: undefined };
    this.requests.push(recorded);
    this.hijacked.add(socket);
    socket.on('close', () => this.hijacked.delete(socket));
    const route = this.upgradeRoutes.get(`${recorded.method} ${recorded.url.split('?')[0]}`);
    if (route) return route(recorded, socket);
    socket.end('HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}');
  }
}

/** One frame of the engine's multiplexed stream: stream 1 stdout, 2 stderr. */
export function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

export const UPGRADED =
  'HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n';
