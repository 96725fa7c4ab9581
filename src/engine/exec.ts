/**
 * Runs a command in a running container (the engine's exec API) and returns what it printed, bounded in time and
 * size: POST /containers/{id}/exec, POST /exec/{id}/start (hijacked, multiplexed stream), GET /exec/{id}/json for
 * the exit code. The engine has no API to kill an exec'd process, so on a timeout or a cancel we only stop
 * reading and close the stream; callers bound their commands themselves (nc -w, timeout) so nothing lingers.
 */
import type { Readable } from 'node:stream';
import type { ExecOptions, ExecResult } from './api';
import { StreamDemuxer } from './execStream';
import type { EngineTransport } from './transport';

/** Timeout when the caller gives none. */
export const DEFAULT_EXEC_TIMEOUT_MS = 10_000;
/** How long to wait for the engine to record the exit code after the stream ended. */
const EXIT_CODE_WAIT_MS = 1_000;

export async function execInContainer(
  transport: EngineTransport,
  container: string,
  cmd: string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  throwIfAborted(options.signal);
  const created = await transport.request<{ Id: string }>({
    method: 'POST',
    path: `/containers/${encodeURIComponent(container)}/exec`,
    body: { AttachStdin: false, AttachStdout: true, AttachStderr: true, Tty: false, Cmd: cmd },
    ok: [201],
    timeoutMs: transport.readTimeoutMs,
    operation: `starting a command in container ${container}`,
  });
  const stream = await transport.openStream({
    path: `/exec/${encodeURIComponent(created.Id)}/start`,
    body: { Detach: false, Tty: false },
    operation: `running a command in container ${container}`,
  });
  const read = await readStream(stream, options);
  if (read.timedOut) return { stdout: read.stdout, stderr: read.stderr, timedOut: true, truncated: read.truncated };
  const exitCode = await exitCodeOf(transport, created.Id, options.signal);
  return { exitCode, stdout: read.stdout, stderr: read.stderr, timedOut: false, truncated: read.truncated };
}

export interface StreamRead {
  stdout: string;
  stderr: string;
  timedOut: boolean;
  truncated: boolean;
}

/**
 * Reads a multiplexed stream to its end, or until the timeout (resolves with timedOut) or the caller's signal
 * (rejects with the signal's reason). The stream is destroyed in every case.
 */
export function readStream(stream: Readable, options: ExecOptions): Promise<StreamRead> {
  const demuxer = new StreamDemuxer();
  const timeoutMs = options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
  return new Promise<StreamRead>((resolve, reject) => {
    let settled = false;
    const finish = (timedOut: boolean, error?: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      stream.destroy();
      if (error !== undefined) return reject(error);
      resolve({ stdout: demuxer.stdout.text(), stderr: demuxer.stderr.text(), timedOut, truncated: demuxer.truncated });
    };
    const onAbort = (): void => finish(false, abortReason(options.signal));
    const timer = setTimeout(() => finish(true), timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => demuxer.push(chunk));
    stream.on('end', () => finish(false));
    stream.on('close', () => finish(false));
    stream.on('error', (e: Error) => finish(false, e));
  });
}

/** The exit code; the engine may report Running for a moment after the stream closed, so ask again briefly. */
async function exitCodeOf(
  transport: EngineTransport,
  execId: string,
  signal?: AbortSignal,
): Promise<number | undefined> {
  const deadline = Date.now() + EXIT_CODE_WAIT_MS;
  for (;;) {
    throwIfAborted(signal);
    const state = await transport.request<{ Running?: boolean; ExitCode?: number | null }>({
      method: 'GET',
      path: `/exec/${encodeURIComponent(execId)}/json`,
      ok: [200],
      timeoutMs: transport.readTimeoutMs,
      operation: 'reading the exit code of a command',
    });
    if (!state.Running) return state.ExitCode ?? undefined;
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

function abortReason(signal: AbortSignal | undefined): unknown {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error) return reason;
  const error = new Error('The operation was cancelled.');
  error.name = 'AbortError';
  return error;
}
