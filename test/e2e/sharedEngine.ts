/**
 * Stopping the machine's shared Docker engine, and only that one: the dockerd whose pid /var/run/docker.pid holds
 * (dockerd's default pid file, the engine scripts/start-engine.sh starts and waits for). Other dockerd processes,
 * such as the second engine the multi-host tests run in their own namespace, are never signalled.
 */
import { readFileSync } from 'node:fs';

export const sharedEnginePidFile = '/var/run/docker.pid';

/**
 * The pid of the shared engine, read from its pid file and checked against /proc (a stale file naming a reused
 * pid must not make the test signal some other process).
 */
export function sharedEnginePid(pidFile = sharedEnginePidFile): number {
  let text: string;
  try {
    text = readFileSync(pidFile, 'utf8').trim();
  } catch (err) {
    throw new Error(`cannot read the shared engine's pid file ${pidFile}: ${(err as Error).message}`);
  }
  const pid = Number(text);
  if (!/^\d+$/.test(text) || pid <= 1) throw new Error(`${pidFile} holds no pid: ${JSON.stringify(text)}`);
  let command = '';
  try {
    command = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    throw new Error(`${pidFile} names pid ${pid}, which no longer runs: the engine is not running`);
  }
  if (command !== 'dockerd') throw new Error(`${pidFile} names pid ${pid}, which is ${command}, not dockerd`);
  return pid;
}

/** Asks the shared engine to shut down (SIGINT, as on Ctrl-C: containers stop, then the daemon exits). */
export function stopSharedEngine(): number {
  const pid = sharedEnginePid();
  process.kill(pid, 'SIGINT');
  return pid;
}
