/**
 * What every command handler receives from the composition root: the engine (loaded lazily on first use),
 * the live topology, a way to show a network in the tree, and the log. Commands change the engine; the event stream
 * updates the views.
 */
import type { Logger } from '../common/logger';
import type { EngineApi } from '../engine/api';
import type { TopologyFeed } from '../model/feed';
import type { CommandId } from './commandIds';

export interface CommandServices {
  /** The shared engine client; rejects with an EngineError when no endpoint can be resolved. */
  engine(): Promise<EngineApi>;
  readonly feed: TopologyFeed;
  /** Reveals and selects a network (by id) in the Networks view once the feed holds it. */
  revealNetwork(networkId: string): Promise<void>;
  /** Resolves the endpoint again (setting, DOCKER_HOST, context) and reconnects: what Retry does. */
  reconnect(): Promise<void>;
  /** The one "Docker Networks" log channel. */
  readonly log: Logger;
}

/**
 * One row of the command table (src/commands/index.ts). `run` receives the arguments exactly as VS Code passes
 * them: from a tree menu `(node, selectedNodes)`, from the palette nothing (then fall back to a picker).
 * A rejection is reported to the user by the registry (the EngineProblem's sentence when there is one).
 */
export interface CommandEntry {
  readonly id: CommandId;
  run(services: CommandServices, ...args: unknown[]): unknown;
}
