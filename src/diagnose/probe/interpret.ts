/**
 * Reads the probe script's output (script.ts) into steps and a conclusion. Each tool words its results its own
 * way (busybox, OpenBSD and traditional nc, ncat, bash's /dev/tcp, glibc getent, busybox and BIND nslookup,
 * iputils and busybox ping): the patterns below map them to one meaning. Timeouts from `timeout` (exit 124 or
 * 143) count as timeouts whatever the tool printed.
 */
import type { ExecResult } from '../../engine/api';
import type { ProbeConclusion, ProbeFailure, ProbeStep, StepKind, StepOutcome } from './types';

const TIMEOUT_EXIT_CODES = new Set([124, 143]);

const PATTERNS: ReadonlyArray<[RegExp, StepOutcome]> = [
  [
    /NXDOMAIN|can't find|not found:|Name or service not known|Unknown host|nodename nor servname|No address associated/i,
    'nxdomain',
  ],
  [
    /no servers could be reached|connection timed out; no servers|SERVFAIL|REFUSED|write to .*: Connection refused|can't resolve|Try again/i,
    'noDnsAnswer',
  ],
  [/bad address|Could not resolve hostname|getaddrinfo|Name does not resolve|invalid host|unknown host/i, 'badAddress'],
  [/Connection refused|ECONNREFUSED|refused/i, 'refused'],
  [/timed out|TIMEOUT|Operation timed out/i, 'timeout'],
  [/Network is unreachable|No route to host|Host is unreachable|unreachable/i, 'unreachable'],
];

/** The first non-empty line of each address an nslookup / getent / hostsfile answer names (after "Name:"). */
function addressesIn(kind: StepKind, command: string, output: string): string[] {
  if (kind !== 'resolve') return [];
  const found = new Set<string>();
  if (/\bnslookup\b/.test(command)) {
    const answer = output
      .split(/\n(?=Name:)/)
      .slice(1)
      .join('\n');
    for (const m of answer.matchAll(/^Address(?:\s+\d+)?:\s*([0-9a-fA-F:.]+)/gm)) found.add(m[1]);
  } else {
    for (const line of output.split('\n')) {
      const first = line.trim().split(/\s+/)[0];
      if (first && /^[0-9a-fA-F:.]+$/.test(first) && /[.:]/.test(first)) found.add(first);
    }
  }
  return [...found];
}

function classify(kind: StepKind, command: string, exitCode: number, output: string, addresses: string[]): StepOutcome {
  if (command === 'none') return 'noTool';
  if (TIMEOUT_EXIT_CODES.has(exitCode) && /^(busybox )?timeout /.test(command)) return 'timeout';
  if (kind === 'resolve' && addresses.length > 0 && exitCode === 0) return 'resolved';
  if (kind === 'ping' && exitCode === 0 && /\b[1-9]\d* (packets )?received/.test(output)) return 'replied';
  if (kind === 'connect' && exitCode === 0) return 'connected';
  if (kind === 'ping' && /\b0 (packets )?received/.test(output)) return 'timeout';
  for (const [pattern, outcome] of PATTERNS) {
    if (!pattern.test(output)) continue;
    if (kind === 'resolve' && (outcome === 'nxdomain' || outcome === 'noDnsAnswer')) return outcome;
    if (kind !== 'resolve' && outcome !== 'nxdomain' && outcome !== 'noDnsAnswer') return outcome;
  }
  if (kind === 'resolve' && exitCode === 2 && /getent/.test(command)) return 'nxdomain';
  if (kind === 'resolve' && /^hostsfile /.test(command) && exitCode !== 0) return 'nxdomain';
  return 'error';
}

/** Splits the marker lines into steps; tools are listed on the "@@tools" line. */
export function parseProbeOutput(stdout: string): { tools: string[]; steps: ProbeStep[] } {
  const tools = /^@@tools ?(.*)$/m.exec(stdout)?.[1].trim().split(/\s+/).filter(Boolean) ?? [];
  const steps: ProbeStep[] = [];
  const block = /^@@begin (resolve|connect|ping) (.*)\n([\s\S]*?)\n?@@end \1 (\d+)$/gm;
  for (const m of stdout.matchAll(block)) {
    const kind = m[1] as StepKind;
    const command = m[2];
    const output = m[3].replace(/\n+$/, '');
    const exitCode = Number(m[4]);
    const addresses = addressesIn(kind, command, output);
    steps.push({
      kind,
      command,
      exitCode,
      output,
      outcome: classify(kind, command, exitCode, output, addresses),
      addresses,
    });
  }
  steps.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  return { tools, steps };
}

const ORDER: Record<StepKind, number> = { resolve: 0, connect: 1, ping: 2 };

/**
 * The conclusion of the steps. The name is the question when one was given: if it does not resolve, that is the
 * answer (the transcript still shows whether the address itself answered); otherwise the traffic step decides.
 */
export function concludeSteps(steps: readonly ProbeStep[]): ProbeConclusion {
  const traffic = steps.find((s) => s.kind !== 'resolve');
  const resolve = steps.find((s) => s.kind === 'resolve');
  if (resolve && ['nxdomain', 'noDnsAnswer', 'timeout'].includes(resolve.outcome)) return 'doesNotResolve';
  switch (traffic?.outcome) {
    case 'connected':
    case 'replied':
      return 'reachable';
    case 'refused':
      return 'refused';
    case 'timeout':
      return 'dropped';
    case 'unreachable':
      return 'unreachable';
    case 'badAddress':
      return 'doesNotResolve';
    default:
      break;
  }
  if (resolve?.outcome === 'resolved') return 'resolvedOnly';
  return 'inconclusive';
}

/**
 * When the exec itself failed to start the script: the runtime's message in the output with exit code 126/127
 * (no sh in the image: distroless, scratch), else undefined.
 */
export function execFailure(result: ExecResult): { failure: ProbeFailure; detail: string } | undefined {
  if (result.timedOut) return { failure: 'timedOut', detail: '' };
  if (result.stdout.includes('@@tools')) return undefined;
  const text = `${result.stdout}\n${result.stderr}`.trim();
  if (
    result.exitCode === 126 ||
    result.exitCode === 127 ||
    /executable file not found|no such file or directory/i.test(text)
  ) {
    return { failure: 'noShell', detail: text };
  }
  return { failure: 'engineError', detail: text || `exit code ${result.exitCode ?? '?'}` };
}
