#!/usr/bin/env node
// The installed-package smoke test: `npm run package` makes the .vsix (clean production build), the suite
// test/e2e-vsix/ installs it into a fresh code-server with --install-extension and drives it in Chromium, with
// workspace trust on (Restricted Mode). The development build of dist/ is restored afterwards.
// Env: DNE_CODE_SERVER_DIR as for the other launchers; mocha args after `--` (e.g. -- --grep topology).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/codeServer.mjs';
import { printSummary } from './lib/summary.mjs';

const vsix = join(repoRoot, '.vscode-test', 'vsix', 'docker-network-explorer.vsix');
mkdirSync(join(repoRoot, '.vscode-test', 'vsix'), { recursive: true });

const run = (args, env = {}) =>
  spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let code = run([join('scripts', 'package.mjs'), '--out', vsix]);
// The package step left a production dist/ (minified, no source maps): put the development build back.
const rebuilt = run([join('scripts', 'build.mjs')]);
if (code === 0) {
  const extra = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--')) : [];
  code = run([join('scripts', 'run-e2e.mjs'), ...extra], {
    DNE_E2E_DIR: join('test', 'e2e-vsix'),
    DNE_VSIX: vsix,
    DNE_SKIP_BUILD: '1',
  });
} else {
  printSummary('e2e-vsix', 0, 1);
}
process.exit(code || rebuilt);
