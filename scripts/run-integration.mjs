#!/usr/bin/env node
// Runs the integration suite (test/integration/**/*.test.ts) inside code-server's real Node extension host:
// builds the extension and the suite, starts code-server on a free loopback port with fresh user data, opens the
// workbench in headless Chromium with a `payload` (extensionDevelopmentPath + extensionTestsPath), echoes the
// host's log, and exits with the suite's result: a run that wrote no report fails, and the run guards
// (scripts/lib/runGuards.mjs) fail 0 tests run or a skip not in test/allowed-skips.json.
// Env: DNE_TEST_GREP (mocha grep; ignored when CI is set), DNE_TEST_TIMEOUT_MS
// (default 600000), DNE_CODE_SERVER_DIR (shared code-server install), DNE_KEEP_RUN_DIR=1 (keep logs).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { buildIntegrationTests } from './lib/buildIntegrationTests.mjs';
import { freshRunDir, launchChromium, repoRoot, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';
import { buildExtension, ensureEngineAndImage } from './lib/engine.mjs';
import { filterFromEnv, finishRun } from './lib/runGuards.mjs';

// The workbench's marketplace and update checks fail offline, loudly and harmlessly; DNE_VERBOSE=1 shows them.
const offlineNoise = /open-vsx\.org|ENOTFOUND|ERR_NAME_NOT_RESOLVED|Failed to fetch/;
const verbose = process.env.DNE_VERBOSE === '1';
const timeoutMs = Number(process.env.DNE_TEST_TIMEOUT_MS || 600_000);
const workspace = join(repoRoot, 'test', 'fixtures', 'workspace');
let server;
let browser;

async function cleanup() {
  await browser?.close().catch((e) => console.error(`integration: closing Chromium failed: ${e.message}`));
  browser = undefined;
  await server?.stop();
  if (server && !process.env.DNE_KEEP_RUN_DIR) rmSync(server.runDir, { recursive: true, force: true });
  server = undefined;
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    cleanup().finally(() => process.exit(130));
  });
}

function readReport(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`integration: unreadable report ${file}: ${e.message}`);
    return undefined;
  }
}

async function main() {
  ensureEngineAndImage();
  buildExtension();
  const testsPath = await buildIntegrationTests();
  // The host inherits this process's environment: a filter dropped here (under CI) never reaches the suite.
  const grep = filterFromEnv('DNE_TEST_GREP');
  if (grep) process.env.DNE_TEST_GREP = grep;
  else delete process.env.DNE_TEST_GREP;

  const runDir = freshRunDir('integration');
  const reportFile = join(runDir, 'report.json');
  // The remote extension host inherits code-server's environment, so the suite finds the report path there.
  server = await startCodeServer({ workspace, runDir, env: { DNE_TEST_REPORT: reportFile } });
  console.log(`integration: code-server ${server.origin} (log ${server.logFile})`);

  browser = await launchChromium();
  const page = await browser.newPage();
  let resolveExit;
  const exited = new Promise((r) => {
    resolveExit = r;
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // The host forwards console calls unformatted (mocha's '%s' style): format them as Node would.
    const text = Array.isArray(args) ? format(...args) : String(args);
    if (!verbose && offlineNoise.test(text)) return;
    (type === 'error' ? console.error : console.log)(text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  page.on('pageerror', (e) => console.error(`integration: page error: ${e.message}`));
  // A crashed tab or browser never reports an exit code: end the wait instead of sitting out the timeout.
  page.on('crash', () => {
    console.error('integration: the workbench tab crashed');
    resolveExit(99);
  });
  browser.on('disconnected', () => resolveExit(98));

  const url = workbenchUrl(server.origin, {
    folder: workspace,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsPath,
  });
  await page.goto(url, { timeout: 120_000 });
  let timer;
  const timedOut = new Promise((r) => {
    timer = setTimeout(() => r('timeout'), timeoutMs);
  });
  const code = await Promise.race([exited, timedOut]);
  clearTimeout(timer);

  const report = readReport(reportFile);
  if (report) {
    for (const f of report.failed) console.error(`\nFAILED: ${f.title}\n${f.error}`);
    console.log(
      `\nintegration: ${report.passes} passing, ${report.failures} failing, ${report.pending} pending (${report.durationMs} ms)`,
    );
  }
  if (code === 'timeout') {
    console.error(
      `integration: no exit code from the extension host within ${timeoutMs / 1000} s; see ${server.logFile}`,
    );
    return countsOf(report, 1);
  }
  if (!report) {
    console.error(
      `integration: the extension host exited with code ${code} but wrote no report: ` +
        `the suite did not run (see ${server.logFile})`,
    );
    return countsOf(undefined, 1);
  }
  // A non-zero exit without a counted failure (crash, load error) still counts as one failure.
  return countsOf(report, code === 0 ? 0 : 1);
}

/** The launcher's counts from the suite's report, with at least `minFailed` failures. */
function countsOf(report, minFailed) {
  return {
    passed: report?.passes ?? 0,
    failed: Math.max(minFailed, report?.failures ?? 0),
    pending: report?.pending ?? 0,
    pendingTitles: report?.pendingTitles ?? [],
  };
}

let result;
try {
  result = await main();
} catch (e) {
  console.error(`integration: ${e.stack ?? e.message}`);
  result = countsOf(undefined, 1);
} finally {
  await cleanup();
}
process.exit(finishRun('integration', result, result.pendingTitles));
