/**
 * Opens the engine for the session: resolves the endpoint for this process, then loads the dockerode-backed
 * client (engine/index.ts: loadEngine) and the live topology with dynamic imports, so none of that code runs
 * on the activation path.
 */
import type { SessionOpener } from './sessionFeed';

/** The settings that tune how the session follows the engine (dockerNetworks.*), read at each open. */
export interface FollowSettings {
  resyncIntervalSeconds: number;
  eventsCheckSeconds: number;
}

export function createEngineOpener(hostSetting: () => string, followSettings?: () => FollowSettings): SessionOpener {
  let classify: ((error: unknown) => ReturnType<SessionOpener['toProblem']>) | undefined;
  return {
    async open() {
      const engineLayer = await import('../engine/index');
      classify = (error) => engineLayer.toEngineProblem(error);
      const endpoint = engineLayer.resolveProcessEndpoint(hostSetting());
      const [{ createEngine }, { LiveTopology }] = await Promise.all([
        engineLayer.loadEngine(),
        import('../model/liveTopology'),
      ]);
      const follow = followSettings?.();
      const engine = createEngine(endpoint, follow && { eventsCheckMs: secondsToMs(follow.eventsCheckSeconds) });
      const resyncIntervalMs = follow && secondsToMs(follow.resyncIntervalSeconds);
      return { engine, feed: new LiveTopology(engine, { endpoint: endpoint.display, resyncIntervalMs }) };
    },
    toProblem(error) {
      if (classify) return classify(error);
      // Only when the engine layer itself failed to load: nothing classified it.
      const message = error instanceof Error ? error.message : String(error);
      return { kind: 'unknown', message: `The Docker engine client could not be loaded: ${message}` };
    },
  };
}

/** A setting in seconds as milliseconds; anything but a positive number turns the timer off. */
function secondsToMs(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}
