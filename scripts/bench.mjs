// `npm run bench`: the benchmark (a script that prints figures, not a test). Run with tsx so it measures the
// extension's own TypeScript modules: node --expose-gc --import tsx scripts/bench.mjs [--rounds N] [--events N]
// [--skip-engine]. Writes docs/BENCHMARKS.md. See scripts/bench/*.mjs for each part.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// Imported directly, not through loadEngine(): tsx cannot follow that dynamic import (same module either way).
import { createEngine } from '../src/engine/dockerEngine.ts';
import { resolveProcessEndpoint } from '../src/engine/index.ts';
import { benchActivation } from './bench/activation.mjs';
import {
  NETWORKS_PER_CONTAINER,
  containerName,
  createContainers,
  createNetwork,
  createNetworks,
  removeBenchResources,
} from './bench/benchResources.mjs';
import { benchEngineSnapshot } from './bench/engineSnapshot.mjs';
import { benchEventLatency } from './bench/eventLatency.mjs';
import { benchPureModel } from './bench/pureModel.mjs';
import { markdown, printConsole } from './bench/report.mjs';
import { closeAgent, engineCall, API } from './bench/socketHttp.mjs';
import { nowMs } from './bench/stats.mjs';

const NETWORKS = 20;
const CONTAINERS = 100;
const MODEL_RUNS = 9;
const ACTIVATION_SAMPLES = 9;

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

const load = () => os.loadavg()[0].toFixed(2);

async function realEngineParts(result, endpoint) {
  if (endpoint.kind !== 'unix' || !endpoint.socketPath) {
    throw new Error(
      `The real-engine part needs a unix socket endpoint (curl and the raw timing use it); found ${endpoint.display}. Use --skip-engine to run the rest.`,
    );
  }
  const socket = endpoint.socketPath;
  const engine = createEngine(endpoint);
  let cleaning;
  const cleanup = async () => {
    cleaning ??= removeBenchResources(socket).then((removed) => {
      console.log(`cleanup: removed ${removed.containers} containers and ${removed.networks} networks (dne-bench-*)`);
    });
    return cleaning;
  };
  const onSignal = (signal) => {
    console.error(`\n${signal}: removing the benchmark's containers and networks before exiting`);
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const version = await engine.version();
    result.machine.engine = version.Version;
    result.machine.api = version.ApiVersion;
    const leftovers = await removeBenchResources(socket);
    if (leftovers.containers + leftovers.networks > 0) {
      console.log(
        `removed leftovers of an earlier run: ${leftovers.containers} containers, ${leftovers.networks} networks`,
      );
    }
    await engineCall(socket, 'GET', `${API}/images/dne-busybox:latest/json`).catch((error) => {
      throw new Error(
        `The image dne-busybox:latest is missing (${error.message}); run: bash scripts/make-test-image.sh`,
      );
    });

    const setupStart = nowMs();
    console.log(`setup: ${NETWORKS} networks, ${CONTAINERS} containers on ${NETWORKS_PER_CONTAINER} networks each...`);
    await createNetworks(socket, NETWORKS);
    await createContainers(socket, CONTAINERS, NETWORKS);
    result.setup = {
      networks: NETWORKS,
      containers: CONTAINERS,
      perContainer: NETWORKS_PER_CONTAINER,
      ms: nowMs() - setupStart,
    };
    console.log(`setup: done in ${(result.setup.ms / 1000).toFixed(1)} s`);

    console.log('(a) snapshot: ours vs raw engine vs CLI...');
    result.snapshot = await benchEngineSnapshot({ engine, createEngine, endpoint, rounds: option('rounds', 21) });

    console.log('(c) event to model...');
    const networkId = await createNetwork(socket, 'dne-bench-ev', (octet) => `10.${octet + 1}.0.0/24`);
    const container = await engineCall(socket, 'GET', `${API}/containers/${containerName(0)}/json`);
    result.events = await benchEventLatency({
      engine,
      endpoint,
      networkId,
      containerId: container.Id,
      samples: option('events', 25),
    });
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await cleanup().catch((error) => {
      // Reported, not thrown: an error of the run itself must stay visible. The next run removes leftovers.
      console.error(
        `cleanup failed: ${error.message}. Remove the dne-bench-* containers and networks, or run the bench again.`,
      );
      process.exitCode = 1;
    });
    engine.dispose();
  }
}

async function main() {
  const endpoint = resolveProcessEndpoint();
  const result = {
    machine: {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model ?? 'unknown CPU',
      node: process.version,
      os: `${os.type()} ${os.release()}`,
      engine: 'not measured',
      api: '-',
      loadBefore: load(),
    },
    modelRuns: MODEL_RUNS,
  };
  if (!globalThis.gc) console.warn('note: run with --expose-gc (npm run bench does) for steadier model timings');
  try {
    if (!process.argv.includes('--skip-engine')) await realEngineParts(result, endpoint);
    console.log('(b) model at generated sizes...');
    result.model = await benchPureModel(MODEL_RUNS);
    console.log('(d) activation...');
    result.activation = await benchActivation(ACTIVATION_SAMPLES);
  } finally {
    closeAgent();
  }
  result.machine.loadAfter = load();
  printConsole(result);
  const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'docs', 'BENCHMARKS.md');
  // Sections other benchmarks write into the same file (## Topology panel, ## Compose lint) are kept after ours.
  const ours = markdown(result);
  const ownHeadings = new Set(ours.match(/^## .*$/gm) ?? []);
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';
  const foreign = previous.split(/^(?=## )/m).filter((s) => s.startsWith('## ') && !ownHeadings.has(s.split('\n')[0]));
  writeFileSync(out, [ours.trimEnd(), ...foreign.map((s) => s.trimEnd())].join('\n\n') + '\n');
  console.log(`\nwritten: ${out}`);
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
