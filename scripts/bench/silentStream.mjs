// Busy engines (c): a silent events stream on the real engine. The extension's client talks to the engine
// through a proxy socket that, once frozen, stops forwarding the stream's bytes without closing anything (a
// dead NAT entry or ssh tunnel). A container is then connected to a network; measured: the time until the
// model shows the new endpoint, with the default check interval (dockerNetworks.eventsCheckSeconds = 30).
import { createEngine } from '../../src/engine/dockerEngine.ts';
import { LiveTopology } from '../../src/model/liveTopology.ts';
import { FreezingProxy } from '../../test/unit/engine/freezingProxy.ts';
import { BENCH_LABEL, IMAGE, createNetwork } from './benchResources.mjs';
import { STORM_PREFIX, removeStormResources, stormName } from './eventStorm.mjs';
import { API, engineCall } from './socketHttp.mjs';
import { nowMs } from './stats.mjs';

export async function benchSilentStream(socket) {
  const home = await createNetwork(socket, stormName('home'), (octet) => `10.${octet}.0.0/16`);
  const other = await createNetwork(socket, stormName('net'), (octet) => `10.${octet + 1}.0.0/16`);
  const created = await engineCall(socket, 'POST', `${API}/containers/create?name=${STORM_PREFIX}-silent`, {
    Image: IMAGE,
    Cmd: ['sleep', '100000'],
    Labels: { [BENCH_LABEL]: '1' },
    HostConfig: { NetworkMode: home },
  });
  await engineCall(socket, 'POST', `${API}/containers/${created.Id}/start`);
  const proxy = await new FreezingProxy(socket).start();
  const engine = createEngine(proxy.endpoint);
  const live = new LiveTopology(engine, { endpoint: proxy.endpoint.display });
  try {
    live.start();
    await live.waitFor((s) => s.containers.has(created.Id), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // the stream is well established
    proxy.freeze();
    const frozenAt = nowMs();
    await engineCall(socket, 'POST', `${API}/networks/${other}/connect`, { Container: created.Id });
    const connectedAt = nowMs();
    await live.waitFor((s) => s.endpoints.has(`${other}/${created.Id}`), 90_000);
    return {
      noticedMs: nowMs() - connectedAt,
      frozenToConnectMs: connectedAt - frozenAt,
      streamsOpened: proxy.streamsOpened,
    };
  } finally {
    live.dispose();
    engine.dispose();
    await proxy.stop();
    await removeStormResources(socket);
  }
}
