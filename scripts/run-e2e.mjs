#!/usr/bin/env node
// Runs the browser UI tests test/e2e/**/*.e2e.ts (mocha BDD via tsx, serially) against the real workbench:
// each test file opens its own code-server + Chromium through test/e2e/harness.ts. Screenshots go to
// test-results/. Args after `--` go to mocha (e.g. `node scripts/run-e2e.mjs -- --grep smoke`); or set
// DNE_E2E_GREP (and DNE_E2E_INVERT=1 to run all but the matches); both are ignored when CI is set. mocha runs
// with --forbid-only, and the run guards (scripts/lib/runGuards.mjs) fail 0 tests run or an unlisted skip.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureCodeServer, repoRoot } from './lib/codeServer.mjs';
import { buildExtension, ensureEngineAndImage } from './lib/engine.mjs';
import { filterFromEnv, finishRun, pendingTitlesFromSpec } from './lib/runGuards.mjs';
import { parseMochaSummary } from './lib/summary.mjs';

function findE2e(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return findE2e(p);
      return e.name.endsWith('.e2e.ts') ? [relative(repoRoot, p)] : [];
    })
    .sort();
}

async function main() {
  ensureEngineAndImage();
  buildExtension();
  ensureCodeServer();
  // DNE_E2E_DIR: another suite of the same kind (scripts/run-e2e-vsix.mjs runs test/e2e-vsix).
  const suiteDir = process.env.DNE_E2E_DIR || join('test', 'e2e');
  const files = findE2e(join(repoRoot, suiteDir));
  if (files.length === 0) throw new Error(`no ${suiteDir}/**/*.e2e.ts files`);
  const extra = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
  // Env filters, for callers that cannot pass args (scripts/test.sh): DNE_E2E_GREP, DNE_E2E_INVERT=1.
  const grep = filterFromEnv('DNE_E2E_GREP');
  if (grep) extra.push('--grep', grep);
  if (grep && filterFromEnv('DNE_E2E_INVERT') === '1') extra.push('--invert');
  const mocha = join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const args = [
    mocha,
    '--require',
    'tsx/cjs',
    '--ui',
    'bdd',
    '--reporter',
    'spec',
    '--timeout',
    '180000',
    '--slow',
    '20000',
    '--forbid-only',
    ...extra,
    ...files,
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
    // mocha ends its run on SIGINT and exits normally, so the harness's exit hook stops code-server.
    for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill('SIGINT'));
  });
  const counts = parseMochaSummary(output) ?? { passed: 0, failed: 0, pending: 0 };
  const failed = code === 0 ? counts.failed : Math.max(counts.failed, 1);
  return { ...counts, failed, pendingTitles: pendingTitlesFromSpec(output) };
}

let result;
try {
  result = await main();
} catch (e) {
  console.error(`e2e: ${e.stack ?? e.message}`);
  result = { passed: 0, failed: 1, pending: 0, pendingTitles: [] };
}
process.exit(finishRun('e2e', result, result.pendingTitles));
