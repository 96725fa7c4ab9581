/**
 * Entry point of the integration suite inside a real extension host (code-server's Node extension host, or
 * desktop VS Code under @vscode/test-electron). The launcher bundles this file and every
 * test/integration/**\/*.test.ts into out/test/integration/; VS Code loads this module and awaits run().
 * Mocha's BDD interface (describe/it), with forbidOnly (a stray it.only fails the run). Env: DNE_TEST_GREP filters
 * tests (ignored when CI is set); DNE_TEST_REPORT names a JSON file that receives the counts, the skipped tests'
 * titles and the failures (the launcher reads it, so the result never depends on log forwarding; no report at
 * all is a failure there).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface IntegrationReport {
  passes: number;
  failures: number;
  pending: number;
  /** Titles of the skipped tests, which the launcher checks against test/allowed-skips.json. */
  pendingTitles: string[];
  durationMs: number;
  failed: { title: string; error: string }[];
}

/**
 * The suite's files in name order, except stress/ last: its bursts churn the shared engine hardest, and dockerd
 * 20.10 can be left with a stale endpoint count on a network the burst used (libnetwork; the network then refuses
 * removal until the engine restarts), which a later test (prune: no unused networks but its own) would trip over.
 */
function testFiles(dir: string): string[] {
  const files = fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return testFiles(p);
      return e.name.endsWith('.test.js') ? [p] : [];
    })
    .sort();
  const stress = (f: string) => path.relative(__dirname, f).startsWith(`stress${path.sep}`);
  return [...files.filter((f) => !stress(f)), ...files.filter(stress)];
}

function writeReport(report: IntegrationReport): void {
  const file = process.env.DNE_TEST_REPORT;
  if (file) fs.writeFileSync(file, JSON.stringify(report, null, 2));
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 60_000,
    forbidOnly: true,
    // The launcher already drops the filter under CI; this keeps any other host (test-electron) in line.
    grep: (!process.env.CI && process.env.DNE_TEST_GREP) || undefined,
  });
  const files = testFiles(__dirname);
  for (const f of files) mocha.addFile(f);
  const report: IntegrationReport = {
    passes: 0,
    failures: 0,
    pending: 0,
    pendingTitles: [],
    durationMs: 0,
    failed: [],
  };
  const started = Date.now();
  return new Promise<void>((resolve, reject) => {
    try {
      if (files.length === 0) throw new Error(`no *.test.js files under ${__dirname}: was the suite built?`);
      const runner = mocha.run((failures) => {
        report.durationMs = Date.now() - started;
        writeReport(report);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => {
        report.passes++;
      });
      runner.on('pending', (test) => {
        report.pending++;
        report.pendingTitles.push(test.title);
      });
      runner.on('fail', (test, err: Error) => {
        report.failures++;
        report.failed.push({ title: test.fullTitle(), error: err?.stack ?? String(err) });
      });
    } catch (err) {
      // A suite that cannot even load counts as one failure, so the launcher never reports it green.
      report.failures = Math.max(report.failures, 1);
      report.failed.push({
        title: 'loading the integration suite',
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
      writeReport(report);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
