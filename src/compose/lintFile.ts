/** Lints one file of a project from disk (or from buffers supplied by `readFile`): the CLI's and worker's entry. */
import { lintModel, TOO_DEEP_MESSAGE, type Finding, type LintOptions } from './lint';
import { parseCompose } from './model/parseCompose';
import { buildProjectContext, loadEnv, type ReadFile } from './project';
import * as path from 'node:path';
import type { ComposeModel } from './model/types';
import type { Env } from './model/interpolate';

export interface FileLint {
  file: string;
  model: ComposeModel;
  findings: Finding[];
  related: string[];
  projectName: string;
}

export function lintFileText(
  file: string,
  text: string,
  readFile: ReadFile,
  options: Omit<LintOptions, 'env' | 'project' | 'projectName'> & {
    processEnv?: Readonly<Record<string, string | undefined>>;
  } = {},
): FileLint {
  // Interpolation needs the env before parsing; the project context reuses the same env.
  const env = loadEnv(path.dirname(file), readFile, options.processEnv);
  const model = parseOrTooDeep(text, env);
  const ctx = buildProjectContext(file, model, readFile, options.processEnv);
  const findings = lintModel(model, { ...options, env: ctx.env, project: ctx.project, projectName: ctx.projectName });
  return { file, model, findings, related: ctx.related, projectName: ctx.projectName };
}

/** The parse, with stack exhaustion (a file nested thousands of levels deep) turned into one syntax error. */
function parseOrTooDeep(text: string, env: Env): ComposeModel {
  try {
    return parseCompose(text, env);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return {
      text,
      services: [],
      networks: [],
      includes: [],
      syntaxErrors: [{ message: TOO_DEEP_MESSAGE, range: [0, 0] }],
    };
  }
}
