/**
 * The two indexes an incremental update needs beyond the snapshot, kept current with it:
 * - which networks bear a name (names are unique per engine except for swarm networks made on several
 *   managers, where buildSnapshot resolves a name to the first in (name, id) order, i.e. the smallest id);
 * - which containers refer to a network id or name in their NetworkSettings.Networks, so that a network
 *   created or removed re-resolves exactly the endpoints that depend on it (buildSnapshot drops an endpoint
 *   whose network is unknown, and resolves by NetworkID first, then by name).
 */
import type { EngineEndpointSettings } from '../../engine/records';
import { compareText } from '../snapshot';

type Attached = Readonly<Record<string, EngineEndpointSettings | undefined>>;

export class NetworkReferences {
  private readonly idsByName = new Map<string, Set<string>>();
  private readonly containersByNetworkId = new Map<string, Set<string>>();
  private readonly containersByNetworkName = new Map<string, Set<string>>();

  addNetwork(name: string, id: string): void {
    add(this.idsByName, name, id);
  }

  removeNetwork(name: string, id: string): void {
    remove(this.idsByName, name, id);
  }

  /** The id a name resolves to, as buildSnapshot resolves it (the smallest id among networks of that name). */
  idForName(name: string): string | undefined {
    const ids = this.idsByName.get(name);
    if (!ids) return undefined;
    let first: string | undefined;
    for (const id of ids) if (first === undefined || compareText(id, first) < 0) first = id;
    return first;
  }

  addContainer(containerId: string, attached: Attached): void {
    for (const name of Object.keys(attached)) {
      add(this.containersByNetworkName, name, containerId);
      const networkId = attached[name]?.NetworkID;
      if (networkId) add(this.containersByNetworkId, networkId, containerId);
    }
  }

  removeContainer(containerId: string, attached: Attached): void {
    for (const name of Object.keys(attached)) {
      remove(this.containersByNetworkName, name, containerId);
      const networkId = attached[name]?.NetworkID;
      if (networkId) remove(this.containersByNetworkId, networkId, containerId);
    }
  }

  /** Adds to `into` the containers whose endpoints may resolve to (or away from) this network. */
  collectDependents(networkId: string, name: string, into: Set<string>): void {
    for (const id of this.containersByNetworkId.get(networkId) ?? []) into.add(id);
    for (const id of this.containersByNetworkName.get(name) ?? []) into.add(id);
  }
}

function add(index: Map<string, Set<string>>, key: string, value: string): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(value);
}

function remove(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) index.delete(key);
}
