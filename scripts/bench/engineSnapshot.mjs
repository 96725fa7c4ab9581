// (a) A full topology snapshot on the real engine, three ways in the same run:
//   ours:  the extension's engine client listing() (2 requests) + buildSnapshot;
//   raw:   the engine's own time to answer the same two requests, without any client code
//          (curl --unix-socket, sequential, time_total of each; and node http, both in parallel as ours does);
//   peer:  the Docker CLI: `docker network ls -q` then `docker network inspect` per network (one process each,
//          as a shell loop does), and one `docker network inspect` with all ids.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { buildSnapshot } from '../../src/model/snapshot.ts';
import { rawRequest } from './socketHttp.mjs';
import { median, nowMs } from './stats.mjs';
import { startRequestCounter } from './requestCounter.mjs';

const run = promisify(execFile);
const LISTING_PATHS = ['/networks', '/containers/json?all=1'];

async function ours(engine) {
  const start = nowMs();
  const listing = await engine.listing();
  const listed = nowMs();
  const snapshot = buildSnapshot(listing);
  const end = nowMs();
  return { ms: end - start, buildMs: end - listed, snapshot };
}

async function rawCurl(socket) {
  const args = ['-sf', '--unix-socket', socket, '-w', '%{time_total}\\n'];
  for (const path of LISTING_PATHS) args.push('-o', '/dev/null', `http://localhost${path}`);
  const { stdout } = await run('curl', args);
  const seconds = stdout.trim().split('\n').map(Number);
  if (seconds.length !== 2 || seconds.some((s) => !Number.isFinite(s))) throw new Error(`curl said: ${stdout}`);
  return seconds[0] * 1000 + seconds[1] * 1000;
}

async function rawNode(socket) {
  const start = nowMs();
  const answers = await Promise.all(LISTING_PATHS.map((path) => rawRequest(socket, 'GET', path)));
  if (answers.some((a) => a.status !== 200)) throw new Error('the engine refused a list request');
  return nowMs() - start;
}

/**
 * Runs `docker network inspect`; other users of the engine may remove a network between `ls` and `inspect`:
 * the CLI then still prints the networks it found (and exits 1), which is what a user's script gets too.
 */
async function inspect(ids, env) {
  try {
    return JSON.parse((await run('docker', ['network', 'inspect', ...ids], { env, maxBuffer: 1 << 26 })).stdout);
  } catch (error) {
    if (!/not found/i.test(String(error.stderr))) throw error;
    return JSON.parse(error.stdout || '[]');
  }
}

async function listNetworkIds(env) {
  return (await run('docker', ['network', 'ls', '-q'], { env })).stdout.trim().split('\n').filter(Boolean);
}

async function cliPerNetwork(env = process.env) {
  const start = nowMs();
  const ids = await listNetworkIds(env);
  const inspected = [];
  for (const id of ids) inspected.push(...(await inspect([id], env)));
  return { ms: nowMs() - start, processes: ids.length + 1, networks: inspected.length };
}

async function cliOneInspect(env = process.env) {
  const start = nowMs();
  const inspected = await inspect(await listNetworkIds(env), env);
  return { ms: nowMs() - start, processes: 2, networks: inspected.length };
}

/**
 * Counts the engine requests of one listing(), and of each CLI way, through a counting proxy socket in front of
 * the engine (the CLI is pointed at it with DOCKER_HOST).
 */
async function countRequests(createEngine, endpoint) {
  const proxySocket = `/tmp/dne-bench-proxy-${process.pid}.sock`;
  const counter = await startRequestCounter(endpoint.socketPath, proxySocket);
  const counted = createEngine({ ...endpoint, socketPath: proxySocket, display: `unix://${proxySocket}` });
  const env = { ...process.env, DOCKER_HOST: `unix://${proxySocket}` };
  try {
    await counted.listing();
    const ours = counter.requests.splice(0);
    await cliPerNetwork(env);
    const cliPerNetworkRequests = counter.requests.splice(0).length;
    await cliOneInspect(env);
    const cliOneInspectRequests = counter.requests.splice(0).length;
    return { ours, cliPerNetworkRequests, cliOneInspectRequests };
  } finally {
    counted.dispose();
    await counter.close();
  }
}

export async function benchEngineSnapshot({ engine, createEngine, endpoint, rounds }) {
  const socket = endpoint.socketPath;
  const samples = { ours: [], build: [], curl: [], node: [], cliPer: [], cliOne: [] };
  let last;
  // Warm-up: first connections, JIT, the engine's own caches.
  await ours(engine);
  await rawCurl(socket);
  await rawNode(socket);
  await cliOneInspect();
  const ways = [
    async () => {
      globalThis.gc?.();
      last = await ours(engine);
      samples.ours.push(last.ms);
      samples.build.push(last.buildMs);
    },
    async () => samples.curl.push(await rawCurl(socket)),
    async () => samples.node.push(await rawNode(socket)),
    async () => samples.cliOne.push((await cliOneInspect()).ms),
    async () => samples.cliPer.push((await cliPerNetwork()).ms),
  ];
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round, so no way always runs right after the same other one.
    for (let k = 0; k < ways.length; k++) await ways[(round + k) % ways.length]();
  }
  const peer = await cliPerNetwork();
  const counts = await countRequests(createEngine, endpoint);
  return {
    rounds,
    networks: last.snapshot.networks.size,
    containers: last.snapshot.containers.size,
    endpoints: last.snapshot.endpoints.size,
    requests: counts.ours,
    cliPerNetworkRequests: counts.cliPerNetworkRequests,
    cliOneInspectRequests: counts.cliOneInspectRequests,
    cliProcesses: peer.processes,
    oursMs: median(samples.ours),
    oursBuildMs: median(samples.build),
    curlMs: median(samples.curl),
    nodeRawMs: median(samples.node),
    cliPerNetworkMs: median(samples.cliPer),
    cliOneInspectMs: median(samples.cliOne),
  };
}
