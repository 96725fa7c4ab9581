#!/usr/bin/env node
// Usage: node scripts/lib/failedTitles.mjs <step> <log-file>
// One line per failed test of a step's log: "<step>: <suite> > <test>: <first line of its error>", from mocha's
// "N failing" block (several mocha runs in one log each have theirs). scripts/test.sh prints these lines just
// before its summary: a CI that keeps only the last screenful of output still names every failed test.
// A log without a failing block gives one line saying so (a crash, a set-up step).
import { readFileSync } from 'node:fs';

/** The failed tests of a mocha log: title (suite and test joined) and the first line of the error. */
export function failedTitles(text) {
  const found = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s+\d+ failing\s*$/.test(lines[i])) continue;
    for (i++; i < lines.length && !/^\s*(DNE-SUMMARY|\d+ passing)/.test(lines[i]); i++) {
      const head = /^\s+\d+\) (.*)$/.exec(lines[i]);
      if (!head) continue;
      // mocha ends the test's own line with a colon; the error follows, after a blank line or not
      const title = [head[1].trim()];
      while (!title.at(-1).endsWith(':') && i + 1 < lines.length && lines[i + 1].trim() !== '')
        title.push(lines[++i].trim());
      while (i + 1 < lines.length && lines[i + 1].trim() === '') i++;
      const error = (lines[i + 1] ?? '').trim();
      found.push({ title: title.join(' > ').replace(/:$/, ''), error });
    }
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [step, file] = process.argv.slice(2);
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    console.log(`${step}: no log (${err.code ?? err})`);
    process.exit(0);
  }
  const failed = failedTitles(text);
  if (!failed.length) console.log(`${step}: failed without a mocha failure list (see the log's tail above)`);
  for (const f of failed) console.log(`${step}: ${f.title}: ${f.error}`.slice(0, 300));
}
