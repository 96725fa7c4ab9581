/**
 * Fixes as data for "no usable shared network": connect one side to a network of the other (user-defined
 * networks first, since only they resolve names; ICC-disabled bridges never, since they would block again), or
 * create a user-defined network and connect both. Both sides are namespace owners in a namespace of their own
 * (the analysis handles host, none and container: modes before it looks for a shared network), so both can be
 * connected.
 */
import type { ContainerModel, NetworkModel } from '../../model/topology';
import { type Analysis, acceptsConnections, isIccDisabled } from './context';
import { hasEmbeddedDns } from './names';

/** A network that would give a working path; by name only a network with the embedded DNS helps. */
function joinable(network: NetworkModel, byName: boolean): boolean {
  return acceptsConnections(network) && !isIccDisabled(network) && (!byName || hasEmbeddedDns(network));
}

/** Networks of `owner` that `other` could join, user-defined first, then by name. */
function networksToJoin(a: Analysis, owner: ContainerModel, other: ContainerModel, byName: boolean): NetworkModel[] {
  const already = new Set(a.endpoints(other).map((e) => e.network.id));
  return a
    .endpoints(owner)
    .map((e) => e.network)
    .filter((n) => joinable(n, byName) && !already.has(n.id))
    .sort((x, y) => Number(hasEmbeddedDns(y)) - Number(hasEmbeddedDns(x)) || x.name.localeCompare(y.name));
}

/** Adds the connect fixes and the create-and-connect fix for two namespaces that share no usable network. */
export function addNetworkFixes(a: Analysis, source: ContainerModel, target: ContainerModel, byName: boolean): void {
  for (const network of networksToJoin(a, target, source, byName)) {
    a.fix({ kind: 'connect', networkId: network.id, containerIds: [source.id] });
  }
  for (const network of networksToJoin(a, source, target, byName)) {
    a.fix({ kind: 'connect', networkId: network.id, containerIds: [target.id] });
  }
  a.fix({ kind: 'createNetworkAndConnect', containerIds: [source.id, target.id] });
}
