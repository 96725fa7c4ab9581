/* global setInterval, clearInterval */
// Busy engines (a): the storm on the real engine. `size` running containers (on a network of their own) are
// connected to one more network in a burst, then disconnected, then removed: 3 x size changes, 8 requests at
// a time, sent by a child process (stormDriver.mjs). A LiveTopology follows the engine through a counting
// proxy socket, with incremental updates or without (today's path: a full listing per coalesced burst).
// Measured over the storm: the proxy's requests and bytes, dockerd's CPU time (/proc/<pid>/stat), this
// process's CPU time (the model; the driver runs elsewhere), and the time from the last event to a settled
// model; at the end, the model is compared with buildSnapshot of a fresh listing.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createEngine } from '../../src/engine/dockerEngine.ts';
import { LiveTopology } from '../../src/model/liveTopology.ts';
import { buildSnapshot } from '../../src/model/snapshot.ts';
import { BENCH_LABEL, IMAGE, createNetwork, inParallel, removeNetworkPatiently } from './benchResources.mjs';
import { startRequestCounter } from './requestCounter.mjs';
import { API, engineCall } from './socketHttp.mjs';
import { nowMs } from './stats.mjs';

export const STORM_PREFIX = 'dne-bench-storm';
const CLOCK_TICKS = 100; // USER_HZ on Linux
const QUIET_MS = 1_000;

function dockerdCpuMs() {
  try {
    const pid = readFileSync('/var/run/docker.pid', 'utf8').trim();
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS; // utime, stime
  } catch {
    return Number.NaN; // not on this machine's engine: reported as n/a
  }
}

function nodeCpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function createStormContainers(socket, size, homeNetwork) {
  const ids = [];
  await inParallel([...Array(size).keys()], 4, async (i) => {
    const created = await engineCall(socket, 'POST', `${API}/containers/create?name=${STORM_PREFIX}-c${i}`, {
      Image: IMAGE,
      Cmd: ['sleep', '100000'],
      Labels: { [BENCH_LABEL]: '1' },
      HostConfig: { NetworkMode: homeNetwork },
    });
    await engineCall(socket, 'POST', `${API}/containers/${created.Id}/start`);
    ids.push(created.Id);
  });
  return ids;
}

/** Every container and network of the storm, gone (also those of an earlier run that died). */
export async function removeStormResources(socket) {
  const filters = encodeURIComponent(JSON.stringify({ label: [`${BENCH_LABEL}=1`] }));
  const containers = await engineCall(socket, 'GET', `${API}/containers/json?all=1&filters=${filters}`);
  const ours = containers.filter((c) => (c.Names ?? []).some((n) => n.startsWith(`/${STORM_PREFIX}-`)));
  await inParallel(ours, 4, (c) => engineCall(socket, 'DELETE', `${API}/containers/${c.Id}?force=1`));
  const networks = await engineCall(socket, 'GET', `${API}/networks?filters=${filters}`);
  const ourNetworks = networks.filter((n) => n.Name.startsWith(`${STORM_PREFIX}-`));
  await inParallel(ourNetworks, 4, (n) => removeNetworkPatiently(socket, n));
  return ours.length + ourNetworks.length;
}

function drive(driver, message) {
  return new Promise((resolve, reject) => {
    driver.once('message', (reply) => (reply.error ? reject(new Error(reply.error)) : resolve(reply.done)));
    driver.send(message);
  });
}

/**
 * The model equals a fresh listing's snapshot: same entries in every map, same order of entities. Except a
 * container's `status`, the engine's relative text ("Up 16 minutes"): a listing renders it at its own time,
 * the model keeps the text of the last answer about that container (the periodic resync renews it).
 */
function sameAsFresh(snapshot, fresh) {
  const comparable = (map, name) =>
    new Map([...map].map(([key, value]) => [key, name === 'containers' ? { ...value, status: '' } : value]));
  return ['networks', 'containers', 'endpoints', 'endpointsByNetwork', 'endpointsByContainer'].every(
    (name) =>
      isDeepStrictEqual(comparable(snapshot[name], name), comparable(fresh[name], name)) &&
      (name.startsWith('endpointsBy') || isDeepStrictEqual([...snapshot[name].keys()], [...fresh[name].keys()])),
  );
}

/** Unique per run: a network an engine failed to remove must not block the next run. */
export const stormName = (part) => `${STORM_PREFIX}-${part}-${Math.random().toString(16).slice(2, 8)}`;

export async function runStorm({ socket, size, incremental }) {
  const home = await createNetwork(socket, stormName('home'), (octet) => `10.${octet}.0.0/16`);
  const storm = await createNetwork(socket, stormName('net'), (octet) => `10.${octet + 1}.0.0/16`);
  const setupStart = nowMs();
  const ids = await createStormContainers(socket, size, home);
  const setupMs = nowMs() - setupStart;

  const proxySocket = path.join(os.tmpdir(), `dne-bench-storm-${process.pid}.sock`);
  const counter = await startRequestCounter(socket, proxySocket);
  const endpoint = { source: 'setting', kind: 'unix', socketPath: proxySocket, display: `unix://${proxySocket}` };
  const engine = createEngine(endpoint, { eventsCheckMs: 0 });
  let lastEventAt = 0;
  let settledAt;
  const watched = Object.create(engine, {
    subscribe: {
      value: (handlers) =>
        engine.subscribe({
          ...handlers,
          onEvent: (event) => {
            lastEventAt = nowMs();
            settledAt = undefined;
            handlers.onEvent(event);
          },
        }),
    },
  });
  const live = new LiveTopology(watched, { endpoint: endpoint.display, incremental, resyncIntervalMs: 0 });
  const driver = fork(new URL('./stormDriver.mjs', import.meta.url), { stdio: 'inherit' });
  try {
    live.start();
    await live.waitFor((s) => ids.every((id) => s.containers.has(id)), 60_000);
    while (!live.settled) await new Promise((resolve) => setTimeout(resolve, 10));
    const before = {
      requests: counter.requests.length,
      bytes: counter.bytesRead,
      dockerd: dockerdCpuMs(),
      node: nodeCpuMs(),
      stats: live.stats,
    };
    const stormStart = nowMs();
    const phases = {};
    for (const phase of ['connect', 'disconnect', 'remove']) {
      phases[phase] = await drive(driver, { socket, phase, networkId: storm, ids });
    }
    // Settled: no event for QUIET_MS, and the model idle since the last event.
    const poll = setInterval(() => {
      if (settledAt === undefined && live.settled) settledAt = nowMs();
    }, 1);
    while (!(settledAt !== undefined && nowMs() - lastEventAt > QUIET_MS)) await new Promise((r) => setTimeout(r, 20));
    clearInterval(poll);
    const stormMs = lastEventAt - stormStart;
    const after = {
      requests: counter.requests.length,
      bytes: counter.bytesRead,
      dockerd: dockerdCpuMs(),
      node: nodeCpuMs(),
      stats: live.stats,
    };
    const window = counter.requests.slice(before.requests);
    const fresh = buildSnapshot(await engine.listing());
    const changes = 3 * size;
    return {
      size,
      mode: incremental ? 'incremental' : 'full listings (today)',
      changes,
      setupMs,
      stormMs,
      phases,
      events: after.stats.events - before.stats.events,
      requests: window.length,
      fullListings: after.stats.fullListings - before.stats.fullListings,
      listingsForBursts: after.stats.fullListingsForBursts - before.stats.fullListingsForBursts,
      listingsWhileSlow: after.stats.fullListingsWhileSlow - before.stats.fullListingsWhileSlow,
      targeted: after.stats.targetedRequests - before.stats.targetedRequests,
      requestsPerChange: window.length / changes,
      bytesPerChange: (after.bytes - before.bytes) / changes,
      dockerdCpuMs: after.dockerd - before.dockerd,
      nodeCpuMs: after.node - before.node,
      settleMs: settledAt - lastEventAt,
      matchesFreshListing: sameAsFresh(live.snapshot, fresh),
    };
  } finally {
    live.dispose();
    engine.dispose();
    driver.send({ exit: true });
    await counter.close();
    // Reported, not thrown: an error of the storm itself must stay visible. The next run removes leftovers.
    await removeStormResources(socket).catch((error) => {
      console.error(
        `cleanup failed: ${error.message}; run the benchmark again or remove the ${STORM_PREFIX}-* resources`,
      );
      process.exitCode = 1;
    });
  }
}
