// The rules that keep a suite from reporting green by accident, shared by every launcher and scripts/test.sh:
// - a suite that ran 0 tests fails (a grep matching nothing, a glob finding no file, a suite that never loaded);
// - a skipped (pending) test fails the run unless test/allowed-skips.json lists it with a reason;
// - the grep variables (DNE_TEST_GREP, DNE_E2E_GREP, DNE_E2E_INVERT) are ignored when CI is set, so an inherited
//   filter cannot shrink a CI run.
// `--forbid-only` is passed to mocha by each suite itself (test/unit/.mocharc.json, the launchers).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSummary } from './summary.mjs';

export const allowedSkipsFile = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'allowed-skips.json');

/**
 * The value of a test filter variable, or undefined when it is unset or CI is set (then says so on stderr).
 * @param {string} name
 */
export function filterFromEnv(name) {
  const value = process.env[name];
  if (!value) return undefined;
  if (process.env.CI) {
    console.error(`${name}=${JSON.stringify(value)} ignored because CI is set: a CI run runs every test`);
    return undefined;
  }
  console.log(`${name}=${JSON.stringify(value)}: running only the matching tests (a local filter; ignored under CI)`);
  return value;
}

/**
 * The entries of test/allowed-skips.json for one suite: [{ suite, title, reason }]. An entry without a reason is
 * an error (the file exists to say why).
 * @param {string} suite
 * @returns {{ suite: string, title: string, reason: string }[]}
 */
export function allowedSkips(suite, file = allowedSkipsFile) {
  const all = JSON.parse(readFileSync(file, 'utf8')).skips;
  if (!Array.isArray(all)) throw new Error(`${file}: expected "skips": an array of { suite, title, reason }`);
  for (const e of all) {
    if (!e || typeof e.title !== 'string' || typeof e.suite !== 'string' || !String(e.reason ?? '').trim()) {
      throw new Error(`${file}: every entry needs a suite, a title and a reason: ${JSON.stringify(e)}`);
    }
  }
  return all.filter((e) => e.suite === suite);
}

/**
 * Titles of the pending tests in mocha's spec output ("    - title"). Other output can look alike, so callers
 * only use these to excuse skips listed in the allow-list, never to count them.
 * @param {string} text
 */
export function pendingTitlesFromSpec(text) {
  return [...text.matchAll(/^\s+- (.+?)\s*$/gm)].map((m) => m[1]);
}

/**
 * Applies the guards to a suite's counts. Returns the counts with the guard failures added to `failed` and the
 * reasons for them (one line each).
 * @param {string} suite
 * @param {{ passed: number, failed: number, pending: number }} counts
 * @param {string[]} pendingTitles titles of the skipped tests, as far as known
 */
export function judgeRun(suite, counts, pendingTitles = [], allowed = allowedSkips(suite)) {
  const reasons = [];
  let failed = counts.failed;
  if (counts.passed + counts.failed === 0) {
    reasons.push(`${suite}: ran 0 tests (a filter matching nothing, no test files, or a suite that never ran)`);
    failed += 1;
  }
  if (counts.pending > 0) {
    const excused = new Set(pendingTitles.filter((t) => allowed.some((a) => a.title === t)));
    const unlisted = Math.max(0, counts.pending - excused.size);
    for (const t of excused) console.log(`${suite}: skipped as allowed: ${t}`);
    if (unlisted > 0) {
      const names = pendingTitles.filter((t) => !excused.has(t));
      reasons.push(
        `${suite}: ${unlisted} skipped test(s) not listed with a reason in test/allowed-skips.json` +
          (names.length ? `: ${names.map((t) => JSON.stringify(t)).join(', ')}` : ''),
      );
      failed += unlisted;
    }
  }
  return { counts: { ...counts, failed }, reasons };
}

/**
 * Judges the run, prints the reasons and the DNE-SUMMARY line, and returns the exit code (0 only when nothing
 * failed).
 * @param {string} suite
 * @param {{ passed: number, failed: number, pending: number }} counts
 * @param {string[]} [pendingTitles]
 */
export function finishRun(suite, counts, pendingTitles = []) {
  let judged;
  try {
    judged = judgeRun(suite, counts, pendingTitles);
  } catch (e) {
    judged = { counts: { ...counts, failed: counts.failed + 1 }, reasons: [`${suite}: ${e.message}`] };
  }
  for (const r of judged.reasons) console.error(`\nFAILED: ${r}`);
  printSummary(suite, judged.counts.passed, judged.counts.failed, judged.counts.pending);
  return judged.counts.failed > 0 ? 1 : 0;
}
