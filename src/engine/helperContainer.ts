/**
 * A short-lived diagnostics container that joins another container's network namespace (network mode
 * `container:<id>`), runs one command and is removed: create, attach, start, read (bounded like exec), remove.
 * It carries the label dne.diagnostics=1 so it can always be recognised. The image must already be on the engine:
 * nothing is ever pulled here (a missing image is reported as notFound, and the caller asks the user what to do).
 * The container is force-removed on every path: success, timeout, cancel, engine error.
 */
import type { ExecOptions, ExecResult, HelperRequest } from './api';
import { readStream, throwIfAborted } from './exec';
import type { EngineTransport } from './transport';

export const DIAGNOSTICS_LABEL = 'dne.diagnostics';

export async function runHelperContainer(
  transport: EngineTransport,
  request: HelperRequest,
  options: ExecOptions = {},
): Promise<ExecResult> {
  throwIfAborted(options.signal);
  const [entrypoint, ...args] = request.cmd;
  const created = await transport.request<{ Id: string }>({
    method: 'POST',
    path: '/containers/create',
    query: { name: `dne-diag-${Math.random().toString(36).slice(2, 10)}` },
    body: {
      Image: request.image,
      // The entrypoint is ours: an image's own entrypoint (a shell wrapper, a daemon) must not run instead.
      Entrypoint: [entrypoint],
      Cmd: args,
      Labels: { [DIAGNOSTICS_LABEL]: '1' },
      AttachStdin: false,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      HostConfig: { NetworkMode: `container:${request.joinContainer}`, AutoRemove: false },
    },
    ok: [201],
    timeoutMs: transport.writeTimeoutMs,
    operation: `creating a diagnostics container from ${request.image}`,
  });
  try {
    throwIfAborted(options.signal);
    const stream = await transport.openStream({
      path: `/containers/${created.Id}/attach`,
      query: { stream: true, stdout: true, stderr: true },
      operation: 'attaching to the diagnostics container',
    });
    await transport.request<unknown>({
      method: 'POST',
      path: `/containers/${created.Id}/start`,
      ok: [204, 304],
      timeoutMs: transport.writeTimeoutMs,
      operation: 'starting the diagnostics container',
    });
    const read = await readStream(stream, options);
    if (read.timedOut) return { stdout: read.stdout, stderr: read.stderr, timedOut: true, truncated: read.truncated };
    const state = await transport.request<{ State?: { ExitCode?: number; Running?: boolean } }>({
      method: 'GET',
      path: `/containers/${created.Id}/json`,
      ok: [200],
      timeoutMs: transport.readTimeoutMs,
      operation: 'reading the exit code of the diagnostics container',
    });
    const exitCode = state.State?.Running ? undefined : state.State?.ExitCode;
    return { exitCode, stdout: read.stdout, stderr: read.stderr, timedOut: false, truncated: read.truncated };
  } finally {
    await transport.request<unknown>({
      method: 'DELETE',
      path: `/containers/${created.Id}`,
      query: { force: true, v: true },
      ok: [204, 404],
      timeoutMs: transport.writeTimeoutMs,
      operation: 'removing the diagnostics container',
    });
  }
}
