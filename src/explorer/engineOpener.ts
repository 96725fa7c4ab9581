/**
 * Opens the engine for the session: resolves the endpoint for this process, then loads the dockerode-backed
 * client (engine/index.ts: loadEngine) and the live topology with dynamic imports, so none of that code runs
 * on the activation path.
 */
import type { SessionOpener } from './sessionFeed';

export function createEngineOpener(hostSetting: () => string): SessionOpener {
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
      const engine = createEngine(endpoint);
      return { engine, feed: new LiveTopology(engine, { endpoint: endpoint.display }) };
    },
    toProblem(error) {
      if (classify) return classify(error);
      // Only when the engine layer itself failed to load: nothing classified it.
      const message = error instanceof Error ? error.message : String(error);
      return { kind: 'unknown', message: `The Docker engine client could not be loaded: ${message}` };
    },
  };
}
