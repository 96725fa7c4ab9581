// (b) The model alone at growing sizes, from generated engine JSON: parse, buildSnapshot, diff.
import { buildSnapshot } from '../../src/model/snapshot.ts';
import { diffSnapshots, isEmptyDiff } from '../../src/model/diff.ts';
import { generateListing, withOneMoreEndpoint } from './generateListing.mjs';
import { median, timeRuns } from './stats.mjs';

export const GENERATED_SIZES = [
  [20, 100],
  [200, 2000],
  [1000, 10000],
];

export async function benchPureModel(runs) {
  const rows = [];
  for (const [networkCount, containerCount] of GENERATED_SIZES) {
    const generated = generateListing(networkCount, containerCount);
    const networksJson = JSON.stringify(generated.networks);
    const containersJson = JSON.stringify(generated.containers);
    const changedJson = JSON.stringify(withOneMoreEndpoint(generated).containers);
    // Through JSON, as the engine client hands it over: flat strings, like a real answer.
    const listing = { networks: JSON.parse(networksJson), containers: JSON.parse(containersJson) };

    const parse = await timeRuns(runs, 2, () => {
      JSON.parse(networksJson);
      JSON.parse(containersJson);
    });
    const build = await timeRuns(runs, 2, () => buildSnapshot(listing));
    const before = buildSnapshot(listing);
    // Built from separately parsed JSON: no object is shared, so every field is really compared.
    const same = buildSnapshot({ networks: JSON.parse(networksJson), containers: JSON.parse(containersJson) });
    const after = buildSnapshot({ networks: JSON.parse(networksJson), containers: JSON.parse(changedJson) });
    const noChange = await timeRuns(runs, 2, () => diffSnapshots(before, same));
    const oneConnect = await timeRuns(runs, 2, () => diffSnapshots(before, after));
    const connectDiff = diffSnapshots(before, after);
    if (!isEmptyDiff(diffSnapshots(before, same)) || connectDiff.endpoints.added.length !== 1) {
      throw new Error('generated listings do not diff as expected: the benchmark would measure the wrong thing');
    }
    rows.push({
      size: `${networkCount} networks x ${containerCount} containers`,
      endpoints: before.endpoints.size,
      jsonBytes: networksJson.length + containersJson.length,
      parseMs: median(parse),
      buildMs: median(build),
      diffSameMs: median(noChange),
      diffConnectMs: median(oneConnect),
    });
  }
  return rows;
}
