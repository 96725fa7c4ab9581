/** Lints one file of a project from disk (or from buffers supplied by `readFile`): the CLI's and worker's entry. */
import { lintModel, type Finding, type LintOptions } from './lint';
import { parseCompose } from './model/parseCompose';
import { buildProjectContext, loadEnv, type ReadFile } from './project';
import * as path from 'node:path';
import type { ComposeModel } from './model/types';

export interface FileLint {
  file: string;
  model: ComposeModel;
  findings: Finding[];
  related: string[];
  projectName: string;
}

export function lintFileText(file: string, text: string, readFile: ReadFile, options: Omit<LintOptions, 'env' | 'project' | 'projectName'> & { processEnv?: Readonly<Record<string, string | undefined>> } = {}): FileLint {
  // Interpolation needs the env before parsing; the project context reuses the same env.
  const env = loadEnv(path.dirname(file), readFile, options.processEnv);
  const model = parseCompose(text, env);
  const ctx = buildProjectContext(file, model, readFile, options.processEnv);
  const findings = lintModel(model, { ...options, env: ctx.env, project: ctx.project, projectName: ctx.projectName });
  return { file, model, findings, related: ctx.related, projectName: ctx.projectName };
}
