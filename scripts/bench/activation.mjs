// (d) Activation: a fresh Node process per sample loads dist/extension.js (stub `vscode`) and calls activate().
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { median } from './stats.mjs';

const run = promisify(execFile);
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '..', '..');

export async function benchActivation(samples) {
  // Measure the current sources: bundle them first, as `npm run build` does.
  await run(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root });
  const bundleBytes = statSync(path.join(root, 'dist', 'extension.js')).size;
  const results = [];
  for (let i = 0; i < samples; i++) {
    const { stdout } = await run(process.execPath, [path.join(here, 'activateOnce.mjs')], { cwd: root });
    results.push(JSON.parse(stdout.trim().split('\n').pop()));
  }
  return {
    samples,
    bundleBytes,
    requireMs: median(results.map((r) => r.requireMs)),
    activateMs: median(results.map((r) => r.activateMs)),
    totalMs: median(results.map((r) => r.totalMs)),
    subscriptions: results[0].subscriptions,
  };
}
