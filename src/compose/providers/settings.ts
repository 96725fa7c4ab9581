/** The dockerNetworks.compose.* settings, read when needed (they may change at any time). */
import * as vscode from 'vscode';
import type { RuleSetting } from '../lint';
import { resolveRuleSettings } from '../ruleSettings';

export interface ComposeSettings {
  enable: boolean;
  debounceMs: number;
  engineChecks: boolean;
  rules: Record<string, RuleSetting>;
}

export function readSettings(): ComposeSettings {
  const c = vscode.workspace.getConfiguration('dockerNetworks.compose');
  const overrides = c.get<Record<string, unknown>>('rules', {});
  const security = c.get<boolean>('securityRules', false);
  return {
    enable: c.get<boolean>('enable', true),
    debounceMs: Math.max(0, c.get<number>('debounceMs', 200)),
    engineChecks: c.get<boolean>('engineChecks', true),
    rules: resolveRuleSettings(security, overrides),
  };
}
