/**
 * What the engine primitives beside the client (exec, helper containers) need from it: one bounded request, and a
 * hijacked stream. DockerEngine provides both, so the primitives share its timeouts, error classification and
 * the cancellation of everything on dispose.
 */
import type { Readable } from 'node:stream';

export interface RequestSpec {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
  /** Status codes that mean success. */
  ok: number[];
  timeoutMs: number;
  /** For timeout messages: "listing networks". */
  operation: string;
}

export interface StreamSpec {
  /** A POST whose answer is a hijacked, multiplexed stream (exec start, container attach). */
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
  operation: string;
}

export interface EngineTransport {
  readonly readTimeoutMs: number;
  readonly writeTimeoutMs: number;
  request<T>(spec: RequestSpec): Promise<T>;
  openStream(spec: StreamSpec): Promise<Readable>;
}
