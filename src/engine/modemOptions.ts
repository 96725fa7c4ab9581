/**
 * dockerode's connection options for an endpoint. Every connection field is set explicitly, so docker-modem's
 * own DOCKER_HOST defaults cannot leak in.
 */
import type * as https from 'node:https';
import type Docker from 'dockerode';
import type { EngineEndpoint } from './api';
import { endpointError } from './errors';

type ModemOptions = Docker.DockerOptions & { pathPrefix?: string; agent?: https.Agent };

export function dockerOptions(endpoint: EngineEndpoint, agent: https.Agent | undefined): ModemOptions {
  // pathPrefix and agent are docker-modem options that @types/dockerode does not declare.
  const none: ModemOptions = {
    pathPrefix: '/',
    agent: undefined,
    socketPath: undefined,
    host: undefined,
    port: undefined,
    protocol: undefined,
    ca: undefined,
    cert: undefined,
    key: undefined,
    username: undefined,
    timeout: undefined,
    version: undefined,
  };
  switch (endpoint.kind) {
    case 'unix':
    case 'npipe':
      return { ...none, socketPath: endpoint.socketPath };
    case 'tcp': {
      const tcp: ModemOptions = {
        ...none,
        // docker-modem parses host as a URL part: an IPv6 literal needs its brackets there.
        host: endpoint.host?.includes(':') ? `[${endpoint.host}]` : endpoint.host,
        port: endpoint.port,
        protocol: endpoint.protocol === 'https' ? 'https' : 'http',
        ca: endpoint.tls?.ca,
        cert: endpoint.tls?.cert,
        key: endpoint.tls?.key,
        agent,
      };
      return tcp;
    }
    case 'ssh':
      return {
        ...none,
        host: endpoint.host,
        port: endpoint.port,
        protocol: 'ssh',
        username: endpoint.username,
        sshOptions: sshAuth(endpoint),
      };
  }
}

interface SshOptions {
  agent?: string;
  privateKey?: Buffer;
  hostVerifier(key: Buffer): boolean;
}

/**
 * The host key checked against ~/.ssh/known_hosts (an unknown host is refused with the way to accept it);
 * ssh-agent when it runs, plus the key file resolution found (~/.ssh/config IdentityFile or a default name). A key
 * protected by a passphrase can only be used through the agent: say so instead of failing on every request.
 */
function sshAuth(endpoint: EngineEndpoint): SshOptions {
  const known = endpoint.knownHostKeys ?? [];
  if (known.length === 0) {
    const where = endpoint.port === 22 ? `${endpoint.host}` : `[${endpoint.host}]:${endpoint.port}`;
    throw endpointError(
      `The ssh host key of ${where} is not in ~/.ssh/known_hosts, so the engine at ${endpoint.display} cannot be ` +
        `trusted yet. Connect once with ssh (ssh ${endpoint.port === 22 ? '' : `-p ${endpoint.port} `}` +
        `${endpoint.username ? `${endpoint.username}@` : ''}${endpoint.host}) to check and accept its key, as the ` +
        'Docker CLI requires too, then retry.',
      endpoint.display,
    );
  }
  // The raw key blob the server presents, base64 as known_hosts stores it: anything else is refused.
  const hostVerifier = (key: Buffer): boolean => known.includes(key.toString('base64'));
  const agent = process.env.SSH_AUTH_SOCK || undefined;
  if (!endpoint.privateKey) return { agent, hostVerifier };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- ssh2 comes with docker-modem, in this bundle
  const { utils } = require('ssh2') as { utils: { parseKey(key: Buffer): unknown } };
  const parsed = utils.parseKey(endpoint.privateKey);
  if (!(parsed instanceof Error)) return { agent, hostVerifier, privateKey: endpoint.privateKey };
  if (agent) return { agent, hostVerifier };
  throw endpointError(
    /passphrase/i.test(parsed.message)
      ? `The ssh key ${endpoint.identityFile} is protected by a passphrase and no ssh-agent runs (SSH_AUTH_SOCK is ` +
          `empty). Start ssh-agent and add the key (ssh-add ${endpoint.identityFile}), then retry.`
      : `The ssh key ${endpoint.identityFile} cannot be read: ${parsed.message}. Point IdentityFile in ~/.ssh/config ` +
          'to a valid private key, or use ssh-agent.',
    endpoint.display,
  );
}
