/**
 * dockerode's connection options for an endpoint. Every connection field is set explicitly, so docker-modem's
 * own DOCKER_HOST defaults cannot leak in.
 */
import type * as https from 'node:https';
import type Docker from 'dockerode';
import type { EngineEndpoint } from './api';

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
        sshOptions: { agent: process.env.SSH_AUTH_SOCK },
      };
  }
}
