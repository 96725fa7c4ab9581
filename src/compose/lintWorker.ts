/** The lint worker (dist/lintWorker.js): parses and lints off the extension host's main thread. */
import { parentPort } from 'node:worker_threads';
import { runLintRequest } from './lintRequest';
import type { LintRequest } from './workerProtocol';

parentPort?.on('message', (req: LintRequest) => {
  parentPort?.postMessage(runLintRequest(req));
});
