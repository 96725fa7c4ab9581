/**
 * diffSnapshots against an oracle of its own: two snapshots built from random variations of a recorded engine
 * listing (entities dropped, containers stopped or disconnected, and any field the model carries edited), and
 * "changed" decided by deep equality of the built entities (node:util isDeepStrictEqual), never by the diff's
 * own comparison functions. One test per kind of field edit checks that the edit alone makes exactly its entity
 * change, so a comparison that skips a field (a subnet's IP range, a port's protocol...) fails by name.
 */
import { strict as assert } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { propertyBudget } from '../propertyBudget';
import type {
  EngineContainer,
  EngineEndpointSettings,
  EngineListing,
  EngineNetwork,
} from '../../../src/engine/records';
import { diffSnapshots } from '../../../src/model/diff';
import { buildSnapshot } from '../../../src/model/snapshot';
import type { EntityDiff, TopologySnapshot } from '../../../src/model/topology';
import { loadListing } from './engineFixtures';

type Kind = 'network' | 'container' | 'endpoint';
interface FieldEdit {
  field: string;
  kind: Kind;
  /** Edits the raw listing in place; returns false when the target has nothing to edit. */
  apply: (net: EngineNetwork, container: EngineContainer) => boolean;
}

const firstEndpoint = (c: EngineContainer): EngineEndpointSettings | undefined =>
  Object.values(c.NetworkSettings?.Networks ?? {})[0];
const firstIpam = (n: EngineNetwork) => n.IPAM?.Config?.[0];
const onNet = (field: string, apply: (n: EngineNetwork) => boolean | void): FieldEdit => ({
  field,
  kind: 'network',
  apply: (n) => apply(n) !== false,
});
const onIpam = (field: string, apply: (c: NonNullable<ReturnType<typeof firstIpam>>) => void): FieldEdit =>
  onNet(field, (n) => {
    const c = firstIpam(n);
    if (!c) return false;
    apply(c);
  });
const onContainer = (field: string, apply: (c: EngineContainer) => boolean | void): FieldEdit => ({
  field,
  kind: 'container',
  apply: (_n, c) => apply(c) !== false,
});
const onPort = (field: string, apply: (p: NonNullable<EngineContainer['Ports']>[number]) => void): FieldEdit =>
  onContainer(field, (c) => {
    const p = c.Ports?.[0];
    if (!p) return false;
    apply(p);
  });
const onEndpoint = (field: string, apply: (s: EngineEndpointSettings) => void): FieldEdit => ({
  field,
  kind: 'endpoint',
  apply: (_n, c) => {
    const s = firstEndpoint(c);
    if (!s) return false;
    apply(s);
    return true;
  },
});

/** Every field of the model, edited through the engine's own record (what a real engine change looks like). */
const EDITS: FieldEdit[] = [
  onNet('network name', (n) => {
    n.Name += '-renamed';
  }),
  onNet('driver', (n) => {
    n.Driver = n.Driver === 'ipvlan' ? 'macvlan' : 'ipvlan';
  }),
  onNet('scope', (n) => {
    n.Scope = n.Scope === 'swarm' ? 'local' : 'swarm';
  }),
  onNet('created', (n) => {
    n.Created = '2030-01-01T00:00:00Z';
  }),
  onNet('IPAM driver', (n) => {
    n.IPAM = { ...n.IPAM, Driver: 'other-ipam' };
  }),
  onNet('IPAM options', (n) => {
    n.IPAM = { ...n.IPAM, Options: { ...(n.IPAM?.Options ?? {}), k: 'v' } };
  }),
  onNet('internal', (n) => {
    n.Internal = !n.Internal;
  }),
  onNet('attachable', (n) => {
    n.Attachable = !n.Attachable;
  }),
  onNet('IPv6', (n) => {
    n.EnableIPv6 = !n.EnableIPv6;
  }),
  onNet('ingress', (n) => {
    n.Ingress = !n.Ingress;
  }),
  onNet('config-only', (n) => {
    n.ConfigOnly = !n.ConfigOnly;
  }),
  onNet('config-from', (n) => {
    n.ConfigFrom = { Network: 'template-net' };
  }),
  onNet('driver option', (n) => {
    n.Options = { ...(n.Options ?? {}), 'com.example.test-option': 'on' };
  }),
  onNet('network label', (n) => {
    n.Labels = { ...(n.Labels ?? {}), team: 'blue' };
  }),
  onNet('network compose project', (n) => {
    n.Labels = { ...(n.Labels ?? {}), 'com.docker.compose.project': 'p2' };
  }),
  onNet('second IPAM config', (n) => {
    n.IPAM = { ...n.IPAM, Config: [...(n.IPAM?.Config ?? []), { Subnet: 'fd99::/64' }] };
  }),
  onIpam('subnet', (c) => {
    c.Subnet = '10.250.0.0/16';
  }),
  onIpam('gateway', (c) => {
    c.Gateway = '10.250.0.254';
  }),
  onIpam('IP range', (c) => {
    c.IPRange = c.IPRange === '10.250.1.0/24' ? '10.250.2.0/24' : '10.250.1.0/24';
  }),
  onIpam('aux address', (c) => {
    c.AuxiliaryAddresses = { ...(c.AuxiliaryAddresses ?? {}), printer: '10.250.0.9' };
  }),
  onContainer('container name', (c) => {
    c.Names = ['/renamed-' + c.Id.slice(0, 4)];
  }),
  onContainer('state', (c) => {
    c.State = c.State === 'paused' ? 'running' : 'paused';
  }),
  onContainer('status', (c) => {
    c.Status = 'Up 3 weeks (healthy)';
  }),
  onContainer('image', (c) => {
    c.Image = 'other:2';
  }),
  onContainer('container label', (c) => {
    c.Labels = { ...(c.Labels ?? {}), team: 'blue' };
  }),
  onContainer('compose service', (c) => {
    c.Labels = { ...(c.Labels ?? {}), 'com.docker.compose.service': 's2' };
  }),
  onContainer('compose project', (c) => {
    c.Labels = { ...(c.Labels ?? {}), 'com.docker.compose.project': 'p2' };
  }),
  onContainer('network mode', (c) => {
    c.HostConfig = { ...c.HostConfig, NetworkMode: 'other-mode' };
  }),
  onContainer('added port', (c) => {
    c.Ports = [...(c.Ports ?? []), { PrivatePort: 7, Type: 'sctp' }];
  }),
  onPort('port protocol', (p) => {
    p.Type = p.Type === 'udp' ? 'tcp' : 'udp';
  }),
  onPort('port host IP', (p) => {
    p.IP = p.IP === '127.0.0.2' ? '127.0.0.3' : '127.0.0.2';
    p.PublicPort ||= 9000;
  }),
  onPort('port host port', (p) => {
    p.PublicPort = (p.PublicPort ?? 0) + 1;
  }),
  onPort('container port', (p) => {
    p.PrivatePort += 1;
  }),
  onEndpoint('IPv4', (s) => {
    s.IPAddress = '10.251.0.7';
  }),
  onEndpoint('IPv4 prefix', (s) => {
    s.IPAddress ||= '10.251.0.7';
    s.IPPrefixLen = (s.IPPrefixLen ?? 0) + 1;
  }),
  onEndpoint('IPv6', (s) => {
    s.GlobalIPv6Address = 'fd99::7';
  }),
  onEndpoint('IPv6 prefix', (s) => {
    s.GlobalIPv6Address ||= 'fd99::7';
    s.GlobalIPv6PrefixLen = (s.GlobalIPv6PrefixLen ?? 0) + 1;
  }),
  onEndpoint('MAC', (s) => {
    s.MacAddress = '02:00:00:00:00:99';
  }),
  onEndpoint('gateway', (s) => {
    s.Gateway = '10.251.0.1';
  }),
  onEndpoint('IPv6 gateway', (s) => {
    s.IPv6Gateway = 'fd99::1';
  }),
  onEndpoint('endpoint id', (s) => {
    s.EndpointID = 'e'.repeat(64);
  }),
  onEndpoint('alias', (s) => {
    s.Aliases = [...(s.Aliases ?? []), 'extra-alias'];
  }),
  onEndpoint('DNS name', (s) => {
    s.DNSNames = [...(s.DNSNames ?? []), 'extra-dns'];
  }),
];

/** Random variations: entities dropped, containers stopped or disconnected, and random field edits. */
function variation(base: EngineListing): fc.Arbitrary<EngineListing> {
  const flags = (n: number) => fc.array(fc.boolean(), { minLength: n, maxLength: n });
  const edit = fc.tuple(fc.nat(EDITS.length - 1), fc.nat(base.networks.length - 1), fc.nat(base.containers.length - 1));
  return fc
    .record({
      keepNetwork: flags(base.networks.length),
      keepContainer: flags(base.containers.length),
      stop: flags(base.containers.length),
      dropFirstEndpoint: flags(base.containers.length),
      edits: fc.array(edit, { maxLength: 6 }),
    })
    .map(({ keepNetwork, keepContainer, stop, dropFirstEndpoint, edits }) => {
      const copy = structuredClone(base);
      for (const [e, n, c] of edits) EDITS[e].apply(copy.networks[n], copy.containers[c]);
      const containers: EngineContainer[] = [];
      copy.containers.forEach((container, i) => {
        if (!keepContainer[i]) return;
        if (stop[i]) container.State = 'exited';
        const attached = container.NetworkSettings?.Networks;
        const first = attached ? Object.keys(attached)[0] : undefined;
        if (attached && first && dropFirstEndpoint[i]) delete attached[first];
        containers.push(container);
      });
      return { networks: copy.networks.filter((_n, i) => keepNetwork[i]), containers };
    });
}

/** The oracle: before - removed + added = after, and changed = the kept entities not deeply equal. */
function assertDiffExplains<T>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  diff: EntityDiff<T>,
  keyOf: (entity: T) => string,
): void {
  const keys = (list: T[]) => list.map(keyOf).sort();
  assert.deepEqual(keys(diff.added), [...after.keys()].filter((k) => !before.has(k)).sort(), 'added');
  assert.deepEqual(keys(diff.removed), [...before.keys()].filter((k) => !after.has(k)).sort(), 'removed');
  const differing = [...after].filter(([k, next]) => before.has(k) && !isDeepStrictEqual(before.get(k), next));
  assert.deepEqual(keys(diff.changed), differing.map(([k]) => k).sort(), 'changed');
  for (const entity of diff.changed) assert.equal(entity, after.get(keyOf(entity)), 'changed carries the new version');
}

function assertExplainsAll(before: TopologySnapshot, after: TopologySnapshot): void {
  const diff = diffSnapshots(before, after);
  assertDiffExplains(before.networks, after.networks, diff.networks, (n) => n.id);
  assertDiffExplains(before.containers, after.containers, diff.containers, (c) => c.id);
  assertDiffExplains(before.endpoints, after.endpoints, diff.endpoints, (e) => e.key);
}

describe('diffSnapshots, property: the diff explains every difference between random engine states', () => {
  const base = loadListing('before');
  const net = base.networks.findIndex((n) => n.Name === 'dne-model-v6');
  const web = base.containers.findIndex((c) => (c.Names ?? []).includes('/dne-model-web'));

  for (const edit of EDITS) {
    it(`an edited ${edit.field} alone makes exactly that ${edit.kind} changed`, () => {
      const edited = structuredClone(base);
      assert.ok(edit.apply(edited.networks[net], edited.containers[web]), `the fixture has a ${edit.field} to edit`);
      const before = buildSnapshot(base);
      const after = buildSnapshot(edited);
      assertExplainsAll(before, after);
      const diff = diffSnapshots(before, after);
      const [netId, webId] = [base.networks[net].Id, base.containers[web].Id];
      const endpointKey = `${firstEndpoint(base.containers[web])?.NetworkID}/${webId}`;
      const changed = {
        network: diff.networks.changed.map((n) => n.id),
        container: diff.containers.changed.map((c) => c.id),
        endpoint: diff.endpoints.changed.map((e) => e.key),
      };
      const expected = { network: netId, container: webId, endpoint: endpointKey }[edit.kind];
      assert.ok(changed[edit.kind].includes(expected), `${edit.kind} ${expected} is listed as changed`);
    });
  }

  it('added, removed and changed account for the networks, containers and endpoints of the second snapshot', () => {
    fc.assert(
      fc.property(variation(base), variation(base), (first, second) => {
        assertExplainsAll(buildSnapshot(first), buildSnapshot(second));
      }),
      propertyBudget(300),
    );
  });
});
