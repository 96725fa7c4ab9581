/**
 * A tiny HTTP server on a temporary unix socket that answers like the Docker engine, so the dockerode-backed
 * client is tested through its real transport (docker-modem, http) without an engine.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EngineEndpoint } from '../../../src/engine/api';

export interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
}

export type Route = (req: RecordedRequest, res: http.ServerResponse) => void;

export class FakeEngineServer {
  readonly requests: RecordedRequest[] = [];
  readonly routes = new Map<string, Route>();
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-engine-fake-'));
  readonly socketPath = path.join(this.dir, 'docker.sock');
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private readonly open = new Set<http.ServerResponse>();

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

  json(methodAndPath: string, status: number, body: unknown): this {
    return this.on(methodAndPath, (_req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  }

  /** Answers like an engine at API 1.41 holding these networks and the containers `containers()` returns now. */
  engineHolding(networks: unknown[], containers: () => unknown[]): this {
    return this.json('GET /version', 200, { Version: '20.10.24', ApiVersion: '1.41' })
      .json('GET /networks', 200, networks)
      .on('GET /containers/json', (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(containers()));
      });
  }

  /** Stops answering, like a stopped engine: open streams are cut and the socket file goes away. */
  async pause(): Promise<void> {
    for (const res of this.open) res.destroy();
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
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', body: text ? JSON.parse(text) : undefined };
      this.requests.push(recorded);
      this.open.add(res);
      res.on('close', () => this.open.delete(res));
      const route = this.routes.get(`${recorded.method} ${recorded.url.split('?')[0]}`);
      if (route) return route(recorded, res);
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: `page not found: ${recorded.url}` }));
    });
  }
}
