/**
 * The engine's managed plugins (`GET /plugins`): what Show Network Drivers, the Create Network wizard and a
 * network's Details need to tell a managed plugin driver from a legacy one, and whether it is enabled.
 */
import { EngineError } from './errors';
import type { EnginePlugin } from './records';
import type { EngineTransport } from './transport';

/** One request. An engine built without plugin support answers 404: it has no managed plugins. */
export async function listPlugins(engine: EngineTransport): Promise<EnginePlugin[]> {
  try {
    const plugins = await engine.request<EnginePlugin[] | null>({
      method: 'GET',
      path: '/plugins',
      ok: [200],
      timeoutMs: engine.readTimeoutMs,
      operation: 'listing plugins',
    });
    return plugins ?? [];
  } catch (error) {
    if (error instanceof EngineError && error.problem.kind === 'notFound') return [];
    throw error;
  }
}
