/** Test helpers: lint a text with every rule (security included) and apply fixes the way an editor does. */
import * as assert from 'node:assert/strict';
import { lintText, type Finding, type LintOptions } from '../../../src/compose/lint';
import { RULES } from '../../../src/compose/rules';
import type { Fix } from '../../../src/compose/rules/types';

export const ALL_ON: Record<string, 'error' | 'warning'> = Object.fromEntries(
  RULES.map((r) => [r.id, r.severity === 'info' ? 'warning' : r.severity]),
);

export function lint(text: string, options: Partial<LintOptions> = {}): Finding[] {
  return lintText(text, { env: new Map(), rules: ALL_ON, projectName: 'demo', ...options }).findings;
}

/** Applies non-overlapping edits from the end backwards, as a workspace edit would. */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range[0] - a.range[0]);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range[0]) + e.newText + out.slice(e.range[1]);
  return out;
}

export function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.start.line}:${f.rule}`);
}

/**
 * Asserts the findings of one rule: exactly `expected` in order, each on its line (1-based, as the editor shows
 * it), with its key phrase in the message, and a range that does not end before it starts.
 */
export function assertFindings(findings: Finding[], rule: string, expected: [line: number, phrase: string][]): void {
  const found = findings.filter((f) => f.rule === rule);
  const shown = found.map((f) => `${f.start.line}: ${f.message}`).join('\n');
  assert.equal(found.length, expected.length, `${rule}: ${expected.length} finding(s) expected, got:\n${shown}`);
  expected.forEach(([line, phrase], i) => {
    assert.equal(found[i].start.line, line, `${rule} finding ${i + 1} line; got:\n${shown}`);
    assert.ok(found[i].message.includes(phrase), `${rule} finding ${i + 1} says "${phrase}"; got:\n${shown}`);
    assert.ok(found[i].end.line > found[i].start.line || found[i].end.column >= found[i].start.column);
  });
}
