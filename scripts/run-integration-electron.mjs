#!/usr/bin/env node
// The same integration suite as run-integration.mjs, run in desktop VS Code with @vscode/test-electron.
// VS Code comes from VSCODE_EXECUTABLE (path to `code`/Electron binary) or is downloaded (VSCODE_VERSION,
// default 1.100.3 to match engines.vscode and the code-server host). Desktop VS Code needs a display: on a
// headless Linux box run it under `xvfb-run -a`. Not usable on the CI machines here (no download, no display):
// CI uses the code-server launcher. Env: DNE_TEST_GREP as for the code-server launcher.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildIntegrationTests } from './lib/buildIntegrationTests.mjs';
import { repoRoot } from './lib/codeServer.mjs';
import { buildExtension, ensureEngineAndImage } from './lib/engine.mjs';
import { finishRun } from './lib/runGuards.mjs';

const workspace = join(repoRoot, 'test', 'fixtures', 'workspace');
const tmp = mkdtempSync(join(tmpdir(), 'dne-electron-'));
const reportFile = join(tmp, 'report.json');
let result = { passed: 0, failed: 1, pending: 0 };
try {
  ensureEngineAndImage();
  buildExtension();
  const extensionTestsPath = await buildIntegrationTests();
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || undefined;
  const code = await runTests({
    vscodeExecutablePath,
    version: vscodeExecutablePath ? undefined : process.env.VSCODE_VERSION || '1.100.3',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    extensionTestsEnv: { DNE_TEST_REPORT: reportFile, DNE_TEST_GREP: process.env.DNE_TEST_GREP },
    // runTests adds --no-sandbox, --disable-updates, --skip-welcome and --disable-workspace-trust itself.
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--user-data-dir',
      join(tmp, 'user-data'),
      '--extensions-dir',
      join(tmp, 'extensions'),
    ],
  });
  const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : undefined;
  // No report means the suite never ran (wrong executable, extension host crash): never green.
  if (!report) console.error(`integration-electron: VS Code exited with ${code} but the suite wrote no report`);
  result = {
    passed: report?.passes ?? 0,
    failed: Math.max(report?.failures ?? 0, code === 0 && report ? 0 : 1),
    pending: report?.pending ?? 0,
    pendingTitles: report?.pendingTitles,
  };
} catch (e) {
  // runTests rejects with TestRunFailedError when VS Code exits non-zero (failures are in the report).
  const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : undefined;
  if (!report) console.error(`integration-electron: ${e.stack ?? e.message}`);
  result = { passed: report?.passes ?? 0, failed: Math.max(report?.failures ?? 0, 1), pending: report?.pending ?? 0 };
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(finishRun('integration-electron', result, result.pendingTitles ?? []));
