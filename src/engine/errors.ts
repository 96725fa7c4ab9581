/**
 * Failure classification: turns whatever dockerode, docker-modem, ssh2 or Node throws into an EngineProblem
 * with a sentence for users (what happened, why with the engine's own words, what to do).
 * Pure: no dockerode import, so the model and the UI can use it too.
 */
import type { EngineEndpoint, EngineProblem, EngineProblemKind } from './api';

/** The oldest Engine API this extension speaks (Docker Engine 20.10). */
export const MIN_API_VERSION = '1.41';

/** An Error that carries its classified problem; every engine method rejects with one. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly problem: EngineProblem,
    options?: { cause?: unknown },
  ) {
    super(problem.message, options);
  }
}

export interface ProblemContext {
  /** The endpoint the request went to (named in unreachable and permission messages). */
  endpoint?: EngineEndpoint | string;
  /** What we were doing, e.g. "listing networks"; used in timeout messages. */
  operation?: string;
  /** The timeout that expired, for timeout messages. */
  timeoutMs?: number;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
  'ENOTSOCK',
  'ECONNABORTED',
]);

const PERMISSION_CODES = new Set(['EACCES', 'EPERM']);

const TLS_CODE = /CERT|TLS|SSL|SELF_SIGNED|EPROTO|UNABLE_TO_(VERIFY|GET)/;

/** Turns any thrown value into an EngineProblem; an EngineError keeps its problem. */
export function toEngineProblem(value: unknown, context: ProblemContext = {}): EngineProblem {
  if (value instanceof EngineError) return value.problem;
  const endpoint = endpointText(context.endpoint);
  const facts = readFacts(value);

  if (facts.statusCode !== undefined) return fromHttpStatus(facts.statusCode, facts, endpoint);
  if (facts.name === 'TimeoutError' || facts.causeName === 'TimeoutError') {
    return timeoutProblem(endpoint, context);
  }
  if (facts.code && PERMISSION_CODES.has(facts.code)) return permissionProblem(facts, context, endpoint);
  if (facts.sshLevel === 'client-authentication') {
    return {
      kind: 'permissionDenied',
      endpoint,
      engineMessage: facts.message,
      message:
        `SSH login to ${endpoint ?? 'the Docker host'} was refused (${facts.message}). ` +
        'Load your key into ssh-agent (ssh-add) and check that `ssh <user>@<host> docker version` works.',
    };
  }
  if (facts.code && TLS_CODE.test(facts.code)) {
    return {
      kind: 'unreachable',
      endpoint,
      engineMessage: facts.message,
      message:
        `The TLS connection to the Docker engine at ${endpoint ?? 'the configured endpoint'} failed ` +
        `(${facts.code}: ${facts.message}). Check the certificates (DOCKER_CERT_PATH or the Docker context's ` +
        'TLS material) and that the engine expects TLS on this port.',
    };
  }
  if ((facts.code && UNREACHABLE_CODES.has(facts.code)) || facts.sshLevel === 'client-socket') {
    return unreachableProblem(endpoint, facts.code ? `${facts.code}: ${facts.message}` : facts.message);
  }
  return {
    kind: 'unknown',
    endpoint,
    engineMessage: facts.message,
    message: `The Docker engine request failed: ${facts.message}.`,
  };
}

/** Same as toEngineProblem, wrapped in an EngineError that keeps the original as its cause. */
export function toEngineError(value: unknown, context: ProblemContext = {}): EngineError {
  if (value instanceof EngineError) return value;
  return new EngineError(toEngineProblem(value, context), { cause: value });
}

/** The problem to report when the engine speaks an API older than MIN_API_VERSION, else undefined. */
export function checkApiVersion(apiVersion: string, endpoint?: EngineEndpoint | string): EngineProblem | undefined {
  if (compareApiVersions(apiVersion, MIN_API_VERSION) >= 0) return undefined;
  return apiTooOldProblem(apiVersion, endpointText(endpoint));
}

/** Compares dotted API versions numerically ("1.9" < "1.41"). */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function unreachableProblem(endpoint: string | undefined, reason: string): EngineProblem {
  const where = endpoint ?? 'the configured endpoint';
  return {
    kind: 'unreachable',
    endpoint,
    engineMessage: reason,
    message:
      `Cannot connect to the Docker engine at ${where} (${reason}). ` +
      'Start the engine (Docker Desktop, or `sudo dockerd` / `sudo systemctl start docker`), or point the ' +
      'setting dockerNetworks.host, DOCKER_HOST or the Docker context to a running engine.',
  };
}

export function timeoutProblem(endpoint: string | undefined, context: ProblemContext): EngineProblem {
  const seconds = context.timeoutMs !== undefined ? ` within ${Math.round(context.timeoutMs / 100) / 10} s` : '';
  const what = context.operation ? ` while ${context.operation}` : '';
  return {
    kind: 'timeout',
    endpoint,
    message:
      `The Docker engine at ${endpoint ?? 'the configured endpoint'} did not answer${seconds}${what}. ` +
      'It may be overloaded or stuck; try again, and check the engine if it keeps happening.',
  };
}

function apiTooOldProblem(engineApi: string, endpoint: string | undefined, engineMessage?: string): EngineProblem {
  return {
    kind: 'apiTooOld',
    endpoint,
    engineMessage,
    message:
      `The Docker engine at ${endpoint ?? 'the configured endpoint'} speaks Engine API ${engineApi}, ` +
      `but this extension needs API ${MIN_API_VERSION} or later (Docker Engine 20.10+). Upgrade the engine.`,
  };
}

function fromHttpStatus(status: number, facts: Facts, endpoint: string | undefined): EngineProblem {
  const engineMessage = facts.engineMessage ?? facts.message;
  const base = { statusCode: status, endpoint, engineMessage };
  const tooNew = /client version (\S+) is too new\.?\s*(?:maximum supported api version is (\S+?)\.?$)?/i.exec(
    engineMessage,
  );
  if (tooNew) return { ...apiTooOldProblem(tooNew[2] ?? 'older', endpoint, engineMessage), statusCode: status };
  const kind: EngineProblemKind | undefined = STATUS_KINDS[status];
  switch (kind) {
    case 'notFound':
      return {
        ...base,
        kind,
        message: `Not found: ${engineMessage}. It may have been removed meanwhile; refresh and try again.`,
      };
    case 'conflict':
      return {
        ...base,
        kind,
        message: `The Docker engine refused because of a conflict: ${engineMessage}. Resolve the conflict (e.g. pick another name, or disconnect or stop what still uses it) and try again.`,
      };
    case 'forbidden':
      return {
        ...base,
        kind,
        message: `The Docker engine forbids this operation: ${engineMessage}. The engine answers so for built-in (predefined) and swarm-managed resources, which cannot be changed this way.`,
      };
    case 'badRequest':
      return {
        ...base,
        kind,
        message: `The Docker engine rejected the request: ${engineMessage}. Correct the values and try again.`,
      };
    default:
      return { ...base, kind: 'unknown', message: `The Docker engine answered HTTP ${status}: ${engineMessage}.` };
  }
}

const STATUS_KINDS: Partial<Record<number, EngineProblemKind>> = {
  400: 'badRequest',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
};

function permissionProblem(facts: Facts, context: ProblemContext, endpoint: string | undefined): EngineProblem {
  const socket =
    facts.address ?? (typeof context.endpoint === 'object' ? context.endpoint.socketPath : undefined) ?? endpoint;
  return {
    kind: 'permissionDenied',
    endpoint,
    engineMessage: facts.message,
    message:
      `Permission denied on the Docker socket ${socket ?? ''} (${facts.code}). ` +
      'Add your user to the docker group (`sudo usermod -aG docker $USER`), then log out and in again ' +
      '(or run VS Code as a user who may use the socket).',
  };
}

interface Facts {
  message: string;
  name?: string;
  code?: string;
  statusCode?: number;
  engineMessage?: string;
  address?: string;
  sshLevel?: string;
  causeName?: string;
}

/** Reads the fields Node, docker-modem (statusCode, json) and ssh2 (level) put on their errors. */
function readFacts(value: unknown): Facts {
  if (typeof value !== 'object' || value === null) return { message: String(value) };
  const v = value as Record<string, unknown>;
  const message = typeof v.message === 'string' ? v.message.trim() : String(value);
  const cause = v.cause as Record<string, unknown> | undefined;
  return {
    message,
    name: str(v.name),
    code: str(v.code),
    statusCode: typeof v.statusCode === 'number' ? v.statusCode : undefined,
    engineMessage: engineMessageOf(v.json) ?? engineMessageFromModemText(message),
    address: str(v.address),
    sshLevel: str(v.level),
    causeName: typeof cause === 'object' && cause !== null ? str(cause.name) : undefined,
  };
}

/** The engine's {message} body; docker-modem leaves a Buffer or a string when the body is not JSON. */
function engineMessageOf(json: unknown): string | undefined {
  if (typeof json === 'string') return json.trim() || undefined;
  if (json instanceof Uint8Array) return engineMessageOf(parseJson(Buffer.from(json).toString('utf8')));
  if (typeof json === 'object' && json !== null) {
    const m = (json as Record<string, unknown>).message;
    if (typeof m === 'string') return m.trim();
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // not JSON: the raw text is the engine's message
  }
}

/** docker-modem formats "(HTTP code 404) no such network - <engine message> ". */
function engineMessageFromModemText(message: string): string | undefined {
  const m = /^\(HTTP code \d+\) [^-]*- (.*)$/s.exec(message);
  return m ? m[1].trim() : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function endpointText(endpoint: EngineEndpoint | string | undefined): string | undefined {
  return typeof endpoint === 'object' ? endpoint.display : endpoint;
}

/** A configuration mistake (bad address, missing context): reported as unreachable, since no engine can be reached. */
export function endpointError(message: string, endpoint: string): EngineError {
  return new EngineError({ kind: 'unreachable', message, endpoint });
}
