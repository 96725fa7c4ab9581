// Builds the webview bundle, then runs the webview tests (test/webview/**/*.test.ts) in headless Chromium
// through mocha + playwright-core. Screenshots go to test-results/webview/. mocha runs with --forbid-only; its
// output is echoed and judged by the run guards (scripts/lib/runGuards.mjs: 0 tests or an unlisted skip fail).
// Args after `--` go to mocha (e.g. `-- --grep render`).
import { spawnSync } from 'node:child_process';
import { repoRoot } from './lib/codeServer.mjs';
import { argsAfterDashes, runMocha } from './lib/mochaRun.mjs';
import { finishRun } from './lib/runGuards.mjs';

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', cwd: repoRoot });
if (built.status !== 0) process.exit(finishRun('webview', { passed: 0, failed: 1, pending: 0 }));
const result = await runMocha([
  '--require',
  'tsx/cjs',
  '--extension',
  'ts',
  '--timeout',
  '60000',
  '--reporter',
  'spec',
  '--forbid-only',
  ...argsAfterDashes(),
  'test/webview/**/*.test.ts',
]);
process.exit(finishRun('webview', result, result.pendingTitles));
