// The benchmark's own networks and containers on the real engine: all named dne-bench-* and labelled
// dne.bench=1, created before measuring and removed afterwards (and before, in case an earlier run died).
import { API, engineCall } from './socketHttp.mjs';

export const BENCH_LABEL = 'dne.bench';
export const IMAGE = 'dne-busybox:latest';
export const NETWORKS_PER_CONTAINER = 4;

const pad = (n, width) => String(n).padStart(width, '0');
export const networkName = (i) => `dne-bench-n${pad(i, 2)}`;
export const containerName = (i) => `dne-bench-c${pad(i, 3)}`;

/** Which networks container i joins: 4 of them, spread so each network holds the same number of containers. */
export function networksOf(i, networkCount) {
  const step = Math.max(1, Math.floor(networkCount / NETWORKS_PER_CONTAINER));
  const chosen = new Set();
  for (let k = 0; k < NETWORKS_PER_CONTAINER; k++) chosen.add((i + k * step) % networkCount);
  return [...chosen];
}

/**
 * Runs jobs with at most `limit` in flight (2 cores: more only queues in dockerd). After a failure no new job
 * starts, and it rejects only once the jobs in flight have settled: cleanup then sees everything they created.
 */
export async function inParallel(items, limit, job) {
  let next = 0;
  let failure;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (failure === undefined && next < items.length) {
      try {
        await job(items[next++]);
      } catch (error) {
        failure ??= error;
      }
    }
  });
  await Promise.all(workers);
  if (failure !== undefined) throw failure;
}

/** Candidate /16 blocks for the bench subnets: another user of the engine may hold one of them. */
const SECOND_OCTETS = [213, 223, 243, 203, 193]; // not 230-238: the integration tests take their subnets there

/** Creates a labelled bridge network on the first candidate subnet no other network overlaps; returns its id. */
export async function createNetwork(socket, name, subnetOf) {
  let lastError;
  for (const octet of SECOND_OCTETS) {
    try {
      const created = await engineCall(socket, 'POST', `${API}/networks/create`, {
        Name: name,
        Driver: 'bridge',
        CheckDuplicate: true,
        Labels: { [BENCH_LABEL]: '1' },
        IPAM: { Config: [{ Subnet: subnetOf(octet) }] },
      });
      return created.Id;
    } catch (error) {
      if (!/overlap/i.test(error.message)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

export async function createNetworks(socket, count) {
  await inParallel([...Array(count).keys()], 4, (i) =>
    createNetwork(socket, networkName(i), (octet) => `10.${octet}.${i}.0/24`),
  );
}

/** Containers running `sleep`, each attached to NETWORKS_PER_CONTAINER networks before it starts. */
export async function createContainers(socket, count, networkCount) {
  await inParallel([...Array(count).keys()], 4, async (i) => {
    const [first, ...more] = networksOf(i, networkCount).map(networkName);
    const created = await engineCall(socket, 'POST', `${API}/containers/create?name=${containerName(i)}`, {
      Image: IMAGE,
      Cmd: ['sleep', '100000'],
      Labels: { [BENCH_LABEL]: '1' },
      HostConfig: { NetworkMode: first },
      NetworkingConfig: { EndpointsConfig: { [first]: {} } },
    });
    for (const network of more) {
      await engineCall(socket, 'POST', `${API}/networks/${network}/connect`, { Container: created.Id });
    }
    await engineCall(socket, 'POST', `${API}/containers/${created.Id}/start`);
  });
}

/** Removes every container and network carrying the bench label and a dne-bench- name; returns the counts. */
export async function removeBenchResources(socket) {
  const filters = encodeURIComponent(JSON.stringify({ label: [`${BENCH_LABEL}=1`] }));
  const containers = await engineCall(socket, 'GET', `${API}/containers/json?all=1&filters=${filters}`);
  const ours = containers.filter((c) => (c.Names ?? []).some((n) => n.startsWith('/dne-bench-')));
  await inParallel(ours, 4, (c) => engineCall(socket, 'DELETE', `${API}/containers/${c.Id}?force=1&v=1`));
  const networks = await engineCall(socket, 'GET', `${API}/networks?filters=${filters}`);
  const ourNetworks = networks.filter((n) => n.Name.startsWith('dne-bench-'));
  await inParallel(ourNetworks, 4, (n) => removeNetworkPatiently(socket, n));
  return { containers: ours.length, networks: ourNetworks.length };
}

/**
 * Removes a network, retrying while a busy engine still tears down the endpoints of containers just removed.
 * A loaded 20.10 engine was seen to keep an endpoint count it never releases (the network lists no container;
 * only a dockerd restart frees it): such a network is reported and left, so it cannot block later runs.
 */
export async function removeNetworkPatiently(socket, network) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await engineCall(socket, 'DELETE', `${API}/networks/${network.Id}`);
    } catch (error) {
      if (!/active endpoints/.test(error.message)) throw error;
      if (attempt >= 5) {
        console.warn(`could not remove network ${network.Name}: ${error.message}`);
        return undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
