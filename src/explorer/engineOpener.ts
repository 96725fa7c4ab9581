/**
 * Opens the engine for the session: resolves the endpoint for this process, then loads the dockerode-backed
 * client (engine/index.ts: loadEngine) and the live topology with dynamic imports, so none of that code runs
 * on the activation path.
 */
import { errorMessage } from '../common/failure';
import type { Logger } from '../common/logger';
import type { SessionOpener } from '../model/sessionFeed';

/** The two machine-scoped settings that choose the engine (Switch Engine writes them). */
export interface EngineSettings {
  host: string;
  context: string;
}

export function engineSettings(config: { get<T>(key: string, fallback: T): T }): EngineSettings {
  return { host: config.get<string>('host', ''), context: config.get<string>('context', '') };
}

/** The settings that tune how the session follows the engine (dockerNetworks.*), read at each open. */
export interface FollowSettings {
  resyncIntervalSeconds: number;
  eventsCheckSeconds: number;
}

export function createEngineOpener(
  settings: () => EngineSettings,
  log: Logger,
  followSettings?: () => FollowSettings,
): SessionOpener {
  let classify: ((error: unknown) => ReturnType<SessionOpener['toProblem']>) | undefined;
  return {
    async open() {
      const engineLayer = await import('../engine/index');
      classify = (error) => engineLayer.toEngineProblem(error);
      const { host, context } = settings();
      const endpoint = engineLayer.resolveProcessEndpoint(host, context);
      const [{ createEngine }, { LiveTopology }] = await Promise.all([
        engineLayer.loadEngine(),
        import('../model/liveTopology'),
      ]);
      const follow = followSettings?.();
      const engine = createEngine(endpoint, {
        log,
        ...(follow && { eventsCheckMs: secondsToMs(follow.eventsCheckSeconds) }),
      });
      const resyncIntervalMs = follow && secondsToMs(follow.resyncIntervalSeconds);
      return { engine, feed: new LiveTopology(engine, { endpoint: endpoint.display, resyncIntervalMs }) };
    },
    toProblem(error) {
      if (classify) return classify(error);
      // Only when the engine layer itself failed to load: nothing classified it.
      return { kind: 'unknown', message: `The Docker engine client could not be loaded: ${errorMessage(error)}` };
    },
  };
}

/** A setting in seconds as milliseconds; anything but a positive number turns the timer off. */
function secondsToMs(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}
