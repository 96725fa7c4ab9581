/**
 * The engines a user can switch between, as `docker context ls` shows them plus the addresses that bypass
 * contexts: every context in the store ($DOCKER_CONFIG/contexts/meta/<sha256>/meta.json: Name and
 * Endpoints.docker.Host), the CLI's built-in `default` context, DOCKER_HOST and the setting dockerNetworks.host.
 * Pure: the environment and the file system come injected, as for endpoint resolution.
 */
import * as path from 'node:path';
import { currentContextName, dockerConfigDir, platformDefault, type ResolveEndpointInput } from './endpoint';

/** What choosing it writes: the context setting, or the host setting (both machine-scoped). */
export type EngineSelection = { kind: 'context'; name: string } | { kind: 'host'; host: string };

export interface EngineChoice {
  selection: EngineSelection;
  /** The context name or the address. */
  label: string;
  /** The docker endpoint it points to, as the CLI prints it. */
  address: string;
  /** A context's description from its metadata, when it has one. */
  description?: string;
  /** The CLI's current context (DOCKER_CONTEXT or config.json); the default context when none is named. */
  cliCurrent: boolean;
  /** The engine resolution would pick with these settings and this environment. */
  active: boolean;
}

interface ContextMeta {
  name: string;
  host: string;
  description?: string;
}

/** Every choice, contexts sorted by name after the built-in `default`; `active` marks what is in use. */
export function listEngineChoices(input: ResolveEndpointInput): EngineChoice[] {
  const configDir = dockerConfigDir(input);
  const cliContext = safeCurrentContext(input, configDir) ?? 'default';
  const hostSetting = input.setting?.trim();
  const contextSetting = input.contextSetting?.trim();
  const dockerHost = input.env.DOCKER_HOST?.trim();
  // The same order as resolveEndpoint: the host setting, the context setting, DOCKER_HOST, the CLI's context.
  const activeContext = hostSetting ? undefined : contextSetting || (dockerHost ? undefined : cliContext);

  const contexts: ContextMeta[] = [
    // The CLI's built-in context; chosen here it means the platform default (DOCKER_HOST is a choice of its own).
    { name: 'default', host: platformDefault(input.platform).display },
    ...readContexts(configDir, input).sort((a, b) => a.name.localeCompare(b.name)),
  ];
  const choices: EngineChoice[] = contexts.map((c) => ({
    selection: { kind: 'context', name: c.name },
    label: c.name,
    address: c.host,
    ...(c.description ? { description: c.description } : {}),
    cliCurrent: c.name === cliContext,
    active: c.name === activeContext,
  }));
  const hosts = [...new Set([hostSetting, dockerHost].filter((h): h is string => Boolean(h)))];
  for (const host of hosts) {
    choices.push({
      selection: { kind: 'host', host },
      label: host,
      address: host,
      cliCurrent: false,
      active: host === (hostSetting || (!contextSetting ? dockerHost : undefined)),
    });
  }
  return choices;
}

/** The contexts in the store; a folder whose meta.json is missing or unreadable is left out (the CLI does too). */
function readContexts(configDir: string, input: ResolveEndpointInput): ContextMeta[] {
  const metaDir = path.join(configDir, 'contexts', 'meta');
  const found: ContextMeta[] = [];
  for (const id of input.fs.listDir?.(metaDir) ?? []) {
    const meta = parseContextMeta(input.fs.readFile(path.join(metaDir, id, 'meta.json')));
    if (meta && meta.name !== 'default') found.push(meta);
  }
  return found;
}

function parseContextMeta(bytes: Buffer | undefined): ContextMeta | undefined {
  if (!bytes) return undefined;
  let meta: unknown;
  try {
    meta = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined; // Resolution reports a broken context with its file name when it is chosen.
  }
  const m = meta as {
    Name?: unknown;
    Metadata?: { Description?: unknown };
    Endpoints?: { docker?: { Host?: unknown } };
  };
  if (typeof m?.Name !== 'string' || !m.Name) return undefined;
  const host = m.Endpoints?.docker?.Host;
  const description = m.Metadata?.Description;
  return {
    name: m.Name,
    host: typeof host === 'string' ? host : '',
    ...(typeof description === 'string' && description ? { description } : {}),
  };
}

/** A config.json that is not JSON must not hide the other choices: resolution reports it in full. */
function safeCurrentContext(input: ResolveEndpointInput, configDir: string): string | undefined {
  try {
    return currentContextName(input, configDir)?.name;
  } catch {
    return undefined;
  }
}
