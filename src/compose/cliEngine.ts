/** The CLI's --engine: a snapshot from the shared engine client (src/engine/), turned into the rules' view. */
import type { EngineView } from './rules/types';

export async function loadEngineView(): Promise<{ view: EngineView } | { problem: string }> {
  return { problem: 'the engine client is not available in this build yet' };
}
