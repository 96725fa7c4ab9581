/**
 * The Docker CLI's context store: $DOCKER_CONFIG/contexts/meta/<sha256(name)>/meta.json holds the endpoint
 * (Endpoints.docker.Host, SkipTLSVerify); contexts/tls/<sha256(name)>/docker/ holds ca.pem, cert.pem, key.pem.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { TlsMaterial } from './api';
import { endpointError } from './errors';
import { hasTlsFiles, readTlsMaterial, type EndpointFs } from './tlsFiles';

export interface ContextEndpoint {
  host: string;
  /** Present when the context stores TLS material or skips verification (as the CLI decides it). */
  tls?: TlsMaterial;
}

/** The folder name the CLI gives a context in its store. */
export function contextDirName(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest('hex');
}

/** Reads a context's docker endpoint; `from` says who named it (DOCKER_CONTEXT or a config.json path). */
export function readContextEndpoint(name: string, configDir: string, fs: EndpointFs, from: string): ContextEndpoint {
  const id = contextDirName(name);
  const metaFile = path.join(configDir, 'contexts', 'meta', id, 'meta.json');
  const bytes = fs.readFile(metaFile);
  if (!bytes) {
    throw endpointError(
      `The Docker context "${name}" (named by ${from}) does not exist: ${metaFile} is missing. ` +
        'Run `docker context ls` to see the contexts, `docker context use default` to go back to the default, ' +
        'or set dockerNetworks.host.',
      `context ${name}`,
    );
  }
  const docker = dockerEndpointOf(parseMeta(bytes, metaFile));
  if (!docker || typeof docker.Host !== 'string' || !docker.Host.trim()) {
    throw endpointError(
      `The Docker context "${name}" has no docker endpoint host in ${metaFile}. ` +
        `Recreate it with \`docker context create ${name} --docker host=...\`.`,
      `context ${name}`,
    );
  }
  const skipVerify = docker.SkipTLSVerify === true;
  const tlsDir = path.join(configDir, 'contexts', 'tls', id, 'docker');
  const withTls = hasTlsFiles(tlsDir, fs) || skipVerify;
  return {
    host: docker.Host.trim(),
    ...(withTls ? { tls: readTlsMaterial(tlsDir, fs, !skipVerify) } : {}),
  };
}

interface DockerEndpointMeta {
  Host?: unknown;
  SkipTLSVerify?: unknown;
}

function parseMeta(bytes: Buffer, metaFile: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw endpointError(
      `The Docker context file ${metaFile} is not valid JSON (${(e as Error).message}). ` +
        'Recreate the context, or set dockerNetworks.host.',
      metaFile,
    );
  }
}

function dockerEndpointOf(meta: unknown): DockerEndpointMeta | undefined {
  const endpoints = (meta as { Endpoints?: Record<string, unknown> } | null)?.Endpoints;
  const docker = endpoints?.docker;
  return typeof docker === 'object' && docker !== null ? (docker as DockerEndpointMeta) : undefined;
}
