// Busy engines (issue 13): what an engine event costs, today's full listings vs incremental updates.
// node --expose-gc --import tsx scripts/bench-events.mjs [--sizes 120,500] [--write] [--skip-engine] [--skip-silent]
// The 500-container storm loads a 2-core machine for several minutes; every container it makes is removed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveProcessEndpoint } from '../src/engine/index.ts';
import { benchApplyCost } from './bench/applyCost.mjs';
import { removeStormResources, runStorm } from './bench/eventStorm.mjs';
import { eventsMarkdown, printEvents } from './bench/eventsReport.mjs';
import { benchSilentStream } from './bench/silentStream.mjs';
import { closeAgent, engineCall, API } from './bench/socketHttp.mjs';

const APPLY_RUNS = 5;
const load = () => os.loadavg()[0].toFixed(2);
const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : process.argv[index + 1];
};

async function engineParts(result, sizes) {
  const endpoint = resolveProcessEndpoint();
  if (endpoint.kind !== 'unix' || !endpoint.socketPath)
    throw new Error(`the storm needs a unix socket engine; found ${endpoint.display}`);
  const socket = endpoint.socketPath;
  const version = await engineCall(socket, 'GET', `${API}/version`);
  result.machine.engine = `${version.Version} (API ${version.ApiVersion})`;
  const onSignal = (signal) => {
    console.error(`\n${signal}: removing the storm's containers and networks before exiting`);
    removeStormResources(socket).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    await removeStormResources(socket);
    for (const size of sizes) {
      for (const incremental of [false, true]) {
        console.log(`storm: ${size} containers, ${incremental ? 'incremental' : 'full listings'}...`);
        result.storms.push(await runStorm({ socket, size, incremental }));
        printEvents({ storms: result.storms.slice(-1) }); // as it comes: a long run interrupted keeps its figures
      }
    }
    if (!process.argv.includes('--skip-silent')) {
      console.log('silent stream (up to ~35 s)...');
      result.silent = await benchSilentStream(socket);
    }
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

async function main() {
  const sizes = String(argument('sizes', '120,500'))
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const result = {
    machine: {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      cpus: os.availableParallelism(),
      node: process.version,
      engine: 'not measured',
      loadBefore: load(),
    },
    storms: [],
    applyRuns: APPLY_RUNS,
  };
  try {
    console.log('one event at 10,000 containers (generated JSON)...');
    result.apply = await benchApplyCost(APPLY_RUNS);
    if (!process.argv.includes('--skip-engine')) await engineParts(result, sizes);
  } finally {
    closeAgent();
  }
  result.machine.loadAfter = load();
  printEvents(result);
  if (process.argv.includes('--write')) {
    const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'docs', 'BENCHMARKS.md');
    const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';
    const sections = previous.split(/^(?=## )/m);
    const at = sections.findIndex((s) => s.startsWith('## Busy engines'));
    const ours = eventsMarkdown(result, at >= 0 ? sections[at] : '').trimEnd() + '\n';
    if (at >= 0) sections[at] = ours + '\n';
    else sections.push((previous.endsWith('\n') ? '\n' : '\n\n') + ours);
    writeFileSync(out, sections.join('').replace(/\n{3,}/g, '\n\n'));
    console.log(`\nwritten: ${out}`);
  }
}

main().catch((error) => {
  console.error(`bench-events failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
