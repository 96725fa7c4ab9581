import { strict as assert } from 'node:assert';
import { diffSnapshots, isEmptyDiff, sameContainer, sameEndpoint, sameNetwork } from '../../../src/model/diff';
import { buildSnapshot, emptySnapshot } from '../../../src/model/snapshot';
import type { ContainerModel, EndpointModel, NetworkModel } from '../../../src/model/topology';
import { loadListing } from './engineFixtures';
import { containerNamed, endpointNames, networkNamed } from './snapshotLookup';

describe('diffSnapshots between two listings recorded from a real engine', () => {
  // Between the two recordings: plain connected to v6, db disconnected from v6 and internal, mac stopped,
  // network dne-model-added created and dne-model-internal removed.
  const before = buildSnapshot(loadListing('before'));
  const after = buildSnapshot(loadListing('after'));
  const diff = diffSnapshots(before, after);

  it('reports the created and the removed network, and no other network change', () => {
    assert.deepEqual(
      diff.networks.added.map((n) => n.name),
      ['dne-model-added'],
    );
    assert.deepEqual(
      diff.networks.removed.map((n) => n.name),
      ['dne-model-internal'],
    );
    assert.deepEqual(diff.networks.changed, []);
  });

  it('reports the connected and disconnected endpoints', () => {
    assert.deepEqual(endpointNames(diff.endpoints.added), ['dne-model-plain@dne-model-v6']);
    assert.deepEqual(endpointNames(diff.endpoints.removed), [
      'dne-model-db@dne-model-internal',
      'dne-model-db@dne-model-v6',
    ]);
    const plain = diff.endpoints.added[0];
    assert.equal(plain.ipv4, '172.30.50.129');
    assert.equal(plain.ipv6, 'fd00:dead:beef::3');
  });

  it('reports the stopped container and its endpoints as changed, with the new values', () => {
    const mac = diff.containers.changed.find((c) => c.name === 'dne-model-mac');
    assert.equal(mac?.state, 'exited');
    assert.equal(mac?.running, false);
    assert.deepEqual(endpointNames(diff.endpoints.changed), [
      'dne-model-mac@dne-model-macvlan',
      'dne-model-mac@dne-model-overlay',
    ]);
    for (const endpoint of diff.endpoints.changed) {
      assert.equal(endpoint.running, false);
      assert.equal(endpoint.ipv4, undefined);
    }
    assert.deepEqual(diff.containers.added, []);
    assert.deepEqual(diff.containers.removed, []);
    assert.equal(isEmptyDiff(diff), false);
  });
});

describe('diffSnapshots', () => {
  const listing = loadListing('before');

  it('finds nothing between two snapshots built from the same engine answer', () => {
    const diff = diffSnapshots(buildSnapshot(listing), buildSnapshot(structuredClone(listing)));
    assert.equal(isEmptyDiff(diff), true);
  });

  it('reports everything as added from an empty snapshot and as removed towards one', () => {
    const full = buildSnapshot(listing);
    const grow = diffSnapshots(emptySnapshot(), full);
    assert.equal(grow.networks.added.length, full.networks.size);
    assert.equal(grow.containers.added.length, full.containers.size);
    assert.equal(grow.endpoints.added.length, full.endpoints.size);
    const shrink = diffSnapshots(full, emptySnapshot());
    assert.deepEqual(
      shrink.endpoints.removed.map((e) => e.key),
      [...full.endpoints.keys()],
    );
    assert.equal(isEmptyDiff(diffSnapshots(emptySnapshot(), emptySnapshot())), true);
  });

  it('ignores the order of keys in labels and options, as the engine may send them in any order', () => {
    const reordered = structuredClone(listing);
    for (const network of reordered.networks) {
      if (network.Options) network.Options = Object.fromEntries(Object.entries(network.Options).reverse());
    }
    assert.equal(isEmptyDiff(diffSnapshots(buildSnapshot(listing), buildSnapshot(reordered))), true);
  });

  it('reports a label added to a container as a change', () => {
    const relabelled = structuredClone(listing);
    const web = relabelled.containers.find((c) => c.Names?.[0] === '/dne-model-web');
    assert.ok(web?.Labels);
    web.Labels['team'] = 'frontend';
    const diff = diffSnapshots(buildSnapshot(listing), buildSnapshot(relabelled));
    assert.deepEqual(
      diff.containers.changed.map((c) => c.labels['team']),
      ['frontend'],
    );
    assert.deepEqual(diff.endpoints.changed, []);
  });
});

/**
 * Each field of a fully populated entity, changed alone, must make it differ: no field is forgotten. Identity
 * fields are left out: the diff matches entities by them before comparing.
 */
function assertEveryFieldCompared<T extends object>(
  entity: T,
  same: (a: T, b: T) => boolean,
  optional: (keyof T)[],
  identity: (keyof T)[],
): void {
  const full = { ...entity };
  for (const key of optional) {
    if (full[key] === undefined) (full as Record<keyof T, unknown>)[key] = 'filled';
  }
  assert.equal(same(full, { ...full }), true);
  for (const key of Object.keys(full) as (keyof T)[]) {
    if (identity.includes(key)) continue;
    const changed: Record<keyof T, unknown> = { ...full };
    const value = full[key];
    changed[key] =
      typeof value === 'string'
        ? `${value}-x`
        : typeof value === 'number'
          ? value + 1
          : typeof value === 'boolean'
            ? !value
            : Array.isArray(value)
              ? [...value, value[0] ?? 'x']
              : { ...(value as object), extra: 'x' };
    assert.equal(same(full, changed as T), false, `a change of ${String(key)} goes unnoticed`);
  }
}

describe('entity comparison', () => {
  const snapshot = buildSnapshot(loadListing('before'));

  it('compares every network field, IPAM entries included', () => {
    const v6 = networkNamed(snapshot, 'dne-model-v6');
    assertEveryFieldCompared<NetworkModel>(v6, sameNetwork, ['configFrom', 'composeProject'], ['id']);
    const otherGateway = { ...v6, ipam: [{ ...v6.ipam[0], gateway: '172.30.50.254' }, v6.ipam[1]] };
    assert.equal(sameNetwork(v6, otherGateway), false);
  });

  it('compares every container field, ports included', () => {
    const web = containerNamed(snapshot, 'dne-model-web');
    assertEveryFieldCompared<ContainerModel>(web, sameContainer, [], ['id']);
    const otherHostIp = { ...web, ports: web.ports.map((p, i) => (i === 0 ? { ...p, hostIp: '127.0.0.1' } : p)) };
    assert.equal(sameContainer(web, otherHostIp), false);
  });

  it('notices a label value, a renamed label key or a replaced alias even when the counts stay the same', () => {
    const web = containerNamed(snapshot, 'dne-model-web');
    const labelled = { ...web, labels: { team: 'front', tier: 'web' } };
    assert.equal(sameContainer(labelled, { ...labelled, labels: { tier: 'web', team: 'front' } }), true);
    assert.equal(sameContainer(labelled, { ...labelled, labels: { team: 'back', tier: 'web' } }), false);
    assert.equal(sameContainer(labelled, { ...labelled, labels: { team: 'front', zone: 'web' } }), false);
    assert.equal(sameContainer(labelled, { ...labelled, labels: { team: 'front' } }), false);
    assert.equal(sameContainer({ ...labelled, labels: { team: 'front' } }, labelled), false);
    const endpoint = snapshot.endpointsByContainer.get(web.id)?.[0] as EndpointModel;
    const aliased = { ...endpoint, aliases: ['www', 'web'] };
    assert.equal(sameEndpoint(aliased, { ...aliased, aliases: ['www', 'web'] }), true);
    assert.equal(sameEndpoint(aliased, { ...aliased, aliases: ['www', 'api'] }), false);
    assert.equal(sameEndpoint(aliased, { ...aliased, aliases: ['api', 'web'] }), false);
    assert.equal(sameEndpoint(aliased, { ...aliased, aliases: ['www'] }), false);
  });

  it('compares every endpoint field, aliases included', () => {
    const web = snapshot.endpointsByContainer.get(containerNamed(snapshot, 'dne-model-web').id)?.[0] as EndpointModel;
    assertEveryFieldCompared<EndpointModel>(
      { ...web, aliases: ['www'] },
      sameEndpoint,
      [],
      ['key', 'networkId', 'containerId'],
    );
  });
});
