/**
 * Reads what the host's /proc and /sys say about a container's network namespace: its socket tables, its
 * namespace identity and its interfaces. Plain Node fs, no `vscode`, no engine. Every read checks first that the
 * pid still belongs to the container (its cgroup path names the container id): a pid from an engine in a VM
 * (Docker Desktop) or a pid reused after the container stopped is never read as that container.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { InterfaceFacts } from '../diagnose/hostNet';

export const SOCKET_TABLES = ['/proc/net/tcp', '/proc/net/tcp6', '/proc/net/udp', '/proc/net/udp6'];

/** How a host read failed; `detail` is the system's own message. The words for users are the views' business. */
export interface HostReadFailure {
  code: 'stopped' | 'denied' | 'readFailed';
  detail: string;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function hostReadFailure(error: unknown): HostReadFailure {
  const code = codeOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT' || code === 'ESRCH') return { code: 'stopped', detail };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'denied', detail };
  return { code: 'readFailed', detail };
}

/** Whether `pid` is a process of this container, as seen from this host's /proc. */
export async function pidBelongsTo(pid: number, containerId: string, proc = '/proc'): Promise<boolean> {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    return (await fs.readFile(path.join(proc, String(pid), 'cgroup'), 'utf8')).includes(containerId);
  } catch {
    // No such process (stopped), or another pid namespace: not this container's process, which is the answer.
    return false;
  }
}

/** A read shorter than this ends a /proc seq file: the kernel fills a page (4 KiB) per read, records < 200 bytes. */
const SEQ_LAST_READ_BELOW = 2048;
const READ_CHUNK = 16 * 1024;

/**
 * Reads a /proc seq file such as net/tcp without the empty read that usually tells a reader it is at the end:
 * every read of net/tcp or net/tcp6 walks the kernel's whole TCP hash table (all namespaces' sockets) whatever it
 * returns, so that last read doubled the kernel time of a refresh (measured: 0.64 ms against 1.28 ms per table on
 * this project's machines; docs/BENCHMARKS.md). The kernel fills up to a page per read and returns less only at
 * the end, so a read shorter than half a page is the last. Regular files (the tests' fixtures) read whole too.
 */
export async function readProcSeqFile(file: string): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    for (;;) {
      const buffer = Buffer.allocUnsafe(READ_CHUNK);
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
      if (bytesRead > 0) chunks.push(buffer.subarray(0, bytesRead));
      if (bytesRead < SEQ_LAST_READ_BELOW) break;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The socket tables of the namespace `pid` lives in, concatenated as `cat` would print them. */
export async function readSocketTables(pid: number, proc = '/proc'): Promise<string> {
  const texts = await Promise.all(
    SOCKET_TABLES.map((table) =>
      readProcSeqFile(path.join(proc, String(pid), table.slice('/proc/'.length))).catch((error: unknown) => {
        // tcp6/udp6 are absent when IPv6 is disabled: the other tables still say everything.
        if (codeOf(error) === 'ENOENT' && table.endsWith('6')) return '';
        throw error;
      }),
    ),
  );
  return texts.join('');
}

/** The namespace identity (`net:[4026532505]`): equal for containers sharing one network namespace. */
export async function netNamespaceOf(pid: number, proc = '/proc'): Promise<string | undefined> {
  try {
    return await fs.readlink(path.join(proc, String(pid), 'ns', 'net'));
  } catch {
    // Not permitted (another user's process): namespaces are then grouped by NetworkMode instead.
    return undefined;
  }
}

async function readTrimmed(file: string): Promise<string> {
  return (await fs.readFile(file, 'utf8')).trim();
}

async function interfaceFacts(root: string, name: string): Promise<InterfaceFacts> {
  const dir = path.join(root, name);
  const [ifindex, iflink, mtu, operstate, mac, flags] = await Promise.all(
    ['ifindex', 'iflink', 'mtu', 'operstate', 'address', 'flags'].map((f) => readTrimmed(path.join(dir, f))),
  );
  const master = await fs.readlink(path.join(dir, 'master')).then(
    (link) => path.basename(link),
    () => undefined,
  );
  return {
    name,
    ifindex: Number(ifindex),
    iflink: Number(iflink),
    mtu: Number(mtu),
    operstate: operstate ?? 'unknown',
    mac: mac ?? '',
    adminUp: (parseInt(flags ?? '0', 16) & 1) === 1,
    ...(master ? { master } : {}),
  };
}

/** Every interface under a /sys/class/net directory (the host's, or a container's through /proc/<pid>/root). */
export async function readInterfaces(root = '/sys/class/net'): Promise<InterfaceFacts[]> {
  const names = await fs.readdir(root);
  const facts = await Promise.all(names.map((name) => interfaceFacts(root, name).catch(() => undefined)));
  return facts.filter((f): f is InterfaceFacts => f !== undefined);
}

/** The interfaces inside the container's namespace: its /sys as mounted in its own mount namespace. */
export function readContainerInterfaces(pid: number, proc = '/proc'): Promise<InterfaceFacts[]> {
  return readInterfaces(path.join(proc, String(pid), 'root', 'sys', 'class', 'net'));
}

/** /proc/net/route of this host (the default route's interface is found in it). */
export function readRouteTable(proc = '/proc'): Promise<string> {
  return fs.readFile(path.join(proc, 'net', 'route'), 'utf8');
}
