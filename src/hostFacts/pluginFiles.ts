/**
 * Legacy Docker plugins as a local engine discovers them: sockets (`<name>.sock`, also `<name>/<name>.sock`) and
 * spec files (`<name>.spec`, `<name>.json`) in the plugin directories. Each socket is asked the engine's own
 * handshake, `POST /Plugin.Activate`, with a short timeout (a hung plugin costs that, never more); spec files name
 * an address elsewhere and are not contacted. Also flanneld's /run/flannel/subnet.env. Plain Node, no `vscode`.
 */
import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import * as path from 'node:path';
import type { DriverEntry, LegacyPluginFile } from '../model/drivers';

/** Where engines look for legacy plugins (sockets in the first, spec files in all three). */
export const DEFAULT_PLUGIN_DIRECTORIES: readonly string[] = [
  '/run/docker/plugins',
  '/etc/docker/plugins',
  '/usr/lib/docker/plugins',
];
export const FLANNEL_SUBNET_ENV = '/run/flannel/subnet.env';
const ACTIVATE_TIMEOUT_MS = 2_000;
/** A real answer is a few dozen bytes (`{"Implements": ["NetworkDriver"]}`). */
const MAX_ACTIVATE_ANSWER_BYTES = 64 * 1024;
const PLUGIN_MEDIA_TYPE = 'application/vnd.docker.plugins.v1.2+json';

/**
 * POST /Plugin.Activate on a unix socket: the interfaces it implements, or why it did not answer. `timeoutMs` caps
 * the whole exchange, not only a silence: a plugin that accepts and never answers, or that trickles its answer
 * byte by byte, costs that much and no more; an answer larger than any Activate reply is cut off.
 */
export function activatePlugin(
  socketPath: string,
  timeoutMs = ACTIVATE_TIMEOUT_MS,
): Promise<{ implements: string[] } | { unanswered: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: { implements: string[] } | { unanswered: string }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      request.destroy();
      resolve(result);
    };
    const request = http.request(
      { socketPath, method: 'POST', path: '/Plugin.Activate', headers: { Accept: PLUGIN_MEDIA_TYPE } },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_ACTIVATE_ANSWER_BYTES)
            finish({ unanswered: `its answer to Plugin.Activate is over ${MAX_ACTIVATE_ANSWER_BYTES} bytes` });
          else chunks.push(c);
        });
        response.on('end', () => {
          try {
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Implements?: unknown };
            const list = Array.isArray(body.Implements) ? body.Implements.filter((i) => typeof i === 'string') : [];
            finish({ implements: list as string[] });
          } catch (error) {
            finish({ unanswered: `its answer to Plugin.Activate is not JSON (${(error as Error).message})` });
          }
        });
        response.on('error', (error) => finish({ unanswered: error.message }));
      },
    );
    const deadline = setTimeout(
      () => finish({ unanswered: `no answer to Plugin.Activate within ${timeoutMs} ms` }),
      timeoutMs,
    );
    request.on('error', (error: NodeJS.ErrnoException) => finish({ unanswered: error.code ?? error.message }));
    request.end();
  });
}

/** The plugins among `entries` whose socket does not answer Plugin.Activate now, asked in parallel, with why. */
export async function silentPlugins(
  entries: readonly DriverEntry[],
  activate: typeof activatePlugin = activatePlugin,
): Promise<Array<{ entry: DriverEntry; reason: string }>> {
  const sockets = entries.flatMap((entry) => (entry.source ? [{ entry, socket: entry.source }] : []));
  const answers = await Promise.all(
    sockets.map(async ({ entry, socket }) => ({ entry, answer: await activate(socket) })),
  );
  return answers.flatMap(({ entry, answer }) => ('unanswered' in answer ? [{ entry, reason: answer.unanswered }] : []));
}

function pluginFileOf(dir: string, entry: string): Omit<LegacyPluginFile, 'implements' | 'unanswered'> | undefined {
  const match = /^(.+)\.(sock|spec|json)$/.exec(entry);
  if (!match) return undefined;
  return { name: match[1], path: path.join(dir, entry), form: match[2] === 'sock' ? 'socket' : 'spec' };
}

/** The entries of one directory and of its subdirectories (one level), as plugin files; undefined when absent. */
async function filesIn(dir: string): Promise<Array<Omit<LegacyPluginFile, 'implements' | 'unanswered'>> | undefined> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const found: Array<Omit<LegacyPluginFile, 'implements' | 'unanswered'>> = [];
  for (const entry of entries) {
    if (entry.isDirectory()) {
      const sub = path.join(dir, entry.name);
      for (const inner of await fs.readdir(sub).catch(() => [] as string[])) {
        const file = pluginFileOf(sub, inner);
        if (file) found.push(file);
      }
    } else {
      const file = pluginFileOf(dir, entry.name);
      if (file) found.push(file);
    }
  }
  return found;
}

/**
 * Every legacy plugin file in the directories, sockets asked in parallel. Rejects when a directory is unreadable.
 * Undefined when none of the directories exists: a local engine creates /run/docker/plugins when it starts, so this
 * machine does not see the engine's files (Docker Desktop runs it in a VM), and nothing can be said about them.
 */
export async function readLegacyPluginFiles(
  directories: readonly string[] = DEFAULT_PLUGIN_DIRECTORIES,
  activate: typeof activatePlugin = activatePlugin,
): Promise<LegacyPluginFile[] | undefined> {
  const listed = await Promise.all(directories.map(filesIn));
  if (listed.every((l) => l === undefined)) return undefined;
  const files = listed.flatMap((l) => l ?? []);
  return Promise.all(
    files.map(async (file): Promise<LegacyPluginFile> => {
      if (file.form !== 'socket') return file;
      const answer = await activate(file.path);
      return 'implements' in answer ? { ...file, implements: answer.implements } : { ...file, ...answer };
    }),
  );
}

/** The text of flanneld's subnet.env, or undefined when this host runs no Flannel (the file is absent). */
export async function readFlannelSubnetEnv(file = FLANNEL_SUBNET_ENV): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
