// The topology panel benchmark: builds the webview bundle, then runs test/webview/benchTopology.ts (headless
// Chromium + the real bundle). Flags: --quick (2,000 x 200 only), --write (update docs/BENCHMARKS.md).
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['scripts/build.mjs']);
run('npx', ['tsx', 'test/webview/benchTopology.ts', ...process.argv.slice(2)]);
