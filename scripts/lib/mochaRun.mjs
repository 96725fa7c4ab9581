// What the mocha launchers (scripts/run-e2e.mjs, scripts/run-webview-tests.mjs) share: the arguments after `--`
// (passed on to mocha), and one mocha run whose output is echoed as it comes and kept, then read into the counts
// the run guards judge (scripts/lib/runGuards.mjs).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './codeServer.mjs';
import { pendingTitlesFromSpec } from './runGuards.mjs';
import { parseMochaSummary } from './summary.mjs';

/** The arguments after `--` on the command line (none without it). */
export function argsAfterDashes(argv = process.argv) {
  return argv.includes('--') ? argv.slice(argv.indexOf('--') + 1) : [];
}

/**
 * Runs mocha with `args` in the repository, echoing its output. `forwardSignals`: on SIGINT/SIGTERM, end mocha's
 * run with SIGINT (mocha then exits normally, so hooks such as a harness's code-server shutdown run).
 * Resolves to mocha's counts, a non-zero exit without failures counted as one failure, and the pending titles.
 */
export async function runMocha(args, { forwardSignals = false } = {}) {
  const mocha = join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
  let output = '';
  const code = await new Promise((res) => {
    const child = spawn(process.execPath, [mocha, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      output += d;
    });
    child.stderr.on('data', (d) => {
      process.stderr.write(d);
      output += d;
    });
    child.on('close', (c, sig) => res(c ?? (sig ? 1 : 0)));
    if (forwardSignals) for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill('SIGINT'));
  });
  const counts = parseMochaSummary(output) ?? { passed: 0, failed: 0, pending: 0 };
  const failed = code === 0 ? counts.failed : Math.max(counts.failed, 1);
  return { ...counts, failed, pendingTitles: pendingTitlesFromSpec(output) };
}
