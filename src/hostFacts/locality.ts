/**
 * Whether this host's /proc and /sys describe the engine's containers: only for an engine reached over a unix
 * socket on Linux (a tcp://, ssh:// or npipe:// engine runs elsewhere). Even then the engine may run in a VM
 * (Docker Desktop): each read checks the pid's cgroup, and containers that fail the check are read through exec.
 */
import { existsSync } from 'node:fs';
import type { EngineEndpoint } from '../engine/api';

export type HostFactsAvailability =
  { available: true } | { available: false; reason: 'remote' | 'notLinux' | 'noProc' };

export function hostFactsAvailability(
  endpoint: Pick<EngineEndpoint, 'kind'>,
  platform: NodeJS.Platform = process.platform,
  procExists: () => boolean = () => existsSync('/proc/self/net/tcp'),
): HostFactsAvailability {
  if (endpoint.kind !== 'unix') return { available: false, reason: 'remote' };
  if (platform !== 'linux') return { available: false, reason: 'notLinux' };
  if (!procExists()) return { available: false, reason: 'noProc' };
  return { available: true };
}
