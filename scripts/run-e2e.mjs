#!/usr/bin/env node
// Runs the browser UI tests test/e2e/**/*.e2e.ts (mocha BDD via tsx, serially) against the real workbench:
// each test file opens its own code-server + Chromium through test/e2e/harness.ts. Screenshots go to
// test-results/. Args after `--` go to mocha (e.g. `node scripts/run-e2e.mjs -- --grep smoke`); or set
// DNE_E2E_GREP (and DNE_E2E_INVERT=1 to run all but the matches); both are ignored when CI is set. mocha runs
// with --forbid-only, and the run guards (scripts/lib/runGuards.mjs) fail 0 tests run or an unlisted skip.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureCodeServer, repoRoot } from './lib/codeServer.mjs';
import { buildExtension, ensureEngineAndImage } from './lib/engine.mjs';
import { argsAfterDashes, runMocha } from './lib/mochaRun.mjs';
import { filterFromEnv, finishRun } from './lib/runGuards.mjs';

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
  const extra = argsAfterDashes();
  // Env filters, for callers that cannot pass args (scripts/test.sh): DNE_E2E_GREP, DNE_E2E_INVERT=1.
  const grep = filterFromEnv('DNE_E2E_GREP');
  if (grep) extra.push('--grep', grep);
  if (grep && filterFromEnv('DNE_E2E_INVERT') === '1') extra.push('--invert');
  const args = [
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
  return runMocha(args, { forwardSignals: true });
}

let result;
try {
  result = await main();
} catch (e) {
  console.error(`e2e: ${e.stack ?? e.message}`);
  result = { passed: 0, failed: 1, pending: 0, pendingTitles: [] };
}
process.exit(finishRun('e2e', result, result.pendingTitles));
