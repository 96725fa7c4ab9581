/** The docker-net-lint command line: its usage text and the parser that turns argv into options. */
import type { RuleSetting } from './lint';
import { RULES_BY_ID } from './rules';
import { isRuleSetting } from './ruleSettings';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  format: OutputFormat;
  engine: boolean;
  /** --host: the engine endpoint, before DOCKER_HOST and the Docker context. */
  host?: string;
  security: boolean;
  rules: Record<string, RuleSetting>;
  /** The name shown (and the folder used for .env and sibling files) for input read from stdin (`-`). */
  stdinFilename?: string;
  /** Files, directories (searched for compose files) and `-` (stdin), in the order given. */
  paths: string[];
}

export type ParsedArgs =
  { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'version' } | { kind: 'error'; message: string };

export const USAGE = `Usage: docker-net-lint [options] PATH...

Lints the networks of Docker Compose files: undeclared or unused networks, subnets and static IPs,
ports, network_mode, links, and (with --engine) conflicts with a running Docker engine.

PATH is a compose file, a directory (searched recursively for compose*.y(a)ml and
docker-compose*.y(a)ml, skipping node_modules and dot-folders), or - to read one file from stdin.

Options:
  -f, --format text|json|sarif  Output format (default: text). sarif is SARIF 2.1.0 for code scanning.
      --stdin-filename PATH     Name for the input read from '-': shown in results, and its folder is
                                where .env and override files are looked up.
      --rule ID=LEVEL           Set a rule to error, warning, info or off (repeatable).
      --security                Turn on the security rules (port-all-interfaces, host-network-mode).
      --engine                  Also run the engine-aware rules against a running Docker engine.
      --host URL                Engine endpoint for --engine (unix://, tcp://, ssh://, npipe://).
                                Default: DOCKER_HOST (with DOCKER_TLS_VERIFY, DOCKER_CERT_PATH), then
                                the current Docker context, then the platform's default socket.
  -h, --help                    Show this help and exit.
  -v, --version                 Show the version and exit.

Output (text): FILE:LINE:COLUMN: SEVERITY MESSAGE [RULE], one line per finding; control characters
from the files are shown escaped (\\x1b).

Exit status: 0 no errors found, 1 errors found, 2 bad usage, an unreadable file (the other files are
still linted and reported) or an engine that does not answer with --engine.

Rules: https://github.com/docker-network-explorer/docker-network-explorer/tree/main/docs/rules`;

/** Options that take a value, with their long names. */
const VALUE_OPTIONS: Record<string, string> = {
  '-f': '--format',
  '--format': '--format',
  '--stdin-filename': '--stdin-filename',
  '--rule': '--rule',
  '--host': '--host',
};

function applyValue(options: CliOptions, name: string, value: string): string | undefined {
  switch (name) {
    case '--format':
      if (value !== 'text' && value !== 'json' && value !== 'sarif')
        return `unknown format "${value}" (expected text, json or sarif)`;
      options.format = value;
      return undefined;
    case '--stdin-filename':
      options.stdinFilename = value;
      return undefined;
    case '--host':
      options.host = value;
      return undefined;
    default:
      return applyRule(options, value);
  }
}

function applyRule(options: CliOptions, value: string): string | undefined {
  const eq = value.indexOf('=');
  const id = eq < 0 ? value : value.slice(0, eq);
  const level = eq < 0 ? '' : value.slice(eq + 1);
  if (!RULES_BY_ID.has(id)) return `unknown rule "${id}" in --rule (the rules are listed in docs/rules)`;
  if (!isRuleSetting(level)) return `--rule ${id}: expected error, warning, info or off after "=", got "${level}"`;
  options.rules[id] = level;
  return undefined;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = { format: 'text', engine: false, security: false, rules: {}, paths: [] };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPaths || a === '-' || !a.startsWith('-')) {
      options.paths.push(a);
      continue;
    }
    if (a === '--') onlyPaths = true;
    else if (a === '--help' || a === '-h') return { kind: 'help' };
    else if (a === '--version' || a === '-v') return { kind: 'version' };
    else if (a === '--engine') options.engine = true;
    else if (a === '--security') options.security = true;
    else {
      const eq = a.indexOf('=');
      const name = VALUE_OPTIONS[eq < 0 ? a : a.slice(0, eq)];
      if (!name) return { kind: 'error', message: `unknown option "${a}"` };
      const value = eq < 0 ? argv[++i] : a.slice(eq + 1);
      if (value === undefined) return { kind: 'error', message: `${name} needs a value` };
      const problem = applyValue(options, name, value);
      if (problem) return { kind: 'error', message: problem };
    }
  }
  if (options.paths.length === 0)
    return { kind: 'error', message: 'no PATH given (a compose file, a directory, or - for stdin)' };
  if (options.host !== undefined && !options.engine)
    return { kind: 'error', message: '--host is used only with --engine' };
  if (options.paths.filter((p) => p === '-').length > 1)
    return { kind: 'error', message: 'stdin (-) can be read only once' };
  return { kind: 'run', options };
}
