/**
 * The CLI's --engine: one listing from the shared engine client (src/engine/), turned into the rules' view.
 * Failures name where the endpoint came from (--host, DOCKER_HOST, the Docker context or the default socket) and
 * how to change it from a shell: the CLI reads no VS Code setting.
 */
import { loadEngine, resolveProcessEndpoint, toEngineProblem, type EngineEndpoint } from '../engine';
import { buildSnapshot } from '../model/snapshot';
import type { EngineView } from './rules/types';
import { engineViewOf } from './engineView';

const HOW_TO_CHOOSE =
  'Choose the engine with --host URL, the DOCKER_HOST environment variable, or `docker context use NAME`; ' +
  'or leave out --engine to lint without it.';

/** Where the endpoint came from, in the CLI's own words. */
export function endpointOrigin(endpoint: Pick<EngineEndpoint, 'source' | 'contextName'>): string {
  switch (endpoint.source) {
    case 'setting':
      return '--host';
    case 'DOCKER_HOST':
      return 'DOCKER_HOST';
    case 'context':
      return `the Docker context "${endpoint.contextName ?? 'current'}"`;
    case 'default':
      return 'the default socket (no --host, DOCKER_HOST or Docker context set)';
  }
}

/** The reason in the engine's own words (the engine layer's message speaks of the VS Code setting). */
function reasonOf(problem: { engineMessage?: string; message: string }): string {
  return (problem.engineMessage ?? problem.message).replace(/the setting dockerNetworks\.host/g, '--host');
}

export type EngineViewResult = { view: EngineView } | { problem: string };

/** One listing from the engine at `host` (or DOCKER_HOST, the context, the default); `load` brings the client. */
export async function loadEngineView(host?: string, load: typeof loadEngine = loadEngine): Promise<EngineViewResult> {
  let endpoint: EngineEndpoint;
  try {
    endpoint = resolveProcessEndpoint(host);
  } catch (e) {
    return { problem: `cannot use the Docker engine address: ${reasonOf(toEngineProblem(e))}. ${HOW_TO_CHOOSE}` };
  }
  const { createEngine } = await load();
  const engine = createEngine(endpoint);
  try {
    return { view: engineViewOf(buildSnapshot(await engine.listing())) };
  } catch (e) {
    const problem = toEngineProblem(e, { endpoint, operation: 'listing networks and containers' });
    return {
      problem:
        `the Docker engine at ${endpoint.display} (from ${endpointOrigin(endpoint)}) did not answer: ` +
        `${reasonOf(problem)}. ${HOW_TO_CHOOSE}`,
    };
  } finally {
    engine.dispose();
  }
}
