// Builds the webview bundle, then runs the webview tests (test/webview/**/*.test.ts) in headless Chromium
// through mocha + playwright-core. Screenshots go to test-results/webview/.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['scripts/build.mjs']);
run('npx', ['mocha', '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '60000', '--reporter', 'spec', 'test/webview/**/*.test.ts']);
