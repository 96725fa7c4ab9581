// The "Busy engines" section of docs/BENCHMARKS.md and its console form, from scripts/bench-events.mjs.
import { formatMs } from './stats.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Full listings, and how many of them were chosen as the cheaper way (a large burst, a slow engine). */
function listings(s) {
  const chosen = (s.listingsForBursts ?? 0) + (s.listingsWhileSlow ?? 0);
  return `${s.fullListings} listings${chosen ? `, ${chosen} of them for bursts or a slow engine` : ''}`;
}

function stormRows(storms) {
  return storms.map(
    (s) =>
      `| ${s.size} | ${s.mode} | ${s.changes} / ${s.events} | ${s.requests} (${listings(s)}, ${s.targeted} targeted) | ` +
      `**${s.requestsPerChange.toFixed(2)}** | ${kb(s.bytesPerChange)} | ${Number.isFinite(s.dockerdCpuMs) ? sec(s.dockerdCpuMs) : 'n/a'} | ` +
      `${sec(s.nodeCpuMs)} | ${formatMs(s.settleMs)} | ${sec(s.stormMs)} | ${s.matchesFreshListing ? 'yes' : '**no**'} |`,
  );
}

export function eventsMarkdown(result) {
  const m = result.machine;
  const a = result.apply;
  const lines = [
    '## Busy engines',
    '',
    `Written by \`node --expose-gc --import tsx scripts/bench-events.mjs --write\` (part of \`npm run bench\`). Run of ${m.date}:`,
    `${m.cpus} cores, Node ${m.node}, Docker engine ${m.engine}. Load average (1 min) ${m.loadBefore} at start, ${m.loadAfter} at the end`,
    '(the machine was shared with other work: CPU times and latencies are noisy; request and byte counts are not).',
    '',
    '### The storm on the real engine',
    '',
    'N running containers (on a network of their own) are connected to one more network in a burst, then',
    'disconnected, then removed (`DELETE ?force=1`): 3 x N changes, 8 Engine API requests at a time from a child',
    'process. A `LiveTopology` follows the engine through a counting proxy socket, once with full listings only',
    "(`incremental: false`: today's path, one two-request listing per coalesced burst) and once incremental.",
    'Requests and bytes: what the model asked and read from the engine during the storm (bytes include the events',
    "stream and headers). dockerd CPU: utime + stime from /proc/<pid>/stat over the storm (includes the storm's own",
    'work, the same in both rows). Node CPU: this process (the model); the driver runs in another. Settle: from the',
    'last event to the model idle. The last column compares the model with `buildSnapshot` of a fresh listing',
    '(all fields but a container\'s relative `status` text, "Up 5 minutes", which a listing renders at its own time).',
    '',
    '| N | Path | Changes / events | Engine requests | Requests per change | Bytes per change | dockerd CPU | Node CPU | Settle | Storm | Model = fresh listing |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...stormRows(result.storms),
    '',
  ];
  if (a) {
    lines.push(
      '### One event at 10,000 containers (generated engine JSON)',
      '',
      `${a.size} (${a.endpoints} endpoints, scripts/bench/generateListing.mjs). Today's path per event: parse both lists,`,
      "`buildSnapshot`, `diffSnapshots`. The incremental path: parse the one container's answer (its listing record),",
      `\`SnapshotEditor.apply\`: the new immutable snapshot and its diff. ${a.events} events (connects and disconnects of`,
      'different containers), each timed alone.',
      '',
      "On a machine this loaded the full path's medians are several times those of a quiet run (see (b) above); the",
      'ratio between the rows is the figure to read.',
      '',
      '| Way | Per event |',
      '| --- | --- |',
      `| today: JSON.parse + buildSnapshot + diffSnapshots | ${formatMs(a.fullMs)} (median of ${result.applyRuns}) |`,
      `| (part of it) JSON.parse + buildSnapshot | ${formatMs(a.parseBuildMs)} |`,
      `| (the simple immutable way) shallow copy of the snapshot's five maps | ${formatMs(a.copyMapsMs)} |`,
      `| **incremental: parse the answer + apply** | **median ${formatMs(a.applyMedianMs)}**, mean ${formatMs(a.applyMeanMs)}, p99 ${formatMs(a.applyP99Ms)}, max ${formatMs(a.applyMaxMs)} |`,
      '',
      'The snapshot maps are LayeredMaps: a shared base plus the keys changed since; every ~2 x sqrt(n) changes',
      'the layers are merged into a new base (O(n)), which is where the p99 and the maximum come from (with',
      'garbage collection); the mean includes them.',
      '',
    );
  }
  if (result.silent) {
    const s = result.silent;
    lines.push(
      '### A silent events stream',
      '',
      "The client reaches the engine through a proxy socket that stops forwarding the events stream's bytes without",
      'closing it (test/unit/engine/freezingProxy.ts); then a container is connected to a network. With the default',
      '`dockerNetworks.eventsCheckSeconds` (30 s), the check found the missed event, reopened the stream and the',
      `resync showed the new endpoint **${sec(s.noticedMs)}** after the connect (goal < 45 s; at most the interval`,
      'plus about 2 s; the resync comes with the verdict, the new stream after its retry delay).',
      '',
    );
  }
  return lines.join('\n');
}

export function printEvents(result) {
  console.log('\nBusy engines');
  for (const s of result.storms) {
    console.log(
      `  storm N=${s.size} ${s.mode}: ${s.requests} requests (${listings(s)}, ${s.targeted} targeted) for ${s.changes} changes = ` +
        `${s.requestsPerChange.toFixed(2)}/change, ${kb(s.bytesPerChange)}/change, dockerd ${sec(s.dockerdCpuMs)}, node ${sec(s.nodeCpuMs)}, ` +
        `settle ${formatMs(s.settleMs)}, storm ${sec(s.stormMs)} (setup ${sec(s.setupMs)}), model = fresh listing: ${s.matchesFreshListing}`,
    );
  }
  if (result.apply) {
    const a = result.apply;
    console.log(
      `  one event at ${a.size}: today ${formatMs(a.fullMs)}, copy maps ${formatMs(a.copyMapsMs)}, incremental median ${formatMs(a.applyMedianMs)} mean ${formatMs(a.applyMeanMs)} p99 ${formatMs(a.applyP99Ms)}`,
    );
  }
  if (result.silent)
    console.log(`  silent stream: noticed and right again ${sec(result.silent.noticedMs)} after the change`);
}
