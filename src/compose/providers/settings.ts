/** The dockerNetworks.compose.* settings, read when needed (they may change at any time). */
import * as vscode from 'vscode';
import type { RuleSetting } from '../lint';
import { RULES } from '../rules';

export interface ComposeSettings {
  enable: boolean;
  debounceMs: number;
  engineChecks: boolean;
  rules: Record<string, RuleSetting>;
}

const LEVELS = new Set(['error', 'warning', 'info', 'off']);

export function readSettings(): ComposeSettings {
  const c = vscode.workspace.getConfiguration('dockerNetworks.compose');
  const overrides = c.get<Record<string, unknown>>('rules', {});
  const security = c.get<boolean>('securityRules', false);
  const rules: Record<string, RuleSetting> = {};
  for (const r of RULES) {
    const o = overrides[r.id];
    if (typeof o === 'string' && LEVELS.has(o)) rules[r.id] = o as RuleSetting;
    else if (r.category === 'security') rules[r.id] = security ? r.severity : 'off';
    else rules[r.id] = r.enabledByDefault ? r.severity : 'off';
  }
  return {
    enable: c.get<boolean>('enable', true),
    debounceMs: Math.max(0, c.get<number>('debounceMs', 200)),
    engineChecks: c.get<boolean>('engineChecks', true),
    rules,
  };
}
