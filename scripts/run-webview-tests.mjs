// Builds the webview bundle, then runs the webview tests (test/webview/**/*.test.ts) in headless Chromium
// through mocha + playwright-core. Screenshots go to test-results/webview/. mocha runs with --forbid-only; its
// output is echoed and judged by the run guards (scripts/lib/runGuards.mjs: 0 tests or an unlisted skip fail).
// Args after `--` go to mocha (e.g. `-- --grep render`).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './lib/codeServer.mjs';
import { finishRun, pendingTitlesFromSpec } from './lib/runGuards.mjs';
import { parseMochaSummary } from './lib/summary.mjs';

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', cwd: repoRoot });
if (built.status !== 0) process.exit(finishRun('webview', { passed: 0, failed: 1, pending: 0 }));
const extra = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
const mocha = join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const args = [
  mocha,
  '--require',
  'tsx/cjs',
  '--extension',
  'ts',
  '--timeout',
  '60000',
  '--reporter',
  'spec',
  '--forbid-only',
  ...extra,
  'test/webview/**/*.test.ts',
];
let output = '';
const code = await new Promise((res) => {
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => {
    process.stdout.write(d);
    output += d;
  });
  child.stderr.on('data', (d) => {
    process.stderr.write(d);
    output += d;
  });
  child.on('close', (c, sig) => res(c ?? (sig ? 1 : 0)));
});
const counts = parseMochaSummary(output) ?? { passed: 0, failed: 0, pending: 0 };
const failed = code === 0 ? counts.failed : Math.max(counts.failed, 1);
process.exit(finishRun('webview', { ...counts, failed }, pendingTitlesFromSpec(output)));
