// Swarm refresh at size (issue "Beyond one host", figures: a constant number of requests, within 1.5x of the
// engine's raw time for the same requests). A single-node Swarm on a second engine in its own network namespace
// (scripts/second-engine.sh; never the shared engine) holds 100 services x 3 replicas on an overlay network. Their
// tasks are kept pending by a placement constraint no node meets, so the engine lists 300 tasks with their network
// attachments (addresses are allocated before scheduling) without running 300 containers on a shared machine.
// Ours: the extension's refresh, `listing()` (networks, containers, /info, then services, tasks, nodes) plus
// buildSnapshot, with its requests counted. Peer in the same run, interleaved: the same six requests made raw
// (node:http over the socket, same order and parallelism, JSON parsed), nothing built.
//   node --import tsx scripts/bench-swarm.mjs [--rounds N] [--write]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../src/engine/dockerEngine.ts';
import { parseHost } from '../src/engine/endpoint.ts';
import { buildSnapshot } from '../src/model/snapshot.ts';
import { median, nowMs, p90 } from './bench/stats.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 21;
const ENGINE = 'dne-sw';
const SOCKET_PATH = `/run/${ENGINE}.sock`;
const HOST = `unix://${SOCKET_PATH}`;
const ENV = { ...process.env, DNE_E2_NET: '10.250.11' };
const SERVICES = 100;
const REPLICAS = 3;
const NETWORK = 'dne-bench-swarm-net';

const sh = (cmd, args) =>
  execFileSync(cmd, args, { encoding: 'utf8', env: ENV, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const swarm = (...args) => sh('docker', ['-H', HOST, ...args]);

function populate() {
  sh('bash', [path.join(here, 'second-engine.sh'), 'start', ENGINE]);
  if (swarm('info', '--format', '{{.Swarm.LocalNodeState}}') !== 'active') {
    swarm('swarm', 'init', '--advertise-addr', '10.250.11.2');
  }
  swarm('network', 'create', '--driver', 'overlay', '--attachable', NETWORK);
  for (let i = 0; i < SERVICES; i++) {
    swarm(
      'service',
      'create',
      '--detach',
      '--name',
      `dne-bench-svc${i}`,
      '--network',
      NETWORK,
      '--replicas',
      String(REPLICAS),
      '--constraint',
      'node.labels.dne-bench==never',
      '--no-resolve-image',
      'dne-busybox:latest',
      'sleep',
      '3600',
    );
  }
}

/** One GET over the socket, parsed as JSON. */
function rawGet(pathAndQuery) {
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath: SOCKET_PATH, path: pathAndQuery }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
  });
}

const tasksFilter = encodeURIComponent(JSON.stringify({ 'desired-state': ['running'] }));
async function rawRefresh() {
  await Promise.all([
    rawGet('/networks'),
    rawGet('/containers/json?all=1'),
    rawGet('/info').then(() =>
      Promise.all([rawGet('/services?status=true'), rawGet(`/tasks?filters=${tasksFilter}`), rawGet('/nodes')]),
    ),
  ]);
}

async function main() {
  populate();
  const engine = createEngine(parseHost(HOST, 'setting', { tls: () => undefined }));
  let requests = 0;
  const request = engine.request.bind(engine);
  engine.request = (spec) => (requests++, request(spec));
  const ours = [];
  const raw = [];
  const counts = new Set();
  let snapshot;
  try {
    // Wait until the engine lists every task (allocation is asynchronous).
    for (let i = 0; i < 120; i++) {
      snapshot = buildSnapshot(await engine.listing());
      if (snapshot.swarm?.tasks.size === SERVICES * REPLICAS) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const timeOurs = async () => {
      requests = 0;
      const started = nowMs();
      snapshot = buildSnapshot(await engine.listing());
      counts.add(requests);
      return nowMs() - started;
    };
    const timeRaw = async () => {
      const started = nowMs();
      await rawRefresh();
      return nowMs() - started;
    };
    // Alternating which goes first, so neither always meets a warmer engine.
    for (let i = 0; i < rounds + 2; i++) {
      const [ourMs, rawMs] =
        i % 2 === 0 ? [await timeOurs(), await timeRaw()] : [await timeRaw(), await timeOurs()].reverse();
      if (i < 2) continue; // warm-up
      ours.push(ourMs);
      raw.push(rawMs);
    }
  } finally {
    engine.dispose();
    sh('bash', [path.join(here, 'second-engine.sh'), 'stop', ENGINE]);
  }
  const fmt = (v) => `${v.toFixed(1)} ms`;
  const ratio = median(ours) / median(raw);
  const lines = [
    '## Swarm refresh at 100 services x 3 tasks',
    '',
    `\`node --import tsx scripts/bench-swarm.mjs --write\` (${new Date().toISOString().slice(0, 16)}Z, ` +
      `${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(1)}): a single-node Swarm on a second engine ` +
      `(own network namespace) holding ${snapshot?.swarm?.services.size} services and ${snapshot?.swarm?.tasks.size} ` +
      'tasks on one overlay network (tasks kept pending by a placement constraint, so each is listed with its ' +
      `address without running a container). ${rounds} refreshes, each beside the peer (alternating which goes first): ` +
      'the same requests made ' +
      'raw over the socket (node:http, same order and parallelism, JSON parsed, nothing built).',
    '',
    '| path | requests | median | p90 |',
    '|---|---|---|---|',
    `| extension refresh: listing() + buildSnapshot | ${[...counts].join(', ')} | ${fmt(median(ours))} | ${fmt(p90(ours))} |`,
    `| raw requests (peer) | 6 | ${fmt(median(raw))} | ${fmt(p90(raw))} |`,
    '',
    `Ratio of medians: ${ratio.toFixed(2)}x (goal: at most 1.5x). The request count is the same at any size: ` +
      'GET /networks, /containers/json and /info, then on a manager GET /services, /tasks (desired-state=running) ' +
      'and /nodes; outside a Swarm it is 3.',
  ];
  console.log(lines.join('\n'));
  if (process.argv.includes('--write')) {
    const out = path.join(here, '..', 'docs', 'BENCHMARKS.md');
    const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';
    const others = previous.split(/^(?=## )/m).filter((s) => !s.startsWith('## Swarm refresh'));
    writeFileSync(out, [...others.map((s) => s.trimEnd()), lines.join('\n')].join('\n\n') + '\n');
    console.log(`written: ${out}`);
  }
}

main().catch((error) => {
  console.error(`bench-swarm failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
