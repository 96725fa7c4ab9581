/**
 * One lint: parse once, run every enabled rule over the model, attach severities and positions.
 * Pure (no vscode, no fs): the editor, the worker, the CLI and the tests all call this.
 */
import { errorMessage } from '../common/failure';
import { parseCompose } from './model/parseCompose';
import { LineIndex, type Position } from './model/lineIndex';
import type { Env } from './model/interpolate';
import type { ComposeModel, Range } from './model/types';
import { RULES } from './rules';
import type { EngineView, Fix, ProjectView, Severity } from './rules/types';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  env: Env;
  project?: ProjectView;
  projectName?: string;
  engine?: EngineView;
  /** Per-rule overrides: a severity, or 'off'. Rules not listed use their defaults. */
  rules?: Readonly<Record<string, RuleSetting>>;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  start: Position;
  end: Position;
  fixes: Fix[];
}

export interface LintResult {
  model: ComposeModel;
  findings: Finding[];
}

export const SYNTAX_RULE = 'yaml-syntax';
export const INTERNAL_RULE = 'internal-error';

/** What users read when the parser ran out of stack: the file nests deeper than any compose file needs. */
export const TOO_DEEP_MESSAGE =
  'The YAML nests too deeply for the parser to follow (it ran out of stack). No compose file needs this depth: ' +
  'look for generated or runaway nesting.';

/** A parser message as users should read it: stack exhaustion is a nesting problem, not a syntax one. */
export function describeSyntaxError(message: string): string {
  return /Maximum call stack size exceeded/i.test(message) ? TOO_DEEP_MESSAGE : message;
}

const EMPTY_PROJECT: ProjectView = { services: new Set(), networks: new Set(), usedNetworks: new Set() };

export function lintText(text: string, options: LintOptions): LintResult {
  const model = parseCompose(text, options.env);
  return { model, findings: lintModel(model, options) };
}

export function lintModel(model: ComposeModel, options: LintOptions): Finding[] {
  const index = new LineIndex(model.text);
  const out: Finding[] = [];
  const push = (rule: string, severity: Severity, message: string, range: Range, fixes: Fix[] = []) => {
    out.push({
      rule,
      severity,
      message,
      range,
      start: index.position(range[0]),
      end: index.position(Math.max(range[1], range[0])),
      fixes,
    });
  };
  let tooDeep = false;
  for (const e of model.syntaxErrors) {
    const message = describeSyntaxError(e.message);
    // The parser reports stack exhaustion once per level it unwinds through: one finding says it.
    if (message === TOO_DEEP_MESSAGE && tooDeep) continue;
    tooDeep ||= message === TOO_DEEP_MESSAGE;
    push(SYNTAX_RULE, 'error', message, e.range);
  }
  // With a broken document the model is partial: reference checks would report phantom problems.
  if (model.syntaxErrors.length > 0) return out;
  const ctx = {
    model,
    project: options.project ?? EMPTY_PROJECT,
    projectName: options.projectName ?? model.projectName ?? 'project',
    engine: options.engine,
  };
  for (const rule of RULES) {
    const setting = options.rules?.[rule.id] ?? (rule.enabledByDefault ? rule.severity : 'off');
    if (setting === 'off') continue;
    try {
      for (const f of rule.check(ctx)) push(rule.id, setting, f.message, f.range, f.fixes);
    } catch (err) {
      // A rule bug must not hide the other rules' findings: report it where users see it.
      push(
        INTERNAL_RULE,
        'warning',
        `Rule ${rule.id} failed on this file: ${errorMessage(err)}. Please report it.`,
        [0, 0],
      );
    }
  }
  out.sort((a, b) => a.range[0] - b.range[0] || a.rule.localeCompare(b.rule));
  return out;
}
