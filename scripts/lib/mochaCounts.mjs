#!/usr/bin/env node
// Usage: node scripts/lib/mochaCounts.mjs <suite> <exit-code> <log-file>
// Prints the DNE-SUMMARY line for a plain mocha run from its log: a non-zero exit without a counted failure
// (crash, compile error, no summary) counts as one failure.
import { readFileSync } from 'node:fs';
import { parseMochaSummary, printSummary } from './summary.mjs';

const [suite, code, file] = process.argv.slice(2);
const counts = parseMochaSummary(readFileSync(file, 'utf8')) ?? { passed: 0, failed: 0, pending: 0 };
const failed = Number(code) === 0 ? counts.failed : Math.max(counts.failed, 1);
printSummary(suite, counts.passed, failed, counts.pending);
