#!/usr/bin/env node
// Usage: node scripts/lib/mochaCounts.mjs <suite> <exit-code> <log-file>
// Prints the DNE-SUMMARY line for a plain mocha run from its log: a non-zero exit without a counted failure
// (crash, compile error, no summary) counts as one failure; the run guards (scripts/lib/runGuards.mjs) add one
// for 0 tests run and one per skipped test not in test/allowed-skips.json. Exits 1 when anything failed.
import { readFileSync } from 'node:fs';
import { finishRun, pendingTitlesFromSpec } from './runGuards.mjs';
import { parseMochaSummary } from './summary.mjs';

const [suite, code, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const counts = parseMochaSummary(text) ?? { passed: 0, failed: 0, pending: 0 };
const failed = Number(code) === 0 ? counts.failed : Math.max(counts.failed, 1);
process.exit(finishRun(suite, { ...counts, failed }, pendingTitlesFromSpec(text)));
