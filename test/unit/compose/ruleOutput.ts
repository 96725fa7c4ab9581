/**
 * What the user sees of a rule's findings, as lines to compare with the text a test writes out: each finding's
 * line (1-based), rule and whole message, then each fix's title (marked when it is the preferred quick fix) and the
 * whole file as the fix leaves it. Internal errors (a rule that threw) are always shown.
 */
import type { LintOptions } from '../../../src/compose/lint';
import { INTERNAL_RULE } from '../../../src/compose/lint';
import { applyFix, lint } from './lintHelpers';

export function shown(text: string, rules: readonly string[], options: Partial<LintOptions> = {}): string[] {
  const out: string[] = [];
  for (const f of lint(text, options)) {
    if (!rules.includes(f.rule) && f.rule !== INTERNAL_RULE) continue;
    out.push(`${f.start.line} ${f.rule}: ${f.message}`);
    for (const fix of f.fixes) out.push(`fix${fix.preferred ? ' (preferred)' : ''}: ${fix.title}`, applyFix(text, fix));
  }
  return out;
}
