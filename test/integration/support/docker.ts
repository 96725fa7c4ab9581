/**
 * Helpers for integration tests that need real engine state: the `docker` CLI run from the extension host,
 * unique resource names, and clean-up. Create only names from uniqueName() and remove them in after().
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** The local test image (no registry is reachable): built by scripts/make-test-image.sh. */
export const testImage = process.env.DNE_TEST_IMAGE || 'dne-busybox:latest';

/** `dne-<part>-<random>`: unique per call, so parallel runs and leftovers never collide. */
export function uniqueName(part: string): string {
  return `dne-${part}-${randomBytes(4).toString('hex')}`;
}

/** Runs `docker <args>` and returns its trimmed stdout; throws with docker's stderr when it fails. */
export function docker(...args: string[]): string {
  try {
    return execFileSync('docker', args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    }).trim();
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? '';
    throw new Error(`docker ${args.join(' ')} failed: ${stderr.trim() || String(err)}`);
  }
}

/** Runs `sh -c <script>` in a detached busybox container named `name` on `network`: its id. */
function busybox(name: string, network: string, script: string): string {
  return docker('run', '-d', '--name', name, '--network', network, testImage, 'sh', '-c', script);
}

/** Starts a busybox container on `network` listening on TCP `port` (nc; it holds one connection open): its id. */
export const ncServer = (name: string, network: string, port: number): string =>
  busybox(name, network, `sleep 100000 | nc -l -p ${port}`);

/** Starts a busybox container on `network` that connects to `target`:`port` and holds the connection: its id. */
export const ncClient = (name: string, network: string, target: string, port: number): string =>
  busybox(name, network, `sleep 100000 | nc ${target} ${port}`);

/** Removes containers then networks by name, ignoring only "no such ..." (already gone); other errors throw. */
/** How many containers the engine lists on a network (-1 when it cannot be inspected). */
function attached(network: string): number {
  try {
    return Number(docker('network', 'inspect', '-f', '{{len .Containers}}', network));
  } catch {
    return -1;
  }
}

export function removeResources(names: { containers?: string[]; networks?: string[] }): void {
  const problems: string[] = [];
  const rm = (args: string[]) => {
    try {
      docker(...args);
    } catch (err) {
      const msg = String((err as Error).message);
      if (!/no such (container|network)|not found/i.test(msg)) problems.push(msg);
    }
  };
  for (const c of names.containers ?? []) rm(['rm', '-f', c]);
  for (const n of names.networks ?? []) {
    rm(['network', 'rm', n]);
    const last = problems.at(-1) ?? '';
    if (last.includes(n) && /has active endpoints/.test(last) && attached(n) === 0) {
      // No container is attached, yet dockerd counts an endpoint: its own stale count after a burst (libnetwork,
      // cleared by an engine restart), not something this test left. Said, not failed: the test's subject passed.
      problems.pop();
      console.warn(`clean-up: the engine keeps a stale endpoint count on ${n} (no container attached); left in place`);
    }
  }
  if (problems.length > 0) throw new Error(`clean-up failed: ${problems.join('; ')}`);
}
