/**
 * The targeted requests of the incremental event path: one object an event names, in the shape the full listing
 * has, so buildSnapshot's mapping serves both; and the events between two instants, for the silent-stream check.
 */
import type { Logger } from '../common/logger';
import { EngineError } from './errors';
import { EventLineParser } from './eventParser';
import type { EngineContainer, EngineEvent, EngineNetwork } from './records';
import type { EngineTransport } from './transport';

/** Container actions that change what the topology shows; exec, health and attach noise is filtered out. */
const CONTAINER_EVENTS = [
  'create',
  'start',
  'restart',
  'die',
  'kill',
  'stop',
  'destroy',
  'rename',
  'pause',
  'unpause',
  'update',
];
/** Network actions; connect and disconnect carry the container in Actor.Attributes.container. */
const NETWORK_EVENTS = ['create', 'destroy', 'remove', 'connect', 'disconnect', 'update'];
/**
 * The events the extension follows: the stream's filter, and the silent-stream check's. Swarm managers also send
 * service and node events (create, update, remove); tasks have none.
 */
export const EVENT_FILTERS = {
  type: ['network', 'container', 'service', 'node'],
  event: [...new Set([...CONTAINER_EVENTS, ...NETWORK_EVENTS])],
};

/**
 * The listing's own request with an id filter, rather than GET /containers/{id}/json: its answer is exactly
 * the record buildSnapshot consumes (the inspect form is another shape that would need a mapping of its own,
 * with its own differences: Name vs Names, State as an object, no Ports list), and several ids share one
 * request. The engine matches ids by prefix, so only exact ids are kept.
 */
export async function listContainersById(engine: EngineTransport, ids: readonly string[]): Promise<EngineContainer[]> {
  if (ids.length === 0) return [];
  const found = await engine.request<EngineContainer[]>({
    method: 'GET',
    path: '/containers/json',
    query: { all: 1, filters: { id: [...ids] } },
    ok: [200],
    timeoutMs: engine.readTimeoutMs,
    operation: `listing ${ids.length === 1 ? `container ${ids[0]}` : `${ids.length} containers`}`,
  });
  const wanted = new Set(ids);
  return (found ?? []).filter((record) => wanted.has(record.Id));
}

/** One network in the listing's record shape; undefined when it is gone (404). */
export async function inspectNetworkRecord(engine: EngineTransport, id: string): Promise<EngineNetwork | undefined> {
  try {
    return await engine.request<EngineNetwork>({
      method: 'GET',
      path: `/networks/${encodeURIComponent(id)}`,
      query: { verbose: false },
      ok: [200],
      timeoutMs: engine.readTimeoutMs,
      operation: `inspecting network ${id}`,
    });
  } catch (error) {
    if (error instanceof EngineError && error.problem.kind === 'notFound') return undefined;
    throw error;
  }
}

/** With `until` set the engine answers with what it has and closes: newline-delimited JSON, parsed here. */
export async function eventsBetween(
  engine: EngineTransport,
  since: number,
  until: number,
  log: Logger,
): Promise<EngineEvent[]> {
  const body = await engine.request<unknown>({
    method: 'GET',
    path: '/events',
    query: { since: since.toFixed(9), until: until.toFixed(9), filters: EVENT_FILTERS },
    ok: [200],
    timeoutMs: engine.readTimeoutMs,
    operation: 'asking for the latest events',
  });
  // docker-modem parses a body of one line, and hands over a Buffer of several.
  if (Buffer.isBuffer(body) || typeof body === 'string') {
    const parser = new EventLineParser((line, reason) =>
      log.warn(`Docker events: ignored a malformed line (${reason}): ${line}`),
    );
    return [...parser.push(body), ...parser.end()];
  }
  return body && typeof body === 'object' ? [body as EngineEvent] : [];
}
