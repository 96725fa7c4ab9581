// The storm's driver, in a process of its own so that the benchmark process's CPU time is the extension's
// model alone: sends the Engine API requests of one phase with 8 in flight (like eight CLI processes at a
// time, without 8 CLI start-ups on a 2-core machine) and reports when they are all answered.
// Messages: { socket, phase: 'connect' | 'disconnect' | 'remove', networkId, ids } -> { done: ms } | { error }.
import { inParallel } from './benchResources.mjs';
import { API, closeAgent, engineCall } from './socketHttp.mjs';

const CONCURRENCY = 8;

const PHASES = {
  connect: (socket, networkId, id) =>
    engineCall(socket, 'POST', `${API}/networks/${networkId}/connect`, { Container: id }),
  disconnect: (socket, networkId, id) =>
    engineCall(socket, 'POST', `${API}/networks/${networkId}/disconnect`, { Container: id }),
  remove: (socket, _networkId, id) => engineCall(socket, 'DELETE', `${API}/containers/${id}?force=1`),
};

process.on('message', async ({ socket, phase, networkId, ids, exit }) => {
  if (exit) {
    closeAgent();
    process.disconnect();
    return;
  }
  const started = performance.now();
  try {
    await inParallel(ids, CONCURRENCY, (id) => PHASES[phase](socket, networkId, id));
    process.send({ done: performance.now() - started });
  } catch (error) {
    process.send({ error: error.message });
  }
});
