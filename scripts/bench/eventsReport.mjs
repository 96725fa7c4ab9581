// The "Busy engines" section of docs/BENCHMARKS.md and its console form, from scripts/bench-events.mjs.
import { formatMs } from './stats.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Full listings, and how many of them were chosen as the cheaper way (a large burst, a slow engine). */
function listings(s) {
  const chosen = (s.listingsForBursts ?? 0) + (s.listingsWhileSlow ?? 0);
  return `${s.fullListings} listings${chosen ? `, ${chosen} of them for bursts or a slow engine` : ''}`;
}

const STORM_HEADER =
  '| N | Path | Run (load at start / end) | Changes / events | Engine requests | Requests per change | Bytes per change | dockerd CPU | Node CPU | Settle | Storm | Model = fresh listing |';
const columns = (row) => row.split(' | ').length;

function stormRows(storms, m) {
  return storms.map(
    (s) =>
      `| ${s.size} | ${s.mode} | ${m.date.slice(0, 16)}Z (${m.loadBefore} / ${m.loadAfter}) | ${s.changes} / ${s.events} | ${s.requests} (${listings(s)}, ${s.targeted} targeted) | ` +
      `**${s.requestsPerChange.toFixed(2)}** | ${kb(s.bytesPerChange)} | ${Number.isFinite(s.dockerdCpuMs) ? sec(s.dockerdCpuMs) : 'n/a'} | ` +
      `${sec(s.nodeCpuMs)} | ${formatMs(s.settleMs)} | ${sec(s.stormMs)} | ${s.matchesFreshListing ? 'yes' : '**no**'} |`,
  );
}

/** The "### " parts of a previous section, by heading. */
function subsections(section) {
  const parts = new Map();
  for (const part of section.split(/^(?=### )/m).slice(1)) parts.set(part.split('\n')[0], part.trimEnd());
  return parts;
}

const STORM = '### The storm on the real engine';
const APPLY = '### One event at 10,000 containers (generated engine JSON)';
const SILENT = '### A silent events stream';

function stormPart(result, previous) {
  const measured = new Set(result.storms.map((s) => s.size));
  // Rows of sizes not run this time stay, with their own run and load (a row of another layout is dropped).
  const kept = (previous ?? '')
    .split('\n')
    .filter((row) => /^\| \d+ \|/.test(row) && columns(row) === columns(STORM_HEADER))
    .filter((row) => !measured.has(Number(row.split(' | ')[0].slice(2))));
  if (result.storms.length === 0) return previous;
  const rows = [...kept, ...stormRows(result.storms, result.machine)].sort(
    (a, b) => Number(a.split(' | ')[0].slice(2)) - Number(b.split(' | ')[0].slice(2)),
  );
  return [
    STORM,
    '',
    `Docker engine ${result.machine.engine}. N running containers (on a network of their own) are connected to one more network in a burst, then`,
    'disconnected, then removed (`DELETE ?force=1`): 3 x N changes, 8 Engine API requests at a time from a child',
    'process. A `LiveTopology` follows the engine through a counting proxy socket, once with full listings only',
    "(`incremental: false`: today's path, one two-request listing per coalesced burst) and once incremental.",
    'Engine requests: every request the model sent during the storm (a listing is two; a targeted request names up',
    'to 40 containers); requests per change divides them by the 3 x N changes. Bytes include the events',
    "stream and headers. dockerd CPU: utime + stime from /proc/<pid>/stat over the storm (includes the storm's own",
    'work, the same in both rows). Node CPU: this process (the model); the driver runs in another. Settle: from the',
    'last event to the model idle. The last column compares the model with `buildSnapshot` of a fresh listing',
    '(all fields but a container\'s relative `status` text, "Up 5 minutes", which a listing renders at its own time).',
    'Each row keeps the time of its run and the load average (1 min) at the start and end of that run.',
    '',
    STORM_HEADER,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function applyPart(result) {
  const a = result.apply;
  const m = result.machine;
  return [
    APPLY,
    '',
    `Run of ${m.date}, load average (1 min) ${m.loadBefore} at the start, ${m.loadAfter} at the end.`,
    `${a.size} (${a.endpoints} endpoints, scripts/bench/generateListing.mjs). Today's path per event: parse both lists,`,
    "`buildSnapshot`, `diffSnapshots`. The incremental path: parse the one container's answer (its listing record),",
    `\`SnapshotEditor.apply\`: the new immutable snapshot and its diff. ${a.events} events (connects and disconnects of`,
    `different containers), each timed alone, after ${a.warmupEvents} untimed ones (the first events compile the code).`,
    'Wall time per event includes the time other processes had the CPU on a shared machine; CPU time is what this',
    "process (all its threads, the garbage collector's too) spent over the timed events, divided by their number.",
    '',
    '| Way | Per event |',
    '| --- | --- |',
    `| today: JSON.parse + buildSnapshot + diffSnapshots | ${formatMs(a.fullMs)} (median of ${result.applyRuns}) |`,
    `| (part of it) JSON.parse + buildSnapshot | ${formatMs(a.parseBuildMs)} |`,
    `| (the simple immutable way) shallow copy of the snapshot's five maps | ${formatMs(a.copyMapsMs)} |`,
    `| **incremental: parse the answer + apply**, wall time | **median ${formatMs(a.applyMedianMs)}, mean ${formatMs(a.applyMeanMs)}**, p99 ${formatMs(a.applyP99Ms)}, max ${formatMs(a.applyMaxMs)} |`,
    `| incremental, CPU time | **mean ${formatMs(a.applyCpuMeanMs)}** |`,
    `| (once per full listing, not per event) JSON.parse + buildSnapshot into the editor's PersistentMaps | ${formatMs(a.listingIntoEditorMs)} |`,
    '',
    'The snapshot maps are PersistentMaps (src/model/incremental/persistentMap.ts): a two-level hash trie for',
    'lookups and a list of sorted chunks of about sqrt(n) entries for the order; a change copies a few small',
    'arrays, never the map, so no event pays for an O(n) rebuild. The p99 and the maximum are pauses of the',
    'garbage collector and of the process waiting for a CPU on a loaded machine.',
  ].join('\n');
}

function silentPart(result) {
  const s = result.silent;
  return [
    SILENT,
    '',
    `Run of ${result.machine.date}. The client reaches the engine through a proxy socket that stops forwarding the events stream's bytes without`,
    'closing it (test/unit/engine/freezingProxy.ts); then a container is connected to a network. With the default',
    '`dockerNetworks.eventsCheckSeconds` (30 s), the check found the missed event, reopened the stream and the',
    `resync showed the new endpoint **${sec(s.noticedMs)}** after the connect (goal < 45 s; at most the interval`,
    'plus about 2 s; the resync comes with the verdict, the new stream after its retry delay).',
  ].join('\n');
}

/**
 * The section, from this run and the previous section (`previous`, may be empty): parts and storm sizes not
 * measured this time are kept as they were, each with its own run's date and load.
 */
export function eventsMarkdown(result, previous = '') {
  const m = result.machine;
  const old = subsections(previous);
  const intro = [
    '## Busy engines',
    '',
    'Written by `node --expose-gc --import tsx scripts/bench-events.mjs --write` (part of `npm run bench`;',
    '`--sizes 120` runs one storm size, `--skip-engine` only the generated-JSON part, `--skip-silent` skips the',
    `silent stream: \`--write\` replaces only what the run measured). ${m.cpus} cores, Node ${m.node}. The machine`,
    'is shared with other work: CPU times and latencies are noisy at a high load; request and byte counts are not.',
  ].join('\n');
  const parts = [
    intro,
    stormPart(result, old.get(STORM)),
    result.apply ? applyPart(result) : old.get(APPLY),
    result.silent ? silentPart(result) : old.get(SILENT),
  ];
  return parts.filter((part) => part !== undefined).join('\n\n') + '\n';
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
      `  one event at ${a.size}: today ${formatMs(a.fullMs)}, copy maps ${formatMs(a.copyMapsMs)}, incremental median ${formatMs(a.applyMedianMs)} mean ${formatMs(a.applyMeanMs)} (CPU ${formatMs(a.applyCpuMeanMs)}) p99 ${formatMs(a.applyP99Ms)}`,
    );
  }
  if (result.silent)
    console.log(`  silent stream: noticed and right again ${sec(result.silent.noticedMs)} after the change`);
}
