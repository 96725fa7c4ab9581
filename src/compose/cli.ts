/**
 * docker-net-lint [--format text|json|sarif] [--engine] FILE...
 * Exit codes: 1 when any error is found, 0 otherwise, 2 on bad usage or unreadable files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { errorMessage } from '../common/failure';
import { lintFileText } from './lintFile';
import type { Finding } from './lint';
import { toSarif } from './sarif';
import type { EngineView } from './rules/types';

const USAGE = 'usage: docker-net-lint [--format text|json|sarif] [--engine] FILE...';
const VERSION = '0.1.0';

interface Args {
  format: 'text' | 'json' | 'sarif';
  engine: boolean;
  files: string[];
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { format: 'text', engine: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--engine') args.engine = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice('--format='.length) : argv[++i];
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return `unknown format "${v ?? ''}" (expected text, json or sarif)`;
      args.format = v;
    } else if (a === '--help' || a === '-h') return '';
    else if (a.startsWith('-') && a !== '-') return `unknown option "${a}"`;
    else args.files.push(a);
  }
  if (args.files.length === 0) return 'no FILE given';
  return args;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    // Missing sibling/.env files are normal: only the files named on the command line must exist.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function textLine(file: string, f: Finding): string {
  return `${file}:${f.start.line}:${f.start.column}: ${f.severity} ${f.message} [${f.rule}]`;
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    if (args) err(`docker-net-lint: ${args}`);
    err(USAGE);
    return args ? 2 : 0;
  }
  let engine: EngineView | undefined;
  if (args.engine) {
    // Loaded only with --engine: the engine client and snapshot code stay unevaluated on a plain lint.
    const { loadEngineView } = await import('./cliEngine');
    const loaded = await loadEngineView();
    if ('problem' in loaded) {
      err(`docker-net-lint: --engine: ${loaded.problem}`);
      return 2;
    }
    engine = loaded.view;
  }
  const results: { file: string; findings: Finding[] }[] = [];
  for (const file of args.files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      err(`docker-net-lint: cannot read ${file}: ${errorMessage(e)}`);
      return 2;
    }
    const r = lintFileText(path.resolve(file), text, readOrUndefined, { engine, processEnv: process.env });
    results.push({ file, findings: r.findings });
  }
  if (args.format === 'json') {
    const rows = results.flatMap(({ file, findings }) =>
      findings.map((f) => ({ file, line: f.start.line, column: f.start.column, endLine: f.end.line, endColumn: f.end.column, severity: f.severity, rule: f.rule, message: f.message })),
    );
    out(JSON.stringify(rows, null, 2));
  } else if (args.format === 'sarif') {
    out(JSON.stringify(toSarif(results, VERSION), null, 2));
  } else {
    for (const { file, findings } of results) for (const f of findings) out(textLine(file, f));
    const n = results.reduce((a, r) => a + r.findings.length, 0);
    if (n > 0) err(`${n} problem${n === 1 ? '' : 's'}`);
  }
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  // A one-shot process whose parse keeps nearly everything it allocates: growing the young generation fast (this
  // flag, unlike the semi-space sizes, is read at run time) halves the scavenges on big files. Measured in
  // docs/BENCHMARKS.md; not set when main() is imported (tests, other hosts).
  v8.setFlagsFromString('--semi-space-growth-factor=16');
  // `docker-net-lint ... | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`docker-net-lint: cannot write output: ${e.message}\n`);
    process.exit(2);
  });
  main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`docker-net-lint: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
