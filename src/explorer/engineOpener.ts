/**
 * Opens the engine for the session: resolves the endpoint for this process, then loads the dockerode-backed
 * client (engine/index.ts: loadEngine) and the live topology with dynamic imports, so none of that code runs
 * on the activation path.
 */
import { errorMessage } from '../common/failure';
import type { Logger } from '../common/logger';
import type { SessionOpener } from '../model/sessionFeed';

export function createEngineOpener(hostSetting: () => string, log: Logger): SessionOpener {
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
      const engine = createEngine(endpoint, { log });
      return { engine, feed: new LiveTopology(engine, { endpoint: endpoint.display }) };
    },
    toProblem(error) {
      if (classify) return classify(error);
      // Only when the engine layer itself failed to load: nothing classified it.
      return { kind: 'unknown', message: `The Docker engine client could not be loaded: ${errorMessage(error)}` };
    },
  };
}
