/** What a live probe found: each step with its command, output and meaning, and the conclusion drawn from them. */

export type StepKind = 'resolve' | 'connect' | 'ping';

export type StepOutcome =
  /** resolve: the name has an address. */
  | 'resolved'
  /** resolve: the DNS server says the name does not exist. */
  | 'nxdomain'
  /** resolve: no DNS server answered (none configured, refused, timed out). */
  | 'noDnsAnswer'
  /** connect: the TCP handshake completed. */
  | 'connected'
  /** connect: the target's kernel answered with a reset: the path works, nothing listens on the port. */
  | 'refused'
  /** connect / ping: no answer within the timeout: the packets are dropped on the way. */
  | 'timeout'
  /** connect / ping: no route to the address (network unreachable, host unreachable). */
  | 'unreachable'
  /** connect / ping: the name given to the tool did not resolve. */
  | 'badAddress'
  /** ping: a reply came back. */
  | 'replied'
  /** The image has no tool for this step. */
  | 'noTool'
  /** Something else: the output says what. */
  | 'error';

export interface ProbeStep {
  kind: StepKind;
  /** The command as it ran, e.g. "timeout 2 nc -w 2 172.18.0.3 5432 -e true"; "none" when no tool was found. */
  command: string;
  exitCode: number;
  output: string;
  outcome: StepOutcome;
  /** resolve: the addresses the name resolved to. */
  addresses: string[];
}

/** Why the probe could not run (nothing ran in the namespace, or not to the end). */
export type ProbeFailure =
  | 'noShell'
  | 'notRunning'
  | 'containerGone'
  | 'execRefused'
  | 'timedOut'
  | 'helperImageMissing'
  | 'engineError'
  | 'cancelled';

export type ProbeConclusion =
  /** Connected (TCP) or a ping reply. */
  | 'reachable'
  /** Refused: the path works, nothing listens on the port. */
  | 'refused'
  /** Timed out: dropped on the way (ICC, internal, a firewall). */
  | 'dropped'
  | 'unreachable'
  /** The name did not resolve in the source's namespace. */
  | 'doesNotResolve'
  /** Only resolution ran (UDP, or no connect tool): it resolved. */
  | 'resolvedOnly'
  /** Nothing conclusive ran: see the failure or the missing tools. */
  | 'inconclusive';

export interface ProbeResult {
  /** How it ran: exec in the source, or a helper container in its namespace. */
  via: 'exec' | 'helper';
  /** Tools found in the namespace's image. */
  tools: string[];
  steps: ProbeStep[];
  conclusion: ProbeConclusion;
  failure?: ProbeFailure;
  /** The engine's or the runtime's own words for a failure. */
  failureDetail?: string;
  durationMs: number;
}
