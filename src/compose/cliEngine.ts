/** The CLI's --engine: one listing from the shared engine client (src/engine/), turned into the rules' view. */
import { loadEngine, resolveProcessEndpoint, toEngineProblem } from '../engine';
import { buildSnapshot } from '../model/snapshot';
import type { EngineView } from './rules/types';
import { engineViewOf } from './engineView';

export async function loadEngineView(): Promise<{ view: EngineView } | { problem: string }> {
  let endpoint;
  try {
    endpoint = resolveProcessEndpoint();
  } catch (e) {
    return { problem: toEngineProblem(e).message };
  }
  const { createEngine } = await loadEngine();
  const engine = createEngine(endpoint);
  try {
    return { view: engineViewOf(buildSnapshot(await engine.listing())) };
  } catch (e) {
    return { problem: toEngineProblem(e, { endpoint, operation: 'listing networks and containers' }).message };
  } finally {
    engine.dispose();
  }
}
