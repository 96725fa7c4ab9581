/**
 * Random topology snapshots over a few fixed network and container ids, and the checks shared by the graph
 * property tests (LiveGraph, the drilled-down network graph): a patch applied as the webview applies it, and the
 * ids a patch names. No test of its own.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { ContainerModel, NetworkModel, PortModel, TopologySnapshot } from '../../../src/model/topology';
import type { GraphData, GraphEdge, GraphNode, GraphPatch } from '../../../src/topology/protocol';
import { container, network, snapshotOf, type Attach } from './fakeTopology';

export const NETWORK_IDS = ['na', 'nb', 'nc', 'nd', 'ne'];
export const CONTAINER_IDS = ['ca', 'cb', 'cc', 'cd', 'ce', 'cf'];
const PROJECTS = [undefined, 'shop', 'blog'];
const PORTS: PortModel[] = [
  { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
  { hostIp: '127.0.0.1', hostPort: 8443, containerPort: 443, protocol: 'tcp' },
  { containerPort: 9000, protocol: 'tcp' }, // exposed only: no node
  { hostIp: '::', hostPort: 53, containerPort: 53, protocol: 'udp' },
];

const networkArb = (id: string): fc.Arbitrary<NetworkModel> =>
  fc
    .record({
      name: fc.constantFrom(`${id}-net`, `${id}-renamed`),
      driver: fc.constantFrom('bridge', 'overlay', 'host', 'null', 'macvlan'),
      internal: fc.boolean(),
      composeProject: fc.constantFrom(...PROJECTS),
    })
    .map(({ name, driver, internal, composeProject }) =>
      network(id, name, {
        driver,
        scope: driver === 'overlay' ? 'swarm' : 'local',
        internal,
        ...(composeProject ? { composeProject } : {}),
      }),
    );

const containerArb = (id: string): fc.Arbitrary<ContainerModel> =>
  fc
    .record({
      name: fc.constantFrom(`${id}-app`, `${id}-other`),
      running: fc.boolean(),
      composeProject: fc.constantFrom(...PROJECTS),
      ports: fc.subarray(PORTS),
    })
    .map(({ name, running, composeProject, ports }) =>
      container(id, name, {
        running,
        state: running ? 'running' : 'exited',
        ports,
        ...(composeProject ? { composeProject } : {}),
      }),
    );

/** A snapshot over a small fixed universe, so that two of them share most ids and differ in a few. */
export const snapshotArb: fc.Arbitrary<TopologySnapshot> = fc
  .record({
    networks: fc.tuple(...NETWORK_IDS.map((id) => fc.option(networkArb(id), { nil: undefined }))),
    containers: fc.tuple(...CONTAINER_IDS.map((id) => fc.option(containerArb(id), { nil: undefined }))),
    links: fc.array(
      fc.record({
        net: fc.integer({ min: 0, max: NETWORK_IDS.length - 1 }),
        con: fc.integer({ min: 0, max: CONTAINER_IDS.length - 1 }),
        ipv4: fc.constantFrom(undefined, '10.0.0.2', '10.0.0.3'),
        aliases: fc.constantFrom([], ['web']),
      }),
      { maxLength: 14 },
    ),
  })
  .map(({ networks, containers, links }) => {
    const nets = networks.filter((n): n is NetworkModel => n !== undefined);
    const cons = containers.filter((c): c is ContainerModel => c !== undefined);
    const seen = new Set<string>();
    const attachments: Attach[] = [];
    for (const l of links) {
      // An endpoint may name a network or container missing from the lists: the graph must then skip its edge.
      const n = networks[l.net] ?? network(NETWORK_IDS[l.net], `${NETWORK_IDS[l.net]}-net`);
      const c = containers[l.con] ?? container(CONTAINER_IDS[l.con], `${CONTAINER_IDS[l.con]}-app`);
      const key = `${n.id}/${c.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      attachments.push({ network: n, container: c, ipv4: l.ipv4, aliases: [...l.aliases] });
    }
    return snapshotOf(nets, cons, attachments);
  });

export const byId = <T extends { id: string }>(items: Iterable<T>): Map<string, T> =>
  new Map([...items].map((x) => [x.id, x]));
export const sorted = <T>(m: Map<string, T>): Array<[string, T]> =>
  [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Adds only ids `items` lacks and updates only those it has. */
function addAndUpdate<T extends { id: string }>(items: Map<string, T>, added: T[], updated: T[], what: string): void {
  for (const x of added) {
    assert.ok(!items.has(x.id), `adds ${what} it lacks: ${x.id}`);
    items.set(x.id, x);
  }
  for (const x of updated) {
    assert.ok(items.has(x.id), `updates ${what} it has: ${x.id}`);
    items.set(x.id, x);
  }
}

/** Applies a patch as the webview does, insisting that it adds only new ids and updates or removes existing ones. */
export function applyPatch(
  graph: GraphData,
  patch: GraphPatch,
): { nodes: Map<string, GraphNode>; edges: Map<string, GraphEdge> } {
  const nodes = byId(graph.nodes);
  const edges = byId(graph.edges);
  for (const id of patch.removeEdges) assert.ok(edges.delete(id), `removes an edge it has: ${id}`);
  for (const id of patch.removeNodes) assert.ok(nodes.delete(id), `removes a node it has: ${id}`);
  addAndUpdate(nodes, patch.addNodes, patch.updateNodes, 'a node');
  addAndUpdate(edges, patch.addEdges, patch.updateEdges, 'an edge');
  return { nodes, edges };
}

export const patchIds = (p: GraphPatch): Record<string, string[]> => ({
  addNodes: p.addNodes.map((n) => n.id).sort(),
  updateNodes: p.updateNodes.map((n) => n.id).sort(),
  removeNodes: [...p.removeNodes].sort(),
  addEdges: p.addEdges.map((e) => e.id).sort(),
  updateEdges: p.updateEdges.map((e) => e.id).sort(),
  removeEdges: [...p.removeEdges].sort(),
});
