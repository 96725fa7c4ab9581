// Turns one benchmark run into the console table and docs/BENCHMARKS.md.
import { formatMs } from './stats.mjs';

const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
const verdict = (ok) => (ok ? 'met' : 'NOT met');

export function targets(result) {
  const s = result.snapshot;
  const list = [];
  if (s) {
    list.push({
      target: 'snapshot: exactly 2 engine requests',
      measured: `${s.requests.length} (${s.requests.join(', ')})`,
      ok: s.requests.length === 2,
    });
    list.push({
      target: 'snapshot: >= 4x faster than the CLI way (ls + inspect per network)',
      measured: `${ratio(s.cliPerNetworkMs, s.oursMs)} faster (${formatMs(s.cliPerNetworkMs)} vs ${formatMs(s.oursMs)})`,
      ok: s.cliPerNetworkMs >= 4 * s.oursMs,
    });
    list.push({
      target: "snapshot: within 1.5x of the engine's raw time (curl, 2 requests)",
      measured: `${ratio(s.oursMs, s.curlMs)} of ${formatMs(s.curlMs)}`,
      ok: s.oursMs <= 1.5 * s.curlMs,
    });
  }
  if (result.events) {
    list.push({
      target: 'event to model: median < 150 ms',
      measured: `median ${formatMs(result.events.connectMedianMs)}, p90 ${formatMs(result.events.connectP90Ms)}, ${result.events.missed.connect} missed`,
      ok: result.events.connectMedianMs < 150 && result.events.missed.connect === 0,
    });
  }
  if (result.activation) {
    list.push({
      target: 'activation: load + activate() < 50 ms',
      measured: formatMs(result.activation.totalMs),
      ok: result.activation.totalMs < 50,
    });
  }
  return list;
}

export function printConsole(result) {
  const { machine, snapshot: s, events, model, activation } = result;
  console.log(
    `\nMachine: ${machine.cpus} cores, Node ${machine.node}, engine ${machine.engine} (API ${machine.api}), load ${machine.loadBefore} -> ${machine.loadAfter}`,
  );
  if (s) {
    console.log(
      `\n(a) Full snapshot on the real engine: ${s.networks} networks, ${s.containers} containers, ${s.endpoints} endpoints; median of ${s.rounds} rounds`,
    );
    console.table({
      'ours: listing() + buildSnapshot': { median: formatMs(s.oursMs), requests: s.requests.length, processes: 0 },
      '  of which buildSnapshot': { median: formatMs(s.oursBuildMs), requests: 0, processes: 0 },
      'engine raw: curl, 2 requests (sum)': { median: formatMs(s.curlMs), requests: 2, processes: 1 },
      'engine raw: node http, 2 in parallel': { median: formatMs(s.nodeRawMs), requests: 2, processes: 0 },
      'peer: docker network ls + inspect per network': {
        median: formatMs(s.cliPerNetworkMs),
        requests: s.cliPerNetworkRequests,
        processes: s.cliProcesses,
      },
      'peer: docker network ls + one inspect of all': {
        median: formatMs(s.cliOneInspectMs),
        requests: s.cliOneInspectRequests,
        processes: 2,
      },
    });
  }
  if (model) {
    console.log('\n(b) Model only, from generated engine JSON (median per run)');
    console.table(
      Object.fromEntries(
        model.map((r) => [
          r.size,
          {
            endpoints: r.endpoints,
            'JSON MB': (r.jsonBytes / 1e6).toFixed(1),
            'JSON.parse': formatMs(r.parseMs),
            buildSnapshot: formatMs(r.buildMs),
            'diff (no change)': formatMs(r.diffSameMs),
            'diff (1 connect)': formatMs(r.diffConnectMs),
          },
        ]),
      ),
    );
  }
  if (events) {
    console.log(
      `\n(c) Event to model over ${events.samples} samples: connect median ${formatMs(events.connectMedianMs)}, p90 ${formatMs(events.connectP90Ms)}; disconnect median ${formatMs(events.disconnectMedianMs)}, p90 ${formatMs(events.disconnectP90Ms)}; missed (not in the model within 5 s): ${events.missed.connect} connects, ${events.missed.disconnect} disconnects`,
    );
  }
  if (activation) {
    console.log(
      `\n(d) Activation over ${activation.samples} fresh processes: require ${formatMs(activation.requireMs)} + activate() ${formatMs(activation.activateMs)} = ${formatMs(activation.totalMs)} (bundle ${(activation.bundleBytes / 1024).toFixed(0)} KiB)`,
    );
  }
  console.log('\nTargets');
  console.table(targets(result).map((t) => ({ target: t.target, measured: t.measured, result: verdict(t.ok) })));
}

export function markdown(result) {
  const { machine, snapshot: s, events, model, activation, setup } = result;
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (its first part, scripts/bench.mjs); every figure below comes from one run of it. The benchmark is a',
    'script that prints figures and compares with the Docker CLI in the same run, not a timed test.',
    '',
    `Run of ${machine.date}: ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, Docker engine ${machine.engine} (API ${machine.api}), ${machine.os}.`,
    `Load average (1 min) ${machine.loadBefore} at start, ${machine.loadAfter} at the end: other work shared the machine, so absolute times are noisy; each way is timed in the same rounds, in rotating order.`,
    '',
    '## Targets',
    '',
    '| Target | Measured | Result |',
    '| --- | --- | --- |',
    ...targets(result).map((t) => `| ${t.target} | ${t.measured} | ${verdict(t.ok)} |`),
    '',
  ];
  if (s) {
    lines.push(
      '## (a) Full topology snapshot on the real engine',
      '',
      `Size: ${setup.networks} user networks x ${setup.containers} containers, each container on ${setup.perContainer} of the ${setup.networks} networks ("20 networks x 100 containers":`,
      `100 containers in all, ${(setup.perContainer * setup.containers) / setup.networks} per network), all running \`sleep\` from dne-busybox:latest. The engine also held the networks of other`,
      `work at the time: the snapshot had ${s.networks} networks, ${s.containers} containers and ${s.endpoints} endpoints. Median of ${s.rounds} rounds.`,
      '',
      '| Way | Median | Engine requests | Processes |',
      '| --- | --- | --- | --- |',
      `| **ours**: engine client \`listing()\` + \`buildSnapshot\` | **${formatMs(s.oursMs)}** | ${s.requests.length} | 0 |`,
      `| engine raw: \`curl --unix-socket\`, the same 2 requests (sum of time_total) | ${formatMs(s.curlMs)} | 2 | 1 |`,
      `| engine raw: node http on the socket, the 2 requests in parallel, body read, not parsed | ${formatMs(s.nodeRawMs)} | 2 | 0 |`,
      `| peer: \`docker network ls -q\`, then \`docker network inspect\` per network | ${formatMs(s.cliPerNetworkMs)} | ${s.cliPerNetworkRequests} | ${s.cliProcesses} |`,
      `| peer: \`docker network ls -q\`, then one \`docker network inspect\` of all ids | ${formatMs(s.cliOneInspectMs)} | ${s.cliOneInspectRequests} | 2 |`,
      '',
      `Engine requests are counted by a proxy socket in front of the engine (the CLI pointed at it with DOCKER_HOST).`,
      `One \`listing()\` sends: ${s.requests.map((r) => `\`${r}\``).join(', ')}.`,
      `Ours vs CLI per network: ${ratio(s.cliPerNetworkMs, s.oursMs)} faster; vs one inspect: ${ratio(s.cliOneInspectMs, s.oursMs)} faster.`,
      `Ours vs the engine's raw answer: ${ratio(s.oursMs, s.curlMs)} of curl's time, ${ratio(s.oursMs, s.nodeRawMs)} of node's raw time.`,
      `Of ours, \`buildSnapshot\` takes ${formatMs(s.oursBuildMs)} (median); the rest is the client: two requests on new`,
      'connections (the raw node timing reuses kept-alive ones) and JSON.parse of the answers. The ratio to the raw',
      'time is the figure most sensitive to other load on the machine: it moves by a few tenths between runs.',
      '',
    );
  }
  if (model) {
    lines.push(
      '## (b) Larger sizes, from generated engine JSON',
      '',
      "scripts/bench/generateListing.mjs writes JSON shaped like the engine's answers (each container on 4 networks,",
      'ports, compose labels, 10 % stopped); it goes through `JSON.parse` and then the same `buildSnapshot` and',
      '`diffSnapshots` as the extension. "diff (1 connect)" compares with a listing where one container gained one',
      'endpoint; both diffs compare snapshots built from separately parsed JSON (no shared objects). Median of',
      `${result.modelRuns} runs, with a garbage collection before each.`,
      '',
      '| Size | Endpoints | JSON | JSON.parse | buildSnapshot | diff (no change) | diff (1 connect) |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...model.map(
        (r) =>
          `| ${r.size} | ${r.endpoints} | ${(r.jsonBytes / 1e6).toFixed(1)} MB | ${formatMs(r.parseMs)} | ${formatMs(r.buildMs)} | ${formatMs(r.diffSameMs)} | ${formatMs(r.diffConnectMs)} |`,
      ),
      '',
    );
  }
  if (events) {
    lines.push(
      '## (c) Event to model',
      '',
      `From \`connect()\` of the engine client returning until \`LiveTopology\` holds the new endpoint (and from`,
      `\`disconnect()\` returning until it is gone); events stream, ~50 ms coalescing, then one 2-request refresh.`,
      `${events.samples} samples on the benchmark's own network and container.`,
      '',
      '| | Median | p90 |',
      '| --- | --- | --- |',
      `| connect returned -> endpoint in the model | ${formatMs(events.connectMedianMs)} | ${formatMs(events.connectP90Ms)} |`,
      `| disconnect returned -> endpoint gone from the model | ${formatMs(events.disconnectMedianMs)} | ${formatMs(events.disconnectP90Ms)} |`,
      `| (for scale) the connect call itself | ${formatMs(events.connectCallMedianMs)} | |`,
      '',
      `Missed (the change not in the model within 5 s, counted apart from the figures above, then resynced): ${events.missed.connect} connects, ${events.missed.disconnect} disconnects.`,
      '',
    );
  }
  if (activation) {
    lines.push(
      '## (d) Activation',
      '',
      `A fresh Node process per sample loads dist/extension.js (${(activation.bundleBytes / 1024).toFixed(0)} KiB, built by the run) with a stub \`vscode\``,
      "module in the require cache, and calls `activate()` with a fake context. Node's own start-up is not counted;",
      `the engine connection activation schedules for later is not part of it. Median of ${activation.samples} processes.`,
      '',
      '| require(dist/extension.js) | activate() | Total |',
      '| --- | --- | --- |',
      `| ${formatMs(activation.requireMs)} | ${formatMs(activation.activateMs)} | ${formatMs(activation.totalMs)} |`,
      '',
    );
  }
  lines.push(
    '## How to reproduce',
    '',
    '```sh',
    'bash scripts/start-engine.sh            # an engine must answer (on a unix socket: curl and the CLI use it too)',
    'bash scripts/make-test-image.sh         # the local image dne-busybox:latest (no registry is reachable)',
    'npm run bench:foundation                # this part: node --expose-gc --import tsx scripts/bench.mjs',
    'npm run bench                           # all three parts (foundation, compose lint, topology panel)',
    '```',
    '',
    'Options: `--rounds N` (real-engine rounds, default 21), `--events N` (event samples, default 25),',
    '`--skip-engine` (only the generated sizes and activation). The run creates networks `dne-bench-n00..n19`',
    '(10.213.N.0/24, or 10.223/10.243/... when another network overlaps), `dne-bench-ev` and containers',
    '`dne-bench-c000..c099`, all labelled `dne.bench=1`,',
    'and removes them at the end, also after a failure or Ctrl-C (and before starting, if an earlier run left some).',
    '',
  );
  return lines.join('\n');
}
