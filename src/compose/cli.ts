/**
 * docker-net-lint: the compose network rules for shells and CI pipelines (`--help` prints the full usage).
 * Exit status: 1 when an error is found, 0 otherwise; 2 on bad usage, an unreadable input (reported; the other
 * inputs are still linted and printed) or an engine that does not answer with --engine.
 */
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import { repository, version } from '../../package.json';
import { parseArgs, USAGE, type CliOptions } from './cliArgs';
import { escapeControl, jsonText, textLines, type FileFindings } from './cliFormat';
import { collectInputs, readProcessStdin, type InputProblem } from './cliInputs';
import { lintFileText } from './lintFile';
import { findRuleDocsDir, readRuleDescriptions, repositoryWebUrl } from './ruleDocs';
import { RULES } from './rules';
import type { EngineView } from './rules/types';
import type { EngineViewResult } from './cliEngine';
import { resolveRuleSettings } from './ruleSettings';
import { SYNTAX_RULE } from './lint';
import { toSarif } from './sarif';

export const CLI_VERSION: string = version;
export const REPOSITORY_URL =
  repositoryWebUrl(repository) ?? 'https://github.com/docker-network-explorer/docker-network-explorer';

/** What the CLI touches besides its arguments; tests supply their own. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  readStdin(): Promise<string>;
  /** The engine's view for --engine (default: the engine client, loaded only then). */
  loadEngineView(host?: string): Promise<EngineViewResult>;
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

// Loaded only with --engine: the engine client and snapshot code stay unevaluated on a plain lint.
async function loadEngineViewLazily(host?: string): Promise<EngineViewResult> {
  const { loadEngineView } = await import('./cliEngine');
  return loadEngineView(host);
}

async function engineFor(
  options: CliOptions,
  io: CliIo,
  err: (s: string) => void,
): Promise<EngineView | undefined | false> {
  if (!options.engine) return undefined;
  const loaded = await io.loadEngineView(options.host);
  if ('view' in loaded) return loaded.view;
  err(`docker-net-lint: --engine: ${loaded.problem}`);
  return false;
}

function print(
  options: CliOptions,
  io: CliIo,
  results: FileFindings[],
  problems: InputProblem[],
  out: (s: string) => void,
): void {
  if (options.format === 'json') out(jsonText(results));
  else if (options.format === 'sarif') {
    const ids = [SYNTAX_RULE, ...RULES.map((r) => r.id)];
    const descriptions = readRuleDescriptions(findRuleDocsDir(__dirname), ids);
    const rules = resolveRuleSettings(options.security, options.rules);
    const run = { version: CLI_VERSION, repositoryUrl: REPOSITORY_URL, cwd: io.cwd, descriptions, rules, problems };
    out(JSON.stringify(toSarif(results, run), null, 2));
  } else for (const line of textLines(results)) out(line);
}

export async function main(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  io?: Partial<CliIo>,
): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help' || parsed.kind === 'version') {
    out(parsed.kind === 'help' ? USAGE : CLI_VERSION);
    return 0;
  }
  if (parsed.kind === 'error') {
    err(`docker-net-lint: ${parsed.message}`);
    err(`Run "docker-net-lint --help" for the usage.`);
    return 2;
  }
  const options = parsed.options;
  const env: CliIo = {
    cwd: io?.cwd ?? process.cwd(),
    env: io?.env ?? process.env,
    readStdin: io?.readStdin ?? readProcessStdin,
    loadEngineView: io?.loadEngineView ?? loadEngineViewLazily,
  };
  const engine = await engineFor(options, env, err);
  if (engine === false) return 2;

  const { inputs, problems } = await collectInputs(options.paths, {
    cwd: env.cwd,
    readStdin: env.readStdin,
    stdinFilename: options.stdinFilename,
  });
  const rules = resolveRuleSettings(options.security, options.rules);
  const results: FileFindings[] = inputs.map((input) => {
    const read = (file: string) => (file === input.absolute ? input.text : readOrUndefined(file));
    const r = lintFileText(input.absolute, input.text, read, { engine, processEnv: env.env, rules });
    return { file: input.shown, findings: r.findings };
  });
  for (const p of problems) err(`docker-net-lint: ${escapeControl(p.message)}`);
  print(options, env, results, problems, out);
  const count = results.reduce((n, r) => n + r.findings.length, 0);
  if (options.format === 'text' && count > 0)
    err(`${count} problem${count === 1 ? '' : 's'} in ${results.length} file${results.length === 1 ? '' : 's'}`);
  if (problems.length > 0) return 2;
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
  main(
    process.argv.slice(2),
    (s) => process.stdout.write(s + '\n'),
    (s) => process.stderr.write(s + '\n'),
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`docker-net-lint: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
