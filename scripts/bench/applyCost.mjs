/* global structuredClone */
// Busy engines (b): the model's cost of one engine event at 10,000 containers, from generated engine JSON.
// Today's path: parse both lists + buildSnapshot + diffSnapshots. The incremental path: parse the one
// container's listing record (the targeted answer) + SnapshotEditor.apply (new immutable snapshot + its diff).
// Also what a plain shallow copy of the snapshot's maps costs, the simple way to keep snapshots immutable.
import { diffSnapshots } from '../../src/model/diff.ts';
import { SnapshotEditor } from '../../src/model/incremental/snapshotEditor.ts';
import { buildSnapshot } from '../../src/model/snapshot.ts';
import { generateListing } from './generateListing.mjs';
import { median, nowMs, quantile, timeRuns } from './stats.mjs';

const EVENTS = 2000;
const WARMUP_EVENTS = 50;

/** A container's record after `docker network connect` to one more network (or a disconnect, every other time). */
function toggledRecord(record, networks, k) {
  const copy = structuredClone(record);
  const attached = copy.NetworkSettings.Networks;
  const extra = networks[(k * 7) % networks.length];
  if (attached[extra.Name]) delete attached[extra.Name];
  else
    attached[extra.Name] = {
      NetworkID: extra.Id,
      EndpointID: `ep${k}`,
      IPAddress: `10.250.${k % 250}.9`,
      IPPrefixLen: 24,
    };
  return copy;
}

export async function benchApplyCost(runs, networkCount = 1000, containerCount = 10000) {
  const generated = generateListing(networkCount, containerCount);
  const networksJson = JSON.stringify(generated.networks);
  const containersJson = JSON.stringify(generated.containers);
  const full = await timeRuns(runs, 1, () => {
    const listing = { networks: JSON.parse(networksJson), containers: JSON.parse(containersJson) };
    return diffSnapshots(buildSnapshot(listing), buildSnapshot(listing));
  });
  const parseBuild = await timeRuns(runs, 1, () =>
    buildSnapshot({ networks: JSON.parse(networksJson), containers: JSON.parse(containersJson) }),
  );

  // What a full listing costs the incremental path: buildSnapshot into the PersistentMaps later events edit.
  const listingIntoEditor = await timeRuns(
    runs,
    1,
    () => new SnapshotEditor({ networks: JSON.parse(networksJson), containers: JSON.parse(containersJson) }),
  );
  const editor = new SnapshotEditor({ networks: JSON.parse(networksJson), containers: JSON.parse(containersJson) });
  const snapshot = editor.snapshot;
  const copyMaps = await timeRuns(runs, 1, () => ({
    networks: new Map(snapshot.networks),
    containers: new Map(snapshot.containers),
    endpoints: new Map(snapshot.endpoints),
    endpointsByNetwork: new Map(snapshot.endpointsByNetwork),
    endpointsByContainer: new Map(snapshot.endpointsByContainer),
  }));

  // Answers prepared beforehand, as JSON text: each event is timed from its answer's text to the new snapshot.
  const answers = [];
  for (let k = 0; k < WARMUP_EVENTS + EVENTS; k++) {
    const record = generated.containers[(k * 13) % generated.containers.length];
    answers.push({ id: record.Id, json: JSON.stringify([toggledRecord(record, generated.networks, k)]) });
  }
  const applyAnswer = ({ id, json }) => {
    const [record] = JSON.parse(json);
    const { diff } = editor.apply([{ kind: 'container', id, record }]);
    return diff.endpoints.added.length + diff.endpoints.removed.length;
  };
  // Warm-up (not timed): the first events compile the code path (once per extension host): steady state measured.
  for (const answer of answers.slice(0, WARMUP_EVENTS)) applyAnswer(answer);
  globalThis.gc?.();
  const perEvent = [];
  let changed = 0;
  const cpuBefore = process.cpuUsage();
  for (const answer of answers.slice(WARMUP_EVENTS)) {
    const start = nowMs();
    changed += applyAnswer(answer);
    perEvent.push(nowMs() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  if (changed < EVENTS)
    throw new Error('the generated events did not change endpoints: the benchmark would measure nothing');
  return {
    size: `${networkCount} networks x ${containerCount} containers`,
    endpoints: snapshot.endpoints.size,
    events: EVENTS,
    fullMs: median(full),
    parseBuildMs: median(parseBuild),
    listingIntoEditorMs: median(listingIntoEditor),
    warmupEvents: WARMUP_EVENTS,
    copyMapsMs: median(copyMaps),
    applyMedianMs: median(perEvent),
    applyP99Ms: quantile(perEvent, 0.99),
    applyMaxMs: Math.max(...perEvent),
    applyMeanMs: perEvent.reduce((a, b) => a + b, 0) / perEvent.length,
    // CPU time of this process (all threads: the garbage collector's too) over the timed events, per event: the
    // wall-clock mean of a shared machine also holds the time other processes had the CPU.
    applyCpuMeanMs: (cpu.user + cpu.system) / 1000 / perEvent.length,
  };
}
