// (c) Event to model: from `docker network connect` returning (through the extension's engine client) until
// the LiveTopology holds the new endpoint; likewise for disconnect until the endpoint is gone.
// A sample that does not arrive within WAIT_MS is counted as missed (and the model resynced with a refresh),
// so one lost event shows up in the figures instead of ending the run.
import { LiveTopology } from '../../src/model/liveTopology.ts';
import { median, nowMs, p90 } from './stats.mjs';

const WAIT_MS = 5_000;

async function timeUntil(live, predicate) {
  const start = nowMs();
  try {
    await live.waitFor(predicate, WAIT_MS);
    return nowMs() - start;
  } catch (error) {
    await live.refresh();
    if (!predicate(live.snapshot))
      throw new Error(`the model does not hold the expected state even after a refresh: ${error.message}`);
    return undefined;
  }
}

export async function benchEventLatency({ engine, endpoint, networkId, containerId, samples }) {
  const live = new LiveTopology(engine, { endpoint: endpoint.display });
  const key = `${networkId}/${containerId}`;
  const connect = [];
  const disconnect = [];
  const connectCall = [];
  const missed = { connect: 0, disconnect: 0 };
  try {
    live.start();
    await live.waitFor((s) => s.networks.has(networkId) && s.containers.has(containerId), WAIT_MS);
    for (let i = 0; i < samples; i++) {
      const called = nowMs();
      await engine.connect(networkId, containerId);
      connectCall.push(nowMs() - called);
      const connected = await timeUntil(live, (s) => s.endpoints.has(key));
      if (connected === undefined) missed.connect++;
      else connect.push(connected);

      await engine.disconnect(networkId, containerId);
      const gone = await timeUntil(live, (s) => !s.endpoints.has(key));
      if (gone === undefined) missed.disconnect++;
      else disconnect.push(gone);
    }
  } finally {
    live.dispose();
  }
  return {
    samples,
    missed,
    connectMedianMs: median(connect),
    connectP90Ms: p90(connect),
    disconnectMedianMs: median(disconnect),
    disconnectP90Ms: p90(disconnect),
    connectCallMedianMs: median(connectCall),
  };
}
