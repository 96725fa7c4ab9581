/**
 * Sends lint requests to the worker (dist/lintWorker.js), started on first use. When the bundle is not there
 * (running from sources) or the worker dies, lints in-process and says so once in the output channel.
 * The in-process linter (and the `yaml` parser under it) loads only then: it is most of the extension bundle's
 * weight and has no place on the activation path.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintRequest, LintResponse } from '../workerProtocol';

export type Log = (message: string) => void;

export class LintClient {
  private worker: Worker | undefined;
  private workerFailed = false;
  private nextId = 1;
  private readonly pending = new Map<number, { request: LintRequest; resolve: (r: LintResponse) => void }>();

  constructor(
    private readonly workerPath: string,
    private readonly log: Log,
  ) {}

  lint(request: Omit<LintRequest, 'id'>): Promise<LintResponse> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    if (!worker) return lintInProcess({ ...request, id });
    const full = { ...request, id };
    let resolveAnswer: (r: LintResponse) => void = () => undefined;
    const answer = new Promise<LintResponse>((resolve) => (resolveAnswer = resolve));
    this.pending.set(id, { request: full, resolve: resolveAnswer });
    try {
      worker.postMessage(full);
    } catch (error) {
      // A request the worker cannot receive (structured clone refused it) is linted here, so no lint is lost.
      this.pending.delete(id);
      this.log(`Compose lint request not sent to the worker (${(error as Error).message}): linted on the main thread.`);
      return lintInProcess(full);
    }
    return answer;
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.workerFailed) return this.worker;
    if (!fs.existsSync(this.workerPath)) {
      this.workerFailed = true;
      this.log(
        `Compose lint worker ${path.basename(this.workerPath)} not found (running from sources?): linting on the main thread.`,
      );
      return undefined;
    }
    const worker = new Worker(this.workerPath);
    worker.on('message', (r: LintResponse) => {
      const entry = this.pending.get(r.id);
      this.pending.delete(r.id);
      entry?.resolve(r);
    });
    worker.on('error', (e) =>
      this.fail(`Compose lint worker failed: ${e.message}. Linting continues on the main thread.`),
    );
    worker.on('exit', (code) => {
      if (this.worker === worker && code !== 0)
        this.fail(`Compose lint worker exited with code ${code}. Linting continues on the main thread.`);
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** The worker is gone: answer the requests it held, in-process, so no lint is lost. */
  private fail(message: string): void {
    this.log(message);
    this.worker = undefined;
    this.workerFailed = true;
    const held = [...this.pending.values()];
    this.pending.clear();
    for (const { request, resolve } of held) void lintInProcess(request).then(resolve);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

async function lintInProcess(request: LintRequest): Promise<LintResponse> {
  const { runLintRequest } = await import('../lintRequest');
  return runLintRequest(request);
}
