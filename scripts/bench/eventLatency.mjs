// (c) Event to model: from `docker network connect` returning (through the extension's engine client) until
// the LiveTopology holds the new endpoint; likewise for disconnect until the endpoint is gone.
import { LiveTopology } from '../../src/model/liveTopology.ts';
import { median, nowMs, p90 } from './stats.mjs';

const WAIT_MS = 10_000;

export async function benchEventLatency({ engine, endpoint, networkId, containerId, samples }) {
  const live = new LiveTopology(engine, { endpoint: endpoint.display });
  const key = `${networkId}/${containerId}`;
  const connect = [];
  const disconnect = [];
  const connectCall = [];
  try {
    live.start();
    await live.waitFor((s) => s.networks.has(networkId) && s.containers.has(containerId), WAIT_MS);
    for (let i = 0; i < samples; i++) {
      const called = nowMs();
      await engine.connect(networkId, containerId);
      const returned = nowMs();
      await live.waitFor((s) => s.endpoints.has(key), WAIT_MS);
      connect.push(nowMs() - returned);
      connectCall.push(returned - called);

      await engine.disconnect(networkId, containerId);
      const gone = nowMs();
      await live.waitFor((s) => !s.endpoints.has(key), WAIT_MS);
      disconnect.push(nowMs() - gone);
    }
  } finally {
    live.dispose();
  }
  return {
    samples,
    connectMedianMs: median(connect),
    connectP90Ms: p90(connect),
    disconnectMedianMs: median(disconnect),
    disconnectP90Ms: p90(disconnect),
    connectCallMedianMs: median(connectCall),
  };
}
