/** Runs one lint request; shared by the worker and the in-process fallback. Reads related files from disk. */
import * as fs from 'node:fs';
import { errorMessage } from '../common/failure';
import { lintFileText } from './lintFile';
import { buildSymbolIndex } from './symbolIndex';
import type { LintRequest, LintResponse } from './workerProtocol';

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR')
      return undefined;
    throw err;
  }
}

export function runLintRequest(req: LintRequest): LintResponse {
  try {
    const r = lintFileText(req.file, req.text, readIfExists, {
      rules: req.rules,
      engine: req.engine,
      processEnv: process.env,
    });
    return { id: req.id, findings: r.findings, index: buildSymbolIndex(r.model, r.projectName), related: r.related };
  } catch (e) {
    return {
      id: req.id,
      findings: [],
      index: { declarations: [], references: [], serviceNetworkBlocks: [] },
      related: [],
      error: errorMessage(e),
    };
  }
}
