/**
 * Where the engine is: the setting dockerNetworks.host, then the setting dockerNetworks.context (what Switch Engine
 * remembers), then DOCKER_HOST (+ DOCKER_TLS_VERIFY / DOCKER_CERT_PATH), then the Docker context in force
 * (DOCKER_CONTEXT, else config.json's currentContext), then the platform default. Pure: environment, home folder and file reads
 * come injected, so every source is unit-testable with temporary folders.
 */
import * as path from 'node:path';
import type { EndpointSource, EngineEndpoint, TlsMaterial } from './api';
import { endpointError } from './errors';
import { readContextEndpoint } from './dockerContext';
import { readTlsMaterial, type EndpointFs } from './tlsFiles';
import { knownHostKeys } from './knownHosts';
import { DEFAULT_IDENTITY_FILES, sshConfigFor } from './sshConfig';

export type { EndpointFs } from './tlsFiles';

export interface ResolveEndpointInput {
  /** The machine-scoped setting dockerNetworks.host ('' or undefined when unset). */
  setting?: string;
  /** The machine-scoped setting dockerNetworks.context: a Docker context name chosen in Switch Engine. */
  contextSetting?: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  homeDir: string;
  fs: EndpointFs;
}

export const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
export const DEFAULT_NAMED_PIPE = '//./pipe/docker_engine';

export function resolveEndpoint(input: ResolveEndpointInput): EngineEndpoint {
  const setting = input.setting?.trim();
  if (setting) return parseHost(setting, 'setting', { tls: tlsFromEnv(input), sshFiles: input });

  const configDir = dockerConfigDir(input);
  const chosen = input.contextSetting?.trim();
  if (chosen) return contextEndpoint({ name: chosen, from: 'the setting dockerNetworks.context' }, configDir, input);

  const dockerHost = input.env.DOCKER_HOST?.trim();
  if (dockerHost) return parseHost(dockerHost, 'DOCKER_HOST', { tls: tlsFromEnv(input), sshFiles: input });

  const context = currentContextName(input, configDir);
  if (context) return contextEndpoint(context, configDir, input);
  return platformDefault(input.platform);
}

/** A context's endpoint; the CLI's built-in `default` context is the platform default. */
function contextEndpoint(
  context: { name: string; from: string },
  configDir: string,
  input: ResolveEndpointInput,
): EngineEndpoint {
  if (context.name === 'default') return { ...platformDefault(input.platform), contextName: 'default' };
  const found = readContextEndpoint(context.name, configDir, input.fs, context.from);
  const tls = found.tls;
  return { ...parseHost(found.host, 'context', { tls: () => tls, sshFiles: input }), contextName: context.name };
}

export function platformDefault(platform: string): EngineEndpoint {
  return platform === 'win32'
    ? { source: 'default', kind: 'npipe', socketPath: DEFAULT_NAMED_PIPE, display: `npipe://${DEFAULT_NAMED_PIPE}` }
    : { source: 'default', kind: 'unix', socketPath: DEFAULT_UNIX_SOCKET, display: `unix://${DEFAULT_UNIX_SOCKET}` };
}

/** $DOCKER_CONFIG, else ~/.docker: where config.json and the contexts store live. */
export function dockerConfigDir(input: Pick<ResolveEndpointInput, 'env' | 'homeDir'>): string {
  return input.env.DOCKER_CONFIG?.trim() || path.join(input.homeDir, '.docker');
}

/** DOCKER_CONTEXT, else currentContext of config.json; undefined when neither names one. */
export function currentContextName(
  input: ResolveEndpointInput,
  configDir: string,
): { name: string; from: string } | undefined {
  const fromEnv = input.env.DOCKER_CONTEXT?.trim();
  if (fromEnv) return { name: fromEnv, from: 'DOCKER_CONTEXT' };
  const configFile = path.join(configDir, 'config.json');
  const bytes = input.fs.readFile(configFile);
  if (!bytes) return undefined;
  let config: unknown;
  try {
    config = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw endpointError(
      `The Docker config file ${configFile} is not valid JSON (${(e as Error).message}). ` +
        'Fix or remove it, or set dockerNetworks.host to the engine address.',
      configFile,
    );
  }
  const name = (config as { currentContext?: unknown } | null)?.currentContext;
  return typeof name === 'string' && name.trim() ? { name: name.trim(), from: configFile } : undefined;
}

interface ParseOptions {
  /** TLS material for a tcp endpoint (given its explicit port, if any), undefined for plain http. */
  tls: (explicitPort: number | undefined) => TlsMaterial | undefined;
  /** Where ~/.ssh/config and the key files are, for an ssh:// address; without it only ssh-agent is used. */
  sshFiles?: Pick<ResolveEndpointInput, 'homeDir' | 'fs' | 'env'>;
}

const SCHEMES = 'unix://, tcp://, ssh:// or npipe://';

/** Parses a Docker host address as the CLI accepts it (a bare host:port means tcp). */
export function parseHost(raw: string, source: EndpointSource, options: ParseOptions): EngineEndpoint {
  const address = raw.includes('://') ? raw : `tcp://${raw}`;
  const scheme = address.slice(0, address.indexOf('://')).toLowerCase();
  const rest = address.slice(scheme.length + 3);
  switch (scheme) {
    case 'unix': {
      const socketPath = rest || DEFAULT_UNIX_SOCKET;
      return { source, kind: 'unix', socketPath, display: `unix://${socketPath}` };
    }
    case 'npipe': {
      const socketPath = rest || DEFAULT_NAMED_PIPE;
      return { source, kind: 'npipe', socketPath, display: `npipe://${socketPath}` };
    }
    case 'tcp':
      return tcpEndpoint(raw, address, source, options);
    case 'ssh':
      return withSshConfig(sshEndpoint(raw, address, source), options.sshFiles);
    default:
      throw endpointError(
        `The Docker host "${raw}" (from ${sourceLabel(source)}) uses the unsupported scheme "${scheme}://". ` +
          `Use ${SCHEMES}.`,
        raw,
      );
  }
}

function tcpEndpoint(raw: string, address: string, source: EndpointSource, options: ParseOptions): EngineEndpoint {
  const url = parseUrl(raw, address, source);
  if (!url.hostname) throw endpointError(`The Docker host "${raw}" (from ${sourceLabel(source)}) names no host.`, raw);
  const explicitPort = url.port ? Number(url.port) : undefined;
  const tls = options.tls(explicitPort);
  const port = explicitPort ?? (tls ? 2376 : 2375);
  const host = unbracket(url.hostname);
  const shown = `tcp://${url.hostname}:${port}`;
  return {
    source,
    kind: 'tcp',
    host,
    port,
    protocol: tls ? 'https' : 'http',
    ...(tls ? { tls } : {}),
    display: tls ? `${shown} (TLS${tls.verify ? '' : ', unverified'})` : shown,
  };
}

function sshEndpoint(raw: string, address: string, source: EndpointSource): EngineEndpoint {
  const url = parseUrl(raw, address, source);
  if (!url.hostname) throw endpointError(`The Docker host "${raw}" (from ${sourceLabel(source)}) names no host.`, raw);
  if (url.pathname && url.pathname !== '/') {
    throw endpointError(
      `The Docker host "${raw}" (from ${sourceLabel(source)}) has a path; an ssh:// address is ssh://[user@]host[:port].`,
      raw,
    );
  }
  const port = url.port ? Number(url.port) : 22;
  const username = url.username ? decodeURIComponent(url.username) : undefined;
  const user = username ? `${username}@` : '';
  return {
    source,
    kind: 'ssh',
    host: unbracket(url.hostname),
    port,
    protocol: 'ssh',
    ...(username ? { username } : {}),
    display: `ssh://${user}${url.hostname}${url.port ? `:${port}` : ''}`,
  };
}

/**
 * ssh as the Docker CLI's ssh does it: the alias's HostName, User and Port from ~/.ssh/config (the address's own
 * user and port win), and the first IdentityFile (else ssh's default key names) that exists. ssh-agent stays the
 * first choice when it runs; the key file is for machines without one.
 */
function withSshConfig(endpoint: EngineEndpoint, files: ParseOptions['sshFiles']): EngineEndpoint {
  if (!files || !endpoint.host) return endpoint;
  const sshDir = path.join(files.homeDir, '.ssh');
  const localUser = files.env.USER || files.env.USERNAME || '';
  const text = files.fs.readFile(path.join(sshDir, 'config'))?.toString('utf8') ?? '';
  const config = sshConfigFor(text, endpoint.host, {
    homeDir: files.homeDir,
    localUser,
    remoteUser: endpoint.username,
  });
  const candidates =
    config.identityFiles.length > 0 ? config.identityFiles : DEFAULT_IDENTITY_FILES.map((f) => path.join(sshDir, f));
  const identityFile = candidates.find((f) => files.fs.readFile(f) !== undefined);
  const host = config.hostName ?? endpoint.host;
  const knownHosts = files.fs.readFile(path.join(sshDir, 'known_hosts'))?.toString('utf8') ?? '';
  const username = endpoint.username ?? config.user;
  // sshEndpoint shows the port only when the address names it: then it wins over the config's Port.
  const addressNamesPort = /:\d+$/.test(endpoint.display);
  const port = config.port && !addressNamesPort ? config.port : (endpoint.port ?? 22);
  return {
    ...endpoint,
    host,
    port,
    knownHostKeys: knownHostKeys(knownHosts, host, port).accepted,
    ...(username ? { username } : {}),
    ...(identityFile ? { identityFile, privateKey: files.fs.readFile(identityFile) } : {}),
  };
}

/**
 * TLS for DOCKER_HOST and the setting, as the Docker CLI decides it: any non-empty DOCKER_TLS_VERIFY turns on
 * verified TLS; port 2376 (Docker's TLS port) means TLS without verification. Material comes from
 * DOCKER_CERT_PATH, else ~/.docker.
 */
function tlsFromEnv(input: ResolveEndpointInput): ParseOptions['tls'] {
  return (port) => {
    const verify = Boolean(input.env.DOCKER_TLS_VERIFY);
    if (!verify && port !== 2376) return undefined;
    const certDir = input.env.DOCKER_CERT_PATH?.trim() || path.join(input.homeDir, '.docker');
    return readTlsMaterial(certDir, input.fs, verify);
  };
}

function parseUrl(raw: string, address: string, source: EndpointSource): URL {
  try {
    return new URL(address);
  } catch {
    throw endpointError(
      `The Docker host "${raw}" (from ${sourceLabel(source)}) is not a valid address. Use ${SCHEMES}, ` +
        'e.g. unix:///var/run/docker.sock or tcp://192.168.1.10:2376.',
      raw,
    );
  }
}

function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

function sourceLabel(source: EndpointSource): string {
  switch (source) {
    case 'setting':
      return 'the setting dockerNetworks.host';
    case 'DOCKER_HOST':
      return 'DOCKER_HOST';
    case 'context':
      return 'the Docker context';
    case 'default':
      return 'the platform default';
  }
}
