/**
 * Which rules run, at which severity: the defaults, the security rules switched on as a group, then per-rule
 * overrides. Pure: the editor's settings (providers/settings.ts) and the CLI's --security/--rule both use it.
 */
import type { RuleSetting } from './lint';
import { RULES } from './rules';

const LEVELS: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'off']);

export function isRuleSetting(value: unknown): value is RuleSetting {
  return typeof value === 'string' && LEVELS.has(value);
}

/** One setting per rule id; overrides that are not a valid level are ignored (the settings UI flags them). */
export function resolveRuleSettings(
  security: boolean,
  overrides: Readonly<Record<string, unknown>>,
): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const r of RULES) {
    const o = overrides[r.id];
    if (isRuleSetting(o)) rules[r.id] = o;
    else if (r.category === 'security') rules[r.id] = security ? r.severity : 'off';
    else rules[r.id] = r.enabledByDefault ? r.severity : 'off';
  }
  return rules;
}
