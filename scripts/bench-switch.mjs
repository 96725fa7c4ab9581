// Switching engines (issue "Beyond one host", figure: the new engine's tree in under 1 s). Measures the extension's
// own path: SessionFeed.reconnect() with the endpoint switched, until the feed holds the other engine's snapshot
// (what the tree renders), alternating between the shared engine and a second one in its own network namespace
// (scripts/second-engine.sh). Peer in the same run: the Docker CLI listing the other engine (`docker -H ...
// network ls` + `ps -a`), what a person types to look at it.
//   node --import tsx scripts/bench-switch.mjs [--rounds N] [--write]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../src/engine/dockerEngine.ts';
import { parseHost } from '../src/engine/endpoint.ts';
import { LiveTopology } from '../src/model/liveTopology.ts';
import { SessionFeed } from '../src/model/sessionFeed.ts';
import { median, nowMs, p90 } from './bench/stats.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 9;
const SECOND = 'dne-e2';
const SHARED = 'unix:///var/run/docker.sock';
const OTHER = `unix:///run/${SECOND}.sock`;
const NETWORKS = 20;
const CONTAINERS = 40;
const silentLog = { info() {}, warn() {}, error() {}, debug() {}, trace() {} };

const sh = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const other = (...args) => sh('docker', ['-H', OTHER, ...args]);

function populateSecondEngine() {
  const nets = Array.from({ length: NETWORKS }, (_, i) => `dne-bench-sw-n${i}`);
  for (const n of nets) other('network', 'create', n);
  for (let i = 0; i < CONTAINERS; i++) {
    other(
      'run',
      '-d',
      '--name',
      `dne-bench-sw-c${i}`,
      '--network',
      nets[i % NETWORKS],
      'dne-busybox:latest',
      'sleep',
      '3600',
    );
  }
  return nets[0];
}

async function main() {
  console.log('starting the second engine (scripts/second-engine.sh)...');
  sh('bash', [path.join(here, 'second-engine.sh'), 'start', SECOND]);
  // Both engines have `bridge`: each side is recognised by a network only it holds.
  const marker = { [OTHER]: populateSecondEngine(), [SHARED]: `dne-bench-sw-shared-${process.pid}` };
  sh('docker', ['network', 'create', marker[SHARED]]);
  let target = SHARED;
  const feed = new SessionFeed(
    {
      async open() {
        const endpoint = parseHost(target, 'setting', { tls: () => undefined });
        const engine = createEngine(endpoint, { log: silentLog });
        return { engine, feed: new LiveTopology(engine, { endpoint: endpoint.display }) };
      },
      toProblem: (error) => ({ kind: 'unknown', message: String(error) }),
    },
    silentLog,
  );
  const holds = (name) => (s) => [...s.networks.values()].some((n) => n.name === name);
  const ours = [];
  const cli = [];
  try {
    await feed.start();
    await feed.waitFor(holds(marker[SHARED]), 15_000);
    for (let i = 0; i < rounds * 2; i++) {
      target = target === SHARED ? OTHER : SHARED;
      const t0 = nowMs();
      await feed.reconnect();
      await feed.waitFor(holds(marker[target]), 15_000);
      ours.push(nowMs() - t0);
      const c0 = nowMs();
      sh('docker', ['-H', target, 'network', 'ls']);
      sh('docker', ['-H', target, 'ps', '-a']);
      cli.push(nowMs() - c0);
    }
  } finally {
    feed.dispose();
    for (let i = 0; i < CONTAINERS; i++) other('rm', '-f', `dne-bench-sw-c${i}`);
    sh('docker', ['network', 'rm', marker[SHARED]]);
    sh('bash', [path.join(here, 'second-engine.sh'), 'stop', SECOND]);
  }
  const fmt = (v) => `${v.toFixed(0)} ms`;
  const lines = [
    '## Switching engines',
    '',
    `\`node --import tsx scripts/bench-switch.mjs --write\` (${new Date().toISOString().slice(0, 16)}Z, ${os.availableParallelism()} cores, ` +
      `load ${os.loadavg()[0].toFixed(1)}): ${rounds * 2} switches alternating between the shared engine and a second one in its ` +
      `own network namespace (${NETWORKS} networks, ${CONTAINERS} containers), each from \`SessionFeed.reconnect()\` with the ` +
      "other endpoint until the feed holds that engine's snapshot (what the tree renders). Peer: the Docker CLI listing the " +
      'same engine (`docker -H ... network ls` + `docker -H ... ps -a`), timed right after each switch.',
    '',
    '| path | median | p90 |',
    '|---|---|---|',
    `| switch to the other engine, its tree ready | ${fmt(median(ours))} | ${fmt(p90(ours))} |`,
    `| Docker CLI: network ls + ps -a on that engine | ${fmt(median(cli))} | ${fmt(p90(cli))} |`,
    '',
    'Goal: under 1 s. The time inside VS Code adds the settings write that Switch Engine makes before reconnecting.',
  ];
  console.log(lines.join('\n'));
  if (process.argv.includes('--write')) {
    const out = path.join(here, '..', 'docs', 'BENCHMARKS.md');
    const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';
    const others = previous.split(/^(?=## )/m).filter((s) => !s.startsWith('## Switching engines'));
    writeFileSync(out, [...others.map((s) => s.trimEnd()), lines.join('\n')].join('\n\n') + '\n');
    console.log(`written: ${out}`);
  }
}

main().catch((error) => {
  console.error(`bench-switch failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
